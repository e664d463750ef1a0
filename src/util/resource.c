/*
 * Lookup in the table of built-in files (see resource.h).
 */
#include <stdlib.h>
#include <string.h>

#include "util/resource.h"
#include "util/xalloc.h"

const struct resource *
resource_get(const char *name)
{
	for (const struct resource *r = resources; r->name != NULL; r++)
		if (strcmp(r->name, name) == 0)
			return r;
	return NULL;
}

static int
byname(const void *a, const void *b)
{
	const struct resource *const *x = a, *const *y = b;

	return strcmp((*x)->name, (*y)->name);
}

void
resource_each(const char *prefix, void (*fn)(const struct resource *, void *),
    void *arg)
{
	const struct resource **v = NULL, *r;
	size_t n = 0, cap = 0, plen = strlen(prefix);

	for (r = resources; r->name != NULL; r++) {
		if (strncmp(r->name, prefix, plen) != 0)
			continue;
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n++] = r;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), byname);
	for (size_t i = 0; i < n; i++)
		fn(v[i], arg);
	free(v);
}
