/*
 * The bar charts of statistics.pdf (internal to src/stats/): one bar per
 * cohort and row, each cohort's bars in a fill and hatching of its own so
 * that the series stay apart in black-and-white print, and a legend that
 * wraps within the chart's width.
 */
#ifndef STATS_CHART_H
#define STATS_CHART_H

#include <stddef.h>

#include "layout/doc.h"
#include "layout/template.h"
#include "stats/stats.h"

/* The number of series styles; a chart of more cohorts repeats them. */
#define STATS_SERIES_MAX	18

/*
 * Draw the bar of series i (its fill, its hatching, its outline) as
 * primitives of drawing d, in the box x, y, w, h (points from the
 * drawing's top left corner). Series i and j < STATS_SERIES_MAX, i != j,
 * never share both fill and hatching.
 */
void	stats_series_draw(struct doc_block *d, size_t i, double x, double y,
	    double w, double h);

/*
 * The width of text s in points, set in the body font of template t at
 * size (bold with bold), as the layout sets it; without a template an
 * estimate on the generous side.
 */
double	stats_text_width(const struct template *t, const char *s,
	    size_t len, double size, bool bold);

/*
 * Append to r the chart of the one-column table t (with its caption
 * "Abbildung N: title", N from *nfig), unless a chart would show nothing
 * the table does not: fewer than two rows with a figure, or every figure
 * 0. dec is the decimal mark; t measures the legend (may be NULL).
 */
void	stats_chart(struct doc_block *r, const struct stats *s,
	    const struct stats_table *t, char dec, const char *title,
	    int *nfig, const struct template *tpl);

#endif
