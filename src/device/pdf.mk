# The PDF device (libharu) and its tests. zlib checks PNG data before
# libharu sees it.
SRCS += src/device/dev_pdf.c src/device/pdf_png.c \
	src/device/pdf_font.c src/device/pdf_pdfa.c src/device/pdf_tags.c
UNIT_TESTS += tests/unit/test_pdf.c
LIBS += -lz
