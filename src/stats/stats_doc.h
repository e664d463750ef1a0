/*
 * The statistics as a document tree for the layout engine (statistics.pdf).
 */
#ifndef STATS_STATS_DOC_H
#define STATS_STATS_DOC_H

#include "layout/doc.h"
#include "layout/template.h"
#include "stats/stats.h"

/*
 * Compose s (protected or not, as computed) with the "as of" date into a
 * new document: tables with their notes, a bar chart per one-column
 * table, the methods note. Text is measured in the fonts of template tpl
 * that will set it (NULL: estimated). The caller frees it with
 * doc_free().
 */
struct doc	*stats_doc(const struct stats *, struct date asof,
		    const struct template *tpl);

#endif
