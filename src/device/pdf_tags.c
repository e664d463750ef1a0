/*
 * Tagged PDF for the PDF device (see pdf_tags.h): structure elements,
 * marked content in the page streams, the parent tree and the catalog
 * entries, through libharu's object API. Only PDF 1.4 structure features
 * are used (no /Tabs), so that PDF/A-1b stays valid.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "device/pdf_tags.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The standard structure type of each tag (PDF 1.4, section 9.7.4). */
static const char *const tag_names[DEV_TAG__MAX] = {
	[DEV_TAG_DOCUMENT] = "Document",
	[DEV_TAG_H1] = "H1", [DEV_TAG_H2] = "H2", [DEV_TAG_H3] = "H3",
	[DEV_TAG_H4] = "H4",
	[DEV_TAG_P] = "P",
	[DEV_TAG_L] = "L", [DEV_TAG_LI] = "LI", [DEV_TAG_LBL] = "Lbl",
	[DEV_TAG_LBODY] = "LBody",
	[DEV_TAG_BLOCKQUOTE] = "BlockQuote",
	[DEV_TAG_CODE] = "Code",
	[DEV_TAG_TABLE] = "Table", [DEV_TAG_TR] = "TR", [DEV_TAG_TH] = "TH",
	[DEV_TAG_TD] = "TD",
	[DEV_TAG_FIGURE] = "Figure",
	[DEV_TAG_LINK] = "Link",
	[DEV_TAG_FORM] = "Form",
	[DEV_TAG_SPAN] = "Span",
	[DEV_TAG_TOC] = "TOC", [DEV_TAG_TOCI] = "TOCI",
};

/* Which marked-content sequence is open in the current page's stream. */
#define MC_NONE		(-1)
#define MC_ARTIFACT	(-2)

struct tag_elem {
	HPDF_Dict	 dict;		/* the structure element */
	HPDF_Array	 kids;		/* its /K */
	HPDF_Page	 pg;		/* its /Pg: page of its first content */
	enum dev_tag	 tag;
	bool		 has_box;	/* figures: box[] holds content */
	double		 box[4];	/* l, b, r, t in PDF coordinates */
};

struct tag_page {
	HPDF_Page	 page;
	size_t		 first;		/* its MCIDs' owners: owners[first..] */
	size_t		 n;		/* number of MCIDs on the page */
};

struct tag_annot {
	int		 el;		/* the Link element */
	HPDF_Dict	 annot;
};

struct pdf_tags {
	HPDF_Doc	 pdf;		/* NULL outside a document */
	HPDF_Dict	 root;		/* StructTreeRoot, NULL until needed */
	HPDF_Array	 rootkids;
	struct tag_elem	*el;
	size_t		 nel, capel;
	int		*stack;		/* open elements, innermost last */
	size_t		 nstack, capstack;
	int		 artifact;	/* depth of artifact_begin */
	int		 unbalanced;	/* a close without an open */
	struct tag_page	*pages;
	size_t		 npages, cappages;
	int		*owners;	/* element of each MCID, by page */
	size_t		 nowners, capowners;
	struct tag_annot *annots;
	size_t		 nannots, capannots;
	int		 open;		/* element whose marked content is
					   open, or MC_NONE, MC_ARTIFACT */
	unsigned long	 untagged;	/* content outside any element */
	size_t		 untagged_page;	/* first page with some (1-based) */
	unsigned long	 noalt;		/* figures without alt text */
	size_t		 noalt_page;
	struct strbuf	 op;		/* scratch: operators */
};

struct pdf_tags *
pdf_tags_new(void)
{
	struct pdf_tags *t = xcalloc(1, sizeof(*t));

	t->open = MC_NONE;
	return t;
}

void
pdf_tags_free(struct pdf_tags *t)
{
	if (t == NULL)
		return;
	free(t->el);
	free(t->stack);
	free(t->pages);
	free(t->owners);
	free(t->annots);
	sb_free(&t->op);
	free(t);
}

void
pdf_tags_begin(struct pdf_tags *t, HPDF_Doc pdf)
{
	t->pdf = pdf;
	t->root = NULL;
	t->rootkids = NULL;
	t->nel = t->nstack = t->npages = t->nowners = t->nannots = 0;
	t->artifact = t->unbalanced = 0;
	t->open = MC_NONE;
	t->untagged = t->noalt = 0;
	t->untagged_page = t->noalt_page = 0;
}

/*
 * A PDF text string for UTF-8 s: UTF-16BE with a byte order mark, as a
 * hex string (libharu's own UTF-8 encoder is costly to set up per
 * document). Invalid bytes become U+FFFD.
 */
HPDF_Binary
pdf_text_string(HPDF_MMgr mm, const char *s)
{
	struct strbuf b = STRBUF_INIT;
	size_t i = 0, n = strlen(s), k;
	uint32_t cp;
	HPDF_Binary bin;

	sb_add(&b, "\xFE\xFF", 2);
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1;
		i += k;
		if (cp > 0xFFFF) {
			cp -= 0x10000;
			sb_addc(&b, (char)(0xD8 | (cp >> 18)));
			sb_addc(&b, (char)((cp >> 10) & 0xFF));
			cp = 0xDC00 | (cp & 0x3FF);
		}
		sb_addc(&b, (char)(cp >> 8));
		sb_addc(&b, (char)(cp & 0xFF));
	}
	bin = HPDF_Binary_New(mm, (HPDF_BYTE *)b.s, (HPDF_UINT)b.len);
	sb_free(&b);
	return bin;
}

/* Write operators into the content stream of the current page. */
static void
tags_write(struct pdf_tags *t, const char *s, size_t len)
{
	HPDF_Page pg = t->npages > 0 ? t->pages[t->npages - 1].page : NULL;

	if (pg != NULL)
		HPDF_Stream_Write(((HPDF_PageAttr)pg->attr)->stream,
		    (const HPDF_BYTE *)s, (HPDF_UINT)len);
}

/* Close the marked-content sequence open in the current page, if any. */
static void
tags_close_mc(struct pdf_tags *t)
{
	if (t->open != MC_NONE)
		tags_write(t, "EMC\n", 4);
	t->open = MC_NONE;
}

void
pdf_tags_page(struct pdf_tags *t, HPDF_Page page)
{
	struct tag_page *tp;

	if (t->pdf == NULL || page == NULL)
		return;
	tags_close_mc(t);
	t->pages = xgrow(t->pages, &t->cappages, t->npages + 1,
	    sizeof(*t->pages));
	tp = &t->pages[t->npages++];
	tp->page = page;
	tp->first = t->nowners;
	tp->n = 0;
}

/* The structure tree root, made when the first element needs it. */
static HPDF_Dict
tags_root(struct pdf_tags *t)
{
	HPDF_MMgr mm = t->pdf->mmgr;

	if (t->root != NULL)
		return t->root;
	if ((t->root = HPDF_Dict_New(mm)) == NULL ||
	    HPDF_Xref_Add(t->pdf->xref, t->root) != HPDF_OK ||
	    (t->rootkids = HPDF_Array_New(mm)) == NULL) {
		t->root = NULL;
		return NULL;
	}
	HPDF_Dict_AddName(t->root, "Type", "StructTreeRoot");
	HPDF_Dict_Add(t->root, "K", t->rootkids);
	return t->root;
}

/*
 * A new structure element of type tag, appended to the kids of element
 * parent (-1: the root). Its index, or -1 on a libharu error.
 */
static int
tags_elem(struct pdf_tags *t, enum dev_tag tag, int parent)
{
	HPDF_MMgr mm = t->pdf->mmgr;
	HPDF_Dict d, up;
	HPDF_Array kids, upkids;
	struct tag_elem *e;

	if (tags_root(t) == NULL)
		return -1;
	if ((d = HPDF_Dict_New(mm)) == NULL ||
	    HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK ||
	    (kids = HPDF_Array_New(mm)) == NULL)
		return -1;
	up = parent >= 0 ? t->el[parent].dict : t->root;
	upkids = parent >= 0 ? t->el[parent].kids : t->rootkids;
	HPDF_Dict_AddName(d, "S", tag_names[tag]);
	HPDF_Dict_Add(d, "P", up);
	HPDF_Dict_Add(d, "K", kids);
	HPDF_Array_Add(upkids, d);
	t->el = xgrow(t->el, &t->capel, t->nel + 1, sizeof(*t->el));
	e = &t->el[t->nel];
	memset(e, 0, sizeof(*e));
	e->dict = d;
	e->kids = kids;
	e->tag = tag;
	return (int)t->nel++;
}

static int
tags_innermost(const struct pdf_tags *t)
{
	return t->nstack > 0 ? t->stack[t->nstack - 1] : -1;
}

void
pdf_tags_open(struct pdf_tags *t, enum dev_tag tag, const char *alt)
{
	HPDF_MMgr mm;
	int el;

	if (t->pdf == NULL)
		return;
	if ((unsigned)tag >= DEV_TAG__MAX)
		tag = DEV_TAG_SPAN;
	mm = t->pdf->mmgr;
	el = tags_elem(t, tag, tags_innermost(t));
	t->stack = xgrow(t->stack, &t->capstack, t->nstack + 1,
	    sizeof(*t->stack));
	t->stack[t->nstack++] = el;
	if (el < 0)
		return;
	switch (tag) {
	case DEV_TAG_FORM:		/* e.g. the state of a tick box */
		if (alt != NULL && *alt != '\0')
			HPDF_Dict_Add(t->el[el].dict, "Alt",
			    pdf_text_string(mm, alt));
		break;
	case DEV_TAG_FIGURE:
		if (alt != NULL && *alt != '\0')
			HPDF_Dict_Add(t->el[el].dict, "Alt",
			    pdf_text_string(mm, alt));
		else if (t->noalt++ == 0)
			t->noalt_page = t->npages;
		break;
	case DEV_TAG_SPAN:
		if (alt != NULL && *alt != '\0')
			HPDF_Dict_Add(t->el[el].dict, "Lang",
			    HPDF_String_New(mm, alt, NULL));
		break;
	case DEV_TAG_TH: {
		HPDF_Dict a = HPDF_Dict_New(mm);

		if (a != NULL) {
			HPDF_Dict_AddName(a, "O", "Table");
			HPDF_Dict_AddName(a, "Scope", "Column");
			HPDF_Dict_Add(t->el[el].dict, "A", a);
		}
		break;
	}
	default:
		break;
	}
}

/* Give a figure its layout attributes: the bounding box of its content. */
static void
tags_figure_box(struct pdf_tags *t, const struct tag_elem *e)
{
	HPDF_MMgr mm = t->pdf->mmgr;
	HPDF_Dict a;
	HPDF_Array box;

	if (!e->has_box || (a = HPDF_Dict_New(mm)) == NULL)
		return;
	if (HPDF_Dict_Add(e->dict, "A", a) != HPDF_OK ||
	    (box = HPDF_Array_New(mm)) == NULL)
		return;
	HPDF_Dict_AddName(a, "O", "Layout");
	HPDF_Dict_Add(a, "BBox", box);
	for (int i = 0; i < 4; i++)
		HPDF_Array_AddReal(box, (HPDF_REAL)e->box[i]);
}

void
pdf_tags_close(struct pdf_tags *t)
{
	int el;

	if (t->nstack == 0) {
		t->unbalanced = 1;
		return;
	}
	el = t->stack[--t->nstack];
	if (el >= 0 && t->el[el].tag == DEV_TAG_FIGURE)
		tags_figure_box(t, &t->el[el]);
}

void
pdf_tags_artifact_begin(struct pdf_tags *t)
{
	t->artifact++;
}

void
pdf_tags_artifact_end(struct pdf_tags *t)
{
	if (t->artifact == 0)
		t->unbalanced = 1;
	else
		t->artifact--;
}

/* The innermost open element of type tag, or -1. */
static int
tags_find_open(const struct pdf_tags *t, enum dev_tag tag)
{
	for (size_t i = t->nstack; i-- > 0;)
		if (t->stack[i] >= 0 && t->el[t->stack[i]].tag == tag)
			return t->stack[i];
	return -1;
}

bool
pdf_tags_tagging(const struct pdf_tags *t)
{
	return t->pdf != NULL && t->artifact == 0 && t->nstack > 0;
}

int
pdf_tags_block(const struct pdf_tags *t)
{
	for (size_t i = t->nstack; i-- > 0;) {
		int el = t->stack[i];

		if (el >= 0 && t->el[el].tag != DEV_TAG_SPAN &&
		    t->el[el].tag != DEV_TAG_LINK)
			return el;
	}
	return -1;
}

bool
pdf_tags_in_figure(const struct pdf_tags *t)
{
	return t->artifact == 0 && tags_find_open(t, DEV_TAG_FIGURE) >= 0;
}

/* Add marked content number mcid of the current page to element e. */
static void
tags_add_mcid(struct pdf_tags *t, struct tag_elem *e, size_t mcid)
{
	HPDF_Page pg = t->pages[t->npages - 1].page;
	HPDF_Dict mcr;

	if (e->pg == NULL) {
		e->pg = pg;
		HPDF_Dict_Add(e->dict, "Pg", pg);
	}
	if (e->pg == pg) {
		HPDF_Array_AddNumber(e->kids, (HPDF_INT32)mcid);
		return;
	}
	/* Content on a later page: a marked-content reference. */
	if ((mcr = HPDF_Dict_New(t->pdf->mmgr)) == NULL)
		return;
	HPDF_Dict_AddName(mcr, "Type", "MCR");
	HPDF_Dict_Add(mcr, "Pg", pg);
	HPDF_Dict_AddNumber(mcr, "MCID", (HPDF_INT32)mcid);
	HPDF_Array_Add(e->kids, mcr);
}

/* Open marked content for element el (or an artifact) in the page. */
static void
tags_open_mc(struct pdf_tags *t, int el)
{
	struct tag_page *tp = &t->pages[t->npages - 1];
	struct strbuf *op = &t->op;

	tags_close_mc(t);
	sb_clear(op);
	if (el == MC_ARTIFACT)
		sb_adds(op, "/Artifact BMC\n");
	else {
		t->owners = xgrow(t->owners, &t->capowners, t->nowners + 1,
		    sizeof(*t->owners));
		t->owners[t->nowners++] = el;
		tags_add_mcid(t, &t->el[el], tp->n);
		sb_addf(op, "/%s<</MCID %zu>>BDC\n", tag_names[t->el[el].tag],
		    tp->n);
		tp->n++;
	}
	tags_write(t, sb_str(op), op->len);
	t->open = el;
}

/* Grow the bounding box of element el by a box. */
static void
tags_grow_box(struct tag_elem *e, double l, double b, double r, double tp)
{
	if (!e->has_box) {
		e->box[0] = l;
		e->box[1] = b;
		e->box[2] = r;
		e->box[3] = tp;
		e->has_box = true;
		return;
	}
	if (l < e->box[0])
		e->box[0] = l;
	if (b < e->box[1])
		e->box[1] = b;
	if (r > e->box[2])
		e->box[2] = r;
	if (tp > e->box[3])
		e->box[3] = tp;
}

void
pdf_tags_mark(struct pdf_tags *t, enum pdf_draw kind, double l, double b,
    double r, double tp, const char *alt)
{
	int want, el, fig;
	bool implicit = false;

	if (t->pdf == NULL || t->npages == 0)
		return;
	el = tags_innermost(t);
	if (t->artifact > 0)
		want = MC_ARTIFACT;
	else if (t->nstack == 0 || el < 0) {
		if (kind == PDF_DRAW_GRAPHIC)
			want = MC_ARTIFACT;
		else {
			/* Real content outside the structure: left as it is
			 * (a checker finds it) and reported in finish. */
			if (t->untagged++ == 0)
				t->untagged_page = t->npages;
			want = MC_NONE;
		}
	} else if (kind == PDF_DRAW_GRAPHIC &&
	    tags_find_open(t, DEV_TAG_FIGURE) < 0 &&
	    tags_find_open(t, DEV_TAG_FORM) < 0)
		want = MC_ARTIFACT;
	else {
		if (kind == PDF_DRAW_IMAGE && t->el[el].tag != DEV_TAG_FIGURE) {
			/* An image on its own is a figure of its own. */
			pdf_tags_open(t, DEV_TAG_FIGURE, alt);
			el = tags_innermost(t);
			implicit = true;
		}
		want = el;
	}
	if (want >= 0 && (fig = tags_find_open(t, DEV_TAG_FIGURE)) >= 0)
		tags_grow_box(&t->el[fig], l, b, r, tp);
	if (want == MC_NONE)
		tags_close_mc(t);
	else if (want != t->open)
		tags_open_mc(t, want);
	/* The figure's marked content stays open for the image itself; the
	 * next mark (or page, or finish) closes it. */
	if (implicit)
		pdf_tags_close(t);
}

int
pdf_tags_link(struct pdf_tags *t)
{
	int el;

	if (t->pdf == NULL || t->root == NULL)
		return -1;
	el = tags_innermost(t);
	if (el >= 0 && t->el[el].tag == DEV_TAG_LINK)
		return el;
	return tags_elem(t, DEV_TAG_LINK, el);
}

void
pdf_tags_annot(struct pdf_tags *t, int el, HPDF_Dict annot, HPDF_Page pg)
{
	HPDF_Dict objr;
	struct tag_elem *e;

	if (t->pdf == NULL || el < 0 || (size_t)el >= t->nel || annot == NULL)
		return;
	e = &t->el[el];
	if ((objr = HPDF_Dict_New(t->pdf->mmgr)) == NULL)
		return;
	HPDF_Dict_AddName(objr, "Type", "OBJR");
	HPDF_Dict_Add(objr, "Obj", annot);
	HPDF_Dict_Add(objr, "Pg", pg);
	HPDF_Array_Add(e->kids, objr);
	if (e->pg == NULL) {
		e->pg = pg;
		HPDF_Dict_Add(e->dict, "Pg", pg);
	}
	t->annots = xgrow(t->annots, &t->capannots, t->nannots + 1,
	    sizeof(*t->annots));
	t->annots[t->nannots].el = el;
	t->annots[t->nannots++].annot = annot;
}

/* Write the parent tree: for every page with marked content the owners
 * of its MCIDs, for every annotation its Link element. */
static HPDF_STATUS
tags_parent_tree(struct pdf_tags *t)
{
	HPDF_MMgr mm = t->pdf->mmgr;
	HPDF_Dict tree;
	HPDF_Array nums, arr;
	HPDF_STATUS ret = HPDF_OK;
	HPDF_INT32 key = 0;
	size_t i, k;

	/* Direct objects where the standard allows them: every indirect
	 * object costs some 40 bytes, which counts in one-page files. */
	if ((tree = HPDF_Dict_New(mm)) == NULL ||
	    (nums = HPDF_Array_New(mm)) == NULL)
		return HPDF_FAILD_TO_ALLOC_MEM;
	ret |= HPDF_Dict_Add(tree, "Nums", nums);
	for (i = 0; i < t->npages; i++) {
		const struct tag_page *tp = &t->pages[i];

		if (tp->n == 0)
			continue;
		if ((arr = HPDF_Array_New(mm)) == NULL)
			return HPDF_FAILD_TO_ALLOC_MEM;
		for (k = 0; k < tp->n; k++)
			ret |= HPDF_Array_Add(arr,
			    t->el[t->owners[tp->first + k]].dict);
		ret |= HPDF_Array_AddNumber(nums, key);
		ret |= HPDF_Array_Add(nums, arr);
		ret |= HPDF_Dict_AddNumber(tp->page, "StructParents", key++);
	}
	for (i = 0; i < t->nannots; i++) {
		ret |= HPDF_Array_AddNumber(nums, key);
		ret |= HPDF_Array_Add(nums, t->el[t->annots[i].el].dict);
		ret |= HPDF_Dict_AddNumber(t->annots[i].annot, "StructParent",
		    key++);
	}
	ret |= HPDF_Dict_Add(t->root, "ParentTree", tree);
	ret |= HPDF_Dict_AddNumber(t->root, "ParentTreeNextKey", key);
	return ret;
}

/* Shorten every /K of one MCID to the number itself, drop empty ones. */
static void
tags_compact(struct pdf_tags *t)
{
	for (size_t i = 0; i < t->nel; i++) {
		struct tag_elem *e = &t->el[i];
		HPDF_Obj_Header *h;

		if (e->kids->list->count == 0) {
			HPDF_Dict_RemoveElement(e->dict, "K");
			continue;
		}
		if (e->kids->list->count != 1)
			continue;
		h = HPDF_List_ItemAt(e->kids->list, 0);
		if ((h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_NUMBER)
			HPDF_Dict_AddNumber(e->dict, "K",
			    ((HPDF_Number)(void *)h)->value);
	}
}

int
pdf_tags_finish(struct pdf_tags *t, const char *path)
{
	HPDF_MMgr mm;
	HPDF_Dict mark, prefs;
	HPDF_STATUS ret = HPDF_OK;

	if (t->pdf == NULL)
		return -1;
	tags_close_mc(t);
	if (t->nstack != 0 || t->artifact != 0 || t->unbalanced)
		diag(DIAG_WARNING, path, 0, 0, "internal: structure tags or "
		    "artifacts do not nest");
	if (t->root == NULL)
		return 0;		/* no structure: not a tagged PDF */
	if (t->noalt > 0)
		diag(DIAG_WARNING, path, 0, 0, "page %zu: %s without "
		    "alternative text", t->noalt_page, t->noalt == 1 ?
		    "a figure" : "figures");
	if (t->untagged > 0)
		diag(DIAG_WARNING, path, 0, 0, "internal: page %zu: %lu text "
		    "run(s) or image(s) outside any structure element",
		    t->untagged_page, t->untagged);
	mm = t->pdf->mmgr;
	if (t->pdf->pdf_version < HPDF_VER_14)
		t->pdf->pdf_version = HPDF_VER_14;
	ret |= tags_parent_tree(t);
	tags_compact(t);
	ret |= HPDF_Dict_Add(t->pdf->catalog, "StructTreeRoot", t->root);
	if ((mark = HPDF_Dict_New(mm)) == NULL ||
	    (prefs = HPDF_Dict_New(mm)) == NULL)
		return -1;
	ret |= HPDF_Dict_Add(t->pdf->catalog, "MarkInfo", mark);
	ret |= HPDF_Dict_Add(mark, "Marked", HPDF_Boolean_New(mm, HPDF_TRUE));
	ret |= HPDF_Dict_Add(t->pdf->catalog, "ViewerPreferences", prefs);
	ret |= HPDF_Dict_Add(prefs, "DisplayDocTitle",
	    HPDF_Boolean_New(mm, HPDF_TRUE));
	return ret == HPDF_OK ? 0 : -1;
}
