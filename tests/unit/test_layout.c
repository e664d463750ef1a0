/*
 * Unit tests for the layout engine: hyphenation, the line breaker's
 * guarantees, Markdown conversion, templates and whole documents through
 * the text device.
 */
#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <zlib.h>

#include "harness.h"
#include "fixture.h"
#include "device/device.h"
#include "device/font.h"
#include "layout/doc.h"
#include "layout/hyph.h"
#include "layout/layout.h"
#include "layout/linebreak.h"
#include "layout/render.h"
#include "layout/template.h"
#include "markdown/markdown.h"
#include "util/diag.h"
#include "util/fileio.h"
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
	CHECK_STR(s = hyphenated(h, "Schlüsselkräfte"), "Schlüs-sel-kräf-te");
	free(s);
	/* Cached: the same answer twice. */
	CHECK_STR(s = hyphenated(h, "Schlüsselkräfte"), "Schlüs-sel-kräf-te");
	free(s);
	CHECK_STR(s = hyphenated(h, "Yılmaz"), "Yılmaz");	/* not Latin-1 */
	free(s);
	CHECK_STR(s = hyphenated(h, "Amt"), "Amt");
	free(s);
	CHECK_STR(s = hyphenated(h, "NATO"), "NATO");
	free(s);
	/* Short capitalised words (place names) stay whole; short words
	 * keep three letters on either side. */
	CHECK_STR(s = hyphenated(h, "Lindenau"), "Lindenau");
	free(s);
	CHECK_STR(s = hyphenated(h, "Lindenauer"), "Lin-de-nau-er");
	free(s);
	CHECK_STR(s = hyphenated(h, "wichtige"), "wich-tige");
	free(s);
	hyph_free(h);
	CHECK(hyph_open("xx") == NULL);
	/* English patterns (hyphen-en-us, UTF-8): ASCII words only. */
	h = hyph_open("en");
	CHECK(h != NULL);
	if (h == NULL)
		return;
	CHECK_STR(s = hyphenated(h, "programme"), "pro-gramme");
	free(s);
	CHECK_STR(s = hyphenated(h, "Führungskräfte"), "Führungskräfte");
	free(s);
	hyph_free(h);
}

/*
 * The exceptions: the built-in compounds break at their joints, names
 * entered with hyph_keep() nowhere, a programme's own words where it
 * says, and a bad list is reported with file, line and column.
 */
static void
test_hyph_words(void)
{
	static const struct {
		const char	*word, *want;
	} cases[] = {
		{ "Tandemtreffen", "Tandem-tref-fen" },
		{ "Rahmenprogramms", "Rahmen-pro-gramms" },
		{ "Karriereplanung", "Karriere-pla-nung" },
		{ "Arbeitszeitmanagement", "Arbeits-zeit-ma-nage-ment" },
		{ "Netzwerktreffen", "Netz-werk-tref-fen" },
		{ "Mentoringprogramm", "Mentoring-pro-gramm" },
		{ "Führungskräfte", "Führungs-kräfte" },
		/* An ending is no compound; an inflected first part alone
		 * is left to the patterns. */
		{ "Netzwerkerin", NULL },
		{ "Tandems", "Tandems" },
	};
	struct hyph *h = hyph_open("de");
	const char *own = "# eigene Wörter\n\nAr-beits-zeit-ma-na-ge-ment\n"
	    "Reck-ling-hau-sen\nKarriereplanung\nFach-kräfte-\n";
	char *s;

	CHECK(h != NULL);
	if (h == NULL)
		return;
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		s = hyphenated(h, cases[i].word);
		if (cases[i].want != NULL)
			CHECK_STR(s, cases[i].want);
		else
			CHECK(strcmp(s, "Netzwerk-erin") != 0);
		free(s);
	}
	/* Before: the patterns divide the town's name. */
	CHECK_STR(s = hyphenated(h, "Recklinghausen"), "Reck-ling-hau-sen");
	free(s);
	{
		const char *names = "Stadt Recklinghausen, Gelsenkirchen-Buer";

		hyph_keep(h, names, strlen(names));
	}
	CHECK_STR(s = hyphenated(h, "Recklinghausen"), "Recklinghausen");
	free(s);
	CHECK_STR(s = hyphenated(h, "Gelsenkirchen"), "Gelsenkirchen");
	free(s);
	CHECK_STR(s = hyphenated(h, "Personalentwicklung"),
	    "Per-so-nal-ent-wick-lung");
	free(s);
	/* The programme's own list wins, whatever the case. */
	CHECK_INT(hyph_words(h, "hyphenation.txt", own, strlen(own), false),
	    0);
	CHECK_STR(s = hyphenated(h, "Arbeitszeitmanagement"),
	    "Ar-beits-zeit-ma-na-ge-ment");
	free(s);
	CHECK_STR(s = hyphenated(h, "Recklinghausen"), "Reck-ling-hau-sen");
	free(s);
	CHECK_STR(s = hyphenated(h, "Karriereplanung"), "Karriereplanung");
	free(s);
	CHECK_STR(s = hyphenated(h, "Fachkräftemangel"), "Fach-kräfte-man-gel");
	free(s);
	hyph_free(h);
	/* Errors: file, line and column, each bad line reported. */
	{
		const char *bad = "gut\nZwei Wörter\nab--c\n-vorn\nStra%e\n"
		    "ok-\n";

		fx_capture();
		CHECK_INT(hyph_words(NULL, "h.txt", bad, strlen(bad), false),
		    4);
		CHECK(strstr(fx_captured(), "tandem: h.txt:2:5: error: "
		    "'Zwei Wörter': more than one word") != NULL);
		CHECK(strstr(fx_captured(), "h.txt:3:4: error:") != NULL);
		CHECK(strstr(fx_captured(), "h.txt:4:1: error:") != NULL);
		CHECK(strstr(fx_captured(), "h.txt:5:5: error: 'Stra%e': a "
		    "character that is neither a letter nor a hyphen") !=
		    NULL);
		CHECK(strstr(fx_captured(), "h.txt:1:") == NULL);
		CHECK(strstr(fx_captured(), "h.txt:6:") == NULL);
		fx_capture_end();
		CHECK_INT(hyph_words(NULL, "h.txt", "\xff\n", 2, true), 1);
	}
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
	fx_capture();
	t = template_load("bad.xml", "<template kind=\"handbook\"><page/>"
	    "<nonsense/></template>", 55);
	CHECK(t == NULL);
	CHECK(diag_count(DIAG_ERROR) > 0);
	diag_reset();
	t = template_load("bad.xml", "<template", 9);
	CHECK(t == NULL && diag_count(DIAG_ERROR) == 1);
	fx_capture_end();
	diag_reset();
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
	struct doc_block *b;

	memset(&o, 0, sizeof(o));
	o.file = "t.md";
	fx_capture();
	CHECK_INT(md_to_doc(d, d->root, md, strlen(md), &o), 0);
	CHECK_INT(diag_count(DIAG_WARNING), 2);	/* javascript:, HTML */
	fx_capture_end();
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
	fx_capture();
	CHECK_INT(md_to_doc(d, d->root, "ok\n\xff", 4, &o), -1);
	CHECK_INT(diag_count(DIAG_ERROR), 1);
	fx_capture_end();
	diag_reset();
	doc_free(d);
}

/* Tree hook: every text node "LEER" becomes empty, as an optional value
 * the programme lacks leaves its placeholder. */
static int
blank_marked(void *arg, cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	(void)arg;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		const char *lit = cmark_node_get_literal(n);

		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_TEXT && lit != NULL &&
		    strcmp(lit, "LEER") == 0)
			cmark_node_set_literal(n, "");
	}
	cmark_iter_free(it);
	return 0;
}

/* A line of a paragraph left empty (first, middle or last) goes with its
 * hard break: no blank line in an address or an agreement's header. */
static void
test_blank_lines(void)
{
	struct doc *d = doc_new("de");
	struct md_opts o;
	const char *md = "**Name**  \nLEER  \nAmt, Stadt\n\nLEER  \nOben  \n"
	    "Unten  \nLEER\n\nEins  \nZwei\n";
	struct doc_block *b;
	size_t breaks;

	memset(&o, 0, sizeof(o));
	o.file = "t.md";
	o.tree = blank_marked;
	CHECK_INT(md_to_doc(d, d->root, md, strlen(md), &o), 0);
	for (b = d->root->first; b != NULL; b = b->next) {
		breaks = 0;
		CHECK(b->kind == DOC_PARA);
		CHECK(b->nruns > 0 && !(b->runs[0].style & DOC_BREAK));
		CHECK(!(b->runs[b->nruns - 1].style & DOC_BREAK));
		for (size_t i = 0; i < b->nruns; i++) {
			if (!(b->runs[i].style & DOC_BREAK))
				continue;
			breaks++;
			/* Never two breaks with only blank text between. */
			for (size_t k = i + 1; k < b->nruns &&
			    !(b->runs[k].style & DOC_BREAK); k++)
				if (b->runs[k].len > 0)
					goto next;
			CHECK(!"an empty line between two breaks");
next:			;
		}
		CHECK_INT((int)breaks, 1);	/* two lines each */
	}
	doc_free(d);
}

/* Render a document with the built-in handbook template through the
 * text device; returns the dump (caller frees) or NULL. */
static char *
render(struct doc *d, struct layout_stats *st)
{
	const struct resource *r = resource_get("templates/handbook.xml");
	struct template *t = r ? template_load(r->name, r->data, r->len) : NULL;
	struct device *dev = dev_text_new();
	struct dev_info info = { 0 };
	char path[] = "/tmp/test_layout_XXXXXX";
	int fd = mkstemp(path);
	char *out = NULL;
	size_t len;

	if (t != NULL && fd >= 0) {
		close(fd);
		info.title = "Test";
		dev->ops->begin(dev, &info);
		layout_render(NULL, d, t, dev, st);
		if (dev->ops->end(dev, path) == 0)
			out = file_read(path, &len);
		unlink(path);
	}
	dev->ops->free(dev);
	template_free(t);
	return out;
}

static size_t
count(const char *hay, const char *needle)
{
	size_t n = 0;

	for (const char *p = hay; (p = strstr(p, needle)) != NULL; p++)
		n++;
	return n;
}

/*
 * A paragraph without hyphenation patterns (lang "xx") whose long words
 * leave no break sequence within the tolerance: the last pass must spread
 * the looseness rather than set one line with huge gaps (the English
 * handbook's "Alongside the tandems, 3 workshops take").
 */
static void
test_emergency(void)
{
	const char *text = "Alongside the tandems, 3 workshops take place "
	    "that take up the focus topics of the programme: "
	    "Karriereplanung, Strategieentwicklung, Führung und "
	    "Selbstmarketing, Konfliktmanagement, Zeitmanagement, "
	    "Vereinbarkeit von Beruf und Familie and Networking. They are "
	    "aimed primarily at the mentees.";
	struct doc *d = doc_new("xx");
	struct doc_block *b = doc_add(d->root, DOC_PARA, "t", 1);
	struct font *f = font_open("Liberation Serif", NULL);
	char *out, word[64];
	double x, y, size, ly = -1, first = 0, end = 0, words = 0, worst = 0;
	int nw = 0, nlines = 0;

	doc_add_text(b, text, strlen(text), 0, 1);
	out = render(d, NULL);
	CHECK(out != NULL && f != NULL);
	for (const char *p = out; out != NULL && f != NULL && p != NULL &&
	    *p != '\0'; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : NULL) {
		double w;

		if (sscanf(p, " text %lf %lf \"Liberation Serif\" %lf \"%63[^\"]",
		    &x, &y, &size, word) != 4)
			continue;
		w = font_width(f, word, strlen(word)) * size / 1000;
		if (y != ly) {
			/* A finished line: its average gap between words
			 * (the last line is not stretched, so ignore it). */
			if (nw > 1 && (end - first - words) / (nw - 1) > worst)
				worst = (end - first - words) / (nw - 1);
			ly = y;
			first = x;
			words = 0;
			nw = 0;
			nlines++;
		}
		words += w;
		end = x + w;
		nw++;
	}
	CHECK(nlines >= 4);
	/* A normal space is 2.75 pt. Without hyphenation some lines
	 * must be loose (about 12 pt gaps at worst), but not one line with
	 * gaps of 20 pt and more, as the breaker used to set. */
	CHECK(worst > 0 && worst < 14);
	font_free(f);
	free(out);
	doc_free(d);
}

/* No line starts with a dash: the space before " – " does not break. */
static void
test_dash(void)
{
	struct doc *d = doc_new("de");
	struct doc_block *b = doc_add(d->root, DOC_PARA, "t", 1);
	struct strbuf sb = STRBUF_INIT;
	const char *words[] = { "Amt", "Stadt", "Verwaltung", "Tandem",
	    "Mentoring", "Ziel" };
	char *out;
	int starts = 0;

	for (int i = 0; i < 120; i++) {
		sb_adds(&sb, words[i % 6]);
		sb_adds(&sb, i % 3 == 2 ? " \xe2\x80\x93 " : i % 5 == 4 ?
		    " \xe2\x80\x94 " : " ");
	}
	sb_adds(&sb, "Ende.");
	doc_add_text(b, sb.s, sb.len, 0, 1);
	out = render(d, NULL);
	CHECK(out != NULL);
	CHECK(out != NULL && count(out, "\xe2\x80\x93\"") > 30);
	CHECK(out != NULL && count(out, "text 70.87") > 5);
	for (const char *p = out; p != NULL && (p = strstr(p, "text 70.87"));
	    p++) {
		const char *q = strchr(p, '\n'), *w = strstr(p, "11.00 \"");

		if (w != NULL && (q == NULL || w < q) &&
		    (strncmp(w + 7, "\xe2\x80\x93", 3) == 0 ||
		    strncmp(w + 7, "\xe2\x80\x94", 3) == 0))
			starts++;
	}
	CHECK_INT(starts, 0);
	sb_free(&sb);
	free(out);
	doc_free(d);
}

/* The blocks the markdown never makes: tables with repeated header rows,
 * tick boxes, fill-in and signature lines, drawings, shrink-to-fit. */
static void
test_blocks(void)
{
	struct doc *d = doc_new("de");
	struct doc_block *t, *row, *cell, *b;
	struct layout_stats st;
	char *out, buf[32];
	const char *name = "Prof. Dr. Aylin Yılmaz-Wiśniewska-Dąbrowska-Öztürk";
	struct font *f;
	double w;

	t = doc_add(d->root, DOC_TABLE, "t", 1);
	t->header_rows = 1;
	t->colw = xcalloc(2, sizeof(double));
	t->colw[0] = 1;
	t->colw[1] = 3;
	t->ncols = 2;
	for (int i = 0; i < 120; i++) {
		row = doc_add(t, DOC_ROW, "t", 1);
		for (int c = 0; c < 2; c++) {
			cell = doc_add(row, DOC_CELL, "t", 1);
			b = doc_add(cell, DOC_PARA, "t", 1);
			if (i == 0)
				snprintf(buf, sizeof(buf), "Kopf%d", c);
			else
				snprintf(buf, sizeof(buf), "%s%d",
				    c ? "Wert" : "Zeile", i);
			doc_add_text(b, buf, strlen(buf), i == 0 ? DOC_BOLD : 0,
			    1);
		}
	}
	b = doc_add(d->root, DOC_TICKBOX, "t", 2);
	b->checked = true;
	doc_add_text(b, "Karriereplanung", 15, 0, 2);
	b = doc_add(d->root, DOC_TICKBOX, "t", 3);
	doc_add_text(b, "Networking", 10, 0, 3);
	doc_add(d->root, DOC_FILLIN, "t", 4)->nlines = 3;
	b = doc_add(d->root, DOC_SIGNATURE, "t", 5);
	doc_add_text(b, "Ort, Datum, Unterschrift", 24, 0, 5);
	b = doc_add(d->root, DOC_DRAWING, "t", 6);
	b->width = 200;
	b->height = 100;
	doc_add_prim(b, DOC_PRIM_RECT, 0, 50, 40, 50)->grey = 0.3;
	b = doc_add(d->root, DOC_PARA, "t", 7);
	b->size = 40;
	b->shrink_fit = true;
	b->align = DOC_ALIGN_CENTER;
	doc_add_text(b, name, strlen(name), 0, 7);
	out = render(d, &st);
	CHECK(out != NULL);
	if (out != NULL) {
		/* The header row on each of the table's pages. */
		size_t tpages = 0;

		for (const char *p = strstr(out, "\npage "); p != NULL;
		    p = strstr(p + 1, "\npage ")) {
			const char *next = strstr(p + 1, "\npage ");
			const char *z = strstr(p, "\"Zeile");

			tpages += z != NULL && (next == NULL || z < next);
		}
		CHECK(tpages >= 3);
		/* Structure: balanced, header rows not tagged again. */
		CHECK_INT(count(out, "<") - count(out, "</>"),
		    count(out, "</>"));
		CHECK_INT(count(out, "<TH>"), 2);
		CHECK_INT(count(out, "<TD>"), 238);
		CHECK_INT(count(out, "<TR>"), 120);
		CHECK_INT(count(out, "\"Kopf0\""), tpages);
		CHECK_INT(count(out, "\"Zeile119\""), 1);
		/* Two boxes, one ticked (two strokes). */
		CHECK_INT(count(out, "fill - stroke 0.70"), 2);
		CHECK_INT(count(out, " 1.20 #000000"), 2);
		/* Three fill-in lines, one signature line. */
		CHECK_INT(count(out, " 0.50 #000000"), 3);
		CHECK_INT(count(out, " 0.60 #000000"), 1);
		CHECK_INT(count(out, "rect "), 2 + 1);
		/* The name shrunk onto one line within the margins. */
		CHECK_INT(count(out, "\"Yılmaz-Wiśniewska-Dąbrowska-Öztürk\""),
		    1);
		{
			const char *p = strstr(out, "\"Prof.\"");
			double x = 0, y = 0, size = 0;

			f = font_open("Liberation Serif", NULL);
			CHECK(p != NULL && f != NULL);
			while (p != NULL && p > out && p[-1] != '\n')
				p--;
			if (p != NULL && f != NULL && sscanf(p,
			    " text %lf %lf \"Liberation Serif\" %lf", &x, &y,
			    &size) == 3) {
				w = font_width(f, name, strlen(name)) * size /
				    1000;
				CHECK(size < 40 && size > 10);
				CHECK(x >= 70.86 && x + w <= 595.28 - 70.86 +
				    0.01);
			} else
				CHECK(!"name line not found");
			font_free(f);
		}
	}
	free(out);
	doc_free(d);
}

/*
 * A drawing in page coordinates: drawn from the page's corner wherever it
 * falls, taking no room, on the page of the text before it.
 */
static void
test_on_page(void)
{
	struct doc *d[2];
	struct doc_block *b;
	struct layout_stats st;
	char *out[2];

	for (int k = 0; k < 2; k++) {
		d[k] = doc_new("de");
		for (int i = 0; i < 2; i++) {
			b = doc_add(d[k]->root, DOC_PARA, "t", 1);
			doc_add_text(b, "Oben", 4, 0, 1);
			if (k == 1) {
				b = doc_add(d[k]->root, DOC_DRAWING, "t", 2);
				b->on_page = true;
				doc_add_prim(b, DOC_PRIM_RECT, 28, 30, 500,
				    700)->width = 1;
			}
			b = doc_add(d[k]->root, DOC_PARA, "t", 3);
			doc_add_text(b, "Unten", 5, 0, 3);
		}
		out[k] = render(d[k], &st);
		CHECK(out[k] != NULL);
	}
	if (out[0] != NULL && out[1] != NULL) {
		const char *p = strstr(out[0], "\"Unten\"");

		/* Both rectangles at the page's coordinates, on one page. */
		CHECK_INT(count(out[1], "rect 28.00 30.00 500.00 700.00"), 2);
		CHECK_INT(count(out[1], "\npage "), count(out[0], "\npage "));
		/* The text after it where it is without the drawing. */
		while (p != NULL && p > out[0] && p[-1] != '\n')
			p--;
		CHECK(p != NULL);
		if (p != NULL) {
			char *line = xstrndup(p, strcspn(p, "\n"));

			CHECK(strstr(out[1], line) != NULL);
			free(line);
		}
	}
	for (int k = 0; k < 2; k++) {
		free(out[k]);
		doc_free(d[k]);
	}
}

/* A table row of two cells (one for a group row). */
static void
groups_row(struct doc_block *t, const char *a, const char *b, bool group)
{
	struct doc_block *row = doc_add(t, DOC_ROW, "t", 1);

	row->group = group;
	doc_add_text(doc_add(doc_add(row, DOC_CELL, "t", 1), DOC_PARA, "t", 1),
	    a, strlen(a), DOC_BOLD, 1);
	if (b != NULL)
		doc_add_text(doc_add(doc_add(row, DOC_CELL, "t", 1), DOC_PARA,
		    "t", 1), b, strlen(b), 0, 1);
}

/*
 * A table grouped by group rows (groups A, B, C of na, 3 and 60 rows,
 * after a paragraph of skip lines): on every page where a group goes on,
 * its row is repeated under the header as an artifact, marked continued
 * in the document's language; a group row is followed on its page by two
 * rows of its group; the structure holds each row once. Returns the
 * number of repeated group rows, or -1 when a check failed.
 */
static int
groups_case(int na, int skip, const char *lang)
{
	struct doc *d = doc_new(lang);
	struct doc_block *t, *b;
	char *out, buf[32];
	int reps = 0, bad = 0;
	const char *cont = strcmp(lang, "en") == 0 ? "\"(continued)\"" :
	    "\"(Fortsetzung)\"";

	b = doc_add(d->root, DOC_PARA, "t", 1);
	for (int i = 0; i < skip; i++) {
		doc_add_text(b, "Zeile", 5, 0, 1);
		doc_add_break(b, 1);
	}
	doc_add_text(b, "Ende", 4, 0, 1);
	t = doc_add(d->root, DOC_TABLE, "t", 1);
	t->header_rows = 1;
	groups_row(t, "Kopf", "Wert", false);
	for (int g = 0; g < 3; g++) {
		int n = g == 0 ? na : g == 1 ? 3 : 60;

		snprintf(buf, sizeof(buf), "Gruppe%c", 'A' + g);
		groups_row(t, buf, NULL, true);
		for (int i = 0; i < n; i++) {
			snprintf(buf, sizeof(buf), "Reihe%c%d", 'A' + g, i);
			groups_row(t, buf, "x", false);
		}
	}
	out = render(d, NULL);
	if (out == NULL)
		bad++;
	for (const char *p = out ? strstr(out, "\npage ") : NULL; p != NULL;
	    p = strstr(p + 1, "\npage ")) {
		const char *end = strstr(p + 1, "\npage ");
		size_t len = end ? (size_t)(end - p) : strlen(p);
		char *pg = xstrndup(p, len), *q, *first, *r, *g;
		char cur;

		/* The first row of the page's table body: a group's row? */
		first = strstr(pg, "<TR>");
		r = first ? strstr(first, "\"Reihe") : NULL;
		g = first ? strstr(first, "\"Gruppe") : NULL;
		if (r != NULL && (g == NULL || r < g)) {
			cur = r[6];
			/* Group cur goes on: its name, continued, above. */
			snprintf(buf, sizeof(buf), "\"Gruppe%c\"", cur);
			q = strstr(pg, buf);
			if (q == NULL || q > first || strstr(q, cont) == NULL ||
			    strstr(q, cont) > first ||
			    strstr(pg, "<Artifact>") > q)
				bad++;
			else
				reps++;
		}
		/* No group row ends up with fewer than two of its rows. */
		for (q = strstr(pg, "\"Gruppe"); q != NULL;
		    q = strstr(q + 1, "\"Gruppe")) {
			const char *r1 = strstr(q, "\"Reihe"), *r2;

			if (first == NULL || q < first)
				continue;	/* the repeated one */
			r2 = r1 ? strstr(r1 + 1, "\"Reihe") : NULL;
			if (r1 == NULL || r2 == NULL || r1[6] != q[7] ||
			    r2[6] != q[7])
				bad++;
		}
		free(pg);
	}
	/* Every row tagged once: header TH, group rows one TD. */
	if (out != NULL && (count(out, "<TR>") != (size_t)(1 + 3 + na + 63) ||
	    count(out, "<TH>") != 2 ||
	    count(out, "<TD>") != (size_t)(3 + 2 * (na + 63)) ||
	    count(out, "<") - count(out, "</>") != count(out, "</>")))
		bad++;
	free(out);
	doc_free(d);
	return bad > 0 ? -1 : reps;
}

/* Group rows in tables (the handbook's participants by organisation). */
static void
test_groups(void)
{
	int total = 0, fails = 0;

	/* Move group B over the page foot step by step. */
	for (int skip = 0; skip < 40; skip += 3) {
		int r = groups_case(40, skip, "de");

		if (r < 0)
			fails++;
		else
			total += r;
	}
	CHECK_INT(fails, 0);
	CHECK(total >= 14);	/* A or C goes on in every case */
	CHECK(groups_case(90, 0, "en") >= 2);
	CHECK(groups_case(90, 0, "de") >= 2);
}

/*
 * A section's closing paragraph of nlast lines after a paragraph of n
 * lines (and a heading after it): returns 1 when the closing paragraph
 * begins a page without a line of the paragraph before it, 0 when not,
 * -1 when the page before ends more than five lines short of its foot.
 */
static int
closing_case(int n, int nlast)
{
	struct doc *d = doc_new("de");
	struct doc_block *b = doc_add(d->root, DOC_PARA, "t", 1);
	char *out, buf[32];
	int rc = 0;

	for (int i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "Zeile%d", i);
		doc_add_text(b, buf, strlen(buf), 0, 1);
		doc_add_break(b, 1);
	}
	b = doc_add(d->root, DOC_PARA, "t", 2);
	for (int i = 0; i < nlast; i++) {
		if (i > 0)
			doc_add_break(b, 2);
		doc_add_text(b, "Schluss", 7, 0, 2);
	}
	b = doc_add(d->root, DOC_HEADING, "t", 3);
	b->level = 2;
	doc_add_text(b, "Weiter", 6, 0, 3);
	b = doc_add(d->root, DOC_PARA, "t", 4);
	doc_add_text(b, "Text", 4, 0, 4);
	out = render(d, NULL);
	if (out == NULL)
		rc = 1;
	else {
		const char *z = strstr(out, "\"Schluss\""), *p, *q;
		const char *pg = NULL, *prev = NULL, *last = NULL;
		double y = 0;

		for (p = out; (p = strstr(p, "\npage ")) != NULL && p < z;
		    p++) {
			prev = pg;
			pg = p;
		}
		/* A line of the paragraph before on the same page? */
		for (p = pg ? strstr(pg, "\"Zeile") : NULL; p != NULL &&
		    p < z; p = strstr(p + 1, "\"Zeile"))
			last = p;
		if (z == NULL || pg == NULL)
			rc = 1;
		else if (last == NULL)
			rc = prev != NULL;
		else if (prev != NULL) {
			/* The page before: its last line near the foot
			 * (A4, bottom margin 25 mm, 14 pt leading). */
			for (p = q = strstr(prev, "\"Zeile"); p != NULL &&
			    p < pg; p = strstr(p + 1, "\"Zeile"))
				q = p;
			while (q != NULL && q > out && q[-1] != '\n')
				q--;
			if (q != NULL && sscanf(q, " text %*f %lf", &y) == 1 &&
			    y < 841.89 - 70.87 - 5 * 14)
				rc = -1;
		}
	}
	free(out);
	doc_free(d);
	return rc;
}

/* The page number (from 1) that position z of a text dump is on. */
static int
page_at(const char *out, const char *z)
{
	int n = 0;

	for (const char *p = out; (p = strstr(p, "\npage ")) != NULL &&
	    p < z; p++)
		n++;
	return n;
}

/* Whether a page of a text dump other than the last ends with a line
 * whose last text ends in a hyphen. */
static bool
page_ends_hyphen(const char *out)
{
	const char *pg = strstr(out, "\npage "), *next;

	for (; pg != NULL && (next = strstr(pg + 1, "\npage ")) != NULL;
	    pg = next) {
		const char *last = NULL;

		for (const char *p = pg; (p = strstr(p + 1, "\n")) != NULL &&
		    p < next; )
			if (strncmp(p + strspn(p + 1, " ") + 1, "text ", 5) == 0)
				last = p;
		if (last != NULL) {
			const char *e = strchr(last + 1, '\n');

			if (e != NULL && e - last > 2 && e[-1] == '"' &&
			    e[-2] == '-')
				return true;
		}
	}
	return false;
}

/*
 * After a paragraph of n lines: a lead-in ending in ":" and a list, then
 * a paragraph of lines that end in hyphens. Returns a bit set: 1 when the
 * lead-in is on another page than the list's first item, 2 when a page
 * ends with a hyphen.
 */
static int
keep_case(int n)
{
	struct doc *d = doc_new("de");
	struct doc_block *b = doc_add(d->root, DOC_PARA, "t", 1), *l;
	char *out, buf[32];
	int rc = 0;

	for (int i = 0; i < n; i++) {
		snprintf(buf, sizeof(buf), "Zeile%d", i);
		doc_add_text(b, buf, strlen(buf), 0, 1);
		doc_add_break(b, 1);
	}
	b = doc_add(d->root, DOC_PARA, "t", 2);
	doc_add_text(b, "Einige Beispiele:", 17, 0, 2);
	l = doc_add(d->root, DOC_LIST, "t", 3);
	for (int i = 0; i < 3; i++) {
		snprintf(buf, sizeof(buf), "Punkt%d", i);
		b = doc_add(doc_add(l, DOC_ITEM, "t", 3), DOC_PARA, "t", 3);
		doc_add_text(b, buf, strlen(buf), 0, 3);
	}
	b = doc_add(d->root, DOC_PARA, "t", 4);
	for (int i = 0; i < 8; i++) {
		if (i > 0)
			doc_add_break(b, 4);
		doc_add_text(b, "Netzwerk-", 9, 0, 4);
	}
	b = doc_add(d->root, DOC_PARA, "t", 5);
	doc_add_text(b, "Ende", 4, 0, 5);
	out = render(d, NULL);
	if (out == NULL)
		rc = 3;
	else {
		const char *a = strstr(out, "\"Beispiele:\""),
		    *z = strstr(out, "\"Punkt0\"");

		if (a == NULL || z == NULL || page_at(out, a) !=
		    page_at(out, z))
			rc |= 1;
		if (page_ends_hyphen(out))
			rc |= 2;
	}
	free(out);
	doc_free(d);
	return rc;
}

/* A lead-in stays with the list it introduces; no page ends in a
 * hyphen (the break falls inside each case for some n). */
static void
test_keep_lead_in(void)
{
	int split = 0, hyph = 0;

	for (int n = 40; n <= 58; n++) {
		int r = keep_case(n);

		split += (r & 1) != 0;
		hyph += (r & 2) != 0;
	}
	CHECK_INT(split, 0);
	CHECK_INT(hyph, 0);
}

/* The last line of a paragraph is never only the rest of a word divided
 * at its own hyphen ("Netzwerk-" / "treffen."), though the line before
 * gets looser without it. */
static void
test_lone_fragment(void)
{
	static const char *const texts[] = {
		"Das Rahmenprogramm umfasste sechs Veranstaltungen, darunter "
		"drei Workshops und ein Netzwerk-treffen.",
		"Das Rahmenprogramm umfasste sechs Veranstaltungen, darunter "
		"drei Workshops und ein Netzwerktreffen.",
	};

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		struct doc *d = doc_new("de");
		struct doc_block *b = doc_add(d->root, DOC_PARA, "t", 1);
		char *out;

		b->align = DOC_ALIGN_JUSTIFY;
		doc_add_text(b, texts[i], strlen(texts[i]), 0, 1);
		out = render(d, NULL);
		CHECK(out != NULL && strstr(out, "\"Workshops\"") != NULL);
		CHECK(out != NULL && strstr(out, "\"treffen.\"") == NULL);
		free(out);
		doc_free(d);
	}
}

/*
 * A paragraph of nlines lines, a table-like drawing kept with it and a
 * chart-like drawing kept with that, loosely or not: returns the pages
 * of "TABELLE" and "DIAGRAMM" as table * 10 + chart, or -1.
 */
static int
loose_case(int nlines, bool loose)
{
	static const char *const names[2] = { "TABELLE", "DIAGRAMM" };
	struct doc *d = doc_new("de");
	struct doc_block *b = doc_add(d->root, DOC_PARA, "t", 1);
	char buf[32], *out;
	int pages[2] = { -1, -1 };

	for (int i = 0; i < nlines; i++) {
		snprintf(buf, sizeof(buf), "Zeile%d", i);
		doc_add_text(b, buf, strlen(buf), 0, 1);
		doc_add_break(b, 1);
	}
	for (int k = 0; k < 2; k++) {
		struct doc_block *keep = doc_add(d->root, DOC_KEEP, "t", 2);
		struct doc_prim *pr;

		keep->keep_prev = true;
		keep->loose_prev = k == 1 && loose;
		b = doc_add(keep, DOC_DRAWING, "t", 2);
		b->width = 400;
		b->height = 300;
		pr = doc_add_prim(b, DOC_PRIM_TEXT, 0, 12, 0, 0);
		pr->size = 10;
		pr->text = xstrdup(names[k]);
	}
	out = render(d, NULL);
	for (int k = 0; k < 2 && out != NULL; k++) {
		const char *z = strstr(out, names[k]);

		if (z != NULL)
			pages[k] = page_at(out, z);
	}
	free(out);
	doc_free(d);
	return pages[0] < 0 || pages[1] < 0 ? -1 : pages[0] * 10 + pages[1];
}

/* A chart kept loosely after a table begins the next page when text,
 * table and chart moved on together would leave the page more than half
 * empty (the report's first page, issue 16); otherwise it stays with the
 * table, and a strict keep always does. */
static void
test_loose_keep(void)
{
	CHECK_INT(loose_case(10, false), 22);
	CHECK_INT(loose_case(10, true), 12);
	CHECK_INT(loose_case(2, true), 11);	/* all fit one page */
	CHECK_INT(loose_case(30, true), 22);	/* page 1 well filled */
}

/* A section's short closing paragraph never starts a page alone. */
static void
test_closing(void)
{
	int alone = 0, empty = 0;

	for (int n = 44; n <= 56; n++)
		for (int nlast = 1; nlast <= 2; nlast++) {
			int r = closing_case(n, nlast);

			alone += r > 0;
			empty += r < 0;
		}
	CHECK_INT(alone, 0);
	CHECK_INT(empty, 0);
}

/* The running head's texts of page 2 (left and right, "" when none). */
static void
heads_of(const char *programme, const char *chapter, char *left,
    char *right)
{
	struct doc *d = doc_new("de");
	struct doc_block *b;
	char *out, *p;

	doc_set_str(&d->programme, programme);
	left[0] = right[0] = '\0';
	for (int i = 0; i < 2; i++) {
		b = doc_add(d->root, DOC_HEADING, "t", 1);
		doc_add_text(b, chapter, strlen(chapter), 0, 1);
		b = doc_add(d->root, DOC_PARA, "t", 1);
		doc_add_text(b, "Text", 4, 0, 1);
	}
	out = render(d, NULL);
	p = out ? strstr(out, "\npage 2 ") : NULL;
	/* The lines "text X 39.43 FONT SIZE "TEXT"" of the page's head. */
	while (p != NULL && (p = strchr(p + 1, '\n')) != NULL &&
	    strncmp(p, "\npage ", 6) != 0) {
		double x;
		char buf[200];

		if (sscanf(p, " text %lf 39.43 \"Liberation Serif\" 8.50 "
		    "\"%199[^\"]", &x, buf) == 2)
			strcpy(x < 100 ? left : right, buf);
	}
	free(out);
	doc_free(d);
}

/* Running heads: the programme's title left, the chapter right, once if
 * both are the same; a title too long for its half cut after a word. */
static void
test_heads(void)
{
	const char *title = "Interkommunales Cross-Mentoring Bergheim-Süd "
	    "\xc2\xb7 Lindenau \xc2\xb7 Ostheim \xc2\xb7 Hochwalden "
	    "\xc2\xb7 Talheim \xc2\xb7 Weidenbach \xc2\xb7 Steinfurt";
	const char *title4 = "Interkommunales Cross-Mentoring Bergheim-Süd "
	    "\xc2\xb7 Lindenau \xc2\xb7 Ostheim \xc2\xb7 Hochwalden";
	const char *long_chapter = "Vertraulichkeit, Datenschutz und der "
	    "Umgang mit Konflikten zwischen Mentee und Mentor";
	char left[200], right[200];
	size_t n;

	heads_of("Kurz", "Willkommen", left, right);
	CHECK_STR(left, "Kurz");
	CHECK_STR(right, "Willkommen");
	heads_of("Tandemübersicht", "Tandemübersicht", left, right);
	CHECK_STR(left, "Tandemübersicht");
	CHECK_STR(right, "");
	/* A short chapter leaves the title the room it needs. */
	heads_of(title4, "Willkommen", left, right);
	CHECK_STR(left, title4);
	CHECK_STR(right, "Willkommen");
	/* Both long: each cut to its half. */
	heads_of(title, long_chapter, left, right);
	n = strlen(right);
	CHECK(n > 3 && strcmp(right + n - 3, "\xe2\x80\xa6") == 0);
	CHECK(n > 3 && strncmp(right, long_chapter, n - 3) == 0);
	n = strlen(left);
	/* One ellipsis, at the end, after a whole word of the title. */
	CHECK(n > 3 && strcmp(left + n - 3, "\xe2\x80\xa6") == 0);
	CHECK(n > 3 && strstr(left, "\xe2\x80\xa6") == left + n - 3);
	CHECK(n > 3 && strncmp(left, title, n - 3) == 0 &&
	    title[n - 3] == ' ');
	CHECK(n > 3 && left[n - 4] != ' ');
	/* A long title and a middling chapter: the chapter whole, the
	 * title cut to what it leaves free, more than half the line. */
	heads_of(title, "Rollen und Erwartungen im Programm", left, right);
	CHECK_STR(right, "Rollen und Erwartungen im Programm");
	n = strlen(left);
	CHECK(n > 3 && strcmp(left + n - 3, "\xe2\x80\xa6") == 0);
	CHECK(n > 3 && strncmp(left, title, n - 3) == 0);
	CHECK(n > 60);
	heads_of("Mentoringprogrammkoordinationsstellenverwaltungsvorschriften"
	    "sammlungsergänzungsbeilagenverzeichnisse"
	    "Mentoringprogrammkoordinationsstellenverwaltungsvorschriften"
	    "sammlungsergänzungsbeilagenverzeichnis", "Willkommen", left,
	    right);
	n = strlen(left);
	CHECK(n > 3 && strcmp(left + n - 3, "\xe2\x80\xa6") == 0);
}

/* The slug of a heading text. */
static void
slug_is(const char *text, const char *want)
{
	char *s = doc_slug(text, strlen(text));

	CHECK_STR(s, want);
	free(s);
}

/* Heading ids (GitHub/Pandoc slugs, repeats numbered, {#id}) and the
 * Markdown links to them. */
static void
test_ids(void)
{
	struct doc *d = doc_new("de");
	struct md_opts o;
	const char *md = "# Was ist Mentoring?\n\n## Ziele\n\n"
	    "## Ablauf {#mein-ablauf}\n\n## Ziele\n\n## Ziele\n\n"
	    "> ## Im Zitat\n\n## ?!\n\n## Ziele-1\n\n"
	    "## Nicht {#kein id}\n\n"
	    "Siehe [hier](#ziele-1), [dort](#%C3%BCbersicht) und "
	    "[fern](https://example.org).\n";
	const struct doc_block **blocks = NULL;
	char **ids = NULL;
	size_t n;
	const struct doc_block *p;

	slug_is("Rollen und Erwartungen", "rollen-und-erwartungen");
	slug_is("Was ist Mentoring?", "was-ist-mentoring");
	slug_is("Phase 1: Auswahl und Matching",
	    "phase-1-auswahl-und-matching");
	slug_is("Ärger über Öffentlichkeit & Maße", "ärger-über-öffentlichkeit--maße");
	slug_is("ÇELİK, Şahin – „Vorbild“ (2024)", "çelik-şahin--vorbild-2024");
	slug_is("snake_case und-bindestrich", "snake_case-und-bindestrich");
	slug_is("ΑΒΓ Дом", "αβγ-дом");
	slug_is("…", "");
	slug_is("", "");

	memset(&o, 0, sizeof(o));
	o.file = "ids.md";
	fx_capture();
	CHECK_INT(md_to_doc(d, d->root, md, strlen(md), &o), 0);
	CHECK_INT(diag_count(DIAG_WARNING), 0);
	fx_capture_end();
	diag_reset();
	n = doc_heading_ids(d->root, &blocks, &ids);
	CHECK_INT((long)n, 9);
	if (n == 9) {
		CHECK_STR(ids[0], "was-ist-mentoring");
		CHECK_STR(ids[1], "ziele");
		CHECK_STR(ids[2], "mein-ablauf");
		CHECK_STR(ids[3], "ziele-1");
		CHECK_STR(ids[4], "ziele-2");
		CHECK_STR(ids[5], "im-zitat");		/* inside a quote */
		CHECK(ids[6] == NULL);			/* no letters */
		CHECK_STR(ids[7], "ziele-1-1");		/* taken */
		CHECK_STR(ids[8], "nicht-kein-id");	/* not an id */
		CHECK(blocks[5]->parent->kind == DOC_QUOTE);
		/* The explicit id leaves the heading's text. */
		CHECK_STR(blocks[2]->runs[0].text, "Ablauf");
		CHECK_INT((long)blocks[2]->runs[0].len, 6);
		CHECK_STR(blocks[2]->id, "mein-ablauf");
	}
	for (size_t i = 0; i < n; i++)
		free(ids[i]);
	free(ids);
	free(blocks);
	/* Links to headings are kept as "#id" for the layout. */
	p = d->root->last;
	CHECK(p->kind == DOC_PARA);
	CHECK(p->nruns >= 6);
	if (p->nruns >= 6) {
		CHECK_STR(p->runs[1].uri, "#ziele-1");
		CHECK_STR(p->runs[3].uri, "#%C3%BCbersicht");
		CHECK_STR(p->runs[5].uri, "https://example.org");
	}
	doc_free(d);
}

/* A document of n paragraphs of text (each a few lines). */
static struct doc *
paras(int n)
{
	struct doc *d = doc_new("de");

	d->title = xstrdup("Test");
	for (int i = 0; i < n; i++) {
		struct doc_block *b = doc_add(d->root, DOC_PARA, "t", i + 1);
		static const char text[] = "Das Programm begleitet die "
		    "Mentees ein Jahr lang in Tandems, Workshops und "
		    "Netzwerktreffen; die Mentorinnen und Mentoren geben "
		    "ihre Erfahrung weiter.";

		doc_add_text(b, text, strlen(text), 0, 1);
	}
	return d;
}

/*
 * The render path: render_write() writes what the device dump of the same
 * tree is, atomically (nothing left behind where it cannot write);
 * layout_count_pages() counts the pages the layout sets; render_write_each()
 * writes several trees into one file and consumes them.
 */
static void
test_render(void)
{
	const struct resource *r = resource_get("templates/handbook.xml");
	struct template *t = r ? template_load(r->name, r->data, r->len) : NULL;
	struct render *out = render_new(RENDER_TEXT, NULL);
	struct render_info ri = { .title = "Test" };
	struct layout_stats st = { 0 };
	struct doc *d = paras(40), *each[2];
	char path[] = "/tmp/test_render_XXXXXX";
	int fd = mkstemp(path);
	char *want, *got;
	size_t len;

	CHECK(t != NULL && fd >= 0);
	if (t == NULL || fd < 0)
		return;
	close(fd);
	CHECK_STR(render_ext(out), "txt");
	CHECK(render_is_text(out));
	want = render(d, &st);
	CHECK_INT(render_write(out, d, t, &ri, path), 0);
	got = file_read(path, &len);
	/* The same pages (the first line, the information, differs: the
	 * render path adds the document's language). */
	CHECK(want != NULL && got != NULL && strchr(want, '\n') != NULL &&
	    strchr(got, '\n') != NULL && strcmp(strchr(want, '\n'),
	    strchr(got, '\n')) == 0);
	CHECK(got != NULL && strstr(got, "lang=de-DE") != NULL);
	CHECK(st.pages > 1);
	CHECK_INT(layout_count_pages(NULL, d, t), st.pages);
	free(got);
	free(want);
	fx_capture();
	CHECK(render_write(out, d, t, &ri, "/nonexistent/dir/x.txt") != 0);
	CHECK_INT(diag_rc(NULL), 73);
	fx_capture_end();
	CHECK(!file_exists("/nonexistent/dir/x.txt"));
	each[0] = paras(1);
	each[1] = paras(1);
	CHECK_INT(render_write_each(out, each, 2, t, &ri, path), 0);
	CHECK(each[0] == NULL && each[1] == NULL);
	got = file_read(path, &len);
	/* Each document on a page of its own. */
	CHECK(got != NULL && count(got, "\npage ") == 2);
	free(got);
	unlink(path);
	doc_free(d);
	render_free(out);
	render_free(NULL);
	template_free(t);
}

/* One PNG chunk at out; returns its length. */
static size_t
png_chunk(unsigned char *out, const char *type, const unsigned char *data,
    size_t len)
{
	uLong crc;

	for (int i = 0; i < 4; i++)
		out[i] = (unsigned char)(len >> (24 - 8 * i));
	memcpy(out + 4, type, 4);
	if (len > 0)
		memcpy(out + 8, data, len);
	crc = crc32(0, out + 4, (uInt)len + 4);
	for (int i = 0; i < 4; i++)
		out[8 + len + i] = (unsigned char)(crc >> (24 - 8 * i));
	return 12 + len;
}

/* A complete grey PNG of w x h pixels written to path; header_only: its
 * first 24 bytes, enough for its size but no image. */
static void
write_png_as(const char *path, unsigned w, unsigned h, bool header_only)
{
	unsigned char ihdr[13] = { 0 }, *raw, *z, *out;
	uLongf zlen = compressBound((uLong)((w + 1) * h));
	size_t n = 8, rawlen = (size_t)(w + 1) * h;
	FILE *fp = fopen(path, "wb");

	for (int i = 0; i < 4; i++) {
		ihdr[i] = (unsigned char)(w >> (24 - 8 * i));
		ihdr[4 + i] = (unsigned char)(h >> (24 - 8 * i));
	}
	ihdr[8] = 8;		/* 8-bit grey, not interlaced */
	raw = calloc(1, rawlen);
	z = malloc(zlen);
	out = malloc(zlen + 64);
	CHECK(raw && z && out && compress(z, &zlen, raw, (uLong)rawlen) ==
	    Z_OK);
	memcpy(out, "\x89PNG\r\n\x1a\n", 8);
	n += png_chunk(out + n, "IHDR", ihdr, sizeof(ihdr));
	n += png_chunk(out + n, "IDAT", z, zlen);
	n += png_chunk(out + n, "IEND", NULL, 0);
	CHECK(fp != NULL && fwrite(out, 1, header_only ? 24 : n, fp) ==
	    (header_only ? 24 : n));
	if (fp != NULL)
		fclose(fp);
	free(raw);
	free(z);
	free(out);
}

static void
write_png(const char *path, unsigned w, unsigned h)
{
	write_png_as(path, w, h, false);
}

/* An origin hook that names the character's place in "programme one". */
static bool
origin_one(void *arg, uint32_t cp, const char **file, long *line,
    char *what, size_t whatsz)
{
	(void)cp;
	*file = arg;
	*line = 7;
	snprintf(what, whatsz, "the name of person p01");
	return true;
}

/*
 * Two programmes built in turn in one process, each with a run of its
 * own: the second is not affected by the first. A character no font has
 * is warned about once per run (and where the first run's origin hook
 * says only in the first), an image file changed between the runs is read
 * again, and a render's own run (NULL) warns again.
 */
static void
test_runs(void)
{
	const struct resource *r = resource_get("templates/handbook.xml");
	struct template *t = r ? template_load(r->name, r->data, r->len) : NULL;
	struct layout_run *one = layout_run_new(), *two = layout_run_new();
	struct render *out1 = render_new(RENDER_TEXT, one);
	struct render *out2 = render_new(RENDER_TEXT, two);
	struct render_info ri = { .title = "Test" };
	struct doc *d = doc_new("de");
	struct doc_block *p = doc_add(d->root, DOC_PARA, "two.md", 3);
	char path[] = "/tmp/test_runs_XXXXXX", png[] = "/tmp/test_runs_XXXXXX";
	int fd = mkstemp(path), fd2 = mkstemp(png), w, h;
	const char *err, *text = "Hieroglyphe \xF0\x93\x80\x80 hier.";

	CHECK(t != NULL && fd >= 0 && fd2 >= 0);
	if (t == NULL || fd < 0 || fd2 < 0)
		return;
	close(fd);
	close(fd2);
	doc_add_text(p, text, strlen(text), 0, 3);
	layout_set_origin(one, origin_one, "one.xml");
	fx_capture();
	/* Programme one: warned once, though laid out three times. */
	CHECK_INT(layout_count_pages(one, d, t), 1);
	CHECK_INT(render_write(out1, d, t, &ri, path), 0);
	CHECK_INT(render_write(out1, d, t, &ri, path), 0);
	CHECK_INT(diag_count(DIAG_WARNING), 1);
	CHECK(strstr(fx_captured(), "one.xml:7: warning: character U+13000 "
	    "(\xF0\x93\x80\x80) in the name of person p01") != NULL);
	/* Programme two: warned again, at its own place. */
	fx_capture();
	CHECK_INT(render_write(out2, d, t, &ri, path), 0);
	CHECK_INT(render_write(out2, d, t, &ri, path), 0);
	CHECK_INT(diag_count(DIAG_WARNING), 1);
	CHECK(strstr(fx_captured(), "two.md:3: warning: character U+13000 "
	    "(\xF0\x93\x80\x80) is not in font") != NULL);
	/* Without a run, each layout has its own. */
	fx_capture();
	CHECK_INT(layout_count_pages(NULL, d, t), 1);
	CHECK_INT(layout_count_pages(NULL, d, t), 1);
	CHECK_INT(diag_count(DIAG_WARNING), 2);
	fx_capture_end();
	diag_reset();
	/* An image is read once per run; another run reads it again. */
	write_png(png, 10, 20);
	CHECK_INT(layout_image_size(one, png, &w, &h, &err), 0);
	CHECK(w == 10 && h == 20);
	write_png(png, 30, 40);
	CHECK_INT(layout_image_size(one, png, &w, &h, &err), 0);
	CHECK(w == 10 && h == 20);
	CHECK_INT(layout_image_size(two, png, &w, &h, &err), 0);
	CHECK(w == 30 && h == 40);
	CHECK_INT(layout_image_size(NULL, png, &w, &h, &err), 0);
	CHECK(w == 30 && h == 40);
	unlink(png);
	CHECK_INT(layout_image_size(two, png, &w, &h, &err), 0);
	CHECK(w == 30 && h == 40);
	CHECK_INT(layout_image_size(NULL, png, &w, &h, &err), -1);
	/* A header alone is no image: -2, and why. */
	write_png_as(png, 30, 40, true);
	CHECK_INT(layout_image_size(NULL, png, &w, &h, &err), -2);
	CHECK(err != NULL && strstr(err, "a damaged PNG file") != NULL);
	unlink(png);
	unlink(path);
	doc_free(d);
	render_free(out1);
	render_free(out2);
	layout_run_free(one);
	layout_run_free(two);
	layout_run_free(NULL);
	template_free(t);
}

int
main(void)
{
	test_hyph();
	test_hyph_words();
	test_linebreak();
	test_template();
	test_markdown();
	test_blank_lines();
	test_blocks();
	test_on_page();
	test_groups();
	test_closing();
	test_loose_keep();
	test_lone_fragment();
	test_keep_lead_in();
	test_heads();
	test_ids();
	test_emergency();
	test_dash();
	test_render();
	test_runs();
	font_done();
	return harness_done("layout");
}
