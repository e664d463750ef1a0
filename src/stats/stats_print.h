/*
 * What the writers of the statistics (text, CSV, document) print alike.
 * Internal to src/stats/; the words themselves are in compose/labels.h.
 */
#ifndef STATS_PRINT_H
#define STATS_PRINT_H

#include "load/model.h"
#include "stats/stats.h"

/* The table title, e.g. "Mentees nach Geschlecht" (caller frees). */
char		*stats_title(enum lang, enum wording, const struct stats_table *);

/* "Stand: 15. August 2022" / "As of: 15 August 2022" (caller frees). */
char		*stats_asof(enum lang, struct date);

/*
 * The no-break spaces that keep a date on one line in the PDF (labels.h)
 * made ordinary spaces, in place, for the plain-text and CSV files, which
 * are read by programs and searched. Returns s.
 */
char		*stats_plain(char *s);

/*
 * The printed value of a cell: the count, "." when suppressed, "–" when
 * there is no figure, a decimal with one digit after the given decimal
 * mark. Writes into buf (at least 32 bytes) and returns it.
 */
const char	*stats_value(const struct stats_cell *, char decimal, char *buf);

/*
 * A cohort as named in the heading and the methods note: "title, edition",
 * after "id: " where its column head is an id, and with period its dates
 * (caller frees).
 */
char		*stats_cohort_desc(enum lang, const struct stats_cohort *,
		    bool period);

/* What a printed cell shows besides a count: the signs the notes explain. */
#define STATS_SHOWS_DASH	0x1u	/* "–": no figure */
#define STATS_SHOWS_DOT		0x2u	/* ".": suppressed */
#define STATS_SHOWS_ZERO	0x4u	/* "0": no case */

/* The sign cell e prints as (STATS_SHOWS_*), or 0 for another figure. */
unsigned	 stats_shows(const struct stats_cell *e);

/*
 * The notes under table t whose printed cells showed the signs in shown:
 * what "–" means in t, ". = suppressed" (with min-cell), "0 = no case"
 * where it stands beside one of the others, then t's other notes.
 * Returns how many were stored in out[] (at most STATS_NOTES_MAX; the
 * caller frees each).
 */
#define STATS_NOTES_MAX	5
size_t		 stats_notes(const struct stats *, const struct stats_table *t,
		    unsigned shown, char *out[STATS_NOTES_MAX]);

/* The number of cohort blocks printed: the cohorts, plus all together. */
size_t		 stats_nblocks(const struct stats *);

#endif
