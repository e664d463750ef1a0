/*
 * Markdown to document tree: parses CommonMark text with libcmark and
 * appends the blocks to a document tree (layout/doc.h). Raw HTML, links
 * other than http, https and mailto, and images from outside the
 * programme folder are left out with a warning naming file and line;
 * nesting deeper than MD_MAX_DEPTH is flattened with a warning.
 */
#ifndef MARKDOWN_MARKDOWN_H
#define MARKDOWN_MARKDOWN_H

#include <stddef.h>

#include <cmark.h>

#include "layout/doc.h"

#define MD_MAX_DEPTH	16	/* nested lists and quotes kept */

/*
 * Called for every piece of text (text nodes and inline code): the place
 * where placeholders such as {{programme.title}} are expanded on the parsed
 * tree. It must append runs to b (md_add_text does the plain thing).
 */
typedef void	(*md_text_fn)(void *arg, struct doc_block *b, const char *s,
		    size_t len, unsigned style, const char *uri, long line);

struct md_opts {
	const char	*file;		/* name for messages */
	const char	*base_dir;	/* images must lie inside; NULL = none */
	md_text_fn	 text;		/* NULL = md_add_text */
	void		*arg;		/* for text */
	int		 heading_shift;	/* added to heading levels (0..3) */

	/* Optional hooks of the documents stage (placeholders, forms): */
	/* On a private copy of the source before cmark parses it. */
	void		(*prepare)(char *src, size_t len);
	/* On the parsed tree (parsed with source positions) before it is
	 * converted; returns the number of errors (then md_to_doc fails). */
	int		(*tree)(void *arg, cmark_node *root, const char *file);
	/* For each custom block: append the generated blocks to parent. */
	void		(*custom)(void *arg, struct doc_block *parent,
			    cmark_node *n, long line);
	/* For each list item: -1 ordinary, 0 empty tick box, 1 ticked. A
	 * list whose first item is a tick box becomes DOC_TICKBOX blocks. */
	int		(*tick)(cmark_node *item);
};

/*
 * Convert text[0..len) and append it to parent (a block of doc). Returns
 * 0, or -1 after an error diagnostic (invalid UTF-8); warnings do not
 * fail.
 */
int	md_to_doc(struct doc *, struct doc_block *parent, const char *text,
	    size_t len, const struct md_opts *);

/* Append a run of text with style and link target (copied) to b. */
void	md_add_text(void *arg, struct doc_block *b, const char *s, size_t len,
	    unsigned style, const char *uri, long line);

#endif
