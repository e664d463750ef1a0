/*
 * The one check of the logos (see docs_logo.h): the organisations' and a
 * template's, for tandem build and tandem check alike.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "docs/docs_logo.h"
#include "layout/template.h"
#include "layout/layout.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

int
docs_check_logos(struct programme *p, const char *dir,
    struct layout_run *run)
{
	int rc = 0;

	for (size_t i = 0; i < p->norgs; i++) {
		struct org *o = &p->orgs[i];
		char *path;
		const char *err = NULL;
		int w, h, got;

		if (o->logo == NULL)
			continue;
		path = xasprintf("%s/%s", dir, o->logo);
		errno = 0;
		if (!file_exists(path))
			diag_subject(DIAG_WARNING, p->file, o->line, 0,
			    DIAG_SUBJ_ORGANISATION, o->id, "logo %s of "
			    "organisation '%s': no such file in %s; left out "
			    "(put the "
			    "file there or remove the logo attribute)",
			    o->logo, o->id, dir);
		else if (file_inside(dir, path) != 1)
			diag_subject(DIAG_WARNING, p->file, o->line, 0,
			    DIAG_SUBJ_ORGANISATION, o->id, "logo %s of "
			    "organisation '%s' lies outside the programme "
			    "folder (a link or a path leads out of it); left "
			    "out (copy the file into %s and name it relative "
			    "to it)", o->logo, o->id, dir);
		else if ((got = layout_image_size(run, path, &w, &h,
		    &err)) == -2) {
			/* A damaged image would make damaged PDFs. */
			diag_subject(DIAG_ERROR, p->file, o->line, 0,
			    DIAG_SUBJ_ORGANISATION, o->id, "logo %s of "
			    "organisation '%s' is %s", o->logo, o->id, err);
			rc = -1;
		} else if (got != 0 || w <= 0 || h <= 0)
			diag_subject(DIAG_WARNING, p->file, o->line, 0,
			    DIAG_SUBJ_ORGANISATION, o->id, "logo %s of "
			    "organisation '%s' cannot be used: %s; left out "
			    "(replace it by "
			    "a PNG or JPEG file or remove the logo attribute)",
			    o->logo, o->id, err ? err : errno ?
			    strerror(errno) : "no image size");
		else {
			free(path);
			continue;
		}
		free(path);
		free(o->logo);
		o->logo = NULL;
	}
	return rc;
}

int
docs_check_template_logo(struct template *t, const char *dir)
{
	const char *err = NULL;
	int w, h, got;

	if (t->logo == NULL)
		return 0;
	/* The logo is named relative to the programme folder, and lies
	 * inside it. */
	if (t->logo[0] == '/') {
		diag_subject(DIAG_WARNING, t->file, t->logo_line, 0,
		    DIAG_SUBJ_TEMPLATE, t->file, "logo %s: an absolute path; "
		    "left out (copy the file into the programme folder and "
		    "name it relative to it)", t->logo);
		free(t->logo);
		t->logo = NULL;
		return 0;
	} else {
		char *logo = xasprintf("%s/%s", dir, t->logo);

		free(t->logo);
		t->logo = logo;
	}
	errno = 0;
	if (file_exists(t->logo) && file_inside(dir, t->logo) != 1) {
		diag_subject(DIAG_WARNING, t->file, t->logo_line, 0,
		    DIAG_SUBJ_TEMPLATE, t->file, "logo %s lies outside the "
		    "programme folder (a link or a path leads out of it); "
		    "left out (copy the file into the folder and name it "
		    "relative to it)", t->logo);
		free(t->logo);
		t->logo = NULL;
		return 0;
	}
	errno = 0;
	if ((got = layout_image_size(NULL, t->logo, &w, &h, &err)) == 0)
		return 0;
	if (got == -2)
		diag_subject(DIAG_ERROR, t->file, t->logo_line, 0,
		    DIAG_SUBJ_TEMPLATE, t->file, "logo %s is %s", t->logo,
		    err);
	else
		diag_subject(DIAG_WARNING, t->file, t->logo_line, 0,
		    DIAG_SUBJ_TEMPLATE, t->file, "logo %s: %s; left out (put "
		    "the file there or remove <logo>)", t->logo, err ? err :
		    errno ? strerror(errno) : "no image size");
	free(t->logo);
	t->logo = NULL;
	return got == -2 ? -1 : 0;
}
