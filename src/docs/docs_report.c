/*
 * The evaluation report (report.pdf): report.md with its figures filled
 * in, and the computed tables and bar charts where the text places them
 * ({{report.*}}; those it does not place follow the text). Charts are
 * vector drawings in grey levels with outlined bars and value labels, so
 * they read in black-and-white print. The participation table follows
 * the statistics' disclosure rule (small organisation × gender counts
 * shown as ".").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/figures.h"
#include "compose/labels.h"
#include "compose/placeholder.h"
#include "compose/wording.h"
#include "docs/docs.h"
#include "stats/stats.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define MAX_SERIES	4

/* Fill levels of the series: dark, light, middle, white. */
static const double series_grey[MAX_SERIES] = { 0.25, 0.72, 0.5, 1.0 };

struct chart {
	const char	*title;
	size_t		 ncat;
	const char	**cats;			/* category labels */
	size_t		 nseries;
	const char	*series[MAX_SERIES];	/* legend labels */
	const double	*v[MAX_SERIES];	/* [ncat] values each */
	const char	*unit;		/* y axis label or NULL */
};

/* Width of a string at size in the template's body font. */
static double
text_w(const struct docs_env *env, const char *s, double size)
{
	if (env->t == NULL)
		return (double)strlen(s) * size * 0.5;
	return layout_text_width(template_font(env->t, DOC_FONT_BODY, 0), s,
	    strlen(s)) * size / 1000;
}

static void
prim_label(struct doc_block *b, double x, double y, double size,
    const char *text)
{
	struct doc_prim *pr = doc_add_prim(b, DOC_PRIM_TEXT, x, y, 0, 0);

	pr->size = size;
	pr->text = xstrdup(text);
}

/*
 * The alternative text of a chart for tagged PDF: a sentence with what it
 * shows, e.g. "Teilnahme: Mentees – Frauen: 10, Männer: 4; Mentorinnen –
 * Frauen: 8, Männer: 6." (caller frees).
 */
static char *
chart_alt(const struct chart *c)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, c->title != NULL ? c->title : "");
	if (c->unit != NULL) {
		sb_adds(&sb, " (");
		sb_adds(&sb, c->unit);
		sb_addc(&sb, ')');
	}
	sb_addc(&sb, ':');
	for (size_t s = 0; s < c->nseries; s++) {
		sb_adds(&sb, s > 0 ? "; " : " ");
		if (c->nseries > 1 && c->series[s] != NULL) {
			sb_adds(&sb, c->series[s]);
			sb_adds(&sb, " \xe2\x80\x93 ");
		}
		for (size_t k = 0; k < c->ncat; k++)
			sb_addf(&sb, "%s%s: %g", k > 0 ? ", " : "", c->cats[k],
			    c->v[s][k]);
	}
	sb_addc(&sb, '.');
	return sb_take(&sb);
}

/*
 * A grouped vertical bar chart as one drawing, on the page of its
 * heading and introduction. after_table: it follows a table, and may
 * begin the next page when keeping it there would leave more than half
 * of a page empty (text, table and chart moved on together).
 */
static void
bar_chart(struct doc_block *parent, const struct docs_env *env,
    const struct chart *c, bool after_table)
{
	const struct template *t = env->t;
	double width = t ? t->page_w - t->left - t->right : 425;
	double top = 34, plot_h = 130, left = 34, bottom = 34;
	double plot_w = width - left - 8, max = 0, step, gw, bw;
	struct doc_block *keep = doc_add(parent, DOC_KEEP, NULL, 0);
	struct doc_block *b;
	struct doc_prim *pr;
	char num[32];
	double lx;

	keep->keep_prev = true;
	keep->loose_prev = after_table;
	for (size_t s = 0; s < c->nseries; s++)
		for (size_t k = 0; k < c->ncat; k++)
			if (c->v[s][k] > max)
				max = c->v[s][k];
	/* A round axis maximum with 2..5 gridlines. */
	step = max <= 5 ? 1 : max <= 10 ? 2 : max <= 25 ? 5 : max <= 50 ?
	    10 : max <= 100 ? 20 : max <= 250 ? 50 : max <= 500 ? 100 : 500;
	while (max / step > 6)
		step *= 2;
	max = step * (double)((long)(max / step) + 1);
	if (max < step)
		max = step;
	b = doc_add(keep, DOC_DRAWING, NULL, 0);
	b->alt = chart_alt(c);		/* a Figure with this text */
	b->width = width;
	b->height = top + plot_h + bottom;
	prim_label(b, 0, 12, 10, c->title);
	/* Legend at the top right. */
	lx = width;
	for (size_t s = c->nseries; s-- > 0;) {
		double w = text_w(env, c->series[s], 8.5);

		lx -= w;
		prim_label(b, lx, 26, 8.5, c->series[s]);
		lx -= 13;
		pr = doc_add_prim(b, DOC_PRIM_RECT, lx, 18, 9, 9);
		pr->grey = series_grey[s];
		pr = doc_add_prim(b, DOC_PRIM_RECT, lx, 18, 9, 9);
		pr->width = 0.6;
		pr->grey = 0;
		lx -= 12;
	}
	/* Grid lines and axis numbers. */
	for (double g = 0; g <= max + 1e-9; g += step) {
		double y = top + plot_h - plot_h * g / max;

		pr = doc_add_prim(b, DOC_PRIM_LINE, left, y, plot_w, 0);
		pr->width = g == 0 ? 0.8 : 0.3;
		pr->grey = g == 0 ? 0 : 0.7;
		snprintf(num, sizeof(num), "%ld", (long)g);
		prim_label(b, left - 5 - text_w(env, num, 8), y + 3, 8, num);
	}
	if (c->unit != NULL)
		prim_label(b, 0, top - 6, 8, c->unit);
	gw = plot_w / (double)(c->ncat ? c->ncat : 1);
	bw = (gw * 0.7) / (double)(c->nseries ? c->nseries : 1);
	if (bw > 34)
		bw = 34;
	for (size_t k = 0; k < c->ncat; k++) {
		double gx = left + gw * (double)k, used = bw *
		    (double)c->nseries, x0 = gx + (gw - used) / 2;
		double lw = text_w(env, c->cats[k], 8.5);

		for (size_t s = 0; s < c->nseries; s++) {
			double v = c->v[s][k], h = plot_h * v / max;
			double x = x0 + bw * (double)s, y = top + plot_h - h;

			if (h > 0) {
				pr = doc_add_prim(b, DOC_PRIM_RECT, x, y, bw,
				    h);
				pr->grey = series_grey[s];
				pr = doc_add_prim(b, DOC_PRIM_RECT, x, y, bw,
				    h);
				pr->width = 0.6;
				pr->grey = 0;
			}
			snprintf(num, sizeof(num), "%ld", (long)(v + 0.5));
			prim_label(b, x + (bw - text_w(env, num, 7.5)) / 2,
			    y - 3, 7.5, num);
		}
		prim_label(b, gx + (gw - lw) / 2, top + plot_h + 13, 8.5,
		    c->cats[k]);
	}
}

/* Add one person to a cell of a one-cohort table and its totals. */
static void
cell_add(struct stats_table *t, size_t r, size_t k)
{
	size_t cs[2] = { 0, t->ncohorts }, rs[2] = { r, t->nrows };
	size_t ks[2] = { k, t->ncols };

	for (int a = 0; a < 2; a++)
		for (int b = 0; b < 2; b++)
			for (int d = 0; d < 2; d++)
				stats_cell(t, cs[a], rs[b], ks[d])->n++;
}

/*
 * A bar chart of mentees and mentors (one series per role): title,
 * ncat categories, values v[role][category], y axis label unit.
 */
static void
role_chart(struct doc_block *parent, const struct docs_env *env,
    const char *title, const char **cats, size_t ncat,
    const double *mentees, const double *mentors, const char *unit,
    bool after_table)
{
	const struct programme *p = env->p;
	struct chart c;

	memset(&c, 0, sizeof(c));
	c.title = title;
	c.ncat = ncat;
	c.cats = cats;
	c.nseries = 2;
	c.series[0] = docs_cap(wording_roles(p->lang, p->wording, ROLE_MENTEE));
	c.series[1] = docs_cap(wording_roles(p->lang, p->wording, ROLE_MENTOR));
	c.v[0] = mentees;
	c.v[1] = mentors;
	c.unit = unit;
	bar_chart(parent, env, &c, after_table);
}

/*
 * Role × gender × organisation of the people taking part (not
 * withdrawn). What is empty by construction is left out: a gender
 * nobody has (column and bars), an organisation without anybody of the
 * role, a role without anybody, and the organisation rows when everybody
 * is in the same one (they would repeat the role rows). The statistics' disclosure rule applies
 * to the organisation × gender cells, role totals and role × gender
 * totals always published; not in an internal programme, whose handbook
 * names every participant with organisation and role anyway (tandem(1),
 * STATISTICS).
 */
static void
participation(struct doc_block *parent, const struct docs_env *env)
{
	static const enum gender gorder[GENDER__MAX] = { GENDER_F, GENDER_M,
	    GENDER_D, GENDER_UNKNOWN };
	const struct programme *p = env->p;
	bool suppressed = false, protect = p->kind != KIND_INTERNAL;
	size_t nrows = p->norgs + 1, ncols = 0, nroles = 0, norgrows = 0;
	size_t *role_org;		/* [role * nrows + org] */
	int colof[GENDER__MAX];
	enum gender cols[GENDER__MAX];
	double w[GENDER__MAX + 2];
	struct doc_block *keep, *t, *r;
	char num[32];
	double vals[ROLE__MAX][GENDER__MAX];
	const char *cats[GENDER__MAX];
	struct chart c;

	/* The genders somebody has, in the order women, men, divers, not
	 * stated. */
	for (int k = 0; k < GENDER__MAX; k++) {
		colof[gorder[k]] = -1;
		if (programme_count(p, ROLE_MENTEE, gorder[k], false) +
		    programme_count(p, ROLE_MENTOR, gorder[k], false) == 0)
			continue;
		colof[gorder[k]] = (int)ncols;
		cols[ncols++] = gorder[k];
	}
	role_org = xcalloc(ROLE__MAX * nrows, sizeof(*role_org));
	for (size_t i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		if (q->status == STATUS_WITHDRAWN ||
		    (unsigned)q->role >= ROLE__MAX)
			continue;
		role_org[q->role * nrows + (q->org >= 0 ? (size_t)q->org :
		    p->norgs)]++;
	}
	for (int role = 0; role < ROLE__MAX; role++)
		nroles += programme_count(p, (enum role)role, GENDER__MAX,
		    false) > 0;
	/* Everybody in one organisation (or none): its rows would repeat
	 * the role rows. */
	for (size_t rr = 0; rr < nrows; rr++)
		norgrows += role_org[rr] + role_org[nrows + rr] > 0;
	if (ncols == 0 || nroles == 0) {
		free(role_org);
		return;		/* nobody takes part: the text says so */
	}
	/* Table and note on one page, with the text before; the chart
	 * with them unless that leaves a page half empty. */
	keep = doc_add(parent, DOC_KEEP, NULL, 0);
	keep->keep_prev = true;
	w[0] = 4.4;
	for (size_t k = 0; k <= ncols; k++)
		w[k + 1] = 1.4;
	t = docs_table(keep, w, ncols + 2, 1);
	r = docs_row(t);
	docs_cell(r, label_get(p->lang, norgrows > 1 ? LABEL_ORG : LABEL_ROLE),
	    DOC_BOLD, 9);
	for (size_t k = 0; k < ncols; k++)
		docs_cell(r, label_gender(p->lang, cols[k], LABEL_FORM_DOCS),
		    DOC_BOLD, 9);
	docs_cell(r, label_get(p->lang, LABEL_TOTAL), DOC_BOLD, 9);
	for (int role = 0; role < ROLE__MAX; role++) {
		struct stats_table *tb;

		if (programme_count(p, (enum role)role, GENDER__MAX, false) == 0)
			continue;
		tb = stats_table_new(1, nrows, ncols);
		tb->sensitive = protect;
		for (size_t i = 0; i < p->npeople; i++) {
			const struct person *q = &p->people[i];

			if ((int)q->role != role ||
			    q->status == STATUS_WITHDRAWN ||
			    (unsigned)q->gender >= GENDER__MAX ||
			    colof[q->gender] < 0)
				continue;
			cell_add(tb, q->org >= 0 ? (size_t)q->org : p->norgs,
			    (size_t)colof[q->gender]);
		}
		for (size_t c0 = 0; c0 <= 1; c0++)
			for (size_t i = 0; i <= tb->nrows; i++)
				for (size_t k = 0; k <= tb->ncols; k++)
					if (i == tb->nrows || k == tb->ncols)
						stats_cell(tb, c0, i, k)->
						    flags |= STATS_CELL_PUBLIC;
		if (protect)
			stats_protect_table(tb, STATS_MIN_CELL_DEFAULT);
		r = docs_row(t);
		docs_cell(r, docs_cap(wording_roles(p->lang, p->wording, role)),
		    DOC_BOLD, 9);
		for (size_t k = 0; k <= ncols; k++) {
			snprintf(num, sizeof(num), "%ld", stats_cell(tb, 0,
			    tb->nrows, k)->n);
			docs_cell(r, num, DOC_BOLD, 9);
		}
		for (size_t rr = 0; rr < nrows; rr++) {
			if (role_org[(size_t)role * nrows + rr] == 0 ||
			    norgrows < 2)
				continue;	/* nobody of the role there */
			r = docs_row(t);
			docs_set_lang(docs_cell(r, rr < p->norgs ?
			    compose_org(p, (int)rr) : DOCS_LANG(p,
			    "ohne Organisation", "No organisation"), 0, 9),
			    rr < p->norgs ? docs_data_lang(p) : NULL);
			for (size_t k = 0; k <= ncols; k++) {
				struct stats_cell *cl = stats_cell(tb, 0, rr,
				    k);

				if (cl->flags & STATS_CELL_SUPPRESSED) {
					suppressed = true;
					docs_cell(r, ".", 0, 9);
				} else {
					snprintf(num, sizeof(num), "%ld",
					    cl->n);
					docs_cell(r, num, 0, 9);
				}
			}
		}
		stats_table_free(tb);
	}
	free(role_org);
	if (suppressed)
		docs_para(keep, DOCS_LANG(p, ". = weniger als drei Fälle "
		    "oder zum Schutz solcher Fälle nicht ausgewiesen.",
		    ". = fewer than three cases, or withheld to protect such "
		    "cases."), DOC_ALIGN_LEFT, 8.5, DOC_ITALIC);

	/* The chart: people taking part by role and gender (figures that
	 * are always published), a group of bars per gender somebody has. */
	memset(&c, 0, sizeof(c));
	c.title = DOCS_LANG(p, "Teilnehmende nach Rolle und Geschlecht",
	    "Participants by role and gender");
	for (size_t k = 0; k < ncols; k++) {
		cats[c.ncat] = label_gender(p->lang, cols[k], LABEL_FORM_DOCS);
		for (int role = 0; role < ROLE__MAX; role++)
			vals[role][c.ncat] = (double)programme_count(p,
			    (enum role)role, cols[k], false);
		c.ncat++;
	}
	role_chart(parent, env, c.title, cats, c.ncat, vals[0], vals[1],
	    DOCS_LANG(p, "Personen", "People"), true);
}

/*
 * A block without data says so in one sentence, but only where its
 * section has said nothing yet: the default texts already say "Eine
 * Abschlussbefragung liegt nicht vor.", and two such sentences in a row
 * read as a mistake. A block the text did not place (appended after the
 * last section) says nothing when it has nothing to show.
 */
static void
no_data(struct doc_block *parent, const struct programme *p,
    const char *de, const char *en)
{
	if (parent->last != NULL && parent->last->kind != DOC_HEADING)
		return;
	docs_para(parent, DOCS_LANG(p, de, en), DOC_ALIGN_LEFT, 0,
	    DOC_ITALIC);
}

/* The sentence of a chart of survey answers nobody gave. */
static void
no_answers(struct doc_block *parent, const struct programme *p)
{
	no_data(parent, p, "Dazu liegen keine Angaben aus der Befragung vor.",
	    "The survey has no answers to this.");
}

static void
satisfaction(struct doc_block *parent, const struct docs_env *env,
    const struct figures *f)
{
	const struct programme *p = env->p;
	static const char *const cats[5] = { "1", "2", "3", "4", "5" };
	double v[ROLE__MAX][5];
	size_t any = 0;

	for (int r = 0; r < ROLE__MAX; r++)
		for (int k = 0; k < 5; k++) {
			v[r][k] = (double)f->satisfaction[r][k + 1];
			any += f->satisfaction[r][k + 1];
		}
	if (any == 0) {
		no_answers(parent, p);
		return;
	}
	role_chart(parent, env, DOCS_LANG(p, "Zufriedenheit (1 = gar nicht, "
	    "5 = sehr zufrieden)", "Satisfaction (1 = not at all, 5 = very "
	    "satisfied)"), (const char **)cats, 5, v[0], v[1],
	    DOCS_LANG(p, "Antworten", "Answers"), false);
}

static void
meetings(struct doc_block *parent, const struct docs_env *env,
    const struct figures *f)
{
	const struct programme *p = env->p;
	const char *cats[FIG_MEETING_BANDS];
	double v[ROLE__MAX][FIG_MEETING_BANDS];
	size_t any = 0, n = FIG_MEETING_BANDS;

	/* The "not answered" band only when somebody did not answer. */
	if (f->meetings[0][n - 1] + f->meetings[1][n - 1] == 0)
		n--;
	for (size_t k = 0; k < n; k++) {
		cats[k] = figures_meeting_label(p->lang, (int)k);
		for (int r = 0; r < ROLE__MAX; r++) {
			v[r][k] = (double)f->meetings[r][k];
			if (k + 1 < FIG_MEETING_BANDS)
				any += f->meetings[r][k];
		}
	}
	if (any == 0) {
		no_answers(parent, p);
		return;
	}
	role_chart(parent, env, DOCS_LANG(p, "Zahl der Tandemtreffen",
	    "Tandem meetings held"), cats, n, v[0], v[1], DOCS_LANG(p,
	    "Antworten", "Answers"), false);
}

/*
 * Career moves by kind, during the period and after its end: a kind
 * nobody reached is left out, and so is the column "after the end" while
 * nothing is known after it (a report written at the end of the
 * programme), with the total that would repeat the only column.
 */
static void
outcomes(struct doc_block *parent, const struct docs_env *env,
    const struct figures *f)
{
	const struct programme *p = env->p;
	static const double w3[] = { 4, 2, 2, 1.6 }, w1[] = { 4, 2 };
	const char *cats[OUTCOME__MAX];
	double v[2][OUTCOME__MAX];
	struct doc_block *keep, *t, *r;
	struct chart c;
	char num[32];
	size_t any = 0, sum[3] = { 0, 0, 0 }, nkinds = 0;
	bool after = false;

	for (int k = 0; k < OUTCOME__MAX; k++) {
		any += f->outcomes[k][0] + f->outcomes[k][1] +
		    f->outcomes[k][2];
		after |= f->outcomes[k][1] > 0;
	}
	if (any == 0) {
		no_data(parent, p, "Es sind keine beruflichen Veränderungen "
		    "erfasst.", "No career moves are recorded.");
		return;
	}
	/* The table on the page of the text before; the chart with them
	 * unless that leaves a page half empty. */
	keep = doc_add(parent, DOC_KEEP, NULL, 0);
	keep->keep_prev = true;
	t = docs_table(keep, after ? w3 : w1, after ? 4 : 2, 1);
	r = docs_row(t);
	docs_cell(r, label_get(p->lang, LABEL_OUTCOMES), DOC_BOLD, 9);
	docs_cell(r, DOCS_LANG(p, "während der Laufzeit", "During the "
	    "period"), DOC_BOLD, 9);
	if (after) {
		docs_cell(r, DOCS_LANG(p, "nach dem Ende", "After the end"),
		    DOC_BOLD, 9);
		docs_cell(r, label_get(p->lang, LABEL_TOTAL), DOC_BOLD, 9);
	}
	for (int k = 0; k < OUTCOME__MAX; k++) {
		/* Before the start counts as during: the programme had
		 * begun its selection. */
		size_t in = f->outcomes[k][0] + f->outcomes[k][2];
		size_t aft = f->outcomes[k][1];

		sum[0] += in;
		sum[1] += aft;
		if (in + aft == 0)
			continue;	/* a kind nobody reached */
		r = docs_row(t);
		docs_cell(r, label_outcome_kind(p->lang, k, LABEL_FORM_DOCS), 0,
		    9);
		snprintf(num, sizeof(num), "%zu", in);
		docs_cell(r, num, 0, 9);
		if (after) {
			snprintf(num, sizeof(num), "%zu", aft);
			docs_cell(r, num, 0, 9);
			snprintf(num, sizeof(num), "%zu", in + aft);
			docs_cell(r, num, DOC_BOLD, 9);
		}
		cats[nkinds] = label_outcome_kind(p->lang, k, LABEL_FORM_DOCS);
		v[0][nkinds] = (double)in;
		v[1][nkinds] = (double)aft;
		nkinds++;
	}
	sum[2] = sum[0] + sum[1];
	r = docs_row(t);
	docs_cell(r, label_get(p->lang, LABEL_TOTAL), DOC_BOLD, 9);
	for (int i = 0; i < (after ? 3 : 1); i++) {
		snprintf(num, sizeof(num), "%zu", sum[i]);
		docs_cell(r, num, DOC_BOLD, 9);
	}
	memset(&c, 0, sizeof(c));
	c.title = DOCS_LANG(p, "Berufliche Veränderungen der Teilnehmenden",
	    "Career moves of participants");
	c.ncat = nkinds;
	c.cats = cats;
	c.nseries = after ? 2 : 1;
	c.series[0] = DOCS_LANG(p, "während der Laufzeit", "During");
	c.series[1] = DOCS_LANG(p, "nach dem Ende", "After the end");
	c.v[0] = v[0];
	c.v[1] = v[1];
	c.unit = DOCS_LANG(p, "Anzahl", "Number");
	bar_chart(parent, env, &c, true);
}

static void
report_block(struct doc_block *parent, const struct docs_env *env,
    const struct compose_ctx *ctx, int which, int n)
{
	struct figures f;

	(void)ctx;
	(void)n;
	figures_compute(&f, env->p);
	switch (which) {
	case PH_REPORT_PARTICIPATION:
		participation(parent, env);
		break;
	case PH_REPORT_SATISFACTION:
		satisfaction(parent, env, &f);
		break;
	case PH_REPORT_MEETINGS:
		meetings(parent, env, &f);
		break;
	case PH_REPORT_OUTCOMES:
		outcomes(parent, env, &f);
		break;
	default:
		break;
	}
	if (env->placed != NULL)
		*env->placed |= 1u << which;
	figures_free(&f);
}

struct doc *
docs_report_compose(const struct docs_env *env)
{
	const struct programme *p = env->p;
	struct compose_ctx ctx;
	struct docs_env local;
	struct doc *d;
	char *file, *text;
	size_t len;
	unsigned placed = 0;

	if ((text = docs_text_read(p, "report.md", &file, &len)) == NULL)
		return NULL;
	d = docs_doc_new(p, label_get(p->lang, LABEL_REPORT));
	doc_set_str(&d->programme, p->title);	/* running head */
	compose_ctx_init(&ctx, p, COMPOSE_REPORT);
	/* The same environment, counting the blocks the text places. */
	local = *env;
	local.placed = &placed;
	local.block = report_block;
	if (docs_markdown(d, d->root, &local, &ctx, file, text, len) != 0) {
		doc_free(d);
		d = NULL;
	} else {
		/* What the text did not place follows it, in order. */
		for (int k = PH_REPORT_PARTICIPATION; k < PH_BLOCK__MAX; k++)
			if (!(placed & (1u << k)))
				report_block(d->root, &local, NULL, k, 0);
		/* The first heading is the document's title. */
		for (struct doc_block *b = d->root->first; b; b = b->next)
			if (b->kind == DOC_HEADING) {
				char *s = doc_plain_text(b);

				free(d->title);
				d->title = s;
				break;
			}
	}
	free(text);
	free(file);
	return d;
}

int
docs_build_report(const struct programme *p, const struct tandems_result *tr,
    const struct docs_out *o)
{
	struct docs_env env;

	(void)tr;
	if (p->npeople == 0) {
		diag_warn(p->file, 0, "report: no participants; skipped");
		return 0;
	}
	memset(&env, 0, sizeof(env));
	env.p = p;
	return docs_build_one(o, &env, "report", docs_report_compose,
	    label_get(p->lang, LABEL_REPORT), true);
}
