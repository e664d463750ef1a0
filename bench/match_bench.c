/*
 * Benchmark program for the matching core. It builds a seeded problem of
 * n mentees and n mentors, times match_solve() on it (CPU time of the
 * process, fair on a shared machine) and prints one line with the time,
 * the peak memory of the process, the number of tandems and the total
 * score.
 *
 * The problem is a dense random n x n score table (scores 0..100, FORBID%
 * of the pairs forbidden); or, with -s, people with features like those of
 * a real programme (three organisations that must differ, levels with a
 * minimum gap, a few topics, fields, genders and languages), whose scores
 * the library computes: few distinct values and many ties. With -w FILE
 * the table of admissible scores (n*n signed bytes, -1 = excluded) is
 * also written, for a comparison with SciPy; with -r FILE such a table is
 * read instead of made.
 *
 * usage: match_bench N FORBID% SEED [-s] [-w FILE | -r FILE]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "match/match.h"
#include "util/bigmem.h"

static uint64_t state;

/* xorshift64*: the same problems on every machine. */
static uint32_t
rnd(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)((state * 2685821657736338717ULL) >> 32);
}

/* CPU time of the process. */
static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static const char *const fields[] = {
	"Recht", "IT", "Finanzen", "Soziales", "Bau", "Personal"
};
static const char *const langs[] = { "tr", "pl", "en", "ar" };
static const char *de = "de";

/*
 * A person like those of bench/match_programme.py: organisation 0-2,
 * level lo..lo+6, 1-3 of 7 topics, a field, "de" and one more language,
 * and (mentees, 30 %) a wish for a female mentor.
 */
static void
feature_person(struct match_person *p, int *topics, const char **lv,
    int lo, int mentor)
{
	p->org = (int)(rnd() % 3);
	p->level = lo + (int)(rnd() % 7);
	p->capacity = 1;
	p->gender = (enum match_gender)(1 + rnd() % 3);
	p->field = fields[rnd() % 6];
	p->ntopics = 1 + rnd() % 3;
	for (size_t k = 0; k < p->ntopics; k++)
		topics[k] = (int)(rnd() % 7);
	p->topics = topics;
	lv[0] = de;
	lv[1] = langs[rnd() % 4];
	p->languages = lv;
	p->nlanguages = 2;
	if (!mentor && rnd() % 10 < 3)
		p->wish_gender = MATCH_GENDER_F;
}

int
main(int argc, char *argv[])
{
	struct match_input in;
	struct match_person *e, *r;
	struct match_result *res;
	struct rusage ru;
	signed char *t;
	int	*topics;
	const char **lv;
	const char *wfile = NULL, *rfile = NULL;
	size_t	 n;
	unsigned forbid;
	int	 feat = 0;
	double	 t0, t1;

	for (int k = 4; k < argc; k++)
		if (strcmp(argv[k], "-s") == 0)
			feat = 1;
		else if (strcmp(argv[k], "-w") == 0 && k + 1 < argc)
			wfile = argv[++k];
		else if (strcmp(argv[k], "-r") == 0 && k + 1 < argc)
			rfile = argv[++k];
		else
			argc = 0;
	if (argc < 4 || (wfile != NULL && rfile != NULL)) {
		fputs("usage: match_bench N FORBID% SEED [-s] "
		    "[-w FILE | -r FILE]\n", stderr);
		return 64;
	}
	n = strtoul(argv[1], NULL, 10);
	forbid = (unsigned)strtoul(argv[2], NULL, 10);
	state = strtoull(argv[3], NULL, 10) * 2654435761ULL + 1;
	e = calloc(n + 1, sizeof(*e));
	r = calloc(n + 1, sizeof(*r));
	t = malloc(n * n + 1);
	topics = malloc((2 * n + 1) * 3 * sizeof(*topics));
	lv = malloc((2 * n + 1) * 2 * sizeof(*lv));
	if (e == NULL || r == NULL || t == NULL || topics == NULL ||
	    lv == NULL)
		return 71;
	match_defaults(&in);
	for (size_t i = 0; i < n; i++) {
		if (feat) {
			feature_person(&e[i], topics + 6 * i, lv + 4 * i, 5, 0);
			feature_person(&r[i], topics + 6 * i + 3,
			    lv + 4 * i + 2, 10, 1);
		} else {
			e[i].org = r[i].org = -1;
			r[i].capacity = 1;
		}
	}
	/* The pair lists where tandem puts them (tandems/tandems.c). */
	in.pairs_alloc = bigmem_alloc;
	in.pairs_free = bigmem_free;
	in.mentees = e;
	in.nmentees = n;
	in.mentors = r;
	in.nmentors = n;
	if (feat) {
		in.rules.different_org = 1;
		in.rules.min_level_gap = 1;
	}
	if (rfile != NULL) {
		FILE *fp = fopen(rfile, "rb");

		if (fp == NULL || fread(t, 1, n * n, fp) != n * n ||
		    fclose(fp) != 0) {
			fprintf(stderr, "match_bench: %s: not a %zu x %zu "
			    "table\n", rfile, n, n);
			return 66;
		}
		in.scores = t;
	} else if (!feat) {
		for (size_t k = 0; k < n * n; k++)
			t[k] = rnd() % 100 < forbid ? -1 :
			    (signed char)(rnd() % 101);
		in.scores = t;
	} else if (wfile != NULL)
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++) {
				struct match_score sc;

				match_score_of(&in, i, j, &sc);
				t[i * n + j] = match_rule_of(&in, i, j) ==
				    MATCH_RULE_NONE ? (signed char)sc.score :
				    -1;
			}
	if (wfile != NULL) {
		FILE *fp = fopen(wfile, "wb");

		if (fp == NULL || fwrite(t, 1, n * n, fp) != n * n ||
		    fclose(fp) != 0) {
			perror(wfile);
			return 73;
		}
	}
	t0 = now();
	if (match_solve(&in, &res) != 0) {
		fputs("match_bench: solve failed\n", stderr);
		return 70;
	}
	t1 = now();
	getrusage(RUSAGE_SELF, &ru);
	printf("n=%zu forbidden=%u%% time=%.3fs peak=%ldMB matched=%zu "
	    "total=%ld\n", n, feat ? 0 : forbid, t1 - t0,
	    ru.ru_maxrss / 1024, res->ntandems, res->total_score);
	match_result_free(res);
	free(e);
	free(r);
	free(t);
	free(topics);
	free(lv);
	return 0;
}
