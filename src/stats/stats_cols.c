/*
 * Column widths for the tables of statistics.pdf. A right-aligned head is
 * not hyphenated, and a word wider than its column would be broken
 * between two letters without a hyphen ("Dur|chgang"); so every word of a
 * head gets the room it needs, and where the page is too narrow for
 * that, the caller sets the heads smaller or uses the cohorts' keys.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "stats/stats_chart.h"
#include "stats/stats_cols.h"
#include "util/xalloc.h"

#define FIG_MAX		100	/* a figure column gets at most this width
				 * unless its head needs more */
#define SLACK		1	/* rounding between measure and layout */

/* The widest word of s (split at spaces) in points. */
static double
widest_word(const struct template *tpl, const char *s, double size,
    bool bold)
{
	double max = 0;

	while (*s != '\0') {
		size_t n = strcspn(s, " ");
		double w = stats_text_width(tpl, s, n, size, bold);

		if (w > max)
			max = w;
		s += n;
		s += strspn(s, " ");
	}
	return max;
}

size_t
stats_head_lines(const struct template *tpl, const char *s, double size,
    double width, char **out)
{
	double sp = stats_text_width(tpl, " ", 1, size, true), x = -1;
	const char *from = s;
	size_t lines = 0;

	while (*s != '\0') {
		size_t n = strcspn(s, " ");
		double w = stats_text_width(tpl, s, n, size, true);

		if (x >= 0 && x + sp + w > width) {
			/* The line so far ends before this word. */
			const char *e = s;

			while (e > from && e[-1] == ' ')
				e--;
			if (out != NULL)
				out[lines] = xstrndup(from, (size_t)(e - from));
			lines++;
			from = s;
			x = -1;
		}
		x = x < 0 ? w : x + sp + w;
		s += n;
		s += strspn(s, " ");
	}
	if (x >= 0) {
		if (out != NULL)
			out[lines] = xstrdup(from);
		lines++;
	}
	return lines;
}

bool
stats_cols_plan(const struct template *tpl, double width, double size,
    const struct stats_grid *g, double *w)
{
	double *need = xcalloc(g->nk ? g->nk : 1, sizeof(double));
	double minw = 0, pref = 0, sum = 0, most = 0, whole = 0, e, x;
	bool ok = true;
	size_t k, r;

	for (k = 0; k < g->nk; k++) {
		need[k] = widest_word(tpl, g->heads[k], size, true);
		x = stats_text_width(tpl, g->heads[k], strlen(g->heads[k]),
		    size, true);
		if (x > whole)
			whole = x;
		for (r = 0; r < g->nlabels; r++) {
			const char *v = g->values[r * g->nk + k];

			x = stats_text_width(tpl, v, strlen(v), size,
			    g->bold[r]);
			if (x > need[k])
				need[k] = x;
		}
		need[k] += STATS_CELL_PAD + SLACK;
		sum += need[k];
		if (need[k] > most)
			most = need[k];
	}
	for (r = 0; r < g->nlabels; r++) {
		x = widest_word(tpl, g->labels[r], size, g->bold[r]);
		if (x > minw)
			minw = x;
		x = stats_text_width(tpl, g->labels[r], strlen(g->labels[r]),
		    size, g->bold[r]);
		if (x > pref)
			pref = x;
	}
	minw += STATS_CELL_PAD + SLACK;
	pref += STATS_CELL_PAD + SLACK;
	if (g->nk == 0) {
		w[0] = width;
		free(need);
		return minw <= width;
	}
	/* Figure columns of one width where they fit, wide enough for the
	 * widest, at most FIG_MAX unless that is narrower; the label
	 * column takes the rest. Else each column as wide as it needs. */
	e = (width - pref) / (double)g->nk;
	if (e > FIG_MAX)
		e = FIG_MAX;
	if (e < most)
		e = most;
	/* Heads on one line where the label column keeps its words. */
	whole += STATS_CELL_PAD + SLACK;
	if (e < whole && (double)g->nk * whole + minw <= width)
		e = whole;
	if ((double)g->nk * e + minw <= width) {
		for (k = 0; k < g->nk; k++)
			w[k + 1] = e;
		w[0] = width - (double)g->nk * e;
	} else {
		double label = width - sum, extra;

		if (label > pref)
			label = pref;
		if (label < minw) {
			ok = false;
			label = minw;
		}
		extra = (width - sum - label) / (double)g->nk;
		for (k = 0; k < g->nk; k++)
			w[k + 1] = need[k] + (extra > 0 ? extra : 0);
		w[0] = label;
	}
	for (k = 0; k < g->nk && ok; k++)
		ok = stats_head_lines(tpl, g->heads[k], size,
		    w[k + 1] - STATS_CELL_PAD - SLACK, NULL) <=
		    STATS_HEAD_LINES;
	free(need);
	return ok;
}

/* The years of cohort h's period: "2018", "2011/12", "1999/2000". */
static char *
years(const struct stats_cohort *h)
{
	int a = h->start.y, b = h->end.y;

	if (a == 0)
		return xstrdup("?");
	if (b == 0 || b == a)
		return xasprintf("%d", a);
	if (a / 100 == b / 100)
		return xasprintf("%d/%02d", a, b % 100);
	return xasprintf("%d/%d", a, b);
}

char **
stats_cohort_keys(const struct stats *s)
{
	char **k = xcalloc(s->ncohorts ? s->ncohorts : 1, sizeof(char *));
	bool clash = false;
	size_t i, j;

	for (i = 0; i < s->ncohorts; i++)
		k[i] = years(&s->cohorts[i]);
	for (i = 0; i < s->ncohorts && !clash; i++)
		for (j = 0; j < i && !clash; j++)
			clash = strcmp(k[i], k[j]) == 0;
	if (clash)
		for (i = 0; i < s->ncohorts; i++) {
			free(k[i]);
			k[i] = xasprintf("%s%zu", label_get(s->lang,
			    LABEL_STATS_KEY_PREFIX), i + 1);
		}
	return k;
}
