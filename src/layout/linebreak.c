/*
 * A total-fit paragraph breaker (see linebreak.h). The classic dynamic
 * programme over feasible breakpoints: an active node is a break that may
 * still start a line; at each legal breakpoint every active node is tried
 * as the start of a line ending there, and the best predecessor per
 * fitness class and hyphen-run length becomes a new active node.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "layout/linebreak.h"
#include "util/xalloc.h"

#define FIT__MAX	4	/* tight, decent, loose, very loose */
#define RUN__MAX	4	/* hyphen runs tracked (max_hyphen_run < this) */
#define NONE		((size_t)-1)

struct node {
	size_t	 pos;		/* break item, NONE = paragraph start */
	size_t	 line;		/* lines up to here */
	int	 fitness;
	int	 run;		/* consecutive hyphenated lines ending here */
	double	 demerits;	/* total */
	double	 ratio;		/* of the line ending here */
	bool	 overfull;
	size_t	 prev;		/* index of the previous node, NONE */
	size_t	 start;		/* first item of the line after this break */
	double	 w, y, z;	/* sums before item start */
	size_t	 next_active;	/* active list link, NONE = end */
};

struct breaker {
	const struct lb_item	*items;
	size_t			 n;
	const struct lb_params	*par;
	double			*sw, *sy, *sz;	/* prefix sums, n + 1 each */
	struct node		*nodes;
	size_t			 nnodes, cap;
	size_t			 active;	/* head of active list */
	size_t			 last_space;	/* the last word space before
						   the last box, or NONE */
};

void
lb_defaults(struct lb_params *p, double width)
{
	memset(p, 0, sizeof(*p));
	p->width = width;
	p->tolerance = 2.0;
	p->ragged_stretch = 0;
	p->line_penalty = 10;
	p->double_hyphen = 10000;
	p->final_hyphen = 30000;
	p->adj_fitness = 10000;
	p->max_hyphen_run = 2;
	p->emergency_stretch = width * 0.08;
}

static size_t
node_new(struct breaker *b)
{
	b->nodes = xgrow(b->nodes, &b->cap, b->nnodes + 1, sizeof(*b->nodes));
	memset(&b->nodes[b->nnodes], 0, sizeof(b->nodes[0]));
	return b->nnodes++;
}

/* Fill in where the line after a break at pos starts, skipping the glue
 * and penalties that vanish at a break. */
static void
set_start(struct breaker *b, struct node *nd, size_t pos)
{
	size_t i = pos == NONE ? 0 : pos + 1;

	if (pos != NONE && b->items[pos].type == LB_GLUE)
		i = pos + 1;
	while (i < b->n && b->items[i].type != LB_BOX &&
	    !(b->items[i].type == LB_PENALTY &&
	    b->items[i].penalty <= -LB_INF))
		i++;
	nd->start = i;
	nd->w = b->sw[i];
	nd->y = b->sy[i];
	nd->z = b->sz[i];
}

static int
fitness_of(double r)
{
	if (r < -0.5)
		return 0;
	if (r <= 0.5)
		return 1;
	if (r <= 1)
		return 2;
	return 3;
}

struct cand {
	bool	 set;
	double	 demerits;
	double	 ratio;
	size_t	 from;
	bool	 overfull;
};

/* Try every active node as the start of a line ending at item i. */
static void
try_break(struct breaker *b, size_t i, double tol, bool final)
{
	const struct lb_item *it = &b->items[i];
	const struct lb_params *p = b->par;
	struct cand cand[FIT__MAX][RUN__MAX];
	size_t a, prev = NONE, next, lastdead = NONE;
	double pw = it->type == LB_PENALTY ? it->width : 0;
	bool flagged = it->type == LB_PENALTY && it->flagged;
	bool forced = it->type == LB_PENALTY && it->penalty <= -LB_INF;
	bool any = false;

	for (int f = 0; f < FIT__MAX; f++)
		for (int r = 0; r < RUN__MAX; r++)
			cand[f][r].set = false;
	for (a = b->active; a != NONE; a = next) {
		struct node *nd = &b->nodes[a];
		double L, Y, Z, r, re, bad, d;
		int fit, run;
		bool lone, rest;

		next = nd->next_active;
		if (nd->start > i) {		/* nothing since that break */
			prev = a;
			continue;
		}
		L = b->sw[i] - nd->w + pw;
		Y = b->sy[i] - nd->y + (p->ragged ? p->ragged_stretch : 0);
		Z = b->sz[i] - nd->z;
		if (L < p->width)
			r = Y > 0 ? (p->width - L) / Y : 1e6;
		else if (L > p->width)
			r = Z > 0 ? (p->width - L) / Z : -1e6;
		else
			r = 0;
		if (r < -1 || forced) {
			/* This node cannot start a longer line: retire it. */
			if (prev == NONE)
				b->active = next;
			else
				b->nodes[prev].next_active = next;
			if (r < -1) {
				if (lastdead == NONE || nd->demerits <
				    b->nodes[lastdead].demerits)
					lastdead = a;
				if (!forced)
					continue;
			}
		} else
			prev = a;
		if (r < -1 || r > tol)
			continue;
		rest = forced && nd->run > 0 && b->last_space != NONE &&
		    nd->pos > b->last_space;
		lone = (forced && nd->run > 0 && L - pw < p->width * 0.15) ||
		    rest;
		/* A last line that is only the rest of a word divided by
		 * hyphenation, or a short rest after any hyphen, is no
		 * solution of the first pass: the last pass, with its
		 * emergency stretch, then weighs it against looser lines
		 * without the hyphen. A long rest after a hyphen of the
		 * text (a double name in a narrow cell:
		 * "Oberhauser-/Wittgenstein") stays a solution, only a
		 * costly one: rejecting it left breaks inside the name. */
		if (lone && !final && (L - pw < p->width * 0.15 ||
		    (nd->pos != NONE && b->items[nd->pos].width > 0)))
			continue;
		/* The last pass rates a loose line by its ratio with the
		 * emergency stretch added, and does not cap the badness:
		 * two fairly loose lines then beat one very loose one. */
		re = r;
		if (final && r > 0 && p->emergency_stretch > 0)
			re = (p->width - L) / (Y + p->emergency_stretch);
		run = flagged ? nd->run + 1 : 0;
		if (run > p->max_hyphen_run && !final)
			continue;
		if (run >= RUN__MAX)
			run = RUN__MAX - 1;
		bad = 100 * fabs(re) * fabs(re) * fabs(re);
		if (bad > (final ? 1e12 : 10000))
			bad = final ? 1e12 : 10000;
		d = p->line_penalty + bad;
		d = d * d;
		if (it->type == LB_PENALTY && !forced)
			d += it->penalty >= 0 ?
			    (double)it->penalty * it->penalty :
			    -(double)it->penalty * it->penalty;
		if (flagged && nd->run > 0)
			d += p->double_hyphen;
		/* A hyphen before the last line (TeX's finalhyphendemerits);
		 * much worse when the last line would be only a syllable
		 * or nothing but the rest of the hyphenated word (unless
		 * the paragraph is one word). */
		if (forced && nd->run > 0)
			d += p->final_hyphen + (lone ? 1e6 : 0);
		fit = fitness_of(r);
		if (nd->pos != NONE && abs(fit - nd->fitness) > 1)
			d += p->adj_fitness;
		d += nd->demerits;
		if (!cand[fit][run].set || d < cand[fit][run].demerits) {
			cand[fit][run].set = true;
			cand[fit][run].demerits = d;
			cand[fit][run].ratio = r;
			cand[fit][run].from = a;
			cand[fit][run].overfull = false;
		}
		any = true;
	}
	/* Last resort: an overfull line rather than no solution at all. */
	if (final && !any && b->active == NONE && lastdead != NONE) {
		cand[1][0].set = true;
		cand[1][0].demerits = b->nodes[lastdead].demerits + 1e10;
		cand[1][0].ratio = -1;
		cand[1][0].from = lastdead;
		cand[1][0].overfull = true;
	}
	for (int f = 0; f < FIT__MAX; f++)
		for (int r = 0; r < RUN__MAX; r++) {
			size_t k;
			struct node *nd;

			if (!cand[f][r].set)
				continue;
			k = node_new(b);
			nd = &b->nodes[k];
			nd->pos = i;
			nd->line = b->nodes[cand[f][r].from].line + 1;
			nd->fitness = f;
			nd->run = r;
			nd->demerits = cand[f][r].demerits;
			nd->ratio = cand[f][r].ratio;
			nd->overfull = cand[f][r].overfull;
			nd->prev = cand[f][r].from;
			set_start(b, nd, i);
			nd->next_active = b->active;
			b->active = k;
		}
}

/* One pass; returns the best final node or NONE. */
static size_t
run_pass(struct breaker *b, double tol, bool final)
{
	size_t i, k, best = NONE;

	b->nnodes = 0;
	k = node_new(b);
	b->nodes[k].pos = NONE;
	b->nodes[k].prev = NONE;
	b->nodes[k].fitness = 1;
	b->nodes[k].next_active = NONE;
	set_start(b, &b->nodes[k], NONE);
	b->active = k;
	for (i = 0; i < b->n && b->active != NONE; i++) {
		const struct lb_item *it = &b->items[i];

		if (it->type == LB_GLUE) {
			if (i > 0 && b->items[i - 1].type == LB_BOX)
				try_break(b, i, tol, final);
		} else if (it->type == LB_PENALTY && it->penalty < LB_INF)
			try_break(b, i, tol, final);
	}
	for (k = 0; k < b->nnodes; k++)
		if (b->nodes[k].pos == b->n - 1 && (best == NONE ||
		    b->nodes[k].demerits < b->nodes[best].demerits))
			best = k;
	return best;
}

size_t
lb_break(const struct lb_item *items, size_t n, const struct lb_params *par,
    struct lb_line **lines)
{
	struct breaker b;
	size_t best, k, nl, i;

	*lines = NULL;
	if (n == 0)
		return 0;
	memset(&b, 0, sizeof(b));
	b.items = items;
	b.n = n;
	b.par = par;
	b.sw = xmalloc((n + 1) * sizeof(double));
	b.sy = xmalloc((n + 1) * sizeof(double));
	b.sz = xmalloc((n + 1) * sizeof(double));
	b.sw[0] = b.sy[0] = b.sz[0] = 0;
	/* The last space between words (a glue after a box with a box
	 * after it). */
	b.last_space = NONE;
	for (i = n, k = NONE; i-- > 1;)
		if (items[i].type == LB_BOX && k == NONE)
			k = i;
		else if (k != NONE && items[i].type == LB_GLUE &&
		    items[i - 1].type == LB_BOX) {
			b.last_space = i;
			break;
		}
	for (i = 0; i < n; i++) {
		double w = 0, y = 0, z = 0;

		if (items[i].type == LB_BOX)
			w = items[i].width;
		else if (items[i].type == LB_GLUE) {
			w = items[i].width;
			y = items[i].stretch;
			z = items[i].shrink;
		}
		b.sw[i + 1] = b.sw[i] + w;
		b.sy[i + 1] = b.sy[i] + y;
		b.sz[i + 1] = b.sz[i] + z;
	}
	if ((best = run_pass(&b, par->tolerance, false)) == NONE)
		best = run_pass(&b, 1e30, true);
	nl = 0;
	for (k = best; k != NONE && b.nodes[k].pos != NONE; k = b.nodes[k].prev)
		nl++;
	*lines = xcalloc(nl ? nl : 1, sizeof(**lines));
	i = nl;
	for (k = best; k != NONE && b.nodes[k].pos != NONE;
	    k = b.nodes[k].prev) {
		struct lb_line *ln = &(*lines)[--i];
		const struct node *pv = &b.nodes[b.nodes[k].prev];

		ln->start = pv->start;
		ln->end = b.nodes[k].pos;
		ln->ratio = b.nodes[k].ratio;
		ln->overfull = b.nodes[k].overfull;
		ln->hyphen = items[ln->end].type == LB_PENALTY &&
		    items[ln->end].flagged;
	}
	free(b.sw);
	free(b.sy);
	free(b.sz);
	free(b.nodes);
	return nl;
}
