# The bridge between the programme model and the matching core.
SRCS += src/tandems/tandems.c src/tandems/report.c
