# Where a character came from in the programme's data (font warnings).
SRCS += src/compose/origin.c
