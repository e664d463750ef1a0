/*
 * The bar charts of statistics.pdf: per row of a one-column table one bar
 * per cohort, each cohort in a series style of its own (a grey and a
 * hatching, drawn as lines clipped to the bar, so that print in black and
 * white keeps the cohorts apart), and a legend set in lines that wrap
 * within the chart's width. Only document primitives; no PDF here.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "layout/render.h"
#include "stats/stats_chart.h"
#include "stats/stats_print.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define CHART_W		450	/* width of a bar chart (points) */
#define LABEL_H		11	/* a row label above its bars */
#define BAR_H		7	/* one bar */
#define BAR_GAP		2	/* between bars of a row */
#define ROW_GAP		5	/* between rows */
#define VALUE_W		40	/* room for the value after the longest bar */
#define LEGEND_SIZE	7.5	/* type size of the legend */
#define LEGEND_LINE	11	/* from one legend line to the next */
#define SWATCH_W	12	/* a legend's sample bar */
#define HATCH_STEP	2.4	/* distance between hatching lines */
#define HATCH_WIDTH	0.6	/* their stroke */

enum hatch {
	HATCH_NONE,
	HATCH_RISING,		/* "/" */
	HATCH_FALLING,		/* "\" */
	HATCH_ACROSS,		/* "-": lines along the bar */
	HATCH_UPRIGHT,		/* "|" */
	HATCH_CROSS,		/* "/" and "\" */
	HATCH__MAX
};

/*
 * The series styles, most distinct first: near black, white with an
 * outline, and mid grey, each plain and with every hatching (white lines
 * on black, black on the others). No two share grey and hatching.
 */
static const struct series {
	double		grey;
	enum hatch	hatch;
} series[STATS_SERIES_MAX] = {
	{ 0.15, HATCH_NONE },
	{ 1.00, HATCH_RISING },
	{ 0.65, HATCH_NONE },
	{ 1.00, HATCH_ACROSS },
	{ 0.15, HATCH_FALLING },
	{ 1.00, HATCH_UPRIGHT },
	{ 0.65, HATCH_RISING },
	{ 1.00, HATCH_CROSS },
	{ 0.15, HATCH_ACROSS },
	{ 0.65, HATCH_FALLING },
	{ 1.00, HATCH_FALLING },
	{ 0.65, HATCH_UPRIGHT },
	{ 0.15, HATCH_UPRIGHT },
	{ 0.65, HATCH_CROSS },
	{ 0.15, HATCH_RISING },
	{ 1.00, HATCH_NONE },
	{ 0.15, HATCH_CROSS },
	{ 0.65, HATCH_ACROSS },
};

static void
line(struct doc_block *d, double x0, double y0, double x1, double y1,
    double grey)
{
	struct doc_prim *p = doc_add_prim(d, DOC_PRIM_LINE, x0, y0, x1 - x0,
	    y1 - y0);

	p->width = HATCH_WIDTH;
	p->grey = grey;
}

/*
 * Diagonal hatching of the box: lines x + dir·y = c (dir -1 rises to the
 * right on a page whose y grows downwards, +1 falls), a step apart,
 * clipped to the box.
 */
static void
diagonals(struct doc_block *d, int dir, double x, double y, double w,
    double h, double grey)
{
	double step = HATCH_STEP * sqrt(2.0);
	/* c = px - dir·py runs over the box's corners. */
	double lo = dir < 0 ? x + y : x - (y + h);
	double hi = dir < 0 ? x + w + y + h : x + w - y;

	for (double c = lo + step / 2; c < hi; c += step) {
		double x0, x1;

		if (dir < 0) {		/* px + py = c */
			x0 = fmax(x, c - (y + h));
			x1 = fmin(x + w, c - y);
			if (x1 - x0 > 0.05)
				line(d, x0, c - x0, x1, c - x1, grey);
		} else {		/* px - py = c */
			x0 = fmax(x, c + y);
			x1 = fmin(x + w, c + y + h);
			if (x1 - x0 > 0.05)
				line(d, x0, x0 - c, x1, x1 - c, grey);
		}
	}
}

void
stats_series_draw(struct doc_block *d, size_t i, double x, double y,
    double w, double h)
{
	const struct series *st = &series[i % STATS_SERIES_MAX];
	double ink = st->grey < 0.5 ? 1 : 0;	/* the hatching's grey */
	struct doc_prim *p;
	double v;

	if (st->grey < 1) {
		p = doc_add_prim(d, DOC_PRIM_RECT, x, y, w, h);
		p->grey = st->grey;
	}
	switch (st->hatch) {
	case HATCH_RISING:
		diagonals(d, -1, x, y, w, h, ink);
		break;
	case HATCH_FALLING:
		diagonals(d, 1, x, y, w, h, ink);
		break;
	case HATCH_CROSS:
		diagonals(d, -1, x, y, w, h, ink);
		diagonals(d, 1, x, y, w, h, ink);
		break;
	case HATCH_ACROSS:
		for (v = y + HATCH_STEP; v < y + h - 0.5; v += HATCH_STEP)
			line(d, x, v, x + w, v, ink);
		break;
	case HATCH_UPRIGHT:
		for (v = x + HATCH_STEP / 2; v < x + w; v += HATCH_STEP)
			line(d, v, y, v, y + h, ink);
		break;
	default:
		break;
	}
	if (st->grey >= 1) {
		/* A white bar shows by its outline. */
		p = doc_add_prim(d, DOC_PRIM_RECT, x, y, w, h);
		p->width = 0.6;
		p->grey = 0;
	}
}

double
stats_text_width(const struct template *t, const char *s, size_t len,
    double size, bool bold)
{
	if (t == NULL)
		return 0.6 * size * (double)utf8_len(s, len);
	return layout_text_width(template_font(t, DOC_FONT_BODY,
	    bold ? DOC_BOLD : 0), s, len) * size / 1000;
}

static void
text_prim(struct doc_block *d, double x, double y, double size,
    const char *text, size_t len)
{
	struct doc_prim *p = doc_add_prim(d, DOC_PRIM_TEXT, x, y, 0, 0);

	p->size = size;
	p->text = xmalloc(len + 1);
	memcpy(p->text, text, len);
	p->text[len] = '\0';
	p->grey = 0;
}

/*
 * Set text in lines of at most width points, broken at spaces, the first
 * baseline at (x, y); returns the number of lines. A word wider than the
 * width stands on a line of its own.
 */
static int
text_lines(struct doc_block *d, const struct template *tpl, double x,
    double y, double size, double width, const char *text)
{
	const char *p = text, *start = text, *last = NULL;
	int n = 0;

	for (;;) {
		const char *e = p;

		while (*e != '\0' && *e != ' ')
			e++;
		if (last != NULL && stats_text_width(tpl, start,
		    (size_t)(e - start), size, false) > width) {
			text_prim(d, x, y + n++ * (size + 1.5), size, start,
			    (size_t)(last - start));
			start = last + 1;
			last = NULL;
		}
		if (*e == '\0')
			break;
		last = e;
		p = e + 1;
	}
	text_prim(d, x, y + n++ * (size + 1.5), size, start, strlen(start));
	return n;
}

/*
 * The legend: per cohort a sample of its bar and its label, side by side
 * in lines that wrap before the chart's right edge. Returns the height.
 */
static double
legend(struct doc_block *d, const struct stats *s, const struct template *tpl)
{
	double x = 0, y = 0, gap = 12, lw, item;
	int lines = 1, n;	/* lines of the legend's current line */

	for (size_t c = 0; c < s->ncohorts; c++) {
		const char *label = s->cohorts[c].label;

		lw = stats_text_width(tpl, label, strlen(label), LEGEND_SIZE,
		    false);
		item = SWATCH_W + 4 + lw;
		if (x > 0 && x + item > CHART_W) {
			x = 0;
			y += LEGEND_LINE * lines;
			lines = 1;
		}
		stats_series_draw(d, c, x, y, SWATCH_W, BAR_H);
		n = text_lines(d, tpl, x + SWATCH_W + 4, y + BAR_H,
		    LEGEND_SIZE, CHART_W - SWATCH_W - 4, label);
		if (n > lines)
			lines = n;
		x += fmin(item, CHART_W) + gap;
	}
	return y + LEGEND_LINE * lines + 3;
}

/*
 * The rows of t a chart shows: counts only (no totals, no means), and only
 * rows with a bar or a suppressed figure in at least one of the nc
 * cohorts — a row that is "–" (not applicable) or 0 everywhere has
 * nothing to draw, and the table above says so.
 */
static bool
chart_row(const struct stats_table *t, size_t nc, size_t r)
{
	if (t->measure == STATS_EVALUATION &&
	    (r < STATS_EVAL_SAT5 || r > STATS_EVAL_SAT_NONE))
		return false;
	for (size_t c = 0; c < nc; c++) {
		const struct stats_cell *e = stats_cell(t, c, r, 0);

		if (e->flags & STATS_CELL_SUPPRESSED)
			return true;
		if (!(e->flags & (STATS_CELL_NA | STATS_CELL_ABSENT)) &&
		    e->n > 0)
			return true;
	}
	return false;
}

void
stats_chart(struct doc_block *r, const struct stats *s,
    const struct stats_table *t, char dec, const char *title, int *nfig,
    const struct template *tpl)
{
	size_t nc = s->ncohorts, i, c, nrows = 0;
	double max = 0, y = 0, barw = CHART_W - VALUE_W;
	struct doc_block *d;
	char buf[32], *caption;

	for (i = 0; i < t->nrows; i++) {
		if (!chart_row(t, nc, i))
			continue;
		nrows++;
		for (c = 0; c < nc; c++) {
			const struct stats_cell *e = stats_cell(t, c, i, 0);

			if (!(e->flags & (STATS_CELL_SUPPRESSED |
			    STATS_CELL_NA | STATS_CELL_REAL)) && e->n > max)
				max = (double)e->n;
		}
	}
	if (nrows < 2 || max == 0)
		return;
	/* The caption names the figure and what its bars count. */
	caption = xasprintf("%s %d: %s%s",
	    label_get(s->lang, LABEL_STATS_FIGURE), ++*nfig, title,
	    t->measure == STATS_EVALUATION ?
	    label_get(s->lang, LABEL_STATS_FIG_SATISFACTION) : "");
	doc_add(r, DOC_SPACE, NULL, 0)->height = 6;
	/* Caption and chart are never parted; where table and chart do not
	 * fit one page, the break comes before the caption. */
	r = doc_add(r, DOC_KEEP, NULL, 0);
	doc_add_text(doc_add(r, DOC_PARA, NULL, 0), caption, strlen(caption),
	    0, 0);
	r->last->style = DOC_BOLD;
	r->last->size = 8.5;
	r->last->align = DOC_ALIGN_LEFT;
	d = doc_add(r, DOC_DRAWING, NULL, 0);
	doc_set_str(&d->alt, caption);
	free(caption);
	if (nc > 1)
		y = legend(d, s, tpl);
	for (i = 0; i < t->nrows; i++) {
		if (!chart_row(t, nc, i))
			continue;
		text_prim(d, 0, y + 8, 8, t->rows[i], strlen(t->rows[i]));
		y += LABEL_H;
		for (c = 0; c < nc; c++) {
			const struct stats_cell *e = stats_cell(t, c, i, 0);
			const char *v = stats_value(e, dec, buf);
			double w = 0;

			if (!(e->flags & (STATS_CELL_SUPPRESSED |
			    STATS_CELL_NA)) && e->n > 0)
				w = barw * (double)e->n / max;
			if (w > 0)
				stats_series_draw(d, c, 0, y, w, BAR_H);
			text_prim(d, w + 3, y + BAR_H - 0.5, 7, v, strlen(v));
			y += BAR_H + BAR_GAP;
		}
		y += ROW_GAP;
	}
	d->width = CHART_W;
	d->height = y;
}
