/*
 * Certificate numbers: unique and stable for a person in a programme.
 *
 * The number is "<programme id>/<person id>-<check>", e.g.
 * "ccm-2022/p01-K7Q3". Ids cannot contain '/', so the two ids are always
 * recovered unambiguously, and since person ids are unique in a programme
 * and the number depends on nothing else, it is unique and the same on
 * every run. The check is four characters of Crockford's base-32 alphabet
 * (no I, L, O, U) taken from a 32-bit FNV-1a hash of both ids: a mistyped
 * number is caught with high probability when it is verified against the
 * programme's data.
 */
#ifndef COMPOSE_CERTNO_H
#define COMPOSE_CERTNO_H

#include "load/model.h"

/* The certificate number of a person; the caller frees it. */
char	*certno_make(const char *programme_id, const char *person_id);

/* The check part alone, written as 4 characters plus NUL into out. */
void	 certno_check(const char *programme_id, const char *person_id,
	    char out[5]);

#endif
