/*
 * Allocation wrappers that never return NULL: on exhaustion they print one
 * diagnostic and exit with 70 (DIAG_INTERNAL), so callers need not check.
 */
#ifndef UTIL_XALLOC_H
#define UTIL_XALLOC_H

#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
/* Grow an array of n elements of size sz to at least want elements. */
void	*xgrow(void *, size_t *cap, size_t want, size_t sz);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

#endif
