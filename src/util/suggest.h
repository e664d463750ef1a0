/*
 * "Did you mean": the edit distance between two strings and the closest
 * of a list of known names, shared by the loader (element, attribute and
 * id typos) and the importer (spreadsheet values).
 */
#ifndef UTIL_SUGGEST_H
#define UTIL_SUGGEST_H

#include <stddef.h>

/* How close is close enough (and how names compare). */
enum suggest_mode {
	SUGGEST_ID,	/* ids and XML names: a case-insensitive equal wins;
			   distance at most 1, 2 or 3 by the length of s
			   (up to 2, up to 5, longer), below that length;
			   names over SUGGEST_ID_MAX bytes are not compared */
	SUGGEST_NAME,	/* names folded by the caller: distance at most a
			   third of the longer one, at least 1 */
	SUGGEST_MODE__MAX
};

#define SUGGEST_ID_MAX	64

/* The edit (Levenshtein) distance between the bytes of a and b. */
size_t	suggest_distance(const char *a, const char *b);

/*
 * The index of the candidate closest to s (NULL candidates and those equal
 * to s are skipped in SUGGEST_ID mode), or -1 when none is close enough to
 * be a likely typo. Ties go to the first candidate.
 */
long	suggest_index(const char *s, const char *const *cands, size_t n,
	    enum suggest_mode);

#endif
