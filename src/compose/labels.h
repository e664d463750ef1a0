/*
 * Built-in words of the generated documents in German and English: labels
 * of generated chapters and table columns, names of event kinds, outcomes
 * and statuses, long dates ("15. August 2022"), periods and page labels
 * ("Seite 3 von 24"). Strings returned as const char * are static. The
 * one table of month names; the statistics take their dates and periods
 * from here and keep only their own words in stats/labels.h.
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
	LABEL__MAX
};

/* The label in this language. */
const char	*label_get(enum lang, enum label);

/* Names in the document's language. */
const char	*label_month(enum lang, int month);	/* 1..12 */
const char	*label_weekday(enum lang, struct date);	/* "Montag" */
/* As a column head or chart category: "Frauen", "Women". */
const char	*label_gender_plural(enum lang, enum gender);
const char	*label_event_kind(enum lang, enum event_kind);
const char	*label_outcome_kind(enum lang, enum outcome_kind);

/*
 * Append a date in long form: "15. August 2022" (de), "15 August 2022"
 * (en); the one place dates are written out (handbook, documents,
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
