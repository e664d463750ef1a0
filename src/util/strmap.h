/*
 * A map from strings to indexes (open addressing, FNV-1a), for lookups
 * that would otherwise compare a new name with every earlier one.
 */
#ifndef UTIL_STRMAP_H
#define UTIL_STRMAP_H

#include <stdbool.h>
#include <stddef.h>

struct strmap {
	char	**keys;		/* copies; NULL marks a free slot */
	size_t	 *vals;
	size_t	  cap;		/* slots, a power of two or 0 */
	size_t	  n;		/* keys held */
};

#define STRMAP_INIT	{ NULL, NULL, 0, 0 }

/* Map key to val unless key is there already (the first value stays);
 * true when added. */
bool	 strmap_add(struct strmap *, const char *key, size_t val);
/* The value of key in *val; false when key is not there. */
bool	 strmap_get(const struct strmap *, const char *key, size_t *val);
void	 strmap_free(struct strmap *);

#endif
