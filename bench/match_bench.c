/*
 * Benchmark program for the matching core: builds a seeded random dense
 * n x n score table (scores 0..100, a given percentage of pairs forbidden),
 * times match_solve() on it and prints one line with the time, the peak
 * memory of the process and the total score. With -w FILE it also writes
 * the table (n*n signed bytes, -1 = forbidden) for a comparison with SciPy.
 * With -r FILE it reads such a table instead of making one (FORBID% and
 * SEED are then ignored), e.g. the admissible scores of a real programme.
 *
 * usage: match_bench N FORBID% SEED [-w FILE | -r FILE]
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "match/match.h"

static uint64_t state;

/* xorshift64*: the same tables on every machine. */
static uint32_t
rnd(void)
{
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)((state * 2685821657736338717ULL) >> 32);
}

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

int
main(int argc, char *argv[])
{
	struct match_input in;
	struct match_person *e, *r;
	struct match_result *res;
	struct rusage ru;
	signed char *t;
	size_t	 n;
	unsigned forbid;
	double	 t0, t1;

	if (argc != 4 && !(argc == 6 && (strcmp(argv[4], "-w") == 0 ||
	    strcmp(argv[4], "-r") == 0))) {
		fputs("usage: match_bench N FORBID% SEED [-w FILE | -r FILE]\n",
		    stderr);
		return 64;
	}
	n = strtoul(argv[1], NULL, 10);
	forbid = (unsigned)strtoul(argv[2], NULL, 10);
	state = strtoull(argv[3], NULL, 10) * 2654435761ULL + 1;
	e = calloc(n, sizeof(*e));
	r = calloc(n, sizeof(*r));
	t = malloc(n * n + 1);
	if (e == NULL || r == NULL || t == NULL)
		return 71;
	for (size_t i = 0; i < n; i++) {
		e[i].org = r[i].org = -1;
		r[i].capacity = 1;
	}
	if (argc == 6 && argv[4][1] == 'r') {
		FILE *fp = fopen(argv[5], "rb");

		if (fp == NULL || fread(t, 1, n * n, fp) != n * n ||
		    fclose(fp) != 0) {
			fprintf(stderr, "match_bench: %s: not a %zu x %zu "
			    "table\n", argv[5], n, n);
			return 66;
		}
	} else
		for (size_t k = 0; k < n * n; k++)
			t[k] = rnd() % 100 < forbid ? -1 :
			    (signed char)(rnd() % 101);
	if (argc == 6 && argv[4][1] == 'w') {
		FILE *fp = fopen(argv[5], "wb");

		if (fp == NULL || fwrite(t, 1, n * n, fp) != n * n ||
		    fclose(fp) != 0) {
			perror(argv[5]);
			return 73;
		}
	}
	match_defaults(&in);
	in.mentees = e;
	in.nmentees = n;
	in.mentors = r;
	in.nmentors = n;
	in.scores = t;
	t0 = now();
	if (match_solve(&in, &res) != 0) {
		fputs("match_bench: solve failed\n", stderr);
		return 70;
	}
	t1 = now();
	getrusage(RUSAGE_SELF, &ru);
	printf("n=%zu forbidden=%u%% time=%.3fs peak=%ldMB matched=%zu "
	    "total=%ld\n", n, forbid, t1 - t0, ru.ru_maxrss / 1024,
	    res->ntandems, res->total_score);
	match_result_free(res);
	free(e);
	free(r);
	free(t);
	return 0;
}
