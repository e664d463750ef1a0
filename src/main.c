/*
 * tandem: the command line. This file only picks the subcommand; each
 * subcommand in src/cmd/ parses its own options and calls the library.
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd/cmd.h"
#include "util/diag.h"
#include "util/fileio.h"

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
	diag_setrc(DIAG_USAGE);
	return -1;
}

/*
 * Flush stdout and report a write error (full disk, closed pipe) as an
 * output not written.
 */
static void
close_stdout(void)
{
	if (fflush(stdout) != 0 || ferror(stdout) || fclose(stdout) != 0)
		diag(DIAG_CANTCREAT, NULL, 0, 0, "writing standard output: %s",
		    strerror(errno));
}

/*
 * Run one command with a sink of its own that prints on stderr; the exit
 * code is that of the worst diagnostic. A command that fails without
 * saying why is a bug.
 */
static int
run(const struct command *c, int argc, char *argv[])
{
	struct diag_sink s = DIAG_SINK_INIT(diag_emit_print, NULL);
	int rc;

	diag_push(&s);
	rc = c->run(argc, argv);
	close_stdout();
	if (rc != 0 && diag_rc(&s) == 0)
		diag_setrc(DIAG_INTERNAL);
	rc = diag_rc(&s);
	diag_pop(&s);
	return rc;
}

int
main(int argc, char *argv[])
{
	/* Past a file-size limit (ulimit -f) a write should fail with EFBIG,
	 * which the atomic output code reports and cleans up, rather than
	 * kill tandem and leave a temporary file behind. */
	signal(SIGXFSZ, SIG_IGN);
	fileio_catch_signals();
	if (argc < 2) {
		usage(stderr);
		return EX_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		usage(stdout);
		close_stdout();
		return diag_rc(NULL);
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("tandem %s\n", TANDEM_VERSION);
		close_stdout();
		return diag_rc(NULL);
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return run(&commands[i], argc - 1, argv + 1);
	fprintf(stderr, "tandem: error: unknown command '%s'\n", argv[1]);
	usage(stderr);
	return EX_USAGE;
}
