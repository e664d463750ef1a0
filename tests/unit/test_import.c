/*
 * Unit tests for src/import: encodings, separators, quoted cells and row
 * numbers of the CSV reader; header and value mapping; building a
 * programme from a sheet; the XML and CSV writers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "fixture.h"
#include "import/csvin.h"
#include "import/sheet.h"
#include "import/similar.h"
#include "import/write.h"
#include "util/diag.h"
#include "util/escape.h"
#include "util/xalloc.h"

#define PARSE(lit)	parse((lit), sizeof(lit) - 1, CSVIN_ENC_AUTO)

/* Parse a string as a CSV file named "t.csv". */
static struct csvin_table *
parse(const char *s, size_t len, enum csvin_encoding enc)
{
	return csvin_parse("t.csv", s, len, enc);
}

static void
test_encodings(void)
{
	struct csvin_table *t;
	const char utf16[] = "\xff\xfeN\0a\0m\0e\0\n\0\xfc\0";

	/* Excel "CSV UTF-8": BOM, ';'. */
	t = PARSE("\xEF\xBB\xBFNachname;Rolle\nM\xC3\xBCller;Mentee\n");
	CHECK(t != NULL);
	CHECK_INT(t->enc, CSVIN_ENC_UTF8);
	CHECK_INT(t->sep, ';');
	CHECK_INT(t->nrows, 2);
	CHECK_STR(t->rows[0].cells[0], "Nachname");
	CHECK_STR(t->rows[1].cells[0], "Müller");
	csvin_free(t);

	/* Excel "CSV (Trennzeichen-getrennt)": Windows-1252. */
	t = PARSE("Name;Ort\nD\xFCsseldorf \x96 K\xF6ln;\x84Zitat\x93\n");
	CHECK(t != NULL);
	CHECK_INT(t->enc, CSVIN_ENC_CP1252);
	CHECK_STR(t->rows[1].cells[0], "Düsseldorf – Köln");
	CHECK_STR(t->rows[1].cells[1], "„Zitat“");
	csvin_free(t);

	/* Latin-1 forced: 0x96 is a C1 control then. */
	t = parse("a\n\xE7", 3, CSVIN_ENC_LATIN1);
	CHECK(t != NULL);
	CHECK_STR(t->rows[1].cells[0], "ç");
	csvin_free(t);

	/* UTF-16LE with BOM (Excel "Unicode text"). */
	t = parse(utf16, sizeof(utf16) - 1, CSVIN_ENC_AUTO);
	CHECK(t != NULL);
	CHECK_INT(t->enc, CSVIN_ENC_UTF16LE);
	CHECK_STR(t->rows[1].cells[0], "ü");
	csvin_free(t);

	/* UTF-8 with one broken byte: an error, not silent mojibake. */
	fx_capture();
	t = parse("a\n\xC3\xBC\xFF\n", 6, CSVIN_ENC_AUTO);
	CHECK(t == NULL);
	CHECK(strstr(fx_captured(), "t.csv:2:3: error:") != NULL);

	/* Forced UTF-8 on a 1252 file. */
	fx_capture();
	t = parse("a\nK\xF6ln\n", 7, CSVIN_ENC_UTF8);
	CHECK(t == NULL);
	CHECK(strstr(fx_captured(), "windows-1252") != NULL);

	/* Undefined 1252 byte. */
	fx_capture();
	t = parse("a\n\x81\n", 4, CSVIN_ENC_CP1252);
	CHECK(t == NULL);
	CHECK_INT(diag_count(DIAG_ERROR), 1);

	/* NUL bytes. */
	fx_capture();
	t = parse("a\nb\0c\n", 6, CSVIN_ENC_AUTO);
	CHECK(t == NULL);

	CHECK_INT(csvin_encoding_parse("Windows-1252"), CSVIN_ENC_CP1252);
	CHECK_INT(csvin_encoding_parse("UTF8"), CSVIN_ENC_UTF8);
	CHECK_INT(csvin_encoding_parse("ebcdic"), CSVIN_ENC__MAX);
}

static void
test_separators_and_rows(void)
{
	struct csvin_table *t;
	const char *s;

	/* LibreOffice: ',' and quotes around cells with commas. */
	s = "Vorname,Nachname,Themen\r\nAylin,\"Öztürk\",\"Networking, "
	    "Karriereplanung\"\r\n";
	t = parse(s, strlen(s), CSVIN_ENC_AUTO);
	CHECK(t != NULL);
	CHECK_INT(t->sep, ',');
	CHECK_STR(t->rows[1].cells[2], "Networking, Karriereplanung");
	csvin_free(t);

	/* Tab-separated, with empty cells kept in place. */
	s = "a\tb\tc\n1\t\t3\n";
	t = parse(s, strlen(s), CSVIN_ENC_AUTO);
	CHECK(t != NULL);
	CHECK_INT(t->sep, '\t');
	CHECK_INT(t->rows[1].ncells, 3);
	CHECK_STR(t->rows[1].cells[1], "");
	CHECK_STR(t->rows[1].cells[2], "3");
	csvin_free(t);

	/* Quoted line breaks keep one spreadsheet row; blank and empty
	 * trailing rows are dropped but counted. */
	s = "Name;Amt\n\"Lee\";\"Amt für\r\nSoziales\"\n\n;\nKaya;\"x;y\"\n"
	    ";;\n;;\n";
	t = parse(s, strlen(s), CSVIN_ENC_AUTO);
	CHECK(t != NULL);
	CHECK_INT(t->nrows, 3);
	CHECK_STR(t->rows[1].cells[1], "Amt für\nSoziales");
	CHECK_INT(t->rows[1].line, 2);
	CHECK_STR(t->rows[2].cells[0], "Kaya");
	CHECK_STR(t->rows[2].cells[1], "x;y");
	CHECK_INT(t->rows[2].line, 5);
	csvin_free(t);

	/* A last row without a newline; "" inside quotes. */
	s = "a;b\n\"say \"\"hi\"\"\";  padded  ";
	t = parse(s, strlen(s), CSVIN_ENC_AUTO);
	CHECK(t != NULL);
	CHECK_STR(t->rows[1].cells[0], "say \"hi\"");
	CHECK_STR(t->rows[1].cells[1], "padded");
	csvin_free(t);

	/* An unterminated quote is an error. */
	fx_capture();
	s = "a;b\n\"open;b\nc;d\n";
	t = parse(s, strlen(s), CSVIN_ENC_AUTO);
	CHECK(t == NULL);
	CHECK(strstr(fx_captured(), "not closed") != NULL);
}

static void
test_similar(void)
{
	const char *labels[] = { "Karriereplanung", "Networking",
	    "Konfliktmanagement" };
	char *s;

	s = import_fold("Stadt Bergheim-Süd", '-');
	CHECK_STR(s, "stadt-bergheim-sued");
	free(s);
	s = import_fold("  Łukasz Öztürk-Şahin ", ' ');
	CHECK_STR(s, "lukasz oeztuerk sahin");
	free(s);
	s = import_slug("***", "org");
	CHECK_STR(s, "org");
	free(s);
	s = import_slug("Landeshauptstadt Düsseldorf – Amt für Gleichstellung",
	    "x");
	CHECK(strlen(s) <= 32);
	CHECK(s[strlen(s) - 1] != '-');
	free(s);
	CHECK(import_same("STADT  lindenau", "Stadt Lindenau"));
	CHECK(!import_same("Lindenau", "Stadt Lindenau"));
	CHECK_STR(import_closest("Karriereplannung", labels, 3),
	    "Karriereplanung");
	CHECK_STR(import_closest("networkng", labels, 3), "Networking");
	CHECK(import_closest("Finanzen", labels, 3) == NULL);
}

static void
test_headers(void)
{
	CHECK_INT(import_col_lookup("Vorname"), IMPORT_COL_GIVEN);
	CHECK_INT(import_col_lookup("NACHNAME"), IMPORT_COL_FAMILY);
	CHECK_INT(import_col_lookup("family"), IMPORT_COL_FAMILY);
	CHECK_INT(import_col_lookup("E-Mail"), IMPORT_COL_EMAIL);
	CHECK_INT(import_col_lookup("Kapazität"), IMPORT_COL_CAPACITY);
	CHECK_INT(import_col_lookup("Wunsch-Geschlecht"),
	    IMPORT_COL_WISH_GENDER);
	CHECK_INT(import_col_lookup("wish-background"),
	    IMPORT_COL_WISH_BACKGROUND);
	CHECK_INT(import_col_lookup("Dienststelle"), IMPORT_COL_ORG);
	CHECK_INT(import_col_lookup("Tandempartner:in"), IMPORT_COL_PARTNER);
	CHECK_INT(import_col_lookup("Bemerkung"), IMPORT_COL__MAX);
	for (int c = 0; c < IMPORT_COL__MAX; c++)
		CHECK_INT(import_col_lookup(import_col_names[c]), c);
}

/* Import a UTF-8 sheet given as a string; NULL on errors. */
static struct programme *
import_str(const char *s, const struct programme *into)
{
	struct csvin_table *t = parse(s, strlen(s), CSVIN_ENC_AUTO);
	struct programme *p;

	if (t == NULL)
		return NULL;
	p = import_sheet("t.csv", t, into, 2025);
	csvin_free(t);
	return p;
}

static void
test_sheet(void)
{
	struct programme *p, *q;
	const char *s;

	s = "Vorname;Nachname;Rolle;Geschlecht;Dienststelle;Ebene;Themen;"
	    "Sprachen;Migrationshintergrund;Wunsch-Geschlecht;Status;Partner\n"
	    "Aylin;Öztürk;Mentee;w;Stadt Lindenau;E10;Karriereplanung, "
	    "Networking;Deutsch, Türkisch;ja;weiblich;aktiv;p02\n"
	    "Sabine;Vogt;Mentorin;weiblich;Kreisstadt Ostheim;A15;"
	    "networking;de;nein;;abgeschlossen;\n"
	    "Robin;Weiß;Mentee;divers;stadt  lindenau;9;;;;;ausgeschieden;\n";
	fx_capture();
	p = import_str(s, NULL);
	CHECK(p != NULL);
	if (p == NULL)
		return;
	CHECK_INT(p->npeople, 3);
	CHECK_STR(p->people[0].id, "p01");
	CHECK_STR(p->people[2].id, "p03");
	CHECK_INT(p->people[0].role, ROLE_MENTEE);
	CHECK_INT(p->people[1].role, ROLE_MENTOR);
	CHECK_INT(p->people[0].gender, GENDER_F);
	CHECK_INT(p->people[2].gender, GENDER_D);
	CHECK_INT(p->people[0].wish_gender, GENDER_F);
	CHECK_INT(p->people[0].level, 10);
	CHECK_INT(p->people[1].level, 15);
	CHECK_INT(p->norgs, 2);
	CHECK_STR(p->orgs[0].id, "stadt-lindenau");
	CHECK_STR(p->orgs[0].name, "Stadt Lindenau");
	CHECK_INT(p->people[2].org, 0);
	CHECK_INT(p->ntopics, 2);
	CHECK_STR(p->topics[1].id, "networking");
	CHECK_INT(p->people[1].ntopics, 1);
	CHECK_INT(p->people[1].topics[0], 1);
	CHECK_INT(p->people[0].nlanguages, 2);
	CHECK_STR(p->people[0].languages[1], "tr");
	CHECK_STR(p->people[0].background, "migration");
	CHECK(p->people[1].background == NULL);
	CHECK_INT(p->people[0].status, STATUS_ACTIVE);
	CHECK_INT(p->people[2].status, STATUS_WITHDRAWN);
	CHECK_INT(p->ntandems, 1);
	CHECK_INT(p->tandems[0].mentee, 0);
	CHECK_INT(p->tandems[0].mentor, 1);
	CHECK_INT(p->tandem_source, TANDEMS_INLINE);
	CHECK_STR(p->id, "programme-2025");
	CHECK_INT(p->start.y, 2025);
	CHECK_INT(p->people[1].line, 3);

	/* Into p: its organisations and topics, by name, short or id. */
	s = "family,role,org,topics\nA,mentee,STADT LINDENAU,networking\n"
	    "B,mentor,kreisstadt-ostheim,Karriereplanung\n";
	q = import_str(s, p);
	CHECK(q != NULL);
	if (q != NULL) {
		CHECK_INT(q->norgs, 2);
		CHECK_INT(q->people[1].org, 1);
		CHECK_INT(q->people[1].topics[0], 0);
		CHECK_STR(q->id, "programme-2025");
		programme_free(q);
	}

	/* Every bad row reported, with closest names suggested. */
	s = "id;family;role;org;topics;level\n"
	    "a1;A;Mentorx;Stadt Lindenau;;\n"
	    "a2;;Mentee;Stadt Lindenu;;\n"
	    "a3;C;Mentee;;Karriereplannung;21\n"
	    "a1;D;Mentor;;;\n";
	fx_capture();
	q = import_str(s, p);
	CHECK(q == NULL);
	CHECK_INT(diag_count(DIAG_ERROR), 6);
	CHECK(strstr(fx_captured(), "t.csv:2: error: unknown role "
	    "'Mentorx' in column 'role' (expected Mentee or Mentor)") != NULL);
	CHECK(strstr(fx_captured(), "t.csv:3: error: missing family "
	    "name in column 'family'") != NULL);
	CHECK(strstr(fx_captured(), "t.csv:3: error: unknown "
	    "organisation 'Stadt Lindenu' in column 'org' (did you mean "
	    "'Stadt Lindenau'?)") != NULL);
	CHECK(strstr(fx_captured(), "t.csv:4: error: unknown topic "
	    "'Karriereplannung' in column 'topics' (did you mean "
	    "'Karriereplanung'?)") != NULL);
	CHECK(strstr(fx_captured(), "t.csv:4: error: invalid level "
	    "'21'") != NULL);
	CHECK(strstr(fx_captured(), "t.csv:5: error: duplicate id "
	    "'a1' in column 'id' (also in row 2)") != NULL);

	/* Missing required columns; unknown columns only warn. */
	fx_capture();
	q = import_str("Vorname;Bemerkung\nA;x\n", NULL);
	CHECK(q == NULL);
	CHECK_INT(diag_count(DIAG_ERROR), 2);
	CHECK_INT(diag_count(DIAG_WARNING), 1);

	/* Partners: unknown ids and same roles. */
	fx_capture();
	q = import_str("id;family;role;partner\nx;A;mentee;y\ny;B;mentee;\n"
	    "z;C;mentor;xx\n", NULL);
	CHECK(q == NULL);
	CHECK(strstr(fx_captured(), "same role") != NULL);
	CHECK(strstr(fx_captured(), "unknown person 'xx' in column "
	    "'partner' (did you mean 'x'?)") != NULL);
	programme_free(p);
}

/* Run fn(fp, p) into a string. */
static char *
output(void (*fn)(FILE *, const struct programme *),
    const struct programme *p)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	fn(fp, p);
	fclose(fp);
	return buf;
}

static void
people_only(FILE *fp, const struct programme *p)
{
	import_xml_people(fp, p, 0);
}

static void
test_writers(void)
{
	struct programme *p;
	char *s, *buf = NULL;
	size_t len = 0;
	FILE *fp;

	fp = open_memstream(&buf, &len);
	escape_xml(fp, "a<b & \"c\"\n\td", 1);
	fputc('|', fp);
	escape_xml(fp, "a<b & \"c\"\n", 0);
	fclose(fp);
	CHECK_STR(buf, "a&lt;b &amp; &quot;c&quot;&#10;&#9;d|a&lt;b &amp; "
	    "\"c\"\n");
	free(buf);

	p = import_str("id;Nachname;Titel;Rolle;Amt;Themen;Kapazität\n"
	    "m1;Öztürk;Dr.;Mentee;\"Amt für\nSoziales\";Beruf, Familie;\n"
	    "m2;=SUMME(A1);;Mentee;\"\t-x\";;\n"
	    "t1;Vogt \"Bine\";;Mentor;;\"Zeit; Geld\";2\n", NULL);
	CHECK(p != NULL);
	if (p == NULL)
		return;
	s = output(people_only, p);
	CHECK_STR(s,
	    "<people>\n"
	    "  <person id=\"m1\" role=\"mentee\" topics=\"beruf familie\">\n"
	    "    <name title=\"Dr.\" family=\"Öztürk\"/>\n"
	    "    <unit>Amt für Soziales</unit>\n"
	    "  </person>\n"
	    "  <person id=\"m2\" role=\"mentee\">\n"
	    "    <name family=\"=SUMME(A1)\"/>\n"
	    "    <unit>-x</unit>\n"
	    "  </person>\n"
	    "  <person id=\"t1\" role=\"mentor\" capacity=\"2\" "
	    "topics=\"zeit geld\">\n"
	    "    <name family=\"Vogt &quot;Bine&quot;\"/>\n"
	    "  </person>\n"
	    "</people>\n");
	free(s);
	s = output(import_csv_people, p);
	CHECK_STR(s,
	    "\xEF\xBB\xBFid;role;gender;title;given;family;org;unit;position;"
	    "email;phone;level;capacity;field;topics;languages;background;"
	    "wish-gender;wish-background;status;partner\n"
	    "m1;mentee;;Dr.;;Öztürk;;Amt für Soziales;;;;;;;"
	    "Beruf, Familie;;;;;completed;\n"
	    "m2;mentee;;;;\"\t=SUMME(A1)\";;\"\t-x\";;;;;;;;;;;;completed;\n"
	    "t1;mentor;;;;\"Vogt \"\"Bine\"\"\";;;;;;;2;;Zeit, Geld"
	    ";;;;;completed;\n");
	free(s);
	programme_free(p);
}

int
main(void)
{
	test_encodings();
	test_separators_and_rows();
	test_similar();
	test_headers();
	test_sheet();
	test_writers();
	fx_capture_end();
	return harness_done("import");
}
