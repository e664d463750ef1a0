/*
 * What the document kinds share (see docs.h): Markdown texts with
 * placeholders expanded on the parsed tree, the generated form blocks of
 * agreements, builders for paragraphs, tables and logo rows, and writing
 * a document through a device.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "compose/labels.h"
#include "compose/placeholder.h"
#include "compose/wording.h"
#include "docs/docs.h"
#include "layout/layout.h"
#include "markdown/markdown.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* What the Markdown hooks need. */
struct mdhook {
	const struct docs_env		*env;
	const struct compose_ctx	*ctx;
	const char			*file;
};

/* Escape "\\{" before cmark parses the text. */
static void
hook_prepare(void *arg, char *src, size_t len)
{
	(void)arg;
	placeholder_escape_source(src, len);
}

static int
hook_tree(void *arg, cmark_node *root)
{
	struct mdhook *h = arg;
	int errors = placeholder_expand_tree(root, h->ctx, h->file);

	if (h->ctx->text == COMPOSE_AGREEMENT)
		placeholder_tick_items(root);
	return errors;
}

static void
hook_custom(void *arg, struct doc_block *parent, cmark_node *n)
{
	struct mdhook *h = arg;
	int num, k = placeholder_block(n, &num);

	if (k < 0)
		return;
	if (k <= PH_FORM_SIGNATURES)
		docs_form_block(parent, h->env, h->ctx, k, num);
	else
		docs_report_block(parent, h->env, k);
}

int
docs_markdown(struct doc *d, struct doc_block *parent,
    const struct docs_env *env, const struct compose_ctx *ctx,
    const char *file, const char *text, size_t len)
{
	struct md_opts o;
	struct mdhook h = { env, ctx, file };

	memset(&o, 0, sizeof(o));
	o.file = file;
	o.base_dir = env->p->dir;
	o.arg = &h;
	o.prepare = hook_prepare;
	o.tree = hook_tree;
	o.custom = hook_custom;
	o.tick = placeholder_tick;
	return md_to_doc(d, parent, text, len, &o);
}

char *
docs_text_read(const struct programme *p, const char *name, char **file,
    size_t *len, int *rc)
{
	char *path = xasprintf("%s/%s", p->dir ? p->dir : ".", name);
	char *rname, *text;
	const struct resource *r;

	if (file_exists(path)) {
		if ((text = file_read(path, len)) == NULL) {
			diag_error(path, 0, "cannot read: %s", strerror(errno));
			*rc = EX_NOINPUT;
			free(path);
			return NULL;
		}
		*file = path;
		return text;
	}
	free(path);
	rname = xasprintf("%s%s", docs_default_dir(p), name);
	if ((r = resource_get(rname)) == NULL) {
		diag_error(rname, 0, "no built-in text");
		free(rname);
		*rc = EX_SOFTWARE;
		return NULL;
	}
	text = xmalloc(r->len + 1);
	memcpy(text, r->data, r->len);
	text[r->len] = '\0';
	*len = r->len;
	*file = rname;
	return text;
}

const char *
docs_default_dir(const struct programme *p)
{
	return p->lang == LANG_EN ? "content/en/" : "content/";
}

const char *
docs_cap(const char *word)
{
	static char ring[8][96];
	static unsigned next;
	char *b = ring[next++ % 8];

	snprintf(b, sizeof(ring[0]), "%s", word);
	if (b[0] >= 'a' && b[0] <= 'z')
		b[0] = (char)(b[0] - 'a' + 'A');
	return b;
}

struct doc_block *
docs_para(struct doc_block *parent, const char *text, enum doc_align align,
    double size, unsigned style)
{
	struct doc_block *b = doc_add(parent, DOC_PARA, NULL, 0);

	b->align = align;
	b->size = size;
	b->style = style;
	if (text != NULL && *text != '\0')
		doc_add_text(b, text, strlen(text), 0, 0);
	return b;
}

const char *
docs_data_lang(const struct programme *p)
{
	return p->lang == LANG_DE ? NULL : DOC_LANG_NONE;
}

void
docs_set_lang(struct doc_block *b, const char *lang)
{
	b->lang = lang;
	for (struct doc_block *c = b->first; c != NULL; c = c->next)
		docs_set_lang(c, lang);
}

struct doc_block *
docs_heading(struct doc_block *parent, int level, const char *text,
    bool in_toc)
{
	struct doc_block *b = doc_add(parent, DOC_HEADING, NULL, 0);

	b->level = level;
	b->no_toc = !in_toc;
	doc_add_text(b, text, strlen(text), 0, 0);
	return b;
}

struct doc_block *
docs_table(struct doc_block *parent, const double *colw, size_t ncols,
    int header_rows)
{
	struct doc_block *b = doc_add(parent, DOC_TABLE, NULL, 0);

	b->colw = xcalloc(ncols, sizeof(*b->colw));
	memcpy(b->colw, colw, ncols * sizeof(*colw));
	b->ncols = ncols;
	b->header_rows = header_rows;
	return b;
}

struct doc_block *
docs_row(struct doc_block *table)
{
	return doc_add(table, DOC_ROW, NULL, 0);
}

struct doc_block *
docs_cell(struct doc_block *row, const char *text, unsigned style,
    double size)
{
	struct doc_block *c = doc_add(row, DOC_CELL, NULL, 0);
	struct doc_block *b = docs_para(c, text, DOC_ALIGN_LEFT, size, style);

	/* An empty cell still needs its paragraph for the row height. */
	if (b->nruns == 0)
		doc_add_text(b, "", 0, 0, 0);
	return c;
}

/*
 * Is this the first warning about the record at file:line? A logo that
 * cannot be used is reported once, not on each of a thousand
 * certificates.
 */
static bool
first_warning(const char *file, long line)
{
	static struct { const char *file; long line; } seen[64];
	static size_t nseen;

	for (size_t i = 0; i < nseen; i++)
		if (seen[i].file == file && seen[i].line == line)
			return false;
	if (nseen < sizeof(seen) / sizeof(seen[0])) {
		seen[nseen].file = file;
		seen[nseen++].line = line;
	}
	return true;
}

void
docs_logos(struct doc_block *parent, const struct programme *p,
    double width, double height)
{
	char **paths = xcalloc(p->norgs + 1, sizeof(*paths));
	double *w = xcalloc(p->norgs + 1, sizeof(*w)), total = 0, gap = 24;
	double x, scale = 1;
	size_t n = 0;
	struct doc_block *b;
	const char **alt = xcalloc(p->norgs + 1, sizeof(*alt));

	for (size_t i = 0; i < p->norgs; i++) {
		char *path;
		int pw, ph;
		const char *err;

		if (p->orgs[i].logo == NULL)
			continue;
		path = xasprintf("%s/%s", p->dir ? p->dir : ".",
		    p->orgs[i].logo);
		if (layout_image_size(path, &pw, &ph, &err) != 0 || pw <= 0 ||
		    ph <= 0) {
			if (first_warning(p->file, p->orgs[i].line))
				diag_warn(p->file, p->orgs[i].line, "logo %s "
				    "cannot be used: %s; left out",
				    p->orgs[i].logo, err ? err :
				    strerror(errno));
			free(path);
			continue;
		}
		/* Each logo a figure named by its organisation. */
		alt[n] = p->orgs[i].name ? p->orgs[i].name : p->orgs[i].logo;
		paths[n] = path;
		w[n] = height * pw / ph;
		/* Very wide logos are capped so that a row stays balanced. */
		if (w[n] > height * 4)
			w[n] = height * 4;
		total += w[n++];
	}
	if (n > 0) {
		total += gap * (double)(n - 1);
		if (total > width)
			scale = width / total;
		b = doc_add(parent, DOC_DRAWING, NULL, 0);
		b->width = width;
		b->height = height * scale;
		x = (width - total * scale) / 2;
		for (size_t i = 0; i < n; i++) {
			struct doc_prim *pr = doc_add_prim(b, DOC_PRIM_IMAGE,
			    x, 0, w[i] * scale, height * scale);

			pr->text = paths[i];
			paths[i] = NULL;
			pr->alt = xstrdup(alt[i]);
			x += (w[i] + gap) * scale;
		}
	}
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
	free(paths);
	free(w);
	free(alt);
}

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

/*
 * The built-in templates' running heads and feet are German; for an
 * English programme their page label becomes "Page X of Y".
 */
static void
template_english(struct template *t)
{
	static const char de[] = "Seite {{page}} von {{pages}}";

	for (int i = 0; i < TMPL_SLOT__MAX; i++) {
		char **slot[2] = { &t->head[i], &t->foot[i] };

		for (int k = 0; k < 2; k++)
			if (*slot[k] != NULL && strcmp(*slot[k], de) == 0) {
				free(*slot[k]);
				*slot[k] = xstrdup("Page {{page}} of {{pages}}");
			}
	}
}

struct template *
docs_template(const struct programme *p, const char *name, int *rc)
{
	const char *dir = p->dir ? p->dir : ".";
	char *path = xasprintf("%s/templates/%s.xml", dir, name);
	char *rname = xasprintf("templates/%s.xml", name);
	struct template *t = NULL;
	const struct resource *r;
	char *data;
	size_t len;

	if (file_exists(path)) {
		if ((data = file_read(path, &len)) == NULL) {
			diag_error(path, 0, "cannot read: %s", strerror(errno));
			*rc = EX_NOINPUT;
		} else if ((t = template_load(path, data, len)) == NULL)
			*rc = EX_DATAERR;
		free(data);
	} else if ((r = resource_get(rname)) != NULL) {
		if ((t = template_load(r->name, r->data, r->len)) == NULL)
			*rc = EX_SOFTWARE;
		else if (p->lang == LANG_EN)
			template_english(t);
	} else {
		diag_error(rname, 0, "no built-in template");
		*rc = EX_SOFTWARE;
	}
	/* The logo is named relative to the programme folder. */
	if (t != NULL && t->logo != NULL && t->logo[0] != '/') {
		char *logo = xasprintf("%s/%s", dir, t->logo);

		free(t->logo);
		t->logo = logo;
	}
	/* Checked once here, not by every document drawn with it (a
	 * thousand certificate files). */
	if (t != NULL && t->logo != NULL) {
		int w, h;
		const char *err = NULL;

		if (layout_image_size(t->logo, &w, &h, &err) != 0) {
			diag_warn(t->file, t->logo_line, "logo %s: %s; left "
			    "out (put the file there or remove <logo>)",
			    t->logo, err ? err : strerror(errno));
			free(t->logo);
			t->logo = NULL;
		}
	}
	free(path);
	free(rname);
	return t;
}

char *
docs_path(const struct docs_out *o, const char *name)
{
	if (strcmp(o->outdir, "-") == 0 && render_is_text(o->render))
		return xstrdup("-");
	return xasprintf("%s/%s.%s", o->outdir, name, render_ext(o->render));
}

int
docs_write(const struct docs_out *o, const struct doc *d,
    const struct template *t, const char *name, const char *subject,
    const char *title)
{
	struct render_info ri;
	char *path = docs_path(o, name);
	int rc;

	memset(&ri, 0, sizeof(ri));
	ri.title = title;
	ri.subject = subject;
	ri.date = o->date;
	ri.pdfa = o->pdfa;
	rc = render_write(o->render, d, t, &ri, path);
	free(path);
	return rc;
}

struct doc *
docs_doc_new(const struct programme *p, const char *title)
{
	struct doc *d = doc_new(p->lang == LANG_EN ? "en" : "de");

	d->title = xstrdup(title);
	d->author = docs_author(p);
	return d;
}

char *
docs_author(const struct programme *p)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < p->norgs; i++) {
		if (i > 0)
			sb_adds(&sb, ", ");
		sb_adds(&sb, p->orgs[i].name ? p->orgs[i].name :
		    p->orgs[i].id);
	}
	return sb.len > 0 ? sb_take(&sb) : (sb_free(&sb), NULL);
}

char *
docs_plural_title(const struct programme *p, const char *de, const char *en)
{
	return xasprintf("%s \xe2\x80\x93 %s", DOCS_LANG(p, de, en),
	    p->title ? p->title : p->id);
}
