/*
 * Built-in words in German and English, all in tables indexed by enums,
 * and the formatting of dates, periods, page labels and running lists.
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
};

static const char *const months[LANG__MAX][12] = {
	{ "Januar", "Februar", "März", "April", "Mai", "Juni", "Juli",
	  "August", "September", "Oktober", "November", "Dezember" },
	{ "January", "February", "March", "April", "May", "June", "July",
	  "August", "September", "October", "November", "December" },
};

static const char *const weekdays[LANG__MAX][7] = {
	{ "Montag", "Dienstag", "Mittwoch", "Donnerstag", "Freitag",
	  "Samstag", "Sonntag" },
	{ "Monday", "Tuesday", "Wednesday", "Thursday", "Friday",
	  "Saturday", "Sunday" },
};


/*
 * Column heads and chart categories: English in sentence case like every
 * English heading. "Diverse" is the official English name of the German
 * legal category "divers".
 */
static const char *const genders_plural[LANG__MAX][GENDER__MAX] = {
	{ "ohne Angabe", "Frauen", "Männer", "divers" },
	{ "Not stated", "Women", "Men", "Diverse" },
};

/* Numbers 0-12 as words; German 1 as "ein" (masculine/neuter). */
static const char *const number_words[LANG__MAX][LABEL_WORDS_MAX + 1] = {
	{ "null", "ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben",
	  "acht", "neun", "zehn", "elf", "zwölf" },
	{ "zero", "one", "two", "three", "four", "five", "six", "seven",
	  "eight", "nine", "ten", "eleven", "twelve" },
};

static const char *const event_kinds[LANG__MAX][EVENT__MAX] = {
	{ "Veranstaltung", "Auftaktveranstaltung", "Workshop", "Seminar",
	  "Netzwerktreffen", "Abschlussveranstaltung" },
	{ "Event", "Kick-off", "Workshop", "Seminar", "Network meeting",
	  "Closing event" },
};

static const char *const outcome_kinds[LANG__MAX][OUTCOME__MAX] = {
	{ "Stellenwechsel", "Beförderung", "Sonstiges" },
	{ "Change of position", "Promotion", "Other" },
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
	return months[CLAMP(l, LANG__MAX)][m - 1];
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
	return weekdays[CLAMP(l, LANG__MAX)][label_dow(d)];
}

const char *
label_gender_plural(enum lang l, enum gender g)
{
	return genders_plural[CLAMP(l, LANG__MAX)][CLAMP(g, GENDER__MAX)];
}

const char *
label_event_kind(enum lang l, enum event_kind k)
{
	return event_kinds[CLAMP(l, LANG__MAX)][CLAMP(k, EVENT__MAX)];
}

const char *
label_outcome_kind(enum lang l, enum outcome_kind k)
{
	return outcome_kinds[CLAMP(l, LANG__MAX)][CLAMP(k, OUTCOME__MAX)];
}

void
label_date_long(struct strbuf *sb, enum lang l, struct date d)
{
	if (d.y == 0 || d.m < 1 || d.m > 12)
		return;
	if (l == LANG_EN)
		sb_addf(sb, "%d %s %d", d.d, label_month(l, d.m), d.y);
	else
		sb_addf(sb, "%d. %s %d", d.d, label_month(l, d.m), d.y);
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
	return number_words[l][n];
}
