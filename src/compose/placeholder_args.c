/*
 * What the reader and the values of the placeholder pass share: errors
 * reported at their source position, names compared and looked up, and
 * a placeholder's KEY=VALUE arguments taken.
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "compose/placeholder_priv.h"
#include "util/diag.h"

/* The source position of byte off of the text. */
static void
src_pos(const struct src *s, size_t off, long *line, long *col)
{
	size_t i = 0;

	while (i + 1 < s->nsegs && s->segs[i + 1].off <= off)
		i++;
	*line = s->segs[i].line;
	*col = s->segs[i].col > 0 ? s->segs[i].col +
	    (long)(off - s->segs[i].off) : 0;
}

/* Report an error at byte off of the text. */
void
ph_err(const struct src *s, size_t off, const char *fmt, ...)
{
	char msg[512];
	long line, col;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	src_pos(s, off, &line, &col);
	diag(DIAG_ERROR, s->file, line, col, "%s", msg);
}

/* How many bytes of t (at most 60, not cutting a character) to show. */
int
ph_show(const char *t, size_t n)
{
	if (n <= 60)
		return (int)n;
	n = 60;
	while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/* Does [t, t+n) equal the NUL-terminated word w? */
bool
ph_tok_is(const char *t, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(t, w, n) == 0;
}

/* Index of [t, t+n) in a table of names, or -1. */
int
ph_lookup(const char *const *names, int max, const char *t, size_t n)
{
	for (int i = 0; i < max; i++)
		if (ph_tok_is(t, n, names[i]))
			return i;
	return -1;
}

/* Take the argument named key (marking it used), or NULL; one already
 * taken (as=words) is not offered again. */
struct arg *
ph_arg_take(struct ph *ph, const char *key)
{
	for (size_t i = 0; i < ph->nargs; i++)
		if (!ph->args[i].used &&
		    ph_tok_is(ph->args[i].k, ph->args[i].kn, key)) {
			ph->args[i].used = true;
			return &ph->args[i];
		}
	return NULL;
}

/* Report an invalid value of an argument; returns -1. */
int
ph_bad_value(struct ph *ph, const struct arg *a)
{
	ph_err(ph->s, ph->off, "invalid value '%.*s' for '%.*s' in "
	    "placeholder '%s'", ph_show(a->v, a->vn), a->v, (int)a->kn, a->k,
	    ph->name);
	return -1;
}
