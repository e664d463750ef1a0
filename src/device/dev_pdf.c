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

#include <zlib.h>

#include <hpdf.h>
#include <hpdf_catalog.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "device/device.h"
#include "device/font.h"
#include "device/pdf_font.h"
#include "device/pdf_image.h"
#include "device/pdf_pdfa.h"
#include "device/pdf_png.h"
#include "device/pdf_tags.h"
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

/* Where a link or bookmark came from, for diagnostics. */
struct pdf_src {
	char		*file;		/* owned, or NULL */
	long		 line;		/* 0 = unknown */
};

struct pdf_link {
	HPDF_Page	 page;
	HPDF_Rect	 rect;
	int		 dest;
	int		 el;		/* its Link structure element */
	struct pdf_src	 src;
};

struct pdf_mark {
	int		 level;
	char		*title;
	int		 dest;
	struct pdf_src	 src;
};

struct pdf_image {
	char		*path;
	HPDF_Image	 img;		/* NULL if it could not be loaded */
};

/*
 * The text object being written (pdf_text()): text runs in a row go into
 * one BT ... ET, the runs of one line into one TJ array. Coordinates are
 * PDF's (from the bottom), as written.
 */
struct pdf_tj {
	bool		 open;		/* BT written, ET not yet */
	bool		 array;		/* "[" written, "]TJ" not yet */
	size_t		 at;		/* where in tjbuf the "[" is */
	int		 parts;		/* strings and numbers in the array */
	bool		 colored;	/* color is set in this object */
	bool		 lined;		/* a Td was written */
	HPDF_Page	 page;		/* whose content stream it goes to */
	struct pdf_face	*face;		/* the font set (Tf), or NULL */
	double		 size;
	struct dev_color color;		/* the fill colour set */
	double		 lx, ly;	/* start of the current line */
	double		 pen;		/* x where the next glyph goes */
};

/* Gaps smaller than this (points) between where a run ends and the next
 * one starts on the same line are not written as TJ numbers. */
#define PDF_TJ_SLACK	0.001

/*
 * Page contents are compressed with a window just big enough for them: a
 * certificate page is 3 KB, and zlib's full 32 KB window and 64 KB hash
 * table, reset for each page, cost more than the compression itself.
 * Class k has a 2^(9+k) byte window; the output is the same as with the
 * full window, as nothing lies further back than the page's length.
 */
#define PAGE_ZCLASSES	7

static int
page_zclass(size_t len)
{
	int k = 0;

	while (k < PAGE_ZCLASSES - 1 && ((size_t)1 << (9 + k)) < len)
		k++;
	return k;
}

struct pdf_dev {
	struct device	 dev;
	HPDF_Doc	 pdf;		/* NULL outside begin() .. end() */
	HPDF_Page	 page;		/* the current page or NULL */
	int		 npages;	/* pages begun in this document */
	double		 ph;		/* its height */
	int		 failed;	/* a libharu error happened */
	int		 quiet;		/* errors expected: record only */
	HPDF_STATUS	 err;		/* the last libharu error */
	HPDF_STATUS	 err_detail;

	struct pdf_fontset *fonts;	/* kept across documents */
	struct pdf_imgcache *imgcache;	/* PNGs passed through, ditto */
	bool		 pdfa;		/* this document is PDF/A-1b */
	char		*meta[5];	/* title, author, subject, keywords,
					   lang of this document */
	long long	 date;		/* its creation date */
	unsigned char	*icc;		/* the sRGB profile, read and
					   deflated once */
	size_t		 icclen;
	struct pdf_dest	*dests;
	size_t		 ndests, capdests;
	struct pdf_link	*links;
	size_t		 nlinks, caplinks;
	struct pdf_mark	*marks;
	size_t		 nmarks, capmarks;
	struct pdf_image *images;
	size_t		 nimages, capimages;
	size_t		 nmissing;	/* characters drawn as .notdef */
	struct pdf_src	 src;		/* source of what is drawn now */

	struct pdf_tags	*tags;		/* structure (pdf_tags.c) */
	struct {			/* the last tagged text run */
		bool	 valid;		/* in this document */
		double	 y;		/* its baseline */
		double	 end;		/* where it ended */
		double	 size;
		uint32_t last;		/* its last character */
		int	 block;		/* its block structure element */
	} run;
	HPDF_Page	 open_page;	/* its content is not compressed yet */
	z_stream	 z[PAGE_ZCLASSES]; /* compress finished pages, one
					   per size class (page_zclass) */
	bool		 zinit[PAGE_ZCLASSES];
	unsigned char	*zbuf;		/* scratch for z */
	size_t		 zcap;
	struct strbuf	 buf;		/* scratch: glyph ids of a run */
	struct strbuf	 op;		/* scratch: content operators */
	struct pdf_tj	 tj;		/* the open text object */
	struct strbuf	 tjbuf;		/* its operators, not yet written */
	const struct font *tjfont;	/* the last font drawn with */
	struct pdf_face	*tjface;	/* and its face */
};

static const struct device_ops pdf_ops;
static void	pdf_text_flush(struct pdf_dev *);

#define PDF_PAGES_PER_NODE	1000	/* kids of one node of the page tree */

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

	for (i = 0; i < p->nmarks; i++) {
		free(p->marks[i].title);
		free(p->marks[i].src.file);
	}
	for (i = 0; i < p->nlinks; i++)
		free(p->links[i].src.file);
	for (i = 0; i < p->nimages; i++)
		free(p->images[i].path);
	p->ndests = p->nlinks = p->nmarks = p->nimages = 0;
	free(p->src.file);
	p->src.file = NULL;
	p->src.line = 0;
	p->nmissing = 0;
	p->npages = 0;
	for (i = 0; i < sizeof(p->meta) / sizeof(p->meta[0]); i++) {
		free(p->meta[i]);
		p->meta[i] = NULL;
	}
	p->date = 0;
	p->page = NULL;
	p->open_page = NULL;
	p->run.valid = false;
	p->tj.open = p->tj.array = false;	/* an abandoned document */
	sb_clear(&p->tjbuf);
	p->tjfont = NULL;
	p->tjface = NULL;
	p->failed = 0;
	p->quiet = 0;
	if (p->fonts != NULL)
		pdf_fontset_begin(p->fonts, NULL);
	if (p->tags != NULL)
		pdf_tags_begin(p->tags, NULL);
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
	d.ind = '+';		/* +00'00': PDFBox reads "Z00'00'" wrong */
	return d;
}

static void
pdf_info_str(struct pdf_dev *p, HPDF_InfoType type, const char *key,
    const char *s)
{
	if (s == NULL || *s == '\0')
		return;
	/* Creates the Info dictionary; the value is replaced at once. */
	if (HPDF_SetInfoAttr(p->pdf, type, "-") == HPDF_OK &&
	    p->pdf->info != NULL)
		HPDF_Dict_Add(p->pdf->info, key, pdf_text_string(p->pdf->mmgr, s));
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
	/* A page tree of nodes with at most PDF_PAGES_PER_NODE kids each:
	 * libharu's flat tree stops at 8191 pages (its array limit), and a
	 * combined certificates.pdf of a large programme has more. */
	HPDF_SetPagesConfiguration(p->pdf, PDF_PAGES_PER_NODE);
	pdf_fontset_begin(p->fonts, p->pdf);
	pdf_tags_begin(p->tags, p->pdf);
	p->pdfa = info != NULL && info->pdfa;
	if (info != NULL) {
		const char *m[5] = { info->title, info->author, info->subject,
		    info->keywords, info->lang };

		for (int i = 0; i < 5; i++)
			p->meta[i] = m[i] != NULL ? xstrdup(m[i]) : NULL;
		p->date = info->date > 0 ? info->date : 0;
	}
	if (p->pdfa && p->icc == NULL) {
		unsigned char *icc = pdf_pdfa_profile(&p->icclen);

		if (icc == NULL) {
			diag(DIAG_ERROR, NULL, 0, 0, "cannot make the "
			    "colour profile PDF/A needs: %s", strerror(errno));
			return -1;
		}
		p->icc = icc;
	}
	if (info != NULL) {
		pdf_info_str(p, HPDF_INFO_TITLE, "Title", info->title);
		pdf_info_str(p, HPDF_INFO_AUTHOR, "Author", info->author);
		pdf_info_str(p, HPDF_INFO_SUBJECT, "Subject", info->subject);
		pdf_info_str(p, HPDF_INFO_KEYWORDS, "Keywords",
		    info->keywords);
		if (info->date > 0) {
			HPDF_Date dt = pdf_date(info->date);

			/* No /ModDate: it would equal the creation date,
			 * and PDF/A would need it in the XMP too. */
			HPDF_SetInfoDateAttr(p->pdf, HPDF_INFO_CREATION_DATE,
			    dt);
		}
		if (info->lang != NULL && *info->lang != '\0')
			HPDF_Dict_Add(p->pdf->catalog, "Lang",
			    HPDF_String_New(p->pdf->mmgr, info->lang, NULL));
	}
	HPDF_SetInfoAttr(p->pdf, HPDF_INFO_CREATOR, "tandem");
	return p->failed ? -1 : 0;
}

/* libharu drops /Filter from streams it does not compress itself: add it
 * back for page contents compressed here, just before ">>". */
static HPDF_STATUS
pdf_write_flate(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/*
 * Compress the content stream of a page nothing more is drawn on, now
 * rather than when the file is saved: the page then holds its compressed
 * bytes only (libharu keeps its content in 4 KB blocks until the end), and
 * one zlib stream per size class serves all pages. On any failure the page
 * is left as it is, for libharu to compress when saving.
 */
static void
pdf_page_done(struct pdf_dev *p, HPDF_Page pg)
{
	HPDF_PageAttr attr;
	HPDF_Stream st, ns;
	HPDF_UINT n;
	uLong bound;
	size_t len;
	z_stream *z;
	int k;

	if (pg == NULL || (attr = (HPDF_PageAttr)pg->attr) == NULL ||
	    (st = attr->stream) == NULL || attr->contents == NULL ||
	    attr->contents->stream != st || st->size == 0)
		return;
	len = st->size;
	k = page_zclass(len);
	z = &p->z[k];
	if (!p->zinit[k]) {
		memset(z, 0, sizeof(*z));
		if (deflateInit2(z, 4, Z_DEFLATED, 9 + k, k < 6 ? 2 + k : 8,
		    Z_DEFAULT_STRATEGY) != Z_OK)
			return;
		p->zinit[k] = true;
	} else
		deflateReset(z);
	bound = deflateBound(z, (uLong)len);
	if (p->zcap < len + bound) {
		free(p->zbuf);
		p->zcap = len + bound;
		p->zbuf = xmalloc(p->zcap);
	}
	n = (HPDF_UINT)len;
	if (HPDF_Stream_Seek(st, 0, HPDF_SEEK_SET) != HPDF_OK ||
	    HPDF_Stream_Read(st, p->zbuf, &n) != HPDF_OK || n != len) {
		HPDF_ResetError(p->pdf);
		return;
	}
	z->next_in = p->zbuf;
	z->avail_in = (uInt)len;
	z->next_out = p->zbuf + len;
	z->avail_out = (uInt)bound;
	if (deflate(z, Z_FINISH) != Z_STREAM_END)
		return;
	n = (HPDF_UINT)(bound - z->avail_out);
	if ((ns = HPDF_MemStream_New(p->pdf->mmgr, n)) == NULL)
		return;
	if (HPDF_Stream_Write(ns, p->zbuf + len, n) != HPDF_OK) {
		HPDF_Stream_Free(ns);
		return;
	}
	HPDF_Stream_Free(st);
	attr->stream = attr->contents->stream = ns;
	attr->contents->filter = HPDF_STREAM_FILTER_NONE;
	attr->contents->write_fn = pdf_write_flate;
}

/* Start a new page of the given size in points. */
static void
pdf_page(struct device *d, double width, double height)
{
	struct pdf_dev *p = pdf_of(d);

	if (p->pdf == NULL)
		return;
	pdf_text_flush(p);
	if (!(width >= PDF_MIN_PAGESIZE && width <= PDF_MAX_PAGESIZE))
		width = 595.276;
	if (!(height >= PDF_MIN_PAGESIZE && height <= PDF_MAX_PAGESIZE))
		height = 841.89;
	p->page = HPDF_AddPage(p->pdf);
	p->npages++;
	p->run.y = -1e9;	/* a paragraph going on: a new line */
	if (p->page == NULL)
		return;
	HPDF_Page_SetWidth(p->page, (HPDF_REAL)width);
	HPDF_Page_SetHeight(p->page, (HPDF_REAL)height);
	p->ph = height;
	pdf_tags_page(p->tags, p->page);	/* ends the last page's */
	pdf_page_done(p, p->open_page);
	p->open_page = p->page;
}

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
static void
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
static void
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
static void
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
	/* A PNG seen in an earlier document: its data as they are. */
	if (p->imgcache == NULL)
		p->imgcache = pdf_imgcache_new();
	if (pdf_imgcache_known(p->imgcache, path) > 0) {
		pi->img = pdf_imgcache_png(p->imgcache, p->pdf, path, NULL, 0);
		if (pi->img != NULL)
			return pi->img;
	}
	if ((data = file_read(path, &len)) == NULL) {
		diag(DIAG_WARNING, path, 0, 0, "cannot read image (%s); "
		    "left out", strerror(errno));
		return NULL;
	}
	u = (const unsigned char *)data;
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
	} else if (len >= 3 && u[0] == 0xFF && u[1] == 0xD8 && u[2] == 0xFF)
		pi->img = HPDF_LoadJpegImageFromMem(p->pdf, u,
		    (HPDF_UINT)len);
	else
		p->err = HPDF_UNSUPPORTED_FUNC;
	p->quiet = 0;
	free(data);
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
static int
pdf_image(struct device *d, const char *path, double x, double y, double w,
    double h, const char *alt)
{
	struct pdf_dev *p = pdf_of(d);
	HPDF_Image img;
	double iw, ih, s;

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
	pdf_text_flush(p);
	pdf_tags_mark(p->tags, PDF_DRAW_IMAGE, x, p->ph - y - ih * s,
	    x + iw * s, p->ph - y, alt);
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
	int el;

	if (p->page == NULL || uri == NULL || *uri == '\0' ||
	    !(w > 0 && h > 0 && isfinite(x) && isfinite(y)))
		return;
	el = pdf_tags_link(p->tags);
	a = HPDF_Page_CreateURILinkAnnot(p->page, pdf_area(p, x, y, w, h),
	    uri);
	if (a != NULL) {
		HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
		HPDF_Dict_AddNumber(a, "F", 4);		/* print */
		pdf_tags_annot(p->tags, el, a, p->page);
	}
}

/* A copy of a source position (the file name duplicated). */
static struct pdf_src
pdf_src_copy(const struct pdf_src *s)
{
	struct pdf_src c;

	c.file = s->file != NULL ? xstrdup(s->file) : NULL;
	c.line = s->line;
	return c;
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
	l->el = pdf_tags_link(p->tags);
	l->src = pdf_src_copy(&p->src);
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
	m->src = pdf_src_copy(&p->src);
}

/* Remember the source of what is sent next (see device.h). */
static void
pdf_source(struct device *d, const char *file, long line)
{
	struct pdf_dev *p = pdf_of(d);

	if (file == NULL || p->src.file == NULL ||
	    strcmp(file, p->src.file) != 0) {
		free(p->src.file);
		p->src.file = file != NULL ? xstrdup(file) : NULL;
	}
	p->src.line = file != NULL && line > 0 ? line : 0;
}

static void
pdf_tag_begin(struct device *d, enum dev_tag tag, const char *alt)
{
	pdf_text_flush(pdf_of(d));
	pdf_tags_open(pdf_of(d)->tags, tag, alt);
}

static void
pdf_tag_end(struct device *d)
{
	pdf_text_flush(pdf_of(d));
	pdf_tags_close(pdf_of(d)->tags);
}

static void
pdf_artifact_begin(struct device *d)
{
	pdf_text_flush(pdf_of(d));
	pdf_tags_artifact_begin(pdf_of(d)->tags);
}

static void
pdf_artifact_end(struct device *d)
{
	pdf_text_flush(pdf_of(d));
	pdf_tags_artifact_end(pdf_of(d)->tags);
}

/*
 * A destination array [page /XYZ null top null]: keeps the reader's zoom
 * and horizontal position. NULL if dest was never defined.
 */
static HPDF_Array
pdf_make_dest(struct pdf_dev *p, int dest)
{
	HPDF_Array dst;
	const struct pdf_dest *pd;

	/* A direct array: PDFBox rejects destinations given by reference,
	 * which is what libharu's HPDF_Page_CreateDestination makes. */
	if (dest < 0 || (size_t)dest >= p->ndests ||
	    p->dests[dest].page == NULL)
		return NULL;
	pd = &p->dests[dest];
	if ((dst = HPDF_Array_New(p->pdf->mmgr)) == NULL)
		return NULL;
	HPDF_Array_Add(dst, pd->page);
	HPDF_Array_AddName(dst, "XYZ");
	HPDF_Array_Add(dst, HPDF_Null_New(p->pdf->mmgr));
	HPDF_Array_AddReal(dst, (HPDF_REAL)pd->y);
	HPDF_Array_Add(dst, HPDF_Null_New(p->pdf->mmgr));
	return dst;
}

/* An internal link annotation of the page: borderless, printable. NULL
 * on a libharu error. */
static HPDF_Dict
pdf_add_link(struct pdf_dev *p, HPDF_Page page, HPDF_Rect r, HPDF_Array dst)
{
	HPDF_MMgr mm = p->pdf->mmgr;
	HPDF_Dict a = HPDF_Dict_New(mm);
	HPDF_Array annots, rect, border;

	if (a == NULL || HPDF_Xref_Add(p->pdf->xref, a) != HPDF_OK) {
		HPDF_Array_Free(dst);
		return NULL;
	}
	annots = HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY);
	if (annots == NULL) {
		if ((annots = HPDF_Array_New(mm)) == NULL) {
			HPDF_Array_Free(dst);
			return NULL;
		}
		HPDF_Dict_Add(page, "Annots", annots);
	}
	HPDF_Array_Add(annots, a);
	HPDF_Dict_AddName(a, "Type", "Annot");
	HPDF_Dict_AddName(a, "Subtype", "Link");
	if ((rect = HPDF_Array_New(mm)) != NULL) {
		HPDF_Array_AddReal(rect, r.left);
		HPDF_Array_AddReal(rect, r.bottom);
		HPDF_Array_AddReal(rect, r.right);
		HPDF_Array_AddReal(rect, r.top);
		HPDF_Dict_Add(a, "Rect", rect);
	}
	if ((border = HPDF_Array_New(mm)) != NULL) {
		for (int i = 0; i < 3; i++)
			HPDF_Array_AddNumber(border, 0);
		HPDF_Dict_Add(a, "Border", border);
	}
	HPDF_Dict_AddNumber(a, "F", 4);				/* print */
	HPDF_Dict_Add(a, "Dest", dst);
	return a;
}

/* Create the internal links and the outline, now that all destinations
 * are known. Links to undefined destinations are left out with a
 * warning. */
static void
pdf_resolve(struct pdf_dev *p)
{
	HPDF_Outline stack[8];
	size_t i;
	int depth = 0;

	for (i = 0; i < p->nlinks; i++) {
		const struct pdf_link *l = &p->links[i];
		HPDF_Array dst = pdf_make_dest(p, l->dest);

		if (dst == NULL) {
			diag(DIAG_WARNING, l->src.file, l->src.line, 0,
			    "link to a place that is not in the document "
			    "(destination %d) left out", l->dest);
			continue;
		}
		pdf_tags_annot(p->tags, l->el,
		    pdf_add_link(p, l->page, l->rect, dst), l->page);
	}
	for (i = 0; i < p->nmarks; i++) {
		const struct pdf_mark *m = &p->marks[i];
		HPDF_Array dst = pdf_make_dest(p, m->dest);
		HPDF_Outline o;
		int level = m->level;

		if (dst == NULL) {
			diag(DIAG_WARNING, m->src.file, m->src.line, 0,
			    "bookmark \"%s\" to a place that is not in the "
			    "document (destination %d) left out", m->title,
			    m->dest);
			continue;
		}
		/* A level deeper than the one before hangs below it. */
		if (level > depth + 1)
			level = depth + 1;
		if (level > (int)(sizeof(stack) / sizeof(stack[0])))
			level = (int)(sizeof(stack) / sizeof(stack[0]));
		o = HPDF_CreateOutline(p->pdf, level > 1 ? stack[level - 2] :
		    NULL, "-", NULL);
		if (o == NULL) {
			HPDF_Array_Free(dst);
			continue;
		}
		HPDF_Dict_Add(o, "Title", pdf_text_string(p->pdf->mmgr, m->title));
		HPDF_Dict_Add(o, "Dest", dst);
		HPDF_Outline_SetOpened(o, HPDF_FALSE);
		stack[level - 1] = o;
		depth = level;
	}
}

/* FNV-1a, 64 bits, continued from h. */
static uint64_t
pdf_hash(uint64_t h, const void *s, size_t n)
{
	const unsigned char *u = s;

	while (n--)
		h = (h ^ *u++) * 0x100000001b3ULL;
	return h;
}

/*
 * A file identifier computed from the content (page streams and
 * metadata), so that reruns stay byte-identical.
 */
static void
pdf_file_id(struct pdf_dev *p, unsigned char id[16])
{
	HPDF_List pages = p->pdf->page_list;
	uint64_t h[2] = { 0xcbf29ce484222325ULL, 0x84222325cbf29ce4ULL };
	HPDF_BYTE buf[4096];
	HPDF_UINT i, n, left;

	for (i = 0; i < sizeof(p->meta) / sizeof(p->meta[0]); i++)
		if (p->meta[i] != NULL) {
			h[0] = pdf_hash(h[0], p->meta[i], strlen(p->meta[i]));
			h[1] = pdf_hash(h[1], p->meta[i],
			    strlen(p->meta[i]) + 1);
		}
	h[0] = pdf_hash(h[0], &p->date, sizeof(p->date));
	for (i = 0; pages != NULL && i < pages->count; i++) {
		HPDF_Page pg = HPDF_List_ItemAt(pages, i);
		HPDF_Stream st = ((HPDF_PageAttr)pg->attr)->stream;

		if (st == NULL || HPDF_Stream_Seek(st, 0, HPDF_SEEK_SET) !=
		    HPDF_OK)
			continue;
		/* Read exactly the size: reading past the end would set
		 * libharu's sticky error without a call of the handler. */
		for (left = st->size; left > 0; left -= n) {
			n = left < sizeof(buf) ? left : sizeof(buf);
			if (HPDF_Stream_Read(st, buf, &n) != HPDF_OK || n == 0)
				break;
			h[0] = pdf_hash(h[0], buf, n);
			h[1] = pdf_hash(h[1] ^ i, buf, n);
		}
	}
	HPDF_ResetError(p->pdf);
	for (i = 0; i < 8; i++) {
		id[i] = (unsigned char)(h[0] >> (8 * i));
		id[8 + i] = (unsigned char)(h[1] >> (8 * i));
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
 * Write the saved document to path atomically, straight from libharu's
 * memory stream block by block: reading it back into one buffer first
 * copied the whole file twice more, a byte at a time. 0, or -1 with errno.
 */
static int
pdf_write_out(struct pdf_dev *p, const char *path)
{
	HPDF_Stream st = p->pdf->stream;
	HPDF_UINT nbuf, len;
	struct outfile *of;
	FILE *fp;

	if (st == NULL || st->type != HPDF_STREAM_MEMORY) {
		errno = EIO;
		return -1;
	}
	if ((of = outfile_open(path)) == NULL)
		return -1;
	fp = outfile_stream(of);
	nbuf = HPDF_MemStream_GetBufCount(st);
	for (HPDF_UINT i = 0; i < nbuf; i++) {
		HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(st, i, &len);

		if (b == NULL || (len > 0 && fwrite(b, 1, len, fp) != len)) {
			int saved = errno;

			outfile_abort(of);
			errno = saved ? saved : EIO;
			return -1;
		}
	}
	return outfile_commit(of);
}

/*
 * Finish the document and write it to path atomically. Returns 0, or -1
 * with a diagnostic and no file written.
 */
static int
pdf_end(struct device *d, const char *path)
{
	struct pdf_dev *p = pdf_of(d);
	int rc = -1;

	if (p->pdf == NULL) {
		diag(DIAG_ERROR, path, 0, 0, "internal error: no PDF "
		    "document was begun");
		return -1;
	}
	pdf_text_flush(p);
	if (HPDF_GetCurrentPage(p->pdf) == NULL)	/* a PDF needs a page */
		pdf_page(d, 595.276, 841.89);
	pdf_resolve(p);
	if (pdf_tags_finish(p->tags, path) != 0)
		p->failed = 1;
	pdf_fill_empty_pages(p);
	pdf_page_done(p, p->open_page);
	p->open_page = NULL;
	if (pdf_fontset_finish(p->fonts, p->pdfa) != 0)
		p->failed = 1;
	if (p->pdfa && !p->failed) {
		struct pdf_meta m = { p->meta[0], p->meta[1], p->meta[2],
		    p->meta[3], p->meta[4], p->date, "tandem" };
		unsigned char id[16];

		pdf_file_id(p, id);
		if (pdf_pdfa_apply(p->pdf, &m, id, p->icc, p->icclen) != 0)
			p->failed = 1;
	}
	if (p->failed)
		goto out;
	if (HPDF_SaveToStream(p->pdf) != HPDF_OK || p->failed)
		goto out;
	if (pdf_write_out(p, path) != 0) {
		diag(DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		goto out;
	}
	rc = 0;
out:
	if (rc != 0 && p->failed)
		diag(DIAG_ERROR, path, 0, 0, "PDF not written");
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
	pdf_tags_free(p->tags);
	sb_free(&p->buf);
	sb_free(&p->op);
	for (int k = 0; k < PAGE_ZCLASSES; k++)
		if (p->zinit[k])
			deflateEnd(&p->z[k]);
	free(p->zbuf);
	sb_free(&p->tjbuf);
	free(p->icc);
	pdf_fontset_free(p->fonts);
	pdf_imgcache_free(p->imgcache);
	free(p);
}

/*
 * Page labels (PDF 1.3 /PageLabels). libharu's HPDF_AddPageLabel needs a
 * numbering style, so a label that is a prefix alone ("Titelseite") is
 * built as its own dictionary and added to the catalog's number tree.
 * Prefixes are written as they are: keep them ASCII.
 */
static void
pdf_page_label(struct device *d, const char *prefix, int start)
{
	struct pdf_dev *p = pdf_of(d);
	HPDF_UINT index;
	HPDF_Dict label;

	if (p->pdf == NULL || p->npages == 0)
		return;
	index = (HPDF_UINT)(p->npages - 1);
	if (start > 0) {
		HPDF_AddPageLabel(p->pdf, index, HPDF_PAGE_NUM_STYLE_DECIMAL,
		    (HPDF_UINT)start, prefix);
		return;
	}
	if ((label = HPDF_Dict_New(p->pdf->mmgr)) == NULL)
		return;
	if (prefix != NULL)
		HPDF_Dict_Add(label, "P",
		    HPDF_String_New(p->pdf->mmgr, prefix, NULL));
	HPDF_Catalog_AddPageLabel(p->pdf->catalog, index, label);
}

static const struct device_ops pdf_ops = {
	pdf_begin, pdf_page, pdf_text, pdf_line, pdf_rect, pdf_image,
	pdf_link_uri, pdf_link_dest, pdf_dest, pdf_bookmark,
	pdf_tag_begin, pdf_tag_end, pdf_artifact_begin, pdf_artifact_end,
	pdf_end, pdf_free, pdf_page_label, pdf_source
};

struct device *
dev_pdf_new(void)
{
	struct pdf_dev *p = xcalloc(1, sizeof(*p));

	p->dev.ops = &pdf_ops;
	p->dev.priv = p;
	p->fonts = pdf_fontset_new();
	p->tags = pdf_tags_new();
	return &p->dev;
}
