/*
 * Drawing with the PDF device: text runs written straight into the page's
 * content stream as TJ arrays in our own fonts, lines, rectangles, and
 * images (PNG and JPEG, loaded once per document).
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "device/device.h"
#include "device/font.h"
#include "device/pdf_font.h"
#include "device/image.h"
#include "device/pdf_image.h"
#include "device/pdf_png.h"
#include "device/pdf_priv.h"
#include "device/pdf_tags.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Append a number to s in PDF syntax, 3 decimals at most, any locale
 * (written by hand: printf is most of the time of a text run). */
static void
pdf_num(struct strbuf *s, double v)
{
	char buf[32], *e = buf + sizeof(buf), *q = e;
	long long m;
	int frac, neg = 0;

	if (!(v > -1e12 && v < 1e12))
		v = 0;
	m = llround(v * 1000);
	if (m < 0) {
		neg = 1;
		m = -m;
	}
	*--q = ' ';
	frac = (int)(m % 1000);
	m /= 1000;
	if (frac != 0) {
		int digits = 3;

		while (frac % 10 == 0) {
			frac /= 10;
			digits--;
		}
		while (digits-- > 0) {
			*--q = (char)('0' + frac % 10);
			frac /= 10;
		}
		*--q = '.';
	}
	do {
		*--q = (char)('0' + m % 10);
		m /= 10;
	} while (m > 0);
	if (neg)
		*--q = '-';
	sb_add(s, q, (size_t)(e - q));
}

/* Append the operator setting the fill colour c (already clamped). */
static void
pdf_fill_op(struct strbuf *s, struct dev_color c)
{
	pdf_num(s, c.r);
	if (c.r == c.g && c.g == c.b)
		sb_adds(s, "g\n");
	else {
		pdf_num(s, c.g);
		pdf_num(s, c.b);
		sb_adds(s, "rg\n");
	}
}

static void
pdf_fill_color(HPDF_Page page, struct dev_color c)
{
	if (c.r == c.g && c.g == c.b)
		HPDF_Page_SetGrayFill(page, (HPDF_REAL)c.r);
	else
		HPDF_Page_SetRGBFill(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g,
		    (HPDF_REAL)c.b);
}

static void
pdf_stroke_color(HPDF_Page page, struct dev_color c)
{
	if (c.r == c.g && c.g == c.b)
		HPDF_Page_SetGrayStroke(page, (HPDF_REAL)c.r);
	else
		HPDF_Page_SetRGBStroke(page, (HPDF_REAL)c.r, (HPDF_REAL)c.g,
		    (HPDF_REAL)c.b);
}

/* Clamp a colour into 0..1 (NaN becomes black). */
static struct dev_color
pdf_color(struct dev_color c)
{
	double *v[3] = { &c.r, &c.g, &c.b };

	for (int i = 0; i < 3; i++)
		if (!(*v[i] >= 0))
			*v[i] = 0;
		else if (*v[i] > 1)
			*v[i] = 1;
	return c;
}

/* A number rounded as pdf_num() writes it (3 decimals). */
static double
pdf_round3(double v)
{
	if (!(v > -1e12 && v < 1e12))
		return 0;
	return (double)llround(v * 1000) / 1000;
}

/* End the TJ array of the open text object, if one is open, so that a
 * text state operator can follow; an array of one string becomes a Tj. */
static void
pdf_tj_close(struct pdf_dev *p)
{
	struct strbuf *op = &p->tjbuf;

	if (!p->tj.array)
		return;
	if (p->tj.parts == 1) {
		memmove(op->s + p->tj.at, op->s + p->tj.at + 1,
		    op->len - p->tj.at - 1);
		op->len--;
		sb_adds(op, "Tj\n");
	} else
		sb_adds(op, "]TJ\n");
	p->tj.array = false;
}

/* Start a TJ array unless one is open. */
static void
pdf_tj_open(struct pdf_dev *p)
{
	if (p->tj.array)
		return;
	p->tj.at = p->tjbuf.len;
	p->tj.parts = 0;
	sb_addc(&p->tjbuf, '[');
	p->tj.array = true;
}

/*
 * Close the open text object, if any: end its TJ array and write it into
 * the content stream of its page. Everything else that writes into a
 * content stream (graphics, images, marked content of the structure, a
 * new page, the end of the document) calls this first, so that text keeps
 * its place in the drawing order.
 */
void
pdf_text_flush(struct pdf_dev *p)
{
	struct pdf_tj *t = &p->tj;

	if (!t->open)
		return;
	pdf_tj_close(p);
	sb_adds(&p->tjbuf, "ET\n");
	HPDF_Stream_Write(((HPDF_PageAttr)t->page->attr)->stream,
	    (const HPDF_BYTE *)sb_str(&p->tjbuf), (HPDF_UINT)p->tjbuf.len);
	sb_clear(&p->tjbuf);
	t->open = t->array = false;
}

/* Append byte c to h inside a PDF literal string, escaped where needed
 * (an unescaped CR would be read as LF); returns the new end. */
static char *
pdf_lit_byte(char *h, unsigned c)
{
	if (c == '(' || c == ')' || c == '\\') {
		*h++ = '\\';
		*h++ = (char)c;
	} else if (c == '\r') {
		*h++ = '\\';
		*h++ = 'r';
	} else if (c == '\n') {
		*h++ = '\\';
		*h++ = 'n';
	} else
		*h++ = (char)c;
	return h;
}

/*
 * Encode a text run into p->buf as the glyph ids of face pf, two bytes
 * each, as the inside of a PDF literal string (half the bytes of a hex
 * string, which is most of a page's content and of the time compressing
 * it), adding
 * up the widths the PDF reader advances by (*pdfw, thousandths of an em)
 * and the layout's widths (*layw, the same unit). Invalid UTF-8 bytes and
 * NUL are dropped; characters the font lacks are kept (drawn as .notdef)
 * and counted, not warned about: the layout engine has checked every text
 * against the font and its fallback and reported, once per run and with
 * the place in the data, what no font has. *last is the last character.
 */
static void
pdf_encode_text(struct pdf_dev *p, struct pdf_face *pf, const struct font *f,
    const char *s, size_t len, long *pdfw, double *layw, uint32_t *last)
{
	size_t i = 0, k;
	uint32_t cp;
	unsigned gid;
	int w;
	char *h;

	sb_clear(&p->buf);
	/* Room for every byte as a glyph of two escaped bytes. */
	p->buf.s = xgrow(p->buf.s, &p->buf.cap, 4 * len + 1, 1);
	h = p->buf.s;
	*pdfw = 0;
	*layw = 0;
	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;		/* invalid byte: dropped */
			continue;
		}
		i += k;
		*layw += font_advance(f, cp);
		if (cp == 0)
			continue;
		*last = cp;
		gid = pdf_face_glyph(pf, cp, &w);
		if (gid == 0)
			p->nmissing++;
		*pdfw += w;
		h = pdf_lit_byte(h, gid >> 8);
		h = pdf_lit_byte(h, gid & 0xFF);
	}
	*h = '\0';
	p->buf.len = (size_t)(h - p->buf.s);
}

/* Whether a line may break after c without a space (hyphens, dashes,
 * slashes). */
static bool
pdf_breaks_after(uint32_t c)
{
	return c == '-' || c == '/' || c == 0xAD || (c >= 0x2010 &&
	    c <= 0x2014);
}

/*
 * Whether a space must go before a tagged text run at (x, y) starting with
 * the character first, so that the text of the structure tree keeps its
 * word breaks: layouts place words one by one, and readers of the
 * structure (screen readers, pdfinfo -struct-text) do not guess spaces
 * from gaps. Within one block element (spans and links included): yes
 * after a gap of more than a tenth of an em on the same baseline, and at
 * a new line unless the last one ended in a hyphen, dash or slash.
 * Between blocks (paragraphs, cells) no. pdf_word_end() records the run.
 */
static bool
pdf_word_space(struct pdf_dev *p, double size, double x, double y,
    uint32_t first)
{
	if (!pdf_tags_tagging(p->tags))
		return false;
	if (p->run.valid && p->run.last != ' ' && first != ' ' &&
	    pdf_tags_block(p->tags) == p->run.block) {
		double em = size < p->run.size ? size : p->run.size;

		if (fabs(y - p->run.y) < em * 0.05)
			return x - p->run.end > em * 0.1;
		return !pdf_breaks_after(p->run.last);
	}
	return false;
}

/* Record the last tagged text run: on baseline y, ending at x end with
 * the character last. */
static void
pdf_word_end(struct pdf_dev *p, double size, double y, double end,
    uint32_t last)
{
	if (!pdf_tags_tagging(p->tags))
		return;
	p->run.last = last;
	p->run.valid = true;
	p->run.block = pdf_tags_block(p->tags);
	p->run.y = y;
	p->run.size = size;
	p->run.end = end;
}

/*
 * Draw a run of UTF-8 text with its baseline's left end at (x, y), written
 * straight into the page's content stream, since the fonts are our own
 * (pdf_font.c), not libharu's. Runs in a row share one text object: a new
 * baseline is a Td, a change of font or colour its operator, and the runs
 * of one line (a justified line comes word by word) make one TJ array
 * whose numbers move each word to exactly where layout put it, measured
 * by the widths of the font's /W array that readers advance by.
 */
void
pdf_text(struct device *d, struct font *f, double size, struct dev_color c,
    double x, double y, const char *s, size_t len)
{
	struct pdf_dev *p = pdf_of(d);
	struct pdf_tj *t = &p->tj;
	struct strbuf *op = &p->tjbuf;
	struct pdf_face *pf;
	HPDF_Dict dict;
	const char *name;
	uint32_t first = 0, last = 0;
	long pdfw;
	double layw, py, gap;

	if (p->page == NULL || f == NULL || s == NULL || len == 0)
		return;
	if (!(size > 0 && size <= PDF_MAX_FONTSIZE) || !isfinite(x) ||
	    !isfinite(y) || fabs(x) > 1e6 || fabs(y) > 1e6) {
		diag(DIAG_WARNING, p->src.file, p->src.line, 0, "text at an "
		    "impossible size or position left out of the PDF");
		return;
	}
	if (f == p->tjfont)
		pf = p->tjface;
	else if ((pf = pdf_fontset_face(p->fonts, f)) == NULL) {
		p->failed = 1;
		return;
	} else {
		p->tjfont = f;
		p->tjface = pf;
	}
	last = 0;
	utf8_decode(s, len, &first);
	if (pdf_word_space(p, size, x, y, first)) {
		/* The space is drawn just before the run: nothing moves. */
		sb_clear(&p->op);
		sb_addc(&p->op, ' ');
		sb_add(&p->op, s, len);
		pdf_encode_text(p, pf, f, sb_str(&p->op), p->op.len, &pdfw,
		    &layw, &last);
		x -= font_advance(f, ' ') * size / 1000;
	} else
		pdf_encode_text(p, pf, f, s, len, &pdfw, &layw, &last);
	pdf_word_end(p, size, y, x + layw * size / 1000, last);
	if (p->buf.len == 0)
		return;
	if ((dict = pdf_face_dict(pf)) == NULL ||
	    (name = HPDF_Page_GetLocalFontName(p->page, dict)) == NULL) {
		p->failed = 1;
		return;
	}
	/* Marked content operators are written only while no text object
	 * is open: every operation that can change what the mark writes
	 * (structure, artifacts, graphics, a new page) closes it first, so
	 * with one open the mark writes nothing. */
	if (t->open && t->page != p->page)
		pdf_text_flush(p);
	if (pdf_tags_in_figure(p->tags))
		pdf_tags_mark(p->tags, PDF_DRAW_TEXT, x, p->ph - y - size * 0.3,
		    x + layw * size / 1000, p->ph - y + size, NULL);
	else
		pdf_tags_mark(p->tags, PDF_DRAW_TEXT, 0, 0, 0, 0, NULL);
	c = pdf_color(c);
	py = p->ph - y;
	if (!t->open) {
		sb_clear(op);
		sb_adds(op, "BT\n");
		t->open = true;
		t->array = false;
		t->page = p->page;
		t->face = NULL;
		t->colored = false;
		t->lined = false;
		t->lx = t->ly = 0;
	}
	if (t->face != pf || t->size != size) {
		pdf_tj_close(p);
		sb_addc(op, '/');
		sb_adds(op, name);
		sb_addc(op, ' ');
		pdf_num(op, size);
		sb_adds(op, "Tf\n");
		t->face = pf;
		t->size = size;
	}
	if (!t->colored || c.r != t->color.r || c.g != t->color.g ||
	    c.b != t->color.b) {
		pdf_tj_close(p);
		pdf_fill_op(op, c);
		t->color = c;
		t->colored = true;
	}
	if (!t->lined || llround(py * 1000) != llround(t->ly * 1000)) {
		double dx = pdf_round3(x - t->lx), dy = pdf_round3(py - t->ly);

		pdf_tj_close(p);
		pdf_num(op, dx);
		pdf_num(op, dy);
		sb_adds(op, "Td\n");
		t->lx += dx;
		t->ly += dy;
		t->pen = t->lx;
		t->lined = true;
	}
	/* Move from where the last run ended to x: a TJ number, in
	 * thousandths of the font size, rounded to a tenth. */
	gap = t->pen - x;
	if (fabs(gap) >= PDF_TJ_SLACK) {
		double adj = (double)llround(gap * 10000 / size) / 10;

		pdf_tj_open(p);
		pdf_num(op, adj);
		t->parts++;
		t->pen -= adj * size / 1000;
	}
	pdf_tj_open(p);
	t->parts++;
	sb_addc(op, '(');
	sb_add(op, p->buf.s, p->buf.len);
	sb_addc(op, ')');
	t->pen += (double)pdfw * size / 1000;
}

/* Draw a straight line. */
void
pdf_line(struct device *d, double x0, double y0, double x1, double y1,
    double width, struct dev_color c)
{
	struct pdf_dev *p = pdf_of(d);

	if (p->page == NULL || !(width > 0) || !isfinite(x0) ||
	    !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
		return;
	pdf_text_flush(p);
	pdf_tags_mark(p->tags, PDF_DRAW_GRAPHIC, fmin(x0, x1) - width / 2,
	    p->ph - fmax(y0, y1) - width / 2, fmax(x0, x1) + width / 2,
	    p->ph - fmin(y0, y1) + width / 2, NULL);
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
	pdf_stroke_color(p->page, pdf_color(c));
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)(p->ph - y0));
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->ph - y1));
	HPDF_Page_Stroke(p->page);
}

/* Draw a rectangle, filled and/or stroked. */
void
pdf_rect(struct device *d, double x, double y, double w, double h,
    const struct dev_color *fill, double stroke_width,
    struct dev_color stroke)
{
	struct pdf_dev *p = pdf_of(d);
	int do_stroke = stroke_width > 0;

	if (p->page == NULL || (fill == NULL && !do_stroke) ||
	    !isfinite(x) || !isfinite(y) || !isfinite(w) || !isfinite(h))
		return;
	pdf_text_flush(p);
	pdf_tags_mark(p->tags, PDF_DRAW_GRAPHIC, fmin(x, x + w),
	    p->ph - fmax(y, y + h), fmax(x, x + w), p->ph - fmin(y, y + h),
	    NULL);
	if (fill != NULL)
		pdf_fill_color(p->page, pdf_color(*fill));
	if (do_stroke) {
		HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)stroke_width);
		pdf_stroke_color(p->page, pdf_color(stroke));
	}
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)(p->ph - y - h),
	    (HPDF_REAL)w, (HPDF_REAL)h);
	if (fill != NULL && do_stroke)
		HPDF_Page_FillStroke(p->page);
	else if (fill != NULL)
		HPDF_Page_Fill(p->page);
	else
		HPDF_Page_Stroke(p->page);
}

/*
 * Load an image once per document from the bytes read and checked for it
 * (device/image.h): the file is not opened again here. PNG and JPEG are
 * told apart by their first bytes, not by the name. NULL after a
 * diagnostic.
 */
static HPDF_Image
pdf_load_image(struct pdf_dev *p, const struct dev_image *im)
{
	struct pdf_image *pi;
	const char *path = im->path;
	size_t len = im->len, i;
	const unsigned char *u = im->data;
	const char *why = NULL;

	for (i = 0; i < p->nimages; i++)
		if (strcmp(p->images[i].path, path) == 0)
			return p->images[i].img;
	p->images = xgrow(p->images, &p->capimages, p->nimages + 1,
	    sizeof(*p->images));
	pi = &p->images[p->nimages++];
	pi->path = xstrdup(path);
	pi->img = NULL;
	/* A PNG seen in an earlier document: its data as they are. */
	if (p->imgcache == NULL)
		p->imgcache = pdf_imgcache_new();
	if (pdf_imgcache_known(p->imgcache, path) > 0) {
		pi->img = pdf_imgcache_png(p->imgcache, p->pdf, path, NULL, 0);
		if (pi->img != NULL)
			return pi->img;
	}
	p->quiet = 1;
	p->err = HPDF_OK;
	if (len >= 8 && memcmp(u, "\x89PNG\r\n\x1a\n", 8) == 0) {
		if (pdf_png_check(u, len, &why) == 0) {
			pi->img = pdf_imgcache_png(p->imgcache, p->pdf, path,
			    u, len);
			if (pi->img == NULL)
				pi->img = HPDF_LoadPngImageFromMem(p->pdf, u,
				    (HPDF_UINT)len);
		} else
			p->err = HPDF_INVALID_PNG_IMAGE;
	} else if (im->jpeg)
		pi->img = pdf_jpeg_image(p->pdf, u, len, im->w, im->h,
		    im->jpeg);
	else
		p->err = HPDF_UNSUPPORTED_FUNC;
	p->quiet = 0;
	/* PDF/A-1 allows no transparency: draw such images opaque. */
	if (pi->img != NULL && p->pdfa &&
	    HPDF_Dict_GetItem(pi->img, "SMask", HPDF_OCLASS_DICT) != NULL) {
		HPDF_Dict_RemoveElement(pi->img, "SMask");
		diag(DIAG_WARNING, path, 0, 0, "transparency dropped: PDF/A-1 "
		    "does not allow it");
	}
	/*
	 * The image is left out and the document stays well-formed, so these
	 * are warnings (as for a missing image): an error here would print
	 * "error" while the build succeeds.
	 */
	if (pi->img == NULL) {
		if (p->err == HPDF_UNSUPPORTED_FUNC)
			diag(DIAG_WARNING, path, 0, 0, "not a PNG or JPEG "
			    "image; left out");
		else if (why != NULL)
			diag(DIAG_WARNING, path, 0, 0, "cannot use this PNG "
			    "image (%s); left out", why);
		else
			diag(DIAG_WARNING, path, 0, 0, "cannot use this image "
			    "(libharu error 0x%04X); left out",
			    (unsigned)p->err);
	}
	return pi->img;
}

/*
 * Draw an image scaled into the box, keeping its aspect ratio and centred
 * in the box. Returns 0, or -1 after a diagnostic naming the file.
 */
int
pdf_image(struct device *d, const struct dev_image *im, double x, double y,
    double w, double h, const char *alt)
{
	struct pdf_dev *p = pdf_of(d);
	HPDF_Image img;
	double iw, ih, s;

	if (p->page == NULL || im == NULL)
		return -1;
	if ((img = pdf_load_image(p, im)) == NULL)
		return -1;
	if (!(w > 0 && h > 0 && isfinite(x) && isfinite(y)))
		return 0;
	iw = HPDF_Image_GetWidth(img);
	ih = HPDF_Image_GetHeight(img);
	if (!(iw > 0 && ih > 0))
		return 0;
	s = w / iw < h / ih ? w / iw : h / ih;
	x += (w - iw * s) / 2;
	y += (h - ih * s) / 2;
	pdf_text_flush(p);
	pdf_tags_mark(p->tags, PDF_DRAW_IMAGE, x, p->ph - y - ih * s,
	    x + iw * s, p->ph - y, alt);
	HPDF_Page_DrawImage(p->page, img, (HPDF_REAL)x,
	    (HPDF_REAL)(p->ph - y - ih * s), (HPDF_REAL)(iw * s),
	    (HPDF_REAL)(ih * s));
	return 0;
}

