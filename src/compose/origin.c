/*
 * Finding a character in the programme's data (see origin.h).
 */
#include <stdio.h>
#include <string.h>

#include "compose/origin.h"
#include "util/utf8.h"

/* Whether the UTF-8 string s (NULL = empty) contains code point cp. */
static bool
has_cp(const char *s, uint32_t cp)
{
	size_t len, i = 0, k;
	uint32_t c;

	if (s == NULL)
		return false;
	len = strlen(s);
	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &c)) == 0) {
			i++;
			continue;
		}
		if (c == cp)
			return true;
		i += k;
	}
	return false;
}

/* Set the answer: the programme file, a line, a description. */
static bool
found(const struct programme *p, long line, const char **file, long *pline,
    char *what, size_t whatsz, const char *fmt, const char *a, const char *b)
{
	*file = p->file;
	*pline = line;
	snprintf(what, whatsz, fmt, a, b != NULL ? b : "");
	return true;
}

bool
compose_origin(void *arg, uint32_t cp, const char **file, long *line,
    char *what, size_t whatsz)
{
	const struct programme *p = arg;
	size_t i;

	if (p == NULL)
		return false;
	for (i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		if (has_cp(q->given, cp) || has_cp(q->family, cp) ||
		    has_cp(q->title, cp))
			return found(p, q->line, file, line, what, whatsz,
			    "the name of person %s%s", q->id, NULL);
		if (has_cp(q->unit, cp) || has_cp(q->position, cp) ||
		    has_cp(q->field, cp))
			return found(p, q->line, file, line, what, whatsz,
			    "the details of person %s%s", q->id, NULL);
	}
	for (i = 0; i < p->norgs; i++)
		if (has_cp(p->orgs[i].name, cp) ||
		    has_cp(p->orgs[i].short_name, cp))
			return found(p, p->orgs[i].line, file, line, what,
			    whatsz, "the name of organisation %s%s",
			    p->orgs[i].id, NULL);
	for (i = 0; i < p->ntopics; i++)
		if (has_cp(p->topics[i].label, cp))
			return found(p, p->topics[i].line, file, line, what,
			    whatsz, "topic %s%s", p->topics[i].id, NULL);
	for (i = 0; i < p->ncoordinators; i++)
		if (has_cp(p->coordinators[i].name, cp))
			return found(p, p->coordinators[i].line, file, line,
			    what, whatsz, "the name of coordinator %s%s",
			    p->coordinators[i].name, NULL);
	for (i = 0; i < p->nsignatories; i++)
		if (has_cp(p->signatories[i].name, cp) ||
		    has_cp(p->signatories[i].office, cp))
			return found(p, p->signatories[i].line, file, line,
			    what, whatsz, "signatory %s%s",
			    p->signatories[i].name, NULL);
	for (i = 0; i < p->nevents; i++)
		if (has_cp(p->events[i].title, cp) ||
		    has_cp(p->events[i].place, cp))
			return found(p, p->events[i].line, file, line, what,
			    whatsz, "event \"%s\"%s", p->events[i].title, NULL);
	if (has_cp(p->title, cp) || has_cp(p->edition, cp) ||
	    has_cp(p->place, cp))
		return found(p, p->line, file, line, what, whatsz,
		    "the programme's title, edition or place%s%s", "", NULL);
	return false;
}
