/*
 * The handbook (see handbook.h): title page, contents, the text chapters
 * and the generated ones (participants, tandems, events, contacts), in
 * one document tree; it knows the programme data and the order of the
 * parts, nothing about pages or PDF.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/figures.h"
#include "compose/labels.h"
#include "compose/wording.h"
#include "docs/docs.h"
#include "docs/handbook.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Labels in the programme's language, indexed by enum lang. */
static const struct {
	const char	*handbook;
	const char	*contents;
	const char	*period;
} labels[LANG__MAX] = {
	{ "Handbuch für", "Inhalt", "Laufzeit" },
	{ "Handbook for", "Contents", "Period" },
};

static struct doc_block *
para(struct doc_block *parent, const char *text, double size, unsigned style,
    enum doc_font font)
{
	struct doc_block *b = doc_add(parent, DOC_PARA, NULL, 0);

	b->align = DOC_ALIGN_CENTER;
	b->size = size;
	b->style = style;
	b->font = font;
	if (text != NULL)
		doc_add_text(b, text, strlen(text), 0, 0);
	return b;
}

static void
vspace(struct doc_block *parent, double h)
{
	doc_add(parent, DOC_SPACE, NULL, 0)->height = h;
}

/* The organisations' logos side by side (those docs_check_logos left). */
static void
logos(struct doc_block *r, const struct programme *p)
{
	struct doc_block *t = NULL, *row = NULL;

	for (size_t i = 0; i < p->norgs; i++) {
		struct doc_block *cell, *img;
		char *path;

		if (p->orgs[i].logo == NULL)
			continue;
		/* Usable: docs_check_logos() cleared the others. */
		path = xasprintf("%s/%s", p->dir ? p->dir : ".",
		    p->orgs[i].logo);
		if (t == NULL) {
			vspace(r, 40);
			t = doc_add(r, DOC_TABLE, p->file, p->orgs[i].line);
			t->no_rules = true;
			t->layout_only = true;	/* figures, not a table */
			row = doc_add(t, DOC_ROW, p->file, p->orgs[i].line);
		}
		cell = doc_add(row, DOC_CELL, p->file, p->orgs[i].line);
		img = doc_add(cell, DOC_IMAGE, p->file, p->orgs[i].line);
		img->path = path;
		img->width = 110;
		doc_set_str(&img->alt, p->orgs[i].name);
	}
}

/*
 * The title page: programme, edition, period, organisations, all in the
 * heading family. The programme's title is the document's first heading
 * (H1 for screen readers), left out of the contents and bookmarks.
 */
static void
title_page(struct doc *d, const struct programme *p)
{
	struct doc_block *r = d->root, *b;
	struct strbuf from = STRBUF_INIT, to = STRBUF_INIT;
	char *s;

	vspace(r, 140);
	b = doc_add(r, DOC_HEADING, p->file, 0);
	b->level = 1;
	b->no_toc = true;
	b->align = DOC_ALIGN_CENTER;
	b->size = 26;
	if (p->title != NULL)
		doc_add_text(b, p->title, strlen(p->title), 0, 0);
	if (p->edition != NULL) {
		vspace(r, 10);
		para(r, p->edition, 15, 0, DOC_FONT_HEADING);
	}
	vspace(r, 30);
	/* "Handbuch für Mentees, Mentorinnen und Mentoren" by wording. */
	s = xasprintf("%s %s%s %s", labels[p->lang].handbook,
	    wording_roles(p->lang, p->wording, ROLE_MENTEE),
	    p->wording == WORDING_PAIR && p->lang == LANG_DE ? "," :
	    p->lang == LANG_DE ? " und" : " and",
	    wording_roles(p->lang, p->wording, ROLE_MENTOR));
	para(r, s, 15, 0, DOC_FONT_HEADING);
	free(s);
	label_date_long(&from, p->lang, p->start);
	label_date_long(&to, p->lang, p->end);
	if (from.len > 0 && to.len > 0) {
		vspace(r, 40);
		s = xasprintf("%s: %s \xe2\x80\x93 %s", labels[p->lang].period,
		    sb_str(&from), sb_str(&to));
		para(r, s, 12, 0, DOC_FONT_HEADING);
		free(s);
	}
	sb_free(&from);
	sb_free(&to);
	logos(r, p);
	if (p->norgs > 0) {
		vspace(r, 40);
		for (size_t i = 0; i < p->norgs; i++)
			para(r, p->orgs[i].name ? p->orgs[i].name :
			    p->orgs[i].id, 12, 0, DOC_FONT_HEADING);
	}
	doc_add(r, DOC_PAGEBREAK, NULL, 0);
}

struct chapters {
	struct doc	*doc;
	const struct programme *p;
	int		 errors;
	struct compose_ctx ctx;		/* for placeholders */
	const char	*file;		/* the chapter being read */
};

/* A chapter goes through the conversion of every text (docs_text.c),
 * the one tandem check runs too. */
static void
add_chapter(struct chapters *ch, const char *file, const char *text,
    size_t len)
{
	struct docs_env env;

	memset(&env, 0, sizeof(env));
	env.p = ch->p;
	ch->file = file;
	if (docs_markdown(ch->doc, ch->doc->root, &env, &ch->ctx, file, text,
	    len) != 0)
		ch->errors++;
}

static void
add_resource(const struct resource *r, void *arg)
{
	size_t n = strlen(r->name);

	if (n > 3 && strcmp(r->name + n - 3, ".md") == 0)
		add_chapter(arg, r->name, r->data, r->len);
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read the chapters DIR/handbook/NAME.md in name order. Returns -1 if there is no such
 * folder (then the defaults apply). */
static int
folder_chapters(struct chapters *ch, const char *dir)
{
	char *hdir = xasprintf("%s/handbook", dir), **names = NULL;
	size_t n = 0, cap = 0;
	DIR *dp;
	struct dirent *de;

	if ((dp = opendir(hdir)) == NULL) {
		free(hdir);
		return -1;
	}
	if (file_inside(dir, hdir) == 0) {
		diag(DIAG_ERROR, hdir, 0, 0, "cannot read: %s",
		    file_why(EXDEV));
		ch->errors++;
		closedir(dp);
		free(hdir);
		return 0;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t l = strlen(de->d_name);

		if (l < 4 || de->d_name[0] == '.' ||
		    strcmp(de->d_name + l - 3, ".md") != 0)
			continue;
		names = xgrow(names, &cap, n + 1, sizeof(*names));
		names[n++] = xstrdup(de->d_name);
	}
	closedir(dp);
	qsort(names, n, sizeof(*names), by_name);
	if (n == 0)
		diag_warn(hdir, 0, "no chapters (*.md) in this folder");
	for (size_t i = 0; i < n; i++) {
		char *path = xasprintf("%s/%s", hdir, names[i]), *text;
		size_t len;

		if ((text = file_read_in(dir, path, FILEIO_MAX_TEXT, &len)) ==
		    NULL) {
			diag(file_refused(errno) ? DIAG_ERROR : DIAG_NOINPUT,
			    path, 0, 0, "cannot read: %s", file_why(errno));
			ch->errors++;
		} else
			add_chapter(ch, path, text, len);
		free(text);
		free(path);
		free(names[i]);
	}
	free(names);
	free(hdir);
	return 0;
}

/* The optional columns of the participant overview. */
enum pcol { PCOL_FIELD, PCOL_UNIT, PCOL_POSITION, PCOL__MAX };

/* The value of optional column k for person x, or NULL. */
static const char *
pcol_value(const struct person *x, int k)
{
	const char *v = k == PCOL_FIELD ? x->field : k == PCOL_UNIT ?
	    x->unit : x->position;

	return v != NULL && *v != '\0' ? v : NULL;
}

/*
 * Which optional columns the table of role has: a column only when
 * somebody of that role has a value for it, so that no column stands
 * empty (a partnership's mentees often have no unit or position).
 */
static unsigned
pcols_used(const struct programme *p, enum role role)
{
	unsigned used = 0;

	for (size_t i = 0; i < p->npeople; i++)
		for (int k = 0; k < PCOL__MAX; k++)
			if (p->people[i].role == role &&
			    pcol_value(&p->people[i], k) != NULL)
				used |= 1u << k;
	return used;
}

/* Start the overview table of role with its head row; *used gets its
 * optional columns. */
static struct doc_block *
participants_table(struct doc_block *root, const struct programme *p,
    enum role role, unsigned *used)
{
	/* Names wrap between their words and are never hyphenated; the
	 * topics column gets the room, so that a topic such as
	 * "Zeitmanagement" stays whole; the position column takes
	 * "Personalsachbearbeiterin" at 9 pt. */
	static const double wopt[PCOL__MAX] = { 2.2, 2.8, 2.6 };
	static const enum label lopt[PCOL__MAX] = {
		LABEL_FIELD, LABEL_UNIT, LABEL_POSITION
	};
	double w[2 + PCOL__MAX];
	size_t n = 0;
	struct doc_block *t, *r;

	*used = pcols_used(p, role);
	w[n++] = 2.4;
	for (int k = 0; k < PCOL__MAX; k++)
		if (*used & (1u << k))
			w[n++] = wopt[k];
	w[n++] = 4.0;
	t = docs_table(root, w, n, 1);
	r = docs_row(t);
	docs_cell(r, label_get(p->lang, LABEL_NAME), DOC_BOLD, 9);
	for (int k = 0; k < PCOL__MAX; k++)
		if (*used & (1u << k))
			docs_cell(r, label_get(p->lang, lopt[k]), DOC_BOLD, 9);
	docs_cell(r, label_get(p->lang, LABEL_TOPICS), DOC_BOLD, 9);
	return t;
}

static void
participants(struct doc *d, const struct programme *p)
{
	int *order = xcalloc(p->npeople + 1, sizeof(*order));
	size_t n = figures_people_order(p, false, order);
	struct doc_block *root = d->root, *t = NULL, *r, *c;
	const char *dl = docs_data_lang(p);
	int role = -1, org = -2;
	unsigned used = 0;
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
			t = participants_table(root, p, x->role, &used);
		}
		/* Each organisation a group row in the role's table:
		 * repeated on the pages its rows continue on. */
		if (x->org != org) {
			org = x->org;
			r = docs_row(t);
			r->group = true;
			c = docs_cell(r, org >= 0 ? compose_org(p, org) :
			    DOCS_LANG(p, "Ohne Organisation",
			    "No organisation"), DOC_BOLD, 10);
			c->first->font = DOC_FONT_HEADING;
			if (org >= 0)
				docs_set_lang(c, dl);
		}
		r = docs_row(t);
		sb_clear(&sb);
		compose_name(&sb, x);
		docs_set_lang(docs_cell(r, sb_str(&sb), DOC_BOLD, 9),
		    DOC_LANG_NONE);
		for (int k = 0; k < PCOL__MAX; k++)
			if (used & (1u << k))
				docs_set_lang(docs_cell(r, pcol_value(x, k), 0,
				    9), dl);
		sb_clear(&sb);
		for (size_t k = 0; k < x->ntopics; k++) {
			if (k > 0)
				sb_adds(&sb, ", ");
			sb_adds(&sb, p->topics[x->topics[k]].label);
		}
		docs_set_lang(docs_cell(r, sb_str(&sb), 0, 9), dl);
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
	/* In points for A4 with 25 mm margins: the date column takes the
	 * longest German date in bold ("28. September 2025", 92 pt at
	 * 11 pt) on one line, the kind column "Abschlussveranstaltung"
	 * unhyphenated. */
	static const double w[] = { 104, 140, 114, 96 };
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
		docs_cell2(r, sb_str(&sb), NULL, label_weekday(p->lang, e->date),
		    NULL);
		docs_set_lang(docs_cell(r, e->title, DOC_BOLD, 0),
		    docs_data_lang(p));
		docs_cell(r, label_event_kind(p->lang, e->kind), 0, 0);
		docs_set_lang(docs_cell(r, e->place, 0, 0), docs_data_lang(p));
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
		para->runs[0].lang = DOC_LANG_NONE;
		if (c->org >= 0) {
			doc_add_break(para, 0);
			sb_clear(&sb);
			sb_adds(&sb, compose_org(p, c->org));
			doc_add_text(para, sb_str(&sb), sb.len, 0, 0)->lang =
			    docs_data_lang(p);
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

/* The generated chapters: participants, tandems, events, contacts. */
static void
chapters_generated(struct doc *d, const struct programme *p)
{
	participants(d, p);
	if (p->ntandems > 0) {
		docs_heading(d->root, 1, label_get(p->lang, LABEL_TANDEMS),
		    true);
		docs_tandem_table(d->root, p, NULL, false);
	}
	if (p->nevents > 0)
		events(d, p);
	if (p->ncoordinators > 0)
		contacts(d, p);
}

struct doc *
handbook_compose(const struct programme *p)
{
	struct chapters ch;
	struct doc_block *h;
	const char *lang = p->lang == LANG_EN ? "en" : "de";

	memset(&ch, 0, sizeof(ch));
	ch.doc = doc_new(lang);
	ch.p = p;
	compose_ctx_init(&ch.ctx, p, COMPOSE_HANDBOOK);
	ch.doc->title = xstrdup(p->title ? p->title : "");
	doc_set_str(&ch.doc->programme, p->title);	/* running head */
	ch.doc->title_page = true;
	if (p->norgs > 0 && p->orgs[0].name != NULL)
		ch.doc->author = xstrdup(p->orgs[0].name);
	title_page(ch.doc, p);
	h = doc_add(ch.doc->root, DOC_HEADING, NULL, 0);
	h->no_toc = true;
	doc_add_text(h, labels[p->lang].contents,
	    strlen(labels[p->lang].contents), 0, 0);
	doc_add(ch.doc->root, DOC_TOC, NULL, 0);
	if (p->dir == NULL || folder_chapters(&ch, p->dir) != 0) {
		char *dir = xasprintf("%shandbook/", docs_default_dir(p));

		resource_each(dir, add_resource, &ch);
		free(dir);
	}
	if (ch.errors > 0) {
		doc_free(ch.doc);
		return NULL;
	}
	chapters_generated(ch.doc, p);
	return ch.doc;
}

/* The handbook as build writes it: every organisation its author, as in
 * the other kinds. */
static struct doc *
handbook_doc(const struct docs_env *env)
{
	struct doc *d = handbook_compose(env->p);

	if (d != NULL) {
		free(d->author);
		d->author = docs_author(env->p);
	}
	return d;
}

int
docs_build_handbook(const struct programme *p, const struct tandems_result *tr,
    const struct docs_out *o)
{
	struct docs_env env;

	(void)tr;
	memset(&env, 0, sizeof(env));
	env.p = p;
	return docs_build_one(o, &env, "handbook", handbook_doc,
	    label_get(p->lang, LABEL_HANDBOOK), false);
}
