/*
 * The vertical list of the layout engine: adding items, space between
 * blocks, structure tags waiting for content, and freeing items.
 */
#include <stdlib.h>
#include <string.h>

#include "layout/lay.h"
#include "util/xalloc.h"

struct vitem *
lay_vl_add(struct lay *L, enum vkind kind, double h)
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
void
lay_space(struct lay *L, double before)
{
	double s = L->pending > before ? L->pending : before;

	if (s > 0 && L->vl.n > 0)
		lay_vl_add(L, V_GLUE, s);
	L->pending = 0;
}

void
lay_tag_open(struct lay *L, enum dev_tag tag)
{
	if (L->nopens < sizeof(L->opens))
		L->opens[L->nopens++] = (unsigned char)tag;
}

/* Close the innermost open tag: on the last drawn item, or by forgetting
 * it if nothing was drawn inside. */
void
lay_tag_close(struct lay *L)
{
	if (L->nopens > 0)
		L->nopens--;
	else if (L->last_drawn != NONE)
		L->vl.v[L->last_drawn].ncloses++;
}

void
lay_frag_add(struct vitem *it, const struct frag *f)
{
	it->frags = xgrow(it->frags, &it->fragcap, it->nfrags + 1,
	    sizeof(*it->frags));
	it->frags[it->nfrags++] = *f;
}

const struct fctx *
lay_ctx_keep(struct lay *L, const struct fctx *c)
{
	struct fctx *k = xmalloc(sizeof(*k));

	*k = *c;
	L->ctxs = xgrow(L->ctxs, &L->ctxcap, L->nctxs + 1, sizeof(*L->ctxs));
	L->ctxs[L->nctxs++] = k;
	return k;
}

void
lay_vitem_free(struct vitem *it)
{
	for (size_t i = 0; i < it->nkids; i++)
		lay_vitem_free(&it->kids[i]);
	free(it->kids);
	free(it->frags);
	free(it->opens);
	free(it->title);
}
