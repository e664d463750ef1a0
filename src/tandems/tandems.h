/*
 * The bridge between the programme model and the matching core: forms the
 * tandems of a programme (or scores the fixed ones), explains them, and
 * writes them as a <tandems> file. Used by `tandem match` and by the
 * documents that show tandems (tandems.pdf, the handbook).
 */
#ifndef TANDEMS_TANDEMS_H
#define TANDEMS_TANDEMS_H

#include <stdbool.h>
#include <stdio.h>

#include "load/model.h"
#include "load/rules.h"
#include "match/match.h"

/* A next-best admissible mentor of a tandem. */
struct tandems_alt {
	int	 mentor;	/* index into people, or -1 = none */
	int	 score;		/* its score with the tandem's mentee */
	bool	 full;		/* its capacity is used by other tandems */
};

/* One tandem, parallel to programme->tandems[k]. */
struct tandems_pair {
	int		 mentee, mentor;	/* indices into people */
	int		 score;			/* 0..100 */
	unsigned	 applies;		/* bit (1 << enum match_part) */
	double		 part[MATCH_PART__MAX];	/* where it applies, 0..1 */
	bool		 pinned;		/* fixed by a <pin> */
	enum rule	 broken;		/* fixed tandem breaking a rule */
	struct tandems_alt alt[2];		/* best other mentors */
	int		*shared;		/* shared topics (indices) */
	size_t		 nshared;
};

enum tandems_why {
	TANDEMS_NO_ADMISSIBLE,		/* every mentor excluded by a rule */
	TANDEMS_NEEDED_ELSEWHERE,	/* every admissible mentor is full */
	TANDEMS_NOT_FIXED,		/* fixed tandems given, not among them */
	TANDEMS_WHY__MAX
};

/* Sentences for the reasons ("no admissible mentor", ...). */
extern const char *const tandems_why_text[TANDEMS_WHY__MAX];

/* A mentee (not withdrawn) without a tandem. */
struct tandems_unmatched {
	int		 mentee;		/* index into people */
	enum tandems_why why;
	size_t		 nadmissible;		/* admissible mentors */
	int		*excluded;		/* NO_ADMISSIBLE: each mentor */
	enum rule	*rule;			/* ... and the rule excluding it */
	size_t		 nexcluded;
};

/* A mentor (taking part, capacity > 0) without a mentee after matching. */
struct tandems_idle {
	int		 mentor;		/* index into people */
	enum match_idle_why why;
	size_t		 nadmissible;		/* admissible mentees */
};

struct tandems_result {
	struct tandems_pair	*pairs;		/* parallel to p->tandems */
	size_t			 npairs;
	struct tandems_unmatched *unmatched;	/* in id order */
	size_t			 nunmatched;
	struct tandems_idle	*idle;		/* matched only: in id order */
	size_t			 nidle;
	size_t			 nmentees;	/* taking part (not withdrawn) */
	size_t			 nmentors;	/* taking part, capacity > 0 */
	size_t			 nslots;	/* their capacity in all */
	long			 total_score;
};

/*
 * Form the tandems of p. With no fixed tandems (TANDEMS_NONE) run the
 * matching and fill p->tandems (mentee id order) with tandem_source =
 * TANDEMS_MATCHED; with fixed ones keep them and only score and explain
 * them (a fixed tandem breaking a hard rule is reported as a warning).
 * The result (free with tandems_result_free()) is stored in *out.
 * Returns 0, or -1 after error diagnostics (e.g. a pin the matching
 * rejects) with *out = NULL.
 */
int	tandems_form(struct programme *p, struct tandems_result **out);

void	tandems_result_free(struct tandems_result *);

/*
 * Write p->tandems as a <tandems> document (tandem-programme(5)): an XML
 * comment saying it was generated and may be edited, then one
 * <tandem mentee="..." mentor="..." score="..."/> per tandem.
 */
void	tandems_write_xml(const struct programme *p,
	    const struct tandems_result *, FILE *);

#endif
