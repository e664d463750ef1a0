/*
 * The generated blocks of goal agreements: the form.* placeholders (tick
 * boxes for the topics, writing lines, place, date and signatures), and
 * keeping the paragraph that introduces lines or boxes on their page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "compose/placeholder.h"
#include "compose/wording.h"
#include "docs/docs.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The text width of the template's body column. */
static double
body_width(const struct docs_env *env)
{
	if (env->t == NULL)
		return 425;
	return env->t->page_w - env->t->left - env->t->right;
}

/*
 * Add a text primitive that fits into maxw: shrunk down to 70 % of size,
 * then cut with an ellipsis. centre: x is the middle of the box.
 */
static void
prim_text(struct doc_block *b, const struct docs_env *env, double x,
    double y, double maxw, double size, const char *text, bool centre)
{
	struct font *f = env->t ? template_font(env->t, DOC_FONT_BODY, 0) :
	    NULL;
	struct strbuf sb = STRBUF_INIT;
	size_t len = strlen(text);
	double w;
	struct doc_prim *pr;

	sb_add(&sb, text, len);
	if (f != NULL) {
		w = layout_text_width(f, text, len) * size / 1000;
		if (w > maxw)
			size = maxw / w * size < size * 0.7 ? size * 0.7 :
			    maxw / w * size * 0.999;
		while (len > 0 && layout_text_width(f, sb_str(&sb),
		    sb.len) * size / 1000 > maxw) {
			/* Drop the last character and end with "…". */
			len--;
			while (len > 0 && ((unsigned char)text[len] & 0xC0) ==
			    0x80)
				len--;
			sb_clear(&sb);
			sb_add(&sb, text, len);
			sb_adds(&sb, "\xe2\x80\xa6");
		}
		w = layout_text_width(f, sb_str(&sb), sb.len) * size / 1000;
	} else
		w = 0;
	pr = doc_add_prim(b, DOC_PRIM_TEXT, centre ? x - w / 2 : x, y, 0, 0);
	pr->size = size;
	pr->text = sb_take(&sb);
}

/*
 * The organisation of the programme's place: the one whose short name is
 * the place or whose name ends with it ("Stadt Lindenau"). Returns its
 * index or -1.
 */
static int
place_org(const struct programme *p, const char *place)
{
	size_t n = strlen(place);

	for (size_t i = 0; i < p->norgs; i++) {
		const struct org *o = &p->orgs[i];
		size_t m = o->name != NULL ? strlen(o->name) : 0;

		if (o->short_name != NULL && strcmp(o->short_name, place) == 0)
			return (int)i;
		if (m >= n && strcmp(o->name + m - n, place) == 0 &&
		    (m == n || o->name[m - n - 1] == ' '))
			return (int)i;
	}
	return -1;
}

/*
 * The place pre-filled before the date of tandem t's agreement: the
 * programme's place when both people work for that place's organisation
 * (or the programme has only one organisation), else NULL and the line is
 * left blank, since the two sign where they meet. Without a tandem (a
 * blank form) the programme's place.
 */
static const char *
signing_place(const struct programme *p, const struct pair *t)
{
	const char *place = p->place;
	int o;

	if (t == NULL)
		return compose_place(p);
	if (place == NULL || place[0] == '\0')
		return NULL;
	if ((o = place_org(p, place)) < 0)
		return p->norgs <= 1 ? place : NULL;
	if (p->people[t->mentee].org == o && p->people[t->mentor].org == o)
		return place;
	return NULL;
}

/* Place/date and the two signature lines of an agreement. */
static void
form_signatures(struct doc_block *parent, const struct docs_env *env,
    const struct compose_ctx *ctx)
{
	const struct programme *p = env->p;
	double w = body_width(env), col = (w - 40) / 2;
	struct doc_block *keep = doc_add(parent, DOC_KEEP, NULL, 0);
	struct doc_block *b = doc_add(keep, DOC_DRAWING, NULL, 0);
	struct strbuf sb = STRBUF_INIT;
	const struct pair *t = ctx->tandem >= 0 ?
	    &p->tandems[ctx->tandem] : NULL;
	const char *place = signing_place(p, t);

	b->width = w;
	b->height = 118;
	b->form = true;			/* tagged as a Form element */
	/* Place and date, pre-filled with the place when known. */
	if (place != NULL) {
		sb_adds(&sb, place);
		sb_adds(&sb, ", ");
		prim_text(b, env, 2, 30, col, 11, sb_str(&sb), false);
		sb_clear(&sb);
	}
	doc_add_prim(b, DOC_PRIM_LINE, 0, 34, col, 0)->width = 0.6;
	prim_text(b, env, 0, 46, col, 8.5, label_get(p->lang,
	    LABEL_PLACE_DATE), false);
	for (int k = 0; k < 2; k++) {
		double x = k == 0 ? 0 : col + 40;
		const struct person *who = NULL;

		doc_add_prim(b, DOC_PRIM_LINE, x, 96, col, 0)->width = 0.6;
		if (t != NULL)
			who = &p->people[k == 0 ? t->mentee : t->mentor];
		if (who != NULL) {
			compose_name(&sb, who);
			sb_adds(&sb, " (");
			sb_adds(&sb, wording_role(p->lang, p->wording,
			    who->role, who->gender));
			sb_adds(&sb, ")");
		} else
			sb_adds(&sb, docs_cap(wording_role_any(p->lang,
			    p->wording, k == 0 ? ROLE_MENTEE : ROLE_MENTOR)));
		prim_text(b, env, x, 108, col, 8.5, sb_str(&sb), false);
		sb_clear(&sb);
	}
	sb_free(&sb);
}

/*
 * The programme's topics as tick boxes, the mentee's ticked: one column
 * for up to five topics, else two columns (a table without rules, filled
 * row by row, the order a screen reader follows) so that an agreement
 * stays on two pages; compact 1 uses two columns at 9 pt, compact 2
 * three at 8 pt.
 */
static void
form_topics(struct doc_block *parent, const struct programme *p,
    const struct person *mentee, int compact)
{
	static const double w3[] = { 1, 1, 1 };
	size_t n = p->ntopics, cols = compact >= 2 && n > 4 ? 3 :
	    n > 5 || (compact > 0 && n > 2) ? 2 : 1;
	size_t rows = (n + cols - 1) / cols;
	double size = compact >= 2 ? 8 : compact > 0 ? 9 : 0;
	struct doc_block *t = NULL, *row = NULL, *where = parent;

	/* The list stays on one page (a keep group, kept with its intro by
	 * docs_keep_intros), never one topic alone on the next page. */
	if (cols > 1) {
		t = docs_table(doc_add(parent, DOC_KEEP, NULL, 0), w3, cols, 0);
		t->no_rules = true;
		t->layout_only = true;
	}
	for (size_t r = 0; r < rows; r++) {
		if (t != NULL)
			row = docs_row(t);
		for (size_t col = 0; col < cols; col++) {
			size_t i = r * cols + col;
			const char *l;
			struct doc_block *b;

			if (t != NULL)
				where = doc_add(row, DOC_CELL, NULL, 0);
			if (i >= n)
				continue;
			l = p->topics[i].label ? p->topics[i].label :
			    p->topics[i].id;
			b = doc_add(where, DOC_TICKBOX, NULL, 0);
			b->size = size;
			b->lang = docs_data_lang(p);
			doc_add_text(b, l, strlen(l), 0, 0);
			for (size_t k = 0; mentee && k < mentee->ntopics; k++)
				if (mentee->topics[k] == (int)i)
					b->checked = true;
		}
	}
}

void
docs_form_block(struct doc_block *parent, const struct docs_env *env,
    const struct compose_ctx *ctx, int which, int n)
{
	const struct programme *p = env->p;
	const struct person *mentee = NULL;
	struct doc_block *b;

	if (ctx->tandem >= 0)
		mentee = &p->people[p->tandems[ctx->tandem].mentee];
	switch (which) {
	case PH_FORM_TOPICS:
		form_topics(parent, p, mentee, env->compact);
		break;
	case PH_FORM_LINES:
		/* Fewer lines when the agreement would not fit on two
		 * pages (docs_agreement.c). */
		b = doc_add(parent, DOC_FILLIN, NULL, 0);
		b->nlines = n > 0 ? n : 3;
		if (env->compact > 0)
			b->nlines = env->compact >= 2 ? 1 : (b->nlines + 1) / 2;
		break;
	case PH_FORM_SIGNATURES:
		form_signatures(parent, env, ctx);
		break;
	default:
		break;
	}
}

/* Is b the keep group of a tick-box table (form_topics)? */
static bool
tick_table(const struct doc_block *b)
{
	const struct doc_block *c;

	if (b->kind != DOC_KEEP || b->first == NULL ||
	    b->first->kind != DOC_TABLE)
		return false;
	c = b->first->first != NULL ? b->first->first->first : NULL;
	return c != NULL && c->first != NULL && c->first->kind == DOC_TICKBOX;
}

void
docs_keep_intros(struct doc_block *parent, struct doc_block *from)
{
	struct doc_block *prev = NULL, *b, *k;

	for (b = parent->first; b != NULL && b != from && from != NULL;
	    b = b->next)
		prev = b;
	for (; b != NULL; prev = b, b = b->next) {
		struct doc_block *end, *keep;
		enum doc_kind kind;

		if (b->kind != DOC_PARA && b->kind != DOC_HEADING)
			continue;
		if (b->next == NULL || (b->next->kind != DOC_FILLIN &&
		    b->next->kind != DOC_TICKBOX && !tick_table(b->next)))
			continue;
		kind = b->next->kind;
		for (end = b->next; kind != DOC_KEEP && end->next != NULL &&
		    end->next->kind == kind; end = end->next)
			;
		/* A heading just before the intro goes with it. */
		if (b->kind == DOC_PARA && prev != NULL &&
		    prev->kind == DOC_HEADING) {
			b = prev;
			for (prev = parent->first; prev != NULL &&
			    prev->next != b; prev = prev->next)
				;
		}
		/* Unlink b .. end and put them into a new keep block in
		 * their place. */
		keep = xcalloc(1, sizeof(*keep));
		keep->kind = DOC_KEEP;
		keep->parent = parent;
		keep->start = 1;
		keep->level = 1;
		keep->next = end->next;
		if (prev != NULL)
			prev->next = keep;
		else
			parent->first = keep;
		if (parent->last == end)
			parent->last = keep;
		keep->first = b;
		keep->last = end;
		end->next = NULL;
		for (k = b; k != NULL; k = k->next)
			k->parent = keep;
		b = keep;
	}
}
