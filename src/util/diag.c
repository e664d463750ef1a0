/*
 * Diagnostics as records handed to the sink in force, and exit codes from
 * their levels (see diag.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <sysexits.h>

#include "util/diag.h"

static const int level_rc[DIAG_LEVEL__MAX] = {
	0, EX_DATAERR, EX_NOINPUT, EX_CANTCREAT, EX_USAGE, EX_SOFTWARE
};

/*
 * The sink in force and the default one, per thread (see diag.h); the
 * default's arg is NULL, which diag_emit_print() takes for stderr.
 */
static _Thread_local struct diag_sink	*current;
static _Thread_local struct diag_sink	 fallback =
    DIAG_SINK_INIT(diag_emit_print, NULL);

static struct diag_sink *
sink(void)
{
	return current != NULL ? current : &fallback;
}

void
diag_push(struct diag_sink *s)
{
	s->prev = current;
	current = s;
}

void
diag_pop(struct diag_sink *s)
{
	if (current == s)
		current = s->prev;
	s->prev = NULL;
}

void
diag_print(FILE *fp, const struct diag_record *r)
{
	fputs("tandem: ", fp);
	if (r->file != NULL) {
		fputs(r->file, fp);
		if (r->line > 0)
			fprintf(fp, ":%ld", r->line);
		if (r->line > 0 && r->col > 0)
			fprintf(fp, ":%ld", r->col);
		fputs(": ", fp);
	}
	fprintf(fp, "%s: %s\n", r->level == DIAG_WARNING ? "warning" :
	    "error", r->msg);
}

void
diag_emit_print(struct diag_sink *s, const struct diag_record *r)
{
	diag_print(s->arg != NULL ? s->arg : stderr, r);
}

static void
vreport(enum diag_level lvl, const char *file, long line, long col,
    enum diag_subject kind, const char *id, const char *fmt, va_list ap)
{
	struct diag_sink *s = sink();
	struct diag_record r;
	char buf[512], *msg = buf;
	va_list aq;
	int n;

	s->counts[lvl]++;
	if ((int)lvl > s->worst)
		s->worst = (int)lvl;
	if (s->emit == NULL)
		return;
	/* Formatted without allocating: a report of memory exhaustion
	 * comes here too. Longer messages get their own buffer. */
	va_copy(aq, ap);
	n = vsnprintf(buf, sizeof(buf), fmt, aq);
	va_end(aq);
	if (n >= (int)sizeof(buf) && (msg = malloc((size_t)n + 1)) != NULL)
		vsnprintf(msg, (size_t)n + 1, fmt, ap);
	else if (msg == NULL)
		msg = buf;
	r = (struct diag_record){ lvl, file, line, col, kind, id, msg };
	s->emit(s, &r);
	if (msg != buf)
		free(msg);
}

void
diag(enum diag_level lvl, const char *file, long line, long col,
    const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(lvl, file, line, col, DIAG_SUBJ_NONE, NULL, fmt, ap);
	va_end(ap);
}

void
diag_subject(enum diag_level lvl, const char *file, long line, long col,
    enum diag_subject kind, const char *id, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vreport(lvl, file, line, col, kind, id, fmt, ap);
	va_end(ap);
}

void
diag_setrc(enum diag_level lvl)
{
	struct diag_sink *s = sink();

	if ((int)lvl > s->worst)
		s->worst = (int)lvl;
}

unsigned long
diag_count(enum diag_level lvl)
{
	return sink()->counts[lvl];
}

unsigned long
diag_errors(void)
{
	struct diag_sink *s = sink();
	unsigned long n = 0;

	for (int i = DIAG_ERROR; i < DIAG_LEVEL__MAX; i++)
		n += s->counts[i];
	return n;
}

void
diag_reset(void)
{
	struct diag_sink *s = sink();

	for (int i = 0; i < DIAG_LEVEL__MAX; i++)
		s->counts[i] = 0;
	s->worst = -1;
}

int
diag_level_rc(enum diag_level lvl)
{
	return level_rc[lvl];
}

int
diag_rc(const struct diag_sink *s)
{
	if (s == NULL)
		s = sink();
	return s->worst < 0 ? 0 : level_rc[s->worst];
}
