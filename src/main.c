/*
 * tandem: the command line. This file only picks the subcommand; each
 * subcommand in src/cmd/ parses its own options and calls the library.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "cmd/cmd.h"
#include "util/diag.h"
#include "util/fileio.h"

#ifndef TANDEM_VERSION
#define TANDEM_VERSION "0.1.0"
#endif

/* The subcommands; their synopses are in src/cmd/usage.c. */
static const struct command {
	const char	*name;
	int		(*run)(int, char *[]);
} commands[] = {
	{ "check", cmd_check },
	{ "match", cmd_match },
	{ "build", cmd_build },
	{ "stats", cmd_stats },
	{ "import", cmd_import },
	{ "export", cmd_export },
};

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
		cmd_usage_all(stderr);
		return EX_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
		cmd_usage_all(stdout);
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
	cmd_usage_all(stderr);
	return EX_USAGE;
}
