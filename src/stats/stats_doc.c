/*
 * The statistics as a document tree (layout/doc.h) for statistics.pdf:
 * a heading with the cohorts, per question its tables with footnotes and a
 * bar chart of the published figures, and the methods note. Knows nothing
 * about PDF; the layout engine sets it with templates/statistics.xml.
 */
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "layout/doc.h"
#include "stats/stats.h"
#include "stats/stats_doc.h"
#include "stats/stats_print.h"
#include "util/xalloc.h"

#define CHART_W		450	/* width of a bar chart (points) */
#define LABEL_H		11	/* a row label above its bars */
#define BAR_H		7	/* one bar */
#define BAR_GAP		2	/* between bars of a row */
#define ROW_GAP		5	/* between rows */
#define VALUE_W		40	/* room for the value after the longest bar */

/* Greys of the bars of up to four cohorts (then they repeat). */
static const double bar_grey[4] = { 0.25, 0.55, 0.75, 0.4 };

static struct doc_block *
para(struct doc_block *parent, const char *text, unsigned style,
    double size)
{
	struct doc_block *b = doc_add(parent, DOC_PARA, NULL, 0);

	doc_add_text(b, text, strlen(text), 0, 0);
	b->style = style;
	b->size = size;
	b->align = DOC_ALIGN_LEFT;
	return b;
}

static void
heading(struct doc_block *parent, int level, const char *text)
{
	struct doc_block *b = doc_add(parent, DOC_HEADING, NULL, 0);

	b->level = level;
	doc_add_text(b, text, strlen(text), 0, 0);
}

/* A table cell holding one line of text. */
static void
cell(struct doc_block *row, const char *text, bool right, unsigned style)
{
	struct doc_block *c = doc_add(row, DOC_CELL, NULL, 0);
	struct doc_block *p = doc_add(c, DOC_PARA, NULL, 0);

	doc_add_text(p, text, strlen(text), 0, 0);
	p->align = right ? DOC_ALIGN_RIGHT : DOC_ALIGN_LEFT;
	p->style = style;
}

static struct doc_block *
table(struct doc_block *parent, size_t ncols)
{
	struct doc_block *t = doc_add(parent, DOC_TABLE, NULL, 0);

	t->ncols = ncols;
	t->colw = xcalloc(ncols, sizeof(double));
	t->colw[0] = ncols > 4 ? 2.6 : 3.2;
	/* Up to three figure columns get room for a cohort's edition as
	 * their head ("1. Durchgang 2025/2026"). */
	for (size_t i = 1; i < ncols; i++)
		t->colw[i] = ncols > 4 ? 1 : 1.5;
	t->header_rows = 1;
	return t;
}

/* The cohort index of block b (the last block is all cohorts). */
static size_t
block_cohort(const struct stats *s, const struct stats_table *t, size_t b)
{
	return b < s->ncohorts ? b : t->ncohorts;
}

/* A one-column table: rows down, cohorts (and their total) across. */
static bool
list_table(struct doc_block *r, const struct stats *s,
    const struct stats_table *t, char dec, const char *title,
    struct doc_block **last)
{
	size_t nb = stats_nblocks(s), nr = t->nrows + t->row_total, i, b;
	struct doc_block *keep = doc_add(r, DOC_KEEP, NULL, 0), *tab, *row;

	bool sup = false;
	char buf[32];

	*last = keep;
	heading(keep, 2, title);
	tab = table(keep, nb + 1);

	row = doc_add(tab, DOC_ROW, NULL, 0);
	cell(row, "", false, DOC_BOLD);
	for (b = 0; b < nb; b++)
		cell(row, b < s->ncohorts ? s->cohorts[b].label :
		    label_get(s->lang, LABEL_STATS_TOTAL), true,
		    DOC_BOLD);
	for (i = 0; i < nr; i++) {
		bool total = i == t->nrows;

		row = doc_add(tab, DOC_ROW, NULL, 0);
		cell(row, total ? label_get(s->lang, LABEL_STATS_TOTAL) :
		    t->rows[i], false, total ? DOC_BOLD : 0);
		for (b = 0; b < nb; b++) {
			const struct stats_cell *e = stats_cell(t,
			    block_cohort(s, t, b), i, 0);

			sup |= (e->flags & STATS_CELL_SUPPRESSED) != 0;
			cell(row, stats_value(e, dec, buf), true,
			    total ? DOC_BOLD : 0);
		}
	}
	return sup;
}

/* A cross table: per cohort block a subheading and a table. */
static bool
cross_table(struct doc_block *r, const struct stats *s,
    const struct stats_table *t, char dec, const char *title,
    struct doc_block **last)
{
	size_t nb = stats_nblocks(s), nr = t->nrows + t->row_total;
	size_t nk = t->ncols + t->col_total, i, k, b;
	bool sup = false, together;
	char buf[32];

	/* The blocks of all cohorts on one page with the title when they
	 * fit on some two thirds of one (some 20 points a row, 40 a
	 * block's subheading and header); else each later block names the
	 * table, so that a page it starts says what it shows. */
	together = (double)nb * ((double)(nr + 1) * 20 + 40) < 520;
	for (b = 0; b < nb; b++) {
		size_t c = block_cohort(s, t, b);
		struct doc_block *tab, *row, *keep;

		/* A cohort's block is never split across pages; the first
		 * keeps the title with it. */
		keep = doc_add(r, DOC_KEEP, NULL, 0);
		keep->keep_prev = b > 0 && together;
		*last = keep;
		if (b == 0)
			heading(keep, 2, title);
		if (nb > 1) {
			const char *sub = b < s->ncohorts ?
			    s->cohorts[b].label :
			    label_get(s->lang, LABEL_STATS_ALL_COHORTS);
			char *named = b > 0 && !together ?
			    xasprintf("%s: %s", title, sub) : NULL;

			para(keep, named ? named : sub, DOC_BOLD, 0);
			free(named);
		}
		tab = table(keep, nk + 1);
		row = doc_add(tab, DOC_ROW, NULL, 0);
		cell(row, "", false, DOC_BOLD);
		for (k = 0; k < nk; k++)
			cell(row, k < t->ncols ? t->cols[k] :
			    label_get(s->lang, LABEL_STATS_TOTAL), true,
			    DOC_BOLD);
		for (i = 0; i < nr; i++) {
			bool total = i == t->nrows;

			if (stats_row_absent(t, c, i))
				continue;	/* not in this cohort */
			row = doc_add(tab, DOC_ROW, NULL, 0);
			cell(row, total ?
			    label_get(s->lang, LABEL_STATS_TOTAL) :
			    t->rows[i], false, total ? DOC_BOLD : 0);
			for (k = 0; k < nk; k++) {
				const struct stats_cell *e =
				    stats_cell(t, c, i, k);

				sup |= (e->flags & STATS_CELL_SUPPRESSED) != 0;
				cell(row, stats_value(e, dec, buf), true,
				    total || k == t->ncols ? DOC_BOLD : 0);
			}
		}
	}
	return sup;
}

/*
 * The rows of t a chart shows: counts only (no totals, no means), and only
 * rows with a figure in at least one of the nc cohorts — a row that is
 * "–" (not applicable) everywhere has nothing to draw.
 */
static bool
chart_row(const struct stats_table *t, size_t nc, size_t r)
{
	if (t->measure == STATS_EVALUATION &&
	    (r < STATS_EVAL_SAT5 || r > STATS_EVAL_SAT_NONE))
		return false;
	for (size_t c = 0; c < nc; c++)
		if (!(stats_cell(t, c, r, 0)->flags &
		    (STATS_CELL_NA | STATS_CELL_ABSENT)))
			return true;
	return false;
}

static void
text_prim(struct doc_block *d, double x, double y, double size,
    const char *text)
{
	struct doc_prim *p = doc_add_prim(d, DOC_PRIM_TEXT, x, y, 0, 0);

	p->size = size;
	p->text = xstrdup(text);
	p->grey = 0;
}

/*
 * A horizontal bar chart of a one-column table: per row its label, then
 * one bar per cohort (grey shades, a legend when several). Suppressed and
 * missing figures get no bar, only their mark. No chart when fewer than
 * two rows have a figure (a single bar shows nothing the table does not)
 * or when every figure is 0.
 */
static void
chart(struct doc_block *r, const struct stats *s,
    const struct stats_table *t, char dec, const char *title, int *nfig)
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
	para(r, caption, DOC_BOLD, 8.5);
	d = doc_add(r, DOC_DRAWING, NULL, 0);
	doc_set_str(&d->alt, caption);
	free(caption);
	if (nc > 1) {
		/* Legend: a square and the cohort's label each. */
		double x = 0;

		for (c = 0; c < nc; c++) {
			struct doc_prim *p = doc_add_prim(d, DOC_PRIM_RECT, x,
			    y, 7, 7);

			p->grey = bar_grey[c % 4];
			text_prim(d, x + 10, y + 7, 7.5, s->cohorts[c].label);
			x += 10 + 5.0 * (double)strlen(s->cohorts[c].label) + 14;
		}
		y += 14;
	}
	for (i = 0; i < t->nrows; i++) {
		if (!chart_row(t, nc, i))
			continue;
		text_prim(d, 0, y + 8, 8, t->rows[i]);
		y += LABEL_H;
		for (c = 0; c < nc; c++) {
			const struct stats_cell *e = stats_cell(t, c, i, 0);
			double w = 0;

			if (!(e->flags & (STATS_CELL_SUPPRESSED |
			    STATS_CELL_NA)) && e->n > 0)
				w = barw * (double)e->n / max;
			if (w > 0) {
				struct doc_prim *p = doc_add_prim(d,
				    DOC_PRIM_RECT, 0, y, w, BAR_H);

				p->grey = bar_grey[c % 4];
			}
			text_prim(d, w + 3, y + BAR_H - 0.5, 7,
			    stats_value(e, dec, buf));
			y += BAR_H + BAR_GAP;
		}
		y += ROW_GAP;
	}
	d->width = CHART_W;
	d->height = y;
}

/* Title, date, the internal-use warning and the cohorts. */
static void
head(struct doc_block *r, const struct stats *s, struct date asof)
{
	enum lang l = s->lang;
	char *line;

	heading(r, 1, label_get(l, LABEL_STATS_HEADING));
	line = stats_asof(l, asof);
	para(r, line, 0, 0);
	free(line);
	if (!s->protected_)
		para(r, label_get(l, LABEL_STATS_NO_SUPPRESS), DOC_BOLD, 0);
	para(r, label_get(l, LABEL_STATS_COHORTS), DOC_BOLD, 0);
	for (size_t c = 0; c < s->ncohorts; c++) {
		line = stats_cohort_desc(l, &s->cohorts[c], true);
		para(r, line, 0, 0);
		free(line);
	}
}

/* The methods note (same sentences as the text output). */
static void
methods(struct doc_block *r, const struct stats *s)
{
	enum lang l = s->lang;
	char *rule;

	heading(r, 2, label_get(l, LABEL_STATS_METHODS));
	para(r, label_get(l, LABEL_STATS_M_SOURCES), 0, 0);
	for (size_t c = 0; c < s->ncohorts; c++) {
		char *desc = stats_cohort_desc(l, &s->cohorts[c], false);
		char *line = xasprintf("%s: %s", desc, s->cohorts[c].source);

		para(r, line, 0, 0);
		free(line);
		free(desc);
	}
	para(r, label_get(l, LABEL_STATS_M_COUNTING), 0, 0);
	if (s->ncohorts > 1)
		para(r, label_get(l, LABEL_STATS_M_COHORTS), 0, 0);
	para(r, label_get(l, LABEL_STATS_M_EVAL), 0, 0);
	if (s->protected_ && s->min_cell <= 1)
		para(r, label_get(l, LABEL_STATS_M_MIN1), 0, 0);
	else if (s->protected_) {
		rule = xasprintf(label_get(l, LABEL_STATS_M_RULE), s->min_cell);
		para(r, rule, 0, 0);
		free(rule);
		if (s->ncohorts > 1)
			para(r, label_get(l, LABEL_STATS_M_ACROSS), 0, 0);
	} else
		para(r, label_get(l, LABEL_STATS_M_NO_RULE), DOC_BOLD, 0);
}

struct doc *
stats_doc(const struct stats *s, struct date asof)
{
	struct doc *d = doc_new(lang_names[s->lang]);
	struct doc_block *r = d->root;
	char dec = s->lang == LANG_DE ? ',' : '.';
	int nfig = 0;

	doc_set_str(&d->title, label_get(s->lang, LABEL_STATS_HEADING));
	head(r, s, asof);
	for (size_t i = 0; i < s->ntables; i++) {
		const struct stats_table *t = &s->tables[i];
		char *title = stats_title(s->lang, s->wording, t), *fn;
		struct doc_block *last = r;
		bool sup;

		/* Footnotes and the chart stay on the page of their table
		 * (its last block): a chart never starts a page alone. */
		if (t->ncols > 1)
			sup = cross_table(r, s, t, dec, title, &last);
		else
			sup = list_table(r, s, t, dec, title, &last);
		if (sup) {
			fn = xasprintf(label_get(s->lang,
			    LABEL_STATS_FN_SUPPRESSED), s->min_cell);
			para(last, fn, 0, 8.5);
			free(fn);
		}
		if (t->footnote != 0)
			para(last, label_get(s->lang,
			    (enum label)t->footnote), 0, 8.5);
		if (t->note_all != 0)
			para(last, label_get(s->lang,
			    (enum label)t->note_all), 0, 8.5);
		if (t->ncols == 1)
			chart(last, s, t, dec, title, &nfig);
		free(title);
	}
	methods(r, s);
	return d;
}
