/*
 * The statistics computation: one cube (cohort × row × column, with totals)
 * per question, counted from the programmes. Disclosure control is a
 * separate pass (protect.c); the writers are stats_txt.c and stats_csv.c.
 */
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "stats/stats.h"
#include "util/xalloc.h"

/* Genders in print order, of rows and columns. */
static const enum gender gender_order[GENDER__MAX] = {
	GENDER_F, GENDER_M, GENDER_D, GENDER_UNKNOWN
};

/* The words of the outcome timings and the survey rows. */
static const enum label timing_words[STATS_TIMING__MAX] = {
	[STATS_DURING] = LABEL_STATS_DURING,
	[STATS_AFTER] = LABEL_STATS_AFTER,
	[STATS_UNDATED] = LABEL_STATS_UNDATED,
};

static const enum label eval_words[STATS_EVAL__MAX] = {
	[STATS_EVAL_RESPONSES] = LABEL_STATS_EVAL_RESPONSES,
	[STATS_EVAL_SAT5] = LABEL_STATS_EVAL_SAT5,
	[STATS_EVAL_SAT4] = LABEL_STATS_EVAL_SAT4,
	[STATS_EVAL_SAT3] = LABEL_STATS_EVAL_SAT3,
	[STATS_EVAL_SAT2] = LABEL_STATS_EVAL_SAT2,
	[STATS_EVAL_SAT1] = LABEL_STATS_EVAL_SAT1,
	[STATS_EVAL_SAT_NONE] = LABEL_STATS_EVAL_SAT_NONE,
	[STATS_EVAL_SAT_MEAN] = LABEL_STATS_EVAL_SAT_MEAN,
	[STATS_EVAL_MEETINGS] = LABEL_STATS_EVAL_MEETINGS,
	[STATS_EVAL_CAREER] = LABEL_STATS_EVAL_CAREER,
};

/* A list of distinct group labels (organisations, backgrounds). */
struct groups {
	char	**v;
	size_t	 n, cap;
};

struct stats_cell *
stats_cell(const struct stats_table *t, size_t c, size_t r, size_t k)
{
	return &t->cells[(c * (t->nrows + 1) + r) * (t->ncols + 1) + k];
}

bool
stats_row_absent(const struct stats_table *t, size_t c, size_t r)
{
	return r < t->nrows &&
	    (stats_cell(t, c, r, t->ncols)->flags & STATS_CELL_ABSENT) != 0;
}

/* A table with all counts 0 and the given dimensions. */
static struct stats_table *
table_init(struct stats_table *t, enum stats_measure m, int role,
    size_t ncohorts, size_t nrows, size_t ncols)
{
	memset(t, 0, sizeof(*t));
	t->measure = m;
	t->role = role;
	t->ncohorts = ncohorts;
	t->nrows = nrows;
	t->ncols = ncols;
	t->rows = xcalloc(nrows ? nrows : 1, sizeof(char *));
	t->cols = xcalloc(ncols ? ncols : 1, sizeof(char *));
	t->cells = xcalloc((ncohorts + 1) * (nrows + 1) * (ncols + 1),
	    sizeof(struct stats_cell));
	t->additive = true;
	t->cross = -1;
	t->row_total = true;
	t->col_total = ncols > 1;
	/* Tables of all admitted participants say that the withdrawn are
	 * in them (the report counts only those who stayed). */
	if (m == STATS_GENDER || m == STATS_ORG || m == STATS_ORG_GENDER ||
	    m == STATS_BACKGROUND_ONE || m == STATS_BACKGROUND)
		t->note_all = LABEL_STATS_FN_ALL;
	return t;
}

struct stats_table *
stats_table_new(size_t ncohorts, size_t nrows, size_t ncols)
{
	struct stats_table *t = xmalloc(sizeof(*t));
	size_t i;

	table_init(t, STATS_GENDER, -1, ncohorts, nrows, ncols);
	for (i = 0; i < nrows; i++)
		t->rows[i] = xasprintf("r%zu", i + 1);
	for (i = 0; i < ncols; i++)
		t->cols[i] = xasprintf("c%zu", i + 1);
	return t;
}

static void
table_clear(struct stats_table *t)
{
	size_t i;

	for (i = 0; i < t->nrows; i++)
		free(t->rows[i]);
	for (i = 0; i < t->ncols; i++)
		free(t->cols[i]);
	free(t->rows);
	free(t->cols);
	free(t->cells);
}

void
stats_table_free(struct stats_table *t)
{
	if (t == NULL)
		return;
	table_clear(t);
	free(t);
}

/*
 * Count one case in cell (c, r, k) and in every total it belongs to: the
 * row and column totals of cohort c and of all cohorts.
 */
static void
table_add(struct stats_table *t, size_t c, size_t r, size_t k)
{
	size_t cs[2] = { c, t->ncohorts };
	size_t rs[2] = { r, t->nrows };
	size_t ks[2] = { k, t->ncols };

	for (int a = 0; a < 2; a++)
		for (int b = 0; b < 2; b++)
			for (int d = 0; d < 2; d++)
				stats_cell(t, cs[a], rs[b], ks[d])->n++;
}

/* The index of label s in g, adding it when new. */
static size_t
groups_index(struct groups *g, const char *s)
{
	for (size_t i = 0; i < g->n; i++)
		if (strcmp(g->v[i], s) == 0)
			return i;
	g->v = xgrow(g->v, &g->cap, g->n + 1, sizeof(char *));
	g->v[g->n] = xstrdup(s);
	return g->n++;
}

static void
groups_free(struct groups *g)
{
	for (size_t i = 0; i < g->n; i++)
		free(g->v[i]);
	free(g->v);
}

/* The name an organisation is grouped by across cohorts (ids are per file). */
static const char *
org_label(const struct org *o)
{
	if (o->name != NULL && o->name[0] != '\0')
		return o->name;
	if (o->short_name != NULL && o->short_name[0] != '\0')
		return o->short_name;
	return o->id;
}

/* The gender column of a person (in print order). */
static size_t
gender_col(enum gender g)
{
	for (size_t i = 0; i < GENDER__MAX; i++)
		if (gender_order[i] == g)
			return i;
	return GENDER__MAX - 1;
}

static struct stats_table *
stats_push(struct stats *s)
{
	s->tables = xrealloc(s->tables, (s->ntables + 1) * sizeof(*s->tables));
	return &s->tables[s->ntables++];
}

static void
gender_cols(struct stats_table *t, enum lang l)
{
	for (size_t i = 0; i < GENDER__MAX; i++)
		t->cols[i] = xstrdup(label_gender(l, gender_order[i],
		    LABEL_FORM_STATS));
}

/* Participants of role r by gender, one row per gender. */
static void
add_gender(struct stats *s, struct programme *const *pv, enum role r)
{
	struct stats_table *t = stats_push(s);
	size_t c, i;

	table_init(t, STATS_GENDER, r, s->ncohorts, GENDER__MAX, 1);
	for (i = 0; i < GENDER__MAX; i++)
		t->rows[i] = xstrdup(label_gender(s->lang, gender_order[i],
		    LABEL_FORM_STATS));
	for (c = 0; c < s->ncohorts; c++)
		for (i = 0; i < pv[c]->npeople; i++)
			if (pv[c]->people[i].role == r)
				table_add(t, c, gender_col(
				    pv[c]->people[i].gender), 0);
}

/* Participants of role r by status. */
static void
add_status(struct stats *s, struct programme *const *pv, enum role r)
{
	static const enum status order[STATUS__MAX] = {
		STATUS_COMPLETED, STATUS_ACTIVE, STATUS_WITHDRAWN
	};
	struct stats_table *t = stats_push(s);
	size_t c, i, j;

	table_init(t, STATS_STATUS, r, s->ncohorts, STATUS__MAX, 1);
	for (i = 0; i < STATUS__MAX; i++)
		t->rows[i] = xstrdup(label_status(s->lang, order[i]));
	for (c = 0; c < s->ncohorts; c++)
		for (i = 0; i < pv[c]->npeople; i++) {
			const struct person *q = &pv[c]->people[i];

			if (q->role != r)
				continue;
			for (j = 0; j < STATUS__MAX; j++)
				if (order[j] == q->status)
					table_add(t, c, j, 0);
		}
}

/*
 * Participants of role r by organisation (grouped by name across cohorts)
 * and, when cross is set, by organisation × gender, a protected table.
 */
static void
add_org(struct stats *s, struct programme *const *pv, enum role r,
    const struct groups *orgs, bool no_org, bool cross)
{
	struct stats_table *t = stats_push(s);
	size_t c, i, nrows = orgs->n + no_org;

	table_init(t, cross ? STATS_ORG_GENDER : STATS_ORG, r, s->ncohorts,
	    nrows, cross ? GENDER__MAX : 1);
	for (i = 0; i < orgs->n; i++)
		t->rows[i] = xstrdup(orgs->v[i]);
	if (no_org)
		t->rows[orgs->n] = xstrdup(label_get(s->lang,
		    LABEL_STATS_NO_ORG));
	if (cross) {
		gender_cols(t, s->lang);
		t->sensitive = true;
	}
	for (c = 0; c < s->ncohorts; c++)
		for (i = 0; i < pv[c]->npeople; i++) {
			const struct person *q = &pv[c]->people[i];
			size_t row = orgs->n;

			if (q->role != r)
				continue;
			if (q->org >= 0) {
				const char *name = org_label(
				    &pv[c]->orgs[q->org]);

				for (row = 0; row < orgs->n; row++)
					if (strcmp(orgs->v[row], name) == 0)
						break;
			}
			table_add(t, c, row, cross ? gender_col(q->gender) : 0);
		}
	/*
	 * An organisation that a cohort does not have (nor, for the row of
	 * people without one, anyone without one) is a structural 0 there:
	 * known to all, so published, and printed as absent. The sum of all
	 * cohorts has every row.
	 */
	t->dash = LABEL_STATS_FN_ABSENT;
	for (c = 0; c < s->ncohorts; c++)
		for (i = 0; i < nrows; i++) {
			bool has = false;
			size_t j;

			if (i < orgs->n) {
				for (j = 0; j < pv[c]->norgs && !has; j++)
					has = strcmp(org_label(&pv[c]->orgs[j]),
					    orgs->v[i]) == 0;
			} else
				for (j = 0; j < pv[c]->npeople && !has; j++)
					has = pv[c]->people[j].org < 0;
			if (has)
				continue;
			for (size_t k = 0; k <= t->ncols; k++)
				stats_cell(t, c, i, k)->flags |=
				    STATS_CELL_ABSENT | STATS_CELL_PUBLIC;
		}
	/* Totals by role × gender and by organisation are published. */
	for (c = 0; c <= s->ncohorts; c++)
		for (i = 0; i <= nrows; i++)
			for (size_t k = 0; k <= t->ncols; k++)
				if (i == nrows || k == t->ncols)
					stats_cell(t, c, i, k)->flags |=
					    STATS_CELL_PUBLIC;
}

/* The row label of a background token. */
static const char *
background_label(enum lang l, const char *token)
{
	if (strcmp(token, "migration") == 0)
		return label_get(l, LABEL_STATS_MIGRATION);
	return token;
}

/*
 * Participants of role r by background, as a table of one column (cross
 * false) or by background × gender; both protected. The one-way table
 * answers what parliaments ask ("how many had a migration
 * background?") and is the row totals of the cross table, which
 * stats_protect() keeps consistent with it.
 */
static void
add_background(struct stats *s, struct programme *const *pv, enum role r,
    const struct groups *bg, bool cross)
{
	struct stats_table *t = stats_push(s);
	size_t c, i, nrows = bg->n + 1;

	table_init(t, cross ? STATS_BACKGROUND : STATS_BACKGROUND_ONE, r,
	    s->ncohorts, nrows, cross ? GENDER__MAX : 1);
	for (i = 0; i < bg->n; i++)
		t->rows[i] = xstrdup(background_label(s->lang, bg->v[i]));
	t->rows[bg->n] = xstrdup(label_get(s->lang, LABEL_STATS_NOT_RECORDED));
	if (cross)
		gender_cols(t, s->lang);
	else
		t->cross = (int)s->ntables;	/* the table pushed next */
	t->sensitive = true;
	for (c = 0; c < s->ncohorts; c++)
		for (i = 0; i < pv[c]->npeople; i++) {
			const struct person *q = &pv[c]->people[i];
			size_t row = bg->n;

			if (q->role != r)
				continue;
			if (q->background != NULL)
				for (row = 0; row < bg->n; row++)
					if (strcmp(bg->v[row],
					    q->background) == 0)
						break;
			table_add(t, c, row, cross ? gender_col(q->gender) : 0);
		}
	/* Totals by role × gender are published; by background they are not. */
	for (c = 0; c <= s->ncohorts; c++)
		for (size_t k = 0; k <= t->ncols; k++)
			stats_cell(t, c, nrows, k)->flags |= STATS_CELL_PUBLIC;
}

/*
 * Tandems per cohort: one row for the fixed tandems (inline or
 * tandems.xml) and, when a cohort has none fixed and the matching formed
 * them (TANDEMS_MATCHED), a second row for those proposals, kept apart so
 * that no proposal passes for an agreed tandem. A cohort without a figure
 * of a row shows "–"; a row's total adds up the cohorts that have one.
 */
static void
add_tandems(struct stats *s, struct programme *const *pv)
{
	struct stats_table *t = stats_push(s);
	size_t c, r, nrows = 1;
	bool have[2] = { false, false };

	for (c = 0; c < s->ncohorts; c++)
		if (pv[c]->tandem_source == TANDEMS_MATCHED)
			nrows = 2;
	table_init(t, STATS_TANDEMS, -1, s->ncohorts, nrows, 1);
	t->rows[0] = xstrdup(label_get(s->lang, LABEL_STATS_TANDEMS_ROW));
	if (nrows == 2)
		t->rows[1] = xstrdup(label_get(s->lang,
		    LABEL_STATS_TANDEMS_MATCHED));
	t->row_total = false;
	t->additive = false;
	t->dash = nrows == 2 ? LABEL_STATS_FN_MATCHED : LABEL_STATS_FN_NO_TANDEMS;
	for (c = 0; c < s->ncohorts; c++) {
		enum tandem_source src = pv[c]->tandem_source;

		for (r = 0; r < nrows; r++) {
			struct stats_cell *e = stats_cell(t, c, r, 0);
			bool mine = r == 0 ? (src == TANDEMS_INLINE ||
			    src == TANDEMS_FILE) : src == TANDEMS_MATCHED;

			if (!mine) {
				e->flags |= STATS_CELL_NA;
				continue;
			}
			e->n = (long)pv[c]->ntandems;
			stats_cell(t, s->ncohorts, r, 0)->n += e->n;
			have[r] = true;
		}
	}
	for (r = 0; r < nrows; r++)
		if (!have[r])
			stats_cell(t, s->ncohorts, r, 0)->flags |=
			    STATS_CELL_NA;
}

/*
 * Mentees with an outcome, per kind and timing: each person counts once
 * per row however many outcomes of that kind and timing they have.
 */
static void
add_outcomes(struct stats *s, struct programme *const *pv)
{
	struct stats_table *t = stats_push(s);
	size_t ntiming = STATS_TIMING__MAX - 1, nrows, c, i, j, row;
	bool undated = false;
	unsigned char *seen;

	for (c = 0; c < s->ncohorts; c++)
		for (i = 0; i < pv[c]->noutcomes; i++)
			if (pv[c]->outcomes[i].date.y == 0 &&
			    pv[c]->outcomes[i].person >= 0 &&
			    pv[c]->people[pv[c]->outcomes[i].person].role ==
			    ROLE_MENTEE)
				undated = true;
	if (undated)
		ntiming++;
	nrows = OUTCOME__MAX * ntiming + 1;
	table_init(t, STATS_OUTCOMES, -1, s->ncohorts, nrows, 1);
	t->row_total = false;
	t->additive = false;
	t->footnote = LABEL_STATS_FN_OUTCOMES;
	for (i = 0; i < OUTCOME__MAX; i++)
		for (j = 0; j < ntiming; j++)
			t->rows[i * ntiming + j] = xasprintf("%s, %s",
			    label_outcome_kind(s->lang, (enum outcome_kind)i,
			    LABEL_FORM_STATS),
			    label_get(s->lang, timing_words[j]));
	t->rows[nrows - 1] = xstrdup(label_get(s->lang,
	    LABEL_STATS_OUTCOME_ANY));

	for (c = 0; c < s->ncohorts; c++) {
		const struct programme *p = pv[c];

		/* seen[person * nrows + row]: already counted there. */
		seen = xcalloc(p->npeople ? p->npeople * nrows : 1, 1);
		for (i = 0; i < p->noutcomes; i++) {
			const struct outcome *o = &p->outcomes[i];
			enum stats_timing tm;
			size_t rr[2];

			if (o->person < 0 || p->people[o->person].role !=
			    ROLE_MENTEE)
				continue;
			if (o->date.y == 0)
				tm = STATS_UNDATED;
			else if (date_cmp(o->date, p->end) <= 0)
				tm = STATS_DURING;
			else
				tm = STATS_AFTER;
			rr[0] = (size_t)o->kind * ntiming + (size_t)tm;
			rr[1] = nrows - 1;
			for (j = 0; j < 2; j++) {
				row = rr[j];
				if (seen[(size_t)o->person * nrows + row])
					continue;
				seen[(size_t)o->person * nrows + row] = 1;
				stats_cell(t, c, row, 0)->n++;
				stats_cell(t, s->ncohorts, row, 0)->n++;
			}
		}
		free(seen);
	}
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* The median of v[0..n) (sorts v); n > 0. */
static double
median(int *v, size_t n)
{
	qsort(v, n, sizeof(int), cmp_int);
	if (n % 2)
		return v[n / 2];
	return (v[n / 2 - 1] + v[n / 2]) / 2.0;
}

/*
 * Fill evaluation cells of cohort c from the responses of role r in
 * programmes pv[from..to). A question nobody answered (or, without any
 * response, nobody was asked) has no figure ("–"), not a count of 0:
 * the satisfaction rows when no response gives a satisfaction, the
 * career-step row when none answers that question.
 */
static void
eval_fill(struct stats_table *t, size_t c, struct programme *const *pv,
    size_t from, size_t to, enum role r)
{
	long sat_sum = 0, sat_n = 0, career_n = 0;
	int *meet = NULL;
	size_t nmeet = 0, cap = 0, i, p;
	struct stats_cell *e;

	for (p = from; p < to; p++)
		for (i = 0; i < pv[p]->nresponses; i++) {
			const struct response *a = &pv[p]->responses[i];

			if (a->role != r)
				continue;
			stats_cell(t, c, STATS_EVAL_RESPONSES, 0)->n++;
			if (a->satisfaction >= 1 && a->satisfaction <= 5) {
				stats_cell(t, c, STATS_EVAL_SAT5 + 5 -
				    (size_t)a->satisfaction, 0)->n++;
				sat_sum += a->satisfaction;
				sat_n++;
			} else
				stats_cell(t, c, STATS_EVAL_SAT_NONE, 0)->n++;
			if (a->meetings >= 0) {
				meet = xgrow(meet, &cap, nmeet + 1,
				    sizeof(int));
				meet[nmeet++] = a->meetings;
			}
			if (a->career_step >= 0)
				career_n++;
			if (a->career_step == 1 &&
			    t->nrows > STATS_EVAL_CAREER)
				stats_cell(t, c, STATS_EVAL_CAREER, 0)->n++;
		}
	if (sat_n == 0)
		for (i = STATS_EVAL_SAT5; i <= STATS_EVAL_SAT1; i++)
			stats_cell(t, c, i, 0)->flags |= STATS_CELL_NA;
	if (stats_cell(t, c, STATS_EVAL_RESPONSES, 0)->n == 0)
		stats_cell(t, c, STATS_EVAL_SAT_NONE, 0)->flags |=
		    STATS_CELL_NA;
	if (career_n == 0 && t->nrows > STATS_EVAL_CAREER)
		stats_cell(t, c, STATS_EVAL_CAREER, 0)->flags |= STATS_CELL_NA;
	e = stats_cell(t, c, STATS_EVAL_SAT_MEAN, 0);
	e->flags |= STATS_CELL_REAL;
	if (sat_n > 0)
		e->x = (double)sat_sum / (double)sat_n;
	else
		e->flags |= STATS_CELL_NA;
	e = stats_cell(t, c, STATS_EVAL_MEETINGS, 0);
	e->flags |= STATS_CELL_REAL;
	if (nmeet > 0)
		e->x = median(meet, nmeet);
	else
		e->flags |= STATS_CELL_NA;
	free(meet);
}

/*
 * Survey answers of role r; the total pools all cohorts' answers. The
 * career-step row (the last) is for mentees; mentors get it only where
 * one of their answers has career-step at all (they are not asked).
 */
static void
add_evaluation(struct stats *s, struct programme *const *pv, enum role r)
{
	struct stats_table *t = stats_push(s);
	size_t c, i, nrows = STATS_EVAL__MAX;
	bool career = r == ROLE_MENTEE;

	for (c = 0; c < s->ncohorts && !career; c++)
		for (i = 0; i < pv[c]->nresponses; i++)
			if (pv[c]->responses[i].role == r &&
			    pv[c]->responses[i].career_step >= 0)
				career = true;
	if (!career)
		nrows = STATS_EVAL_CAREER;
	table_init(t, STATS_EVALUATION, r, s->ncohorts, nrows, 1);
	t->row_total = false;
	t->additive = false;
	t->dash = LABEL_STATS_FN_NO_ANSWERS;
	for (i = 0; i < nrows; i++)
		t->rows[i] = xstrdup(label_get(s->lang, eval_words[i]));
	for (c = 0; c < s->ncohorts; c++)
		eval_fill(t, c, pv, c, c + 1, r);
	eval_fill(t, s->ncohorts, pv, 0, s->ncohorts, r);
}

/* The last component of a path: the file name without its folders. */
static const char *
file_name(const char *path)
{
	const char *slash;

	if (path == NULL)
		return "";
	slash = strrchr(path, '/');
	return slash != NULL && slash[1] != '\0' ? slash + 1 : path;
}

/* Field f (0 edition, 1 title, 2 id) of programme p, or NULL. */
static const char *
cohort_field(const struct programme *p, int f)
{
	const char *v = f == 0 ? p->edition : f == 1 ? p->title : p->id;

	return v != NULL && *v != '\0' ? v : NULL;
}

/*
 * The column head of cohort c of pv[0..n): a human label where the data
 * has one, the edition ("2. Durchgang 2020"), else the title, and the
 * programme id only when neither tells the cohorts apart. A candidate is
 * taken only when no other cohort has the same value in that field and no
 * earlier cohort has it as its label; the last resort is "id (c+1)".
 * Returns a new string; h[0..c) hold the labels chosen so far.
 */
static char *
cohort_label(struct programme *const *pv, size_t n, size_t c,
    const struct stats_cohort *h)
{
	const char *v;
	size_t i;

	for (int f = 0; f < 3; f++) {
		bool clash = false;

		if ((v = cohort_field(pv[c], f)) == NULL)
			continue;
		for (i = 0; i < n && !clash; i++) {
			const char *w = cohort_field(pv[i], f);

			clash = i != c && w != NULL && strcmp(v, w) == 0;
		}
		for (i = 0; i < c && !clash; i++)
			clash = strcmp(v, h[i].label) == 0;
		if (!clash)
			return xstrdup(v);
	}
	return xasprintf("%s (%zu)", pv[c]->id ? pv[c]->id : "?", c + 1);
}

/* Does cohort a come before cohort b (periods; a without one last)? */
static bool
period_before(const struct programme *a, const struct programme *b)
{
	int d;

	if (a->start.y == 0 || b->start.y == 0)
		return a->start.y != 0 && b->start.y == 0;
	if ((d = date_cmp(a->start, b->start)) != 0)
		return d < 0;
	return b->end.y != 0 && (a->end.y == 0 ? false :
	    date_cmp(a->end, b->end) < 0);
}

void
stats_sort_cohorts(struct programme **pv, size_t n)
{
	/* Insertion sort: stable, and n is the number of cohorts. */
	for (size_t i = 1; i < n; i++)
		for (size_t j = i; j > 0 && period_before(pv[j], pv[j - 1]);
		    j--) {
			struct programme *x = pv[j];

			pv[j] = pv[j - 1];
			pv[j - 1] = x;
		}
}

struct stats *
stats_compute(struct programme *const *given, size_t n)
{
	struct stats *s = xcalloc(1, sizeof(*s));
	struct groups orgs = { NULL, 0, 0 }, bg = { NULL, 0, 0 };
	bool no_org = false, any_org = false, bg_role[ROLE__MAX] = { 0 };
	struct programme **pv = xmalloc(n * sizeof(*pv));
	size_t c, i;
	int r;

	memcpy(pv, given, n * sizeof(*pv));
	stats_sort_cohorts(pv, n);
	s->lang = given[0]->lang;
	s->wording = given[0]->wording;
	s->ncohorts = n;
	s->cohorts = xcalloc(n, sizeof(*s->cohorts));
	for (c = 0; c < n; c++) {
		const struct programme *p = pv[c];
		struct stats_cohort *h = &s->cohorts[c];

		h->title = xstrdup(p->title ? p->title : "");
		h->edition = p->edition ? xstrdup(p->edition) : NULL;
		h->source = xstrdup(file_name(p->file));
		h->start = p->start;
		h->end = p->end;
		for (i = 0; i < p->norgs; i++) {
			groups_index(&orgs, org_label(&p->orgs[i]));
			any_org = true;
		}
		for (i = 0; i < p->npeople; i++) {
			if (p->people[i].org < 0)
				no_org = true;
			if (p->people[i].background != NULL) {
				groups_index(&bg, p->people[i].background);
				bg_role[p->people[i].role] = true;
			}
		}
	}

	for (c = 0; c < n; c++)
		s->cohorts[c].label = cohort_label(pv, n, c, s->cohorts);
	for (r = 0; r < ROLE__MAX; r++)
		add_gender(s, pv, (enum role)r);
	for (r = 0; r < ROLE__MAX; r++)
		add_status(s, pv, (enum role)r);
	if (any_org) {
		for (r = 0; r < ROLE__MAX; r++)
			add_org(s, pv, (enum role)r, &orgs, no_org, false);
		for (r = 0; r < ROLE__MAX; r++)
			add_org(s, pv, (enum role)r, &orgs, no_org, true);
	}
	/* By background only where recorded for the role: alone, then by
	 * gender. */
	for (r = 0; r < ROLE__MAX; r++)
		if (bg_role[r]) {
			add_background(s, pv, (enum role)r, &bg, false);
			add_background(s, pv, (enum role)r, &bg, true);
		}
	add_tandems(s, pv);
	add_outcomes(s, pv);
	for (r = 0; r < ROLE__MAX; r++)
		add_evaluation(s, pv, (enum role)r);
	groups_free(&orgs);
	groups_free(&bg);
	free(pv);
	return s;
}

void
stats_free(struct stats *s)
{
	size_t i;

	if (s == NULL)
		return;
	for (i = 0; i < s->ncohorts; i++) {
		free(s->cohorts[i].label);
		free(s->cohorts[i].title);
		free(s->cohorts[i].edition);
		free(s->cohorts[i].source);
	}
	free(s->cohorts);
	for (i = 0; i < s->ntables; i++)
		table_clear(&s->tables[i]);
	free(s->tables);
	free(s);
}
