/*
 * Placeholder expansion on the cmark tree (see placeholder.h and
 * tandem-texts(5)). Block placeholders standing alone in a
 * paragraph become custom blocks; text runs are merged into one text node
 * and expanded by placeholder_lex.c, each placeholder's value written as
 * plain text.
 */
#include <cmark.h>

#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/placeholder.h"
#include "compose/placeholder_priv.h"
#include "util/diag.h"
#include "util/escape.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#define BLOCK_TAG	"tandem-block:"

/*
 * Track whether a "{{" is open at the end of the bytes fed so far, as
 * ph_expand() will see it: *open, with the last unpaired brace in *prev.
 */
static void
brace_state(const char *t, size_t n, int *open, char *prev)
{
	for (size_t i = 0; i < n; i++) {
		if (t[i] == ESC) {
			*prev = ESC;
			if (i + 1 < n)
				i++;
			continue;
		}
		if (!*open && *prev == '{' && t[i] == '{') {
			*open = 1;
			*prev = 0;
		} else if (*open && *prev == '}' && t[i] == '}') {
			*open = 0;
			*prev = 0;
		} else
			*prev = t[i];
	}
}

/* Replace the escape marks in a string property of a node: with a
 * backslash (code, where escapes are not processed) or with nothing. */
static void
unescape_prop(cmark_node *n, const char *(*get)(cmark_node *),
    int (*set)(cmark_node *, const char *), bool backslash)
{
	const char *v = get(n);
	char *w;
	size_t i, o;

	if (v == NULL || strchr(v, ESC) == NULL)
		return;
	w = xstrdup(v);
	for (i = o = 0; w[i] != '\0'; i++)
		if (w[i] != ESC)
			w[o++] = w[i];
		else if (backslash)
			w[o++] = '\\';
	w[o] = '\0';
	set(n, w);
	free(w);
}

/*
 * If para is a paragraph holding nothing but one block placeholder,
 * return the text node, else NULL.
 */
static cmark_node *
block_candidate(cmark_node *para)
{
	cmark_node *t = cmark_node_first_child(para);
	const char *lit, *e;
	size_t n;

	if (t == NULL || cmark_node_get_type(t) != CMARK_NODE_TEXT ||
	    cmark_node_next(t) != NULL ||
	    (lit = cmark_node_get_literal(t)) == NULL)
		return NULL;
	while (isspace((unsigned char)*lit))
		lit++;
	n = strlen(lit);
	while (n > 0 && isspace((unsigned char)lit[n - 1]))
		n--;
	if (n < 4 || strncmp(lit, "{{", 2) != 0 ||
	    strncmp(lit + n - 2, "}}", 2) != 0)
		return NULL;
	e = strstr(lit + 2, "}}");
	if (e != lit + n - 2)
		return NULL;
	lit += 2;
	while (isspace((unsigned char)*lit))
		lit++;
	for (int k = 0; k < PH_BLOCK__MAX; k++) {
		size_t kl = strlen(ph_block_names[k]);

		if (strncmp(lit, ph_block_names[k], kl) == 0 &&
		    (isspace((unsigned char)lit[kl]) || lit[kl] == '}'))
			return t;
	}
	return NULL;
}

/*
 * Turn a block placeholder paragraph into a custom block. Returns 0, or
 * -1 after reporting (the paragraph is then dropped).
 */
static int
make_block(cmark_node *para, cmark_node *t, const struct compose_ctx *c,
    const char *file)
{
	const char *lit = cmark_node_get_literal(t);
	const char *o = strstr(lit, "{{"), *e = strstr(o, "}}");
	struct seg seg;
	struct src s = { file, &seg, 1, c, false };
	struct ph ph;
	struct arg *a;
	bool cap;
	int k, n = 0, rc = -1;
	char tag[64];
	cmark_node *blk;

	seg.off = 0;
	seg.line = cmark_node_get_start_line(t);
	seg.col = cmark_node_get_start_column(t);
	memset(&ph, 0, sizeof(ph));
	ph.s = &s;
	ph.off = (size_t)(o - lit);
	if (ph_parse_body(&ph, o + 2, (size_t)(e - o - 2), &cap) < 0)
		goto drop;
	k = ph_lookup(ph_block_names, PH_BLOCK__MAX, ph.name, strlen(ph.name));
	if (k < 0 || !ph_usable(&ph, ph_block_grp[k]))
		goto drop;
	if (k == PH_FORM_LINES) {
		n = 3;
		if ((a = ph_arg_take(&ph, "n")) != NULL) {
			char *end, *v = xstrndup(a->v, a->vn);
			long l = strtol(v, &end, 10);
			bool ok = a->vn > 0 && *end == '\0' && l >= 1 &&
			    l <= 20;

			free(v);
			if (!ok) {
				ph_bad_value(&ph, a);
				goto drop;
			}
			n = (int)l;
		}
	}
	if (ph_unused_args(&ph) < 0)
		goto drop;
	snprintf(tag, sizeof(tag), BLOCK_TAG "%d:%d", k, n);
	blk = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK);
	cmark_node_set_on_enter(blk, tag);
	cmark_node_insert_before(para, blk);
	rc = 0;
drop:
	cmark_node_unlink(para);
	cmark_node_free(para);
	return rc;
}

int
placeholder_block(cmark_node *n, int *arg)
{
	const char *tag;
	int k, v;

	*arg = 0;
	if (cmark_node_get_type(n) != CMARK_NODE_CUSTOM_BLOCK ||
	    (tag = cmark_node_get_on_enter(n)) == NULL ||
	    strncmp(tag, BLOCK_TAG, strlen(BLOCK_TAG)) != 0 ||
	    sscanf(tag + strlen(BLOCK_TAG), "%d:%d", &k, &v) != 2 ||
	    k < 0 || k >= PH_BLOCK__MAX)
		return -1;
	*arg = v;
	return k;
}

/* The start position of a node (0 when cmark has none). */
static void
node_pos(cmark_node *n, long *line, long *col)
{
	*line = cmark_node_get_start_line(n);
	*col = cmark_node_get_start_column(n);
}

/* Collect the first text node of each run of text siblings, the block
 * placeholder paragraphs, and undo escape marks outside text. */
static void
collect(cmark_node *root, cmark_node ***runs, size_t *nruns,
    cmark_node ***blocks, size_t *nblocks)
{
	size_t rcap = 0, bcap = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it), *prev;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			prev = cmark_node_previous(n);
			if (prev != NULL && cmark_node_get_type(prev) ==
			    CMARK_NODE_TEXT)
				break;
			*runs = xgrow(*runs, &rcap, *nruns + 1,
			    sizeof(**runs));
			(*runs)[(*nruns)++] = n;
			break;
		case CMARK_NODE_PARAGRAPH:
			if (block_candidate(n) == NULL)
				break;
			*blocks = xgrow(*blocks, &bcap, *nblocks + 1,
			    sizeof(**blocks));
			(*blocks)[(*nblocks)++] = n;
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_HTML_BLOCK:
			unescape_prop(n, cmark_node_get_literal,
			    cmark_node_set_literal, true);
			break;
		case CMARK_NODE_LINK:
		case CMARK_NODE_IMAGE:
			unescape_prop(n, cmark_node_get_url,
			    cmark_node_set_url, false);
			unescape_prop(n, cmark_node_get_title,
			    cmark_node_set_title, false);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Where the first unescaped "{{" of s starts, or NULL. */
static const char *
find_open(const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ESC && s[1] != '\0')
			s++;
		else if (s[0] == '{' && s[1] == '{')
			return s;
	}
	return NULL;
}

/* Replace a link or image node by its children (the text it shows). */
static void
unwrap(cmark_node *k)
{
	while (cmark_node_first_child(k) != NULL)
		cmark_node_insert_before(k, cmark_node_first_child(k));
	cmark_node_unlink(k);
	cmark_node_free(k);
}

/*
 * Placeholders inside link targets and image paths (tandem-texts(5),
 * LINKS): a link's target is expanded with each value percent-encoded,
 * after its scheme (http://, https://, mailto: or #) is written out
 * before the first placeholder, and checked again after expansion. An
 * image path with a placeholder is an error (the image would depend on
 * the data): the image is replaced by its alternative text. Returns the
 * number of errors.
 */
static int
expand_urls(cmark_node *root, const struct compose_ctx *c, const char *file)
{
	cmark_node **nodes = NULL;
	size_t n = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	int errors = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *k = cmark_iter_get_node(it);
		cmark_node_type ty = cmark_node_get_type(k);
		const char *u;

		if (ev == CMARK_EVENT_ENTER && (ty == CMARK_NODE_LINK ||
		    ty == CMARK_NODE_IMAGE) &&
		    (u = cmark_node_get_url(k)) != NULL &&
		    find_open(u) != NULL) {
			nodes = xgrow(nodes, &cap, n + 1, sizeof(*nodes));
			nodes[n++] = k;
		}
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < n; i++) {
		cmark_node *k = nodes[i];
		char *u = xstrdup(cmark_node_get_url(k));
		const char *o = find_open(u);
		long line, col;
		struct strbuf out = STRBUF_INIT;
		char *lit;

		node_pos(k, &line, &col);
		for (char *q = u; *q != '\0'; q++)
			if (*q == ESC)
				*q = '\\';
		if (cmark_node_get_type(k) == CMARK_NODE_IMAGE) {
			diag(DIAG_ERROR, file, line, col, "image \"%s\": a "
			    "placeholder in an image path; name the image "
			    "file itself", u);
			errors++;
			/* Its alternative text stays, as for an image left
			 * out. */
			unwrap(k);
			free(u);
			continue;
		}
		lit = xstrndup(u, (size_t)(o - u));
		if (!escape_url_allowed(lit)) {
			diag(DIAG_ERROR, file, line, col, "link to \"%s\": "
			    "write its scheme (http://, https:// or mailto:) "
			    "or # before the first placeholder", u);
			errors++;
			unwrap(k);
		} else {
			struct seg seg = { 0, line, col };
			struct src s = { file, &seg, 1, c, true };
			const char *raw = cmark_node_get_url(k);

			if (ph_expand(&out, raw, strlen(raw), &s) > 0)
				errors++;
			else if (!escape_url_allowed(sb_str(&out))) {
				diag(DIAG_ERROR, file, line, col, "link to "
				    "\"%s\": not an http, https or mailto link "
				    "after its placeholders are filled in", u);
				errors++;
				unwrap(k);
			} else
				cmark_node_set_url(k, sb_str(&out));
		}
		free(lit);
		sb_free(&out);
		free(u);
	}
	free(nodes);
	return errors;
}

/* Does a paragraph or heading hold nothing but white space? */
static bool
blank_block(cmark_node *b)
{
	for (cmark_node *n = cmark_node_first_child(b); n != NULL;
	    n = cmark_node_next(n)) {
		const char *lit;

		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			break;
		case CMARK_NODE_TEXT:
			lit = cmark_node_get_literal(n);
			for (; lit != NULL && *lit != '\0'; lit++)
				if (!isspace((unsigned char)*lit))
					return false;
			break;
		default:
			return false;
		}
	}
	return true;
}

/*
 * Remove the paragraphs and headings that expansion left blank (a false
 * condition, an empty optional value), then the list items, lists and
 * quotes left with nothing in them.
 */
static void
prune_blank(cmark_node *root)
{
	cmark_node **dead = NULL;
	size_t ndead = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type ty = cmark_node_get_type(n);

		if (ev == CMARK_EVENT_ENTER && (ty == CMARK_NODE_PARAGRAPH ||
		    ty == CMARK_NODE_HEADING) && blank_block(n)) {
			dead = xgrow(dead, &cap, ndead + 1, sizeof(*dead));
			dead[ndead++] = n;
		}
	}
	cmark_iter_free(it);
	for (size_t i = 0; i < ndead; i++) {
		cmark_node *n = dead[i], *up;

		for (;;) {
			up = cmark_node_parent(n);
			cmark_node_unlink(n);
			cmark_node_free(n);
			if (up == NULL || up == root ||
			    cmark_node_first_child(up) != NULL)
				break;
			if (cmark_node_get_type(up) != CMARK_NODE_ITEM &&
			    cmark_node_get_type(up) != CMARK_NODE_LIST &&
			    cmark_node_get_type(up) != CMARK_NODE_BLOCK_QUOTE)
				break;
			n = up;
		}
	}
	free(dead);
}

int
placeholder_expand_tree(cmark_node *root, const struct compose_ctx *c,
    const char *file)
{
	cmark_node **runs = NULL, **blocks = NULL;
	size_t nruns = 0, nblocks = 0, i;
	int errors = expand_urls(root, c, file);

	collect(root, &runs, &nruns, &blocks, &nblocks);
	if (nblocks > 0) {
		/* The block paragraphs' text nodes were collected as runs
		 * too: collect again after turning them into blocks. */
		for (i = 0; i < nblocks; i++)
			if (make_block(blocks[i], block_candidate(blocks[i]),
			    c, file) < 0)
				errors++;
		free(runs);
		free(blocks);
		runs = blocks = NULL;
		nruns = nblocks = 0;
		collect(root, &runs, &nruns, &blocks, &nblocks);
	}

	for (i = 0; i < nruns; i++) {
		cmark_node *n = runs[i], *next;
		struct strbuf text = STRBUF_INIT, out = STRBUF_INIT;
		struct seg *segs = NULL;
		size_t nsegs = 0, scap = 0;
		const char *lit = cmark_node_get_literal(n);
		int open = 0, merged = 0;
		char prev = 0;
		long line, col;

		node_pos(n, &line, &col);
		segs = xgrow(segs, &scap, 1, sizeof(*segs));
		segs[nsegs++] = (struct seg){ 0, line, col };
		sb_adds(&text, lit != NULL ? lit : "");
		brace_state(sb_str(&text), text.len, &open, &prev);

		/* Merge the following text siblings (and a soft break
		 * inside an open placeholder, as a space). */
		while ((next = cmark_node_next(n)) != NULL) {
			cmark_node *take = next, *brk = NULL;

			if (cmark_node_get_type(next) == CMARK_NODE_SOFTBREAK &&
			    open && cmark_node_next(next) != NULL &&
			    cmark_node_get_type(cmark_node_next(next)) ==
			    CMARK_NODE_TEXT) {
				brk = next;
				take = cmark_node_next(next);
			} else if (cmark_node_get_type(next) !=
			    CMARK_NODE_TEXT)
				break;
			if (brk != NULL) {
				sb_addc(&text, ' ');
				prev = ' ';
				/* The taken node starts a run of its own. */
				if (i + 1 < nruns && runs[i + 1] == take)
					i++;
			}
			node_pos(take, &line, &col);
			segs = xgrow(segs, &scap, nsegs + 1, sizeof(*segs));
			segs[nsegs++] = (struct seg){ text.len, line,
			    line > 0 ? col : 0 };
			lit = cmark_node_get_literal(take);
			lit = lit != NULL ? lit : "";
			brace_state(lit, strlen(lit), &open, &prev);
			sb_adds(&text, lit);
			if (brk != NULL) {
				cmark_node_unlink(brk);
				cmark_node_free(brk);
			}
			cmark_node_unlink(take);
			cmark_node_free(take);
			merged = 1;
		}

		if (merged || (text.len > 0 && (strstr(text.s, "{{") != NULL ||
		    strchr(text.s, ESC) != NULL))) {
			struct src s = { file, segs, nsegs, c, false };

			errors += ph_expand(&out, sb_str(&text), text.len, &s);
			cmark_node_set_literal(n, sb_str(&out));
		}
		sb_free(&text);
		sb_free(&out);
		free(segs);
	}
	free(runs);
	free(blocks);
	prune_blank(root);
	return errors;
}

/* Markers stored as the user data of list items with a tick box. */
static const char tick_marks[2] = { 0, 1 };

int
placeholder_tick(cmark_node *item)
{
	void *u;

	if (cmark_node_get_type(item) != CMARK_NODE_ITEM)
		return -1;
	u = cmark_node_get_user_data(item);
	if (u == &tick_marks[0])
		return 0;
	if (u == &tick_marks[1])
		return 1;
	return -1;
}

int
placeholder_tick_items(cmark_node *root)
{
	cmark_node **items = NULL;
	size_t n = 0, cap = 0;
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	int marked = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE)
		if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(
		    cmark_iter_get_node(it)) == CMARK_NODE_ITEM) {
			items = xgrow(items, &cap, n + 1, sizeof(*items));
			items[n++] = cmark_iter_get_node(it);
		}
	cmark_iter_free(it);

	for (size_t i = 0; i < n; i++) {
		cmark_node *para = cmark_node_first_child(items[i]), *t;
		const char *lit;
		int ticked;

		if (para == NULL || cmark_node_get_type(para) !=
		    CMARK_NODE_PARAGRAPH ||
		    (t = cmark_node_first_child(para)) == NULL ||
		    cmark_node_get_type(t) != CMARK_NODE_TEXT ||
		    (lit = cmark_node_get_literal(t)) == NULL)
			continue;
		if (strncmp(lit, "[ ]", 3) == 0)
			ticked = 0;
		else if (strncmp(lit, "[x]", 3) == 0 ||
		    strncmp(lit, "[X]", 3) == 0)
			ticked = 1;
		else
			continue;
		lit += 3;
		while (*lit == ' ')
			lit++;
		/* cmark_node_set_literal copies before freeing the old. */
		char *rest = xstrdup(lit);

		cmark_node_set_literal(t, rest);
		free(rest);
		cmark_node_set_user_data(items[i], (void *)&tick_marks[ticked]);
		marked++;
	}
	free(items);
	return marked;
}
