/*
 * The paragraph breaker: a total-fit line breaker in the manner of Knuth
 * and Plass over boxes, glue and penalties. It chooses the breaks that
 * minimise the sum of demerits over the whole paragraph, with fitness
 * classes (no very loose line next to a tight one) and a limit on
 * consecutive hyphenated lines (no "ladders").
 */
#ifndef LAYOUT_LINEBREAK_H
#define LAYOUT_LINEBREAK_H

#include <stdbool.h>
#include <stddef.h>

/* A penalty of LB_INF or more forbids a break; -LB_INF forces one. */
#define LB_INF		10000

enum lb_type {
	LB_BOX,			/* fixed width: a word or a piece of one */
	LB_GLUE,		/* breakable, stretchable space */
	LB_PENALTY,		/* a possible break with a cost */
	LB__MAX
};

struct lb_item {
	enum lb_type	 type;
	bool		 flagged;	/* penalty: a hyphenation break */
	int		 penalty;	/* penalty: cost of breaking here */
	double		 width;		/* box, glue; penalty: added at a break */
	double		 stretch;	/* glue */
	double		 shrink;	/* glue */
};

struct lb_params {
	double	 width;			/* the line width (all lines) */
	double	 tolerance;		/* largest adjustment ratio, first pass */
	bool	 ragged;		/* ragged right: lines are not stretched */
	double	 ragged_stretch;	/* imagined stretch per ragged line */
	int	 line_penalty;		/* added to every line's badness */
	int	 double_hyphen;		/* demerits for two hyphens in a row */
	int	 final_hyphen;		/* demerits for a hyphen before the last line */
	int	 adj_fitness;		/* demerits for incompatible fitness */
	int	 max_hyphen_run;	/* most consecutive hyphenated lines */
	double	 emergency_stretch;	/* extra stretch per line imagined
					   in the last pass (TeX's
					   \emergencystretch) */
};

/* A line of the result: items [start, end) and the break item at end. */
struct lb_line {
	size_t	 start;		/* first item (after discarded glue) */
	size_t	 end;		/* the break item (not part of the line) */
	double	 ratio;		/* adjustment: <0 shrink, >0 stretch */
	bool	 hyphen;	/* ends at a flagged penalty */
	bool	 overfull;	/* wider than the line (nothing else fit) */
};

/* Sensible defaults for justified text. */
void	lb_defaults(struct lb_params *, double width);

/*
 * Break items[0..n) into lines. The items must end with a forced break
 * (a penalty of -LB_INF, usually after a glue of infinite stretch). Stores
 * a new array of lines (caller frees) in *lines and returns their number.
 * Always succeeds: when no break sequence within the tolerance exists, a
 * second pass accepts any looseness, rating each line as if it had
 * emergency_stretch more stretch and without a cap on badness (so the
 * looseness is spread over the lines rather than put into one terrible
 * line); as a last resort a line may be overfull (flagged).
 */
size_t	lb_break(const struct lb_item *items, size_t n,
	    const struct lb_params *, struct lb_line **lines);

#endif
