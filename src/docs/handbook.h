/*
 * The handbook: title page, table of contents and the chapters of the
 * programme (DIR/handbook/NAME.md in file-name order, else the built-in
 * sample chapters), composed into a document tree.
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
