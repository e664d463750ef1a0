/*
 * The matching core of tandem: an embeddable library that pairs mentees with
 * mentors. It depends on nothing but the C11 standard library (no libxml2,
 * no tandem utilities), so it compiles alone:
 *
 *	cc -std=c11 -c match.c lap.c
 *
 * Input: mentees, mentors with capacities, hard rules, pins, forbidden pairs
 * and either the features the scores are computed from (tandem-programme(5),
 * MATCHING) or a table of pair scores. Output: the assignment, each
 * tandem's score and its parts, the next best admissible mentors, why
 * each unmatched mentee stayed unmatched, and diagnostics for bad input.
 *
 * The assignment is exact and deterministic. Among all assignments that keep
 * the hard rules and the pins it takes
 *   1. the ones matching the most mentees;
 *   2. among those, the ones where the most mentors have at least one
 *	mentee (pins count; skipped when rules.spread is 0);
 *   3. among those, the ones with the highest total score;
 *   4. among those, the lexicographically smallest vector
 *	(mentor of mentee 0, mentor of mentee 1, ...), where mentors count by
 *	their position in the input and "unmatched" counts after every mentor.
 * So ties are broken by input order; give people in id order to break ties
 * by id. Steps 1-3 are one min-cost assignment problem (integer costs,
 * mentor capacities as slots, one private "unmatched" column per mentee,
 * solved by Jonker-Volgenant shortest augmenting paths on sparse rows):
 * a slot costs 100 - score; every slot of a mentor but the first (all of
 * them if a pin already uses the mentor) costs a further E = 100 (n + 1)
 * (n: mentees to match), more than any difference of total scores, and
 * "unmatched" costs (n + 3) E, more than any difference in the rest.
 * Step 4 walks the optimal face of that problem (the tight edges of the
 * optimal duals) and, mentee by mentee, moves to the smallest mentor that
 * an alternating cycle or path of tight edges allows.
 *
 * Memory: the admissible pairs are kept as one list per mentee, 4 bytes a
 * pair, sorted by score; the solver adds a few words per mentee and slot.
 * A problem of more than MATCH_MAX_PAIRS admissible pairs is refused
 * (MATCH_ERR_TOO_MANY_PAIRS) before anything big is allocated.
 *
 * Ownership: the library copies nothing it does not own; the input must stay
 * valid during match_solve(). A struct match_result is owned by the caller
 * and released with match_result_free().
 */
#ifndef MATCH_MATCH_H
#define MATCH_MATCH_H

#include <stddef.h>
#include <stdint.h>

/* Genders as the library knows them; 0 means "not recorded". */
enum match_gender {
	MATCH_GENDER_UNKNOWN,
	MATCH_GENDER_F,
	MATCH_GENDER_M,
	MATCH_GENDER_D,
	MATCH_GENDER__MAX
};

/* One participant. Fields that do not apply to the role are ignored. */
struct match_person {
	const char	 *id;		/* used in messages only; may be NULL */
	int		  withdrawn;	/* nonzero: takes no part */
	int		  org;		/* organisation number, or -1 = none */
	int		  level;	/* 1..20, 0 = unknown */
	int		  capacity;	/* mentors: how many mentees, >= 0 */
	enum match_gender gender;
	const char	 *field;	/* or NULL; compared case-insensitively */
	const int	 *topics;	/* topic numbers (any ints >= 0) */
	size_t		  ntopics;
	enum match_gender wish_gender;	/* mentees: UNKNOWN = no wish */
	const char	 *background;	/* or NULL */
	int		  wish_background; /* mentees: nonzero = wish the same */
	const char *const *languages;	/* language codes, e.g. "de", "tr" */
	size_t		  nlanguages;
};

/* The parts of a score (tandem-programme(5), MATCHING), in this order. */
enum match_part {
	MATCH_PART_TOPICS,
	MATCH_PART_WISH_GENDER,
	MATCH_PART_FIELD,
	MATCH_PART_LEVEL_GAP,
	MATCH_PART_BACKGROUND,
	MATCH_PART_LANGUAGE,
	MATCH_PART__MAX
};

/* Names of the parts as in programme.xml ("topics", "wish-gender", ...). */
extern const char *const match_part_names[MATCH_PART__MAX];

/* Weight of each part, 0..10 (defaults: 3 2 2 1 1 1). */
struct match_weights {
	double	w[MATCH_PART__MAX];
};

struct match_rules {
	int	different_org;		/* nonzero: orgs must differ */
	int	min_level_gap;		/* mentor level - mentee level >= this */
	int	ideal_level_gap;	/* for the level-gap part */
	int	same_field;		/* nonzero: fields must be equal (when
					   both have one) */
	int	spread;			/* nonzero: objective step 2 (most
					   mentors used); default 1 */
};

/* A mentee-mentor pair by index into the mentee and mentor arrays. */
struct match_pair {
	size_t	mentee;
	size_t	mentor;
};

struct match_input {
	const struct match_person *mentees;
	size_t		 nmentees;
	const struct match_person *mentors;
	size_t		 nmentors;
	struct match_weights weights;
	struct match_rules rules;
	const struct match_pair *pins;	/* fixed pairs, kept as given */
	size_t		 npins;
	const struct match_pair *forbids; /* pairs never formed */
	size_t		 nforbids;
	/*
	 * Optional nmentees x nmentors table (row = mentee) of scores 0..100
	 * that replaces the computed scores; a negative entry marks the pair
	 * inadmissible (rule MATCH_RULE_TABLE). The hard rules still apply.
	 * NULL: scores are computed from the features.
	 */
	const signed char *scores;
	size_t		 max_pairs;	/* 0: MATCH_MAX_PAIRS; lower it to
					   refuse smaller problems */
	/*
	 * Optional: where the lists of admissible pairs live (the one big
	 * allocation, written once from the front; e.g. memory with huge
	 * pages). NULL: malloc() and free().
	 */
	void		*(*pairs_alloc)(size_t size);
	void		 (*pairs_free)(void *p, size_t size);
};

/* The hard rules, in the order they are tested and reported. */
enum match_rule {
	MATCH_RULE_NONE,		/* admissible */
	MATCH_RULE_WITHDRAWN,		/* mentee or mentor withdrawn */
	MATCH_RULE_NO_CAPACITY,		/* the mentor's capacity is 0 */
	MATCH_RULE_FORBIDDEN,		/* a forbidden pair */
	MATCH_RULE_SAME_ORG,		/* same organisation */
	MATCH_RULE_LEVEL_GAP,		/* level gap below the minimum */
	MATCH_RULE_FIELD,		/* different fields (same_field) */
	MATCH_RULE_TABLE,		/* negative entry in the score table */
	MATCH_RULE__MAX
};

/* Short English phrases for the rules ("same organisation", ...). */
extern const char *const match_rule_names[MATCH_RULE__MAX];

/* Problems with the input; any of them makes match_solve() fail. */
enum match_error {
	MATCH_ERR_RANGE,	/* a pin or forbid names no such person */
	MATCH_ERR_PIN_RULE,	/* a pin breaks a hard rule (see rule) */
	MATCH_ERR_PIN_TWICE,	/* a mentee pinned to two mentors */
	MATCH_ERR_PIN_CAPACITY,	/* a mentor pinned beyond capacity */
	MATCH_ERR_VALUE,	/* a capacity, level or weight out of range */
	MATCH_ERR_TOO_BIG,	/* more than MATCH_MAX_PEOPLE or slots */
	MATCH_ERR_TOO_MANY_PAIRS, /* more than MATCH_MAX_PAIRS admissible
				   pairs (item: the count so far) */
	MATCH_ERR_NOMEM,	/* out of memory */
	MATCH_ERR_INTERNAL,	/* the checker rejected the solution (a bug) */
	MATCH_ERR__MAX
};

#define MATCH_MAX_PEOPLE	1000000	/* mentees, mentors, slots each */
#define MATCH_MAX_PAIRS		100000000 /* admissible pairs (~400 MB) */

struct match_diag {
	enum match_error error;
	enum match_rule	 rule;		/* PIN_RULE: the rule broken */
	size_t		 item;		/* index of the pin/forbid, else 0 */
	size_t		 mentee, mentor; /* the people concerned, if any */
};

/* A score with its parts. */
struct match_score {
	int	score;				/* 0..100 */
	unsigned applies;			/* bit (1 << part) if it applies */
	double	part[MATCH_PART__MAX];		/* p in [0, 1] where it applies */
};

/* A next-best admissible mentor of a tandem. */
struct match_alt {
	long	mentor;		/* index, or -1 = none */
	int	score;		/* its score with this mentee */
	int	full;		/* nonzero: its capacity is used up */
};

struct match_tandem {
	size_t		 mentee;
	size_t		 mentor;
	int		 pinned;	/* nonzero: fixed by a pin */
	struct match_score score;	/* parts are all 0 with a score table */
	struct match_alt alt[2];	/* best other admissible mentors */
};

/* Why a mentee stayed unmatched. */
enum match_why {
	MATCH_WHY_NO_ADMISSIBLE,	/* every mentor is excluded by a rule */
	MATCH_WHY_NEEDED_ELSEWHERE,	/* every admissible mentor is full */
	MATCH_WHY__MAX
};

struct match_unmatched {
	size_t		mentee;
	enum match_why	why;
	size_t		nadmissible;	/* admissible mentors (all full) */
	size_t		nrule[MATCH_RULE__MAX]; /* mentors excluded per rule */
};

/* Why a mentor (taking part, capacity > 0) has no mentee. */
enum match_idle_why {
	MATCH_IDLE_NO_ADMISSIBLE,	/* every mentee is excluded by a rule */
	MATCH_IDLE_PINNED,		/* every admissible mentee is pinned
					   to another mentor */
	MATCH_IDLE_NEEDED_ELSEWHERE,	/* spread: any mentee given to them
					   leaves a mentee unmatched or
					   another mentor idle */
	MATCH_IDLE_SCORE,		/* no spread: any mentee given to them
					   leaves a mentee unmatched or lowers
					   the total score */
	MATCH_IDLE__MAX
};

struct match_idle {
	size_t		mentor;
	enum match_idle_why why;
	size_t		nadmissible;	/* admissible mentees */
	size_t		nrule[MATCH_RULE__MAX]; /* mentees excluded per rule */
};

struct match_result {
	long		*mentor_of;	/* per mentee: mentor index or -1 */
	struct match_tandem *tandems;	/* in mentee order */
	size_t		 ntandems;
	struct match_unmatched *unmatched; /* not withdrawn, in mentee order */
	size_t		 nunmatched;
	struct match_idle *idle;	/* idle mentors, in mentor order */
	size_t		 nidle;
	size_t		 nused;		/* mentors with at least one mentee */
	long		 total_score;	/* sum of the tandems' scores */
	struct match_diag *diags;	/* input problems, in input order */
	size_t		 ndiags;
};

/* The defaults: weights 3 2 2 1 1 1, no org or field rule, gaps 0 and 3,
 * spread on. */
void	match_defaults(struct match_input *);

/*
 * Lower-case one code point where the library folds case when it compares
 * fields: ASCII, Latin-1 letters and Latin Extended-A (U+0100..U+017F,
 * whose upper/lower pairs alternate); everything else unchanged. Exported
 * so that tandem check warns about field spellings by the same rule.
 */
uint32_t match_fold_cp(uint32_t);

/*
 * The first hard rule that excludes the pair (mentee, mentor), or
 * MATCH_RULE_NONE if it is admissible. Capacities used by other pairs are
 * not considered; a capacity of 0 is. Indices must be in range.
 */
enum match_rule	match_rule_of(const struct match_input *, size_t mentee,
		    size_t mentor);

/*
 * The score of the pair (mentee, mentor) with its parts, whether or not the
 * pair is admissible. With a score table the table entry is used (negative
 * entries give 0) and no part applies.
 *
 * The score is round(100 * sum(w * p) / sum(w)) over the parts that apply
 * to the mentee, halves rounded up; 100 when no part applies or all their
 * weights are 0. Fields and backgrounds compare after trimming spaces and
 * folding case: ASCII, Latin-1 (ÄÖÜ -> äöü, ...) and Latin Extended-A
 * (Ş -> ş, Ł -> ł, ...); "ß" stays as it is. Language codes compare ASCII
 * case-insensitively; "de" never counts as shared.
 */
void	match_score_of(const struct match_input *, size_t mentee,
	    size_t mentor, struct match_score *);

/*
 * Solve the problem. Always stores a new result in *out (free it with
 * match_result_free()). Returns 0 on success; -1 if the input has problems,
 * which are listed in (*out)->diags (then no assignment is made and every
 * mentor_of is -1). Unmatched mentees are a normal result, not a failure.
 */
int	match_solve(const struct match_input *, struct match_result **out);

void	match_result_free(struct match_result *);

/*
 * Check any assignment (mentor_of[i] = mentor index or -1, one per mentee)
 * against the input: indices in range, withdrawn people unmatched, every
 * pair admissible, capacities kept, pins kept. Returns 0 if it is valid;
 * else -1 with an English description of the first problem in msg.
 */
int	match_check(const struct match_input *, const long *mentor_of,
	    char *msg, size_t msgsize);

/*
 * The number of admissible pairs (hard rules, forbids, capacity 0 and
 * withdrawn people considered; pins not), counted over every stride-th
 * mentee and multiplied by stride (stride 1: exact), to see how much a
 * rule would shrink a problem. Returns (size_t)-1 if memory ran out.
 */
size_t	match_count_pairs(const struct match_input *, size_t stride);

/* Describe a diagnostic in English (without location) into buf. */
void	match_diag_text(const struct match_input *, const struct match_diag *,
	    char *buf, size_t bufsize);

#endif
