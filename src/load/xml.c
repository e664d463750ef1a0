/*
 * The safe XML reader (see xml.h): bytes checked and parsed with libxml2
 * behind per-call error hooks, libxml2's first error put in plain words,
 * RELAX NG validation against a built-in schema, and the read-only node
 * API with start-tag line numbers.
 */
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "load/load_int.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* ---------------------------------------------------------------- */
/* libxml2's hooks, set for one call and restored after it */

/* The first parse error libxml2 reports (later ones follow from it). */
struct parse_err {
	bool	 seen;
	int	 code;
	long	 line;
	long	 col;
	char	*msg;
	char	*str1;
	char	*str2;
	int	 int1;
};

/* The hooks in place before a call, to be put back after it. */
struct hooks {
	xmlStructuredErrorFunc	 serror;
	void			*sctx;
	xmlGenericErrorFunc	 gerror;
	void			*gctx;
	xmlExternalEntityLoader	 loader;
};

/* libxml2 must never read anything by itself. */
static xmlParserInputPtr
deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* libxml2 prints nothing by itself: all messages go through diag(). */
static void
silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Errors that are counted elsewhere or not at all. */
static void
silent_structured(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	(void)e;
}

/* Keep the first error libxml2 reports while parsing (ctx: parse_err). */
static void
catch_error(void *ctx, xmlErrorPtr e)
{
	struct parse_err *pe = ctx;

	if (e == NULL || pe->seen || e->level < XML_ERR_ERROR)
		return;
	pe->seen = true;
	pe->code = e->code;
	pe->line = e->line;
	pe->col = e->int2;
	pe->int1 = e->int1;
	pe->msg = xstrdup(e->message != NULL ? e->message : "error");
	pe->str1 = e->str1 != NULL ? xstrdup(e->str1) : NULL;
	pe->str2 = e->str2 != NULL ? xstrdup(e->str2) : NULL;
	load_squeeze(pe->msg);
}

static void
parse_err_free(struct parse_err *pe)
{
	free(pe->msg);
	free(pe->str1);
	free(pe->str2);
	memset(pe, 0, sizeof(*pe));
}

/* Route libxml2's messages to handler (with ctx), deny all loading. */
static void
hooks_set(struct hooks *old, xmlStructuredErrorFunc handler, void *ctx)
{
	xmlInitParser();
	old->serror = xmlStructuredError;
	old->sctx = xmlStructuredErrorContext;
	old->gerror = xmlGenericError;
	old->gctx = xmlGenericErrorContext;
	old->loader = xmlGetExternalEntityLoader();
	xmlSetStructuredErrorFunc(ctx, handler);
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlSetExternalEntityLoader(deny_loader);
}

static void
hooks_restore(const struct hooks *old)
{
	xmlSetStructuredErrorFunc(old->sctx, old->serror);
	xmlSetGenericErrorFunc(old->gctx, old->gerror);
	xmlSetExternalEntityLoader(old->loader);
}

/* ---------------------------------------------------------------- */
/* Checks before parsing, and libxml2's errors in plain words */

/*
 * Look through the prolog (XML declaration, comments, processing
 * instructions, white space) for a DOCTYPE. Returns its line, or 0.
 */
static long
find_doctype(const char *s, size_t n)
{
	size_t i = 0;
	long line = 1;
	const char *end;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < n) {
		if (s[i] == '\n') {
			line++;
			i++;
		} else if (s[i] == ' ' || s[i] == '\t' || s[i] == '\r') {
			i++;
		} else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			end = strstr(s + i + 4, "-->");
			if (end == NULL)
				return 0;
			for (; s + i < end; i++)
				line += s[i] == '\n';
			i += 3;
		} else if (n - i >= 2 && memcmp(s + i, "<?", 2) == 0) {
			end = strstr(s + i + 2, "?>");
			if (end == NULL)
				return 0;
			for (; s + i < end; i++)
				line += s[i] == '\n';
			i += 2;
		} else if (n - i >= 9 && memcmp(s + i, "<!DOCTYPE", 9) == 0) {
			return line;
		} else
			return 0;
	}
	return 0;
}

/* One line in coordinators' words for libxml2's first parse error. */
static void
report_parse_error(const char *file, const struct parse_err *pe)
{
	long line = pe->line;

	switch (pe->code) {
	case XML_ERR_DOCUMENT_EMPTY:
		diag(DIAG_ERROR, file, 0, 0, "the file is empty");
		break;
	case XML_ERR_TAG_NAME_MISMATCH:
		if (pe->str1 != NULL && pe->str2 != NULL)
			diag(DIAG_ERROR, file, line, 0, "not well-formed "
			    "XML: closing tag </%s> does not match <%s> "
			    "opened on line %d", pe->str2, pe->str1,
			    pe->int1);
		else
			diag(DIAG_ERROR, file, line, 0, "not well-formed "
			    "XML: %s", pe->msg);
		break;
	case XML_ERR_TAG_NOT_FINISHED:
		diag(DIAG_ERROR, file, line, 0, "not well-formed XML: the "
		    "file ends before <%s> (line %d) is closed; is it "
		    "cut off?", pe->str1 ? pe->str1 : "?", pe->int1);
		break;
	case XML_ERR_GT_REQUIRED:
		diag(DIAG_ERROR, file, line, pe->col, "not "
		    "well-formed XML: a tag is not closed with '>'%s%s%s",
		    pe->str1 ? " (<" : "", pe->str1 ? pe->str1 : "",
		    pe->str1 ? ">); is the file cut off?" : "");
		break;
	case XML_ERR_DOCUMENT_END:
		diag(DIAG_ERROR, file, line, 0, "not well-formed XML: "
		    "content after the end of the root element");
		break;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		diag(DIAG_ERROR, file, line, 0, "not well-formed XML: %s; "
		    "write & as &amp;", pe->msg);
		break;
	case XML_ERR_NAME_REQUIRED:
		if (strstr(pe->msg, "EntityRef") != NULL) {
			diag(DIAG_ERROR, file, line, pe->col, "not "
			    "well-formed XML: a bare '&'; write it as &amp;");
			break;
		}
		if (strstr(pe->msg, "StartTag") != NULL) {
			diag(DIAG_ERROR, file, line, pe->col, "not "
			    "well-formed XML: a bare '<'; write it as &lt;");
			break;
		}
		/* FALLTHROUGH */
	default:
		if (strstr(pe->msg, "Excessive depth") != NULL) {
			diag(DIAG_ERROR, file, line, pe->col, "not "
			    "a programme: elements are nested more than 256 "
			    "levels deep");
			break;
		}
		diag(DIAG_ERROR, file, line, pe->col, "not "
		    "well-formed XML: %s", pe->msg);
		break;
	}
}

/* The byte at 1-based line and byte column (for UTF-8 messages). */
static unsigned
bad_byte(const char *s, long line, long col)
{
	for (long l = 1; l < line; s++)
		if (*s == '\n')
			l++;
	return (unsigned char)s[col - 1];
}

/* ---------------------------------------------------------------- */
/* Parsing */

/* Index the starts of the lines of doc's source (for xml_line_of()). */
static void
index_lines(struct xml_doc *d)
{
	size_t cap = 0;

	d->ls = xgrow(NULL, &cap, 1, sizeof(*d->ls));
	d->ls[d->nls++] = 0;
	for (size_t i = 0; i < d->len; i++)
		if (d->buf[i] == '\n') {
			d->ls = xgrow(d->ls, &cap, d->nls + 1,
			    sizeof(*d->ls));
			d->ls[d->nls++] = i + 1;
		}
}

struct xml_doc *
xml_parse(const char *file, char *buf, size_t len, bool quiet)
{
	struct parse_err pe;
	struct hooks old;
	struct xml_doc *d;
	xmlDocPtr doc;
	long line, col;

	if (strspn(buf, " \t\r\n") >= len) {
		if (!quiet)
			diag(DIAG_ERROR, file, 0, 0, "the file is empty");
		goto bad;
	}
	if (!utf8_valid(buf, len, &line, &col)) {
		if (!quiet)
			diag(DIAG_ERROR, file, line, col, "invalid UTF-8 "
			    "(byte 0x%02X); save the file as UTF-8",
			    bad_byte(buf, line, col));
		goto bad;
	}
	if ((line = find_doctype(buf, len)) > 0) {
		if (!quiet)
			diag(DIAG_ERROR, file, line, 0, "DOCTYPE "
			    "declarations are not allowed; remove line %ld",
			    line);
		goto bad;
	}
	if (len > (size_t)INT32_MAX) {
		if (!quiet)
			diag(DIAG_ERROR, file, 0, 0, "file too large");
		goto bad;
	}
	memset(&pe, 0, sizeof(pe));
	hooks_set(&old, catch_error, &pe);
	doc = xmlReadMemory(buf, (int)len, file, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
	hooks_restore(&old);
	if (doc == NULL || pe.seen) {
		if (!pe.seen) {
			pe.seen = true;
			pe.msg = xstrdup("cannot parse");
		}
		if (!quiet)
			report_parse_error(file, &pe);
		parse_err_free(&pe);
		xmlFreeDoc(doc);
		goto bad;
	}
	parse_err_free(&pe);
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		if (!quiet)
			diag(DIAG_ERROR, file, 1, 0, "DOCTYPE declarations "
			    "are not allowed");
		xmlFreeDoc(doc);
		goto bad;
	}
	d = xcalloc(1, sizeof(*d));
	d->doc = doc;
	d->file = xstrdup(file);
	d->buf = buf;
	d->len = len;
	index_lines(d);
	doc->_private = d;
	return d;
bad:
	free(buf);
	return NULL;
}

struct xml_doc *
xml_read(const char *file, const char *buf, size_t len)
{
	char *copy = xmalloc(len + 1);

	memcpy(copy, buf, len);
	copy[len] = '\0';
	return xml_parse(file, copy, len, false);
}

struct xml_doc *
xml_read_file(const char *path)
{
	char *buf;
	size_t len;

	if ((buf = file_read(path, &len)) == NULL) {
		if (errno == EFBIG)
			diag(DIAG_ERROR, path, 0, 0, "file too large (over "
			    "%lu MB)", FILEIO_MAX_INPUT / (1024 * 1024));
		else
			diag(DIAG_NOINPUT, path, 0, 0, "cannot read: %s",
			    strerror(errno));
		return NULL;
	}
	return xml_parse(path, buf, len, false);
}

struct xml_doc *
xml_read_file_in(const char *dir, const char *path)
{
	char *buf;
	size_t len;

	if ((buf = file_read_in(dir, path, FILEIO_MAX_XML, &len)) == NULL) {
		if (errno == EFBIG)
			diag(DIAG_ERROR, path, 0, 0, "file too large (over "
			    "%lu MB)", FILEIO_MAX_XML / (1024 * 1024));
		else
			diag(file_refused(errno) ? DIAG_ERROR : DIAG_NOINPUT,
			    path, 0, 0, "cannot read: %s", file_why(errno));
		return NULL;
	}
	return xml_parse(path, buf, len, false);
}

void
xml_free(struct xml_doc *d)
{
	if (d == NULL)
		return;
	xmlFreeDoc(d->doc);
	free(d->file);
	free(d->buf);
	free(d->ls);
	free(d);
}

/* ---------------------------------------------------------------- */
/* Validation */

struct schema_errs {
	const struct xml_doc	*d;
	unsigned		 n;
	bool			 report;
};

/* Structured RelaxNG error: count it, and report it when asked to. */
static void
schema_error(void *arg, xmlErrorPtr e)
{
	struct schema_errs *s = arg;
	long line;
	char *msg;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	if (++s->n > 20 || !s->report)
		return;
	line = e->node != NULL ? xml_line_of((xmlNodePtr)e->node) :
	    e->line > 0 ? e->line :
	    xml_line_of(xmlDocGetRootElement(s->d->doc));
	msg = xstrdup(e->message != NULL ? e->message : "invalid");
	diag(DIAG_ERROR, s->d->file, line, 0,
	    "does not match the schema: %s", load_squeeze(msg));
	free(msg);
}

int
xml_validate(const struct xml_doc *d, const char *schema, bool report)
{
	const struct resource *r = resource_get(schema);
	struct schema_errs se = { d, 0, report };
	xmlRelaxNGParserCtxtPtr pc;
	xmlRelaxNGValidCtxtPtr vc;
	xmlRelaxNGPtr rng;
	struct hooks old;

	if (r == NULL)
		return -1;
	hooks_set(&old, silent_structured, NULL);
	pc = xmlRelaxNGNewMemParserCtxt(r->data, (int)r->len);
	if (pc != NULL)
		xmlRelaxNGSetParserStructuredErrors(pc, silent_structured,
		    NULL);
	rng = pc != NULL ? xmlRelaxNGParse(pc) : NULL;
	xmlRelaxNGFreeParserCtxt(pc);
	if (rng == NULL) {
		hooks_restore(&old);
		return -1;
	}
	vc = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidStructuredErrors(vc, schema_error, &se);
	if (xmlRelaxNGValidateDoc(vc, d->doc) != 0 && se.n == 0) {
		if (report)
			diag(DIAG_ERROR, d->file, 0, 0,
			    "does not match the schema");
		se.n = 1;
	}
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(rng);
	hooks_restore(&old);
	return (int)se.n;
}

/* ---------------------------------------------------------------- */
/* Nodes */

long
xml_line_of(const xmlNode *n)
{
	const struct xml_doc *m;
	const char *name;
	long l;
	size_t end, low, o, nl, lo, hi;

	if (n == NULL)
		return 0;
	if (n->type == XML_ATTRIBUTE_NODE)
		n = n->parent;
	if (n == NULL || (l = xmlGetLineNo(n)) <= 0)
		return 0;
	if (n->type != XML_ELEMENT_NODE || n->doc == NULL ||
	    (m = n->doc->_private) == NULL || (size_t)l > m->nls)
		return l;
	name = (const char *)n->name;
	end = (size_t)l < m->nls ? m->ls[l] : m->len;
	low = m->ls[l - 1] > 65536 ? m->ls[l - 1] - 65536 : 0;
	nl = strlen(name);
	for (o = end; o-- > low; ) {
		if (m->buf[o] != '<' || o + 1 + nl >= m->len ||
		    memcmp(m->buf + o + 1, name, nl) != 0 ||
		    strchr(" \t\r\n/>", m->buf[o + 1 + nl]) == NULL)
			continue;
		lo = 0;
		hi = (size_t)l - 1;	/* ls[hi] <= o holds for some hi */
		while (lo < hi) {
			size_t mid = (lo + hi + 1) / 2;

			if (m->ls[mid] <= o)
				lo = mid;
			else
				hi = mid - 1;
		}
		return (long)lo + 1;
	}
	return l;
}

/* The libxml2 node behind a node of the API, and back. */
#define RAW(n)	((const xmlNode *)(const void *)(n))
#define API(n)	((const struct xml_node *)(const void *)(n))

const struct xml_node *
xml_root(const struct xml_doc *d)
{
	return API(xmlDocGetRootElement(d->doc));
}

const struct xml_node *
xml_children(const struct xml_node *n)
{
	return RAW(n)->type == XML_ELEMENT_NODE ? API(RAW(n)->children) :
	    NULL;
}

const struct xml_node *
xml_attrs(const struct xml_node *n)
{
	return RAW(n)->type == XML_ELEMENT_NODE ?
	    API(RAW(n)->properties) : NULL;
}

const struct xml_node *
xml_next(const struct xml_node *n)
{
	if (RAW(n)->type == XML_ATTRIBUTE_NODE)
		return API(((const xmlAttr *)(const void *)n)->next);
	return API(RAW(n)->next);
}

enum xml_type
xml_type(const struct xml_node *n)
{
	switch (RAW(n)->type) {
	case XML_ELEMENT_NODE:
		return XML_TYPE_ELEMENT;
	case XML_ATTRIBUTE_NODE:
		return XML_TYPE_ATTRIBUTE;
	case XML_TEXT_NODE:
	case XML_CDATA_SECTION_NODE:
		return XML_TYPE_TEXT;
	default:
		return XML_TYPE_OTHER;
	}
}

const char *
xml_name(const struct xml_node *n)
{
	if (RAW(n)->type == XML_ATTRIBUTE_NODE)
		return (const char *)((const xmlAttr *)(const void *)n)->name;
	if (RAW(n)->type == XML_ELEMENT_NODE)
		return (const char *)RAW(n)->name;
	return "";
}

const char *
xml_ns(const struct xml_node *n)
{
	const xmlNs *ns = NULL;

	if (RAW(n)->type == XML_ATTRIBUTE_NODE)
		ns = ((const xmlAttr *)(const void *)n)->ns;
	else if (RAW(n)->type == XML_ELEMENT_NODE)
		ns = RAW(n)->ns;
	return ns != NULL ? (const char *)ns->href : NULL;
}

long
xml_line(const struct xml_node *n)
{
	return xml_line_of(RAW(n));
}

long
xml_end_line(const struct xml_node *n)
{
	const xmlNode *r = RAW(n);
	long l;

	if (r->type == XML_ATTRIBUTE_NODE)
		r = r->parent;
	return r != NULL && (l = xmlGetLineNo(r)) > 0 ? l : 0;
}

char *
xml_text(const struct xml_node *n)
{
	xmlChar *v = xmlNodeGetContent(RAW(n));
	char *s = xstrdup(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return s;
}

char *
xml_attr(const struct xml_node *n, const char *name)
{
	xmlChar *v;
	char *s;

	if (RAW(n)->type != XML_ELEMENT_NODE ||
	    (v = xmlGetNoNsProp(RAW(n), (const xmlChar *)name)) == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return s;
}
