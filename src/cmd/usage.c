/*
 * The synopsis of each subcommand and the usage messages built from them:
 * used by main.c (tandem --help) and by each command for its usage errors.
 */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/diag.h"

static const struct {
	const char	*name;
	const char	*synopsis;
} synopses[] = {
	{ "check", "check  DIR                       validate data and texts" },
	{ "match", "match  DIR [--explain] [--format txt|csv] [--write | -o FILE]" },
	{ "build", "build  DIR [-o OUTDIR] [--only KIND,...] [--no-pdfa]" },
	{ "stats", "stats  PROGRAMME... [--format txt|csv|pdf] [-o OUTDIR] [--min-cell N] [--no-suppress] [--bom] [--sep ,|;] [--no-pdfa]" },
	{ "import", "import FILE.csv [--into DIR | --programme] [--kind KIND] [--id ID] [--title TITLE] [--period START END] [-o FILE] [--force] [--encoding NAME]" },
	{ "export", "export DIR [--format csv] [-o FILE] [--force]" },
};

#define NSYNOPSES	(sizeof(synopses) / sizeof(synopses[0]))

void
cmd_usage_all(FILE *fp)
{
	fputs("usage: tandem COMMAND [ARGS]\n\n", fp);
	for (size_t i = 0; i < NSYNOPSES; i++)
		fprintf(fp, "  tandem %s\n", synopses[i].synopsis);
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
	for (size_t i = 0; i < NSYNOPSES; i++)
		if (strcmp(synopses[i].name, cmd) == 0)
			fprintf(stderr, "usage: tandem %s\n",
			    synopses[i].synopsis);
	diag_setrc(DIAG_USAGE);
	return -1;
}
