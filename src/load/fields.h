/*
 * Fields (professions) of people: the comparison of the same-field rule
 * and the warnings `check` gives about fields where that rule is on.
 */
#ifndef LOAD_FIELDS_H
#define LOAD_FIELDS_H

#include <stdbool.h>

#include "load/model.h"

/* Are a and b the same field for the same-field rule (trimmed, case
 * folded as the matching core does)? */
bool	field_same(const char *a, const char *b);

/*
 * With rules@same-field on, warn (file and line) about each participant
 * without a field and each spelling of a field that differs from an
 * earlier one only in case, spacing or an ending.
 */
void	fields_check(const struct programme *p);

#endif
