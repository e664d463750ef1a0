/*
 * Shared by the files of the matching core (match.c, match_score.c,
 * match_explain.c); not part of its interface, which is match.h.
 */
#ifndef MATCH_PRIV_H
#define MATCH_PRIV_H

#include <stddef.h>
#include <stdint.h>

#include "match.h"

/* A set of small integers: a bit mask when every member is below 64. */
struct set {
	uint64_t	 mask;
	int		*v;		/* sorted, distinct */
	size_t		 n;
};

/* Everything match_solve() derives from the input once. */
struct prep {
	const struct match_input *in;
	int		 masks;		/* every set fits its mask */
	int		*field[2];	/* [0] mentees, [1] mentors: id or -1 */
	int		*bg[2];
	struct set	*topics[2];
	struct set	*langs[2];	/* without "de" */
	int		*pool;		/* backing store of the sets */
	size_t		*fstart;	/* forbids by mentee: fstart[i].. */
	size_t		*fmentor;
	char		**strs;		/* interned folded strings */
	size_t		 nstrs, capstrs;
	size_t		*hash;		/* open addressing: index + 1, 0 = empty */
	size_t		 nhash;
};

/* match_score.c: features, hard rules and scores. */

/* Prepare p from in (see match_score.c); 0, or -1 if memory ran out. A
 * failed p must still be freed. */
int	match_prep_init(struct prep *p, const struct match_input *in);
void	match_prep_free(struct prep *p);

/* The first rule excluding (i, j), MATCH_RULE_NONE if none: base rules
 * (withdrawn, capacity), and pair rules (organisation, level gap, the
 * score table). Forbids are not looked at. */
enum match_rule	match_base_rule(const struct match_input *in, size_t i,
		    size_t j);
enum match_rule	match_pair_rule(const struct match_input *in, size_t i,
		    size_t j);

/* The first rule excluding (i, j), forbids included (match_rule_of()
 * with the prepared features). */
enum match_rule	match_rule_prepared(const struct prep *p, size_t i, size_t j);

/* The rule of mentee i with every mentor into rule[]. */
void	match_row_rules(const struct prep *p, size_t i, unsigned char *rule);

/* The score of (i, j) with its parts (see match_score_of). */
void	match_score_prepared(const struct prep *p, size_t i, size_t j,
	    struct match_score *sc);

/*
 * The admissible pairs, one list per mentee: pool[start[i] ..
 * start[i + 1]) holds mentor << 7 | (100 - score) for every mentor a hard
 * rule admits (capacity > 0, not withdrawn, not forbidden), by cost and
 * then by mentor.
 */
struct rows {
	uint32_t	*pool;
	size_t		 poolsize;	/* bytes allocated */
	size_t		*start;		/* nmentees + 1 */
};

/* Free the lists (from match_build_rows()). */
void	match_rows_free(const struct match_input *in, struct rows *rw);

/*
 * Build the lists (free pool and start, also on failure). Counts first:
 * more than limit admissible pairs return -2 without the lists, with the
 * count so far in *npairs. Returns 0, or -1 if memory ran out.
 */
int	match_build_rows(const struct prep *p, size_t limit, struct rows *rw,
	    size_t *npairs);

/* match_explain.c: the tandems, unmatched mentees and idle mentors of res
 * explained; 0, or -1 if memory ran out. */
int	match_explain(const struct prep *p, const struct rows *rw,
	    const long *pinned, unsigned char *rule, struct match_result *res);

#endif
