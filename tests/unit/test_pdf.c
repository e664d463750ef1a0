/*
 * Unit tests for the PDF device (src/device/dev_pdf.c): draws a sample
 * document through the device interface and checks what can be checked
 * from C (results, diagnostics, atomic output, identical reruns, several
 * documents from one device). tests/pdf.test.sh runs this program with a
 * folder argument and checks the files with poppler, qpdf and MuPDF.
 *
 * usage: test_pdf [DIR]   (DIR keeps the PDFs; default a temporary folder)
 */
#include <errno.h>
#include <fontconfig/fontconfig.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "fixture.h"
#include "device/device.h"
#include "device/font.h"
#include "device/image.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

#define SAMPLE_NAMES	"Öztürk Wiśniewska Çelik Dąbrowska Yılmaz " \
			"„Zitat“ – Gedankenstrich"

enum face { SERIF, SERIF_BOLD, SERIF_ITALIC, SANS, SANS_BOLD, FACE__MAX };

static const char *const face_specs[FACE__MAX] = {
	"Liberation Serif:style=Regular",
	"Liberation Serif:style=Bold",
	"Liberation Serif:style=Italic",
	"Liberation Sans:style=Regular",
	"Liberation Sans:style=Bold",
};

static struct font *faces[FACE__MAX];
static char *dir;

/* CRC-32 as PNG wants it (bitwise; the images are tiny). */
static uint32_t
crc32_png(const unsigned char *p, size_t n)
{
	uint32_t c = 0xFFFFFFFFu;

	while (n--) {
		c ^= *p++;
		for (int k = 0; k < 8; k++)
			c = (c >> 1) ^ (0xEDB88320u & (0u - (c & 1)));
	}
	return c ^ 0xFFFFFFFFu;
}

static void
put32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* Append one PNG chunk. */
static size_t
png_chunk(unsigned char *out, const char *type, const unsigned char *data,
    uint32_t len)
{
	put32(out, len);
	memcpy(out + 4, type, 4);
	if (len > 0)
		memcpy(out + 8, data, len);
	put32(out + 8 + len, crc32_png(out + 4, len + 4));
	return 12 + len;
}

/*
 * Write a 2x2 RGB PNG (red, green / blue, white) with an uncompressed
 * ("stored") deflate stream, so the test needs no zlib.
 */
static int
write_png(const char *path)
{
	static const unsigned char raw[] = {
		0, 255, 0, 0, 0, 255, 0,		/* filter 0, 2 px */
		0, 0, 0, 255, 255, 255, 255,
	};
	unsigned char ihdr[13] = { 0, 0, 0, 2, 0, 0, 0, 2, 8, 2, 0, 0, 0 };
	unsigned char z[2 + 5 + sizeof(raw) + 4], out[128];
	uint32_t a = 1, b = 0;
	size_t n = 0, i;

	z[0] = 0x78;
	z[1] = 0x01;
	z[2] = 1;				/* final stored block */
	z[3] = sizeof(raw);
	z[4] = 0;
	z[5] = (unsigned char)~sizeof(raw);
	z[6] = 0xFF;
	memcpy(z + 7, raw, sizeof(raw));
	for (i = 0; i < sizeof(raw); i++) {
		a = (a + raw[i]) % 65521;
		b = (b + a) % 65521;
	}
	put32(z + 7 + sizeof(raw), (b << 16) | a);
	memcpy(out, "\x89PNG\r\n\x1a\n", 8);
	n = 8;
	n += png_chunk(out + n, "IHDR", ihdr, sizeof(ihdr));
	n += png_chunk(out + n, "IDAT", z, sizeof(z));
	n += png_chunk(out + n, "IEND", NULL, 0);
	return file_write_atomic(path, out, n);
}

static char *
in_dir(const char *name)
{
	return xasprintf("%s/%s", dir, name);
}

static void
text(struct device *d, enum face f, double size, double x, double y,
    const char *s)
{
	struct dev_color black = { 0, 0, 0 };

	d->ops->text(d, faces[f], size, black, x, y, s, strlen(s));
}

static void
tag(struct device *d, enum dev_tag t, const char *alt)
{
	d->ops->tag_begin(d, t, alt);
}

static void
untag(struct device *d)
{
	d->ops->tag_end(d);
}

/* A running head and a page number: artifacts. */
static void
running_head(struct device *d, int page, double h)
{
	char num[32];
	struct dev_color grey = { 0.5, 0.5, 0.5 };

	snprintf(num, sizeof(num), "Seite %d von 3", page);
	d->ops->artifact_begin(d);
	text(d, SANS, 9, 72, 40, "Handbuch Cross-Mentoring");
	d->ops->line(d, 72, 46, 523, 46, 0.3, grey);
	text(d, SANS, 9, 290, h - 40, num);
	d->ops->artifact_end(d);
}

/* An element holding one run of text. */
static void
tagged(struct device *d, enum dev_tag t, enum face f, double size, double x,
    double y, const char *s)
{
	tag(d, t, NULL);
	text(d, f, size, x, y, s);
	untag(d);
}

/* A list item: label and body. */
static void
item(struct device *d, double x, double y, const char *lbl, const char *s)
{
	tag(d, DEV_TAG_LI, NULL);
	tagged(d, DEV_TAG_LBL, SERIF, 11, x, y, lbl);
	tag(d, DEV_TAG_LBODY, NULL);
	text(d, SERIF, 11, x + 18, y, s);
}

/*
 * The sample: three pages (A4, A4, A4 landscape) with every font, colours,
 * lines, rectangles, images, URI and internal links (one to a destination
 * defined later), nested bookmarks with umlauts, and a structure using
 * every tag: headings, paragraphs, a span in another language, nested
 * lists, a quotation, code, a table with header cells, figures (an image
 * and a chart), links, a form, a table of contents, running heads as
 * artifacts and a paragraph continued on the next page. Returns end()'s
 * result.
 */
/* Draw the image file path as the layout does: read and checked first
 * (device/image.h), then its bytes handed to the device. */
static int
image(struct device *d, const char *path, double x, double y, double w,
    double h, const char *alt)
{
	char why[DEV_IMAGE_WHY];
	int bad, rc;
	struct dev_image *img = dev_image_read("/", path, &bad, why);

	if (img == NULL) {
		fprintf(stderr, "%s: %s\n", path, why);
		return -1;
	}
	rc = d->ops->image(d, img, x, y, w, h, alt);
	dev_image_free(img);
	return rc;
}

static int
draw_sample(struct device *d, const char *path, const char *png, bool pdfa)
{
	struct dev_info info = { "Handbuch Cross-Mentoring Köln–Düsseldorf",
	    "Gleichstellungsbüro Köln", "Übersicht für Mentees",
	    "Mentoring, Tandem, Zielvereinbarung", "de-DE", 1700000000,
	    pdfa };
	struct dev_color blue = { 0.1, 0.2, 0.6 }, grey = { 0.5, 0.5, 0.5 };
	struct dev_color black = { 0, 0, 0 }, light = { 0.94, 0.94, 0.94 };

	if (d->ops->begin(d, &info) != 0)
		return -1;
	d->ops->bookmark(d, 1, "Einführung", 0);
	d->ops->page(d, 595.276, 841.89);
	running_head(d, 1, 841.89);
	d->ops->dest(d, 0, 72);
	tag(d, DEV_TAG_DOCUMENT, NULL);
	tagged(d, DEV_TAG_H1, SANS_BOLD, 20, 72, 90,
	    "Einführung in das Mentoring");
	tagged(d, DEV_TAG_P, SERIF, 11, 72, 120, SAMPLE_NAMES);
	tagged(d, DEV_TAG_P, SERIF_BOLD, 11, 72, 136,
	    "Fett: Grüße aus Düsseldorf");
	tag(d, DEV_TAG_P, NULL);
	text(d, SERIF_ITALIC, 11, 72, 152, "Kursiv: Şule Ağaoğlu,");
	tag(d, DEV_TAG_SPAN, "pl");		/* a span in Polish */
	text(d, SERIF_ITALIC, 11, 180, 152, "Łukasz Żółć");
	untag(d);
	untag(d);
	tagged(d, DEV_TAG_P, SANS, 11, 72, 168, "Sans: Ärger – Öl — Übermut ß");
	tag(d, DEV_TAG_P, NULL);
	tag(d, DEV_TAG_LINK, NULL);
	d->ops->text(d, faces[SANS], 11, blue, 72, 184, "Zum Kapitel 2", 13);
	d->ops->link_dest(d, 72, 174, 80, 13, 1);	/* forward reference */
	untag(d);
	untag(d);
	tag(d, DEV_TAG_P, NULL);	/* a link without a Link element */
	d->ops->text(d, faces[SANS], 11, blue, 72, 200, "example.org", 11);
	d->ops->link_uri(d, 72, 190, 70, 13, "https://example.org/mentoring");
	untag(d);
	d->ops->line(d, 72, 215, 523, 215, 0.5, black);
	d->ops->rect(d, 72, 230, 200, 50, &grey, 1, blue);
	d->ops->rect(d, 300, 230, 100, 50, NULL, 2, black);
	d->ops->rect(d, 420, 230, 100, 50, &blue, 0, black);
	if (png != NULL) {
		tag(d, DEV_TAG_FIGURE, "Logo des Programms: vier Farbfelder");
		CHECK_INT(image(d, png, 72, 300, 100, 50, NULL), 0);
		untag(d);
		/* An image alone becomes a figure with the image's alt. */
		CHECK_INT(image(d, png, 200, 300, 50, 50, "Logo "
		    "klein"), 0);
	}
	tag(d, DEV_TAG_TOC, NULL);
	tag(d, DEV_TAG_TOCI, NULL);
	text(d, SERIF, 11, 72, 380, "1 Einführung");
	d->ops->link_dest(d, 72, 370, 200, 13, 0);
	untag(d);
	tag(d, DEV_TAG_TOCI, NULL);
	tag(d, DEV_TAG_LINK, NULL);
	text(d, SERIF, 11, 72, 396, "2 Kapitel 2");
	d->ops->link_dest(d, 72, 386, 200, 13, 1);
	untag(d);
	untag(d);
	untag(d);

	d->ops->page(d, 595.276, 841.89);
	running_head(d, 2, 841.89);
	d->ops->dest(d, 1, 72);
	d->ops->bookmark(d, 1, "Kapitel 2: Ziele & „Vereinbarungen“", 1);
	d->ops->bookmark(d, 2, "Unterabschnitt Çelik", 2);
	tagged(d, DEV_TAG_H2, SANS_BOLD, 16, 72, 90, "Kapitel 2");
	tagged(d, DEV_TAG_P, SERIF, 11, 72, 110, "Dąbrowska trifft Yılmaz.");
	tag(d, DEV_TAG_L, NULL);
	item(d, 72, 130, "1.", "Erstes Ziel");
	untag(d);
	untag(d);
	item(d, 72, 146, "2.", "Zweites Ziel mit Unterzielen:");
	tag(d, DEV_TAG_L, NULL);
	item(d, 90, 162, "a)", "Unterziel eins");
	untag(d);
	untag(d);
	untag(d);
	untag(d);
	untag(d);
	untag(d);
	tag(d, DEV_TAG_BLOCKQUOTE, NULL);
	d->ops->line(d, 72, 176, 72, 196, 2, grey);
	tagged(d, DEV_TAG_P, SERIF_ITALIC, 11, 80, 190,
	    "„Mentoring öffnet Türen.“");
	untag(d);
	tag(d, DEV_TAG_CODE, NULL);
	d->ops->rect(d, 72, 200, 200, 16, &light, 0, black);
	text(d, SANS, 10, 76, 212, "tandem build --only handbook");
	untag(d);
	d->ops->dest(d, 2, 230);
	tagged(d, DEV_TAG_H3, SANS_BOLD, 13, 72, 240, "Unterabschnitt Çelik");
	tagged(d, DEV_TAG_H4, SANS_BOLD, 11, 72, 258, "Tandems im Überblick");
	tag(d, DEV_TAG_TABLE, NULL);
	tag(d, DEV_TAG_TR, NULL);
	tagged(d, DEV_TAG_TH, SANS_BOLD, 10, 72, 276, "Mentee");
	tagged(d, DEV_TAG_TH, SANS_BOLD, 10, 250, 276, "Mentorin");
	untag(d);
	d->ops->line(d, 72, 280, 450, 280, 0.5, black);
	tag(d, DEV_TAG_TR, NULL);
	tagged(d, DEV_TAG_TD, SERIF, 10, 72, 294, "Aylin Yılmaz");
	tagged(d, DEV_TAG_TD, SERIF, 10, 250, 294, "Dr. Małgorzata Nowak");
	untag(d);
	untag(d);
	/* A chart drawn with rectangles and text: all of it the figure. */
	tag(d, DEV_TAG_FIGURE, "Balkendiagramm: 12 Mentees, 10 Mentorinnen");
	d->ops->rect(d, 72, 320, 120, 12, &blue, 0, black);
	d->ops->rect(d, 72, 336, 100, 12, &grey, 0, black);
	text(d, SANS, 8, 200, 330, "12");
	text(d, SANS, 8, 180, 346, "10");
	untag(d);
	/* The agreement's tick box and signature line. */
	tag(d, DEV_TAG_FORM, NULL);
	d->ops->rect(d, 72, 370, 9, 9, NULL, 0.7, black);
	d->ops->line(d, 74, 375, 76, 378, 1.2, black);
	d->ops->line(d, 76, 378, 80, 371, 1.2, black);
	text(d, SERIF, 11, 86, 379, "Vertraulichkeit vereinbart");
	untag(d);
	tag(d, DEV_TAG_FORM, NULL);
	d->ops->line(d, 72, 420, 250, 420, 0.5, black);
	text(d, SERIF, 9, 72, 432, "Unterschrift Mentee");
	untag(d);
	tag(d, DEV_TAG_P, NULL);	/* continues on the next page */
	text(d, SERIF, 11, 72, 800, "Dieser Absatz geht auf der");

	d->ops->page(d, 841.89, 595.276);	/* landscape */
	running_head(d, 3, 595.276);
	text(d, SERIF, 11, 72, 80, "nächsten Seite weiter.");
	untag(d);
	tagged(d, DEV_TAG_P, SERIF, 30, 72, 130, "Querformat");
	untag(d);
	return d->ops->end(d, path);
}

static int
file_has_prefix(const char *path, const char *prefix)
{
	size_t len;
	char *s = file_read(path, &len);
	int ok = s != NULL && len > strlen(prefix) &&
	    memcmp(s, prefix, strlen(prefix)) == 0;

	free(s);
	return ok;
}

static int
files_equal(const char *a, const char *b)
{
	size_t la, lb;
	char *sa = file_read(a, &la), *sb = file_read(b, &lb);
	int eq = sa != NULL && sb != NULL && la == lb &&
	    memcmp(sa, sb, la) == 0;

	free(sa);
	free(sb);
	return eq;
}

/* Where capture() sends diagnostics. */
static struct diag_sink capture_sink;

/* Run f with diagnostics going to a temporary file; return its text. */
static char *
captured(FILE **fp)
{
	size_t n;
	char *s;

	fflush(*fp);
	n = (size_t)ftell(*fp);
	s = xcalloc(1, n + 1);
	rewind(*fp);
	if (fread(s, 1, n, *fp) != n)
		s[0] = '\0';
	fclose(*fp);
	*fp = NULL;
	diag_pop(&capture_sink);
	return s;
}

static FILE *
capture(void)
{
	FILE *fp = tmpfile();

	capture_sink = (struct diag_sink)DIAG_SINK_INIT(diag_emit_print, fp);
	diag_push(&capture_sink);
	return fp;
}

static size_t
count_substr(const char *s, const char *sub)
{
	size_t n = 0;

	while ((s = strstr(s, sub)) != NULL) {
		n++;
		s += strlen(sub);
	}
	return n;
}

static void
test_sample(void)
{
	struct device *d = dev_pdf_new();
	char *a = in_dir("sample.pdf"), *b = in_dir("sample2.pdf");
	char *png = in_dir("logo.png");
	char *pa = in_dir("sample-a.pdf"), *pa2 = in_dir("sample-a2.pdf");
	FILE *fp;
	char *msgs;

	CHECK_INT(write_png(png), 0);
	fp = capture();
	CHECK_INT(draw_sample(d, a, png, false), 0);
	/* The same device again: the second document is identical. */
	CHECK_INT(draw_sample(d, b, png, false), 0);
	/* PDF/A-1b, twice (its /ID comes from the content). */
	CHECK_INT(draw_sample(d, pa, png, true), 0);
	CHECK_INT(draw_sample(d, pa2, png, true), 0);
	msgs = captured(&fp);
	CHECK_STR(msgs, "");
	free(msgs);
	CHECK(file_has_prefix(a, "%PDF-1."));
	CHECK(files_equal(a, b));
	CHECK(files_equal(pa, pa2));
	CHECK(!files_equal(a, pa));
	d->ops->free(d);
	free(pa);
	free(pa2);
	free(a);
	free(b);
	free(png);
}

/*
 * Several documents from one device, each needing glyphs the ones before
 * did not: every file must carry all of its own glyphs (checked with
 * pdftotext by tests/pdf.test.sh).
 */
static const char *const many_names[] = {
	"Aylin Yılmaz", "Jürgen Wiśniewska-Çelik", "Zoë Dąbrowska",
	"Aylin", "Łukasz Żółć Ağaoğlu 0123456789",
};

static void
test_many(void)
{
	struct device *d = dev_pdf_new();
	struct dev_info info = { "Urkunde", NULL, NULL, NULL, "de", 0,
	    false };
	size_t i;

	for (i = 0; i < sizeof(many_names) / sizeof(many_names[0]); i++) {
		char *path = xasprintf("%s/many-%zu.pdf", dir, i + 1);

		CHECK_INT(d->ops->begin(d, &info), 0);
		d->ops->page(d, 595.276, 841.89);
		text(d, i % 2 ? SERIF_BOLD : SANS, 28, 72, 200,
		    many_names[i]);
		CHECK_INT(d->ops->end(d, path), 0);
		CHECK(file_has_prefix(path, "%PDF-1."));
		free(path);
	}
	d->ops->free(d);
}

/* Characters the font lacks are drawn as empty boxes without a word from
 * the device: the layout engine reports them (once per run, with the
 * place in the data), so the device must not repeat it. */
static void
test_missing_glyphs(void)
{
	struct device *d = dev_pdf_new();
	char *a = in_dir("missing.pdf");
	FILE *fp = capture();
	char *msgs;
	int round;

	for (round = 0; round < 2; round++) {
		CHECK_INT(d->ops->begin(d, NULL), 0);
		d->ops->page(d, 300, 300);
		text(d, SERIF, 12, 10, 50, "中文 und 中 noch einmal");
		text(d, SERIF, 12, 10, 70, "Emoji \xF0\x9F\x98\x80 hier");
		text(d, SERIF, 12, 10, 90, "bad \xC3 byte");
		CHECK_INT(d->ops->end(d, a), 0);
	}
	msgs = captured(&fp);
	CHECK_INT(count_substr(msgs, "U+4E2D"), 0);
	CHECK_INT(count_substr(msgs, "U+1F600"), 0);
	CHECK_INT(count_substr(msgs, "warning"), 0);
	CHECK_INT(capture_sink.counts[DIAG_ERROR], 0);
	CHECK(file_has_prefix(a, "%PDF-1."));
	free(msgs);
	free(a);
	d->ops->free(d);
}

/*
 * Tagging mistakes of a caller are reported and left in the file, where
 * tests/pdf.test.sh's checker must find them too: text outside any
 * element (untagged.pdf), a figure without alternative text (noalt.pdf),
 * calls that do not nest. A document without any tag is not tagged.
 */
static void
test_tag_mistakes(void)
{
	struct device *d = dev_pdf_new();
	struct dev_info info = { "Urkunde", NULL, NULL, NULL, "de", 0, true };
	char *untagged = in_dir("untagged.pdf"), *noalt = in_dir("noalt.pdf");
	char *png = in_dir("logo.png");
	FILE *fp = capture();
	char *msgs;

	CHECK_INT(d->ops->begin(d, &info), 0);
	d->ops->page(d, 595.276, 841.89);
	tag(d, DEV_TAG_DOCUMENT, NULL);
	tagged(d, DEV_TAG_P, SERIF, 12, 72, 72, "im Baum");
	untag(d);
	text(d, SERIF, 12, 72, 100, "nicht im Baum");
	text(d, SERIF, 12, 72, 120, "auch nicht");
	CHECK_INT(d->ops->end(d, untagged), 0);

	CHECK_INT(d->ops->begin(d, &info), 0);
	d->ops->page(d, 595.276, 841.89);
	tag(d, DEV_TAG_DOCUMENT, NULL);
	tag(d, DEV_TAG_FIGURE, "");
	CHECK_INT(image(d, png, 72, 72, 50, 50, NULL), 0);
	untag(d);
	untag(d);
	untag(d);			/* one too many */
	CHECK_INT(d->ops->end(d, noalt), 0);
	msgs = captured(&fp);
	CHECK(strstr(msgs, "untagged.pdf: warning: internal: page 1: 2 text "
	    "run(s) or image(s) outside any structure element") != NULL);
	CHECK(strstr(msgs, "noalt.pdf: warning: page 1: a figure without "
	    "alternative text") != NULL);
	CHECK(strstr(msgs, "noalt.pdf: warning: internal: structure tags or "
	    "artifacts do not nest") != NULL);
	CHECK_INT(capture_sink.counts[DIAG_WARNING], 3);
	CHECK_INT(capture_sink.counts[DIAG_ERROR], 0);
	free(msgs);
	free(untagged);
	free(noalt);
	free(png);
	d->ops->free(d);
}

/* Failures: no file is left, end() says -1, the message names the path. */
static void
test_errors(void)
{
	struct device *d = dev_pdf_new();
	char *bad = in_dir("no/such/folder/x.pdf");
	char *notpng = in_dir("notpng.png"), *broken = in_dir("broken.png");
	char *out = in_dir("after.pdf");
	FILE *fp = capture();
	char *msgs, why[DEV_IMAGE_WHY];
	int nbad;

	CHECK_INT(file_write_atomic(notpng, "hello", 5), 0);
	CHECK_INT(file_write_atomic(broken, "\x89PNG\r\n\x1a\nxxxxxxxxxxxx",
	    20), 0);
	CHECK_INT(d->ops->begin(d, NULL), 0);
	d->ops->page(d, 595, 842);
	text(d, SANS, 12, 72, 72, "Text");
	/* What is no complete image never reaches the device. */
	CHECK(dev_image_read("/", "/nonexistent/logo.png", &nbad, why) ==
	    NULL && nbad == 0 && errno == ENOENT);
	CHECK(dev_image_read("/", notpng, &nbad, why) == NULL && nbad == 1);
	CHECK_STR(why, "not a PNG or JPEG file; convert it to PNG");
	CHECK(dev_image_read("/", broken, &nbad, why) == NULL && nbad == 1);
	CHECK(strncmp(why, "a damaged PNG file (", 20) == 0);
	CHECK_INT(d->ops->end(d, bad), -1);
	CHECK(!file_exists(bad));

	/* Nonsense from a caller is survived: the document is written. */
	CHECK_INT(d->ops->begin(d, NULL), 0);
	d->ops->page(d, -5, 1e9);
	text(d, SANS, -3, 72, 72, "negative size");
	d->ops->dest(d, -1, 10);
	d->ops->dest(d, 2000000000, 10);
	d->ops->link_dest(d, 72, 72, 10, 10, 7);	/* never defined */
	/* The warnings name the source the layout passed on. */
	d->ops->source(d, "handbook/03-x.md", 12);
	d->ops->bookmark(d, 5, "Tief", 7);
	d->ops->source(d, "handbook/04-y.md", 3);
	d->ops->link_dest(d, 72, 90, 10, 10, 8);
	d->ops->source(d, NULL, 0);
	d->ops->tag_end(d);
	CHECK_INT(d->ops->end(d, out), 0);
	CHECK(file_has_prefix(out, "%PDF-1."));

	/* end() without begin() */
	CHECK_INT(d->ops->end(d, out), -1);
	msgs = captured(&fp);
	CHECK(strstr(msgs, "x.pdf: error: cannot create") != NULL);
	CHECK(strstr(msgs, "tandem: warning: link to a place that is not in "
	    "the document (destination 7) left out\n") != NULL);
	CHECK(strstr(msgs, "tandem: handbook/03-x.md:12: warning: bookmark "
	    "\"Tief\" to a place that is not in the document (destination 7) "
	    "left out\n") != NULL);
	CHECK(strstr(msgs, "tandem: handbook/04-y.md:3: warning: link to a "
	    "place that is not in the document (destination 8)") != NULL);
	free(msgs);
	free(bad);
	free(notpng);
	free(broken);
	free(out);
	d->ops->free(d);
}

/* Does s[0..n) contain the string w? */
static bool
has_bytes(const char *s, size_t n, const char *w)
{
	size_t k = strlen(w);

	for (size_t i = 0; i + k <= n; i++)
		if (memcmp(s + i, w, k) == 0)
			return true;
	return false;
}

/*
 * A font file of the programme folder is read once, through the confined
 * opener: when the file changes after font_open_in() (a race with the
 * check), the PDF embeds the bytes that were read, and the file is not
 * opened again. A path leading out of the folder is refused.
 */
static void
test_font_read_once(void)
{
	struct device *d = dev_pdf_new();
	struct dev_color black = { 0, 0, 0 };
	char *ttf = in_dir("Hausschrift.ttf"), *out = in_dir("font-once.pdf");
	char *data, *pdf;
	size_t len, plen;
	const char *err = NULL;
	struct font *f;

	data = file_read(font_path(faces[SERIF]), &len);
	CHECK(data != NULL && file_write_atomic(ttf, data, len) == 0);
	free(data);
	f = font_open_in(dir, ttf, &err);
	CHECK(f != NULL);
	CHECK_INT(file_write_atomic(ttf, "no font", 7), 0);
	if (f != NULL) {
		CHECK_INT(d->ops->begin(d, NULL), 0);
		d->ops->page(d, 595, 842);
		d->ops->text(d, f, 12, black, 72, 72, "Hausschrift", 11);
		CHECK_INT(d->ops->end(d, out), 0);
		pdf = file_read(out, &plen);
		CHECK(pdf != NULL && has_bytes(pdf, plen, "/FontFile2"));
		free(pdf);
	}
	d->ops->free(d);
	font_free(f);
	CHECK(font_open_in(dir, "/etc/passwd", &err) == NULL);
	CHECK(err != NULL && strstr(err, "outside") != NULL);
	free(ttf);
	free(out);
}

int
main(int argc, char *argv[])
{
	const char *err;
	int keep = argc > 1, i;

	for (i = 0; i < FACE__MAX; i++) {
		faces[i] = font_open(face_specs[i], &err);
		CHECK(faces[i] != NULL);
		if (faces[i] == NULL) {
			fprintf(stderr, "%s: %s\n", face_specs[i], err);
			return harness_done("pdf");
		}
	}
	if (keep)
		dir = xstrdup(argv[1]);
	else
		dir = xstrdup(fx_tmpdir());
	test_sample();
	test_many();
	test_missing_glyphs();
	test_errors();
	test_font_read_once();
	test_tag_mistakes();
	for (i = 0; i < FACE__MAX; i++)
		font_free(faces[i]);
	fx_tmp_done();	/* none made with a folder given */
	free(dir);
	FcFini();		/* so that valgrind sees no fontconfig cache */
	return harness_done("pdf");
}
