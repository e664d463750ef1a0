/*
 * Safe loading of programme.xml and tandems.xml into the model.
 *
 * The steps, each reporting every problem it finds through diag():
 *  1. read the file ourselves and check it is UTF-8 (line:col of a bad byte);
 *  2. refuse any DOCTYPE (found by scanning the prolog, before libxml2 sees
 *     the bytes), so entity bombs and external entities never reach the
 *     parser; parse with XML_PARSE_NONET and a deny-all entity loader;
 *  3. check the structure against the table elems[] below, which mirrors
 *     schema/programme.rng element by element; it exists because libxml2's
 *     RelaxNG validator stops at the first bad child of a list and words
 *     its errors for schema authors ("Element people has extra content"),
 *     while coordinators need every problem, with its line, in plain words;
 *  4. validate against the embedded schema itself (the authority: anything
 *     it rejects that the table let through is still an error);
 *  5. build the model, resolve references, and run validate_programme().
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

#include "load/load.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Kinds of attribute value, checked by check_value(). */
enum vtype {
	VT_TEXT,	/* anything */
	VT_ID,		/* an id (syntax checked by validate_programme) */
	VT_IDREF,	/* a reference to an id */
	VT_IDREFS,	/* space-separated references */
	VT_TOKEN,	/* one word, no spaces */
	VT_TOKENS,	/* space-separated words */
	VT_DATE,	/* YYYY-MM-DD, a real date */
	VT_INT,		/* whole number in [min, max] */
	VT_NUM,		/* decimal number in [min, max] */
	VT_ENUM,	/* one of values[] */
	VT__MAX
};

struct attr_spec {
	const char		*name;
	enum vtype		 type;
	bool			 required;
	int			 min, max;	/* VT_INT, VT_NUM */
	const char *const	*values;	/* VT_ENUM, NULL-terminated */
};

enum el {
	EL_PROGRAMME, EL_TITLE, EL_EDITION, EL_PERIOD,
	EL_ORGANISATIONS, EL_ORGANISATION, EL_COORDINATORS, EL_COORDINATOR,
	EL_TOPICS, EL_TOPIC, EL_PEOPLE, EL_PERSON, EL_NAME, EL_UNIT,
	EL_POSITION, EL_EMAIL, EL_PHONE, EL_MATCHING, EL_WEIGHTS, EL_RULES,
	EL_PIN, EL_FORBID, EL_EVENTS, EL_EVENT, EL_SIGNATORIES, EL_SIGNATORY,
	EL_EVALUATION, EL_RESPONSE, EL_OUTCOMES, EL_OUTCOME, EL_TANDEMS,
	EL_TANDEM,
	EL__MAX
};

enum content {
	CT_EMPTY,	/* no text, no elements */
	CT_TEXT,	/* text only */
	CT_ELEMENTS,	/* elements only (whitespace between them) */
	CT__MAX
};

struct child_spec {
	enum el		 el;		/* EL__MAX ends the list */
	bool		 required;
	bool		 many;		/* may repeat */
};

struct elem_spec {
	const char		*name;
	enum content		 content;
	const struct attr_spec	*attrs;		/* NULL name ends the list */
	const struct child_spec	*children;	/* EL__MAX ends the list */
};

static const char *const v_lang[] = { "de", "en", NULL };
static const char *const v_kind[] = { "internal", "cross", "partnership", NULL };
static const char *const v_wording[] = { "pair", "neutral", "colon", NULL };
static const char *const v_role[] = { "mentee", "mentor", NULL };
static const char *const v_gender[] = { "f", "m", "d", NULL };
static const char *const v_status[] = {
	"active", "completed", "withdrawn", NULL
};
static const char *const v_yesno[] = { "yes", "no", NULL };
static const char *const v_bool[] = { "true", "false", NULL };
static const char *const v_event[] = {
	"kickoff", "workshop", "seminar", "network", "closing", "other", NULL
};
static const char *const v_outcome[] = {
	"position-change", "promotion", "other", NULL
};

#define A_END	{ NULL, VT_TEXT, false, 0, 0, NULL }
#define C_END	{ EL__MAX, false, false }

static const struct attr_spec a_programme[] = {
	{ "id", VT_ID, true, 0, 0, NULL },
	{ "lang", VT_ENUM, false, 0, 0, v_lang },
	{ "kind", VT_ENUM, false, 0, 0, v_kind },
	{ "wording", VT_ENUM, false, 0, 0, v_wording },
	{ "place", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_none[] = { A_END };
static const struct attr_spec a_period[] = {
	{ "start", VT_DATE, true, 0, 0, NULL },
	{ "end", VT_DATE, true, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_organisation[] = {
	{ "id", VT_ID, true, 0, 0, NULL },
	{ "short", VT_TEXT, false, 0, 0, NULL },
	{ "logo", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_coordinator[] = {
	{ "name", VT_TEXT, true, 0, 0, NULL },
	{ "org", VT_IDREF, false, 0, 0, NULL },
	{ "email", VT_TEXT, false, 0, 0, NULL },
	{ "phone", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_topic[] = {
	{ "id", VT_ID, true, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_person[] = {
	{ "id", VT_ID, true, 0, 0, NULL },
	{ "role", VT_ENUM, true, 0, 0, v_role },
	{ "gender", VT_ENUM, false, 0, 0, v_gender },
	{ "org", VT_IDREF, false, 0, 0, NULL },
	{ "level", VT_INT, false, 1, 20, NULL },
	{ "capacity", VT_INT, false, 0, 20, NULL },
	{ "field", VT_TEXT, false, 0, 0, NULL },
	{ "topics", VT_IDREFS, false, 0, 0, NULL },
	{ "wish-gender", VT_ENUM, false, 0, 0, v_gender },
	{ "background", VT_TOKEN, false, 0, 0, NULL },
	{ "wish-background", VT_ENUM, false, 0, 0, v_yesno },
	{ "languages", VT_TOKENS, false, 0, 0, NULL },
	{ "status", VT_ENUM, false, 0, 0, v_status },
	A_END
};
static const struct attr_spec a_name[] = {
	{ "title", VT_TEXT, false, 0, 0, NULL },
	{ "given", VT_TEXT, false, 0, 0, NULL },
	{ "family", VT_TEXT, true, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_weights[] = {
	{ "topics", VT_NUM, false, 0, 10, NULL },
	{ "wish-gender", VT_NUM, false, 0, 10, NULL },
	{ "field", VT_NUM, false, 0, 10, NULL },
	{ "level-gap", VT_NUM, false, 0, 10, NULL },
	{ "background", VT_NUM, false, 0, 10, NULL },
	{ "language", VT_NUM, false, 0, 10, NULL },
	A_END
};
static const struct attr_spec a_rules[] = {
	{ "different-org", VT_ENUM, false, 0, 0, v_bool },
	{ "min-level-gap", VT_INT, false, 0, 20, NULL },
	{ "ideal-level-gap", VT_INT, false, 0, 20, NULL },
	A_END
};
static const struct attr_spec a_pin[] = {
	{ "mentee", VT_IDREF, true, 0, 0, NULL },
	{ "mentor", VT_IDREF, true, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_forbid[] = {
	{ "mentee", VT_IDREF, true, 0, 0, NULL },
	{ "mentor", VT_IDREF, true, 0, 0, NULL },
	{ "reason", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_event[] = {
	{ "date", VT_DATE, true, 0, 0, NULL },
	{ "kind", VT_ENUM, false, 0, 0, v_event },
	{ "place", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_signatory[] = {
	{ "name", VT_TEXT, true, 0, 0, NULL },
	{ "office", VT_TEXT, false, 0, 0, NULL },
	{ "org", VT_IDREF, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_response[] = {
	{ "role", VT_ENUM, true, 0, 0, v_role },
	{ "satisfaction", VT_INT, false, 1, 5, NULL },
	{ "meetings", VT_INT, false, 0, 100, NULL },
	{ "career-step", VT_ENUM, false, 0, 0, v_yesno },
	A_END
};
static const struct attr_spec a_outcome[] = {
	{ "person", VT_IDREF, true, 0, 0, NULL },
	{ "kind", VT_ENUM, true, 0, 0, v_outcome },
	{ "date", VT_DATE, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_tandem[] = {
	{ "mentee", VT_IDREF, true, 0, 0, NULL },
	{ "mentor", VT_IDREF, true, 0, 0, NULL },
	{ "score", VT_INT, false, 0, 100, NULL },
	A_END
};

static const struct child_spec c_none[] = { C_END };
static const struct child_spec c_programme[] = {
	{ EL_TITLE, true, false }, { EL_EDITION, false, false },
	{ EL_PERIOD, true, false }, { EL_ORGANISATIONS, false, false },
	{ EL_COORDINATORS, false, false }, { EL_TOPICS, false, false },
	{ EL_PEOPLE, false, false }, { EL_MATCHING, false, false },
	{ EL_EVENTS, false, false }, { EL_SIGNATORIES, false, false },
	{ EL_EVALUATION, false, false }, { EL_OUTCOMES, false, false },
	{ EL_TANDEMS, false, false }, C_END
};
static const struct child_spec c_organisations[] = {
	{ EL_ORGANISATION, false, true }, C_END
};
static const struct child_spec c_coordinators[] = {
	{ EL_COORDINATOR, false, true }, C_END
};
static const struct child_spec c_topics[] = { { EL_TOPIC, false, true }, C_END };
static const struct child_spec c_people[] = { { EL_PERSON, false, true }, C_END };
static const struct child_spec c_person[] = {
	{ EL_NAME, true, false }, { EL_UNIT, false, false },
	{ EL_POSITION, false, false }, { EL_EMAIL, false, false },
	{ EL_PHONE, false, false }, C_END
};
static const struct child_spec c_matching[] = {
	{ EL_WEIGHTS, false, false }, { EL_RULES, false, false },
	{ EL_PIN, false, true }, { EL_FORBID, false, true }, C_END
};
static const struct child_spec c_events[] = { { EL_EVENT, false, true }, C_END };
static const struct child_spec c_signatories[] = {
	{ EL_SIGNATORY, false, true }, C_END
};
static const struct child_spec c_evaluation[] = {
	{ EL_RESPONSE, false, true }, C_END
};
static const struct child_spec c_outcomes[] = {
	{ EL_OUTCOME, false, true }, C_END
};
static const struct child_spec c_tandems[] = { { EL_TANDEM, false, true }, C_END };

/* The structure of both files, one entry per element name. */
static const struct elem_spec elems[EL__MAX] = {
	[EL_PROGRAMME] = { "programme", CT_ELEMENTS, a_programme, c_programme },
	[EL_TITLE] = { "title", CT_TEXT, a_none, c_none },
	[EL_EDITION] = { "edition", CT_TEXT, a_none, c_none },
	[EL_PERIOD] = { "period", CT_EMPTY, a_period, c_none },
	[EL_ORGANISATIONS] = { "organisations", CT_ELEMENTS, a_none,
	    c_organisations },
	[EL_ORGANISATION] = { "organisation", CT_TEXT, a_organisation, c_none },
	[EL_COORDINATORS] = { "coordinators", CT_ELEMENTS, a_none,
	    c_coordinators },
	[EL_COORDINATOR] = { "coordinator", CT_EMPTY, a_coordinator, c_none },
	[EL_TOPICS] = { "topics", CT_ELEMENTS, a_none, c_topics },
	[EL_TOPIC] = { "topic", CT_TEXT, a_topic, c_none },
	[EL_PEOPLE] = { "people", CT_ELEMENTS, a_none, c_people },
	[EL_PERSON] = { "person", CT_ELEMENTS, a_person, c_person },
	[EL_NAME] = { "name", CT_EMPTY, a_name, c_none },
	[EL_UNIT] = { "unit", CT_TEXT, a_none, c_none },
	[EL_POSITION] = { "position", CT_TEXT, a_none, c_none },
	[EL_EMAIL] = { "email", CT_TEXT, a_none, c_none },
	[EL_PHONE] = { "phone", CT_TEXT, a_none, c_none },
	[EL_MATCHING] = { "matching", CT_ELEMENTS, a_none, c_matching },
	[EL_WEIGHTS] = { "weights", CT_EMPTY, a_weights, c_none },
	[EL_RULES] = { "rules", CT_EMPTY, a_rules, c_none },
	[EL_PIN] = { "pin", CT_EMPTY, a_pin, c_none },
	[EL_FORBID] = { "forbid", CT_EMPTY, a_forbid, c_none },
	[EL_EVENTS] = { "events", CT_ELEMENTS, a_none, c_events },
	[EL_EVENT] = { "event", CT_TEXT, a_event, c_none },
	[EL_SIGNATORIES] = { "signatories", CT_ELEMENTS, a_none,
	    c_signatories },
	[EL_SIGNATORY] = { "signatory", CT_EMPTY, a_signatory, c_none },
	[EL_EVALUATION] = { "evaluation", CT_ELEMENTS, a_none, c_evaluation },
	[EL_RESPONSE] = { "response", CT_EMPTY, a_response, c_none },
	[EL_OUTCOMES] = { "outcomes", CT_ELEMENTS, a_none, c_outcomes },
	[EL_OUTCOME] = { "outcome", CT_EMPTY, a_outcome, c_none },
	[EL_TANDEMS] = { "tandems", CT_ELEMENTS, a_none, c_tandems },
	[EL_TANDEM] = { "tandem", CT_EMPTY, a_tandem, c_none },
};

/* A person id and its index, for fast reference lookup. */
struct idx {
	const char	*id;
	int		 i;
};

/* State of loading one file. */
struct ctx {
	struct programme	*p;
	const char		*file;	/* name in messages (owned by p) */
	unsigned long		 errors;	/* errors in this file */
	struct idx		*people;	/* sorted by id, then index */
	size_t			 npeople;
};

/* ---------------------------------------------------------------- */
/* Small helpers */

static const char *
name_of(const xmlNode *n)
{
	return (const char *)n->name;
}

/*
 * The source text of a parsed document, kept in doc->_private so that
 * messages can name the line where an element's start tag begins (libxml2
 * records the line where it ends, which differs for tags written over
 * several lines).
 */
struct srcmap {
	char	*buf;
	size_t	 len;
	size_t	*ls;		/* ls[i]: offset where line i + 1 starts */
	size_t	 nls;
};

static struct srcmap *
srcmap_new(char *buf, size_t len)
{
	struct srcmap *m = xcalloc(1, sizeof(*m));
	size_t cap = 0;

	m->buf = buf;
	m->len = len;
	m->ls = xgrow(NULL, &cap, 1, sizeof(*m->ls));
	m->ls[m->nls++] = 0;
	for (size_t i = 0; i < len; i++)
		if (buf[i] == '\n') {
			m->ls = xgrow(m->ls, &cap, m->nls + 1, sizeof(*m->ls));
			m->ls[m->nls++] = i + 1;
		}
	return m;
}

/* Free a document loaded by xml_load() and its source map. */
static void
doc_free(xmlDocPtr doc)
{
	struct srcmap *m;

	if (doc == NULL)
		return;
	if ((m = doc->_private) != NULL) {
		free(m->buf);
		free(m->ls);
		free(m);
	}
	xmlFreeDoc(doc);
}

/* The line where n starts (for elements: the line of "<name"), or 0. */
static long
line_of(const xmlNode *n)
{
	const struct srcmap *m;
	long l = xmlGetLineNo(n);
	size_t end, low, o, nl, lo, hi;

	if (l <= 0)
		return 0;
	if (n->type != XML_ELEMENT_NODE || n->doc == NULL ||
	    (m = n->doc->_private) == NULL || (size_t)l > m->nls)
		return l;
	end = (size_t)l < m->nls ? m->ls[l] : m->len;
	low = m->ls[l - 1] > 65536 ? m->ls[l - 1] - 65536 : 0;
	nl = strlen(name_of(n));
	for (o = end; o-- > low; ) {
		if (m->buf[o] != '<' || o + 1 + nl >= m->len ||
		    memcmp(m->buf + o + 1, name_of(n), nl) != 0 ||
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

/* The element kind of a name, or EL__MAX for an unknown name. */
static enum el
el_lookup(const char *name)
{
	for (int i = 0; i < EL__MAX; i++)
		if (strcmp(elems[i].name, name) == 0)
			return (enum el)i;
	return EL__MAX;
}

/* Report an error at node n of the current file. */
static void
err(struct ctx *c, const xmlNode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
err(struct ctx *c, const xmlNode *n, const char *fmt, ...)
{
	va_list ap, aq;
	char *msg;
	int len;

	if (++c->errors > LOAD_MAX_ERRORS)
		return;		/* counted; summed up by err_flush() */
	va_start(ap, fmt);
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	msg = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	msg[0] = '\0';
	if (len > 0)
		vsnprintf(msg, (size_t)len + 1, fmt, ap);
	va_end(ap);
	diag(DIAG_ERROR, c->file, n != NULL ? line_of(n) : 0, 0, "%s", msg);
	free(msg);
}

/* Say how many errors err() did not show, if any. */
static void
err_flush(struct ctx *c)
{
	if (c->errors > LOAD_MAX_ERRORS)
		diag(DIAG_ERROR, c->file, 0, 0, "%lu more errors in this file "
		    "not shown", c->errors - LOAD_MAX_ERRORS);
}

/* Trim and collapse white space (XML's space, tab, CR, LF) in place. */
static char *
squeeze(char *s)
{
	char *r = s, *w = s;
	bool space = false;

	while (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r')
		r++;
	for (; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			space = true;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}

/* The attribute's value, white space squeezed, xmalloc'd; NULL if absent. */
static char *
attr_get(const xmlNode *n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = xstrdup((const char *)v);
	xmlFree(v);
	return squeeze(s);
}

/* The element's text, white space squeezed, xmalloc'd (never NULL). */
static char *
text_get(const xmlNode *n)
{
	xmlChar *v = xmlNodeGetContent(n);
	char *s = xstrdup(v != NULL ? (const char *)v : "");

	xmlFree(v);
	return squeeze(s);
}

/* "a, b or c" from a NULL-terminated list. */
static void
list_words(struct strbuf *sb, const char *const *v)
{
	for (size_t i = 0; v[i] != NULL; i++) {
		if (i > 0)
			sb_adds(sb, v[i + 1] == NULL ? " or " : ", ");
		sb_adds(sb, v[i]);
	}
}

/* Index of s in the NULL-terminated list v, or -1. */
static int
enum_index(const char *s, const char *const *v)
{
	for (int i = 0; v[i] != NULL; i++)
		if (strcmp(s, v[i]) == 0)
			return i;
	return -1;
}

/* Is s a whole number (optional sign, digits)? Stores it in *out. */
static bool
parse_int(const char *s, long *out)
{
	char *end;
	long v;

	if (*s == '\0')
		return false;
	for (const char *q = (*s == '-' || *s == '+') ? s + 1 : s; ; q++) {
		if (*q == '\0')
			break;
		if (*q < '0' || *q > '9')
			return false;
	}
	if (s[0] == '+' || s[0] == '-') {
		if (s[1] == '\0')
			return false;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return false;
	*out = v;
	return true;
}

/* Is s a decimal number like 2, 1.5 or .5 (no exponent)? */
static bool
parse_num(const char *s, double *out)
{
	const char *q = s;
	bool digits = false;

	if (*q == '-' || *q == '+')
		q++;
	while (*q >= '0' && *q <= '9') {
		q++;
		digits = true;
	}
	if (*q == '.') {
		q++;
		while (*q >= '0' && *q <= '9') {
			q++;
			digits = true;
		}
	}
	if (!digits || *q != '\0')
		return false;
	*out = strtod(s, NULL);
	return isfinite(*out);
}

/* ---------------------------------------------------------------- */
/* Step 1 and 2: reading and parsing */

/* libxml2 must never read anything by itself. */
static xmlParserInputPtr
deny_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* The first parse error libxml2 reports (later ones follow from it). */
static struct {
	bool	 seen;
	int	 code;
	long	 line;
	long	 col;
	char	*msg;
	char	*str1;
	char	*str2;
	int	 int1;
} parse_err;

/* libxml2 prints nothing by itself: all messages go through diag(). */
static void
silent_generic(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* Keep the first error libxml2 reports while parsing. */
static void
catch_error(void *ctx, xmlErrorPtr e)
{
	(void)ctx;
	if (e == NULL || parse_err.seen || e->level < XML_ERR_ERROR)
		return;
	parse_err.seen = true;
	parse_err.code = e->code;
	parse_err.line = e->line;
	parse_err.col = e->int2;
	parse_err.int1 = e->int1;
	parse_err.msg = xstrdup(e->message != NULL ? e->message : "error");
	parse_err.str1 = e->str1 != NULL ? xstrdup(e->str1) : NULL;
	parse_err.str2 = e->str2 != NULL ? xstrdup(e->str2) : NULL;
	squeeze(parse_err.msg);
}

/* Forget the kept parse error. */
static void
parse_err_clear(void)
{
	free(parse_err.msg);
	free(parse_err.str1);
	free(parse_err.str2);
	memset(&parse_err, 0, sizeof(parse_err));
}

/* Route all libxml2 messages away from stderr, once. */
static void
xml_setup(void)
{
	static bool done;

	if (done)
		return;
	done = true;
	xmlInitParser();
	xmlSetExternalEntityLoader(deny_loader);
	xmlSetGenericErrorFunc(NULL, silent_generic);
	xmlSetStructuredErrorFunc(NULL, catch_error);
}

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
report_parse_error(struct ctx *c)
{
	long line = parse_err.line;

	switch (parse_err.code) {
	case XML_ERR_DOCUMENT_EMPTY:
		diag(DIAG_ERROR, c->file, 0, 0, "the file is empty");
		break;
	case XML_ERR_TAG_NAME_MISMATCH:
		if (parse_err.str1 != NULL && parse_err.str2 != NULL)
			diag(DIAG_ERROR, c->file, line, 0, "not well-formed "
			    "XML: closing tag </%s> does not match <%s> "
			    "opened on line %d", parse_err.str2,
			    parse_err.str1, parse_err.int1);
		else
			diag(DIAG_ERROR, c->file, line, 0, "not well-formed "
			    "XML: %s", parse_err.msg);
		break;
	case XML_ERR_TAG_NOT_FINISHED:
		diag(DIAG_ERROR, c->file, line, 0, "not well-formed XML: the "
		    "file ends before <%s> (line %d) is closed; is it "
		    "cut off?", parse_err.str1 ? parse_err.str1 : "?",
		    parse_err.int1);
		break;
	case XML_ERR_GT_REQUIRED:
		diag(DIAG_ERROR, c->file, line, parse_err.col, "not "
		    "well-formed XML: a tag is not closed with '>'%s%s%s",
		    parse_err.str1 ? " (<" : "",
		    parse_err.str1 ? parse_err.str1 : "",
		    parse_err.str1 ? ">); is the file cut off?" : "");
		break;
	case XML_ERR_DOCUMENT_END:
		diag(DIAG_ERROR, c->file, line, 0, "not well-formed XML: "
		    "content after the end of the root element");
		break;
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		diag(DIAG_ERROR, c->file, line, 0, "not well-formed XML: %s; "
		    "write & as &amp;", parse_err.msg);
		break;
	case XML_ERR_NAME_REQUIRED:
		if (strstr(parse_err.msg, "EntityRef") != NULL) {
			diag(DIAG_ERROR, c->file, line, parse_err.col, "not "
			    "well-formed XML: a bare '&'; write it as &amp;");
			break;
		}
		if (strstr(parse_err.msg, "StartTag") != NULL) {
			diag(DIAG_ERROR, c->file, line, parse_err.col, "not "
			    "well-formed XML: a bare '<'; write it as &lt;");
			break;
		}
		/* FALLTHROUGH */
	default:
		if (strstr(parse_err.msg, "Excessive depth") != NULL) {
			diag(DIAG_ERROR, c->file, line, parse_err.col, "not "
			    "a programme: elements are nested more than 256 "
			    "levels deep");
			break;
		}
		diag(DIAG_ERROR, c->file, line, parse_err.col, "not "
		    "well-formed XML: %s", parse_err.msg);
		break;
	}
	c->errors++;
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

/*
 * Parse the bytes of one file safely (buf[len] must be a NUL); takes over
 * buf, which the document keeps for source lines. Returns the document, or
 * NULL with the problem reported and *rc = EX_DATAERR.
 */
static xmlDocPtr
xml_parse(struct ctx *c, char *buf, size_t len, int *rc)
{
	long line, col;
	xmlDocPtr doc;

	xml_setup();
	*rc = EX_DATAERR;
	if (strspn(buf, " \t\r\n") >= len) {
		diag(DIAG_ERROR, c->file, 0, 0, "the file is empty");
		c->errors++;
		goto bad;
	}
	if (!utf8_valid(buf, len, &line, &col)) {
		diag(DIAG_ERROR, c->file, line, col, "invalid UTF-8 (byte "
		    "0x%02X); save the file as UTF-8",
		    bad_byte(buf, line, col));
		c->errors++;
		goto bad;
	}
	if ((line = find_doctype(buf, len)) > 0) {
		diag(DIAG_ERROR, c->file, line, 0, "DOCTYPE declarations are "
		    "not allowed; remove line %ld", line);
		c->errors++;
		goto bad;
	}
	if (len > (size_t)INT32_MAX) {
		diag(DIAG_ERROR, c->file, 0, 0, "file too large");
		c->errors++;
		goto bad;
	}
	parse_err_clear();
	doc = xmlReadMemory(buf, (int)len, c->file, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
	if (doc != NULL && !parse_err.seen) {
		doc->_private = srcmap_new(buf, len);
		buf = NULL;
	}
	free(buf);
	if (doc == NULL || parse_err.seen) {
		if (!parse_err.seen) {
			parse_err.seen = true;
			parse_err.msg = xstrdup("cannot parse");
		}
		report_parse_error(c);
		parse_err_clear();
		doc_free(doc);
		return NULL;
	}
	parse_err_clear();
	if (doc->intSubset != NULL || doc->extSubset != NULL) {
		diag(DIAG_ERROR, c->file, 1, 0, "DOCTYPE declarations are "
		    "not allowed");
		c->errors++;
		doc_free(doc);
		return NULL;
	}
	*rc = 0;
	return doc;
bad:
	free(buf);
	return NULL;
}

/*
 * Read one file and parse it with xml_parse(). Returns the document, or
 * NULL with the problem reported and *rc set (EX_NOINPUT or EX_DATAERR).
 */
static xmlDocPtr
xml_load(struct ctx *c, const char *path, int *rc)
{
	char *buf;
	size_t len;

	if ((buf = file_read(path, &len)) == NULL) {
		if (errno == EFBIG)
			diag(DIAG_ERROR, c->file, 0, 0, "file too large (over "
			    "%lu MB)", FILEIO_MAX_INPUT / (1024 * 1024));
		else
			diag(DIAG_ERROR, c->file, 0, 0, "cannot read: %s",
			    strerror(errno));
		*rc = errno == EFBIG ? EX_DATAERR : EX_NOINPUT;
		c->errors++;
		return NULL;
	}
	return xml_parse(c, buf, len, rc);
}

/* ---------------------------------------------------------------- */
/* Step 3: structure and values, by the table elems[] */

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
		cand[n++] = elems[ch->el].name;
	k = suggest_index(name, cand, n, SUGGEST_ID);
	return k < 0 ? NULL : cand[k];
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

	if (*v == '\0' && (a->required || a->type == VT_IDREF)) {
		err(c, n, "attribute %s of <%s> must not be empty", a->name,
		    name_of(n));
		return;
	}
	switch (a->type) {
	case VT_TOKEN:
		if (*v == '\0' || strchr(v, ' ') != NULL)
			err(c, n, "attribute %s of <%s> must be one word, "
			    "not '%s'", a->name, name_of(n), v);
		break;
	case VT_DATE:
		if (date_parse(v, &d))
			break;
		if (strlen(v) == 10 && v[4] == '-' && v[7] == '-' &&
		    strspn(v, "0123456789-") == 10)
			err(c, n, "attribute %s of <%s>: %s is not a date in "
			    "the calendar", a->name, name_of(n), v);
		else
			err(c, n, "attribute %s of <%s> must be a date written "
			    "YYYY-MM-DD (e.g. 2022-08-15), not '%s'", a->name,
			    name_of(n), v);
		break;
	case VT_INT:
		if (!parse_int(v, &iv) || iv < a->min || iv > a->max)
			err(c, n, "attribute %s of <%s> must be a whole number "
			    "from %d to %d, not '%s'", a->name, name_of(n),
			    a->min, a->max, v);
		break;
	case VT_NUM:
		if (!parse_num(v, &dv) || dv < a->min || dv > a->max)
			err(c, n, "attribute %s of <%s> must be a number from "
			    "%d to %d, not '%s'", a->name, name_of(n), a->min,
			    a->max, v);
		break;
	case VT_ENUM:
		if (enum_index(v, a->values) >= 0)
			break;
		list_words(&sb, a->values);
		err(c, n, "attribute %s of <%s> must be %s, not '%s'",
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
	const struct elem_spec *sp = &elems[e];
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
			err(c, n, "unknown attribute %s%s%s on <%s>%s%s%s",
			    at->ns != NULL && at->ns->prefix != NULL ?
			    (const char *)at->ns->prefix : "",
			    at->ns != NULL && at->ns->prefix != NULL ? ":" : "",
			    an, sp->name, sugg ? "; did you mean " : "",
			    sugg ? sugg : "", sugg ? "?" : "");
			continue;
		}
		char *v = attr_get(n, an);
		if (v != NULL)
			check_value(c, n, a, v);
		free(v);
	}
	for (a = sp->attrs; a->name != NULL; a++)
		if (a->required && !xmlHasNsProp(n, (const xmlChar *)a->name,
		    NULL))
			err(c, n, "<%s> lacks the required attribute %s",
			    sp->name, a->name);

	memset(counts, 0, sizeof(counts));
	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		if (k->type == XML_TEXT_NODE ||
		    k->type == XML_CDATA_SECTION_NODE) {
			if (sp->content == CT_TEXT || text_reported ||
			    xmlIsBlankNode((xmlNodePtr)k))
				continue;
			text_reported = true;
			err(c, k, "<%s> may not contain text%s", sp->name,
			    sp->content == CT_ELEMENTS ?
			    " directly, only elements" : "; it must be empty");
			continue;
		}
		if (k->type != XML_ELEMENT_NODE)
			continue;	/* comments, processing instructions */
		enum el ke = k->ns == NULL ? el_lookup(name_of(k)) : EL__MAX;
		for (ch = sp->children; ch->el != EL__MAX; ch++)
			if (ch->el == ke)
				break;
		if (ch->el == EL__MAX) {
			if (sp->content != CT_ELEMENTS)
				err(c, k, "<%s> may contain only %s, not "
				    "element <%s>", sp->name,
				    sp->content == CT_TEXT ? "text" :
				    "nothing", name_of(k));
			else if (k->ns != NULL)
				err(c, k, "element <%s> must not be in a "
				    "namespace (%s)", name_of(k),
				    (const char *)k->ns->href);
			else if (ke != EL__MAX)
				err(c, k, "element <%s> does not belong in "
				    "<%s>", name_of(k), sp->name);
			else if ((sugg = suggest_child(name_of(k),
			    sp->children)) != NULL)
				err(c, k, "unknown element <%s> in <%s>; did "
				    "you mean <%s>?", name_of(k), sp->name,
				    sugg);
			else
				err(c, k, "unknown element <%s> in <%s>",
				    name_of(k), sp->name);
			continue;
		}
		if (++counts[ke] == 2 && !ch->many)
			err(c, k, "<%s> may appear only once in <%s>",
			    name_of(k), sp->name);
		check_element(c, k, ke);
	}
	for (ch = sp->children; ch->el != EL__MAX; ch++)
		if (ch->required && counts[ch->el] == 0)
			err(c, n, "<%s> lacks the required element <%s>",
			    sp->name, elems[ch->el].name);
}

/* Check the root element: the right name, no namespace, then its tree. */
static void
check_root(struct ctx *c, const xmlNode *root, enum el want)
{
	if (root == NULL) {
		err(c, NULL, "the file has no root element");
		return;
	}
	if (root->ns != NULL) {
		err(c, root, "element <%s> must not be in a namespace (%s)",
		    name_of(root), (const char *)root->ns->href);
		return;
	}
	if (el_lookup(name_of(root)) != want) {
		err(c, root, "the file must start with <%s>, not <%s>",
		    elems[want].name, name_of(root));
		return;
	}
	check_element(c, root, want);
}

/* ---------------------------------------------------------------- */
/* Step 4: the embedded schema */

struct schema_errs {
	struct ctx	*c;
	xmlDocPtr	 doc;
	unsigned	 n;
	bool		 report;
};

/* Structured RelaxNG error: count it, and report it when asked to. */
static void
schema_error(void *arg, xmlErrorPtr e)
{
	struct schema_errs *s = arg;
	long line;

	if (e == NULL || e->level < XML_ERR_ERROR)
		return;
	s->n++;
	if (!s->report) {
		s->c->errors++;
		return;
	}
	if (s->n > 20)
		return;
	line = e->node != NULL ? line_of((xmlNodePtr)e->node) :
	    e->line > 0 ? e->line :
	    line_of(xmlDocGetRootElement(s->doc));
	char *msg = xstrdup(e->message != NULL ? e->message : "invalid");
	diag(DIAG_ERROR, s->c->file, line, 0, "does not match the schema: %s",
	    squeeze(msg));
	free(msg);
	s->c->errors++;
}

/*
 * Validate doc against schema/programme.rng. Its messages are printed only
 * when the table found nothing (else they repeat what was said, worse).
 * Returns false if the built-in schema itself is broken.
 */
static bool
check_schema(struct ctx *c, xmlDocPtr doc)
{
	const struct resource *r = resource_get("schema/programme.rng");
	xmlRelaxNGParserCtxtPtr pc;
	xmlRelaxNGValidCtxtPtr vc;
	xmlRelaxNGPtr schema;
	struct schema_errs se = { c, doc, 0, c->errors == 0 };

	if (r == NULL)
		return false;
	pc = xmlRelaxNGNewMemParserCtxt(r->data, (int)r->len);
	schema = pc != NULL ? xmlRelaxNGParse(pc) : NULL;
	xmlRelaxNGFreeParserCtxt(pc);
	parse_err_clear();
	if (schema == NULL)
		return false;
	vc = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vc, schema_error, &se);
	if (xmlRelaxNGValidateDoc(vc, doc) != 0 && se.n == 0) {
		if (se.report)
			diag(DIAG_ERROR, c->file, 0, 0, "does not match the "
			    "schema");
		c->errors++;
	}
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	parse_err_clear();
	return true;
}

int
load_schema_valid(const char *buf, size_t len)
{
	struct ctx c = { NULL, "(memory)", 0, NULL, 0 };
	xmlDocPtr doc;
	int valid;

	xml_setup();
	if (len > (size_t)INT32_MAX || find_doctype(buf, len) > 0 ||
	    !utf8_valid(buf, len, NULL, NULL))
		return 0;
	parse_err_clear();
	doc = xmlReadMemory(buf, (int)len, "(memory)", "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA);
	if (doc == NULL || parse_err.seen) {
		parse_err_clear();
		xmlFreeDoc(doc);
		return 0;
	}
	/* check_schema() reports only when no error came before: start
	 * at one to have it count quietly. */
	c.errors = 1;
	if (!check_schema(&c, doc))
		valid = -1;
	else
		valid = c.errors == 1;
	xmlFreeDoc(doc);
	return valid;
}

/* ---------------------------------------------------------------- */
/* Step 5: the model */

/* The attribute converted by its table entry, or def if absent/invalid. */
static long
get_int(const xmlNode *n, const char *name, long min, long max, long def)
{
	char *v = attr_get(n, name);
	long iv;

	if (v == NULL || !parse_int(v, &iv) || iv < min || iv > max)
		iv = def;
	free(v);
	return iv;
}

static double
get_num(const xmlNode *n, const char *name, double min, double max,
    double def)
{
	char *v = attr_get(n, name);
	double dv;

	if (v == NULL || !parse_num(v, &dv) || dv < min || dv > max)
		dv = def;
	free(v);
	return dv;
}

/* Index of the attribute's value in names[0..count), or def. */
static int
get_enum(const xmlNode *n, const char *name, const char *const *names,
    int count, int def)
{
	char *v = attr_get(n, name);
	int r = def;

	if (v != NULL)
		for (int i = 0; i < count; i++)
			if (names[i][0] != '\0' && strcmp(v, names[i]) == 0)
				r = i;
	free(v);
	return r;
}

static struct date
get_date(const xmlNode *n, const char *name)
{
	struct date d = { 0, 0, 0 };
	char *v = attr_get(n, name);

	if (v != NULL && !date_parse(v, &d))
		memset(&d, 0, sizeof(d));
	free(v);
	return d;
}

/* Text attribute or NULL; empty values count as absent. */
static char *
get_text(const xmlNode *n, const char *name)
{
	char *v = attr_get(n, name);

	if (v != NULL && *v == '\0') {
		free(v);
		v = NULL;
	}
	return v;
}

/* Is k an element named name (outside any namespace)? */
static bool
is_el(const xmlNode *k, enum el e)
{
	return k->type == XML_ELEMENT_NODE && k->ns == NULL &&
	    strcmp(name_of(k), elems[e].name) == 0;
}

/*
 * The capacity xgrow() gave an array of n elements that only ever grew
 * one element at a time from NULL (8, 16, 32, ...), so that the model's
 * arrays need no capacity fields.
 */
static size_t
implied_cap(size_t n)
{
	size_t cap = 8;

	if (n == 0)
		return 0;
	while (cap < n)
		cap *= 2;
	return cap;
}

/* Record a reference that does not resolve (see struct dangling). */
static void
add_dangling(struct ctx *c, const char *id, const char *what, long line,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
add_dangling(struct ctx *c, const char *id, const char *what, long line,
    const char *fmt, ...)
{
	struct programme *p = c->p;
	size_t cap = implied_cap(p->ndangling);
	struct dangling *d;
	va_list ap, aq;
	int len;

	p->dangling = xgrow(p->dangling, &cap, p->ndangling + 1,
	    sizeof(*p->dangling));
	d = &p->dangling[p->ndangling++];
	d->id = xstrdup(id);
	d->what = what;
	d->file = c->file;
	d->line = line;
	va_start(ap, fmt);
	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	d->where = xmalloc((size_t)(len > 0 ? len : 0) + 1);
	d->where[0] = '\0';
	if (len > 0)
		vsnprintf(d->where, (size_t)len + 1, fmt, ap);
	va_end(ap);
}

/* Resolve an org reference attribute; -1 if absent or unknown. */
static int
ref_org(struct ctx *c, const xmlNode *n, const char *attr, const char *whose)
{
	char *v = attr_get(n, attr);
	int i = -1;

	if (v != NULL && (i = programme_find_org(c->p, v)) < 0)
		add_dangling(c, v, "organisation", line_of(n), "%s of %s",
		    attr, whose);
	free(v);
	return i;
}

/* Order of the person index: by id, then by position in the file. */
static int
idx_cmp(const void *a, const void *b)
{
	const struct idx *x = a, *y = b;
	int c = strcmp(x->id, y->id);

	return c != 0 ? c : (x->i > y->i) - (x->i < y->i);
}

/* bsearch() comparison of an id with an index entry. */
static int
idx_key(const void *key, const void *b)
{
	return strcmp(key, ((const struct idx *)b)->id);
}

/* Index the people by id (once they are all built). */
static void
index_people(struct ctx *c)
{
	struct programme *p = c->p;

	free(c->people);
	c->npeople = p->npeople;
	c->people = xcalloc(p->npeople ? p->npeople : 1, sizeof(*c->people));
	for (size_t i = 0; i < p->npeople; i++)
		c->people[i] = (struct idx){ p->people[i].id, (int)i };
	qsort(c->people, c->npeople, sizeof(*c->people), idx_cmp);
}

/* Like programme_find_person() (the first with this id), in log time. */
static int
find_person(const struct ctx *c, const char *id)
{
	const struct idx *x;

	if (c->people == NULL)
		return programme_find_person(c->p, id);
	x = bsearch(id, c->people, c->npeople, sizeof(*x), idx_key);
	if (x == NULL)
		return -1;
	while (x > c->people && strcmp(x[-1].id, id) == 0)
		x--;
	return x->i;
}

/* Resolve a person reference attribute; -1 if absent or unknown. */
static int
ref_person(struct ctx *c, const xmlNode *n, const char *attr)
{
	char *v = attr_get(n, attr);
	int i = -1;

	if (v != NULL && (i = find_person(c, v)) < 0)
		add_dangling(c, v, "person", line_of(n), "%s of <%s>", attr,
		    name_of(n));
	free(v);
	return i;
}

/* Append *item of size sz to the array *v of *n elements. */
static void *
push(void *v, size_t *n, const void *item, size_t sz)
{
	size_t cap = implied_cap(*n);

	v = xgrow(v, &cap, *n + 1, sz);
	memcpy((char *)v + *n * sz, item, sz);
	(*n)++;
	return v;
}

/* <organisations>: one struct org per <organisation>. */
static void
build_orgs(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct org o;

		if (!is_el(k, EL_ORGANISATION))
			continue;
		memset(&o, 0, sizeof(o));
		o.id = attr_get(k, "id");
		if (o.id == NULL)
			o.id = xstrdup("");
		o.short_name = get_text(k, "short");
		o.logo = get_text(k, "logo");
		o.name = text_get(k);
		o.line = line_of(k);
		p->orgs = push(p->orgs, &p->norgs, &o, sizeof(o));
	}
}

/* <topics>: one struct topic per <topic>. */
static void
build_topics(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct topic t;

		if (!is_el(k, EL_TOPIC))
			continue;
		t.id = attr_get(k, "id");
		if (t.id == NULL)
			t.id = xstrdup("");
		t.label = text_get(k);
		t.line = line_of(k);
		p->topics = push(p->topics, &p->ntopics, &t, sizeof(t));
	}
}

/* Split a space-separated list (already squeezed) into words. */
static size_t
split_words(char *s, char ***out)
{
	char **v = NULL, *w;
	size_t n = 0, cap = 0;

	for (w = strtok(s, " "); w != NULL; w = strtok(NULL, " ")) {
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n++] = w;
	}
	*out = v;
	return n;
}

/*
 * One <person>: attributes converted (defaults where absent or invalid,
 * the checker has reported those), org and topics resolved, the name and
 * contact elements read.
 */
static void
build_person(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;
	struct person q;
	char *v, **words;
	size_t nw, i;

	memset(&q, 0, sizeof(q));
	q.id = attr_get(n, "id");
	if (q.id == NULL)
		q.id = xstrdup("");
	q.line = line_of(n);
	/* ROLE__MAX marks a missing or bad role, already reported. */
	q.role = (enum role)get_enum(n, "role", role_names, ROLE__MAX,
	    ROLE__MAX);
	q.gender = (enum gender)get_enum(n, "gender", gender_names,
	    GENDER__MAX, GENDER_UNKNOWN);
	q.wish_gender = (enum gender)get_enum(n, "wish-gender", gender_names,
	    GENDER__MAX, GENDER_UNKNOWN);
	q.status = (enum status)get_enum(n, "status", status_names,
	    STATUS__MAX, STATUS_COMPLETED);
	q.level = (int)get_int(n, "level", 1, 20, 0);
	q.capacity = (int)get_int(n, "capacity", 0, 20, 1);
	q.field = get_text(n, "field");
	q.background = get_text(n, "background");
	v = attr_get(n, "wish-background");
	q.wish_background = v != NULL && strcmp(v, "yes") == 0;
	free(v);

	char *whose = xasprintf("person %s", q.id);
	q.org = ref_org(c, n, "org", whose);
	if ((v = attr_get(n, "topics")) != NULL) {
		nw = split_words(v, &words);
		q.topics = xcalloc(nw ? nw : 1, sizeof(*q.topics));
		for (i = 0; i < nw; i++) {
			int t = programme_find_topic(p, words[i]);

			if (t < 0)
				add_dangling(c, words[i], "topic", q.line,
				    "topics of %s", whose);
			else
				q.topics[q.ntopics++] = t;
		}
		free(words);
		free(v);
	}
	free(whose);
	if ((v = attr_get(n, "languages")) != NULL) {
		nw = split_words(v, &words);
		q.languages = xcalloc(nw ? nw : 1, sizeof(*q.languages));
		for (i = 0; i < nw; i++)
			q.languages[q.nlanguages++] = xstrdup(words[i]);
		free(words);
		free(v);
	}
	bool named = false;
	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		if (is_el(k, EL_NAME)) {
			if (named)
				continue;	/* a second <name>: reported */
			named = true;
			q.given = get_text(k, "given");
			q.title = get_text(k, "title");
			q.family = attr_get(k, "family");
		} else if (is_el(k, EL_UNIT) && q.unit == NULL)
			q.unit = text_get(k);
		else if (is_el(k, EL_POSITION) && q.position == NULL)
			q.position = text_get(k);
		else if (is_el(k, EL_EMAIL) && q.email == NULL)
			q.email = text_get(k);
		else if (is_el(k, EL_PHONE) && q.phone == NULL)
			q.phone = text_get(k);
	}
	if (q.family == NULL)
		q.family = xstrdup("");
	p->people = push(p->people, &p->npeople, &q, sizeof(q));
}

/* <coordinators>: names, contact data, org resolved. */
static void
build_coordinators(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct coordinator co;

		if (!is_el(k, EL_COORDINATOR))
			continue;
		co.name = attr_get(k, "name");
		if (co.name == NULL)
			co.name = xstrdup("");
		char *whose = xasprintf("coordinator %s", co.name);
		co.org = ref_org(c, k, "org", whose);
		free(whose);
		co.email = get_text(k, "email");
		co.phone = get_text(k, "phone");
		co.line = line_of(k);
		p->coordinators = push(p->coordinators, &p->ncoordinators, &co,
		    sizeof(co));
	}
}

/* A pin, forbidden pair or tandem from element k. */
static struct pair
build_pair(struct ctx *c, const xmlNode *k)
{
	struct pair pr;

	pr.mentee = ref_person(c, k, "mentee");
	pr.mentor = ref_person(c, k, "mentor");
	pr.reason = get_text(k, "reason");
	pr.score = (int)get_int(k, "score", 0, 100, -1);
	pr.line = line_of(k);
	pr.file = c->file;
	return pr;
}

/* <matching>: weights and rules over the defaults, pins, forbidden pairs. */
static void
build_matching(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;
	struct weights *w = &p->weights;
	struct rules *r = &p->rules;
	struct pair pr;

	p->matching_line = line_of(n);
	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		if (is_el(k, EL_WEIGHTS)) {
			w->topics = get_num(k, "topics", 0, 10, w->topics);
			w->wish_gender = get_num(k, "wish-gender", 0, 10,
			    w->wish_gender);
			w->field = get_num(k, "field", 0, 10, w->field);
			w->level_gap = get_num(k, "level-gap", 0, 10,
			    w->level_gap);
			w->background = get_num(k, "background", 0, 10,
			    w->background);
			w->language = get_num(k, "language", 0, 10,
			    w->language);
		} else if (is_el(k, EL_RULES)) {
			r->different_org = get_enum(k, "different-org",
			    v_bool, 2, r->different_org ? 0 : 1) == 0;
			r->min_level_gap = (int)get_int(k, "min-level-gap",
			    0, 20, r->min_level_gap);
			r->ideal_level_gap = (int)get_int(k,
			    "ideal-level-gap", 0, 20, r->ideal_level_gap);
		} else if (is_el(k, EL_PIN)) {
			pr = build_pair(c, k);
			p->pins = push(p->pins, &p->npins, &pr, sizeof(pr));
		} else if (is_el(k, EL_FORBID)) {
			pr = build_pair(c, k);
			p->forbids = push(p->forbids, &p->nforbids, &pr,
			    sizeof(pr));
		}
	}
}

/* <tandems> (inline or the root of tandems.xml): the fixed tandems. */
static void
build_tandems(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;
	struct pair pr;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		if (!is_el(k, EL_TANDEM))
			continue;
		pr = build_pair(c, k);
		p->tandems = push(p->tandems, &p->ntandems, &pr, sizeof(pr));
	}
}

/* <events>: the schedule. */
static void
build_events(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct event ev;

		if (!is_el(k, EL_EVENT))
			continue;
		ev.date = get_date(k, "date");
		ev.kind = (enum event_kind)get_enum(k, "kind",
		    event_kind_names, EVENT__MAX, EVENT_OTHER);
		ev.place = get_text(k, "place");
		ev.title = text_get(k);
		ev.line = line_of(k);
		p->events = push(p->events, &p->nevents, &ev, sizeof(ev));
	}
}

/* <signatories>: who signs the certificates. */
static void
build_signatories(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct signatory s;

		if (!is_el(k, EL_SIGNATORY))
			continue;
		s.name = attr_get(k, "name");
		if (s.name == NULL)
			s.name = xstrdup("");
		s.office = get_text(k, "office");
		char *whose = xasprintf("signatory %s", s.name);
		s.org = ref_org(c, k, "org", whose);
		free(whose);
		s.line = line_of(k);
		p->signatories = push(p->signatories, &p->nsignatories, &s,
		    sizeof(s));
	}
}

/* <evaluation>: the anonymous survey answers. */
static void
build_evaluation(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct response r;
		char *v;

		if (!is_el(k, EL_RESPONSE))
			continue;
		r.role = (enum role)get_enum(k, "role", role_names, ROLE__MAX,
		    ROLE_MENTEE);
		r.satisfaction = (int)get_int(k, "satisfaction", 1, 5, 0);
		r.meetings = (int)get_int(k, "meetings", 0, 100, -1);
		v = attr_get(k, "career-step");
		r.career_step = v == NULL ? -1 : strcmp(v, "yes") == 0 ? 1 :
		    strcmp(v, "no") == 0 ? 0 : -1;
		free(v);
		r.line = line_of(k);
		p->responses = push(p->responses, &p->nresponses, &r,
		    sizeof(r));
	}
}

/* <outcomes>: career moves, person resolved. */
static void
build_outcomes(struct ctx *c, const xmlNode *n)
{
	struct programme *p = c->p;

	for (const xmlNode *k = n->children; k != NULL; k = k->next) {
		struct outcome o;

		if (!is_el(k, EL_OUTCOME))
			continue;
		o.person = ref_person(c, k, "person");
		o.kind = (enum outcome_kind)get_enum(k, "kind",
		    outcome_kind_names, OUTCOME__MAX, OUTCOME_OTHER);
		o.date = get_date(k, "date");
		o.line = line_of(k);
		p->outcomes = push(p->outcomes, &p->noutcomes, &o, sizeof(o));
	}
}

/*
 * Build the model from a checked <programme>: definitions first
 * (organisations, topics, then people), so that references may point
 * forward in the file; then everything that refers to them.
 */
static void
build_programme(struct ctx *c, const xmlNode *root)
{
	struct programme *p = c->p;
	const xmlNode *k;
	bool diff_given = false;

	p->id = attr_get(root, "id");
	if (p->id == NULL)
		p->id = xstrdup("");
	p->line = line_of(root);
	p->lang = (enum lang)get_enum(root, "lang", lang_names, LANG__MAX,
	    LANG_DE);
	p->kind = (enum prog_kind)get_enum(root, "kind", kind_names, KIND__MAX,
	    KIND_INTERNAL);
	p->wording = (enum wording)get_enum(root, "wording", wording_names,
	    WORDING__MAX, WORDING_PAIR);
	p->place = get_text(root, "place");

	for (k = root->children; k != NULL; k = k->next)
		if (is_el(k, EL_ORGANISATIONS))
			build_orgs(c, k);
		else if (is_el(k, EL_TOPICS))
			build_topics(c, k);
	for (k = root->children; k != NULL; k = k->next)
		if (is_el(k, EL_PEOPLE)) {
			if (p->people_line == 0)
				p->people_line = line_of(k);
			for (const xmlNode *q = k->children; q != NULL;
			    q = q->next)
				if (is_el(q, EL_PERSON))
					build_person(c, q);
		}
	if (p->people_line == 0)
		p->people_line = p->line;
	index_people(c);
	for (k = root->children; k != NULL; k = k->next) {
		if (is_el(k, EL_TITLE) && p->title == NULL)
			p->title = text_get(k);
		else if (is_el(k, EL_EDITION) && p->edition == NULL)
			p->edition = text_get(k);
		else if (is_el(k, EL_PERIOD) && p->period_line == 0) {
			p->start = get_date(k, "start");
			p->end = get_date(k, "end");
			p->period_line = line_of(k);
		} else if (is_el(k, EL_COORDINATORS))
			build_coordinators(c, k);
		else if (is_el(k, EL_MATCHING)) {
			for (const xmlNode *q = k->children; q != NULL;
			    q = q->next)
				if (is_el(q, EL_RULES) &&
				    xmlHasNsProp(q, (const xmlChar *)
				    "different-org", NULL))
					diff_given = true;
			build_matching(c, k);
		} else if (is_el(k, EL_EVENTS))
			build_events(c, k);
		else if (is_el(k, EL_SIGNATORIES))
			build_signatories(c, k);
		else if (is_el(k, EL_EVALUATION))
			build_evaluation(c, k);
		else if (is_el(k, EL_OUTCOMES))
			build_outcomes(c, k);
		else if (is_el(k, EL_TANDEMS) && p->tandems_line == 0) {
			p->tandems_line = line_of(k);
			p->tandem_source = TANDEMS_INLINE;
			build_tandems(c, k);
		}
	}
	if (!diff_given)
		p->rules.different_org = p->kind == KIND_CROSS;
	if (p->title == NULL)
		p->title = xstrdup("");
}

/* ---------------------------------------------------------------- */
/* The entry point */

/* dir + "/" + name, without doubling slashes; "." gives name alone. */
static char *
path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* The folder part of a file path ("." if none). */
static char *
path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * Load DIR/tandems.xml into p (p->tandems_file is its name). Returns the
 * document (for the schema check at the end) or NULL.
 */
static xmlDocPtr
load_tandems_file(struct programme *p, int *rc)
{
	struct ctx c = { p, p->tandems_file, 0, NULL, 0 };
	xmlDocPtr doc;
	xmlNodePtr root;

	if ((doc = xml_load(&c, p->tandems_file, rc)) == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc);
	check_root(&c, root, EL_TANDEMS);
	err_flush(&c);
	if (c.errors == 0) {
		p->tandem_source = TANDEMS_FILE;
		p->tandems_line = line_of(root);
		index_people(&c);
		build_tandems(&c, root);
	}
	free(c.people);
	return doc;
}

/*
 * The common part of load_programme() and load_programme_buf(): p has dir
 * and file set; buf is the contents of p->file (NULL: read the file), and
 * tandems.xml is looked for only when with_tandems is true. Frees p on
 * failure.
 */
static struct programme *
load_common(struct programme *p, const char *buf, size_t len,
    bool with_tandems, int *exit_code)
{
	struct ctx c, tc;
	xmlDocPtr doc, tdoc = NULL;
	xmlNodePtr root;
	unsigned long errors0 = diag_count(DIAG_ERROR);
	int rc = 0;
	char *tf;
	const char *base;

	c = (struct ctx){ p, p->file, 0, NULL, 0 };
	doc = buf != NULL ? xml_parse(&c, xstrndup(buf, len), len, &rc) :
	    xml_load(&c, p->file, &rc);
	if (doc == NULL)
		goto fail;
	root = xmlDocGetRootElement(doc);
	check_root(&c, root, EL_PROGRAMME);
	err_flush(&c);
	if (root == NULL || root->ns != NULL ||
	    el_lookup(name_of(root)) != EL_PROGRAMME) {
		doc_free(doc);
		goto fail;
	}
	build_programme(&c, root);
	free(c.people);
	c.people = NULL;

	/* tandems.xml belongs to a programme folder: not looked for beside
	 * a file given under another name (e.g. cohort-2023.xml), nor for a
	 * programme given as bytes. */
	tf = path_join(p->dir, "tandems.xml");
	base = strrchr(p->file, '/');
	base = base != NULL ? base + 1 : p->file;
	if (with_tandems && strcmp(base, "programme.xml") == 0 &&
	    file_exists(tf)) {
		if (p->tandem_source == TANDEMS_INLINE) {
			diag(DIAG_ERROR, p->file, p->tandems_line, 0,
			    "fixed tandems are given both here and in %s; "
			    "keep one", tf);
			free(tf);
		} else {
			p->tandems_file = tf;
			tdoc = load_tandems_file(p, &rc);
		}
	} else
		free(tf);
	validate_programme(p);

	/*
	 * The schema has the last word: whatever it rejects that the checks
	 * above let through is an error too (worded as libxml2 words it).
	 */
	if (diag_count(DIAG_ERROR) == errors0) {
		tc = (struct ctx){ p, p->tandems_file, 0, NULL, 0 };
		if (!check_schema(&c, doc) ||
		    (tdoc != NULL && !check_schema(&tc, tdoc))) {
			diag(DIAG_ERROR, NULL, 0, 0, "internal error: the "
			    "built-in schema cannot be used");
			rc = EX_SOFTWARE;
		}
	}
	doc_free(doc);
	doc_free(tdoc);
	if (diag_count(DIAG_ERROR) > errors0)
		goto fail;
	*exit_code = 0;
	return p;
fail:
	*exit_code = rc ? rc : EX_DATAERR;
	programme_free(p);
	return NULL;
}

struct programme *
load_programme(const char *path, int *exit_code)
{
	struct programme *p;

	if (dir_exists(path)) {
		p = programme_new();
		p->dir = xstrdup(path);
		p->file = path_join(path, "programme.xml");
	} else if (file_exists(path)) {
		p = programme_new();
		p->dir = path_dir(path);
		p->file = xstrdup(path);
	} else {
		diag(DIAG_ERROR, path, 0, 0, "no such programme folder or "
		    "file");
		*exit_code = EX_NOINPUT;
		return NULL;
	}
	return load_common(p, NULL, 0, true, exit_code);
}

struct programme *
load_programme_buf(const char *buf, size_t len, const char *name,
    int *exit_code)
{
	struct programme *p = programme_new();
	struct programme *r;
	char *copy = xmalloc(len + 1);

	memcpy(copy, buf, len);
	copy[len] = '\0';
	p->dir = xstrdup(".");
	p->file = xstrdup(name);
	r = load_common(p, copy, len, false, exit_code);
	free(copy);
	return r;
}
