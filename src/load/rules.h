/*
 * The hard rules of matching (tandem-programme(5), RULES) for one
 * mentee–mentor pair. The validator uses them for pins and fixed tandems,
 * the matching stage to decide which pairs are admissible and to explain
 * why one is not.
 */
#ifndef LOAD_RULES_H
#define LOAD_RULES_H

#include "load/model.h"
#include "util/strbuf.h"

/* Why a pair is not admissible; checked in this order. */
enum rule {
	RULE_OK,		/* admissible */
	RULE_FORBIDDEN,		/* a <forbid> names the pair */
	RULE_SAME_ORG,		/* different-org, both in the same org */
	RULE_LEVEL_GAP,		/* mentor level - mentee level < min-level-gap */
	RULE_FIELD,		/* same-field, the fields differ */
	RULE_PINNED_ELSEWHERE,	/* the mentee is pinned to another mentor */
	RULE_NO_CAPACITY,	/* the mentor's capacity is 0 */
	RULE_WITHDRAWN,		/* one of them has withdrawn */
	RULE__MAX
};

/* Short reasons, e.g. "they belong to the same organisation" ("" for OK). */
extern const char *const rule_reasons[RULE__MAX];

/*
 * The first hard rule the pair (indices into p->people, a mentee and a
 * mentor) breaks, or RULE_OK. Roles are not checked here.
 */
enum rule	rules_check(const struct programme *p, int mentee, int mentor);

/* The short reason text of rules_check(), or NULL if the pair is fine. */
const char	*rules_violation(const struct programme *p, int mentee,
		    int mentor);

/*
 * Like rules_check(), and append a one-clause explanation with the
 * particulars to sb (e.g. "both belong to Stadt Köln (k)" or "the level
 * gap is 1, the minimum is 2"); nothing is appended for RULE_OK.
 */
enum rule	rules_explain(const struct programme *p, int mentee, int mentor,
		    struct strbuf *sb);

#endif
