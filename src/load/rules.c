/*
 * The hard rules of matching for one pair (see rules.h).
 */
#include <stdlib.h>

#include "load/fields.h"
#include "load/rules.h"

const char *const rule_reasons[RULE__MAX] = {
	"",
	"the pair is forbidden",
	"they belong to the same organisation",
	"the mentor's level is not enough above the mentee's",
	"they have different fields",
	"the mentee is pinned to another mentor",
	"the mentor takes no mentees (capacity 0)",
	"one of them has withdrawn",
};

enum rule
rules_check(const struct programme *p, int mentee, int mentor)
{
	return rules_explain(p, mentee, mentor, NULL);
}

const char *
rules_violation(const struct programme *p, int mentee, int mentor)
{
	enum rule r = rules_check(p, mentee, mentor);

	return r == RULE_OK ? NULL : rule_reasons[r];
}

/* The organisation's display name for explanations. */
static const char *
org_label(const struct programme *p, int org)
{
	const struct org *o = &p->orgs[org];

	return o->short_name != NULL ? o->short_name :
	    o->name != NULL && *o->name != '\0' ? o->name : o->id;
}

enum rule
rules_explain(const struct programme *p, int mentee, int mentor,
    struct strbuf *sb)
{
	const struct person *e = &p->people[mentee], *r = &p->people[mentor];
	int f = programme_find_forbid(p, mentee, mentor);
	size_t i;

	if (f >= 0) {
		if (sb != NULL) {
			sb_addf(sb, "the pair is forbidden (line %ld",
			    p->forbids[f].line);
			if (p->forbids[f].reason != NULL)
				sb_addf(sb, ": %s", p->forbids[f].reason);
			sb_adds(sb, ")");
		}
		return RULE_FORBIDDEN;
	}
	if (p->rules.different_org && e->org >= 0 && e->org == r->org) {
		if (sb != NULL)
			sb_addf(sb, "both belong to %s (%s)",
			    org_label(p, e->org), p->orgs[e->org].id);
		return RULE_SAME_ORG;
	}
	if (e->level > 0 && r->level > 0 &&
	    r->level - e->level < p->rules.min_level_gap) {
		if (sb != NULL)
			sb_addf(sb, "the level gap is %d (mentee %d, mentor %d),"
			    " the minimum is %d", r->level - e->level,
			    e->level, r->level, p->rules.min_level_gap);
		return RULE_LEVEL_GAP;
	}
	if (p->rules.same_field && e->field != NULL && r->field != NULL &&
	    !field_same(e->field, r->field)) {
		if (sb != NULL)
			sb_addf(sb, "the fields differ (mentee %s, mentor %s) and "
			    "same-field is on", e->field, r->field);
		return RULE_FIELD;
	}
	for (i = 0; i < p->npins; i++)
		if (p->pins[i].mentee == mentee && p->pins[i].mentor >= 0 &&
		    p->pins[i].mentor != mentor) {
			if (sb != NULL)
				sb_addf(sb, "mentee %s is pinned to %s (line %ld)",
				    e->id, p->people[p->pins[i].mentor].id,
				    p->pins[i].line);
			return RULE_PINNED_ELSEWHERE;
		}
	if (r->capacity == 0) {
		if (sb != NULL)
			sb_addf(sb, "mentor %s takes no mentees (capacity 0)",
			    r->id);
		return RULE_NO_CAPACITY;
	}
	if (e->status == STATUS_WITHDRAWN || r->status == STATUS_WITHDRAWN) {
		if (sb != NULL)
			sb_addf(sb, "%s has withdrawn",
			    e->status == STATUS_WITHDRAWN ? e->id : r->id);
		return RULE_WITHDRAWN;
	}
	return RULE_OK;
}
