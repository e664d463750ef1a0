# PNG images passed through to PDF once per run.
SRCS += src/device/pdf_image.c
