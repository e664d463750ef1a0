/*
 * The programme's words for hyphenation (see docs_hyph.h): its own list
 * and the names in its data. "Reck-linghausen" and "Gelsenkir-chen" read
 * as errors; a place or a person is never divided.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "docs/docs_hyph.h"
#include "layout/layout.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/* Enter s, when set, as words never hyphenated. */
static void
keep(struct layout_run *run, const char *s)
{
	if (s != NULL && *s != '\0')
		layout_hyph_keep(run, s);
}

int
docs_hyphenation(const struct programme *p, const char *dir,
    struct layout_run *run)
{
	size_t n = strlen(dir), len;
	char *path, *text;
	int rc = 0;

	for (size_t i = 0; i < p->norgs; i++) {
		keep(run, p->orgs[i].name);
		keep(run, p->orgs[i].short_name);
	}
	keep(run, p->place);
	for (size_t i = 0; i < p->nevents; i++)
		keep(run, p->events[i].place);
	for (size_t i = 0; i < p->ncoordinators; i++)
		keep(run, p->coordinators[i].name);
	for (size_t i = 0; i < p->npeople; i++) {
		keep(run, p->people[i].given);
		keep(run, p->people[i].family);
	}
	path = strcmp(dir, ".") == 0 ? xstrdup(DOCS_HYPH_FILE) :
	    xasprintf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/",
	    DOCS_HYPH_FILE);
	if (file_exists(path)) {
		if ((text = file_read_in(dir, path, FILEIO_MAX_TEXT, &len)) ==
		    NULL) {
			diag(file_refused(errno) ? DIAG_ERROR : DIAG_NOINPUT,
			    path, 0, 0, "cannot read: %s", file_why(errno));
			rc = -1;
		} else {
			if (layout_hyph_words(run, p->lang == LANG_EN ? "en" :
			    "de", path, text, len) > 0)
				rc = -1;
			free(text);
		}
	}
	free(path);
	return rc;
}
