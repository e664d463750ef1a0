/*
 * The words only the statistics print, in the built-in languages (de, en):
 * table titles, row and column labels (English in sentence case, as column
 * heads), footnotes and the methods note. Internal to src/stats/. Words
 * the documents print too (dates, periods) come from compose/labels.h;
 * both keep their words in tables indexed by an enum and the language.
 */
#ifndef STATS_LABELS_H
#define STATS_LABELS_H

#include "load/model.h"
#include "stats/stats.h"

enum stats_word {
	SW_TOTAL,		/* "Insgesamt" */
	SW_ALL_COHORTS,		/* block head for the sum of all cohorts */
	SW_NO_ORG,		/* person without organisation */
	SW_NOT_RECORDED,	/* background not recorded */
	SW_MIGRATION,		/* background token "migration" */
	SW_TANDEMS_ROW,		/* row of the fixed tandems */
	SW_TANDEMS_MATCHED,	/* row of the tandems proposed by matching */
	SW_OUTCOME_ANY,		/* mentees with any outcome */
	SW_HEADING,		/* document heading */
	SW_COHORTS,		/* "Durchgänge" */
	SW_ASOF,		/* "Stand" */
	SW_NO_SUPPRESS,		/* internal, unprotected output */
	SW_FN_SUPPRESSED,	/* footnote for "." (takes min-cell) */
	SW_FN_NO_TANDEMS,	/* footnote for tandems not fixed */
	SW_FN_MATCHED,		/* footnote for tandems from the matching */
	SW_FN_NO_ANSWERS,	/* footnote for evaluation without data */
	SW_FN_OUTCOMES,		/* note on outcome counting */
	SW_FN_ABSENT,		/* footnote for an organisation not in a
				 * cohort */
	SW_FN_ALL,		/* the withdrawn are counted too */
	SW_METHODS,		/* "Methodik" */
	SW_M_SOURCES,		/* data sources */
	SW_M_COUNTING,		/* who is counted */
	SW_M_COHORTS,		/* same person in two cohorts */
	SW_M_RULE,		/* suppression rule (takes min-cell) */
	SW_M_ACROSS,		/* suppression depends on the cohorts run */
	SW_M_NO_RULE,		/* suppression switched off */
	SW_M_MIN1,		/* --min-cell 1: nothing below it */
	SW_M_EVAL,		/* evaluation is anonymous */
	SW_CSV_NOTE,		/* measure name of CSV note rows */
	SW_FIGURE,		/* "Abbildung" before a chart's number */
	SW_FIG_SATISFACTION,	/* what a survey chart shows */
	STATS_WORD__MAX
};

/* The word in this language (never NULL). */
const char	*stats_word(enum lang, enum stats_word);

/* Labels of genders (f, m, d, unknown in print order), statuses, ... */
const char	*stats_gender_label(enum lang, size_t i);
enum gender	 stats_gender_at(size_t i);	/* print order -> gender */
const char	*stats_status_label(enum lang, enum status);
const char	*stats_outcome_label(enum lang, enum outcome_kind);
const char	*stats_timing_label(enum lang, enum stats_timing);
const char	*stats_eval_label(enum lang, enum stats_eval_row);

/* "Mentees" / "Mentorinnen und Mentoren" ... in the programme's wording. */
const char	*stats_role_plural(enum lang, enum wording, enum role);

/* The table title, e.g. "Mentees nach Geschlecht" (caller frees). */
char		*stats_title(enum lang, enum wording, const struct stats_table *);

/* "Stand: 15. August 2022" / "As of: 15 August 2022" (caller frees). */
char		*stats_asof(enum lang, struct date);

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

/* The number of cohort blocks printed: the cohorts, plus all together. */
size_t		 stats_nblocks(const struct stats *);

#endif
