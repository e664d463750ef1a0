/*
 * Disclosure control for the statistics (tandem(1), stats): primary
 * suppression of small counts, secondary suppression so that no
 * suppressed count can be recomputed from the published totals, and an
 * audit that checks this.
 *
 * A table is a cube cohort × row × column in which every dimension has a
 * total, so its published figures satisfy linear equations: along each
 * dimension the cells add up to the total. The rules:
 *
 *  0. Always published are the totals the rule names, and every cell that
 *     they alone determine (derive_public()).
 *  1. Primary: a count of 1 .. min_cell-1 in a cell that is not always
 *     published is suppressed, and so is a cell that the one-way table of
 *     the same figures suppresses (STATS_CELL_FORCED). A 0 is published (it counts no case), but a
 *     0 may be suppressed as a complementary cell when nothing else can
 *     protect a row (e.g. an organisation with a single participant).
 *  2. Secondary: an equation with exactly one suppressed cell would reveal
 *     it; there one more cell is suppressed: a non-zero count before a 0
 *     (never a cell that other published figures reveal anyway, such as a
 *     0 in a line whose published total is 0), then a cell that also
 *     closes another such equation, then the smallest, then the first in
 *     the table. Repeated until no equation has a single suppressed cell.
 *  3. Audit: with all published figures known, a suppressed cell must not
 *     be determined exactly — neither by the bounds that the sums and
 *     non-negative counts give (propagated until stable: this covers one
 *     equation with one unknown, unknowns adding up to 0, and chains such
 *     as two cells each at most 2 that must add up to 4), nor by any
 *     linear combination of the equations (Gauss-Jordan elimination). A
 *     recoverable cell gets another complementary cell in one of its
 *     equations, and rules 2 and 3 run again.
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

/*
 * Would suppressing x protect nothing, because x is known anyway: it is 0
 * by a published total of 0, or another equation than q holds only
 * published cells besides x that can never be suppressed?
 */
static bool
useless(const struct stats_table *t, const struct eqs *e, size_t x,
    const struct eq *q)
{
	if (known_zero(t, e, x))
		return true;
	for (size_t j = 0; j < e->nof[x]; j++) {
		const struct eq *o = &e->v[e->of[x][j]];
		size_t i;

		if (o == q)
			continue;
		for (i = 0; i < o->n; i++) {
			size_t y = o->cell[i];

			if (y == x)
				continue;
			if (suppressed(t, y))
				break;
			if (!(t->cells[y].flags & STATS_CELL_PUBLIC) &&
			    !known_zero(t, e, y))
				break;
		}
		if (i == o->n)
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
 * not always published, not known anyway (see useless()); a non-zero
 * count before a 0 (which only if allow_zero); then one that also protects
 * another line with a single suppressed cell; then the smallest; then the
 * first.
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
		if (useless(t, e, x, q))
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
 * The work limit of the audit of one table, in multiply-adds of the
 * elimination (about a second): beyond it the table is given up as too
 * large rather than making the user wait for minutes. The audit adds
 * what it spends to the caller's counter (*work).
 */
#define AUDIT_BUDGET	600000000ULL

/*
 * Peel off what cannot be determined: an unknown that only one active
 * equation still holds can take any value (that equation then fixes it
 * from the others), so the equation says nothing about the others and is
 * dropped. Repeated until every unknown left is in two or more equations.
 * Sets active[j] and core[cell]; returns the number of core unknowns.
 */
static size_t
peel(const struct stats_table *t, const struct eqs *e, const bool *known,
    bool *active, bool *core)
{
	size_t nc = ncells(t), i, j, x, n = 0;
	size_t *cnt = xcalloc(nc, sizeof(size_t));
	size_t *stack = xmalloc(nc * sizeof(size_t)), sp = 0;

	for (j = 0; j < e->n; j++) {
		active[j] = false;
		for (i = 0; i < e->v[j].n; i++)
			if (!known[e->v[j].cell[i]])
				active[j] = true;
		if (active[j])
			for (i = 0; i < e->v[j].n; i++)
				if (!known[e->v[j].cell[i]])
					cnt[e->v[j].cell[i]]++;
	}
	for (x = 0; x < nc; x++)
		if (!known[x] && cnt[x] == 1)
			stack[sp++] = x;
	while (sp > 0) {
		x = stack[--sp];
		if (cnt[x] != 1)
			continue;
		for (j = 0; j < e->nof[x]; j++)
			if (active[e->of[x][j]])
				break;
		if (j == e->nof[x])
			continue;
		active[e->of[x][j]] = false;
		for (i = 0; i < e->v[e->of[x][j]].n; i++) {
			size_t y = e->v[e->of[x][j]].cell[i];

			if (known[y])
				continue;
			if (--cnt[y] == 1)
				stack[sp++] = y;
		}
	}
	for (x = 0; x < nc; x++) {
		core[x] = !known[x] && cnt[x] > 0;
		n += core[x];
	}
	free(cnt);
	free(stack);
	return n;
}

/*
 * Gauss-Jordan elimination over the unknown cells that peel() leaves:
 * marks in det[] every unknown that the equations fix to one value.
 * Returns how many it marked.
 */
static size_t
rank_audit(const struct stats_table *t, const struct eqs *e,
    const bool *known, bool *det, unsigned long long *work)
{
	size_t nc = ncells(t), nu = 0, m = 0, i, j, r, col, found = 0;
	size_t *var = xmalloc(nc * sizeof(size_t));	/* cell -> column */
	size_t *cellof = xmalloc(nc * sizeof(size_t));	/* column -> cell */
	bool *active = xmalloc(e->n * sizeof(bool) + 1);
	bool *core = xmalloc(nc * sizeof(bool));
	double *a;

	peel(t, e, known, active, core);
	for (i = 0; i < nc; i++)
		if (core[i]) {
			var[i] = nu;
			cellof[nu++] = i;
		}
	free(core);
	if (nu == 0) {
		free(var);
		free(cellof);
		free(active);
		return 0;
	}
	for (j = 0; j < e->n; j++)
		m += active[j];
	*work += (unsigned long long)m * nu;
	if (*work > AUDIT_BUDGET) {
		free(var);
		free(cellof);
		free(active);
		return 0;
	}
	a = xcalloc(m * nu, sizeof(double));
	m = 0;
	for (j = 0; j < e->n; j++) {
		bool any = false;

		if (!active[j])
			continue;
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

		*work += 2 * m;		/* the scans of this column */
		if (*work > AUDIT_BUDGET)
			break;
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
		/* Row r is 0 left of col: earlier pivots are eliminated
		 * and skipped columns were 0 in every row from r on. */
		for (i = 0; i < m; i++) {
			double f = a[i * nu + col];

			if (i == r || fabs(f) < 1e-12)
				continue;
			for (j = col; j < nu; j++)
				a[i * nu + j] -= f * a[r * nu + j];
			*work += nu - col;
		}
		r++;
		if (*work > AUDIT_BUDGET)
			break;
	}
	/* A row with a single non-zero entry fixes that unknown. */
	for (i = 0; i < r && *work <= AUDIT_BUDGET; i++) {
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
	free(active);
	return found;
}

#define BIG	(1LL << 40)	/* "no bound" for counts */
#define BATCH_FROM 1000	/* cells of a table remedied in batches */

/*
 * Tighten the bounds lo[], hi[] of the cells by the equations until they
 * no longer change: in Σ coef·x = 0 each x lies within what the bounds of
 * the others allow. Published cells have lo == hi. Counts are >= 0.
 */
static void
propagate(const struct eqs *e, long long *lo, long long *hi)
{
	bool changed = true;

	for (int pass = 0; changed && pass < 10000; pass++) {
		changed = false;
		for (size_t j = 0; j < e->n; j++) {
			const struct eq *q = &e->v[j];
			long long fmin = 0, fmax = 0;
			int imin = 0, imax = 0;
			size_t i;

			/*
			 * Bounds of the whole sum Σ coef·x: finite parts and
			 * the number of unbounded shares on each side.
			 */
			for (i = 0; i < q->n; i++) {
				size_t x = q->cell[i];
				int unb = hi[x] >= BIG;

				if (q->coef[i] > 0) {
					fmin += lo[x];
					if (unb)
						imax++;
					else
						fmax += hi[x];
				} else {
					if (unb)
						imin++;
					else
						fmin -= hi[x];
					fmax -= lo[x];
				}
			}
			for (i = 0; i < q->n; i++) {
				size_t x = q->cell[i];
				int unb = hi[x] >= BIG;
				long long nlo, nhi;

				if (lo[x] == hi[x])
					continue;
				if (q->coef[i] > 0) {
					/* x = -(sum of the others) */
					nlo = imax - unb > 0 ? 0 :
					    -(fmax - (unb ? 0 : hi[x]));
					nhi = imin > 0 ? BIG : -(fmin - lo[x]);
				} else {
					/* x = sum of the others */
					nlo = imin - unb > 0 ? 0 :
					    fmin + (unb ? 0 : hi[x]);
					nhi = imax > 0 ? BIG : fmax + lo[x];
				}
				if (nlo > lo[x]) {
					lo[x] = nlo;
					changed = true;
				}
				if (nhi < hi[x]) {
					hi[x] = nhi;
					changed = true;
				}
			}
		}
	}
}

/*
 * Rule 3: mark in det[] (size ncells) every suppressed cell that can be
 * recovered from the published ones: by bounds (sums, counts >= 0) or by
 * a linear combination of the equations. Returns how many.
 */
static size_t
audit(const struct stats_table *t, const struct eqs *e, bool *det,
    unsigned long long *work)
{
	size_t nc = ncells(t), i, total = 0, found;
	long long *lo = xmalloc(nc * sizeof(long long));
	long long *hi = xmalloc(nc * sizeof(long long));
	bool *known = xmalloc(nc * sizeof(bool));

	for (i = 0; i < nc; i++) {
		det[i] = false;
		if (suppressed(t, i)) {
			lo[i] = 0;
			hi[i] = BIG;
		} else
			lo[i] = hi[i] = t->cells[i].n;
	}
	do {
		propagate(e, lo, hi);
		found = 0;
		for (i = 0; i < nc; i++) {
			known[i] = lo[i] == hi[i];
			if (known[i] && suppressed(t, i) && !det[i]) {
				det[i] = true;
				found++;
			}
		}
		if (found == 0) {
			found = rank_audit(t, e, known, det, work);
			/* The attacker now knows those cells' values. */
			for (i = 0; i < nc; i++)
				if (det[i])
					lo[i] = hi[i] = t->cells[i].n;
		}
		total += found;
	} while (found > 0);
	free(lo);
	free(hi);
	free(known);
	return total;
}

/*
 * Give the recoverable cell x another complement in one of its equations.
 * Equations marked in touched[] got a complement in this round already:
 * then x waits for the next audit. Marks the equations of x and of the
 * new complement. Returns false if nothing was suppressed.
 */
static bool
remedy(struct stats_table *t, const struct eqs *e, size_t x, bool *touched)
{
	size_t j, pick;

	for (j = 0; j < e->nof[x]; j++)
		if (touched[e->of[x][j]])
			return false;
	for (int allow_zero = 0; allow_zero < 2; allow_zero++)
		for (j = 0; j < e->nof[x]; j++) {
			pick = pick_complement(t, e, &e->v[e->of[x][j]],
			    allow_zero);
			if (pick == (size_t)-1)
				continue;
			t->cells[pick].flags |= STATS_CELL_SECONDARY;
			for (j = 0; j < e->nof[x]; j++)
				touched[e->of[x][j]] = true;
			for (j = 0; j < e->nof[pick]; j++)
				touched[e->of[pick][j]] = true;
			return true;
		}
	return false;
}

/*
 * Mark as published every cell that the always published cells determine
 * already (e.g. the only organisation's column equals the published
 * gender totals): suppressing it would hide nothing the rule does not
 * publish anyway, and could not be protected.
 */
static void
derive_public(struct stats_table *t, const struct eqs *e)
{
	size_t nc = ncells(t), i, j;
	bool changed = true;

	for (i = 0; i < nc; i++)
		if (known_zero(t, e, i))
			t->cells[i].flags |= STATS_CELL_PUBLIC;
	while (changed) {
		changed = false;
		for (j = 0; j < e->n; j++) {
			const struct eq *q = &e->v[j];
			size_t open = 0, at = 0;

			for (i = 0; i < q->n; i++)
				if (!(t->cells[q->cell[i]].flags &
				    STATS_CELL_PUBLIC)) {
					open++;
					at = q->cell[i];
				}
			if (open == 1) {
				t->cells[at].flags |= STATS_CELL_PUBLIC;
				changed = true;
			}
		}
	}
}

size_t
stats_protect_table(struct stats_table *t, int min_cell)
{
	size_t nc = ncells(t), i, left = 0, added;
	struct eqs e;
	bool *det, *touched;
	unsigned long long work = 0;	/* spent on this table */

	if (!t->sensitive || !t->additive)
		return 0;
	t->too_large = false;
	eqs_build(&e, t);
	derive_public(t, &e);
	touched = xmalloc(e.n * sizeof(bool) + 1);
	for (i = 0; i < nc; i++) {
		struct stats_cell *c = &t->cells[i];

		c->flags &= ~STATS_CELL_SUPPRESSED;
		if ((!(c->flags & STATS_CELL_PUBLIC) && c->n > 0 &&
		    c->n < min_cell) || (c->flags & STATS_CELL_FORCED))
			c->flags |= STATS_CELL_PRIMARY;
	}
	det = xmalloc(nc * sizeof(bool));
	for (;;) {
		secondary(t, &e);
		left = audit(t, &e, det, &work);
		if (work > AUDIT_BUDGET) {
			t->too_large = true;
			break;
		}
		if (left == 0)
			break;
		/*
		 * One more complement for the first recoverable cell (the
		 * chain it starts often protects the others too); in a large
		 * table, for each that shares no equation with one remedied
		 * in this round, to bound the number of rounds.
		 */
		added = 0;
		memset(touched, 0, e.n * sizeof(bool));
		for (i = 0; i < nc; i++)
			if (det[i] && remedy(t, &e, i, touched)) {
				added++;
				if (nc < BATCH_FROM)
					break;
			}
		if (added == 0)
			break;		/* nothing left to suppress */
	}
	free(det);
	free(touched);
	eqs_free(&e);
	return t->too_large && left == 0 ? 1 : left;
}

bool
stats_cell_recoverable(const struct stats_table *t, size_t c, size_t r,
    size_t k)
{
	size_t nc = ncells(t);
	struct eqs e;
	bool *det, res;
	unsigned long long work = 0;

	if (!suppressed(t, flat(t, c, r, k)))
		return true;
	eqs_build(&e, t);
	det = xmalloc(nc * sizeof(bool));
	audit(t, &e, det, &work);
	res = det[flat(t, c, r, k)];
	free(det);
	eqs_free(&e);
	return res;
}

/*
 * Protect a one-way table and the cross table whose row totals (column
 * ncols) it shows, so that the two publish the same figures. First the
 * one-way table alone; its published figures then become always
 * published row totals of the cross table and its suppressed ones stay
 * suppressed there, so that the cross table hides only inner cells.
 * Where the cross table cannot be protected so, it is protected alone
 * and the one-way table takes its row totals as protected there (safe:
 * they are a slice of the cross table, equations and all). Returns the
 * suppressed cells the audits can still recover.
 */
static size_t
protect_pair(struct stats_table *one, struct stats_table *cross,
    int min_cell)
{
	size_t nc = ncells(cross), c, r, left;
	int *saved = xmalloc(nc * sizeof(int));
	struct stats_cell *m;

	for (size_t i = 0; i < nc; i++)
		saved[i] = cross->cells[i].flags;
	left = stats_protect_table(one, min_cell);
	if (left == 0 && !one->too_large) {
		for (c = 0; c <= cross->ncohorts; c++)
			for (r = 0; r <= cross->nrows; r++) {
				m = stats_cell(cross, c, r, cross->ncols);
				if (stats_cell(one, c, r, 0)->flags &
				    STATS_CELL_SUPPRESSED)
					m->flags |= STATS_CELL_FORCED;
				else
					m->flags |= STATS_CELL_PUBLIC;
			}
		left = stats_protect_table(cross, min_cell);
		if (left == 0 && !cross->too_large) {
			free(saved);
			return 0;
		}
		if (cross->too_large) {
			/* Too large either way: not published at all. */
			one->too_large = true;
			free(saved);
			return left > 0 ? left : 1;
		}
		for (size_t i = 0; i < nc; i++)
			cross->cells[i].flags = saved[i];
	}
	free(saved);
	left = stats_protect_table(cross, min_cell);
	one->too_large = cross->too_large;
	for (c = 0; c <= cross->ncohorts; c++)
		for (r = 0; r <= cross->nrows; r++) {
			m = stats_cell(one, c, r, 0);
			m->flags = (m->flags & ~STATS_CELL_SUPPRESSED) |
			    (stats_cell(cross, c, r, cross->ncols)->flags &
			    STATS_CELL_SUPPRESSED);
		}
	return left;
}

size_t
stats_protect(struct stats *s, int min_cell)
{
	size_t left = 0, i;

	s->min_cell = min_cell;
	s->protected_ = true;
	for (i = 0; i < s->ntables; i++) {
		struct stats_table *t = &s->tables[i];
		bool paired = false;

		/* A cross table is protected with its one-way table. */
		for (size_t j = 0; j < s->ntables && !paired; j++)
			paired = s->tables[j].cross == (int)i;
		if (t->cross >= 0 && (size_t)t->cross < s->ntables)
			left += protect_pair(t, &s->tables[t->cross],
			    min_cell);
		else if (!paired)
			left += stats_protect_table(t, min_cell);
	}
	return left;
}
