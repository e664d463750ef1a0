/*
 * The programme's words for hyphenation: its own list, hyphenation.txt in
 * the programme folder, and the names in its data, which are never
 * hyphenated (tandem-texts(5), HYPHENATION).
 */
#ifndef DOCS_DOCS_HYPH_H
#define DOCS_DOCS_HYPH_H

#include "load/model.h"

struct layout_run;

/* The name of the programme's own list in its folder. */
#define DOCS_HYPH_FILE	"hyphenation.txt"

/*
 * Read dir/hyphenation.txt, if there is one, through the confined opener
 * and enter its words into run (errors with file and line), and enter the
 * names of the people, organisations, coordinators and places of p as
 * words never hyphenated. Call once per run, before anything is laid
 * out. Returns 0, or -1 after an error diagnostic.
 */
int	docs_hyphenation(const struct programme *p, const char *dir,
	    struct layout_run *run);

#endif
