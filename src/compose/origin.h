/*
 * Where a character in a document came from in the programme's data: the
 * layout engine asks this when a character is in no font, so that the
 * warning names the programme.xml line to correct (the person's name, an
 * organisation, a topic) instead of the built-in text the value was
 * inserted into.
 */
#ifndef COMPOSE_ORIGIN_H
#define COMPOSE_ORIGIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load/model.h"

/*
 * Look for code point cp in the printed fields of programme arg (a const
 * struct programme *): people's names, units, positions and fields,
 * organisations, topics, coordinators, signatories, events, the
 * programme's title, edition and place. If found, set *file (the
 * programme file) and *line (the record's line) and write a description
 * such as "the name of person p03" into what (size whatsz), and return
 * true; else false with nothing set. The signature is layout.h's
 * layout_origin_fn.
 */
bool	compose_origin(void *arg, uint32_t cp, const char **file, long *line,
	    char *what, size_t whatsz);

#endif
