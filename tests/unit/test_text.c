/*
 * Unit tests for the shared text helpers: XML and CSV escaping with the
 * formula guard (src/util/escape.c) and "did you mean" (src/util/suggest.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "harness.h"
#include "util/escape.h"
#include "util/suggest.h"

/* What f writes into a memory stream, as a string (caller frees). */
static char *
written(void (*f)(FILE *, const char *, char), const char *s, char sep)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);

	f(fp, s, sep);
	fclose(fp);
	return buf;
}

static void
test_csv(void)
{
	static const struct {
		const char *in, *out;
		char sep;
	} cases[] = {
		{ "plain", "plain", ',' },
		{ "a,b", "\"a,b\"", ',' },
		{ "a,b", "a,b", ';' },
		{ "a;b", "\"a;b\"", ';' },
		{ "say \"hi\"", "\"say \"\"hi\"\"\"", ',' },
		{ "two\nlines", "\"two\nlines\"", ',' },
		{ " padded", "\" padded\"", ';' },
		{ "=1+2", "\"\t=1+2\"", ',' },
		{ "+49 221 0", "\"\t+49 221 0\"", ';' },
		{ "-5", "\"\t-5\"", ',' },
		{ "@SUM(A1)", "\"\t@SUM(A1)\"", ',' },
		{ "\t=cmd", "\"\t\t=cmd\"", ',' },
		{ "\r=cmd", "\"\t\r=cmd\"", ',' },
		{ "=HYPERLINK(\"x\",\"y\")",
		    "\"\t=HYPERLINK(\"\"x\"\",\"\"y\"\")\"", ',' },
		{ "a=b", "a=b", ',' },
		{ "", "", ',' },
	};

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = written(escape_csv, cases[i].in, cases[i].sep);

		CHECK_STR(got, cases[i].out);
		free(got);
	}
	CHECK(escape_csv_formula("=A1"));
	CHECK(escape_csv_formula("\rx"));
	CHECK(!escape_csv_formula("Köln"));
	CHECK(!escape_csv_formula(""));
	CHECK(!escape_csv_formula(NULL));
}

/* escape_xml() with the signature written() wants. */
static void
xml_attr(FILE *fp, const char *s, char unused)
{
	(void)unused;
	escape_xml(fp, s, 1);
}

static void
xml_text(FILE *fp, const char *s, char unused)
{
	(void)unused;
	escape_xml(fp, s, 0);
}

static void
test_xml(void)
{
	char *got;

	got = written(xml_attr, "a<b & \"c\"\n\td\r", 0);
	CHECK_STR(got, "a&lt;b &amp; &quot;c&quot;&#10;&#9;d&#13;");
	free(got);
	got = written(xml_text, "a<b & \"c\"\n\t>", 0);
	CHECK_STR(got, "a&lt;b &amp; \"c\"\n\t&gt;");
	free(got);
}

static void
test_suggest(void)
{
	const char *ids[] = { "career", "network", "p01", "p11", "k", NULL };
	const char *names[] = { "karriereplanung", "networking", "fuehrung" };
	char longid[80];

	CHECK_INT(suggest_distance("kitten", "sitting"), 3);
	CHECK_INT(suggest_distance("", "abc"), 3);
	CHECK_INT(suggest_distance("same", "same"), 0);
	CHECK_INT(suggest_index("carrer", ids, 6, SUGGEST_ID), 0);
	CHECK_INT(suggest_index("P01", ids, 6, SUGGEST_ID), 2);
	CHECK_INT(suggest_index("p1", ids, 6, SUGGEST_ID), 2);	/* tie */
	CHECK_INT(suggest_index("zzzzzz", ids, 6, SUGGEST_ID), -1);
	CHECK_INT(suggest_index("x", ids, 6, SUGGEST_ID), -1);
	CHECK_INT(suggest_index("k", ids, 6, SUGGEST_ID), -1);	/* itself */
	memset(longid, 'a', sizeof(longid) - 1);
	longid[sizeof(longid) - 1] = '\0';
	CHECK_INT(suggest_index(longid, ids, 6, SUGGEST_ID), -1);
	CHECK_INT(suggest_index("karriereplannung", names, 3, SUGGEST_NAME),
	    0);
	CHECK_INT(suggest_index("networkng", names, 3, SUGGEST_NAME), 1);
	CHECK_INT(suggest_index("finanzen", names, 3, SUGGEST_NAME), -1);
	CHECK_INT(suggest_index("networking", names, 3, SUGGEST_NAME), 1);
}

int
main(void)
{
	test_csv();
	test_xml();
	test_suggest();
	return harness_done("text");
}
