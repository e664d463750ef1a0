/*
 * Step 5 of loading: the model (model.h) built from a checked programme
 * file, references resolved (those that do not resolve are recorded for
 * validate_programme() to report).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/load_int.h"
#include "util/xalloc.h"

/* The attribute converted by its table entry, or def if absent/invalid. */
static long
get_int(const xmlNode *n, const char *name, long min, long max, long def)
{
	char *v = load_attr(n, name);
	long iv;

	if (v == NULL || !load_parse_int(v, &iv) || iv < min || iv > max)
		iv = def;
	free(v);
	return iv;
}

static double
get_num(const xmlNode *n, const char *name, double min, double max,
    double def)
{
	char *v = load_attr(n, name);
	double dv;

	if (v == NULL || !load_parse_num(v, &dv) || dv < min || dv > max)
		dv = def;
	free(v);
	return dv;
}

/* Index of the attribute's value in names[0..count), or def. */
static int
get_enum(const xmlNode *n, const char *name, const char *const *names,
    int count, int def)
{
	char *v = load_attr(n, name);
	int r = def;

	if (v != NULL)
		for (int i = 0; i < count; i++)
			if (names[i][0] != '\0' && strcmp(v, names[i]) == 0)
				r = i;
	free(v);
	return r;
}

static struct date
get_date(const xmlNode *n, const char *name)
{
	struct date d = { 0, 0, 0 };
	char *v = load_attr(n, name);

	if (v != NULL && !date_parse(v, &d))
		memset(&d, 0, sizeof(d));
	free(v);
	return d;
}

/* Text attribute or NULL; empty values count as absent. */
static char *
get_text(const xmlNode *n, const char *name)
{
	char *v = load_attr(n, name);

	if (v != NULL && *v == '\0') {
		free(v);
		v = NULL;
	}
	return v;
}

/* Is k an element named name (outside any namespace)? */
static bool
is_el(const xmlNode *k, enum el e)
{
	return k->type == XML_ELEMENT_NODE && k->ns == NULL &&
	    strcmp(name_of(k), load_elems[e].name) == 0;
}

/*
 * The capacity xgrow() gave an array of n elements that only ever grew
 * one element at a time from NULL (8, 16, 32, ...), so that the model's
 * arrays need no capacity fields.
 */
static size_t
implied_cap(size_t n)
{
	size_t cap = 8;

	if (n == 0)
		return 0;
	while (cap < n)
		cap *= 2;
	return cap;
}

/* Record a reference that does not resolve (see struct dangling). */
static void
add_dangling(struct ctx *c, const char *id, const char *what, long line,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
add_dangling(struct ctx *c, const char *id, const char *what, long line,
    const char *fmt, ...)
{
	struct programme *p = c->p;
	size_t cap = implied_cap(p->ndangling);
	struct dangling *d;
	va_list ap, aq;
	int len;

	p->dangling = xgrow(p->dangling, &cap, p->ndangling + 1,
	    sizeof(*p->dangling));
	d = &p->dangling[p->ndangling++];
	d->id = xstrdup(id);
	d->what = what;
	d->file = c->file;
	d->line = line;
	va_start(ap, fmt);
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	d->where = xmalloc((size_t)(len > 0 ? len : 0) + 1);
	d->where[0] = '\0';
	if (len > 0)
		vsnprintf(d->where, (size_t)len + 1, fmt, ap);
	va_end(ap);
}

/* Resolve an org reference attribute; -1 if absent or unknown. */
static int
ref_org(struct ctx *c, const xmlNode *n, const char *attr, const char *whose)
{
	char *v = load_attr(n, attr);
	int i = -1;

	if (v != NULL && (i = programme_find_org(c->p, v)) < 0)
		add_dangling(c, v, "organisation", xml_line_of(n), "%s of %s",
		    attr, whose);
	free(v);
	return i;
}

/* Order of the person index: by id, then by position in the file. */
static int
idx_cmp(const void *a, const void *b)
{
	const struct idx *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : (x->i > y->i) - (x->i < y->i);
}

/* bsearch() comparison of an id with an index entry. */
static int
idx_key(const void *key, const void *b)
{
	return strcmp(key, ((const struct idx *)b)->id);
}

/* Index the people by id (once they are all built). */
void
load_index_people(struct ctx *c)
{
	struct programme *p = c->p;

	free(c->people);
	c->npeople = p->npeople;
	c->people = xcalloc(p->npeople ? p->npeople : 1, sizeof(*c->people));
	for (size_t i = 0; i < p->npeople; i++)
		c->people[i] = (struct idx){ p->people[i].id, (int)i };
	qsort(c->people, c->npeople, sizeof(*c->people), idx_cmp);
}

/* Like programme_find_person() (the first with this id), in log time. */
static int
find_person(const struct ctx *c, const char *id)
{
	const struct idx *x;

	if (c->people == NULL)
		return programme_find_person(c->p, id);
	x = bsearch(id, c->people, c->npeople, sizeof(*x), idx_key);
	if (x == NULL)
		return -1;
	while (x > c->people && strcmp(x[-1].id, id) == 0)
		x--;
	return x->i;
}

/* Resolve a person reference attribute; -1 if absent or unknown. */
static int
ref_person(struct ctx *c, const xmlNode *n, const char *attr)
{
	char *v = load_attr(n, attr);
	int i = -1;

	if (v != NULL && (i = find_person(c, v)) < 0)
		add_dangling(c, v, "person", xml_line_of(n), "%s of <%s>", attr,
		    name_of(n));
	free(v);
	return i;
}

/* Append *item of size sz to the array *v of *n elements. */
static void *
push(void *v, size_t *n, const void *item, size_t sz)
{
	size_t cap = implied_cap(*n);

	v = xgrow(v, &cap, *n + 1, sz);
	memcpy((char *)v + *n * sz, item, sz);
	(*n)++;
	return v;
}

/* <organisations>: one struct org per <organisation>. */
static void
build_orgs(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct org o;

		if (!is_el(k, EL_ORGANISATION))
			continue;
		memset(&o, 0, sizeof(o));
		o.id = load_attr(k, "id");
		if (o.id == NULL)
			o.id = xstrdup("");
		o.short_name = get_text(k, "short");
		o.logo = get_text(k, "logo");
		o.name = load_text(k);
		o.line = xml_line_of(k);
		p->orgs = push(p->orgs, &p->norgs, &o, sizeof(o));
	}
}

/* <topics>: one struct topic per <topic>. */
static void
build_topics(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct topic t;

		if (!is_el(k, EL_TOPIC))
			continue;
		t.id = load_attr(k, "id");
		if (t.id == NULL)
			t.id = xstrdup("");
		t.label = load_text(k);
		t.line = xml_line_of(k);
		p->topics = push(p->topics, &p->ntopics, &t, sizeof(t));
	}
}

/* Split a space-separated list (already squeezed) into words. */
static size_t
split_words(char *s, char ***out)
{
	char **v = NULL, *w;
	size_t n = 0, cap = 0;

	for (w = strtok(s, " "); w != NULL; w = strtok(NULL, " ")) {
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n++] = w;
	}
	*out = v;
	return n;
}

/*
 * One <person>: attributes converted (defaults where absent or invalid,
 * the checker has reported those), org and topics resolved, the name and
 * contact elements read.
 */
static void
build_person(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;
	struct person q;
	char *v, **words;
	size_t nw, i;

	memset(&q, 0, sizeof(q));
	q.id = load_attr(n, "id");
	if (q.id == NULL)
		q.id = xstrdup("");
	q.line = xml_line_of(n);
	/* ROLE__MAX marks a missing or bad role, already reported. */
	q.role = (enum role)get_enum(n, "role", role_names, ROLE__MAX,
	    ROLE__MAX);
	q.gender = (enum gender)get_enum(n, "gender", gender_names,
	    GENDER__MAX, GENDER_UNKNOWN);
	q.wish_gender = (enum gender)get_enum(n, "wish-gender", gender_names,
	    GENDER__MAX, GENDER_UNKNOWN);
	q.status = (enum status)get_enum(n, "status", status_names,
	    STATUS__MAX, STATUS_COMPLETED);
	q.level = (int)get_int(n, "level", 1, 20, 0);
	q.capacity = (int)get_int(n, "capacity", 0, 20, 1);
	q.field = get_text(n, "field");
	q.background = get_text(n, "background");
	v = load_attr(n, "wish-background");
	q.wish_background = v != NULL && strcmp(v, "yes") == 0;
	free(v);

	char *whose = xasprintf("person %s", q.id);
	q.org = ref_org(c, n, "org", whose);
	if ((v = load_attr(n, "topics")) != NULL) {
		nw = split_words(v, &words);
		q.topics = xcalloc(nw ? nw : 1, sizeof(*q.topics));
		for (i = 0; i < nw; i++) {
			int t = programme_find_topic(p, words[i]);

			if (t < 0)
				add_dangling(c, words[i], "topic", q.line,
				    "topics of %s", whose);
			else
				q.topics[q.ntopics++] = t;
		}
		free(words);
		free(v);
	}
	free(whose);
	if ((v = load_attr(n, "languages")) != NULL) {
		nw = split_words(v, &words);
		q.languages = xcalloc(nw ? nw : 1, sizeof(*q.languages));
		for (i = 0; i < nw; i++)
			q.languages[q.nlanguages++] = xstrdup(words[i]);
		free(words);
		free(v);
	}
	bool named = false;
	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		if (is_el(k, EL_NAME)) {
			if (named)
				continue;	/* a second <name>: reported */
			named = true;
			q.given = get_text(k, "given");
			q.title = get_text(k, "title");
			q.family = load_attr(k, "family");
		} else if (is_el(k, EL_UNIT) && q.unit == NULL)
			q.unit = load_text(k);
		else if (is_el(k, EL_POSITION) && q.position == NULL)
			q.position = load_text(k);
		else if (is_el(k, EL_EMAIL) && q.email == NULL)
			q.email = load_text(k);
		else if (is_el(k, EL_PHONE) && q.phone == NULL)
			q.phone = load_text(k);
	}
	if (q.family == NULL)
		q.family = xstrdup("");
	p->people = push(p->people, &p->npeople, &q, sizeof(q));
}

/* <coordinators>: names, contact data, org resolved. */
static void
build_coordinators(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct coordinator co;

		if (!is_el(k, EL_COORDINATOR))
			continue;
		co.name = load_attr(k, "name");
		if (co.name == NULL)
			co.name = xstrdup("");
		char *whose = xasprintf("coordinator %s", co.name);
		co.org = ref_org(c, k, "org", whose);
		free(whose);
		co.email = get_text(k, "email");
		co.phone = get_text(k, "phone");
		co.line = xml_line_of(k);
		p->coordinators = push(p->coordinators, &p->ncoordinators, &co,
		    sizeof(co));
	}
}

/* A pin, forbidden pair or tandem from element k. */
static struct pair
build_pair(struct ctx *c, const xmlNode *k)
{
	struct pair pr;

	pr.mentee = ref_person(c, k, "mentee");
	pr.mentor = ref_person(c, k, "mentor");
	pr.reason = get_text(k, "reason");
	pr.score = (int)get_int(k, "score", 0, 100, -1);
	pr.line = xml_line_of(k);
	pr.file = c->file;
	return pr;
}

/* <matching>: weights and rules over the defaults, pins, forbidden pairs. */
static void
build_matching(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;
	struct weights *w = &p->weights;
	struct rules *r = &p->rules;
	struct pair pr;

	p->matching_line = xml_line_of(n);
	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		if (is_el(k, EL_WEIGHTS)) {
			w->topics = get_num(k, "topics", 0, 10, w->topics);
			w->wish_gender = get_num(k, "wish-gender", 0, 10,
			    w->wish_gender);
			w->field = get_num(k, "field", 0, 10, w->field);
			w->level_gap = get_num(k, "level-gap", 0, 10,
			    w->level_gap);
			w->background = get_num(k, "background", 0, 10,
			    w->background);
			w->language = get_num(k, "language", 0, 10,
			    w->language);
		} else if (is_el(k, EL_RULES)) {
			r->different_org = get_enum(k, "different-org",
			    load_v_bool, 2, r->different_org ? 0 : 1) == 0;
			r->min_level_gap = (int)get_int(k, "min-level-gap",
			    0, 20, r->min_level_gap);
			r->ideal_level_gap = (int)get_int(k,
			    "ideal-level-gap", 0, 20, r->ideal_level_gap);
			r->same_field = get_enum(k, "same-field",
			    load_v_bool, 2, r->same_field ? 0 : 1) == 0;
			r->spread = get_enum(k, "spread", load_v_bool, 2,
			    r->spread ? 0 : 1) == 0;
		} else if (is_el(k, EL_PIN)) {
			pr = build_pair(c, k);
			p->pins = push(p->pins, &p->npins, &pr, sizeof(pr));
		} else if (is_el(k, EL_FORBID)) {
			pr = build_pair(c, k);
			p->forbids = push(p->forbids, &p->nforbids, &pr,
			    sizeof(pr));
		}
	}
}

/* <tandems> (inline or the root of tandems.xml): the fixed tandems. */
void
load_build_tandems(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;
	struct pair pr;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		if (!is_el(k, EL_TANDEM))
			continue;
		pr = build_pair(c, k);
		p->tandems = push(p->tandems, &p->ntandems, &pr, sizeof(pr));
	}
}

/* <events>: the schedule. */
static void
build_events(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct event ev;

		if (!is_el(k, EL_EVENT))
			continue;
		ev.date = get_date(k, "date");
		ev.kind = (enum event_kind)get_enum(k, "kind",
		    event_kind_names, EVENT__MAX, EVENT_OTHER);
		ev.place = get_text(k, "place");
		ev.title = load_text(k);
		ev.line = xml_line_of(k);
		p->events = push(p->events, &p->nevents, &ev, sizeof(ev));
	}
}

/* <signatories>: who signs the certificates. */
static void
build_signatories(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct signatory s;

		if (!is_el(k, EL_SIGNATORY))
			continue;
		s.name = load_attr(k, "name");
		if (s.name == NULL)
			s.name = xstrdup("");
		s.office = get_text(k, "office");
		char *whose = xasprintf("signatory %s", s.name);
		s.org = ref_org(c, k, "org", whose);
		free(whose);
		s.line = xml_line_of(k);
		p->signatories = push(p->signatories, &p->nsignatories, &s,
		    sizeof(s));
	}
}

/* <evaluation>: the anonymous survey answers. */
static void
build_evaluation(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct response r;
		char *v;

		if (!is_el(k, EL_RESPONSE))
			continue;
		r.role = (enum role)get_enum(k, "role", role_names, ROLE__MAX,
		    ROLE_MENTEE);
		r.satisfaction = (int)get_int(k, "satisfaction", 1, 5, 0);
		r.meetings = (int)get_int(k, "meetings", 0, 100, -1);
		v = load_attr(k, "career-step");
		r.career_step = v == NULL ? -1 : strcmp(v, "yes") == 0 ? 1 :
		    strcmp(v, "no") == 0 ? 0 : -1;
		free(v);
		r.line = xml_line_of(k);
		p->responses = push(p->responses, &p->nresponses, &r,
		    sizeof(r));
	}
}

/* <outcomes>: career moves, person resolved. */
static void
build_outcomes(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct outcome o;

		if (!is_el(k, EL_OUTCOME))
			continue;
		o.person = ref_person(c, k, "person");
		o.kind = (enum outcome_kind)get_enum(k, "kind",
		    outcome_kind_names, OUTCOME__MAX, OUTCOME_OTHER);
		o.date = get_date(k, "date");
		o.line = xml_line_of(k);
		p->outcomes = push(p->outcomes, &p->noutcomes, &o, sizeof(o));
	}
}

/*
 * Build the model from a checked <programme>: definitions first
 * (organisations, topics, then people), so that references may point
 * forward in the file; then everything that refers to them.
 */
void
load_build_programme(struct ctx *c, const xmlNode *root)
{
	struct programme *p = c->p;
	const xmlNode *k;
	bool diff_given = false, field_given = false;

	p->id = load_attr(root, "id");
	if (p->id == NULL)
		p->id = xstrdup("");
	p->line = xml_line_of(root);
	p->lang = (enum lang)get_enum(root, "lang", lang_names, LANG__MAX,
	    LANG_DE);
	p->kind = (enum prog_kind)get_enum(root, "kind", kind_names, KIND__MAX,
	    KIND_INTERNAL);
	p->wording = (enum wording)get_enum(root, "wording", wording_names,
	    WORDING__MAX, WORDING_PAIR);
	p->place = get_text(root, "place");

	for (k = root->children; k != NULL; k = k->next)
		if (is_el(k, EL_ORGANISATIONS))
			build_orgs(c, k);
		else if (is_el(k, EL_TOPICS))
			build_topics(c, k);
	for (k = root->children; k != NULL; k = k->next)
		if (is_el(k, EL_PEOPLE)) {
			if (p->people_line == 0)
				p->people_line = xml_line_of(k);
			for (const xmlNode *q = k->children; q != NULL;
			    q = q->next)
				if (is_el(q, EL_PERSON))
					build_person(c, q);
		}
	if (p->people_line == 0)
		p->people_line = p->line;
	load_index_people(c);
	for (k = root->children; k != NULL; k = k->next) {
		if (is_el(k, EL_TITLE) && p->title == NULL)
			p->title = load_text(k);
		else if (is_el(k, EL_EDITION) && p->edition == NULL)
			p->edition = load_text(k);
		else if (is_el(k, EL_PERIOD) && p->period_line == 0) {
			p->start = get_date(k, "start");
			p->end = get_date(k, "end");
			p->period_line = xml_line_of(k);
		} else if (is_el(k, EL_COORDINATORS))
			build_coordinators(c, k);
		else if (is_el(k, EL_MATCHING)) {
			for (const xmlNode *q = k->children; q != NULL;
			    q = q->next)
				if (is_el(q, EL_RULES) &&
				    xmlHasNsProp(q, (const xmlChar *)
				    "different-org", NULL))
					diff_given = true;
			for (const xmlNode *q = k->children; q != NULL;
			    q = q->next)
				if (is_el(q, EL_RULES) &&
				    xmlHasNsProp(q, (const xmlChar *)
				    "same-field", NULL))
					field_given = true;
			build_matching(c, k);
		} else if (is_el(k, EL_EVENTS))
			build_events(c, k);
		else if (is_el(k, EL_SIGNATORIES))
			build_signatories(c, k);
		else if (is_el(k, EL_EVALUATION))
			build_evaluation(c, k);
		else if (is_el(k, EL_OUTCOMES))
			build_outcomes(c, k);
		else if (is_el(k, EL_TANDEMS) && p->tandems_line == 0) {
			p->tandems_line = xml_line_of(k);
			p->tandem_source = TANDEMS_INLINE;
			load_build_tandems(c, k);
		}
	}
	if (!diff_given)
		p->rules.different_org = p->kind == KIND_CROSS;
	if (!field_given)
		p->rules.same_field = p->kind == KIND_PARTNERSHIP;
	if (p->title == NULL)
		p->title = xstrdup("");
}
