/*
 * Disclosure control for the statistics (SPEC §6): primary suppression of
 * small counts, secondary suppression so that no suppressed count can be
 * recomputed from the published totals, and an audit that checks this.
 *
 * A table is a cube cohort × row × column in which every dimension has a
 * total, so its published figures satisfy linear equations: along each
 * dimension the cells add up to the total. The rules:
 *
 *  1. Primary: a count of 1 .. min_cell-1 in a cell that is not always
 *     published is suppressed. A 0 is published (it counts no case), but a
 *     0 may be suppressed as a complementary cell when nothing else can
 *     protect a row (e.g. an organisation with a single participant).
 *  2. Secondary: an equation with exactly one suppressed cell would reveal
 *     it; there one more cell is suppressed: a non-zero count before a 0
 *     (a 0 that an always published total of 0 already reveals is never
 *     taken), then a cell that also closes another such equation, then the
 *     smallest, then the first in the table. Repeated until no equation has
 *     a single suppressed cell.
 *  3. Audit: with all published figures known, a suppressed cell must not
 *     be determined exactly by the equations — neither by one equation with
 *     one unknown, nor by an equation whose unknowns all have the same sign
 *     and add up to 0 (non-negative counts then are all 0), nor by any
 *     linear combination of the equations (checked by Gauss-Jordan
 *     elimination). A recoverable cell gets another complementary cell in
 *     one of its equations, and rules 2 and 3 run again.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "stats/stats.h"
#include "util/xalloc.h"

/* One linear relation: Σ coef[i] · cell[i] = 0. */
struct eq {
	size_t	*cell;		/* flat cell indices */
	int	*coef;		/* +1 for a part, -1 for the total */
	size_t	 n;
};

struct eqs {
	struct eq	*v;
	size_t		 n, cap;
	size_t		(*of)[3];	/* per cell: its equations */
	unsigned char	*nof;		/* per cell: how many */
};

static size_t
flat(const struct stats_table *t, size_t c, size_t r, size_t k)
{
	return (c * (t->nrows + 1) + r) * (t->ncols + 1) + k;
}

static size_t
ncells(const struct stats_table *t)
{
	return (t->ncohorts + 1) * (t->nrows + 1) * (t->ncols + 1);
}

/*
 * Add the equation "cells along dimension dim add up to the total" at the
 * position fixed by the other two indices in at[].
 */
static void
eqs_add(struct eqs *e, const struct stats_table *t, int dim, size_t at[3])
{
	size_t size[3] = { t->ncohorts, t->nrows, t->ncols };
	size_t idx[3] = { at[0], at[1], at[2] }, i;
	struct eq *q;

	e->v = xgrow(e->v, &e->cap, e->n + 1, sizeof(*e->v));
	q = &e->v[e->n++];
	q->n = size[dim] + 1;
	q->cell = xmalloc(q->n * sizeof(size_t));
	q->coef = xmalloc(q->n * sizeof(int));
	for (i = 0; i <= size[dim]; i++) {
		idx[dim] = i;
		q->cell[i] = flat(t, idx[0], idx[1], idx[2]);
		q->coef[i] = i < size[dim] ? 1 : -1;
	}
}

/*
 * All equations of an additive table. A table of one column has no column
 * total, so only column 0 takes part.
 */
static void
eqs_build(struct eqs *e, const struct stats_table *t)
{
	size_t size[3] = { t->ncohorts, t->nrows, t->ncols };
	size_t hi[3], at[3];
	int dim;

	hi[0] = t->ncohorts;
	hi[1] = t->nrows;
	hi[2] = t->ncols > 1 ? t->ncols : 0;
	memset(e, 0, sizeof(*e));
	for (dim = 0; dim < 3; dim++) {
		int a = (dim + 1) % 3, b = (dim + 2) % 3;

		if (dim == 2 && t->ncols < 2)
			continue;
		if (size[dim] == 0)
			continue;
		at[dim] = 0;
		for (at[a] = 0; at[a] <= hi[a]; at[a]++)
			for (at[b] = 0; at[b] <= hi[b]; at[b]++)
				eqs_add(e, t, dim, at);
	}
	e->of = xcalloc(ncells(t), sizeof(*e->of));
	e->nof = xcalloc(ncells(t), 1);
	for (size_t j = 0; j < e->n; j++)
		for (size_t i = 0; i < e->v[j].n; i++) {
			size_t x = e->v[j].cell[i];

			e->of[x][e->nof[x]++] = j;
		}
}

static void
eqs_free(struct eqs *e)
{
	for (size_t i = 0; i < e->n; i++) {
		free(e->v[i].cell);
		free(e->v[i].coef);
	}
	free(e->v);
	free(e->of);
	free(e->nof);
}

static bool
suppressed(const struct stats_table *t, size_t i)
{
	return (t->cells[i].flags & STATS_CELL_SUPPRESSED) != 0;
}

/* How many suppressed cells equation q has. */
static size_t
nsuppressed(const struct stats_table *t, const struct eq *q)
{
	size_t i, ns = 0;

	for (i = 0; i < q->n; i++)
		ns += suppressed(t, q->cell[i]);
	return ns;
}

/*
 * Is cell x known to be 0 anyway, because one of its equations has an
 * always published total of 0? Suppressing it would protect nothing.
 */
static bool
known_zero(const struct stats_table *t, const struct eqs *e, size_t x)
{
	for (size_t j = 0; j < e->nof[x]; j++) {
		const struct eq *q = &e->v[e->of[x][j]];
		size_t tot = q->cell[q->n - 1];

		if ((t->cells[tot].flags & STATS_CELL_PUBLIC) &&
		    t->cells[tot].n == 0)
			return true;
	}
	return false;
}

/* Is cell x in an equation other than q with exactly one suppressed cell? */
static bool
pending(const struct stats_table *t, const struct eqs *e, size_t x,
    const struct eq *q)
{
	for (size_t j = 0; j < e->nof[x]; j++)
		if (&e->v[e->of[x][j]] != q &&
		    nsuppressed(t, &e->v[e->of[x][j]]) == 1)
			return true;
	return false;
}

/*
 * The cell of q that is best suppressed as a complement: not suppressed,
 * not always published, not known to be 0; a non-zero count before a 0
 * (which only if allow_zero); then one that also protects another line
 * with a single suppressed cell; then the smallest; then the first.
 * Returns the flat index or (size_t)-1.
 */
static size_t
pick_complement(const struct stats_table *t, const struct eqs *e,
    const struct eq *q, bool allow_zero)
{
	size_t i, best = (size_t)-1;
	int bestkey[3] = { 0, 0, 0 };

	for (i = 0; i < q->n; i++) {
		size_t x = q->cell[i];
		const struct stats_cell *c = &t->cells[x];
		int key[3];

		if (c->flags & (STATS_CELL_SUPPRESSED | STATS_CELL_PUBLIC))
			continue;
		if (c->n == 0 && !allow_zero)
			continue;
		if (known_zero(t, e, x))
			continue;
		/* Lower keys win, compared in order. */
		key[0] = c->n == 0;
		key[1] = !pending(t, e, x, q);
		key[2] = c->n > 1000000 ? 1000000 : (int)c->n;
		if (best == (size_t)-1 || key[0] < bestkey[0] ||
		    (key[0] == bestkey[0] && (key[1] < bestkey[1] ||
		    (key[1] == bestkey[1] && key[2] < bestkey[2])))) {
			best = x;
			memcpy(bestkey, key, sizeof(key));
		}
	}
	return best;
}

/* Rule 2: until no equation has exactly one suppressed cell. */
static void
secondary(struct stats_table *t, const struct eqs *e)
{
	bool changed = true;

	while (changed) {
		changed = false;
		for (size_t j = 0; j < e->n; j++) {
			const struct eq *q = &e->v[j];
			size_t pick;

			if (nsuppressed(t, q) != 1)
				continue;
			pick = pick_complement(t, e, q, true);
			if (pick == (size_t)-1)
				continue;
			t->cells[pick].flags |= STATS_CELL_SECONDARY;
			changed = true;
		}
	}
}

/*
 * Gauss-Jordan elimination over the unknown cells: marks in det[] every
 * unknown that the equations fix to one value. Returns how many it marked.
 */
static size_t
rank_audit(const struct stats_table *t, const struct eqs *e,
    const bool *known, bool *det)
{
	size_t nc = ncells(t), nu = 0, m = 0, i, j, r, col, found = 0;
	size_t *var = xmalloc(nc * sizeof(size_t));	/* cell -> column */
	size_t *cellof = xmalloc(nc * sizeof(size_t));	/* column -> cell */
	double *a;

	for (i = 0; i < nc; i++)
		if (!known[i]) {
			var[i] = nu;
			cellof[nu++] = i;
		}
	if (nu == 0) {
		free(var);
		free(cellof);
		return 0;
	}
	a = xcalloc(e->n * nu, sizeof(double));
	for (j = 0; j < e->n; j++) {
		bool any = false;

		for (i = 0; i < e->v[j].n; i++)
			if (!known[e->v[j].cell[i]]) {
				a[m * nu + var[e->v[j].cell[i]]] +=
				    e->v[j].coef[i];
				any = true;
			}
		if (any)
			m++;
	}
	/* Reduced row echelon form with partial pivoting. */
	for (r = 0, col = 0; col < nu && r < m; col++) {
		size_t piv = r;

		for (i = r + 1; i < m; i++)
			if (fabs(a[i * nu + col]) > fabs(a[piv * nu + col]))
				piv = i;
		if (fabs(a[piv * nu + col]) < 1e-9)
			continue;
		if (piv != r)
			for (j = 0; j < nu; j++) {
				double x = a[r * nu + j];

				a[r * nu + j] = a[piv * nu + j];
				a[piv * nu + j] = x;
			}
		for (j = nu; j-- > 0;)
			a[r * nu + j] /= a[r * nu + col];
		for (i = 0; i < m; i++) {
			double f = a[i * nu + col];

			if (i == r || fabs(f) < 1e-12)
				continue;
			for (j = 0; j < nu; j++)
				a[i * nu + j] -= f * a[r * nu + j];
		}
		r++;
	}
	/* A row with a single non-zero entry fixes that unknown. */
	for (i = 0; i < r; i++) {
		size_t nz = 0, at = 0;

		for (j = 0; j < nu; j++)
			if (fabs(a[i * nu + j]) > 1e-9) {
				nz++;
				at = j;
			}
		if (nz == 1 && !det[cellof[at]]) {
			det[cellof[at]] = true;
			found++;
		}
	}
	free(a);
	free(var);
	free(cellof);
	return found;
}

/*
 * Rule 3: mark in det[] (size ncells) every suppressed cell that can be
 * recovered from the published ones. Returns how many.
 */
static size_t
audit(const struct stats_table *t, const struct eqs *e, bool *det)
{
	size_t nc = ncells(t), i, j, total = 0, found;
	bool *known = xmalloc(nc * sizeof(bool));

	for (i = 0; i < nc; i++) {
		known[i] = !suppressed(t, i);
		det[i] = false;
	}
	do {
		found = 0;
		for (j = 0; j < e->n; j++) {
			const struct eq *q = &e->v[j];
			long rhs = 0;
			size_t nu = 0;
			int sign = 0;
			bool same = true;

			for (i = 0; i < q->n; i++) {
				if (known[q->cell[i]]) {
					rhs -= q->coef[i] *
					    t->cells[q->cell[i]].n;
					continue;
				}
				nu++;
				if (sign != 0 && sign != q->coef[i])
					same = false;
				sign = q->coef[i];
			}
			if (nu == 0 || !(nu == 1 || (same && rhs == 0)))
				continue;
			for (i = 0; i < q->n; i++)
				if (!known[q->cell[i]]) {
					known[q->cell[i]] = true;
					det[q->cell[i]] = true;
					found++;
				}
		}
		if (found == 0) {
			found = rank_audit(t, e, known, det);
			for (i = 0; i < nc; i++)
				if (det[i])
					known[i] = true;
		}
		total += found;
	} while (found > 0);
	free(known);
	return total;
}

/*
 * Give the recoverable cell x another complement in one of its equations.
 * Returns false if none of them has a cell left to suppress.
 */
static bool
remedy(struct stats_table *t, const struct eqs *e, size_t x)
{
	for (int allow_zero = 0; allow_zero < 2; allow_zero++)
		for (size_t j = 0; j < e->n; j++) {
			const struct eq *q = &e->v[j];
			size_t i, pick;

			for (i = 0; i < q->n; i++)
				if (q->cell[i] == x)
					break;
			if (i == q->n)
				continue;
			pick = pick_complement(t, e, q, allow_zero);
			if (pick == (size_t)-1)
				continue;
			t->cells[pick].flags |= STATS_CELL_SECONDARY;
			return true;
		}
	return false;
}

size_t
stats_protect_table(struct stats_table *t, int min_cell)
{
	size_t nc = ncells(t), i, left = 0;
	struct eqs e;
	bool *det;

	if (!t->sensitive || !t->additive)
		return 0;
	for (i = 0; i < nc; i++) {
		struct stats_cell *c = &t->cells[i];

		c->flags &= ~STATS_CELL_SUPPRESSED;
		if (!(c->flags & STATS_CELL_PUBLIC) && c->n > 0 &&
		    c->n < min_cell)
			c->flags |= STATS_CELL_PRIMARY;
	}
	eqs_build(&e, t);
	det = xmalloc(nc * sizeof(bool));
	for (;;) {
		secondary(t, &e);
		left = audit(t, &e, det);
		if (left == 0)
			break;
		for (i = 0; i < nc; i++)
			if (det[i] && remedy(t, &e, i))
				break;
		if (i == nc)
			break;		/* nothing left to suppress */
	}
	free(det);
	eqs_free(&e);
	return left;
}

bool
stats_cell_recoverable(const struct stats_table *t, size_t c, size_t r,
    size_t k)
{
	size_t nc = ncells(t);
	struct eqs e;
	bool *det, res;

	if (!suppressed(t, flat(t, c, r, k)))
		return true;
	eqs_build(&e, t);
	det = xmalloc(nc * sizeof(bool));
	audit(t, &e, det);
	res = det[flat(t, c, r, k)];
	free(det);
	eqs_free(&e);
	return res;
}

size_t
stats_protect(struct stats *s, int min_cell)
{
	size_t left = 0;

	s->min_cell = min_cell;
	s->protected_ = true;
	for (size_t i = 0; i < s->ntables; i++)
		left += stats_protect_table(&s->tables[i], min_cell);
	return left;
}
