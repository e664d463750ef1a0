/*
 * The grammar of generated sentences: number words that agree with the
 * noun they count ("einen Workshop", "keine Frauen") and the phrase for a
 * part of a whole ("darunter drei Frauen", "beide Frauen", "alle
 * Frauen"), so that a count never reads "null", "darunter ein Workshop"
 * after an accusative, or "zehn Mentees, darunter zehn Frauen".
 * tandem-texts(5) documents the placeholder arguments built on it
 * (as=words-m, case=, noun=, among=).
 */
#ifndef COMPOSE_GRAMMAR_H
#define COMPOSE_GRAMMAR_H

#include "load/model.h"
#include "util/strbuf.h"

/* The grammatical gender of the noun counted; GENUS_ANY when not said
 * (German 1 is then "ein", as before a masculine or neuter noun). */
enum genus {
	GENUS_ANY,
	GENUS_M,
	GENUS_F,
	GENUS_N,
	GENUS__MAX
};

/* The case the counted noun stands in. */
enum gcase {
	GCASE_NOM,
	GCASE_ACC,
	GCASE_DAT,
	GCASE__MAX
};

/*
 * The word for n before a noun of this genus in this case: "keine" /
 * "keinen" (dative) and "no" for 0, "ein", "eine", "einen", "einem",
 * "einer" and "one" for 1, "zwei" ... "zwölf"; NULL above twelve or
 * below zero (write the digits).
 */
const char	*grammar_number(enum lang, long n, enum genus, enum gcase);

/*
 * Append the number n as a word (digits above twelve) and, when sg is
 * not NULL, the noun: sg for 1, else pl ("drei Workshops").
 */
void	grammar_count(struct strbuf *, enum lang, long n, enum genus,
	    enum gcase, const char *sg, const char *pl);

/*
 * Append a part of a whole, e.g. the women among the mentees, as the
 * phrase that follows the whole ("zehn Mentees, ___"):
 *   part < whole:            "darunter drei Frauen" / "including three
 *                             women" (0: "darunter keine Frauen")
 *   part == whole == 1:      "eine Frau" / "one woman"
 *   part == whole == 2:      "beide Frauen" / "both women"
 *   part == whole > 2:       "alle Frauen" / "all women"
 * The noun (sg, pl) may be NULL: "darunter drei", "beide", "alle".
 */
void	grammar_part(struct strbuf *, enum lang, long part, long whole,
	    enum genus, enum gcase, const char *sg, const char *pl);

#endif
