/*
 * Shrink-to-fit and wrapping of large single-paragraph text (see fit.h).
 */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "compose/fit.h"
#include "layout/render.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Width of [s, s+n) at size pt. */
static double
width_at(const struct font *f, const char *s, size_t n, double pt)
{
	return layout_text_width(f, s, n) * pt / 1000.0;
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
		a = layout_text_width(f, s, i);
		b = layout_text_width(f, s + i + 1, len - i - 1);
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

/* Is [s, s+n) a separator or dash that must not start a line (a middle
 * dot, a vertical bar, a slash, a hyphen, an en or em dash)? */
static bool
is_sep_word(const char *s, size_t n)
{
	static const char *const seps[] = { "\xc2\xb7", "|", "/", "-",
	    "\xe2\x80\x93", "\xe2\x80\x94", "\xe2\x80\xa2" };

	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++)
		if (strlen(seps[i]) == n && memcmp(s, seps[i], n) == 0)
			return true;
	return false;
}

/* A word of the balanced text: where it starts and ends. */
struct bword {
	size_t	off, end;
	bool	sep;		/* a separator ("·", "|", a dash) */
	double	x;		/* width of the words before it, each with
				   one space, in 1/1000 em */
};

void
fit_balance(struct fit *o, const struct font *f, const char *s, size_t len,
    double width, double size)
{
	struct bword *w = NULL;
	size_t nw = 0, cap = 0, lcap = 0, n, i, j;
	double *best = NULL, lim = width * 1000.0 / size;
	size_t *from = NULL;
	double used = 0, x = 0, ww, sp = layout_text_width(f, " ", 1);

	o->lines = NULL;
	o->nlines = 0;
	o->size = size;
	if (size <= 0 || width <= 0)
		return;
	for (i = 0; i < len; ) {
		while (i < len && s[i] == ' ')
			i++;
		if (i == len)
			break;
		j = i;
		while (j < len && s[j] != ' ')
			j++;
		w = xgrow(w, &cap, nw + 1, sizeof(*w));
		w[nw].off = i;
		w[nw].end = j;
		w[nw].sep = is_sep_word(s + i, j - i);
		ww = layout_text_width(f, s + i, j - i);
		if (ww > lim)
			goto out;		/* a word wider than the box */
		w[nw].x = x;
		x += ww + sp;
		nw++;
		i = j;
	}
	if (nw == 0)
		goto out;
	w = xgrow(w, &cap, nw + 1, sizeof(*w));
	w[nw].x = x;			/* the end, for the last word */
	/* The greedy line count. */
	n = 1;
	for (i = 0; i < nw; i++) {
		double lw = w[i + 1].x - w[i].x - sp;

		if (i > 0 && used + sp + lw > lim) {
			n++;
			used = lw;
		} else
			used += (i > 0 ? sp : 0) + lw;
	}
	if (n == 1) {
		add_line(o, s, w[0].off, w[nw - 1].end, &lcap);
		goto out;
	}
	if (n > FIT_BALANCE_MAX)
		goto out;
	/*
	 * best[l * (nw + 1) + j]: the least cost of setting words 0..j-1 in
	 * l lines, where the cost is the sum of the squared line widths
	 * (least when the lines are even, as their total is fixed), a line
	 * that ends with a separator counting 8 % narrower (a preferred
	 * break) and a line that starts with one not allowed.
	 */
	best = xcalloc((n + 1) * (nw + 1), sizeof(*best));
	from = xcalloc((n + 1) * (nw + 1), sizeof(*from));
	for (i = 0; i < (n + 1) * (nw + 1); i++)
		best[i] = -1;
	best[0] = 0;
	for (size_t l = 1; l <= n; l++)
		for (j = 1; j <= nw; j++)
			for (i = j; i-- > 0; ) {
				double lw, c, prev = best[(l - 1) * (nw + 1) +
				    i];

				/* Words i..j-1 and the spaces between them
				 * (kerning across words left out). */
				lw = w[j].x - w[i].x - sp;
				if (lw > lim)
					break;		/* and longer lines */
				if (prev < 0 || w[i].sep)
					continue;
				c = w[j - 1].sep && j < nw ? lw * 0.92 : lw;
				c = prev + c * c;
				if (best[l * (nw + 1) + j] < 0 ||
				    c < best[l * (nw + 1) + j]) {
					best[l * (nw + 1) + j] = c;
					from[l * (nw + 1) + j] = i;
				}
			}
	if (best[n * (nw + 1) + nw] < 0)
		goto out;
	{
		size_t brk[FIT_BALANCE_MAX + 1];

		brk[n] = nw;
		for (size_t l = n; l > 0; l--)
			brk[l - 1] = from[l * (nw + 1) + brk[l]];
		for (size_t l = 0; l < n; l++)
			add_line(o, s, w[brk[l]].off, w[brk[l + 1] - 1].end,
			    &lcap);
	}
out:
	free(best);
	free(from);
	free(w);
}
