# The layout engine: document tree, hyphenation, line breaking, templates,
# pagination.
SRCS += src/layout/doc.c src/layout/hyph.c src/layout/linebreak.c \
	src/layout/template.c src/layout/layout.c src/layout/render.c
UNIT_TESTS += tests/unit/test_layout.c
RESOURCES += schema/template.rng=schema/template.rng
LIBS += -lhyphen
