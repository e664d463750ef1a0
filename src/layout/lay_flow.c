/*
 * Block flow: each kind of block becomes vertical items through its
 * handler in flow_acts[], tables among them (their cells hold blocks
 * again), with the keeps that hold headings, lead-ins and closing
 * paragraphs with their neighbours.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "device/font.h"
#include "layout/lay.h"
#include "util/diag.h"
#include "util/utf8.h"
#include "util/xalloc.h"

typedef void	(*flow_fn)(struct lay *, const struct doc_block *,
		    const struct fctx *);

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
		if (w > lay_col_width(c) && w > 0) {
			ps.size *= lay_col_width(c) / w * 0.995;
			if (ps.size < 4)
				ps.size = 4;
		}
	}
	lay_space(L, 0);
	/* A list item's only paragraph is its LBody itself: one structure
	 * element less per item (each costs some 80 bytes in PDF 1.4). */
	bare = L->bare_para;
	L->bare_para = false;
	if (!bare)
		lay_tag_open(L, DEV_TAG_P);
	lay_set_text(L, b, &ps, c, c->left, lay_col_width(c));
	if (!bare)
		lay_tag_close(L);
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
	ps.balance = true;
	if (t->heading[lv].new_page && L->vl.n > 0 && c->depth == 0) {
		lay_vl_add(L, V_BREAK, 0);
		L->pending = 0;
	}
	lay_space(L, t->heading[lv].before);
	lay_tag_open(L, (enum dev_tag)(DEV_TAG_H1 + lv - 1));
	first = lay_set_text(L, b, &ps, c, c->left, lay_col_width(c));
	lay_tag_close(L);
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
	lay_space(L, 0);
	lay_tag_open(L, DEV_TAG_L);
	for (const struct doc_block *it = b->first; it != NULL; it = it->next) {
		lay_tag_open(L, DEV_TAG_LI);
		set_label(L, b, n++, &in);
		/* the label goes before it */
		lay_tag_open(L, DEV_TAG_LBODY);
		L->bare_para = it->kind == DOC_ITEM ? it->first != NULL &&
		    it->first == it->last && it->first->kind == DOC_PARA :
		    it->kind == DOC_PARA;
		if (it->kind == DOC_ITEM) {
			for (const struct doc_block *k = it->first; k != NULL;
			    k = k->next) {
				lay_flow_block(L, k, &in);
				if (b->tight)
					L->pending = 0;
			}
		} else
			lay_flow_block(L, it, &in);
		L->label = NULL;
		L->bare_para = false;
		lay_tag_close(L);
		lay_tag_close(L);
		L->pending = b->tight ? 2 : L->t->par_space;
	}
	lay_tag_close(L);
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
	lay_space(L, 0);
	lay_tag_open(L, DEV_TAG_BLOCKQUOTE);
	lay_flow_children(L, b, &in);
	lay_tag_close(L);
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
	keep = lay_ctx_keep(L, &in);
	lay_space(L, 0);
	lay_tag_open(L, DEV_TAG_CODE);
	for (size_t r = 0; r < b->nruns; r++) {
		const char *s = b->runs[r].text;
		size_t len = b->runs[r].len;

		lay_check_glyphs(L, b, b->runs[r].line, f, s, len);
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
			double w = 0, maxw = lay_col_width(c) - 8;
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
			it = lay_vl_add(L, V_LINE, lead);
			it->asc = asc + (lead - size * 1.15) / 2;
			it->ctx = keep;
			if (idx > 0 && (nlines <= 4 || idx == 1 ||
			    idx + 1 >= nlines))
				it->keep_prev = true;
			idx++;
			if (L->label != NULL) {
				lay_frag_add(it, L->label);
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
				lay_frag_add(it, &fr);
			i = e < len && s[e] == '\n' ? e + 1 : e;
		} while (i < len);
	}
	lay_tag_close(L);
	L->pending = t->par_space;
}

static void
flow_rule(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	struct vitem *it;

	(void)b;
	lay_space(L, 0);
	it = lay_vl_add(L, V_RULE, 14);
	it->x = c->left;
	it->w = lay_col_width(c);
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

	if (!layout_image_usable(L->run, b) ||
	    layout_image_size(L->run, b->path, &pw, &ph, &err) != 0)
		return;
	/* Natural size at 150 dpi unless the block says otherwise. */
	w = b->width > 0 ? b->width : pw * 72.0 / 150;
	h = b->height > 0 ? b->height : w * ph / (pw ? pw : 1);
	maxh = (L->t->page_h - L->t->top - L->t->bottom) * 0.75;
	if (w > lay_col_width(c)) {
		h *= lay_col_width(c) / w;
		w = lay_col_width(c);
	}
	if (h > maxh) {
		w *= maxh / h;
		h = maxh;
	}
	lay_space(L, 0);
	lay_tag_open(L, DEV_TAG_FIGURE);
	it = lay_vl_add(L, V_IMAGE, h);
	it->x = c->left + (lay_col_width(c) - w) / 2;
	it->w = w;
	it->blk = b;
	lay_tag_close(L);
	L->pending = L->t->par_space;
}

static void
flow_space(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	(void)c;
	lay_space(L, 0);
	if (b->height > 0)
		lay_vl_add(L, V_GLUE, b->height);
}

static void
flow_pagebreak(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	(void)c;
	/* b->restart_pages: see layout_render() */
	lay_vl_add(L, V_BREAK, 0)->blk = b;
	L->pending = 0;
}

/* A keep group: its blocks stay on one page unless they cannot fit one. */
static void
flow_keep(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	bool save = L->keep_all;
	size_t before = L->vl.n, start;

	lay_space(L, 0);
	start = L->vl.n;
	L->keep_all = true;
	lay_flow_children(L, b, c);
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
		L->vl.v[start].loose_break = b->loose_prev;
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
	lay_space(L, 0);
	lay_tag_open(L, DEV_TAG_TOC);
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
		lay_space(L, h->level == 1 ? 6 : 0);
		/* The entry's text is the heading's, without links. */
		tmp = *h;
		tmp.style = 0;
		lay_tag_open(L, DEV_TAG_TOCI);
		first = lay_set_text(L, &tmp, &ps, &in, in.left,
		    lay_col_width(&in));
		lay_tag_close(L);
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
		last->w = lay_col_width(c);
	}
	if (nent >= TOC_KEEP)
		keep_together(L, starts[(nent - TOC_KEEP) % (TOC_KEEP + 1)],
		    L->vl.n);
	lay_tag_close(L);
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
	lay_space(L, 0);
	lay_tag_open(L, DEV_TAG_P);
	first = lay_set_text(L, b, &ps, &in, in.left, lay_col_width(&in));
	lay_tag_close(L);
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

	lay_space(L, 0);
	for (int i = 0; i < n; i++) {
		struct vitem *it = lay_vl_add(L, V_FILL, 24);

		it->x = c->left;
		it->w = b->width > 0 && b->width < lay_col_width(c) ? b->width :
		    lay_col_width(c);
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

	lay_space(L, 0);
	lay_tag_open(L, DEV_TAG_FORM);
	it = lay_vl_add(L, V_FILL, 40);
	it->x = c->left;
	it->w = b->width > 0 && b->width < lay_col_width(c) ? b->width : 200;
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
	lay_set_text(L, b, &ps, &in, in.left, lay_col_width(&in));
	lay_tag_close(L);
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
		lay_tag_open(L, b->form ? DEV_TAG_FORM : b->alt != NULL ?
		    DEV_TAG_FIGURE : DEV_TAG_P);
		it = lay_vl_add(L, V_DRAWING, 0);
		it->keep_prev = true;	/* on the page of what it follows */
		it->x = 0;
		it->w = 0;
		it->blk = b;
		lay_tag_close(L);
		return;
	}
	lay_space(L, 0);
	if (!figures)
		lay_tag_open(L, b->form ? DEV_TAG_FORM : b->alt != NULL ?
		    DEV_TAG_FIGURE : DEV_TAG_P);
	it = lay_vl_add(L, V_DRAWING, b->height);
	it->x = c->left;
	it->w = b->width;
	it->blk = b;
	if (!figures)
		lay_tag_close(L);
	L->pending = L->t->par_space;
}

static void
flow_container(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	lay_flow_children(L, b, c);
}

/* ---- tables ---------------------------------------------------------- */

/* Rows set as boxes of cells (each cell's blocks flowed again), header
 * rows repeated and group rows continued on the next page. */

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
	lay_flow_children(L, b, c);
	L->bare_para = false;
	if (tagged)
		lay_tag_close(L);	/* the cell's */
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
	double pad = ROW_PAD;
	size_t col = 0;

	memset(box, 0, sizeof(*box));
	if (tagged)
		lay_tag_open(L, DEV_TAG_TR);
	for (const struct doc_block *k = r->first; k != NULL;
	    k = k->next, col++) {
		struct fctx in = *c;
		struct vlist sub;
		double y = pad;

		if (r->group && col > 0)
			break;
		if (tagged)
			lay_tag_open(L, header ? DEV_TAG_TH : DEV_TAG_TD);
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
				lay_vitem_free(&sub.v[i]);
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

/* A table of at most this many body rows, no higher than TABLE_WHOLE_H
 * of the page's body, stays whole on one page (a table of totals). */
#define TABLE_WHOLE_ROWS	8
#define TABLE_WHOLE_H		0.4
/* A longer table, split, leaves at least this many rows on each page. */
#define TABLE_END_ROWS		3

/*
 * Keep the body rows of a table (items body[0..n) of the vertical list)
 * from being scattered: a small table whole, a long one with at least
 * TABLE_END_ROWS rows at its start and at its end on one page.
 */
static void
keep_rows(struct lay *L, const size_t *body, size_t n)
{
	double h = 0, page = L->t->page_h - L->t->top - L->t->bottom;

	for (size_t i = 0; i < n; i++)
		h += L->vl.v[body[i]].h;
	for (size_t i = 1; i < n; i++)
		if ((n <= TABLE_WHOLE_ROWS && h <= page * TABLE_WHOLE_H) ||
		    i < TABLE_END_ROWS || i + TABLE_END_ROWS > n)
			L->vl.v[body[i]].keep_prev = true;
}

/* A table: its rows as boxes, each cell's blocks flowed into it again. */
static void
flow_table(struct lay *L, const struct doc_block *b, const struct fctx *c)
{
	size_t ncols = 0, tno = (size_t)L->ntables++, *body = NULL, nbody = 0,
	    bodycap = 0;
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
		x[i + 1] = x[i] + lay_col_width(c) * (i < b->ncols &&
		    b->colw[i] > 0 ? b->colw[i] : 1) / total;
	L->tbl_hdr_first = xgrow(L->tbl_hdr_first, &L->tblcap, tno + 1,
	    sizeof(size_t));
	L->tbl_hdr_n = xgrow(L->tbl_hdr_n, &L->tblcap2, tno + 1,
	    sizeof(size_t));
	L->tbl_hdr_first[tno] = NONE;
	L->tbl_hdr_n[tno] = 0;
	lay_space(L, 0);
	if (!b->layout_only)
		lay_tag_open(L, DEV_TAG_TABLE);
	for (const struct doc_block *r = b->first; r != NULL;
	    r = r->next, row++) {
		struct vitem box;
		struct vitem *it;
		bool header = row < b->header_rows;
		bool group = r->group && !header;

		if (group) {
			grp = flow_group_cont(L, r, x, ncols, c);
			L->reps.v[grp].x = c->left;
			L->reps.v[grp].w = lay_col_width(c);
			L->reps.v[grp].table = (int)tno;
			L->reps.v[grp].line_w = b->no_rules ? 0 : 0.8;
		}
		flow_row(L, r, x, ncols, c, header, !b->layout_only, &box);
		it = lay_vl_add(L, V_BOX, box.h);
		if (!b->layout_only)
			lay_tag_close(L);	/* the row's */
		it->kids = box.kids;
		it->nkids = box.nkids;
		it->kidcap = box.kidcap;
		it->x = c->left;
		it->w = lay_col_width(c);
		it->table = (int)tno;
		it->header = header;
		it->group = group;
		it->grp = header ? -1 : grp;
		it->line_w = b->no_rules ? 0 : header || group ? 0.8 : 0.3;
		if (!header) {
			body = xgrow(body, &bodycap, nbody + 1, sizeof(*body));
			body[nbody++] = L->vl.n - 1;
		}
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
	if (!b->layout_only) {
		lay_tag_close(L);
		keep_rows(L, body, nbody);
	}
	free(body);
	free(x);
	L->pending = L->t->par_space;
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

void
lay_flow_block(struct lay *L, const struct doc_block *b, const struct fctx *c)
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

void
lay_flow_children(struct lay *L, const struct doc_block *b,
    const struct fctx *c)
{
	const struct doc_block *prev = NULL;
	size_t prev_from = 0;

	for (const struct doc_block *k = b->first; k != NULL; k = k->next) {
		size_t from = L->vl.n;

		if (b == L->doc->root)
			L->part = lay_part_next(prev, k, L->part);
		lay_flow_block(L, k, c);
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
void
lay_collect_heads(struct lay *L, const struct doc_block *b, int depth)
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
			lay_collect_heads(L, k, depth);
	}
}
