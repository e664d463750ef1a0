/*
 * Folding, slugs and edit distances for matching spreadsheet values to
 * known names (see similar.h).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "import/similar.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Latin letters outside ASCII and their plain spelling (lower case). */
static const struct {
	uint32_t	 cp;
	const char	*ascii;
} translit[] = {
	{ 0xC0, "a" }, { 0xC1, "a" }, { 0xC2, "a" }, { 0xC3, "a" },
	{ 0xC4, "ae" }, { 0xC5, "a" }, { 0xC6, "ae" }, { 0xC7, "c" },
	{ 0xC8, "e" }, { 0xC9, "e" }, { 0xCA, "e" }, { 0xCB, "e" },
	{ 0xCC, "i" }, { 0xCD, "i" }, { 0xCE, "i" }, { 0xCF, "i" },
	{ 0xD1, "n" }, { 0xD2, "o" }, { 0xD3, "o" }, { 0xD4, "o" },
	{ 0xD5, "o" }, { 0xD6, "oe" }, { 0xD8, "o" }, { 0xD9, "u" },
	{ 0xDA, "u" }, { 0xDB, "u" }, { 0xDC, "ue" }, { 0xDD, "y" },
	{ 0xDF, "ss" },
	{ 0xE0, "a" }, { 0xE1, "a" }, { 0xE2, "a" }, { 0xE3, "a" },
	{ 0xE4, "ae" }, { 0xE5, "a" }, { 0xE6, "ae" }, { 0xE7, "c" },
	{ 0xE8, "e" }, { 0xE9, "e" }, { 0xEA, "e" }, { 0xEB, "e" },
	{ 0xEC, "i" }, { 0xED, "i" }, { 0xEE, "i" }, { 0xEF, "i" },
	{ 0xF1, "n" }, { 0xF2, "o" }, { 0xF3, "o" }, { 0xF4, "o" },
	{ 0xF5, "o" }, { 0xF6, "oe" }, { 0xF8, "o" }, { 0xF9, "u" },
	{ 0xFA, "u" }, { 0xFB, "u" }, { 0xFC, "ue" }, { 0xFD, "y" },
	{ 0xFF, "y" },
	{ 0x104, "a" }, { 0x105, "a" }, { 0x106, "c" }, { 0x107, "c" },
	{ 0x10C, "c" }, { 0x10D, "c" }, { 0x110, "d" }, { 0x111, "d" },
	{ 0x118, "e" }, { 0x119, "e" }, { 0x11A, "e" }, { 0x11B, "e" },
	{ 0x11E, "g" }, { 0x11F, "g" }, { 0x130, "i" }, { 0x131, "i" },
	{ 0x141, "l" }, { 0x142, "l" }, { 0x143, "n" }, { 0x144, "n" },
	{ 0x158, "r" }, { 0x159, "r" }, { 0x15A, "s" }, { 0x15B, "s" },
	{ 0x15E, "s" }, { 0x15F, "s" }, { 0x160, "s" }, { 0x161, "s" },
	{ 0x179, "z" }, { 0x17A, "z" }, { 0x17B, "z" }, { 0x17C, "z" },
	{ 0x17D, "z" }, { 0x17E, "z" }, { 0x218, "s" }, { 0x219, "s" },
	{ 0x21A, "t" }, { 0x21B, "t" },
};

/* The plain spelling of cp, or NULL if it is not a known letter. */
static const char *
plain(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(translit) / sizeof(translit[0]);

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (translit[mid].cp == cp)
			return translit[mid].ascii;
		if (translit[mid].cp < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

char *
import_fold(const char *s, char sep)
{
	struct strbuf sb = STRBUF_INIT;
	size_t n = strlen(s), k;
	int gap = 0;
	uint32_t cp;

	while (n > 0) {
		const char *ascii = NULL;
		char c[2] = { 0, 0 };

		k = utf8_decode(s, n, &cp);
		if (k == 0)
			k = 1;
		if (cp < 0x80 && ((cp >= 'a' && cp <= 'z') ||
		    (cp >= '0' && cp <= '9')))
			c[0] = (char)cp, ascii = c;
		else if (cp >= 'A' && cp <= 'Z')
			c[0] = (char)(cp - 'A' + 'a'), ascii = c;
		else
			ascii = plain(cp);
		if (ascii == NULL)
			gap = 1;
		else {
			if (gap && sb.len > 0 && sep != '\0')
				sb_addc(&sb, sep);
			gap = 0;
			sb_adds(&sb, ascii);
		}
		s += k, n -= k;
	}
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

bool
import_same(const char *a, const char *b)
{
	char *fa = import_fold(a, ' '), *fb = import_fold(b, ' ');
	bool same = strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return same;
}

char *
import_slug(const char *s, const char *fallback)
{
	char *f = import_fold(s, '-');

	if (strlen(f) > 32) {
		f[32] = '\0';
		while (f[0] != '\0' && f[strlen(f) - 1] == '-')
			f[strlen(f) - 1] = '\0';
	}
	if (f[0] == '\0') {
		free(f);
		return xstrdup(fallback);
	}
	return f;
}

const char *
import_closest(const char *s, const char *const *cands, size_t n)
{
	char *fs = import_fold(s, ' ');
	char **fc = xcalloc(n ? n : 1, sizeof(*fc));
	long k;

	for (size_t i = 0; i < n; i++)
		fc[i] = import_fold(cands[i], ' ');
	k = suggest_index(fs, (const char *const *)fc, n, SUGGEST_NAME);
	for (size_t i = 0; i < n; i++)
		free(fc[i]);
	free(fc);
	free(fs);
	return k < 0 ? NULL : cands[k];
}
