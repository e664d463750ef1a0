SRCS += src/device/font.c
