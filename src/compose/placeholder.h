/*
 * Placeholders in the Markdown texts, as specified in tandem-texts(5)
 * (the contract): "{{programme.title}}", "{{count role=mentee gender=f}}",
 * ... are replaced on the parsed cmark tree, inside text nodes only (also
 * in headings and link texts, never in code), so that data is inserted as
 * text and never parsed as Markdown: a name with "*" or "[x](y)" stays
 * literal.
 *
 * A name starting with a capital letter capitalises the value's first
 * letter; a placeholder broken over two lines (a soft break) is joined.
 *
 * Availability follows the kind of text (struct
 * compose_ctx.text). When the context has no person or tandem although the
 * kind of text has one (texts only being checked), person and tandem values
 * are empty.
 */
#ifndef COMPOSE_PLACEHOLDER_H
#define COMPOSE_PLACEHOLDER_H

#include <stddef.h>

#include "compose/compose.h"
#include "util/strbuf.h"

/* cmark's tree, passed along opaquely: only this pass and src/markdown/
 * include <cmark.h> and look into it. */
typedef struct cmark_node cmark_node;

/* Block placeholders: a paragraph of its own replaced by generated
 * content. */
enum ph_block {
	PH_FORM_TOPICS,		/* tick boxes: the programme's topics */
	PH_FORM_LINES,		/* n writing lines */
	PH_FORM_SIGNATURES,	/* place/date and two signature lines */
	PH_REPORT_PARTICIPATION,
	PH_REPORT_SATISFACTION,
	PH_REPORT_MEETINGS,
	PH_REPORT_OUTCOMES,
	PH_BLOCK__MAX
};

/* Names of the block placeholders ("form.topics", ...). */
extern const char *const ph_block_names[PH_BLOCK__MAX];

/*
 * Prepare Markdown source for parsing: every backslash-escaped "{" ("\{")
 * becomes the byte 0x01 followed by "{" (same length, so source positions
 * keep), which placeholder_expand_tree() turns back into a literal "{"
 * ("\{{" prints "{{") in text, and into "\{" in code. Call it on the
 * buffer given to cmark; without it "\{{" is an ordinary placeholder.
 */
void	placeholder_escape_source(char *src, size_t len);

/*
 * Expand every placeholder in the text nodes below root (adjacent text
 * nodes are merged first). A paragraph that consists of one block
 * placeholder becomes a CMARK_NODE_CUSTOM_BLOCK (see placeholder_block()).
 * Errors are reported as FILE:LINE:COL from cmark's source positions
 * (parse with CMARK_OPT_SOURCEPOS). Returns the number of errors; the
 * tree is expanded as far as possible either way.
 */
int	placeholder_expand_tree(cmark_node *root, const struct compose_ctx *,
	    const char *file);

/*
 * For a custom block made by placeholder_expand_tree(): which block
 * placeholder it is, with *n its number argument (form.lines; else 0).
 * Returns -1 for any other node.
 */
int	placeholder_block(cmark_node *, int *n);

/*
 * Tick boxes in lists (agreements): a list item whose text starts with
 * "[ ]" or "[x]" (also "[X]") loses that prefix and is marked; the
 * document builder then prints a tick box instead of the bullet. Call it
 * after placeholder_expand_tree(). Returns the number of items marked.
 */
int	placeholder_tick_items(cmark_node *root);

/* For a list item: 1 ticked box, 0 empty box, -1 an ordinary item. */
int	placeholder_tick(cmark_node *item);

/*
 * Expand the placeholders of one string that starts at file:line:col
 * (col advances by bytes). Block placeholders are errors here. The result
 * is appended to out. Returns the number of errors.
 */
int	placeholder_expand_str(struct strbuf *out, const char *s, size_t len,
	    const struct compose_ctx *, const char *file, long line, long col);

#endif
