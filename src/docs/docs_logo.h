/*
 * The one check of the organisations' logos: which of them a run can use.
 * The documents draw only the logos it leaves.
 */
#ifndef DOCS_DOCS_LOGO_H
#define DOCS_DOCS_LOGO_H

#include "load/model.h"

/*
 * Check each organisation logo of p (named relative to dir): a missing
 * file or one that is not a readable PNG or JPEG is reported with the
 * organisation's line and left out of every document (its logo is
 * cleared in p). Call once per run, before anything is composed.
 */
void	docs_check_logos(struct programme *p, const char *dir);

#endif
