/*
 * Unit tests for src/load: a valid programme loads into the expected model
 * (fields, defaults of tandem-programme(5), resolved indices), tandems.xml
 * is read, bad input gives NULL with the right exit code and messages, the
 * hard rules and the validator work on hand-built models; the XML reader
 * (load/xml.h) reads the same way every time, whoever else uses libxml2.
 */
#include <stdlib.h>
#include <sysexits.h>
#include <unistd.h>

#include <libxml/xmlerror.h>

#include "device/font.h"
#include "harness.h"
#include "fixture.h"
#include "layout/template.h"
#include "load/fields.h"
#include "load/load.h"
#include "load/rules.h"
#include "load/xml.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/strbuf.h"
#include "util/xalloc.h"


static const char full[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<programme id=\"ccm-2022\" lang=\"en\" kind=\"cross\" wording=\"colon\" place=\"Köln\">\n"
    "  <people>\n"					/* 3: before orgs */
    "    <person id=\"p01\" role=\"mentee\" gender=\"f\" org=\"k\" level=\"2\"\n"
    "      field=\"Architektur\" topics=\"career network\" wish-gender=\"f\"\n"
    "      background=\"migration\" wish-background=\"yes\" languages=\"de tr\"\n"
    "      status=\"active\">\n"
    "      <name given=\"Aylin\" family=\"Yılmaz\" title=\"Dr.\"/>\n"
    "      <unit>Amt für Personal</unit>\n"
    "      <position>  Sachgebiets\n   leitung </position>\n"
    "      <email>aylin@example.org</email><phone>0221 1</phone>\n"
    "    </person>\n"
    "    <person id=\"p02\" role=\"mentee\"><name family=\"Nowak\"/></person>\n"
    "    <person id=\"p11\" role=\"mentor\" gender=\"m\" org=\"d\" level=\"6\" capacity=\"2\">\n"
    "      <name given=\"Jonas\" family=\"Becker\"/>\n"
    "    </person>\n"
    "    <person id=\"p12\" role=\"mentor\" gender=\"d\" org=\"k\" level=\"7\" status=\"withdrawn\">\n"
    "      <name family=\"Krüger\"/>\n"
    "    </person>\n"
    "  </people>\n"
    "  <title>Interkommunales\n   Cross-Mentoring</title>\n"
    "  <edition>1. Durchgang</edition>\n"
    "  <period start=\"2022-08-15\" end=\"2023-11-15\"/>\n"
    "  <organisations>\n"
    "    <organisation id=\"k\" short=\"Köln\" logo=\"logos/k.png\">Stadt Köln</organisation>\n"
    "    <organisation id=\"d\">Düsseldorf</organisation>\n"
    "  </organisations>\n"
    "  <coordinators><coordinator name=\"Eva Schulte\" org=\"d\" email=\"e@x.org\"/></coordinators>\n"
    "  <topics><topic id=\"career\">Karriere</topic><topic id=\"network\">Netzwerk</topic></topics>\n"
    "  <matching>\n"
    "    <weights topics=\"4.5\" field=\"0\"/>\n"
    "    <pin mentee=\"p01\" mentor=\"p11\"/>\n"
    "    <forbid mentee=\"p02\" mentor=\"p11\" reason=\"Vorgesetzter\"/>\n"
    "    <rules min-level-gap=\"2\"/>\n"
    "  </matching>\n"
    "  <events>\n"
    "    <event date=\"2022-08-15\" kind=\"kickoff\" place=\"Köln\">Auftakt</event>\n"
    "    <event date=\"2023-11-15\">Abschluss</event>\n"
    "  </events>\n"
    "  <signatories><signatory name=\"Dr. Maria Beispiel\" office=\"OB\" org=\"k\"/></signatories>\n"
    "  <evaluation><response role=\"mentor\" satisfaction=\"4\" career-step=\"no\"/></evaluation>\n"
    "  <outcomes><outcome person=\"p01\" kind=\"promotion\" date=\"2024-01-01\"/></outcomes>\n"
    "</programme>\n";

static const char minimal[] =
    "<programme id=\"m\"><title>T</title>"
    "<period start=\"2024-01-01\" end=\"2024-12-31\"/>"
    "<people><person id=\"a\" role=\"mentee\"><name family=\"A\"/></person>"
    "<person id=\"b\" role=\"mentor\"><name family=\"B\"/></person></people>"
    "</programme>";

static void
test_full(void)
{
	char *dir = fx_write("full", "programme.xml", full);
	struct programme *p;
	const struct person *q;
	int rc = -1;

	diag_reset();
	p = load_programme(dir);
	rc = diag_rc(NULL);
	CHECK(p != NULL);
	CHECK_INT(rc, 0);
	if (p == NULL) {
		free(dir);
		return;
	}
	CHECK_STR(p->id, "ccm-2022");
	CHECK_INT(p->lang, LANG_EN);
	CHECK_INT(p->kind, KIND_CROSS);
	CHECK_INT(p->wording, WORDING_COLON);
	CHECK_STR(p->place, "Köln");
	CHECK_STR(p->title, "Interkommunales Cross-Mentoring");
	CHECK_STR(p->edition, "1. Durchgang");
	CHECK(p->start.y == 2022 && p->start.m == 8 && p->start.d == 15);
	CHECK(p->end.y == 2023 && p->end.m == 11 && p->end.d == 15);
	CHECK_INT(p->period_line, 25);
	CHECK(strstr(p->file, "full/programme.xml") != NULL);
	CHECK(p->tandems_file == NULL);
	CHECK_INT(p->tandem_source, TANDEMS_NONE);

	CHECK_INT(p->norgs, 2);
	CHECK_STR(p->orgs[0].short_name, "Köln");
	CHECK_STR(p->orgs[0].logo, "logos/k.png");
	CHECK_STR(p->orgs[1].name, "Düsseldorf");
	CHECK(p->orgs[1].short_name == NULL);
	CHECK_INT(p->ncoordinators, 1);
	CHECK_INT(p->coordinators[0].org, 1);
	CHECK(p->coordinators[0].phone == NULL);
	CHECK_INT(p->ntopics, 2);
	CHECK_STR(p->topics[1].label, "Netzwerk");

	CHECK_INT(p->npeople, 4);
	q = &p->people[0];
	CHECK_STR(q->id, "p01");
	CHECK_INT(q->role, ROLE_MENTEE);
	CHECK_INT(q->gender, GENDER_F);
	CHECK_INT(q->org, 0);			/* forward reference resolved */
	CHECK_INT(q->level, 2);
	CHECK_INT(q->capacity, 1);
	CHECK_INT(q->status, STATUS_ACTIVE);
	CHECK_STR(q->field, "Architektur");
	CHECK_INT(q->ntopics, 2);
	CHECK(q->ntopics == 2 && q->topics[0] == 0 && q->topics[1] == 1);
	CHECK_INT(q->wish_gender, GENDER_F);
	CHECK_STR(q->background, "migration");
	CHECK(q->wish_background);
	CHECK_INT(q->nlanguages, 2);
	CHECK(q->nlanguages == 2 && strcmp(q->languages[1], "tr") == 0);
	CHECK_STR(q->given, "Aylin");
	CHECK_STR(q->family, "Yılmaz");
	CHECK_STR(q->title, "Dr.");
	CHECK_STR(q->unit, "Amt für Personal");
	CHECK_STR(q->position, "Sachgebiets leitung");
	CHECK_STR(q->email, "aylin@example.org");
	CHECK_STR(q->phone, "0221 1");
	CHECK_INT(q->line, 4);		/* where "<person" is, not its end */

	q = &p->people[1];			/* all defaults */
	CHECK_INT(q->gender, GENDER_UNKNOWN);
	CHECK_INT(q->org, -1);
	CHECK_INT(q->level, 0);
	CHECK_INT(q->capacity, 1);
	CHECK_INT(q->status, STATUS_COMPLETED);
	CHECK_INT(q->ntopics, 0);
	CHECK_INT(q->wish_gender, GENDER_UNKNOWN);
	CHECK(!q->wish_background);
	CHECK(q->given == NULL && q->field == NULL && q->background == NULL);
	CHECK_INT(p->people[2].capacity, 2);
	CHECK_INT(p->people[3].gender, GENDER_D);

	CHECK(p->weights.topics == 4.5);
	CHECK(p->weights.field == 0);
	CHECK(p->weights.wish_gender == 2);	/* defaults kept */
	CHECK(p->weights.level_gap == 1);
	CHECK(p->rules.different_org);		/* kind cross, not given */
	CHECK_INT(p->rules.min_level_gap, 2);
	CHECK_INT(p->rules.ideal_level_gap, 3);
	CHECK_INT(p->npins, 1);
	CHECK(p->pins[0].mentee == 0 && p->pins[0].mentor == 2);
	CHECK_INT(p->nforbids, 1);
	CHECK_STR(p->forbids[0].reason, "Vorgesetzter");
	CHECK(p->forbids[0].mentee == 1 && p->forbids[0].mentor == 2);

	CHECK_INT(p->nevents, 2);
	CHECK_INT(p->events[0].kind, EVENT_KICKOFF);
	CHECK_STR(p->events[0].place, "Köln");
	CHECK_INT(p->events[1].kind, EVENT_OTHER);
	CHECK_STR(p->events[1].title, "Abschluss");
	CHECK_INT(p->nsignatories, 1);
	CHECK_INT(p->signatories[0].org, 0);
	CHECK_INT(p->nresponses, 1);
	CHECK_INT(p->responses[0].role, ROLE_MENTOR);
	CHECK_INT(p->responses[0].satisfaction, 4);
	CHECK_INT(p->responses[0].meetings, -1);
	CHECK_INT(p->responses[0].career_step, 0);
	CHECK_INT(p->noutcomes, 1);
	CHECK_INT(p->outcomes[0].person, 0);
	CHECK_INT(p->outcomes[0].kind, OUTCOME_PROMOTION);
	CHECK_INT(p->outcomes[0].date.y, 2024);
	CHECK_INT(programme_count(p, ROLE_MENTOR, GENDER__MAX, false), 1);
	CHECK_INT(programme_count(p, ROLE_MENTOR, GENDER__MAX, true), 2);

	/* Hard rules on the loaded data. */
	CHECK(rules_violation(p, 0, 2) == NULL);	/* the pin itself */
	CHECK_INT(rules_check(p, 1, 2), RULE_FORBIDDEN);
	CHECK_INT(rules_check(p, 0, 3), RULE_SAME_ORG);
	CHECK_INT(rules_check(p, 1, 3), RULE_WITHDRAWN);
	CHECK_STR(rules_violation(p, 0, 3), rule_reasons[RULE_SAME_ORG]);
	programme_free(p);
	free(dir);
}

static void
test_defaults_and_tandems_file(void)
{
	char *dir = fx_write("tf", "programme.xml", minimal);
	struct programme *p;
	int rc = -1;

	free(fx_write("tf", "tandems.xml", "<tandems>\n"
	    "  <tandem mentee=\"a\" mentor=\"b\" score=\"77\"/>\n</tandems>\n"));
	diag_reset();
	p = load_programme(dir);
	rc = diag_rc(NULL);
	CHECK(p != NULL);
	CHECK_INT(rc, 0);
	if (p != NULL) {
		CHECK_INT(p->kind, KIND_INTERNAL);
		CHECK_INT(p->lang, LANG_DE);
		CHECK_INT(p->wording, WORDING_PAIR);
		CHECK(!p->rules.different_org);
		CHECK(!p->rules.same_field);	/* internal */
		CHECK(p->rules.spread);
		CHECK(p->place == NULL && p->edition == NULL);
		CHECK(p->weights.topics == 3 && p->weights.language == 1);
		CHECK_INT(p->tandem_source, TANDEMS_FILE);
		CHECK_INT(p->ntandems, 1);
		CHECK(p->ntandems == 1 && p->tandems[0].mentee == 0 &&
		    p->tandems[0].mentor == 1 && p->tandems[0].score == 77 &&
		    p->tandems[0].line == 2);
		CHECK(p->ntandems == 1 && p->tandems[0].file == p->tandems_file);
		CHECK(p->tandems_file != NULL &&
		    strstr(p->tandems_file, "tf/tandems.xml") != NULL);
	}
	programme_free(p);
	free(dir);

	/* Same field: on by default for kind="partnership", off when said;
	 * spread off when said. */
	{
		static const char *const xml[3] = {
			"<programme id=\"x\" kind=\"partnership\"><title>T"
			"</title><period start=\"2024-01-01\" end=\"2024-02-01"
			"\"/></programme>",
			"<programme id=\"x\" kind=\"partnership\"><title>T"
			"</title><period start=\"2024-01-01\" end=\"2024-02-01"
			"\"/><matching><rules same-field=\"false\" spread=\""
			"false\"/></matching></programme>",
			"<programme id=\"x\" kind=\"cross\"><title>T</title>"
			"<period start=\"2024-01-01\" end=\"2024-02-01\"/>"
			"<matching><rules same-field=\"true\"/></matching>"
			"</programme>",
		};
		static const bool want[3][2] = { { true, true },
		    { false, false }, { true, true } };

		for (int k = 0; k < 3; k++) {
			char *d = fx_write("sf", "programme.xml", xml[k]);

			diag_reset();
			p = load_programme(d);
			CHECK(p != NULL);
			if (p != NULL) {
				CHECK(p->rules.same_field == want[k][0]);
				CHECK(p->rules.spread == want[k][1]);
			}
			programme_free(p);
			free(d);
		}
	}
	/* The same-field rule compares as the matching does. */
	CHECK(field_same("Pflege", " PFLEGE "));
	CHECK(field_same("Ökonomie", "ökonomie"));
	CHECK(!field_same("Informatik", "Informatiker"));

	/* A programme.xml file given directly; kind cross with an explicit
	 * different-org="false" keeps false. */
	dir = fx_write("file", "my.xml", "<programme id=\"x\" kind=\"cross\">"
	    "<title>T</title><period start=\"2024-01-01\" end=\"2024-02-01\"/>"
	    "<matching><rules different-org=\"false\"/></matching></programme>");
	char *path = xasprintf("%s/my.xml", dir);
	diag_reset();
	p = load_programme(path);
	rc = diag_rc(NULL);
	CHECK(p != NULL);
	if (p != NULL) {
		CHECK(!p->rules.different_org);
		CHECK_STR(p->file, path);
		CHECK_STR(p->dir, dir);
	}
	programme_free(p);
	free(path);
	free(dir);
}

/* Load text and expect failure with rc and exactly nerr errors. */
static void
expect_fail(const char *sub, const char *text, int want_rc,
    unsigned long nerr, const char *needle)
{
	char *dir = fx_write(sub, "programme.xml", text);
	struct programme *p;
	int rc = -1;

	fx_capture();
	diag_reset();
	p = load_programme(dir);
	rc = diag_rc(NULL);
	CHECK(p == NULL);
	CHECK_INT(rc, want_rc);
	CHECK_INT(diag_count(DIAG_ERROR), nerr);
	if (strstr(fx_captured(), needle) == NULL) {
		fprintf(stderr, "%s: no \"%s\" in:\n%s", sub, needle,
		    fx_captured());
		CHECK(0);
	} else
		CHECK(1);
	fx_capture_end();
	programme_free(p);
	free(dir);
}

static void
test_failures(void)
{
	int rc = -1;
	struct programme *p;

	fx_capture();
	diag_reset();
	p = load_programme("/nonexistent/tandem");
	rc = diag_rc(NULL);
	fx_capture_end();
	CHECK(p == NULL);
	CHECK_INT(rc, EX_NOINPUT);

	expect_fail("dtd", "<!DOCTYPE x [<!ENTITY e SYSTEM \"/etc/passwd\">]>"
	    "<programme id=\"x\"><title>&e;</title></programme>", EX_DATAERR,
	    1, "DOCTYPE declarations are not allowed; remove line 1");
	expect_fail("wf", "<programme id=\"x\"><title>T</programme>",
	    EX_DATAERR, 1, ":1:");
	expect_fail("u8", "<programme id=\"\xc3\x28\"/>", EX_DATAERR, 1,
	    ":1:16: error: invalid UTF-8 (byte 0xC3)");
	/* Several independent problems: all reported. */
	expect_fail("many", "<programme id=\"m\" kind=\"x\"><title>T</title>"
	    "<period start=\"2024-01-01\" end=\"2023-12-31\"/>"
	    "<people><person id=\"a\" role=\"mentee\" org=\"nope\">"
	    "<name family=\"A\"/></person>"
	    "<person id=\"a\" role=\"mentor\" gender=\"w\"><name family=\"B\"/>"
	    "</person></people></programme>", EX_DATAERR, 5,
	    "there is no organisation with id 'nope'");
	/* Schema has the last word: an id with a bad character is refused
	 * by the validator, and nothing else is said. */
	expect_fail("badid", "<programme id=\"a b\"><title>T</title>"
	    "<period start=\"2024-01-01\" end=\"2024-12-31\"/></programme>",
	    EX_DATAERR, 1, "programme id 'a b' may contain only");
	/* Found by fuzzing: a second <name> after one without family
	 * leaked the first one's fields. */
	expect_fail("twonames", "<programme id=\"m\"><title>T</title>"
	    "<period start=\"2024-01-01\" end=\"2024-12-31\"/><people>"
	    "<person id=\"a\" role=\"mentee\"><name given=\"A\" title=\"Dr.\"/>"
	    "<name given=\"B\" family=\"C\"/></person></people></programme>",
	    EX_DATAERR, 2, "<name> may appear only once in <person>");
	diag_reset();
}

static void
test_validate_built(void)
{
	struct programme *p = programme_new();
	struct strbuf sb = STRBUF_INIT;

	p->file = xstrdup("import.csv");
	p->id = xstrdup("imp");
	p->title = xstrdup("Import");
	p->start = (struct date){ 2024, 1, 1 };
	p->end = (struct date){ 2024, 6, 30 };
	p->npeople = 2;
	p->people = xcalloc(2, sizeof(*p->people));
	p->people[0] = (struct person){ .id = xstrdup("a"),
	    .role = ROLE_MENTEE, .org = -1, .level = 9, .capacity = 1,
	    .family = xstrdup("A") };
	p->people[1] = (struct person){ .id = xstrdup("b"),
	    .role = ROLE_MENTOR, .org = -1, .level = 10, .capacity = 25,
	    .family = xstrdup("B") };
	p->rules.min_level_gap = 2;
	fx_capture();
	CHECK_INT(validate_programme(p), 1);		/* capacity 25 */
	p->people[1].capacity = 3;
	CHECK_INT(validate_programme(p), 0);
	CHECK_INT(rules_explain(p, 0, 1, &sb), RULE_LEVEL_GAP);
	CHECK_STR(sb_str(&sb), "the level gap is 1 (mentee 9, mentor 10), "
	    "the minimum is 2");
	p->people[1].level = 11;
	CHECK_INT(rules_check(p, 0, 1), RULE_OK);
	p->people[1].capacity = 0;
	CHECK_INT(rules_check(p, 0, 1), RULE_NO_CAPACITY);
	p->end = (struct date){ 2023, 6, 30 };
	CHECK_INT(validate_programme(p), 1);		/* end before start */
	fx_capture_end();
	diag_reset();
	sb_free(&sb);
	programme_free(p);
}

/* The embedded schema is really consulted, and agrees on the basics. */
static void
test_schema(void)
{
	CHECK_INT(load_schema_valid(full, strlen(full)), 1);
	CHECK_INT(load_schema_valid(minimal, strlen(minimal)), 1);
	const char *t = "<tandems><tandem mentee=\"a\" mentor=\"b\"/></tandems>";
	CHECK_INT(load_schema_valid(t, strlen(t)), 1);
	/* ids with spaces: the validator's job in load_programme(), but the
	 * schema refuses them too */
	const char *bad = "<programme id=\"a b\"><title>T</title>"
	    "<period start=\"2024-01-01\" end=\"2024-12-31\"/></programme>";
	CHECK_INT(load_schema_valid(bad, strlen(bad)), 0);
	const char *noper = "<programme id=\"a\"><title>T</title></programme>";
	CHECK_INT(load_schema_valid(noper, strlen(noper)), 0);
	const char *order = "<programme id=\"a\"><period start=\"2024-01-01\" "
	    "end=\"2024-12-31\"/><matching><pin mentee=\"a\" mentor=\"b\"/>"
	    "<weights topics=\"1.5\"/></matching><title>T</title></programme>";
	CHECK_INT(load_schema_valid(order, strlen(order)), 1);
	const char *lvl = "<programme id=\"a\"><title>T</title><period "
	    "start=\"2024-01-01\" end=\"2024-12-31\"/><people><person id=\"x\" "
	    "role=\"mentee\" level=\"21\"><name family=\"X\"/></person>"
	    "</people></programme>";
	CHECK_INT(load_schema_valid(lvl, strlen(lvl)), 0);
	CHECK_INT(load_schema_valid("<x/>", 4), 0);
	CHECK_INT(load_schema_valid("<programme", 10), 0);
}


/* What a load of a programme or template from memory prints. */
static char *
messages(bool tmpl, const char *name, const char *text)
{
	char *buf = NULL;
	size_t len = 0;
	FILE *fp = open_memstream(&buf, &len);
	struct programme *p = NULL;
	struct template *t = NULL;
	struct diag_sink sink = DIAG_SINK_INIT(diag_emit_print, fp);

	diag_push(&sink);
	if (tmpl)
		t = template_load(name, text, strlen(text));
	else
		p = load_programme_buf(text, strlen(text), name);
	diag_pop(&sink);
	fclose(fp);
	programme_free(p);
	template_free(t);
	return buf;
}

static int other_calls;

static void
other_handler(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
	other_calls++;
}

/*
 * Loads repeat in one process with the same messages and lines, also with
 * a template read between them; a template's DOCTYPE is refused as a
 * programme's is; another user's libxml2 error hook is left in place.
 */
static void
test_reader(void)
{
	static const char bad[] = "<programme id=\"x\">\n"
	    "  <title>T</titel>\n</programme>\n";
	static const char want[] = "tandem: bad2.xml:2: error: not "
	    "well-formed XML: closing tag </titel> does not match <title> "
	    "opened on line 2\n";
	static const char dtd[] = "<?xml version=\"1.0\"?>\n"
	    "<!DOCTYPE x>\n<template kind=\"handbook\"/>\n";
	const struct resource *r = resource_get("templates/handbook.xml");
	char *m1, *m2, *m3, *mt;
	int marker;

	m1 = messages(false, "bad2.xml", bad);
	CHECK_STR(m1, want);
	CHECK(r != NULL);
	if (r != NULL) {
		char *good = xstrndup(r->data, r->len);

		mt = messages(true, "handbook.xml", good);
		CHECK_STR(mt, "");
		free(mt);
		free(good);
	}
	mt = messages(true, "t.xml", "<template><page></template>");
	CHECK(strstr(mt, "t.xml:1: error: not well-formed XML") != NULL);
	free(mt);
	m2 = messages(false, "bad2.xml", bad);
	CHECK_STR(m2, want);

	/* One DOCTYPE rule, one message. */
	mt = messages(true, "t.xml", dtd);
	m3 = messages(false, "t.xml", dtd);
	CHECK_STR(mt, "tandem: t.xml:2: error: DOCTYPE declarations are not "
	    "allowed; remove line 2\n");
	CHECK_STR(mt, m3);
	free(mt);
	free(m3);

	/* Someone else's hook stays, and sees none of our errors. */
	xmlSetStructuredErrorFunc(&marker, other_handler);
	m3 = messages(false, "bad2.xml", bad);
	CHECK_STR(m3, want);
	CHECK(xmlStructuredError == other_handler);
	CHECK(xmlStructuredErrorContext == &marker);
	CHECK_INT(other_calls, 0);
	xmlSetStructuredErrorFunc(NULL, NULL);
	free(m1);
	free(m2);
	free(m3);
}

/* The node API: names, namespaces, attributes, lines, text, children. */
static void
test_nodes(void)
{
	static const char doc[] = "<a x=\"1\" xmlns:n=\"urn:n\"\n"
	    "   n:y=\"2\">\n  <b>t &amp; u</b><!-- c -->\n  <n:c/>\n</a>\n";
	struct xml_doc *d = xml_read("d.xml", doc, sizeof(doc) - 1);
	const struct xml_node *root, *k, *at;
	char *v;

	CHECK(d != NULL);
	if (d == NULL)
		return;
	root = xml_root(d);
	CHECK_STR(xml_name(root), "a");
	CHECK(xml_ns(root) == NULL);
	CHECK_INT(xml_line(root), 1);
	CHECK_INT(xml_end_line(root), 2);
	v = xml_attr(root, "x");
	CHECK_STR(v, "1");
	free(v);
	CHECK(xml_attr(root, "y") == NULL);	/* in a namespace */
	at = xml_attrs(root);
	CHECK(at != NULL && xml_type(at) == XML_TYPE_ATTRIBUTE);
	at = at != NULL ? xml_next(at) : NULL;
	CHECK(at != NULL && strcmp(xml_name(at), "y") == 0 &&
	    xml_ns(at) != NULL && strcmp(xml_ns(at), "urn:n") == 0);
	CHECK(at != NULL && xml_next(at) == NULL);
	k = xml_children(root);
	CHECK(k != NULL && xml_type(k) == XML_TYPE_TEXT);
	k = k != NULL ? xml_next(k) : NULL;
	CHECK(k != NULL && strcmp(xml_name(k), "b") == 0);
	if (k != NULL) {
		CHECK_INT(xml_line(k), 3);
		v = xml_text(k);
		CHECK_STR(v, "t & u");
		free(v);
		k = xml_next(k);
	}
	CHECK(k != NULL && xml_type(k) == XML_TYPE_OTHER);
	CHECK_INT(xml_validate(d, "schema/template.rng", false), 1);
	CHECK_INT(xml_validate(d, "schema/none.rng", false), -1);
	xml_free(d);
}

/* The subjects of the last records a sink received. */
struct subjects {
	struct diag_sink	 sink;
	char			 seen[256];	/* "kind:id " per record */
};

static void
subjects_emit(struct diag_sink *s, const struct diag_record *r)
{
	struct subjects *x = (struct subjects *)s;
	size_t n = strlen(x->seen);

	snprintf(x->seen + n, sizeof(x->seen) - n, "%d:%s ", (int)r->kind,
	    r->id != NULL ? r->id : "-");
}

/*
 * Validation errors name the person or organisation concerned, so that a
 * reader of the records can link to it.
 */
static void
test_subjects(void)
{
	static const char text[] =
	    "<programme id=\"m\"><title>T</title>"
	    "<period start=\"2024-01-01\" end=\"2024-12-31\"/>"
	    "<people><person id=\"a\" role=\"mentee\">"
	    "<name family=\"A\"/></person>"
	    "<person id=\"a\" role=\"mentor\"><name family=\"B\"/></person>"
	    "</people></programme>";
	struct subjects x = { DIAG_SINK_INIT(subjects_emit, NULL), "" };
	struct programme *p;
	char want[32];

	diag_push(&x.sink);
	p = load_programme_buf(text, strlen(text), "s.xml");
	diag_pop(&x.sink);
	CHECK(p == NULL);
	CHECK_INT(diag_rc(&x.sink), 65);
	snprintf(want, sizeof(want), "%d:a ", (int)DIAG_SUBJ_PERSON);
	if (strstr(x.seen, want) == NULL) {
		fprintf(stderr, "subjects: no \"%s\" in \"%s\"\n", want,
		    x.seen);
		CHECK(0);
	} else
		CHECK(1);
}

int
main(void)
{
	test_full();
	test_subjects();
	test_defaults_and_tandems_file();
	test_failures();
	test_validate_built();
	test_schema();
	test_reader();
	test_nodes();
	font_done();		/* the fonts of the template in test_reader() */
	fx_tmp_done();
	return harness_done("load");
}
