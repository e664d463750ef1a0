/*
 * Markdown to document tree with libcmark (see markdown.h). One walk over
 * cmark's tree with its iterator: container blocks map to doc blocks on a
 * stack, inlines to runs of the current text block with style bits.
 */
#include <cmark.h>

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "layout/layout.h"
#include "markdown/markdown.h"
#include "util/diag.h"
#include "util/escape.h"
#include "util/fileio.h"
#include "util/utf8.h"
#include "util/xalloc.h"

struct conv {
	struct doc		*doc;
	const struct md_opts	*o;
	const char		*file;		/* interned */
	struct doc_block	*stack[MD_MAX_DEPTH + 2];
	int			 depth;		/* containers open */
	int			 skipped;	/* containers flattened */
	struct doc_block	*text;		/* current text block */
	struct doc_block	*resume;	/* para split by an image */
	unsigned		 style;
	int			 emph, strong;
	const char		*uri;		/* current link or NULL */
	int			 link_depth;
	struct doc_block	*image;		/* collecting alt text */
	bool			 warned_depth;
	int			 errors;	/* images refused */
};

/* Append a run of text with style and link target (copied) to b. */
static void
add_run(struct doc_block *b, const char *s, size_t len, unsigned style,
    const char *uri, long line)
{
	struct doc_run *r;

	r = doc_add_text(b, s, len, style, line);
	if (uri != NULL)
		r->uri = xstrdup(uri);
}

static long
line_of(cmark_node *n, struct conv *c)
{
	int l = cmark_node_get_start_line(n);

	if (l > 0)
		return l;
	return c->text != NULL ? c->text->line : 0;
}

static struct doc_block *
top(struct conv *c)
{
	return c->stack[c->depth];
}

/* Resolve an image path inside the programme folder and check the image
 * (layout.h); NULL with a warning if it is outside, absolute, remote,
 * missing or not a regular file, with an error if it is no complete PNG
 * or JPEG. */
static char *
image_path(struct conv *c, const char *url, long line)
{
	char *joined;
	const char *why;
	int in, w, h, got;

	if (c->o->base_dir == NULL) {
		diag_warn(c->file, line, "image \"%s\" left out: images are "
		    "only taken from a programme folder", url);
		return NULL;
	}
	if (url[0] == '/' || strstr(url, "://") != NULL ||
	    strncasecmp(url, "data:", 5) == 0) {
		diag_warn(c->file, line, "image \"%s\" left out: give a path "
		    "inside the programme folder", url);
		return NULL;
	}
	joined = xasprintf("%s/%s", c->o->base_dir, url);
	/* The rule of the confined opener (fileio.h); then the image is
	 * read and checked, here for tandem check as for tandem build. */
	if ((in = file_inside(c->o->base_dir, joined)) == 1) {
		got = layout_image_size(c->o->run, joined, &w, &h, &why);
		if (got == 0)
			return joined;
		if (got == -2) {
			diag_error(c->file, line, "image \"%s\" is %s", url,
			    why);
			c->errors++;
		} else
			diag_warn(c->file, line, "image \"%s\" left out: %s",
			    url, why);
	} else if (in < 0)
		diag_warn(c->file, line, "image \"%s\" left out: no such "
		    "file", url);
	else
		diag_warn(c->file, line, "image \"%s\" left out: it lies "
		    "outside the programme folder", url);
	free(joined);
	return NULL;
}

/* The block that receives the next inline: the current text block, or a
 * new paragraph after an image split the old one. */
static struct doc_block *
text_block(struct conv *c, long line)
{
	if (c->text == NULL && c->resume != NULL) {
		struct doc_block *p = c->resume->parent;

		c->text = doc_add(p, DOC_PARA, c->file, line);
		c->resume = NULL;
	}
	return c->text;
}

/*
 * If the line of b since its last hard break (or its start) is blank,
 * as an optional value replaced by nothing leaves it, remove its runs and
 * return true: the hard break that would end it is then left out, so that
 * no empty line stands in a paragraph (tandem-texts(5)).
 */
static bool
drop_blank_line(struct doc_block *b)
{
	size_t i = b->nruns;

	while (i > 0 && !(b->runs[i - 1].style & DOC_BREAK)) {
		const struct doc_run *r = &b->runs[i - 1];

		if (r->uri != NULL || (r->style & DOC_CODE_SPAN))
			return false;
		for (size_t k = 0; k < r->len; k++)
			if (!isspace((unsigned char)r->text[k]))
				return false;
		i--;
	}
	while (b->nruns > i)
		free(b->runs[--b->nruns].text);
	return true;
}

static void
add_text(struct conv *c, const char *s, size_t len, unsigned extra,
    long line)
{
	struct doc_block *b;

	if (c->image != NULL) {
		char *alt = xasprintf("%s%.*s", c->image->alt ?
		    c->image->alt : "", (int)len, s);

		free(c->image->alt);
		c->image->alt = alt;
		return;
	}
	if ((b = text_block(c, line)) == NULL)
		return;
	add_run(b, s, len, c->style | extra, c->uri, line);
}

static void
push(struct conv *c, struct doc_block *b)
{
	c->stack[++c->depth] = b;
}

/* Open a container block unless the nesting limit is reached. */
static void
open_container(struct conv *c, enum doc_kind kind, long line, cmark_node *n)
{
	struct doc_block *b;

	if (c->depth >= MD_MAX_DEPTH) {
		if (!c->warned_depth)
			diag_warn(c->file, line, "lists and quotes nested "
			    "deeper than %d levels are set flat",
			    MD_MAX_DEPTH);
		c->warned_depth = true;
		c->skipped++;
		return;
	}
	b = doc_add(top(c), kind, c->file, line);
	if (kind == DOC_LIST) {
		b->ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
		b->start = cmark_node_get_list_start(n);
		if (b->start < 0 || b->start > 999999)
			b->start = 1;
		b->tight = cmark_node_get_list_tight(n) != 0;
	}
	push(c, b);
}

static void
close_container(struct conv *c)
{
	if (c->skipped > 0)
		c->skipped--;
	else if (c->depth > 0)
		c->depth--;
}

static void
style_update(struct conv *c)
{
	c->style = (c->emph > 0 ? DOC_ITALIC : 0) |
	    (c->strong > 0 ? DOC_BOLD : 0);
}

static void
enter(struct conv *c, cmark_node *n)
{
	long line = line_of(n, c);
	const char *lit;
	int lv;
	struct doc_block *b;

	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_BLOCK_QUOTE:
		open_container(c, DOC_QUOTE, line, n);
		break;
	case CMARK_NODE_LIST:
		if (c->o->tick != NULL && cmark_node_first_child(n) != NULL &&
		    c->o->tick(cmark_node_first_child(n)) >= 0 &&
		    c->depth < MD_MAX_DEPTH) {
			/* A list of tick boxes: the boxes replace it. */
			push(c, top(c));
			break;
		}
		open_container(c, DOC_LIST, line, n);
		break;
	case CMARK_NODE_ITEM:
		lv = c->o->tick != NULL ? c->o->tick(n) : -1;
		if (lv >= 0 && c->depth < MD_MAX_DEPTH) {
			b = doc_add(top(c), DOC_TICKBOX, c->file, line);
			b->checked = lv > 0;
			push(c, b);
			break;
		}
		open_container(c, DOC_ITEM, line, n);
		break;
	case CMARK_NODE_PARAGRAPH:
		if (top(c)->kind == DOC_TICKBOX) {
			/* The item's text is the box's label. */
			c->text = top(c);
			if (c->text->nruns > 0)
				doc_add_break(c->text, line);
			break;
		}
		c->text = doc_add(top(c), DOC_PARA, c->file, line);
		break;
	case CMARK_NODE_HEADING:
		lv = cmark_node_get_heading_level(n);
		c->text = doc_add(top(c), DOC_HEADING, c->file, line);
		c->text->level = lv < 1 ? 1 : lv > 4 ? 4 : lv;
		break;
	case CMARK_NODE_CODE_BLOCK:
		lit = cmark_node_get_literal(n);
		b = doc_add(top(c), DOC_CODE, c->file, line);
		if (lit != NULL)
			doc_add_text(b, lit, strlen(lit), 0, line + 1);
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		doc_add(top(c), DOC_RULE, c->file, line);
		break;
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
		diag_warn(c->file, line, "raw HTML is left out");
		break;
	case CMARK_NODE_CUSTOM_BLOCK:
		if (c->o->custom != NULL)
			c->o->custom(c->o->arg, top(c), n);
		break;
	case CMARK_NODE_CUSTOM_INLINE:
		break;
	case CMARK_NODE_TEXT:
		lit = cmark_node_get_literal(n);
		if (lit != NULL)
			add_text(c, lit, strlen(lit), 0, line);
		break;
	case CMARK_NODE_CODE:
		lit = cmark_node_get_literal(n);
		if (lit != NULL)
			add_text(c, lit, strlen(lit), DOC_CODE_SPAN, line);
		break;
	case CMARK_NODE_SOFTBREAK:
		add_text(c, " ", 1, 0, line);
		break;
	case CMARK_NODE_LINEBREAK:
		if (c->image == NULL && text_block(c, line) != NULL &&
		    !drop_blank_line(c->text))
			doc_add_break(c->text, line);
		break;
	case CMARK_NODE_EMPH:
		c->emph++;
		style_update(c);
		break;
	case CMARK_NODE_STRONG:
		c->strong++;
		style_update(c);
		break;
	case CMARK_NODE_LINK:
		lit = cmark_node_get_url(n);
		if (c->link_depth++ > 0)
			break;
		/* "#id" links to a heading of the document; the layout
		 * resolves it once the whole document is known. */
		if (lit != NULL && strlen(lit) > MD_MAX_URL)
			diag_warn(c->file, line, "link to \"%.60s...\" left "
			    "out: %zu characters long, more than the %d a "
			    "PDF link keeps", lit, utf8_len(lit, strlen(lit)),
			    MD_MAX_URL);
		else if (lit != NULL && escape_url_allowed(lit))
			c->uri = lit;
		else
			diag_warn(c->file, line, "link to \"%s\" left out: "
			    "only http, https and mailto links and links to "
			    "headings (#id) are kept", lit ? lit : "");
		break;
	case CMARK_NODE_IMAGE: {
		char *path;
		struct doc_block *para = c->text, *parent;

		if (c->image != NULL)
			break;
		lit = cmark_node_get_url(n);
		path = image_path(c, lit ? lit : "", line);
		/* The image becomes a block of its own after the text so
		 * far; the text after it continues in a new paragraph. */
		parent = para != NULL ? para->parent : top(c);
		b = doc_add(parent, DOC_IMAGE, c->file, line);
		b->path = path;
		c->image = b;
		if (para != NULL) {
			c->resume = para;
			c->text = NULL;
		}
		break;
	}
	default:
		break;
	}
}

/* Whether s[0..len) is an id: letters (any UTF-8), digits, "-", "_",
 * ".", ":" and nothing else, not empty. */
static bool
id_chars(const char *s, size_t len)
{
	if (len == 0)
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x80 && !(ch >= 'a' && ch <= 'z') &&
		    !(ch >= 'A' && ch <= 'Z') && !(ch >= '0' && ch <= '9') &&
		    ch != '-' && ch != '_' && ch != '.' && ch != ':')
			return false;
	}
	return true;
}

/* A heading whose text ends in Pandoc's "{#id}" gets that id; the
 * attribute and the spaces before it leave the text. */
static void
explicit_id(struct doc_block *h)
{
	struct doc_run *r;
	size_t end, open;

	if (h->nruns == 0)
		return;
	r = &h->runs[h->nruns - 1];
	if (r->uri != NULL || (r->style & (DOC_BREAK | DOC_CODE_SPAN)))
		return;
	end = r->len;
	while (end > 0 && r->text[end - 1] == ' ')
		end--;
	if (end < 4 || r->text[end - 1] != '}')
		return;
	for (open = end - 1; open > 0 && r->text[open - 1] != '{'; open--)
		;
	if (open == 0 || r->text[open] != '#' ||
	    !id_chars(r->text + open + 1, end - 2 - open))
		return;
	doc_set_str(&h->id, NULL);
	h->id = xstrndup(r->text + open + 1, end - 2 - open);
	open--;
	while (open > 0 && r->text[open - 1] == ' ')
		open--;
	r->len = open;
	r->text[open] = '\0';
	if (r->len == 0 && h->nruns > 1) {
		free(r->text);
		h->nruns--;
	}
}

static void
leave(struct conv *c, cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_BLOCK_QUOTE:
	case CMARK_NODE_LIST:
	case CMARK_NODE_ITEM:
		close_container(c);
		break;
	case CMARK_NODE_HEADING:
		if (c->text != NULL && c->text->kind == DOC_HEADING)
			explicit_id(c->text);
		c->text = NULL;
		c->resume = NULL;
		break;
	case CMARK_NODE_PARAGRAPH:
		/* A blank last line goes with the hard break before it. */
		if (c->text != NULL && c->text->nruns > 0 &&
		    drop_blank_line(c->text) && c->text->nruns > 0 &&
		    (c->text->runs[c->text->nruns - 1].style & DOC_BREAK))
			free(c->text->runs[--c->text->nruns].text);
		c->text = NULL;
		c->resume = NULL;
		break;
	case CMARK_NODE_EMPH:
		c->emph--;
		style_update(c);
		break;
	case CMARK_NODE_STRONG:
		c->strong--;
		style_update(c);
		break;
	case CMARK_NODE_LINK:
		if (--c->link_depth == 0)
			c->uri = NULL;
		break;
	case CMARK_NODE_IMAGE:
		if (c->image != NULL && c->image->path == NULL) {
			/* Left out: keep its alternative text as text. */
			struct doc_block *img = c->image;

			c->image = NULL;
			if (img->alt != NULL)
				add_text(c, img->alt, strlen(img->alt), 0,
				    img->line);
			doc_set_str(&img->alt, NULL);
		} else
			c->image = NULL;
		break;
	default:
		break;
	}
}

/* Drop the images that were left out (no path) from the tree. */
static void
prune(struct doc_block *b)
{
	struct doc_block *k, *prev = NULL, *next;

	for (k = b->first; k != NULL; k = next) {
		next = k->next;
		if ((k->kind == DOC_IMAGE && k->path == NULL) ||
		    (k->kind == DOC_PARA && k->nruns == 0)) {
			if (prev != NULL)
				prev->next = next;
			else
				b->first = next;
			if (b->last == k)
				b->last = prev;
			doc_block_free(k);
			continue;
		}
		prune(k);
		prev = k;
	}
}

int
md_to_doc(struct doc *doc, struct doc_block *parent, const char *text,
    size_t len, const struct md_opts *o)
{
	struct conv c;
	cmark_node *root, *n;
	cmark_iter *it;
	cmark_event_type ev;
	long line, col;
	char *copy = NULL;
	int errors = 0;

	if (!utf8_valid(text, len, &line, &col)) {
		diag(DIAG_ERROR, o->file, line, col, "invalid UTF-8");
		return -1;
	}
	if (o->prepare != NULL) {
		copy = xmalloc(len + 1);
		memcpy(copy, text, len);
		copy[len] = '\0';
		o->prepare(o->arg, copy, len);
		text = copy;
	}
	memset(&c, 0, sizeof(c));
	c.doc = doc;
	c.o = o;
	c.file = doc_intern(doc, o->file ? o->file : "-");
	c.stack[0] = parent;
	root = cmark_parse_document(text, len, CMARK_OPT_SOURCEPOS);
	free(copy);
	if (o->tree != NULL)
		errors = o->tree(o->arg, root);
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER)
			enter(&c, n);
		else if (ev == CMARK_EVENT_EXIT)
			leave(&c, n);
		/* Leaf nodes get only an enter event. */
	}
	cmark_iter_free(it);
	cmark_node_free(root);
	prune(parent);
	return errors > 0 || c.errors > 0 ? -1 : 0;
}
