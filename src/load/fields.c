/*
 * Fields (professions) of people: the comparison of the same-field rule
 * (as the matching core compares them: trimmed, case folded) and the
 * warnings `check` gives where that rule is on (tandem-programme(5),
 * RULES): people without a field, and spellings of one field that differ
 * only in case, spacing or an ending ("Informatik" / "Informatiker").
 */
#include <stdlib.h>
#include <string.h>

#include "load/fields.h"
#include "match/match.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/*
 * s folded into sb: case folded; with loose, every space, hyphen and
 * slash left out, else only the leading and trailing spaces.
 */
static void
fold_into(const char *s, bool loose, struct strbuf *sb)
{
	size_t	 n = strlen(s);
	char	 enc[4];

	while (n > 0 && is_space(s[n - 1]))
		n--;
	while (n > 0 && is_space(*s)) {
		s++;
		n--;
	}
	while (n > 0) {
		uint32_t cp;
		size_t	 k = utf8_decode(s, n, &cp);

		if (k == 0)
			k = 1;
		s += k;
		n -= k;
		if (loose && (is_space((char)cp) || cp == '-' || cp == '/'))
			continue;
		sb_add(sb, enc, utf8_encode(match_fold_cp(cp), enc));
	}
}

bool
field_same(const char *a, const char *b)
{
	struct strbuf x = STRBUF_INIT, y = STRBUF_INIT;
	bool	 eq;

	fold_into(a, false, &x);
	fold_into(b, false, &y);
	eq = strcmp(sb_str(&x), sb_str(&y)) == 0;
	sb_free(&x);
	sb_free(&y);
	return eq;
}

/*
 * The loose key of a field: folded, without spaces and hyphens, and
 * without up to two German endings ("Pflegerin" -> "pfleg", "Informatiker"
 * -> "informatik"), keeping at least three bytes.
 */
static char *
loose_key(const char *s)
{
	static const char *const endings[] = { "innen", "in", "er", "en",
	    "e", "n", "s" };
	struct strbuf sb = STRBUF_INIT;
	char	*k;
	size_t	 n;

	fold_into(s, true, &sb);
	k = xstrdup(sb_str(&sb));
	sb_free(&sb);
	n = strlen(k);
	for (int round = 0; round < 2; round++)
		for (size_t e = 0; e < sizeof(endings) / sizeof(*endings);
		    e++) {
			size_t	 m = strlen(endings[e]);

			if (n >= m + 3 && strcmp(k + n - m, endings[e]) == 0) {
				n -= m;
				k[n] = '\0';
				break;
			}
		}
	return k;
}

/* A participant who takes part (not withdrawn). */
static bool
taking_part(const struct person *q)
{
	return q->status != STATUS_WITHDRAWN;
}

void
fields_check(const struct programme *p)
{
	struct strmap spelling = STRMAP_INIT, loose = STRMAP_INIT;
	size_t	 missing = 0;

	if (!p->rules.same_field)
		return;
	for (size_t k = 0; k < p->npeople; k++) {
		const struct person *q = &p->people[k];

		if (!taking_part(q) || (q->field != NULL &&
		    strspn(q->field, " \t\r\n") < strlen(q->field)))
			continue;
		if (++missing > 20)
			continue;
		diag_subject(DIAG_WARNING, p->file, q->line, 0,
		    DIAG_SUBJ_PERSON, q->id, "%s %s has no field: the "
		    "same-field rule cannot apply to them, so they may be "
		    "paired with %s of any field; give field=\"...\"",
		    q->role == ROLE_MENTEE ? "mentee" : "mentor", q->id,
		    q->role == ROLE_MENTEE ? "a mentor" : "mentees");
	}
	if (missing > 20)
		diag(DIAG_WARNING, p->file, p->people_line, 0, "%zu more "
		    "participants have no field", missing - 20);
	/* Spellings of one field: each new spelling against the first
	 * spelling of its loose key. */
	for (size_t k = 0; k < p->npeople; k++) {
		const struct person *q = &p->people[k], *o;
		size_t	 j;
		char	*key;

		if (!taking_part(q) || q->field == NULL ||
		    !strmap_add(&spelling, q->field, k))
			continue;
		key = loose_key(q->field);
		if (!strmap_get(&loose, key, &j))
			strmap_add(&loose, key, k);
		else {
			o = &p->people[j];
			diag_subject(DIAG_WARNING, p->file, q->line, 0,
			    DIAG_SUBJ_PERSON, q->id, "field \"%s\" of %s and "
			    "\"%s\" of %s (line %ld) differ only in case, "
			    "spacing or an ending: %s; write them alike",
			    q->field, q->id, o->field, o->id, o->line,
			    field_same(o->field, q->field) ?
			    "the same-field rule takes them as one field" :
			    "the same-field rule keeps them apart");
		}
		free(key);
	}
	strmap_free(&spelling);
	strmap_free(&loose);
}
