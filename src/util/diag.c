/*
 * Diagnostics as records handed to the sink in force, and exit codes from
 * their levels (see diag.h).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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

/* The records of one file that diag_emit_print() saw. */
struct capfile {
	char		*file;
	unsigned long	 shown;
	unsigned long	 hidden[DIAG_LEVEL__MAX];
};

/*
 * Per-file counts of a printing sink: the files in the order first seen,
 * and an open-addressing table of indices into them (size a power of two,
 * at most half full), so a record costs the same with many files.
 */
struct diag_cap {
	struct capfile	*files;
	size_t		 nfiles, maxfiles;
	size_t		*slots;		/* index + 1; 0: empty */
	size_t		 nslots;
};

static size_t
hash(const char *s)
{
	size_t h = 5381;

	while (*s != '\0')
		h = h * 33 + (unsigned char)*s++;
	return h;
}

/* Grow the table to nslots and put every file back. 0, or -1. */
static int
cap_rehash(struct diag_cap *c, size_t nslots)
{
	size_t *slots = calloc(nslots, sizeof(*slots));

	if (slots == NULL)
		return -1;
	for (size_t i = 0; i < c->nfiles; i++) {
		size_t j = hash(c->files[i].file) & (nslots - 1);

		while (slots[j] != 0)
			j = (j + 1) & (nslots - 1);
		slots[j] = i + 1;
	}
	free(c->slots);
	c->slots = slots;
	c->nslots = nslots;
	return 0;
}

/*
 * The counts of file in s, added if new; NULL when memory is short (the
 * record is then printed: a report of memory exhaustion comes here too).
 */
static struct capfile *
cap_file(struct diag_sink *s, const char *file)
{
	struct diag_cap *c = s->cap;
	struct capfile *f;
	size_t j;

	if (c == NULL && (c = s->cap = calloc(1, sizeof(*c))) == NULL)
		return NULL;
	if (c->nslots == 0 && cap_rehash(c, 64) != 0)
		return NULL;
	j = hash(file) & (c->nslots - 1);
	for (; c->slots[j] != 0; j = (j + 1) & (c->nslots - 1))
		if (strcmp(c->files[c->slots[j] - 1].file, file) == 0)
			return &c->files[c->slots[j] - 1];
	if (c->nfiles == c->maxfiles) {
		size_t n = c->maxfiles ? 2 * c->maxfiles : 16;

		if ((f = realloc(c->files, n * sizeof(*f))) == NULL)
			return NULL;
		c->files = f;
		c->maxfiles = n;
	}
	f = &c->files[c->nfiles];
	memset(f, 0, sizeof(*f));
	if ((f->file = strdup(file)) == NULL)
		return NULL;
	c->slots[j] = ++c->nfiles;
	if (2 * c->nfiles > c->nslots)
		(void)cap_rehash(c, 2 * c->nslots);	/* else still fits */
	return f;
}

/* Print one line per file whose records were held back, and forget. */
static void
cap_finish(struct diag_sink *s)
{
	struct diag_cap *c = s->cap;
	FILE *fp = s->arg != NULL ? s->arg : stderr;

	if (c == NULL)
		return;
	for (size_t i = 0; i < c->nfiles; i++) {
		struct capfile *f = &c->files[i];
		unsigned long warn = f->hidden[DIAG_WARNING], err = 0;
		int worst = DIAG_WARNING;
		char msg[128];

		for (int l = DIAG_ERROR; l < DIAG_LEVEL__MAX; l++)
			if (f->hidden[l] > 0) {
				err += f->hidden[l];
				worst = l;
			}
		if (warn + err > 0) {
			snprintf(msg, sizeof(msg), "%lu more %s in this file "
			    "not shown", warn + err, err == 0 ? "warnings" :
			    warn == 0 ? "errors" : "errors and warnings");
			diag_print(fp, &(struct diag_record){
			    (enum diag_level)worst, f->file, 0, 0,
			    DIAG_SUBJ_NONE, NULL, msg });
		}
		free(f->file);
	}
	free(c->files);
	free(c->slots);
	free(c);
	s->cap = NULL;
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
	cap_finish(s);
}

/*
 * Print s with every control character escaped, so that a record stays one
 * line and a value from the input (a file name, a text quoted in a
 * message) cannot move the cursor or forge a line: newline, carriage
 * return and tab as \n, \r, \t, other C0 controls, DEL and the C1
 * controls (U+0080 to U+009F, which some terminals obey) as \xHH per byte.
 * Other UTF-8 passes unchanged.
 */
static void
put_escaped(FILE *fp, const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	for (; *p != '\0'; p++) {
		if (*p == '\n')
			fputs("\\n", fp);
		else if (*p == '\r')
			fputs("\\r", fp);
		else if (*p == '\t')
			fputs("\\t", fp);
		else if (*p < 0x20 || *p == 0x7f)
			fprintf(fp, "\\x%02x", *p);
		else if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f) {
			fprintf(fp, "\\x%02x\\x%02x", p[0], p[1]);
			p++;
		} else
			putc(*p, fp);
	}
}

void
diag_print(FILE *fp, const struct diag_record *r)
{
	fputs("tandem: ", fp);
	if (r->file != NULL) {
		put_escaped(fp, r->file);
		if (r->line > 0)
			fprintf(fp, ":%ld", r->line);
		if (r->line > 0 && r->col > 0)
			fprintf(fp, ":%ld", r->col);
		fputs(": ", fp);
	}
	fprintf(fp, "%s: ", r->level == DIAG_WARNING ? "warning" : "error");
	put_escaped(fp, r->msg);
	putc('\n', fp);
}

void
diag_emit_print(struct diag_sink *s, const struct diag_record *r)
{
	struct capfile *f;

	/* The default sink is never popped to sum up: it prints all. */
	if (s != &fallback && r->file != NULL &&
	    (f = cap_file(s, r->file)) != NULL &&
	    ++f->shown > DIAG_MAX_PER_FILE) {
		f->hidden[r->level]++;
		return;
	}
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
