/*
 * The matching core (see match.h): checks the input and the pins, solves
 * the assignment problem built from the table of admissible scores, and
 * checks any solution. Scores and rules are in match_score.c, the
 * explanations in match_explain.c. Only the C standard library is used.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "lap.h"
#include "match_priv.h"

/* Are the input's values in range? Adds diagnostics; returns 0 if so. */
static int
input_valid(const struct match_input *in, struct match_diag *dg, size_t *nd)
{
	size_t	 n0 = *nd;

	if (in->nmentees > MATCH_MAX_PEOPLE || in->nmentors > MATCH_MAX_PEOPLE) {
		dg[(*nd)++] = (struct match_diag){ MATCH_ERR_TOO_BIG,
		    MATCH_RULE_NONE, 0, 0, 0 };
		return -1;
	}
	for (int k = 0; k < MATCH_PART__MAX; k++)
		if (!(in->weights.w[k] >= 0 && in->weights.w[k] <= 1e6)) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_VALUE,
			    MATCH_RULE_NONE, (size_t)k, 0, 0 };
			return -1;
		}
	if (in->rules.min_level_gap < -100 || in->rules.min_level_gap > 100 ||
	    in->rules.ideal_level_gap < 0 || in->rules.ideal_level_gap > 100) {
		dg[(*nd)++] = (struct match_diag){ MATCH_ERR_VALUE,
		    MATCH_RULE_NONE, MATCH_PART__MAX, 0, 0 };
		return -1;
	}
	{
		size_t	 slots = 0;

		for (size_t j = 0; j < in->nmentors; j++)
			if (!in->mentors[j].withdrawn &&
			    in->mentors[j].capacity > 0)
				slots += (size_t)in->mentors[j].capacity;
		if (slots > MATCH_MAX_PEOPLE) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_TOO_BIG,
			    MATCH_RULE_NONE, 0, 0, 0 };
			return -1;
		}
	}
	for (size_t j = 0; j < in->nmentors; j++)
		if (in->mentors[j].capacity < 0 ||
		    in->mentors[j].capacity > MATCH_MAX_PEOPLE ||
		    in->mentors[j].level < 0 || in->mentors[j].level > 1000) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_VALUE,
			    MATCH_RULE_NONE, 0, 0, j };
			return -1;
		}
	for (size_t i = 0; i < in->nmentees; i++)
		if (in->mentees[i].level < 0 || in->mentees[i].level > 1000) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_VALUE,
			    MATCH_RULE_NONE, 0, i, 0 };
			return -1;
		}
	for (size_t k = 0; k < in->npins + in->nforbids; k++) {
		const struct match_pair *q = k < in->npins ? &in->pins[k] :
		    &in->forbids[k - in->npins];

		if (q->mentee >= in->nmentees || q->mentor >= in->nmentors)
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_RANGE,
			    MATCH_RULE_NONE, k, q->mentee, q->mentor };
	}
	return *nd == n0 ? 0 : -1;
}

static struct match_result *
result_new(size_t nmentees, size_t ndiags)
{
	struct match_result *res = calloc(1, sizeof(*res));

	if (res == NULL)
		return NULL;
	res->mentor_of = malloc(nmentees * sizeof(long) + 1);
	res->diags = calloc(ndiags + 2, sizeof(struct match_diag));
	if (res->mentor_of == NULL || res->diags == NULL) {
		match_result_free(res);
		return NULL;
	}
	for (size_t i = 0; i < nmentees; i++)
		res->mentor_of[i] = -1;
	return res;
}

void
match_result_free(struct match_result *res)
{
	if (res == NULL)
		return;
	free(res->mentor_of);
	free(res->tandems);
	free(res->unmatched);
	free(res->idle);
	free(res->diags);
	free(res);
}

/* A static result reporting only "out of memory" when even that fails. */
static struct match_diag nomem_diag = { MATCH_ERR_NOMEM, MATCH_RULE_NONE,
    0, 0, 0 };

static int
fail_nomem(struct match_result *res)
{
	if (res != NULL && res->diags != NULL) {
		res->diags[0] = nomem_diag;
		res->ndiags = 1;
	}
	return -1;
}

/*
 * The pins: each must be admissible, a mentee pinned once (a repeated
 * identical pin is harmless), no mentor beyond capacity. Fills pinned[]
 * (mentor per mentee or -1) and used[] (pins per mentor).
 */
static void
check_pins(const struct match_input *in, long *pinned, size_t *used,
    struct match_diag *dg, size_t *nd)
{
	for (size_t k = 0; k < in->npins; k++) {
		size_t	 i = in->pins[k].mentee, j = in->pins[k].mentor;
		enum match_rule rule = match_rule_of(in, i, j);

		if (rule != MATCH_RULE_NONE && rule != MATCH_RULE_NO_CAPACITY) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_PIN_RULE,
			    rule, k, i, j };
			continue;
		}
		if (pinned[i] == (long)j)
			continue;
		if (pinned[i] >= 0) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_PIN_TWICE,
			    MATCH_RULE_NONE, k, i, j };
			continue;
		}
		if (used[j] + 1 > (size_t)in->mentors[j].capacity) {
			dg[(*nd)++] = (struct match_diag){
			    MATCH_ERR_PIN_CAPACITY, MATCH_RULE_NONE, k, i, j };
			continue;
		}
		pinned[i] = (long)j;
		used[j]++;
	}
}

/*
 * Build and solve the assignment problem for the mentees that are neither
 * withdrawn nor pinned, given their lists of admissible mentors (rw) and
 * the slots each mentor has left (used[]: taken by pins); store the
 * mentors in mentor_of. With spread, a mentor's first slot is cheaper
 * than the others by E (see match.h) unless a pin already uses the
 * mentor. Returns 0, or -1 if memory ran out.
 */
static int
assign(const struct match_input *in, const struct rows *rw,
    const size_t *used, long *mentor_of)
{
	size_t	 nm = in->nmentors;
	int32_t	 nr = 0, nslots = 0;
	int32_t	*rowof = NULL, *first = NULL, *second = NULL;
	int32_t	*nadm = NULL, *x = NULL, *y = NULL;
	const uint32_t **row = NULL;
	int64_t	*u = NULL, *v = NULL, extra;
	int	 rc = -1;

	rowof = malloc(in->nmentees * sizeof(*rowof) + 1);
	first = malloc((nm + 1) * sizeof(*first));
	second = malloc((nm + 1) * sizeof(*second));
	if (rowof == NULL || first == NULL || second == NULL)
		goto out;
	for (size_t i = 0; i < in->nmentees; i++)
		if (!in->mentees[i].withdrawn && mentor_of[i] < 0)
			rowof[nr++] = (int32_t)i;
	for (size_t j = 0; j < nm; j++) {
		int32_t	 left = 0;

		if (!in->mentors[j].withdrawn &&
		    (size_t)in->mentors[j].capacity > used[j])
			left = (int32_t)((size_t)in->mentors[j].capacity -
			    used[j]);
		first[j] = nslots;
		second[j] = !in->rules.spread ? nslots + left :
		    used[j] == 0 && left > 0 ? nslots + 1 : nslots;
		nslots += left;
	}
	first[nm] = nslots;
	row = malloc(((size_t)nr + 1) * sizeof(*row));
	nadm = malloc(((size_t)nr + 1) * sizeof(*nadm));
	x = malloc((size_t)nr * sizeof(*x) + 1);
	y = malloc(((size_t)nslots + (size_t)nr) * sizeof(*y) + 1);
	u = malloc((size_t)nr * sizeof(*u) + 1);
	v = malloc(((size_t)nslots + (size_t)nr) * sizeof(*v) + 1);
	if (!row || !nadm || !x || !y || !u || !v)
		goto out;
	for (int32_t r = 0; r < nr; r++) {
		size_t	 i = (size_t)rowof[r];

		row[r] = rw->pool + rw->start[i];
		nadm[r] = (int32_t)(rw->start[i + 1] - rw->start[i]);
	}
	/*
	 * Cost 100 - score for a slot, E more for a mentor's further slots,
	 * "big" for staying unmatched: one more match outweighs any number
	 * of mentors used, one more mentor used any difference in total
	 * score (match.h).
	 */
	extra = in->rules.spread ? 100 * ((int64_t)nr + 1) : 0;
	{
		struct lap p = { nr, nslots, (int32_t)nm, first, second, extra,
		    row, nadm, in->rules.spread ? ((int64_t)nr + 3) * extra :
		    100 * (int64_t)nr + 1 };

		if (lap_assign(&p, x, y, u, v) != 0)
			goto out;
	}
	for (int32_t r = 0; r < nr; r++)
		if (x[r] < nslots) {
			int32_t	 lo = 0, hi = (int32_t)nm;

			/* The mentor whose slots hold x[r]. */
			while (hi - lo > 1) {
				int32_t	 mid = (lo + hi) / 2;

				if (first[mid] <= x[r])
					lo = mid;
				else
					hi = mid;
			}
			while (first[lo + 1] <= x[r])
				lo++;
			mentor_of[rowof[r]] = lo;
		}
	rc = 0;
out:
	free(rowof);
	free(first);
	free(second);
	free(row);
	free(nadm);
	free(x);
	free(y);
	free(u);
	free(v);
	return rc;
}

int
match_solve(const struct match_input *in, struct match_result **out)
{
	struct prep	 p;
	struct rows	 rw = { NULL, 0, NULL };
	struct match_result *res;
	unsigned char	*rule = NULL;
	long		*pinned = NULL;
	size_t		*used = NULL, nm = in->nmentors, npairs;
	int		 prepared = 0, rc = -1, brc;
	char		 msg[160];

	*out = res = result_new(in->nmentees, in->npins + in->nforbids);
	if (res == NULL)
		return -1;
	if (input_valid(in, res->diags, &res->ndiags) != 0)
		return -1;
	pinned = malloc(in->nmentees * sizeof(*pinned) + 1);
	used = calloc(nm + 1, sizeof(*used));
	if (pinned == NULL || used == NULL)
		goto nomem;
	for (size_t i = 0; i < in->nmentees; i++)
		pinned[i] = -1;
	check_pins(in, pinned, used, res->diags, &res->ndiags);
	if (res->ndiags > 0)
		goto out;
	if (match_prep_init(&p, in) != 0) {
		match_prep_free(&p);
		goto nomem;
	}
	prepared = 1;
	/* The admissible mentors of every mentee, by score. */
	rule = malloc(nm + 1);
	if (rule == NULL)
		goto nomem;
	brc = match_build_rows(&p, in->max_pairs > 0 ? in->max_pairs :
	    MATCH_MAX_PAIRS, &rw, &npairs);
	if (brc == -2) {
		res->diags[res->ndiags++] = (struct match_diag){
		    MATCH_ERR_TOO_MANY_PAIRS, MATCH_RULE_NONE, npairs, 0, 0 };
		goto out;
	}
	if (brc != 0)
		goto nomem;
	for (size_t i = 0; i < in->nmentees; i++)
		res->mentor_of[i] = pinned[i];
	if (assign(in, &rw, used, res->mentor_of) != 0 ||
	    match_explain(&p, &rw, pinned, rule, res) != 0)
		goto nomem;
	/* Guard: the result must pass the checker. */
	if (match_check(in, res->mentor_of, msg, sizeof(msg)) != 0) {
		res->diags[res->ndiags++] = (struct match_diag){
		    MATCH_ERR_INTERNAL, MATCH_RULE_NONE, 0, 0, 0 };
		goto out;
	}
	rc = 0;
	goto out;
nomem:
	res->ndiags = 0;
	fail_nomem(res);
out:
	if (rc != 0)
		for (size_t i = 0; i < in->nmentees; i++)
			res->mentor_of[i] = -1;
	if (rc != 0) {
		res->ntandems = res->nunmatched = res->nidle = 0;
		res->nused = 0;
		res->total_score = 0;
	}
	if (prepared)
		match_prep_free(&p);
	match_rows_free(in, &rw);
	free(rule);
	free(pinned);
	free(used);
	return rc;
}

int
match_check(const struct match_input *in, const long *mentor_of, char *msg,
    size_t msgsize)
{
	size_t	*load;
	int	 rc = -1;

	if ((load = calloc(in->nmentors + 1, sizeof(*load))) == NULL) {
		snprintf(msg, msgsize, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < in->nmentees; i++) {
		long	 m = mentor_of[i];
		enum match_rule rule;

		if (m < -1 || m >= (long)in->nmentors) {
			snprintf(msg, msgsize, "mentee %zu: no mentor %ld",
			    i, m);
			goto out;
		}
		if (m < 0)
			continue;
		rule = match_base_rule(in, i, (size_t)m);
		if (rule == MATCH_RULE_NONE)
			rule = match_pair_rule(in, i, (size_t)m);
		if (rule != MATCH_RULE_NONE) {
			snprintf(msg, msgsize, "mentee %zu with mentor %ld: %s",
			    i, m, match_rule_names[rule]);
			goto out;
		}
		if (++load[m] > (size_t)in->mentors[m].capacity) {
			snprintf(msg, msgsize, "mentor %ld: beyond capacity %d",
			    m, in->mentors[m].capacity);
			goto out;
		}
	}
	for (size_t k = 0; k < in->nforbids; k++) {
		const struct match_pair *f = &in->forbids[k];

		if (f->mentee < in->nmentees &&
		    mentor_of[f->mentee] == (long)f->mentor) {
			snprintf(msg, msgsize, "mentee %zu with mentor %zu: %s",
			    f->mentee, f->mentor,
			    match_rule_names[MATCH_RULE_FORBIDDEN]);
			goto out;
		}
	}
	for (size_t k = 0; k < in->npins; k++) {
		const struct match_pair *q = &in->pins[k];

		if (q->mentee >= in->nmentees ||
		    mentor_of[q->mentee] != (long)q->mentor) {
			snprintf(msg, msgsize, "pin %zu (mentee %zu, mentor %zu)"
			    " not kept", k, q->mentee, q->mentor);
			goto out;
		}
	}
	rc = 0;
	if (msgsize > 0)
		msg[0] = '\0';
out:
	free(load);
	return rc;
}

