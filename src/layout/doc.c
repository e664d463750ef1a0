/*
 * The document tree: construction and release (see doc.h).
 */
#include <stdlib.h>
#include <string.h>

#include "layout/doc.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

const char *const doc_kind_names[DOC__MAX] = {
	"root", "heading", "para", "list", "item", "quote", "code", "rule",
	"image", "space", "pagebreak", "table", "row", "cell", "keep", "toc",
	"tickbox", "fillin", "signature", "drawing"
};

struct doc *
doc_new(const char *lang)
{
	struct doc *d = xcalloc(1, sizeof(*d));

	d->lang = xstrdup(lang ? lang : "de");
	d->root = xcalloc(1, sizeof(*d->root));
	d->root->kind = DOC_ROOT;
	return d;
}

void
doc_block_free(struct doc_block *b)
{
	struct doc_block *c, *next;

	for (c = b->first; c != NULL; c = next) {
		next = c->next;
		doc_block_free(c);
	}
	for (size_t i = 0; i < b->nruns; i++) {
		free(b->runs[i].text);
		free(b->runs[i].uri);
	}
	for (size_t i = 0; i < b->nprims; i++) {
		free(b->prims[i].text);
		free(b->prims[i].alt);
	}
	free(b->runs);
	free(b->prims);
	free(b->path);
	free(b->alt);
	free(b->colw);
	free(b);
}

void
doc_free(struct doc *d)
{
	if (d == NULL)
		return;
	doc_block_free(d->root);
	for (size_t i = 0; i < d->nstrings; i++)
		free(d->strings[i]);
	free(d->strings);
	free(d->title);
	free(d->author);
	free(d->programme);
	free(d->lang);
	free(d);
}

const char *
doc_intern(struct doc *d, const char *s)
{
	for (size_t i = 0; i < d->nstrings; i++)
		if (strcmp(d->strings[i], s) == 0)
			return d->strings[i];
	d->strings = xgrow(d->strings, &d->stringcap, d->nstrings + 1,
	    sizeof(*d->strings));
	return d->strings[d->nstrings++] = xstrdup(s);
}

struct doc_block *
doc_add(struct doc_block *parent, enum doc_kind kind, const char *file,
    long line)
{
	struct doc_block *b = xcalloc(1, sizeof(*b));

	b->kind = kind;
	b->file = file;
	b->line = line;
	b->start = 1;
	b->level = 1;
	b->parent = parent;
	if (parent->last != NULL)
		parent->last->next = b;
	else
		parent->first = b;
	parent->last = b;
	return b;
}

struct doc_run *
doc_add_text(struct doc_block *b, const char *s, size_t len, unsigned style,
    long line)
{
	struct doc_run *r;

	b->runs = xgrow(b->runs, &b->runcap, b->nruns + 1, sizeof(*b->runs));
	r = &b->runs[b->nruns++];
	memset(r, 0, sizeof(*r));
	r->text = xstrndup(s, len);
	r->len = len;
	r->style = style;
	r->line = line ? line : b->line;
	return r;
}

void
doc_add_break(struct doc_block *b, long line)
{
	doc_add_text(b, "", 0, DOC_BREAK, line);
}

struct doc_prim *
doc_add_prim(struct doc_block *b, enum doc_prim_kind kind, double x,
    double y, double w, double h)
{
	struct doc_prim *p;

	b->prims = xgrow(b->prims, &b->primcap, b->nprims + 1,
	    sizeof(*b->prims));
	p = &b->prims[b->nprims++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->x = x;
	p->y = y;
	p->w = w;
	p->h = h;
	p->size = 10;
	return p;
}

void
doc_set_str(char **field, const char *s)
{
	free(*field);
	*field = s ? xstrdup(s) : NULL;
}

char *
doc_plain_text(const struct doc_block *b)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < b->nruns; i++) {
		if (b->runs[i].style & DOC_BREAK)
			sb_addc(&sb, ' ');
		else
			sb_add(&sb, b->runs[i].text, b->runs[i].len);
	}
	return sb.s ? sb_take(&sb) : xstrdup("");
}
