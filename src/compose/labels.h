/*
 * The built-in words of the documents and the statistics, in German and
 * English: one table per kind of word (labels, months, weekdays, genders,
 * event kinds, outcomes, statuses, number words), indexed by an enum or
 * number and the language, each read by one function below. Where the
 * statistics word a thing differently from the documents, both words
 * stand in one table as two forms (enum label_form). Also the writing of
 * dates, periods, page labels and running lists. Strings returned as
 * const char * are static.
 */
#ifndef COMPOSE_LABELS_H
#define COMPOSE_LABELS_H

#include <stdbool.h>

#include "load/model.h"
#include "util/strbuf.h"

enum label {
	LABEL_CONTENTS,		/* "Inhalt" */
	LABEL_PARTICIPANTS,	/* "Teilnehmende" (generated chapter) */
	LABEL_TANDEMS,		/* "Tandems" (generated chapter) */
	LABEL_EVENTS,		/* "Termine" (generated chapter) */
	LABEL_CONTACTS,		/* "Kontakt" (generated chapter) */
	LABEL_HANDBOOK,		/* document titles ... */
	LABEL_TANDEM_OVERVIEW,
	LABEL_AGREEMENT,
	LABEL_CERTIFICATE,
	LABEL_REPORT,
	LABEL_NAME,		/* table columns ... */
	LABEL_ORG,
	LABEL_UNIT,
	LABEL_POSITION,
	LABEL_TOPICS,
	LABEL_SHARED_TOPICS,
	LABEL_FIELD,
	LABEL_DATE,
	LABEL_PLACE,
	LABEL_EVENT,
	LABEL_KIND,
	LABEL_EMAIL,
	LABEL_PHONE,
	LABEL_SCORE,
	LABEL_PARTS,
	LABEL_REASON,
	LABEL_ROLE,
	LABEL_UNMATCHED,
	LABEL_ALTERNATIVES,
	LABEL_TOTAL,
	LABEL_COUNT,
	LABEL_PERIOD,
	LABEL_PLACE_DATE,	/* "Ort, Datum" under a signature line */
	LABEL_SIGNATURE,
	LABEL_CERTNO,		/* "Urkunden-Nr." */
	LABEL_COORDINATION,	/* "Koordination" */
	LABEL_NONE,		/* "keine Angabe" */
	LABEL_PART_TOPICS,	/* score parts (tandem-programme(5)) ... */
	LABEL_PART_WISH_GENDER,
	LABEL_PART_FIELD,
	LABEL_PART_LEVEL_GAP,
	LABEL_PART_BACKGROUND,
	LABEL_PART_LANGUAGE,
	LABEL_SATISFACTION,	/* report ... */
	LABEL_MEETINGS,
	LABEL_OUTCOMES,
	LABEL_RESPONSES,
	LABEL_CAREER_STEP,
	LABEL_YES,
	LABEL_NO,
	LABEL_IN_PERSON,	/* agreement: form of meetings */
	LABEL_BY_PHONE,
	LABEL_BY_VIDEO,
	/* The statistics' own words: */
	LABEL_STATS_TOTAL,	/* "Insgesamt" (documents: LABEL_TOTAL) */
	LABEL_STATS_ALL_COHORTS, /* block head: the sum of all cohorts */
	LABEL_STATS_NO_ORG,	/* person without organisation */
	LABEL_STATS_NOT_RECORDED, /* background not recorded */
	LABEL_STATS_MIGRATION,	/* background token "migration" */
	LABEL_STATS_TANDEMS_ROW, /* row of the fixed tandems */
	LABEL_STATS_TANDEMS_MATCHED, /* row of the tandems matched */
	LABEL_STATS_OUTCOME_ANY, /* mentees with any outcome */
	LABEL_STATS_HEADING,	/* document heading */
	LABEL_STATS_COHORTS,	/* "Durchgänge" */
	LABEL_STATS_ASOF,	/* "Stand" */
	LABEL_STATS_NO_SUPPRESS, /* internal, unprotected output */
	LABEL_STATS_FN_SUPPRESSED, /* footnote for "." (takes min-cell) */
	LABEL_STATS_FN_NO_TANDEMS, /* footnote for tandems not fixed */
	LABEL_STATS_FN_MATCHED,	/* footnote for tandems from the matching */
	LABEL_STATS_FN_NO_ANSWERS, /* footnote for evaluation without data */
	LABEL_STATS_FN_OUTCOMES, /* note on outcome counting */
	LABEL_STATS_FN_ABSENT,	/* footnote for an organisation not in a
				 * cohort */
	LABEL_STATS_FN_ALL,	/* the withdrawn are counted too */
	LABEL_STATS_FN_ZERO,	/* "0" beside "–" and "." */
	LABEL_STATS_FN_KEY,	/* column heads are the cohorts' keys */
	LABEL_STATS_CSV_EMPTY,	/* CSV: an empty value is "–" */
	LABEL_STATS_KEY_PREFIX, /* a cohort key by number: "D" of "D1" */
	LABEL_STATS_METHODS,	/* "Methodik" */
	LABEL_STATS_M_SOURCES,	/* data sources */
	LABEL_STATS_M_COUNTING,	/* who is counted */
	LABEL_STATS_M_COHORTS,	/* same person in two cohorts */
	LABEL_STATS_M_RULE,	/* suppression rule (takes min-cell) */
	LABEL_STATS_M_ACROSS,	/* suppression depends on the cohorts run */
	LABEL_STATS_M_NO_RULE,	/* suppression switched off */
	LABEL_STATS_M_MIN1,	/* --min-cell 1: nothing below it */
	LABEL_STATS_M_EVAL,	/* evaluation is anonymous */
	LABEL_STATS_CSV_NOTE,	/* measure name of CSV note rows */
	LABEL_STATS_FIGURE,	/* "Abbildung" before a chart's number */
	LABEL_STATS_FIG_SATISFACTION, /* what a survey chart shows */
	LABEL_STATS_TITLE_GENDER, /* table titles, one per stats_measure;
				 * "%s" is the role in the plural ... */
	LABEL_STATS_TITLE_STATUS,
	LABEL_STATS_TITLE_ORG,
	LABEL_STATS_TITLE_ORG_GENDER,
	LABEL_STATS_TITLE_BACKGROUND_ONE,
	LABEL_STATS_TITLE_BACKGROUND,
	LABEL_STATS_TITLE_TANDEMS,
	LABEL_STATS_TITLE_OUTCOMES,
	LABEL_STATS_TITLE_EVALUATION,
	LABEL_STATS_DURING,	/* when an outcome came, one per
				 * stats_timing ... */
	LABEL_STATS_AFTER,
	LABEL_STATS_UNDATED,
	LABEL_STATS_EVAL_RESPONSES, /* survey rows, one per
				 * stats_eval_row ... */
	LABEL_STATS_EVAL_SAT5,
	LABEL_STATS_EVAL_SAT4,
	LABEL_STATS_EVAL_SAT3,
	LABEL_STATS_EVAL_SAT2,
	LABEL_STATS_EVAL_SAT1,
	LABEL_STATS_EVAL_SAT_NONE,
	LABEL_STATS_EVAL_SAT_MEAN,
	LABEL_STATS_EVAL_MEETINGS,
	LABEL_STATS_EVAL_CAREER,
	LABEL_WHY_NO_FIELD,	/* tandems.pdf: why without a tandem; */
	LABEL_IDLE_NO_FIELD,	/* %s: a field, %zu: a count */
	LABEL_IDLE_PINNED,
	LABEL_IDLE_PINNED_ONE,
	LABEL_IDLE_NEEDED,
	LABEL_IDLE_NEEDED_ONE,
	LABEL_IDLE_SCORE,
	LABEL_FORMED_SPREAD,	/* tandems.pdf: how tandems were formed */
	LABEL_FORMED_SCORE,
	LABEL__MAX
};

/*
 * The form of a word where documents and statistics differ: the
 * statistics' rows and columns have their own words, English in sentence
 * case like a heading.
 */
enum label_form {
	LABEL_FORM_DOCS,	/* documents: "Frauen", "Sonstiges" */
	LABEL_FORM_STATS,	/* statistics: "weiblich", "Sonstige
				 * Veränderung" */
	LABEL_FORM__MAX
};

/* The label in this language. */
const char	*label_get(enum lang, enum label);

/* Names in the document's language. */
const char	*label_month(enum lang, int month);	/* 1..12 */
/* U+00A0 NO-BREAK SPACE in UTF-8. */
#define NBSP	"\xc2\xa0"

const char	*label_weekday(enum lang, struct date);	/* "Montag" */
const char	*label_event_kind(enum lang, enum event_kind);
/* A gender as a column head or chart category: "Frauen" or "weiblich". */
const char	*label_gender(enum lang, enum gender, enum label_form);
const char	*label_outcome_kind(enum lang, enum outcome_kind,
		    enum label_form);
/* A status as the statistics name it ("laufend"); documents name none. */
const char	*label_status(enum lang, enum status);

/*
 * Append a date in long form: "15. August 2022" (de), "15 August 2022"
 * (en), its parts joined by no-break spaces (NBSP) so that no line breaks
 * inside it; the one place dates are written out (handbook, documents,
 * statistics). An unset date (y == 0) or a month outside 1..12 appends
 * nothing.
 */
void	label_date_long(struct strbuf *, enum lang, struct date);

/* Append a date in numeric form: "15.08.2022" (de), "2022-08-15" (en). */
void	label_date_short(struct strbuf *, enum lang, struct date);

/*
 * Append a period: "15. August 2022 bis 15. November 2023" (de),
 * "15 August 2022 to 15 November 2023" (en). One missing end gives only
 * the other date.
 */
void	label_period(struct strbuf *, enum lang, struct date, struct date);

/* Append "Seite 3 von 24" / "Page 3 of 24" (total <= 0: "Seite 3"). */
void	label_page(struct strbuf *, enum lang, int page, int total);

/*
 * Append a list of n items as running text: "A", "A und B", "A, B und C"
 * ("and" in English). get(i, arg) returns item i.
 */
void	label_list(struct strbuf *, enum lang, size_t n,
	    const char *(*get)(size_t, void *), void *arg);

/* Day of the week of a valid date, 0 = Monday .. 6 = Sunday. */
int	label_dow(struct date);

/* Numbers up to this are written as words in running text. */
#define LABEL_WORDS_MAX	12

/*
 * The word for n (0..LABEL_WORDS_MAX) in running text ("drei", "three"),
 * or NULL for other numbers. German 1 is "ein", or "eine" when fem.
 */
const char	*label_number_word(enum lang, long, bool);

#endif
