/*
 * Pagination: the vertical list cut into pages at the allowed breaks.
 */

#include "layout/lay.h"
#include "util/xalloc.h"

/* ---- pagination ------------------------------------------------------ */

/*
 * Cut the list into pages: each page takes items as long as they fit and
 * ends at the last allowed break, or at a later loose keep when the
 * allowed break would leave more than half of the page empty; a page
 * that cannot be broken anywhere legal is cut where it overflows.
 */
struct page *
lay_paginate(struct lay *L, size_t *npages)
{
	struct vitem *v = L->vl.v;
	size_t n = L->vl.n, k = 0, np = 0, cap = 0;
	double body = L->t->page_h - L->t->top - L->t->bottom;
	struct page *pages = NULL;

	while (k < n) {
		struct page pg = { 0 };
		double y = 0, avail = body;
		size_t j, last_ok = NONE, last_weak = NONE, last_loose = NONE;
		double y_ok = 0;

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
			if (j > k && !v[j].keep_prev && y <= avail + 0.01) {
				last_ok = j;
				y_ok = y;
			}
			if (j > k && v[j].loose_break && y <= avail + 0.01)
				last_loose = j;
			if (j > k && v[j].weak_break && y <= avail + 0.01)
				last_weak = j;
			if (v[j].kind != V_GLUE && y + v[j].h > avail + 0.01)
				break;
			y += v[j].h;
		}
		if (j == n || v[j].kind == V_BREAK)
			pg.end = j;
		else if (last_ok != NONE && last_loose != NONE &&
		    last_loose > last_ok && y_ok < avail / 2)
			pg.end = last_loose;
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
