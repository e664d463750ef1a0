/*
 * Files built into the binary: the RelaxNG schema, the default templates and
 * the default texts (content/handbook/ chapters, agreement.md, ...). Names are
 * paths relative to the source tree, e.g. "templates/handbook.xml",
 * "content/agreement.md", "schema/programme.rng".
 */
#ifndef UTIL_RESOURCE_H
#define UTIL_RESOURCE_H

#include <stddef.h>

struct resource {
	const char	*name;
	const char	*data;		/* NUL-terminated */
	size_t		 len;
};

/* The table, ending with a NULL name (generated at build time). */
extern const struct resource resources[];

/* The resource with this name, or NULL. */
const struct resource	*resource_get(const char *name);

/*
 * Call fn for each resource whose name starts with prefix, in name order
 * (e.g. "content/handbook/" for the default chapters).
 */
void	resource_each(const char *prefix,
	    void (*fn)(const struct resource *, void *), void *arg);

#endif
