/*
 * Hyphenation: where a word may be split at a line end, from libhyphen's
 * patterns (hyphen-de; hyph_en_US.dic when installed). The pattern files
 * are ISO-8859-1 (hyph_en_US.dic is UTF-8: there only ASCII words are
 * hyphenated), so words are converted to lowercase Latin-1 first; words
 * with characters outside Latin-1 are not hyphenated. Results are cached
 * per word.
 */
#ifndef LAYOUT_HYPH_H
#define LAYOUT_HYPH_H

#include <stdbool.h>
#include <stddef.h>

/* Largest number of break points reported for one word. */
#define HYPH_MAX_POINTS	32

struct hyph;

/*
 * Patterns for a language ("de", "en", "de-DE", ...). Returns NULL when no
 * pattern file for the language is installed: then nothing is hyphenated.
 */
struct hyph	*hyph_open(const char *lang);
void		 hyph_free(struct hyph *);

/*
 * Words hyphenated only at given points, as TeX's \hyphenation: text
 * holds one word per line with hyphens at its allowed break points
 * ("Ar-beits-zeit-ma-nage-ment"; none: never broken), or, ending in a
 * hyphen, the first part of compounds ("Tandem-": "Tandemtreffen" breaks
 * at the joint, "Tandem-tref-fen", never inside the first part where it
 * shows no point; the rest, of three letters or more and no mere ending
 * such as "-erin", is hyphenated as a word of its own).
 * Lines starting with '#' and empty lines are skipped; case does not
 * matter; a later entry replaces an earlier one. Every line that is not
 * such a word is an error at file:line:col (unless quiet) and skipped.
 * h may be NULL: only check. Returns the number of errors. hyph_open()
 * enters the built-in list of its language (hyphenation/LANG.txt).
 */
int		 hyph_words(struct hyph *h, const char *file, const char *text,
		    size_t len, bool quiet);

/* Never hyphenate the words (letter runs) of text: names of people,
 * places and organisations. */
void		 hyph_keep(struct hyph *h, const char *text, size_t len);

/*
 * The break points of a word (UTF-8, letters only, no spaces): byte
 * offsets into word after which a hyphen may be inserted, ascending, at
 * least 2 letters from either end (3 in words of 8 letters or fewer).
 * Returns their number (at most HYPH_MAX_POINTS). A word entered with
 * hyph_words() or hyph_keep() has its points from there; otherwise 0 for
 * words that are short, contain non-letters or characters outside
 * Latin-1, are all capitals, or are capitalised and 8 letters or fewer
 * (likely names).
 */
size_t		 hyph_points(struct hyph *, const char *word, size_t len,
		    unsigned short *points);

#endif
