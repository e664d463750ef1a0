/*
 * The one safe XML reader of tandem: programmes, templates, and any other
 * XML it reads. Only src/load/ includes libxml2; other modules read a
 * parsed document through the read-only node API below.
 *
 * Safety, the same for every document: the bytes must be UTF-8 and carry
 * no DOCTYPE (refused before libxml2 sees them); libxml2 never touches the
 * network or any file and expands no entities. Every problem is reported
 * through diag() with file and line, worded for the people who edit the
 * files. libxml2's error hooks and entity loader are set for each call and
 * restored afterwards, so documents can be read one after another in one
 * process and the hooks of other users of libxml2 stay as they were. Not
 * thread-safe.
 */
#ifndef LOAD_XML_H
#define LOAD_XML_H

#include <stdbool.h>
#include <stddef.h>

struct xml_doc;		/* a parsed document and its source text */
struct xml_node;	/* an element, attribute, text or other node */

enum xml_type {
	XML_TYPE_ELEMENT,
	XML_TYPE_ATTRIBUTE,
	XML_TYPE_TEXT,		/* text and CDATA */
	XML_TYPE_OTHER,		/* comments, processing instructions */
	XML_TYPE__MAX
};

/*
 * Parse the len bytes at buf (copied; need not end in a NUL), named file
 * in messages. Returns the document (free with xml_free()), or NULL after
 * reporting the problem (empty, invalid UTF-8, a DOCTYPE, not
 * well-formed).
 */
struct xml_doc	*xml_read(const char *file, const char *buf, size_t len);

/*
 * Read the file at path (at most FILEIO_MAX_INPUT bytes) and parse it with
 * xml_read(). Returns the document, or NULL after reporting the problem
 * (DIAG_NOINPUT when it cannot be read).
 */
struct xml_doc	*xml_read_file(const char *path);

/* xml_read_file() of a file the programme folder dir names, through the
 * confined opener (file_read_in()). */
struct xml_doc	*xml_read_file_in(const char *dir, const char *path);

/*
 * Validate the document against the RELAX NG schema built into the binary
 * under the resource name schema (e.g. "schema/template.rng"). When report
 * is true, each error (at most 20) is reported as "does not match the
 * schema: ..." with its line. Returns the number of errors, or -1 if the
 * schema itself cannot be used.
 */
int		 xml_validate(const struct xml_doc *, const char *schema,
		    bool report);

void		 xml_free(struct xml_doc *);

/* The root element, or NULL. */
const struct xml_node	*xml_root(const struct xml_doc *);

/*
 * Nodes, valid as long as their document. xml_children() gives the first
 * child of an element (text and comments included), xml_attrs() its first
 * attribute; xml_next() the following sibling (the next attribute, for an
 * attribute); each NULL at the end.
 */
const struct xml_node	*xml_children(const struct xml_node *);
const struct xml_node	*xml_attrs(const struct xml_node *);
const struct xml_node	*xml_next(const struct xml_node *);

enum xml_type	 xml_type(const struct xml_node *);

/* The name of an element or attribute (without prefix); "" otherwise. */
const char	*xml_name(const struct xml_node *);

/* The namespace URI of an element or attribute, or NULL for none. */
const char	*xml_ns(const struct xml_node *);

/*
 * The line of a node: for an element the line its start tag begins on,
 * for an attribute its element's; 0 if unknown.
 */
long		 xml_line(const struct xml_node *);

/*
 * The line libxml2 records: for an element the line its start tag ends on
 * (where its last attributes are), for other nodes where they end; an
 * attribute's is its element's. 0 if unknown.
 */
long		 xml_end_line(const struct xml_node *);

/* The text content of a node (an element's text, all of it), xmalloc'd. */
char		*xml_text(const struct xml_node *);

/* The value of the attribute name (not in a namespace) of an element,
 * xmalloc'd, or NULL if it has none. */
char		*xml_attr(const struct xml_node *, const char *name);

#endif
