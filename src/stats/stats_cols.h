/*
 * The columns of the tables of statistics.pdf (internal to src/stats/):
 * widths that give every word of a column head room on a line, so that
 * a head is set in more lines but never broken inside a word, and the
 * cohorts' keys for heads too long for that.
 */
#ifndef STATS_COLS_H
#define STATS_COLS_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/template.h"
#include "stats/stats.h"

/* The most lines a column head may take before keys are used instead. */
#define STATS_HEAD_LINES	4

/* The room a table cell's padding takes from its column (both sides). */
#define STATS_CELL_PAD	8

/* A table to plan: its row labels (regular), heads and values (bold where
 * bold says so, per row). */
struct stats_grid {
	const char	**labels;	/* row labels, nlabels */
	size_t		  nlabels;
	const char	**heads;	/* heads of the figure columns, nk */
	size_t		  nk;
	const char	**values;	/* nlabels × nk, row by row */
	const bool	 *bold;		/* per row: set in bold (totals) */
};

/*
 * Plan the widths w[0..nk] (the label column, then the figure columns;
 * they add up to width) of table g set at size points in the body font
 * of tpl (NULL: estimated): every word of a head and every value fits
 * its column, no head takes more than STATS_HEAD_LINES lines, and every
 * word of a row label fits the label column. Returns false (w then
 * holds a best effort) when that is impossible.
 */
bool	stats_cols_plan(const struct template *tpl, double width, double size,
	    const struct stats_grid *g, double *w);

/*
 * Break head s (bold, at size) into lines of at most width points at its
 * spaces, so that the layout need not break it (it would break after a
 * "/" too): stores each line as a new string in out[] (NULL: only
 * count; room for one line per word) and returns how many.
 */
size_t	stats_head_lines(const struct template *tpl, const char *s,
	    double size, double width, char **out);

/*
 * Short keys of the cohorts for column heads: the years of the period
 * ("2018", "2011/12"), or where two cohorts share them, the prefix and
 * the cohort's number ("D1", "D2"...). Returns s->ncohorts new strings
 * in a new array (free each and the array).
 */
char	**stats_cohort_keys(const struct stats *s);

#endif
