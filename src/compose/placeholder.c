/*
 * Placeholder expansion on the cmark tree (see placeholder.h for the names
 * and rules). Text runs are merged into one text node, scanned for "{{ }}",
 * and each placeholder's value is written as plain text.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "compose/certno.h"
#include "compose/labels.h"
#include "compose/placeholder.h"
#include "compose/wording.h"
#include "util/diag.h"
#include "util/xalloc.h"

/* Where a stretch of a merged text starts in its source file. */
struct seg {
	size_t	off;		/* byte offset in the merged text */
	long	line, col;	/* source position of that byte */
};

/* The source of one text being expanded. */
struct src {
	const char		*file;
	const struct seg	*segs;
	size_t			 nsegs;
	const struct compose_ctx *ctx;
};

/* Names that stand alone (no person scope). */
enum gname {
	G_PROGRAMME_ID,
	G_PROGRAMME_TITLE,
	G_PROGRAMME_EDITION,
	G_PROGRAMME_PLACE,
	G_PERIOD,
	G_PERIOD_START,
	G_PERIOD_END,
	G_DATE,
	G_PLACE,
	G_TOPICS,
	G_ORGANISATIONS,
	G_COORDINATORS,
	G_ROLES_MENTORS,
	G_ROLES_MENTEES,
	G_ROLES_MENTOR,
	G_ROLES_MENTEE,
	G_COUNT,
	G_TANDEMS_COUNT,
	G_TANDEM_TOPICS,
	G_TANDEM_SCORE,
	G_BRACES,
	G__MAX
};

static const char *const gnames[G__MAX] = {
	[G_PROGRAMME_ID] = "programme.id",
	[G_PROGRAMME_TITLE] = "programme.title",
	[G_PROGRAMME_EDITION] = "programme.edition",
	[G_PROGRAMME_PLACE] = "programme.place",
	[G_PERIOD] = "period",
	[G_PERIOD_START] = "period.start",
	[G_PERIOD_END] = "period.end",
	[G_DATE] = "date",
	[G_PLACE] = "place",
	[G_TOPICS] = "topics",
	[G_ORGANISATIONS] = "organisations",
	[G_COORDINATORS] = "coordinators",
	[G_ROLES_MENTORS] = "roles.mentors",
	[G_ROLES_MENTEES] = "roles.mentees",
	[G_ROLES_MENTOR] = "roles.mentor",
	[G_ROLES_MENTEE] = "roles.mentee",
	[G_COUNT] = "count",
	[G_TANDEMS_COUNT] = "tandems.count",
	[G_TANDEM_TOPICS] = "tandem.topics",
	[G_TANDEM_SCORE] = "tandem.score",
	[G_BRACES] = "braces",
};

/* Whose field a scoped name asks for. */
enum pscope {
	PS_PERSON,		/* the document's person */
	PS_MENTEE,		/* the tandem's mentee */
	PS_MENTOR,		/* the tandem's mentor */
	PS_PARTNER,		/* the person's tandem partner */
	PS__MAX
};

static const char *const pscopes[PS__MAX] = {
	"person", "mentee", "mentor", "partner"
};

/* The fields of a person. */
enum pfield {
	PF_NAME,
	PF_GIVEN,
	PF_FAMILY,
	PF_TITLE,
	PF_ROLE,
	PF_ORG,
	PF_ORG_SHORT,
	PF_UNIT,
	PF_POSITION,
	PF_EMAIL,
	PF_PHONE,
	PF_FIELD,
	PF_TOPICS,
	PF_ID,
	PF_CERTNO,
	PF__MAX
};

static const char *const pfields[PF__MAX] = {
	"name", "given", "family", "title", "role", "org", "org.short",
	"unit", "position", "email", "phone", "field", "topics", "id",
	"certno"
};

/* The source position of byte off of the text. */
static void
src_pos(const struct src *s, size_t off, long *line, long *col)
{
	size_t i = 0;

	while (i + 1 < s->nsegs && s->segs[i + 1].off <= off)
		i++;
	*line = s->segs[i].line;
	*col = s->segs[i].col > 0 ? s->segs[i].col +
	    (long)(off - s->segs[i].off) : 0;
}

/* Print at most 60 bytes of a placeholder body, not cutting a character. */
static int
show_len(const char *b, size_t n)
{
	if (n <= 60)
		return (int)n;
	n = 60;
	while (n > 0 && ((unsigned char)b[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/* Report an error about the placeholder at byte off. */
static void
ph_error(const struct src *s, size_t off, const char *body, size_t blen,
    const char *what)
{
	long line, col;

	src_pos(s, off, &line, &col);
	diag(DIAG_ERROR, s->file, line, col, "%s {{%.*s%s}}", what,
	    show_len(body, blen), body, (size_t)show_len(body, blen) < blen ?
	    "..." : "");
}

/* Does the token [t, t+n) equal the NUL-terminated word w? */
static int
tok_is(const char *t, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(t, w, n) == 0;
}

/* Index of the token in a name table, or -1. */
static int
lookup(const char *const *names, int max, const char *t, size_t n)
{
	for (int i = 0; i < max; i++)
		if (tok_is(t, n, names[i]))
			return i;
	return -1;
}

/* Capitalise the first letter of sb from byte start (ASCII, Latin-1). */
static void
capitalise(struct strbuf *sb, size_t start)
{
	unsigned char *p;

	if (sb->len <= start)
		return;
	p = (unsigned char *)sb->s + start;
	if (*p >= 'a' && *p <= 'z')
		*p -= 'a' - 'A';
	else if (*p == 0xC3 && sb->len > start + 1 && p[1] >= 0xA0 &&
	    p[1] <= 0xBE && p[1] != 0xB7)
		p[1] -= 0x20;
}

static const char *
org_name_at(size_t i, void *arg)
{
	const struct programme *p = arg;

	return p->orgs[i].name;
}

static const char *
coordinator_at(size_t i, void *arg)
{
	const struct programme *p = arg;

	return p->coordinators[i].name;
}

/* Append a person's field. */
static void
person_field(struct strbuf *out, const struct compose_ctx *c, int who,
    enum pfield f)
{
	const struct programme *p = c->prog;
	const struct person *q = &p->people[who];
	const char *v = NULL;
	char *s;

	switch (f) {
	case PF_NAME:
		compose_name(out, q);
		return;
	case PF_GIVEN:
		v = q->given;
		break;
	case PF_FAMILY:
		v = q->family;
		break;
	case PF_TITLE:
		v = q->title;
		break;
	case PF_ROLE:
		v = wording_role(p->lang, p->wording, q->role, q->gender);
		break;
	case PF_ORG:
		v = compose_org(p, q->org);
		break;
	case PF_ORG_SHORT:
		v = compose_org_short(p, q->org);
		break;
	case PF_UNIT:
		v = q->unit;
		break;
	case PF_POSITION:
		v = q->position;
		break;
	case PF_EMAIL:
		v = q->email;
		break;
	case PF_PHONE:
		v = q->phone;
		break;
	case PF_FIELD:
		v = q->field;
		break;
	case PF_TOPICS:
		compose_topic_list(out, p, q->topics, q->ntopics);
		return;
	case PF_ID:
		v = q->id;
		break;
	case PF_CERTNO:
		s = certno_make(p->id, q->id);
		sb_adds(out, s);
		free(s);
		return;
	case PF__MAX:
		break;
	}
	if (v != NULL)
		sb_adds(out, v);
}

/*
 * The person a scope refers to: an index, -1 when the context has such a
 * person in principle but not here (no tandem yet: expands to nothing), or
 * -2 when the text has no such person at all (an error).
 */
static int
scope_person(const struct compose_ctx *c, enum pscope sc)
{
	const struct programme *p = c->prog;
	const struct pair *t = NULL;
	int self = c->person;

	if (c->tandem >= 0 && (size_t)c->tandem < p->ntandems)
		t = &p->tandems[c->tandem];
	switch (sc) {
	case PS_PERSON:
		return self >= 0 ? self : -2;
	case PS_MENTEE:
	case PS_MENTOR:
		if (t != NULL)
			return sc == PS_MENTEE ? t->mentee : t->mentor;
		if (self < 0)
			return -2;
		if (p->people[self].role ==
		    (sc == PS_MENTEE ? ROLE_MENTEE : ROLE_MENTOR))
			return self;
		return -1;
	case PS_PARTNER:
		if (self < 0)
			return -2;
		if (t == NULL)
			return -1;
		return t->mentee == self ? t->mentor : t->mentee;
	case PS__MAX:
		break;
	}
	return -2;
}

/*
 * Evaluate {{count ...}}: tokens are the arguments after the name. Returns
 * 0, or -1 after reporting a bad argument.
 */
static int
eval_count(struct strbuf *out, const struct src *s, size_t off,
    const char *body, size_t blen, const char *args, size_t alen)
{
	const struct programme *p = s->ctx->prog;
	int role = -1, gender = -1, org = -2, status = -1, any_status = 0;
	size_t i = 0, n = 0;

	while (i < alen) {
		size_t st, eq, en;

		while (i < alen && isspace((unsigned char)args[i]))
			i++;
		if (i == alen)
			break;
		st = i;
		while (i < alen && !isspace((unsigned char)args[i]))
			i++;
		en = i;
		for (eq = st; eq < en && args[eq] != '='; eq++)
			continue;
		if (eq == en) {
			ph_error(s, off, body, blen, "argument without "
			    "\"=value\" in");
			return -1;
		}
		const char *v = args + eq + 1;
		size_t vn = en - eq - 1;

		if (tok_is(args + st, eq - st, "role")) {
			if ((role = lookup(role_names, ROLE__MAX, v, vn)) < 0)
				goto badvalue;
		} else if (tok_is(args + st, eq - st, "gender")) {
			if (tok_is(v, vn, "unknown") || tok_is(v, vn, "none"))
				gender = GENDER_UNKNOWN;
			else if (vn == 0 || (gender = lookup(gender_names,
			    GENDER__MAX, v, vn)) < 0)
				goto badvalue;
		} else if (tok_is(args + st, eq - st, "org")) {
			char *id = xstrndup(v, vn);

			org = programme_find_org(p, id);
			free(id);
			if (org < 0) {
				ph_error(s, off, body, blen,
				    "unknown organisation in");
				return -1;
			}
		} else if (tok_is(args + st, eq - st, "status")) {
			if (tok_is(v, vn, "any"))
				any_status = 1;
			else if ((status = lookup(status_names, STATUS__MAX,
			    v, vn)) < 0)
				goto badvalue;
		} else {
			ph_error(s, off, body, blen, "unknown argument in");
			return -1;
		}
	}
	for (i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		if (role >= 0 && q->role != (enum role)role)
			continue;
		if (gender >= 0 && q->gender != (enum gender)gender)
			continue;
		if (org >= 0 && q->org != org)
			continue;
		if (status >= 0 && q->status != (enum status)status)
			continue;
		if (status < 0 && !any_status && q->status == STATUS_WITHDRAWN)
			continue;
		n++;
	}
	sb_addf(out, "%zu", n);
	return 0;
badvalue:
	ph_error(s, off, body, blen, "invalid value in");
	return -1;
}

/* Evaluate a name of the gname table. */
static void
eval_global(struct strbuf *out, const struct compose_ctx *c, enum gname g)
{
	const struct programme *p = c->prog;
	const struct pair *t;
	int *v;
	size_t n;

	switch (g) {
	case G_PROGRAMME_ID:
		sb_adds(out, p->id);
		break;
	case G_PROGRAMME_TITLE:
		sb_adds(out, p->title);
		break;
	case G_PROGRAMME_EDITION:
		if (p->edition != NULL)
			sb_adds(out, p->edition);
		break;
	case G_PROGRAMME_PLACE:
		if (p->place != NULL)
			sb_adds(out, p->place);
		break;
	case G_PERIOD:
		label_period(out, p->lang, p->start, p->end);
		break;
	case G_PERIOD_START:
		label_date_long(out, p->lang, p->start);
		break;
	case G_PERIOD_END:
		label_date_long(out, p->lang, p->end);
		break;
	case G_DATE:
		label_date_long(out, p->lang, c->date.y != 0 ? c->date :
		    compose_date(p));
		break;
	case G_PLACE:
		if (compose_place(p) != NULL)
			sb_adds(out, compose_place(p));
		break;
	case G_TOPICS:
		v = xcalloc(p->ntopics + 1, sizeof(*v));
		for (n = 0; n < p->ntopics; n++)
			v[n] = (int)n;
		compose_topic_list(out, p, v, n);
		free(v);
		break;
	case G_ORGANISATIONS:
		label_list(out, p->lang, p->norgs, org_name_at, (void *)p);
		break;
	case G_COORDINATORS:
		label_list(out, p->lang, p->ncoordinators, coordinator_at,
		    (void *)p);
		break;
	case G_ROLES_MENTORS:
		sb_adds(out, wording_roles(p->lang, p->wording, ROLE_MENTOR));
		break;
	case G_ROLES_MENTEES:
		sb_adds(out, wording_roles(p->lang, p->wording, ROLE_MENTEE));
		break;
	case G_ROLES_MENTOR:
		sb_adds(out, wording_role_any(p->lang, p->wording,
		    ROLE_MENTOR));
		break;
	case G_ROLES_MENTEE:
		sb_adds(out, wording_role_any(p->lang, p->wording,
		    ROLE_MENTEE));
		break;
	case G_TANDEMS_COUNT:
		sb_addf(out, "%zu", p->ntandems);
		break;
	case G_TANDEM_TOPICS:
	case G_TANDEM_SCORE:
		if (c->tandem < 0 || (size_t)c->tandem >= p->ntandems)
			break;
		t = &p->tandems[c->tandem];
		if (g == G_TANDEM_SCORE) {
			if (t->score >= 0)
				sb_addf(out, "%d", t->score);
			break;
		}
		if (t->mentee < 0 || (size_t)t->mentee >= p->npeople)
			break;
		v = xcalloc(p->people[t->mentee].ntopics + 1, sizeof(*v));
		n = compose_shared_topics(p, t, v);
		compose_topic_list(out, p, v, n);
		free(v);
		break;
	case G_BRACES:
		sb_adds(out, "{{");
		break;
	case G_COUNT:
	case G__MAX:
		break;
	}
}

/*
 * Evaluate the placeholder body [body, body+blen) found at byte off and
 * append its value. Returns 0, or -1 after reporting an error.
 */
static int
eval(struct strbuf *out, const struct src *s, size_t off, const char *body,
    size_t blen)
{
	const struct compose_ctx *c = s->ctx;
	const char *nm, *args;
	size_t nlen, alen, start = out->len;
	char first[64];
	int g, cap = 0, who;

	/* Trim, split off the name. */
	while (blen > 0 && isspace((unsigned char)*body))
		body++, blen--;
	while (blen > 0 && isspace((unsigned char)body[blen - 1]))
		blen--;
	for (nlen = 0; nlen < blen && !isspace((unsigned char)body[nlen]);
	    nlen++)
		continue;
	nm = body;
	args = body + nlen;
	alen = blen - nlen;
	if (nlen == 0 || nlen >= sizeof(first)) {
		ph_error(s, off, body, blen, "unknown placeholder");
		return -1;
	}
	memcpy(first, nm, nlen);
	first[nlen] = '\0';
	if (isupper((unsigned char)first[0])) {
		cap = 1;
		first[0] = (char)tolower((unsigned char)first[0]);
	}

	g = lookup(gnames, G__MAX, first, nlen);
	if (g == G_COUNT) {
		if (eval_count(out, s, off, body, blen, args, alen) < 0)
			return -1;
		goto done;
	}
	for (size_t i = 0; i < alen; i++)
		if (!isspace((unsigned char)args[i])) {
			ph_error(s, off, body, blen, "unexpected arguments in");
			return -1;
		}
	if (g >= 0) {
		if ((g == G_TANDEM_TOPICS || g == G_TANDEM_SCORE) &&
		    c->tandem < 0 && c->person < 0) {
			ph_error(s, off, body, blen, "no tandem in this text "
			    "for");
			return -1;
		}
		eval_global(out, c, (enum gname)g);
		goto done;
	}

	/* A scoped name: person.name, mentor.org.short, ... */
	char *dot = strchr(first, '.');
	int sc, f;

	if (dot == NULL ||
	    (sc = lookup(pscopes, PS__MAX, first, (size_t)(dot - first))) < 0 ||
	    (f = lookup(pfields, PF__MAX, dot + 1, strlen(dot + 1))) < 0) {
		ph_error(s, off, body, blen, "unknown placeholder");
		return -1;
	}
	who = scope_person(c, (enum pscope)sc);
	if (who == -2) {
		ph_error(s, off, body, blen, sc == PS_PERSON ||
		    sc == PS_PARTNER ? "no person in this text for" :
		    "no tandem in this text for");
		return -1;
	}
	if (who >= 0 && (size_t)who < c->prog->npeople)
		person_field(out, c, who, (enum pfield)f);
done:
	if (cap)
		capitalise(out, start);
	return 0;
}

/* Expand the text [t, t+n) with positions from s; append to out. */
static int
expand(struct strbuf *out, const char *t, size_t n, const struct src *s)
{
	size_t i = 0;
	int errors = 0;

	while (i < n) {
		const char *open = NULL, *close = NULL;

		for (size_t j = i; j + 1 < n; j++)
			if (t[j] == '{' && t[j + 1] == '{') {
				open = t + j;
				break;
			}
		if (open == NULL) {
			sb_add(out, t + i, n - i);
			break;
		}
		sb_add(out, t + i, (size_t)(open - (t + i)));
		for (const char *q = open + 2; q + 1 < t + n; q++)
			if (q[0] == '}' && q[1] == '}') {
				close = q;
				break;
			}
		if (close == NULL) {
			long line, col;

			src_pos(s, (size_t)(open - t), &line, &col);
			diag(DIAG_ERROR, s->file, line, col,
			    "unclosed placeholder: \"{{\" without \"}}\"");
			errors++;
			sb_add(out, open, n - (size_t)(open - t));
			break;
		}
		if (eval(out, s, (size_t)(open - t), open + 2,
		    (size_t)(close - open - 2)) < 0)
			errors++;
		i = (size_t)(close + 2 - t);
	}
	return errors;
}

int
placeholder_expand_str(struct strbuf *out, const char *str, size_t len,
    const struct compose_ctx *c, const char *file, long line, long col)
{
	struct seg seg = { 0, line, col };
	struct src s = { file, &seg, 1, c };

	return expand(out, str, len, &s);
}

/*
 * Track whether a "{{" is open at the end of the bytes fed so far: state
 * 0 closed, 1 open; *prev carries the last unpaired brace.
 */
static void
brace_state(const char *t, size_t n, int *open, char *prev)
{
	for (size_t i = 0; i < n; i++) {
		if (!*open && *prev == '{' && t[i] == '{') {
			*open = 1;
			*prev = 0;
		} else if (*open && *prev == '}' && t[i] == '}') {
			*open = 0;
			*prev = 0;
		} else
			*prev = t[i];
	}
}

/* The start positions of a node (0 when cmark has none). */
static void
node_pos(cmark_node *n, long *line, long *col)
{
	*line = cmark_node_get_start_line(n);
	*col = cmark_node_get_start_column(n);
}

int
placeholder_expand_tree(cmark_node *root, const struct compose_ctx *c,
    const char *file)
{
	cmark_node **runs = NULL;
	size_t nruns = 0, cap = 0, i;
	cmark_iter *it;
	cmark_event_type ev;
	int errors = 0;

	/* Collect the first text node of each run of text siblings. */
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it), *prev;

		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_TEXT)
			continue;
		prev = cmark_node_previous(n);
		if (prev != NULL && cmark_node_get_type(prev) ==
		    CMARK_NODE_TEXT)
			continue;
		runs = xgrow(runs, &cap, nruns + 1, sizeof(*runs));
		runs[nruns++] = n;
	}
	cmark_iter_free(it);

	for (i = 0; i < nruns; i++) {
		cmark_node *n = runs[i], *next;
		struct strbuf text = STRBUF_INIT, out = STRBUF_INIT;
		struct seg *segs = NULL;
		size_t nsegs = 0, scap = 0;
		const char *lit = cmark_node_get_literal(n);
		int open = 0, merged = 0;
		char prev = 0;
		long line, col;

		node_pos(n, &line, &col);
		segs = xgrow(segs, &scap, 1, sizeof(*segs));
		segs[nsegs++] = (struct seg){ 0, line, col };
		sb_adds(&text, lit != NULL ? lit : "");
		brace_state(text.s ? text.s : "", text.len, &open, &prev);

		/* Merge the following text siblings (and a soft break
		 * inside an open placeholder, as a space). */
		while ((next = cmark_node_next(n)) != NULL) {
			cmark_node *take = next, *brk = NULL;

			if (cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK &&
			    open && cmark_node_next(next) != NULL &&
			    cmark_node_get_type(cmark_node_next(next)) ==
			    CMARK_NODE_TEXT) {
				brk = next;
				take = cmark_node_next(next);
			} else if (cmark_node_get_type(next) !=
			    CMARK_NODE_TEXT)
				break;
			if (brk != NULL) {
				sb_addc(&text, ' ');
				prev = ' ';
				/* The taken node starts a run of its own. */
				if (i + 1 < nruns && runs[i + 1] == take)
					i++;
			}
			node_pos(take, &line, &col);
			segs = xgrow(segs, &scap, nsegs + 1, sizeof(*segs));
			segs[nsegs++] = (struct seg){ text.len, line,
			    line > 0 ? col : 0 };
			lit = cmark_node_get_literal(take);
			lit = lit != NULL ? lit : "";
			brace_state(lit, strlen(lit), &open, &prev);
			sb_adds(&text, lit);
			if (brk != NULL) {
				cmark_node_unlink(brk);
				cmark_node_free(brk);
			}
			cmark_node_unlink(take);
			cmark_node_free(take);
			merged = 1;
		}

		if (merged || (text.len > 0 && strstr(text.s, "{{") != NULL)) {
			struct src s = { file, segs, nsegs, c };

			errors += expand(&out, sb_str(&text), text.len, &s);
			cmark_node_set_literal(n, sb_str(&out));
		}
		sb_free(&text);
		sb_free(&out);
		free(segs);
	}
	free(runs);
	return errors;
}
