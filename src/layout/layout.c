/*
 * The layout engine (see layout.h): layout_render(), which builds the
 * vertical list (lay_vlist.c) and turns it into pages. Three steps:
 *
 *  1. flow: every block of the tree becomes vertical items (text lines,
 *     glue, rules, images, table rows as boxes) in one list, each line
 *     already broken and its words placed; per-kind handlers in flow_acts[]
 *     (lay_flow.c), lines set by lay_text.c;
 *  2. paginate: the list is cut into pages at allowed points (no widows,
 *     orphans, headings without the next two lines, short closing
 *     paragraphs alone, or group rows without two of their rows); table
 *     header rows and the current group row repeat on the next page
 *     (lay_page.c);
 *  3. draw: each page goes to the device with its running head and foot,
 *     destinations, bookmarks, links and structure tags (lay_draw.c).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "layout/hyph.h"
#include "layout/lay.h"
#include "util/diag.h"
#include "util/xalloc.h"

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

struct layout_run *
layout_run_new(void)
{
	return xcalloc(1, sizeof(struct layout_run));
}

void
layout_run_free(struct layout_run *run)
{
	if (run == NULL)
		return;
	for (size_t i = 0; i < run->nimages; i++)
		lay_image_clear(&run->images[i]);
	free(run->images);
	for (size_t i = 0; i < run->nhyphs; i++)
		hyph_free(run->hyphs[i].h);
	for (size_t i = 0; i < run->nhyph_lists; i++) {
		free(run->hyph_lists[i].lang);
		free(run->hyph_lists[i].file);
		free(run->hyph_lists[i].text);
	}
	free(run->hyph_lists);
	free(run->hyph_keep);
	free(run);
}

int
layout_render(struct layout_run *run, const struct doc *doc,
    const struct template *t, struct device *dev, struct layout_stats *stats)
{
	struct lay L;
	struct fctx c;
	struct page *pages;
	size_t npages;
	int *dest_page, rc = 0;
	size_t *sec, *len;
	const char *chapter = NULL;

	memset(&L, 0, sizeof(L));
	L.run = run != NULL ? run : layout_run_new();
	L.doc = doc;
	L.t = t;
	L.dev = dev;
	L.last_drawn = NONE;
	memset(&c, 0, sizeof(c));
	c.left = t->left;
	c.right = t->page_w - t->right;
	lay_collect_heads(&L, doc->root, 0);
	lay_xref_resolve(&L);
	if (t->logo != NULL) {
		int pw, ph;
		const char *err = NULL;

		if (layout_image_size(L.run, t->logo, &pw, &ph, &err) == 0)
			L.logo_h = t->logo_w * ph / pw;
		else
			diag_warn(t->file, 0, "logo %s: %s; left out", t->logo,
			    err ? err : strerror(errno));
	}
	lay_tag_open(&L, DEV_TAG_DOCUMENT);
	lay_flow_children(&L, doc->root, &c);
	lay_tag_close(&L);
	balance_tags(&L);
	pages = lay_paginate(&L, &npages);
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
		lay_draw_page(&L, &pages[p], (int)(p - sec[p]) + 1,
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
		lay_vitem_free(&L.vl.v[i]);
	free(L.vl.v);
	for (size_t i = 0; i < L.nctxs; i++)
		free(L.ctxs[i]);
	free(L.ctxs);
	free(L.tbl_hdr_first);
	free(L.tbl_hdr_n);
	for (size_t i = 0; i < L.reps.n; i++)
		lay_vitem_free(&L.reps.v[i]);
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
	if (run == NULL)
		layout_run_free(L.run);
	return rc;
}
