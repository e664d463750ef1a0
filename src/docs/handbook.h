/*
 * The handbook: title page, table of contents, the chapters of the
 * programme (DIR/handbook/NAME.md in file-name order, else the built-in
 * sample chapters) and the generated chapters (participants, tandems,
 * events, contacts), composed into a document tree. docs_build_handbook()
 * (docs.h) writes it.
 */
#ifndef DOCS_HANDBOOK_H
#define DOCS_HANDBOOK_H

#include "layout/doc.h"
#include "load/model.h"

/*
 * Compose the handbook of programme p. Returns the document, or NULL
 * after error diagnostics (unreadable or invalid chapter files).
 */
struct doc	*handbook_compose(const struct programme *p);

#endif
