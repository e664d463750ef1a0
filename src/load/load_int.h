/*
 * Shared by the files of src/load/ only: libxml2's tree behind the reader
 * (xml.c), the element table (elements.c), the state of loading one file
 * and the helpers the structure checks (structure.c) and the model builder
 * (build.c) both use.
 */
#ifndef LOAD_LOAD_INT_H
#define LOAD_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/tree.h>

#include "load/load.h"
#include "load/xml.h"
#include "util/strbuf.h"

/* A parsed document: libxml2's tree and the source text, kept so that
 * messages can name the line where a start tag begins (libxml2 records
 * the line where it ends). doc->_private points back here. */
struct xml_doc {
	xmlDocPtr	 doc;
	char		*file;		/* the name in messages */
	char		*buf;		/* the source, NUL-terminated */
	size_t		 len;
	size_t		*ls;		/* ls[i]: offset where line i + 1 starts */
	size_t		 nls;
};

/*
 * Parse buf[0..len) (buf[len] is a NUL) safely, as xml_read() does; takes
 * over buf. With quiet, nothing is reported. NULL on any problem.
 */
struct xml_doc	*xml_parse(const char *file, char *buf, size_t len,
		    bool quiet);

/* The line where n starts (elements: the line of "<name"), or 0. */
long		 xml_line_of(const xmlNode *n);

/* Kinds of attribute value (checked in structure.c). */
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

/* The table itself, indexed by enum el (elements.c). */
extern const struct elem_spec	load_elems[EL__MAX];

/* "true", "false" (rules@different-org, same-field, spread). */
extern const char *const	load_v_bool[];

/* The element kind of a name, or EL__MAX for an unknown name. */
enum el		 load_el_lookup(const char *name);

/* "a, b or c" from a NULL-terminated list. */
void		 load_list_words(struct strbuf *, const char *const *v);

/* Index of s in the NULL-terminated list v, or -1. */
int		 load_enum_index(const char *s, const char *const *v);

/* Is s a whole number (optional sign, digits)? Stores it in *out. */
bool		 load_parse_int(const char *s, long *out);

/* Is s a decimal number like 2, 1.5 or .5 (no exponent)? */
bool		 load_parse_num(const char *s, double *out);

static inline const char *
name_of(const xmlNode *n)
{
	return (const char *)n->name;
}

/* node.c: report an error at node n (NULL: no line) of the current file and
 * count it (the sink caps what is printed per file). */
void		 load_err(struct ctx *, const xmlNode *n, const char *fmt,
		    ...) __attribute__((format(printf, 3, 4)));

/* Trim and collapse white space (XML's space, tab, CR, LF) in place
 * (elements.c). */
char		*load_squeeze(char *s);

/* The attribute's value, white space squeezed, xmalloc'd; NULL if absent. */
char		*load_attr(const xmlNode *n, const char *name);

/* The element's text, white space squeezed, xmalloc'd (never NULL). */
char		*load_text(const xmlNode *n);

/* Check the root element: the right name, no namespace, then its tree
 * (structure.c). */
void		 load_check_root(struct ctx *, const xmlNode *root, enum el);

/* Index the people by id, once they are all built (build.c). */
void		 load_index_people(struct ctx *);

/* Build the programme from a checked <programme>, or the fixed tandems
 * from a checked <tandems> (build.c). */
void		 load_build_programme(struct ctx *, const xmlNode *root);
void		 load_build_tandems(struct ctx *, const xmlNode *n);

#endif
