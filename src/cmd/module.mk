# The subcommands: each parses its options and calls the library; usage.c
# has their synopses, output.c the outputs of import and export.
SRCS += src/cmd/check.c src/cmd/match.c src/cmd/build.c src/cmd/stats.c \
	src/cmd/import.c src/cmd/export.c src/cmd/output.c src/cmd/usage.c
