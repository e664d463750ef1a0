/*
 * Unit tests for the layout engine: hyphenation, the line breaker's
 * guarantees, Markdown conversion, templates and whole documents through
 * the text device.
 */
#include <stdlib.h>
#include <string.h>

#include "harness.h"
#include "device/device.h"
#include "device/font.h"
#include "layout/doc.h"
#include "layout/hyph.h"
#include "layout/layout.h"
#include "layout/linebreak.h"
#include "layout/template.h"
#include "markdown/markdown.h"
#include "util/diag.h"
#include "util/resource.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The word with '-' at each break point. */
static char *
hyphenated(struct hyph *h, const char *w)
{
	unsigned short pts[HYPH_MAX_POINTS];
	size_t n = hyph_points(h, w, strlen(w), pts), prev = 0;
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < n; i++) {
		sb_add(&sb, w + prev, pts[i] - prev);
		sb_addc(&sb, '-');
		prev = pts[i];
	}
	sb_adds(&sb, w + prev);
	return sb_take(&sb);
}

static void
test_hyph(void)
{
	struct hyph *h = hyph_open("de");
	char *s;

	CHECK(h != NULL);
	if (h == NULL)
		return;
	CHECK_STR(s = hyphenated(h, "Personalentwicklung"),
	    "Per-so-nal-ent-wick-lung");
	free(s);
	CHECK_STR(s = hyphenated(h, "Führungskräfte"), "Füh-rungs-kräf-te");
	free(s);
	/* Cached: the same answer twice. */
	CHECK_STR(s = hyphenated(h, "Führungskräfte"), "Füh-rungs-kräf-te");
	free(s);
	CHECK_STR(s = hyphenated(h, "Yılmaz"), "Yılmaz");	/* not Latin-1 */
	free(s);
	CHECK_STR(s = hyphenated(h, "Amt"), "Amt");
	free(s);
	CHECK_STR(s = hyphenated(h, "NATO"), "NATO");
	free(s);
	hyph_free(h);
	CHECK(hyph_open("xx") == NULL);
}

static void
test_linebreak(void)
{
	struct lb_item it[64];
	struct lb_params p;
	struct lb_line *lines;
	size_t n = 0, nl;

	/* Ten words of 30pt with 5pt spaces in a 100pt line: 3 per line. */
	for (int i = 0; i < 10; i++) {
		if (i > 0) {
			memset(&it[n], 0, sizeof(it[n]));
			it[n].type = LB_GLUE;
			it[n].width = 5;
			it[n].stretch = 3;
			it[n++].shrink = 2;
		}
		memset(&it[n], 0, sizeof(it[n]));
		it[n].type = LB_BOX;
		it[n++].width = 30;
	}
	memset(&it[n], 0, sizeof(it[n]));
	it[n].type = LB_GLUE;
	it[n++].stretch = 1e5;
	memset(&it[n], 0, sizeof(it[n]));
	it[n].type = LB_PENALTY;
	it[n++].penalty = -LB_INF;
	lb_defaults(&p, 100);
	nl = lb_break(it, n, &p, &lines);
	CHECK_INT(nl, 4);
	for (size_t l = 0; l < nl; l++)
		CHECK(lines[l].ratio >= -1 && !lines[l].overfull);
	free(lines);
	/* A box wider than the line: overfull, but a solution. */
	it[0].width = 300;
	nl = lb_break(it, n, &p, &lines);
	CHECK(nl >= 4);
	CHECK(lines[0].overfull);
	free(lines);
}

static void
test_template(void)
{
	const struct resource *r = resource_get("templates/handbook.xml");
	struct template *t;
	double pt;
	FILE *devnull = fopen("/dev/null", "w");

	CHECK(r != NULL);
	if (r == NULL)
		return;
	t = template_load(r->name, r->data, r->len);
	CHECK(t != NULL);
	if (t != NULL) {
		CHECK(t->page_w > 595 && t->page_w < 596);
		CHECK(t->left > 70.8 && t->left < 70.9);	/* 25 mm */
		CHECK_STR(font_family(t->fonts[DOC_FONT_BODY][0]),
		    "Liberation Serif");
		CHECK(t->align == DOC_ALIGN_JUSTIFY);
	}
	template_free(t);
	CHECK(template_length("2.5cm", &pt) && pt > 70.8 && pt < 70.9);
	CHECK(!template_length("3 furlongs", &pt));
	diag_set_stream(devnull);
	diag_reset();
	t = template_load("bad.xml", "<template kind=\"handbook\"><page/>"
	    "<nonsense/></template>", 55);
	CHECK(t == NULL);
	CHECK(diag_count(DIAG_ERROR) > 0);
	diag_reset();
	t = template_load("bad.xml", "<template", 9);
	CHECK(t == NULL && diag_count(DIAG_ERROR) == 1);
	diag_set_stream(NULL);
	diag_reset();
	fclose(devnull);
}

static void
test_markdown(void)
{
	struct doc *d = doc_new("de");
	struct md_opts o;
	const char *md = "# Titel\n\nEin *kursiver* und **fetter** Text mit "
	    "[Link](https://example.org) und [böse](javascript:alert(1)).\n\n"
	    "1. eins\n2. zwei\n   - tief\n\n> Zitat\n\n<div>roh</div>\n\n"
	    "```\ncode\n```\n\n---\n";
	FILE *devnull = fopen("/dev/null", "w");
	struct doc_block *b;

	memset(&o, 0, sizeof(o));
	o.file = "t.md";
	diag_set_stream(devnull);
	diag_reset();
	CHECK_INT(md_to_doc(d, d->root, md, strlen(md), &o), 0);
	CHECK_INT(diag_count(DIAG_WARNING), 2);	/* javascript:, HTML */
	diag_set_stream(NULL);
	diag_reset();
	b = d->root->first;
	CHECK(b->kind == DOC_HEADING && b->level == 1);
	b = b->next;
	CHECK(b->kind == DOC_PARA);
	CHECK(b->nruns >= 6);
	CHECK(b->runs[1].style == DOC_ITALIC);
	CHECK(b->runs[3].style == DOC_BOLD);
	CHECK_STR(b->runs[5].uri, "https://example.org");
	for (size_t i = 6; i < b->nruns; i++)
		CHECK(b->runs[i].uri == NULL);
	b = b->next;
	CHECK(b->kind == DOC_LIST && b->ordered && b->start == 1);
	CHECK(b->first->next->last->kind == DOC_LIST);
	b = b->next;
	CHECK(b->kind == DOC_QUOTE);
	b = b->next;
	CHECK(b->kind == DOC_CODE);
	CHECK(b->next->kind == DOC_RULE);
	doc_free(d);
	/* Invalid UTF-8 is an error with line and column. */
	d = doc_new("de");
	diag_set_stream(devnull);
	CHECK_INT(md_to_doc(d, d->root, "ok\n\xff", 4, &o), -1);
	CHECK_INT(diag_count(DIAG_ERROR), 1);
	diag_set_stream(NULL);
	diag_reset();
	doc_free(d);
	fclose(devnull);
}

int
main(void)
{
	test_hyph();
	test_linebreak();
	test_template();
	test_markdown();
	return harness_done("layout");
}
