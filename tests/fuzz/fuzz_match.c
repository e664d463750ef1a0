/*
 * libFuzzer entry point for the matching core (src/match/match.h): the
 * input bytes are decoded into a small instance (mentees, mentors with
 * capacities, features, weights, rules, pins, forbidden pairs, sometimes a
 * score table, sometimes out-of-range values), solved, and the result is
 * checked three ways: by the library's own checker match_check(), by the
 * consistency of the result record, and, for small instances, against a
 * brute-force search for the best (matched, total score).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "match/match.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

#define MAX_MENTEES	10
#define MAX_MENTORS	7
#define BRUTE_MENTEES	5	/* brute force up to this size */
#define BRUTE_MENTORS	4

/* The bytes still to be decoded; 0 once they run out. */
struct cursor {
	const uint8_t	*p;
	size_t		 n;
};

static unsigned
next(struct cursor *c)
{
	if (c->n == 0)
		return 0;
	c->n--;
	return *c->p++;
}

static const char *const fields[] = {
	NULL, "Recht", " recht ", "ÄRZTIN", "ärztin", "Straße", "STRASSE"
};
static const char *const backgrounds[] = { NULL, "migration", "Migration" };
static const char *const langs[] = { "de", "tr", "TR", "pl", "ar" };

/* Storage of one decoded instance. */
struct instance {
	struct match_person	 mentees[MAX_MENTEES];
	struct match_person	 mentors[MAX_MENTORS];
	int			 topics[MAX_MENTEES + MAX_MENTORS][3];
	const char		*langs[MAX_MENTEES + MAX_MENTORS][2];
	struct match_pair	 pins[4];
	struct match_pair	 forbids[4];
	signed char		 scores[MAX_MENTEES * MAX_MENTORS];
	struct match_input	 in;
};

/* Decode one person; slot indexes the topic and language storage. */
static void
decode_person(struct cursor *c, struct instance *s, size_t slot,
    struct match_person *q)
{
	unsigned b = next(c), v;

	memset(q, 0, sizeof(*q));
	q->id = NULL;
	q->withdrawn = (b & 7) == 7;
	q->org = (int)((b >> 3) & 3) - 1;		/* -1..2 */
	v = next(c);
	q->level = (int)(v % 22);			/* 21: out of range */
	q->capacity = (int)(next(c) % 5);
	if (q->capacity == 4)
		q->capacity = (b & 0x80) ? 21 : 1;	/* 21: out of range */
	v = next(c);
	q->gender = (enum match_gender)(v % MATCH_GENDER__MAX);
	q->wish_gender = (enum match_gender)((v >> 2) % MATCH_GENDER__MAX);
	q->field = fields[(v >> 4) % (sizeof(fields) / sizeof(fields[0]))];
	v = next(c);
	q->ntopics = v % 4;
	for (size_t t = 0; t < q->ntopics; t++)
		s->topics[slot][t] = (int)(next(c) % 5);
	q->topics = s->topics[slot];
	v = next(c);
	q->background = backgrounds[v % 3];
	q->wish_background = (v >> 2) & 1;
	q->nlanguages = (v >> 3) % 3;
	for (size_t l = 0; l < q->nlanguages; l++)
		s->langs[slot][l] = langs[next(c) % 5];
	q->languages = s->langs[slot];
}

/* Decode a whole instance from the input bytes. */
static void
decode(struct cursor *c, struct instance *s)
{
	struct match_input *in = &s->in;
	unsigned b;

	memset(s, 0, sizeof(*s));
	match_defaults(in);
	b = next(c);
	in->nmentees = b % (MAX_MENTEES + 1);
	in->nmentors = (b >> 4) % (MAX_MENTORS + 1);
	for (size_t i = 0; i < in->nmentees; i++)
		decode_person(c, s, i, &s->mentees[i]);
	for (size_t j = 0; j < in->nmentors; j++)
		decode_person(c, s, MAX_MENTEES + j, &s->mentors[j]);
	in->mentees = s->mentees;
	in->mentors = s->mentors;
	b = next(c);
	if (b & 1)
		for (int k = 0; k < MATCH_PART__MAX; k++)
			in->weights.w[k] = (double)(next(c) % 12); /* 11 bad */
	in->rules.different_org = (b >> 1) & 1;
	in->rules.min_level_gap = (int)(next(c) % 6);
	in->rules.ideal_level_gap = (int)(next(c) % 6);
	b = next(c);
	in->npins = b % 4;
	in->nforbids = (b >> 2) % 4;
	for (size_t k = 0; k < in->npins; k++) {
		s->pins[k].mentee = next(c) % (in->nmentees + 1);
		s->pins[k].mentor = next(c) % (in->nmentors + 1);
	}
	for (size_t k = 0; k < in->nforbids; k++) {
		s->forbids[k].mentee = next(c) % (in->nmentees + 1);
		s->forbids[k].mentor = next(c) % (in->nmentors + 1);
	}
	in->pins = s->pins;
	in->forbids = s->forbids;
	if (b & 0x80) {
		for (size_t k = 0; k < in->nmentees * in->nmentors; k++) {
			unsigned v = next(c);

			s->scores[k] = (v & 0x80) ? -1 : (signed char)(v % 101);
		}
		in->scores = s->scores;
	}
}

/* How many mentors mentor_of[0..n) uses. */
static int
mentors_used(const long *mentor_of, size_t n)
{
	int used = 0;

	for (size_t i = 0; i < n; i++) {
		size_t k;

		for (k = 0; k < i && mentor_of[k] != mentor_of[i]; k++)
			;
		used += mentor_of[i] >= 0 && k == i;
	}
	return used;
}

/*
 * Brute force: the best (matched, mentors used when rules.spread, score)
 * over all valid assignments (tandem-programme(5), the objective);
 * best[0] matched, best[1] whether any was valid, best[2] mentors used.
 */
static void
brute(const struct match_input *in, size_t i, long *mentor_of,
    int *matched, long *score, int best[3], long *best_score)
{
	char msg[8];

	if (i == in->nmentees) {
		int used = in->rules.spread ?
		    mentors_used(mentor_of, in->nmentees) : 0;

		if (match_check(in, mentor_of, msg, sizeof(msg)) != 0)
			return;
		if (*matched > best[0] || (*matched == best[0] &&
		    (used > best[2] || (used == best[2] &&
		    *score > *best_score)))) {
			best[0] = *matched;
			best[2] = used;
			*best_score = *score;
		}
		best[1] = 1;
		return;
	}
	for (long j = -1; j < (long)in->nmentors; j++) {
		struct match_score sc = { 0, 0, { 0 } };

		mentor_of[i] = j;
		if (j >= 0) {
			if (match_rule_of(in, i, (size_t)j) != MATCH_RULE_NONE)
				continue;
			match_score_of(in, i, (size_t)j, &sc);
			(*matched)++;
			*score += sc.score;
		}
		brute(in, i + 1, mentor_of, matched, score, best, best_score);
		if (j >= 0) {
			(*matched)--;
			*score -= sc.score;
		}
	}
	mentor_of[i] = -1;
}

/*
 * Solve one decoded instance and check the result. Any inconsistency
 * traps, so that libFuzzer records the input.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct instance s;
	struct cursor c = { data, size };
	struct match_result *res = NULL;
	char msg[256];
	long total = 0;
	size_t withdrawn = 0;
	int rc;

	decode(&c, &s);
	rc = match_solve(&s.in, &res);
	if (res == NULL)
		__builtin_trap();
	for (size_t k = 0; k < res->ndiags; k++)
		match_diag_text(&s.in, &res->diags[k], msg, sizeof(msg));
	if (rc != 0) {
		if (res->ndiags == 0)
			__builtin_trap();
		for (size_t i = 0; i < s.in.nmentees; i++)
			if (res->mentor_of[i] != -1)
				__builtin_trap();
		match_result_free(res);
		return 0;
	}
	if (match_check(&s.in, res->mentor_of, msg, sizeof(msg)) != 0)
		__builtin_trap();
	for (size_t i = 0; i < s.in.nmentees; i++)
		withdrawn += s.in.mentees[i].withdrawn != 0;
	if (res->ntandems + res->nunmatched + withdrawn != s.in.nmentees)
		__builtin_trap();
	for (size_t k = 0; k < res->ntandems; k++) {
		struct match_score sc;
		const struct match_tandem *t = &res->tandems[k];

		if (res->mentor_of[t->mentee] != (long)t->mentor)
			__builtin_trap();
		match_score_of(&s.in, t->mentee, t->mentor, &sc);
		if (sc.score != t->score.score || sc.score < 0 ||
		    sc.score > 100)
			__builtin_trap();
		total += sc.score;
	}
	if (total != res->total_score)
		__builtin_trap();
	if (s.in.nmentees <= BRUTE_MENTEES && s.in.nmentors <= BRUTE_MENTORS) {
		long mentor_of[BRUTE_MENTEES], score = 0, best_score = -1;
		int matched = 0, best[3] = { -1, 0, -1 };

		brute(&s.in, 0, mentor_of, &matched, &score, best,
		    &best_score);
		if (best[1] == 0 || best[0] != (int)res->ntandems ||
		    best_score != res->total_score)
			__builtin_trap();
	}
	match_result_free(res);
	return 0;
}
