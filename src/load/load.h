/*
 * Loading a programme: programme.xml (and tandems.xml beside it) read
 * safely, checked against the built-in schema, turned into the model of
 * model.h and validated. This is the one entry point every command uses to
 * get at a programme's data.
 */
#ifndef LOAD_LOAD_H
#define LOAD_LOAD_H

#include "load/model.h"

/*
 * Load the programme at path: a programme folder (reads PATH/programme.xml
 * and, if present, PATH/tandems.xml) or a programme file (tandems.xml is
 * then looked for in the file's folder only if the file is named
 * programme.xml; cohort-2023.xml is read alone). Every problem found is reported
 * through diag() with file and line, not just the first, and the returned
 * programme has passed validate_programme().
 *
 * Returns the programme (owned by the caller: programme_free()), also when
 * warnings were reported; or NULL after errors: DIAG_NOINPUT (no such
 * folder or file, unreadable) or DIAG_ERROR (invalid UTF-8, not
 * well-formed, schema or semantic errors).
 *
 * Safety: the file is read whole (at most FILEIO_MAX_INPUT bytes), must be
 * UTF-8, must not contain a DOCTYPE; libxml2 never touches the network or
 * any other file and expands no entities (load/xml.h). Not thread-safe
 * (libxml2's error hooks are process-wide; they are restored after each
 * call).
 */
struct programme	*load_programme(const char *path);

/*
 * The longest value of one data field, in characters: every text
 * attribute and element text, every id. Longer than any document prints
 * (a certificate is one page) and far below the PDF string limit
 * (32,767 characters), so a build never fails on a field check accepted.
 */
#define LOAD_MAX_FIELD	1000

/* Is s an id as programme.xml takes it: letters, digits, '-', '_'? */
bool	load_id_ok(const char *s);

/*
 * Load a programme from the len bytes at buf (need not end in a NUL),
 * named name in messages, exactly as load_programme() loads a file, but
 * with no tandems.xml and no file access at all (p->dir is "."). Used by
 * the fuzzers and by callers that hold the data in memory. Same results
 * and ownership as load_programme().
 */
struct programme	*load_programme_buf(const char *buf, size_t len,
			    const char *name);

/*
 * Check everything about a loaded programme that a schema cannot: id
 * syntax and uniqueness, references (p->dangling, with a suggestion of the
 * closest existing id), value ranges, dates and period, roles and hard rules
 * of pins, forbidden pairs and fixed tandems, capacities. Reports each
 * problem through diag() and returns the number of errors (warnings are not
 * counted). Usable on programmes built by other means (e.g. CSV import).
 */
int	validate_programme(const struct programme *);

/*
 * Is buf a programme.xml or tandems.xml that the built-in schema accepts
 * (UTF-8, no DOCTYPE, well-formed, valid)? Reports nothing. Returns 1 or 0,
 * or -1 if the built-in schema cannot be used. For tests and for tools
 * that write programme data (import) to check their output.
 */
int	load_schema_valid(const char *buf, size_t len);

#endif
