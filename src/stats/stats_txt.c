/*
 * Plain-text writer for the statistics: a heading with the cohorts, one
 * aligned table per question with its footnotes, and the methods note.
 * Columns are aligned by code points (UTF-8), labels left, numbers right.
 */
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "stats/stats.h"
#include "stats/stats_print.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define WRAP	76	/* width of the wrapped notes */

/* A grid of strings; row 0 is the head, column 0 the labels. */
struct grid {
	char	**s;
	size_t	 nr, nc;
};

static void
grid_init(struct grid *g, size_t nr, size_t nc)
{
	g->nr = nr;
	g->nc = nc;
	g->s = xcalloc(nr * nc, sizeof(char *));
}

static void
grid_set(struct grid *g, size_t r, size_t c, const char *s)
{
	free(g->s[r * g->nc + c]);
	g->s[r * g->nc + c] = xstrdup(s);
}

static size_t
width(const char *s)
{
	return s ? utf8_len(s, strlen(s)) : 0;
}

static void
pad(FILE *fp, size_t n)
{
	while (n-- > 0)
		fputc(' ', fp);
}

/* Print g aligned, two spaces between columns, and free it. */
static void
grid_print(struct grid *g, FILE *fp)
{
	size_t *w = xcalloc(g->nc, sizeof(size_t)), r, c;

	for (r = 0; r < g->nr; r++)
		for (c = 0; c < g->nc; c++)
			if (width(g->s[r * g->nc + c]) > w[c])
				w[c] = width(g->s[r * g->nc + c]);
	for (r = 0; r < g->nr; r++) {
		for (c = 0; c < g->nc; c++) {
			const char *s = g->s[r * g->nc + c];

			if (s == NULL)
				s = "";
			if (c == 0) {
				fputs(s, fp);
				if (g->nc > 1)
					pad(fp, w[0] - width(s));
			} else {
				pad(fp, 2 + w[c] - width(s));
				fputs(s, fp);
			}
		}
		fputc('\n', fp);
	}
	for (r = 0; r < g->nr * g->nc; r++)
		free(g->s[r]);
	free(g->s);
	free(w);
}

/* Print text wrapped at WRAP code points, each line after indent. */
static void
wrap(FILE *fp, const char *indent, const char *text)
{
	const char *p = text;
	size_t col = 0;

	while (*p != '\0') {
		const char *e = p;
		size_t n;

		while (*e != '\0' && *e != ' ')
			e++;
		n = utf8_len(p, (size_t)(e - p));
		if (col > 0 && col + 1 + n > WRAP) {
			fputc('\n', fp);
			col = 0;
		}
		if (col == 0) {
			fputs(indent, fp);
			col = width(indent);
		} else {
			fputc(' ', fp);
			col++;
		}
		fwrite(p, 1, (size_t)(e - p), fp);
		col += n;
		p = *e ? e + 1 : e;
	}
	if (col > 0)
		fputc('\n', fp);
}

/* Label of cohort block b: a cohort, or all cohorts together. */
static const char *
block_label(const struct stats *s, size_t b, bool in_head)
{
	if (b < s->ncohorts)
		return s->cohorts[b].label;
	return label_get(s->lang, in_head ? LABEL_STATS_TOTAL :
	    LABEL_STATS_ALL_COHORTS);
}

/*
 * A one-column table: its rows down, the cohorts (and their total)
 * across. Returns the signs printed (STATS_SHOWS_*).
 */
static unsigned
print_list(const struct stats *s, const struct stats_table *t, char dec,
    FILE *fp)
{
	size_t nb = stats_nblocks(s), nr = t->nrows + t->row_total, r, b;
	unsigned sup = 0;
	struct grid g;
	char buf[32];

	grid_init(&g, nr + 1, nb + 1);
	for (b = 0; b < nb; b++)
		grid_set(&g, 0, b + 1, block_label(s, b, true));
	for (r = 0; r < nr; r++) {
		grid_set(&g, r + 1, 0, r < t->nrows ? t->rows[r] :
		    label_get(s->lang, LABEL_STATS_TOTAL));
		for (b = 0; b < nb; b++) {
			const struct stats_cell *e = stats_cell(t,
			    b < s->ncohorts ? b : t->ncohorts, r, 0);

			sup |= stats_shows(e);
			grid_set(&g, r + 1, b + 1, stats_value(e, dec, buf));
		}
	}
	grid_print(&g, fp);
	return sup;
}

/*
 * A cross table: one block per cohort (and all together), rows down and
 * columns across, with their totals. Returns the signs printed
 * (STATS_SHOWS_*).
 */
static unsigned
print_cross(const struct stats *s, const struct stats_table *t, char dec,
    FILE *fp)
{
	size_t nb = stats_nblocks(s), nr = t->nrows + t->row_total;
	size_t nk = t->ncols + t->col_total, r, k, b;
	unsigned sup = 0;
	char buf[32];

	for (b = 0; b < nb; b++) {
		struct grid g;
		size_t c = b < s->ncohorts ? b : t->ncohorts;

		size_t shown = 0, at = 0;

		/* Rows absent from this cohort are left out. */
		for (r = 0; r < nr; r++)
			shown += !stats_row_absent(t, c, r);
		grid_init(&g, shown + 1, nk + 1);
		if (nb > 1)
			grid_set(&g, 0, 0, block_label(s, b, false));
		for (k = 0; k < nk; k++)
			grid_set(&g, 0, k + 1, k < t->ncols ? t->cols[k] :
			    label_get(s->lang, LABEL_STATS_TOTAL));
		for (r = 0; r < nr; r++) {
			if (stats_row_absent(t, c, r))
				continue;
			at++;
			grid_set(&g, at, 0, r < t->nrows ? t->rows[r] :
			    label_get(s->lang, LABEL_STATS_TOTAL));
			for (k = 0; k < nk; k++) {
				const struct stats_cell *e =
				    stats_cell(t, c, r, k);

				sup |= stats_shows(e);
				grid_set(&g, at, k + 1,
				    stats_value(e, dec, buf));
			}
		}
		if (b > 0)
			fputc('\n', fp);
		grid_print(&g, fp);
	}
	return sup;
}

/* The heading: title, date, the internal-use warning and the cohorts. */
static void
print_head(const struct stats *s, struct date asof, FILE *fp)
{
	enum lang l = s->lang;
	char *d = stats_plain(stats_asof(l, asof));

	fprintf(fp, "%s\n", label_get(l, LABEL_STATS_HEADING));
	fprintf(fp, "%s\n", d);
	free(d);
	if (!s->protected_)
		fprintf(fp, "\n*** %s ***\n",
		    label_get(l, LABEL_STATS_NO_SUPPRESS));
	fprintf(fp, "\n%s:\n", label_get(l, LABEL_STATS_COHORTS));
	for (size_t c = 0; c < s->ncohorts; c++) {
		char *line = stats_plain(stats_cohort_desc(l, &s->cohorts[c],
		    true));

		fprintf(fp, "  %s\n", line);
		free(line);
	}
}

/* The methods note: sources, counting, cohorts, disclosure rule. */
static void
print_methods(const struct stats *s, FILE *fp)
{
	enum lang l = s->lang;
	char *rule;

	fprintf(fp, "\n%s\n\n", label_get(l, LABEL_STATS_METHODS));
	wrap(fp, "", label_get(l, LABEL_STATS_M_SOURCES));
	for (size_t c = 0; c < s->ncohorts; c++) {
		char *line = stats_plain(stats_cohort_desc(l, &s->cohorts[c],
		    false));

		fprintf(fp, "  %s: %s\n", line, s->cohorts[c].source);
		free(line);
	}
	wrap(fp, "", label_get(l, LABEL_STATS_M_COUNTING));
	if (s->ncohorts > 1)
		wrap(fp, "", label_get(l, LABEL_STATS_M_COHORTS));
	wrap(fp, "", label_get(l, LABEL_STATS_M_EVAL));
	if (s->protected_ && s->min_cell <= 1)
		wrap(fp, "", label_get(l, LABEL_STATS_M_MIN1));
	else if (s->protected_) {
		rule = xasprintf(label_get(l, LABEL_STATS_M_RULE), s->min_cell);
		wrap(fp, "", rule);
		free(rule);
		if (s->ncohorts > 1)
			wrap(fp, "", label_get(l, LABEL_STATS_M_ACROSS));
	} else
		wrap(fp, "", label_get(l, LABEL_STATS_M_NO_RULE));
}

int
stats_write_txt(const struct stats *s, struct date asof, FILE *fp)
{
	char dec = s->lang == LANG_DE ? ',' : '.';

	print_head(s, asof, fp);
	for (size_t i = 0; i < s->ntables; i++) {
		const struct stats_table *t = &s->tables[i];
		char *title = stats_title(s->lang, s->wording, t);
		char *notes[STATS_NOTES_MAX];
		size_t n = utf8_len(title, strlen(title)), nn;
		unsigned shown;

		fprintf(fp, "\n%s\n", title);
		while (n-- > 0)
			fputc('-', fp);
		fputc('\n', fp);
		free(title);
		if (t->ncols > 1)
			shown = print_cross(s, t, dec, fp);
		else
			shown = print_list(s, t, dec, fp);
		nn = stats_notes(s, t, shown, notes);
		for (size_t j = 0; j < nn; j++) {
			wrap(fp, "", notes[j]);
			free(notes[j]);
		}
	}
	print_methods(s, fp);
	if (!s->protected_)
		fprintf(fp, "\n*** %s ***\n",
		    label_get(s->lang, LABEL_STATS_NO_SUPPRESS));
	return ferror(fp) ? -1 : 0;
}
