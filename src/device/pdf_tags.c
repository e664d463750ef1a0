/*
 * Tagged PDF for the PDF device (see pdf_tags.h): structure elements,
 * marked content in the page streams, the parent tree and the catalog
 * entries, through libharu's object API. Only PDF 1.4 structure features
 * are used (no /Tabs), so that PDF/A-1b stays valid.
 */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
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

/*
 * The structure is kept in plain arrays while the document is drawn and
 * written at the end by our own write callbacks, as compactly as PDF
 * allows ("<</S/P/P 9 0 R/Pg 5 0 R/K 3>>"): in PDF 1.4 (no object
 * streams) every structure element is an indirect object of its own, and
 * libharu's generic writer spends a line per key on each.
 */
struct tag_elem {
	enum dev_tag	 tag;
	bool		 div;		/* a Div its parent's kids spill into */
	bool		 has_box;	/* figures: box[] holds content */
	int		 parent;	/* index, or -1 for the root */
	int		 spill;		/* 1 + the Div further kids go into
					   once the kids are full; 0 = none */
	size_t		 nkids;		/* kids so far */
	size_t		 alt;		/* 1 + offset of /Alt (or /Lang of a
					   span) in strs; 0 = none */
	HPDF_Page	 pg;		/* its /Pg: page of its first content */
	double		 box[4];	/* l, b, r, t in PDF coordinates */
};

/* A kid of an element, in reading order. */
enum kid_kind {
	KID_ELEM,			/* a structure element */
	KID_MCID,			/* marked content on a page */
	KID_OBJR,			/* an annotation */
	KID__MAX
};

struct tag_kid {
	int		 owner;		/* element, -1 for the root */
	enum kid_kind	 kind;
	size_t		 n;		/* element index, MCID, annotation */
	HPDF_Page	 pg;		/* MCID, OBJR: its page */
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

/* What one of our objects is, for the write callback (dict->attr). */
enum tag_objkind {
	OBJ_ELEM,			/* structure element n */
	OBJ_ROOT,			/* the StructTreeRoot */
	OBJ_LEAF,			/* leaf n of a large parent tree */
	OBJ__MAX
};

struct tag_obj {
	struct pdf_tags	*t;
	enum tag_objkind kind;
	size_t		 n;
};

struct pdf_tags {
	HPDF_Doc	 pdf;		/* NULL outside a document */
	struct tag_elem	*el;
	size_t		 nel, capel;
	struct tag_kid	*kids;		/* all kids, in the order made */
	size_t		 nkids, capkids;
	size_t		*kidx;		/* at the end: kids sorted by owner */
	size_t		*kfirst;	/* kidx[kfirst[e + 1]..] are e's */
	HPDF_Dict	*dicts;		/* at the end: element objects */
	HPDF_Dict	 root;		/* at the end: StructTreeRoot */
	struct tag_obj	*objs;		/* attr of the objects we write */
	size_t		 nleaves;	/* leaves of the parent tree */
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
	struct strbuf	 strs;		/* alternative texts, NUL-separated */
	struct strbuf	 op;		/* scratch: operators, objects */
};

struct pdf_tags *
pdf_tags_new(void)
{
	struct pdf_tags *t = xcalloc(1, sizeof(*t));

	t->open = MC_NONE;
	return t;
}

/* Forget the arrays made when the last document was written. */
static void
tags_drop_written(struct pdf_tags *t)
{
	free(t->kidx);
	free(t->kfirst);
	free(t->dicts);
	free(t->objs);
	t->kidx = t->kfirst = NULL;
	t->dicts = NULL;
	t->objs = NULL;
	t->root = NULL;
	t->nleaves = 0;
}

void
pdf_tags_free(struct pdf_tags *t)
{
	if (t == NULL)
		return;
	tags_drop_written(t);
	free(t->el);
	free(t->kids);
	free(t->stack);
	free(t->pages);
	free(t->owners);
	free(t->annots);
	sb_free(&t->strs);
	sb_free(&t->op);
	free(t);
}

void
pdf_tags_begin(struct pdf_tags *t, HPDF_Doc pdf)
{
	/* The objects of the last document may still be written out by
	 * it (its save follows finish), so they go only now. */
	tags_drop_written(t);
	t->pdf = pdf;
	t->nel = t->nkids = t->nstack = t->npages = t->nowners = 0;
	t->nannots = 0;
	t->artifact = t->unbalanced = 0;
	t->open = MC_NONE;
	t->untagged = t->noalt = 0;
	t->untagged_page = t->noalt_page = 0;
	sb_clear(&t->strs);
}

/*
 * A PDF text string for UTF-8 s: UTF-16BE with a byte order mark (the
 * bytes; libharu's own UTF-8 encoder is costly to set up per document).
 * Invalid bytes become U+FFFD.
 */
static void
tags_utf16(struct strbuf *b, const char *s)
{
	size_t i = 0, n = strlen(s), k;
	uint32_t cp;

	sb_add(b, "\xFE\xFF", 2);
	while (i < n) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1;
		i += k;
		if (cp > 0xFFFF) {
			cp -= 0x10000;
			sb_addc(b, (char)(0xD8 | (cp >> 18)));
			sb_addc(b, (char)((cp >> 10) & 0xFF));
			cp = 0xDC00 | (cp & 0x3FF);
		}
		sb_addc(b, (char)(cp >> 8));
		sb_addc(b, (char)(cp & 0xFF));
	}
}

/* A PDF text string for UTF-8 s as a libharu object (see tags_utf16). */
char *
pdf_text_cut(const char *s, bool *cut)
{
	size_t i = 0, n = strlen(s), chars = 0, k;
	uint32_t cp;

	/* Cut at a character boundary, then "…". */
	while (i < n && chars < PDF_MAX_TEXT_STRING) {
		if ((k = utf8_decode(s + i, n - i, &cp)) == 0)
			k = 1;
		i += k;
		chars++;
	}
	if (cut != NULL)
		*cut = i < n;
	return i < n ? xasprintf("%.*s\xe2\x80\xa6", (int)i, s) :
	    xstrdup(s);
}

HPDF_Binary
pdf_text_string(HPDF_MMgr mm, const char *s, bool *cut)
{
	struct strbuf b = STRBUF_INIT;
	HPDF_Binary bin;
	char *copy = pdf_text_cut(s, cut);

	tags_utf16(&b, copy);
	free(copy);
	bin = HPDF_Binary_New(mm, (HPDF_BYTE *)b.s, (HPDF_UINT)b.len);
	sb_free(&b);
	return bin;
}

/* Append the decimal digits of n (printf is a third of the cost of
 * writing the tree otherwise). */
static void
tags_uint(struct strbuf *b, size_t n)
{
	char d[24];
	size_t i = sizeof(d);

	do
		d[--i] = (char)('0' + n % 10);
	while ((n /= 10) > 0);
	sb_add(b, d + i, sizeof(d) - i);
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


/*
 * Arrays hold at most 8191 entries, in libharu and in PDF/A-1 alike. A
 * structure element with more kids (the Document of a combined file of
 * thousands of certificates) puts the rest into a Div in its last place,
 * and that Div does the same: the reading order stays as it was.
 */
#define TAGS_MAX_KIDS	4096

/* Append a kid to element owner (-1: the root). */
static void
tags_add_kid(struct pdf_tags *t, int owner, enum kid_kind kind, size_t n,
    HPDF_Page pg)
{
	struct tag_kid *k;

	t->kids = xgrow(t->kids, &t->capkids, t->nkids + 1, sizeof(*t->kids));
	k = &t->kids[t->nkids++];
	k->owner = owner;
	k->kind = kind;
	k->n = n;
	k->pg = pg;
	if (owner >= 0)
		t->el[owner].nkids++;
}

/* A new element appended to the kids of up (-1: the root); its index. */
static int
tags_new(struct pdf_tags *t, enum dev_tag tag, bool div, int up)
{
	struct tag_elem *e;

	t->el = xgrow(t->el, &t->capel, t->nel + 1, sizeof(*t->el));
	e = &t->el[t->nel];
	memset(e, 0, sizeof(*e));
	e->tag = tag;
	e->div = div;
	e->parent = up;
	tags_add_kid(t, up, KID_ELEM, t->nel, NULL);
	return (int)t->nel++;
}

/* The element that takes a new kid of element parent: parent itself, or
 * the Div its kids spill into. -1 for the root. */
static int
tags_host(struct pdf_tags *t, int parent)
{
	int div;

	while (parent >= 0) {
		if (t->el[parent].spill > 0) {
			parent = t->el[parent].spill - 1;
			continue;
		}
		if (t->el[parent].nkids < TAGS_MAX_KIDS - 1)
			return parent;
		div = tags_new(t, t->el[parent].tag, true, parent);
		t->el[parent].spill = div + 1;
		parent = div;
	}
	return parent;
}

/* A new structure element of type tag, appended to the kids of element
 * parent (-1: the root). Its index. */
static int
tags_elem(struct pdf_tags *t, enum dev_tag tag, int parent)
{
	return tags_new(t, tag, false, tags_host(t, parent));
}

static int
tags_innermost(const struct pdf_tags *t)
{
	return t->nstack > 0 ? t->stack[t->nstack - 1] : -1;
}

/* Keep string s for element el (its /Alt, or /Lang of a span). */
static void
tags_keep_alt(struct pdf_tags *t, int el, const char *s)
{
	t->el[el].alt = t->strs.len + 1;
	sb_adds(&t->strs, s);
	sb_addc(&t->strs, '\0');
}

void
pdf_tags_open(struct pdf_tags *t, enum dev_tag tag, const char *alt)
{
	bool has_alt = alt != NULL && *alt != '\0';
	int el;

	if (t->pdf == NULL)
		return;
	if ((unsigned)tag >= DEV_TAG__MAX)
		tag = DEV_TAG_SPAN;
	el = tags_elem(t, tag, tags_innermost(t));
	t->stack = xgrow(t->stack, &t->capstack, t->nstack + 1,
	    sizeof(*t->stack));
	t->stack[t->nstack++] = el;
	if (tag == DEV_TAG_FIGURE && !has_alt && t->noalt++ == 0)
		t->noalt_page = t->npages;
	if (has_alt && (tag == DEV_TAG_FORM || tag == DEV_TAG_FIGURE ||
	    tag == DEV_TAG_SPAN))
		tags_keep_alt(t, el, alt);
}

void
pdf_tags_close(struct pdf_tags *t)
{
	if (t->nstack == 0) {
		t->unbalanced = 1;
		return;
	}
	t->nstack--;
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
		if (t->el[t->stack[i]].tag == tag)
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

		if (t->el[el].tag != DEV_TAG_SPAN &&
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
		if (t->el[el].pg == NULL)
			t->el[el].pg = tp->page;
		tags_add_kid(t, el, KID_MCID, tp->n, tp->page);
		sb_addc(op, '/');
		sb_adds(op, tag_names[t->el[el].tag]);
		sb_adds(op, "<</MCID ");
		tags_uint(op, tp->n);
		sb_adds(op, ">>BDC\n");
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
	else if (el < 0) {
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

	if (t->pdf == NULL || t->nel == 0)
		return -1;
	el = tags_innermost(t);
	if (el >= 0 && t->el[el].tag == DEV_TAG_LINK)
		return el;
	return tags_elem(t, DEV_TAG_LINK, el);
}

void
pdf_tags_annot(struct pdf_tags *t, int el, HPDF_Dict annot, HPDF_Page pg)
{
	if (t->pdf == NULL || el < 0 || (size_t)el >= t->nel || annot == NULL)
		return;
	tags_add_kid(t, el, KID_OBJR, t->nannots, pg);
	if (t->el[el].pg == NULL)
		t->el[el].pg = pg;
	t->annots = xgrow(t->annots, &t->capannots, t->nannots + 1,
	    sizeof(*t->annots));
	t->annots[t->nannots].el = el;
	t->annots[t->nannots++].annot = annot;
}

/* The object number of an indirect libharu object. */
static unsigned long
tags_id(const void *obj)
{
	return (unsigned long)(((const HPDF_Obj_Header *)obj)->obj_id &
	    0x00FFFFFF);
}

/* Append " N 0 R" (the space only where needed) for object obj. */
static void
tags_ref(struct strbuf *b, const void *obj)
{
	if (b->len > 0 && b->s[b->len - 1] != '[' && b->s[b->len - 1] != '>')
		sb_addc(b, ' ');
	tags_uint(b, tags_id(obj));
	sb_add(b, " 0 R", 4);
}

/* Append a number with up to two decimals, as short as it gets. */
static void
tags_num(struct strbuf *b, double v)
{
	char s[40];
	int n;

	if (!isfinite(v))
		v = 0;
	n = snprintf(s, sizeof(s), "%.2f", v);
	while (n > 0 && s[n - 1] == '0')
		n--;
	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 2 && s[0] == '-' && s[1] == '0')
		s[(n = 1) - 1] = '0';
	sb_addc(b, ' ');
	sb_add(b, s, (size_t)n);
}

/* Append a PDF hex string holding UTF-8 s as UTF-16BE. */
static void
tags_hexstring(struct strbuf *b, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	struct strbuf u = STRBUF_INIT;

	tags_utf16(&u, s);
	sb_addc(b, '<');
	for (size_t i = 0; i < u.len; i++) {
		sb_addc(b, hex[(unsigned char)u.s[i] >> 4]);
		sb_addc(b, hex[(unsigned char)u.s[i] & 15]);
	}
	sb_addc(b, '>');
	sb_free(&u);
}

/* Append kid k of an element whose /Pg is pg. */
static void
tags_write_kid(struct pdf_tags *t, struct strbuf *b, const struct tag_kid *k,
    HPDF_Page pg)
{
	switch (k->kind) {
	case KID_ELEM:
		tags_ref(b, t->dicts[k->n]);
		break;
	case KID_MCID:
		if (k->pg == pg) {
			if (b->s[b->len - 1] != '[')
				sb_addc(b, ' ');
			tags_uint(b, k->n);
			break;
		}
		/* Content on another page: a marked-content reference. */
		sb_adds(b, "<</Type/MCR/Pg");
		tags_ref(b, k->pg);
		sb_adds(b, "/MCID ");
		tags_uint(b, k->n);
		sb_adds(b, ">>");
		break;
	case KID_OBJR:
		sb_adds(b, "<</Type/OBJR/Pg");
		tags_ref(b, k->pg);
		sb_adds(b, "/Obj");
		tags_ref(b, t->annots[k->n].annot);
		sb_adds(b, ">>");
		break;
	default:
		break;
	}
}

/* Append the body of structure element n (between << and >>). */
static void
tags_write_elem(struct pdf_tags *t, struct strbuf *b, size_t n)
{
	const struct tag_elem *e = &t->el[n];
	size_t first = t->kfirst[n + 1], count = t->kfirst[n + 2] - first;

	sb_adds(b, "/S/");
	sb_adds(b, e->div ? "Div" : tag_names[e->tag]);
	sb_adds(b, "/P");
	tags_ref(b, e->parent >= 0 ? (void *)t->dicts[e->parent] :
	    (void *)t->root);
	if (e->pg != NULL) {
		sb_adds(b, "/Pg");
		tags_ref(b, e->pg);
	}
	if (count == 1 && (t->kids[t->kidx[first]].kind == KID_ELEM ||
	    (t->kids[t->kidx[first]].kind == KID_MCID &&
	    t->kids[t->kidx[first]].pg == e->pg))) {
		/* One kid: the kid itself, no array. */
		sb_adds(b, "/K");
		tags_write_kid(t, b, &t->kids[t->kidx[first]], e->pg);
	} else if (count > 0) {
		sb_adds(b, "/K[");
		for (size_t i = 0; i < count; i++)
			tags_write_kid(t, b, &t->kids[t->kidx[first + i]],
			    e->pg);
		sb_addc(b, ']');
	}
	if (e->alt > 0 && !e->div) {
		const char *s = t->strs.s + e->alt - 1;

		if (e->tag == DEV_TAG_SPAN) {
			/* A language tag: printable ASCII by the caller. */
			sb_adds(b, "/Lang(");
			for (; *s != '\0'; s++)
				if (*s > ' ' && *s < 127 && *s != '(' &&
				    *s != ')' && *s != '\\')
					sb_addc(b, *s);
			sb_addc(b, ')');
		} else {
			sb_adds(b, "/Alt");
			tags_hexstring(b, s);
		}
	}
	if (e->div)
		return;
	if (e->tag == DEV_TAG_TH)
		sb_adds(b, "/A<</O/Table/Scope/Column>>");
	else if (e->tag == DEV_TAG_FIGURE && e->has_box) {
		/* Layout attributes: the bounding box of its content. */
		sb_adds(b, "/A<</O/Layout/BBox[");
		for (int i = 0; i < 4; i++)
			tags_num(b, e->box[i]);
		sb_adds(b, "]>>");
	}
}

#define TAGS_LEAF_KEYS	1024	/* keys in one leaf of a large parent tree */

/* The number of keys in the parent tree: pages with marked content, then
 * annotations. */
static size_t
tags_nkeys(const struct pdf_tags *t)
{
	size_t n = t->nannots;

	for (size_t i = 0; i < t->npages; i++)
		n += t->pages[i].n > 0;
	return n;
}

/* Append the /Nums entries of the parent tree for keys from..to-1, given
 * as page or annotation indices in keys[]. */
static void
tags_write_nums(struct pdf_tags *t, struct strbuf *b, const size_t *keys,
    size_t from, size_t to)
{
	sb_adds(b, "/Nums[");
	for (size_t k = from; k < to; k++) {
		if (k > from)
			sb_addc(b, ' ');
		tags_uint(b, k);
		if (keys[k] < t->npages) {
			const struct tag_page *tp = &t->pages[keys[k]];

			sb_addc(b, '[');
			for (size_t i = 0; i < tp->n; i++)
				tags_ref(b, t->dicts[t->owners[tp->first +
				    i]]);
			sb_addc(b, ']');
		} else
			tags_ref(b, t->dicts[t->annots[keys[k] -
			    t->npages].el]);
	}
	sb_addc(b, ']');
}

/* The keys of the parent tree in order: page index, or npages + the
 * annotation's index. Allocated; nkeys entries. */
static size_t *
tags_keys(const struct pdf_tags *t, size_t nkeys)
{
	size_t *keys = xcalloc(nkeys + 1, sizeof(*keys)), k = 0;

	for (size_t i = 0; i < t->npages; i++)
		if (t->pages[i].n > 0)
			keys[k++] = i;
	for (size_t i = 0; i < t->nannots; i++)
		keys[k++] = t->npages + i;
	return keys;
}

/* Append the body of the structure tree root, with the parent tree: the
 * owners of every page's MCIDs and the Link element of every annotation,
 * as direct arrays (in leaves of TAGS_LEAF_KEYS keys when large, since
 * one /Nums array holds at most 8191 entries). */
static void
tags_write_root(struct pdf_tags *t, struct strbuf *b)
{
	size_t nkeys = tags_nkeys(t), *keys;

	sb_adds(b, "/Type/StructTreeRoot/K[");
	for (size_t i = t->kfirst[0]; i < t->kfirst[1]; i++)
		tags_ref(b, t->dicts[t->kids[t->kidx[i]].n]);
	sb_adds(b, "]/ParentTree<<");
	if (t->nleaves == 0) {
		keys = tags_keys(t, nkeys);
		tags_write_nums(t, b, keys, 0, nkeys);
		free(keys);
	} else {
		sb_adds(b, "/Kids[");
		for (size_t i = 0; i < t->nleaves; i++)
			tags_ref(b, t->dicts[t->nel + i]);
		sb_addc(b, ']');
	}
	sb_addf(b, ">>/ParentTreeNextKey %zu", nkeys);
}

/* Append the body of leaf n of a large parent tree. */
static void
tags_write_leaf(struct pdf_tags *t, struct strbuf *b, size_t n)
{
	size_t nkeys = tags_nkeys(t), from = n * TAGS_LEAF_KEYS, to, *keys;

	to = from + TAGS_LEAF_KEYS < nkeys ? from + TAGS_LEAF_KEYS : nkeys;
	keys = tags_keys(t, nkeys);
	sb_addf(b, "/Limits[%zu %zu]", from, to - 1);
	tags_write_nums(t, b, keys, from, to);
	free(keys);
}

/* libharu's write callback of our objects: their whole body, written by
 * the dictionary's writer between "<<" and ">>". */
static HPDF_STATUS
tags_on_write(HPDF_Dict dict, HPDF_Stream stream)
{
	const struct tag_obj *o = dict->attr;
	struct pdf_tags *t;
	struct strbuf *b;

	if (o == NULL)
		return HPDF_OK;
	t = o->t;
	b = &t->op;
	sb_clear(b);
	switch (o->kind) {
	case OBJ_ELEM:
		tags_write_elem(t, b, o->n);
		break;
	case OBJ_ROOT:
		tags_write_root(t, b);
		break;
	case OBJ_LEAF:
		tags_write_leaf(t, b, o->n);
		break;
	default:
		break;
	}
	return HPDF_Stream_Write(stream, (const HPDF_BYTE *)sb_str(b),
	    (HPDF_UINT)b->len);
}

/* A new indirect object of ours, written by tags_on_write as o says. */
static HPDF_Dict
tags_object(struct pdf_tags *t, struct tag_obj *o)
{
	HPDF_Dict d = HPDF_Dict_New(t->pdf->mmgr);

	if (d == NULL || HPDF_Xref_Add(t->pdf->xref, d) != HPDF_OK)
		return NULL;	/* HPDF_Xref_Add frees d on failure */
	d->attr = o;
	d->write_fn = tags_on_write;
	return d;
}

/* Sort the kids by owner (stable, so each owner's stay in reading order):
 * kidx[kfirst[s]..kfirst[s + 1]] are the kids of slot s, where slot 0 is
 * the root and slot e + 1 element e. */
static void
tags_sort_kids(struct pdf_tags *t)
{
	size_t nslots = t->nel + 1, *next;

	t->kfirst = xcalloc(nslots + 1, sizeof(*t->kfirst));
	t->kidx = xcalloc(t->nkids + 1, sizeof(*t->kidx));
	for (size_t i = 0; i < t->nkids; i++)
		t->kfirst[t->kids[i].owner + 2]++;
	for (size_t s = 1; s <= nslots; s++)
		t->kfirst[s] += t->kfirst[s - 1];
	next = xcalloc(nslots, sizeof(*next));
	memcpy(next, t->kfirst, nslots * sizeof(*next));
	for (size_t i = 0; i < t->nkids; i++)
		t->kidx[next[t->kids[i].owner + 1]++] = i;
	free(next);
}

/* Make the objects of the structure tree and number the parent tree's
 * keys on the pages and annotations. */
static int
tags_objects(struct pdf_tags *t)
{
	size_t nkeys = tags_nkeys(t), key = 0, i;
	HPDF_STATUS ret = HPDF_OK;

	t->nleaves = nkeys > TAGS_LEAF_KEYS ?
	    (nkeys + TAGS_LEAF_KEYS - 1) / TAGS_LEAF_KEYS : 0;
	t->dicts = xcalloc(t->nel + t->nleaves + 1, sizeof(*t->dicts));
	t->objs = xcalloc(t->nel + t->nleaves + 1, sizeof(*t->objs));
	for (i = 0; i <= t->nel + t->nleaves; i++) {
		t->objs[i].t = t;
		t->objs[i].kind = i < t->nel ? OBJ_ELEM : i < t->nel +
		    t->nleaves ? OBJ_LEAF : OBJ_ROOT;
		t->objs[i].n = i < t->nel ? i : i - t->nel;
	}
	if ((t->root = tags_object(t, &t->objs[t->nel + t->nleaves])) ==
	    NULL)
		return -1;
	for (i = 0; i < t->nel + t->nleaves; i++)
		if ((t->dicts[i] = tags_object(t, &t->objs[i])) == NULL)
			return -1;
	for (i = 0; i < t->npages; i++)
		if (t->pages[i].n > 0)
			ret |= HPDF_Dict_AddNumber(t->pages[i].page,
			    "StructParents", (HPDF_INT32)key++);
	for (i = 0; i < t->nannots; i++)
		ret |= HPDF_Dict_AddNumber(t->annots[i].annot, "StructParent",
		    (HPDF_INT32)key++);
	return ret == HPDF_OK ? 0 : -1;
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
	if (t->nel == 0)
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
	tags_drop_written(t);
	tags_sort_kids(t);
	if (tags_objects(t) != 0)
		return -1;
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
