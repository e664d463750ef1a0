/*
 * Shrink-to-fit and wrapping of large single-paragraph text (see fit.h).
 */
#include <stdlib.h>

#include "compose/fit.h"
#include "device/font.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Width of [s, s+n) at size pt. */
static double
width_at(const struct font *f, const char *s, size_t n, double pt)
{
	return font_width(f, s, n) * pt / 1000.0;
}

/* Add a line, trimming spaces. */
static void
add_line(struct fit *o, const char *s, size_t off, size_t end, size_t *cap)
{
	while (off < end && s[off] == ' ')
		off++;
	while (end > off && s[end - 1] == ' ')
		end--;
	if (end == off)
		return;
	o->lines = xgrow(o->lines, cap, o->nlines + 1, sizeof(*o->lines));
	o->lines[o->nlines++] = (struct fit_line){ off, end - off };
}

/* Length of the UTF-8 character at s (at least 1). */
static size_t
char_len(const char *s, size_t n)
{
	uint32_t cp;
	size_t l = utf8_decode(s, n, &cp);

	return l > 0 ? l : 1;
}

void
fit_text(struct fit *o, const struct font *f, const char *s, size_t len,
    double width, double max, double min)
{
	size_t cap = 0, i, best = 0, start, brk;
	double w, bestw = 0;

	o->lines = NULL;
	o->nlines = 0;
	if (min > max)
		min = max;
	w = width_at(f, s, len, max);

	/* One line, shrunk if needed. */
	if (w <= width || width_at(f, s, len, min) <= width) {
		o->size = w <= width ? max : max * width / w;
		if (o->size < min)
			o->size = min;
		add_line(o, s, 0, len, &cap);
		return;
	}

	/* Two balanced lines: the space that minimises the wider half. */
	for (i = 0; i < len; i++) {
		double a, b;

		if (s[i] != ' ')
			continue;
		a = font_width(f, s, i);
		b = font_width(f, s + i + 1, len - i - 1);
		if (best == 0 || (a > b ? a : b) < bestw) {
			best = i;
			bestw = a > b ? a : b;
		}
	}
	if (best > 0 && bestw * min / 1000.0 <= width) {
		o->size = bestw * max / 1000.0 <= width ? max :
		    width * 1000.0 / bestw;
		add_line(o, s, 0, best, &cap);
		add_line(o, s, best + 1, len, &cap);
		return;
	}

	/* Wrap greedily at the minimum size. */
	o->size = min;
	start = 0;
	while (start < len) {
		size_t end = start, lastsp = 0;

		while (end < len && s[end] == ' ')
			end++;
		start = end;
		if (start == len)
			break;
		/* Extend while it fits. */
		brk = start;
		while (end < len) {
			size_t cl = char_len(s + end, len - end);

			if (width_at(f, s + start, end + cl - start, min) >
			    width)
				break;
			end += cl;
			if (end < len && s[end] == ' ')
				lastsp = end;
		}
		if (end >= len)
			brk = len;
		else if (lastsp > start)
			brk = lastsp;
		else if (end > start)
			brk = end;		/* one word too wide: cut it */
		else
			brk = start + char_len(s + start, len - start);
		add_line(o, s, start, brk, &cap);
		start = brk;
	}
}

void
fit_free(struct fit *o)
{
	if (o == NULL)
		return;
	free(o->lines);
	o->lines = NULL;
	o->nlines = 0;
}
