/*
 * Links, destinations and bookmarks of the PDF device: collected while the
 * pages are drawn, and made into link annotations and the outline at the
 * end of the document, when every destination is known.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "device/device.h"
#include "device/pdf_priv.h"
#include "device/pdf_tags.h"
#include "util/diag.h"
#include "util/utf8.h"
#include "util/xalloc.h"

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
void
pdf_link_uri(struct device *d, double x, double y, double w, double h,
    const char *uri)
{
	struct pdf_dev *p = pdf_of(d);
	HPDF_Annotation a;
	int el;

	/* Longer targets are left out (with a warning) by the Markdown
	 * conversion; libharu would fail the document on one. */
	if (p->page == NULL || uri == NULL || *uri == '\0' ||
	    strlen(uri) > PDF_MAX_TEXT_STRING ||
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
void
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
void
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
void
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
void
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
void
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
		bool cut = false;

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
		HPDF_Dict_Add(o, "Title", pdf_text_string(p->pdf->mmgr,
		    m->title, &cut));
		if (cut)
			diag(DIAG_WARNING, m->src.file, m->src.line, 0,
			    "heading of %zu characters: its bookmark is "
			    "shortened to the first %d", utf8_len(m->title,
			    strlen(m->title)), PDF_MAX_TEXT_STRING);
		HPDF_Dict_Add(o, "Dest", dst);
		HPDF_Outline_SetOpened(o, HPDF_FALSE);
		stack[level - 1] = o;
		depth = level;
	}
}

