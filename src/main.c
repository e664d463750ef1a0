/*
 * tandem: the command line. This file only picks the subcommand; each
 * subcommand in src/cmd/ parses its own options and calls the library.
 */
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd/cmd.h"

#ifndef TANDEM_VERSION
#define TANDEM_VERSION "0.1.0"
#endif

static const struct command {
	const char	*name;
	int		(*run)(int, char *[]);
	const char	*synopsis;
} commands[] = {
	{ "check", cmd_check, "check  DIR                       validate data and texts" },
	{ "match", cmd_match, "match  DIR [--explain] [--format txt|csv] [--write | -o FILE]" },
	{ "build", cmd_build, "build  DIR [-o OUTDIR] [--only KIND,...] [--no-pdfa]" },
	{ "stats", cmd_stats, "stats  PROGRAMME... [--format txt|csv|pdf] [-o OUTDIR] [--min-cell N] [--no-suppress] [--bom] [--sep ,|;] [--no-pdfa]" },
	{ "import", cmd_import, "import FILE.csv [--into DIR | --programme] [-o FILE] [--force] [--encoding NAME]" },
	{ "export", cmd_export, "export DIR [--format csv] [-o FILE] [--force]" },
};

static void
usage(FILE *fp)
{
	fputs("usage: tandem COMMAND [ARGS]\n\n", fp);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(fp, "  tandem %s\n", commands[i].synopsis);
	fputs("  tandem --help | --version\n", fp);
}

int
cmd_usage(const char *cmd, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "tandem %s: ", cmd);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, cmd) == 0)
			fprintf(stderr, "usage: tandem %s\n",
			    commands[i].synopsis);
	return EX_USAGE;
}

/* Flush stdout and report a write error (full disk, closed pipe). */
static int
close_stdout(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0) {
		perror("tandem: error: writing standard output");
		return rc ? rc : EX_IOERR;
	}
	return rc;
}

int
main(int argc, char *argv[])
{
	/* Past a file-size limit (ulimit -f) a write should fail with EFBIG,
	 * which the atomic output code reports and cleans up, rather than
	 * kill tandem and leave a temporary file behind. */
	signal(SIGXFSZ, SIG_IGN);
	if (argc < 2) {
		usage(stderr);
		return EX_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		return close_stdout(0);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("tandem %s\n", TANDEM_VERSION);
		return close_stdout(0);
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return close_stdout(commands[i].run(argc - 1, argv + 1));
	fprintf(stderr, "tandem: error: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return EX_USAGE;
}
