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
 * score table (no copy of the matrix). Columns are the slots of the mentors
 * (mentor g has slots first[g] .. first[g+1]-1, nslots in all), then one
 * private "unmatched" column per row: column nslots + r, cost big (more
 * than 100). Row r reaches the slots of the mentors adm[r][0..nadm[r])
 * (ascending) at cost 100 - score[r][g]; every score there is 0..100.
 */
struct lap {
	int32_t			 nrows, nslots;
	const int32_t		*first;
	const signed char *const *score;
	const int32_t *const	*adm;
	const int32_t		*nadm;
	int64_t			 big;
};

/*
 * Assign every row to its own column at minimum total cost. The solver
 * keeps, for the rows it scans, their mentors sorted by cost (4 bytes per
 * admissible pair at most) while it runs. On success
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
 * lap_solve(), then lap_lexmin() on its result, sharing the solver's work
 * (the rows it sorted by cost make the tie-break's search for tight edges
 * cheap). Returns as lap_solve(), or -2 if the tie-break ran out of memory.
 */
int	lap_assign(const struct lap *, int32_t *x, int32_t *y, int64_t *u,
	    int64_t *v);

#endif
