/*
 * Links to headings: the ids of the headings of each part of a document,
 * and the destination each "#id" link goes to (or a warning).
 */
#include <stdlib.h>
#include <string.h>

#include "layout/lay.h"
#include "util/diag.h"
#include "util/suggest.h"
#include "util/xalloc.h"

/* ---- links to headings ---------------------------------------------- */

/* The value of a hex digit, or -1. */
static int
hexval(char ch)
{
	if (ch >= '0' && ch <= '9')
		return ch - '0';
	if (ch >= 'a' && ch <= 'f')
		return ch - 'a' + 10;
	if (ch >= 'A' && ch <= 'F')
		return ch - 'A' + 10;
	return -1;
}

/* The id of a "#id" link with %XX escapes decoded (caller frees). */
static char *
xref_id(const char *uri)
{
	char *id = xstrdup(uri + 1), *o = id;

	for (const char *s = uri + 1; *s != '\0'; s++) {
		int hi, lo;

		if (s[0] == '%' && (hi = hexval(s[1])) >= 0 &&
		    (lo = hexval(s[2])) >= 0 && (hi || lo)) {
			*o++ = (char)(hi * 16 + lo);
			s += 2;
		} else
			*o++ = *s;
	}
	*o = '\0';
	return id;
}

/*
 * The part of a combined document that the top-level block k belongs to,
 * given the part of the block before it (prev, NULL for the first): a
 * page break that restarts the page numbers begins a new part, and each
 * DOC_ROOT container is a part of its own.
 */
size_t
lay_part_next(const struct doc_block *prev, const struct doc_block *k,
    size_t part)
{
	if (prev == NULL)
		return 0;
	if (k->kind == DOC_ROOT || prev->kind == DOC_ROOT ||
	    (prev->kind == DOC_PAGEBREAK && prev->restart_pages))
		return part + 1;
	return part;
}

/* The index in L->ids of the heading a "#id" link in the current part
 * points to, or -1. */
long
lay_xref_find(struct lay *L, const char *uri)
{
	char *id = xref_id(uri);
	long found = -1;
	size_t from = 0, to = L->nids;

	if (L->part < L->nparts) {
		from = L->pfirst[L->part];
		to = L->pfirst[L->part + 1];
	}
	for (size_t i = from; i < to; i++)
		if (L->ids[i] != NULL && strcmp(L->ids[i], id) == 0) {
			found = (long)i;
			break;
		}
	free(id);
	return found;
}

/* Check the "#id" links of a block and its children: a link to no heading
 * is warned about once (per source line), a heading outside the TOC that
 * is linked to gets a destination of its own. */
static void
xref_check(struct lay *L, const struct doc_block *b, const char **last_uri,
    long *last_line)
{
	for (size_t r = 0; r < b->nruns; r++) {
		const struct doc_run *run = &b->runs[r];
		long x, sug;
		size_t from;
		char *id;

		if (run->uri == NULL || run->uri[0] != '#')
			continue;
		if ((x = lay_xref_find(L, run->uri)) >= 0) {
			if (L->iddest[x] < 0)
				L->iddest[x] = (int)L->nheads + L->nextra++;
			continue;
		}
		/* One link in several runs (bold inside) warns once. */
		if (*last_uri != NULL && strcmp(*last_uri, run->uri) == 0 &&
		    *last_line == run->line)
			continue;
		*last_uri = run->uri;
		*last_line = run->line;
		id = xref_id(run->uri);
		from = L->pfirst[L->part];
		sug = suggest_index(id, (const char *const *)L->ids + from,
		    L->pfirst[L->part + 1] - from, SUGGEST_ID);
		if (sug >= 0)
			diag_warn(b->file, run->line, "link to #%s: no heading "
			    "with this id in the document (did you mean "
			    "#%s?); the text is kept without a link", id,
			    L->ids[from + (size_t)sug]);
		else
			diag_warn(b->file, run->line, "link to #%s: no heading "
			    "with this id in the document; the text is kept "
			    "without a link", id);
		free(id);
	}
	for (const struct doc_block *k = b->first, *prev = NULL; k != NULL;
	    prev = k, k = k->next) {
		if (b == L->doc->root)
			L->part = lay_part_next(prev, k, L->part);
		xref_check(L, k, last_uri, last_line);
	}
}

/* Whether a block or one of its children links to a heading. */
static bool
has_xref(const struct doc_block *b)
{
	for (size_t r = 0; r < b->nruns; r++)
		if (b->runs[r].uri != NULL && b->runs[r].uri[0] == '#')
			return true;
	for (const struct doc_block *k = b->first; k != NULL; k = k->next)
		if (has_xref(k))
			return true;
	return false;
}

/* Count the ids of the headings of each part of the document (see
 * part_next) on their own, into L->ids, L->idblk and L->pfirst. */
static void
xref_ids(struct lay *L)
{
	const struct doc_block *start = L->doc->root->first, *prev = NULL;
	size_t part = 0, cap = 0;

	L->pfirst = xgrow(NULL, &cap, 1, sizeof(*L->pfirst));
	L->pfirst[0] = 0;
	for (const struct doc_block *k = L->doc->root->first; ; prev = k,
	    k = k->next) {
		const struct doc_block **blk;
		char **ids;
		size_t n, q = k != NULL ? lay_part_next(prev, k, part) :
		    part + 1;

		if (q == part)
			continue;
		/* The part from start up to k is complete. */
		n = doc_heading_ids_range(start, k, &blk, &ids);
		L->idblk = xrealloc(L->idblk, (L->nids + n + 1) *
		    sizeof(*L->idblk));
		L->ids = xrealloc(L->ids, (L->nids + n + 1) * sizeof(*L->ids));
		if (n > 0) {
			memcpy(L->idblk + L->nids, blk, n * sizeof(*blk));
			memcpy(L->ids + L->nids, ids, n * sizeof(*ids));
		}
		free(blk);
		free(ids);
		L->nids += n;
		L->pfirst = xgrow(L->pfirst, &cap, L->nparts + 2,
		    sizeof(*L->pfirst));
		L->pfirst[++L->nparts] = L->nids;
		if (k == NULL)
			break;
		part = q;
		start = k;
	}
}

/* Give every heading its id and resolve the links to headings over the
 * whole document (a chapter may link to a later one) or, in a combined
 * document, over its part. A document without such links (a
 * certificate) skips the work. */
void
lay_xref_resolve(struct lay *L)
{
	const char *last_uri = NULL;
	long last_line = 0;

	if (!has_xref(L->doc->root))
		return;
	xref_ids(L);
	L->iddest = xcalloc(L->nids + 1, sizeof(*L->iddest));
	for (size_t i = 0; i < L->nids; i++) {
		const struct doc_block *h = L->idblk[i];

		/* An id given twice ({#id}) cannot serve both headings. */
		if (h->id != NULL && L->ids[i] != NULL &&
		    strcmp(h->id, L->ids[i]) != 0)
			diag_warn(h->file, h->line, "heading id #%s is taken "
			    "by an earlier heading; this one is #%s", h->id,
			    L->ids[i]);
		L->iddest[i] = -1;
		for (size_t h = 0; h < L->nheads; h++)
			if (L->heads[h] == L->idblk[i]) {
				L->iddest[i] = (int)h;
				break;
			}
	}
	L->part = 0;
	xref_check(L, L->doc->root, &last_uri, &last_line);
	L->part = 0;
}
