/*
 * The tandem overview (tandems.pdf) and the generated chapters of the
 * handbook (participants, tandems, schedule of events, contacts). Both
 * read the tandems from the programme (fixed or matched by
 * tandems_form()); tandems.pdf also shows the score parts and why people
 * stayed without a tandem.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "compose/figures.h"
#include "compose/labels.h"
#include "compose/wording.h"
#include "docs/docs.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Reasons for staying without a tandem, by language. */
static const char *const why_text[LANG__MAX][TANDEMS_WHY__MAX] = {
	{ "kein zulässiges Gegenüber (alle durch Regeln ausgeschlossen)",
	  "alle zulässigen Gegenüber werden für andere Tandems gebraucht",
	  "nicht in den festgelegten Tandems" },
	{ "no admissible mentor (all excluded by rules)",
	  "every admissible mentor is needed for other tandems",
	  "not in any of the fixed tandems" },
};

static const char *const rule_text[LANG__MAX][RULE__MAX] = {
	{ "", "ausgeschlossenes Paar", "gleiche Organisation",
	  "Stufenabstand zu klein", "fest einer anderen Person zugeordnet",
	  "keine Kapazität", "ausgeschieden" },
	{ "", "forbidden pair", "same organisation", "level gap too small",
	  "pinned to another mentor", "no capacity", "withdrawn" },
};

static const enum label part_label[MATCH_PART__MAX] = {
	LABEL_PART_TOPICS, LABEL_PART_WISH_GENDER, LABEL_PART_FIELD,
	LABEL_PART_LEVEL_GAP, LABEL_PART_BACKGROUND, LABEL_PART_LANGUAGE,
};

/* A cell with a bold first line and a second line (either may be NULL). */
static struct doc_block *
cell2(struct doc_block *row, const char *a, const char *b)
{
	struct doc_block *c = doc_add(row, DOC_CELL, NULL, 0);
	struct doc_block *p = docs_para(c, NULL, DOC_ALIGN_LEFT, 0, 0);

	if (a != NULL && *a != '\0')
		doc_add_text(p, a, strlen(a), DOC_BOLD, 0);
	if (b != NULL && *b != '\0') {
		if (p->nruns > 0)
			doc_add_break(p, 0);
		doc_add_text(p, b, strlen(b), 0, 0);
	}
	if (p->nruns == 0)
		doc_add_text(p, "", 0, 0, 0);
	return c;
}

/* Name and organisation (short form) of a person. */
static void
person_cell(struct doc_block *row, const struct programme *p, int who)
{
	struct strbuf sb = STRBUF_INIT;
	const char *org = compose_org_short(p, p->people[who].org);

	compose_name(&sb, &p->people[who]);
	cell2(row, sb_str(&sb), org);
	sb_free(&sb);
}

static char *
shared_text(const struct programme *p, const struct pair *t)
{
	struct strbuf sb = STRBUF_INIT;
	int *sh = xcalloc(p->people[t->mentee].ntopics + 1, sizeof(*sh));
	size_t n = compose_shared_topics(p, t, sh);

	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sb_adds(&sb, ", ");
		sb_adds(&sb, p->topics[sh[i]].label);
	}
	free(sh);
	if (n == 0)
		sb_adds(&sb, "\xe2\x80\x93");
	return sb_take(&sb);
}

void
docs_tandem_table(struct doc_block *parent, const struct programme *p,
    bool with_score)
{
	static const double w4[] = { 0.8, 4, 4, 4.2 };
	static const double w5[] = { 0.8, 4, 4, 4.2, 1.4 };
	struct doc_block *t, *r;
	const char *mentors = docs_cap(wording_role_any(p->lang, p->wording,
	    ROLE_MENTOR));

	t = docs_table(parent, with_score ? w5 : w4, with_score ? 5 : 4, 1);
	r = docs_row(t);
	docs_cell(r, "#", DOC_BOLD, 0);
	docs_cell(r, docs_cap(wording_role_any(p->lang, p->wording,
	    ROLE_MENTEE)), DOC_BOLD, 0);
	docs_cell(r, mentors, DOC_BOLD, 0);
	docs_cell(r, label_get(p->lang, LABEL_SHARED_TOPICS), DOC_BOLD, 0);
	if (with_score)
		docs_cell(r, label_get(p->lang, LABEL_SCORE), DOC_BOLD, 0);
	for (size_t k = 0; k < p->ntandems; k++) {
		char num[32], *sh;

		r = docs_row(t);
		snprintf(num, sizeof(num), "%zu", k + 1);
		docs_cell(r, num, 0, 0);
		person_cell(r, p, p->tandems[k].mentee);
		person_cell(r, p, p->tandems[k].mentor);
		sh = shared_text(p, &p->tandems[k]);
		docs_cell(r, sh, 0, 0);
		free(sh);
		if (with_score) {
			snprintf(num, sizeof(num), "%d",
			    p->tandems[k].score < 0 ? 0 : p->tandems[k].score);
			docs_cell(r, num, 0, 0);
		}
	}
}

/* "Themen 67 %, Fachgebiet 100 %" for a tandem's score parts. */
static char *
parts_text(const struct programme *p, const struct tandems_pair *tp)
{
	struct strbuf sb = STRBUF_INIT;

	for (int i = 0; i < MATCH_PART__MAX; i++) {
		if (!(tp->applies & (1u << i)))
			continue;
		if (sb.len > 0)
			sb_adds(&sb, ", ");
		sb_addf(&sb, "%s %d\xc2\xa0%%", label_get(p->lang,
		    part_label[i]), (int)(tp->part[i] * 100 + 0.5));
	}
	if (sb.len == 0)
		sb_adds(&sb, DOCS_LANG(p, "keine Kriterien (100)",
		    "no criteria (100)"));
	return sb_take(&sb);
}

struct doc *
docs_tandems_compose(const struct docs_env *env)
{
	static const double wt[] = { 0.8, 3.5, 3.5, 3.4, 1.7, 4 };
	const struct programme *p = env->p;
	const struct tandems_result *tr = env->tr;
	struct doc *d = docs_doc_new(p, label_get(p->lang,
	    LABEL_TANDEM_OVERVIEW));
	struct doc_block *root = d->root, *t = NULL, *r, *b = NULL;
	struct strbuf sb = STRBUF_INIT;
	long total = 0;
	size_t unused = 0;

	docs_heading(root, 1, label_get(p->lang, LABEL_TANDEM_OVERVIEW), true);
	b = docs_para(root, p->title, DOC_ALIGN_LEFT, 11, DOC_BOLD);
	if (p->edition != NULL) {
		doc_add_break(b, 0);
		doc_add_text(b, p->edition, strlen(p->edition), 0, 0);
	}
	sb_adds(&sb, label_get(p->lang, LABEL_PERIOD));
	sb_adds(&sb, ": ");
	label_period(&sb, p->lang, p->start, p->end);
	docs_para(root, sb_str(&sb), DOC_ALIGN_LEFT, 0, 0);
	sb_clear(&sb);
	sb_adds(&sb, p->tandem_source == TANDEMS_MATCHED ?
	    DOCS_LANG(p, "Die Tandems wurden nach den Regeln und Gewichten "
	    "des Programms gebildet (höchstmögliche Zahl von Tandems, dann "
	    "höchste Gesamtpunktzahl).", "The tandems were formed by the "
	    "programme's rules and weights (as many tandems as possible, "
	    "then the highest total score).") :
	    DOCS_LANG(p, "Die Tandems sind festgelegt; ihre Punkte wurden "
	    "neu berechnet.", "The tandems are fixed; their scores were "
	    "recomputed."));
	docs_para(root, sb_str(&sb), DOC_ALIGN_LEFT, 0, 0);
	sb_clear(&sb);

	docs_heading(root, 2, label_get(p->lang, LABEL_TANDEMS), true);
	if (p->ntandems > 0) {
		t = docs_table(root, wt, 6, 1);
		r = docs_row(t);
		docs_cell(r, "#", DOC_BOLD, 0);
		docs_cell(r, docs_cap(wording_role_any(p->lang, p->wording,
		    ROLE_MENTEE)), DOC_BOLD, 0);
		docs_cell(r, docs_cap(wording_role_any(p->lang, p->wording,
		    ROLE_MENTOR)), DOC_BOLD, 0);
		docs_cell(r, label_get(p->lang, LABEL_SHARED_TOPICS), DOC_BOLD,
		    0);
		docs_cell(r, label_get(p->lang, LABEL_SCORE), DOC_BOLD, 0);
		docs_cell(r, label_get(p->lang, LABEL_PARTS), DOC_BOLD, 0);
	}
	for (size_t k = 0; k < p->ntandems; k++) {
		char num[32], *s;
		int score = p->tandems[k].score < 0 ? 0 : p->tandems[k].score;

		r = docs_row(t);
		snprintf(num, sizeof(num), "%zu", k + 1);
		docs_cell(r, num, 0, 0);
		person_cell(r, p, p->tandems[k].mentee);
		person_cell(r, p, p->tandems[k].mentor);
		s = shared_text(p, &p->tandems[k]);
		docs_cell(r, s, 0, 0);
		free(s);
		if (tr != NULL && k < tr->npairs)
			score = tr->pairs[k].score;
		total += score;
		snprintf(num, sizeof(num), "%d", score);
		docs_cell(r, num, DOC_BOLD, 0);
		if (tr != NULL && k < tr->npairs) {
			s = parts_text(p, &tr->pairs[k]);
			if (tr->pairs[k].pinned) {
				char *s2 = xasprintf("%s; %s", s, DOCS_LANG(p,
				    "fest zugeordnet", "pinned"));

				free(s);
				s = s2;
			}
			docs_cell(r, s, 0, 8);
			free(s);
		} else
			docs_cell(r, NULL, 0, 0);
	}
	if (p->ntandems == 0)
		docs_para(root, DOCS_LANG(p, "Es gibt keine Tandems.",
		    "There are no tandems."), DOC_ALIGN_LEFT, 0, DOC_ITALIC);

	/* People without a tandem. */
	docs_heading(root, 2, label_get(p->lang, LABEL_UNMATCHED), true);
	if (tr != NULL && tr->nunmatched > 0) {
		static const double wu[] = { 4, 8 };

		t = docs_table(root, wu, 2, 1);
		r = docs_row(t);
		docs_cell(r, label_get(p->lang, LABEL_NAME), DOC_BOLD, 0);
		docs_cell(r, label_get(p->lang, LABEL_REASON), DOC_BOLD, 0);
		for (size_t k = 0; k < tr->nunmatched; k++) {
			const struct tandems_unmatched *u = &tr->unmatched[k];

			r = docs_row(t);
			person_cell(r, p, u->mentee);
			sb_clear(&sb);
			sb_adds(&sb, why_text[p->lang][u->why]);
			/* Which rule excluded how many mentors. */
			for (int rl = 1; rl < RULE__MAX; rl++) {
				size_t c = 0;

				for (size_t e = 0; e < u->nexcluded; e++)
					if (u->rule[e] == (enum rule)rl)
						c++;
				if (c > 0)
					sb_addf(&sb, "; %s: %zu", rule_text
					    [p->lang][rl], c);
			}
			docs_cell(r, sb_str(&sb), 0, 0);
		}
	}
	/* Mentors taking part whose capacity no tandem uses. */
	for (size_t i = 0; i < p->npeople; i++) {
		const struct person *m = &p->people[i];
		bool used = false;

		if (m->role != ROLE_MENTOR || m->status == STATUS_WITHDRAWN)
			continue;
		for (size_t k = 0; k < p->ntandems && !used; k++)
			used = p->tandems[k].mentor == (int)i;
		if (used)
			continue;
		if (unused++ == 0) {
			docs_para(root, DOCS_LANG(p, "Ohne Mentee:",
			    "Without a mentee:"), DOC_ALIGN_LEFT, 0, DOC_BOLD);
			b = docs_para(root, NULL, DOC_ALIGN_LEFT, 0, 0);
		} else
			doc_add_break(b, 0);
		sb_clear(&sb);
		compose_name(&sb, m);
		if (m->org >= 0) {
			sb_adds(&sb, " (");
			sb_adds(&sb, compose_org_short(p, m->org));
			sb_adds(&sb, ")");
		}
		sb_adds(&sb, " \xe2\x80\x93 ");
		sb_adds(&sb, m->capacity == 0 ? DOCS_LANG(p, "keine Kapazität",
		    "no capacity") : DOCS_LANG(p, "nicht benötigt oder kein "
		    "passendes Gegenüber", "not needed or no admissible "
		    "mentee"));
		doc_add_text(b, sb_str(&sb), sb.len, 0, 0);
	}
	if ((tr == NULL || tr->nunmatched == 0) && unused == 0)
		docs_para(root, DOCS_LANG(p, "Alle Teilnehmenden haben ein "
		    "Tandem.", "Everybody has a tandem."), DOC_ALIGN_LEFT, 0,
		    DOC_ITALIC);

	/* Totals. */
	docs_heading(root, 2, label_get(p->lang, LABEL_TOTAL), true);
	{
		static const double wsum[] = { 6, 2 };
		const char *keys[6];
		long vals[6];
		char num[48];

		keys[0] = label_get(p->lang, LABEL_TANDEMS);
		vals[0] = (long)p->ntandems;
		keys[1] = docs_cap(wording_roles(p->lang, p->wording,
		    ROLE_MENTEE));
		vals[1] = tr ? (long)tr->nmentees : (long)programme_count(p,
		    ROLE_MENTEE, GENDER__MAX, false);
		keys[2] = docs_cap(wording_roles(p->lang, p->wording,
		    ROLE_MENTOR));
		vals[2] = tr ? (long)tr->nmentors : (long)programme_count(p,
		    ROLE_MENTOR, GENDER__MAX, false);
		keys[3] = DOCS_LANG(p, "Plätze (Kapazität)",
		    "Places (capacity)");
		vals[3] = tr ? (long)tr->nslots : 0;
		keys[4] = label_get(p->lang, LABEL_UNMATCHED);
		vals[4] = tr ? (long)tr->nunmatched : 0;
		keys[5] = DOCS_LANG(p, "Punkte im Mittel", "Mean score");
		vals[5] = p->ntandems ? (total * 10 + (long)p->ntandems / 2) /
		    (long)p->ntandems : 0;
		t = docs_table(root, wsum, 2, 0);
		for (int i = 0; i < 6; i++) {
			r = docs_row(t);
			docs_cell(r, keys[i], 0, 0);
			if (i == 5)
				snprintf(num, sizeof(num), p->lang == LANG_EN ?
				    "%ld.%ld" : "%ld,%ld", vals[i] / 10,
				    vals[i] % 10);
			else
				snprintf(num, sizeof(num), "%ld", vals[i]);
			docs_cell(r, num, DOC_BOLD, 0);
		}
	}
	sb_free(&sb);
	return d;
}

int
docs_build_tandems(const struct programme *p, const struct tandems_result *tr,
    const struct docs_out *o)
{
	struct docs_env env;
	struct template *t;
	struct device *dev;
	struct doc *d;
	int rc = 0;

	if (programme_count(p, ROLE_MENTEE, GENDER__MAX, false) == 0 &&
	    p->ntandems == 0) {
		diag_warn(p->file, p->people_line, "tandems: no mentees taking "
		    "part; skipped");
		return 0;
	}
	if ((t = docs_template(o->dir, "tandems", &rc)) == NULL)
		return rc;
	memset(&env, 0, sizeof(env));
	env.p = p;
	env.t = t;
	env.tr = tr;
	d = docs_tandems_compose(&env);
	dev = o->text ? dev_text_new() : dev_pdf_new();
	rc = docs_write(dev, d, t, o, "tandems", label_get(p->lang,
	    LABEL_TANDEM_OVERVIEW));
	dev->ops->free(dev);
	doc_free(d);
	template_free(t);
	return rc;
}

/* ---- the generated chapters of the handbook ------------------------- */

static void
participants(struct doc *d, const struct programme *p)
{
	static const double w[] = { 3.2, 2.6, 2.6, 3.4 };
	int *order = xcalloc(p->npeople + 1, sizeof(*order));
	size_t n = figures_people_order(p, false, order);
	struct doc_block *root = d->root, *t = NULL, *r;
	int role = -1, org = -2;
	struct strbuf sb = STRBUF_INIT;

	docs_heading(root, 1, label_get(p->lang, LABEL_PARTICIPANTS), true);
	sb_adds(&sb, DOCS_LANG(p, "Alle Teilnehmenden des Programms, nach "
	    "Rolle und Organisation geordnet.", "Everybody taking part, by "
	    "role and organisation."));
	docs_para(root, sb_str(&sb), DOC_ALIGN_LEFT, 0, 0);
	for (size_t i = 0; i < n; i++) {
		const struct person *x = &p->people[order[i]];

		if ((int)x->role != role) {
			role = (int)x->role;
			org = -2;
			docs_heading(root, 2, docs_cap(wording_roles(p->lang,
			    p->wording, x->role)), true);
		}
		if (x->org != org) {
			org = x->org;
			docs_heading(root, 3, org >= 0 ? compose_org(p, org) :
			    DOCS_LANG(p, "Ohne Organisation",
			    "No organisation"), false);
			t = docs_table(root, w, 4, 1);
			r = docs_row(t);
			docs_cell(r, label_get(p->lang, LABEL_NAME), DOC_BOLD,
			    9);
			docs_cell(r, label_get(p->lang, LABEL_UNIT), DOC_BOLD,
			    9);
			docs_cell(r, label_get(p->lang, LABEL_POSITION),
			    DOC_BOLD, 9);
			docs_cell(r, label_get(p->lang, LABEL_TOPICS), DOC_BOLD,
			    9);
		}
		r = docs_row(t);
		sb_clear(&sb);
		compose_name(&sb, x);
		docs_cell(r, sb_str(&sb), DOC_BOLD, 9);
		docs_cell(r, x->unit, 0, 9);
		docs_cell(r, x->position, 0, 9);
		sb_clear(&sb);
		for (size_t k = 0; k < x->ntopics; k++) {
			if (k > 0)
				sb_adds(&sb, ", ");
			sb_adds(&sb, p->topics[x->topics[k]].label);
		}
		docs_cell(r, sb_str(&sb), 0, 9);
	}
	if (n == 0)
		docs_para(root, DOCS_LANG(p, "Noch keine Teilnehmenden.",
		    "Nobody yet."), DOC_ALIGN_LEFT, 0, DOC_ITALIC);
	sb_free(&sb);
	free(order);
}

static void
events(struct doc *d, const struct programme *p)
{
	static const double w[] = { 2.2, 4, 2.2, 2.4 };
	int *order = xcalloc(p->nevents + 1, sizeof(*order));
	size_t n = figures_event_order(p, order);
	struct doc_block *t, *r;
	struct strbuf sb = STRBUF_INIT;

	docs_heading(d->root, 1, label_get(p->lang, LABEL_EVENTS), true);
	t = docs_table(d->root, w, 4, 1);
	r = docs_row(t);
	docs_cell(r, label_get(p->lang, LABEL_DATE), DOC_BOLD, 0);
	docs_cell(r, label_get(p->lang, LABEL_EVENT), DOC_BOLD, 0);
	docs_cell(r, label_get(p->lang, LABEL_KIND), DOC_BOLD, 0);
	docs_cell(r, label_get(p->lang, LABEL_PLACE), DOC_BOLD, 0);
	for (size_t i = 0; i < n; i++) {
		const struct event *e = &p->events[order[i]];

		r = docs_row(t);
		sb_clear(&sb);
		label_date_long(&sb, p->lang, e->date);
		cell2(r, sb_str(&sb), label_weekday(p->lang, e->date));
		docs_cell(r, e->title, DOC_BOLD, 0);
		docs_cell(r, label_event_kind(p->lang, e->kind), 0, 0);
		docs_cell(r, e->place, 0, 0);
	}
	sb_free(&sb);
	free(order);
}

static void
contacts(struct doc *d, const struct programme *p)
{
	struct strbuf sb = STRBUF_INIT;

	docs_heading(d->root, 1, label_get(p->lang, LABEL_CONTACTS), true);
	docs_para(d->root, DOCS_LANG(p, "Bei Fragen zum Programm wenden Sie "
	    "sich an das Koordinationsteam:", "For questions about the "
	    "programme, contact the coordinators:"), DOC_ALIGN_LEFT, 0, 0);
	for (size_t i = 0; i < p->ncoordinators; i++) {
		const struct coordinator *c = &p->coordinators[i];
		struct doc_block *b = doc_add(d->root, DOC_KEEP, NULL, 0);
		struct doc_block *para = docs_para(b, c->name, DOC_ALIGN_LEFT,
		    0, 0);
		struct doc_run *r;

		para->runs[0].style = DOC_BOLD;
		if (c->org >= 0) {
			doc_add_break(para, 0);
			sb_clear(&sb);
			sb_adds(&sb, compose_org(p, c->org));
			doc_add_text(para, sb_str(&sb), sb.len, 0, 0);
		}
		if (c->phone != NULL) {
			doc_add_break(para, 0);
			sb_clear(&sb);
			sb_addf(&sb, "%s: %s", label_get(p->lang, LABEL_PHONE),
			    c->phone);
			doc_add_text(para, sb_str(&sb), sb.len, 0, 0);
		}
		if (c->email != NULL) {
			doc_add_break(para, 0);
			sb_clear(&sb);
			sb_addf(&sb, "%s: ", label_get(p->lang, LABEL_EMAIL));
			doc_add_text(para, sb_str(&sb), sb.len, 0, 0);
			r = doc_add_text(para, c->email, strlen(c->email), 0,
			    0);
			r->uri = xasprintf("mailto:%s", c->email);
		}
	}
	sb_free(&sb);
}

void
docs_handbook_chapters(struct doc *d, const struct programme *p)
{
	participants(d, p);
	if (p->ntandems > 0) {
		docs_heading(d->root, 1, label_get(p->lang, LABEL_TANDEMS),
		    true);
		docs_tandem_table(d->root, p, false);
	}
	if (p->nevents > 0)
		events(d, p);
	if (p->ncoordinators > 0)
		contacts(d, p);
}
