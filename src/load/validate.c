/*
 * Semantic validation of a loaded programme: everything the schema cannot
 * check, run as its own pass after loading (tandem-programme(5)). Each
 * problem is reported with the file and line of the record that has it.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/load.h"
#include "load/rules.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/xalloc.h"

/* One defined id, for the uniqueness check. */
struct idrec {
	const char	*id;
	const char	*what;
	long		 line;
	size_t		 seq;		/* order in the file, for stable sort */
};

struct vstate {
	const struct programme	*p;
	int			 errors;
};

static void
vverr(struct vstate *v, const char *file, long line, enum diag_subject kind,
    const char *id, const char *fmt, va_list ap)
{
	va_list aq;
	int len;
	char *msg;

	v->errors++;
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	msg = xmalloc((size_t)(len > 0 ? len : 0) + 1);
	msg[0] = '\0';
	if (len > 0)
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
	diag_subject(DIAG_ERROR, file, line, 0, kind, id, "%s", msg);
	free(msg);
}

/* Report an error and count it. */
static void
verr(struct vstate *v, const char *file, long line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
verr(struct vstate *v, const char *file, long line, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vverr(v, file, line, DIAG_SUBJ_NONE, NULL, fmt, ap);
	va_end(ap);
}

/* The same, about the person, organisation or topic kind/id. */
static void
verr_about(struct vstate *v, const char *file, long line,
    enum diag_subject kind, const char *id, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));

static void
verr_about(struct vstate *v, const char *file, long line,
    enum diag_subject kind, const char *id, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vverr(v, file, line, kind, id, fmt, ap);
	va_end(ap);
}

/* The subject kind of "organisation", "topic" or "person". */
static enum diag_subject
subject_of(const char *what)
{
	if (strcmp(what, "organisation") == 0)
		return DIAG_SUBJ_ORGANISATION;
	if (strcmp(what, "topic") == 0)
		return DIAG_SUBJ_TOPIC;
	return DIAG_SUBJ_PERSON;
}

bool
load_id_ok(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		    (*s >= '0' && *s <= '9') || *s == '_' || *s == '-'))
			return false;
	return true;
}

static int
byid(const void *a, const void *b)
{
	const struct idrec *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	if (c != 0)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Ids: the syntax of each, and no id defined twice in the file. */
static void
check_ids(struct vstate *v)
{
	const struct programme *p = v->p;
	size_t n = p->norgs + p->ntopics + p->npeople, k = 0, i;
	struct idrec *r = xcalloc(n ? n : 1, sizeof(*r));

	for (i = 0; i < p->norgs; i++, k++)
		r[k] = (struct idrec){ p->orgs[i].id, "organisation",
		    p->orgs[i].line, k };
	for (i = 0; i < p->ntopics; i++, k++)
		r[k] = (struct idrec){ p->topics[i].id, "topic",
		    p->topics[i].line, k };
	for (i = 0; i < p->npeople; i++, k++)
		r[k] = (struct idrec){ p->people[i].id, "person",
		    p->people[i].line, k };
	if (*p->id != '\0' && !load_id_ok(p->id))
		verr_about(v, p->file, p->line, DIAG_SUBJ_PROGRAMME, p->id,
		    "programme id '%s' may contain only letters A-Z and a-z, "
		    "digits, _ and -", p->id);
	for (i = 0; i < n; i++)
		if (*r[i].id != '\0' && !load_id_ok(r[i].id))
			verr_about(v, p->file, r[i].line, subject_of(
			    r[i].what), r[i].id, "%s id '%s' may contain "
			    "only letters A-Z and a-z, digits, _ and -",
			    r[i].what, r[i].id);
	qsort(r, n, sizeof(*r), byid);
	for (i = 1; i < n; i++) {
		size_t first = i - 1;

		while (i < n && strcmp(r[i].id, r[first].id) == 0) {
			if (*r[i].id != '\0')
				verr_about(v, p->file, r[i].line, subject_of(
				    r[i].what), r[i].id, "duplicate id '%s' "
				    "(%s); already used on line %ld for a%s %s",
				    r[i].id, r[i].what, r[first].line,
				    r[first].what[0] == 'o' ? "n" : "",
				    r[first].what);
			i++;
		}
	}
	free(r);
}

/* Report each unresolved reference, with the closest existing id. */
static void
check_refs(struct vstate *v)
{
	const struct programme *p = v->p;
	const char **cand;
	size_t i, n, max;

	max = p->norgs + p->ntopics + p->npeople;
	cand = xcalloc(max ? max : 1, sizeof(*cand));
	for (i = 0; i < p->ndangling; i++) {
		const struct dangling *d = &p->dangling[i];
		const char *s;
		long k;

		n = 0;
		if (strcmp(d->what, "organisation") == 0)
			for (size_t j = 0; j < p->norgs; j++)
				cand[n++] = p->orgs[j].id;
		else if (strcmp(d->what, "topic") == 0)
			for (size_t j = 0; j < p->ntopics; j++)
				cand[n++] = p->topics[j].id;
		else
			for (size_t j = 0; j < p->npeople; j++)
				cand[n++] = p->people[j].id;
		k = suggest_index(d->id, cand, n, SUGGEST_ID);
		s = k < 0 ? NULL : cand[k];
		verr(v, d->file, d->line, "%s: there is no %s with id '%s'%s%s%s",
		    d->where, d->what, d->id, s ? "; did you mean '" : "",
		    s ? s : "", s ? "'?" : "");
	}
	free(cand);
}

/* Dates and the period. */
static void
check_dates(struct vstate *v)
{
	const struct programme *p = v->p;
	size_t i;

	if (p->start.y != 0 && p->end.y != 0) {
		int c = date_cmp(p->end, p->start);

		if (c < 0)
			verr(v, p->file, p->period_line, "the period ends "
			    "(%04d-%02d-%02d) before it starts "
			    "(%04d-%02d-%02d)", p->end.y, p->end.m, p->end.d,
			    p->start.y, p->start.m, p->start.d);
		else if (c == 0)
			verr(v, p->file, p->period_line, "the period ends on "
			    "the day it starts (%04d-%02d-%02d)", p->end.y,
			    p->end.m, p->end.d);
	}
	if (p->start.y != 0 && !date_valid(p->start.y, p->start.m, p->start.d))
		verr(v, p->file, p->period_line, "invalid start date");
	if (p->end.y != 0 && !date_valid(p->end.y, p->end.m, p->end.d))
		verr(v, p->file, p->period_line, "invalid end date");
	for (i = 0; i < p->nevents; i++) {
		struct date d = p->events[i].date;

		if (d.y != 0 && !date_valid(d.y, d.m, d.d))
			verr(v, p->file, p->events[i].line, "invalid date");
	}
	for (i = 0; i < p->noutcomes; i++) {
		struct date d = p->outcomes[i].date;

		if (d.y != 0 && !date_valid(d.y, d.m, d.d))
			verr(v, p->file, p->outcomes[i].line, "invalid date");
	}
}

/*
 * Value ranges. The loader rejects bad values in XML before they reach the
 * model; these checks guard models built by other means (CSV import).
 */
static void
check_values(struct vstate *v)
{
	const struct programme *p = v->p;
	const struct weights *w = &p->weights;
	const double wv[6] = { w->topics, w->wish_gender, w->field,
	    w->level_gap, w->background, w->language };
	size_t i;

	for (i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		if ((unsigned)q->gender >= GENDER__MAX ||
		    (unsigned)q->wish_gender >= GENDER__MAX)
			verr_about(v, p->file, q->line, DIAG_SUBJ_PERSON,
			    q->id, "person %s: gender must be f, m or d",
			    q->id);
		if (q->level < 0 || q->level > 20)
			verr_about(v, p->file, q->line, DIAG_SUBJ_PERSON,
			    q->id, "person %s: level %d is not from 1 to 20",
			    q->id, q->level);
		if (q->capacity < 0 || q->capacity > 20)
			verr_about(v, p->file, q->line, DIAG_SUBJ_PERSON,
			    q->id, "person %s: capacity %d is not from 0 to "
			    "20", q->id, q->capacity);
		if (q->family == NULL)
			verr_about(v, p->file, q->line, DIAG_SUBJ_PERSON,
			    q->id, "person %s: no family name", q->id);
	}
	for (i = 0; i < 6; i++)
		if (!(wv[i] >= 0 && wv[i] <= 10)) {
			verr(v, p->file, p->matching_line, "weights must be "
			    "from 0 to 10");
			break;
		}
	if (p->rules.min_level_gap < 0 || p->rules.min_level_gap > 20 ||
	    p->rules.ideal_level_gap < 0 || p->rules.ideal_level_gap > 20)
		verr(v, p->file, p->matching_line, "level gaps must be from "
		    "0 to 20");
	if (p->title == NULL)
		verr(v, p->file, p->line, "the programme has no title");
}

/* Do the pair's mentee and mentor have these roles? Reports if not. */
static bool
check_roles(struct vstate *v, const struct pair *pr, const char *what)
{
	const struct programme *p = v->p;
	bool ok = true;

	if (pr->mentee < 0 || pr->mentor < 0)
		return false;	/* reported as dangling */
	if (p->people[pr->mentee].role == ROLE__MAX ||
	    p->people[pr->mentor].role == ROLE__MAX)
		return false;	/* the loader reported the missing role */
	if (p->people[pr->mentee].role != ROLE_MENTEE) {
		verr_about(v, pr->file, pr->line, DIAG_SUBJ_PERSON,
		    p->people[pr->mentee].id, "%s: mentee=\"%s\" is a %s, "
		    "not a mentee", what, p->people[pr->mentee].id,
		    role_names[p->people[pr->mentee].role]);
		ok = false;
	}
	if (p->people[pr->mentor].role != ROLE_MENTOR) {
		verr_about(v, pr->file, pr->line, DIAG_SUBJ_PERSON,
		    p->people[pr->mentor].id, "%s: mentor=\"%s\" is a %s, "
		    "not a mentor", what, p->people[pr->mentor].id,
		    role_names[p->people[pr->mentor].role]);
		ok = false;
	}
	return ok;
}

/*
 * Count how often each person appears in pairs[0..n) and report those
 * over their limit (mentees 1, mentors their capacity).
 */
static void
check_counts(struct vstate *v, const struct pair *pairs, size_t n,
    const char *what, const char *verb, bool is_error)
{
	const struct programme *p = v->p;
	size_t *count = xcalloc(p->npeople ? p->npeople : 1, sizeof(*count));
	size_t i, j;

	for (i = 0; i < n; i++) {
		if (pairs[i].mentee >= 0)
			count[pairs[i].mentee]++;
		if (pairs[i].mentor >= 0 && pairs[i].mentor != pairs[i].mentee)
			count[pairs[i].mentor]++;
	}
	for (i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];
		size_t limit = q->role == ROLE_MENTEE ? 1 :
		    (size_t)(q->capacity > 0 ? q->capacity : 0);
		struct strbuf lines = STRBUF_INIT;
		const char *file = NULL;
		long line = 0;

		if (count[i] <= limit)
			continue;
		for (j = 0; j < n; j++)
			if (pairs[j].mentee == (int)i ||
			    pairs[j].mentor == (int)i) {
				if (file == NULL) {
					file = pairs[j].file;
					line = pairs[j].line;
				} else
					sb_adds(&lines, ", ");
				sb_addf(&lines, "%ld", pairs[j].line);
			}
		if (q->role == ROLE_MENTEE)
			diag_subject(is_error ? DIAG_ERROR : DIAG_WARNING,
			    file, line, 0, DIAG_SUBJ_PERSON, q->id,
			    "mentee %s is %s %zu %s (lines %s); a mentee has "
			    "one mentor", q->id, verb, count[i], what,
			    sb_str(&lines));
		else
			diag_subject(is_error ? DIAG_ERROR : DIAG_WARNING,
			    file, line, 0, DIAG_SUBJ_PERSON, q->id,
			    "mentor %s is %s %zu %s (lines %s) but takes %zu "
			    "(capacity)", q->id, verb, count[i], what,
			    sb_str(&lines), limit);
		if (is_error)
			v->errors++;
		sb_free(&lines);
	}
	free(count);
}

/* Pins, forbidden pairs and fixed tandems. */
static void
check_pairs(struct vstate *v)
{
	const struct programme *p = v->p;
	struct strbuf sb = STRBUF_INIT;
	size_t i;
	enum rule r;

	for (i = 0; i < p->nforbids; i++)
		check_roles(v, &p->forbids[i], "<forbid>");
	for (i = 0; i < p->npins; i++) {
		const struct pair *pr = &p->pins[i];

		if (!check_roles(v, pr, "<pin>"))
			continue;
		sb_clear(&sb);
		r = rules_explain(p, pr->mentee, pr->mentor, &sb);
		/* A pin of a withdrawn person too: matching cannot keep it
		 * (match and build would refuse it), so check refuses it
		 * here, at the pin's line. */
		if (r != RULE_OK)
			verr_about(v, pr->file, pr->line, DIAG_SUBJ_PERSON,
			    p->people[pr->mentee].id, "pin %s-%s breaks a "
			    "hard rule: %s", p->people[pr->mentee].id,
			    p->people[pr->mentor].id, sb_str(&sb));
	}
	check_counts(v, p->pins, p->npins, "pins", "in", true);
	for (i = 0; i < p->ntandems; i++) {
		const struct pair *pr = &p->tandems[i];

		if (!check_roles(v, pr, "<tandem>"))
			continue;
		sb_clear(&sb);
		r = rules_explain(p, pr->mentee, pr->mentor, &sb);
		if (r != RULE_OK)
			diag_subject(DIAG_WARNING, pr->file, pr->line, 0,
			    DIAG_SUBJ_PERSON, p->people[pr->mentee].id,
			    "tandem %s-%s breaks a hard rule (kept as fixed): %s",
			    p->people[pr->mentee].id,
			    p->people[pr->mentor].id, sb_str(&sb));
	}
	check_counts(v, p->tandems, p->ntandems, "tandems", "in", true);
	sb_free(&sb);
}

/*
 * A programme without mentees or without mentors is valid (people may be
 * added later), but nothing can be matched: say so as a warning.
 */
static void
check_people(struct vstate *v)
{
	const struct programme *p = v->p;
	size_t ne = programme_count(p, ROLE_MENTEE, GENDER__MAX, false);
	size_t nr = programme_count(p, ROLE_MENTOR, GENDER__MAX, false);

	if (ne == 0 && nr == 0 && p->npeople > 0)
		diag(DIAG_WARNING, p->file, p->line, 0, "every participant "
		    "has withdrawn: there is nothing to match or print");
	else if (ne == 0 && nr == 0)
		diag(DIAG_WARNING, p->file, p->line, 0, "no participants "
		    "(mentees or mentors) yet: there is nothing to match, "
		    "print or count");
	else if (nr == 0)
		diag(DIAG_WARNING, p->file, p->line, 0, "no mentors yet: "
		    "none of the %zu mentee%s can be matched", ne,
		    ne == 1 ? "" : "s");
	else if (ne == 0)
		diag(DIAG_WARNING, p->file, p->line, 0, "no mentees yet: "
		    "there is nobody to match with the %zu mentor%s", nr,
		    nr == 1 ? "" : "s");
}

int
validate_programme(const struct programme *p)
{
	struct vstate v = { p, 0 };

	check_ids(&v);
	check_refs(&v);
	check_dates(&v);
	check_values(&v);
	check_pairs(&v);
	check_people(&v);
	return v.errors;
}
