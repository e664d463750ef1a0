/*
 * Unit tests for the matching core (src/match): scores and rules by hand,
 * pin errors, optimality against brute force on thousands of random small
 * instances, the optimal value against an independent Hungarian method on
 * medium ones, the checker, and determinism.
 */
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>

#include "harness.h"
#include "match/lap.h"
#include "match/match.h"

/* A small deterministic generator (xorshift64*), same on every machine. */
static uint64_t rng_state = 88172645463325252ULL;

static unsigned
rnd(unsigned n)
{
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (unsigned)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

static struct match_person
person(const char *id, int org, int level)
{
	struct match_person p;

	memset(&p, 0, sizeof(p));
	p.id = id;
	p.org = org;
	p.level = level;
	p.capacity = 1;
	return p;
}

static void
test_scores(void)
{
	struct match_input in;
	struct match_person e = person("e", 0, 2), r = person("r", 1, 5);
	struct match_score sc;
	int et[] = { 1, 2, 3 }, rt[] = { 3, 1, 9 };
	const char *el[] = { "de", "TR" }, *rl[] = { "tr", "de" };
	const char *dl[] = { "de" };

	match_defaults(&in);
	in.mentees = &e;
	in.nmentees = 1;
	in.mentors = &r;
	in.nmentors = 1;

	/* Nothing applies but the level gap: gap 3 = ideal 3. */
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.applies, 1u << MATCH_PART_LEVEL_GAP);
	CHECK_INT(sc.score, 100);
	/* Gap 1 against ideal 3: 1 - 2/3. */
	r.level = 3;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 33);
	/* No part applies at all: 100. */
	e.level = 0;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.applies, 0);
	CHECK_INT(sc.score, 100);

	/* Topics 2 of 3 shared (w 3), wish-gender met (w 2): (2+2)/5. */
	e.topics = et;
	e.ntopics = 3;
	r.topics = rt;
	r.ntopics = 3;
	e.wish_gender = MATCH_GENDER_F;
	r.gender = MATCH_GENDER_F;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 80);
	CHECK(sc.part[MATCH_PART_TOPICS] > 0.66 &&
	    sc.part[MATCH_PART_TOPICS] < 0.67);
	r.gender = MATCH_GENDER_M;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 40);
	r.gender = MATCH_GENDER_UNKNOWN;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 40);

	/* Field, case-insensitive with umlauts and spaces. */
	e.wish_gender = MATCH_GENDER_UNKNOWN;
	e.ntopics = 0;
	e.field = "Städtebau";
	r.field = " STÄDTEBAU ";
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.applies, 1u << MATCH_PART_FIELD);
	CHECK_INT(sc.score, 100);
	r.field = "Architektur";
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 0);
	e.field = "ŞEHİRCİLİK ÇAĞ";
	r.field = "şehircilik çağ";
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 100);
	r.field = NULL;			/* mentor without field: 0 */
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 0);
	e.field = NULL;

	/* Language: shared besides de. */
	e.languages = el;
	e.nlanguages = 2;
	r.languages = rl;
	r.nlanguages = 2;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.applies, 1u << MATCH_PART_LANGUAGE);
	CHECK_INT(sc.score, 100);
	r.languages = dl;
	r.nlanguages = 1;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 0);
	e.nlanguages = 0;

	/* Background only with wish-background. */
	e.background = "migration";
	r.background = "Migration";
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.applies, 0);
	e.wish_background = 1;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.applies, 1u << MATCH_PART_BACKGROUND);
	CHECK_INT(sc.score, 100);
	r.background = NULL;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 0);

	/* Rounding: 1 of 2 topics (w 3) + background 0 (w 1): 37.5 -> 38. */
	e.topics = et;
	e.ntopics = 2;
	r.ntopics = 1;			/* shares topic 3? no: {3} vs {1,2} */
	rt[0] = 1;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 38);
	/* Zero weights everywhere: 100. */
	for (int k = 0; k < MATCH_PART__MAX; k++)
		in.weights.w[k] = 0;
	match_score_of(&in, 0, 0, &sc);
	CHECK_INT(sc.score, 100);

	/* A score table replaces the features. */
	{
		signed char t[1] = { 42 };

		in.scores = t;
		match_score_of(&in, 0, 0, &sc);
		CHECK_INT(sc.score, 42);
		CHECK_INT(sc.applies, 0);
		t[0] = -1;
		CHECK_INT(match_rule_of(&in, 0, 0), MATCH_RULE_TABLE);
	}
}

static void
test_rules(void)
{
	struct match_input in;
	struct match_person e[2] = { person("e1", 0, 3), person("e2", -1, 0) };
	struct match_person r[3] = { person("r1", 0, 8), person("r2", 1, 4),
	    person("r3", 1, 9) };
	struct match_pair forbid = { 0, 2 };

	match_defaults(&in);
	in.mentees = e;
	in.nmentees = 2;
	in.mentors = r;
	in.nmentors = 3;
	in.forbids = &forbid;
	in.nforbids = 1;
	CHECK_INT(match_rule_of(&in, 0, 0), MATCH_RULE_NONE);
	in.rules.different_org = 1;
	CHECK_INT(match_rule_of(&in, 0, 0), MATCH_RULE_SAME_ORG);
	CHECK_INT(match_rule_of(&in, 1, 0), MATCH_RULE_NONE);	/* no org */
	in.rules.min_level_gap = 2;
	CHECK_INT(match_rule_of(&in, 0, 1), MATCH_RULE_LEVEL_GAP);
	CHECK_INT(match_rule_of(&in, 1, 1), MATCH_RULE_NONE);	/* no level */
	CHECK_INT(match_rule_of(&in, 0, 2), MATCH_RULE_FORBIDDEN);
	r[2].capacity = 0;
	CHECK_INT(match_rule_of(&in, 0, 2), MATCH_RULE_NO_CAPACITY);
	e[0].withdrawn = 1;
	CHECK_INT(match_rule_of(&in, 0, 1), MATCH_RULE_WITHDRAWN);
	/* Default min gap 0 excludes a mentor below the mentee's level. */
	match_defaults(&in);
	in.mentees = e;
	in.nmentees = 1;
	in.mentors = r;
	in.nmentors = 3;
	e[0].withdrawn = 0;
	e[0].level = 5;
	CHECK_INT(match_rule_of(&in, 0, 1), MATCH_RULE_LEVEL_GAP);
}

/*
 * Same field: compared trimmed and case-folded; a missing field never
 * excludes. Two mentees and two mentors per field, where the best total
 * score crosses fields (the field weighs less than the topics): with the
 * rule every tandem stays within its field.
 */
static void
test_same_field(void)
{
	struct match_input in;
	struct match_person e[4], r[4];
	static const char *const ef[4] = { "Pflege", "Pflege", "BWL", "BWL" };
	static const char *const rf[4] = { " pflege", "PFLEGE", "BWL", "bwl" };
	int	 et[4][1] = { { 1 }, { 1 }, { 2 }, { 2 } };
	int	 rt[4][1] = { { 2 }, { 2 }, { 1 }, { 1 } };
	struct match_result *res;

	for (int k = 0; k < 4; k++) {
		e[k] = person(NULL, -1, 0);
		r[k] = person(NULL, -1, 0);
		e[k].field = ef[k];
		r[k].field = rf[k];
		e[k].topics = et[k];
		e[k].ntopics = 1;
		r[k].topics = rt[k];
		r[k].ntopics = 1;
	}
	match_defaults(&in);
	in.mentees = e;
	in.nmentees = 4;
	in.mentors = r;
	in.nmentors = 4;
	/* Without the rule the topics win: every tandem crosses fields. */
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->mentor_of[0], 2);
	CHECK_INT(res->mentor_of[2], 0);
	match_result_free(res);
	in.rules.same_field = 1;
	CHECK_INT(match_rule_of(&in, 0, 0), MATCH_RULE_NONE);
	CHECK_INT(match_rule_of(&in, 0, 1), MATCH_RULE_NONE);
	CHECK_INT(match_rule_of(&in, 0, 2), MATCH_RULE_FIELD);
	CHECK_INT(match_rule_of(&in, 2, 3), MATCH_RULE_NONE);
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->ntandems, 4);
	CHECK_INT(res->mentor_of[0], 0);
	CHECK_INT(res->mentor_of[1], 1);
	CHECK_INT(res->mentor_of[2], 2);
	CHECK_INT(res->mentor_of[3], 3);
	match_result_free(res);
	/* A missing field excludes nobody. */
	e[0].field = NULL;
	CHECK_INT(match_rule_of(&in, 0, 2), MATCH_RULE_NONE);
	r[2].field = NULL;
	CHECK_INT(match_rule_of(&in, 1, 2), MATCH_RULE_NONE);
	/* A mentee whose field no mentor has stays unmatched, by the rule;
	 * a mentor whose field no mentee has is idle, by the rule. */
	e[0].field = "Recht";
	r[1].field = "Bau";
	r[2].field = "BWL";
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->nunmatched, 1);
	CHECK_INT(res->unmatched[0].mentee, 0);
	CHECK_INT(res->unmatched[0].why, MATCH_WHY_NO_ADMISSIBLE);
	CHECK_INT(res->unmatched[0].nrule[MATCH_RULE_FIELD], 4);
	CHECK_INT(res->nidle, 1);
	CHECK_INT(res->idle[0].mentor, 1);
	CHECK_INT(res->idle[0].why, MATCH_IDLE_NO_ADMISSIBLE);
	CHECK_INT(res->idle[0].nrule[MATCH_RULE_FIELD], 4);
	match_result_free(res);
	/* A pin across fields breaks the rule. */
	{
		struct match_pair pin = { 1, 2 };

		in.pins = &pin;
		in.npins = 1;
		CHECK_INT(match_solve(&in, &res), -1);
		CHECK_INT(res->diags[0].error, MATCH_ERR_PIN_RULE);
		CHECK_INT(res->diags[0].rule, MATCH_RULE_FIELD);
		match_result_free(res);
	}
}

/*
 * No idle mentor when avoidable: 15 mentees, 14 mentors, two of them of
 * capacity 2 and the best scores. The highest total score gives those two
 * mentors two mentees each and leaves one mentor idle; the objective uses
 * all 14 (spread), unless spread is off.
 */
static void
test_spread(void)
{
	enum { NE = 15, NR = 14 };
	struct match_input in;
	struct match_person e[NE], r[NR];
	signed char t[NE * NR];
	struct match_result *res;

	for (int i = 0; i < NE; i++)
		e[i] = person(NULL, -1, 0);
	for (int j = 0; j < NR; j++)
		r[j] = person(NULL, -1, 0);
	r[0].capacity = r[1].capacity = 2;
	for (int i = 0; i < NE; i++)
		for (int j = 0; j < NR; j++)
			t[i * NR + j] = j < 2 ? 100 : 60;
	match_defaults(&in);
	in.mentees = e;
	in.nmentees = NE;
	in.mentors = r;
	in.nmentors = NR;
	in.scores = t;
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->ntandems, NE);
	CHECK_INT(res->nused, NR);
	CHECK_INT(res->nidle, 0);
	CHECK_INT(res->total_score, 2 * 100 + 1 * 100 + 12 * 60);
	match_result_free(res);
	in.rules.spread = 0;
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->ntandems, NE);
	CHECK_INT(res->nused, NR - 1);
	CHECK_INT(res->nidle, 1);
	CHECK_INT(res->idle[0].mentor, NR - 1);	/* ties: by position */
	CHECK_INT(res->idle[0].why, MATCH_IDLE_SCORE);
	CHECK_INT(res->idle[0].nadmissible, NE);
	match_result_free(res);
	/* More mentors than mentees: the idle ones are needed elsewhere. */
	in.rules.spread = 1;
	in.nmentees = 3;
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->nused, 3);
	CHECK_INT(res->nidle, NR - 3);
	CHECK_INT(res->idle[0].why, MATCH_IDLE_NEEDED_ELSEWHERE);
	match_result_free(res);
	/* A pin uses its mentor: the other mentees spread over the rest. */
	{
		struct match_pair pin = { 0, 0 };

		in.nmentees = NE;
		in.pins = &pin;
		in.npins = 1;
		CHECK_INT(match_solve(&in, &res), 0);
		CHECK_INT(res->nused, NR);
		match_result_free(res);
		/* Every admissible mentee pinned elsewhere. */
		in.nmentees = 1;
		CHECK_INT(match_solve(&in, &res), 0);
		CHECK_INT(res->nidle, NR - 1);
		CHECK_INT(res->idle[0].mentor, 1);
		CHECK_INT(res->idle[0].why, MATCH_IDLE_PINNED);
		match_result_free(res);
	}
}

/* Too many admissible pairs: refused before the lists are built. */
static void
test_pair_limit(void)
{
	struct match_input in;
	struct match_person e[3], r[3];
	struct match_result *res;
	char	 buf[200];

	for (int k = 0; k < 3; k++) {
		e[k] = person(NULL, k, 0);
		r[k] = person(NULL, k, 0);
	}
	match_defaults(&in);
	in.mentees = e;
	in.nmentees = 3;
	in.mentors = r;
	in.nmentors = 3;
	in.max_pairs = 8;
	CHECK_INT(match_count_pairs(&in, 1), 9);
	CHECK_INT(match_solve(&in, &res), -1);
	CHECK_INT(res->diags[0].error, MATCH_ERR_TOO_MANY_PAIRS);
	match_diag_text(&in, &res->diags[0], buf, sizeof(buf));
	CHECK(strstr(buf, "admissible pairs") != NULL);
	match_result_free(res);
	/* A rule that excludes pairs shrinks the problem. */
	in.rules.different_org = 1;
	CHECK_INT(match_count_pairs(&in, 1), 6);
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->ntandems, 3);
	match_result_free(res);
}

static void
test_pins(void)
{
	struct match_input in;
	struct match_person e[3] = { person("e1", 0, 1), person("e2", 0, 1),
	    person("e3", 1, 1) };
	struct match_person r[3] = { person("r1", 0, 5), person("r2", 1, 5),
	    person("r3", 2, 5) };
	struct match_pair pins[4] = { { 0, 0 }, { 1, 1 }, { 2, 0 }, { 1, 2 } };
	struct match_pair bad = { 5, 0 };
	struct match_result *res;
	char	 buf[200];

	match_defaults(&in);
	in.mentees = e;
	in.nmentees = 3;
	in.mentors = r;
	in.nmentors = 3;
	in.rules.different_org = 1;
	in.pins = pins;
	in.npins = 4;
	/* Pin 0 breaks the org rule; pin 3 pins e2 twice. */
	CHECK_INT(match_solve(&in, &res), -1);
	CHECK_INT(res->ndiags, 2);
	CHECK_INT(res->diags[0].error, MATCH_ERR_PIN_RULE);
	CHECK_INT(res->diags[0].rule, MATCH_RULE_SAME_ORG);
	CHECK_INT(res->diags[0].item, 0);
	match_diag_text(&in, &res->diags[0], buf, sizeof(buf));
	CHECK_STR(buf, "pin e1-r1 breaks a hard rule: same organisation");
	CHECK_INT(res->diags[1].error, MATCH_ERR_PIN_TWICE);
	CHECK_INT(res->diags[1].item, 3);
	CHECK_INT(res->mentor_of[1], -1);
	match_result_free(res);

	/* Capacity: e1 and e2 both pinned to r2 of capacity 1. */
	in.rules.different_org = 0;
	pins[0] = (struct match_pair){ 0, 1 };
	in.npins = 2;
	CHECK_INT(match_solve(&in, &res), -1);
	CHECK_INT(res->ndiags, 1);
	CHECK_INT(res->diags[0].error, MATCH_ERR_PIN_CAPACITY);
	CHECK_INT(res->diags[0].item, 1);
	match_result_free(res);
	r[1].capacity = 2;
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->mentor_of[0], 1);
	CHECK_INT(res->mentor_of[1], 1);
	CHECK_INT(res->mentor_of[2], 0);
	CHECK_INT(res->ntandems, 3);
	CHECK(res->tandems[0].pinned && !res->tandems[2].pinned);
	match_result_free(res);

	/* Out of range. */
	in.pins = &bad;
	in.npins = 1;
	CHECK_INT(match_solve(&in, &res), -1);
	CHECK_INT(res->diags[0].error, MATCH_ERR_RANGE);
	match_result_free(res);
}

static void
test_explain(void)
{
	struct match_input in;
	struct match_person e[3] = { person("e1", 0, 1), person("e2", 0, 1),
	    person("e3", 0, 1) };
	struct match_person r[3] = { person("r1", 1, 5), person("r2", 1, 5),
	    person("r3", 0, 5) };
	signed char t[9] = {
		90, 80, 70,
		95, -1, 10,
		50, 50, 50,
	};
	struct match_result *res;

	match_defaults(&in);
	in.mentees = e;
	in.nmentees = 3;
	in.mentors = r;
	in.nmentors = 3;
	in.scores = t;
	in.rules.different_org = 1;	/* excludes r3 for everybody */
	CHECK_INT(match_solve(&in, &res), 0);
	/* Best: e1-r2 (80) + e2-r1 (95) = 175 over e1-r1 + nothing. */
	CHECK_INT(res->mentor_of[0], 1);
	CHECK_INT(res->mentor_of[1], 0);
	CHECK_INT(res->mentor_of[2], -1);
	CHECK_INT(res->total_score, 175);
	CHECK_INT(res->ntandems, 2);
	CHECK_INT(res->tandems[0].alt[0].mentor, 0);
	CHECK_INT(res->tandems[0].alt[0].score, 90);
	CHECK(res->tandems[0].alt[0].full);
	CHECK_INT(res->tandems[0].alt[1].mentor, -1);
	CHECK_INT(res->nunmatched, 1);
	CHECK_INT(res->unmatched[0].mentee, 2);
	CHECK_INT(res->unmatched[0].why, MATCH_WHY_NEEDED_ELSEWHERE);
	CHECK_INT(res->unmatched[0].nadmissible, 2);
	match_result_free(res);
	/* Nobody admissible for e2 once r1 is withdrawn. */
	r[0].withdrawn = 1;
	CHECK_INT(match_solve(&in, &res), 0);
	CHECK_INT(res->nunmatched, 2);
	CHECK_INT(res->unmatched[0].mentee, 1);
	CHECK_INT(res->unmatched[0].why, MATCH_WHY_NO_ADMISSIBLE);
	CHECK_INT(res->unmatched[0].nrule[MATCH_RULE_WITHDRAWN], 1);
	CHECK_INT(res->unmatched[0].nrule[MATCH_RULE_SAME_ORG], 1);
	CHECK_INT(res->unmatched[0].nrule[MATCH_RULE_TABLE], 1);
	CHECK_INT(res->mentor_of[0], 1);
	match_result_free(res);
}

/* ---- brute force ---- */

#define BF_MAX	8

struct bf {
	const struct match_input *in;
	int	 score[BF_MAX][BF_MAX];	/* -1 = inadmissible */
	long	 pin[BF_MAX];
	int	 left[BF_MAX];
	int	 load[BF_MAX];		/* mentees per mentor, pins too */
	long	 cur[BF_MAX], best[BF_MAX];
	int	 bestn, bestk, bests;
};

/*
 * Enumerate every assignment, mentees in order, mentors ascending and
 * "unmatched" last, so the first one found with a given (count, mentors
 * used, score) is the lexicographically smallest; keep it unless one
 * strictly better in (count, mentors used, score) follows. Mentors used
 * count only with rules.spread (match.h).
 */
static void
bf_walk(struct bf *b, size_t i, int n, int s)
{
	const struct match_input *in = b->in;

	if (n + (int)(in->nmentees - i) < b->bestn)
		return;
	if (i == in->nmentees) {
		int	 k = 0;

		for (size_t j = 0; j < in->nmentors; j++)
			k += b->load[j] > 0;
		if (!in->rules.spread)
			k = 0;
		if (n > b->bestn || (n == b->bestn && (k > b->bestk ||
		    (k == b->bestk && s > b->bests)))) {
			b->bestn = n;
			b->bestk = k;
			b->bests = s;
			memcpy(b->best, b->cur, sizeof(b->cur));
		}
		return;
	}
	if (b->pin[i] >= 0) {
		b->cur[i] = b->pin[i];
		bf_walk(b, i + 1, n + 1, s + b->score[i][b->pin[i]]);
		return;
	}
	for (size_t j = 0; j < in->nmentors; j++) {
		if (b->score[i][j] < 0 || b->left[j] == 0)
			continue;
		b->left[j]--;
		b->load[j]++;
		b->cur[i] = (long)j;
		bf_walk(b, i + 1, n + 1, s + b->score[i][j]);
		b->left[j]++;
		b->load[j]--;
	}
	b->cur[i] = -1;
	bf_walk(b, i + 1, n, s);
}

static const char *fields[] = { "Recht", "recht", "Bau", "BAU ", "Ökonomie",
    "ökonomie", "IT" };
static const char *langs[] = { "de", "tr", "pl", "EN", "en", "ar" };
static const char *bgs[] = { "migration", "Migration", "other" };

static void
random_person(struct match_person *p, int *topics, const char **lv,
    int mentor)
{
	memset(p, 0, sizeof(*p));
	p->org = (int)rnd(4) - 1;
	p->level = rnd(3) ? (int)rnd(8) + 1 : 0;
	p->capacity = mentor ? (rnd(4) ? 1 : (int)rnd(4)) : 0;
	p->withdrawn = rnd(15) == 0;
	p->gender = (enum match_gender)rnd(MATCH_GENDER__MAX);
	p->field = rnd(2) ? fields[rnd(7)] : NULL;
	p->ntopics = rnd(4);
	for (size_t k = 0; k < p->ntopics; k++)
		topics[k] = (int)rnd(mentor ? 6 : 5) * (rnd(20) ? 1 : 30);
	p->topics = topics;
	p->wish_gender = rnd(2) ? (enum match_gender)rnd(3) : 0;
	p->background = rnd(2) ? bgs[rnd(3)] : NULL;
	p->wish_background = (int)rnd(2);
	p->nlanguages = rnd(3);
	for (size_t k = 0; k < p->nlanguages; k++)
		lv[k] = langs[rnd(6)];
	p->languages = lv;
}

static void
test_brute_force(int rounds)
{
	struct match_person e[BF_MAX], r[BF_MAX];
	int	 topics[2][BF_MAX][4];
	const char *lv[2][BF_MAX][3];
	struct match_pair pins[4], forbids[12];
	signed char table[BF_MAX * BF_MAX];
	unsigned long bad = 0, solved = 0, checked = 0;

	for (int round = 0; round < rounds; round++) {
		struct match_input in;
		struct match_result *res, *res2;
		struct bf b;
		char	 msg[160];
		int	 rc;

		match_defaults(&in);
		in.nmentees = rnd(BF_MAX + 1);
		in.nmentors = rnd(BF_MAX + 1);
		for (size_t i = 0; i < in.nmentees; i++)
			random_person(&e[i], topics[0][i], lv[0][i], 0);
		for (size_t j = 0; j < in.nmentors; j++)
			random_person(&r[j], topics[1][j], lv[1][j], 1);
		in.mentees = e;
		in.mentors = r;
		in.rules.different_org = (int)rnd(2);
		in.rules.min_level_gap = (int)rnd(4) - 1;
		in.rules.ideal_level_gap = (int)rnd(5);
		in.rules.same_field = rnd(3) == 0;
		in.rules.spread = rnd(3) != 0;
		for (int k = 0; k < MATCH_PART__MAX; k++)
			in.weights.w[k] = rnd(4) ? (double)rnd(11) : 0.5;
		if (rnd(4) == 0) {
			for (size_t k = 0; k < in.nmentees * in.nmentors; k++)
				table[k] = rnd(6) ? (signed char)rnd(6) * 20 :
				    -1;
			in.scores = table;
		}
		if (in.nmentees > 0 && in.nmentors > 0) {
			in.nforbids = rnd(12);
			for (size_t k = 0; k < in.nforbids; k++)
				forbids[k] = (struct match_pair){
				    rnd((unsigned)in.nmentees),
				    rnd((unsigned)in.nmentors) };
			in.forbids = forbids;
			in.npins = rnd(3) ? 0 : rnd(3);
			for (size_t k = 0; k < in.npins; k++)
				pins[k] = (struct match_pair){
				    rnd((unsigned)in.nmentees),
				    rnd((unsigned)in.nmentors) };
			in.pins = pins;
		}

		rc = match_solve(&in, &res);
		/* Brute force, with pins validated the same way by hand. */
		memset(&b, 0, sizeof(b));
		b.in = &in;
		b.bestn = -1;
		for (size_t i = 0; i < in.nmentees; i++) {
			b.pin[i] = -1;
			for (size_t j = 0; j < in.nmentors; j++) {
				struct match_score sc;

				match_score_of(&in, i, j, &sc);
				b.score[i][j] = match_rule_of(&in, i, j) ==
				    MATCH_RULE_NONE ? sc.score : -1;
			}
		}
		for (size_t j = 0; j < in.nmentors; j++)
			b.left[j] = r[j].withdrawn ? 0 : r[j].capacity;
		{
			int	 pin_ok = 1;

			for (size_t k = 0; k < in.npins; k++) {
				size_t	 i = pins[k].mentee, j = pins[k].mentor;

				if (b.pin[i] == (long)j)
					continue;
				if (b.score[i][j] < 0 || b.pin[i] >= 0 ||
				    b.left[j] == 0) {
					pin_ok = 0;
					continue;
				}
				b.pin[i] = (long)j;
				b.left[j]--;
				b.load[j]++;
			}
			if (!pin_ok) {
				if (rc != -1 || res->ndiags == 0)
					bad++;
				match_result_free(res);
				continue;
			}
		}
		bf_walk(&b, 0, 0, 0);
		solved++;
		if (rc != 0) {
			bad++;
			match_result_free(res);
			continue;
		}
		for (size_t i = 0; i < in.nmentees; i++)
			if (res->mentor_of[i] != b.best[i]) {
				bad++;
				if (bad < 5) {
					fprintf(stderr, "round %d: mentee %zu"
					    " has %ld, brute force %ld; "
					    "%zu/%ld vs %d/%d\n",
					    round, i, res->mentor_of[i],
					    b.best[i], res->ntandems,
					    res->total_score, b.bestn,
					    b.bests);
				}
				break;
			}
		if (res->total_score != b.bests ||
		    (long)res->ntandems != b.bestn ||
		    (in.rules.spread && (long)res->nused != b.bestk))
			bad++;
		/* Idle mentors: each one, with a true reason. */
		{
			size_t	 nidle = 0;

			for (size_t j = 0; j < in.nmentors; j++) {
				int	 load = 0, adm = 0, unpinned = 0;

				for (size_t i = 0; i < in.nmentees; i++) {
					load += res->mentor_of[i] == (long)j;
					adm += b.score[i][j] >= 0;
					unpinned += b.score[i][j] >= 0 &&
					    b.pin[i] < 0;
				}
				if (load > 0 || r[j].withdrawn ||
				    r[j].capacity == 0)
					continue;
				if (nidle >= res->nidle ||
				    res->idle[nidle].mentor != j ||
				    (int)res->idle[nidle].nadmissible != adm ||
				    res->idle[nidle].why != (adm == 0 ?
				    MATCH_IDLE_NO_ADMISSIBLE : unpinned == 0 ?
				    MATCH_IDLE_PINNED : in.rules.spread ?
				    MATCH_IDLE_NEEDED_ELSEWHERE :
				    MATCH_IDLE_SCORE))
					bad++;
				nidle++;
			}
			if (nidle != res->nidle)
				bad++;
		}
		if (match_check(&in, res->mentor_of, msg, sizeof(msg)) != 0)
			bad++;
		/*
		 * The scores of the alternatives come from the solver's own
		 * table: they must be those of match_score_of().
		 */
		for (size_t k = 0; k < res->ntandems; k++)
			for (int a = 0; a < 2; a++) {
				const struct match_alt *al =
				    &res->tandems[k].alt[a];
				struct match_score sc;

				if (al->mentor < 0)
					continue;
				match_score_of(&in, res->tandems[k].mentee,
				    (size_t)al->mentor, &sc);
				if (sc.score != al->score)
					bad++;
			}
		/* The same-field rule holds. */
		for (size_t i = 0; i < in.nmentees && in.rules.same_field; i++)
			if (res->mentor_of[i] >= 0 && e[i].field != NULL &&
			    r[res->mentor_of[i]].field != NULL &&
			    match_rule_of(&in, i, (size_t)res->mentor_of[i]) !=
			    MATCH_RULE_NONE)
				bad++;
		/* Determinism: a second run gives the same. */
		if (match_solve(&in, &res2) != 0 ||
		    memcmp(res->mentor_of, res2->mentor_of,
		    in.nmentees * sizeof(long)) != 0)
			bad++;
		match_result_free(res2);
		match_result_free(res);
		checked++;
	}
	CHECK_INT(bad, 0);
	CHECK(solved > (unsigned long)rounds / 2);
	CHECK(checked == solved);
	printf("match brute force: %lu instances solved and compared\n",
	    checked);
}

/*
 * The optimal value by the classic O(n^3) Hungarian method with potentials
 * on a square matrix (an independent textbook formulation): a mentor slot
 * per capacity unit, a column "unmatched" per mentee, phantom rows.
 */
static long
hungarian_value(const struct match_input *in, int *nmatched, int *nused)
{
	size_t	 ns = 0, n;
	long	*slot_of;
	/* With spread, a mentor's slots but the first cost ex more. */
	long	 ex = in->rules.spread ? 100L * ((long)in->nmentees + 1) : 0;
	long	 big = in->rules.spread ? ((long)in->nmentees + 3) * ex :
	    100L * (long)in->nmentees + 1, total = 0;
	char	*usedm = calloc(in->nmentors + 1, 1);
	long	*a, *u, *v, *p, *way, *minv;
	char	*used;

	for (size_t j = 0; j < in->nmentors; j++)
		ns += (size_t)in->mentors[j].capacity;
	n = in->nmentees + ns;
	slot_of = malloc((ns + 1) * sizeof(long));
	for (size_t j = 0, s = 0; j < in->nmentors; j++)
		for (int c = 0; c < in->mentors[j].capacity; c++)
			slot_of[s++] = (long)j;
	a = malloc((n + 1) * (n + 1) * sizeof(long));
	u = calloc(n + 1, sizeof(long));
	v = calloc(n + 1, sizeof(long));
	p = calloc(n + 1, sizeof(long));
	way = calloc(n + 1, sizeof(long));
	minv = malloc((n + 1) * sizeof(long));
	used = malloc(n + 1);
	/* Rows 1..ne mentees, then phantoms; columns 1..ns slots, then
	 * one "unmatched" column per mentee. */
	for (size_t i = 1; i <= n; i++)
		for (size_t j = 1; j <= n; j++) {
			long	 c;

			if (i > in->nmentees)
				c = 0;
			else if (j > ns)
				c = (j - ns == i) ? big : 1000000000L;
			else {
				size_t m = (size_t)slot_of[j - 1];
				struct match_score sc;

				match_score_of(in, i - 1, m, &sc);
				c = match_rule_of(in, i - 1, m) ==
				    MATCH_RULE_NONE ? 100 - sc.score +
				    (j >= 2 && slot_of[j - 2] == (long)m ?
				    ex : 0) : 1000000000L;
			}
			a[i * (n + 1) + j] = c;
		}
	for (size_t i = 1; i <= n; i++) {
		size_t	 j0 = 0;

		p[0] = (long)i;
		for (size_t j = 0; j <= n; j++) {
			minv[j] = LONG_MAX;
			used[j] = 0;
		}
		do {
			size_t	 i0 = (size_t)p[j0], j1 = 0;
			long	 delta = LONG_MAX;

			used[j0] = 1;
			for (size_t j = 1; j <= n; j++)
				if (!used[j]) {
					long cur = a[i0 * (n + 1) + j] -
					    u[i0] - v[j];

					if (cur < minv[j]) {
						minv[j] = cur;
						way[j] = (long)j0;
					}
					if (minv[j] < delta) {
						delta = minv[j];
						j1 = j;
					}
				}
			for (size_t j = 0; j <= n; j++)
				if (used[j]) {
					u[p[j]] += delta;
					v[j] -= delta;
				} else
					minv[j] -= delta;
			j0 = j1;
		} while (p[j0] != 0);
		do {
			size_t	 j1 = (size_t)way[j0];

			p[j0] = p[j1];
			j0 = j1;
		} while (j0);
	}
	*nmatched = *nused = 0;
	for (size_t j = 1; j <= ns; j++)
		if (p[j] >= 1 && (size_t)p[j] <= in->nmentees) {
			struct match_score sc;

			(*nmatched)++;
			match_score_of(in, (size_t)p[j] - 1,
			    (size_t)slot_of[j - 1], &sc);
			total += sc.score;
			*nused += !usedm[slot_of[j - 1]];
			usedm[slot_of[j - 1]] = 1;
		}
	free(usedm);
	free(slot_of);
	free(a);
	free(u);
	free(v);
	free(p);
	free(way);
	free(minv);
	free(used);
	return total;
}

static void
test_medium(int rounds)
{
	enum { NE = 40, NR = 30 };
	static struct match_person e[NE], r[NR];
	static int topics[2][NE][4];
	static const char *lv[2][NE][3];
	struct match_pair forbids[200];
	unsigned long bad = 0;

	for (int round = 0; round < rounds; round++) {
		struct match_input in;
		struct match_result *res;
		int	 nm, nu;
		long	 want;

		match_defaults(&in);
		in.nmentees = 10 + rnd(NE - 10);
		in.nmentors = 5 + rnd(NR - 5);
		for (size_t i = 0; i < in.nmentees; i++) {
			random_person(&e[i], topics[0][i], lv[0][i], 0);
			e[i].withdrawn = 0;
		}
		for (size_t j = 0; j < in.nmentors; j++) {
			random_person(&r[j], topics[1][j], lv[1][j], 1);
			r[j].withdrawn = 0;
		}
		in.mentees = e;
		in.mentors = r;
		in.rules.different_org = (int)rnd(2);
		in.rules.same_field = rnd(4) == 0;
		in.rules.spread = rnd(3) != 0;
		in.nforbids = rnd(200);
		for (size_t k = 0; k < in.nforbids; k++)
			forbids[k] = (struct match_pair){
			    rnd((unsigned)in.nmentees),
			    rnd((unsigned)in.nmentors) };
		in.forbids = forbids;
		want = hungarian_value(&in, &nm, &nu);
		if (match_solve(&in, &res) != 0 || res->total_score != want ||
		    (int)res->ntandems != nm ||
		    (in.rules.spread && (int)res->nused != nu))
			bad++;
		match_result_free(res);
	}
	CHECK_INT(bad, 0);
}

/* A larger instance: checker passes, two runs agree, all matched. */
static void
test_large(void)
{
	enum { N = 300 };
	static struct match_person e[N], r[N];
	static signed char t[N * N];
	struct match_input in;
	struct match_result *a, *b;
	char	 msg[160];

	for (size_t i = 0; i < N; i++) {
		e[i] = person(NULL, -1, 0);
		r[i] = person(NULL, -1, 0);
	}
	for (size_t k = 0; k < N * N; k++)
		t[k] = (signed char)rnd(101);
	match_defaults(&in);
	in.mentees = e;
	in.nmentees = N;
	in.mentors = r;
	in.nmentors = N;
	in.scores = t;
	CHECK_INT(match_solve(&in, &a), 0);
	CHECK_INT(match_solve(&in, &b), 0);
	CHECK(memcmp(a->mentor_of, b->mentor_of, N * sizeof(long)) == 0);
	CHECK_INT(a->ntandems, N);
	CHECK_INT(match_check(&in, a->mentor_of, msg, sizeof(msg)), 0);
	/* The checker catches a broken solution. */
	a->mentor_of[1] = a->mentor_of[0];
	CHECK_INT(match_check(&in, a->mentor_of, msg, sizeof(msg)), -1);
	CHECK(strstr(msg, "capacity") != NULL);
	match_result_free(a);
	match_result_free(b);

	/* All scores equal: the lexicographic tie-break gives identity. */
	memset(t, 50, sizeof(t));
	CHECK_INT(match_solve(&in, &a), 0);
	{
		int	 ident = 1;

		for (size_t i = 0; i < N; i++)
			ident &= a->mentor_of[i] == (long)i;
		CHECK(ident);
	}
	match_result_free(a);
}

/*
 * The solver alone on tie-heavy sparse problems (scores from a few values,
 * capacities 0-3, many inadmissible pairs, more rows than slots or fewer):
 * its duals must certify optimality (cost - u - v >= 0 on every edge, 0 on
 * the assigned ones, v <= 0, v = 0 on free columns), the tie-break must
 * keep every row on a tight edge of its own column, and lap_assign() must
 * give the same columns as lap_solve() and lap_lexmin().
 */
static void
test_lap_certificate(int rounds)
{
	static const signed char vals[] = { 0, 40, 60, 80, 90, 95, 100 };
	unsigned long bad = 0;

	for (int round = 0; round < rounds; round++) {
		int32_t	 nr = 1 + (int32_t)rnd(round < rounds / 2 ? 40 : 300);
		int32_t	 nm = 1 + (int32_t)rnd(round < rounds / 2 ? 30 : 200);
		int32_t	 nv = 2 + (int32_t)rnd(5), nslots = 0, nc;
		int	 forbid = (int)rnd(90), dear = (int)rnd(2);
		int32_t	*first = malloc(((size_t)nm + 1) * sizeof(*first));
		int32_t	*second = malloc(((size_t)nm + 1) * sizeof(*second));
		signed char *tab = malloc((size_t)nr * (size_t)nm);
		uint32_t *pool = malloc((size_t)nr * (size_t)nm *
		    sizeof(*pool));
		const uint32_t **row = malloc((size_t)nr * sizeof(*row));
		int32_t	*nadm = calloc((size_t)nr, sizeof(*nadm));
		int32_t	*x, *y, *x2, *y2;
		int64_t	*u, *v, *u2, *v2, cost[2], extra;
		struct lap p;

		for (int32_t g = 0; g < nm; g++) {
			int32_t	 n = rnd(5) ? 1 : (int32_t)rnd(4);

			first[g] = nslots;
			/* Dearer slots: all but the first, or all. */
			second[g] = !dear ? nslots + n : n > 0 && rnd(4) ?
			    nslots + 1 : nslots;
			nslots += n;
		}
		first[nm] = nslots;
		nc = nslots + nr;
		extra = dear ? 100 * ((int64_t)nr + 1) : 0;
		for (int32_t r = 0; r < nr; r++) {
			int	 fr = (int)rnd(4) ? forbid : 100 - (int)rnd(3);
			signed char *t = tab + (size_t)r * (size_t)nm;
			uint32_t *o = pool + (size_t)r * (size_t)nm;

			row[r] = o;
			/* Mentors without slots are listed too. */
			for (int32_t g = 0; g < nm; g++)
				t[g] = (int)rnd(100) < fr ? -1 :
				    vals[rnd((unsigned)nv)];
			for (int c = 0; c <= 100; c++)
				for (int32_t g = 0; g < nm; g++)
					if (t[g] >= 0 && 100 - t[g] == c)
						o[nadm[r]++] = (uint32_t)g << 7 |
						    (uint32_t)c;
		}
		p = (struct lap){ nr, nslots, nm, first, second, extra, row,
		    nadm, dear ? ((int64_t)nr + 3) * extra :
		    100 * (int64_t)nr + 1 };
		x = malloc((size_t)nr * sizeof(*x));
		y = malloc((size_t)nc * sizeof(*y));
		u = malloc((size_t)nr * sizeof(*u));
		v = malloc((size_t)nc * sizeof(*v));
		x2 = malloc((size_t)nr * sizeof(*x2));
		y2 = malloc((size_t)nc * sizeof(*y2));
		u2 = malloc((size_t)nr * sizeof(*u2));
		v2 = malloc((size_t)nc * sizeof(*v2));
		if (lap_solve(&p, x, y, u, v) != 0) {
			bad++;
			goto next;
		}
		for (int pass = 0; pass < 2; pass++) {
			int	 ok = 1;

			/* Every edge: reduced cost >= 0, 0 if assigned. */
			for (int32_t r = 0; r < nr; r++) {
				int64_t	 rc = p.big - u[r] - v[nslots + r];

				ok &= rc >= 0 && (x[r] != nslots + r || rc == 0);
				for (int32_t k = 0; k < nadm[r]; k++) {
					int32_t	 g = (int32_t)(row[r][k] >> 7);
					int64_t	 w = row[r][k] & 127;

					for (int32_t c = first[g];
					    c < first[g + 1]; c++) {
						rc = w + (c >= second[g] ?
						    extra : 0) - u[r] - v[c];
						ok &= rc >= 0 &&
						    (x[r] != c || rc == 0);
					}
				}
				ok &= x[r] >= 0 && x[r] < nc && y[x[r]] == r;
				ok &= x[r] < nslots || x[r] == nslots + r;
			}
			for (int32_t c = 0; c < nc; c++)
				ok &= v[c] <= 0 && (y[c] >= 0 || v[c] == 0);
			/* The tie-break keeps the total cost. */
			cost[pass] = 0;
			for (int32_t r = 0; r < nr; r++)
				cost[pass] += u[r] + v[x[r]];
			ok &= pass == 0 || cost[1] == cost[0];
			/* x[r] is an admissible slot or r's own column. */
			for (int32_t r = 0; r < nr && ok; r++)
				if (x[r] < nslots) {
					int32_t	 g = 0;

					while (first[g + 1] <= x[r])
						g++;
					ok &= tab[(size_t)r * (size_t)nm +
					    (size_t)g] >= 0;
				}
			if (!ok) {
				bad++;
				if (bad < 5)
					fprintf(stderr, "lap certificate: "
					    "round %d pass %d\n", round, pass);
				break;
			}
			if (pass == 0 && lap_lexmin(&p, x, y, u, v) != 0) {
				bad++;
				break;
			}
		}
		/* Solve and tie-break in one go: the very same columns. */
		if (lap_assign(&p, x2, y2, u2, v2) != 0 ||
		    memcmp(x, x2, (size_t)nr * sizeof(*x)) != 0)
			bad++;
next:
		free(first);
		free(second);
		free(tab);
		free(pool);
		free(row);
		free(nadm);
		free(x);
		free(y);
		free(u);
		free(v);
		free(x2);
		free(y2);
		free(u2);
		free(v2);
	}
	CHECK_INT(bad, 0);
}

/*
 * MATCH_BF_ROUNDS=N runs the brute-force comparison on N instances
 * instead of 4000 (e.g. 60000 before a change to the solver lands).
 */
int
main(void)
{
	const char *env = getenv("MATCH_BF_ROUNDS");
	int	 rounds = env != NULL ? atoi(env) : 0;

	test_scores();
	test_rules();
	test_pins();
	test_explain();
	test_same_field();
	test_spread();
	test_pair_limit();
	test_brute_force(rounds > 0 ? rounds : 4000);
	test_medium(300);
	test_lap_certificate(400);
	test_large();
	return harness_done("match");
}
