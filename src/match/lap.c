/*
 * The assignment solver of the matching core: Jonker-Volgenant shortest
 * augmenting paths on the rectangular problem of mentees and mentor slots,
 * read straight from the score table, and the walk over
 * the optimal face that makes the result lexicographically smallest.
 */
#include <stdint.h>
#include <stdlib.h>

#include "lap.h"

#define LAP_INF	INT64_MAX

/*
 * Run body for each edge of row r, with column c at cost w: the slots of
 * the row's admissible mentors, then its own "unmatched" column. A
 * continue in body goes on with the next edge.
 */
#define FOR_EDGES(p, r, c, w, ...) do {				\
	const int32_t *a_ = (p)->adm[r];				\
	const signed char *s_ = (p)->score[r];				\
	for (int32_t k_ = 0; k_ < (p)->nadm[r]; k_++) {			\
		int32_t g_ = a_[k_];					\
		int64_t w = 100 - s_[g_];				\
		for (int32_t c = (p)->first[g_];			\
		    c < (p)->first[g_ + 1]; c++) {			\
			__VA_ARGS__					\
		}							\
	}								\
	for (int32_t c = (p)->nslots + (r), o_ = 1; o_; o_ = 0) {	\
		int64_t w = (p)->big;					\
		__VA_ARGS__						\
	}								\
} while (0)

/*
 * Solve by shortest augmenting paths (Jonker and Volgenant 1987, the
 * augmentation phase, with Dijkstra over the columns reached so far).
 * Start: v = 0, u = row minimum, and every row whose cheapest column is
 * still free takes it. Then each remaining row is augmented along a
 * shortest path of reduced costs; all columns at the current minimum
 * distance are scanned as one set, which makes the many ties of small
 * integer costs cheap. Columns that were never reached keep v = 0, so the
 * duals stay optimal for the rectangular problem.
 */
int
lap_solve(const struct lap *p, int32_t *x, int32_t *y, int64_t *u,
    int64_t *v)
{
	int32_t	 nr = p->nrows, nc = p->nslots + p->nrows;
	int64_t	*d = NULL, *rowcost = NULL, *predcost = NULL;
	int32_t	*pred = NULL, *list = NULL, *pos = NULL;
	uint32_t *stamp = NULL;
	uint32_t cur = 0;
	int	 rc = -2;
	int32_t	 r, c;

	d = malloc((size_t)nc * sizeof(*d) + 1);
	predcost = malloc((size_t)nc * sizeof(*predcost) + 1);
	rowcost = malloc((size_t)nr * sizeof(*rowcost) + 1);
	pred = malloc((size_t)nc * sizeof(*pred) + 1);
	list = malloc((size_t)nc * sizeof(*list) + 1);
	pos = malloc((size_t)nc * sizeof(*pos) + 1);
	stamp = calloc((size_t)nc + 1, sizeof(*stamp));
	if (d == NULL || predcost == NULL || rowcost == NULL || pred == NULL ||
	    list == NULL || pos == NULL || stamp == NULL)
		goto out;

	for (c = 0; c < nc; c++) {
		v[c] = 0;
		y[c] = -1;
	}
	/* Row reduction with a greedy start on the row minima. */
	for (r = 0; r < nr; r++) {
		int64_t	 m = LAP_INF;
		int32_t	 best = -1;

		x[r] = -1;
		FOR_EDGES(p, r, c, w,
			if (w < m) {
				m = w;
				best = y[c] < 0 ? c : -1;
			} else if (w == m && best < 0 && y[c] < 0)
				best = c;
		);
		if (m == LAP_INF) {
			rc = -1;
			goto out;
		}
		u[r] = m;
		if (best >= 0) {
			x[r] = best;
			y[best] = r;
			rowcost[r] = m;
		}
	}

	for (int32_t f = 0; f < nr; f++) {
		int32_t	 low = 0, up = 0, n = 0, end = -1;
		int64_t	 min = 0;

		if (x[f] >= 0)
			continue;
		if (++cur == 0) {	/* stamp wrapped: clear */
			for (c = 0; c < nc; c++)
				stamp[c] = 0;
			cur = 1;
		}
		FOR_EDGES(p, f, j, w,
			stamp[j] = cur;
			d[j] = w - v[j];
			pred[j] = f;
			predcost[j] = w;
			pos[j] = n;
			list[n++] = j;
		);
		for (;;) {
			int32_t	 j1, i;
			int64_t	 h;

			if (low == up) {
				/* Collect the columns at the new minimum. */
				if (up == n) {
					rc = -1;
					goto out;
				}
				min = d[list[up++]];
				for (int32_t k = up; k < n; k++) {
					int32_t	 j = list[k], t;
					int64_t	 dj = d[j];

					if (dj > min)
						continue;
					if (dj < min) {
						up = low;
						min = dj;
					}
					t = list[up];
					list[up] = j;
					pos[j] = up;
					list[k] = t;
					pos[t] = k;
					up++;
				}
				for (int32_t k = low; k < up; k++)
					if (y[list[k]] < 0) {
						end = list[k];
						goto augment;
					}
			}
			/* Scan one column of the minimum set. */
			j1 = list[low++];
			i = y[j1];
			h = rowcost[i] - v[j1] - min;
			FOR_EDGES(p, i, j, w,
				int64_t	 dj;

				if (stamp[j] != cur) {
					stamp[j] = cur;
					d[j] = LAP_INF;
					pos[j] = n;
					list[n++] = j;
				} else if (pos[j] < up)
					continue;
				dj = w - v[j] - h;
				if (dj >= d[j])
					continue;
				d[j] = dj;
				pred[j] = i;
				predcost[j] = w;
				if (dj == min) {
					int32_t	 k = pos[j], t;

					if (y[j] < 0) {
						end = j;
						goto augment;
					}
					t = list[up];
					list[up] = j;
					pos[j] = up;
					list[k] = t;
					pos[t] = k;
					up++;
				}
			);
		}
augment:
		/* Update the duals of the scanned columns, then flip the path. */
		for (int32_t k = 0; k < low; k++) {
			c = list[k];
			v[c] += d[c] - min;
		}
		for (;;) {
			int32_t	 i = pred[end], k = x[i];

			y[end] = i;
			x[i] = end;
			rowcost[i] = predcost[end];
			if (i == f)
				break;
			end = k;
		}
	}
	for (r = 0; r < nr; r++)
		u[r] = rowcost[r] - v[x[r]];
	rc = 0;
out:
	free(d);
	free(predcost);
	free(rowcost);
	free(pred);
	free(list);
	free(pos);
	free(stamp);
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
	unsigned char *fixed = NULL;
	int	 rc = -2;

	key = malloc(((size_t)nc + 1) * sizeof(*key));
	ts = malloc(((size_t)nr + 1) * sizeof(*ts));
	zc = malloc((size_t)nc * sizeof(*zc) + 1);
	stack = malloc(((size_t)nc + 1) * sizeof(*stack));
	rows = malloc(((size_t)nc + 1) * sizeof(*rows));
	queue = malloc(((size_t)nc + 1) * sizeof(*queue));
	par = malloc(((size_t)nc + 1) * sizeof(*par));
	seen = calloc((size_t)nc + 1, sizeof(*seen));
	fixed = calloc((size_t)nr + 1, 1);
	if (key == NULL || ts == NULL || zc == NULL || stack == NULL ||
	    rows == NULL || queue == NULL || par == NULL || seen == NULL ||
	    fixed == NULL)
		goto out;
	/*
	 * The tight edges, in the same (ascending column) order. Since
	 * v <= 0, an edge can only be tight if u + min(v) <= cost <= u:
	 * a quick test on the score skips most mentors of a dense row.
	 */
	for (int32_t c = 0; c < nc; c++)
		vmin = v[c] < vmin ? v[c] : vmin;
	for (int32_t r = 0; r < nr; r++) {
		const int32_t *adm = p->adm[r];
		const signed char *sc = p->score[r];
		int64_t	 lo = 100 - u[r], hi = 100 - u[r] - vmin;

		ts[r] = ne;
		for (int32_t k = 0; k < p->nadm[r]; k++) {
			int32_t	 g = adm[k];

			if (sc[g] < lo || sc[g] > hi)
				continue;
			for (int32_t c = p->first[g]; c < p->first[g + 1]; c++)
				if (100 - sc[g] - u[r] - v[c] == 0) {
					if (ne == cap) {
						int32_t	*t;

						cap = cap ? 2 * cap : 1024;
						t = realloc(tc, cap * sizeof(*t));
						if (t == NULL)
							goto out;
						tc = t;
					}
					tc[ne++] = c;
				}
		}
		if (p->big - u[r] - v[p->nslots + r] == 0) {
			if (ne == cap) {
				int32_t	*t;

				cap = cap ? 2 * cap : 1024;
				if ((t = realloc(tc, cap * sizeof(*t))) == NULL)
					goto out;
				tc = t;
			}
			tc[ne++] = p->nslots + r;
		}
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
	return rc;
}
