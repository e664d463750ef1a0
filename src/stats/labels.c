/*
 * The words of the statistics in German and English, in tables indexed by
 * the enums of labels.h and stats.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "compose/wording.h"
#include "stats/labels.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

static const char *const words[STATS_WORD__MAX][LANG__MAX] = {
	[SW_TOTAL] = { "Insgesamt", "Total" },
	[SW_ALL_COHORTS] = { "Alle Durchgänge", "All cohorts" },
	[SW_NO_ORG] = { "ohne Angabe", "Not stated" },
	[SW_NOT_RECORDED] = { "nicht erfasst", "Not recorded" },
	[SW_MIGRATION] = { "Migrationshintergrund", "Migration background" },
	[SW_TANDEMS_ROW] = {
		"Tandems, fest vereinbart", "Tandems, fixed"
	},
	[SW_TANDEMS_MATCHED] = {
		"Tandems, Vorschlag des Matchings",
		"Tandems, proposed by the matching"
	},
	[SW_OUTCOME_ANY] = {
		"Mentees mit mindestens einer Veränderung",
		"Mentees with at least one change"
	},
	[SW_HEADING] = {
		"Statistik des Mentoring-Programms",
		"Statistics of the mentoring programme"
	},
	[SW_COHORTS] = { "Durchgänge", "Cohorts" },
	[SW_ASOF] = { "Stand", "As of" },
	[SW_NO_SUPPRESS] = {
		"Interne Auswertung ohne Geheimhaltung",
		"Internal analysis without disclosure control"
	},
	[SW_FN_SUPPRESSED] = {
		". = gesperrt (weniger als %d Fälle oder zum Schutz einer "
		"gesperrten Zahl)",
		". = suppressed (fewer than %d cases, or to protect a "
		"suppressed count)"
	},
	[SW_FN_NO_TANDEMS] = {
		"– = keine Tandems festgelegt (Matching steht aus)",
		"– = no tandems fixed (matching pending)"
	},
	[SW_FN_MATCHED] = {
		"– = keine Tandems dieser Art. Ohne fest vereinbarte Tandems "
		"wurden die Tandems durch das Matching berechnet; das ist "
		"ein Vorschlag, kein Beleg vereinbarter Tandems.",
		"– = no tandems of this kind. Where no tandems were fixed, "
		"they were formed by the matching; that is a proposal, not a "
		"record of agreed tandems."
	},
	[SW_FN_NO_ANSWERS] = {
		"– = keine Angaben",
		"– = no answers"
	},
	[SW_FN_OUTCOMES] = {
		"Personen je Art und Zeitpunkt; eine Person kann in mehreren "
		"Zeilen stehen. Während = bis zum Programmende.",
		"Persons per kind and time; one person may appear in several "
		"rows. During = up to the end of the programme."
	},
	[SW_FN_ABSENT] = {
		"– = Organisation in diesem Durchgang nicht beteiligt",
		"– = organisation not part of this cohort"
	},
	[SW_FN_ALL] = {
		"Einschließlich ausgeschiedener Teilnehmender; siehe "
		"Teilnahmestatus.",
		"Including participants who withdrew; see status."
	},
	[SW_METHODS] = { "Methodik", "Methods" },
	[SW_M_SOURCES] = {
		"Datenquelle: die Teilnahmedaten (programme.xml) der oben "
		"genannten Durchgänge.",
		"Data source: the participant data (programme.xml) of the "
		"cohorts listed above."
	},
	[SW_M_COUNTING] = {
		"Gezählt sind alle eingetragenen Teilnehmenden einschließlich "
		"der ausgeschiedenen. Tandems: die fest vereinbarten; wo keine "
		"festgelegt sind, der Vorschlag des Matchings, gesondert "
		"ausgewiesen.",
		"All registered participants are counted, including those who "
		"withdrew. Tandems: the fixed ones; where none were fixed, the "
		"matching's proposal, shown apart."
	},
	[SW_M_COHORTS] = {
		"Jeder Durchgang wird für sich gezählt: wer an zwei "
		"Durchgängen teilnahm, zählt in beiden.",
		"Each cohort is counted on its own: a person who took part in "
		"two cohorts counts in both."
	},
	[SW_M_RULE] = {
		"Geheimhaltung: Gesamtzahlen je Rolle und Geschlecht werden "
		"stets veröffentlicht. In Tabellen nach Hintergrund und nach "
		"Organisation und Geschlecht werden Zahlen unter %d (außer 0) "
		"durch \u201e.\u201c ersetzt und weitere Zahlen (Partnerzellen) "
		"gesperrt, sodass keine gesperrte Zahl aus Summen berechnet "
		"werden kann. Eine 0 wird veröffentlicht, außer wo sie als "
		"Partnerzelle gesperrt werden muss; veröffentlicht werden auch "
		"Zahlen, die sich schon aus den stets veröffentlichten Summen "
		"ergeben. Namen und Kennungen von Personen erscheinen nicht.",
		"Disclosure control: totals by role and gender are always "
		"published. In tables by background and by organisation and "
		"gender, counts below %d (except 0) are replaced by \u201c.\u201d, "
		"and further counts (complementary cells) are suppressed so "
		"that no suppressed count can be computed from totals. A 0 is "
		"published, except where it must be suppressed as a "
		"complementary cell; so is a count that the always published "
		"totals determine anyway. No names or ids of persons appear."
	},
	[SW_M_ACROSS] = {
		"Die Summe aller Durchgänge wird mitgeschützt. Daher hängt, "
		"welche Zahlen eines Durchgangs gesperrt sind, davon ab, welche "
		"Durchgänge gemeinsam ausgewertet werden: allein ausgewertet "
		"kann ein Durchgang mehr Zahlen zeigen. Auswertungen mit "
		"verschiedener Auswahl von Durchgängen nicht nebeneinander "
		"veröffentlichen, sonst lassen sich gesperrte Zahlen durch "
		"Vergleich berechnen.",
		"The sum of all cohorts is protected as well, so which counts "
		"of a cohort are suppressed depends on which cohorts are "
		"analysed together: analysed alone, a cohort may show more "
		"counts. Do not publish analyses of different selections of "
		"cohorts side by side, or suppressed counts can be computed by "
		"comparing them."
	},
	[SW_M_NO_RULE] = {
		"Keine Geheimhaltung angewandt (--no-suppress): nur für den "
		"internen Gebrauch.",
		"No disclosure control applied (--no-suppress): for internal "
		"use only."
	},
	[SW_M_MIN1] = {
		"Geheimhaltung: Mindestfallzahl 1 (--min-cell 1), daher ist "
		"keine Zahl gesperrt.",
		"Disclosure control: minimum count 1 (--min-cell 1), so no "
		"count is suppressed."
	},
	[SW_M_EVAL] = {
		"Befragung: anonyme, freiwillige Antworten; Mittelwert und "
		"Median über die gegebenen Antworten.",
		"Survey: anonymous, voluntary answers; mean and median over the "
		"answers given."
	},
	[SW_CSV_NOTE] = { "Hinweis", "Note" },
	[SW_FIGURE] = { "Abbildung", "Figure" },
	[SW_FIG_SATISFACTION] = {
		", Antworten nach Zufriedenheit",
		", answers by satisfaction"
	},
};

/* Genders in print order. */
static const enum gender gender_order[GENDER__MAX] = {
	GENDER_F, GENDER_M, GENDER_D, GENDER_UNKNOWN
};

/*
 * Row and column labels; English ones in sentence case like English
 * headings ("Diverse" is the official English name of the German legal
 * category "divers").
 */
static const char *const gender_labels[GENDER__MAX][LANG__MAX] = {
	[GENDER_F] = { "weiblich", "Female" },
	[GENDER_M] = { "männlich", "Male" },
	[GENDER_D] = { "divers", "Diverse" },
	[GENDER_UNKNOWN] = { "ohne Angabe", "Not stated" },
};

static const char *const status_labels[STATUS__MAX][LANG__MAX] = {
	[STATUS_COMPLETED] = { "abgeschlossen", "Completed" },
	[STATUS_ACTIVE] = { "laufend", "Active" },
	[STATUS_WITHDRAWN] = { "ausgeschieden", "Withdrawn" },
};

static const char *const outcome_labels[OUTCOME__MAX][LANG__MAX] = {
	[OUTCOME_POSITION_CHANGE] = { "Stellenwechsel", "Position change" },
	[OUTCOME_PROMOTION] = { "Beförderung", "Promotion" },
	[OUTCOME_OTHER] = { "Sonstige Veränderung", "Other change" },
};

static const char *const timing_labels[STATS_TIMING__MAX][LANG__MAX] = {
	[STATS_DURING] = { "während des Programms", "during the programme" },
	[STATS_AFTER] = { "nach dem Programm", "after the programme" },
	[STATS_UNDATED] = { "ohne Datum", "undated" },
};

static const char *const eval_labels[STATS_EVAL__MAX][LANG__MAX] = {
	[STATS_EVAL_RESPONSES] = { "Antworten", "Responses" },
	[STATS_EVAL_SAT5] = {
		"Zufriedenheit 5 (sehr zufrieden)",
		"Satisfaction 5 (very satisfied)"
	},
	[STATS_EVAL_SAT4] = { "Zufriedenheit 4", "Satisfaction 4" },
	[STATS_EVAL_SAT3] = { "Zufriedenheit 3", "Satisfaction 3" },
	[STATS_EVAL_SAT2] = { "Zufriedenheit 2", "Satisfaction 2" },
	[STATS_EVAL_SAT1] = {
		"Zufriedenheit 1 (gar nicht zufrieden)",
		"Satisfaction 1 (not at all satisfied)"
	},
	[STATS_EVAL_SAT_NONE] = {
		"Zufriedenheit ohne Angabe", "Satisfaction not stated"
	},
	[STATS_EVAL_SAT_MEAN] = {
		"Zufriedenheit, Mittelwert", "Satisfaction, mean"
	},
	[STATS_EVAL_MEETINGS] = {
		"Treffen, Median", "Meetings, median"
	},
	[STATS_EVAL_CAREER] = {
		"Karriereschritt: ja", "Career step: yes"
	},
};

/* Title patterns; "%s" is the role in the plural. */
static const char *const title_patterns[STATS__MAX][LANG__MAX] = {
	[STATS_GENDER] = { "%s nach Geschlecht", "%s by gender" },
	[STATS_STATUS] = { "%s nach Teilnahmestatus", "%s by status" },
	[STATS_ORG] = { "%s nach Organisation", "%s by organisation" },
	[STATS_ORG_GENDER] = {
		"%s nach Organisation und Geschlecht",
		"%s by organisation and gender"
	},
	[STATS_BACKGROUND] = {
		"%s nach Hintergrund und Geschlecht",
		"%s by background and gender"
	},
	[STATS_TANDEMS] = { "Tandems", "Tandems" },
	[STATS_OUTCOMES] = {
		"Berufliche Veränderungen der Mentees",
		"Career changes of mentees"
	},
	[STATS_EVALUATION] = {
		"Befragung: %s", "Survey: %s"
	},
};

const char *
stats_word(enum lang l, enum stats_word w)
{
	return words[w][l];
}

enum gender
stats_gender_at(size_t i)
{
	return gender_order[i];
}

const char *
stats_gender_label(enum lang l, size_t i)
{
	return gender_labels[gender_order[i]][l];
}

const char *
stats_status_label(enum lang l, enum status s)
{
	return status_labels[s][l];
}

const char *
stats_outcome_label(enum lang l, enum outcome_kind k)
{
	return outcome_labels[k][l];
}

const char *
stats_timing_label(enum lang l, enum stats_timing t)
{
	return timing_labels[t][l];
}

const char *
stats_eval_label(enum lang l, enum stats_eval_row r)
{
	return eval_labels[r][l];
}

/*
 * The role in the plural at the start of a title: German by the
 * programme's wording (tandem-texts(5), WORDING), English capitalised.
 */
const char *
stats_role_plural(enum lang l, enum wording w, enum role r)
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
		role = stats_role_plural(l, w, (enum role)t->role);
	return xasprintf(title_patterns[t->measure][l], role);
}

/* "Stand: 15. August 2022", the date in the documents' long form. */
char *
stats_asof(enum lang l, struct date d)
{
	struct strbuf sb = STRBUF_INIT;

	sb_addf(&sb, "%s: ", stats_word(l, SW_ASOF));
	label_date_long(&sb, l, d);
	return sb_take(&sb);
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
