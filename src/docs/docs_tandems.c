/*
 * The tandem overview (tandems.pdf) and the table of all tandems it
 * shares with the handbook. Both read the tandems from the programme
 * (fixed or matched by tandems_form()); tandems.pdf also shows the score
 * parts and why people stayed without a tandem.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/figures.h"
#include "compose/labels.h"
#include "compose/wording.h"
#include "docs/docs.h"
#include "load/fields.h"
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

/*
 * How many of the others a rule excludes, as a clause: "%s" stands for
 * the count, in the first clause with the others' role word ("5 Mentees
 * sind aus derselben Organisation", "bei 9 ist der Abstand ... zu
 * klein"); by language and rule, singular and plural.
 */
static const char *const rule_clause[LANG__MAX][RULE__MAX][2] = {
	{ { "", "" },
	  { "mit %s ist ein Tandem ausdrücklich ausgeschlossen",
	    "mit %s ist ein Tandem ausdrücklich ausgeschlossen" },
	  { "%s ist aus derselben Organisation",
	    "%s sind aus derselben Organisation" },
	  { "bei %s ist der Abstand der Hierarchiestufen zu klein",
	    "bei %s ist der Abstand der Hierarchiestufen zu klein" },
	  { "%s hat ein anderes Berufsfeld",
	    "%s haben ein anderes Berufsfeld" },
	  { "%s kommt wegen einer festen Zuordnung nicht in Frage",
	    "%s kommen wegen fester Zuordnungen nicht in Frage" },
	  { "%s hat keine freien Plätze", "%s haben keine freien Plätze" },
	  { "%s ist ausgeschieden", "%s sind ausgeschieden" } },
	{ { "", "" },
	  { "a tandem with %s is ruled out explicitly",
	    "a tandem with %s is ruled out explicitly" },
	  { "%s is from the same organisation",
	    "%s are from the same organisation" },
	  { "for %s the gap between the levels is too small",
	    "for %s the gap between the levels is too small" },
	  { "%s has another field", "%s have other fields" },
	  { "%s is ruled out by a pinned tandem",
	    "%s are ruled out by pinned tandems" },
	  { "%s has no places", "%s have no places" },
	  { "%s has withdrawn", "%s have withdrawn" } },
};

/* Does the clause of rule rl put its count in the dative ("bei 9",
 * "mit 2")? */
static bool
rule_dative(int rl)
{
	return rl == RULE_FORBIDDEN || rl == RULE_LEVEL_GAP;
}

/*
 * The plural of a role word after "keine", "bei" or "mit": the
 * substantivised participle takes -n ("keine Mentorierenden"); the other
 * words stay as they are.
 */
static void
add_roles_inflected(struct strbuf *sb, const struct programme *p,
    enum role role)
{
	const char *w = wording_roles(p->lang, p->wording, role);
	size_t n = strlen(w);

	sb_adds(sb, w);
	if (p->lang == LANG_DE && n >= 3 && strcmp(w + n - 3, "nde") == 0)
		sb_addc(sb, 'n');
}

/*
 * Append the clauses saying how many people of role other each rule
 * excludes, joined by commas and a final "und"; the first names the
 * role. Appends nothing when count[] is all zero.
 */
static void
rule_clauses(struct strbuf *sb, const struct programme *p,
    const size_t count[RULE__MAX], enum role other)
{
	size_t n = 0, k = 0;

	for (int rl = 1; rl < RULE__MAX; rl++)
		if (count[rl] > 0)
			n++;
	for (int rl = 1; rl < RULE__MAX; rl++) {
		const char *fmt, *at;

		if (count[rl] == 0)
			continue;
		if (k > 0)
			sb_adds(sb, k + 1 == n ? DOCS_LANG(p, " und ",
			    " and ") : ", ");
		fmt = rule_clause[p->lang][rl][count[rl] == 1 ? 0 : 1];
		at = strstr(fmt, "%s");
		sb_add(sb, fmt, (size_t)(at - fmt));
		sb_addf(sb, "%zu", count[rl]);
		if (k == 0) {
			sb_addc(sb, ' ');
			if (count[rl] == 1)
				sb_adds(sb, wording_role(p->lang, p->wording,
				    other, GENDER_UNKNOWN));
			else if (rule_dative(rl))
				add_roles_inflected(sb, p, other);
			else
				sb_adds(sb, wording_roles(p->lang, p->wording,
				    other));
		}
		sb_adds(sb, at + 2);
		k++;
	}
}

static const enum label part_label[MATCH_PART__MAX] = {
	LABEL_PART_TOPICS, LABEL_PART_WISH_GENDER, LABEL_PART_FIELD,
	LABEL_PART_LEVEL_GAP, LABEL_PART_BACKGROUND, LABEL_PART_LANGUAGE,
};

/* Does anybody in a tandem have a field (profession)? */
static bool
tandems_have_field(const struct programme *p)
{
	for (size_t k = 0; k < p->ntandems; k++)
		if (p->people[p->tandems[k].mentee].field != NULL ||
		    p->people[p->tandems[k].mentor].field != NULL)
			return true;
	return false;
}

/*
 * Name and organisation (short form) of a person: the name is never
 * hyphenated, the organisation in the data's language. With field, the
 * person's field follows on a line of its own ("Fachgebiet: Pflege", or
 * "Fachgebiet: –" when the person has none), so that a pairing can be
 * judged by profession.
 */
static void
person_cell(struct doc_block *row, const struct programme *p, int who,
    bool field)
{
	struct strbuf sb = STRBUF_INIT;
	const struct person *x = &p->people[who];
	const char *org = compose_org_short(p, x->org);
	struct doc_block *c;

	compose_name(&sb, x);
	c = docs_cell2(row, sb_str(&sb), DOC_LANG_NONE, org,
	    docs_data_lang(p));
	if (field) {
		struct doc_block *b = c->first;

		sb_clear(&sb);
		sb_addf(&sb, "%s: %s", label_get(p->lang, LABEL_FIELD),
		    x->field != NULL ? x->field : "\xe2\x80\x93");
		doc_add_break(b, 0);
		doc_add_text(b, sb_str(&sb), sb.len, 0, 0)->lang =
		    docs_data_lang(p);
	}
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

/* Append s to sb with its spaces as no-break spaces. */
static void
add_glued(struct strbuf *sb, const char *s)
{
	for (; *s != '\0'; s++)
		if (*s == ' ')
			sb_adds(sb, "\xc2\xa0");
		else
			sb_addc(sb, *s);
}

/*
 * The score parts of a tandem, one to a line ("Themen 67 %",
 * "Fachgebiet 100 %"), into paragraph b: each label glued to its value by
 * no-break spaces, so that no label is parted from its figure.
 */
static void
parts_lines(struct doc_block *b, const struct programme *p,
    const struct tandems_pair *tp)
{
	struct strbuf sb = STRBUF_INIT;

	for (int i = 0; i < MATCH_PART__MAX; i++) {
		if (!(tp->applies & (1u << i)))
			continue;
		sb_clear(&sb);
		add_glued(&sb, label_get(p->lang, part_label[i]));
		sb_addf(&sb, "\xc2\xa0%d\xc2\xa0%%", (int)(tp->part[i] * 100 +
		    0.5));
		if (b->nruns > 0)
			doc_add_break(b, 0);
		doc_add_text(b, sb_str(&sb), sb.len, 0, 0);
	}
	if (b->nruns == 0)
		doc_add_text(b, DOCS_LANG(p, "keine Kriterien (100)",
		    "no criteria (100)"), strlen(DOCS_LANG(p, "keine Kriterien "
		    "(100)", "no criteria (100)")), 0, 0);
	if (tp->pinned) {
		const char *pin = DOCS_LANG(p, "fest zugeordnet", "pinned");

		doc_add_break(b, 0);
		doc_add_text(b, pin, strlen(pin), DOC_ITALIC, 0);
	}
	sb_free(&sb);
}

/*
 * The score cell and the parts cell of tandem k in tandems.pdf; returns
 * the score (recomputed when tr has it).
 */
static int
score_cells(struct doc_block *r, const struct programme *p,
    const struct tandems_result *tr, size_t k)
{
	int score = p->tandems[k].score < 0 ? 0 : p->tandems[k].score;
	char num[32];

	if (tr != NULL && k < tr->npairs)
		score = tr->pairs[k].score;
	snprintf(num, sizeof(num), "%d", score);
	docs_cell(r, num, DOC_BOLD, 0);
	if (tr == NULL || k >= tr->npairs) {
		docs_cell(r, NULL, 0, 0);
		return score;
	}
	parts_lines(docs_para(doc_add(r, DOC_CELL, NULL, 0), NULL,
	    DOC_ALIGN_LEFT, 8, 0), p, &tr->pairs[k]);
	return score;
}

long
docs_tandem_table(struct doc_block *parent, const struct programme *p,
    const struct tandems_result *tr, bool overview)
{
	static const double w4[] = { 0.8, 4, 4, 4.2 };
	static const double w6[] = { 0.8, 3.5, 3.5, 3.4, 1.7, 4 };
	struct doc_block *t, *r;
	long total = 0;
	bool field = tandems_have_field(p);

	t = docs_table(parent, overview ? w6 : w4, overview ? 6 : 4, 1);
	r = docs_row(t);
	docs_cell(r, "#", DOC_BOLD, 0);
	docs_cell(r, docs_cap(wording_role_any(p->lang, p->wording,
	    ROLE_MENTEE)), DOC_BOLD, 0);
	docs_cell(r, docs_cap(wording_role_any(p->lang, p->wording,
	    ROLE_MENTOR)), DOC_BOLD, 0);
	docs_cell(r, label_get(p->lang, LABEL_SHARED_TOPICS), DOC_BOLD, 0);
	if (overview) {
		docs_cell(r, label_get(p->lang, LABEL_SCORE), DOC_BOLD, 0);
		docs_cell(r, label_get(p->lang, LABEL_PARTS), DOC_BOLD, 0);
	}
	for (size_t k = 0; k < p->ntandems; k++) {
		char num[32], *sh;

		r = docs_row(t);
		snprintf(num, sizeof(num), "%zu", k + 1);
		docs_cell(r, num, 0, 0);
		person_cell(r, p, p->tandems[k].mentee, field);
		person_cell(r, p, p->tandems[k].mentor, field);
		sh = shared_text(p, &p->tandems[k]);
		docs_set_lang(docs_cell(r, sh, 0, 0), docs_data_lang(p));
		free(sh);
		if (overview)
			total += score_cells(r, p, tr, k);
	}
	return total;
}

/* Is person i in one of the programme's tandems? */
static bool
in_tandem(const struct programme *p, size_t i)
{
	for (size_t k = 0; k < p->ntandems; k++)
		if (p->tandems[k].mentee == (int)i ||
		    p->tandems[k].mentor == (int)i)
			return true;
	return false;
}

/* Has anybody of role taking part the field f (as same-field compares)? */
static bool
field_of_role(const struct programme *p, enum role role, const char *f)
{
	if (f == NULL)
		return true;
	for (size_t k = 0; k < p->npeople; k++)
		if (p->people[k].role == role &&
		    p->people[k].status != STATUS_WITHDRAWN &&
		    p->people[k].field != NULL &&
		    field_same(p->people[k].field, f))
			return true;
	return false;
}

/* Why mentee i has no tandem: the matching's reason and the rules. */
static void
mentee_reason(struct strbuf *sb, const struct programme *p,
    const struct tandems_result *tr, size_t i)
{
	const struct tandems_unmatched *u = NULL;
	size_t count[RULE__MAX] = { 0 };
	bool any = false;

	for (size_t k = 0; tr != NULL && k < tr->nunmatched; k++)
		if (tr->unmatched[k].mentee == (int)i)
			u = &tr->unmatched[k];
	if (u == NULL) {
		sb_adds(sb, why_text[p->lang][TANDEMS_NOT_FIXED]);
		return;
	}
	/* Which rule excluded how many mentors. */
	for (size_t e = 0; e < u->nexcluded; e++)
		if (u->rule[e] > RULE_OK && u->rule[e] < RULE__MAX)
			count[u->rule[e]]++;
	for (int rl = 1; rl < RULE__MAX; rl++)
		any = any || count[rl] > 0;
	/* The field rule excluded every mentor of a field nobody has. */
	if (u->why == TANDEMS_NO_ADMISSIBLE && count[RULE_FIELD] > 0 &&
	    !field_of_role(p, ROLE_MENTOR, p->people[i].field)) {
		sb_addf(sb, label_get(p->lang, LABEL_WHY_NO_FIELD),
		    p->people[i].field);
		count[RULE_FIELD] = 0;
		any = false;
		for (int rl = 1; rl < RULE__MAX; rl++)
			any = any || count[rl] > 0;
		if (any)
			sb_adds(sb, "; ");
	} else if (u->why == TANDEMS_NO_ADMISSIBLE && any)
		sb_adds(sb, DOCS_LANG(p, "kein zulässiges Gegenüber: ",
		    "no admissible mentor: "));
	else {
		sb_adds(sb, why_text[p->lang][u->why]);
		if (any)
			sb_adds(sb, "; ");
	}
	rule_clauses(sb, p, count, ROLE_MENTOR);
}

/*
 * Why matched mentor i got no mentee (tandem-programme(5), MATCHING): no
 * admissible mentee (which rules, how often, over every mentee), every
 * admissible mentee pinned elsewhere, or the objective: each is needed
 * elsewhere, or, without spread, the total score.
 */
static void
idle_reason(struct strbuf *sb, const struct programme *p,
    const struct tandems_idle *id)
{
	size_t count[RULE__MAX] = { 0 };
	const char *f = p->people[id->mentor].field;

	switch (id->why) {
	case MATCH_IDLE_NO_ADMISSIBLE:
		for (size_t m = 0; m < p->npeople; m++)
			if (p->people[m].role == ROLE_MENTEE &&
			    p->people[m].status != STATUS_WITHDRAWN)
				count[rules_check(p, (int)m, id->mentor)]++;
		if (count[RULE_FIELD] > 0 && !field_of_role(p, ROLE_MENTEE,
		    f)) {
			sb_addf(sb, label_get(p->lang, LABEL_IDLE_NO_FIELD), f);
			count[RULE_FIELD] = 0;
			count[RULE_OK] = 0;
			for (int rl = 1; rl < RULE__MAX; rl++)
				count[RULE_OK] += count[rl];
			if (count[RULE_OK] > 0)
				sb_adds(sb, "; ");
		} else
			sb_adds(sb, DOCS_LANG(p, "kein zulässiges Gegenüber: ",
			    "no admissible mentee: "));
		rule_clauses(sb, p, count, ROLE_MENTEE);
		break;
	case MATCH_IDLE_PINNED:
		sb_addf(sb, label_get(p->lang, id->nadmissible == 1 ?
		    LABEL_IDLE_PINNED_ONE : LABEL_IDLE_PINNED),
		    id->nadmissible);
		break;
	case MATCH_IDLE_NEEDED_ELSEWHERE:
		sb_addf(sb, label_get(p->lang, id->nadmissible == 1 ?
		    LABEL_IDLE_NEEDED_ONE : LABEL_IDLE_NEEDED),
		    id->nadmissible);
		break;
	default:
		sb_addf(sb, label_get(p->lang, LABEL_IDLE_SCORE),
		    id->nadmissible);
		break;
	}
}

/*
 * Why mentor i has no tandem: no capacity; after matching, the reason the
 * matching gives (idle_reason()); with fixed tandems, every mentee already
 * has a tandem, the rules exclude every mentee still without one (which
 * rules, how often), or not among them.
 */
static void
mentor_reason(struct strbuf *sb, const struct programme *p,
    const struct tandems_result *tr, size_t i)
{
	size_t waiting = 0, count[RULE__MAX] = { 0 };

	if (p->people[i].capacity == 0) {
		sb_adds(sb, DOCS_LANG(p, "keine Plätze (Kapazität 0)",
		    "no places (capacity 0)"));
		return;
	}
	for (size_t k = 0; tr != NULL && k < tr->nidle; k++)
		if (tr->idle[k].mentor == (int)i) {
			idle_reason(sb, p, &tr->idle[k]);
			return;
		}
	for (size_t m = 0; m < p->npeople; m++) {
		if (p->people[m].role != ROLE_MENTEE ||
		    p->people[m].status == STATUS_WITHDRAWN || in_tandem(p, m))
			continue;
		waiting++;
		count[rules_check(p, (int)m, (int)i)]++;
	}
	if (waiting == 0) {
		sb_adds(sb, DOCS_LANG(p, "alle Mentees haben bereits ein "
		    "Tandem", "every mentee already has a tandem"));
		return;
	}
	if (count[RULE_OK] > 0) {
		sb_adds(sb, p->tandem_source == TANDEMS_MATCHED ||
		    p->tandem_source == TANDEMS_NONE ? DOCS_LANG(p,
		    "nicht benötigt", "not needed") :
		    why_text[p->lang][TANDEMS_NOT_FIXED]);
		return;
	}
	sb_adds(sb, DOCS_LANG(p, "kein zulässiges Gegenüber unter den "
	    "Mentees ohne Tandem: ", "no admissible mentee among those "
	    "without a tandem: "));
	rule_clauses(sb, p, count, ROLE_MENTEE);
}

/*
 * The people taking part without a tandem, as one table (name, role,
 * reason): mentees, then mentors. Counts them by role into n[] and
 * remembers the gender of the last one of each role (for "1 Mentorin").
 */
static void
unmatched_table(struct doc_block *root, const struct programme *p,
    const struct tandems_result *tr, size_t n[ROLE__MAX],
    enum gender g[ROLE__MAX])
{
	static const double wu[] = { 4, 2.4, 6 };
	struct doc_block *t = NULL, *r;
	struct strbuf sb = STRBUF_INIT;

	for (int role = 0; role < ROLE__MAX; role++)
		for (size_t i = 0; i < p->npeople; i++) {
			const struct person *x = &p->people[i];

			if ((int)x->role != role ||
			    x->status == STATUS_WITHDRAWN || in_tandem(p, i))
				continue;
			if (t == NULL) {
				t = docs_table(root, wu, 3, 1);
				r = docs_row(t);
				docs_cell(r, label_get(p->lang, LABEL_NAME),
				    DOC_BOLD, 0);
				docs_cell(r, label_get(p->lang, LABEL_ROLE),
				    DOC_BOLD, 0);
				docs_cell(r, label_get(p->lang, LABEL_REASON),
				    DOC_BOLD, 0);
			}
			n[role]++;
			g[role] = x->gender;
			r = docs_row(t);
			person_cell(r, p, (int)i, x->field != NULL);
			docs_cell(r, docs_cap(wording_role(p->lang, p->wording,
			    x->role, x->gender)), 0, 0);
			sb_clear(&sb);
			if (x->role == ROLE_MENTEE)
				mentee_reason(&sb, p, tr, i);
			else
				mentor_reason(&sb, p, tr, i);
			docs_cell(r, sb_str(&sb), 0, 0);
		}
	sb_free(&sb);
	if (t == NULL)
		docs_para(root, DOCS_LANG(p, "Alle Teilnehmenden haben ein "
		    "Tandem.", "Everybody taking part has a tandem."),
		    DOC_ALIGN_LEFT, 0, DOC_ITALIC);
}

/* "3 Mentees", "1 Mentorin", "keine Mentorinnen und Mentoren". */
static void
count_words(struct strbuf *sb, const struct programme *p, enum role role,
    size_t n, enum gender g)
{
	if (n == 0) {
		sb_adds(sb, DOCS_LANG(p, "keine ", "no "));
		add_roles_inflected(sb, p, role);
		return;
	}
	sb_addf(sb, "%zu ", n);
	sb_adds(sb, n == 1 ? wording_role(p->lang, p->wording, role, g) :
	    wording_roles(p->lang, p->wording, role));
}

/*
 * The totals of tandems.pdf. Every figure is counted from what the
 * document lists: the people in the tandems plus those without one.
 */
static void
totals(struct doc_block *root, const struct programme *p,
    const struct tandems_result *tr, const size_t un[ROLE__MAX],
    const enum gender ug[ROLE__MAX], long total)
{
	static const double wsum[] = { 5, 4 };
	enum { T_TANDEMS, T_MENTEES, T_MENTORS, T_PLACES, T_UNMATCHED,
	    T_MEAN, T__MAX };
	struct strbuf val[T__MAX];
	const char *keys[T__MAX];
	size_t in[ROLE__MAX] = { 0, 0 }, slots = 0;
	struct doc_block *t = docs_table(root, wsum, 2, 0), *r;
	long mean = p->ntandems ? (total * 10 + (long)p->ntandems / 2) /
	    (long)p->ntandems : 0;

	for (size_t i = 0; i < p->npeople; i++) {
		const struct person *x = &p->people[i];

		if (in_tandem(p, i))
			in[x->role]++;
		if (x->role == ROLE_MENTOR && x->status != STATUS_WITHDRAWN)
			slots += (size_t)x->capacity;
	}
	if (tr != NULL)
		slots = tr->nslots;
	for (int i = 0; i < T__MAX; i++)
		val[i] = (struct strbuf)STRBUF_INIT;
	keys[T_TANDEMS] = label_get(p->lang, LABEL_TANDEMS);
	sb_addf(&val[T_TANDEMS], "%zu", p->ntandems);
	keys[T_MENTEES] = docs_cap(wording_roles(p->lang, p->wording,
	    ROLE_MENTEE));
	sb_addf(&val[T_MENTEES], "%zu", in[ROLE_MENTEE] + un[ROLE_MENTEE]);
	keys[T_MENTORS] = docs_cap(wording_roles(p->lang, p->wording,
	    ROLE_MENTOR));
	sb_addf(&val[T_MENTORS], "%zu", in[ROLE_MENTOR] + un[ROLE_MENTOR]);
	keys[T_PLACES] = DOCS_LANG(p, "Plätze (Kapazität)",
	    "Places (capacity)");
	sb_addf(&val[T_PLACES], "%zu", slots);
	keys[T_UNMATCHED] = label_get(p->lang, LABEL_UNMATCHED);
	count_words(&val[T_UNMATCHED], p, ROLE_MENTEE, un[ROLE_MENTEE],
	    ug[ROLE_MENTEE]);
	sb_adds(&val[T_UNMATCHED], ", ");
	count_words(&val[T_UNMATCHED], p, ROLE_MENTOR, un[ROLE_MENTOR],
	    ug[ROLE_MENTOR]);
	keys[T_MEAN] = DOCS_LANG(p, "Passung im Mittel", "Mean score");
	sb_addf(&val[T_MEAN], p->lang == LANG_EN ? "%ld.%ld" : "%ld,%ld",
	    mean / 10, mean % 10);
	for (int i = 0; i < T__MAX; i++) {
		r = docs_row(t);
		docs_cell(r, keys[i], 0, 0);
		docs_cell(r, sb_str(&val[i]), DOC_BOLD, 0);
		sb_free(&val[i]);
	}
}

struct doc *
docs_tandems_compose(const struct docs_env *env)
{
	const struct programme *p = env->p;
	struct doc *d = docs_doc_new(p, label_get(p->lang,
	    LABEL_TANDEM_OVERVIEW));
	struct doc_block *root = d->root, *b;
	struct strbuf sb = STRBUF_INIT;
	size_t un[ROLE__MAX] = { 0, 0 };
	enum gender ug[ROLE__MAX] = { GENDER_UNKNOWN, GENDER_UNKNOWN };
	long total = 0;

	doc_set_str(&d->programme, p->title);	/* running head */
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
	sb_free(&sb);
	docs_para(root, p->tandem_source == TANDEMS_MATCHED ?
	    label_get(p->lang, p->rules.spread ? LABEL_FORMED_SPREAD :
	    LABEL_FORMED_SCORE) :
	    DOCS_LANG(p, "Die Tandems sind festgelegt; ihre Passung wurde "
	    "neu berechnet.", "The tandems are fixed; their scores were "
	    "recomputed."), DOC_ALIGN_LEFT, 0, 0);

	docs_heading(root, 2, label_get(p->lang, LABEL_TANDEMS), true);
	if (p->ntandems > 0)
		total = docs_tandem_table(root, p, env->tr, true);
	else
		docs_para(root, DOCS_LANG(p, "Es gibt keine Tandems.",
		    "There are no tandems."), DOC_ALIGN_LEFT, 0, DOC_ITALIC);
	docs_heading(root, 2, label_get(p->lang, LABEL_UNMATCHED), true);
	unmatched_table(root, p, env->tr, un, ug);
	docs_heading(root, 2, label_get(p->lang, LABEL_TOTAL), true);
	totals(root, p, env->tr, un, ug, total);
	return d;
}

int
docs_build_tandems(const struct programme *p, const struct tandems_result *tr,
    const struct docs_out *o)
{
	struct docs_env env;

	if (programme_count(p, ROLE_MENTEE, GENDER__MAX, false) == 0 &&
	    p->ntandems == 0) {
		diag_warn(p->file, p->people_line, "tandems: no mentees taking "
		    "part; skipped");
		return 0;
	}
	memset(&env, 0, sizeof(env));
	env.p = p;
	env.tr = tr;
	return docs_build_one(o, &env, "tandems", docs_tandems_compose,
	    label_get(p->lang, LABEL_TANDEM_OVERVIEW), true);
}
