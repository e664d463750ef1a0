/*
 * The PDF device: implements the device interface of device.h with
 * libharu. Pages, text in embedded TrueType fonts, lines, rectangles,
 * images, links, destinations (also forward ones) and bookmarks are
 * collected into one libharu document per begin() ... end(), which end()
 * writes atomically. This file has the documents and pages; drawing is in
 * pdf_draw.c, links and bookmarks in pdf_links.c.
 */
#include <errno.h>
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
#include "device/pdf_font.h"
#include "device/pdf_image.h"
#include "device/pdf_pdfa.h"
#include "device/pdf_priv.h"
#include "device/pdf_tags.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The size class of a page's content of len bytes (see PAGE_ZCLASSES). */
static int
page_zclass(size_t len)
{
	int k = 0;

	while (k < PAGE_ZCLASSES - 1 && ((size_t)1 << (9 + k)) < len)
		k++;
	return k;
}

static const struct device_ops pdf_ops;

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
		HPDF_Dict_Add(p->pdf->info, key, pdf_text_string(p->pdf->mmgr,
		    s, NULL));
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

		static const char *const what[4] = { "title", "author",
			"subject", "keywords" };

		for (int i = 0; i < 5; i++) {
			bool cut = false;

			/* Cut once here, so that the information and the
			 * XMP metadata (PDF/A) say the same. */
			p->meta[i] = m[i] == NULL ? NULL : i == 4 ?
			    xstrdup(m[i]) : pdf_text_cut(m[i], &cut);
			if (cut)
				diag(DIAG_WARNING, NULL, 0, 0, "the %s of the "
				    "document \"%.60s...\" is %zu characters "
				    "long; its document information keeps the "
				    "first %d", what[i], m[0] ? m[0] : "",
				    utf8_len(m[i], strlen(m[i])),
				    PDF_MAX_TEXT_STRING);
		}
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
		pdf_info_str(p, HPDF_INFO_TITLE, "Title", p->meta[0]);
		pdf_info_str(p, HPDF_INFO_AUTHOR, "Author", p->meta[1]);
		pdf_info_str(p, HPDF_INFO_SUBJECT, "Subject", p->meta[2]);
		pdf_info_str(p, HPDF_INFO_KEYWORDS, "Keywords", p->meta[3]);
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
 * copied the whole file twice more, a byte at a time. 0, or -1 with a
 * diagnostic.
 */
static int
pdf_write_out(struct pdf_dev *p, const char *path)
{
	HPDF_Stream st = p->pdf->stream;
	HPDF_UINT nbuf, len;
	struct outfile *of;
	FILE *fp;

	if (st == NULL || st->type != HPDF_STREAM_MEMORY) {
		diag(DIAG_CANTCREAT, path, 0, 0, "cannot write: %s",
		    strerror(EIO));
		return -1;
	}
	if ((of = outfile_open(path)) == NULL)
		return -1;	/* reported */
	fp = outfile_stream(of);
	nbuf = HPDF_MemStream_GetBufCount(st);
	for (HPDF_UINT i = 0; i < nbuf; i++) {
		HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(st, i, &len);

		if (b == NULL || (len > 0 && fwrite(b, 1, len, fp) != len)) {
			int saved = errno;

			outfile_abort(of);
			diag(DIAG_CANTCREAT, path, 0, 0, "cannot write: %s",
			    strerror(saved ? saved : EIO));
			return -1;
		}
	}
	if (outfile_commit(of) != 0) {
		diag(DIAG_CANTCREAT, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
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
		diag(DIAG_INTERNAL, path, 0, 0, "internal error: no PDF "
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
	if (pdf_write_out(p, path) != 0)
		goto out;
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
