/*
 * Built-in words in German and English, each kind in one table indexed by
 * what is named and the language ([what][lang]), and the formatting of
 * dates, periods, page labels and running lists.
 */
#include "compose/labels.h"

#define CLAMP(v, max)	((unsigned)(v) < (unsigned)(max) ? (v) : 0)

static const char *const labels[LABEL__MAX][LANG__MAX] = {
	[LABEL_CONTENTS] = { "Inhalt", "Contents" },
	[LABEL_PARTICIPANTS] = { "Teilnehmende", "Participants" },
	[LABEL_TANDEMS] = { "Tandems", "Tandems" },
	[LABEL_EVENTS] = { "Termine", "Schedule" },
	[LABEL_CONTACTS] = { "Kontakt", "Contacts" },
	[LABEL_HANDBOOK] = { "Handbuch", "Handbook" },
	[LABEL_TANDEM_OVERVIEW] = { "Tandemübersicht", "Tandem overview" },
	[LABEL_AGREEMENT] = { "Zielvereinbarung", "Goal agreement" },
	[LABEL_CERTIFICATE] = { "Urkunde", "Certificate" },
	[LABEL_REPORT] = { "Auswertungsbericht", "Evaluation report" },
	[LABEL_NAME] = { "Name", "Name" },
	[LABEL_ORG] = { "Organisation", "Organisation" },
	[LABEL_UNIT] = { "Organisationseinheit", "Unit" },
	[LABEL_POSITION] = { "Funktion", "Position" },
	[LABEL_TOPICS] = { "Themen", "Topics" },
	[LABEL_SHARED_TOPICS] = { "Gemeinsame Themen", "Shared topics" },
	[LABEL_FIELD] = { "Fachgebiet", "Field" },
	[LABEL_DATE] = { "Datum", "Date" },
	[LABEL_PLACE] = { "Ort", "Place" },
	[LABEL_EVENT] = { "Veranstaltung", "Event" },
	[LABEL_KIND] = { "Art", "Kind" },
	[LABEL_EMAIL] = { "E-Mail", "Email" },
	[LABEL_PHONE] = { "Telefon", "Phone" },
	[LABEL_SCORE] = { "Passung", "Score" },
	[LABEL_PARTS] = { "Anteile", "Parts" },
	[LABEL_REASON] = { "Grund", "Reason" },
	[LABEL_ROLE] = { "Rolle", "Role" },
	[LABEL_UNMATCHED] = { "Ohne Tandem", "Unmatched" },
	[LABEL_ALTERNATIVES] = { "Alternativen", "Alternatives" },
	[LABEL_TOTAL] = { "Gesamt", "Total" },
	[LABEL_COUNT] = { "Anzahl", "Number" },
	[LABEL_PERIOD] = { "Zeitraum", "Period" },
	[LABEL_PLACE_DATE] = { "Ort, Datum", "Place, date" },
	[LABEL_SIGNATURE] = { "Unterschrift", "Signature" },
	[LABEL_CERTNO] = { "Urkunden-Nr.", "Certificate no." },
	[LABEL_COORDINATION] = { "Koordination", "Coordination" },
	[LABEL_NONE] = { "keine Angabe", "not stated" },
	[LABEL_PART_TOPICS] = { "Themen", "Topics" },
	[LABEL_PART_WISH_GENDER] = { "Wunschgeschlecht", "Preferred gender" },
	[LABEL_PART_FIELD] = { "Fachgebiet", "Field" },
	[LABEL_WHY_NO_FIELD] = { "keine Mentorin und kein Mentor aus dem "
	    "Berufsfeld %s", "no mentor from the field %s" },
	[LABEL_IDLE_NO_FIELD] = { "kein Mentee aus dem Berufsfeld %s",
	    "no mentee from the field %s" },
	[LABEL_IDLE_PINNED] = { "alle zulässigen Mentees (%zu) sind fest "
	    "anderen zugeordnet", "every admissible mentee (%zu) is pinned "
	    "to another mentor" },
	[LABEL_IDLE_PINNED_ONE] = { "nur 1 Mentee ist zulässig und ist fest "
	    "einem anderen Gegenüber zugeordnet", "the only admissible "
	    "mentee is pinned to another mentor" },
	[LABEL_IDLE_NEEDED_ONE] = { "nur 1 Mentee ist zulässig und wird für "
	    "ein anderes Tandem gebraucht: ein Tandem hier ließe eine andere "
	    "Person ohne Tandem", "the only admissible mentee is needed for "
	    "another tandem: a tandem here would leave someone else without "
	    "one" },
	[LABEL_IDLE_NEEDED] = { "alle zulässigen Mentees (%zu) werden für "
	    "andere Tandems gebraucht: jedes Tandem hier ließe eine andere "
	    "Person ohne Tandem", "every admissible mentee (%zu) is needed "
	    "for another tandem: any tandem here would leave someone else "
	    "without one" },
	[LABEL_IDLE_SCORE] = { "die Verteilung auf möglichst viele "
	    "Mentorinnen und Mentoren ist abgeschaltet (spread=\"false\"): "
	    "jedes Tandem hier senkte die Passung insgesamt oder ließe "
	    "jemanden ohne Tandem (%zu zulässige Mentees)", "spreading over "
	    "the mentors is off (spread=\"false\"): any tandem here would "
	    "lower the total score or leave someone without a tandem (%zu "
	    "admissible mentees)" },
	[LABEL_FORMED_SPREAD] = { "Die Tandems wurden nach den Regeln und "
	    "Gewichten des Programms gebildet (höchstmögliche Zahl von "
	    "Tandems, dann möglichst viele Mentorinnen und Mentoren mit "
	    "Tandem, dann die höchste Passung insgesamt).", "The tandems "
	    "were formed by the programme\xe2\x80\x99s rules and weights (as "
	    "many tandems as possible, then as many mentors with a tandem as "
	    "possible, then the highest total score)." },
	[LABEL_FORMED_SCORE] = { "Die Tandems wurden nach den Regeln und "
	    "Gewichten des Programms gebildet (höchstmögliche Zahl von "
	    "Tandems, dann die höchste Passung insgesamt).", "The tandems "
	    "were formed by the programme\xe2\x80\x99s rules and weights (as "
	    "many tandems as possible, then the highest total score)." },
	[LABEL_PART_LEVEL_GAP] = { "Stufenabstand", "Level gap" },
	[LABEL_PART_BACKGROUND] = { "Hintergrund", "Background" },
	[LABEL_PART_LANGUAGE] = { "Sprache", "Language" },
	[LABEL_SATISFACTION] = { "Zufriedenheit", "Satisfaction" },
	[LABEL_MEETINGS] = { "Treffen", "Meetings" },
	[LABEL_OUTCOMES] = { "Berufliche Entwicklung", "Career outcomes" },
	[LABEL_RESPONSES] = { "Rückmeldungen", "Responses" },
	[LABEL_CAREER_STEP] = { "Karriereschritt", "Career step" },
	[LABEL_YES] = { "ja", "yes" },
	[LABEL_NO] = { "nein", "no" },
	[LABEL_IN_PERSON] = { "persönlich", "in person" },
	[LABEL_BY_PHONE] = { "telefonisch", "by phone" },
	[LABEL_BY_VIDEO] = { "per Video", "by video" },
	/* The statistics' own words. */
	[LABEL_STATS_TOTAL] = { "Insgesamt", "Total" },
	[LABEL_STATS_ALL_COHORTS] = { "Alle Durchgänge", "All cohorts" },
	[LABEL_STATS_NO_ORG] = { "ohne Angabe", "Not stated" },
	[LABEL_STATS_NOT_RECORDED] = { "nicht erfasst", "Not recorded" },
	[LABEL_STATS_MIGRATION] = {
		"Migrationshintergrund", "Migration background"
	},
	[LABEL_STATS_TANDEMS_ROW] = {
		"Tandems, fest vereinbart", "Tandems, fixed"
	},
	[LABEL_STATS_TANDEMS_MATCHED] = {
		"Tandems, Vorschlag des Matchings",
		"Tandems, proposed by the matching"
	},
	[LABEL_STATS_OUTCOME_ANY] = {
		"Mentees mit mindestens einer Veränderung",
		"Mentees with at least one change"
	},
	[LABEL_STATS_HEADING] = {
		"Statistik des Mentoring-Programms",
		"Statistics of the mentoring programme"
	},
	[LABEL_STATS_COHORTS] = { "Durchgänge", "Cohorts" },
	[LABEL_STATS_ASOF] = { "Stand", "As of" },
	[LABEL_STATS_NO_SUPPRESS] = {
		"Interne Auswertung ohne Geheimhaltung",
		"Internal analysis without disclosure control"
	},
	[LABEL_STATS_FN_SUPPRESSED] = {
		". = gesperrt (weniger als %d Fälle oder zum Schutz einer "
		"gesperrten Zahl)",
		". = suppressed (fewer than %d cases, or to protect a "
		"suppressed count)"
	},
	[LABEL_STATS_FN_NO_TANDEMS] = {
		"– = keine Tandems festgelegt (Matching steht aus)",
		"– = no tandems fixed (matching pending)"
	},
	[LABEL_STATS_FN_MATCHED] = {
		"– = keine Tandems dieser Art. Ohne fest vereinbarte Tandems "
		"wurden die Tandems durch das Matching berechnet; das ist "
		"ein Vorschlag, kein Beleg vereinbarter Tandems.",
		"– = no tandems of this kind. Where no tandems were fixed, "
		"they were formed by the matching; that is a proposal, not a "
		"record of agreed tandems."
	},
	[LABEL_STATS_FN_NO_ANSWERS] = {
		"– = nicht gefragt oder nicht beantwortet (keine Antwort)",
		"– = not asked or not answered (no answer)"
	},
	[LABEL_STATS_FN_OUTCOMES] = {
		"Personen je Art und Zeitpunkt; eine Person kann in mehreren "
		"Zeilen stehen. Während = bis zum Programmende.",
		"Persons per kind and time; one person may appear in several "
		"rows. During = up to the end of the programme."
	},
	[LABEL_STATS_FN_ABSENT] = {
		"– = Organisation in diesem Durchgang nicht beteiligt",
		"– = organisation not part of this cohort"
	},
	[LABEL_STATS_FN_ALL] = {
		"Einschließlich ausgeschiedener Teilnehmender; siehe "
		"Teilnahmestatus.",
		"Including participants who withdrew; see status."
	},
	[LABEL_STATS_FN_ZERO] = {
		"0 = kein Fall", "0 = no case"
	},
	[LABEL_STATS_FN_KEY] = {
		"Spaltenköpfe: Kurzzeichen der Durchgänge, siehe "
		"„Durchgänge“ am Anfang.",
		"Column heads: the cohorts' keys, see “Cohorts” at the "
		"beginning."
	},
	[LABEL_STATS_CSV_EMPTY] = {
		"Leerer Wert = keine Zahl (nicht gefragt, nicht beantwortet "
		"oder nicht zutreffend); 0 = kein Fall",
		"Empty value = no figure (not asked, not answered or not "
		"applicable); 0 = no case"
	},
	[LABEL_STATS_KEY_PREFIX] = { "D", "C" },
	[LABEL_STATS_METHODS] = { "Methodik", "Methods" },
	[LABEL_STATS_M_SOURCES] = {
		"Datenquelle: die Teilnahmedaten (programme.xml) der oben "
		"genannten Durchgänge.",
		"Data source: the participant data (programme.xml) of the "
		"cohorts listed above."
	},
	[LABEL_STATS_M_COUNTING] = {
		"Gezählt sind alle eingetragenen Teilnehmenden einschließlich "
		"der ausgeschiedenen. Tandems: die fest vereinbarten; wo keine "
		"festgelegt sind, der Vorschlag des Matchings, gesondert "
		"ausgewiesen.",
		"All registered participants are counted, including those who "
		"withdrew. Tandems: the fixed ones; where none were fixed, the "
		"matching's proposal, shown apart."
	},
	[LABEL_STATS_M_COHORTS] = {
		"Jeder Durchgang wird für sich gezählt: wer an zwei "
		"Durchgängen teilnahm, zählt in beiden.",
		"Each cohort is counted on its own: a person who took part in "
		"two cohorts counts in both."
	},
	[LABEL_STATS_M_RULE] = {
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
	[LABEL_STATS_M_ACROSS] = {
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
	[LABEL_STATS_M_NO_RULE] = {
		"Keine Geheimhaltung angewandt (--no-suppress): nur für den "
		"internen Gebrauch.",
		"No disclosure control applied (--no-suppress): for internal "
		"use only."
	},
	[LABEL_STATS_M_MIN1] = {
		"Geheimhaltung: Mindestfallzahl 1 (--min-cell 1), daher ist "
		"keine Zahl gesperrt.",
		"Disclosure control: minimum count 1 (--min-cell 1), so no "
		"count is suppressed."
	},
	[LABEL_STATS_M_EVAL] = {
		"Befragung: anonyme, freiwillige Antworten; Mittelwert und "
		"Median über die gegebenen Antworten.",
		"Survey: anonymous, voluntary answers; mean and median over the "
		"answers given."
	},
	[LABEL_STATS_CSV_NOTE] = { "Hinweis", "Note" },
	[LABEL_STATS_FIGURE] = { "Abbildung", "Figure" },
	[LABEL_STATS_FIG_SATISFACTION] = {
		", Antworten nach Zufriedenheit",
		", answers by satisfaction"
	},
	/* Table titles; "%s" is the role in the plural. */
	[LABEL_STATS_TITLE_GENDER] = {
		"%s nach Geschlecht", "%s by gender"
	},
	[LABEL_STATS_TITLE_STATUS] = {
		"%s nach Teilnahmestatus", "%s by status"
	},
	[LABEL_STATS_TITLE_ORG] = {
		"%s nach Organisation", "%s by organisation"
	},
	[LABEL_STATS_TITLE_ORG_GENDER] = {
		"%s nach Organisation und Geschlecht",
		"%s by organisation and gender"
	},
	[LABEL_STATS_TITLE_BACKGROUND_ONE] = {
		"%s nach Hintergrund", "%s by background"
	},
	[LABEL_STATS_TITLE_BACKGROUND] = {
		"%s nach Hintergrund und Geschlecht",
		"%s by background and gender"
	},
	[LABEL_STATS_TITLE_TANDEMS] = { "Tandems", "Tandems" },
	[LABEL_STATS_TITLE_OUTCOMES] = {
		"Berufliche Veränderungen der Mentees",
		"Career changes of mentees"
	},
	[LABEL_STATS_TITLE_EVALUATION] = {
		"Befragung: %s", "Survey: %s"
	},
	/* When an outcome came. */
	[LABEL_STATS_DURING] = {
		"während des Programms", "during the programme"
	},
	[LABEL_STATS_AFTER] = {
		"nach dem Programm", "after the programme"
	},
	[LABEL_STATS_UNDATED] = { "ohne Datum", "undated" },
	/* Rows of the survey table. */
	[LABEL_STATS_EVAL_RESPONSES] = { "Antworten", "Responses" },
	[LABEL_STATS_EVAL_SAT5] = {
		"Zufriedenheit 5 (sehr zufrieden)",
		"Satisfaction 5 (very satisfied)"
	},
	[LABEL_STATS_EVAL_SAT4] = { "Zufriedenheit 4", "Satisfaction 4" },
	[LABEL_STATS_EVAL_SAT3] = { "Zufriedenheit 3", "Satisfaction 3" },
	[LABEL_STATS_EVAL_SAT2] = { "Zufriedenheit 2", "Satisfaction 2" },
	[LABEL_STATS_EVAL_SAT1] = {
		"Zufriedenheit 1 (gar nicht zufrieden)",
		"Satisfaction 1 (not at all satisfied)"
	},
	[LABEL_STATS_EVAL_SAT_NONE] = {
		"Zufriedenheit ohne Angabe", "Satisfaction not stated"
	},
	[LABEL_STATS_EVAL_SAT_MEAN] = {
		"Zufriedenheit, Mittelwert", "Satisfaction, mean"
	},
	[LABEL_STATS_EVAL_MEETINGS] = {
		"Treffen, Median", "Meetings, median"
	},
	[LABEL_STATS_EVAL_CAREER] = {
		"Karriereschritt: ja", "Career step: yes"
	},
};

static const char *const months[12][LANG__MAX] = {
	{ "Januar", "January" },
	{ "Februar", "February" },
	{ "März", "March" },
	{ "April", "April" },
	{ "Mai", "May" },
	{ "Juni", "June" },
	{ "Juli", "July" },
	{ "August", "August" },
	{ "September", "September" },
	{ "Oktober", "October" },
	{ "November", "November" },
	{ "Dezember", "December" },
};

/* Monday first, as label_dow() counts. */
static const char *const weekdays[7][LANG__MAX] = {
	{ "Montag", "Monday" },
	{ "Dienstag", "Tuesday" },
	{ "Mittwoch", "Wednesday" },
	{ "Donnerstag", "Thursday" },
	{ "Freitag", "Friday" },
	{ "Samstag", "Saturday" },
	{ "Sonntag", "Sunday" },
};

/*
 * Column heads and chart categories: English in sentence case like every
 * English heading. "Diverse" is the official English name of the German
 * legal category "divers". The documents count women and men, the
 * statistics tabulate by the adjective.
 */
static const char *const genders[GENDER__MAX][LABEL_FORM__MAX][LANG__MAX] = {
	[GENDER_UNKNOWN] = {
		[LABEL_FORM_DOCS] = { "ohne Angabe", "Not stated" },
		[LABEL_FORM_STATS] = { "ohne Angabe", "Not stated" },
	},
	[GENDER_F] = {
		[LABEL_FORM_DOCS] = { "Frauen", "Women" },
		[LABEL_FORM_STATS] = { "weiblich", "Female" },
	},
	[GENDER_M] = {
		[LABEL_FORM_DOCS] = { "Männer", "Men" },
		[LABEL_FORM_STATS] = { "männlich", "Male" },
	},
	[GENDER_D] = {
		[LABEL_FORM_DOCS] = { "divers", "Diverse" },
		[LABEL_FORM_STATS] = { "divers", "Diverse" },
	},
};

/* Numbers 0-12 as words; German 1 as "ein" (masculine/neuter). */
static const char *const number_words[LABEL_WORDS_MAX + 1][LANG__MAX] = {
	{ "null", "zero" },
	{ "ein", "one" },
	{ "zwei", "two" },
	{ "drei", "three" },
	{ "vier", "four" },
	{ "fünf", "five" },
	{ "sechs", "six" },
	{ "sieben", "seven" },
	{ "acht", "eight" },
	{ "neun", "nine" },
	{ "zehn", "ten" },
	{ "elf", "eleven" },
	{ "zwölf", "twelve" },
};

static const char *const event_kinds[EVENT__MAX][LANG__MAX] = {
	[EVENT_OTHER] = { "Veranstaltung", "Event" },
	[EVENT_KICKOFF] = { "Auftaktveranstaltung", "Kick-off" },
	[EVENT_WORKSHOP] = { "Workshop", "Workshop" },
	[EVENT_SEMINAR] = { "Seminar", "Seminar" },
	[EVENT_NETWORK] = { "Netzwerktreffen", "Network meeting" },
	[EVENT_CLOSING] = { "Abschlussveranstaltung", "Closing event" },
};

static const char *const
outcome_kinds[OUTCOME__MAX][LABEL_FORM__MAX][LANG__MAX] = {
	[OUTCOME_POSITION_CHANGE] = {
		[LABEL_FORM_DOCS] = { "Stellenwechsel", "Change of position" },
		[LABEL_FORM_STATS] = { "Stellenwechsel", "Position change" },
	},
	[OUTCOME_PROMOTION] = {
		[LABEL_FORM_DOCS] = { "Beförderung", "Promotion" },
		[LABEL_FORM_STATS] = { "Beförderung", "Promotion" },
	},
	[OUTCOME_OTHER] = {
		[LABEL_FORM_DOCS] = { "Sonstiges", "Other" },
		[LABEL_FORM_STATS] = {
			"Sonstige Veränderung", "Other change"
		},
	},
};

static const char *const statuses[STATUS__MAX][LANG__MAX] = {
	[STATUS_COMPLETED] = { "abgeschlossen", "Completed" },
	[STATUS_ACTIVE] = { "laufend", "Active" },
	[STATUS_WITHDRAWN] = { "ausgeschieden", "Withdrawn" },
};

const char *
label_get(enum lang l, enum label lb)
{
	return labels[CLAMP(lb, LABEL__MAX)][CLAMP(l, LANG__MAX)];
}

const char *
label_month(enum lang l, int m)
{
	if (m < 1 || m > 12)
		return "";
	return months[m - 1][CLAMP(l, LANG__MAX)];
}

/*
 * Day of the week by Sakamoto's method (proleptic Gregorian calendar):
 * 0 = Monday .. 6 = Sunday.
 */
int
label_dow(struct date d)
{
	static const int t[12] = { 0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4 };
	int y = d.y - (d.m < 3);
	int sun0;

	if (d.m < 1 || d.m > 12)
		return 0;
	sun0 = (y + y / 4 - y / 100 + y / 400 + t[d.m - 1] + d.d) % 7;
	return (sun0 + 6) % 7;
}

const char *
label_weekday(enum lang l, struct date d)
{
	return weekdays[label_dow(d)][CLAMP(l, LANG__MAX)];
}

const char *
label_event_kind(enum lang l, enum event_kind k)
{
	return event_kinds[CLAMP(k, EVENT__MAX)][CLAMP(l, LANG__MAX)];
}

const char *
label_gender(enum lang l, enum gender g, enum label_form f)
{
	return genders[CLAMP(g, GENDER__MAX)][CLAMP(f, LABEL_FORM__MAX)]
	    [CLAMP(l, LANG__MAX)];
}

const char *
label_outcome_kind(enum lang l, enum outcome_kind k, enum label_form f)
{
	return outcome_kinds[CLAMP(k, OUTCOME__MAX)][CLAMP(f, LABEL_FORM__MAX)]
	    [CLAMP(l, LANG__MAX)];
}

const char *
label_status(enum lang l, enum status s)
{
	return statuses[CLAMP(s, STATUS__MAX)][CLAMP(l, LANG__MAX)];
}

void
label_date_long(struct strbuf *sb, enum lang l, struct date d)
{
	if (d.y == 0 || d.m < 1 || d.m > 12)
		return;
	/* No-break spaces: a date is never broken across lines. */
	if (l == LANG_EN)
		sb_addf(sb, "%d" NBSP "%s" NBSP "%d", d.d, label_month(l, d.m),
		    d.y);
	else
		sb_addf(sb, "%d." NBSP "%s" NBSP "%d", d.d, label_month(l, d.m),
		    d.y);
}

void
label_date_short(struct strbuf *sb, enum lang l, struct date d)
{
	if (d.y == 0)
		return;
	if (l == LANG_EN)
		sb_addf(sb, "%04d-%02d-%02d", d.y, d.m, d.d);
	else
		sb_addf(sb, "%02d.%02d.%04d", d.d, d.m, d.y);
}

void
label_period(struct strbuf *sb, enum lang l, struct date a, struct date b)
{
	label_date_long(sb, l, a);
	if (a.y != 0 && b.y != 0)
		sb_adds(sb, l == LANG_EN ? " to " : " bis ");
	label_date_long(sb, l, b);
}

void
label_page(struct strbuf *sb, enum lang l, int page, int total)
{
	if (total > 0)
		sb_addf(sb, l == LANG_EN ? "Page %d of %d" : "Seite %d von %d",
		    page, total);
	else
		sb_addf(sb, l == LANG_EN ? "Page %d" : "Seite %d", page);
}

void
label_list(struct strbuf *sb, enum lang l, size_t n,
    const char *(*get)(size_t, void *), void *arg)
{
	for (size_t i = 0; i < n; i++) {
		if (i > 0 && i + 1 == n)
			sb_adds(sb, l == LANG_EN ? " and " : " und ");
		else if (i > 0)
			sb_adds(sb, ", ");
		sb_adds(sb, get(i, arg));
	}
}

/*
 * The word for n (0..LABEL_WORDS_MAX) in running text, or NULL for other
 * numbers. German 1 is "ein", or "eine" when fem.
 */
const char *
label_number_word(enum lang l, long n, bool fem)
{
	if (n < 0 || n > LABEL_WORDS_MAX)
		return NULL;
	if (l == LANG_DE && n == 1 && fem)
		return "eine";
	return number_words[n][CLAMP(l, LANG__MAX)];
}
