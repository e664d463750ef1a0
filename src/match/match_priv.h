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

/* The rule of mentee i with every mentor into rule[]. */
void	match_row_rules(const struct prep *p, size_t i, unsigned char *rule);

/* The score of (i, j) with its parts (see match_score_of). */
void	match_score_prepared(const struct prep *p, size_t i, size_t j,
	    struct match_score *sc);

/* The nmentees x nmentors table of admissible scores, -1 where a hard
 * rule excludes the pair; 0, or -1 if memory ran out. */
int	match_build_table(const struct prep *p, signed char *table);

/* match_explain.c: the tandems and unmatched mentees of res explained;
 * 0, or -1 if memory ran out. */
int	match_explain(const struct prep *p, const signed char *table,
	    const long *pinned, unsigned char *rule, struct match_result *res);

#endif
