/*
 * The document tree: construction and release, and the ids of headings
 * for internal links (see doc.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "layout/doc.h"
#include "util/strbuf.h"
#include "util/utf8.h"
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
	free(b->id);
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

/* The lower-case letter of an upper-case one in the Latin, Greek and
 * Cyrillic alphabets; other code points unchanged. */
static uint32_t
slug_lower(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xc0 && c <= 0xde && c != 0xd7))
		return c + 0x20;
	if (c == 0x130)
		return 'i';		/* Turkish capital I with dot */
	if ((c >= 0x100 && c <= 0x137) || (c >= 0x14a && c <= 0x177))
		return c | 1;		/* pairs: upper even, lower odd */
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17e))
		return (c & 1) ? c + 1 : c;	/* upper odd */
	if (c == 0x178)
		return 0xff;		/* Ÿ */
	if (c == 0x1e9e)
		return 0xdf;		/* capital sharp s */
	if ((c >= 0x391 && c <= 0x3a9 && c != 0x3a2) ||
	    (c >= 0x410 && c <= 0x42f))
		return c + 0x20;
	if (c >= 0x400 && c <= 0x40f)
		return c + 0x50;
	return c;
}

/* Whether a code point outside ASCII is punctuation, a symbol or a
 * space (left out of slugs) rather than a letter, digit or mark. */
static bool
slug_drop(uint32_t c)
{
	return (c >= 0x80 && c <= 0xbf && c != 0xaa && c != 0xb5 &&
	    c != 0xba) || c == 0xd7 || c == 0xf7 ||
	    (c >= 0x2000 && c <= 0x2bff) ||	/* punctuation, symbols */
	    (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe00 && c <= 0xfe0f) ||
	    (c >= 0xff00 && c <= 0xff0f) || (c >= 0xfff0 && c <= 0xffff) ||
	    c >= 0x1f000;			/* emoji */
}

char *
doc_slug(const char *text, size_t len)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, k;
	uint32_t c;
	char buf[4];

	while (i < len) {
		if ((k = utf8_decode(text + i, len - i, &c)) == 0) {
			i++;
			continue;
		}
		i += k;
		if (c == ' ') {
			sb_addc(&sb, '-');
			continue;
		}
		if (c < 0x80) {
			if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
			    (c >= '0' && c <= '9') || c == '-' || c == '_')
				sb_addc(&sb, (char)slug_lower(c));
			continue;
		}
		if (slug_drop(c))
			continue;
		if ((k = utf8_encode(slug_lower(c), buf)) > 0)
			sb_add(&sb, buf, k);
	}
	return sb.s ? sb_take(&sb) : xstrdup("");
}

struct idlist {
	const struct doc_block **blocks;
	char		**ids;
	size_t		 n, cap, cap2;
};

/* Whether an id is taken by one of the first n headings. */
static bool
id_taken(const struct idlist *l, const char *id)
{
	for (size_t i = 0; i < l->n; i++)
		if (l->ids[i] != NULL && strcmp(l->ids[i], id) == 0)
			return true;
	return false;
}

/* Collect the ids of the headings among the siblings from first up to
 * (not including) end and their children. */
static void
collect_ids(struct idlist *l, const struct doc_block *first,
    const struct doc_block *end)
{
	for (const struct doc_block *k = first; k != end; k = k->next) {
		char *base, *id;

		if (k->kind != DOC_HEADING) {
			collect_ids(l, k->first, NULL);
			continue;
		}
		if (k->id != NULL)
			base = xstrdup(k->id);
		else {
			char *t = doc_plain_text(k);

			base = doc_slug(t, strlen(t));
			free(t);
		}
		id = base;
		for (int n = 1; *base != '\0' && id_taken(l, id); n++) {
			if (id != base)
				free(id);
			id = xasprintf("%s-%d", base, n);
		}
		if (*base == '\0')
			id = NULL;	/* no letters: no id */
		if (id != base)
			free(base);
		l->blocks = xgrow(l->blocks, &l->cap, l->n + 1,
		    sizeof(*l->blocks));
		l->ids = xgrow(l->ids, &l->cap2, l->n + 1, sizeof(*l->ids));
		l->blocks[l->n] = k;
		l->ids[l->n++] = id;
	}
}

size_t
doc_heading_ids(const struct doc_block *root,
    const struct doc_block ***blocks, char ***ids)
{
	return doc_heading_ids_range(root->first, NULL, blocks, ids);
}

size_t
doc_heading_ids_range(const struct doc_block *first,
    const struct doc_block *end, const struct doc_block ***blocks,
    char ***ids)
{
	struct idlist l;

	memset(&l, 0, sizeof(l));
	collect_ids(&l, first, end);
	*blocks = l.blocks;
	*ids = l.ids;
	return l.n;
}
