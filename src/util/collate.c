/*
 * German collation of names (DIN 5007 variant 1); see collate.h.
 */
#include <stdint.h>
#include <string.h>

#include "util/collate.h"
#include "util/utf8.h"

/* Code points first..last sort as the lower-case letters base. */
static const struct {
	uint32_t	 first, last;
	const char	*base;
} bases[] = {
	{ 0xC0, 0xC5, "a" }, { 0xC6, 0xC6, "ae" }, { 0xC7, 0xC7, "c" },
	{ 0xC8, 0xCB, "e" }, { 0xCC, 0xCF, "i" }, { 0xD0, 0xD0, "d" },
	{ 0xD1, 0xD1, "n" }, { 0xD2, 0xD6, "o" }, { 0xD8, 0xD8, "o" },
	{ 0xD9, 0xDC, "u" }, { 0xDD, 0xDD, "y" }, { 0xDE, 0xDE, "th" },
	{ 0xDF, 0xDF, "ss" },
	{ 0xE0, 0xE5, "a" }, { 0xE6, 0xE6, "ae" }, { 0xE7, 0xE7, "c" },
	{ 0xE8, 0xEB, "e" }, { 0xEC, 0xEF, "i" }, { 0xF0, 0xF0, "d" },
	{ 0xF1, 0xF1, "n" }, { 0xF2, 0xF6, "o" }, { 0xF8, 0xF8, "o" },
	{ 0xF9, 0xFC, "u" }, { 0xFD, 0xFD, "y" }, { 0xFE, 0xFE, "th" },
	{ 0xFF, 0xFF, "y" },
	{ 0x100, 0x105, "a" }, { 0x106, 0x10D, "c" }, { 0x10E, 0x111, "d" },
	{ 0x112, 0x11B, "e" }, { 0x11C, 0x123, "g" }, { 0x124, 0x127, "h" },
	{ 0x128, 0x131, "i" }, { 0x132, 0x133, "ij" }, { 0x134, 0x135, "j" },
	{ 0x136, 0x138, "k" }, { 0x139, 0x142, "l" }, { 0x143, 0x14B, "n" },
	{ 0x14C, 0x151, "o" }, { 0x152, 0x153, "oe" }, { 0x154, 0x159, "r" },
	{ 0x15A, 0x161, "s" }, { 0x162, 0x167, "t" }, { 0x168, 0x173, "u" },
	{ 0x174, 0x175, "w" }, { 0x176, 0x178, "y" }, { 0x179, 0x17E, "z" },
	{ 0x17F, 0x17F, "s" },
};

/* A position in a string being turned into its key. */
struct cursor {
	const char	*s;		/* next byte of the string */
	const char	*pend;		/* rest of an expansion ("s" of "ss") */
	char		 one[5];	/* a character copied as it is */
};

/* The next byte of the key, or 0 at the end. */
static unsigned char
next_key(struct cursor *c)
{
	uint32_t cp;
	size_t n, len;

	for (;;) {
		if (c->pend != NULL && *c->pend != '\0')
			return (unsigned char)*c->pend++;
		if (*c->s == '\0')
			return 0;
		len = strlen(c->s);
		if ((n = utf8_decode(c->s, len > 4 ? 4 : len, &cp)) == 0) {
			/* Invalid byte: use it as it is. */
			return (unsigned char)*c->s++;
		}
		c->s += n;
		if (cp >= 'A' && cp <= 'Z')
			return (unsigned char)(cp + 32);
		if (cp < 0x80)
			return (unsigned char)cp;
		if (cp >= 0x300 && cp <= 0x36F)
			continue;	/* combining mark */
		c->pend = NULL;
		for (size_t i = 0; i < sizeof(bases) / sizeof(bases[0]); i++)
			if (cp >= bases[i].first && cp <= bases[i].last) {
				c->pend = bases[i].base;
				break;
			}
		if (c->pend == NULL) {
			memcpy(c->one, c->s - n, n);
			c->one[n] = '\0';
			c->pend = c->one;
		}
	}
}

int
collate_cmp(const char *a, const char *b)
{
	struct cursor x = { a != NULL ? a : "", NULL, "" };
	struct cursor y = { b != NULL ? b : "", NULL, "" };
	unsigned char p, q;

	do {
		p = next_key(&x);
		q = next_key(&y);
		if (p != q)
			return p < q ? -1 : 1;
	} while (p != 0);
	return strcmp(a != NULL ? a : "", b != NULL ? b : "");
}
