/*
 * The one check of the logos: which of the organisations' logos and of a
 * template's a run can use. The documents draw only the logos it leaves.
 */
#ifndef DOCS_DOCS_LOGO_H
#define DOCS_DOCS_LOGO_H

#include "load/model.h"

struct template;

/*
 * Check each organisation logo of p (named relative to dir): a missing
 * file or one that is not a readable PNG or JPEG is reported with the
 * organisation's line and left out of every document (its logo is
 * cleared in p). Call once per run, before anything is composed.
 */
void	docs_check_logos(struct programme *p, const char *dir);

/*
 * Check the logo of template t, if it has one: a path relative to the
 * programme folder dir is made relative to the working folder; a missing or
 * unusable file is reported once at the template's <logo> line and left
 * out (t->logo cleared). Called when the template is read, not by each
 * document drawn with it.
 */
void	docs_check_template_logo(struct template *t, const char *dir);

#endif
