/*
 * The bridge between the programme model and the matching core (see
 * tandems.h): people in id order become the library's mentees and mentors,
 * its result becomes programme->tandems and the explanations of
 * tandems_result.
 */
#include <stdlib.h>
#include <string.h>

#include "tandems/tandems.h"
#include "util/bigmem.h"
#include "util/diag.h"
#include "util/escape.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

const char *const tandems_why_text[TANDEMS_WHY__MAX] = {
	"no admissible mentor",
	"every admissible mentor is needed for other tandems",
	"not in any of the fixed tandems",
};

/* The library's view of a programme, with the index maps both ways. */
struct bridge {
	struct match_input	 in;
	struct match_person	*mentees, *mentors;
	int			*ment_e, *ment_r;	/* position -> person */
	int			*pos;			/* person -> position */
	struct match_pair	*pins, *forbids;
	const struct programme	*p;
};

static const struct programme *sort_p;

static int
cmp_id(const void *a, const void *b)
{
	return strcmp(sort_p->people[*(const int *)a].id,
	    sort_p->people[*(const int *)b].id);
}

static enum match_gender
gender_of(enum gender g)
{
	switch (g) {
	case GENDER_F:
		return MATCH_GENDER_F;
	case GENDER_M:
		return MATCH_GENDER_M;
	case GENDER_D:
		return MATCH_GENDER_D;
	default:
		return MATCH_GENDER_UNKNOWN;
	}
}

/*
 * Build the matching input from p: mentees and mentors each in id order
 * (so the library's tie-break by position is a tie-break by id), pins and
 * forbidden pairs by position.
 */
static void
bridge_init(struct bridge *b, const struct programme *p)
{
	size_t	 ne = 0, nr = 0;

	memset(b, 0, sizeof(*b));
	b->p = p;
	b->ment_e = xcalloc(p->npeople + 1, sizeof(int));
	b->ment_r = xcalloc(p->npeople + 1, sizeof(int));
	b->pos = xcalloc(p->npeople + 1, sizeof(int));
	for (size_t k = 0; k < p->npeople; k++) {
		if (p->people[k].role == ROLE_MENTEE)
			b->ment_e[ne++] = (int)k;
		else
			b->ment_r[nr++] = (int)k;
	}
	sort_p = p;
	qsort(b->ment_e, ne, sizeof(int), cmp_id);
	qsort(b->ment_r, nr, sizeof(int), cmp_id);
	b->mentees = xcalloc(ne + 1, sizeof(*b->mentees));
	b->mentors = xcalloc(nr + 1, sizeof(*b->mentors));
	for (size_t s = 0; s < 2; s++) {
		size_t	 n = s ? nr : ne;
		int	*map = s ? b->ment_r : b->ment_e;
		struct match_person *v = s ? b->mentors : b->mentees;

		for (size_t i = 0; i < n; i++) {
			const struct person *q = &p->people[map[i]];

			b->pos[map[i]] = (int)i;
			v[i].id = q->id;
			v[i].withdrawn = q->status == STATUS_WITHDRAWN;
			v[i].org = q->org;
			v[i].level = q->level;
			v[i].capacity = q->capacity;
			v[i].gender = gender_of(q->gender);
			v[i].field = q->field;
			v[i].topics = q->topics;
			v[i].ntopics = q->ntopics;
			v[i].wish_gender = gender_of(q->wish_gender);
			v[i].background = q->background;
			v[i].wish_background = q->wish_background;
			v[i].languages = (const char *const *)q->languages;
			v[i].nlanguages = q->nlanguages;
		}
	}
	match_defaults(&b->in);
	b->in.mentees = b->mentees;
	b->in.nmentees = ne;
	b->in.mentors = b->mentors;
	b->in.nmentors = nr;
	b->in.weights.w[MATCH_PART_TOPICS] = p->weights.topics;
	b->in.weights.w[MATCH_PART_WISH_GENDER] = p->weights.wish_gender;
	b->in.weights.w[MATCH_PART_FIELD] = p->weights.field;
	b->in.weights.w[MATCH_PART_LEVEL_GAP] = p->weights.level_gap;
	b->in.weights.w[MATCH_PART_BACKGROUND] = p->weights.background;
	b->in.weights.w[MATCH_PART_LANGUAGE] = p->weights.language;
	b->in.rules.different_org = p->rules.different_org;
	b->in.rules.min_level_gap = p->rules.min_level_gap;
	b->in.rules.ideal_level_gap = p->rules.ideal_level_gap;
	b->in.rules.same_field = p->rules.same_field;
	b->in.pairs_alloc = bigmem_alloc;
	b->in.pairs_free = bigmem_free;
	b->in.rules.spread = p->rules.spread;
	b->pins = xcalloc(p->npins + 1, sizeof(*b->pins));
	b->forbids = xcalloc(p->nforbids + 1, sizeof(*b->forbids));
	for (size_t k = 0; k < p->npins; k++)
		b->pins[k] = (struct match_pair){
		    (size_t)b->pos[p->pins[k].mentee],
		    (size_t)b->pos[p->pins[k].mentor] };
	for (size_t k = 0; k < p->nforbids; k++)
		b->forbids[k] = (struct match_pair){
		    (size_t)b->pos[p->forbids[k].mentee],
		    (size_t)b->pos[p->forbids[k].mentor] };
	b->in.pins = b->pins;
	b->in.npins = p->npins;
	b->in.forbids = b->forbids;
	b->in.nforbids = p->nforbids;
}

static void
bridge_free(struct bridge *b)
{
	free(b->mentees);
	free(b->mentors);
	free(b->ment_e);
	free(b->ment_r);
	free(b->pos);
	free(b->pins);
	free(b->forbids);
}

/* The topics mentee and mentor share, in the mentee's order. */
static void
shared_topics(const struct programme *p, struct tandems_pair *tp)
{
	const struct person *e = &p->people[tp->mentee];
	const struct person *r = &p->people[tp->mentor];

	tp->shared = xcalloc(e->ntopics + 1, sizeof(int));
	for (size_t i = 0; i < e->ntopics; i++)
		for (size_t j = 0; j < r->ntopics; j++)
			if (e->topics[i] == r->topics[j]) {
				tp->shared[tp->nshared++] = e->topics[i];
				break;
			}
}

static void
set_score(struct tandems_pair *tp, const struct match_score *sc)
{
	tp->score = sc->score;
	tp->applies = sc->applies;
	memcpy(tp->part, sc->part, sizeof(tp->part));
}

/* Explain an unmatched mentee (position e): each mentor and its rule. */
static void
explain_unmatched(const struct bridge *b, size_t e, struct tandems_unmatched *u)
{
	const struct programme *p = b->p;

	u->mentee = b->ment_e[e];
	u->nadmissible = 0;
	for (size_t j = 0; j < b->in.nmentors; j++)
		if (match_rule_of(&b->in, e, j) == MATCH_RULE_NONE)
			u->nadmissible++;
	if (u->why != TANDEMS_NO_ADMISSIBLE)
		return;
	u->excluded = xcalloc(b->in.nmentors + 1, sizeof(int));
	u->rule = xcalloc(b->in.nmentors + 1, sizeof(enum rule));
	for (size_t j = 0; j < b->in.nmentors; j++) {
		u->excluded[u->nexcluded] = b->ment_r[j];
		u->rule[u->nexcluded++] = rules_check(p, u->mentee,
		    b->ment_r[j]);
	}
}

/* Match p on the fly (no fixed tandems). */
/* The line in programme.xml a matching diagnostic is about: the pin, the
 * people (too many, a value out of range), else <matching>. */
static long
diag_line(const struct programme *p, const struct match_diag *d, bool pin)
{
	if (pin && d->item < p->npins)
		return p->pins[d->item].line;
	if (d->error == MATCH_ERR_TOO_BIG || d->error == MATCH_ERR_VALUE)
		return p->people_line;
	return p->matching_line > 0 ? p->matching_line : p->line;
}

/*
 * More admissible pairs than the core takes (MATCH_MAX_PAIRS): say so at
 * <people>, with how far each hard rule not yet in force would shrink the
 * problem (estimated on a sample of the mentees).
 */
static void
too_many_pairs(struct bridge *b, const struct programme *p, const char *msg)
{
	struct match_input in = b->in;
	struct strbuf sb = STRBUF_INIT;
	size_t	 stride = 1, n, cells = in.nmentees * in.nmentors;
	bool	 fields = false, orgs = false, levels = false;

	if (cells > 20000000)
		stride = cells / 20000000 + 1;
	for (size_t i = 0; i < in.nmentees; i++) {
		fields = fields || in.mentees[i].field != NULL;
		orgs = orgs || in.mentees[i].org >= 0;
		levels = levels || in.mentees[i].level > 0;
	}
	sb_addf(&sb, "matching: %s (tandem-programme(5), Limits)", msg);
	if (!in.rules.same_field && fields) {
		in.rules.same_field = 1;
		n = match_count_pairs(&in, stride);
		in.rules.same_field = 0;
		sb_addf(&sb, "; <rules same-field=\"true\"/> would leave "
		    "about %zu", n);
	}
	if (!in.rules.different_org && orgs) {
		in.rules.different_org = 1;
		n = match_count_pairs(&in, stride);
		in.rules.different_org = 0;
		sb_addf(&sb, "; <rules different-org=\"true\"/> would leave "
		    "about %zu", n);
	}
	if (levels && in.rules.min_level_gap < 20) {
		in.rules.min_level_gap++;
		n = match_count_pairs(&in, stride);
		sb_addf(&sb, "; <rules min-level-gap=\"%d\"/> would leave "
		    "about %zu", in.rules.min_level_gap, n);
		in.rules.min_level_gap--;
	}
	sb_addf(&sb, "; or match the programme in parts (fewer people each)");
	diag(DIAG_ERROR, p->file, p->people_line, 0, "%s", sb_str(&sb));
	sb_free(&sb);
}

static int
form_matched(struct bridge *b, struct programme *p, struct tandems_result *tr)
{
	struct match_result *res;
	char	 msg[256];

	if (match_solve(&b->in, &res) != 0) {
		for (size_t k = 0; k < res->ndiags; k++) {
			const struct match_diag *d = &res->diags[k];
			bool	 pin = d->error == MATCH_ERR_PIN_RULE ||
			    d->error == MATCH_ERR_PIN_TWICE ||
			    d->error == MATCH_ERR_PIN_CAPACITY;

			match_diag_text(&b->in, d, msg, sizeof(msg));
			if (d->error == MATCH_ERR_TOO_MANY_PAIRS) {
				too_many_pairs(b, p, msg);
				continue;
			}
			if (d->error == MATCH_ERR_NOMEM) {
				diag(DIAG_INTERNAL, NULL, 0, 0, "matching: %s",
				    msg);
				match_result_free(res);
				return -1;
			}
			/* A pin's problem is about its mentee. */
			diag_subject(d->error == MATCH_ERR_INTERNAL ?
			    DIAG_INTERNAL : DIAG_ERROR, p->file,
			    diag_line(p, d, pin), 0, pin && d->item < p->npins ?
			    DIAG_SUBJ_PERSON : DIAG_SUBJ_NONE, pin &&
			    d->item < p->npins ? p->people[p->pins[d->item].
			    mentee].id : NULL, "%s", msg);
		}
		match_result_free(res);
		return -1;
	}
	p->tandems = xcalloc(res->ntandems + 1, sizeof(*p->tandems));
	tr->pairs = xcalloc(res->ntandems + 1, sizeof(*tr->pairs));
	for (size_t k = 0; k < res->ntandems; k++) {
		const struct match_tandem *t = &res->tandems[k];
		struct tandems_pair *tp = &tr->pairs[k];

		tp->mentee = b->ment_e[t->mentee];
		tp->mentor = b->ment_r[t->mentor];
		tp->pinned = t->pinned;
		tp->broken = RULE_OK;
		set_score(tp, &t->score);
		for (int a = 0; a < 2; a++) {
			tp->alt[a].mentor = t->alt[a].mentor < 0 ? -1 :
			    b->ment_r[t->alt[a].mentor];
			tp->alt[a].score = t->alt[a].score;
			tp->alt[a].full = t->alt[a].full;
		}
		shared_topics(p, tp);
		p->tandems[k] = (struct pair){ tp->mentee, tp->mentor, NULL,
		    tp->score, 0, NULL };
	}
	p->ntandems = tr->npairs = res->ntandems;
	p->tandem_source = TANDEMS_MATCHED;
	tr->total_score = res->total_score;
	tr->unmatched = xcalloc(res->nunmatched + 1, sizeof(*tr->unmatched));
	for (size_t k = 0; k < res->nunmatched; k++) {
		struct tandems_unmatched *u = &tr->unmatched[k];

		u->why = res->unmatched[k].why == MATCH_WHY_NO_ADMISSIBLE ?
		    TANDEMS_NO_ADMISSIBLE : TANDEMS_NEEDED_ELSEWHERE;
		explain_unmatched(b, res->unmatched[k].mentee, u);
	}
	tr->nunmatched = res->nunmatched;
	tr->idle = xcalloc(res->nidle + 1, sizeof(*tr->idle));
	for (size_t k = 0; k < res->nidle; k++)
		tr->idle[k] = (struct tandems_idle){
		    b->ment_r[res->idle[k].mentor], res->idle[k].why,
		    res->idle[k].nadmissible };
	tr->nidle = res->nidle;
	match_result_free(res);
	return 0;
}

/* Score and explain fixed tandems (from programme.xml or tandems.xml). */
static void
form_fixed(struct bridge *b, struct programme *p, struct tandems_result *tr)
{
	size_t	*load = xcalloc(p->npeople + 1, sizeof(*load));
	bool	*paired = xcalloc(p->npeople + 1, sizeof(*paired));

	for (size_t k = 0; k < p->ntandems; k++) {
		load[p->tandems[k].mentor]++;
		paired[p->tandems[k].mentee] = true;
	}
	tr->pairs = xcalloc(p->ntandems + 1, sizeof(*tr->pairs));
	for (size_t k = 0; k < p->ntandems; k++) {
		struct pair *t = &p->tandems[k];
		struct tandems_pair *tp = &tr->pairs[k];
		size_t	 e = (size_t)b->pos[t->mentee];
		struct match_score sc;

		tp->mentee = t->mentee;
		tp->mentor = t->mentor;
		tp->broken = rules_check(p, t->mentee, t->mentor);
		for (size_t q = 0; q < p->npins; q++)
			if (p->pins[q].mentee == t->mentee &&
			    p->pins[q].mentor == t->mentor)
				tp->pinned = true;
		match_score_of(&b->in, e, (size_t)b->pos[t->mentor], &sc);
		set_score(tp, &sc);
		t->score = tp->score;
		tp->alt[0].mentor = tp->alt[1].mentor = -1;
		for (size_t j = 0; j < b->in.nmentors; j++) {
			int	 m = b->ment_r[j];

			if (m == t->mentor ||
			    match_rule_of(&b->in, e, j) != MATCH_RULE_NONE)
				continue;
			match_score_of(&b->in, e, j, &sc);
			for (int a = 0; a < 2; a++) {
				if (tp->alt[a].mentor >= 0 &&
				    tp->alt[a].score >= sc.score)
					continue;
				if (a == 0)
					tp->alt[1] = tp->alt[0];
				tp->alt[a].mentor = m;
				tp->alt[a].score = sc.score;
				tp->alt[a].full = load[m] >=
				    (size_t)p->people[m].capacity;
				break;
			}
		}
		shared_topics(p, tp);
		tr->total_score += tp->score;
	}
	tr->npairs = p->ntandems;
	tr->unmatched = xcalloc(b->in.nmentees + 1, sizeof(*tr->unmatched));
	for (size_t e = 0; e < b->in.nmentees; e++) {
		struct tandems_unmatched *u = &tr->unmatched[tr->nunmatched];

		if (b->mentees[e].withdrawn || paired[b->ment_e[e]])
			continue;
		u->why = TANDEMS_NOT_FIXED;
		explain_unmatched(b, e, u);
		if (u->nadmissible == 0) {
			u->why = TANDEMS_NO_ADMISSIBLE;
			explain_unmatched(b, e, u);
		}
		tr->nunmatched++;
	}
	free(load);
	free(paired);
}

int
tandems_form(struct programme *p, struct tandems_result **out)
{
	struct bridge	 b;
	struct tandems_result *tr = xcalloc(1, sizeof(*tr));
	int		 rc = 0;

	*out = NULL;
	bridge_init(&b, p);
	for (size_t i = 0; i < b.in.nmentees; i++)
		tr->nmentees += !b.mentees[i].withdrawn;
	for (size_t j = 0; j < b.in.nmentors; j++)
		if (!b.mentors[j].withdrawn && b.mentors[j].capacity > 0) {
			tr->nmentors++;
			tr->nslots += (size_t)b.mentors[j].capacity;
		}
	if (p->tandem_source == TANDEMS_NONE)
		rc = form_matched(&b, p, tr);
	else
		form_fixed(&b, p, tr);
	bridge_free(&b);
	if (rc != 0) {
		tandems_result_free(tr);
		return rc;
	}
	*out = tr;
	return 0;
}

void
tandems_result_free(struct tandems_result *tr)
{
	if (tr == NULL)
		return;
	for (size_t k = 0; k < tr->npairs; k++)
		free(tr->pairs[k].shared);
	for (size_t k = 0; k < tr->nunmatched; k++) {
		free(tr->unmatched[k].excluded);
		free(tr->unmatched[k].rule);
	}
	free(tr->pairs);
	free(tr->unmatched);
	free(tr->idle);
	free(tr);
}

void
tandems_write_xml(const struct programme *p, const struct tandems_result *tr,
    FILE *fp)
{
	fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<!--\n"
	    "  Tandems of programme ", fp);
	/* "--" may not appear in a comment: ids cannot contain it twice. */
	for (const char *s = p->id; *s; s++)
		fputc(*s == '-' && s[1] == '-' ? '_' : *s, fp);
	fprintf(fp, ", saved by \"tandem match\".\n"
	    "  You may edit this file: add, remove or change <tandem> lines.\n"
	    "  The score attributes are informative; tandem recomputes them.\n"
	    "  %zu tandems, total score %ld.\n"
	    "-->\n"
	    "<tandems>\n", tr->npairs, tr->total_score);
	for (size_t k = 0; k < p->ntandems; k++) {
		fputs("  <tandem mentee=\"", fp);
		escape_xml(fp, p->people[p->tandems[k].mentee].id, 1);
		fputs("\" mentor=\"", fp);
		escape_xml(fp, p->people[p->tandems[k].mentor].id, 1);
		fprintf(fp, "\" score=\"%d\"/>\n", p->tandems[k].score);
	}
	fputs("</tandems>\n", fp);
}
