/*
 * Unit tests for the document of statistics.pdf (src/stats/stats_doc.c,
 * stats_chart.c, stats_cols.c): the series of a chart stay apart in black
 * and white (no two share fill and hatching), the legend wraps within the
 * chart, column heads never need a word broken (keys where the full
 * heads do not fit), for 1, 2, 5 and 8 cohorts, measured in the fonts of
 * the built-in template; tests/cohorts.test.sh checks the PDF itself.
 */
#include <math.h>
#include <stdlib.h>

#include "harness.h"
#include "fixture.h"
#include "layout/doc.h"
#include "layout/render.h"
#include "layout/template.h"
#include "stats/stats.h"
#include "stats/stats_chart.h"
#include "stats/stats_cols.h"
#include "stats/stats_doc.h"
#include "util/resource.h"
#include "util/strbuf.h"

#define CHART_W	450	/* as in stats_chart.c */

/* The built-in template of statistics.pdf, whose fonts measure. */
static struct template *tpl;

/*
 * Cohort i (0-based) of a programme run every two years from 2007: its
 * edition names it; 10 + i mentees (a few men, one without background),
 * 8 mentors, a survey in every other cohort.
 */
static struct programme *
cohort(int i)
{
	struct programme *p = programme_new();
	char id[16];

	p->id = xasprintf("c%d", i + 1);
	p->title = xstrdup("Interkommunales Cross-Mentoring");
	p->edition = xasprintf("%d. Durchgang %d/%d", i + 1, 2007 + 2 * i,
	    2008 + 2 * i);
	p->file = xstrdup("programme.xml");
	p->start = (struct date){ 2007 + 2 * i, 3, 1 };
	p->end = (struct date){ 2008 + 2 * i, 5, 31 };
	p->orgs = xcalloc(1, sizeof(*p->orgs));
	p->orgs[0].id = xstrdup("o");
	p->orgs[0].name = xstrdup("Stadt Lindenau");
	p->norgs = 1;
	for (int k = 0; k < 18 + i; k++) {
		snprintf(id, sizeof(id), "p%d", k);
		fx_person(p, id, k < 10 + i ? ROLE_MENTEE : ROLE_MENTOR,
		    k % 5 == 0 ? GENDER_M : GENDER_F, NULL, NULL, "X", 0);
		if (k % 7 != 3)
			p->people[k].background = xstrdup("migration");
	}
	if (i % 2 == 0)
		for (int k = 0; k < 5; k++) {
			p->responses = xrealloc(p->responses,
			    (p->nresponses + 1) * sizeof(*p->responses));
			p->responses[p->nresponses++] = (struct response){
				.role = ROLE_MENTEE, .satisfaction = 3 + k % 3,
				.meetings = 8 + k, .career_step = k % 2,
			};
		}
	return p;
}

/* The statistics of n cohorts given last first, protected. */
static struct stats *
stats_of(int n, struct programme **pv)
{
	struct stats *s;

	for (int i = 0; i < n; i++)
		pv[i] = cohort(n - 1 - i);
	s = stats_compute(pv, (size_t)n);
	stats_protect(s, 3);
	return s;
}

static void
free_all(struct stats *s, struct programme **pv, int n)
{
	stats_free(s);
	for (int i = 0; i < n; i++)
		programme_free(pv[i]);
}

/*
 * The look of one bar as drawn from prims v[from..to): its fill ("none"
 * for white), its hatching lines by direction and grey, an outline.
 */
static char *
look(const struct doc_prim *v, size_t from, size_t to)
{
	bool dir[4][2] = { { false } };	/* - | / \ by ink black/white */
	struct strbuf sb = STRBUF_INIT;
	bool outline = false;
	double fill = -1;

	for (size_t i = from; i < to; i++) {
		const struct doc_prim *p = &v[i];

		if (p->kind == DOC_PRIM_RECT && p->width > 0)
			outline = true;
		else if (p->kind == DOC_PRIM_RECT)
			fill = p->grey;
		else if (p->kind == DOC_PRIM_LINE) {
			int d = fabs(p->h) < 1e-9 ? 0 : fabs(p->w) < 1e-9 ?
			    1 : p->w * p->h < 0 ? 2 : 3;

			dir[d][p->grey > 0.5] = true;
		}
	}
	if (fill < 0)
		sb_adds(&sb, "none");
	else
		sb_addf(&sb, "%.2f", fill);
	for (int d = 0; d < 4; d++)
		for (int g = 0; g < 2; g++)
			if (dir[d][g])
				sb_addf(&sb, " %c%s", "-|/\\"[d],
				    g ? "white" : "black");
	if (outline)
		sb_adds(&sb, " outline");
	return sb_take(&sb);
}

/* Series i drawn alone. */
static char *
series_look(size_t i)
{
	struct doc *d = doc_new("de");
	struct doc_block *b = doc_add(d->root, DOC_DRAWING, NULL, 0);
	char *r;

	stats_series_draw(b, i, 0, 0, 60, 7);
	r = look(b->prims, 0, b->nprims);
	doc_free(d);
	return r;
}

/* No two series styles share fill and hatching; each has a look. */
static void
test_series(void)
{
	char *v[STATS_SERIES_MAX];

	for (size_t i = 0; i < STATS_SERIES_MAX; i++) {
		v[i] = series_look(i);
		for (size_t j = 0; j < i; j++)
			if (strcmp(v[i], v[j]) == 0) {
				CHECK(strcmp(v[i], v[j]) != 0);
				fprintf(stderr, "series %zu and %zu: %s\n",
				    j, i, v[i]);
			}
	}
	/* Hatching stays inside its bar. */
	{
		struct doc *d = doc_new("de");
		struct doc_block *b = doc_add(d->root, DOC_DRAWING, NULL, 0);

		for (size_t i = 0; i < STATS_SERIES_MAX; i++)
			stats_series_draw(b, i, 10, 20, 33.3, 7);
		for (size_t i = 0; i < b->nprims; i++) {
			const struct doc_prim *p = &b->prims[i];

			CHECK(p->x >= 10 - 1e-6 && p->x + p->w <= 43.3 + 1e-6);
			CHECK(p->x + p->w >= 10 - 1e-6);
			CHECK(p->y >= 20 - 1e-6 && p->y <= 27 + 1e-6);
			CHECK(p->y + p->h >= 20 - 1e-6 &&
			    p->y + p->h <= 27 + 1e-6);
		}
		doc_free(d);
	}
	for (size_t i = 0; i < STATS_SERIES_MAX; i++)
		free(v[i]);
}

/* Depth-first: call f on every block of kind k under b. */
static void
walk(struct doc_block *b, enum doc_kind k,
    void (*f)(struct doc_block *, void *), void *arg)
{
	if (b->kind == k)
		f(b, arg);
	for (struct doc_block *c = b->first; c != NULL; c = c->next)
		walk(c, k, f, arg);
}

struct chart_check {
	const struct stats *s;
	int	charts;
};

/*
 * In a chart: the legend's samples (a bar look followed by its cohort's
 * label) differ pairwise, every bar looks like one of them, and no text
 * runs past the chart's right edge.
 */
static void
check_chart(struct doc_block *d, void *arg)
{
	struct chart_check *cc = arg;
	const struct stats *s = cc->s;
	char *legend[64];
	size_t nl = 0, i = 0, n = d->nprims;

	cc->charts++;
	while (i < n) {
		size_t from = i;
		const struct doc_prim *t;
		char *lk;

		while (i < n && d->prims[i].kind != DOC_PRIM_TEXT)
			i++;
		if (i == n)
			break;
		t = &d->prims[i++];
		CHECK(t->x + stats_text_width(tpl, t->text, strlen(t->text),
		    t->size, false) <= CHART_W + 0.01);
		if (i - 1 == from)
			continue;	/* a row label, a value without bar */
		lk = look(d->prims, from, i - 1);
		if (nl < s->ncohorts && nl < 64 &&
		    strcmp(t->text, s->cohorts[nl].label) == 0) {
			for (size_t j = 0; j < nl; j++)
				CHECK(strcmp(legend[j], lk) != 0);
			legend[nl++] = lk;
			continue;
		}
		if (s->ncohorts > 1) {
			bool known = false;

			for (size_t j = 0; j < nl; j++)
				known |= strcmp(legend[j], lk) == 0;
			CHECK(known);
		}
		free(lk);
	}
	CHECK_INT(nl, s->ncohorts > 1 ? s->ncohorts : 0);
	for (size_t j = 0; j < nl; j++)
		free(legend[j]);
}

struct head_check {
	const struct stats *s;
	bool	 keyed;		/* the heads are keys */
	int	 tables;
};

/*
 * In a table: every word of a head cell fits its column (less the
 * cells' padding), so that the layout never breaks one; the cohort
 * columns are headed by labels or by keys as expected.
 */
static void
check_heads(struct doc_block *t, void *arg)
{
	struct head_check *hc = arg;
	struct doc_block *row = t->first, *c;
	double total = 0, width = tpl->page_w - tpl->left - tpl->right;
	size_t k = 0;

	if (t->colw == NULL || row == NULL)
		return;
	hc->tables++;
	for (k = 0; k < t->ncols; k++)
		total += t->colw[k];
	CHECK(fabs(total - width) < 0.5);
	for (c = row->first, k = 0; c != NULL; c = c->next, k++) {
		struct doc_block *p = c->first;
		double colw = t->colw[k] * width / total - STATS_CELL_PAD;
		struct strbuf sb = STRBUF_INIT;

		for (size_t r = 0; p != NULL && r < p->nruns; r++) {
			const char *w = p->runs[r].text;

			if (p->runs[r].style & DOC_BREAK)
				sb_addc(&sb, '|');
			else
				sb_add(&sb, w, p->runs[r].len);
			while (w != NULL && *w != '\0') {
				size_t n = strcspn(w, " ");

				CHECK(stats_text_width(tpl, w, n,
				    p->size > 0 ? p->size : 10, true) <= colw);
				w += n;
				w += strspn(w, " ");
			}
		}
		/* A one-column table's heads: the cohorts, in order. */
		if (k > 0 && k <= hc->s->ncohorts && t->ncols ==
		    (hc->s->ncohorts > 1 ? hc->s->ncohorts + 2 : 2) &&
		    sb.len > 0 && strchr("12", sb_str(&sb)[0]) != NULL) {
			char *flat = xstrdup(sb_str(&sb));

			for (char *q = flat; *q != '\0'; q++)
				if (*q == '|')
					*q = ' ';
			if (!hc->keyed)
				CHECK_STR(flat, hc->s->cohorts[k - 1].label);
			else
				CHECK(strlen(flat) <= 7);
			free(flat);
		}
		sb_free(&sb);
	}
}

/*
 * 1, 2, 5 and 8 cohorts given last first: the document names them in the
 * order of their periods, heads fit (keys from 8 cohorts on, explained
 * before the tables), every chart's series differ.
 */
static void
test_cohorts(void)
{
	static const int ns[] = { 1, 2, 5, 8 };

	for (size_t j = 0; j < sizeof(ns) / sizeof(ns[0]); j++) {
		struct programme *pv[8];
		int n = ns[j];
		struct stats *s = stats_of(n, pv);
		struct doc *d = stats_doc(s, (struct date){ 2023, 11, 14 },
		    tpl);
		struct chart_check cc = { s, 0 };
		struct head_check hc = { s, n >= 8, 0 };
		struct doc_block *b;
		bool keyline = false;

		CHECK_STR(s->cohorts[0].label, "1. Durchgang 2007/2008");
		walk(d->root, DOC_DRAWING, check_chart, &cc);
		CHECK(cc.charts >= 2);
		walk(d->root, DOC_TABLE, check_heads, &hc);
		CHECK(hc.tables >= 10);
		/* Keys: the cohort list gives each, "2007/08: ...". */
		for (b = d->root->first; b != NULL; b = b->next)
			if (b->kind == DOC_PARA && b->nruns == 2 &&
			    strcmp(b->runs[0].text, "2007/08: ") == 0 &&
			    (b->runs[0].style & DOC_BOLD))
				keyline = true;
		CHECK(keyline == (n >= 8));
		doc_free(d);
		free_all(s, pv, n);
	}
}

/* Keys: years of the period, numbers where two cohorts share them. */
static void
test_keys(void)
{
	struct programme *pv[3] = { cohort(0), cohort(1), cohort(2) };
	struct stats *s;
	char **k;

	pv[2]->start = (struct date){ 2012, 1, 1 };
	pv[2]->end = (struct date){ 2012, 12, 31 };
	s = stats_compute(pv, 3);
	k = stats_cohort_keys(s);
	CHECK_STR(k[0], "2007/08");
	CHECK_STR(k[1], "2009/10");
	CHECK_STR(k[2], "2012");
	for (int i = 0; i < 3; i++)
		free(k[i]);
	free(k);
	stats_free(s);
	pv[1]->start = pv[0]->start;
	pv[1]->end = pv[0]->end;
	s = stats_compute(pv, 3);
	k = stats_cohort_keys(s);
	CHECK_STR(k[0], "D1");
	CHECK_STR(k[2], "D3");
	for (int i = 0; i < 3; i++)
		free(k[i]);
	free(k);
	stats_free(s);
	for (int i = 0; i < 3; i++)
		programme_free(pv[i]);
}

/* Head lines: broken at spaces only, each within the width. */
static void
test_head_lines(void)
{
	char *l[8];
	size_t n = stats_head_lines(NULL, "1. Durchgang 2007/2008", 10, 60,
	    l);

	CHECK_INT(n, 3);
	CHECK_STR(l[0], "1.");
	CHECK_STR(l[1], "Durchgang");
	CHECK_STR(l[2], "2007/2008");
	for (size_t i = 0; i < n; i++)
		free(l[i]);
	n = stats_head_lines(NULL, "1. Durchgang 2007/2008", 10, 200, l);
	CHECK_INT(n, 1);
	CHECK_STR(l[0], "1. Durchgang 2007/2008");
	free(l[0]);
	CHECK_INT(stats_head_lines(NULL, "", 10, 50, NULL), 0);
}

int
main(void)
{
	const struct resource *r = resource_get("templates/statistics.xml");

	tpl = r != NULL ? template_load(r->name, r->data, r->len) : NULL;
	CHECK(tpl != NULL);
	if (tpl == NULL)
		return harness_done("stats_doc");
	test_series();
	test_head_lines();
	test_keys();
	test_cohorts();
	template_free(tpl);
	layout_done();
	return harness_done("stats_doc");
}
