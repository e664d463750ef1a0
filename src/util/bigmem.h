/*
 * Memory for one big array that is written once, front to back (the
 * matching core's lists of admissible pairs): mapped anonymously and,
 * where the system has them, backed by huge pages, so that a few hundred
 * megabytes cost a few hundred page faults instead of a hundred thousand.
 */
#ifndef UTIL_BIGMEM_H
#define UTIL_BIGMEM_H

#include <stddef.h>

/* size bytes (never touched here), or NULL if they cannot be had. */
void	*bigmem_alloc(size_t size);

/* Release what bigmem_alloc(size) returned (NULL is ignored). */
void	 bigmem_free(void *p, size_t size);

#endif
