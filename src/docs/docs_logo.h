/*
 * The one check of the logos: which of the organisations' logos and of a
 * template's a run can use. The documents draw only the logos it leaves.
 */
#ifndef DOCS_DOCS_LOGO_H
#define DOCS_DOCS_LOGO_H

#include "load/model.h"

struct template;
struct layout_run;

/*
 * Check each organisation logo of p (named relative to dir): a missing or
 * unreadable file gets a warning, a file that is no complete, usable PNG
 * or JPEG an error, each with the organisation's line, and is left out of
 * every document (its logo is cleared in p). The images read are kept in
 * run for drawing (NULL: none kept). Call once per run, before anything
 * is composed. 0, or -1 after an error.
 */
int	docs_check_logos(struct programme *p, const char *dir,
	    struct layout_run *run);

/*
 * Check the logo of template t, if it has one: a path relative to the
 * programme folder dir is made relative to the working folder; a missing or
 * unusable file is reported once at the template's <logo> line (a warning,
 * an error for a damaged image as docs_check_logos()) and left out
 * (t->logo cleared). Called when the template is read, not by each
 * document drawn with it. 0, or -1 after an error.
 */
int	docs_check_template_logo(struct template *t, const char *dir);

#endif
