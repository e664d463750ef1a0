/*
 * UTF-8 decoding and validation (strict: no overlongs, no surrogates).
 */
#ifndef UTIL_UTF8_H
#define UTIL_UTF8_H

#include <stddef.h>
#include <stdint.h>

/*
 * Decode one code point from s (at most n bytes). Returns its length in
 * bytes and stores the code point in *cp, or returns 0 for an invalid or
 * truncated sequence (then *cp is U+FFFD).
 */
size_t	utf8_decode(const char *s, size_t n, uint32_t *cp);

/* Encode cp into out (4 bytes room); returns the length, 0 if invalid. */
size_t	utf8_encode(uint32_t cp, char *out);

/*
 * Check that s[0..n) is valid UTF-8. Returns 1 if so; else 0 and, when
 * line/col are not NULL, the 1-based line and byte column of the first
 * bad byte.
 */
int	utf8_valid(const char *s, size_t n, long *line, long *col);

/* Number of code points in a valid UTF-8 string. */
size_t	utf8_len(const char *s, size_t n);

#endif
