/*
 * Writing text into other formats safely: XML character data and
 * attributes, CSV cells guarded against spreadsheet formulas, and data
 * values inside link targets. Shared by every writer of XML (import,
 * match --write) and CSV (export, match), and by the Markdown texts.
 */
#ifndef UTIL_ESCAPE_H
#define UTIL_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

struct strbuf;

/*
 * Write s escaped for XML: &, <, > always; in attributes (attr nonzero)
 * also '"' and the white space that attribute normalisation would lose
 * (tab, newline); a carriage return always as a character reference.
 */
void	escape_xml(FILE *, const char *s, int attr);

/*
 * Would a spreadsheet take the cell s for a formula (or strip what
 * starts it)? True when s starts with '=', '+', '-', '@', a tab or a
 * carriage return (the OWASP list), e.g. "=HYPERLINK(...)" or a phone
 * number "+49 ...".
 */
bool	escape_csv_formula(const char *s);

/*
 * Write one CSV cell for a file whose cells are separated by sep: quoted
 * when it holds sep, '"', a line break, or space or tab at either end; a
 * cell escape_csv_formula() flags gets a leading tab inside the quotes,
 * so spreadsheets keep it as text (tandem import trims the tab again).
 * s may be NULL (an empty cell).
 */
void	escape_csv(FILE *, const char *s, char sep);

/*
 * Is u a link target the documents keep: "#id" (a heading of the same
 * document), or http://, https:// or mailto: (any case)? The one rule
 * for links, checked by the Markdown conversion and, before and after a
 * placeholder is expanded inside a link, by the placeholder pass.
 */
bool	escape_url_allowed(const char *u);

/*
 * Append s[0..len) to sb percent-encoded for use inside a link target:
 * every byte except letters, digits, "-", ".", "_", "~" and "@" becomes
 * %XX, so a data value can neither end the target nor change its scheme
 * ("javascript:" becomes "javascript%3A").
 */
void	escape_url_value(struct strbuf *sb, const char *s, size_t len);

#endif
