SRCS += src/compose/wording.c src/compose/labels.c src/compose/certno.c \
	src/compose/compose.c src/compose/placeholder.c \
	src/compose/figures.c src/compose/fit.c
UNIT_TESTS += tests/unit/test_compose.c
