/*
 * The composition context and the data helpers shared by all documents.
 */
#include <string.h>

#include "compose/compose.h"
#include "compose/labels.h"

void
compose_ctx_init(struct compose_ctx *c, const struct programme *p,
    enum compose_text text)
{
	memset(c, 0, sizeof(*c));
	c->prog = p;
	c->text = text;
	c->person = -1;
	c->tandem = -1;
}

void
compose_ctx_person(struct compose_ctx *c, const struct programme *p,
    int person)
{
	compose_ctx_init(c, p, COMPOSE_CERTIFICATE);
	c->person = person;
}

void
compose_ctx_tandem(struct compose_ctx *c, const struct programme *p,
    int tandem)
{
	compose_ctx_init(c, p, COMPOSE_AGREEMENT);
	c->tandem = tandem;
}

int
compose_tandem_of(const struct programme *p, int person)
{
	if (person < 0)
		return -1;
	for (size_t i = 0; i < p->ntandems; i++)
		if (p->tandems[i].mentee == person ||
		    p->tandems[i].mentor == person)
			return (int)i;
	return -1;
}

void
compose_name(struct strbuf *sb, const struct person *q)
{
	const char *parts[3] = { q->title, q->given, q->family };
	int first = 1;

	for (int i = 0; i < 3; i++) {
		if (parts[i] == NULL || parts[i][0] == '\0')
			continue;
		if (!first)
			sb_addc(sb, ' ');
		sb_adds(sb, parts[i]);
		first = 0;
	}
}

const char *
compose_org(const struct programme *p, int org)
{
	if (org < 0 || (size_t)org >= p->norgs)
		return NULL;
	return p->orgs[org].name;
}

const char *
compose_org_short(const struct programme *p, int org)
{
	if (org < 0 || (size_t)org >= p->norgs)
		return NULL;
	if (p->orgs[org].short_name != NULL)
		return p->orgs[org].short_name;
	return p->orgs[org].name;
}

/* The last closing event (by date; the later one in the file on a tie). */
static const struct event *
closing_event(const struct programme *p)
{
	const struct event *best = NULL;

	for (size_t i = 0; i < p->nevents; i++) {
		const struct event *e = &p->events[i];

		if (e->kind != EVENT_CLOSING)
			continue;
		if (best == NULL || date_cmp(e->date, best->date) >= 0)
			best = e;
	}
	return best;
}

const char *
compose_place(const struct programme *p)
{
	/* Never an event's venue: "Rathaus, den 24. April" names a room,
	 * not the town a certificate is signed in. */
	return p->place != NULL && p->place[0] != '\0' ? p->place : NULL;
}

struct date
compose_date(const struct programme *p)
{
	const struct event *e = closing_event(p);

	return e != NULL && e->date.y != 0 ? e->date : p->end;
}

size_t
compose_shared_topics(const struct programme *p, const struct pair *t,
    int *out)
{
	const struct person *a, *b;
	size_t n = 0;

	if (t->mentee < 0 || t->mentor < 0 ||
	    (size_t)t->mentee >= p->npeople || (size_t)t->mentor >= p->npeople)
		return 0;
	a = &p->people[t->mentee];
	b = &p->people[t->mentor];
	for (size_t i = 0; i < a->ntopics; i++)
		for (size_t j = 0; j < b->ntopics; j++)
			if (a->topics[i] == b->topics[j]) {
				out[n++] = a->topics[i];
				break;
			}
	return n;
}

struct topic_list {
	const struct programme	*p;
	const int		*v;
};

static const char *
topic_label(size_t i, void *arg)
{
	const struct topic_list *tl = arg;

	return tl->p->topics[tl->v[i]].label;
}

void
compose_topic_list(struct strbuf *sb, const struct programme *p,
    const int *topics, size_t n)
{
	struct topic_list tl = { p, topics };

	label_list(sb, p->lang, n, topic_label, &tl);
}
