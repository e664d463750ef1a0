/*
 * Hyphenation with libhyphen (see hyph.h).
 */
#include <hyphen.h>

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "layout/hyph.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Longest word looked at (letters); longer ones are not hyphenated. */
#define HYPH_MAX_WORD	100
/* Words of at most this many letters keep three letters on either side
 * of a break, and are not broken at all when capitalised. */
#define HYPH_SHORT	8

struct entry {
	struct entry	*next;
	size_t		 len;
	unsigned char	 n;
	unsigned short	 points[HYPH_MAX_POINTS];
	char		 word[];		/* len bytes, not terminated */
};

/* A word or first part of compounds with its allowed break points. */
struct hex {
	char		*key;		/* lowercase UTF-8 */
	size_t		 letters;	/* letters in key */
	unsigned char	 n;
	unsigned char	 pts[HYPH_MAX_POINTS];	/* after this many letters */
};

struct hyph {
	HyphenDict	*dict;
	struct entry	**table;
	size_t		 size, count;
	struct strmap	 words;		/* whole words: key -> index in ex */
	struct hex	*ex;
	size_t		 nex, excap;
	struct hex	*pre;		/* first parts of compounds */
	size_t		 npre, precap;
};

static void	flush(struct hyph *);

static const struct {
	const char	*lang;
	const char	*file;
} pattern_files[] = {
	{ "de", "/usr/share/hyphen/hyph_de_DE.dic" },
	{ "de", "/usr/share/hyphen/hyph_de.dic" },
	{ "en", "/usr/share/hyphen/hyph_en_US.dic" },
	{ "en", "/usr/share/hyphen/hyph_en_GB.dic" },
};

/* A pattern line and its letters (digits removed), for sorting. */
struct pline {
	const char	*s;
	size_t		 len;
	char		*key;
	size_t		 order;
	bool		 keep;
};

static int
by_key(const void *a, const void *b)
{
	const struct pline *x = a, *y = b;
	int c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

static int
by_order(const void *a, const void *b)
{
	const struct pline *x = a, *y = b;

	return x->order < y->order ? -1 : x->order > y->order;
}

/*
 * The syllable patterns of a file, cleaned for libhyphen: comment lines
 * ('#', '%') and empty lines dropped, and of patterns with the same
 * letters only the last kept (libhyphen uses the last one too, but leaks
 * the others). Returns the text to load, starting with the charset line.
 */
static char *
clean_patterns(const char *data)
{
	const char *nl = strchr(data, '\n'), *p, *next;
	struct pline *v = NULL;
	size_t n = 0, cap = 0;
	char *out;
	struct strbuf sb = STRBUF_INIT;

	if (nl == NULL)
		return NULL;
	sb_add(&sb, data, (size_t)(nl - data + 1));
	for (p = nl + 1; *p != '\0'; p = next) {
		const char *e = strchr(p, '\n');
		size_t len = e ? (size_t)(e - p) : strlen(p), k = 0;

		next = e ? e + 1 : p + len;
		while (len > 0 && (p[len - 1] == '\r' || p[len - 1] == ' '))
			len--;
		if (len == 0 || p[0] == '#' || p[0] == '%')
			continue;
		v = xgrow(v, &cap, n + 1, sizeof(*v));
		v[n].s = p;
		v[n].len = len;
		v[n].order = n;
		v[n].keep = true;
		v[n].key = xmalloc(len + 1);
		for (size_t i = 0; i < len; i++)
			if (p[i] < '0' || p[i] > '9')
				v[n].key[k++] = p[i];
		v[n].key[k] = '\0';
		n++;
	}
	if (n > 1)
		qsort(v, n, sizeof(*v), by_key);
	for (size_t i = 0; i + 1 < n; i++)
		if (strcmp(v[i].key, v[i + 1].key) == 0)
			v[i].keep = false;
	if (n > 1)
		qsort(v, n, sizeof(*v), by_order);
	for (size_t i = 0; i < n; i++) {
		if (v[i].keep) {
			sb_add(&sb, v[i].s, v[i].len);
			sb_addc(&sb, '\n');
		}
		free(v[i].key);
	}
	free(v);
	out = sb_take(&sb);
	return out;
}

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
	char *data = file_read(path, &len), *next, *nl, *buf, *clean;
	HyphenDict *dict;
	FILE *fp;

	if (data == NULL)
		return NULL;
	next = strstr(data, "\nNEXTLEVEL");
	nl = strchr(data, '\n');
	if (next != NULL && nl != NULL) {
		next = strchr(next + 1, '\n');
		buf = xasprintf("%.*s%s", (int)(nl - data + 1), data,
		    next ? next + 1 : "");
	} else
		buf = xstrdup(data);
	clean = clean_patterns(buf);
	fp = clean ? fmemopen(clean, strlen(clean), "r") : NULL;
	dict = fp ? hnj_hyphen_load_file(fp) : NULL;
	if (fp)
		fclose(fp);
	free(clean);
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
	/* The compounds of mentoring programmes, built in. */
	{
		char name[32];
		const struct resource *r;

		snprintf(name, sizeof(name), "hyphenation/%.2s.txt", lang);
		if ((r = resource_get(name)) != NULL)
			hyph_words(h, name, r->data, r->len, true);
	}
	return h;
}

void
hyph_free(struct hyph *h)
{
	if (h == NULL)
		return;
	flush(h);
	free(h->table);
	for (size_t i = 0; i < h->nex; i++)
		free(h->ex[i].key);
	free(h->ex);
	for (size_t i = 0; i < h->npre; i++)
		free(h->pre[i].key);
	free(h->pre);
	strmap_free(&h->words);
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

/* The break points of a word from the patterns alone. */
static size_t
patterns(struct hyph *h, const char *word, size_t len,
    unsigned short *points)
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
		/* A UTF-8 pattern file (hyph_en_US.dic) would misread the
		 * Latin-1 bytes of letters beyond ASCII: leave such words
		 * (German names in English text) whole. */
		if (c > 0x7F && h->dict->utf8)
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
	/* A short capitalised word is most likely a name (a place, a
	 * person): leave it whole. */
	if (n <= HYPH_SHORT && latin1_upper((unsigned char)word[0]))
		return 0;
	lat[n] = '\0';
	memset(hy, 0, sizeof(hy));
	if (hnj_hyphen_hyphenate3(h->dict, lat, (int)n, hy, NULL, &rep, &pos,
	    &cut, 2, 2, 2, 2) != 0)
		return 0;
	/* hy[i] odd: a break after letter i (0-based), leaving at least
	 * two letters on either side; in short words (HYPH_SHORT letters
	 * or fewer) at least three ("Lin-denau" and "Na-me" read badly). */
	for (i = n <= HYPH_SHORT ? 2 : 1; i + (n <= HYPH_SHORT ? 4 : 3) <= n &&
	    np < HYPH_MAX_POINTS; i++) {
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

/* ---- exceptions: words and first parts of compounds ------------------ */

/* Longest exception word or first part, in letters. */
#define HYPH_MAX_EX	64

/* A letter as the layout sees one (lay_text.c splits words into runs of
 * these): Latin, Greek, Cyrillic. */
static bool
word_letter(uint32_t c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	    (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	    (c >= 0x370 && c <= 0x52F);
}

/* The lowercase form of a Latin letter (others as they are). */
static uint32_t
lower(uint32_t c)
{
	if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
		return c + 0x20;
	if (((c >= 0x100 && c <= 0x137) || (c >= 0x14A && c <= 0x177)) &&
	    c % 2 == 0)
		return c + 1;
	if (((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E)) &&
	    c % 2 == 1)
		return c + 1;
	return c;
}

/* The lowercase key of a run of letters and its letter count, or NULL
 * when it holds anything else. */
static char *
lower_key(const char *w, size_t len, size_t *letters)
{
	struct strbuf sb = STRBUF_INIT;
	size_t i = 0, k;
	uint32_t c;
	char buf[5];

	*letters = 0;
	while (i < len) {
		if ((k = utf8_decode(w + i, len - i, &c)) == 0 ||
		    !word_letter(c)) {
			sb_free(&sb);
			return NULL;
		}
		buf[utf8_encode(lower(c), buf)] = '\0';
		sb_adds(&sb, buf);
		(*letters)++;
		i += k;
	}
	return sb_take(&sb);
}

/* Byte offset in s after its first k letters. */
static size_t
letter_off(const char *s, size_t len, size_t k)
{
	size_t i = 0, n;
	uint32_t c;

	while (k-- > 0 && i < len)
		i += (n = utf8_decode(s + i, len - i, &c)) > 0 ? n : 1;
	return i;
}

/* Enter a word (or a first part, pre) with its points; a later entry of
 * the same word replaces the earlier. */
static void
put(struct hyph *h, char *key, size_t letters, const unsigned char *pts,
    size_t n, bool pre)
{
	struct hex *e;
	size_t i;

	if (pre) {
		for (i = 0; i < h->npre && strcmp(h->pre[i].key, key) != 0; i++)
			;
		if (i == h->npre) {
			h->pre = xgrow(h->pre, &h->precap, h->npre + 1,
			    sizeof(*h->pre));
			h->npre++;
		} else
			free(h->pre[i].key);
		e = &h->pre[i];
	} else {
		if (strmap_get(&h->words, key, &i))
			free(h->ex[i].key);
		else {
			i = h->nex;
			h->ex = xgrow(h->ex, &h->excap, h->nex + 1,
			    sizeof(*h->ex));
			h->nex++;
			strmap_add(&h->words, key, i);
		}
		e = &h->ex[i];
	}
	e->key = key;
	e->letters = letters;
	e->n = (unsigned char)n;
	if (n > 0)
		memcpy(e->pts, pts, n);
	if (h->count > 0)
		flush(h);	/* answers cached before may change */
}

/* Endings that follow a first part without making a compound
 * ("Netzwerk-erin"): the rest must be a word of its own. */
static bool
ending(const char *rest)
{
	static const char *const endings[] = { "erin", "erinnen", "ern",
	    "ers", "ens", "nen", "innen", "ung", "ungen" };

	for (size_t i = 0; i < sizeof(endings) / sizeof(endings[0]); i++)
		if (strcmp(rest, endings[i]) == 0)
			return true;
	return false;
}

/*
 * The break points of a lowercase key (letters letters) from the
 * exceptions, as byte offsets into key: a whole word as listed; a word
 * that begins with a first part of compounds (the longest) at that
 * part's points, its joint and the points of the rest (itself looked up,
 * else from the patterns), never inside the first part elsewhere.
 * Returns -1 when no exception applies.
 */
static long
exception(struct hyph *h, const char *key, size_t klen, size_t letters,
    unsigned short *points, int depth)
{
	const struct hex *e = NULL;
	size_t i, np = 0, joint, best = 0;
	long nr;

	if (strmap_get(&h->words, key, &i)) {
		e = &h->ex[i];
		for (size_t k = 0; k < e->n && k < HYPH_MAX_POINTS; k++)
			points[np++] = (unsigned short)letter_off(key, klen,
			    e->pts[k]);
		return (long)np;
	}
	for (i = 0; i < h->npre; i++) {
		size_t pl = strlen(h->pre[i].key);

		if (h->pre[i].letters + 3 <= letters && pl > best &&
		    strncmp(key, h->pre[i].key, pl) == 0 &&
		    !ending(key + pl)) {
			e = &h->pre[i];
			best = pl;
		}
	}
	if (e == NULL || depth > 4)
		return -1;
	for (size_t k = 0; k < e->n && np + 1 < HYPH_MAX_POINTS; k++)
		points[np++] = (unsigned short)letter_off(key, klen, e->pts[k]);
	joint = best;
	points[np++] = (unsigned short)joint;
	/* The rest as a word of its own: listed, or from the patterns
	 * (two letters at least from the joint). */
	nr = exception(h, key + joint, klen - joint, letters - e->letters,
	    points + np, depth + 1);
	if (nr < 0)
		nr = (long)patterns(h, key + joint, klen - joint, points + np);
	for (long k = 0; k < nr && np < HYPH_MAX_POINTS; k++, np++)
		points[np] = (unsigned short)(points[np] + joint);
	return (long)np;
}

/* Compute the break points of a word without the cache. */
static size_t
compute(struct hyph *h, const char *word, size_t len, unsigned short *points)
{
	size_t letters;
	char *key;
	long n = -1;

	if ((h->nex > 0 || h->npre > 0) &&
	    (key = lower_key(word, len, &letters)) != NULL) {
		n = exception(h, key, len, letters, points, 0);
		free(key);
	}
	return n >= 0 ? (size_t)n : patterns(h, word, len, points);
}

int
hyph_words(struct hyph *h, const char *file, const char *text, size_t len,
    bool quiet)
{
	long lno = 0, bad_line, bad_col;
	const char *p = text, *end = text + len;
	int errors = 0;

	if (!utf8_valid(text, len, &bad_line, &bad_col)) {
		if (!quiet)
			diag(DIAG_ERROR, file, bad_line, bad_col, "invalid "
			    "UTF-8; save the file as UTF-8");
		return 1;
	}
	for (; p < end; ) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *e = nl ? nl : end, *b = p, *q, *start = p;
		unsigned char pts[HYPH_MAX_POINTS];
		struct strbuf key = STRBUF_INIT;
		size_t letters = 0, n = 0, k;
		const char *why = NULL;
		bool hy = false;
		uint32_t c;
		char buf[5];

		p = nl ? nl + 1 : end;
		lno++;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\r'))
			e--;
		if (b == e || *b == '#')
			continue;
		for (q = b; q < e && why == NULL; q += k) {
			k = utf8_decode(q, (size_t)(e - q), &c);
			if (k == 0)
				k = 1;
			if (c == '-') {
				if (letters == 0 || hy)
					why = "a hyphen with no letters before "
					    "it";
				else if (n == HYPH_MAX_POINTS)
					why = "too many break points";
				else
					pts[n++] = (unsigned char)letters;
				if (why != NULL)
					break;
				hy = true;
				continue;
			}
			if (c == ' ' || c == '\t')
				why = "more than one word";
			else if (!word_letter(c))
				why = "a character that is neither a letter "
				    "nor a hyphen";
			else if (letters == HYPH_MAX_EX)
				why = "a word longer than 64 letters";
			if (why != NULL)
				break;
			buf[utf8_encode(lower(c), buf)] = '\0';
			sb_adds(&key, buf);
			letters++;
			hy = false;
		}
		if (why != NULL) {
			if (!quiet)
				diag(DIAG_ERROR, file, lno, (long)(q - start) +
				    1, "'%.*s': %s; write one word per line "
				    "with hyphens at its allowed break points "
				    "(Ar-beits-zeit-ma-nage-ment), or the first "
				    "part of compounds ending in a hyphen "
				    "(Tandem-)", (int)(e - b), b, why);
			errors++;
			sb_free(&key);
			continue;
		}
		/* A trailing hyphen: the first part of compounds. */
		if (hy)
			n--;
		if (h != NULL)
			put(h, sb_take(&key), letters, pts, n, hy);
		else
			sb_free(&key);
	}
	return errors;
}

void
hyph_keep(struct hyph *h, const char *text, size_t len)
{
	size_t i = 0, k, start = 0, letters = 0;
	uint32_t c;

	if (h == NULL)
		return;
	while (i <= len) {
		bool letter = false;

		k = 1;
		if (i < len) {
			if ((k = utf8_decode(text + i, len - i, &c)) == 0)
				k = 1;
			else
				letter = word_letter(c);
		}
		if (letter) {
			if (letters++ == 0)
				start = i;
		} else {
			size_t nl;
			char *key;

			if (letters >= 4 && (key = lower_key(text + start,
			    i - start, &nl)) != NULL)
				put(h, key, nl, NULL, 0, false);
			letters = 0;
		}
		i += k;
	}
}

/* Forget every cached word. */
static void
flush(struct hyph *h)
{
	struct entry *e, *next;

	for (size_t i = 0; i < h->size; i++) {
		for (e = h->table[i]; e != NULL; e = next) {
			next = e->next;
			free(e);
		}
		h->table[i] = NULL;
	}
	h->count = 0;
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
	/* A bounded cache: start afresh after 200,000 distinct words. */
	if (h->count >= 200000)
		flush(h);
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
