/*
 * Placeholders in the Markdown texts: "{{programme.title}}",
 * "{{count role=mentee gender=f}}", ... are replaced on the parsed cmark
 * tree, inside text nodes only, so that data is inserted as text and never
 * parsed as Markdown (a name with "*" or "[x](y)" stays literal). Code spans
 * and code blocks keep their braces.
 *
 * The names (see placeholder.c for the table):
 *
 *   programme.id .title .edition .place     programme fields
 *   period  period.start  period.end        long dates
 *   date  place                             the document's date and place
 *                                           (closing event, else period end;
 *                                           programme@place, else closing
 *                                           event's place)
 *   topics  organisations  coordinators     running lists ("A, B und C")
 *   roles.mentors  roles.mentees            plural role words
 *   roles.mentor  roles.mentee              singular, gender-neutral form
 *   count [role=R] [gender=G] [org=ID] [status=S|any]
 *                                           number of people (withdrawn
 *                                           ones only with status=)
 *   tandems.count                           number of tandems
 *   person.F  mentee.F  mentor.F  partner.F a person's field F:
 *       name given family title role org org.short unit position email
 *       phone field topics id certno
 *   tandem.topics  tandem.score             the current tandem
 *   braces                                  a literal "{{"
 *
 * A name starting with a capital letter capitalises the value's first
 * letter: "{{Mentor.role}}" gives "Mentorierende Person" at the start of a
 * sentence. A value that is absent (no edition, no unit) expands to empty
 * text. An unknown name or argument, a person placeholder in a text that
 * has no person, and an unclosed "{{" are errors.
 */
#ifndef COMPOSE_PLACEHOLDER_H
#define COMPOSE_PLACEHOLDER_H

#include <stddef.h>

#include <cmark.h>

#include "compose/compose.h"
#include "util/strbuf.h"

/*
 * Expand every placeholder in the text nodes below root (adjacent text
 * nodes are merged first, also across a soft line break inside an open
 * placeholder). Errors are reported as FILE:LINE:COL from cmark's source
 * positions (parse with CMARK_OPT_SOURCEPOS for columns). Returns the
 * number of errors; the tree is fully expanded as far as possible either
 * way.
 */
int	placeholder_expand_tree(cmark_node *root, const struct compose_ctx *,
	    const char *file);

/*
 * Expand the placeholders of one string that starts at file:line:col
 * (single-line positions: col advances by bytes). The result is appended
 * to out. Returns the number of errors.
 */
int	placeholder_expand_str(struct strbuf *out, const char *s, size_t len,
	    const struct compose_ctx *, const char *file, long line, long col);

#endif
