/*
 * Internal to the matching core: a rectangular linear assignment
 * solver (Jonker-Volgenant shortest augmenting paths) and the lexicographic
 * tie-break on its optimal face. Not part of the public API.
 */
#ifndef MATCH_LAP_H
#define MATCH_LAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * The assignment problem of the matching core, read straight from its
 * lists of admissible pairs (no matrix). Columns are the slots of the
 * mentors (mentor g has slots first[g] .. first[g+1]-1, nslots in all),
 * then one private "unmatched" column per row: column nslots + r, cost
 * big. Row r reaches mentors by row[r][0..nadm[r]), each entry
 * g << 7 | c (c = 100 - score, 0..100), sorted by c and then by g: the
 * slots first[g] .. second[g]-1 at cost c, the slots second[g] ..
 * first[g+1]-1 at cost c + extra. Where such dearer slots exist, extra
 * must be more than 100 (so the row's edges, cheap slots first, are in
 * order of cost) and big more than every other cost.
 */
struct lap {
	int32_t			 nrows, nslots, nmentors;
	const int32_t		*first;		/* nmentors + 1 */
	const int32_t		*second;	/* nmentors */
	int64_t			 extra;
	const uint32_t *const	*row;
	const int32_t		*nadm;
	int64_t			 big;
};

/*
 * Assign every row to its own column at minimum total cost. On success
 * returns 0 and fills x (row -> column), y (column -> row or -1) and the
 * optimal duals u (rows) and v (columns): cost - u - v >= 0 on every edge,
 * = 0 on the assigned ones, v <= 0, v = 0 on free columns. Returns -1 if
 * some row cannot be assigned, -2 if memory ran out. All arrays are
 * caller-allocated.
 */
int	lap_solve(const struct lap *, int32_t *x, int32_t *y, int64_t *u,
	    int64_t *v);

/*
 * Among all minimum-cost assignments, move (x, y) to the one whose vector
 * of mentors (mentor of row 0, of row 1, ...; "unmatched" after every
 * mentor) is lexicographically smallest. The input must be an optimal
 * solution of lap_solve() with its duals. Returns 0, or -2 if memory ran
 * out (then x and y are still an optimal solution).
 */
int	lap_lexmin(const struct lap *, int32_t *x, int32_t *y,
	    const int64_t *u, const int64_t *v);

/*
 * lap_solve(), then lap_lexmin() on its result. Returns as lap_solve(),
 * or -2 if the tie-break ran out of memory.
 */
int	lap_assign(const struct lap *, int32_t *x, int32_t *y, int64_t *u,
	    int64_t *v);

#endif
