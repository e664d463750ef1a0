/*
 * Step 3 of loading: the structure and values of a parsed programme file
 * checked against the element table, every mistake reported with its line
 * in plain words (libxml2's RELAX NG validator stops at the first bad
 * child of a list and words its errors for schema authors).
 */
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/load.h"
#include "load/load_int.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/utf8.h"

/* "did you mean" among the attribute names of spec. */
static const char *
suggest_attr(const char *name, const struct attr_spec *a)
{
	const char *cand[32];
	size_t n = 0;
	long k;

	for (; a->name != NULL && n < 32; a++)
		cand[n++] = a->name;
	k = suggest_index(name, cand, n, SUGGEST_ID);
	return k < 0 ? NULL : cand[k];
}

/* "did you mean" among the children allowed in spec. */
static const char *
suggest_child(const char *name, const struct child_spec *ch)
{
	const char *cand[EL__MAX];
	size_t n = 0;
	long k;

	for (; ch->el != EL__MAX; ch++)
		cand[n++] = load_elems[ch->el].name;
	k = suggest_index(name, cand, n, SUGGEST_ID);
	return k < 0 ? NULL : cand[k];
}

/*
 * Is the value v of a field (named by fmt) longer than LOAD_MAX_FIELD
 * characters (in a list, any one word of it)? Reports it at n's line
 * with its length and the limit, where it enters, so that no document
 * fails on it later.
 */
static bool
too_long(struct ctx *c, const xmlNode *n, const char *v, bool list,
    const char *fmt, ...)
{
	size_t len = 0, i = 0, j, vn = strlen(v);
	char what[128];
	va_list ap;

	/* Cheap for the usual short value: count only past the limit. */
	if (vn <= LOAD_MAX_FIELD)
		return false;
	if (list) {
		for (; v[i] != '\0'; i = j) {
			i += strspn(v + i, " \t\r\n");
			j = i + strcspn(v + i, " \t\r\n");
			if (utf8_len(v + i, j - i) > len)
				len = utf8_len(v + i, j - i);
		}
	} else {
		/* The value as the model keeps it, without the white space
		 * around it. */
		i = strspn(v, " \t\r\n");
		while (vn > i && strchr(" \t\r\n", v[vn - 1]) != NULL)
			vn--;
		len = utf8_len(v + i, vn - i);
	}
	if (len <= LOAD_MAX_FIELD)
		return false;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	load_err(c, n, "%s%s is %zu characters long; a data field may have "
	    "at most %d (no document prints more, and PDF strings end at "
	    "32,767): shorten it", list ? "a word of " : "", what, len,
	    LOAD_MAX_FIELD);
	return true;
}

/* Check one attribute value against its spec; report what is wrong. */
static void
check_value(struct ctx *c, const xmlNode *n, const struct attr_spec *a,
    const char *v)
{
	struct strbuf sb = STRBUF_INIT;
	struct date d;
	long iv;
	double dv;

	if (too_long(c, n, v, a->type == VT_IDREFS ||
	    a->type == VT_TOKENS, "attribute %s of <%s>", a->name,
	    name_of(n)))
		return;
	if (*v == '\0' && (a->required || a->type == VT_IDREF)) {
		load_err(c, n, "attribute %s of <%s> must not be empty", a->name,
		    name_of(n));
		return;
	}
	switch (a->type) {
	case VT_TOKEN:
		if (*v == '\0' || strchr(v, ' ') != NULL)
			load_err(c, n, "attribute %s of <%s> must be one word, "
			    "not '%s'", a->name, name_of(n), v);
		break;
	case VT_DATE:
		if (date_parse(v, &d))
			break;
		if (strlen(v) == 10 && v[4] == '-' && v[7] == '-' &&
		    strspn(v, "0123456789-") == 10)
			load_err(c, n, "attribute %s of <%s>: %s is not a date in "
			    "the calendar", a->name, name_of(n), v);
		else
			load_err(c, n, "attribute %s of <%s> must be a date written "
			    "YYYY-MM-DD (e.g. 2022-08-15), not '%s'", a->name,
			    name_of(n), v);
		break;
	case VT_INT:
		if (!load_parse_int(v, &iv) || iv < a->min || iv > a->max)
			load_err(c, n, "attribute %s of <%s> must be a whole number "
			    "from %d to %d, not '%s'", a->name, name_of(n),
			    a->min, a->max, v);
		break;
	case VT_NUM:
		if (!load_parse_num(v, &dv) || dv < a->min || dv > a->max)
			load_err(c, n, "attribute %s of <%s> must be a number from "
			    "%d to %d, not '%s'", a->name, name_of(n), a->min,
			    a->max, v);
		break;
	case VT_ENUM:
		if (load_enum_index(v, a->values) >= 0)
			break;
		load_list_words(&sb, a->values);
		load_err(c, n, "attribute %s of <%s> must be %s, not '%s'",
		    a->name, name_of(n), sb_str(&sb), v);
		break;
	default:
		break;
	}
	sb_free(&sb);
}

/*
 * Check element n (known to be an e) and everything inside it: attributes
 * known, required ones present, values valid; children allowed, not
 * repeated unless allowed, required ones present; text only where allowed.
 */
static void
check_element(struct ctx *c, const xmlNode *n, enum el e)
{
	const struct elem_spec *sp = &load_elems[e];
	const struct attr_spec *a;
	const struct child_spec *ch;
	unsigned counts[EL__MAX];
	bool text_reported = false;
	const char *sugg;

	for (const xmlAttr *at = n->properties; at != NULL; at = at->next) {
		const char *an = (const char *)at->name;

		for (a = sp->attrs; a->name != NULL; a++)
			if (at->ns == NULL && strcmp(a->name, an) == 0)
				break;
		if (a->name == NULL) {
			sugg = at->ns == NULL ? suggest_attr(an, sp->attrs) :
			    NULL;
			load_err(c, n, "unknown attribute %s%s%s on <%s>%s%s%s",
			    at->ns != NULL && at->ns->prefix != NULL ?
			    (const char *)at->ns->prefix : "",
			    at->ns != NULL && at->ns->prefix != NULL ? ":" : "",
			    an, sp->name, sugg ? "; did you mean " : "",
			    sugg ? sugg : "", sugg ? "?" : "");
			continue;
		}
		char *v = load_attr(n, an);
		if (v != NULL)
			check_value(c, n, a, v);
		free(v);
	}
	for (a = sp->attrs; a->name != NULL; a++)
		if (a->required && !xmlHasNsProp(n, (const xmlChar *)a->name,
		    NULL))
			load_err(c, n, "<%s> lacks the required attribute %s",
			    sp->name, a->name);

	if (sp->content == CT_TEXT) {
		char *text = (char *)xmlNodeGetContent(n);

		if (text != NULL)
			too_long(c, n, text, false, "the text of <%s>",
			    sp->name);
		xmlFree(text);
	}
	memset(counts, 0, sizeof(counts));
	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE ||
		    k->type == XML_CDATA_SECTION_NODE) {
			if (sp->content == CT_TEXT || text_reported ||
			    xmlIsBlankNode((xmlNodePtr)k))
				continue;
			text_reported = true;
			load_err(c, k, "<%s> may not contain text%s", sp->name,
			    sp->content == CT_ELEMENTS ?
			    " directly, only elements" : "; it must be empty");
			continue;
		}
		if (k->type != XML_ELEMENT_NODE)
			continue;	/* comments, processing instructions */
		enum el ke = k->ns == NULL ? load_el_lookup(name_of(k)) : EL__MAX;
		for (ch = sp->children; ch->el != EL__MAX; ch++)
			if (ch->el == ke)
				break;
		if (ch->el == EL__MAX) {
			if (sp->content != CT_ELEMENTS)
				load_err(c, k, "<%s> may contain only %s, not "
				    "element <%s>", sp->name,
				    sp->content == CT_TEXT ? "text" :
				    "nothing", name_of(k));
			else if (k->ns != NULL)
				load_err(c, k, "element <%s> must not be in a "
				    "namespace (%s)", name_of(k),
				    (const char *)k->ns->href);
			else if (ke != EL__MAX)
				load_err(c, k, "element <%s> does not belong in "
				    "<%s>", name_of(k), sp->name);
			else if ((sugg = suggest_child(name_of(k),
			    sp->children)) != NULL)
				load_err(c, k, "unknown element <%s> in <%s>; did "
				    "you mean <%s>?", name_of(k), sp->name,
				    sugg);
			else
				load_err(c, k, "unknown element <%s> in <%s>",
				    name_of(k), sp->name);
			continue;
		}
		if (++counts[ke] == 2 && !ch->many)
			load_err(c, k, "<%s> may appear only once in <%s>",
			    name_of(k), sp->name);
		check_element(c, k, ke);
	}
	for (ch = sp->children; ch->el != EL__MAX; ch++)
		if (ch->required && counts[ch->el] == 0)
			load_err(c, n, "<%s> lacks the required element <%s>",
			    sp->name, load_elems[ch->el].name);
}

/* Check the root element: the right name, no namespace, then its tree. */
void
load_check_root(struct ctx *c, const xmlNode *root, enum el want)
{
	if (root == NULL) {
		load_err(c, NULL, "the file has no root element");
		return;
	}
	if (root->ns != NULL) {
		load_err(c, root, "element <%s> must not be in a namespace (%s)",
		    name_of(root), (const char *)root->ns->href);
		return;
	}
	if (load_el_lookup(name_of(root)) != want) {
		load_err(c, root, "the file must start with <%s>, not <%s>",
		    load_elems[want].name, name_of(root));
		return;
	}
	check_element(c, root, want);
}
