/*
 * Unit tests for src/stats: counting from programmes built in C, primary
 * and secondary suppression on hand-computed tables, the audit, and the
 * txt and csv writers. Every expected figure below was counted by hand.
 */
#include <stdlib.h>

#include "compose/labels.h"
#include "harness.h"
#include "load/model.h"
#include "stats/stats.h"
#include "stats/stats_print.h"
#include "util/xalloc.h"

/* The no-break space that joins the parts of a long date. */
#define NB	"\xc2\xa0"

/* Build a one-cohort table from interior counts v[r][k] (row-major) with
 * every total filled in and the margins always published. */
static struct stats_table *
table_from(size_t nr, size_t nk, const long *v)
{
	struct stats_table *t = stats_table_new(1, nr, nk);
	size_t r, k, c;

	t->sensitive = true;
	for (r = 0; r < nr; r++)
		for (k = 0; k < nk; k++)
			for (c = 0; c < 2; c++) {
				stats_cell(t, c, r, k)->n += v[r * nk + k];
				stats_cell(t, c, nr, k)->n += v[r * nk + k];
				stats_cell(t, c, r, nk)->n += v[r * nk + k];
				stats_cell(t, c, nr, nk)->n += v[r * nk + k];
			}
	for (c = 0; c < 2; c++)
		for (r = 0; r <= nr; r++)
			for (k = 0; k <= nk; k++)
				if (r == nr || k == nk)
					stats_cell(t, c, r, k)->flags |=
					    STATS_CELL_PUBLIC;
	return t;
}

/* The suppression pattern of cohort c as a string: "." suppressed, "x"
 * published, rows separated by "|", totals included. */
static char *
pattern(const struct stats_table *t, size_t c)
{
	char *s = xmalloc((t->nrows + 1) * (t->ncols + 2) + 1), *p = s;

	for (size_t r = 0; r <= t->nrows; r++) {
		for (size_t k = 0; k <= t->ncols; k++)
			*p++ = stats_cell(t, c, r, k)->flags &
			    STATS_CELL_SUPPRESSED ? '.' : 'x';
		*p++ = '|';
	}
	*p = '\0';
	return s;
}

#define SUPPRESSED(t, c, r, k)	((stats_cell((t), (c), (r), (k))->flags & \
				    STATS_CELL_SUPPRESSED) != 0)

#define CHECK_PATTERN(t, c, want) do {					\
	char *p_ = pattern((t), (c));					\
	CHECK_STR(p_, (want));						\
	free(p_);							\
} while (0)

/*
 *      c1 c2 c3 | T       primary r1c1 (1); column c1 takes r2c1 (4 < 7);
 * r1    1  5  6 | 12      row r1 takes r1c2 (5 < 6); row r2 takes r2c2
 * r2    4  8  3 | 15      (8) over r2c3 (3) because column c2 has a single
 * r3    7  0  9 | 16      suppressed cell too: a 2×2 rectangle.
 */
static void
test_rectangle(void)
{
	static const long v[] = { 1, 5, 6, 4, 8, 3, 7, 0, 9 };
	struct stats_table *t = table_from(3, 3, v);

	CHECK_INT(stats_protect_table(t, 3), 0);
	CHECK_PATTERN(t, 0, "..xx|..xx|xxxx|xxxx|");
	CHECK_PATTERN(t, 1, "..xx|..xx|xxxx|xxxx|");
	CHECK(stats_cell(t, 0, 0, 0)->flags & STATS_CELL_PRIMARY);
	CHECK(stats_cell(t, 0, 1, 1)->flags & STATS_CELL_SECONDARY);
	CHECK(!stats_cell_recoverable(t, 0, 0, 0));
	CHECK(!stats_cell_recoverable(t, 0, 1, 1));
	/* A threshold of 1 suppresses nothing; 5 suppresses more. */
	CHECK_INT(stats_protect_table(t, 1), 0);
	CHECK_PATTERN(t, 0, "xxxx|xxxx|xxxx|xxxx|");
	CHECK_INT(stats_protect_table(t, 5), 0);
	CHECK(stats_cell(t, 0, 1, 0)->flags & STATS_CELL_PRIMARY);
	CHECK(stats_cell(t, 0, 1, 2)->flags & STATS_CELL_PRIMARY);
	for (size_t r = 0; r < 3; r++)
		for (size_t k = 0; k < 3; k++)
			if (stats_cell(t, 0, r, k)->flags &
			    STATS_CELL_SUPPRESSED)
				CHECK(!stats_cell_recoverable(t, 0, r, k));
	stats_table_free(t);
}

/*
 *      c1 c2 c3 | T       an organisation with one person: its row has no
 * r1    1  0  0 | 1       other non-zero cell, so a 0 must hide which
 * r2    5  4  3 | 12      column the 1 is in; column c2 then takes r2c2.
 */
static void
test_single_row(void)
{
	static const long v[] = { 1, 0, 0, 5, 4, 3 };
	struct stats_table *t = table_from(2, 3, v);

	CHECK_INT(stats_protect_table(t, 3), 0);
	CHECK_PATTERN(t, 0, "..xx|..xx|xxxx|");
	CHECK(stats_cell(t, 0, 0, 1)->flags & STATS_CELL_SECONDARY);
	CHECK_INT(stats_cell(t, 0, 0, 1)->n, 0);
	stats_table_free(t);
}

/*
 *      c1 c2 | T          row r2 has the published total 0, so its zeros
 * r1    1  0 | 1          reveal nothing and are never taken: column c1
 * r2    0  0 | 0          takes r3c1 (a 0), row r1 takes r1c2, row r3
 * r3    0  5 | 5          takes r3c2.
 */
static void
test_zero_row(void)
{
	static const long v[] = { 1, 0, 0, 0, 0, 5 };
	struct stats_table *t = table_from(3, 2, v);

	CHECK_INT(stats_protect_table(t, 3), 0);
	CHECK_PATTERN(t, 0, "..x|xxx|..x|xxx|");
	CHECK(!stats_cell_recoverable(t, 0, 0, 0));
	stats_table_free(t);
}

/* The audit on patterns set by hand. */
static void
test_audit(void)
{
	static const long v4[] = {
		3, 4, 1, 2,
		5, 6, 7, 1,
		2, 1, 4, 4,
		1, 3, 3, 5,
	};
	static const long v2[] = { 1, 0, 4, 0, 2, 2 };
	struct stats_table *t = table_from(4, 4, v4);
	static const size_t cyc[][2] = {
		{ 0, 0 }, { 0, 1 }, { 1, 0 }, { 1, 1 },
		{ 2, 2 }, { 2, 3 }, { 3, 2 }, { 3, 3 }, { 1, 2 },
	};

	/* Two 2×2 cycles joined by r2c3: every line has two or more
	 * suppressed cells, yet rows r1+r2 minus columns c1+c2 give r2c3. */
	for (size_t i = 0; i < 9; i++)
		for (size_t c = 0; c < 2; c++)
			stats_cell(t, c, cyc[i][0], cyc[i][1])->flags |=
			    STATS_CELL_SECONDARY;
	CHECK(stats_cell_recoverable(t, 0, 1, 2));
	CHECK(!stats_cell_recoverable(t, 0, 0, 0));
	CHECK(!stats_cell_recoverable(t, 0, 3, 3));
	CHECK(stats_cell_recoverable(t, 0, 2, 0));	/* published */
	stats_table_free(t);

	/* r1 = 1 0 with both suppressed, r2 = 4 0 with r2c1 only: r2c1
	 * alone in its row is recoverable, and then column c1 gives r1c1. */
	t = table_from(3, 2, v2);
	stats_cell(t, 0, 0, 0)->flags |= STATS_CELL_PRIMARY;
	stats_cell(t, 0, 0, 1)->flags |= STATS_CELL_SECONDARY;
	stats_cell(t, 0, 1, 0)->flags |= STATS_CELL_SECONDARY;
	stats_cell(t, 0, 2, 1)->flags |= STATS_CELL_SECONDARY;
	stats_cell(t, 1, 0, 0)->flags |= STATS_CELL_PRIMARY;
	stats_cell(t, 1, 0, 1)->flags |= STATS_CELL_SECONDARY;
	stats_cell(t, 1, 1, 0)->flags |= STATS_CELL_SECONDARY;
	stats_cell(t, 1, 2, 1)->flags |= STATS_CELL_SECONDARY;
	CHECK(stats_cell_recoverable(t, 0, 1, 0));
	CHECK(stats_cell_recoverable(t, 0, 0, 0));
	stats_table_free(t);

	/* Zero sum: r1 = 1 0 and r2 = 0 0 | 0 with a suppressed 0 pair in
	 * row r2 reveals them, then column c1 reveals r1c1. */
	{
		static const long vz[] = { 1, 3, 0, 0, 4, 4 };

		t = table_from(3, 2, vz);
		for (size_t c = 0; c < 2; c++) {
			stats_cell(t, c, 0, 0)->flags |= STATS_CELL_PRIMARY;
			stats_cell(t, c, 0, 1)->flags |= STATS_CELL_SECONDARY;
			stats_cell(t, c, 1, 0)->flags |= STATS_CELL_SECONDARY;
			stats_cell(t, c, 1, 1)->flags |= STATS_CELL_SECONDARY;
		}
		CHECK(stats_cell_recoverable(t, 0, 1, 0));
		CHECK(stats_cell_recoverable(t, 0, 0, 0));
		stats_table_free(t);
	}
}

/*
 * The attacker, by brute force: every table of non-negative integers that
 * agrees with the published cells of cohort 0 (interior cells unknown when
 * suppressed, all totals published). feasible[i] collects, as a bit set,
 * the values unknown i can take.
 */
struct attack {
	const struct stats_table *t;
	size_t	 nu, cell[16][2];	/* unknowns in row order: row, column */
	long	 val[16];
	long	 rowrem[4], colrem[4];	/* what the unknowns must still add */
	unsigned feasible[16];
	long	(*sols)[16];		/* every solution, if recording */
	size_t	 nsols, cap;
	bool	 record;
};

/* Is unknown u the last one of its row (column)? */
static bool
last_in(const struct attack *a, size_t u, int dim)
{
	for (size_t i = u + 1; i < a->nu; i++)
		if (a->cell[i][dim] == a->cell[u][dim])
			return false;
	return true;
}

static void
attack_rec(struct attack *a, size_t u)
{
	size_t r, k, i;
	long v, hi;

	if (u == a->nu) {
		for (i = 0; i < a->nu; i++)
			a->feasible[i] |= 1u << a->val[i];
		if (a->record) {
			a->sols = xgrow(a->sols, &a->cap, a->nsols + 1,
			    sizeof(*a->sols));
			memcpy(a->sols[a->nsols++], a->val, sizeof(a->val));
		}
		return;
	}
	r = a->cell[u][0];
	k = a->cell[u][1];
	hi = a->rowrem[r] < a->colrem[k] ? a->rowrem[r] : a->colrem[k];
	for (v = 0; v <= hi && v < 31; v++) {
		if (last_in(a, u, 0) && v != a->rowrem[r])
			continue;
		if (last_in(a, u, 1) && v != a->colrem[k])
			continue;
		a->val[u] = v;
		a->rowrem[r] -= v;
		a->colrem[k] -= v;
		attack_rec(a, u + 1);
		a->rowrem[r] += v;
		a->colrem[k] += v;
	}
}

/*
 * Random small tables: after protection, no suppressed cell may have a
 * single feasible value for an attacker who knows every published figure.
 */
static void
test_attack(void)
{
	unsigned seed = 12345, bad = 0, tables = 0, cells = 0;

	for (int n = 0; n < 300; n++) {
		size_t nr = 2 + n % 2, nk = 2 + (n / 2) % 3, r, k, i;
		long v[12];
		struct stats_table *t;
		struct attack a;

		for (i = 0; i < nr * nk; i++) {
			seed = seed * 1103515245 + 12345;
			v[i] = (long)((seed >> 16) % 7);
			if (v[i] > 4)
				v[i] = 0;
		}
		t = table_from(nr, nk, v);
		CHECK_INT(stats_protect_table(t, 3), 0);
		memset(&a, 0, sizeof(a));
		a.t = t;
		for (r = 0; r < nr; r++)
			for (k = 0; k < nk; k++)
				if (SUPPRESSED(t, 0, r, k)) {
					a.cell[a.nu][0] = r;
					a.cell[a.nu][1] = k;
					a.nu++;
					a.rowrem[r] += v[r * nk + k];
					a.colrem[k] += v[r * nk + k];
				}
		attack_rec(&a, 0);
		for (i = 0; i < a.nu; i++) {
			cells++;
			/* A single bit set: the value is disclosed. */
			if ((a.feasible[i] & (a.feasible[i] - 1)) == 0) {
				bad++;
				char *p_ = pattern(t, 0);

				fprintf(stderr, "disclosed: %s cell %zu,%zu\n",
				    p_, a.cell[i][0], a.cell[i][1]);
				free(p_);
			}
		}
		tables++;
		stats_table_free(t);
	}
	CHECK_INT(bad, 0);
	CHECK(cells > 100);
	(void)tables;
}

/* Set up the attack on block c of t: its suppressed interior cells. */
static void
attack_init(struct attack *a, const struct stats_table *t, size_t c)
{
	memset(a, 0, sizeof(*a));
	a->t = t;
	a->record = true;
	for (size_t r = 0; r < t->nrows; r++) {
		a->rowrem[r] = stats_cell(t, c, r, t->ncols)->n;
		for (size_t k = 0; k < t->ncols; k++)
			if (SUPPRESSED(t, c, r, k)) {
				a->cell[a->nu][0] = r;
				a->cell[a->nu][1] = k;
				a->nu++;
			} else
				a->rowrem[r] -= stats_cell(t, c, r, k)->n;
	}
	for (size_t k = 0; k < t->ncols; k++) {
		a->colrem[k] = stats_cell(t, c, t->nrows, k)->n;
		for (size_t r = 0; r < t->nrows; r++)
			if (!SUPPRESSED(t, c, r, k))
				a->colrem[k] -= stats_cell(t, c, r, k)->n;
	}
}

/* The value of cell (r, k) in solution s of a, or the published one. */
static long
attack_val(const struct attack *a, const long *s, size_t c, size_t r,
    size_t k)
{
	for (size_t i = 0; i < a->nu; i++)
		if (a->cell[i][0] == r && a->cell[i][1] == k)
			return s[i];
	return stats_cell(a->t, c, r, k)->n;
}

/*
 * Two cohorts and their total, all margins published: the attacker
 * combines every solution of cohort 1 with every one of cohort 2 and keeps
 * the pairs whose sums agree with the published cells of the total block.
 * No suppressed cell of any block may have a single feasible value.
 */
static void
test_attack_cohorts(void)
{
	unsigned seed = 777, bad = 0, cells = 0;

	for (int n = 0; n < 150; n++) {
		size_t nr = 2 + n % 2, nk = 2 + (n / 2) % 2, r, k, c, i, j;
		struct stats_table *t = stats_table_new(2, nr, nk);
		struct attack a[2];
		unsigned feas[3][4][4];

		t->sensitive = true;
		for (c = 0; c < 2; c++)
			for (r = 0; r < nr; r++)
				for (k = 0; k < nk; k++) {
					long v;
					size_t cs[2] = { c, 2 }, rs[2] = { r, nr };
					size_t ks[2] = { k, nk };

					seed = seed * 1103515245 + 12345;
					v = (long)((seed >> 16) % 6);
					if (v > 3)
						v = 0;
					for (int x = 0; x < 8; x++)
						stats_cell(t, cs[x & 1],
						    rs[(x >> 1) & 1],
						    ks[x >> 2])->n += v;
				}
		for (c = 0; c < 3; c++)
			for (r = 0; r <= nr; r++)
				for (k = 0; k <= nk; k++)
					if (r == nr || k == nk)
						stats_cell(t, c, r, k)->flags |=
						    STATS_CELL_PUBLIC;
		CHECK_INT(stats_protect_table(t, 3), 0);
		memset(feas, 0, sizeof(feas));
		for (c = 0; c < 2; c++) {
			attack_init(&a[c], t, c);
			attack_rec(&a[c], 0);
		}
		for (i = 0; i < a[0].nsols; i++)
			for (j = 0; j < a[1].nsols; j++) {
				long v0, v1;

				for (r = 0; r < nr; r++)
					for (k = 0; k < nk; k++) {
						v0 = attack_val(&a[0],
						    a[0].sols[i], 0, r, k);
						v1 = attack_val(&a[1],
						    a[1].sols[j], 1, r, k);
						if (!SUPPRESSED(t, 2, r, k) &&
						    v0 + v1 !=
						    stats_cell(t, 2, r, k)->n)
							goto next;
					}
				for (r = 0; r < nr; r++)
					for (k = 0; k < nk; k++) {
						v0 = attack_val(&a[0],
						    a[0].sols[i], 0, r, k);
						v1 = attack_val(&a[1],
						    a[1].sols[j], 1, r, k);
						feas[0][r][k] |= 1u << v0;
						feas[1][r][k] |= 1u << v1;
						feas[2][r][k] |= 1u << (v0 + v1);
					}
next:				;
			}
		for (c = 0; c < 3; c++)
			for (r = 0; r < nr; r++)
				for (k = 0; k < nk; k++) {
					unsigned f = feas[c][r][k];

					if (!SUPPRESSED(t, c, r, k))
						continue;
					cells++;
					if (f == 0 || (f & (f - 1)) == 0) {
						bad++;
						fprintf(stderr, "disclosed: "
						    "table %d block %zu cell "
						    "%zu,%zu\n", n, c, r, k);
					}
				}
		free(a[0].sols);
		free(a[1].sols);
		stats_table_free(t);
	}
	CHECK_INT(bad, 0);
	CHECK(cells > 100);
}

/* Programme builders for the counting tests. */
static int
org(struct programme *p, const char *id, const char *name)
{
	p->orgs = xrealloc(p->orgs, (p->norgs + 1) * sizeof(*p->orgs));
	memset(&p->orgs[p->norgs], 0, sizeof(*p->orgs));
	p->orgs[p->norgs].id = xstrdup(id);
	p->orgs[p->norgs].name = xstrdup(name);
	return (int)p->norgs++;
}

static int
person(struct programme *p, enum role r, enum gender g, int o,
    const char *bg, enum status st)
{
	struct person *q;

	p->people = xrealloc(p->people, (p->npeople + 1) * sizeof(*q));
	q = &p->people[p->npeople];
	memset(q, 0, sizeof(*q));
	q->id = xasprintf("p%zu", p->npeople + 1);
	q->family = xasprintf("Name%zu", p->npeople + 1);
	q->role = r;
	q->gender = g;
	q->org = o;
	q->background = bg ? xstrdup(bg) : NULL;
	q->status = st;
	q->capacity = 1;
	return (int)p->npeople++;
}

/* n people of one kind. */
static void
people(struct programme *p, int n, enum role r, enum gender g, int o,
    const char *bg)
{
	while (n-- > 0)
		person(p, r, g, o, bg, STATUS_COMPLETED);
}

static void
outcome(struct programme *p, int who, enum outcome_kind k, const char *date)
{
	struct outcome *o;

	p->outcomes = xrealloc(p->outcomes, (p->noutcomes + 1) * sizeof(*o));
	o = &p->outcomes[p->noutcomes++];
	memset(o, 0, sizeof(*o));
	o->person = who;
	o->kind = k;
	if (date != NULL)
		date_parse(date, &o->date);
}

static void
response(struct programme *p, enum role r, int sat, int meetings, int step)
{
	struct response *a;

	p->responses = xrealloc(p->responses,
	    (p->nresponses + 1) * sizeof(*a));
	a = &p->responses[p->nresponses++];
	a->role = r;
	a->satisfaction = sat;
	a->meetings = meetings;
	a->career_step = step;
	a->line = 0;
}

static void
tandem(struct programme *p, int mentee, int mentor)
{
	p->tandems = xrealloc(p->tandems, (p->ntandems + 1) *
	    sizeof(*p->tandems));
	memset(&p->tandems[p->ntandems], 0, sizeof(*p->tandems));
	p->tandems[p->ntandems].mentee = mentee;
	p->tandems[p->ntandems].mentor = mentor;
	p->ntandems++;
	p->tandem_source = TANDEMS_INLINE;
}

/*
 * Cohort A (2018): mentees 9 f + 2 m as in the senate's answer, all with
 * migration background except one woman; Nord: 4 f, 1 m; Süd: 5 f, 1 m.
 * Mentors 6 f, 5 m, no background recorded. 3 position changes during,
 * one promotion after (of a mentee who also changed position), one
 * mentee withdrew. 11 tandems. 6 mentee answers, 2 mentor answers.
 */
static struct programme *
cohort_a(void)
{
	struct programme *p = programme_new();
	int n, s, m[11], t[11], i;

	p->id = xstrdup("img-2018");
	p->title = xstrdup("Interkulturelles Mentoring");
	p->edition = xstrdup("1. Durchgang 2018");
	p->file = xstrdup("a/programme.xml");
	date_parse("2018-02-01", &p->start);
	date_parse("2019-01-31", &p->end);
	n = org(p, "n", "Finanzamt Nord");
	s = org(p, "s", "Finanzamt Süd");
	for (i = 0; i < 4; i++)
		m[i] = person(p, ROLE_MENTEE, GENDER_F, n, "migration",
		    STATUS_COMPLETED);
	m[4] = person(p, ROLE_MENTEE, GENDER_M, n, "migration",
	    STATUS_COMPLETED);
	for (i = 5; i < 9; i++)
		m[i] = person(p, ROLE_MENTEE, GENDER_F, s, "migration",
		    STATUS_COMPLETED);
	m[9] = person(p, ROLE_MENTEE, GENDER_F, s, NULL, STATUS_WITHDRAWN);
	m[10] = person(p, ROLE_MENTEE, GENDER_M, s, "migration",
	    STATUS_COMPLETED);
	for (i = 0; i < 6; i++)
		t[i] = person(p, ROLE_MENTOR, GENDER_F, i % 2 ? n : s, NULL,
		    STATUS_COMPLETED);
	for (; i < 11; i++)
		t[i] = person(p, ROLE_MENTOR, GENDER_M, i % 2 ? n : s, NULL,
		    STATUS_COMPLETED);
	for (i = 0; i < 11; i++)
		tandem(p, m[i], t[i]);
	outcome(p, m[0], OUTCOME_POSITION_CHANGE, "2018-06-01");
	outcome(p, m[0], OUTCOME_PROMOTION, "2019-06-01");
	outcome(p, m[5], OUTCOME_POSITION_CHANGE, "2019-01-31");
	outcome(p, m[10], OUTCOME_POSITION_CHANGE, "2018-10-01");
	outcome(p, m[10], OUTCOME_POSITION_CHANGE, "2018-12-01");
	outcome(p, t[0], OUTCOME_PROMOTION, "2018-12-01");	/* mentor */
	response(p, ROLE_MENTEE, 5, 12, 1);
	response(p, ROLE_MENTEE, 5, 10, 1);
	response(p, ROLE_MENTEE, 4, 11, 0);
	response(p, ROLE_MENTEE, 5, -1, -1);
	response(p, ROLE_MENTEE, 0, 8, -1);
	response(p, ROLE_MENTEE, 3, 9, 1);
	response(p, ROLE_MENTOR, 5, 12, -1);
	response(p, ROLE_MENTOR, 4, 11, -1);
	return p;
}

/*
 * Cohort B (2020): mentees Nord 2 f + 1 d, Süd 3 f + 2 m, one mentee
 * without organisation (m); backgrounds: 4 migration, rest not recorded.
 * Mentors 3 f + 3 m. No tandems fixed, no outcomes, no survey.
 */
static struct programme *
cohort_b(void)
{
	struct programme *p = programme_new();
	int n, s;

	p->id = xstrdup("img-2020");
	p->title = xstrdup("Interkulturelles Mentoring");
	p->edition = xstrdup("2. Durchgang");
	p->file = xstrdup("b/programme.xml");
	date_parse("2020-02-01", &p->start);
	date_parse("2021-01-31", &p->end);
	s = org(p, "s", "Finanzamt Süd");	/* other order than A */
	n = org(p, "n", "Finanzamt Nord");
	people(p, 2, ROLE_MENTEE, GENDER_F, n, "migration");
	people(p, 1, ROLE_MENTEE, GENDER_D, n, NULL);
	people(p, 1, ROLE_MENTEE, GENDER_F, s, "migration");
	people(p, 2, ROLE_MENTEE, GENDER_F, s, NULL);
	people(p, 2, ROLE_MENTEE, GENDER_M, s, NULL);
	people(p, 1, ROLE_MENTEE, GENDER_M, -1, "migration");
	people(p, 3, ROLE_MENTOR, GENDER_F, n, NULL);
	people(p, 3, ROLE_MENTOR, GENDER_M, s, NULL);
	person(p, ROLE_MENTOR, GENDER_M, s, NULL, STATUS_ACTIVE);
	return p;
}

static const struct stats_table *
find(const struct stats *s, enum stats_measure m, int role)
{
	for (size_t i = 0; i < s->ntables; i++)
		if (s->tables[i].measure == m && s->tables[i].role == role)
			return &s->tables[i];
	return NULL;
}

#define N(t, c, r, k)	(stats_cell((t), (c), (r), (k))->n)
#define SUP(t, c, r, k)	((stats_cell((t), (c), (r), (k))->flags &	\
			    STATS_CELL_SUPPRESSED) != 0)

static void
test_compute(void)
{
	struct programme *pv[2] = { cohort_a(), cohort_b() };
	struct stats *s = stats_compute(pv, 2);
	const struct stats_table *t;

	CHECK_INT(s->ncohorts, 2);
	/* Mentees by gender: rows f, m, d, unknown, total. */
	t = find(s, STATS_GENDER, ROLE_MENTEE);
	CHECK(t != NULL);
	CHECK_INT(N(t, 0, 0, 0), 9);
	CHECK_INT(N(t, 0, 1, 0), 2);
	CHECK_INT(N(t, 0, 4, 0), 11);
	CHECK_INT(N(t, 1, 0, 0), 5);
	CHECK_INT(N(t, 1, 1, 0), 3);
	CHECK_INT(N(t, 1, 2, 0), 1);
	CHECK_INT(N(t, 1, 4, 0), 9);
	CHECK_INT(N(t, 2, 0, 0), 14);
	CHECK_INT(N(t, 2, 4, 0), 20);
	t = find(s, STATS_GENDER, ROLE_MENTOR);
	CHECK_INT(N(t, 0, 0, 0), 6);
	CHECK_INT(N(t, 0, 1, 0), 5);
	CHECK_INT(N(t, 1, 1, 0), 4);
	CHECK_INT(N(t, 2, 4, 0), 18);
	/* Status: completed, active, withdrawn. */
	t = find(s, STATS_STATUS, ROLE_MENTEE);
	CHECK_INT(N(t, 0, 0, 0), 10);
	CHECK_INT(N(t, 0, 2, 0), 1);
	CHECK_INT(N(t, 2, 0, 0), 19);
	t = find(s, STATS_STATUS, ROLE_MENTOR);
	CHECK_INT(N(t, 1, 1, 0), 1);
	/* Organisations grouped by name; "ohne Angabe" last. */
	t = find(s, STATS_ORG, ROLE_MENTEE);
	CHECK_INT(t->nrows, 3);
	CHECK_STR(t->rows[0], "Finanzamt Nord");
	CHECK_STR(t->rows[2], "ohne Angabe");
	CHECK_INT(N(t, 0, 0, 0), 5);
	CHECK_INT(N(t, 1, 0, 0), 3);
	CHECK_INT(N(t, 1, 1, 0), 5);
	CHECK_INT(N(t, 1, 2, 0), 1);
	CHECK_INT(N(t, 2, 1, 0), 11);
	/* Nobody in A lacks an organisation: that row is absent from A
	 * (a structural 0, printed "–"), present in B and the total. */
	CHECK(stats_row_absent(t, 0, 2));
	CHECK(!stats_row_absent(t, 1, 2));
	CHECK(!stats_row_absent(t, 2, 2));
	CHECK(!stats_row_absent(t, 0, 0));
	CHECK(!stats_row_absent(t, 0, 3));	/* the total line never */
	CHECK_INT(t->dash, LABEL_STATS_FN_ABSENT);
	t = find(s, STATS_ORG_GENDER, ROLE_MENTEE);
	CHECK(stats_row_absent(t, 0, 2));
	CHECK(stats_cell(t, 0, 2, 1)->flags & STATS_CELL_PUBLIC);
	/* Tandems: 11 fixed in A, none in B: the total is A's. */
	t = find(s, STATS_TANDEMS, -1);
	CHECK_INT(t->nrows, 1);
	CHECK_INT(N(t, 0, 0, 0), 11);
	CHECK(stats_cell(t, 1, 0, 0)->flags & STATS_CELL_NA);
	CHECK_INT(N(t, 2, 0, 0), 11);
	CHECK(!(stats_cell(t, 2, 0, 0)->flags & STATS_CELL_NA));
	/* Outcomes: rows kind × (during, after), then "any". */
	t = find(s, STATS_OUTCOMES, -1);
	CHECK_INT(t->nrows, 7);
	CHECK_INT(N(t, 0, 0, 0), 3);	/* position change during: m0, m5, m10 */
	CHECK_INT(N(t, 0, 1, 0), 0);
	CHECK_INT(N(t, 0, 2, 0), 0);	/* the mentor's promotion not counted */
	CHECK_INT(N(t, 0, 3, 0), 1);	/* promotion after */
	CHECK_INT(N(t, 0, 6, 0), 3);	/* persons with any */
	CHECK_INT(N(t, 1, 0, 0), 0);
	CHECK_INT(N(t, 1, 6, 0), 0);
	CHECK_INT(N(t, 2, 0, 0), 3);
	/* Evaluation of mentees in A: 6 answers; 5,5,4,5,3 -> 4.4; meetings
	 * 12,10,11,8,9 -> median 10; career step yes 3. */
	t = find(s, STATS_EVALUATION, ROLE_MENTEE);
	CHECK_INT(N(t, 0, STATS_EVAL_RESPONSES, 0), 6);
	CHECK_INT(N(t, 0, STATS_EVAL_SAT5, 0), 3);
	CHECK_INT(N(t, 0, STATS_EVAL_SAT4, 0), 1);
	CHECK_INT(N(t, 0, STATS_EVAL_SAT3, 0), 1);
	CHECK_INT(N(t, 0, STATS_EVAL_SAT_NONE, 0), 1);
	CHECK(stats_cell(t, 0, STATS_EVAL_SAT_MEAN, 0)->x > 4.39 &&
	    stats_cell(t, 0, STATS_EVAL_SAT_MEAN, 0)->x < 4.41);
	CHECK(stats_cell(t, 0, STATS_EVAL_MEETINGS, 0)->x == 10);
	CHECK_INT(N(t, 0, STATS_EVAL_CAREER, 0), 3);
	CHECK(stats_cell(t, 1, STATS_EVAL_SAT_MEAN, 0)->flags & STATS_CELL_NA);
	CHECK(stats_cell(t, 1, STATS_EVAL_MEETINGS, 0)->flags & STATS_CELL_NA);
	CHECK_INT(N(t, 1, STATS_EVAL_RESPONSES, 0), 0);
	t = find(s, STATS_EVALUATION, ROLE_MENTOR);
	/* Mentors are not asked about a career step: no such row. */
	CHECK_INT(t->nrows, STATS_EVAL_CAREER);
	/* Mentors: 12, 11 -> median 11.5; mean 4.5. */
	CHECK(stats_cell(t, 2, STATS_EVAL_MEETINGS, 0)->x == 11.5);
	CHECK(stats_cell(t, 2, STATS_EVAL_SAT_MEAN, 0)->x == 4.5);

	/*
	 * Background × gender of mentees, columns f m d unknown | total.
	 * A: migration f = 4 + 4 = 8, m = 2; not recorded f = 1.
	 * B: migration f 3, m 1; not recorded f 2, m 2, d 1.
	 * Total: migration f 11, m 3; not recorded f 3, m 2, d 1.
	 */
	t = find(s, STATS_BACKGROUND, ROLE_MENTEE);
	CHECK(t != NULL);
	CHECK_INT(N(t, 0, 0, 0), 8);
	CHECK_INT(N(t, 0, 0, 1), 2);
	CHECK_INT(N(t, 0, 1, 0), 1);
	CHECK_INT(N(t, 1, 0, 0), 3);
	CHECK_INT(N(t, 1, 1, 2), 1);
	CHECK_INT(N(t, 2, 0, 4), 14);
	CHECK_INT(N(t, 2, 1, 4), 6);
	CHECK_STR(t->rows[0], "Migrationshintergrund");
	CHECK(find(s, STATS_BACKGROUND, ROLE_MENTOR) == NULL);	/* none */

	/*
	 * Protection of the background table (min-cell 3), by hand:
	 * A: migration [8 2 0 0 | 10], not rec. [1 0 0 0 | 1]; totals
	 *    [9 2 0 0 | 11] published. Primary: 2 (A,mig,m), 1 (A,nr,f),
	 *    1 (A,nr,total). Column m: (A,nr,m)=0 the only partner.
	 *    Column f then has two. Row totals: 10 with 1 -> 10 too.
	 */
	CHECK_INT(stats_protect(s, 3), 0);
	CHECK(SUP(t, 0, 0, 1));
	CHECK(SUP(t, 0, 1, 0));
	CHECK(SUP(t, 0, 1, 4));
	CHECK(SUP(t, 0, 0, 4));
	CHECK(SUP(t, 0, 0, 0));
	CHECK(!SUP(t, 0, 2, 0));	/* role × gender stays */
	/* No suppressed cell in any table can be recovered. */
	for (size_t i = 0; i < s->ntables; i++) {
		const struct stats_table *u = &s->tables[i];

		for (size_t c = 0; c <= u->ncohorts; c++)
			for (size_t r = 0; r <= u->nrows; r++)
				for (size_t k = 0; k <= u->ncols; k++)
					if (SUP(u, c, r, k))
						CHECK(!stats_cell_recoverable(
						    u, c, r, k));
	}
	/* Organisation × gender: the one "d" in Nord (B) is hidden. */
	t = find(s, STATS_ORG_GENDER, ROLE_MENTEE);
	CHECK(SUP(t, 1, 0, 2));
	CHECK(!SUP(t, 1, 0, 4));
	CHECK(!SUP(t, 1, 3, 2));
	/* Nothing but the sensitive tables is touched. */
	t = find(s, STATS_GENDER, ROLE_MENTEE);
	CHECK(!SUP(t, 1, 2, 0));

	stats_free(s);

	/* B's tandems from the matching: a row of their own. */
	tandem(pv[1], 0, 9);
	tandem(pv[1], 1, 10);
	pv[1]->tandem_source = TANDEMS_MATCHED;
	s = stats_compute(pv, 2);
	t = find(s, STATS_TANDEMS, -1);
	CHECK_INT(t->nrows, 2);
	CHECK_STR(t->rows[1], "Tandems, Vorschlag des Matchings");
	CHECK_INT(N(t, 0, 0, 0), 11);
	CHECK(stats_cell(t, 0, 1, 0)->flags & STATS_CELL_NA);
	CHECK(stats_cell(t, 1, 0, 0)->flags & STATS_CELL_NA);
	CHECK_INT(N(t, 1, 1, 0), 2);
	CHECK_INT(N(t, 2, 0, 0), 11);
	CHECK_INT(N(t, 2, 1, 0), 2);
	stats_free(s);
	programme_free(pv[0]);
	programme_free(pv[1]);
}

/* The writers: spot checks (the golden tests compare whole outputs). */
static void
test_writers(void)
{
	struct programme *pv[1] = { cohort_a() };
	struct stats *s = stats_compute(pv, 1);
	struct date d = { 2023, 11, 14 };
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	stats_protect(s, 3);
	fp = open_memstream(&buf, &len);
	CHECK_INT(stats_write_txt(s, d, fp), 0);
	fclose(fp);
	/* Plain spaces in the text file (the PDF keeps dates together). */
	CHECK(strstr(buf, "Stand: 14. November 2023\n") != NULL);
	CHECK(strstr(buf, NB) == NULL);
	CHECK(strstr(buf, "Mentees nach Geschlecht\n") != NULL);
	CHECK(strstr(buf, "Mentorinnen und Mentoren nach Geschlecht") != NULL);
	CHECK(strstr(buf, "             1. Durchgang 2018\n") != NULL);
	CHECK(strstr(buf, "weiblich                     9\n") != NULL);
	CHECK(strstr(buf, "Zufriedenheit, Mittelwert                            4,4\n") != NULL);
	/* The cohorts by title and edition, the source by its file name
	 * only (never the path as typed). */
	CHECK(strstr(buf, "  Interkulturelles Mentoring, 1. Durchgang 2018 "
	    "(1. Februar 2018 bis 31. Januar 2019)\n") != NULL);
	CHECK(strstr(buf, "  Interkulturelles Mentoring, 1. Durchgang 2018: "
	    "programme.xml\n") != NULL);
	CHECK(strstr(buf, "a/programme.xml") == NULL);
	CHECK(strstr(buf, "Name1") == NULL);		/* no names */
	CHECK(strstr(buf, "p1") == NULL);		/* no ids */
	CHECK(strstr(buf, "ohne Geheimhaltung") == NULL);
	free(buf);

	buf = NULL;
	fp = open_memstream(&buf, &len);
	CHECK_INT(stats_write_csv(s, d, true, ',', fp), 0);
	fclose(fp);
	CHECK(strncmp(buf, "\xef\xbb\xbf" "cohort,measure,group,value\r\n",
	    31) == 0);
	CHECK(strstr(buf, "1. Durchgang 2018,Mentees nach Geschlecht,weiblich,9\r\n")
	    != NULL);
	CHECK(strstr(buf, "1. Durchgang 2018,Befragung: Mentees,"
	    "\"Zufriedenheit, Mittelwert\",4.4\r\n") != NULL);
	CHECK(strstr(buf, "Mentees nach Hintergrund und Geschlecht,"
	    "nicht erfasst / weiblich,.\r\n") != NULL);
	free(buf);

	/* For German spreadsheets: semicolons and decimal commas; a field
	 * holding a comma needs no quotes then. */
	buf = NULL;
	fp = open_memstream(&buf, &len);
	CHECK_INT(stats_write_csv(s, d, true, ';', fp), 0);
	fclose(fp);
	CHECK(strncmp(buf, "\xef\xbb\xbf" "cohort;measure;group;value\r\n",
	    31) == 0);
	CHECK(strstr(buf, "1. Durchgang 2018;Mentees nach Geschlecht;weiblich;9\r\n")
	    != NULL);
	CHECK(strstr(buf, "1. Durchgang 2018;Befragung: Mentees;"
	    "Zufriedenheit, Mittelwert;4,4\r\n") != NULL);
	free(buf);

	/* Mentors in each wording of tandem-texts(5) (titles use the plural). */
	{
		struct stats_table tt;

		memset(&tt, 0, sizeof(tt));
		tt.measure = STATS_GENDER;
		tt.role = ROLE_MENTOR;
		s->wording = WORDING_NEUTRAL;
		buf = stats_table_title(s, &tt);
		CHECK_STR(buf, "Mentorierende nach Geschlecht");
		free(buf);
		s->wording = WORDING_COLON;
		buf = stats_table_title(s, &tt);
		CHECK_STR(buf, "Mentor:innen nach Geschlecht");
		free(buf);
		tt.role = ROLE_MENTEE;
		tt.measure = STATS_BACKGROUND;
		buf = stats_table_title(s, &tt);
		CHECK_STR(buf, "Mentees nach Hintergrund und Geschlecht");
		free(buf);
	}

	/* Unprotected and in English. */
	stats_free(s);
	pv[0]->lang = LANG_EN;
	s = stats_compute(pv, 1);
	buf = NULL;
	fp = open_memstream(&buf, &len);
	stats_write_txt(s, d, fp);
	fclose(fp);
	CHECK(strstr(buf, "*** Internal analysis without disclosure "
	    "control ***") != NULL);
	CHECK(strstr(buf, "Mentors by gender") != NULL);
	CHECK(strstr(buf, "As of: 14 November 2023") != NULL);
	CHECK(strstr(buf, "\n.") == NULL);
	free(buf);
	stats_free(s);
	programme_free(pv[0]);
}

/*
 * Column heads of cohorts: the edition, else the title, the id only where
 * neither tells two cohorts apart, and "id (n)" when even ids repeat.
 */
static void
test_cohort_labels(void)
{
	struct programme *pv[4];
	struct stats *s;

	pv[0] = cohort_a();
	pv[1] = cohort_b();
	s = stats_compute(pv, 2);
	CHECK_STR(s->cohorts[0].label, "1. Durchgang 2018");
	CHECK_STR(s->cohorts[1].label, "2. Durchgang");
	CHECK_STR(s->cohorts[0].source, "programme.xml");
	stats_free(s);

	/* Same edition, other titles: the titles. */
	free(pv[1]->edition);
	pv[1]->edition = xstrdup("1. Durchgang 2018");
	free(pv[1]->title);
	pv[1]->title = xstrdup("Mentoring für Frauen");
	s = stats_compute(pv, 2);
	CHECK_STR(s->cohorts[0].label, "Interkulturelles Mentoring");
	CHECK_STR(s->cohorts[1].label, "Mentoring für Frauen");
	stats_free(s);

	/* No edition at all: the title. */
	free(pv[0]->edition);
	pv[0]->edition = NULL;
	s = stats_compute(pv, 1);
	CHECK_STR(s->cohorts[0].label, "Interkulturelles Mentoring");
	stats_free(s);

	/* Same title and edition: the ids, and the description names the
	 * id first; the same programme twice: "id (2)". */
	pv[2] = cohort_a();
	pv[3] = cohort_a();
	free(pv[3]->id);
	pv[3]->id = xstrdup("img-2018b");
	s = stats_compute(pv + 2, 2);
	CHECK_STR(s->cohorts[0].label, "img-2018");
	CHECK_STR(s->cohorts[1].label, "img-2018b");
	{
		char *d = stats_cohort_desc(LANG_DE, &s->cohorts[1], false);

		CHECK_STR(d, "img-2018b: Interkulturelles Mentoring, "
		    "1. Durchgang 2018");
		free(d);
	}
	stats_free(s);
	free(pv[3]->id);
	pv[3]->id = xstrdup("img-2018");
	s = stats_compute(pv + 2, 2);
	CHECK_STR(s->cohorts[0].label, "img-2018 (1)");
	CHECK_STR(s->cohorts[1].label, "img-2018 (2)");
	stats_free(s);
	for (int i = 0; i < 4; i++)
		programme_free(pv[i]);
}

/*
 * Cohorts in the order of their periods, whatever the order given: by
 * start, then end; equal periods keep the order given.
 */
static void
test_order(void)
{
	struct programme *pv[3] = { cohort_b(), cohort_a(), cohort_a() };
	struct stats *s;
	const struct stats_table *t;

	free(pv[2]->edition);
	pv[2]->edition = xstrdup("1. Durchgang 2018, zweite Gruppe");
	s = stats_compute(pv, 3);
	CHECK_STR(s->cohorts[0].label, "1. Durchgang 2018");
	CHECK_STR(s->cohorts[1].label, "1. Durchgang 2018, zweite Gruppe");
	CHECK_STR(s->cohorts[2].label, "2. Durchgang");
	/* The figures move with their cohort. */
	t = find(s, STATS_GENDER, ROLE_MENTEE);
	CHECK_INT(N(t, 0, 4, 0), 11);
	CHECK_INT(N(t, 2, 4, 0), 9);
	stats_free(s);
	/* The same in place (as the command sorts before its messages);
	 * the array given to stats_compute() stays as it was. */
	CHECK(pv[0]->start.y == 2020);
	stats_sort_cohorts(pv, 3);
	CHECK(pv[0]->start.y == 2018 && pv[2]->start.y == 2020);
	CHECK_STR(pv[1]->edition, "1. Durchgang 2018, zweite Gruppe");
	/* A later end after an equal start. */
	pv[0]->end.y = 2030;
	stats_sort_cohorts(pv, 3);
	CHECK(pv[1]->end.y == 2030);
	for (int i = 0; i < 3; i++)
		programme_free(pv[i]);
}

/*
 * "–" where a question was not asked or not answered, 0 where it was
 * answered by nobody with that answer: a cohort without a survey, one
 * whose answers leave out the career step, one without satisfaction.
 */
static void
test_eval_dash(void)
{
	struct programme *pv[2] = { cohort_a(), cohort_b() };
	struct stats *s;
	const struct stats_table *t;
	size_t r;

	s = stats_compute(pv, 2);
	t = find(s, STATS_EVALUATION, ROLE_MENTEE);
	/* B has no survey: only the number of answers, 0. */
	CHECK_INT(N(t, 1, STATS_EVAL_RESPONSES, 0), 0);
	CHECK(!(stats_cell(t, 1, STATS_EVAL_RESPONSES, 0)->flags &
	    STATS_CELL_NA));
	for (r = STATS_EVAL_SAT5; r < STATS_EVAL__MAX; r++)
		CHECK(stats_cell(t, 1, r, 0)->flags & STATS_CELL_NA);
	/* A's answers: a real 0 for satisfaction 2 and 1. */
	CHECK(!(stats_cell(t, 0, STATS_EVAL_SAT2, 0)->flags & STATS_CELL_NA));
	CHECK(!(stats_cell(t, 2, STATS_EVAL_CAREER, 0)->flags &
	    STATS_CELL_NA));
	CHECK_INT(t->dash, LABEL_STATS_FN_NO_ANSWERS);
	stats_free(s);

	/* B answers, but nobody the career step nor satisfaction. */
	response(pv[1], ROLE_MENTEE, 0, 7, -1);
	response(pv[1], ROLE_MENTEE, 0, 9, -1);
	s = stats_compute(pv, 2);
	t = find(s, STATS_EVALUATION, ROLE_MENTEE);
	CHECK_INT(N(t, 1, STATS_EVAL_RESPONSES, 0), 2);
	CHECK(stats_cell(t, 1, STATS_EVAL_CAREER, 0)->flags & STATS_CELL_NA);
	CHECK(stats_cell(t, 1, STATS_EVAL_SAT5, 0)->flags & STATS_CELL_NA);
	CHECK(stats_cell(t, 1, STATS_EVAL_SAT1, 0)->flags & STATS_CELL_NA);
	CHECK_INT(N(t, 1, STATS_EVAL_SAT_NONE, 0), 2);
	CHECK(!(stats_cell(t, 1, STATS_EVAL_SAT_NONE, 0)->flags &
	    STATS_CELL_NA));
	CHECK(stats_cell(t, 1, STATS_EVAL_MEETINGS, 0)->x == 8);
	/* All together: A's answers give the career step. */
	CHECK_INT(N(t, 2, STATS_EVAL_CAREER, 0), 3);
	stats_free(s);

	/* One answer "no": a career step 0, not "–". */
	response(pv[1], ROLE_MENTEE, 4, 9, 0);
	s = stats_compute(pv, 2);
	t = find(s, STATS_EVALUATION, ROLE_MENTEE);
	CHECK(!(stats_cell(t, 1, STATS_EVAL_CAREER, 0)->flags &
	    STATS_CELL_NA));
	CHECK_INT(N(t, 1, STATS_EVAL_CAREER, 0), 0);
	CHECK(!(stats_cell(t, 1, STATS_EVAL_SAT5, 0)->flags & STATS_CELL_NA));
	stats_free(s);
	programme_free(pv[0]);
	programme_free(pv[1]);
}

/* Every suppressed cell of every table of s stays hidden. */
static void
check_protected(const struct stats *s)
{
	for (size_t i = 0; i < s->ntables; i++) {
		const struct stats_table *u = &s->tables[i];

		for (size_t c = 0; c <= u->ncohorts; c++)
			for (size_t r = 0; r <= u->nrows; r++)
				for (size_t k = 0; k <= u->ncols; k++)
					if (SUP(u, c, r, k))
						CHECK(!stats_cell_recoverable(
						    u, c, r, k));
	}
}

/* The one-way table shows exactly the cross table's row totals. */
static void
check_margins(const struct stats_table *one, const struct stats_table *x)
{
	for (size_t c = 0; c <= x->ncohorts; c++)
		for (size_t r = 0; r <= x->nrows; r++) {
			CHECK_INT(N(one, c, r, 0), N(x, c, r, x->ncols));
			CHECK_INT(SUP(one, c, r, 0), SUP(x, c, r, x->ncols));
		}
}

/*
 * The one-way background table: the figure parliament asks for
 * ("how many mentees had a migration background?") is published where
 * the rule allows it, while the background × gender table hides only the
 * inner cells it must; a "not recorded" row of true zeros stays 0.
 */
static void
test_background_one(void)
{
	struct programme *p = programme_new(), *q;
	struct programme *pv[2];
	struct stats *s;
	const struct stats_table *one, *x;
	int o;

	/* 8 f + 2 m with, 4 f without a recorded background. */
	p->id = xstrdup("a");
	p->title = xstrdup("Mentoring");
	date_parse("2020-01-01", &p->start);
	date_parse("2020-12-31", &p->end);
	o = org(p, "o", "Amt");
	people(p, 8, ROLE_MENTEE, GENDER_F, o, "migration");
	people(p, 2, ROLE_MENTEE, GENDER_M, o, "migration");
	people(p, 4, ROLE_MENTEE, GENDER_F, o, NULL);
	people(p, 3, ROLE_MENTOR, GENDER_F, o, NULL);
	pv[0] = p;
	s = stats_compute(pv, 1);
	one = find(s, STATS_BACKGROUND_ONE, ROLE_MENTEE);
	x = find(s, STATS_BACKGROUND, ROLE_MENTEE);
	CHECK(one != NULL && x != NULL);
	CHECK(one + 1 == x);			/* printed before it */
	CHECK_INT(one->ncols, 1);
	CHECK_INT(one->cross, (int)(x - s->tables));
	CHECK(one->sensitive);
	CHECK_INT(N(one, 0, 0, 0), 10);
	CHECK_INT(N(one, 0, 1, 0), 4);
	CHECK_STR(one->rows[1], "nicht erfasst");
	CHECK_INT(stats_protect(s, 3), 0);
	/* Published: 10 with, 4 without; in the cross table the 2 men
	 * with a background and their partners are hidden, the row totals
	 * not. */
	CHECK(!SUP(one, 0, 0, 0));
	CHECK(!SUP(one, 0, 1, 0));
	CHECK(!SUP(x, 0, 0, 4));
	CHECK(!SUP(x, 0, 1, 4));
	CHECK(SUP(x, 0, 0, 1));
	CHECK(SUP(x, 0, 1, 1));		/* a 0, hidden as it must be */
	CHECK(SUP(x, 0, 0, 0));
	CHECK(SUP(x, 0, 1, 0));
	check_margins(one, x);
	check_protected(s);
	stats_free(s);

	/* Everyone's background recorded: the "not recorded" row is 0
	 * everywhere, published as 0, and so is the row of the others. */
	q = programme_new();
	q->id = xstrdup("b");
	q->title = xstrdup("Mentoring");
	date_parse("2021-01-01", &q->start);
	date_parse("2021-12-31", &q->end);
	o = org(q, "o", "Amt");
	people(q, 1, ROLE_MENTEE, GENDER_F, o, "migration");
	people(q, 2, ROLE_MENTEE, GENDER_M, o, "migration");
	people(q, 1, ROLE_MENTEE, GENDER_UNKNOWN, o, "migration");
	pv[0] = q;
	s = stats_compute(pv, 1);
	CHECK_INT(stats_protect(s, 3), 0);
	one = find(s, STATS_BACKGROUND_ONE, ROLE_MENTEE);
	x = find(s, STATS_BACKGROUND, ROLE_MENTEE);
	for (size_t k = 0; k <= x->ncols; k++) {
		CHECK(!SUP(x, 0, 1, k));
		CHECK_INT(N(x, 0, 1, k), 0);
	}
	CHECK(!SUP(one, 0, 0, 0));
	CHECK(!SUP(one, 0, 1, 0));
	check_margins(one, x);
	stats_free(s);

	/* Two cohorts: a small "not recorded" count hides its row's
	 * figures, in both tables alike, and nothing can be recovered. */
	pv[0] = cohort_a();
	pv[1] = cohort_b();
	s = stats_compute(pv, 2);
	CHECK_INT(stats_protect(s, 3), 0);
	one = find(s, STATS_BACKGROUND_ONE, ROLE_MENTEE);
	x = find(s, STATS_BACKGROUND, ROLE_MENTEE);
	CHECK(SUP(one, 0, 1, 0));		/* A: 1 not recorded */
	check_margins(one, x);
	check_protected(s);
	stats_free(s);
	programme_free(pv[0]);
	programme_free(pv[1]);
	programme_free(p);
	programme_free(q);
}

/*
 * The notes under a table explain the signs it shows: "–" in the table's
 * own sense, "." with the threshold, "0" where it stands beside one of
 * them; nothing for signs not shown.
 */
static void
test_notes(void)
{
	struct programme *pv[1] = { cohort_a() };
	struct stats *s = stats_compute(pv, 1);
	const struct stats_table *t = find(s, STATS_EVALUATION, ROLE_MENTEE);
	char *notes[STATS_NOTES_MAX];
	size_t n;

	s->min_cell = 3;
	n = stats_notes(s, t, STATS_SHOWS_ZERO, notes);
	CHECK_INT(n, 0);
	n = stats_notes(s, t, STATS_SHOWS_DASH | STATS_SHOWS_ZERO, notes);
	CHECK_INT(n, 2);
	CHECK_STR(notes[0], "– = nicht gefragt oder nicht beantwortet "
	    "(keine Antwort)");
	CHECK_STR(notes[1], "0 = kein Fall");
	free(notes[0]);
	free(notes[1]);
	t = find(s, STATS_BACKGROUND, ROLE_MENTEE);
	n = stats_notes(s, t, STATS_SHOWS_DOT | STATS_SHOWS_ZERO, notes);
	CHECK_INT(n, 3);
	CHECK_STR(notes[0], ". = gesperrt (weniger als 3 Fälle oder zum "
	    "Schutz einer gesperrten Zahl)");
	CHECK_STR(notes[1], "0 = kein Fall");
	CHECK_STR(notes[2], "Einschließlich ausgeschiedener Teilnehmender; "
	    "siehe Teilnahmestatus.");
	for (size_t i = 0; i < n; i++)
		free(notes[i]);
	/* The signs of cells. */
	{
		struct stats_cell c = { 0, 0, 0 };

		CHECK_INT(stats_shows(&c), STATS_SHOWS_ZERO);
		c.flags = STATS_CELL_NA;
		CHECK_INT(stats_shows(&c), STATS_SHOWS_DASH);
		c.flags = STATS_CELL_SECONDARY;
		CHECK_INT(stats_shows(&c), STATS_SHOWS_DOT);
		c.flags = STATS_CELL_REAL;
		CHECK_INT(stats_shows(&c), 0);
		c.flags = 0;
		c.n = 4;
		CHECK_INT(stats_shows(&c), 0);
	}
	stats_free(s);
	programme_free(pv[0]);
}

int
main(void)
{
	test_rectangle();
	test_single_row();
	test_zero_row();
	test_audit();
	test_attack();
	test_attack_cohorts();
	test_compute();
	test_writers();
	test_cohort_labels();
	test_order();
	test_eval_dash();
	test_background_one();
	test_notes();
	return harness_done("stats");
}
