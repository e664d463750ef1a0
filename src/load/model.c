/*
 * The programme model: construction with defaults, lookups and release.
 */
#include <stdlib.h>
#include <string.h>

#include "load/model.h"
#include "util/xalloc.h"

const char *const role_names[ROLE__MAX] = { "mentee", "mentor" };
const char *const gender_names[GENDER__MAX] = { "", "f", "m", "d" };
const char *const status_names[STATUS__MAX] = {
	"completed", "active", "withdrawn"
};
const char *const kind_names[KIND__MAX] = {
	"internal", "cross", "partnership"
};
const char *const wording_names[WORDING__MAX] = { "pair", "neutral", "colon" };
const char *const lang_names[LANG__MAX] = { "de", "en" };
const char *const event_kind_names[EVENT__MAX] = {
	"other", "kickoff", "workshop", "seminar", "network", "closing"
};
const char *const outcome_kind_names[OUTCOME__MAX] = {
	"position-change", "promotion", "other"
};

struct programme *
programme_new(void)
{
	struct programme *p = xcalloc(1, sizeof(*p));

	p->lang = LANG_DE;
	p->kind = KIND_INTERNAL;
	p->wording = WORDING_PAIR;
	p->weights.topics = 3;
	p->weights.wish_gender = 2;
	p->weights.field = 2;
	p->weights.level_gap = 1;
	p->weights.background = 1;
	p->weights.language = 1;
	p->rules.different_org = false;
	p->rules.min_level_gap = 0;
	p->rules.ideal_level_gap = 3;
	p->rules.same_field = false;
	p->rules.spread = true;
	p->tandem_source = TANDEMS_NONE;
	return p;
}

static void
pairs_free(struct pair *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].reason);
	free(v);
}

void
programme_free(struct programme *p)
{
	size_t i, j;

	if (p == NULL)
		return;
	for (i = 0; i < p->norgs; i++) {
		free(p->orgs[i].id);
		free(p->orgs[i].short_name);
		free(p->orgs[i].name);
		free(p->orgs[i].logo);
	}
	free(p->orgs);
	for (i = 0; i < p->ncoordinators; i++) {
		free(p->coordinators[i].name);
		free(p->coordinators[i].email);
		free(p->coordinators[i].phone);
	}
	free(p->coordinators);
	for (i = 0; i < p->ntopics; i++) {
		free(p->topics[i].id);
		free(p->topics[i].label);
	}
	free(p->topics);
	for (i = 0; i < p->npeople; i++) {
		struct person *q = &p->people[i];

		free(q->id);
		free(q->field);
		free(q->topics);
		free(q->background);
		for (j = 0; j < q->nlanguages; j++)
			free(q->languages[j]);
		free(q->languages);
		free(q->given);
		free(q->family);
		free(q->title);
		free(q->unit);
		free(q->position);
		free(q->email);
		free(q->phone);
	}
	free(p->people);
	pairs_free(p->pins, p->npins);
	pairs_free(p->forbids, p->nforbids);
	free(p->forbid_slots);
	pairs_free(p->tandems, p->ntandems);
	for (i = 0; i < p->nevents; i++) {
		free(p->events[i].place);
		free(p->events[i].title);
	}
	free(p->events);
	for (i = 0; i < p->nsignatories; i++) {
		free(p->signatories[i].name);
		free(p->signatories[i].office);
	}
	free(p->signatories);
	free(p->responses);
	free(p->outcomes);
	for (i = 0; i < p->ndangling; i++) {
		free(p->dangling[i].id);
		free(p->dangling[i].where);
	}
	free(p->dangling);
	free(p->dir);
	free(p->file);
	free(p->tandems_file);
	free(p->id);
	free(p->place);
	free(p->title);
	free(p->edition);
	free(p);
}

int
programme_find_person(const struct programme *p, const char *id)
{
	for (size_t i = 0; i < p->npeople; i++)
		if (strcmp(p->people[i].id, id) == 0)
			return (int)i;
	return -1;
}

int
programme_find_org(const struct programme *p, const char *id)
{
	for (size_t i = 0; i < p->norgs; i++)
		if (strcmp(p->orgs[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* The first slot of the pair (mentee, mentor) in a table of cap slots. */
static size_t
forbid_slot(int mentee, int mentor, size_t cap)
{
	size_t h = (size_t)(unsigned)mentee * 2654435761u ^
	    (size_t)(unsigned)mentor * 40503u;

	return (h ^ h >> 15) & (cap - 1);
}

void
programme_index_forbids(struct programme *p)
{
	size_t cap = 16, i, k;

	while (cap < 2 * p->nforbids)
		cap *= 2;
	free(p->forbid_slots);
	p->forbid_slots = xcalloc(cap, sizeof(*p->forbid_slots));
	p->forbid_cap = cap;
	for (i = 0; i < p->nforbids; i++) {
		const struct pair *f = &p->forbids[i];

		if (f->mentee < 0 || f->mentor < 0)
			continue;	/* names nobody: matches no pair */
		for (k = forbid_slot(f->mentee, f->mentor, cap);
		    p->forbid_slots[k] != 0; k = (k + 1) & (cap - 1))
			if (p->forbids[p->forbid_slots[k] - 1].mentee ==
			    f->mentee && p->forbids[p->forbid_slots[k] -
			    1].mentor == f->mentor)
				break;	/* the first stays */
		if (p->forbid_slots[k] == 0)
			p->forbid_slots[k] = i + 1;
	}
	p->nforbids_indexed = p->nforbids;
}

int
programme_find_forbid(const struct programme *p, int mentee, int mentor)
{
	size_t i, k;

	if (p->forbid_slots == NULL || p->nforbids_indexed != p->nforbids) {
		for (i = 0; i < p->nforbids; i++)
			if (p->forbids[i].mentee == mentee &&
			    p->forbids[i].mentor == mentor)
				return (int)i;
		return -1;
	}
	for (k = forbid_slot(mentee, mentor, p->forbid_cap);
	    p->forbid_slots[k] != 0; k = (k + 1) & (p->forbid_cap - 1)) {
		i = p->forbid_slots[k] - 1;
		if (p->forbids[i].mentee == mentee &&
		    p->forbids[i].mentor == mentor)
			return (int)i;
	}
	return -1;
}

int
programme_find_topic(const struct programme *p, const char *id)
{
	for (size_t i = 0; i < p->ntopics; i++)
		if (strcmp(p->topics[i].id, id) == 0)
			return (int)i;
	return -1;
}

size_t
programme_count(const struct programme *p, enum role r, enum gender g,
    bool with_withdrawn)
{
	size_t i, n = 0;

	for (i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		if (q->role != r)
			continue;
		if (g != GENDER__MAX && q->gender != g)
			continue;
		if (!with_withdrawn && q->status == STATUS_WITHDRAWN)
			continue;
		n++;
	}
	return n;
}

bool
date_valid(int y, int m, int d)
{
	static const int mdays[12] = {
		31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31
	};
	int leap;

	if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1)
		return false;
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

bool
date_parse(const char *s, struct date *out)
{
	int v[3] = { 0, 0, 0 };
	static const int widths[3] = { 4, 2, 2 };

	for (int k = 0; k < 3; k++) {
		for (int i = 0; i < widths[k]; i++, s++) {
			if (*s < '0' || *s > '9')
				return false;
			v[k] = v[k] * 10 + (*s - '0');
		}
		if (k < 2 && *s++ != '-')
			return false;
	}
	if (*s != '\0' || !date_valid(v[0], v[1], v[2]))
		return false;
	out->y = v[0];
	out->m = v[1];
	out->d = v[2];
	return true;
}

int
date_cmp(struct date a, struct date b)
{
	if (a.y != b.y)
		return a.y < b.y ? -1 : 1;
	if (a.m != b.m)
		return a.m < b.m ? -1 : 1;
	if (a.d != b.d)
		return a.d < b.d ? -1 : 1;
	return 0;
}
