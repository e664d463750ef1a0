/*
 * Writing text into other formats safely: XML character data and
 * attributes, and CSV cells guarded against spreadsheet formulas. Shared
 * by every writer of XML (import, match --write) and CSV (export, match).
 */
#ifndef UTIL_ESCAPE_H
#define UTIL_ESCAPE_H

#include <stdbool.h>
#include <stdio.h>

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

#endif
