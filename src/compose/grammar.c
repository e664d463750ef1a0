/*
 * Number words and part-of-whole phrases that agree with their noun.
 */
#include <stddef.h>

#include "compose/grammar.h"
#include "compose/labels.h"

/* German "ein" before a noun, [genus][case]. */
static const char *const ein[GENUS__MAX][GCASE__MAX] = {
	[GENUS_ANY] = { "ein", "ein", "einem" },
	[GENUS_M] = { "ein", "einen", "einem" },
	[GENUS_F] = { "eine", "eine", "einer" },
	[GENUS_N] = { "ein", "ein", "einem" },
};

/* German "ein" standing for its noun (no noun follows), [genus][case]. */
static const char *const einer[GENUS__MAX][GCASE__MAX] = {
	[GENUS_ANY] = { "eins", "eins", "einem" },
	[GENUS_M] = { "einer", "einen", "einem" },
	[GENUS_F] = { "eine", "eine", "einer" },
	[GENUS_N] = { "eines", "eines", "einem" },
};

#define CLAMP(v, max)	((unsigned)(v) < (unsigned)(max) ? (v) : 0)

const char *
grammar_number(enum lang l, long n, enum genus g, enum gcase c)
{
	g = CLAMP(g, GENUS__MAX);
	c = CLAMP(c, GCASE__MAX);
	if (n < 0 || n > LABEL_WORDS_MAX)
		return NULL;
	if (l == LANG_EN)
		return n == 0 ? "no" : label_number_word(l, n, false);
	/* No count reads "null": none is "keine" (plural, as its noun). */
	if (n == 0)
		return c == GCASE_DAT ? "keinen" : "keine";
	if (n == 1)
		return ein[g][c];
	return label_number_word(l, n, false);
}

/* The noun after a count: singular for one, plural otherwise. */
static void
add_noun(struct strbuf *out, long n, const char *sg, const char *pl)
{
	if (sg == NULL)
		return;
	sb_addc(out, ' ');
	sb_adds(out, n == 1 ? sg : pl != NULL ? pl : sg);
}

void
grammar_count(struct strbuf *out, enum lang l, long n, enum genus g,
    enum gcase c, const char *sg, const char *pl)
{
	const char *w = grammar_number(l, n, g, c);

	if (w == NULL)
		sb_addf(out, "%ld", n);
	else if (sg == NULL && l == LANG_EN && n == 0)
		sb_adds(out, "none");
	else if (sg == NULL && l == LANG_DE && n == 1)
		sb_adds(out, einer[CLAMP(g, GENUS__MAX)][CLAMP(c, GCASE__MAX)]);
	else
		sb_adds(out, w);
	add_noun(out, n, sg, pl);
}

void
grammar_part(struct strbuf *out, enum lang l, long part, long whole,
    enum genus g, enum gcase c, const char *sg, const char *pl)
{
	bool de = l != LANG_EN;

	if (part != whole || part == 0) {
		sb_adds(out, de ? "darunter " : "including ");
		grammar_count(out, l, part, g, c, sg, pl);
	} else if (whole == 1) {
		grammar_count(out, l, 1, g, c, sg, pl);
	} else {
		/* Every one of them: "beide" for two, "alle" for more. */
		if (de)
			sb_adds(out, whole == 2 ? "beide" : "alle");
		else
			sb_adds(out, whole == 2 ? "both" : "all");
		if (de && c == GCASE_DAT)
			sb_addc(out, 'n');
		add_noun(out, whole, sg, pl);
	}
}
