/*
 * CSV writer for the statistics: one tidy table with the columns cohort,
 * measure, group, value (RFC 4180, CRLF line ends, UTF-8). Fields are
 * separated by commas with decimal points, or, for German spreadsheets
 * (--bom, --sep ';'), by semicolons with decimal commas; --bom also
 * writes a byte order mark. A suppressed value is ".", a missing one ("–"
 * in the tables: not asked, not answered, not applicable) is empty, a
 * count of no case is 0. Note rows (measure "Hinweis"/"Note") carry the
 * date, the disclosure rule and what an empty value means.
 */
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "stats/stats.h"
#include "stats/stats_print.h"
#include "util/xalloc.h"

/*
 * Write one field, quoted when it holds the separator, a quote or a line
 * break. A
 * text starting with = + - @ is prefixed with ' so that spreadsheets do
 * not run it as a formula (values never start so: counts are >= 0).
 */
static void
field(FILE *fp, const char *s, bool text, char sep)
{
	bool quote = strpbrk(s, "\"\r\n") != NULL || strchr(s, sep) != NULL;

	if (quote)
		fputc('"', fp);
	if (text && *s != '\0' && strchr("=+-@\t\r", *s) != NULL)
		fputc('\'', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	if (quote)
		fputc('"', fp);
}

static void
record(FILE *fp, char sep, const char *cohort, const char *measure,
    const char *group, const char *value)
{
	field(fp, cohort, true, sep);
	fputc(sep, fp);
	field(fp, measure, true, sep);
	fputc(sep, fp);
	field(fp, group, true, sep);
	fputc(sep, fp);
	field(fp, value, false, sep);
	fputs("\r\n", fp);
}

/* All figures of table t, block by block, row by row. */
static void
write_table(const struct stats *s, const struct stats_table *t, char sep,
    FILE *fp)
{
	size_t nb = stats_nblocks(s), nr = t->nrows + t->row_total;
	size_t nk = t->ncols > 1 ? t->ncols + t->col_total : 1, b, r, k;
	char *title = stats_title(s->lang, s->wording, t), buf[32];
	const char *total = label_get(s->lang, LABEL_STATS_TOTAL);

	for (b = 0; b < nb; b++) {
		size_t c = b < s->ncohorts ? b : t->ncohorts;
		const char *cohort = b < s->ncohorts ?
		    s->cohorts[b].label : total;

		for (r = 0; r < nr; r++)
			for (k = 0; k < nk; k++) {
				const struct stats_cell *e =
				    stats_cell(t, c, r, k);
				const char *row = r < t->nrows ?
				    t->rows[r] : total;
				char *group;

				if (e->flags & STATS_CELL_ABSENT)
					continue;	/* not in this cohort */
				if (t->ncols > 1)
					group = xasprintf("%s / %s", row,
					    k < t->ncols ? t->cols[k] : total);
				else
					group = xstrdup(row);
				if (e->flags & STATS_CELL_NA)
					buf[0] = '\0';
				else
					stats_value(e, sep == ';' ? ',' : '.',
					    buf);
				record(fp, sep, cohort, title, group, buf);
				free(group);
			}
	}
	free(title);
}

int
stats_write_csv(const struct stats *s, struct date asof, bool bom, char sep,
    FILE *fp)
{
	const char *note = label_get(s->lang, LABEL_STATS_CSV_NOTE);
	char *text;

	if (bom)
		fputs("\xef\xbb\xbf", fp);
	fprintf(fp, "cohort%cmeasure%cgroup%cvalue\r\n", sep, sep, sep);
	text = stats_plain(stats_asof(s->lang, asof));
	record(fp, sep, "", note, text, "");
	free(text);
	if (s->protected_) {
		text = xasprintf(label_get(s->lang, LABEL_STATS_FN_SUPPRESSED),
		    s->min_cell);
		record(fp, sep, "", note, text, "");
		free(text);
	} else
		record(fp, sep, "", note,
		    label_get(s->lang, LABEL_STATS_NO_SUPPRESS), "");
	record(fp, sep, "", note, label_get(s->lang, LABEL_STATS_CSV_EMPTY), "");
	for (size_t i = 0; i < s->ntables; i++)
		write_table(s, &s->tables[i], sep, fp);
	return ferror(fp) ? -1 : 0;
}
