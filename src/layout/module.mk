# The layout engine: document tree, hyphenation, line breaking, templates,
# pagination.
SRCS += src/layout/doc.c src/layout/hyph.c src/layout/linebreak.c \
	src/layout/template.c src/layout/layout.c src/layout/lay_vlist.c \
	src/layout/lay_text.c src/layout/lay_flow.c src/layout/lay_xref.c \
	src/layout/lay_page.c src/layout/lay_draw.c src/layout/lay_image.c \
	src/layout/render.c
UNIT_TESTS += tests/unit/test_layout.c
RESOURCES += schema/template.rng=schema/template.rng
RESOURCES += hyphenation/de.txt=src/layout/hyph_de.txt
LIBS += -lhyphen
