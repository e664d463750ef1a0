# Shared helpers: allocation, the message function, strings, UTF-8, atomic
# output files, German collation, escaping, "did you mean", built-in files,
# string maps.
SRCS += src/util/xalloc.c src/util/diag.c src/util/strbuf.c \
	src/util/fileio.c src/util/utf8.c src/util/resource.c \
	src/util/collate.c src/util/escape.c src/util/suggest.c \
	src/util/epoch.c src/util/strmap.c src/util/bigmem.c
UNIT_TESTS += tests/unit/test_util.c tests/unit/test_collate.c \
	tests/unit/test_text.c
