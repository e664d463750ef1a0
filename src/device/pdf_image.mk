# PNG images passed through to PDF once per run (documents issue).
SRCS += src/device/pdf_image.c
