/*
 * The subcommands of the tandem command line (tandem(1)). Each takes the
 * arguments after its name (argv[0] is the subcommand) and returns 0, or -1
 * when it failed: the worst diagnostic reported decides the exit code.
 */
#ifndef CMD_CMD_H
#define CMD_CMD_H

#include <stddef.h>
#include <stdio.h>

int	cmd_check(int argc, char *argv[]);
int	cmd_match(int argc, char *argv[]);
int	cmd_build(int argc, char *argv[]);
int	cmd_stats(int argc, char *argv[]);
int	cmd_import(int argc, char *argv[]);
int	cmd_export(int argc, char *argv[]);

/*
 * Output helpers of import and export (src/cmd/output.c):
 * cmd_check_output() refuses (DIAG_CANTCREAT, with a message) to replace
 * an existing file out unless force; cmd_write_output() writes a finished
 * output to stdout (out == NULL; main() reports a failed write) or
 * atomically to out. Both return 0 or -1.
 */
int	cmd_check_output(const char *out, int force);
int	cmd_write_output(const char *out, const char *buf, size_t len);

/* The usage of every command, as tandem --help prints it (usage.c). */
void	cmd_usage_all(FILE *);

/*
 * Print a usage error "tandem CMD: message" plus the command's synopsis,
 * and set the exit code to 64 (DIAG_USAGE); returns -1.
 */
int	cmd_usage(const char *cmd, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
