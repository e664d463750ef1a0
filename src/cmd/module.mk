SRCS += src/cmd/check.c src/cmd/match.c src/cmd/build.c src/cmd/stats.c \
	src/cmd/import.c src/cmd/export.c
