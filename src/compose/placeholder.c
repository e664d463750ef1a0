/*
 * Placeholder expansion on the cmark tree (see placeholder.h and
 * tandem-texts(5)). Block placeholders standing alone in a
 * paragraph become custom blocks; text runs are merged into one text node,
 * scanned for "{{ }}", and each placeholder's value is written as plain
 * text.
 */
#include <cmark.h>

#include <ctype.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/certno.h"
#include "compose/labels.h"
#include "compose/placeholder.h"
#include "compose/wording.h"
#include "util/diag.h"
#include "util/xalloc.h"

#define ESC		'\x01'		/* marks an escaped "{" */
#define MAX_ARGS	8
#define BLOCK_TAG	"tandem-block:"

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

/* One KEY=VALUE argument. */
struct arg {
	const char	*k, *v;
	size_t		 kn, vn;
	bool		 used;
};

/* A placeholder being evaluated. */
struct ph {
	const struct src *s;
	size_t		 off;		/* of "{{" in the text */
	char		 name[64];	/* lower-cased first letter */
	struct arg	 args[MAX_ARGS];
	size_t		 nargs;
};

/* Groups of placeholders and the texts they may be used in. */
enum grp {
	GRP_ALL,		/* programme, counts, events, roles */
	GRP_PERSON,		/* person.*: certificates */
	GRP_TANDEM,		/* mentee.*, mentor.*, tandem.*: agreements */
	GRP_REPORT,		/* evaluation.*, outcomes.*: the report */
	GRP_FORM,		/* form.* blocks: agreements */
	GRP_REPORT_BLOCK,	/* report.* blocks: the report */
	GRP__MAX
};

static const bool avail[GRP__MAX][COMPOSE_TEXT__MAX] = {
	/*		   handbook agreement certificate report */
	[GRP_ALL] =		{ true, true, true, true },
	[GRP_PERSON] =		{ false, false, true, false },
	[GRP_TANDEM] =		{ false, true, false, false },
	[GRP_REPORT] =		{ false, false, false, true },
	[GRP_FORM] =		{ false, true, false, false },
	[GRP_REPORT_BLOCK] =	{ false, false, false, true },
};

/* Names that stand alone (no person or event scope). */
enum gname {
	G_PROGRAMME_ID,
	G_PROGRAMME_TITLE,
	G_PROGRAMME_EDITION,
	G_PROGRAMME_PLACE,
	G_PROGRAMME_START,
	G_PROGRAMME_END,
	G_PROGRAMME_MONTHS,
	G_PROGRAMME_KIND,
	G_ORGANISATIONS_COUNT,
	G_PERIOD,
	G_PERIOD_START,
	G_PERIOD_END,
	G_DATE,
	G_PLACE,
	G_ORGANISATIONS,
	G_TOPICS,
	G_COORDINATORS,
	G_ROLES_MENTOR,
	G_ROLES_MENTORS,
	G_ROLES_MENTEE,
	G_ROLES_MENTEES,
	G_COUNT,
	G_TANDEMS_COUNT,
	G_TANDEMS_FIXED,
	G_EVENTS_COUNT,
	G_EVAL_COUNT,
	G_EVAL_SATISFACTION,
	G_EVAL_MEETINGS,
	G_EVAL_CAREER_STEP,
	G_OUTCOMES_COUNT,
	G_TANDEM_TOPICS,
	G_TANDEM_SCORE,
	G__MAX
};

static const struct {
	const char	*name;
	enum grp	 grp;
} gdefs[G__MAX] = {
	[G_PROGRAMME_ID] = { "programme.id", GRP_ALL },
	[G_PROGRAMME_TITLE] = { "programme.title", GRP_ALL },
	[G_PROGRAMME_EDITION] = { "programme.edition", GRP_ALL },
	[G_PROGRAMME_PLACE] = { "programme.place", GRP_ALL },
	[G_PROGRAMME_START] = { "programme.start", GRP_ALL },
	[G_PROGRAMME_END] = { "programme.end", GRP_ALL },
	[G_PROGRAMME_MONTHS] = { "programme.months", GRP_ALL },
	[G_PROGRAMME_KIND] = { "programme.kind", GRP_ALL },
	[G_ORGANISATIONS_COUNT] = { "organisations.count", GRP_ALL },
	[G_PERIOD] = { "period", GRP_ALL },
	[G_PERIOD_START] = { "period.start", GRP_ALL },
	[G_PERIOD_END] = { "period.end", GRP_ALL },
	[G_DATE] = { "date", GRP_ALL },
	[G_PLACE] = { "place", GRP_ALL },
	[G_ORGANISATIONS] = { "organisations", GRP_ALL },
	[G_TOPICS] = { "topics", GRP_ALL },
	[G_COORDINATORS] = { "coordinators", GRP_ALL },
	[G_ROLES_MENTOR] = { "roles.mentor", GRP_ALL },
	[G_ROLES_MENTORS] = { "roles.mentors", GRP_ALL },
	[G_ROLES_MENTEE] = { "roles.mentee", GRP_ALL },
	[G_ROLES_MENTEES] = { "roles.mentees", GRP_ALL },
	[G_COUNT] = { "count", GRP_ALL },
	[G_TANDEMS_COUNT] = { "tandems.count", GRP_ALL },
	[G_TANDEMS_FIXED] = { "tandems.fixed", GRP_ALL },
	[G_EVENTS_COUNT] = { "events.count", GRP_ALL },
	[G_EVAL_COUNT] = { "evaluation.count", GRP_REPORT },
	[G_EVAL_SATISFACTION] = { "evaluation.satisfaction", GRP_REPORT },
	[G_EVAL_MEETINGS] = { "evaluation.meetings", GRP_REPORT },
	[G_EVAL_CAREER_STEP] = { "evaluation.career-step", GRP_REPORT },
	[G_OUTCOMES_COUNT] = { "outcomes.count", GRP_REPORT },
	[G_TANDEM_TOPICS] = { "tandem.topics", GRP_TANDEM },
	[G_TANDEM_SCORE] = { "tandem.score", GRP_TANDEM },
};

const char *const ph_block_names[PH_BLOCK__MAX] = {
	[PH_FORM_TOPICS] = "form.topics",
	[PH_FORM_LINES] = "form.lines",
	[PH_FORM_SIGNATURES] = "form.signatures",
	[PH_REPORT_PARTICIPATION] = "report.participation",
	[PH_REPORT_SATISFACTION] = "report.satisfaction",
	[PH_REPORT_MEETINGS] = "report.meetings",
	[PH_REPORT_OUTCOMES] = "report.outcomes",
};

static const enum grp block_grp[PH_BLOCK__MAX] = {
	GRP_FORM, GRP_FORM, GRP_FORM, GRP_REPORT_BLOCK, GRP_REPORT_BLOCK,
	GRP_REPORT_BLOCK, GRP_REPORT_BLOCK
};

/* Whose field a scoped name asks for. */
enum pscope {
	PS_PERSON,		/* the certificate's holder */
	PS_MENTEE,		/* the agreement's mentee */
	PS_MENTOR,		/* the agreement's mentor */
	PS__MAX
};

static const struct {
	const char	*name;
	enum grp	 grp;
} pscopes[PS__MAX] = {
	{ "person", GRP_PERSON }, { "mentee", GRP_TANDEM },
	{ "mentor", GRP_TANDEM },
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
	PF_AFFILIATION,
	PF_ROLE_ID,
	PF_TANDEMS,
	PF_THEIR,
	PF__MAX
};

static const char *const pfields[PF__MAX] = {
	"name", "given", "family", "title", "role", "org", "org-short",
	"unit", "position", "email", "phone", "field", "topics", "id",
	"certno", "affiliation", "role-id", "tandems", "their"
};

/* The fields of an event: event.KIND.FIELD. */
enum efield {
	EF_DATE,
	EF_PLACE,
	EF_TITLE,
	EF__MAX
};

static const char *const efields[EF__MAX] = { "date", "place", "title" };

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

/* Report an error at byte off of the text. */
static void
ph_err(const struct src *s, size_t off, const char *fmt, ...)
{
	char msg[512];
	long line, col;
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	src_pos(s, off, &line, &col);
	diag(DIAG_ERROR, s->file, line, col, "%s", msg);
}

/* How many bytes of t (at most 60, not cutting a character) to show. */
static int
show(const char *t, size_t n)
{
	if (n <= 60)
		return (int)n;
	n = 60;
	while (n > 0 && ((unsigned char)t[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/* Does [t, t+n) equal the NUL-terminated word w? */
static bool
tok_is(const char *t, size_t n, const char *w)
{
	return strlen(w) == n && memcmp(t, w, n) == 0;
}

/* Index of [t, t+n) in a table of names, or -1. */
static int
lookup(const char *const *names, int max, const char *t, size_t n)
{
	for (int i = 0; i < max; i++)
		if (tok_is(t, n, names[i]))
			return i;
	return -1;
}

/* Take the argument named key (marking it used), or NULL; one already
 * taken (as=words) is not offered again. */
static struct arg *
arg_take(struct ph *ph, const char *key)
{
	for (size_t i = 0; i < ph->nargs; i++)
		if (!ph->args[i].used && tok_is(ph->args[i].k, ph->args[i].kn, key)) {
			ph->args[i].used = true;
			return &ph->args[i];
		}
	return NULL;
}

/* Report an invalid value of an argument; returns -1. */
static int
bad_value(struct ph *ph, const struct arg *a)
{
	ph_err(ph->s, ph->off, "invalid value '%.*s' for '%.*s' in "
	    "placeholder '%s'", show(a->v, a->vn), a->v, (int)a->kn, a->k,
	    ph->name);
	return -1;
}

/* The argument key=value as an index into names (or -1 when absent);
 * -2 after reporting an invalid value. */
static int
arg_enum(struct ph *ph, const char *key, const char *const *names, int max)
{
	struct arg *a = arg_take(ph, key);
	int v;

	if (a == NULL)
		return -1;
	if ((v = lookup(names, max, a->v, a->vn)) < 0 || a->vn == 0) {
		bad_value(ph, a);
		return -2;
	}
	return v;
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

/* Append a mean with one decimal ("4,5" in German), or "–" for none. */
static void
add_mean(struct strbuf *out, enum lang l, double sum, size_t n)
{
	char buf[64], *dot;

	if (n == 0) {
		sb_adds(out, "–");
		return;
	}
	snprintf(buf, sizeof(buf), "%.1f", sum / (double)n);
	if (l == LANG_DE && (dot = strchr(buf, '.')) != NULL)
		*dot = ',';
	sb_adds(out, buf);
}

static const char *
org_name_at(size_t i, void *arg)
{
	return ((const struct programme *)arg)->orgs[i].name;
}

static const char *
coordinator_at(size_t i, void *arg)
{
	return ((const struct programme *)arg)->coordinators[i].name;
}

/* Position, unit and organisation name joined by ", ", empty parts left
 * out (tandem-texts(5): person.affiliation). */
static void
affiliation(struct strbuf *out, const struct programme *p,
    const struct person *q)
{
	const char *part[3] = { q->position, q->unit, compose_org(p, q->org) };
	int any = 0;

	for (int i = 0; i < 3; i++) {
		if (part[i] == NULL || *part[i] == '\0')
			continue;
		if (any++)
			sb_adds(out, ", ");
		sb_adds(out, part[i]);
	}
}

/* The number of tandems person who belongs to (as mentee or mentor). */
static size_t
person_tandems(const struct programme *p, int who)
{
	size_t n = 0;

	for (size_t i = 0; i < p->ntandems; i++)
		n += p->tandems[i].mentee == who || p->tandems[i].mentor == who;
	return n;
}

/*
 * The possessive pronoun for a person of gender g: English "her", "his",
 * "their" (d and unknown); German the stem "ihr", "sein", and "ihr" for
 * d and unknown (German texts should prefer "die eigene ...").
 */
static const char *
possessive(enum lang l, enum gender g)
{
	static const char *const en[GENDER__MAX] = {
		[GENDER_UNKNOWN] = "their", [GENDER_F] = "her",
		[GENDER_M] = "his", [GENDER_D] = "their"
	};
	static const char *const de[GENDER__MAX] = {
		[GENDER_UNKNOWN] = "ihr", [GENDER_F] = "ihr",
		[GENDER_M] = "sein", [GENDER_D] = "ihr"
	};

	return l == LANG_EN ? en[g] : de[g];
}

/* Append a person's field. */
static void
person_field(struct strbuf *out, const struct programme *p, int who,
    enum pfield f)
{
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
	case PF_ROLE_ID:
		v = role_names[q->role];
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
	case PF_AFFILIATION:
		affiliation(out, p, q);
		return;
	case PF_TANDEMS:
		sb_addf(out, "%zu", person_tandems(p, who));
		return;
	case PF_THEIR:
		v = possessive(p->lang, q->gender);
		break;
	case PF__MAX:
		break;
	}
	if (v != NULL)
		sb_adds(out, v);
}

/* Months from start to end, rounded to the nearest whole month. */
static int
period_months(struct date a, struct date b)
{
	double m = (b.y - a.y) * 12 + (b.m - a.m) + (b.d - a.d) / 30.44;

	return m < 0 ? 0 : (int)(m + 0.5);
}

/* {{count ...}}: people matching every argument. */
static int
eval_count(struct strbuf *out, struct ph *ph)
{
	const struct programme *p = ph->s->ctx->prog;
	static const char *const genders[GENDER__MAX] = {
		"unknown", "f", "m", "d"
	};
	static const char *const statuses[STATUS__MAX + 1] = {
		"completed", "active", "withdrawn", "all"
	};
	static const char *const yesno[2] = { "no", "yes" };
	int role, gender, status, intandem, org = -1;
	struct arg *a;
	char *bg = NULL;
	bool bg_any = false;
	size_t n = 0;

	if ((role = arg_enum(ph, "role", role_names, ROLE__MAX)) == -2 ||
	    (gender = arg_enum(ph, "gender", genders, GENDER__MAX)) == -2 ||
	    (status = arg_enum(ph, "status", statuses, STATUS__MAX + 1)) == -2 ||
	    (intandem = arg_enum(ph, "tandem", yesno, 2)) == -2)
		return -1;
	if ((a = arg_take(ph, "org")) != NULL) {
		char *id = xstrndup(a->v, a->vn);

		org = programme_find_org(p, id);
		free(id);
		if (org < 0) {
			ph_err(ph->s, ph->off, "unknown organisation '%.*s' in "
			    "placeholder 'count'", show(a->v, a->vn), a->v);
			return -1;
		}
	}
	if ((a = arg_take(ph, "background")) != NULL) {
		if (a->vn == 0)
			return bad_value(ph, a);
		if (tok_is(a->v, a->vn, "any"))
			bg_any = true;
		else
			bg = xstrndup(a->v, a->vn);
	}
	for (size_t i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		if (role >= 0 && q->role != (enum role)role)
			continue;
		if (gender >= 0 && q->gender != (enum gender)gender)
			continue;
		if (org >= 0 && q->org != org)
			continue;
		if (status < 0 && q->status == STATUS_WITHDRAWN)
			continue;
		if (status >= 0 && status < STATUS__MAX &&
		    q->status != (enum status)status)
			continue;
		if ((bg_any || bg != NULL) && q->background == NULL)
			continue;
		if (bg != NULL && strcmp(q->background, bg) != 0)
			continue;
		if (intandem >= 0 && (compose_tandem_of(p, (int)i) >= 0) !=
		    (intandem == 1))
			continue;
		n++;
	}
	free(bg);
	sb_addf(out, "%zu", n);
	return 0;
}

/* {{evaluation.*}}: figures from the anonymous responses. */
static int
eval_evaluation(struct strbuf *out, struct ph *ph, enum gname g)
{
	const struct programme *p = ph->s->ctx->prog;
	struct arg *as = NULL;
	size_t n = 0, answered = 0, yes = 0;
	double sum = 0;
	int role;

	if ((role = arg_enum(ph, "role", role_names, ROLE__MAX)) == -2)
		return -1;
	if (g == G_EVAL_CAREER_STEP && (as = arg_take(ph, "as")) != NULL &&
	    !tok_is(as->v, as->vn, "percent"))
		return bad_value(ph, as);
	for (size_t i = 0; i < p->nresponses; i++) {
		const struct response *r = &p->responses[i];

		if (role >= 0 && r->role != (enum role)role)
			continue;
		n++;
		if (g == G_EVAL_SATISFACTION && r->satisfaction > 0) {
			answered++;
			sum += r->satisfaction;
		} else if (g == G_EVAL_MEETINGS && r->meetings >= 0) {
			answered++;
			sum += r->meetings;
		} else if (g == G_EVAL_CAREER_STEP && r->career_step >= 0) {
			answered++;
			yes += r->career_step == 1;
		}
	}
	switch (g) {
	case G_EVAL_COUNT:
		sb_addf(out, "%zu", n);
		break;
	case G_EVAL_SATISFACTION:
	case G_EVAL_MEETINGS:
		add_mean(out, p->lang, sum, answered);
		break;
	default:
		if (as == NULL)
			sb_addf(out, "%zu", yes);
		else if (answered == 0)
			sb_adds(out, "–");
		else
			sb_addf(out, "%d", (int)(100.0 * (double)yes /
			    (double)answered + 0.5));
		break;
	}
	return 0;
}

/* {{outcomes.count [kind=K] [within=period|after]}}. */
static int
eval_outcomes(struct strbuf *out, struct ph *ph)
{
	static const char *const withins[2] = { "period", "after" };
	const struct programme *p = ph->s->ctx->prog;
	int kind, within;
	size_t n = 0;

	if ((kind = arg_enum(ph, "kind", outcome_kind_names,
	    OUTCOME__MAX)) == -2 ||
	    (within = arg_enum(ph, "within", withins, 2)) == -2)
		return -1;
	for (size_t i = 0; i < p->noutcomes; i++) {
		const struct outcome *o = &p->outcomes[i];

		if (kind >= 0 && o->kind != (enum outcome_kind)kind)
			continue;
		if (within == 0 && (date_cmp(o->date, p->start) < 0 ||
		    date_cmp(o->date, p->end) > 0))
			continue;
		if (within == 1 && date_cmp(o->date, p->end) <= 0)
			continue;
		n++;
	}
	sb_addf(out, "%zu", n);
	return 0;
}

/* Evaluate a name of the gdefs table; 0, or -1 after an error. */
static int
eval_global(struct strbuf *out, struct ph *ph, enum gname g)
{
	const struct compose_ctx *c = ph->s->ctx;
	const struct programme *p = c->prog;
	const struct pair *t;
	int *v, kind;
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
	case G_PROGRAMME_START:
	case G_PERIOD_START:
		label_date_long(out, p->lang, p->start);
		break;
	case G_PROGRAMME_END:
	case G_PERIOD_END:
		label_date_long(out, p->lang, p->end);
		break;
	case G_PROGRAMME_MONTHS:
		sb_addf(out, "%d", period_months(p->start, p->end));
		break;
	case G_PROGRAMME_KIND:
		sb_adds(out, kind_names[p->kind]);
		break;
	case G_ORGANISATIONS_COUNT:
		sb_addf(out, "%zu", p->norgs);
		break;
	case G_PERIOD:
		label_period(out, p->lang, p->start, p->end);
		break;
	case G_DATE:
		label_date_long(out, p->lang, c->date.y != 0 ? c->date :
		    compose_date(p));
		break;
	case G_PLACE:
		if (compose_place(p) != NULL)
			sb_adds(out, compose_place(p));
		break;
	case G_ORGANISATIONS:
		label_list(out, p->lang, p->norgs, org_name_at, (void *)p);
		break;
	case G_TOPICS:
		v = xcalloc(p->ntopics + 1, sizeof(*v));
		for (n = 0; n < p->ntopics; n++)
			v[n] = (int)n;
		compose_topic_list(out, p, v, n);
		free(v);
		break;
	case G_COORDINATORS:
		label_list(out, p->lang, p->ncoordinators, coordinator_at,
		    (void *)p);
		break;
	case G_ROLES_MENTOR:
		sb_adds(out, wording_role_any(p->lang, p->wording,
		    ROLE_MENTOR));
		break;
	case G_ROLES_MENTORS:
		sb_adds(out, wording_roles(p->lang, p->wording, ROLE_MENTOR));
		break;
	case G_ROLES_MENTEE:
		sb_adds(out, wording_role_any(p->lang, p->wording,
		    ROLE_MENTEE));
		break;
	case G_ROLES_MENTEES:
		sb_adds(out, wording_roles(p->lang, p->wording, ROLE_MENTEE));
		break;
	case G_COUNT:
		return eval_count(out, ph);
	case G_TANDEMS_COUNT:
		sb_addf(out, "%zu", p->ntandems);
		break;
	case G_TANDEMS_FIXED:
		/* Tandems set by the coordinators, not by matching. */
		sb_addf(out, "%zu", p->tandem_source == TANDEMS_INLINE ||
		    p->tandem_source == TANDEMS_FILE ? p->ntandems : 0);
		break;
	case G_EVENTS_COUNT:
		if ((kind = arg_enum(ph, "kind", event_kind_names,
		    EVENT__MAX)) == -2)
			return -1;
		n = 0;
		for (size_t i = 0; i < p->nevents; i++)
			n += kind < 0 || p->events[i].kind ==
			    (enum event_kind)kind;
		sb_addf(out, "%zu", n);
		break;
	case G_EVAL_COUNT:
	case G_EVAL_SATISFACTION:
	case G_EVAL_MEETINGS:
	case G_EVAL_CAREER_STEP:
		return eval_evaluation(out, ph, g);
	case G_OUTCOMES_COUNT:
		return eval_outcomes(out, ph);
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
		v = xcalloc(p->people[t->mentee].ntopics + 1, sizeof(*v));
		n = compose_shared_topics(p, t, v);
		compose_topic_list(out, p, v, n);
		free(v);
		break;
	case G__MAX:
		break;
	}
	return 0;
}

/* {{event.KIND.FIELD}}: the first event of that kind in date order. */
static int
eval_event(struct strbuf *out, struct ph *ph, int kind, enum efield f)
{
	const struct programme *p = ph->s->ctx->prog;
	const struct event *e = NULL;

	for (size_t i = 0; i < p->nevents; i++)
		if (p->events[i].kind == (enum event_kind)kind &&
		    (e == NULL || date_cmp(p->events[i].date, e->date) < 0))
			e = &p->events[i];
	if (e == NULL) {
		ph_err(ph->s, ph->off, "placeholder '%s': the programme has "
		    "no event of kind '%s'", ph->name, event_kind_names[kind]);
		return -1;
	}
	if (f == EF_DATE)
		label_date_long(out, p->lang, e->date);
	else if (f == EF_PLACE && e->place != NULL)
		sb_adds(out, e->place);
	else if (f == EF_TITLE && e->title != NULL)
		sb_adds(out, e->title);
	return 0;
}

/* Is the name's group usable in this text? Reports when not. */
static bool
usable(struct ph *ph, enum grp g)
{
	if (avail[g][ph->s->ctx->text])
		return true;
	ph_err(ph->s, ph->off, "placeholder '%s' is not available in this "
	    "text", ph->name);
	return false;
}

/*
 * Split a placeholder body into name and arguments and check the syntax.
 * Returns 0, or -1 after reporting. *cap is set for a capitalised name.
 */
static int
parse_body(struct ph *ph, const char *body, size_t blen, bool *cap)
{
	size_t i = 0, nlen;

	while (blen > 0 && isspace((unsigned char)*body))
		body++, blen--;
	while (blen > 0 && isspace((unsigned char)body[blen - 1]))
		blen--;
	for (nlen = 0; nlen < blen && !isspace((unsigned char)body[nlen]);
	    nlen++)
		if (!isalnum((unsigned char)body[nlen]) && body[nlen] != '.' &&
		    body[nlen] != '-')
			break;
	if (nlen == 0 || nlen >= sizeof(ph->name) ||
	    (nlen < blen && !isspace((unsigned char)body[nlen]))) {
		ph_err(ph->s, ph->off, "unknown placeholder '%.*s'",
		    show(body, blen), body);
		return -1;
	}
	memcpy(ph->name, body, nlen);
	ph->name[nlen] = '\0';
	*cap = isupper((unsigned char)ph->name[0]);
	ph->name[0] = (char)tolower((unsigned char)ph->name[0]);

	ph->nargs = 0;
	for (i = nlen; i < blen;) {
		struct arg *a;
		size_t st, eq;

		while (i < blen && isspace((unsigned char)body[i]))
			i++;
		if (i == blen)
			break;
		for (st = i; i < blen && !isspace((unsigned char)body[i]); i++)
			continue;
		for (eq = st; eq < i && body[eq] != '='; eq++)
			continue;
		if (eq == i || eq == st) {
			ph_err(ph->s, ph->off, "argument '%.*s' is not "
			    "KEY=VALUE in placeholder '%s'",
			    show(body + st, i - st), body + st, ph->name);
			return -1;
		}
		for (size_t k = 0; k < ph->nargs; k++)
			if (ph->args[k].kn == eq - st && memcmp(ph->args[k].k,
			    body + st, eq - st) == 0) {
				ph_err(ph->s, ph->off, "argument '%.*s' given "
				    "twice in placeholder '%s'",
				    show(body + st, eq - st), body + st,
				    ph->name);
				return -1;
			}
		if (ph->nargs == MAX_ARGS) {
			ph_err(ph->s, ph->off, "too many arguments in "
			    "placeholder '%s'", ph->name);
			return -1;
		}
		a = &ph->args[ph->nargs++];
		a->k = body + st;
		a->kn = eq - st;
		a->v = body + eq + 1;
		a->vn = i - eq - 1;
		a->used = false;
	}
	return 0;
}

static int	eval_ph(struct strbuf *, struct ph *, bool);

/*
 * Take the argument as=words or as=words-f that any placeholder accepts:
 * returns 0 when absent (or another as=), 1 for words, 2 for words-f.
 */
static int
words_arg(struct ph *ph)
{
	for (size_t i = 0; i < ph->nargs; i++) {
		struct arg *a = &ph->args[i];

		if (!tok_is(a->k, a->kn, "as"))
			continue;
		if (tok_is(a->v, a->vn, "words") ||
		    tok_is(a->v, a->vn, "words-f")) {
			a->used = true;
			return a->vn == 5 ? 1 : 2;
		}
	}
	return 0;
}

/*
 * Replace a whole number from byte start of out by its word when it is
 * small enough ("3" -> "drei"); other values are left as they are.
 */
static void
to_words(struct strbuf *out, size_t start, enum lang l, bool fem)
{
	const char *w;
	char *end;
	long n;

	if (out->len <= start || !isdigit((unsigned char)out->s[start]))
		return;
	n = strtol(out->s + start, &end, 10);
	if (*end != '\0' || (w = label_number_word(l, n, fem)) == NULL)
		return;
	out->len = start;
	out->s[start] = '\0';
	sb_adds(out, w);
}

/* Report the first argument nobody took; returns -1 if there was one. */
static int
unused_args(struct ph *ph)
{
	for (size_t i = 0; i < ph->nargs; i++)
		if (!ph->args[i].used) {
			ph_err(ph->s, ph->off, "unknown argument '%.*s' in "
			    "placeholder '%s'", show(ph->args[i].k,
			    ph->args[i].kn), ph->args[i].k, ph->name);
			return -1;
		}
	return 0;
}

/*
 * Evaluate the placeholder body [body, body+blen) found at byte off and
 * append its value. Returns 0, or -1 after reporting an error.
 */
static int
eval(struct strbuf *out, const struct src *s, size_t off, const char *body,
    size_t blen)
{
	struct ph ph;
	bool cap;

	memset(&ph, 0, sizeof(ph));
	ph.s = s;
	ph.off = off;
	if (parse_body(&ph, body, blen, &cap) < 0)
		return -1;
	return eval_ph(out, &ph, cap);
}

/*
 * Evaluate a parsed placeholder and append its value (capitalised when
 * cap). Returns 0, or -1 after reporting an error (nothing appended).
 */
static int
eval_ph(struct strbuf *out, struct ph *php, bool cap)
{
	struct ph ph = *php;
	const struct src *s = ph.s;
	size_t off = ph.off;
	size_t start = out->len;
	const char *dot, *dot2;
	int g, k, f, who, rc = 0, words = words_arg(&ph);

	if ((k = lookup(ph_block_names, PH_BLOCK__MAX, ph.name,
	    strlen(ph.name))) >= 0) {
		if (usable(&ph, block_grp[k]))
			ph_err(s, off, "placeholder '%s' must stand alone in "
			    "its own paragraph", ph.name);
		return -1;
	}
	for (g = 0; g < G__MAX; g++)
		if (strcmp(ph.name, gdefs[g].name) == 0)
			break;
	if (g < G__MAX) {
		if (!usable(&ph, gdefs[g].grp))
			return -1;
		rc = eval_global(out, &ph, (enum gname)g);
		goto done;
	}

	/* Scoped names: person.name, mentor.org-short, event.kickoff.date. */
	if ((dot = strchr(ph.name, '.')) == NULL)
		goto unknown;
	if (strncmp(ph.name, "event.", 6) == 0 &&
	    (dot2 = strchr(dot + 1, '.')) != NULL &&
	    (k = lookup(event_kind_names, EVENT__MAX, dot + 1,
	    (size_t)(dot2 - dot - 1))) >= 0 &&
	    (f = lookup(efields, EF__MAX, dot2 + 1, strlen(dot2 + 1))) >= 0) {
		rc = eval_event(out, &ph, k, (enum efield)f);
		goto done;
	}
	for (k = 0; k < PS__MAX; k++)
		if (tok_is(ph.name, (size_t)(dot - ph.name), pscopes[k].name))
			break;
	if (k == PS__MAX ||
	    (f = lookup(pfields, PF__MAX, dot + 1, strlen(dot + 1))) < 0)
		goto unknown;
	if (!usable(&ph, pscopes[k].grp))
		return -1;
	who = -1;
	if (k == PS_PERSON)
		who = s->ctx->person;
	else if (s->ctx->tandem >= 0 &&
	    (size_t)s->ctx->tandem < s->ctx->prog->ntandems)
		who = k == PS_MENTEE ?
		    s->ctx->prog->tandems[s->ctx->tandem].mentee :
		    s->ctx->prog->tandems[s->ctx->tandem].mentor;
	if (who >= 0 && (size_t)who < s->ctx->prog->npeople)
		person_field(out, s->ctx->prog, who, (enum pfield)f);
done:
	if (rc == 0)
		rc = unused_args(&ph);
	if (rc < 0) {
		out->len = start;
		if (out->s != NULL)
			out->s[start] = '\0';
		return -1;
	}
	if (words)
		to_words(out, start, s->ctx->prog->lang, words == 2);
	if (cap)
		capitalise(out, start);
	return 0;
unknown:
	ph_err(s, off, "unknown placeholder '%s'", ph.name);
	return -1;
}

/* The control words of conditional text. */
enum ctl {
	CTL_NONE,		/* an ordinary placeholder */
	CTL_IF,			/* {{if NAME ARGS}} */
	CTL_UNLESS,		/* {{unless NAME ARGS}} */
	CTL_ELSE,		/* {{else}} */
	CTL_END,		/* {{end}} */
	CTL__MAX
};

static const char *const ctl_words[CTL__MAX] = {
	[CTL_NONE] = "", [CTL_IF] = "if", [CTL_UNLESS] = "unless",
	[CTL_ELSE] = "else", [CTL_END] = "end"
};

/* One open {{if}} or {{unless}}. */
struct cond {
	size_t	off;		/* of its "{{" */
	bool	parent;		/* was the text around it being kept? */
	bool	truth;		/* the condition, negated for unless */
	bool	in_else;	/* after {{else}} */
};

#define MAX_DEPTH	8

/*
 * Which control word the body [body, body+blen) starts with; *rest is set
 * to the text after it (the condition of if and unless).
 */
static enum ctl
control(const char *body, size_t blen, const char **rest, size_t *rlen)
{
	size_t w;

	while (blen > 0 && isspace((unsigned char)*body))
		body++, blen--;
	for (w = 0; w < blen && !isspace((unsigned char)body[w]); w++)
		continue;
	for (int k = CTL_IF; k < CTL__MAX; k++)
		if (tok_is(body, w, ctl_words[k])) {
			*rest = body + w;
			*rlen = blen - w;
			return (enum ctl)k;
		}
	return CTL_NONE;
}

/* [v, v+n) as a number (decimal comma or point); false if it is none. */
static bool
as_number(const char *v, size_t n, double *d)
{
	char buf[64], *end;

	if (n == 0 || n >= sizeof(buf))
		return false;
	memcpy(buf, v, n);
	buf[n] = '\0';
	for (char *c = buf; *c != '\0'; c++)
		if (*c == ',')
			*c = '.';
	*d = strtod(buf, &end);
	return *end == '\0' && end != buf;
}

/* Does the comma-separated list [l, l+ln) contain [v, v+vn)? */
static bool
in_list(const char *l, size_t ln, const char *v, size_t vn)
{
	while (ln > 0) {
		const char *c = memchr(l, ',', ln);
		size_t k = c != NULL ? (size_t)(c - l) : ln;

		if (k == vn && memcmp(l, v, k) == 0)
			return true;
		if (c == NULL)
			break;
		ln -= k + 1;
		l = c + 1;
	}
	return false;
}

/*
 * Evaluate the condition of {{if NAME ARGS}} found at off: the value of
 * the placeholder NAME ARGS, compared as the condition arguments say
 * (is=A,B: the value is one of them; min=N, max=N: it is a number in
 * that range; none: it is non-empty and neither 0 nor "–"). Returns 0
 * with *truth set, or -1 after reporting.
 */
static int
eval_cond(const struct src *s, size_t off, const char *body, size_t blen,
    bool *truth)
{
	struct strbuf v = STRBUF_INIT;
	struct ph ph;
	struct arg *is, *lim[2];
	double d, bound;
	bool cap, num;
	int rc = -1;

	memset(&ph, 0, sizeof(ph));
	ph.s = s;
	ph.off = off;
	if (parse_body(&ph, body, blen, &cap) < 0)
		return -1;
	is = arg_take(&ph, "is");
	lim[0] = arg_take(&ph, "min");
	lim[1] = arg_take(&ph, "max");
	if (eval_ph(&v, &ph, false) < 0)
		goto out;
	num = as_number(sb_str(&v), v.len, &d);
	if (is != NULL)
		*truth = in_list(is->v, is->vn, sb_str(&v), v.len);
	else if (lim[0] == NULL && lim[1] == NULL)
		*truth = v.len > 0 && strcmp(sb_str(&v), "–") != 0 &&
		    (!num || d != 0);
	else
		*truth = num;
	for (int k = 0; k < 2; k++) {
		if (lim[k] == NULL)
			continue;
		if (!as_number(lim[k]->v, lim[k]->vn, &bound)) {
			bad_value(&ph, lim[k]);
			goto out;
		}
		if (num && (k == 0 ? d < bound : d > bound))
			*truth = false;
	}
	rc = 0;
out:
	sb_free(&v);
	return rc;
}

/* Append [t, t+n) without the escape marks. */
static void
add_plain(struct strbuf *out, const char *t, size_t n)
{
	const char *e;

	while (n > 0 && (e = memchr(t, ESC, n)) != NULL) {
		sb_add(out, t, (size_t)(e - t));
		n -= (size_t)(e - t) + 1;
		t = e + 1;
	}
	sb_add(out, t, n);
}

/* Expand the text [t, t+n) with positions from s; append to out. */
static int
expand(struct strbuf *out, const char *t, size_t n, const struct src *s)
{
	struct cond st[MAX_DEPTH];
	size_t i = 0, j, q, rlen;
	const char *rest;
	int errors = 0, depth = 0;
	bool on = true, truth;
	enum ctl k;

	while (i < n) {
		/* Find an unescaped "{{". */
		for (j = i; j + 1 < n; j++) {
			if (t[j] == ESC)
				j++;
			else if (t[j] == '{' && t[j + 1] == '{')
				break;
		}
		if (j + 1 >= n) {
			if (on)
				add_plain(out, t + i, n - i);
			break;
		}
		if (on)
			add_plain(out, t + i, j - i);
		for (q = j + 2; q + 1 < n; q++)
			if (t[q] == '}' && t[q + 1] == '}')
				break;
		if (q + 1 >= n) {
			long line, col;

			src_pos(s, j, &line, &col);
			diag(DIAG_ERROR, s->file, line, col,
			    "unclosed placeholder: '{{' without '}}'");
			errors++;
			if (on)
				add_plain(out, t + j, n - j);
			break;
		}
		i = q + 2;
		k = control(t + j + 2, q - j - 2, &rest, &rlen);
		if (k == CTL_NONE) {
			/* Skipped text is not evaluated: it may name an
			 * event the programme does not have. */
			if (on && eval(out, s, j, t + j + 2, q - j - 2) < 0)
				errors++;
			continue;
		}
		if (k == CTL_IF || k == CTL_UNLESS) {
			if (depth == MAX_DEPTH) {
				ph_err(s, j, "conditions nested more than %d "
				    "deep", MAX_DEPTH);
				errors++;
				continue;
			}
			truth = false;
			if (on && eval_cond(s, j, rest, rlen, &truth) < 0)
				errors++;
			st[depth++] = (struct cond){ j, on,
			    k == CTL_IF ? truth : !truth, false };
			on = on && st[depth - 1].truth;
			continue;
		}
		while (rlen > 0 && isspace((unsigned char)*rest))
			rest++, rlen--;
		if (rlen > 0) {
			ph_err(s, j, "'%s' takes no arguments", ctl_words[k]);
			errors++;
		}
		if (depth == 0) {
			ph_err(s, j, "'{{%s}}' without '{{if}}' before it in "
			    "the same text", ctl_words[k]);
			errors++;
			continue;
		}
		if (k == CTL_ELSE) {
			if (st[depth - 1].in_else) {
				ph_err(s, j, "a second '{{else}}' for one "
				    "'{{if}}'");
				errors++;
			}
			st[depth - 1].in_else = true;
			on = st[depth - 1].parent && !st[depth - 1].truth;
		} else
			on = st[--depth].parent;
	}
	while (depth > 0) {
		ph_err(s, st[--depth].off, "'{{if}}' without '{{end}}' in the "
		    "same text (a condition cannot span emphasis, a link or a "
		    "line break)");
		errors++;
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

void
placeholder_escape_source(char *src, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (src[i] == ESC)
			src[i] = ' ';
	for (size_t i = 0; i + 1 < len; i++) {
		if (src[i] != '\\')
			continue;
		if (src[i + 1] == '{')
			src[i] = ESC;
		if (ispunct((unsigned char)src[i + 1]))
			i++;
	}
}

/*
 * Track whether a "{{" is open at the end of the bytes fed so far, as
 * expand() will see it: *open, with the last unpaired brace in *prev.
 */
static void
brace_state(const char *t, size_t n, int *open, char *prev)
{
	for (size_t i = 0; i < n; i++) {
		if (t[i] == ESC) {
			*prev = ESC;
			if (i + 1 < n)
				i++;
			continue;
		}
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

/* Replace the escape marks in a string property of a node: with a
 * backslash (code, where escapes are not processed) or with nothing. */
static void
unescape_prop(cmark_node *n, const char *(*get)(cmark_node *),
    int (*set)(cmark_node *, const char *), bool backslash)
{
	const char *v = get(n);
	char *w;
	size_t i, o;

	if (v == NULL || strchr(v, ESC) == NULL)
		return;
	w = xstrdup(v);
	for (i = o = 0; w[i] != '\0'; i++)
		if (w[i] != ESC)
			w[o++] = w[i];
		else if (backslash)
			w[o++] = '\\';
	w[o] = '\0';
	set(n, w);
	free(w);
}

/*
 * If para is a paragraph holding nothing but one block placeholder,
 * return the text node, else NULL.
 */
static cmark_node *
block_candidate(cmark_node *para)
{
	cmark_node *t = cmark_node_first_child(para);
	const char *lit, *e;
	size_t n;

	if (t == NULL || cmark_node_get_type(t) != CMARK_NODE_TEXT ||
	    cmark_node_next(t) != NULL ||
	    (lit = cmark_node_get_literal(t)) == NULL)
		return NULL;
	while (isspace((unsigned char)*lit))
		lit++;
	n = strlen(lit);
	while (n > 0 && isspace((unsigned char)lit[n - 1]))
		n--;
	if (n < 4 || strncmp(lit, "{{", 2) != 0 ||
	    strncmp(lit + n - 2, "}}", 2) != 0)
		return NULL;
	e = strstr(lit + 2, "}}");
	if (e != lit + n - 2)
		return NULL;
	lit += 2;
	while (isspace((unsigned char)*lit))
		lit++;
	for (int k = 0; k < PH_BLOCK__MAX; k++) {
		size_t kl = strlen(ph_block_names[k]);

		if (strncmp(lit, ph_block_names[k], kl) == 0 &&
		    (isspace((unsigned char)lit[kl]) || lit[kl] == '}'))
			return t;
	}
	return NULL;
}

/*
 * Turn a block placeholder paragraph into a custom block. Returns 0, or
 * -1 after reporting (the paragraph is then dropped).
 */
static int
make_block(cmark_node *para, cmark_node *t, const struct compose_ctx *c,
    const char *file)
{
	const char *lit = cmark_node_get_literal(t);
	const char *o = strstr(lit, "{{"), *e = strstr(o, "}}");
	struct seg seg;
	struct src s = { file, &seg, 1, c };
	struct ph ph;
	struct arg *a;
	bool cap;
	int k, n = 0, rc = -1;
	char tag[64];
	cmark_node *blk;

	seg.off = 0;
	seg.line = cmark_node_get_start_line(t);
	seg.col = cmark_node_get_start_column(t);
	memset(&ph, 0, sizeof(ph));
	ph.s = &s;
	ph.off = (size_t)(o - lit);
	if (parse_body(&ph, o + 2, (size_t)(e - o - 2), &cap) < 0)
		goto drop;
	k = lookup(ph_block_names, PH_BLOCK__MAX, ph.name, strlen(ph.name));
	if (k < 0 || !usable(&ph, block_grp[k]))
		goto drop;
	if (k == PH_FORM_LINES) {
		n = 3;
		if ((a = arg_take(&ph, "n")) != NULL) {
			char *end, *v = xstrndup(a->v, a->vn);
			long l = strtol(v, &end, 10);
			bool ok = a->vn > 0 && *end == '\0' && l >= 1 &&
			    l <= 20;

			free(v);
			if (!ok) {
				bad_value(&ph, a);
				goto drop;
			}
			n = (int)l;
		}
	}
	if (unused_args(&ph) < 0)
		goto drop;
	snprintf(tag, sizeof(tag), BLOCK_TAG "%d:%d", k, n);
	blk = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
	cmark_node_set_on_enter(blk, tag);
	cmark_node_insert_before(para, blk);
	rc = 0;
drop:
	cmark_node_unlink(para);
	cmark_node_free(para);
	return rc;
}

int
placeholder_block(cmark_node *n, int *arg)
{
	const char *tag;
	int k, v;

	*arg = 0;
	if (cmark_node_get_type(n) != CMARK_NODE_CUSTOM_BLOCK ||
	    (tag = cmark_node_get_on_enter(n)) == NULL ||
	    strncmp(tag, BLOCK_TAG, strlen(BLOCK_TAG)) != 0 ||
	    sscanf(tag + strlen(BLOCK_TAG), "%d:%d", &k, &v) != 2 ||
	    k < 0 || k >= PH_BLOCK__MAX)
		return -1;
	*arg = v;
	return k;
}

/* The start position of a node (0 when cmark has none). */
static void
node_pos(cmark_node *n, long *line, long *col)
{
	*line = cmark_node_get_start_line(n);
	*col = cmark_node_get_start_column(n);
}

/* Collect the first text node of each run of text siblings, the block
 * placeholder paragraphs, and undo escape marks outside text. */
static void
collect(cmark_node *root, cmark_node ***runs, size_t *nruns,
    cmark_node ***blocks, size_t *nblocks)
{
	size_t rcap = 0, bcap = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it), *prev;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			prev = cmark_node_previous(n);
			if (prev != NULL && cmark_node_get_type(prev) ==
			    CMARK_NODE_TEXT)
				break;
			*runs = xgrow(*runs, &rcap, *nruns + 1,
			    sizeof(**runs));
			(*runs)[(*nruns)++] = n;
			break;
		case CMARK_NODE_PARAGRAPH:
			if (block_candidate(n) == NULL)
				break;
			*blocks = xgrow(*blocks, &bcap, *nblocks + 1,
			    sizeof(**blocks));
			(*blocks)[(*nblocks)++] = n;
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_HTML_BLOCK:
			unescape_prop(n, cmark_node_get_literal,
			    cmark_node_set_literal, true);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			unescape_prop(n, cmark_node_get_url,
			    cmark_node_set_url, false);
			unescape_prop(n, cmark_node_get_title,
			    cmark_node_set_title, false);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Does a paragraph or heading hold nothing but white space? */
static bool
blank_block(cmark_node *b)
{
	for (cmark_node *n = cmark_node_first_child(b); n != NULL;
	    n = cmark_node_next(n)) {
		const char *lit;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			break;
		case CMARK_NODE_TEXT:
			lit = cmark_node_get_literal(n);
			for (; lit != NULL && *lit != '\0'; lit++)
				if (!isspace((unsigned char)*lit))
					return false;
			break;
		default:
			return false;
		}
	}
	return true;
}

/*
 * Remove the paragraphs and headings that expansion left blank (a false
 * condition, an empty optional value), then the list items, lists and
 * quotes left with nothing in them.
 */
static void
prune_blank(cmark_node *root)
{
	cmark_node **dead = NULL;
	size_t ndead = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type ty = cmark_node_get_type(n);

		if (ev == CMARK_EVENT_ENTER && (ty == CMARK_NODE_PARAGRAPH ||
		    ty == CMARK_NODE_HEADING) && blank_block(n)) {
			dead = xgrow(dead, &cap, ndead + 1, sizeof(*dead));
			dead[ndead++] = n;
		}
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < ndead; i++) {
		cmark_node *n = dead[i], *up;

		for (;;) {
			up = cmark_node_parent(n);
			cmark_node_unlink(n);
			cmark_node_free(n);
			if (up == NULL || up == root ||
			    cmark_node_first_child(up) != NULL)
				break;
			if (cmark_node_get_type(up) != CMARK_NODE_ITEM &&
			    cmark_node_get_type(up) != CMARK_NODE_LIST &&
			    cmark_node_get_type(up) != CMARK_NODE_BLOCK_QUOTE)
				break;
			n = up;
		}
	}
	free(dead);
}

int
placeholder_expand_tree(cmark_node *root, const struct compose_ctx *c,
    const char *file)
{
	cmark_node **runs = NULL, **blocks = NULL;
	size_t nruns = 0, nblocks = 0, i;
	int errors = 0;

	collect(root, &runs, &nruns, &blocks, &nblocks);
	if (nblocks > 0) {
		/* The block paragraphs' text nodes were collected as runs
		 * too: collect again after turning them into blocks. */
		for (i = 0; i < nblocks; i++)
			if (make_block(blocks[i], block_candidate(blocks[i]),
			    c, file) < 0)
				errors++;
		free(runs);
		free(blocks);
		runs = blocks = NULL;
		nruns = nblocks = 0;
		collect(root, &runs, &nruns, &blocks, &nblocks);
	}

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
		brace_state(sb_str(&text), text.len, &open, &prev);

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

		if (merged || (text.len > 0 && (strstr(text.s, "{{") != NULL ||
		    strchr(text.s, ESC) != NULL))) {
			struct src s = { file, segs, nsegs, c };

			errors += expand(&out, sb_str(&text), text.len, &s);
			cmark_node_set_literal(n, sb_str(&out));
		}
		sb_free(&text);
		sb_free(&out);
		free(segs);
	}
	free(runs);
	free(blocks);
	prune_blank(root);
	return errors;
}

/* Markers stored as the user data of list items with a tick box. */
static const char tick_marks[2] = { 0, 1 };

int
placeholder_tick(cmark_node *item)
{
	void *u;

	if (cmark_node_get_type(item) != CMARK_NODE_ITEM)
		return -1;
	u = cmark_node_get_user_data(item);
	if (u == &tick_marks[0])
		return 0;
	if (u == &tick_marks[1])
		return 1;
	return -1;
}

int
placeholder_tick_items(cmark_node *root)
{
	cmark_node **items = NULL;
	size_t n = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	int marked = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(
		    cmark_iter_get_node(it)) == CMARK_NODE_ITEM) {
			items = xgrow(items, &cap, n + 1, sizeof(*items));
			items[n++] = cmark_iter_get_node(it);
		}
	cmark_iter_free(it);

	for (size_t i = 0; i < n; i++) {
		cmark_node *para = cmark_node_first_child(items[i]), *t;
		const char *lit;
		int ticked;

		if (para == NULL || cmark_node_get_type(para) !=
		    CMARK_NODE_PARAGRAPH ||
		    (t = cmark_node_first_child(para)) == NULL ||
		    cmark_node_get_type(t) != CMARK_NODE_TEXT ||
		    (lit = cmark_node_get_literal(t)) == NULL)
			continue;
		if (strncmp(lit, "[ ]", 3) == 0)
			ticked = 0;
		else if (strncmp(lit, "[x]", 3) == 0 ||
		    strncmp(lit, "[X]", 3) == 0)
			ticked = 1;
		else
			continue;
		lit += 3;
		while (*lit == ' ')
			lit++;
		/* cmark_node_set_literal copies before freeing the old. */
		char *rest = xstrdup(lit);

		cmark_node_set_literal(t, rest);
		free(rest);
		cmark_node_set_user_data(items[i], (void *)&tick_marks[ticked]);
		marked++;
	}
	free(items);
	return marked;
}

int
placeholder_check_text(const char *s, size_t len, const struct compose_ctx *c,
    const char *file)
{
	cmark_node *doc;
	char *src = xmalloc(len + 1);
	int n;

	memcpy(src, s, len);
	src[len] = '\0';
	placeholder_escape_source(src, len);
	doc = cmark_parse_document(src, len, CMARK_OPT_SOURCEPOS);
	n = placeholder_expand_tree(doc, c, file);
	cmark_node_free(doc);
	free(src);
	return n;
}
