/*
 * Edit distances and "did you mean" suggestions (see suggest.h).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "util/suggest.h"
#include "util/xalloc.h"

size_t
suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, d;
	size_t *row = xcalloc(lb + 1, sizeof(*row));

	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		size_t diag = row[0];

		row[0] = i;
		for (j = 1; j <= lb; j++) {
			size_t up = row[j], best;

			best = diag + (a[i - 1] != b[j - 1]);
			if (up + 1 < best)
				best = up + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			diag = up;
			row[j] = best;
		}
	}
	d = row[lb];
	free(row);
	return d;
}

/* The largest distance that still counts as a typo of s for cand. */
static size_t
limit(const char *s, const char *cand, enum suggest_mode mode)
{
	size_t ls = strlen(s), lc = strlen(cand), l;

	if (mode == SUGGEST_ID)
		return ls <= 2 ? 1 : ls <= 5 ? 2 : 3;
	l = ls > lc ? ls : lc;
	return l / 3 > 1 ? l / 3 : 1;
}

long
suggest_index(const char *s, const char *const *cands, size_t n,
    enum suggest_mode mode)
{
	size_t bestd = (size_t)-1, ls = strlen(s);
	long best = -1;

	for (size_t i = 0; i < n; i++) {
		size_t d;

		if (mode == SUGGEST_ID) {
			if (cands[i] == NULL || strcmp(cands[i], s) == 0)
				continue;
			if (strcasecmp(cands[i], s) == 0)
				return (long)i;
			if (ls > SUGGEST_ID_MAX ||
			    strlen(cands[i]) > SUGGEST_ID_MAX)
				continue;
		}
		d = suggest_distance(s, cands[i]);
		if (d > limit(s, cands[i], mode) || d >= bestd)
			continue;
		if (mode == SUGGEST_ID && d >= ls)
			continue;
		best = (long)i;
		bestd = d;
	}
	return best;
}
