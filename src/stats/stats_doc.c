/*
 * The statistics as a document tree (layout/doc.h) for statistics.pdf:
 * a heading with the cohorts, per question its tables with their notes and
 * a bar chart of the published figures (stats_chart.c), and the methods
 * note. Column widths come from stats_cols.c: a head is set in more lines
 * or replaced by the cohort's key, never broken inside a word. Knows
 * nothing about PDF; the layout engine sets it with
 * templates/statistics.xml.
 */
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "layout/doc.h"
#include "stats/stats.h"
#include "stats/stats_chart.h"
#include "stats/stats_cols.h"
#include "stats/stats_doc.h"
#include "stats/stats_print.h"
#include "util/xalloc.h"

/* Where a table sets its text: its columns and its type size. */
struct plan {
	double	*w;		/* column widths (points), label column first */
	double	 size;		/* type size (points) */
};

/* The heads of the cohort columns of every one-column table. */
struct heads {
	char	**cohort;	/* labels or keys, one per cohort */
	bool	  keyed;	/* keys: explained under the cohort list */
	double	  size;		/* type size of those tables */
};

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
cell(struct doc_block *row, const char *text, bool right, unsigned style,
    double size)
{
	struct doc_block *c = doc_add(row, DOC_CELL, NULL, 0);
	struct doc_block *p = doc_add(c, DOC_PARA, NULL, 0);

	doc_add_text(p, text, strlen(text), 0, 0);
	p->align = right ? DOC_ALIGN_RIGHT : DOC_ALIGN_LEFT;
	p->style = style;
	p->size = size;
}

/*
 * A right-aligned bold head cell in a column colw points wide, set in the
 * lines stats_head_lines() gives at size (sz: the size set, 0 = the
 * template's), each ended by a line break, so that the layout breaks it
 * only at spaces.
 */
static void
head_cell(struct doc_block *row, const char *text, const struct template *tpl,
    double size, double sz, double colw)
{
	struct doc_block *c = doc_add(row, DOC_CELL, NULL, 0);
	struct doc_block *p = doc_add(c, DOC_PARA, NULL, 0);
	char **lines = xcalloc(strlen(text) + 1, sizeof(char *));
	size_t n = stats_head_lines(tpl, text, size,
	    colw - STATS_CELL_PAD - 1, lines);

	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			doc_add_text(p, "", 0, DOC_BREAK, 0);
		doc_add_text(p, lines[i], strlen(lines[i]), 0, 0);
		free(lines[i]);
	}
	free(lines);
	p->align = DOC_ALIGN_RIGHT;
	p->style = DOC_BOLD;
	p->size = sz;
}

/* A table of ncols columns of the widths w[] (copied). */
static struct doc_block *
table(struct doc_block *parent, size_t ncols, const double *w)
{
	struct doc_block *t = doc_add(parent, DOC_TABLE, NULL, 0);

	t->ncols = ncols;
	t->colw = xcalloc(ncols, sizeof(double));
	memcpy(t->colw, w, ncols * sizeof(double));
	t->header_rows = 1;
	return t;
}

/* The cohort index of block b (the last block is all cohorts). */
static size_t
block_cohort(const struct stats *s, const struct stats_table *t, size_t b)
{
	return b < s->ncohorts ? b : t->ncohorts;
}

/* The width of the text area of template tpl (A4, 25 mm margins without). */
static double
text_width(const struct template *tpl)
{
	if (tpl == NULL)
		return 453.5;
	return tpl->page_w - tpl->left - tpl->right;
}

/*
 * Plan the columns of table t at size: a one-column table with the
 * cohort heads hd (and the total's), a cross table with its own column
 * heads. Stores the widths in w (t's printed columns + 1); returns
 * whether every head fits without breaking a word (stats_cols_plan()).
 */
static bool
plan_table(const struct stats *s, const struct stats_table *t, char dec,
    char *const *hd, const struct template *tpl, double size, double *w)
{
	size_t nb = stats_nblocks(s), nr = t->nrows + t->row_total;
	bool list = t->ncols == 1, ok;
	size_t nk = list ? nb : t->ncols + t->col_total, r, k, n = 0;
	const char *total = label_get(s->lang, LABEL_STATS_TOTAL);
	struct stats_grid g;
	bool *bold;
	char buf[32];

	/* A cross table's rows of all its blocks, one after the other. */
	g.nlabels = list ? nr : nr * nb;
	g.nk = nk;
	g.labels = xcalloc(g.nlabels, sizeof(char *));
	g.heads = xcalloc(nk, sizeof(char *));
	g.values = xcalloc(g.nlabels * nk, sizeof(char *));
	g.bold = bold = xcalloc(g.nlabels, sizeof(bool));
	for (k = 0; k < nk; k++)
		g.heads[k] = list ? (k < s->ncohorts ? hd[k] : total) :
		    k < t->ncols ? t->cols[k] : total;
	for (size_t b = 0; b < (list ? 1 : nb); b++)
		for (r = 0; r < nr; r++, n++) {
			g.labels[n] = r < t->nrows ? t->rows[r] : total;
			bold[n] = r == t->nrows;
			for (k = 0; k < nk; k++) {
				const struct stats_cell *e = list ?
				    stats_cell(t, block_cohort(s, t, k), r,
				    0) : stats_cell(t, block_cohort(s, t, b),
				    r, k);

				g.values[n * nk + k] = xstrdup(stats_value(e,
				    dec, buf));
			}
		}
	ok = stats_cols_plan(tpl, text_width(tpl), size, &g, w);
	for (n = 0; n < g.nlabels * nk; n++)
		free((char *)g.values[n]);
	free(g.values);
	free(g.labels);
	free(g.heads);
	free(bold);
	return ok;
}

/* The type size of the template's body (10 without one). */
static double
body_size(const struct template *tpl)
{
	return tpl != NULL ? tpl->size[DOC_FONT_BODY] : 10;
}

/*
 * Choose the heads of the cohort columns for every one-column table: the
 * cohorts' labels where every table can set them without breaking a
 * word (at the body size, else one point smaller), else their keys (at
 * the body size, else one or two points smaller).
 */
static void
choose_heads(const struct stats *s, char dec, const struct template *tpl,
    struct heads *h)
{
	double base = body_size(tpl), *w;
	char **keys = stats_cohort_keys(s), **labels;
	static const struct { double less; bool keyed; } tries[] = {
		{ 0, false }, { 1, false }, { 0, true }, { 1, true },
		{ 2, true },
	};
	size_t i, n = sizeof(tries) / sizeof(tries[0]), c;

	labels = xcalloc(s->ncohorts, sizeof(char *));
	for (c = 0; c < s->ncohorts; c++)
		labels[c] = s->cohorts[c].label;
	w = xcalloc(stats_nblocks(s) + 1, sizeof(double));
	for (i = 0; i < n; i++) {
		bool ok = true;

		for (size_t j = 0; j < s->ntables && ok; j++)
			if (s->tables[j].ncols == 1)
				ok = plan_table(s, &s->tables[j], dec,
				    tries[i].keyed ? keys : labels, tpl,
				    base - tries[i].less, w);
		if (ok)
			break;
	}
	if (i == n)
		i = n - 1;
	h->keyed = tries[i].keyed;
	h->size = base - tries[i].less;
	if (h->keyed) {
		h->cohort = keys;
		free(labels);
	} else {
		for (c = 0; c < s->ncohorts; c++)
			labels[c] = xstrdup(labels[c]);
		h->cohort = labels;
		for (c = 0; c < s->ncohorts; c++)
			free(keys[c]);
		free(keys);
	}
	free(w);
}

/* The columns of cross table t: at the body size or up to two smaller. */
static void
plan_cross(const struct stats *s, const struct stats_table *t, char dec,
    const struct template *tpl, struct plan *p)
{
	double base = body_size(tpl);

	p->w = xcalloc(t->ncols + t->col_total + 1, sizeof(double));
	for (int less = 0; less <= 2; less++) {
		p->size = base - less;
		if (plan_table(s, t, dec, NULL, tpl, p->size, p->w))
			break;
	}
}

/* A one-column table: rows down, cohorts (and their total) across. */
static unsigned
list_table(struct doc_block *r, const struct stats *s,
    const struct stats_table *t, char dec, const char *title,
    const struct heads *h, const struct template *tpl,
    struct doc_block **last)
{
	size_t nb = stats_nblocks(s), nr = t->nrows + t->row_total, i, b;
	struct doc_block *keep = doc_add(r, DOC_KEEP, NULL, 0), *tab, *row;
	double *w = xcalloc(nb + 1, sizeof(double));
	double sz = h->size == body_size(tpl) ? 0 : h->size;
	unsigned shown = 0;
	char buf[32];

	*last = keep;
	heading(keep, 2, title);
	plan_table(s, t, dec, h->cohort, tpl, h->size, w);
	tab = table(keep, nb + 1, w);

	row = doc_add(tab, DOC_ROW, NULL, 0);
	cell(row, "", false, DOC_BOLD, sz);
	for (b = 0; b < nb; b++)
		head_cell(row, b < s->ncohorts ? h->cohort[b] :
		    label_get(s->lang, LABEL_STATS_TOTAL), tpl, h->size, sz,
		    w[b + 1]);
	free(w);
	for (i = 0; i < nr; i++) {
		bool total = i == t->nrows;

		row = doc_add(tab, DOC_ROW, NULL, 0);
		cell(row, total ? label_get(s->lang, LABEL_STATS_TOTAL) :
		    t->rows[i], false, total ? DOC_BOLD : 0, sz);
		for (b = 0; b < nb; b++) {
			const struct stats_cell *e = stats_cell(t,
			    block_cohort(s, t, b), i, 0);

			shown |= stats_shows(e);
			cell(row, stats_value(e, dec, buf), true,
			    total ? DOC_BOLD : 0, sz);
		}
	}
	return shown;
}

/* A cross table: per cohort block a subheading and a table. */
static unsigned
cross_table(struct doc_block *r, const struct stats *s,
    const struct stats_table *t, char dec, const char *title,
    const struct template *tpl, struct doc_block **last)
{
	size_t nb = stats_nblocks(s), nr = t->nrows + t->row_total;
	size_t nk = t->ncols + t->col_total, i, k, b;
	unsigned shown = 0;
	bool together;
	struct plan p;
	double sz;
	char buf[32];

	plan_cross(s, t, dec, tpl, &p);
	sz = p.size == body_size(tpl) ? 0 : p.size;
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
		tab = table(keep, nk + 1, p.w);
		row = doc_add(tab, DOC_ROW, NULL, 0);
		cell(row, "", false, DOC_BOLD, sz);
		for (k = 0; k < nk; k++)
			head_cell(row, k < t->ncols ? t->cols[k] :
			    label_get(s->lang, LABEL_STATS_TOTAL), tpl, p.size,
			    sz, p.w[k + 1]);
		for (i = 0; i < nr; i++) {
			bool total = i == t->nrows;

			if (stats_row_absent(t, c, i))
				continue;	/* not in this cohort */
			row = doc_add(tab, DOC_ROW, NULL, 0);
			cell(row, total ?
			    label_get(s->lang, LABEL_STATS_TOTAL) :
			    t->rows[i], false, total ? DOC_BOLD : 0, sz);
			for (k = 0; k < nk; k++) {
				const struct stats_cell *e =
				    stats_cell(t, c, i, k);

				shown |= stats_shows(e);
				cell(row, stats_value(e, dec, buf), true,
				    total || k == t->ncols ? DOC_BOLD : 0,
				    sz);
			}
		}
	}
	free(p.w);
	return shown;
}

/* Title, date, the internal-use warning and the cohorts. */
static void
head(struct doc_block *r, const struct stats *s, struct date asof,
    const struct heads *h)
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
		struct doc_block *p = doc_add(r, DOC_PARA, NULL, 0);

		p->align = DOC_ALIGN_LEFT;
		if (h->keyed) {
			/* The key before the cohort: "2011/12: ...". */
			char *key = xasprintf("%s: ", h->cohort[c]);

			doc_add_text(p, key, strlen(key), DOC_BOLD, 0);
			free(key);
		}
		line = stats_cohort_desc(l, &s->cohorts[c], true);
		doc_add_text(p, line, strlen(line), 0, 0);
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
stats_doc(const struct stats *s, struct date asof, const struct template *tpl)
{
	struct doc *d = doc_new(lang_names[s->lang]);
	struct doc_block *r = d->root;
	char dec = s->lang == LANG_DE ? ',' : '.';
	struct heads h;
	int nfig = 0;

	doc_set_str(&d->title, label_get(s->lang, LABEL_STATS_HEADING));
	choose_heads(s, dec, tpl, &h);
	head(r, s, asof, &h);
	for (size_t i = 0; i < s->ntables; i++) {
		const struct stats_table *t = &s->tables[i];
		char *title = stats_title(s->lang, s->wording, t);
		char *notes[STATS_NOTES_MAX];
		struct doc_block *last = r;
		unsigned shown;
		size_t nn;

		/* Notes and the chart stay on the page of their table (its
		 * last block): a chart never starts a page alone. */
		if (t->ncols > 1)
			shown = cross_table(r, s, t, dec, title, tpl, &last);
		else
			shown = list_table(r, s, t, dec, title, &h, tpl,
			    &last);
		nn = stats_notes(s, t, shown, notes);
		for (size_t j = 0; j < nn; j++) {
			para(last, notes[j], 0, 8.5);
			free(notes[j]);
		}
		if (t->ncols == 1 && h.keyed)
			para(last, label_get(s->lang, LABEL_STATS_FN_KEY), 0,
			    8.5);
		if (t->ncols == 1)
			stats_chart(last, s, t, dec, title, &nfig, tpl);
		free(title);
	}
	methods(r, s);
	for (size_t c = 0; c < s->ncohorts; c++)
		free(h.cohort[c]);
	free(h.cohort);
	return d;
}
