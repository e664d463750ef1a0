/*
 * The words of a spreadsheet: the columns tandem knows with their German
 * and English header names, and the values people type into cells
 * (Mentorin, weiblich, ja, A13, Englisch ...).
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "import/sheet.h"
#include "import/sheet_priv.h"
#include "import/similar.h"

const char *const import_col_names[IMPORT_COL__MAX] = {
	"id", "role", "gender", "title", "given", "family", "org", "unit",
	"position", "email", "phone", "level", "capacity", "field", "topics",
	"languages", "background", "wish-gender", "wish-background", "status",
	"partner"
};

/*
 * Header names per column, folded (lower case, umlauts spelt out, no
 * spaces or punctuation), separated by spaces.
 */
static const char *const col_aliases[IMPORT_COL__MAX] = {
	[IMPORT_COL_ID] = "id nr nummer kennung kennziffer personid "
	    "personennummer teilnehmerid teilnehmernummer",
	[IMPORT_COL_ROLE] = "role rolle teilnahmeals funktionimprogramm "
	    "menteementor",
	[IMPORT_COL_GENDER] = "gender geschlecht sex anrede",
	[IMPORT_COL_TITLE] = "title titel akademischertitel akademischergrad "
	    "grad",
	[IMPORT_COL_GIVEN] = "given givenname firstname forename vorname "
	    "rufname",
	[IMPORT_COL_FAMILY] = "family familyname lastname surname name "
	    "nachname familienname zuname",
	[IMPORT_COL_ORG] = "org organisation organization dienststelle "
	    "verwaltung behoerde kommune arbeitgeber employer institution "
	    "dienstherr",
	[IMPORT_COL_UNIT] = "unit einheit amt abteilung fachbereich referat "
	    "department dezernat organisationseinheit oe",
	[IMPORT_COL_POSITION] = "position stelle funktion jobtitle job "
	    "taetigkeit dienstposten",
	[IMPORT_COL_EMAIL] = "email mail emailadresse mailadresse",
	[IMPORT_COL_PHONE] = "phone telephone telefon tel telefonnummer",
	[IMPORT_COL_LEVEL] = "level ebene stufe hierarchieebene entgeltgruppe "
	    "besoldungsgruppe paygrade grade eg",
	[IMPORT_COL_CAPACITY] = "capacity kapazitaet anzahlmentees maxmentees "
	    "plaetze",
	[IMPORT_COL_FIELD] = "field fachgebiet beruf profession fachrichtung "
	    "berufsfeld",
	[IMPORT_COL_TOPICS] = "topics themen schwerpunkte schwerpunktthemen "
	    "themenwuensche",
	[IMPORT_COL_LANGUAGES] = "languages language sprachen sprache",
	[IMPORT_COL_BACKGROUND] = "background hintergrund "
	    "migrationshintergrund migrationsbiografie migrationsbiographie",
	[IMPORT_COL_WISH_GENDER] = "wishgender wunschgeschlecht "
	    "gewuenschtesgeschlecht geschlechtswunsch",
	[IMPORT_COL_WISH_BACKGROUND] = "wishbackground wunschhintergrund "
	    "gleicherhintergrund",
	[IMPORT_COL_STATUS] = "status teilnahmestatus",
	[IMPORT_COL_PARTNER] = "partner tandem tandempartner tandempartnerin",
};

/* A word list ("a b c") contains w? */
bool
import_in_list(const char *list, const char *w)
{
	size_t n = strlen(w);

	if (n == 0)
		return false;
	while (*list != '\0') {
		size_t k = strcspn(list, " ");

		if (k == n && strncmp(list, w, n) == 0)
			return true;
		list += k;
		while (*list == ' ')
			list++;
	}
	return false;
}

enum import_col
import_col_lookup(const char *header)
{
	char *f = import_fold(header, '\0');
	enum import_col c;

	for (c = 0; c < IMPORT_COL__MAX; c++)
		if (import_in_list(col_aliases[c], f))
			break;
	free(f);
	return c;
}

/* Cell values: folded spellings per value, as for headers. */
const char *const import_role_values[ROLE__MAX] = {
	[ROLE_MENTEE] = "mentee mentees mentis",
	[ROLE_MENTOR] = "mentor mentorin mentorinnen mentoren mentorinmentor "
	    "mentorierende mentorierender mentorierendeperson",
};
const char *const import_gender_values[GENDER__MAX] = {
	[GENDER_UNKNOWN] = "unknown unbekannt keineangabe ka",
	[GENDER_F] = "f w weiblich female frau woman",
	[GENDER_M] = "m maennlich male herr man mann",
	[GENDER_D] = "d divers diverse x nonbinary nichtbinaer",
};
const char *const import_status_values[STATUS__MAX] = {
	[STATUS_COMPLETED] = "completed abgeschlossen beendet teilgenommen",
	[STATUS_ACTIVE] = "active aktiv laufend",
	[STATUS_WITHDRAWN] = "withdrawn ausgeschieden abgebrochen "
	    "zurueckgezogen ausgetreten",
};
static const char yes_values[] = "yes ja j y x true wahr 1";
static const char no_values[] = "no nein n false falsch 0";

/* Language names people write instead of codes. */
const struct import_language import_languages[] = {
	{ "deutsch german", "de" }, { "englisch english", "en" },
	{ "tuerkisch turkish", "tr" }, { "polnisch polish", "pl" },
	{ "arabisch arabic", "ar" }, { "russisch russian", "ru" },
	{ "franzoesisch french", "fr" }, { "spanisch spanish", "es" },
	{ "italienisch italian", "it" }, { "ukrainisch ukrainian", "uk" },
	{ "persisch farsi persian", "fa" }, { "kurdisch kurdish", "ku" },
	{ "griechisch greek", "el" }, { "kroatisch croatian", "hr" },
	{ "serbisch serbian", "sr" }, { "bosnisch bosnian", "bs" },
	{ "rumaenisch romanian", "ro" }, { "portugiesisch portuguese", "pt" },
	{ "vietnamesisch vietnamese", "vi" }, { "albanisch albanian", "sq" },
};
const size_t import_nlanguages = sizeof(import_languages) /
    sizeof(import_languages[0]);

/* The index of the value list (of n) that holds the folded cell, or -1. */
int
import_lookup_value(const char *const *lists, int n, const char *cell)
{
	char *f = import_fold(cell, '\0');
	int i;

	for (i = 0; i < n; i++)
		if (lists[i] != NULL && import_in_list(lists[i], f))
			break;
	free(f);
	return i < n ? i : -1;
}

/* Parse yes/no; returns 1, 0, or -1 for anything else. */
int
import_parse_yesno(const char *cell)
{
	const char *const lists[2] = { no_values, yes_values };

	return import_lookup_value(lists, 2, cell);
}

/*
 * Parse a level: a number 1-20, or a German pay grade ("A13", "E 11",
 * "EG11" -> 13, 11, 11; "B2" -> 18, B grades ranking above A16).
 * Returns 0 if the cell is none of these.
 */
int
import_parse_level(const char *cell)
{
	char *f = import_fold(cell, '\0');
	const char *s = f;
	int base = 0;
	long v;
	char *end;

	if (strncmp(s, "eg", 2) == 0)
		s += 2;
	else if (*s == 'a' || *s == 'e')
		s++;
	else if (*s == 'b')
		s++, base = 16;
	if (!isdigit((unsigned char)*s)) {
		free(f);
		return 0;
	}
	v = strtol(s, &end, 10) + base;
	if (*end != '\0' || v < 1 || v > 20)
		v = 0;
	free(f);
	return (int)v;
}
