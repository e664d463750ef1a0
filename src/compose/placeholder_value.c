/*
 * The values of placeholders: which names there are, in which texts each
 * may be used, and the text each one stands for in a programme (dates,
 * counts, people's fields, role words, evaluation figures), capitalised
 * or written as a word when asked.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/certno.h"
#include "compose/grammar.h"
#include "compose/labels.h"
#include "compose/placeholder.h"
#include "compose/placeholder_priv.h"
#include "compose/wording.h"
#include "util/xalloc.h"

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
	G_RULES_DIFFERENT_ORG,
	G_RULES_SAME_FIELD,
	G_RULES_MIN_LEVEL_GAP,
	G_ORGANISATIONS_COUNT,
	G_PERIOD,
	G_PERIOD_START,
	G_PERIOD_END,
	G_DATE,
	G_PLACE,
	G_ORGANISATIONS,
	G_TOPICS,
	G_TOPICS_COUNT,
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
	[G_RULES_DIFFERENT_ORG] = { "rules.different-organisation", GRP_ALL },
	[G_RULES_SAME_FIELD] = { "rules.same-field", GRP_ALL },
	[G_RULES_MIN_LEVEL_GAP] = { "rules.min-level-gap", GRP_ALL },
	[G_ORGANISATIONS_COUNT] = { "organisations.count", GRP_ALL },
	[G_PERIOD] = { "period", GRP_ALL },
	[G_PERIOD_START] = { "period.start", GRP_ALL },
	[G_PERIOD_END] = { "period.end", GRP_ALL },
	[G_DATE] = { "date", GRP_ALL },
	[G_PLACE] = { "place", GRP_ALL },
	[G_ORGANISATIONS] = { "organisations", GRP_ALL },
	[G_TOPICS] = { "topics", GRP_ALL },
	[G_TOPICS_COUNT] = { "topics.count", GRP_ALL },
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

const enum grp ph_block_grp[PH_BLOCK__MAX] = {
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

/* The argument key=value as an index into names (or -1 when absent);
 * -2 after reporting an invalid value. */
static int
arg_enum(struct ph *ph, const char *key, const char *const *names, int max)
{
	struct arg *a = ph_arg_take(ph, key);
	int v;

	if (a == NULL)
		return -1;
	if ((v = ph_lookup(names, max, a->v, a->vn)) < 0 || a->vn == 0) {
		ph_bad_value(ph, a);
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
	if ((a = ph_arg_take(ph, "org")) != NULL) {
		char *id = xstrndup(a->v, a->vn);

		org = programme_find_org(p, id);
		free(id);
		if (org < 0) {
			ph_err(ph->s, ph->off, "unknown organisation '%.*s' in "
			    "placeholder 'count'", ph_show(a->v, a->vn), a->v);
			return -1;
		}
	}
	if ((a = ph_arg_take(ph, "background")) != NULL) {
		if (a->vn == 0)
			return ph_bad_value(ph, a);
		if (ph_tok_is(a->v, a->vn, "any"))
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
	if (g == G_EVAL_CAREER_STEP && (as = ph_arg_take(ph, "as")) != NULL &&
	    !ph_tok_is(as->v, as->vn, "percent"))
		return ph_bad_value(ph, as);
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
	/* The hard rules in force, so that a text states only those. */
	case G_RULES_DIFFERENT_ORG:
		sb_addf(out, "%d", p->rules.different_org ? 1 : 0);
		break;
	case G_RULES_SAME_FIELD:
		sb_addf(out, "%d", p->rules.same_field ? 1 : 0);
		break;
	case G_RULES_MIN_LEVEL_GAP:
		sb_addf(out, "%d", p->rules.min_level_gap);
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
	case G_TOPICS_COUNT:
		sb_addf(out, "%zu", p->ntopics);
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
bool
ph_usable(struct ph *ph, enum grp g)
{
	if (avail[g][ph->s->ctx->text])
		return true;
	ph_err(ph->s, ph->off, "placeholder '%s' is not available in this "
	    "text", ph->name);
	return false;
}

/* How a count is to be written (as=words, case=, noun=, among=). */
struct gram {
	bool		 words;		/* as=words...: a word up to twelve */
	enum genus	 genus;		/* as=words-m, -f, -n */
	enum gcase	 gcase;		/* case=nom, acc, dat */
	char		 sg[64], pl[64];	/* noun=SG/PL, or empty */
	const struct arg *among;	/* among=KEY: the argument to leave out */
};

static const char *const genus_words[GENUS__MAX] = {
	"words", "words-m", "words-f", "words-n"
};
static const char *const case_names[GCASE__MAX] = { "nom", "acc", "dat" };

/*
 * Take the arguments any placeholder accepts for writing a count:
 * as=words[-m|-f|-n], case=, noun=SG/PL and among=KEY. 0, or -1 after
 * reporting.
 */
static int
gram_args(struct ph *ph, struct gram *gr)
{
	struct arg *a;
	int k;

	memset(gr, 0, sizeof(*gr));
	for (size_t i = 0; i < ph->nargs; i++) {
		a = &ph->args[i];
		if (ph_tok_is(a->k, a->kn, "as") &&
		    (k = ph_lookup(genus_words, GENUS__MAX, a->v, a->vn)) >= 0) {
			a->used = true;
			gr->words = true;
			gr->genus = (enum genus)k;
		}
	}
	if ((a = ph_arg_take(ph, "case")) != NULL) {
		if ((k = ph_lookup(case_names, GCASE__MAX, a->v, a->vn)) < 0)
			return ph_bad_value(ph, a);
		gr->gcase = (enum gcase)k;
		/* "ein" differs by gender outside the nominative. */
		if (k != GCASE_NOM && gr->genus == GENUS_ANY) {
			ph_err(ph->s, ph->off, "placeholder '%s': case=%.*s "
			    "needs the gender of the noun counted: as=words-m, "
			    "as=words-f or as=words-n", ph->name, (int)a->vn,
			    a->v);
			return -1;
		}
	}
	if ((a = ph_arg_take(ph, "noun")) != NULL) {
		const char *slash = memchr(a->v, '/', a->vn);
		size_t n1 = slash ? (size_t)(slash - a->v) : a->vn;
		size_t n2 = slash ? a->vn - n1 - 1 : a->vn;

		if (n1 == 0 || n2 == 0 || n1 >= sizeof(gr->sg) ||
		    n2 >= sizeof(gr->pl))
			return ph_bad_value(ph, a);
		memcpy(gr->sg, a->v, n1);
		memcpy(gr->pl, slash ? slash + 1 : a->v, n2);
		gr->words = true;
	}
	if ((gr->among = ph_arg_take(ph, "among")) != NULL)
		gr->words = true;
	return 0;
}

/*
 * The value of ph without the argument among= names: the whole the
 * count is a part of. -1 after reporting.
 */
static long
eval_whole(const struct ph *orig, const struct arg *among)
{
	static const char *const drop[] = { "as", "case", "noun", "among" };
	struct strbuf v = STRBUF_INIT;
	struct ph w = *orig;
	bool found = false;
	char *end;
	long n = -1;

	w.nargs = 0;
	for (size_t i = 0; i < orig->nargs; i++) {
		const struct arg *a = &orig->args[i];
		bool keep = true;

		for (size_t d = 0; d < sizeof(drop) / sizeof(*drop); d++)
			if (ph_tok_is(a->k, a->kn, drop[d]))
				keep = false;
		if (a->kn == among->vn && memcmp(a->k, among->v, a->kn) == 0) {
			keep = false;
			found = true;
		}
		if (keep) {
			w.args[w.nargs] = *a;
			w.args[w.nargs++].used = false;
		}
	}
	if (!found) {
		ph_err(orig->s, orig->off, "placeholder '%s': among=%.*s names "
		    "no argument of it; write the argument that narrows the "
		    "whole down to the part, e.g. among=gender", orig->name,
		    ph_show(among->v, among->vn), among->v);
		return -1;
	}
	if (ph_eval(&v, &w, false) == 0 && v.len > 0 &&
	    isdigit((unsigned char)v.s[0])) {
		n = strtol(v.s, &end, 10);
		if (*end != '\0')
			n = -1;
	}
	sb_free(&v);
	return n;
}

/*
 * Write the count from byte start of out as gr asks: a word when small
 * enough ("3" -> "drei", "0" -> "keine"), with its noun, or as a part of
 * its whole. Values that are not whole numbers stay as they are unless a
 * noun or a whole is asked for (then -1 after reporting).
 */
static int
gram_write(struct strbuf *out, size_t start, const struct ph *orig,
    const struct gram *gr)
{
	enum lang l = orig->s->ctx->prog->lang;
	const char *sg = gr->sg[0] ? gr->sg : NULL;
	const char *w;
	char *end;
	long n = -1, whole = 0;

	if (out->len > start && isdigit((unsigned char)out->s[start])) {
		n = strtol(out->s + start, &end, 10);
		if (*end != '\0')
			n = -1;
	}
	if (n < 0) {
		if (sg == NULL && gr->among == NULL)
			return 0;
		ph_err(orig->s, orig->off, "placeholder '%s': noun= and among= "
		    "need a count", orig->name);
		return -1;
	}
	if (gr->among != NULL && (whole = eval_whole(orig, gr->among)) < 0)
		return -1;
	out->len = start;
	out->s[start] = '\0';
	if (gr->among != NULL)
		grammar_part(out, l, n, whole, gr->genus, gr->gcase, sg,
		    gr->pl);
	else if (sg != NULL)
		grammar_count(out, l, n, gr->genus, gr->gcase, sg, gr->pl);
	else if ((w = grammar_number(l, n, gr->genus, gr->gcase)) != NULL)
		sb_adds(out, w);
	else
		sb_addf(out, "%ld", n);
	return 0;
}

/* Report the first argument nobody took; returns -1 if there was one. */
int
ph_unused_args(struct ph *ph)
{
	for (size_t i = 0; i < ph->nargs; i++)
		if (!ph->args[i].used) {
			ph_err(ph->s, ph->off, "unknown argument '%.*s' in "
			    "placeholder '%s'", ph_show(ph->args[i].k,
			    ph->args[i].kn), ph->args[i].k, ph->name);
			return -1;
		}
	return 0;
}

/*
 * Evaluate a parsed placeholder and append its value (capitalised when
 * cap). Returns 0, or -1 after reporting an error (nothing appended).
 */
int
ph_eval(struct strbuf *out, struct ph *php, bool cap)
{
	struct ph ph = *php;
	const struct src *s = ph.s;
	size_t off = ph.off;
	size_t start = out->len;
	const char *dot, *dot2;
	struct gram gr;
	int g, k, f, who, rc = 0;

	if (gram_args(&ph, &gr) < 0)
		return -1;
	if ((k = ph_lookup(ph_block_names, PH_BLOCK__MAX, ph.name,
	    strlen(ph.name))) >= 0) {
		if (ph_usable(&ph, ph_block_grp[k]))
			ph_err(s, off, "placeholder '%s' must stand alone in "
			    "its own paragraph", ph.name);
		return -1;
	}
	for (g = 0; g < G__MAX; g++)
		if (strcmp(ph.name, gdefs[g].name) == 0)
			break;
	if (g < G__MAX) {
		if (!ph_usable(&ph, gdefs[g].grp))
			return -1;
		rc = eval_global(out, &ph, (enum gname)g);
		goto done;
	}

	/* Scoped names: person.name, mentor.org-short, event.kickoff.date. */
	if ((dot = strchr(ph.name, '.')) == NULL)
		goto unknown;
	if (strncmp(ph.name, "event.", 6) == 0 &&
	    (dot2 = strchr(dot + 1, '.')) != NULL &&
	    (k = ph_lookup(event_kind_names, EVENT__MAX, dot + 1,
	    (size_t)(dot2 - dot - 1))) >= 0 &&
	    (f = ph_lookup(efields, EF__MAX, dot2 + 1,
	    strlen(dot2 + 1))) >= 0) {
		rc = eval_event(out, &ph, k, (enum efield)f);
		goto done;
	}
	for (k = 0; k < PS__MAX; k++)
		if (ph_tok_is(ph.name, (size_t)(dot - ph.name),
		    pscopes[k].name))
			break;
	if (k == PS__MAX ||
	    (f = ph_lookup(pfields, PF__MAX, dot + 1, strlen(dot + 1))) < 0)
		goto unknown;
	if (!ph_usable(&ph, pscopes[k].grp))
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
		rc = ph_unused_args(&ph);
	if (rc == 0 && gr.words)
		rc = gram_write(out, start, php, &gr);
	if (rc < 0) {
		out->len = start;
		if (out->s != NULL)
			out->s[start] = '\0';
		return -1;
	}
	if (cap)
		capitalise(out, start);
	return 0;
unknown:
	ph_err(s, off, "unknown placeholder '%s'", ph.name);
	return -1;
}

