/*
 * The PDF device: implements the device interface of device.h with
 * libharu. Pages, text in embedded TrueType fonts, lines, rectangles,
 * images, links, destinations (also forward ones) and bookmarks are
 * collected into one libharu document per begin() ... end(), which end()
 * writes atomically.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "device/device.h"
#include "device/font.h"
#include "device/pdf_font.h"
#include "device/pdf_png.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Limits against nonsense from a caller. */
#define PDF_MAX_DEST	1000000		/* destination numbers 0 .. this */
#define PDF_MAX_FONTSIZE 600.0		/* libharu's own limit */
#define PDF_MAX_PAGESIZE 14400.0	/* PDF's largest page (points) */
#define PDF_MIN_PAGESIZE 3.0		/* PDF's smallest page (points) */

struct pdf_dest {
	HPDF_Page	 page;		/* NULL until defined */
	double		 y;		/* PDF y (from the bottom) */
};

struct pdf_link {
	HPDF_Page	 page;
	HPDF_Rect	 rect;
	int		 dest;
};

struct pdf_mark {
	int		 level;
	char		*title;
	int		 dest;
};

struct pdf_image {
	char		*path;
	HPDF_Image	 img;		/* NULL if it could not be loaded */
};

struct pdf_dev {
	struct device	 dev;
	HPDF_Doc	 pdf;		/* NULL outside begin() .. end() */
	HPDF_Page	 page;		/* the current page or NULL */
	double		 ph;		/* its height */
	int		 failed;	/* a libharu error happened */
	int		 quiet;		/* errors expected: record only */
	HPDF_STATUS	 err;		/* the last libharu error */
	HPDF_STATUS	 err_detail;

	struct pdf_fontset *fonts;	/* kept across documents */
	bool		 pdfa;		/* this document is PDF/A-1b */
	struct pdf_dest	*dests;
	size_t		 ndests, capdests;
	struct pdf_link	*links;
	size_t		 nlinks, caplinks;
	struct pdf_mark	*marks;
	size_t		 nmarks, capmarks;
	struct pdf_image *images;
	size_t		 nimages, capimages;
	uint32_t	*warned;	/* code points already warned about */
	size_t		 nwarned, capwarned;

	enum dev_tag	*tags;		/* open structure elements */
	size_t		 ntags, captags;
	int		 artifact;	/* depth of artifact_begin */
	int		 unbalanced;	/* tag/artifact calls did not nest */
	struct strbuf	 buf;		/* scratch: glyph ids of a run */
	struct strbuf	 op;		/* scratch: content operators */
};

static const struct device_ops pdf_ops;

/*
 * libharu reports errors here. They are sticky, so reset at once; print
 * one diagnostic unless the caller expects errors and checks itself.
 */
static void
pdf_on_error(HPDF_STATUS err, HPDF_STATUS detail, void *user)
{
	struct pdf_dev *p = user;

	p->err = err;
	p->err_detail = detail;
	if (p->pdf != NULL)
		HPDF_ResetError(p->pdf);
	if (p->quiet)
		return;
	if (!p->failed)
		diag(DIAG_ERROR, NULL, 0, 0, "PDF library error 0x%04X "
		    "(detail %u)", (unsigned)err, (unsigned)detail);
	p->failed = 1;
}

static struct pdf_dev *
pdf_of(struct device *d)
{
	return d->priv;
}

/* Forget everything of the current document, keeping the arrays. */
static void
pdf_reset(struct pdf_dev *p)
{
	size_t i;

	for (i = 0; i < p->nmarks; i++)
		free(p->marks[i].title);
	for (i = 0; i < p->nimages; i++)
		free(p->images[i].path);
	p->ndests = p->nlinks = p->nmarks = p->nimages = 0;
	p->nwarned = p->ntags = 0;
	p->artifact = p->unbalanced = 0;
	p->page = NULL;
	p->failed = 0;
	p->quiet = 0;
	if (p->fonts != NULL)
		pdf_fontset_begin(p->fonts, NULL);
	if (p->pdf != NULL) {
		HPDF_Free(p->pdf);
		p->pdf = NULL;
	}
}

/* Convert seconds since the epoch to a libharu date in UTC. */
static HPDF_Date
pdf_date(long long secs)
{
	HPDF_Date d;
	struct tm tm;
	time_t t = (time_t)secs;

	memset(&d, 0, sizeof(d));
	if (gmtime_r(&t, &tm) == NULL)
		memset(&tm, 0, sizeof(tm));
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = 'Z';
	return d;
}

static void
pdf_info_str(struct pdf_dev *p, HPDF_InfoType type, const char *s)
{
	if (s != NULL && *s != '\0' && utf8_valid(s, strlen(s), NULL, NULL))
		HPDF_SetInfoAttr(p->pdf, type, s);
}

/*
 * Start a document: a fresh libharu document with UTF-8 encodings,
 * compression and the information dictionary. Returns 0, or -1 with a
 * diagnostic.
 */
static int
pdf_begin(struct device *d, const struct dev_info *info)
{
	struct pdf_dev *p = pdf_of(d);

	pdf_reset(p);
	p->pdf = HPDF_New(pdf_on_error, p);
	if (p->pdf == NULL) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot start a PDF document");
		return -1;
	}
	HPDF_SetCompressionMode(p->pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->pdf);
	HPDF_SetCurrentEncoder(p->pdf, "UTF-8");
	pdf_fontset_begin(p->fonts, p->pdf);
	p->pdfa = info != NULL && info->pdfa;
	if (info != NULL) {
		pdf_info_str(p, HPDF_INFO_TITLE, info->title);
		pdf_info_str(p, HPDF_INFO_AUTHOR, info->author);
		pdf_info_str(p, HPDF_INFO_SUBJECT, info->subject);
		pdf_info_str(p, HPDF_INFO_KEYWORDS, info->keywords);
		if (info->date > 0) {
			HPDF_Date dt = pdf_date(info->date);

			HPDF_SetInfoDateAttr(p->pdf, HPDF_INFO_CREATION_DATE,
			    dt);
			HPDF_SetInfoDateAttr(p->pdf, HPDF_INFO_MOD_DATE, dt);
		}
		if (info->lang != NULL && *info->lang != '\0')
			HPDF_Dict_Add(p->pdf->catalog, "Lang",
			    HPDF_String_New(p->pdf->mmgr, info->lang, NULL));
	}
	HPDF_SetInfoAttr(p->pdf, HPDF_INFO_CREATOR, "tandem");
	return p->failed ? -1 : 0;
}

/* Start a new page of the given size in points. */
static void
pdf_page(struct device *d, double width, double height)
{
	struct pdf_dev *p = pdf_of(d);

	if (p->pdf == NULL)
		return;
	if (!(width >= PDF_MIN_PAGESIZE && width <= PDF_MAX_PAGESIZE))
		width = 595.276;
	if (!(height >= PDF_MIN_PAGESIZE && height <= PDF_MAX_PAGESIZE))
		height = 841.89;
	p->page = HPDF_AddPage(p->pdf);
	if (p->page == NULL)
		return;
	HPDF_Page_SetWidth(p->page, (HPDF_REAL)width);
	HPDF_Page_SetHeight(p->page, (HPDF_REAL)height);
	p->ph = height;
}

/* Warn once per document about a character that cannot be drawn. */
static void
pdf_warn_char(struct pdf_dev *p, const struct font *f, uint32_t cp)
{
	size_t i;

	for (i = 0; i < p->nwarned; i++)
		if (p->warned[i] == cp)
			return;
	p->warned = xgrow(p->warned, &p->capwarned, p->nwarned + 1,
	    sizeof(*p->warned));
	p->warned[p->nwarned++] = cp;
	diag(DIAG_WARNING, NULL, 0, 0, "font %s has no glyph for U+%04X; "
	    "it is drawn as an empty box", font_family(f), (unsigned)cp);
}

/*
 * Encode a text run into p->buf as the hex glyph ids of face pf. Invalid
 * UTF-8 bytes and NUL are dropped; characters the font lacks are kept (drawn
 * as .notdef) but warned about.
 */
static void
pdf_encode_text(struct pdf_dev *p, struct pdf_face *pf, const struct font *f,
    const char *s, size_t len)
{
	size_t i = 0, k;
	uint32_t cp;

	sb_clear(&p->buf);
	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;		/* invalid byte: dropped */
			continue;
		}
		i += k;
		if (cp != 0 && !pdf_face_encode(pf, cp, &p->buf))
			pdf_warn_char(p, f, cp);
	}
}

/* Append a number to s in PDF syntax, 3 decimals at most, any locale. */
static void
pdf_num(struct strbuf *s, double v)
{
	long long m = llround(v * 1000);
	char frac[8];
	int n;

	if (m < 0) {
		sb_addc(s, '-');
		m = -m;
	}
	sb_addf(s, "%lld", m / 1000);
	if (m % 1000 != 0) {
		n = snprintf(frac, sizeof(frac), ".%03lld", m % 1000);
		while (n > 1 && frac[n - 1] == '0')
			n--;
		sb_add(s, frac, (size_t)n);
	}
	sb_addc(s, ' ');
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

/*
 * Draw a run of UTF-8 text with its baseline's left end at (x, y): one text
 * object written straight into the page's content stream, since the fonts
 * are our own (pdf_font.c), not libharu's.
 */
static void
pdf_text(struct device *d, struct font *f, double size, struct dev_color c,
    double x, double y, const char *s, size_t len)
{
	struct pdf_dev *p = pdf_of(d);
	struct pdf_face *pf;
	HPDF_Dict dict;
	const char *name;
	struct strbuf *op = &p->op;

	if (p->page == NULL || f == NULL || s == NULL || len == 0)
		return;
	if (!(size > 0 && size <= PDF_MAX_FONTSIZE) || !isfinite(x) ||
	    !isfinite(y) || fabs(x) > 1e6 || fabs(y) > 1e6) {
		diag(DIAG_WARNING, NULL, 0, 0, "text at an impossible size "
		    "or position left out of the PDF");
		return;
	}
	if ((pf = pdf_fontset_face(p->fonts, f)) == NULL) {
		p->failed = 1;
		return;
	}
	pdf_encode_text(p, pf, f, s, len);
	if (p->buf.len == 0)
		return;
	if ((dict = pdf_face_dict(pf)) == NULL ||
	    (name = HPDF_Page_GetLocalFontName(p->page, dict)) == NULL) {
		p->failed = 1;
		return;
	}
	sb_clear(op);
	sb_addf(op, "BT\n/%s ", name);
	pdf_num(op, size);
	sb_adds(op, "Tf\n");
	pdf_fill_op(op, pdf_color(c));
	sb_adds(op, "1 0 0 1 ");
	pdf_num(op, x);
	pdf_num(op, p->ph - y);
	sb_addf(op, "Tm\n<%s> Tj\nET\n", sb_str(&p->buf));
	HPDF_Stream_Write(((HPDF_PageAttr)p->page->attr)->stream,
	    (const HPDF_BYTE *)sb_str(op), (HPDF_UINT)op->len);
}

/* Draw a straight line. */
static void
pdf_line(struct device *d, double x0, double y0, double x1, double y1,
    double width, struct dev_color c)
{
	struct pdf_dev *p = pdf_of(d);

	if (p->page == NULL || !(width > 0) || !isfinite(x0) ||
	    !isfinite(y0) || !isfinite(x1) || !isfinite(y1))
		return;
	HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
	pdf_stroke_color(p->page, pdf_color(c));
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)(p->ph - y0));
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)(p->ph - y1));
	HPDF_Page_Stroke(p->page);
}

/* Draw a rectangle, filled and/or stroked. */
static void
pdf_rect(struct device *d, double x, double y, double w, double h,
    const struct dev_color *fill, double stroke_width,
    struct dev_color stroke)
{
	struct pdf_dev *p = pdf_of(d);
	int do_stroke = stroke_width > 0;

	if (p->page == NULL || (fill == NULL && !do_stroke) ||
	    !isfinite(x) || !isfinite(y) || !isfinite(w) || !isfinite(h))
		return;
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
 * Load an image file once per document. PNG and JPEG are told apart by
 * their first bytes, not by the name. NULL after a diagnostic.
 */
static HPDF_Image
pdf_load_image(struct pdf_dev *p, const char *path)
{
	struct pdf_image *pi;
	char *data;
	size_t len, i;
	const unsigned char *u;
	const char *why = NULL;

	for (i = 0; i < p->nimages; i++)
		if (strcmp(p->images[i].path, path) == 0)
			return p->images[i].img;
	p->images = xgrow(p->images, &p->capimages, p->nimages + 1,
	    sizeof(*p->images));
	pi = &p->images[p->nimages++];
	pi->path = xstrdup(path);
	pi->img = NULL;
	if ((data = file_read(path, &len)) == NULL) {
		diag(DIAG_ERROR, path, 0, 0, "cannot read image: %s",
		    strerror(errno));
		return NULL;
	}
	u = (const unsigned char *)data;
	p->quiet = 1;
	p->err = HPDF_OK;
	if (len >= 8 && memcmp(u, "\x89PNG\r\n\x1a\n", 8) == 0) {
		if (pdf_png_check(u, len, &why) == 0)
			pi->img = HPDF_LoadPngImageFromMem(p->pdf, u,
			    (HPDF_UINT)len);
		else
			p->err = HPDF_INVALID_PNG_IMAGE;
	} else if (len >= 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF)
		pi->img = HPDF_LoadJpegImageFromMem(p->pdf, u,
		    (HPDF_UINT)len);
	else
		p->err = HPDF_UNSUPPORTED_FUNC;
	p->quiet = 0;
	free(data);
	if (pi->img == NULL) {
		if (p->err == HPDF_UNSUPPORTED_FUNC)
			diag(DIAG_ERROR, path, 0, 0, "not a PNG or JPEG image");
		else if (why != NULL)
			diag(DIAG_ERROR, path, 0, 0, "cannot use this PNG "
			    "image: %s", why);
		else
			diag(DIAG_ERROR, path, 0, 0, "cannot use this image "
			    "(libharu error 0x%04X)", (unsigned)p->err);
	}
	return pi->img;
}

/*
 * Draw an image scaled into the box, keeping its aspect ratio and centred
 * in the box. Returns 0, or -1 after a diagnostic naming the file.
 */
static int
pdf_image(struct device *d, const char *path, double x, double y, double w,
    double h, const char *alt)
{
	struct pdf_dev *p = pdf_of(d);
	HPDF_Image img;
	double iw, ih, s;

	(void)alt;		/* for the figure's structure element */
	if (p->page == NULL || path == NULL)
		return -1;
	if ((img = pdf_load_image(p, path)) == NULL)
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
	HPDF_Page_DrawImage(p->page, img, (HPDF_REAL)x,
	    (HPDF_REAL)(p->ph - y - ih * s), (HPDF_REAL)(iw * s),
	    (HPDF_REAL)(ih * s));
	return 0;
}

static HPDF_Rect
pdf_area(const struct pdf_dev *p, double x, double y, double w, double h)
{
	HPDF_Rect r;

	r.left = (HPDF_REAL)x;
	r.right = (HPDF_REAL)(x + w);
	r.top = (HPDF_REAL)(p->ph - y);
	r.bottom = (HPDF_REAL)(p->ph - y - h);
	return r;
}

/* A borderless clickable area opening a URI. */
static void
pdf_link_uri(struct device *d, double x, double y, double w, double h,
    const char *uri)
{
	struct pdf_dev *p = pdf_of(d);
	HPDF_Annotation a;

	if (p->page == NULL || uri == NULL || *uri == '\0' ||
	    !(w > 0 && h > 0 && isfinite(x) && isfinite(y)))
		return;
	a = HPDF_Page_CreateURILinkAnnot(p->page, pdf_area(p, x, y, w, h),
	    uri);
	if (a != NULL)
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
}

/* A clickable area jumping to a destination; resolved in end(). */
static void
pdf_link_dest(struct device *d, double x, double y, double w, double h,
    int dest)
{
	struct pdf_dev *p = pdf_of(d);
	struct pdf_link *l;

	if (p->page == NULL || !(w > 0 && h > 0 && isfinite(x) &&
	    isfinite(y)))
		return;
	p->links = xgrow(p->links, &p->caplinks, p->nlinks + 1,
	    sizeof(*p->links));
	l = &p->links[p->nlinks++];
	l->page = p->page;
	l->rect = pdf_area(p, x, y, w, h);
	l->dest = dest;
}

/* Define destination number dest at height y of the current page. */
static void
pdf_dest(struct device *d, int dest, double y)
{
	struct pdf_dev *p = pdf_of(d);
	size_t n;

	if (p->page == NULL || dest < 0 || dest > PDF_MAX_DEST)
		return;
	n = (size_t)dest;
	if (n >= p->ndests) {
		p->dests = xgrow(p->dests, &p->capdests, n + 1,
		    sizeof(*p->dests));
		memset(p->dests + p->ndests, 0,
		    (n + 1 - p->ndests) * sizeof(*p->dests));
		p->ndests = n + 1;
	}
	p->dests[n].page = p->page;
	p->dests[n].y = p->ph - (isfinite(y) ? y : 0);
}

/* An outline entry; created in end() once all destinations are known. */
static void
pdf_bookmark(struct device *d, int level, const char *title, int dest)
{
	struct pdf_dev *p = pdf_of(d);
	struct pdf_mark *m;

	if (p->pdf == NULL || title == NULL)
		return;
	p->marks = xgrow(p->marks, &p->capmarks, p->nmarks + 1,
	    sizeof(*p->marks));
	m = &p->marks[p->nmarks++];
	m->level = level < 1 ? 1 : level;
	m->title = xstrdup(title);
	m->dest = dest;
}

static void
pdf_tag_begin(struct device *d, enum dev_tag tag, const char *alt)
{
	struct pdf_dev *p = pdf_of(d);

	(void)alt;
	p->tags = xgrow(p->tags, &p->captags, p->ntags + 1, sizeof(*p->tags));
	p->tags[p->ntags++] = tag;
}

static void
pdf_tag_end(struct device *d)
{
	struct pdf_dev *p = pdf_of(d);

	if (p->ntags == 0)
		p->unbalanced = 1;
	else
		p->ntags--;
}

static void
pdf_artifact_begin(struct device *d)
{
	pdf_of(d)->artifact++;
}

static void
pdf_artifact_end(struct device *d)
{
	struct pdf_dev *p = pdf_of(d);

	if (p->artifact == 0)
		p->unbalanced = 1;
	else
		p->artifact--;
}

/*
 * A destination array [page /XYZ null top null]: keeps the reader's zoom
 * and horizontal position. NULL if dest was never defined.
 */
static HPDF_Destination
pdf_make_dest(struct pdf_dev *p, int dest)
{
	HPDF_Destination dst;
	const struct pdf_dest *pd;

	if (dest < 0 || (size_t)dest >= p->ndests ||
	    p->dests[dest].page == NULL)
		return NULL;
	pd = &p->dests[dest];
	if ((dst = HPDF_Page_CreateDestination(pd->page)) == NULL)
		return NULL;
	HPDF_Array_Clear(dst);
	HPDF_Array_Add(dst, pd->page);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_Add(dst, HPDF_Null_New(p->pdf->mmgr));
	HPDF_Array_AddReal(dst, (HPDF_REAL)pd->y);
	HPDF_Array_Add(dst, HPDF_Null_New(p->pdf->mmgr));
	return dst;
}

/* Create the internal links and the outline, now that all destinations
 * are known. Links to undefined destinations are left out with a
 * warning. */
static void
pdf_resolve(struct pdf_dev *p)
{
	HPDF_Outline stack[8];
	HPDF_Encoder utf8 = HPDF_GetEncoder(p->pdf, "UTF-8");
	size_t i;
	int depth = 0;

	for (i = 0; i < p->nlinks; i++) {
		const struct pdf_link *l = &p->links[i];
		HPDF_Destination dst = pdf_make_dest(p, l->dest);
		HPDF_Annotation a;

		if (dst == NULL) {
			diag(DIAG_WARNING, NULL, 0, 0, "link to undefined "
			    "destination %d left out", l->dest);
			continue;
		}
		a = HPDF_Page_CreateLinkAnnot(l->page, l->rect, dst);
		if (a != NULL)
			HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	}
	for (i = 0; i < p->nmarks; i++) {
		const struct pdf_mark *m = &p->marks[i];
		HPDF_Destination dst = pdf_make_dest(p, m->dest);
		HPDF_Outline o;
		int level = m->level;

		if (dst == NULL) {
			diag(DIAG_WARNING, NULL, 0, 0, "bookmark \"%s\" to "
			    "undefined destination %d left out", m->title,
			    m->dest);
			continue;
		}
		/* A level deeper than the one before hangs below it. */
		if (level > depth + 1)
			level = depth + 1;
		if (level > (int)(sizeof(stack) / sizeof(stack[0])))
			level = (int)(sizeof(stack) / sizeof(stack[0]));
		o = HPDF_CreateOutline(p->pdf, level > 1 ? stack[level - 2] :
		    NULL, utf8_valid(m->title, strlen(m->title), NULL, NULL) ?
		    m->title : "?", utf8);
		if (o == NULL)
			continue;
		HPDF_Outline_SetDestination(o, dst);
		HPDF_Outline_SetOpened(o, HPDF_FALSE);
		stack[level - 1] = o;
		depth = level;
	}
}

/*
 * Give pages with nothing drawn one space of content: an empty stream
 * compresses to zero bytes, which readers report as damaged.
 */
static void
pdf_fill_empty_pages(struct pdf_dev *p)
{
	HPDF_List pages = p->pdf->page_list;
	HPDF_UINT i;

	for (i = 0; pages != NULL && i < pages->count; i++) {
		HPDF_Page pg = HPDF_List_ItemAt(pages, i);
		HPDF_PageAttr attr = (HPDF_PageAttr)pg->attr;

		if (attr->stream != NULL && attr->stream->size == 0)
			HPDF_Stream_WriteStr(attr->stream, " ");
	}
}

/*
 * Finish the document and write it to path atomically. Returns 0, or -1
 * with a diagnostic and no file written.
 */
static int
pdf_end(struct device *d, const char *path)
{
	struct pdf_dev *p = pdf_of(d);
	HPDF_UINT32 size;
	HPDF_BYTE *data = NULL;
	int rc = -1;

	if (p->pdf == NULL) {
		diag(DIAG_ERROR, path, 0, 0, "internal error: no PDF "
		    "document was begun");
		return -1;
	}
	if (p->ntags != 0 || p->artifact != 0 || p->unbalanced)
		diag(DIAG_WARNING, path, 0, 0, "internal: structure tags or "
		    "artifacts do not nest");
	if (HPDF_GetCurrentPage(p->pdf) == NULL)	/* a PDF needs a page */
		pdf_page(d, 595.276, 841.89);
	pdf_resolve(p);
	pdf_fill_empty_pages(p);
	if (pdf_fontset_finish(p->fonts, p->pdfa) != 0)
		p->failed = 1;
	if (p->failed)
		goto out;
	if (HPDF_SaveToStream(p->pdf) != HPDF_OK || p->failed)
		goto out;
	size = HPDF_GetStreamSize(p->pdf);
	data = xmalloc(size ? size : 1);
	if (size == 0 || HPDF_ReadFromStream(p->pdf, data, &size) != HPDF_OK
	    || p->failed)
		goto out;
	if (file_write_atomic(path, data, size) != 0) {
		diag(DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0 && p->failed)
		diag(DIAG_ERROR, path, 0, 0, "PDF not written");
	free(data);
	pdf_reset(p);
	return rc;
}

static void
pdf_free(struct device *d)
{
	struct pdf_dev *p;

	if (d == NULL)
		return;
	p = pdf_of(d);
	pdf_reset(p);
	free(p->dests);
	free(p->links);
	free(p->marks);
	free(p->images);
	free(p->warned);
	free(p->tags);
	sb_free(&p->buf);
	sb_free(&p->op);
	pdf_fontset_free(p->fonts);
	free(p);
}

static const struct device_ops pdf_ops = {
	pdf_begin, pdf_page, pdf_text, pdf_line, pdf_rect, pdf_image,
	pdf_link_uri, pdf_link_dest, pdf_dest, pdf_bookmark,
	pdf_tag_begin, pdf_tag_end, pdf_artifact_begin, pdf_artifact_end,
	pdf_end, pdf_free
};

struct device *
dev_pdf_new(void)
{
	struct pdf_dev *p = xcalloc(1, sizeof(*p));

	p->dev.ops = &pdf_ops;
	p->dev.priv = p;
	p->fonts = pdf_fontset_new();
	return &p->dev;
}
