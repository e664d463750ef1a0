SRCS += src/util/xalloc.c src/util/diag.c src/util/strbuf.c \
	src/util/fileio.c src/util/utf8.c src/util/resource.c
SRCS += src/util/epoch.c
UNIT_TESTS += tests/unit/test_util.c
