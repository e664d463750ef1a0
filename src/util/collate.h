/*
 * Sorting names the way German readers expect (DIN 5007, variant 1):
 * letters with diacritics sort as their base letter (ä as a, ß as ss,
 * Ç as C, ł as l), case is ignored, and equal keys fall back to the bytes.
 */
#ifndef UTIL_COLLATE_H
#define UTIL_COLLATE_H

/*
 * Compare two UTF-8 strings by their collation key (ASCII letters folded
 * to lower case; Latin-1 and Latin Extended-A letters mapped to their
 * lower-case base letters; combining marks U+0300..U+036F ignored), then
 * by their bytes. NULL sorts as "". Returns <0, 0 or >0 like strcmp().
 */
int	collate_cmp(const char *, const char *);

#endif
