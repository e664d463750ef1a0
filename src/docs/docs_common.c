/*
 * What the document kinds share (see docs.h): builders for paragraphs,
 * headings, tables and logo rows, and the document's title and author.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs/docs.h"
#include "layout/layout.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

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

struct doc_block *
docs_cell2(struct doc_block *row, const char *a, const char *la, const char *b,
    const char *lb)
{
	struct doc_block *c = doc_add(row, DOC_CELL, NULL, 0);
	struct doc_block *p = docs_para(c, NULL, DOC_ALIGN_LEFT, 0, 0);

	if (a != NULL && *a != '\0')
		doc_add_text(p, a, strlen(a), DOC_BOLD, 0)->lang = la;
	if (b != NULL && *b != '\0') {
		if (p->nruns > 0)
			doc_add_break(p, 0);
		doc_add_text(p, b, strlen(b), 0, 0)->lang = lb;
	}
	if (p->nruns == 0)
		doc_add_text(p, "", 0, 0, 0);
	return c;
}

void
docs_logos(struct doc_block *parent, struct layout_run *run,
    const struct programme *p, double width, double height)
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
		/* docs_check_logos() has reported and cleared the unusable
		 * ones; this reads the size. */
		if (layout_image_size(run, path, &pw, &ph, &err) != 0 ||
		    pw <= 0 || ph <= 0) {
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

struct doc *
docs_doc_new(const struct programme *p, const char *title)
{
	struct doc *d = doc_new(p->lang == LANG_EN ? "en" : "de");

	d->title = xstrdup(title);
	d->author = docs_author(p);
	return d;
}

/* An organisation's name as the author list gives it. */
static const char *
author_name(const struct org *o)
{
	return o->name != NULL && *o->name != '\0' ? o->name : o->id;
}

/*
 * How many organisations the author list names in full: as many as fit
 * in DOCS_MAX_META characters (each field is at most LOAD_MAX_FIELD, so
 * the first always fits).
 */
static size_t
author_count(const struct programme *p)
{
	size_t chars = 0, i;

	for (i = 0; i < p->norgs; i++) {
		const char *n = author_name(&p->orgs[i]);

		chars += utf8_len(n, strlen(n)) + (i > 0 ? 2 : 0);
		if (chars > DOCS_MAX_META && i > 0)
			break;
	}
	return i;
}

char *
docs_author(const struct programme *p)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = author_count(p);

	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			sb_adds(&sb, ", ");
		sb_adds(&sb, author_name(&p->orgs[i]));
	}
	if (n < p->norgs)
		sb_addf(&sb, DOCS_LANG(p, " und %zu weitere", " and %zu more"),
		    p->norgs - n);
	return sb.len > 0 ? sb_take(&sb) : (sb_free(&sb), NULL);
}

void
docs_check_metadata(const struct programme *p)
{
	size_t n = author_count(p);

	if (n < p->norgs)
		diag(DIAG_WARNING, p->file, p->orgs[n].line, 0, "the author "
		    "of the documents (their document information) names "
		    "the first %zu of the %zu organisations, at most %d "
		    "characters, and then \"%s %zu %s\"", n, p->norgs,
		    DOCS_MAX_META, DOCS_LANG(p, "und", "and"), p->norgs - n,
		    DOCS_LANG(p, "weitere", "more"));
}

char *
docs_plural_title(const struct programme *p, const char *de, const char *en)
{
	return xasprintf("%s \xe2\x80\x93 %s", DOCS_LANG(p, de, en),
	    p->title ? p->title : p->id);
}
