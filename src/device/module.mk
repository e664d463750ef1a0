# The output devices: fonts (fontconfig + HarfBuzz), the PDF device
# (libharu; zlib checks PNG data before libharu sees it), image checks
# (libpng, libjpeg) and the text device.
SRCS += src/device/font.c src/device/dev_text.c \
	src/device/dev_pdf.c src/device/pdf_draw.c src/device/pdf_links.c \
	src/device/pdf_png.c src/device/pdf_image.c src/device/image.c \
	src/device/pdf_font.c src/device/pdf_pdfa.c src/device/pdf_tags.c
UNIT_TESTS += tests/unit/test_pdf.c
LIBS += -lhpdf -lz
