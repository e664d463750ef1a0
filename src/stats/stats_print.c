/*
 * What the writers of the statistics (text, CSV, document) print alike:
 * table titles, the "as of" line, cell values and cohort descriptions,
 * with the words of compose/labels.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "compose/wording.h"
#include "stats/stats_print.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The title of each measure; "%s" is the role in the plural. */
static const enum label titles[STATS__MAX] = {
	[STATS_GENDER] = LABEL_STATS_TITLE_GENDER,
	[STATS_STATUS] = LABEL_STATS_TITLE_STATUS,
	[STATS_ORG] = LABEL_STATS_TITLE_ORG,
	[STATS_ORG_GENDER] = LABEL_STATS_TITLE_ORG_GENDER,
	[STATS_BACKGROUND_ONE] = LABEL_STATS_TITLE_BACKGROUND_ONE,
	[STATS_BACKGROUND] = LABEL_STATS_TITLE_BACKGROUND,
	[STATS_TANDEMS] = LABEL_STATS_TITLE_TANDEMS,
	[STATS_OUTCOMES] = LABEL_STATS_TITLE_OUTCOMES,
	[STATS_EVALUATION] = LABEL_STATS_TITLE_EVALUATION,
};

/*
 * The role in the plural at the start of a title: German by the
 * programme's wording (tandem-texts(5), WORDING), English capitalised.
 */
static const char *
role_plural(enum lang l, enum wording w, enum role r)
{
	if (l == LANG_EN)
		return r == ROLE_MENTEE ? "Mentees" : "Mentors";
	return wording_roles(l, w, r);
}

/* Build the title of table t from its measure and role. */
char *
stats_title(enum lang l, enum wording w, const struct stats_table *t)
{
	const char *role = "";

	if (t->role >= 0)
		role = role_plural(l, w, (enum role)t->role);
	return xasprintf(label_get(l, titles[t->measure]), role);
}

/* "Stand: 15. August 2022", the date in the documents' long form. */
char *
stats_asof(enum lang l, struct date d)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "%s: ", label_get(l, LABEL_STATS_ASOF));
	label_date_long(&sb, l, d);
	return sb_take(&sb);
}

char *
stats_plain(char *s)
{
	char *w = s;

	for (const char *r = s; *r != '\0'; r++) {
		if (r[0] == '\xc2' && r[1] == '\xa0') {
			*w++ = ' ';
			r++;
		} else
			*w++ = *r;
	}
	*w = '\0';
	return s;
}

const char *
stats_value(const struct stats_cell *e, char decimal, char *buf)
{
	char *p;

	if (e->flags & STATS_CELL_SUPPRESSED)
		return strcpy(buf, ".");
	if (e->flags & (STATS_CELL_NA | STATS_CELL_ABSENT))
		return strcpy(buf, "\u2013");
	if (e->flags & STATS_CELL_REAL) {
		snprintf(buf, 32, "%.1f", e->x);
		if ((p = strchr(buf, '.')) != NULL)
			*p = decimal;
		return buf;
	}
	snprintf(buf, 32, "%ld", e->n);
	return buf;
}

/*
 * Say which cohort h is: its title and edition, after its column head and
 * a colon where that is neither (an id that tells two equal cohorts
 * apart), then with period its dates. Returns a new string.
 */
char *
stats_cohort_desc(enum lang l, const struct stats_cohort *h, bool period)
{
	struct strbuf sb = STRBUF_INIT;

	if (strcmp(h->label, h->title) != 0 && (h->edition == NULL ||
	    strcmp(h->label, h->edition) != 0))
		sb_addf(&sb, "%s: ", h->label);
	sb_adds(&sb, h->title);
	if (h->edition != NULL)
		sb_addf(&sb, ", %s", h->edition);
	if (period) {
		sb_adds(&sb, " (");
		label_period(&sb, l, h->start, h->end);
		sb_addc(&sb, ')');
	}
	return sb_take(&sb);
}

unsigned
stats_shows(const struct stats_cell *e)
{
	if (e->flags & STATS_CELL_SUPPRESSED)
		return STATS_SHOWS_DOT;
	if (e->flags & (STATS_CELL_NA | STATS_CELL_ABSENT))
		return STATS_SHOWS_DASH;
	if (!(e->flags & STATS_CELL_REAL) && e->n == 0)
		return STATS_SHOWS_ZERO;
	return 0;
}

size_t
stats_notes(const struct stats *s, const struct stats_table *t,
    unsigned shown, char *out[STATS_NOTES_MAX])
{
	enum lang l = s->lang;
	size_t n = 0;

	if ((shown & STATS_SHOWS_DASH) && t->dash != 0)
		out[n++] = xstrdup(label_get(l, (enum label)t->dash));
	if (shown & STATS_SHOWS_DOT)
		out[n++] = xasprintf(label_get(l, LABEL_STATS_FN_SUPPRESSED),
		    s->min_cell);
	if ((shown & STATS_SHOWS_ZERO) &&
	    (shown & (STATS_SHOWS_DASH | STATS_SHOWS_DOT)))
		out[n++] = xstrdup(label_get(l, LABEL_STATS_FN_ZERO));
	if (t->footnote != 0)
		out[n++] = xstrdup(label_get(l, (enum label)t->footnote));
	if (t->note_all != 0)
		out[n++] = xstrdup(label_get(l, (enum label)t->note_all));
	return n;
}

size_t
stats_nblocks(const struct stats *s)
{
	return s->ncohorts > 1 ? s->ncohorts + 1 : 1;
}

char *
stats_table_title(const struct stats *s, const struct stats_table *t)
{
	return stats_title(s->lang, s->wording, t);
}
