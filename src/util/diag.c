/*
 * The one message function (see diag.h).
 */
#include <stdarg.h>
#include <stdio.h>

#include "util/diag.h"

static unsigned long	 counts[DIAG_LEVEL__MAX];
static FILE		*stream;
static int		 quiet;

static const char *const level_names[DIAG_LEVEL__MAX] = {
	"warning", "error"
};

void
diag(enum diag_level lvl, const char *file, long line, long col,
    const char *fmt, ...)
{
	FILE *fp = stream ? stream : stderr;
	va_list ap;

	counts[lvl]++;
	if (quiet && lvl < DIAG_ERROR)
		return;
	fputs("tandem: ", fp);
	if (file != NULL) {
		fputs(file, fp);
		if (line > 0)
			fprintf(fp, ":%ld", line);
		if (line > 0 && col > 0)
			fprintf(fp, ":%ld", col);
		fputs(": ", fp);
	}
	fprintf(fp, "%s: ", level_names[lvl]);
	va_start(ap, fmt);
	vfprintf(fp, fmt, ap);
	va_end(ap);
	fputc('\n', fp);
}

unsigned long
diag_count(enum diag_level lvl)
{
	return counts[lvl];
}

void
diag_reset(void)
{
	for (int i = 0; i < DIAG_LEVEL__MAX; i++)
		counts[i] = 0;
}

void
diag_set_stream(FILE *fp)
{
	stream = fp;
}

void
diag_set_quiet(int q)
{
	quiet = q;
}
