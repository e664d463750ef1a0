/*
 * Explanations of a result of the matching core: each tandem's score
 * parts and next-best mentors, why a mentee stays unmatched, and the
 * names and messages of parts, rules and diagnostics.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "match_priv.h"

const char *const match_part_names[MATCH_PART__MAX] = {
	"topics", "wish-gender", "field", "level-gap", "background",
	"language"
};

const char *const match_rule_names[MATCH_RULE__MAX] = {
	"admissible",
	"withdrawn",
	"no capacity",
	"forbidden pair",
	"same organisation",
	"level gap too small",
	"different field",
	"excluded by the score table"
};

/*
 * Why mentor j (taking part, capacity > 0) got no mentee: the rule of
 * every mentee with them, and whether the admissible ones are all pinned
 * elsewhere. Every admissible mentee who is not pinned is matched (or the
 * pair would add a tandem), so the rest is the objective's doing.
 */
static void
explain_idle(const struct prep *p, const long *pinned, size_t j,
    struct match_idle *id)
{
	const struct match_input *in = p->in;
	size_t	 free_ = 0;

	id->mentor = j;
	for (size_t i = 0; i < in->nmentees; i++) {
		enum match_rule r = match_rule_prepared(p, i, j);

		id->nrule[r]++;
		if (r == MATCH_RULE_NONE && pinned[i] < 0)
			free_++;
	}
	id->nadmissible = id->nrule[MATCH_RULE_NONE];
	id->why = id->nadmissible == 0 ? MATCH_IDLE_NO_ADMISSIBLE :
	    free_ == 0 ? MATCH_IDLE_PINNED : in->rules.spread ?
	    MATCH_IDLE_NEEDED_ELSEWHERE : MATCH_IDLE_SCORE;
}

/*
 * Explain the assignment: tandems with scores, parts and the two best
 * other admissible mentors (the first two of the mentee's list but the
 * own mentor: best score, then smallest index); unmatched mentees with the
 * reason and the number of mentors each rule excluded (rule[] is
 * scratch); idle mentors. Returns 0, or -1 if memory ran out.
 */
int
match_explain(const struct prep *p, const struct rows *rw,
    const long *pinned, unsigned char *rule, struct match_result *res)
{
	const struct match_input *in = p->in;
	size_t	 nm = in->nmentors, *load;
	int	 rc = -1;

	load = calloc(nm + 1, sizeof(*load));
	res->tandems = calloc(in->nmentees + 1, sizeof(*res->tandems));
	res->unmatched = calloc(in->nmentees + 1, sizeof(*res->unmatched));
	if (load == NULL || res->tandems == NULL || res->unmatched == NULL)
		goto out;
	for (size_t i = 0; i < in->nmentees; i++)
		if (res->mentor_of[i] >= 0)
			load[res->mentor_of[i]]++;
	for (size_t i = 0; i < in->nmentees; i++) {
		const uint32_t *o = rw->pool + rw->start[i];
		size_t	 n = rw->start[i + 1] - rw->start[i];
		long	 m = res->mentor_of[i];
		int	 a = 0;

		if (in->mentees[i].withdrawn)
			continue;
		if (m < 0) {
			struct match_unmatched *un =
			    &res->unmatched[res->nunmatched++];

			un->mentee = i;
			match_row_rules(p, i, rule);
			for (size_t j = 0; j < nm; j++)
				un->nrule[rule[j]]++;
			un->nadmissible = un->nrule[MATCH_RULE_NONE];
			un->why = un->nadmissible ? MATCH_WHY_NEEDED_ELSEWHERE :
			    MATCH_WHY_NO_ADMISSIBLE;
			continue;
		}
		struct match_tandem *td = &res->tandems[res->ntandems++];

		td->mentee = i;
		td->mentor = (size_t)m;
		td->pinned = pinned[i] >= 0;
		match_score_prepared(p, i, (size_t)m, &td->score);
		td->alt[0].mentor = td->alt[1].mentor = -1;
		for (size_t k = 0; k < n && a < 2; k++) {
			long	 j = (long)(o[k] >> 7);

			if (j == m)
				continue;
			td->alt[a].mentor = j;
			td->alt[a].score = 100 - (int)(o[k] & 127);
			td->alt[a].full = load[j] >=
			    (size_t)in->mentors[j].capacity;
			a++;
		}
		res->total_score += td->score.score;
	}
	for (size_t j = 0; j < nm; j++)
		res->nused += load[j] > 0;
	for (size_t j = 0; j < nm; j++)
		if (load[j] == 0 && !in->mentors[j].withdrawn &&
		    in->mentors[j].capacity > 0)
			res->nidle++;
	if ((res->idle = calloc(res->nidle + 1, sizeof(*res->idle))) == NULL)
		goto out;
	res->nidle = 0;
	for (size_t j = 0; j < nm; j++)
		if (load[j] == 0 && !in->mentors[j].withdrawn &&
		    in->mentors[j].capacity > 0)
			explain_idle(p, pinned, j, &res->idle[res->nidle++]);
	rc = 0;
out:
	free(load);
	return rc;
}

/* Name a person for a message: the id, or "mentee N" / "mentor N". */
static const char *
who(const struct match_input *in, int mentor, size_t k, char *buf,
    size_t size)
{
	size_t	 n = mentor ? in->nmentors : in->nmentees;
	const struct match_person *v = mentor ? in->mentors : in->mentees;

	if (k < n && v[k].id != NULL)
		return v[k].id;
	snprintf(buf, size, "%s %zu", mentor ? "mentor" : "mentee", k);
	return buf;
}

void
match_diag_text(const struct match_input *in, const struct match_diag *d,
    char *buf, size_t size)
{
	char	 a[32], b[32];
	const char *e = who(in, 0, d->mentee, a, sizeof(a));
	const char *r = who(in, 1, d->mentor, b, sizeof(b));

	switch (d->error) {
	case MATCH_ERR_RANGE:
		snprintf(buf, size, "pair %s-%s names no such person", e, r);
		break;
	case MATCH_ERR_PIN_RULE:
		snprintf(buf, size, "pin %s-%s breaks a hard rule: %s", e, r,
		    match_rule_names[d->rule]);
		break;
	case MATCH_ERR_PIN_TWICE:
		snprintf(buf, size, "mentee %s is pinned to more than one "
		    "mentor (also %s)", e, r);
		break;
	case MATCH_ERR_PIN_CAPACITY:
		snprintf(buf, size, "pin %s-%s: mentor %s is pinned beyond "
		    "capacity %d", e, r, r, d->mentor < in->nmentors ?
		    in->mentors[d->mentor].capacity : 0);
		break;
	case MATCH_ERR_VALUE:
		snprintf(buf, size, "a capacity, level, weight or gap is out "
		    "of range");
		break;
	case MATCH_ERR_TOO_BIG:
		snprintf(buf, size, "more than %d mentees or mentors",
		    MATCH_MAX_PEOPLE);
		break;
	case MATCH_ERR_TOO_MANY_PAIRS:
		snprintf(buf, size, "%zu mentees and %zu mentors make more "
		    "than %d admissible pairs (at least %zu), more than can "
		    "be matched at once", in->nmentees, in->nmentors,
		    MATCH_MAX_PAIRS, d->item);
		break;
	case MATCH_ERR_NOMEM:
		snprintf(buf, size, "out of memory");
		break;
	default:
		snprintf(buf, size, "internal error: the solution failed "
		    "its check");
		break;
	}
}
