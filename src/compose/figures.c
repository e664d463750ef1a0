/*
 * Computed report figures and the orderings of generated chapters.
 */
#include <stdlib.h>
#include <string.h>

#include "compose/figures.h"
#include "util/collate.h"
#include "util/xalloc.h"

void
figures_compute(struct figures *f, const struct programme *p)
{
	size_t i, cols = p->norgs + 1;

	memset(f, 0, sizeof(*f));
	f->norgs = p->norgs;
	f->people = xcalloc(ROLE__MAX * GENDER__MAX * cols, sizeof(size_t));
	for (i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];
		size_t org = q->org >= 0 && (size_t)q->org < p->norgs ?
		    (size_t)q->org : p->norgs;

		if ((unsigned)q->role >= ROLE__MAX ||
		    (unsigned)q->gender >= GENDER__MAX)
			continue;
		switch (q->status) {
		case STATUS_WITHDRAWN:
			f->withdrawn[q->role]++;
			continue;
		case STATUS_ACTIVE:
			f->active[q->role]++;
			break;
		default:
			f->completed[q->role]++;
			break;
		}
		f->people[(q->role * GENDER__MAX + q->gender) * cols + org]++;
		f->by_role_gender[q->role][q->gender]++;
		f->by_role[q->role]++;
	}
	for (i = 0; i < p->nresponses; i++) {
		const struct response *r = &p->responses[i];
		int band = figures_meeting_band(r->meetings);

		if ((unsigned)r->role >= ROLE__MAX)
			continue;
		f->responses[r->role]++;
		if (r->satisfaction >= 0 && r->satisfaction < FIG_SATISFACTION)
			f->satisfaction[r->role][r->satisfaction]++;
		f->meetings[r->role][band]++;
		if (r->career_step == 1)
			f->career_yes++;
		else if (r->career_step == 0)
			f->career_no++;
	}
	for (i = 0; i < p->noutcomes; i++) {
		const struct outcome *o = &p->outcomes[i];
		int when = date_cmp(o->date, p->start) < 0 ? 2 :
		    date_cmp(o->date, p->end) > 0 ? 1 : 0;

		if ((unsigned)o->kind < OUTCOME__MAX)
			f->outcomes[o->kind][when]++;
	}
}

void
figures_free(struct figures *f)
{
	if (f == NULL)
		return;
	free(f->people);
	f->people = NULL;
}

size_t
figures_people(const struct figures *f, enum role r, enum gender g,
    size_t org)
{
	if ((unsigned)r >= ROLE__MAX || (unsigned)g >= GENDER__MAX ||
	    org > f->norgs || f->people == NULL)
		return 0;
	return f->people[(r * GENDER__MAX + g) * (f->norgs + 1) + org];
}

int
figures_meeting_band(int m)
{
	if (m < 0)
		return FIG_MEETING_BANDS - 1;
	if (m == 0)
		return 0;
	if (m >= 13)
		return 5;
	return (m - 1) / 3 + 1;
}

const char *
figures_meeting_label(enum lang l, int band)
{
	static const char *const labels[FIG_MEETING_BANDS] = {
		"0", "1–3", "4–6", "7–9", "10–12", "13+", NULL
	};

	if (band < 0 || band >= FIG_MEETING_BANDS)
		return "";
	if (band == FIG_MEETING_BANDS - 1)
		return l == LANG_EN ? "n/a" : "k. A.";
	return labels[band];
}

/* The programme being sorted (qsort has no context argument). */
static const struct programme *sort_prog;

static int
org_rank(const struct person *q)
{
	return q->org >= 0 ? q->org : (int)sort_prog->norgs;
}

/* Role, organisation, family, given name (in German collation: Öztürk
 * between Oswald and Pohl), then file order. */
static int
cmp_people(const void *va, const void *vb)
{
	int a = *(const int *)va, b = *(const int *)vb, c;
	const struct person *x = &sort_prog->people[a];
	const struct person *y = &sort_prog->people[b];

	if (x->role != y->role)
		return x->role < y->role ? -1 : 1;
	if (org_rank(x) != org_rank(y))
		return org_rank(x) < org_rank(y) ? -1 : 1;
	if ((c = collate_cmp(x->family, y->family)) != 0)
		return c;
	if ((c = collate_cmp(x->given, y->given)) != 0)
		return c;
	return a < b ? -1 : a > b;
}

size_t
figures_people_order(const struct programme *p, bool with_withdrawn,
    int *out)
{
	size_t n = 0;

	for (size_t i = 0; i < p->npeople; i++)
		if (with_withdrawn || p->people[i].status != STATUS_WITHDRAWN)
			out[n++] = (int)i;
	sort_prog = p;
	qsort(out, n, sizeof(*out), cmp_people);
	sort_prog = NULL;
	return n;
}

static int
cmp_events(const void *va, const void *vb)
{
	int a = *(const int *)va, b = *(const int *)vb;
	int c = date_cmp(sort_prog->events[a].date, sort_prog->events[b].date);

	if (c != 0)
		return c;
	return a < b ? -1 : a > b;
}

size_t
figures_event_order(const struct programme *p, int *out)
{
	for (size_t i = 0; i < p->nevents; i++)
		out[i] = (int)i;
	sort_prog = p;
	qsort(out, p->nevents, sizeof(*out), cmp_events);
	sort_prog = NULL;
	return p->nevents;
}
