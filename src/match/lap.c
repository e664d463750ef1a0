/*
 * The assignment solver of the matching core: Jonker-Volgenant shortest
 * augmenting paths on the rectangular problem of mentees and mentor slots,
 * read straight from the score table, and the walk over the optimal face
 * that makes the result lexicographically smallest.
 *
 * The scores are small integers, so a real programme has few distinct
 * costs and many ties. Each row's mentors come sorted by cost; the solver
 * relaxes edges lazily in that order, which makes a search that ends at a
 * small distance cheap however long its path; the start is a greedy pass
 * plus the augmenting row reduction. A row's edges are its mentors' cheap
 * slots in list order, then (when the problem has any) their dearer
 * slots in list order, then its "unmatched" column: in order of cost.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "lap.h"

#define LAP_INF	INT64_MAX

/*
 * The solver's view of the problem: every row's edges in order of cost
 * (see edge()), so that a scan can stop early. Since v <= 0, the reduced
 * cost of an edge is at least its cost minus the row's dual: once the
 * cost is high enough, no later edge of the row can matter.
 */
struct sap {
	const struct lap *p;
	int		 twice;		/* some mentor has dearer slots */
	int32_t		*x, *y;
	int64_t		*v;
	int64_t		*rowcost;	/* assigned rows: cost of their edge */
	/* One shortest path search. */
	uint32_t	 cur;		/* even; grows by 2 per search */
	uint32_t	*mark;		/* column: cur = reached (d, pred
					   valid), cur + 1 = distance final */
	int64_t		*d;		/* distance of a reached column */
	int32_t		*pred;		/* row it is reached from */
	int64_t		*predw;		/* cost of that edge */
	int32_t		*fin;		/* the final columns, in order */
	int32_t		*buf;		/* columns a row scan improved */
	int32_t		 nfin;
	int32_t		*rk;		/* row: its next edge to relax */
	int64_t		*rh;		/* row: dual minus its distance */
	struct ev	*heap;		/* pending columns and rows */
	int32_t		 nheap;
	int32_t		*hpos;		/* column c / row nc + r: its place
					   in heap, or -1 */
};

/*
 * A heap entry: column id, or row id - nc (nc: columns), at key. Each
 * column and each row is in the heap at most once, so it holds at most
 * nc + nrows entries.
 */
struct ev {
	int64_t		 key;
	int32_t		 id;
};

/* Does some mentor have dearer slots (second[g] < first[g + 1])? */
static int
has_dearer(const struct lap *p)
{
	for (int32_t g = 0; g < p->nmentors; g++)
		if (p->second[g] < p->first[g + 1])
			return 1;
	return 0;
}

/* The number of edges of row r before its "unmatched" column. */
static int32_t
row_len(const struct lap *p, int twice, int32_t r)
{
	return twice ? 2 * p->nadm[r] : p->nadm[r];
}

/*
 * Row r's k-th edge (0 <= k <= row_len()): its columns lo .. hi-1 (empty
 * for a mentor without slots) and its cost.
 */
static int64_t
edge(const struct lap *p, int twice, int32_t r, int32_t k, int32_t *lo,
    int32_t *hi)
{
	int32_t	 na = p->nadm[r], g;
	uint32_t e;

	if (k < na) {
		e = p->row[r][k];
		g = (int32_t)(e >> 7);
		*lo = p->first[g];
		*hi = p->second[g];
		return e & 127;
	}
	if (twice && k < 2 * na) {
		e = p->row[r][k - na];
		g = (int32_t)(e >> 7);
		*lo = p->second[g];
		*hi = p->first[g + 1];
		return (int64_t)(e & 127) + p->extra;
	}
	*lo = p->nslots + r;
	*hi = *lo + 1;
	return p->big;
}

/* The cost of row r's k-th edge. */
static int64_t
cost_at(const struct sap *s, int32_t r, int32_t k)
{
	int32_t	 lo, hi;

	return edge(s->p, s->twice, r, k, &lo, &hi);
}

/*
 * The two cheapest columns of row i by reduced cost w - v: j1 at u1 and
 * j2 at u2 (-1 and LAP_INF if there is no second), and their costs.
 */
static void
two_best(struct sap *s, int32_t i, int32_t *j1, int64_t *u1,
    int64_t *w1, int32_t *j2, int64_t *u2, int64_t *w2)
{
	const struct lap *p = s->p;
	int32_t	 len = row_len(p, s->twice, i);

	*j1 = *j2 = -1;
	*u1 = *u2 = LAP_INF;
	*w1 = *w2 = 0;
	for (int32_t k = 0; k <= len; k++) {
		int32_t	 lo, hi;
		int64_t	 w = edge(p, s->twice, i, k, &lo, &hi);

		if (w >= *u2)
			break;		/* w - v >= w: nothing cheaper */
		for (int32_t c = lo; c < hi; c++) {
			int64_t	 h = w - s->v[c];

			if (h >= *u2)
				continue;
			if (h < *u1) {
				*u2 = *u1;
				*j2 = *j1;
				*w2 = *w1;
				*u1 = h;
				*j1 = c;
				*w1 = w;
			} else {
				*u2 = h;
				*j2 = c;
				*w2 = w;
			}
		}
	}
}

/*
 * Augmenting row reduction (Jonker and Volgenant 1987), adapted to the
 * rectangular problem: each free row i in rows[0..*nfree) finds its two
 * cheapest columns by reduced cost, j1 (u1) and j2 (u2), and takes j1;
 * if u1 < u2 it lowers v[j1] by u2 - u1 so that j1 stays its cheapest
 * column at cost u2. A row pushed off j1 is served next if v moved, else
 * kept for the next pass; on a tie a free j2 is taken in place of a busy
 * j1. The duals stay feasible (v only decreases, and only on a column that
 * is then assigned, so free columns keep v = 0) and every assigned row
 * stays on a cheapest column of its own. Two passes, and at most budget
 * row scans in all: the rows still free are left in rows[0..*nfree) for
 * the shortest augmenting paths.
 */
static void
arr(struct sap *s, int32_t *rows, int32_t *nfree, long budget)
{
	int32_t	*x = s->x, *y = s->y;

	for (int pass = 0; pass < 2; pass++) {
		int32_t	 k = 0, prev = *nfree, n = 0;

		while (k < prev) {
			int32_t	 i = rows[k++], j1, j2, i0;
			int64_t	 u1, u2, w1, w2;

			if (budget-- <= 0) {
				/* Out of budget: keep the rest for later. */
				rows[n++] = i;
				continue;
			}
			two_best(s, i, &j1, &u1, &w1, &j2, &u2, &w2);
			i0 = y[j1];
			if (j2 >= 0 && u1 < u2)
				s->v[j1] -= u2 - u1;
			else if (j2 >= 0 && i0 >= 0) {
				j1 = j2;
				w1 = w2;
				i0 = y[j1];
			}
			if (i0 >= 0)
				x[i0] = -1;
			x[i] = j1;
			y[j1] = i;
			s->rowcost[i] = w1;
			if (i0 < 0)
				continue;
			if (j2 >= 0 && u1 < u2)
				rows[--k] = i0;
			else
				rows[n++] = i0;
		}
		*nfree = n;
	}
}

/* Put entry e at place k of the heap (a binary min-heap on key). */
static void
heap_put(struct sap *s, int32_t k, struct ev e)
{
	s->heap[k] = e;
	s->hpos[e.id] = k;
}

/* Add id to the heap at key, or lower its key if it is there. */
static void
heap_set(struct sap *s, int64_t key, int32_t id)
{
	int32_t	 k = s->hpos[id];

	if (k < 0)
		k = s->nheap++;
	else if (s->heap[k].key <= key)
		return;
	for (; k > 0 && s->heap[(k - 1) / 2].key > key; k = (k - 1) / 2)
		heap_put(s, k, s->heap[(k - 1) / 2]);
	heap_put(s, k, (struct ev){ key, id });
}

/* Remove and return the entry with the smallest key. */
static struct ev
heap_pop(struct sap *s)
{
	struct ev top = s->heap[0], last = s->heap[--s->nheap];
	int32_t	 k = 0, n = s->nheap;

	s->hpos[top.id] = -1;
	if (n == 0)
		return top;
	for (;;) {
		int32_t	 c = 2 * k + 1;

		if (c >= n)
			break;
		if (c + 1 < n && s->heap[c + 1].key < s->heap[c].key)
			c++;
		if (s->heap[c].key >= last.key)
			break;
		heap_put(s, k, s->heap[c]);
		k = c;
	}
	heap_put(s, k, last);
	return top;
}

/*
 * Relax the edges of row i (scanned, with rh[i] = its dual minus its
 * distance) from rk[i] on whose lower bound cost - rh[i] is at most level:
 * every column reached more cheaply gets its new distance. The row goes
 * back on the heap at the lower bound of its next edge. Returns 1 and
 * stores the column in *end if a free column is reached at distance level
 * (the search is over), else 0.
 */
static int
relax_row(struct sap *s, int32_t i, int64_t level, int32_t *end)
{
	const struct lap *p = s->p;
	const uint32_t *o = p->row[i];
	const int32_t *first = p->first, *second = p->second, *y = s->y;
	const int64_t *v = s->v;
	int64_t	*d = s->d, h = s->rh[i], lim = level + h, w;
	uint32_t *mark = s->mark, seen = s->cur, done = s->cur + 1;
	int32_t	*pred = s->pred, *buf = s->buf;
	int32_t	 k = s->rk[i], na = p->nadm[i], c, hi, n = 0;
	int32_t	 len = row_len(p, s->twice, i);

	for (; k <= len; k++) {
		if (k < na) {	/* the hot case, inline */
			if ((w = o[k] & 127) > lim)
				break;
			c = first[o[k] >> 7];
			hi = second[o[k] >> 7];
		} else if ((w = edge(p, s->twice, i, k, &c, &hi)) > lim)
			break;
		for (; c < hi; c++) {
			int64_t	 dc = w - v[c] - h;

			if (mark[c] != seen) {
				if (mark[c] == done)
					continue;
				mark[c] = seen;
			} else if (dc >= d[c])
				continue;
			d[c] = dc;
			pred[c] = i;
			s->predw[c] = w;
			if (dc == level && y[c] < 0) {
				s->rk[i] = k;
				*end = c;
				return 1;
			}
			buf[n++] = c;
		}
	}
	/* (Queueing here, out of the loop, keeps the loop lean.) */
	for (int32_t t = 0; t < n; t++)
		heap_set(s, d[buf[t]], buf[t]);
	s->rk[i] = k;
	if (k <= len)
		heap_set(s, cost_at(s, i, k) - h, p->nslots + p->nrows + i);
	return 0;
}

/*
 * Augment from the free row f along a shortest path of reduced costs
 * (Dijkstra over the columns, from f's edges). Edges are relaxed lazily in
 * cost order: a scanned row only relaxes the edges whose lower bound is
 * at most the current distance, and waits on the heap for the rest, so a
 * search that ends at a small distance looks at few edges. At the end v of
 * every final column j drops by delta - d[j] (delta: the distance of the
 * free column reached), and the path is flipped. Returns 0, or -1 if no
 * free column can be reached.
 */
static int
augment(struct sap *s, int32_t f)
{
	int32_t	 nc = s->p->nslots + s->p->nrows, end = -1;
	int64_t	 level = 0;

	s->cur += 2;
	if (s->cur >= UINT32_MAX - 1) {	/* about to wrap: clear */
		for (int32_t c = 0; c < nc; c++)
			s->mark[c] = 0;
		s->cur = 2;
	}
	/* Empty the heap of the last search. */
	while (s->nheap > 0)
		s->hpos[s->heap[--s->nheap].id] = -1;
	s->nfin = 0;
	s->rk[f] = 0;
	s->rh[f] = 0;
	heap_set(s, cost_at(s, f, 0), nc + f);
	for (;;) {
		struct ev e;
		int32_t	 i;

		if (s->nheap == 0)
			return -1;
		e = heap_pop(s);
		level = e.key;
		if (e.id >= nc)
			i = e.id - nc;
		else {
			int32_t	 c = e.id;

			if (s->y[c] < 0) {
				end = c;
				break;
			}
			s->mark[c] = s->cur + 1;
			s->fin[s->nfin++] = c;
			i = s->y[c];
			s->rk[i] = 0;
			s->rh[i] = s->rowcost[i] - s->v[c] - level;
		}
		if (relax_row(s, i, level, &end))
			break;
	}
	/* Move the duals of the final columns, then flip the path. */
	for (int32_t k = 0; k < s->nfin; k++) {
		int32_t	 c = s->fin[k];

		s->v[c] += s->d[c] - level;
	}
	for (;;) {
		int32_t	 i = s->pred[end], k = s->x[i];

		s->y[end] = i;
		s->x[i] = end;
		s->rowcost[i] = s->predw[end];
		if (i == f)
			break;
		end = k;
	}
	return 0;
}

/*
 * Solve by shortest augmenting paths (Jonker and Volgenant 1987). Start:
 * v = 0 and every row whose cheapest column is still free takes it; then
 * the augmenting row reduction; then each row still free is augmented
 * along a shortest path. Columns that were never reached keep v = 0, so
 * the duals stay optimal for the rectangular problem.
 */
/* The caller frees *sp with sap_free(), also on failure. */
static int
solve(struct sap *sp, const struct lap *p, int32_t *x, int32_t *y,
    int64_t *u, int64_t *v)
{
	struct sap s;
	int32_t	 nr = p->nrows, nc = p->nslots + p->nrows, nfree = 0;
	int32_t	*free_ = NULL;
	size_t	 zr = (size_t)nr + 1, zc = (size_t)nc + 1;
	int	 rc = -2;

	memset(&s, 0, sizeof(s));
	s.p = p;
	s.twice = has_dearer(p);
	s.x = x;
	s.y = y;
	s.v = v;
	s.rowcost = malloc(zr * sizeof(*s.rowcost));
	s.mark = calloc(zc, sizeof(*s.mark));
	s.d = malloc(zc * sizeof(*s.d));
	s.pred = malloc(zc * sizeof(*s.pred));
	s.predw = malloc(zc * sizeof(*s.predw));
	s.fin = malloc(zc * sizeof(*s.fin));
	s.buf = malloc(zc * sizeof(*s.buf));
	s.heap = malloc((zc + zr) * sizeof(*s.heap));
	s.hpos = malloc((zc + zr) * sizeof(*s.hpos));
	s.rk = malloc(zr * sizeof(*s.rk));
	s.rh = malloc(zr * sizeof(*s.rh));
	free_ = malloc(zr * sizeof(*free_));
	if (s.rowcost == NULL || s.mark == NULL ||
	    s.d == NULL || s.pred == NULL || s.predw == NULL ||
	    s.fin == NULL || s.buf == NULL || s.heap == NULL ||
	    s.hpos == NULL || s.rk == NULL || s.rh == NULL || free_ == NULL)
		goto out;

	for (int32_t c = 0; c < nc; c++) {
		v[c] = 0;
		y[c] = -1;
	}
	for (int32_t k = 0; k < nc + nr; k++)
		s.hpos[k] = -1;
	/*
	 * Greedy start: a row takes a free column among its cheapest ones
	 * (v = 0: by cost), if there is one.
	 */
	for (int32_t r = 0; r < nr; r++) {
		int32_t	 len = row_len(p, s.twice, r), k = 0, lo, hi;
		int64_t	 w, best;

		x[r] = -1;
		/* The first edge with a column: the cheapest cost. */
		for (;; k++) {
			best = edge(p, s.twice, r, k, &lo, &hi);
			if (lo < hi)
				break;
		}
		for (; k <= len && x[r] < 0; k++) {
			if ((w = edge(p, s.twice, r, k, &lo, &hi)) != best)
				break;
			for (int32_t c = lo; c < hi; c++)
				if (y[c] < 0) {
					x[r] = c;
					break;
				}
		}
		if (x[r] >= 0) {
			y[x[r]] = r;
			s.rowcost[r] = best;
		} else
			free_[nfree++] = r;
	}
	arr(&s, free_, &nfree, 4 * (long)nr + 1000);
	for (int32_t q = 0; q < nfree; q++)
		if (augment(&s, free_[q]) != 0) {
			rc = -1;
			goto out;
		}
	for (int32_t r = 0; r < nr; r++)
		u[r] = s.rowcost[r] - v[x[r]];
	rc = 0;
out:
	free(free_);
	*sp = s;
	return rc;
}

/* Free what solve() allocated (the caller's arrays stay). */
static void
sap_free(struct sap *s)
{
	free(s->rowcost);
	free(s->mark);
	free(s->d);
	free(s->pred);
	free(s->predw);
	free(s->fin);
	free(s->buf);
	free(s->rk);
	free(s->rh);
	free(s->heap);
	free(s->hpos);
}

int
lap_solve(const struct lap *p, int32_t *x, int32_t *y, int64_t *u,
    int64_t *v)
{
	struct sap s;
	int	 rc = solve(&s, p, x, y, u, v);

	sap_free(&s);
	return rc;
}

/*
 * Walk the optimal face. Think of the rectangular problem as square, with
 * a phantom row on each free column that may move to any column with v = 0
 * at no cost. An assignment is then optimal exactly when it uses only tight
 * edges (reduced cost 0). Row by row, fix each row at the smallest key it
 * can reach: row i may take a tight column j of smaller key if there is an
 * alternating cycle back to its old column a: the (real or phantom) row on
 * j moves on along a tight edge, the row on that column moves on, and so
 * on, until some row moves into a. Rows fixed earlier and their columns
 * stay put. The search is breadth-first over columns (cycles are short in
 * practice); a column from which it failed is dead for the rest of this
 * row, and all phantoms share
 * one set of moves, so each row costs at most one pass over the tight
 * edges and the columns with v = 0.
 */
/* Append c to the growing array *tc of *ne entries; -2 on no memory. */
static int
push_col(int32_t **tc, size_t *ne, size_t *cap, int32_t c)
{
	if (*ne == *cap) {
		size_t	 n = *cap ? 2 * *cap : 1024;
		int32_t	*t = realloc(*tc, n * sizeof(*t));

		if (t == NULL)
			return -2;
		*tc = t;
		*cap = n;
	}
	(*tc)[(*ne)++] = c;
	return 0;
}

/* Ascending order of int32_t, for qsort(). */
static int
cmp_i32(const void *a, const void *b)
{
	int32_t	 x = *(const int32_t *)a, y = *(const int32_t *)b;

	return (x > y) - (x < y);
}

int
lap_lexmin(const struct lap *p, int32_t *x, int32_t *y, const int64_t *u,
    const int64_t *v)
{
	int32_t	 nr = p->nrows, nc = p->nslots + p->nrows, nz = 0;
	int32_t	*key = NULL;
	size_t	*ts = NULL, ne = 0, cap = 0;
	int64_t	 vmin = 0;
	int32_t	*tc = NULL, *stack = NULL, *rows = NULL, *zc = NULL;
	int32_t	*queue = NULL, *par = NULL;
	uint32_t *seen = NULL;
	unsigned char *fixed = NULL, *costm = NULL;
	int	 rc = -2, twice = has_dearer(p);

	key = malloc(((size_t)nc + 1) * sizeof(*key));
	ts = malloc(((size_t)nr + 1) * sizeof(*ts));
	zc = malloc((size_t)nc * sizeof(*zc) + 1);
	stack = malloc(((size_t)nc + 1) * sizeof(*stack));
	rows = malloc(((size_t)nc + 1) * sizeof(*rows));
	queue = malloc(((size_t)nc + 1) * sizeof(*queue));
	par = malloc(((size_t)nc + 1) * sizeof(*par));
	seen = calloc((size_t)nc + 1, sizeof(*seen));
	fixed = calloc((size_t)nr + 1, 1);
	costm = malloc((size_t)p->nmentors + 1);
	if (key == NULL || ts == NULL || zc == NULL || stack == NULL ||
	    rows == NULL || queue == NULL || par == NULL || seen == NULL ||
	    fixed == NULL || costm == NULL)
		goto out;
	memset(costm, 0xFF, (size_t)p->nmentors + 1);
	/*
	 * The tight edges of every row, in ascending column order. Since
	 * v <= 0, an edge can only be tight if u + min(v) <= cost <= u. The
	 * row's edges are in order of cost, so those of cost <= u are a
	 * prefix (found by bisection); when it is short, only it is looked
	 * at and its tight columns are sorted; else the row's costs are
	 * spread over the mentors (costm) and read in mentor order.
	 */
	for (int32_t c = 0; c < nc; c++)
		vmin = v[c] < vmin ? v[c] : vmin;
	for (int32_t r = 0; r < nr; r++) {
		const uint32_t *o = p->row[r];
		int32_t	 len = row_len(p, twice, r), a = 0, b = len, lo, hi;
		int64_t	 w;

		ts[r] = ne;
		while (a < b) {		/* the first edge of cost > u */
			int32_t	 mid = a + (b - a) / 2;

			if (edge(p, twice, r, mid, &lo, &hi) <= u[r])
				a = mid + 1;
			else
				b = mid;
		}
		if (a <= 64 || a <= len / 8) {
			for (int32_t k = 0; k < a; k++) {
				w = edge(p, twice, r, k, &lo, &hi);
				for (int32_t c = lo; c < hi; c++)
					if (w - u[r] - v[c] == 0 &&
					    push_col(&tc, &ne, &cap, c) != 0)
						goto out;
			}
			if (ne > ts[r])	/* tc is NULL while nothing is pushed */
				qsort(tc + ts[r], ne - ts[r], sizeof(*tc),
				    cmp_i32);
		} else {
			for (int32_t k = 0; k < p->nadm[r]; k++)
				costm[o[k] >> 7] = (unsigned char)(o[k] & 127);
			for (int32_t g = 0; g < p->nmentors; g++) {
				if (costm[g] == 0xFF)
					continue;
				for (int pass = 0; pass < 1 + twice; pass++) {
					w = costm[g] + (pass ? p->extra : 0);
					if (w > u[r] || w < u[r] + vmin)
						continue;
					lo = pass ? p->second[g] : p->first[g];
					hi = pass ? p->first[g + 1] :
					    p->second[g];
					for (int32_t c = lo; c < hi; c++)
						if (w - u[r] - v[c] == 0 &&
						    push_col(&tc, &ne, &cap,
						    c) != 0)
							goto out;
				}
			}
			for (int32_t k = 0; k < p->nadm[r]; k++)
				costm[o[k] >> 7] = 0xFF;
		}
		if (p->big - u[r] - v[p->nslots + r] == 0 &&
		    push_col(&tc, &ne, &cap, p->nslots + r) != 0)
			goto out;
	}
	ts[nr] = ne;
	/* Slots rank by their mentor, "unmatched" after every mentor. */
	for (int32_t g = 0; p->first[g] < p->nslots; g++)
		for (int32_t c = p->first[g]; c < p->first[g + 1]; c++)
			key[c] = g;
	for (int32_t c = p->nslots; c < nc; c++)
		key[c] = INT32_MAX;
	for (int32_t c = 0; c < nc; c++)
		if (v[c] == 0)
			zc[nz++] = c;

	for (int32_t i = 0; i < nr; i++) {
		int32_t	 a = x[i];
		uint32_t mark = (uint32_t)i + 1, phantom = 0;

		for (size_t e = ts[i]; e < ts[i + 1]; e++) {
			int32_t	 j = tc[e], sp = 0;
			int	 found = 0;

			if (key[j] >= key[a])
				break;		/* ascending keys: no better */
			if (seen[j] == mark || (y[j] >= 0 && fixed[y[j]]))
				continue;
			/* Breadth-first search from j for a way back into a. */
			seen[j] = mark;
			par[j] = -1;
			queue[0] = j;
			for (int32_t qh = 0, qt = 1; qh < qt && !found; qh++) {
				int32_t	 c = queue[qh], o = y[c];
				size_t	 it, lim;

				if (o >= 0) {
					it = ts[o];
					lim = ts[o + 1];
				} else if (phantom != mark) {
					/* a phantom: any column with v = 0 */
					phantom = mark;
					it = 0;
					lim = (size_t)nz;
				} else
					continue;
				for (; it < lim; it++) {
					int32_t	 t = o >= 0 ? tc[it] : zc[it];

					if (t == a) {
						par[a] = c;
						found = 1;
						break;
					}
					if (seen[t] == mark ||
					    (y[t] >= 0 && fixed[y[t]]))
						continue;
					seen[t] = mark;
					par[t] = c;
					queue[qt++] = t;
				}
			}
			if (!found)
				continue;
			/*
			 * The cycle j = c0, c1, ..., ck = a (read back along
			 * par): the row on c(t) (-1 for a phantom) moves to
			 * c(t+1), and i moves to c0.
			 */
			sp = 0;
			for (int32_t c = a; c >= 0; c = par[c])
				stack[sp++] = c;
			for (int32_t t = 0; t < sp / 2; t++) {
				int32_t	 tmp = stack[t];

				stack[t] = stack[sp - 1 - t];
				stack[sp - 1 - t] = tmp;
			}
			for (int32_t t = 0; t + 1 < sp; t++)
				rows[t] = y[stack[t]];
			for (int32_t t = 0; t + 1 < sp; t++) {
				if (rows[t] >= 0)
					x[rows[t]] = stack[t + 1];
				y[stack[t + 1]] = rows[t];
			}
			x[i] = j;
			y[j] = i;
			break;
		}
		fixed[i] = 1;
	}
	rc = 0;
out:
	free(key);
	free(ts);
	free(tc);
	free(zc);
	free(stack);
	free(rows);
	free(queue);
	free(par);
	free(seen);
	free(fixed);
	free(costm);
	return rc;
}

int
lap_assign(const struct lap *p, int32_t *x, int32_t *y, int64_t *u,
    int64_t *v)
{
	int	 rc = lap_solve(p, x, y, u, v);

	return rc == 0 ? lap_lexmin(p, x, y, u, v) : rc;
}
