/*
 * Tables: rows set as boxes of cells, header rows repeated and group rows
 * continued on the next page.
 */
#include <stdlib.h>
#include <string.h>

#include "layout/lay.h"
#include "util/xalloc.h"

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
	double pad = 4;
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

void
lay_flow_table(struct lay *L, const struct doc_block *b, const struct fctx *c)
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
		lay_tag_close(L);
	free(x);
	L->pending = L->t->par_space;
}
