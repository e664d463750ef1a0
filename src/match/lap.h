/*
 * Internal to the matching core: a sparse rectangular linear assignment
 * solver (Jonker-Volgenant shortest augmenting paths) and the lexicographic
 * tie-break on its optimal face. Not part of the public API.
 */
#ifndef MATCH_LAP_H
#define MATCH_LAP_H

#include <stddef.h>
#include <stdint.h>

/*
 * A sparse cost matrix in compressed rows: row r has the edges
 * start[r] .. start[r+1]-1, to columns col[e] (ascending) at cost[e] >= 0.
 * nrows <= ncols.
 */
struct lap {
	int32_t		 nrows, ncols;
	const size_t	*start;
	const int32_t	*col;
	const int32_t	*cost;
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
 * (key[x[0]], key[x[1]], ...) is lexicographically smallest. The input must
 * be an optimal solution of lap_solve() with its duals. key[] ranks the
 * columns (columns with equal keys are interchangeable copies). Returns 0,
 * or -2 if memory ran out (then x and y are still an optimal solution).
 */
int	lap_lexmin(const struct lap *, const int32_t *key, int32_t *x,
	    int32_t *y, const int64_t *u, const int64_t *v);

#endif
