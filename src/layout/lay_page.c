/*
 * Pagination: the vertical list cut into pages at the allowed breaks,
 * each section (the items between forced page breaks) tightened when its
 * last page would hold only a few lines.
 */
#include <stdlib.h>

#include "layout/lay.h"
#include "util/xalloc.h"

/* A section whose last page holds at most this many lines or rows (a
 * chapter's last lines, the end of the table of contents) is set tighter
 * if that saves the page. */
#define TIGHT_LINES	5

/*
 * The steps of tightening, tried one after the other until the section
 * takes a page less: the vertical spaces first (between paragraphs,
 * around headings, above and below the content of table cells), then the
 * leading of the lines a little. Applied to the whole section, so that
 * its pages look alike.
 */
static const struct tight_step {
	double	glue;		/* factor for the vertical spaces and the
				   padding of table rows */
	double	line;		/* factor for the height of text lines */
} tight_steps[] = {
	{ 0.8, 1 }, { 0.6, 1 }, { 0.45, 1 }, { 0.45, 0.98 }, { 0.4, 0.96 },
};
#define TIGHT_STEPS	(sizeof(tight_steps) / sizeof(tight_steps[0]))

/*
 * Cut one page from item k on (after the glue and breaks there): it takes
 * items as long as they fit and ends at the last allowed break, or at a
 * later loose keep when the allowed break would leave more than half of
 * the page empty; a page that cannot be broken anywhere legal is cut
 * where it overflows. Returns
 * false when nothing is left.
 */
static bool
cut_page(const struct lay *L, size_t k, struct page *out)
{
	const struct vitem *v = L->vl.v;
	size_t n = L->vl.n, j, last_ok = NONE, last_weak = NONE;
	size_t last_loose = NONE;
	double y_ok = 0;
	double body = L->t->page_h - L->t->top - L->t->bottom;
	struct page pg = { 0 };
	double y = 0, avail = body;

	while (k < n && (v[k].kind == V_GLUE || v[k].kind == V_BREAK))
		k++;
	if (k == n)
		return false;
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
	/* Rows of a group begun on an earlier page: its name again, marked
	 * continued. */
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
	*out = pg;
	return true;
}

/* Cut the section from item k on into pages appended to *pages (up to
 * the next forced break or the end); returns the item it ends at. */
static size_t
cut_section(const struct lay *L, size_t k, struct page **pages, size_t *np,
    size_t *cap)
{
	struct page pg;

	do {
		if (!cut_page(L, k, &pg))
			return L->vl.n;
		*pages = xgrow(*pages, cap, *np + 1, sizeof(**pages));
		(*pages)[(*np)++] = pg;
		k = pg.end;
	} while (k < L->vl.n && L->vl.v[k].kind != V_BREAK);
	return k;
}

/* Whether a page holds only a few lines or rows (TIGHT_LINES). */
static bool
short_page(const struct lay *L, const struct page *pg)
{
	size_t n = 0;

	for (size_t i = pg->first; i < pg->end; i++)
		if (L->vl.v[i].kind != V_GLUE && ++n > TIGHT_LINES)
			return false;
	return n > 0;
}

/*
 * The section of items [k0, k1) was cut into pages [first, *np) of
 * *pages, its last one short: set it tighter, step by step, until it
 * takes a page less, and keep the tighter heights and pages; when no
 * step saves a page, leave everything as it was.
 */
static void
tighten(struct lay *L, size_t k0, size_t k1, struct page **pages,
    size_t first, size_t *np, size_t *cap)
{
	struct vitem *v = L->vl.v;
	double *h = xcalloc(k1 - k0, sizeof(*h)), shifted = 0;
	size_t was = *np - first;

	for (size_t i = k0; i < k1; i++)
		h[i - k0] = v[i].h;
	for (size_t s = 0; s <= TIGHT_STEPS; s++) {
		/* The last round puts everything back. */
		double g = s < TIGHT_STEPS ? tight_steps[s].glue : 1;
		double l = s < TIGHT_STEPS ? tight_steps[s].line : 1;
		double shift = ROW_PAD * (1 - g);

		for (size_t i = k0; i < k1; i++)
			if (v[i].kind == V_GLUE)
				v[i].h = h[i - k0] * g;
			else if (v[i].kind == V_LINE)
				v[i].h = h[i - k0] * l;
			else if (v[i].kind == V_BOX && v[i].table >= 0 &&
			    h[i - k0] > 2 * ROW_PAD) {
				/* A row's padding, above and below. */
				v[i].h = h[i - k0] - 2 * shift;
				for (size_t c = 0; c < v[i].nkids; c++)
					v[i].kids[c].dy -= shift - shifted;
			}
		shifted = shift;
		*np = first;
		cut_section(L, k0, pages, np, cap);
		if (*np - first < was)
			break;
	}
	free(h);
}

struct page *
lay_paginate(struct lay *L, size_t *npages)
{
	size_t n = L->vl.n, k = 0, np = 0, cap = 0;
	struct page *pages = NULL;

	while (k < n) {
		size_t first = np, k0 = k;

		k = cut_section(L, k0, &pages, &np, &cap);
		if (np - first >= 2 && short_page(L, &pages[np - 1]))
			tighten(L, k0, k, &pages, first, &np, &cap);
		if (k == k0)
			k++;
	}
	*npages = np;
	return pages;
}
