/*
 * Hyphenation with libhyphen (see hyph.h).
 */
#include <hyphen.h>

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/hyph.h"
#include "util/fileio.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Longest word looked at (letters); longer ones are not hyphenated. */
#define HYPH_MAX_WORD	100

struct entry {
	struct entry	*next;
	size_t		 len;
	unsigned char	 n;
	unsigned short	 points[HYPH_MAX_POINTS];
	char		 word[];		/* len bytes, not terminated */
};

struct hyph {
	HyphenDict	*dict;
	struct entry	**table;
	size_t		 size, count;
};

static const struct {
	const char	*lang;
	const char	*file;
} pattern_files[] = {
	{ "de", "/usr/share/hyphen/hyph_de_DE.dic" },
	{ "de", "/usr/share/hyphen/hyph_de.dic" },
	{ "en", "/usr/share/hyphen/hyph_en_US.dic" },
	{ "en", "/usr/share/hyphen/hyph_en_GB.dic" },
};

/*
 * Load a pattern file. hyph_de_DE.dic has two levels: a list of ~69,000
 * compound words, then (after NEXTLEVEL) the syllable patterns. libhyphen
 * needs about 3 s to load the first level and its breaks are no better
 * (it turns "Personalentwicklung" into "Per-so-na-lent-wick-lung"), so
 * only the charset line and the syllable level are loaded: 20 ms.
 */
static HyphenDict *
load_patterns(const char *path)
{
	size_t len;
	char *data = file_read(path, &len), *next, *nl, *buf;
	HyphenDict *dict;
	FILE *fp;

	if (data == NULL)
		return NULL;
	next = strstr(data, "\nNEXTLEVEL");
	if (next == NULL || (nl = strchr(data, '\n')) == NULL) {
		free(data);
		return hnj_hyphen_load(path);
	}
	next = strchr(next + 1, '\n');
	buf = xasprintf("%.*s%s", (int)(nl - data + 1), data,
	    next ? next + 1 : "");
	fp = fmemopen(buf, strlen(buf), "r");
	dict = fp ? hnj_hyphen_load_file(fp) : NULL;
	if (fp)
		fclose(fp);
	free(buf);
	free(data);
	return dict;
}

struct hyph *
hyph_open(const char *lang)
{
	HyphenDict *dict = NULL;
	struct hyph *h;

	if (lang == NULL)
		return NULL;
	for (size_t i = 0; dict == NULL &&
	    i < sizeof(pattern_files) / sizeof(pattern_files[0]); i++)
		if (strncmp(lang, pattern_files[i].lang, 2) == 0)
			dict = load_patterns(pattern_files[i].file);
	if (dict == NULL)
		return NULL;
	h = xcalloc(1, sizeof(*h));
	h->dict = dict;
	h->size = 1024;
	h->table = xcalloc(h->size, sizeof(*h->table));
	return h;
}

void
hyph_free(struct hyph *h)
{
	struct entry *e, *next;

	if (h == NULL)
		return;
	for (size_t i = 0; i < h->size; i++)
		for (e = h->table[i]; e != NULL; e = next) {
			next = e->next;
			free(e);
		}
	free(h->table);
	hnj_hyphen_free(h->dict);
	free(h);
}

static uint32_t
hash(const char *s, size_t len)
{
	uint32_t x = 2166136261u;

	for (size_t i = 0; i < len; i++)
		x = (x ^ (unsigned char)s[i]) * 16777619u;
	return x;
}

/* A letter of Latin-1, and its lowercase form. */
static int
latin1_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

static int
latin1_upper(uint32_t c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
}

/* Compute the break points of a word without the cache. */
static size_t
compute(struct hyph *h, const char *word, size_t len, unsigned short *points)
{
	char lat[HYPH_MAX_WORD + 1], hy[HYPH_MAX_WORD + 5];
	size_t off[HYPH_MAX_WORD + 1];
	size_t n = 0, i = 0, k, np = 0, upper = 0;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;
	uint32_t c;

	while (i < len) {
		if ((k = utf8_decode(word + i, len - i, &c)) == 0 ||
		    !latin1_letter(c) || n == HYPH_MAX_WORD)
			return 0;
		if (latin1_upper(c)) {
			upper++;
			c += 0x20;
		}
		lat[n] = (char)(unsigned char)c;
		off[n] = i;
		n++;
		i += k;
	}
	off[n] = len;
	if (n < 4 || upper == n || (upper > 1 && n <= 6))
		return 0;
	lat[n] = '\0';
	memset(hy, 0, sizeof(hy));
	if (hnj_hyphen_hyphenate3(h->dict, lat, (int)n, hy, NULL, &rep, &pos,
	    &cut, 2, 2, 2, 2) != 0)
		return 0;
	/* hy[i] odd: a break after letter i (0-based), leaving at least
	 * two letters on either side. */
	for (i = 1; i + 3 <= n && np < HYPH_MAX_POINTS; i++) {
		if ((hy[i] & 1) && (rep == NULL || rep[i] == NULL))
			points[np++] = (unsigned short)off[i + 1];
	}
	if (rep != NULL) {
		for (i = 0; i < n; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	return np;
}

/* Double the hash table when it is full enough. */
static void
grow(struct hyph *h)
{
	size_t nsize = h->size * 2;
	struct entry **nt = xcalloc(nsize, sizeof(*nt)), *e, *next;

	for (size_t i = 0; i < h->size; i++)
		for (e = h->table[i]; e != NULL; e = next) {
			size_t b = hash(e->word, e->len) & (nsize - 1);

			next = e->next;
			e->next = nt[b];
			nt[b] = e;
		}
	free(h->table);
	h->table = nt;
	h->size = nsize;
}

size_t
hyph_points(struct hyph *h, const char *word, size_t len,
    unsigned short *points)
{
	struct entry *e;
	size_t b;

	if (h == NULL || len < 4 || len > 4 * HYPH_MAX_WORD)
		return 0;
	b = hash(word, len) & (h->size - 1);
	for (e = h->table[b]; e != NULL; e = e->next)
		if (e->len == len && memcmp(e->word, word, len) == 0) {
			memcpy(points, e->points, e->n * sizeof(*points));
			return e->n;
		}
	e = xmalloc(sizeof(*e) + len);
	e->len = len;
	memcpy(e->word, word, len);
	e->n = (unsigned char)compute(h, word, len, e->points);
	e->next = h->table[b];
	h->table[b] = e;
	if (++h->count > h->size)
		grow(h);
	memcpy(points, e->points, e->n * sizeof(*points));
	return e->n;
}
