/*
 * The layout engine (see layout.h). Three steps:
 *
 *  1. flow: every block of the tree becomes vertical items (text lines,
 *     glue, rules, images, table rows as boxes) in one list, each line
 *     already broken and its words placed; per-kind handlers in flow_acts[];
 *  2. paginate: the list is cut into pages at allowed points (no widows,
 *     orphans, headings without the next two lines, short closing
 *     paragraphs alone, or group rows without two of their rows); table
 *     header rows and the current group row repeat on the next page;
 *  3. draw: each page goes to the device with its running head and foot,
 *     destinations, bookmarks, links and structure tags.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/font.h"
#include "layout/hyph.h"
#include "layout/layout.h"
#include "layout/linebreak.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/utf8.h"
#include "util/xalloc.h"

#define MAX_DEPTH	24	/* nesting levels indented; deeper ones flat */
#define MAX_BARS	8	/* quote bars drawn */
#define LIST_INDENT	18	/* points per list level */
#define QUOTE_INDENT	16	/* points per quote level */
#define TOC_NUM_W	36	/* width of the page number column */
#define NONE		((size_t)-1)

/* A piece of text placed on a line. */
struct frag {
	double		 x, w;		/* absolute left end, width */
	struct font	*font;
	double		 size;
	struct dev_color color;
	const char	*s;		/* not owned */
	size_t		 len;
	const char	*uri;		/* link target, or NULL */
	int		 xref;		/* internal link: destination + 1;
					   0 = uri is external */
	bool		 label;		/* a list item's bullet or number */
};

/* Where a block sits horizontally and what decorates its lines. */
struct fctx {
	double		 left, right;	/* absolute x of the text column */
	int		 depth;		/* nesting level */
	int		 nbars;		/* quote bars at bar_x[] */
	double		 bar_x[MAX_BARS];
	bool		 code;		/* code background */
	double		 code_x0, code_x1;
};

enum vkind {
	V_LINE,			/* text (frags), maybe with decorations */
	V_GLUE,			/* vertical space, dropped at page breaks */
	V_RULE,			/* a horizontal line at mid-height */
	V_IMAGE,
	V_BOX,			/* a table row: kids placed at dy */
	V_BREAK,		/* forced page break */
	V_DRAWING,
	V_FILL,			/* a line to write on at the baseline */
	V__MAX
};

struct vitem {
	enum vkind	 kind;
	bool		 keep_prev;	/* no page break before this item */
	bool		 weak_break;	/* kept, but the break to take when
					   its keep group fills a page */
	double		 h;		/* advance */
	double		 asc;		/* baseline below the top */
	double		 dy;		/* in a box: top below the box top */
	double		 x, w;		/* rules, images, fills, boxes */
	struct frag	*frags;
	size_t		 nfrags, fragcap;
	unsigned char	*opens;		/* tags to begin before drawing */
	size_t		 nopens;
	int		 ncloses;	/* tags to end after drawing */
	int		 dest;		/* heading destination, or -1 */
	int		 level;		/* heading level for bookmarks */
	char		*title;		/* heading text (owned) */
	int		 toc_dest;	/* TOC entry: target, or -1 */
	bool		 toc_num;	/* draw the target's page number */
	double		 toc_end;	/* where the entry's text ends */
	struct font	*toc_font;
	double		 toc_size;
	const struct fctx *ctx;		/* decorations, or NULL */
	struct vitem	*kids;		/* V_BOX */
	size_t		 nkids, kidcap;
	int		 table;		/* table rows: table number, else -1 */
	bool		 header;	/* a repeated header row */
	bool		 group;		/* a group row (doc_block.group) */
	int		 grp;		/* table rows: the continuation of
					   their group's row in lay.reps,
					   or -1 */
	double		 line_w;	/* rules: stroke width */
	const struct doc_block *blk;	/* images, drawings; headings and
					   TOC entries: their source */
	int		 tick;		/* -1 none, 0 empty box, 1 ticked */
};

struct vlist {
	struct vitem	*v;
	size_t		 n, cap;
};

struct page {
	size_t	 first, end;		/* items [first, end) */
	size_t	 rep_first, rep_n;	/* repeated table header rows */
	size_t	 rep_grp;		/* repeated group row (lay.reps), or
					   NONE */
	const char *chapter;		/* for {{chapter}} */
};

struct lay {
	bool			 relabel;	/* page numbers start again */
	const struct doc	*doc;
	const struct template	*t;
	struct device		*dev;
	struct vlist		 vl;
	double			 pending;	/* space before the next block */
	int			 keep_next;	/* items to keep with the last */
	bool			 keep_all;	/* inside a keep group */
	unsigned char		 opens[64];	/* tags waiting for content */
	size_t			 nopens;
	size_t			 last_drawn;	/* last content item, NONE */
	struct fctx		**ctxs;		/* owned decoration contexts */
	size_t			 nctxs, ctxcap;
	int			 ndests;
	int			 ntables;
	size_t			*tbl_hdr_first;	/* per table */
	size_t			*tbl_hdr_n;
	size_t			 tblcap, tblcap2;
	struct vlist		 reps;		/* group rows marked continued */
	struct doc_block	**conts;	/* their rows' blocks (owned) */
	size_t			 nconts, contcap;
	const struct frag	*label;		/* list label for next line */
	bool			 bare_para;	/* next paragraph: no P tag (the
						   only one of a list item or
						   table cell) */
	struct frag		 label_buf;
	char			**strs;		/* owned label texts */
	size_t			 nstrs, strcap;
	struct layout_stats	 st;
	double			 logo_h;	/* template logo, 0 = none */
	/* The TOC: every heading that goes into it, in order. */
	const struct doc_block	**heads;
	size_t			 nheads, headcap;
	int			 head_seen;	/* headings flowed so far */
	/* Links to headings: every heading's id (NULL = none) and block,
	 * and its destination: its TOC index, or for a heading outside the
	 * TOC one numbered from nheads on once a link needs it, else -1. */
	const struct doc_block	**idblk;
	char			**ids;
	int			*iddest;
	size_t			 nids;
	int			 nextra;	/* destinations past the TOC's */
	/* The parts of a combined document (agreements one after the
	 * other): each counts and resolves its heading ids on its own.
	 * Part q's ids are ids[pfirst[q]] up to ids[pfirst[q + 1]]. */
	size_t			*pfirst;
	size_t			 nparts;
	size_t			 part;		/* the part being flowed */
};

typedef void	(*flow_fn)(struct lay *, const struct doc_block *,
		    const struct fctx *);

static void	flow_children(struct lay *, const struct doc_block *,
		    const struct fctx *);
static void	flow_block(struct lay *, const struct doc_block *,
		    const struct fctx *);
static long	xref_find(struct lay *, const char *uri);
static size_t	part_next(const struct doc_block *, const struct doc_block *,
		    size_t);

/* ---- vertical list ------------------------------------------------ */

static struct vitem *
vl_add(struct lay *L, enum vkind kind, double h)
{
	struct vitem *it;

	L->vl.v = xgrow(L->vl.v, &L->vl.cap, L->vl.n + 1, sizeof(*L->vl.v));
	it = &L->vl.v[L->vl.n++];
	memset(it, 0, sizeof(*it));
	it->kind = kind;
	it->h = h;
	it->dest = -1;
	it->toc_dest = -1;
	it->table = -1;
	it->grp = -1;
	it->tick = -1;
	if (L->keep_next > 0 || L->keep_all)
		it->keep_prev = true;
	if (kind == V_GLUE || kind == V_BREAK)
		return it;
	if (L->keep_next > 0)
		L->keep_next--;
	/* Structure tags waiting for content begin here. */
	if (L->nopens > 0) {
		it->opens = xmalloc(L->nopens);
		memcpy(it->opens, L->opens, L->nopens);
		it->nopens = L->nopens;
		L->nopens = 0;
	}
	L->last_drawn = L->vl.n - 1;
	return it;
}

/* Vertical space before the next block: the larger of what the previous
 * block asked after itself and what the next asks before. */
static void
space(struct lay *L, double before)
{
	double s = L->pending > before ? L->pending : before;

	if (s > 0 && L->vl.n > 0)
		vl_add(L, V_GLUE, s);
	L->pending = 0;
}

static void
tag_open(struct lay *L, enum dev_tag tag)
{
	if (L->nopens < sizeof(L->opens))
		L->opens[L->nopens++] = (unsigned char)tag;
}

/* Close the innermost open tag: on the last drawn item, or by forgetting
 * it if nothing was drawn inside. */
static void
tag_close(struct lay *L)
{
	if (L->nopens > 0)
		L->nopens--;
	else if (L->last_drawn != NONE)
		L->vl.v[L->last_drawn].ncloses++;
}

static void
frag_add(struct vitem *it, const struct frag *f)
{
	it->frags = xgrow(it->frags, &it->fragcap, it->nfrags + 1,
	    sizeof(*it->frags));
	it->frags[it->nfrags++] = *f;
}

static const struct fctx *
ctx_keep(struct lay *L, const struct fctx *c)
{
	struct fctx *k = xmalloc(sizeof(*k));

	*k = *c;
	L->ctxs = xgrow(L->ctxs, &L->ctxcap, L->nctxs + 1, sizeof(*L->ctxs));
	L->ctxs[L->nctxs++] = k;
	return k;
}

static void
vitem_free(struct vitem *it)
{
	for (size_t i = 0; i < it->nkids; i++)
		vitem_free(&it->kids[i]);
	free(it->kids);
	free(it->frags);
	free(it->opens);
	free(it->title);
}

/* ---- fonts and text ------------------------------------------------ */

static struct hyph *
hyph_for(struct lay *L, const char *lang)
{
	return hyph_shared(lang != NULL ? lang : L->doc->lang);
}

/*
 * Characters no font has, reported once per process (a thousand
 * certificates with the same name give one warning). Past WARN_MAX
 * different ones the rest go unreported but are counted.
 */
#define WARN_MAX	256
static uint32_t		 warned[WARN_MAX];
static size_t		 nwarned;
static layout_origin_fn	 origin_fn;
static void		*origin_arg;

void
layout_set_origin(layout_origin_fn fn, void *arg)
{
	origin_fn = fn;
	origin_arg = arg;
}

/* Report a character that neither the font nor its fallback has, at the
 * place in the data it came from if the origin hook knows it. */
static void
missing_glyph(const struct doc_block *b, long line, struct font *f,
    uint32_t cp)
{
	char buf[5] = { 0 }, what[160], fonts[200];
	const char *file = b->file;
	struct font *fb = font_fallback(f);

	for (size_t i = 0; i < nwarned; i++)
		if (warned[i] == cp)
			return;
	if (nwarned == WARN_MAX)
		return;
	warned[nwarned++] = cp;
	utf8_encode(cp, buf);
	what[0] = '\0';
	if (origin_fn != NULL && !origin_fn(origin_arg, cp, &file, &line,
	    what, sizeof(what)))
		what[0] = '\0';
	if (fb != NULL)
		snprintf(fonts, sizeof(fonts), "not in font %s or its fallback "
		    "%s", font_family(f), font_family(fb));
	else
		snprintf(fonts, sizeof(fonts), "not in font %s",
		    font_family(f));
	diag_warn(file, line, "character U+%04X (%s)%s%s is %s; it prints as "
	    "an empty box", (unsigned)cp, buf, what[0] ? " in " : "", what,
	    fonts);
}

/* Check every character of s against the font. */
static void
check_glyphs(const struct doc_block *b, long line,
    struct font *f, const char *s, size_t len)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;
			continue;
		}
		i += k;
		if (cp < 0x80 && cp >= 0x20)
			continue;
		if (cp == 0xAD || cp == 0x200B || cp < 0x20)
			continue;
		if (!font_covers(f, cp))
			missing_glyph(b, line, f, cp);
	}
}

/* ---- paragraphs ---------------------------------------------------- */

/* What a box of the line breaker shows. */
struct boxinfo {
	const char	*s;
	size_t		 len;
	struct font	*font;
	double		 size;
	struct dev_color color;
	const char	*uri;
	int		 xref;		/* as frag.xref */
	int		 run;
};

struct para {
	struct lb_item	*it;
	struct boxinfo	*bi;		/* parallel to it (boxes only) */
	size_t		 n, cap, bicap;
};

static void
para_push(struct para *p, const struct lb_item *it, const struct boxinfo *bi)
{
	p->it = xgrow(p->it, &p->cap, p->n + 1, sizeof(*p->it));
	p->bi = xgrow(p->bi, &p->bicap, p->n + 1, sizeof(*p->bi));
	p->it[p->n] = *it;
	if (bi != NULL)
		p->bi[p->n] = *bi;
	else
		memset(&p->bi[p->n], 0, sizeof(p->bi[0]));
	p->n++;
}

static void
push_box(struct para *p, const struct boxinfo *bi)
{
	struct lb_item it = { .type = LB_BOX };

	it.width = font_width(bi->font, bi->s, bi->len) * bi->size / 1000;
	para_push(p, &it, bi);
}

static void
push_penalty(struct para *p, int pen, bool flagged, double width)
{
	struct lb_item it = { .type = LB_PENALTY };

	it.penalty = pen;
	it.flagged = flagged;
	it.width = width;
	para_push(p, &it, NULL);
}

static bool
is_letter_byte_start(const char *s, size_t len, size_t i, uint32_t *cp,
    size_t *k)
{
	*k = utf8_decode(s + i, len - i, cp);
	if (*k == 0) {
		*k = 1;
		return false;
	}
	return (*cp >= 'a' && *cp <= 'z') || (*cp >= 'A' && *cp <= 'Z') ||
	    (*cp >= 0xC0 && *cp <= 0x24F && *cp != 0xD7 && *cp != 0xF7) ||
	    (*cp >= 0x370 && *cp <= 0x52F);
}

/*
 * Add one word (no spaces; a slice of one run) as boxes with possible
 * breaks: hyphenation points inside letter sequences, breaks after
 * explicit hyphens and slashes, and for words wider than the line breaks
 * between any two characters.
 */
static void
push_word(struct lay *L, struct para *p, const struct boxinfo *w,
    const char *lang, double linew, int hyphen_penalty)
{
	struct hyph *h = hyphen_penalty < LB_INF ? hyph_for(L, lang) : NULL;
	struct boxinfo piece = *w;
	unsigned short pts[HYPH_MAX_POINTS];
	size_t cut[256], ncut = 0;	/* byte offsets of breaks */
	unsigned char kind[256];	/* 0 hyphen, 1 after '-', 2 after '/' */
	size_t i = 0, k, start = 0, nletters = 0;
	double hyw = font_advance(w->font, '-') * w->size / 1000;
	double width = font_width(w->font, w->s, w->len) * w->size / 1000;
	uint32_t cp;
	bool overlong = width > linew;

	/* Soft hyphens and zero-width spaces: break points, not drawn. */
	while (i < w->len) {
		bool letter = is_letter_byte_start(w->s, w->len, i, &cp, &k);

		if (letter) {
			if (nletters == 0)
				start = i;
			nletters++;
		}
		if (!letter || i + k == w->len) {
			size_t end = letter ? i + k : i;

			if (nletters >= 4 && h != NULL) {
				size_t np = hyph_points(h, w->s + start,
				    end - start, pts);

				for (size_t j = 0; j < np && ncut < 255; j++) {
					cut[ncut] = start + pts[j];
					kind[ncut++] = 0;
				}
			}
			nletters = 0;
		}
		if (!letter && ncut < 255 && i > 1 && i + k + 1 < w->len &&
		    (cp == '-' || cp == '/' || cp == 0x2013 || cp == 0xAD ||
		    cp == 0x200B)) {
			cut[ncut] = cp == 0xAD || cp == 0x200B ? i : i + k;
			kind[ncut++] = cp == 0xAD ? 0 : cp == '/' ||
			    cp == 0x200B ? 2 : 1;
		}
		i += k;
	}
	/* Sort the cuts (hyphenation points and explicit breaks interleave). */
	for (size_t a = 1; a < ncut; a++)
		for (size_t b = a; b > 0 && cut[b - 1] > cut[b]; b--) {
			size_t tc = cut[b];
			unsigned char tk = kind[b];

			cut[b] = cut[b - 1];
			kind[b] = kind[b - 1];
			cut[b - 1] = tc;
			kind[b - 1] = tk;
		}
	start = 0;
	for (size_t c = 0; c <= ncut; c++) {
		size_t end = c < ncut ? cut[c] : w->len;
		size_t from = start;

		if (end <= start && c < ncut)
			continue;
		/* A soft hyphen or zero-width space is skipped over. */
		if (from < w->len && (unsigned char)w->s[from] == 0xC2 &&
		    from + 1 < w->len && (unsigned char)w->s[from + 1] == 0xAD)
			from += 2;
		else if (from + 2 < w->len &&
		    memcmp(w->s + from, "\xe2\x80\x8b", 3) == 0)
			from += 3;
		if (overlong) {
			/* Emergency breaks between all characters. */
			size_t j = from;

			while (j < end) {
				size_t kk = utf8_decode(w->s + j, end - j, &cp);

				if (kk == 0)
					kk = 1;
				piece.s = w->s + j;
				piece.len = kk;
				push_box(p, &piece);
				j += kk;
				if (j < end)
					push_penalty(p, 3000, false, 0);
			}
		} else if (end > from) {
			piece.s = w->s + from;
			piece.len = end - from;
			push_box(p, &piece);
		}
		if (c < ncut && kind[c] == 0)
			push_penalty(p, hyphen_penalty, true, hyw);
		else if (c < ncut)
			push_penalty(p, kind[c] == 1 ? 100 : 50, kind[c] == 1, 0);
		start = end;
	}
}

static bool
is_space(const char *s, size_t len, size_t i, size_t *k)
{
	uint32_t cp;

	if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		*k = 1;
		return true;
	}
	*k = utf8_decode(s + i, len - i, &cp);
	if (*k == 0)
		*k = 1;
	return cp == 0x2002 || cp == 0x2003 || cp == 0x2009;
}

struct pstyle {
	enum doc_font	 family;
	unsigned	 style;
	double		 size;
	double		 leading;
	struct dev_color color;
	enum doc_align	 align;
	double		 indent;	/* first line */
	bool		 keep_lines;	/* no break between the lines */
};

/* Whether a word begins with an en or em dash (" – " in a sentence). */
static bool
starts_with_dash(const char *s, size_t len)
{
	uint32_t cp;

	return utf8_decode(s, len, &cp) > 0 && (cp == 0x2013 || cp == 0x2014);
}

/*
 * Make the last item, a glue, no place to break: a penalty of LB_INF goes
 * before it (a glue is a breakpoint only right after a box). The space
 * before a dash thus never breaks, and no line starts with the dash.
 */
static void
glue_unbreakable(struct para *p)
{
	struct lb_item g = p->it[p->n - 1];

	p->n--;
	push_penalty(p, LB_INF, false, 0);
	para_push(p, &g, NULL);
}

/* Build the item list of a text block's runs. */
static void
build_items(struct lay *L, const struct doc_block *b, const struct pstyle *ps,
    double linew, struct para *p)
{
	const char *lang = b->lang;

	if (ps->indent > 0) {
		struct lb_item it = { .type = LB_BOX, .width = ps->indent };

		para_push(p, &it, NULL);
	}
	for (size_t r = 0; r < b->nruns; r++) {
		const struct doc_run *run = &b->runs[r];
		struct boxinfo bi;
		unsigned style = run->style | ps->style;
		enum doc_font fam = (style & DOC_CODE_SPAN) ?
		    DOC_FONT_MONO : ps->family;
		size_t i = 0, k, ws;

		if (run->style & DOC_BREAK) {
			struct lb_item g = { .type = LB_GLUE, .stretch = 1e5 };

			para_push(p, &g, NULL);
			push_penalty(p, -LB_INF, false, 0);
			continue;
		}
		memset(&bi, 0, sizeof(bi));
		bi.font = template_font(L->t, fam, style);
		bi.size = fam == DOC_FONT_MONO && ps->family != DOC_FONT_MONO ?
		    ps->size * 0.9 : ps->size;
		bi.uri = run->uri;
		if (run->uri != NULL && run->uri[0] == '#') {
			long x = xref_find(L, run->uri);

			/* A link to no heading: its text stays plain. */
			if (x < 0 || L->iddest[x] < 0)
				bi.uri = NULL;
			else
				bi.xref = L->iddest[x] + 1;
		}
		bi.color = bi.uri ? L->t->link : ps->color;
		bi.run = (int)r;
		check_glyphs(b, run->line, bi.font, run->text, run->len);
		while (i < run->len) {
			if (is_space(run->text, run->len, i, &k)) {
				double sw = font_advance(bi.font, ' ') *
				    bi.size / 1000;
				struct lb_item g = { .type = LB_GLUE };

				while (i < run->len &&
				    is_space(run->text, run->len, i, &k))
					i += k;
				/* One glue per gap, even across runs. */
				if (p->n > 0 && p->it[p->n - 1].type == LB_GLUE)
					continue;
				if (p->n == 0 || (p->n == 1 && ps->indent > 0))
					continue;
				g.width = sw;
				if (ps->align == DOC_ALIGN_JUSTIFY) {
					g.stretch = sw * 0.6;
					g.shrink = sw * 0.3;
				}
				para_push(p, &g, NULL);
				continue;
			}
			ws = i;
			while (i < run->len &&
			    !is_space(run->text, run->len, i, &k))
				i += k;
			bi.s = run->text + ws;
			bi.len = i - ws;
			if (p->n > 1 && p->it[p->n - 1].type == LB_GLUE &&
			    starts_with_dash(bi.s, bi.len))
				glue_unbreakable(p);
			push_word(L, p, &bi, run->lang ? run->lang : lang,
			    linew, ps->align == DOC_ALIGN_JUSTIFY ? 50 :
			    ps->align == DOC_ALIGN_LEFT ? 300 : LB_INF);
		}
	}
	/* Drop trailing glue, then finish the paragraph. */
	while (p->n > 0 && p->it[p->n - 1].type == LB_GLUE)
		p->n--;
	{
		struct lb_item g = { .type = LB_GLUE, .stretch = 1e5 };

		para_push(p, &g, NULL);
		push_penalty(p, -LB_INF, false, 0);
	}
}

/*
 * Set a text block as lines in column [x, x + width): break it, place each
 * word, and append one V_LINE per line. Returns the index of the first
 * line item (NONE if the block is empty).
 */
static size_t
set_text(struct lay *L, const struct doc_block *b, const struct pstyle *ps,
    const struct fctx *c, double x, double width)
{
	struct para p = { 0 };
	struct lb_params par;
	struct lb_line *lines = NULL;
	size_t nl, first = NONE;
	bool hyph_end = false;		/* the line before ends in "-" */
	const struct fctx *keep = (c->nbars > 0 || c->code) ?
	    ctx_keep(L, c) : NULL;
	struct font *base = template_font(L->t, ps->family, ps->style);
	double asc = font_ascent(base) * ps->size / 1000;

	if (width < 10)
		width = 10;
	build_items(L, b, ps, width, &p);
	lb_defaults(&par, width);
	if (ps->align != DOC_ALIGN_JUSTIFY) {
		par.ragged = true;
		par.ragged_stretch = ps->size * 3;
	}
	nl = lb_break(p.it, p.n, &par, &lines);
	/* A paragraph with nothing but the closing glue is empty. */
	if (p.n <= 2 + (ps->indent > 0)) {
		bool any = false;

		for (size_t i = 0; i < p.n; i++)
			any |= p.it[i].type == LB_BOX && p.bi[i].s != NULL;
		if (!any)
			nl = 0;
	}
	for (size_t l = 0; l < nl; l++) {
		struct lb_line *ln = &lines[l];
		struct vitem *it = vl_add(L, V_LINE, ps->leading);
		double natural = 0, xx, r = ln->ratio, shift = 0;
		size_t end = ln->end;

		if (first == NONE)
			first = L->vl.n - 1;
		it->asc = asc + (ps->leading - ps->size * 1.15) / 2;
		if (it->asc < asc * 0.8)
			it->asc = asc * 0.8;
		it->ctx = keep;
		/* Widows and orphans: never a single line at either end. */
		if (l > 0 && (ps->keep_lines || l == 1 || l + 1 == nl))
			it->keep_prev = true;
		/* No word divided across pages: after a line ending in a
		 * hyphen the page breaks only when nothing else fits. */
		else if (l > 0 && hyph_end) {
			it->keep_prev = true;
			it->weak_break = true;
		}
		if (ps->align != DOC_ALIGN_JUSTIFY || (r > 0 && l + 1 == nl))
			r = 0;
		if (par.ragged || r > 1e4)
			r = 0;
		/* The line's natural width decides centring. */
		for (size_t i = ln->start; i < end; i++)
			if (p.it[i].type != LB_PENALTY)
				natural += p.it[i].width;
		if (ln->hyphen)
			natural += p.it[end].width;
		while (end > ln->start && p.it[end - 1].type == LB_GLUE) {
			natural -= p.it[end - 1].width;
			end--;
		}
		if (ps->align == DOC_ALIGN_CENTER)
			shift = (width - natural) / 2;
		else if (ps->align == DOC_ALIGN_RIGHT)
			shift = width - natural;
		if (shift < 0)
			shift = 0;
		xx = x + shift;
		if (L->label != NULL && l == 0) {
			frag_add(it, L->label);
			L->label = NULL;
		}
		for (size_t i = ln->start; i < end; i++) {
			const struct lb_item *li = &p.it[i];
			const struct boxinfo *bi = &p.bi[i];

			if (li->type == LB_GLUE) {
				xx += li->width + (r > 0 ? r * li->stretch :
				    r * li->shrink);
				continue;
			}
			if (li->type != LB_BOX)
				continue;
			if (bi->s == NULL) {		/* indent */
				xx += li->width;
				continue;
			}
			/* Pieces of one word in one run make one run. */
			if (it->nfrags > 0 && i > ln->start &&
			    p.it[i - 1].type != LB_GLUE) {
				struct frag *pf = &it->frags[it->nfrags - 1];

				if (pf->s + pf->len == bi->s &&
				    pf->font == bi->font &&
				    pf->size == bi->size) {
					pf->len += bi->len;
					pf->w += li->width;
					xx += li->width;
					continue;
				}
			}
			{
				struct frag f;

				f.x = xx;
				f.w = li->width;
				f.font = bi->font;
				f.size = bi->size;
				f.color = bi->color;
				f.s = bi->s;
				f.len = bi->len;
				f.uri = bi->uri;
				f.xref = bi->xref;
				f.label = false;
				frag_add(it, &f);
			}
			xx += li->width;
		}
		if (ln->hyphen && p.it[ln->end].width > 0 && it->nfrags > 0) {
			struct frag f = it->frags[it->nfrags - 1];

			f.x = f.x + f.w;
			f.label = false;
			f.s = "-";
			f.len = 1;
			f.w = font_advance(f.font, '-') * f.size / 1000;
			frag_add(it, &f);
		}
		hyph_end = it->nfrags > 0 &&
		    it->frags[it->nfrags - 1].len > 0 &&
		    it->frags[it->nfrags - 1].s[it->frags[it->nfrags - 1].len -
		    1] == '-';
		L->st.lines++;
		L->st.hyphens += ln->hyphen;
		L->st.overfull += ln->overfull;
	}
	free(lines);
	free(p.it);
	free(p.bi);
	return first;
}

static double
col_width(const struct fctx *c)
{
	return c->right - c->left;
}

static void
flow_para(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	struct pstyle ps;
	const struct template *t = L->t;
	bool bare;

	memset(&ps, 0, sizeof(ps));
	ps.family = b->font;
	ps.style = b->style;
	ps.size = b->size > 0 ? b->size : t->size[b->font];
	ps.leading = t->leading[b->font] * ps.size / t->size[b->font];
	ps.color = t->text;
	ps.align = b->align != DOC_ALIGN_DEFAULT ? b->align : t->align;
	ps.indent = b->kind == DOC_PARA && b->align == DOC_ALIGN_DEFAULT ?
	    t->par_indent : 0;
	if (b->shrink_fit && b->nruns > 0) {
		double w = 0;

		for (size_t i = 0; i < b->nruns; i++)
			w += font_width(template_font(t, ps.family,
			    b->runs[i].style | ps.style), b->runs[i].text,
			    b->runs[i].len) * ps.size / 1000;
		if (w > col_width(c) && w > 0) {
			ps.size *= col_width(c) / w * 0.995;
			if (ps.size < 4)
				ps.size = 4;
		}
	}
	space(L, 0);
	/* A list item's only paragraph is its LBody itself: one structure
	 * element less per item (each costs some 80 bytes in PDF 1.4). */
	bare = L->bare_para;
	L->bare_para = false;
	if (!bare)
		tag_open(L, DEV_TAG_P);
	set_text(L, b, &ps, c, c->left, col_width(c));
	if (!bare)
		tag_close(L);
	L->pending = L->t->par_space;
}

static void
flow_heading(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	const struct template *t = L->t;
	int lv = b->level < 1 ? 1 : b->level > 4 ? 4 : b->level;
	struct pstyle ps;
	size_t first;
	bool listed = !b->no_toc && c->depth == 0;
	int dest = listed ? L->head_seen++ : -1;

	/* A heading outside the TOC that a link points to. */
	for (size_t i = 0; !listed && i < L->nids; i++)
		if (L->idblk[i] == b) {
			dest = L->iddest[i];
			break;
		}

	memset(&ps, 0, sizeof(ps));
	ps.family = DOC_FONT_HEADING;
	ps.style = DOC_BOLD | b->style;
	ps.size = b->size > 0 ? b->size : t->heading[lv].size;
	ps.leading = ps.size * 1.25;
	ps.color = t->heading_color;
	ps.align = b->align != DOC_ALIGN_DEFAULT ? b->align : DOC_ALIGN_LEFT;
	ps.keep_lines = true;
	if (t->heading[lv].new_page && L->vl.n > 0 && c->depth == 0) {
		vl_add(L, V_BREAK, 0);
		L->pending = 0;
	}
	space(L, t->heading[lv].before);
	tag_open(L, (enum dev_tag)(DEV_TAG_H1 + lv - 1));
	first = set_text(L, b, &ps, c, c->left, col_width(c));
	tag_close(L);
	if (first != NONE && listed) {
		struct vitem *it = &L->vl.v[first];

		it->dest = dest;
		it->level = lv;
		it->title = doc_plain_text(b);
		it->blk = b;
	} else if (first != NONE && dest >= 0) {
		/* A destination only: no bookmark (no title). */
		L->vl.v[first].dest = dest;
		L->vl.v[first].blk = b;
	}
	L->pending = t->heading[lv].after;
	L->keep_next = 2;
}

/* The label of a list item: a bullet or a number, right-aligned in the
 * indent. */
static void
set_label(struct lay *L, const struct doc_block *list, int n,
    const struct fctx *c)
{
	struct frag *f = &L->label_buf;
	static const char *const bullets[] = { "\xe2\x80\xa2", "\xe2\x80\x93",
	    "\xe2\x80\xa2" };
	double size = L->t->size[DOC_FONT_BODY];

	char *text;

	memset(f, 0, sizeof(*f));
	if (list->ordered)
		text = xasprintf("%d.", n);
	else
		text = xstrdup(bullets[(c->depth > 0 ? c->depth - 1 : 0) % 3]);
	L->strs = xgrow(L->strs, &L->strcap, L->nstrs + 1, sizeof(*L->strs));
	L->strs[L->nstrs++] = text;
	f->font = template_font(L->t, DOC_FONT_BODY, 0);
	f->size = size;
	f->color = L->t->text;
	f->s = text;
	f->len = strlen(text);
	f->w = font_width(f->font, f->s, f->len) * size / 1000;
	f->x = c->left - 5 - f->w;
	f->label = true;
	L->label = f;
}

static void
flow_list(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	struct fctx in = *c;
	int n = b->start, count = 0;
	char numbuf[32];
	double numw;

	/* The indent is wide enough for the largest number. */
	for (const struct doc_block *it = b->first; it; it = it->next)
		count++;
	snprintf(numbuf, sizeof(numbuf), "%d.", b->ordered ?
	    b->start + count - 1 : 1);
	numw = font_width(template_font(L->t, DOC_FONT_BODY, 0), numbuf,
	    strlen(numbuf)) * L->t->size[DOC_FONT_BODY] / 1000 + 6;
	if (c->depth < MAX_DEPTH) {
		in.left += numw > LIST_INDENT ? numw : LIST_INDENT;
		in.depth = c->depth + 1;
	}
	space(L, 0);
	tag_open(L, DEV_TAG_L);
	for (const struct doc_block *it = b->first; it != NULL; it = it->next) {
		tag_open(L, DEV_TAG_LI);
		set_label(L, b, n++, &in);
		tag_open(L, DEV_TAG_LBODY);	/* the label goes before it */
		L->bare_para = it->kind == DOC_ITEM ? it->first != NULL &&
		    it->first == it->last && it->first->kind == DOC_PARA :
		    it->kind == DOC_PARA;
		if (it->kind == DOC_ITEM) {
			for (const struct doc_block *k = it->first; k != NULL;
			    k = k->next) {
				flow_block(L, k, &in);
				if (b->tight)
					L->pending = 0;
			}
		} else
			flow_block(L, it, &in);
		L->label = NULL;
		L->bare_para = false;
		tag_close(L);
		tag_close(L);
		L->pending = b->tight ? 2 : L->t->par_space;
	}
	tag_close(L);
	L->pending = L->t->par_space;
}

static void
flow_quote(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	struct fctx in = *c;

	if (c->depth < MAX_DEPTH) {
		if (in.nbars < MAX_BARS)
			in.bar_x[in.nbars++] = c->left + 2;
		in.left += QUOTE_INDENT;
		in.right -= QUOTE_INDENT / 2;
		in.depth = c->depth + 1;
	}
	space(L, 0);
	tag_open(L, DEV_TAG_BLOCKQUOTE);
	flow_children(L, b, &in);
	tag_close(L);
	L->pending = L->t->par_space;
}

static void
flow_code(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	const struct template *t = L->t;
	struct fctx in = *c;
	struct font *f = template_font(t, DOC_FONT_MONO, 0);
	double size = b->size > 0 ? b->size : t->size[DOC_FONT_MONO];
	double lead = t->leading[DOC_FONT_MONO] * size / t->size[DOC_FONT_MONO];
	double asc = font_ascent(f) * size / 1000;
	const struct fctx *keep;
	size_t nlines = 0, idx = 0;

	in.code = true;
	in.code_x0 = c->left;
	in.code_x1 = c->right;
	keep = ctx_keep(L, &in);
	space(L, 0);
	tag_open(L, DEV_TAG_CODE);
	for (size_t r = 0; r < b->nruns; r++) {
		const char *s = b->runs[r].text;
		size_t len = b->runs[r].len;

		check_glyphs(b, b->runs[r].line, f, s, len);
		for (size_t i = 0; i < len; i++)
			nlines += s[i] == '\n';
		nlines++;
	}
	for (size_t r = 0; r < b->nruns; r++) {
		const char *s = b->runs[r].text;
		size_t len = b->runs[r].len, i = 0;

		while (len > 0 && s[len - 1] == '\n')
			len--;
		do {
			/* One source line, wrapped at the column's width. */
			size_t e = i, k;
			double w = 0, maxw = col_width(c) - 8;
			uint32_t cp;
			struct vitem *it;
			struct frag fr;

			while (e < len && s[e] != '\n') {
				k = utf8_decode(s + e, len - e, &cp);
				if (k == 0)
					k = 1;
				if (w + font_advance(f, cp) * size / 1000 >
				    maxw && e > i)
					break;
				w += font_advance(f, cp) * size / 1000;
				e += k;
			}
			it = vl_add(L, V_LINE, lead);
			it->asc = asc + (lead - size * 1.15) / 2;
			it->ctx = keep;
			if (idx > 0 && (nlines <= 4 || idx == 1 ||
			    idx + 1 >= nlines))
				it->keep_prev = true;
			idx++;
			if (L->label != NULL) {
				frag_add(it, L->label);
				L->label = NULL;
			}
			memset(&fr, 0, sizeof(fr));
			fr.x = c->left + 4;
			fr.w = w;
			fr.font = f;
			fr.size = size;
			fr.color = t->text;
			fr.s = s + i;
			fr.len = e - i;
			if (fr.len > 0)
				frag_add(it, &fr);
			i = e < len && s[e] == '\n' ? e + 1 : e;
		} while (i < len);
	}
	tag_close(L);
	L->pending = t->par_space;
}

static void
flow_rule(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	struct vitem *it;

	(void)b;
	space(L, 0);
	it = vl_add(L, V_RULE, 14);
	it->x = c->left;
	it->w = col_width(c);
	it->line_w = 0.6;
	L->pending = L->t->par_space;
}

static void
flow_image(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	const char *err = NULL;
	int pw, ph;
	double w, h, maxh;
	struct vitem *it;

	if (b->path == NULL || layout_image_size(b->path, &pw, &ph, &err) != 0) {
		diag_warn(b->file, b->line, "image %s: %s; left out",
		    b->path ? b->path : "(none)",
		    err ? err : strerror(errno));
		return;
	}
	/* Natural size at 150 dpi unless the block says otherwise. */
	w = b->width > 0 ? b->width : pw * 72.0 / 150;
	h = b->height > 0 ? b->height : w * ph / (pw ? pw : 1);
	maxh = (L->t->page_h - L->t->top - L->t->bottom) * 0.75;
	if (w > col_width(c)) {
		h *= col_width(c) / w;
		w = col_width(c);
	}
	if (h > maxh) {
		w *= maxh / h;
		h = maxh;
	}
	space(L, 0);
	tag_open(L, DEV_TAG_FIGURE);
	it = vl_add(L, V_IMAGE, h);
	it->x = c->left + (col_width(c) - w) / 2;
	it->w = w;
	it->blk = b;
	tag_close(L);
	L->pending = L->t->par_space;
}

static void
flow_space(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	(void)c;
	space(L, 0);
	if (b->height > 0)
		vl_add(L, V_GLUE, b->height);
}

static void
flow_pagebreak(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	(void)c;
	vl_add(L, V_BREAK, 0)->blk = b;	/* b->restart_pages: see below */
	L->pending = 0;
}

/* Lay out the blocks of a cell into their own list; tagged says whether
 * the cell is a structure element (TD, TH) to close at its end. */
static void
flow_into(struct lay *L, const struct doc_block *b, const struct fctx *c,
    struct vlist *out, bool tagged)
{
	struct vlist save = L->vl;
	double pending = L->pending;
	size_t last = L->last_drawn;
	int keep = L->keep_next;

	L->vl.v = NULL;
	L->vl.n = L->vl.cap = 0;
	L->pending = 0;
	L->keep_next = 0;
	L->last_drawn = NONE;
	flow_children(L, b, c);
	L->bare_para = false;
	if (tagged)
		tag_close(L);	/* the cell's */
	*out = L->vl;
	L->vl = save;
	L->pending = pending;
	L->last_drawn = last;
	L->keep_next = keep;
}

/*
 * Set one table row into box: its cells side by side between the column
 * edges x[], each cell's items placed below each other. A group row's
 * first cell spans all ncols columns and its other cells are left out.
 * With tagged, the row is a TR with TH (header) or TD cells.
 */
static void
flow_row(struct lay *L, const struct doc_block *r, const double *x,
    size_t ncols, const struct fctx *c, bool header, bool tagged,
    struct vitem *box)
{
	double pad = 4;
	size_t col = 0;

	memset(box, 0, sizeof(*box));
	if (tagged)
		tag_open(L, DEV_TAG_TR);
	for (const struct doc_block *k = r->first; k != NULL;
	    k = k->next, col++) {
		struct fctx in = *c;
		struct vlist sub;
		double y = pad;

		if (r->group && col > 0)
			break;
		if (tagged)
			tag_open(L, header ? DEV_TAG_TH : DEV_TAG_TD);
		/* A cell's only paragraph is the cell itself. */
		L->bare_para = tagged && k->first != NULL &&
		    k->first == k->last && k->first->kind == DOC_PARA;

		in.left = x[col] + pad;
		in.right = x[r->group ? ncols : col + 1] - pad;
		in.depth = c->depth + 1;
		in.nbars = 0;
		flow_into(L, k, &in, &sub, tagged);
		for (size_t i = 0; i < sub.n; i++) {
			if (sub.v[i].kind == V_GLUE && (i == 0 ||
			    i + 1 == sub.n)) {
				vitem_free(&sub.v[i]);
				continue;
			}
			sub.v[i].dy = y;
			y += sub.v[i].h;
			box->kids = xgrow(box->kids, &box->kidcap,
			    box->nkids + 1, sizeof(*box->kids));
			box->kids[box->nkids++] = sub.v[i];
		}
		free(sub.v);
		if (y + pad > box->h)
			box->h = y + pad;
	}
}

/* The word that marks a group row repeated on a continuation page. */
static const char *
continued_label(const struct lay *L)
{
	return L->doc->lang != NULL && strcmp(L->doc->lang, "en") == 0 ?
	    " (continued)" : " (Fortsetzung)";
}

/*
 * The continuation of group row r for the pages where its group goes on:
 * the text of its first cell's paragraph followed by "(Fortsetzung)" in
 * the document's language, set like r but untagged (it is drawn as an
 * artifact, as repeated header rows are). Returns its index in L->reps.
 */
static int
flow_group_cont(struct lay *L, const struct doc_block *r, const double *x,
    size_t ncols, const struct fctx *c)
{
	struct doc_block *row = xcalloc(1, sizeof(*row)), *cell, *p;
	const struct doc_block *src = r->first != NULL ? r->first->first : NULL;
	const char *lab = continued_label(L);
	unsigned char opens[sizeof(L->opens)];
	size_t nopens = L->nopens;
	struct vitem box;

	row->kind = DOC_ROW;
	row->group = true;
	row->file = r->file;
	row->line = r->line;
	cell = doc_add(row, DOC_CELL, r->file, r->line);
	p = doc_add(cell, DOC_PARA, r->file, r->line);
	if (src != NULL && src->kind == DOC_PARA) {
		p->align = src->align;
		p->font = src->font;
		p->style = src->style;
		p->size = src->size;
		p->lang = src->lang;
		for (size_t i = 0; i < src->nruns; i++)
			doc_add_text(p, src->runs[i].text, src->runs[i].len,
			    (src->runs[i].style | (src->style & DOC_BOLD)) &
			    ~(unsigned)DOC_BREAK, src->runs[i].line);
		p->style &= ~(unsigned)DOC_BOLD;
	}
	/* The label in the document's language, not bold. */
	doc_add_text(p, lab + (p->nruns == 0), strlen(lab) - (p->nruns == 0),
	    0, r->line)->lang = L->doc->lang;
	L->conts = xgrow(L->conts, &L->contcap, L->nconts + 1,
	    sizeof(*L->conts));
	L->conts[L->nconts++] = row;
	/* Tags waiting for the next drawn item stay waiting. */
	memcpy(opens, L->opens, nopens);
	L->nopens = 0;
	flow_row(L, row, x, ncols, c, false, false, &box);
	memcpy(L->opens, opens, nopens);
	L->nopens = nopens;
	box.kind = V_BOX;
	box.dest = -1;
	box.toc_dest = -1;
	box.tick = -1;
	box.group = true;
	box.grp = (int)L->reps.n;
	L->reps.v = xgrow(L->reps.v, &L->reps.cap, L->reps.n + 1,
	    sizeof(*L->reps.v));
	L->reps.v[L->reps.n++] = box;
	return box.grp;
}

static void
flow_table(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	size_t ncols = 0, tno = (size_t)L->ntables++;
	double *x, total = 0;
	int row = 0, grp = -1;

	for (const struct doc_block *r = b->first; r != NULL; r = r->next) {
		size_t n = 0;

		for (const struct doc_block *k = r->first; k; k = k->next)
			n++;
		if (n > ncols)
			ncols = n;
	}
	if (ncols == 0)
		return;
	x = xcalloc(ncols + 1, sizeof(*x));
	for (size_t i = 0; i < ncols; i++)
		total += i < b->ncols && b->colw[i] > 0 ? b->colw[i] : 1;
	x[0] = c->left;
	for (size_t i = 0; i < ncols; i++)
		x[i + 1] = x[i] + col_width(c) * (i < b->ncols &&
		    b->colw[i] > 0 ? b->colw[i] : 1) / total;
	L->tbl_hdr_first = xgrow(L->tbl_hdr_first, &L->tblcap, tno + 1,
	    sizeof(size_t));
	L->tbl_hdr_n = xgrow(L->tbl_hdr_n, &L->tblcap2, tno + 1,
	    sizeof(size_t));
	L->tbl_hdr_first[tno] = NONE;
	L->tbl_hdr_n[tno] = 0;
	space(L, 0);
	if (!b->layout_only)
		tag_open(L, DEV_TAG_TABLE);
	for (const struct doc_block *r = b->first; r != NULL;
	    r = r->next, row++) {
		struct vitem box;
		struct vitem *it;
		bool header = row < b->header_rows;
		bool group = r->group && !header;

		if (group) {
			grp = flow_group_cont(L, r, x, ncols, c);
			L->reps.v[grp].x = c->left;
			L->reps.v[grp].w = col_width(c);
			L->reps.v[grp].table = (int)tno;
			L->reps.v[grp].line_w = b->no_rules ? 0 : 0.8;
		}
		flow_row(L, r, x, ncols, c, header, !b->layout_only, &box);
		it = vl_add(L, V_BOX, box.h);
		if (!b->layout_only)
			tag_close(L);	/* the row's */
		it->kids = box.kids;
		it->nkids = box.nkids;
		it->kidcap = box.kidcap;
		it->x = c->left;
		it->w = col_width(c);
		it->table = (int)tno;
		it->header = header;
		it->group = group;
		it->grp = header ? -1 : grp;
		it->line_w = b->no_rules ? 0 : header || group ? 0.8 : 0.3;
		if (header) {
			if (L->tbl_hdr_first[tno] == NONE)
				L->tbl_hdr_first[tno] = L->vl.n - 1;
			L->tbl_hdr_n[tno]++;
			L->keep_next = 1;
		}
		if (group) {
			/* Not alone at a page's foot: with two of its rows
			 * (or all, when it has fewer). */
			int n = 0;

			for (const struct doc_block *q = r->next; q != NULL &&
			    !q->group && n < 2; q = q->next)
				n++;
			L->keep_next = n;
		}
	}
	if (!b->layout_only)
		tag_close(L);
	free(x);
	L->pending = L->t->par_space;
}

/* A keep group: its blocks stay on one page unless they cannot fit one. */
static void
flow_keep(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	bool save = L->keep_all;
	size_t before = L->vl.n, start;

	space(L, 0);
	start = L->vl.n;
	L->keep_all = true;
	flow_children(L, b, c);
	L->keep_all = save;
	/* A group inside a group stays with what comes before it; its start
	 * is only where the outer group breaks when it cannot fit a page. */
	if (start < L->vl.n && save)
		L->vl.v[start].weak_break = true;
	else if (start < L->vl.n && b->keep_prev && before > 0) {
		/* With the block before: no break in the space between
		 * either; where the two cannot share a page, it breaks
		 * before the group after all. */
		for (size_t i = before; i <= start; i++)
			L->vl.v[i].keep_prev = true;
		L->vl.v[start].weak_break = true;
	} else if (start < L->vl.n)
		L->vl.v[start].keep_prev = false;
}

/* Entries of the table of contents kept together at its start and at its
 * end: no page of it begins or ends with fewer (widows and orphans). */
#define TOC_KEEP	3

/* No page break inside items [from + 1, to) of the vertical list. */
static void
keep_together(struct lay *L, size_t from, size_t to)
{
	for (size_t k = from + 1; k < to && k < L->vl.n; k++)
		L->vl.v[k].keep_prev = true;
}

/* The table of contents: one entry per heading of level 1 or 2, with
 * leaders and the page number (filled in when drawing). Its first and
 * its last TOC_KEEP entries stay on one page each. */
static void
flow_toc(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	const struct template *t = L->t;
	int dest = 0;
	size_t starts[TOC_KEEP + 1], nent = 0;

	(void)b;
	space(L, 0);
	tag_open(L, DEV_TAG_TOC);
	for (size_t i = 0; i < L->nheads; i++, dest++) {
		const struct doc_block *h = L->heads[i];
		struct doc_block tmp;
		struct pstyle ps;
		struct fctx in = *c;
		size_t first;
		struct vitem *last;

		if (h->level > 2)
			continue;
		memset(&ps, 0, sizeof(ps));
		ps.family = DOC_FONT_BODY;
		ps.style = h->level == 1 ? DOC_BOLD : 0;
		ps.size = t->size[DOC_FONT_BODY];
		ps.leading = t->leading[DOC_FONT_BODY];
		ps.color = t->text;
		ps.align = DOC_ALIGN_LEFT;
		ps.keep_lines = true;
		in.left += (h->level - 1) * 16;
		in.right -= TOC_NUM_W;
		space(L, h->level == 1 ? 6 : 0);
		/* The entry's text is the heading's, without links. */
		tmp = *h;
		tmp.style = 0;
		tag_open(L, DEV_TAG_TOCI);
		first = set_text(L, &tmp, &ps, &in, in.left, col_width(&in));
		tag_close(L);
		if (first == NONE)
			continue;
		/* The first entries together; of the rest, where the
		 * last TOC_KEEP began (a ring of the last starts). */
		if (nent == TOC_KEEP - 1)
			keep_together(L, starts[0], L->vl.n);
		starts[nent++ % (TOC_KEEP + 1)] = first;
		for (size_t k = first; k < L->vl.n; k++) {
			struct vitem *it = &L->vl.v[k];

			if (it->kind != V_LINE)
				continue;
			it->toc_dest = dest;
			it->blk = h;
			for (size_t f = 0; f < it->nfrags; f++) {
				it->frags[f].uri = NULL;
				it->frags[f].xref = 0;
			}
		}
		last = &L->vl.v[L->vl.n - 1];
		last->toc_num = true;
		last->toc_end = last->nfrags ? last->frags[last->nfrags - 1].x +
		    last->frags[last->nfrags - 1].w : in.left;
		last->toc_font = template_font(t, DOC_FONT_BODY, ps.style);
		last->toc_size = ps.size;
		last->x = c->left;
		last->w = col_width(c);
	}
	if (nent >= TOC_KEEP)
		keep_together(L, starts[(nent - TOC_KEEP) % (TOC_KEEP + 1)],
		    L->vl.n);
	tag_close(L);
	L->pending = t->par_space;
}

static void
tick_text(struct lay *L, const struct doc_block *b, const struct fctx *c,
    int tick)
{
	struct fctx in = *c;
	struct pstyle ps;
	size_t first;

	memset(&ps, 0, sizeof(ps));
	ps.family = b->font;
	ps.style = b->style;
	ps.size = b->size > 0 ? b->size : L->t->size[b->font];
	ps.leading = L->t->leading[b->font] * ps.size / L->t->size[b->font];
	ps.color = L->t->text;
	ps.align = DOC_ALIGN_LEFT;
	in.left += 18;
	space(L, 0);
	tag_open(L, DEV_TAG_P);
	first = set_text(L, b, &ps, &in, in.left, col_width(&in));
	tag_close(L);
	if (first != NONE && tick >= 0) {
		L->vl.v[first].tick = tick;
		L->vl.v[first].x = c->left;
		L->vl.v[first].w = ps.size * 0.8;
	}
	L->pending = L->t->par_space / 2;
}

static void
flow_tickbox(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	tick_text(L, b, c, b->checked ? 1 : 0);
}

static void
flow_fillin(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	int n = b->nlines > 0 ? b->nlines : 1;

	space(L, 0);
	for (int i = 0; i < n; i++) {
		struct vitem *it = vl_add(L, V_FILL, 24);

		it->x = c->left;
		it->w = b->width > 0 && b->width < col_width(c) ? b->width :
		    col_width(c);
		it->asc = 20;
		it->line_w = 0.5;
		if (i > 0)
			it->keep_prev = true;
	}
	L->pending = L->t->par_space;
}

static void
flow_signature(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	struct vitem *it;
	struct fctx in = *c;
	struct pstyle ps;

	space(L, 0);
	tag_open(L, DEV_TAG_FORM);
	it = vl_add(L, V_FILL, 40);
	it->x = c->left;
	it->w = b->width > 0 && b->width < col_width(c) ? b->width : 200;
	it->asc = 38;
	it->line_w = 0.6;
	memset(&ps, 0, sizeof(ps));
	ps.family = b->font;
	ps.size = b->size > 0 ? b->size : L->t->size[b->font] * 0.85;
	ps.leading = ps.size * 1.25;
	ps.color = L->t->text;
	ps.align = DOC_ALIGN_LEFT;
	ps.keep_lines = true;
	in.right = in.left + it->w;
	L->keep_next = 1;
	set_text(L, b, &ps, &in, in.left, col_width(&in));
	tag_close(L);
	L->pending = L->t->par_space;
}

/* Whether a drawing holds nothing but images with alternative text (a
 * row of logos): then each is a figure of its own, in the drawing's
 * parent. */
static bool
drawing_of_figures(const struct doc_block *b)
{
	for (size_t i = 0; i < b->nprims; i++)
		if (b->prims[i].kind != DOC_PRIM_IMAGE ||
		    b->prims[i].alt == NULL || *b->prims[i].alt == '\0')
			return false;
	return b->nprims > 0;
}

static void
flow_drawing(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	struct vitem *it;
	bool figures = !b->form && b->alt == NULL && drawing_of_figures(b);

	if (b->on_page) {
		/* No room taken and no spacing: the flow is as without it. */
		tag_open(L, b->form ? DEV_TAG_FORM : b->alt != NULL ?
		    DEV_TAG_FIGURE : DEV_TAG_P);
		it = vl_add(L, V_DRAWING, 0);
		it->keep_prev = true;	/* on the page of what it follows */
		it->x = 0;
		it->w = 0;
		it->blk = b;
		tag_close(L);
		return;
	}
	space(L, 0);
	if (!figures)
		tag_open(L, b->form ? DEV_TAG_FORM : b->alt != NULL ?
		    DEV_TAG_FIGURE : DEV_TAG_P);
	it = vl_add(L, V_DRAWING, b->height);
	it->x = c->left;
	it->w = b->width;
	it->blk = b;
	if (!figures)
		tag_close(L);
	L->pending = L->t->par_space;
}

static void
flow_container(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	flow_children(L, b, c);
}

static const flow_fn flow_acts[DOC__MAX] = {
	flow_container,		/* DOC_ROOT */
	flow_heading,		/* DOC_HEADING */
	flow_para,		/* DOC_PARA */
	flow_list,		/* DOC_LIST */
	flow_container,		/* DOC_ITEM (outside a list) */
	flow_quote,		/* DOC_QUOTE */
	flow_code,		/* DOC_CODE */
	flow_rule,		/* DOC_RULE */
	flow_image,		/* DOC_IMAGE */
	flow_space,		/* DOC_SPACE */
	flow_pagebreak,		/* DOC_PAGEBREAK */
	flow_table,		/* DOC_TABLE */
	flow_container,		/* DOC_ROW (outside a table) */
	flow_container,		/* DOC_CELL (outside a table) */
	flow_keep,		/* DOC_KEEP */
	flow_toc,		/* DOC_TOC */
	flow_tickbox,		/* DOC_TICKBOX */
	flow_fillin,		/* DOC_FILLIN */
	flow_signature,		/* DOC_SIGNATURE */
	flow_drawing,		/* DOC_DRAWING */
};

static void
flow_block(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	flow_acts[b->kind](L, b, c);
}

/* Lines of a closing paragraph that go with the block before it. */
#define CLOSING_LINES	2

/* Blocks before a closing paragraph that it may pull onto the next page
 * whole: no higher than this many body lines. */
#define CLOSING_PULL	5

/*
 * Keep a section's short closing paragraph, the items [from, L->vl.n),
 * with the block before it, the items [prev_from, from), so that it
 * never stands alone at the top of a page: only when it has at most
 * CLOSING_LINES lines and the block before can be split (text) or is
 * small, so that no page is left with a large empty area.
 */
static void
keep_closing(struct lay *L, const struct doc_block *prev, size_t prev_from,
    size_t from)
{
	size_t lines = 0;
	double h = 0;

	for (size_t i = from; i < L->vl.n; i++)
		if (L->vl.v[i].kind == V_LINE)
			lines++;
		else if (L->vl.v[i].kind != V_GLUE)
			return;
	if (lines == 0 || lines > CLOSING_LINES)
		return;
	for (size_t i = prev_from; i < from; i++)
		h += L->vl.v[i].h;
	if (prev->kind != DOC_PARA && prev->kind != DOC_LIST &&
	    prev->kind != DOC_QUOTE &&
	    h > CLOSING_PULL * L->t->leading[DOC_FONT_BODY])
		return;
	for (size_t i = from; i < L->vl.n; i++)
		L->vl.v[i].keep_prev = true;
}

/* An introduction of at most this many lines stays whole with the keep
 * group after it that asks to stay with it (keep_prev). */
#define INTRO_LINES	6

/* Whether a block is a paragraph that ends with a colon: the lead-in of
 * the block after it. */
static bool
lead_in(const struct doc_block *b)
{
	if (b->kind != DOC_PARA)
		return false;
	for (size_t r = b->nruns; r-- > 0;) {
		const struct doc_run *run = &b->runs[r];
		size_t n = run->len;

		while (n > 0 && (run->text[n - 1] == ' ' ||
		    run->text[n - 1] == '\n'))
			n--;
		if (n > 0)
			return run->text[n - 1] == ':';
	}
	return false;
}

/* No page break between the items before from (a lead-in's last line)
 * and the first line, row or picture from there on. */
static void
keep_lead_in(struct lay *L, size_t from)
{
	for (size_t i = from; i < L->vl.n; i++) {
		L->vl.v[i].keep_prev = true;
		if (L->vl.v[i].kind != V_GLUE)
			break;
	}
}

/* No page break inside the items [from, to) when they hold at most max
 * text lines and nothing but lines and space. */
static void
keep_short(struct lay *L, size_t from, size_t to, size_t max)
{
	size_t lines = 0;

	for (size_t i = from; i < to; i++)
		if (L->vl.v[i].kind == V_LINE)
			lines++;
		else if (L->vl.v[i].kind != V_GLUE)
			return;
	if (lines <= max)
		keep_together(L, from, to);
}

static void
flow_children(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	const struct doc_block *prev = NULL;
	size_t prev_from = 0;

	for (const struct doc_block *k = b->first; k != NULL; k = k->next) {
		size_t from = L->vl.n;

		if (b == L->doc->root)
			L->part = part_next(prev, k, L->part);
		flow_block(L, k, c);
		/* The last paragraph of a section: before a heading, a page
		 * break or the end of the document. */
		if (b->kind == DOC_ROOT && k->kind == DOC_PARA &&
		    prev != NULL && prev->kind != DOC_HEADING &&
		    prev->kind != DOC_PAGEBREAK && prev->kind != DOC_SPACE &&
		    (k->next == NULL || k->next->kind == DOC_HEADING ||
		    k->next->kind == DOC_PAGEBREAK))
			keep_closing(L, prev, prev_from, from);
		/* A paragraph that introduces the next block ("...
		 * phrase their goals:") stays with it. */
		if (prev != NULL && k->kind != DOC_HEADING &&
		    k->kind != DOC_PAGEBREAK && lead_in(prev))
			keep_lead_in(L, from);
		/* A chart with its short introduction (and so with the
		 * heading, which keeps the introduction's first lines). */
		if (k->kind == DOC_KEEP && k->keep_prev && prev != NULL &&
		    prev->kind == DOC_PARA)
			keep_short(L, prev_from, from, INTRO_LINES);
		prev = k;
		prev_from = from;
	}
}

/* Collect the headings of the outline and TOC, in document order. The
 * destination numbers are their indices. */
static void
collect_heads(struct lay *L, const struct doc_block *b, int depth)
{
	for (const struct doc_block *k = b->first; k != NULL; k = k->next) {
		if (k->kind == DOC_HEADING && !k->no_toc && depth == 0) {
			L->heads = xgrow(L->heads, &L->headcap, L->nheads + 1,
			    sizeof(*L->heads));
			L->heads[L->nheads++] = k;
		}
		/* Headings inside containers are set but not listed,
		 * just as flow_heading gives them no destination; keep
		 * groups and the documents of a combined file (DOC_ROOT)
		 * are no such containers. */
		if (k->first != NULL &&
		    (k->kind == DOC_KEEP || k->kind == DOC_ROOT))
			collect_heads(L, k, depth);
	}
}

/* ---- links to headings ---------------------------------------------- */

/* The value of a hex digit, or -1. */
static int
hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* The id of a "#id" link with %XX escapes decoded (caller frees). */
static char *
xref_id(const char *uri)
{
	char *id = xstrdup(uri + 1), *o = id;

	for (const char *s = uri + 1; *s != '\0'; s++) {
		int hi, lo;

		if (s[0] == '%' && (hi = hexval(s[1])) >= 0 &&
		    (lo = hexval(s[2])) >= 0 && (hi || lo)) {
			*o++ = (char)(hi * 16 + lo);
			s += 2;
		} else
			*o++ = *s;
	}
	*o = '\0';
	return id;
}

/*
 * The part of a combined document that the top-level block k belongs to,
 * given the part of the block before it (prev, NULL for the first): a
 * page break that restarts the page numbers begins a new part, and each
 * DOC_ROOT container is a part of its own.
 */
static size_t
part_next(const struct doc_block *prev, const struct doc_block *k,
    size_t part)
{
	if (prev == NULL)
		return 0;
	if (k->kind == DOC_ROOT || prev->kind == DOC_ROOT ||
	    (prev->kind == DOC_PAGEBREAK && prev->restart_pages))
		return part + 1;
	return part;
}

/* The index in L->ids of the heading a "#id" link in the current part
 * points to, or -1. */
static long
xref_find(struct lay *L, const char *uri)
{
	char *id = xref_id(uri);
	long found = -1;
	size_t from = 0, to = L->nids;

	if (L->part < L->nparts) {
		from = L->pfirst[L->part];
		to = L->pfirst[L->part + 1];
	}
	for (size_t i = from; i < to; i++)
		if (L->ids[i] != NULL && strcmp(L->ids[i], id) == 0) {
			found = (long)i;
			break;
		}
	free(id);
	return found;
}

/* Check the "#id" links of a block and its children: a link to no heading
 * is warned about once (per source line), a heading outside the TOC that
 * is linked to gets a destination of its own. */
static void
xref_check(struct lay *L, const struct doc_block *b, const char **last_uri,
    long *last_line)
{
	for (size_t r = 0; r < b->nruns; r++) {
		const struct doc_run *run = &b->runs[r];
		long x, sug;
		size_t from;
		char *id;

		if (run->uri == NULL || run->uri[0] != '#')
			continue;
		if ((x = xref_find(L, run->uri)) >= 0) {
			if (L->iddest[x] < 0)
				L->iddest[x] = (int)L->nheads + L->nextra++;
			continue;
		}
		/* One link in several runs (bold inside) warns once. */
		if (*last_uri != NULL && strcmp(*last_uri, run->uri) == 0 &&
		    *last_line == run->line)
			continue;
		*last_uri = run->uri;
		*last_line = run->line;
		id = xref_id(run->uri);
		from = L->pfirst[L->part];
		sug = suggest_index(id, (const char *const *)L->ids + from,
		    L->pfirst[L->part + 1] - from, SUGGEST_ID);
		if (sug >= 0)
			diag_warn(b->file, run->line, "link to #%s: no heading "
			    "with this id in the document (did you mean "
			    "#%s?); the text is kept without a link", id,
			    L->ids[from + (size_t)sug]);
		else
			diag_warn(b->file, run->line, "link to #%s: no heading "
			    "with this id in the document; the text is kept "
			    "without a link", id);
		free(id);
	}
	for (const struct doc_block *k = b->first, *prev = NULL; k != NULL;
	    prev = k, k = k->next) {
		if (b == L->doc->root)
			L->part = part_next(prev, k, L->part);
		xref_check(L, k, last_uri, last_line);
	}
}

/* Whether a block or one of its children links to a heading. */
static bool
has_xref(const struct doc_block *b)
{
	for (size_t r = 0; r < b->nruns; r++)
		if (b->runs[r].uri != NULL && b->runs[r].uri[0] == '#')
			return true;
	for (const struct doc_block *k = b->first; k != NULL; k = k->next)
		if (has_xref(k))
			return true;
	return false;
}

/* Count the ids of the headings of each part of the document (see
 * part_next) on their own, into L->ids, L->idblk and L->pfirst. */
static void
xref_ids(struct lay *L)
{
	const struct doc_block *start = L->doc->root->first, *prev = NULL;
	size_t part = 0, cap = 0;

	L->pfirst = xgrow(NULL, &cap, 1, sizeof(*L->pfirst));
	L->pfirst[0] = 0;
	for (const struct doc_block *k = L->doc->root->first; ; prev = k,
	    k = k->next) {
		const struct doc_block **blk;
		char **ids;
		size_t n, q = k != NULL ? part_next(prev, k, part) : part + 1;

		if (q == part)
			continue;
		/* The part from start up to k is complete. */
		n = doc_heading_ids_range(start, k, &blk, &ids);
		L->idblk = xrealloc(L->idblk, (L->nids + n + 1) *
		    sizeof(*L->idblk));
		L->ids = xrealloc(L->ids, (L->nids + n + 1) * sizeof(*L->ids));
		if (n > 0) {
			memcpy(L->idblk + L->nids, blk, n * sizeof(*blk));
			memcpy(L->ids + L->nids, ids, n * sizeof(*ids));
		}
		free(blk);
		free(ids);
		L->nids += n;
		L->pfirst = xgrow(L->pfirst, &cap, L->nparts + 2,
		    sizeof(*L->pfirst));
		L->pfirst[++L->nparts] = L->nids;
		if (k == NULL)
			break;
		part = q;
		start = k;
	}
}

/* Give every heading its id and resolve the links to headings over the
 * whole document (a chapter may link to a later one) or, in a combined
 * document, over its part. A document without such links (a
 * certificate) skips the work. */
static void
xref_resolve(struct lay *L)
{
	const char *last_uri = NULL;
	long last_line = 0;

	if (!has_xref(L->doc->root))
		return;
	xref_ids(L);
	L->iddest = xcalloc(L->nids + 1, sizeof(*L->iddest));
	for (size_t i = 0; i < L->nids; i++) {
		const struct doc_block *h = L->idblk[i];

		/* An id given twice ({#id}) cannot serve both headings. */
		if (h->id != NULL && L->ids[i] != NULL &&
		    strcmp(h->id, L->ids[i]) != 0)
			diag_warn(h->file, h->line, "heading id #%s is taken "
			    "by an earlier heading; this one is #%s", h->id,
			    L->ids[i]);
		L->iddest[i] = -1;
		for (size_t h = 0; h < L->nheads; h++)
			if (L->heads[h] == L->idblk[i]) {
				L->iddest[i] = (int)h;
				break;
			}
	}
	L->part = 0;
	xref_check(L, L->doc->root, &last_uri, &last_line);
	L->part = 0;
}

/* ---- pagination ------------------------------------------------------ */

/*
 * Cut the list into pages: each page takes items as long as they fit and
 * ends at the last allowed break; a page that cannot be broken anywhere
 * legal is cut where it overflows.
 */
static struct page *
paginate(struct lay *L, size_t *npages)
{
	struct vitem *v = L->vl.v;
	size_t n = L->vl.n, k = 0, np = 0, cap = 0;
	double body = L->t->page_h - L->t->top - L->t->bottom;
	struct page *pages = NULL;

	while (k < n) {
		struct page pg = { 0 };
		double y = 0, avail = body;
		size_t j, last_ok = NONE, last_weak = NONE;

		while (k < n && (v[k].kind == V_GLUE || v[k].kind == V_BREAK))
			k++;
		if (k == n)
			break;
		pg.first = k;
		pg.rep_first = NONE;
		if (v[k].kind == V_BOX && v[k].table >= 0 && !v[k].header &&
		    L->tbl_hdr_first[v[k].table] != NONE &&
		    L->tbl_hdr_first[v[k].table] < k) {
			pg.rep_first = L->tbl_hdr_first[v[k].table];
			pg.rep_n = L->tbl_hdr_n[v[k].table];
			for (size_t r = 0; r < pg.rep_n; r++)
				avail -= v[pg.rep_first + r].h;
		}
		/* Rows of a group begun on an earlier page: its name again,
		 * marked continued. */
		pg.rep_grp = NONE;
		if (v[k].kind == V_BOX && v[k].table >= 0 && !v[k].header &&
		    !v[k].group && v[k].grp >= 0) {
			pg.rep_grp = (size_t)v[k].grp;
			avail -= L->reps.v[pg.rep_grp].h;
		}
		for (j = k; j < n; j++) {
			if (v[j].kind == V_BREAK)
				break;
			if (j > k && !v[j].keep_prev && y <= avail + 0.01)
				last_ok = j;
			if (j > k && v[j].weak_break && y <= avail + 0.01)
				last_weak = j;
			if (v[j].kind != V_GLUE && y + v[j].h > avail + 0.01)
				break;
			y += v[j].h;
		}
		if (j == n || v[j].kind == V_BREAK)
			pg.end = j;
		else if (last_ok != NONE)
			pg.end = last_ok;
		else if (last_weak != NONE)
			pg.end = last_weak;
		else
			pg.end = j > k ? j : k + 1;
		pages = xgrow(pages, &cap, np + 1, sizeof(*pages));
		pages[np++] = pg;
		k = pg.end;
	}
	*npages = np;
	return pages;
}

/* ---- drawing --------------------------------------------------------- */

/*
 * Send a run of text to the device, cut where characters change between
 * the font and its fallback: each piece in the face that has its glyphs,
 * placed right after the previous one by the same widths that layout
 * measured with (font_width() counts fallback characters with their
 * fallback advances), so nothing moves.
 */
static void
put_text(struct device *d, struct font *f, double size, struct dev_color c,
    double x, double y, const char *s, size_t len)
{
	struct font *cur = NULL, *face;
	size_t i = 0, start = 0, k;
	uint32_t cp;

	if (f == NULL || font_fallback(f) == NULL) {
		d->ops->text(d, f, size, c, x, y, s, len);
		return;
	}
	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;		/* stays with its piece */
			continue;
		}
		face = font_face(f, cp);
		if (cur != NULL && face != cur) {
			d->ops->text(d, cur, size, c, x, y, s + start,
			    i - start);
			x += font_width(cur, s + start, i - start) * size /
			    1000;
			start = i;
		}
		cur = face;
		i += k;
	}
	if (start < len || len == 0)
		d->ops->text(d, cur != NULL ? cur : f, size, c, x, y,
		    s + start, len - start);
}

static void
draw_frags(struct lay *L, const struct vitem *it, double base, bool tags,
    bool skip_label)
{
	struct device *d = L->dev;

	for (size_t i = 0; i < it->nfrags; i++) {
		const struct frag *f = &it->frags[i];
		size_t j = i;
		double asc, x1;

		if (f->label && skip_label)	/* drawn as the Lbl */
			continue;
		if (f->uri == NULL) {
			put_text(d, f->font, f->size, f->color, f->x, base,
			    f->s, f->len);
			continue;
		}
		/* A stretch of fragments with the same target (one link
		 * with bold or italic words is several runs): one Link
		 * element with its text and one link area. */
		while (j + 1 < it->nfrags && it->frags[j + 1].uri != NULL &&
		    it->frags[j + 1].xref == f->xref &&
		    strcmp(it->frags[j + 1].uri, f->uri) == 0)
			j++;
		if (tags)
			d->ops->tag_begin(d, DEV_TAG_LINK, NULL);
		for (size_t k = i; k <= j; k++)
			put_text(d, it->frags[k].font, it->frags[k].size,
			    it->frags[k].color, it->frags[k].x, base,
			    it->frags[k].s, it->frags[k].len);
		asc = font_ascent(f->font) * f->size / 1000;
		x1 = it->frags[j].x + it->frags[j].w;
		if (f->xref > 0)
			d->ops->link_dest(d, f->x, base - asc, x1 - f->x,
			    asc - font_descent(f->font) * f->size / 1000,
			    f->xref - 1);
		else
			d->ops->link_uri(d, f->x, base - asc, x1 - f->x,
			    asc - font_descent(f->font) * f->size / 1000,
			    f->uri);
		if (tags)
			d->ops->tag_end(d);
		i = j;
	}
}

static void
draw_number(struct lay *L, struct font *f, double size, double xr,
    double base, int n)
{
	char buf[16];
	size_t len = (size_t)snprintf(buf, sizeof(buf), "%d", n);
	double w = font_width(f, buf, len) * size / 1000;

	put_text(L->dev, f, size, L->t->text, xr - w, base, buf, len);
}

static void	draw_item(struct lay *, const struct vitem *, double y,
		    const int *dest_page, bool tags);

static void
draw_prims(struct lay *L, const struct vitem *it, double y)
{
	struct device *d = L->dev;
	const struct doc_block *b = it->blk;

	if (b->on_page)
		y = 0;		/* it->x is 0 */
	for (size_t i = 0; i < b->nprims; i++) {
		const struct doc_prim *p = &b->prims[i];
		struct dev_color g = { p->grey, p->grey, p->grey };

		switch (p->kind) {
		case DOC_PRIM_LINE:
			d->ops->line(d, it->x + p->x, y + p->y,
			    it->x + p->x + p->w, y + p->y + p->h,
			    p->width > 0 ? p->width : 0.5, g);
			break;
		case DOC_PRIM_RECT:
			d->ops->rect(d, it->x + p->x, y + p->y, p->w, p->h,
			    p->width > 0 ? NULL : &g, p->width, g);
			break;
		case DOC_PRIM_TEXT:
			if (p->text != NULL)
				put_text(d, template_font(L->t,
				    DOC_FONT_BODY, 0), p->size, L->t->text,
				    it->x + p->x, y + p->y, p->text,
				    strlen(p->text));
			break;
		case DOC_PRIM_IMAGE:
			if (p->text != NULL)
				(void)d->ops->image(d, p->text, it->x + p->x,
				    y + p->y, p->w, p->h, p->alt);
			break;
		default:
			break;
		}
	}
}

/* Draw one item with its top at y; tags false leaves out structure
 * (for repeated table header rows). */
static void
draw_item(struct lay *L, const struct vitem *it, double y,
    const int *dest_page, bool tags)
{
	struct device *d = L->dev;
	const struct fctx *c = it->ctx;
	struct dev_color grey = { 0.6, 0.6, 0.6 };
	const struct frag *lbl = it->kind == V_LINE && it->nfrags > 0 &&
	    it->frags[0].label ? &it->frags[0] : NULL;
	bool label_done = false;

	for (size_t i = 0; tags && i < it->nopens; i++) {
		/* A list item: its label before its body. */
		if (lbl != NULL && it->opens[i] == DEV_TAG_LBODY) {
			d->ops->tag_begin(d, DEV_TAG_LBL, NULL);
			put_text(d, lbl->font, lbl->size, lbl->color,
			    lbl->x, y + it->asc, lbl->s, lbl->len);
			d->ops->tag_end(d);
			label_done = true;
		}
		d->ops->tag_begin(d, (enum dev_tag)it->opens[i],
		    (it->kind == V_IMAGE || it->kind == V_DRAWING) &&
		    it->opens[i] == DEV_TAG_FIGURE ? it->blk->alt : NULL);
	}
	if (c != NULL && c->code) {
		struct dev_color bg = { 0.94, 0.94, 0.94 };

		d->ops->rect(d, c->code_x0, y, c->code_x1 - c->code_x0, it->h,
		    &bg, 0, bg);
	}
	if (c != NULL)
		for (int i = 0; i < c->nbars; i++)
			d->ops->line(d, c->bar_x[i], y, c->bar_x[i], y + it->h,
			    2, grey);
	/* The device names the source in its warnings about links,
	 * destinations and bookmarks. */
	if (d->ops->source != NULL)
		d->ops->source(d, it->blk != NULL ? it->blk->file : NULL,
		    it->blk != NULL ? it->blk->line : 0);
	if (it->dest >= 0 && tags) {
		d->ops->dest(d, it->dest, y);
		if (it->title != NULL)
			d->ops->bookmark(d, it->level, it->title, it->dest);
	}
	switch (it->kind) {
	case V_LINE:
		if (it->tick >= 0) {
			double s = it->w, bx = it->x, by = y + it->asc - s;
			struct dev_color k = L->t->text;

			/* The box is a form field; its alt text says its
			 * state in words a screen reader reads out. */
			bool en = L->doc->lang != NULL &&
			    strcmp(L->doc->lang, "en") == 0;

			if (tags)
				d->ops->tag_begin(d, DEV_TAG_FORM, it->tick > 0 ?
				    (en ? "ticked" : "angekreuzt") :
				    (en ? "not ticked" : "nicht angekreuzt"));
			d->ops->rect(d, bx, by, s, s, NULL, 0.7, k);
			if (it->tick > 0) {
				d->ops->line(d, bx + s * 0.2, by + s * 0.55,
				    bx + s * 0.42, by + s * 0.8, 1.2, k);
				d->ops->line(d, bx + s * 0.42, by + s * 0.8,
				    bx + s * 0.85, by + s * 0.2, 1.2, k);
			}
			if (tags)
				d->ops->tag_end(d);
		}
		/* A table of contents entry is one link. */
		if (tags && it->toc_dest >= 0)
			d->ops->tag_begin(d, DEV_TAG_LINK, NULL);
		draw_frags(L, it, y + it->asc, tags, label_done);
		if (it->toc_dest >= 0) {
			double right = L->t->page_w - L->t->right;

			if (it->toc_num) {
				int pg = dest_page[it->toc_dest];
				char dots[512];
				size_t nd = 0;
				struct font *f = it->toc_font;
				double step = font_width(f, ". ", 2) *
				    it->toc_size / 1000;
				double x0 = L->t->left + ceil((it->toc_end + 4 -
				    L->t->left) / step) * step;

				/* Leaders: dots on a grid shared by all
				 * entries, ending before the number column. */
				while (x0 + (double)(nd / 2 + 1) * step <
				    right - TOC_NUM_W + 10 && nd + 2 <
				    sizeof(dots)) {
					dots[nd++] = '.';
					dots[nd++] = ' ';
				}
				if (nd > 0)
					put_text(d, f, it->toc_size,
					    L->t->text, x0, y + it->asc,
					    dots, nd - 1);
				draw_number(L, f, it->toc_size, right,
				    y + it->asc, pg);
			}
			d->ops->link_dest(d, L->t->left, y, right - L->t->left,
			    it->h, it->toc_dest);
			if (tags)
				d->ops->tag_end(d);
		}
		break;
	case V_RULE: {
		d->ops->line(d, it->x, y + it->h / 2, it->x + it->w,
		    y + it->h / 2, it->line_w, L->t->rule);
		break;
	}
	case V_FILL:
		d->ops->line(d, it->x, y + it->asc, it->x + it->w,
		    y + it->asc, it->line_w, L->t->text);
		break;
	case V_IMAGE:
		d->ops->image(d, it->blk->path, it->x, y, it->w, it->h,
		    it->blk->alt);
		break;
	case V_DRAWING:
		draw_prims(L, it, y);
		break;
	case V_BOX:
		for (size_t i = 0; i < it->nkids; i++)
			draw_item(L, &it->kids[i], y + it->kids[i].dy,
			    dest_page, tags);
		if (it->line_w > 0)
			d->ops->line(d, it->x, y + it->h, it->x + it->w,
			    y + it->h, it->line_w, L->t->rule);
		break;
	default:
		break;
	}
	for (int i = 0; tags && i < it->ncloses; i++)
		d->ops->tag_end(d);
}

/* Expand {{title}}, {{programme}}, {{chapter}}, {{page}}, {{pages}} in a
 * running head. */
static char *
expand_slot(struct lay *L, const char *s, const struct page *pg, int page,
    int pages)
{
	struct strbuf sb = STRBUF_INIT;

	while (*s != '\0') {
		if (strncmp(s, "{{title}}", 9) == 0) {
			sb_adds(&sb, L->doc->title ? L->doc->title : "");
			s += 9;
		} else if (strncmp(s, "{{programme}}", 13) == 0) {
			sb_adds(&sb, L->doc->programme ? L->doc->programme :
			    "");
			s += 13;
		} else if (strncmp(s, "{{chapter}}", 11) == 0) {
			sb_adds(&sb, pg->chapter ? pg->chapter : "");
			s += 11;
		} else if (strncmp(s, "{{page}}", 8) == 0) {
			sb_addf(&sb, "%d", page);
			s += 8;
		} else if (strncmp(s, "{{pages}}", 9) == 0) {
			sb_addf(&sb, "%d", pages);
			s += 9;
		} else
			sb_addc(&sb, *s++);
	}
	return sb_take(&sb);
}

/*
 * Shorten text (owned, replaced) to fit room points at size: cut after
 * the last whole word that fits with one ellipsis after it, leaving no
 * separator (comma, colon, dash, middle dot) before the ellipsis. Only a
 * first word too long for the room is cut inside.
 */
static char *
fit_slot(struct font *f, double size, char *text, double room)
{
	static const char ell[] = "\xe2\x80\xa6";
	size_t len = strlen(text), cut, word = 0;
	char *s;

	if (font_width(f, text, len) * size / 1000 <= room)
		return text;
	/* Whole words only: the longest prefix ending before a space. */
	for (size_t k = 1; k < len; k++)
		if (text[k] == ' ' && font_width(f, text, k) * size /
		    1000 + font_width(f, ell, 3) * size / 1000 <= room)
			word = k;
	if (word > 0)
		cut = word;
	else {
		cut = len;
		while (cut > 0 && font_width(f, text, cut) * size / 1000 +
		    font_width(f, ell, 3) * size / 1000 > room) {
			cut--;
			while (cut > 0 && ((unsigned char)text[cut] & 0xC0) ==
			    0x80)
				cut--;
		}
	}
	/* No separator or space before the ellipsis. */
	for (;;) {
		if (cut > 0 && strchr(" ,;:-", text[cut - 1]) != NULL)
			cut--;
		else if (cut > 1 && memcmp(text + cut - 2, "\xc2\xb7", 2) == 0)
			cut -= 2;
		else if (cut > 2 && memcmp(text + cut - 3, "\xe2\x80\x93", 3) ==
		    0)
			cut -= 3;
		else
			break;
	}
	text[cut] = '\0';
	s = xasprintf("%s%s", text, ell);
	free(text);
	return s;
}

/* Gap between the left and right texts of a running head (points). */
#define SLOT_GAP	24

/*
 * The width each slot's text (NULL = none) of a running head or foot may
 * take on a line of width line_w: a centred text has the whole line, as it
 * is placed between the others; without one, the left and right texts
 * share the line by need: when both fit with a gap between them they
 * keep their widths, else the shorter keeps its width and the longer gets
 * what it leaves free, and only when both are longer than half the line
 * each gets its half.
 */
static void
slot_rooms(struct font *f, double size, char *const *text, double line_w,
    double *room)
{
	double w[TMPL_SLOT__MAX], half = (line_w - SLOT_GAP) / 2;

	for (int s = 0; s < TMPL_SLOT__MAX; s++)
		w[s] = text[s] != NULL ? font_width(f, text[s],
		    strlen(text[s])) * size / 1000 : 0;
	room[TMPL_CENTER] = line_w - 12;
	room[TMPL_LEFT] = room[TMPL_RIGHT] = half;
	if (text[TMPL_CENTER] != NULL && w[TMPL_CENTER] > 0)
		return;		/* three texts: halves as before */
	if (w[TMPL_RIGHT] <= 0)
		room[TMPL_LEFT] = line_w;
	else if (w[TMPL_LEFT] <= 0)
		room[TMPL_RIGHT] = line_w;
	else if (w[TMPL_LEFT] + w[TMPL_RIGHT] + SLOT_GAP <= line_w) {
		room[TMPL_LEFT] = w[TMPL_LEFT];
		room[TMPL_RIGHT] = w[TMPL_RIGHT];
	} else if (w[TMPL_RIGHT] < half)
		room[TMPL_LEFT] = line_w - SLOT_GAP - w[TMPL_RIGHT];
	else if (w[TMPL_LEFT] < half)
		room[TMPL_RIGHT] = line_w - SLOT_GAP - w[TMPL_LEFT];
}

/*
 * Draw the running head or foot: each slot in its third of the line
 * (left and right get half the width each, the centre all of it), cut
 * after a word with an ellipsis when too long. A right slot that says
 * the same as the left one is left out.
 */
static void
draw_slots(struct lay *L, char *const *slots, double size, double base,
    const struct page *pg, int page, int pages)
{
	struct font *f = template_font(L->t, DOC_FONT_BODY, 0);
	double left = L->t->left, right = L->t->page_w - L->t->right;
	double room[TMPL_SLOT__MAX];
	char *text[TMPL_SLOT__MAX];

	for (int s = 0; s < TMPL_SLOT__MAX; s++)
		text[s] = slots[s] != NULL ? expand_slot(L, slots[s], pg, page,
		    pages) : NULL;
	if (text[TMPL_LEFT] != NULL && text[TMPL_RIGHT] != NULL &&
	    strcmp(text[TMPL_LEFT], text[TMPL_RIGHT]) == 0) {
		free(text[TMPL_RIGHT]);
		text[TMPL_RIGHT] = NULL;
	}
	slot_rooms(f, size, text, right - left, room);
	for (int s = 0; s < TMPL_SLOT__MAX; s++) {
		size_t len;
		double w, x;

		if (text[s] == NULL)
			continue;
		text[s] = fit_slot(f, size, text[s], room[s]);
		len = strlen(text[s]);
		w = font_width(f, text[s], len) * size / 1000;
		x = s == TMPL_LEFT ? left : s == TMPL_RIGHT ? right - w :
		    (left + right - w) / 2;
		if (len > 0)
			put_text(L->dev, f, size, L->t->text, x, base,
			    text[s], len);
		free(text[s]);
	}
}

/* Quote bars continue through the space between two quoted blocks. */
static void
glue_bars(struct lay *L, const struct vitem *a, const struct vitem *b,
    double y, double h)
{
	struct dev_color grey = { 0.6, 0.6, 0.6 };

	if (a->ctx == NULL || b->ctx == NULL)
		return;
	for (int i = 0; i < a->ctx->nbars && i < b->ctx->nbars; i++)
		if (a->ctx->bar_x[i] == b->ctx->bar_x[i])
			L->dev->ops->line(L->dev, a->ctx->bar_x[i], y,
			    a->ctx->bar_x[i], y + h, 2, grey);
}

static void
draw_page(struct lay *L, const struct page *pg, int page, int pages,
    const int *dest_page)
{
	const struct template *t = L->t;
	struct device *d = L->dev;
	double y = t->top;
	bool plain = page == 1 && L->doc->title_page;

	d->ops->page(d, t->page_w, t->page_h);
	/* Viewers show the numbers printed in the foot: a title page is
	 * called so, and the count goes on from 2 after it. */
	if (d->ops->page_label != NULL && L->doc->title_page && page <= 2)
		d->ops->page_label(d, page == 1 ? (strcmp(L->doc->lang, "en")
		    == 0 ? "Title" : "Titelseite") : NULL, page == 1 ? 0 : 2);
	/* Another document of a combined file: viewers count from 1 too. */
	if (d->ops->page_label != NULL && L->relabel)
		d->ops->page_label(d, NULL, 1);
	if (!plain) {
		d->ops->artifact_begin(d);
		if (L->logo_h > 0)
			d->ops->image(d, t->logo, t->logo_x, t->logo_y,
			    t->logo_w, L->logo_h, NULL);
		draw_slots(L, t->head, t->head_size, t->top / 2 + 4, pg, page,
		    pages);
		draw_slots(L, t->foot, t->foot_size,
		    t->page_h - t->bottom / 2, pg, page, pages);
		d->ops->artifact_end(d);
	}
	if (pg->rep_first != NONE)
		for (size_t r = 0; r < pg->rep_n; r++) {
			const struct vitem *h = &L->vl.v[pg->rep_first + r];

			/* Repeated rows are decoration: no tags again. */
			d->ops->artifact_begin(d);
			draw_item(L, h, y, dest_page, false);
			d->ops->artifact_end(d);
			y += h->h;
		}
	if (pg->rep_grp != NONE) {
		const struct vitem *g = &L->reps.v[pg->rep_grp];

		d->ops->artifact_begin(d);
		draw_item(L, g, y, dest_page, false);
		d->ops->artifact_end(d);
		y += g->h;
	}
	for (size_t i = pg->first; i < pg->end; i++) {
		const struct vitem *it = &L->vl.v[i];

		if (it->kind == V_GLUE && i > pg->first && i + 1 < pg->end)
			glue_bars(L, &L->vl.v[i - 1], &L->vl.v[i + 1], y, it->h);
		if (it->kind == V_GLUE || it->kind == V_BREAK) {
			y += it->h;
			for (int k = 0; k < it->ncloses; k++)
				d->ops->tag_end(d);
			continue;
		}
		draw_item(L, it, y, dest_page, true);
		y += it->h;
	}
}

/* Tags opened on glue or on items a page skipped must still be balanced:
 * move them to the next drawn item. */
static void
balance_tags(struct lay *L)
{
	for (size_t i = 0; i < L->vl.n; i++) {
		struct vitem *it = &L->vl.v[i];

		if (it->kind != V_GLUE && it->kind != V_BREAK)
			continue;
		if (it->nopens > 0 && i + 1 < L->vl.n) {
			struct vitem *nx = &L->vl.v[i + 1];
			unsigned char *o = xmalloc(it->nopens + nx->nopens);

			memcpy(o, it->opens, it->nopens);
			memcpy(o + it->nopens, nx->opens, nx->nopens);
			free(nx->opens);
			nx->opens = o;
			nx->nopens += it->nopens;
			free(it->opens);
			it->opens = NULL;
			it->nopens = 0;
		}
	}
}

int
layout_render(const struct doc *doc, const struct template *t,
    struct device *dev, struct layout_stats *stats)
{
	struct lay L;
	struct fctx c;
	struct page *pages;
	size_t npages;
	int *dest_page, rc = 0;
	size_t *sec, *len;
	const char *chapter = NULL;

	memset(&L, 0, sizeof(L));
	L.doc = doc;
	L.t = t;
	L.dev = dev;
	L.last_drawn = NONE;
	memset(&c, 0, sizeof(c));
	c.left = t->left;
	c.right = t->page_w - t->right;
	collect_heads(&L, doc->root, 0);
	xref_resolve(&L);
	if (t->logo != NULL) {
		int pw, ph;
		const char *err = NULL;

		if (layout_image_size(t->logo, &pw, &ph, &err) == 0)
			L.logo_h = t->logo_w * ph / pw;
		else
			diag_warn(t->file, 0, "logo %s: %s; left out", t->logo,
			    err ? err : strerror(errno));
	}
	tag_open(&L, DEV_TAG_DOCUMENT);
	flow_children(&L, doc->root, &c);
	tag_close(&L);
	balance_tags(&L);
	pages = paginate(&L, &npages);
	/* Where each destination ended up; each page's chapter is the last
	 * level-1 heading on it or before it. */
	dest_page = xcalloc(L.nheads + 1, sizeof(*dest_page));
	for (size_t p = 0; p < npages; p++) {
		for (size_t i = pages[p].first; i < pages[p].end; i++) {
			const struct vitem *it = &L.vl.v[i];

			if (it->dest < 0 || (size_t)it->dest >= L.nheads)
				continue;
			dest_page[it->dest] = (int)p + 1;
			if (it->level == 1)
				chapter = it->title;
		}
		pages[p].chapter = chapter;
	}
	/* Page numbers in running heads start again after a page break
	 * that begins another document of a combined file: sec[p] is the
	 * first page of page p's document, len[q] the length of the
	 * document starting at q. */
	sec = xcalloc(npages + 1, sizeof(*sec));
	len = xcalloc(npages + 1, sizeof(*len));
	for (size_t p = 0, s0 = 0; p < npages; p++) {
		for (size_t i = p > 0 ? pages[p - 1].first : 0; p > 0 &&
		    i < pages[p].first; i++)
			if (L.vl.v[i].kind == V_BREAK && L.vl.v[i].blk &&
			    L.vl.v[i].blk->restart_pages)
				s0 = p;
		sec[p] = s0;
		len[s0]++;
	}
	for (size_t p = 0; p < npages; p++) {
		/* (the first page too: a label tree starts at page 0) */
		L.relabel = sec[p] == p && len[0] != npages;
		draw_page(&L, &pages[p], (int)(p - sec[p]) + 1,
		    (int)len[sec[p]], dest_page);
	}
	free(sec);
	free(len);
	L.st.pages = (int)npages;
	if (stats != NULL)
		*stats = L.st;
	free(dest_page);
	free(pages);
	for (size_t i = 0; i < L.vl.n; i++)
		vitem_free(&L.vl.v[i]);
	free(L.vl.v);
	for (size_t i = 0; i < L.nctxs; i++)
		free(L.ctxs[i]);
	free(L.ctxs);
	free(L.tbl_hdr_first);
	free(L.tbl_hdr_n);
	for (size_t i = 0; i < L.reps.n; i++)
		vitem_free(&L.reps.v[i]);
	free(L.reps.v);
	for (size_t i = 0; i < L.nconts; i++)
		doc_block_free(L.conts[i]);
	free(L.conts);
	free(L.heads);
	for (size_t i = 0; i < L.nids; i++)
		free(L.ids[i]);
	free(L.ids);
	free(L.idblk);
	free(L.iddest);
	free(L.pfirst);
	for (size_t i = 0; i < L.nstrs; i++)
		free(L.strs[i]);
	free(L.strs);
	return rc;
}

/* ---- images ---------------------------------------------------------- */

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static int
image_size_read(const char *path, int *w, int *h, const char **err)
{
	FILE *fp = fopen(path, "rb");
	unsigned char buf[32];
	int rc = -1;

	*err = NULL;
	if (fp == NULL)
		return -1;
	if (fread(buf, 1, 24, fp) != 24) {
		*err = "not a PNG or JPEG file";
		goto done;
	}
	if (memcmp(buf, "\x89PNG\r\n\x1a\n", 8) == 0 &&
	    memcmp(buf + 12, "IHDR", 4) == 0) {
		unsigned long pw = be32(buf + 16), ph = be32(buf + 20);

		if (pw == 0 || ph == 0 || pw > 100000 || ph > 100000)
			*err = "PNG of impossible size";
		else {
			*w = (int)pw;
			*h = (int)ph;
			rc = 0;
		}
		goto done;
	}
	if (buf[0] == 0xFF && buf[1] == 0xD8) {
		long pos = 2;

		/* Walk the JPEG segments to the start of frame. */
		for (int guard = 0; guard < 1000; guard++) {
			unsigned char m[9];

			if (fseek(fp, pos, SEEK_SET) != 0 ||
			    fread(m, 1, 4, fp) != 4 || m[0] != 0xFF)
				break;
			if ((m[1] >= 0xC0 && m[1] <= 0xCF && m[1] != 0xC4 &&
			    m[1] != 0xC8 && m[1] != 0xCC)) {
				if (fread(m + 4, 1, 5, fp) != 5)
					break;
				*h = (int)be16(m + 5);
				*w = (int)be16(m + 7);
				if (*w > 0 && *h > 0)
					rc = 0;
				else
					*err = "JPEG of impossible size";
				goto done;
			}
			pos += 2 + (long)be16(m + 2);
		}
		*err = "damaged JPEG file";
		goto done;
	}
	*err = "not a PNG or JPEG file";
done:
	fclose(fp);
	return rc;
}

/*
 * Image sizes are read once per run: the logos are measured for every
 * certificate, and opening the three files a thousand times took a tenth
 * of the time of a combined certificates.pdf.
 */
static struct image_size {
	char		*path;
	int		 rc, w, h, eno;
	const char	*err;
}		*image_sizes;
static size_t	 nimage_sizes, capimage_sizes;

int
layout_image_size(const char *path, int *w, int *h, const char **err)
{
	struct image_size *e;

	for (size_t i = 0; i < nimage_sizes; i++) {
		e = &image_sizes[i];
		if (strcmp(e->path, path) == 0) {
			*w = e->w;
			*h = e->h;
			*err = e->err;
			errno = e->eno;
			return e->rc;
		}
	}
	image_sizes = xgrow(image_sizes, &capimage_sizes, nimage_sizes + 1,
	    sizeof(*image_sizes));
	e = &image_sizes[nimage_sizes++];
	e->path = xstrdup(path);
	e->w = e->h = 0;
	errno = 0;
	e->rc = image_size_read(path, &e->w, &e->h, &e->err);
	e->eno = errno;
	*w = e->w;
	*h = e->h;
	*err = e->err;
	return e->rc;
}

void
layout_image_forget(void)
{
	for (size_t i = 0; i < nimage_sizes; i++)
		free(image_sizes[i].path);
	free(image_sizes);
	image_sizes = NULL;
	nimage_sizes = capimage_sizes = 0;
}
