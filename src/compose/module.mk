# Composing texts with the programme's data: placeholders, role wording,
# labels, certificate numbers, report figures, fitting, data origins.
SRCS += src/compose/wording.c src/compose/labels.c src/compose/certno.c \
	src/compose/compose.c src/compose/placeholder.c \
	src/compose/placeholder_args.c src/compose/placeholder_lex.c \
	src/compose/placeholder_value.c src/compose/figures.c \
	src/compose/fit.c src/compose/origin.c \
	src/compose/grammar.c
UNIT_TESTS += tests/unit/test_compose.c
