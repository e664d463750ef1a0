/*
 * Markdown to document tree: parses CommonMark text with libcmark and
 * appends the blocks to a document tree (layout/doc.h). Raw HTML, links
 * other than http, https and mailto, and images from outside the
 * programme folder are left out with a warning naming file and line;
 * nesting deeper than MD_MAX_DEPTH is flattened with a warning. Links
 * "#id" to a heading are kept for the layout to resolve over the whole
 * document; a heading ending in "{#id}" (Pandoc) gets that id.
 */
#ifndef MARKDOWN_MARKDOWN_H
#define MARKDOWN_MARKDOWN_H

#include <stddef.h>

#include "layout/doc.h"

struct layout_run;

#define MD_MAX_DEPTH	16	/* nested lists and quotes kept */

/* The longest link target kept, in bytes: a PDF link holds at most
 * 65,535, and no reader opens a longer one. */
#define MD_MAX_URL	2000

/* cmark's tree, passed to the hooks below opaquely: only src/markdown/
 * and the placeholder pass include <cmark.h> and look into it. */
typedef struct cmark_node cmark_node;

struct md_opts {
	const char	*file;		/* name for messages */
	const char	*base_dir;	/* images must lie inside; NULL = none */
	struct layout_run *run;		/* images read are kept for drawing;
					   NULL = none kept */
	void		*arg;		/* for the hooks below */
	/* Optional: edit the source (a writable copy, same length) before
	 * parsing, e.g. placeholder_escape_source(). */
	void		(*prepare)(void *arg, char *src, size_t len);
	/* Optional: work on the parsed tree before conversion (placeholder
	 * expansion); returns the number of errors reported. */
	int		(*tree)(void *arg, cmark_node *root);
	/* Optional: turn a custom block (a block placeholder) into blocks
	 * appended to parent. Without it custom blocks are left out. */
	void		(*custom)(void *arg, struct doc_block *parent,
			    cmark_node *node);
	/* Optional: for each list item, -1 ordinary, 0 an empty tick box,
	 * 1 a ticked one (placeholder_tick()). A list whose first item is a
	 * tick box becomes DOC_TICKBOX blocks instead of a bulleted list. */
	int		(*tick)(cmark_node *item);
};

/*
 * Convert text[0..len) and append it to parent (a block of doc). Returns
 * 0, or -1 after error diagnostics (invalid UTF-8, errors of the tree
 * hook, an image that is no complete PNG or JPEG); warnings do not fail.
 */
int	md_to_doc(struct doc *, struct doc_block *parent, const char *text,
	    size_t len, const struct md_opts *);

#endif
