/*
 * Unit tests for src/docs: the role words on certificates (f/m/d/unknown x
 * the three wording styles, and English), agreements (pre-filled parties
 * without empty commas, the programme's topics as tick boxes with the
 * mentee's ticked, writing lines, signatures), placeholders in handbook
 * texts (expanded, literal data, unknown ones rejected with file:line), a
 * 300-character name on a certificate (fitted, never wider than the text
 * area, one page), the report without evaluation data, and the keep
 * groups of form introductions.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <fontconfig/fontconfig.h>

#include "harness.h"
#include "fixture.h"
#include "compose/compose.h"
#include "device/device.h"
#include "device/font.h"
#include "docs/docs.h"
#include "layout/layout.h"
#include "layout/template.h"
#include "util/diag.h"
#include "util/resource.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The no-break space that joins the parts of a long date. */
#define NB	"\xc2\xa0"

/* Two organisations, three topics, a mentee (topics 0 and 2, no unit or
 * position) and a mentor in one tandem. */
static struct programme *
sample(void)
{
	struct programme *p = programme_new();

	p->id = xstrdup("t-2024");
	p->title = xstrdup("Cross-Mentoring Testhausen");
	p->start = (struct date){ 2024, 3, 1 };
	p->end = (struct date){ 2025, 2, 28 };
	p->place = xstrdup("Testhausen");
	p->norgs = 2;
	p->orgs = xcalloc(2, sizeof(*p->orgs));
	p->orgs[0].id = xstrdup("a");
	p->orgs[0].name = xstrdup("Stadt Testhausen");
	p->orgs[1].id = xstrdup("b");
	p->orgs[1].name = xstrdup("Kreis Beispiel");
	fx_topics(p);
	fx_person(p, "m1", ROLE_MENTEE, GENDER_F, NULL, "Zeynep", "Çelik", 0);
	p->people[0].topics = xcalloc(2, sizeof(int));
	p->people[0].topics[0] = 0;
	p->people[0].topics[1] = 2;
	p->people[0].ntopics = 2;
	fx_person(p, "r1", ROLE_MENTOR, GENDER_M, NULL, "Jonas", "Becker", 1);
	p->people[1].position = xstrdup("Amtsleitung");
	p->ntandems = 1;
	p->tandems = xcalloc(1, sizeof(*p->tandems));
	p->tandems[0].mentee = 0;
	p->tandems[0].mentor = 1;
	p->tandems[0].score = 80;
	return p;
}

/* All text of a block tree (runs and drawn text), one block a line. */
static void
all_text(struct strbuf *sb, const struct doc_block *b)
{
	for (size_t i = 0; i < b->nruns; i++)
		sb_add(sb, b->runs[i].text, b->runs[i].len);
	for (size_t i = 0; i < b->nprims; i++)
		if (b->prims[i].kind == DOC_PRIM_TEXT && b->prims[i].text) {
			sb_adds(sb, b->prims[i].text);
			sb_addc(sb, '\n');
		}
	if (b->nruns > 0)
		sb_addc(sb, '\n');
	for (const struct doc_block *k = b->first; k != NULL; k = k->next)
		all_text(sb, k);
}

static char *
doc_text(const struct doc *d)
{
	struct strbuf sb = STRBUF_INIT;

	all_text(&sb, d->root);
	return sb_take(&sb);
}

static struct template *
builtin_template(const char *name)
{
	char *rname = xasprintf("templates/%s.xml", name);
	const struct resource *r = resource_get(rname);
	struct template *t = r ? template_load(r->name, r->data, r->len) :
	    NULL;

	free(rname);
	return t;
}

/* The role word on a mentor's certificate for every wording and gender. */
static void
test_certificate_wording(void)
{
	static const struct {
		enum wording	 w;
		enum gender	 g;
		const char	*want;
	} cases[] = {
		{ WORDING_PAIR, GENDER_F, "als Mentorin am Programm" },
		{ WORDING_PAIR, GENDER_M, "als Mentor am Programm" },
		{ WORDING_PAIR, GENDER_D, "als Mentorin/Mentor am Programm" },
		{ WORDING_PAIR, GENDER_UNKNOWN,
		  "als Mentorin/Mentor am Programm" },
		{ WORDING_NEUTRAL, GENDER_F, "als Mentorin am Programm" },
		{ WORDING_NEUTRAL, GENDER_M, "als Mentor am Programm" },
		{ WORDING_NEUTRAL, GENDER_D,
		  "als mentorierende Person am Programm" },
		{ WORDING_NEUTRAL, GENDER_UNKNOWN,
		  "als mentorierende Person am Programm" },
		{ WORDING_COLON, GENDER_F, "als Mentorin am Programm" },
		{ WORDING_COLON, GENDER_M, "als Mentor am Programm" },
		{ WORDING_COLON, GENDER_D, "als Mentor:in am Programm" },
		{ WORDING_COLON, GENDER_UNKNOWN, "als Mentor:in am Programm" },
	};
	struct programme *p = sample();
	struct docs_env env = { .p = p };

	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		struct doc *d;
		char *s;

		p->wording = cases[i].w;
		p->people[1].gender = cases[i].g;
		d = docs_certificate_compose(&env, 1);
		CHECK(d != NULL);
		if (d == NULL)
			continue;
		s = doc_text(d);
		CHECK(strstr(s, cases[i].want) != NULL);
		/* Only the holder's own form: never the pair or plural. */
		CHECK(strstr(s, "Mentorinnen") == NULL);
		/* The name never broken: no-break spaces. */
		CHECK(strstr(s, "Jonas" NB "Becker") != NULL);
		CHECK(strstr(s, "Testhausen, den 28." NB "Februar" NB "2025") != NULL);
		free(s);
		doc_free(d);
	}
	/* The mentee: "Mentee" in every style; English wording. */
	{
		struct doc *d = docs_certificate_compose(&env, 0);
		char *s = doc_text(d);

		CHECK(strstr(s, "als Mentee am Programm") != NULL);
		CHECK(strstr(s, "Zeynep" NB "Çelik") != NULL);
		CHECK(strstr(s, "t-2024/m1-") != NULL);
		free(s);
		doc_free(d);
	}
	programme_free(p);
}

static void
count_blocks(const struct doc_block *b, enum doc_kind kind, int *n,
    int *checked)
{
	if (b->kind == kind) {
		(*n)++;
		if (b->checked)
			(*checked)++;
	}
	for (const struct doc_block *k = b->first; k != NULL; k = k->next)
		count_blocks(k, kind, n, checked);
}

/* The first table below b whose first cell holds a tick box. */
static const struct doc_block *
find_tick_table(const struct doc_block *b)
{
	for (const struct doc_block *k = b->first; k != NULL; k = k->next) {
		const struct doc_block *r;

		if (k->kind == DOC_TABLE && k->first != NULL &&
		    k->first->first != NULL && k->first->first->first !=
		    NULL && k->first->first->first->kind == DOC_TICKBOX)
			return k;
		if ((r = find_tick_table(k)) != NULL)
			return r;
	}
	return NULL;
}

/* The agreement: parties, tick boxes, lines, signatures. */
static void
test_agreement(void)
{
	struct programme *p = sample();
	struct docs_env env = { .p = p };
	struct doc *d = docs_agreement_compose(&env, 0);
	char *s;
	int n = 0, ticked = 0, lines = 0, dummy = 0, keeps = 0;
	const struct doc_block *tab;

	CHECK(d != NULL);
	if (d == NULL) {
		programme_free(p);
		return;
	}
	s = doc_text(d);
	/* The parties; no unit or position: no empty commas. */
	CHECK(strstr(s, "Zeynep Çelik (Mentee)Stadt Testhausen\n") != NULL);
	CHECK(strstr(s, ", ,") == NULL);
	CHECK(strstr(s, "Jonas Becker (Mentor)Amtsleitung, Kreis Beispiel\n")
	    != NULL);
	CHECK(strstr(s, "1." NB "März" NB "2024 bis 28." NB "Februar" NB "2025") != NULL);
	/* Signature captions with the role words. */
	CHECK(strstr(s, "Zeynep Çelik (Mentee)") != NULL);
	CHECK(strstr(s, "Jonas Becker (Mentor)") != NULL);
	/* Cross-organisation tandem: the place is left blank. */
	CHECK(strstr(s, "Testhausen, ") == NULL);
	CHECK(strstr(s, "{{") == NULL);
	/* 7 rhythm/form boxes of the text (in person twice, phone, video)
	 * + 3 topic boxes, the mentee's two topics ticked. */
	CHECK(strstr(s, "persönlich, abwechselnd") != NULL);
	CHECK(strstr(s, "telefonisch, wenn") != NULL);
	CHECK(strstr(s, "per Video, wenn") != NULL);
	count_blocks(d->root, DOC_TICKBOX, &n, &ticked);
	CHECK_INT(n, 10);
	CHECK_INT(ticked, 2);
	/* Four of the text and one after each "nämlich:" option. */
	count_blocks(d->root, DOC_FILLIN, &lines, &dummy);
	CHECK_INT(lines, 6);
	CHECK(strstr(s, "nämlich: _") == NULL);
	count_blocks(d->root, DOC_KEEP, &keeps, &dummy);
	CHECK(keeps >= 5);
	free(s);
	doc_free(d);

	/* Seven topics: two columns in a table without rules. */
	p->topics = xrealloc(p->topics, 7 * sizeof(*p->topics));
	for (size_t i = 3; i < 7; i++) {
		char id[8];

		snprintf(id, sizeof(id), "t%zu", i);
		memset(&p->topics[i], 0, sizeof(p->topics[i]));
		p->topics[i].id = xstrdup(id);
		p->topics[i].label = xstrdup(id);
	}
	p->ntopics = 7;
	d = docs_agreement_compose(&env, 0);
	n = ticked = keeps = 0;
	count_blocks(d->root, DOC_TICKBOX, &n, &ticked);
	CHECK_INT(n, 7 + 7);
	CHECK_INT(ticked, 2);
	/* The topic table, and the two write-on lines after the options
	 * that end in "nämlich:" placed by tables of their own. */
	count_blocks(d->root, DOC_TABLE, &keeps, &dummy);
	CHECK_INT(keeps, 3);
	/* The topic table is a keep group, kept with heading and intro. */
	tab = find_tick_table(d->root);
	CHECK(tab != NULL && tab->parent->kind == DOC_KEEP &&
	    tab->parent->parent->kind == DOC_KEEP &&
	    tab->parent->parent->first->kind == DOC_HEADING);
	doc_free(d);

	/* Both of the place's organisation: the place is pre-filled. */
	p->people[1].org = 0;
	d = docs_agreement_compose(&env, 0);
	s = doc_text(d);
	CHECK(strstr(s, "Testhausen, ") != NULL);
	free(s);
	doc_free(d);
	programme_free(p);
}

/* Placeholders in handbook texts. */
static void
test_handbook_placeholders(void)
{
	struct programme *p = sample();
	struct docs_env env = { .p = p };
	struct compose_ctx ctx;
	struct doc *d = doc_new("de");
	const char *ok = "# {{programme.title}}\n\nVom {{period}}; "
	    "{{count role=mentee}} {{roles.mentees}}, `{{code}}`, \\{{x}}.\n";
	const char *bad = "# Titel\n\nText\n\nDas {{programme.titel}} hier.\n";
	char *s;

	free(p->people[0].given);
	p->people[0].given = xstrdup("*Zeynep*");
	compose_ctx_init(&ctx, p, COMPOSE_HANDBOOK);
	fx_capture();
	CHECK_INT(docs_markdown(d, d->root, &env, &ctx, "a.md", ok,
	    strlen(ok)), 0);
	s = doc_text(d);
	CHECK(strstr(s, "Cross-Mentoring Testhausen\n") != NULL);
	CHECK(strstr(s, "Vom 1." NB "März" NB "2024 bis 28." NB "Februar" NB "2025; 1 Mentees, "
	    "{{code}}, {{x}}.") != NULL);
	free(s);
	doc_free(d);

	d = doc_new("de");
	fx_capture();
	CHECK_INT(docs_markdown(d, d->root, &env, &ctx, "b.md", bad,
	    strlen(bad)), -1);
	CHECK(strstr(fx_captured(), "b.md:5:5: error: unknown placeholder "
	    "'programme.titel'") != NULL);
	doc_free(d);

	/* A mentee placeholder is not available in the handbook. */
	d = doc_new("de");
	fx_capture();
	CHECK_INT(docs_markdown(d, d->root, &env, &ctx, "c.md",
	    "{{mentee.name}}\n", 16), -1);
	CHECK(strstr(fx_captured(), "c.md:1:") != NULL);
	doc_free(d);

	/* Data are text, never Markdown: the starred name stays. */
	compose_ctx_person(&ctx, p, 0);
	d = doc_new("de");
	CHECK_INT(docs_markdown(d, d->root, &env, &ctx, "d.md",
	    "{{person.name}}\n", 16), 0);
	s = doc_text(d);
	CHECK_STR(s, "*Zeynep* Çelik\n");
	free(s);
	doc_free(d);
	programme_free(p);
}

/* The widest line of the name paragraph (heading font, bold). */
static void
name_check(const struct doc *d, const struct template *t, double *size,
    double *widest, int *lines)
{
	struct font *f = template_font(t, DOC_FONT_HEADING, DOC_BOLD);

	*size = 0;
	*widest = 0;
	*lines = 0;
	/* The certificate is one container below the root. */
	for (const struct doc_block *b = d->root->first ?
	    d->root->first->first : NULL; b; b = b->next) {
		if (b->kind != DOC_PARA || b->font != DOC_FONT_HEADING)
			continue;
		*size = b->size;
		for (size_t i = 0; i < b->nruns; i++) {
			double w;

			if (b->runs[i].style & DOC_BREAK)
				continue;
			w = font_width(f, b->runs[i].text, b->runs[i].len) *
			    b->size / 1000;
			if (w > *widest)
				*widest = w;
			(*lines)++;
		}
	}
}

/* A 300-character name: on one line, within the text width, one page. */
static void
test_long_name(void)
{
	struct programme *p = sample();
	struct template *t = builtin_template("certificate");
	struct docs_env env = { .p = p, .t = t };
	struct strbuf sb = STRBUF_INIT;
	struct device *dev;
	struct dev_info info;
	struct layout_stats st;
	struct doc *d;
	double size, widest, width;
	int lines;

	CHECK(t != NULL);
	if (t == NULL) {
		programme_free(p);
		return;
	}
	width = t->page_w - t->left - t->right;
	while (sb.len < 300)
		sb_adds(&sb, "Wiśniewska-Öztürk ");
	free(p->people[0].family);
	p->people[0].family = sb_take(&sb);
	d = docs_certificate_compose(&env, 0);
	CHECK(d != NULL);
	name_check(d, t, &size, &widest, &lines);
	/* Never broken: one line, as small as that takes. */
	CHECK(size > 0 && size < 14);
	CHECK(widest > 0 && widest <= width);
	CHECK_INT(lines, 1);
	dev = dev_text_new();
	memset(&info, 0, sizeof(info));
	info.title = "t";
	CHECK_INT(dev->ops->begin(dev, &info), 0);
	CHECK_INT(layout_render(NULL, d, t, dev, &st), 0);
	CHECK_INT(st.pages, 1);
	CHECK_INT((int)st.overfull, 0);
	dev->ops->free(dev);
	doc_free(d);

	/* A short name stays at the largest size on one line. */
	free(p->people[1].family);
	p->people[1].family = xstrdup("Li");
	d = docs_certificate_compose(&env, 1);
	name_check(d, t, &size, &widest, &lines);
	CHECK(size >= 29.9);
	CHECK_INT(lines, 1);
	doc_free(d);
	template_free(t);
	programme_free(p);
}

/* The report of a programme with no evaluation data and no outcomes. */
static void
test_report_without_data(void)
{
	struct programme *p = sample();
	struct docs_env env = { .p = p };
	struct doc *d = docs_report_compose(&env);
	char *s = doc_text(d);

	/* The default text says so instead of printing a dash, and the
	 * blocks add no second sentence (one per section, issue 16). */
	CHECK(strstr(s, "Abschlussbefragung liegt nicht vor") != NULL);
	CHECK(strstr(s, "keine Stellenwechsel oder Beförderungen") != NULL);
	CHECK(strstr(s, "keine Angaben aus der Befragung") == NULL);
	CHECK(strstr(s, "keine beruflichen Veränderungen") == NULL);
	CHECK(strstr(s, "im Mittel \xe2\x80\x93") == NULL);
	free(s);
	doc_free(d);
	programme_free(p);
}

/* Nobody completed / everybody withdrawn: certificates and agreements
 * are skipped with a warning and nothing is written. */
static void
test_nothing_to_print(void)
{
	struct programme *p = sample();
	struct docs_out o = { .dir = ".", .outdir = "/nonexistent/never" };

	for (size_t i = 0; i < p->npeople; i++)
		p->people[i].status = STATUS_WITHDRAWN;
	fx_capture();
	CHECK_INT(docs_build_certificates(p, NULL, &o), 0);
	CHECK(strstr(fx_captured(), "nobody to certify") != NULL);
	p->ntandems = 0;
	fx_capture();
	CHECK_INT(docs_build_agreements(p, NULL, &o), 0);
	CHECK(strstr(fx_captured(), "no tandems") != NULL);
	programme_free(p);
}

int
main(void)
{
	test_certificate_wording();
	test_agreement();
	test_handbook_placeholders();
	test_long_name();
	test_report_without_data();
	test_nothing_to_print();
	fx_capture_end();
	FcFini();	/* font.c keeps fontconfig open; release it for valgrind */
	return harness_done("docs");
}
