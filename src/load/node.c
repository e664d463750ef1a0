/*
 * What the loader reads at a node of the parsed tree: attribute values and
 * element text with their white space squeezed, and errors reported at
 * the node's line (the printing sink shows the first DIAG_MAX_PER_FILE of a
 * file and counts the rest).
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "load/load_int.h"
#include "util/diag.h"
#include "util/xalloc.h"

void
load_err(struct ctx *c, const xmlNode *n, const char *fmt, ...)
{
	va_list ap, aq;
	char *msg;
	int len;

	c->errors++;
	va_start(ap, fmt);
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	msg = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	msg[0] = '\0';
	if (len > 0)
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);
	diag(DIAG_ERROR, c->file, n != NULL ? xml_line_of(n) : 0, 0, "%s", msg);
	free(msg);
}

char *
load_attr(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return load_squeeze(s);
}

char *
load_text(const xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = xstrdup(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return load_squeeze(s);
}
