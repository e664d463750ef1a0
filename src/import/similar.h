/*
 * Comparing and naming what people type into spreadsheets: folding names
 * for case- and accent-tolerant comparison, making ids from names, and
 * finding the closest known name for "did you mean" suggestions.
 */
#ifndef IMPORT_SIMILAR_H
#define IMPORT_SIMILAR_H

#include <stdbool.h>
#include <stddef.h>

/*
 * A folded copy of the UTF-8 string s for comparisons: lower case, umlauts
 * spelt out (ä -> ae, ß -> ss), other Latin letters without their marks
 * (ş -> s, ł -> l), and every run of other characters (spaces,
 * punctuation) turned into sep, or dropped when sep is '\0'; no sep at
 * either end. The caller frees.
 */
char	*import_fold(const char *s, char sep);

/* Do a and b fold to the same string (with spaces kept as word breaks)? */
bool	 import_same(const char *a, const char *b);

/* An id made from s: folded with '-' between words, at most 32 chars,
 * never empty (then fallback is returned, copied). The caller frees. */
char	*import_slug(const char *s, const char *fallback);

/*
 * The candidate closest to s, or NULL when none is close enough to be a
 * likely typo: suggest_index() in SUGGEST_NAME mode over the folded forms
 * (distance at most a third of the longer name, and at least 1 allowed).
 */
const char *import_closest(const char *s, const char *const *cands, size_t n);

#endif
