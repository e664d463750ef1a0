/*
 * The matching core (see match.h): hard rules, scores, the assignment
 * problem built from them, explanations of the result and the checker.
 * Only the C standard library is used here.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "lap.h"
#include "match.h"

const char *const match_part_names[MATCH_PART__MAX] = {
	"topics", "wish-gender", "field", "level-gap", "background",
	"language"
};

const char *const match_rule_names[MATCH_RULE__MAX] = {
	"admissible",
	"withdrawn",
	"no capacity",
	"forbidden pair",
	"same organisation",
	"level gap too small",
	"excluded by the score table"
};

/* A set of small integers: a bit mask when every member is below 64. */
struct set {
	uint64_t	 mask;
	int		*v;		/* sorted, distinct */
	size_t		 n;
};

/* Everything match_solve() derives from the input once. */
struct prep {
	const struct match_input *in;
	int		 masks;		/* every set fits its mask */
	int		*field[2];	/* [0] mentees, [1] mentors: id or -1 */
	int		*bg[2];
	struct set	*topics[2];
	struct set	*langs[2];	/* without "de" */
	int		*pool;		/* backing store of the sets */
	size_t		*fstart;	/* forbids by mentee: fstart[i].. */
	size_t		*fmentor;
	char		**strs;		/* interned folded strings */
	size_t		 nstrs, capstrs;
	size_t		*hash;		/* open addressing: index + 1, 0 = empty */
	size_t		 nhash;
};

void
match_defaults(struct match_input *in)
{
	static const double w[MATCH_PART__MAX] = { 3, 2, 2, 1, 1, 1 };

	memset(in, 0, sizeof(*in));
	for (int k = 0; k < MATCH_PART__MAX; k++)
		in->weights.w[k] = w[k];
	in->rules.different_org = 0;
	in->rules.min_level_gap = 0;
	in->rules.ideal_level_gap = 3;
}

/*
 * Lower-case one code point where the library folds case: ASCII, Latin-1
 * letters and Latin Extended-A (U+0100..U+017F, whose upper/lower pairs
 * alternate). Everything else is returned unchanged.
 */
static uint32_t
fold_cp(uint32_t c)
{
	if (c >= 'A' && c <= 'Z')
		return c + 32;
	if (c >= 0xC0 && c <= 0xDE && c != 0xD7)
		return c + 32;
	if ((c >= 0x100 && c <= 0x12F) || (c >= 0x132 && c <= 0x137) ||
	    (c >= 0x14A && c <= 0x177))
		return c | 1;
	if ((c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E))
		return (c & 1) ? c + 1 : c;
	if (c == 0x178)
		return 0xFF;
	if (c == 0x130)
		return 'i';
	return c;
}

/*
 * Fold s for comparison into a new string: trimmed of ASCII white space,
 * case folded per fold_cp(). Bytes that are not valid two-byte sequences
 * are copied as they are. Returns NULL if memory ran out.
 */
static char *
fold(const char *s)
{
	const unsigned char *b = (const unsigned char *)s, *e;
	char	*out, *o;

	while (*b == ' ' || *b == '\t' || *b == '\n' || *b == '\r')
		b++;
	e = b + strlen((const char *)b);
	while (e > b && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	    e[-1] == '\r'))
		e--;
	if ((out = malloc((size_t)(e - b) + 1)) == NULL)
		return NULL;
	for (o = out; b < e; ) {
		if (b + 1 < e && (b[0] & 0xE0) == 0xC0 &&
		    (b[1] & 0xC0) == 0x80 && b[0] >= 0xC2) {
			uint32_t c = ((uint32_t)(b[0] & 0x1F) << 6) |
			    (b[1] & 0x3F), f = fold_cp(c);

			if (f < 0x80)
				*o++ = (char)f;
			else {
				*o++ = (char)(0xC0 | (f >> 6));
				*o++ = (char)(0x80 | (f & 0x3F));
			}
			b += 2;
		} else {
			*o++ = (char)fold_cp(*b);
			b++;
		}
	}
	*o = '\0';
	return out;
}

/* Intern a folded copy of s: equal strings get equal ids; -2 on no memory. */
static int
intern(struct prep *p, const char *s, int is_lang)
{
	char	*f;
	uint64_t h = 1469598103934665603ULL;
	size_t	 k;

	if ((f = fold(s)) == NULL)
		return -2;
	if (is_lang)		/* language codes: ASCII folding suffices */
		for (char *q = f; *q; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q += 32;
	if (p->nstrs + 1 > p->nhash / 2) {
		size_t	 n = p->nhash ? p->nhash * 2 : 64;
		size_t	*t = calloc(n, sizeof(*t));

		if (t == NULL) {
			free(f);
			return -2;
		}
		for (size_t i = 0; i < p->nstrs; i++) {
			uint64_t g = 1469598103934665603ULL;

			for (const char *q = p->strs[i]; *q; q++)
				g = (g ^ (unsigned char)*q) * 1099511628211ULL;
			for (k = g & (n - 1); t[k]; k = (k + 1) & (n - 1))
				;
			t[k] = i + 1;
		}
		free(p->hash);
		p->hash = t;
		p->nhash = n;
	}
	for (const char *q = f; *q; q++)
		h = (h ^ (unsigned char)*q) * 1099511628211ULL;
	for (k = h & (p->nhash - 1); p->hash[k]; k = (k + 1) & (p->nhash - 1))
		if (strcmp(p->strs[p->hash[k] - 1], f) == 0) {
			free(f);
			return (int)(p->hash[k] - 1);
		}
	if (p->nstrs == p->capstrs) {
		size_t	 n = p->capstrs ? p->capstrs * 2 : 32;
		char	**t = realloc(p->strs, n * sizeof(*t));

		if (t == NULL) {
			free(f);
			return -2;
		}
		p->strs = t;
		p->capstrs = n;
	}
	p->strs[p->nstrs] = f;
	p->hash[k] = ++p->nstrs;
	return (int)(p->nstrs - 1);
}

static int
cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Sort and deduplicate v[0..n) in place; returns the new length. */
static size_t
uniq(int *v, size_t n)
{
	size_t	 k = 0;

	qsort(v, n, sizeof(*v), cmp_int);
	for (size_t i = 0; i < n; i++)
		if (k == 0 || v[k - 1] != v[i])
			v[k++] = v[i];
	return k;
}

/* Number of bits set in x (branch-free). */
static size_t
popcount64(uint64_t x)
{
	x = x - ((x >> 1) & 0x5555555555555555ULL);
	x = (x & 0x3333333333333333ULL) + ((x >> 2) & 0x3333333333333333ULL);
	x = (x + (x >> 4)) & 0x0F0F0F0F0F0F0F0FULL;
	return (size_t)((x * 0x0101010101010101ULL) >> 56);
}

/* Number of members a and b share. */
static size_t
set_shared(const struct prep *p, const struct set *a, const struct set *b)
{
	size_t	 i = 0, j = 0, n = 0;

	if (p->masks)
		return popcount64(a->mask & b->mask);
	while (i < a->n && j < b->n) {
		if (a->v[i] < b->v[j])
			i++;
		else if (a->v[i] > b->v[j])
			j++;
		else {
			n++;
			i++;
			j++;
		}
	}
	return n;
}

static void
prep_free(struct prep *p)
{
	for (int s = 0; s < 2; s++) {
		free(p->field[s]);
		free(p->bg[s]);
		free(p->topics[s]);
		free(p->langs[s]);
	}
	free(p->pool);
	free(p->fstart);
	free(p->fmentor);
	for (size_t i = 0; i < p->nstrs; i++)
		free(p->strs[i]);
	free(p->strs);
	free(p->hash);
}

/*
 * Derive the comparable features of everybody (interned fields,
 * backgrounds and language codes, sorted topic and language sets) and the
 * forbidden pairs grouped by mentee. Pins and forbids must be in range.
 * Returns 0, or -1 if memory ran out.
 */
static int
prep_init(struct prep *p, const struct match_input *in)
{
	size_t	 npool = 0, used = 0;
	int	 de;

	memset(p, 0, sizeof(*p));
	p->in = in;
	p->masks = 1;
	if ((de = intern(p, "de", 1)) < 0)
		return -1;
	for (int s = 0; s < 2; s++) {
		size_t	 n = s ? in->nmentors : in->nmentees;
		const struct match_person *v = s ? in->mentors : in->mentees;

		p->field[s] = malloc(n * sizeof(int) + 1);
		p->bg[s] = malloc(n * sizeof(int) + 1);
		p->topics[s] = calloc(n + 1, sizeof(struct set));
		p->langs[s] = calloc(n + 1, sizeof(struct set));
		if (!p->field[s] || !p->bg[s] || !p->topics[s] || !p->langs[s])
			return -1;
		for (size_t i = 0; i < n; i++)
			npool += v[i].ntopics + v[i].nlanguages;
	}
	if ((p->pool = malloc(npool * sizeof(int) + 1)) == NULL)
		return -1;
	for (int s = 0; s < 2; s++) {
		size_t	 n = s ? in->nmentors : in->nmentees;
		const struct match_person *v = s ? in->mentors : in->mentees;

		for (size_t i = 0; i < n; i++) {
			struct set *t = &p->topics[s][i], *l = &p->langs[s][i];
			int	 id;

			p->field[s][i] = p->bg[s][i] = -1;
			if (v[i].field != NULL &&
			    (p->field[s][i] = intern(p, v[i].field, 0)) < 0)
				return -1;
			if (v[i].background != NULL &&
			    (p->bg[s][i] = intern(p, v[i].background, 0)) < 0)
				return -1;
			t->v = p->pool + used;
			for (size_t k = 0; k < v[i].ntopics; k++)
				t->v[t->n++] = v[i].topics[k];
			t->n = uniq(t->v, t->n);
			used += t->n;
			l->v = p->pool + used;
			for (size_t k = 0; k < v[i].nlanguages; k++) {
				if ((id = intern(p, v[i].languages[k], 1)) == -2)
					return -1;
				if (id != de)
					l->v[l->n++] = id;
			}
			l->n = uniq(l->v, l->n);
			used += l->n;
			for (size_t k = 0; k < t->n; k++) {
				if (t->v[k] < 0 || t->v[k] >= 64)
					p->masks = 0;
				else
					t->mask |= (uint64_t)1 << t->v[k];
			}
			for (size_t k = 0; k < l->n; k++) {
				if (l->v[k] >= 64)
					p->masks = 0;
				else
					l->mask |= (uint64_t)1 << l->v[k];
			}
		}
	}
	/* Forbidden pairs grouped by mentee (counting sort). */
	p->fstart = calloc(in->nmentees + 2, sizeof(size_t));
	p->fmentor = malloc(in->nforbids * sizeof(size_t) + 1);
	if (p->fstart == NULL || p->fmentor == NULL)
		return -1;
	for (size_t k = 0; k < in->nforbids; k++)
		p->fstart[in->forbids[k].mentee + 2]++;
	for (size_t i = 0; i < in->nmentees; i++)
		p->fstart[i + 2] += p->fstart[i + 1];
	for (size_t k = 0; k < in->nforbids; k++)
		p->fmentor[p->fstart[in->forbids[k].mentee + 1]++] =
		    in->forbids[k].mentor;
	return 0;
}

/* The first rule excluding (i, j) other than forbids and the table. */
static enum match_rule
base_rule(const struct match_input *in, size_t i, size_t j)
{
	const struct match_person *e = &in->mentees[i], *r = &in->mentors[j];

	if (e->withdrawn || r->withdrawn)
		return MATCH_RULE_WITHDRAWN;
	if (r->capacity <= 0)
		return MATCH_RULE_NO_CAPACITY;
	return MATCH_RULE_NONE;
}

static enum match_rule
pair_rule(const struct match_input *in, size_t i, size_t j)
{
	const struct match_person *e = &in->mentees[i], *r = &in->mentors[j];

	if (in->rules.different_org && e->org >= 0 && r->org >= 0 &&
	    e->org == r->org)
		return MATCH_RULE_SAME_ORG;
	if (e->level > 0 && r->level > 0 &&
	    r->level - e->level < in->rules.min_level_gap)
		return MATCH_RULE_LEVEL_GAP;
	if (in->scores != NULL && in->scores[i * in->nmentors + j] < 0)
		return MATCH_RULE_TABLE;
	return MATCH_RULE_NONE;
}

enum match_rule
match_rule_of(const struct match_input *in, size_t i, size_t j)
{
	enum match_rule rule;

	if ((rule = base_rule(in, i, j)) != MATCH_RULE_NONE)
		return rule;
	for (size_t k = 0; k < in->nforbids; k++)
		if (in->forbids[k].mentee == i && in->forbids[k].mentor == j)
			return MATCH_RULE_FORBIDDEN;
	return pair_rule(in, i, j);
}

/*
 * Fill the rule of mentee i with every mentor into rule[] (forbids taken
 * from the prepared lists).
 */
static void
row_rules(const struct prep *p, size_t i, unsigned char *rule)
{
	const struct match_input *in = p->in;

	for (size_t j = 0; j < in->nmentors; j++)
		rule[j] = (unsigned char)base_rule(in, i, j);
	for (size_t k = p->fstart[i]; k < p->fstart[i + 1]; k++)
		if (rule[p->fmentor[k]] == MATCH_RULE_NONE)
			rule[p->fmentor[k]] = MATCH_RULE_FORBIDDEN;
	for (size_t j = 0; j < in->nmentors; j++)
		if (rule[j] == MATCH_RULE_NONE)
			rule[j] = (unsigned char)pair_rule(in, i, j);
}

/*
 * The score of (i, j) from the prepared features (see match_score_of),
 * without a score table: stores p of each part that applies in part[] and
 * its bit in *applies (other entries of part[] are left alone).
 */
static int
score_parts(const struct prep *p, size_t i, size_t j, double *part,
    unsigned *applies)
{
	const struct match_input *in = p->in;
	const struct match_person *e = &in->mentees[i], *r = &in->mentors[j];
	const double *w = in->weights.w;
	unsigned a = 0;
	double	 num = 0, den = 0, x;

	if (p->topics[0][i].n > 0) {
		a |= 1u << MATCH_PART_TOPICS;
		part[MATCH_PART_TOPICS] = (double)set_shared(p,
		    &p->topics[0][i], &p->topics[1][j]) /
		    (double)p->topics[0][i].n;
	}
	if (e->wish_gender != MATCH_GENDER_UNKNOWN) {
		a |= 1u << MATCH_PART_WISH_GENDER;
		part[MATCH_PART_WISH_GENDER] = r->gender == e->wish_gender;
	}
	if (p->field[0][i] >= 0) {
		a |= 1u << MATCH_PART_FIELD;
		part[MATCH_PART_FIELD] = p->field[0][i] == p->field[1][j];
	}
	if (e->level > 0 && r->level > 0) {
		int	 ideal = in->rules.ideal_level_gap;
		int	 off = abs(r->level - e->level - ideal);
		double	 q = 1 - (double)off / (double)(ideal > 1 ? ideal : 1);

		a |= 1u << MATCH_PART_LEVEL_GAP;
		part[MATCH_PART_LEVEL_GAP] = q > 0 ? q : 0;
	}
	if (e->wish_background && p->bg[0][i] >= 0) {
		a |= 1u << MATCH_PART_BACKGROUND;
		part[MATCH_PART_BACKGROUND] = p->bg[0][i] == p->bg[1][j];
	}
	if (e->nlanguages > 0 && r->nlanguages > 0) {
		a |= 1u << MATCH_PART_LANGUAGE;
		part[MATCH_PART_LANGUAGE] = p->masks ?
		    (p->langs[0][i].mask & p->langs[1][j].mask) != 0 :
		    set_shared(p, &p->langs[0][i], &p->langs[1][j]) > 0;
	}
	*applies = a;
	for (int k = 0; k < MATCH_PART__MAX; k++)
		if (a & (1u << k)) {
			num += w[k] * part[k];
			den += w[k];
		}
	if (den <= 0)
		return 100;
	/* floor() of a value >= 0.5: the truncation is the same. */
	x = 100 * num / den + 0.5 + 1e-9;
	return x >= 100 ? 100 : (int)x;
}

/* The score of (i, j) with its parts (see match_score_of). */
static void
score_prepared(const struct prep *p, size_t i, size_t j,
    struct match_score *sc)
{
	const struct match_input *in = p->in;

	memset(sc, 0, sizeof(*sc));
	if (in->scores != NULL) {
		int s = in->scores[i * in->nmentors + j];

		sc->score = s < 0 ? 0 : s > 100 ? 100 : s;
		return;
	}
	sc->score = score_parts(p, i, j, sc->part, &sc->applies);
}

/* The mentors' features as arrays, for the loops of build_table(). */
struct cols {
	unsigned char	*ok;		/* not withdrawn, capacity > 0 */
	int		*org, *level, *gender;
	unsigned char	*haslang;	/* has languages (any, "de" too) */
	uint64_t	*topics, *langs; /* masks (when p->masks) */
	uint32_t	*mstamp;	/* memo of score_row(): row + 1 */
	signed char	*mval;		/* memo: the score */
};

/*
 * The number of distinct inputs the score of mentee i can have with any
 * mentor (see score_row()): the size of its memo.
 */
static size_t
memo_size(const struct prep *p, size_t i)
{
	const struct match_person *e = &p->in->mentees[i];
	int	 ideal = p->in->rules.ideal_level_gap;
	size_t	 n = p->topics[0][i].n + 1;

	n *= e->wish_gender != MATCH_GENDER_UNKNOWN ? 2 : 1;
	n *= p->field[0][i] >= 0 ? 2 : 1;
	n *= e->level > 0 ? (size_t)(ideal > 1 ? ideal : 1) + 2 : 1;
	n *= e->wish_background && p->bg[0][i] >= 0 ? 2 : 1;
	n *= e->nlanguages > 0 ? 3 : 1;
	return n;
}

/*
 * Scores of mentee i with every mentor j where t[j] is not -1 (already
 * excluded), from the features, when every topic and language set fits
 * its mask. For a given mentee the score depends only on a few small
 * values: shared topics, gender and field met, the level gap (all gaps
 * at least the ideal one away score 0 there), background and language
 * met, and which parts apply. They make a key; each key's score is
 * computed once per mentee with the arithmetic of score_parts(), in the
 * same order, so the numbers are the same.
 */
static void
score_row(const struct prep *p, const struct cols *cl, size_t i,
    signed char *t)
{
	const struct match_input *in = p->in;
	const struct match_person *e = &in->mentees[i];
	const double *w = in->weights.w;
	const int *rfield = p->field[1], *rbg = p->bg[1];
	uint64_t tm = p->topics[0][i].mask, lm = p->langs[0][i].mask;
	double	 tn = (double)p->topics[0][i].n;
	int	 top = p->topics[0][i].n > 0, wg = (int)e->wish_gender;
	int	 fi = p->field[0][i], el = e->level, bi = p->bg[0][i];
	int	 bgw = e->wish_background && bi >= 0, lang = e->nlanguages > 0;
	int	 ideal = in->rules.ideal_level_gap;
	int	 cap = ideal > 1 ? ideal : 1;
	double	 idd = (double)cap;
	uint32_t stamp = (uint32_t)i + 1;

	for (size_t j = 0; j < in->nmentors; j++) {
		size_t	 key = 0;
		int	 shared = 0, gm = 0, fm = 0, off = -1, bm = 0, lg = 0;
		double	 num = 0, den = 0, x;

		if (t[j] < 0)
			continue;
		/* The key: the small values in mixed radix. */
		if (top)
			key = (size_t)(shared =
			    (int)popcount64(tm & cl->topics[j]));
		if (wg != MATCH_GENDER_UNKNOWN)
			key = 2 * key + (size_t)(gm = cl->gender[j] == wg);
		if (fi >= 0)
			key = 2 * key + (size_t)(fm = fi == rfield[j]);
		if (el > 0) {
			if (cl->level[j] > 0) {
				off = abs(cl->level[j] - el - ideal);
				off = off < cap ? off : cap;
			}
			key = (size_t)(cap + 2) * key + (size_t)(off + 1);
		}
		if (bgw)
			key = 2 * key + (size_t)(bm = bi == rbg[j]);
		if (lang) {
			lg = !cl->haslang[j] ? 0 :
			    (lm & cl->langs[j]) != 0 ? 2 : 1;
			key = 3 * key + (size_t)lg;
		}
		if (cl->mstamp[key] == stamp) {
			t[j] = cl->mval[key];
			continue;
		}
		if (top) {
			num += w[MATCH_PART_TOPICS] * ((double)shared / tn);
			den += w[MATCH_PART_TOPICS];
		}
		if (wg != MATCH_GENDER_UNKNOWN) {
			num += w[MATCH_PART_WISH_GENDER] * (double)gm;
			den += w[MATCH_PART_WISH_GENDER];
		}
		if (fi >= 0) {
			num += w[MATCH_PART_FIELD] * (double)fm;
			den += w[MATCH_PART_FIELD];
		}
		if (off >= 0) {
			double	 q = 1 - (double)off / idd;

			num += w[MATCH_PART_LEVEL_GAP] * (q > 0 ? q : 0);
			den += w[MATCH_PART_LEVEL_GAP];
		}
		if (bgw) {
			num += w[MATCH_PART_BACKGROUND] * (double)bm;
			den += w[MATCH_PART_BACKGROUND];
		}
		if (lg > 0) {
			num += w[MATCH_PART_LANGUAGE] * (double)(lg == 2);
			den += w[MATCH_PART_LANGUAGE];
		}
		if (den <= 0)
			t[j] = 100;
		else {
			x = 100 * num / den + 0.5 + 1e-9;
			t[j] = (signed char)(x >= 100 ? 100 : (int)x);
		}
		cl->mstamp[key] = stamp;
		cl->mval[key] = t[j];
	}
}

/*
 * Fill the nmentees x nmentors table of admissible scores: the score, or -1
 * where a hard rule excludes the pair. This is the hot loop of a dense
 * problem, so the common rules are tested here rule by rule over arrays
 * (the same tests as base_rule() and pair_rule()). Returns 0, or -1 if
 * memory ran out.
 */
static int
build_table(const struct prep *p, signed char *table)
{
	const struct match_input *in = p->in;
	size_t	 nm = in->nmentors;
	int	 gap = in->rules.min_level_gap, orgs = in->rules.different_org;
	double	 part[MATCH_PART__MAX];
	unsigned applies;
	struct cols cl;
	size_t	 memo = 1;
	int	 rc = -1;

	cl.ok = malloc(nm + 1);
	cl.haslang = malloc(nm + 1);
	cl.org = malloc((nm + 1) * sizeof(int));
	cl.level = malloc((nm + 1) * sizeof(int));
	cl.gender = malloc((nm + 1) * sizeof(int));
	cl.topics = malloc((nm + 1) * sizeof(uint64_t));
	cl.langs = malloc((nm + 1) * sizeof(uint64_t));
	if (p->masks && in->scores == NULL)
		for (size_t i = 0; i < in->nmentees; i++)
			if (memo_size(p, i) > memo)
				memo = memo_size(p, i);
	cl.mstamp = calloc(memo, sizeof(uint32_t));
	cl.mval = malloc(memo);
	if (cl.ok == NULL || cl.haslang == NULL || cl.org == NULL ||
	    cl.level == NULL || cl.gender == NULL || cl.topics == NULL ||
	    cl.langs == NULL || cl.mstamp == NULL || cl.mval == NULL)
		goto out;
	for (size_t j = 0; j < nm; j++) {
		const struct match_person *r = &in->mentors[j];

		cl.ok[j] = !r->withdrawn && r->capacity > 0;
		cl.org[j] = r->org;
		cl.level[j] = r->level;
		cl.gender[j] = (int)r->gender;
		cl.haslang[j] = r->nlanguages > 0;
		cl.topics[j] = p->topics[1][j].mask;
		cl.langs[j] = p->langs[1][j].mask;
	}
	for (size_t i = 0; i < in->nmentees; i++) {
		const struct match_person *e = &in->mentees[i];
		const signed char *st = in->scores ? in->scores + i * nm : NULL;
		signed char *t = table + i * nm;

		if (e->withdrawn) {
			memset(t, -1, nm);
			continue;
		}
		if (st != NULL)
			for (size_t j = 0; j < nm; j++)
				t[j] = !cl.ok[j] || st[j] < 0 ? -1 :
				    st[j] > 100 ? 100 : st[j];
		else
			for (size_t j = 0; j < nm; j++)
				t[j] = cl.ok[j] ? 0 : -1;
		if (orgs && e->org >= 0)
			for (size_t j = 0; j < nm; j++)
				if (cl.org[j] == e->org)
					t[j] = -1;
		if (e->level > 0)
			for (size_t j = 0; j < nm; j++)
				if (cl.level[j] > 0 &&
				    cl.level[j] - e->level < gap)
					t[j] = -1;
		if (st != NULL)
			;	/* the table's scores are in place */
		else if (p->masks)
			score_row(p, &cl, i, t);
		else
			for (size_t j = 0; j < nm; j++)
				if (t[j] == 0)
					t[j] = (signed char)score_parts(p, i,
					    j, part, &applies);
		for (size_t k = p->fstart[i]; k < p->fstart[i + 1]; k++)
			t[p->fmentor[k]] = -1;
	}
	rc = 0;
out:
	free(cl.ok);
	free(cl.haslang);
	free(cl.org);
	free(cl.level);
	free(cl.gender);
	free(cl.topics);
	free(cl.langs);
	free(cl.mstamp);
	free(cl.mval);
	return rc;
}

/* Are the input's values in range? Adds diagnostics; returns 0 if so. */
static int
input_valid(const struct match_input *in, struct match_diag *dg, size_t *nd)
{
	size_t	 n0 = *nd;

	if (in->nmentees > MATCH_MAX_PEOPLE || in->nmentors > MATCH_MAX_PEOPLE) {
		dg[(*nd)++] = (struct match_diag){ MATCH_ERR_TOO_BIG,
		    MATCH_RULE_NONE, 0, 0, 0 };
		return -1;
	}
	for (int k = 0; k < MATCH_PART__MAX; k++)
		if (!(in->weights.w[k] >= 0 && in->weights.w[k] <= 1e6)) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_VALUE,
			    MATCH_RULE_NONE, (size_t)k, 0, 0 };
			return -1;
		}
	if (in->rules.min_level_gap < -100 || in->rules.min_level_gap > 100 ||
	    in->rules.ideal_level_gap < 0 || in->rules.ideal_level_gap > 100) {
		dg[(*nd)++] = (struct match_diag){ MATCH_ERR_VALUE,
		    MATCH_RULE_NONE, MATCH_PART__MAX, 0, 0 };
		return -1;
	}
	{
		size_t	 slots = 0;

		for (size_t j = 0; j < in->nmentors; j++)
			if (!in->mentors[j].withdrawn &&
			    in->mentors[j].capacity > 0)
				slots += (size_t)in->mentors[j].capacity;
		if (slots > MATCH_MAX_PEOPLE) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_TOO_BIG,
			    MATCH_RULE_NONE, 0, 0, 0 };
			return -1;
		}
	}
	for (size_t j = 0; j < in->nmentors; j++)
		if (in->mentors[j].capacity < 0 ||
		    in->mentors[j].capacity > MATCH_MAX_PEOPLE ||
		    in->mentors[j].level < 0 || in->mentors[j].level > 1000) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_VALUE,
			    MATCH_RULE_NONE, 0, 0, j };
			return -1;
		}
	for (size_t i = 0; i < in->nmentees; i++)
		if (in->mentees[i].level < 0 || in->mentees[i].level > 1000) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_VALUE,
			    MATCH_RULE_NONE, 0, i, 0 };
			return -1;
		}
	for (size_t k = 0; k < in->npins + in->nforbids; k++) {
		const struct match_pair *q = k < in->npins ? &in->pins[k] :
		    &in->forbids[k - in->npins];

		if (q->mentee >= in->nmentees || q->mentor >= in->nmentors)
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_RANGE,
			    MATCH_RULE_NONE, k, q->mentee, q->mentor };
	}
	return *nd == n0 ? 0 : -1;
}

static struct match_result *
result_new(size_t nmentees, size_t ndiags)
{
	struct match_result *res = calloc(1, sizeof(*res));

	if (res == NULL)
		return NULL;
	res->mentor_of = malloc(nmentees * sizeof(long) + 1);
	res->diags = calloc(ndiags + 2, sizeof(struct match_diag));
	if (res->mentor_of == NULL || res->diags == NULL) {
		match_result_free(res);
		return NULL;
	}
	for (size_t i = 0; i < nmentees; i++)
		res->mentor_of[i] = -1;
	return res;
}

void
match_result_free(struct match_result *res)
{
	if (res == NULL)
		return;
	free(res->mentor_of);
	free(res->tandems);
	free(res->unmatched);
	free(res->diags);
	free(res);
}

/* A static result reporting only "out of memory" when even that fails. */
static struct match_diag nomem_diag = { MATCH_ERR_NOMEM, MATCH_RULE_NONE,
    0, 0, 0 };

static int
fail_nomem(struct match_result *res)
{
	if (res != NULL && res->diags != NULL) {
		res->diags[0] = nomem_diag;
		res->ndiags = 1;
	}
	return -1;
}

/*
 * The pins: each must be admissible, a mentee pinned once (a repeated
 * identical pin is harmless), no mentor beyond capacity. Fills pinned[]
 * (mentor per mentee or -1) and used[] (pins per mentor).
 */
static void
check_pins(const struct match_input *in, long *pinned, size_t *used,
    struct match_diag *dg, size_t *nd)
{
	for (size_t k = 0; k < in->npins; k++) {
		size_t	 i = in->pins[k].mentee, j = in->pins[k].mentor;
		enum match_rule rule = match_rule_of(in, i, j);

		if (rule != MATCH_RULE_NONE && rule != MATCH_RULE_NO_CAPACITY) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_PIN_RULE,
			    rule, k, i, j };
			continue;
		}
		if (pinned[i] == (long)j)
			continue;
		if (pinned[i] >= 0) {
			dg[(*nd)++] = (struct match_diag){ MATCH_ERR_PIN_TWICE,
			    MATCH_RULE_NONE, k, i, j };
			continue;
		}
		if (used[j] + 1 > (size_t)in->mentors[j].capacity) {
			dg[(*nd)++] = (struct match_diag){
			    MATCH_ERR_PIN_CAPACITY, MATCH_RULE_NONE, k, i, j };
			continue;
		}
		pinned[i] = (long)j;
		used[j]++;
	}
}

/*
 * Build and solve the assignment problem for the mentees that are neither
 * withdrawn nor pinned, given the admissible scores (table, -1 = not) and
 * the capacity left per mentor; store the mentors in mentor_of. Each row
 * lists its admissible mentors; rows that admit every mentor with a free
 * slot share one list. Returns 0, or -1 if memory ran out.
 */
static int
assign(const struct match_input *in, const signed char *table,
    const size_t *used, long *mentor_of)
{
	size_t	 nm = in->nmentors, npool = 0;
	int32_t	 nr = 0, nslots = 0, nopen = 0;
	int32_t	*rowof = NULL, *first = NULL, *open = NULL, *pool = NULL;
	int32_t	*nadm = NULL, *x = NULL, *y = NULL;
	const int32_t **adm = NULL;
	const signed char **score = NULL;
	int64_t	*u = NULL, *v = NULL;
	int	 rc = -1;

	rowof = malloc(in->nmentees * sizeof(*rowof) + 1);
	first = malloc((nm + 1) * sizeof(*first));
	open = malloc(nm * sizeof(*open) + 1);
	if (rowof == NULL || first == NULL || open == NULL)
		goto out;
	for (size_t i = 0; i < in->nmentees; i++)
		if (!in->mentees[i].withdrawn && mentor_of[i] < 0)
			rowof[nr++] = (int32_t)i;
	for (size_t j = 0; j < nm; j++) {
		first[j] = nslots;
		if (!in->mentors[j].withdrawn &&
		    (size_t)in->mentors[j].capacity > used[j]) {
			nslots += (int32_t)((size_t)in->mentors[j].capacity -
			    used[j]);
			open[nopen++] = (int32_t)j;
		}
	}
	first[nm] = nslots;
	adm = malloc(((size_t)nr + 1) * sizeof(*adm));
	nadm = malloc(((size_t)nr + 1) * sizeof(*nadm));
	score = malloc(((size_t)nr + 1) * sizeof(*score));
	x = malloc((size_t)nr * sizeof(*x) + 1);
	y = malloc(((size_t)nslots + (size_t)nr) * sizeof(*y) + 1);
	u = malloc((size_t)nr * sizeof(*u) + 1);
	v = malloc(((size_t)nslots + (size_t)nr) * sizeof(*v) + 1);
	if (!adm || !nadm || !score || !x || !y || !u || !v)
		goto out;
	for (int32_t r = 0; r < nr; r++) {
		const signed char *t = table + (size_t)rowof[r] * nm;
		int32_t	 n = 0;

		score[r] = t;
		if ((size_t)nopen == nm)	/* every mentor open */
			for (size_t j = 0; j < nm; j++)
				n += t[j] >= 0;
		else
			for (int32_t k = 0; k < nopen; k++)
				n += t[open[k]] >= 0;
		nadm[r] = n;
		if (nadm[r] < nopen)
			npool += (size_t)nadm[r];
	}
	if ((pool = malloc(npool * sizeof(*pool) + 1)) == NULL)
		goto out;
	npool = 0;
	for (int32_t r = 0; r < nr; r++) {
		if (nadm[r] == nopen) {
			adm[r] = open;
			continue;
		}
		adm[r] = pool + npool;
		for (int32_t k = 0; k < nopen; k++)
			if (score[r][open[k]] >= 0)
				pool[npool++] = open[k];
	}
	{
		/*
		 * Cost 100 - score for a slot, "big" for staying unmatched:
		 * one more match always outweighs any difference in total
		 * score.
		 */
		struct lap p = { nr, nslots, first, score, adm, nadm,
		    100 * (int64_t)nr + 1 };

		if (lap_assign(&p, x, y, u, v) != 0)
			goto out;
	}
	for (int32_t r = 0; r < nr; r++)
		if (x[r] < nslots) {
			int32_t	 lo = 0, hi = (int32_t)nm;

			/* The mentor whose slots hold x[r]. */
			while (hi - lo > 1) {
				int32_t	 mid = (lo + hi) / 2;

				if (first[mid] <= x[r])
					lo = mid;
				else
					hi = mid;
			}
			while (first[lo + 1] <= x[r])
				lo++;
			mentor_of[rowof[r]] = lo;
		}
	rc = 0;
out:
	free(rowof);
	free(first);
	free(open);
	free(pool);
	free(adm);
	free(nadm);
	free(score);
	free(x);
	free(y);
	free(u);
	free(v);
	return rc;
}

/*
 * Explain the assignment: tandems with scores, parts and the two best
 * other admissible mentors; unmatched mentees with the reason and the
 * number of mentors each rule excluded (rule[] is scratch). Returns 0, or
 * -1 if memory ran out.
 */
static int
explain(const struct prep *p, const signed char *table, const long *pinned,
    unsigned char *rule, struct match_result *res)
{
	const struct match_input *in = p->in;
	size_t	 nm = in->nmentors, *load;
	int	 rc = -1;

	load = calloc(nm + 1, sizeof(*load));
	res->tandems = calloc(in->nmentees + 1, sizeof(*res->tandems));
	res->unmatched = calloc(in->nmentees + 1, sizeof(*res->unmatched));
	if (load == NULL || res->tandems == NULL || res->unmatched == NULL)
		goto out;
	for (size_t i = 0; i < in->nmentees; i++)
		if (res->mentor_of[i] >= 0)
			load[res->mentor_of[i]]++;
	for (size_t i = 0; i < in->nmentees; i++) {
		const signed char *t = table + i * nm;
		long	 m = res->mentor_of[i];

		if (in->mentees[i].withdrawn)
			continue;
		if (m < 0) {
			struct match_unmatched *un =
			    &res->unmatched[res->nunmatched++];

			un->mentee = i;
			row_rules(p, i, rule);
			for (size_t j = 0; j < nm; j++)
				un->nrule[rule[j]]++;
			un->nadmissible = un->nrule[MATCH_RULE_NONE];
			un->why = un->nadmissible ? MATCH_WHY_NEEDED_ELSEWHERE :
			    MATCH_WHY_NO_ADMISSIBLE;
			continue;
		}
		struct match_tandem *td = &res->tandems[res->ntandems++];

		td->mentee = i;
		td->mentor = (size_t)m;
		td->pinned = pinned[i] >= 0;
		score_prepared(p, i, (size_t)m, &td->score);
		{
			/* The two best others; the first one wins a tie. */
			long	 j1 = -1, j2 = -1;
			int	 s1 = -1, s2 = -1;

			for (size_t j = 0; j < nm; j++) {
				if (t[j] <= s2 || j == (size_t)m)
					continue;
				if (t[j] > s1) {
					j2 = j1;
					s2 = s1;
					j1 = (long)j;
					s1 = t[j];
				} else {
					j2 = (long)j;
					s2 = t[j];
				}
			}
			td->alt[0].mentor = j1;
			td->alt[1].mentor = j2;
			for (int k = 0; k < 2; k++) {
				long	 j = td->alt[k].mentor;

				td->alt[k].score = j < 0 ? 0 : k == 0 ? s1 : s2;
				td->alt[k].full = j >= 0 && load[j] >=
				    (size_t)in->mentors[j].capacity;
			}
		}
		res->total_score += td->score.score;
	}
	rc = 0;
out:
	free(load);
	return rc;
}

int
match_solve(const struct match_input *in, struct match_result **out)
{
	struct prep	 p;
	struct match_result *res;
	signed char	*table = NULL;
	unsigned char	*rule = NULL;
	long		*pinned = NULL;
	size_t		*used = NULL, nm = in->nmentors;
	int		 prepared = 0, rc = -1;
	char		 msg[160];

	*out = res = result_new(in->nmentees, in->npins + in->nforbids);
	if (res == NULL)
		return -1;
	if (input_valid(in, res->diags, &res->ndiags) != 0)
		return -1;
	pinned = malloc(in->nmentees * sizeof(*pinned) + 1);
	used = calloc(nm + 1, sizeof(*used));
	if (pinned == NULL || used == NULL)
		goto nomem;
	for (size_t i = 0; i < in->nmentees; i++)
		pinned[i] = -1;
	check_pins(in, pinned, used, res->diags, &res->ndiags);
	if (res->ndiags > 0)
		goto out;
	if (prep_init(&p, in) != 0) {
		prep_free(&p);
		goto nomem;
	}
	prepared = 1;
	/* The admissible scores, -1 = excluded by a rule. */
	table = malloc(in->nmentees * nm + 1);
	rule = malloc(nm + 1);
	if (table == NULL || rule == NULL)
		goto nomem;
	if (build_table(&p, table) != 0)
		goto nomem;
	for (size_t i = 0; i < in->nmentees; i++)
		res->mentor_of[i] = pinned[i];
	if (assign(in, table, used, res->mentor_of) != 0 ||
	    explain(&p, table, pinned, rule, res) != 0)
		goto nomem;
	/* Guard: the result must pass the checker and be maximal. */
	if (match_check(in, res->mentor_of, msg, sizeof(msg)) != 0) {
		res->diags[res->ndiags++] = (struct match_diag){
		    MATCH_ERR_INTERNAL, MATCH_RULE_NONE, 0, 0, 0 };
		goto out;
	}
	rc = 0;
	goto out;
nomem:
	res->ndiags = 0;
	fail_nomem(res);
out:
	if (rc != 0)
		for (size_t i = 0; i < in->nmentees; i++)
			res->mentor_of[i] = -1;
	if (rc != 0) {
		res->ntandems = res->nunmatched = 0;
		res->total_score = 0;
	}
	if (prepared)
		prep_free(&p);
	free(table);
	free(rule);
	free(pinned);
	free(used);
	return rc;
}

int
match_check(const struct match_input *in, const long *mentor_of, char *msg,
    size_t msgsize)
{
	size_t	*load;
	int	 rc = -1;

	if ((load = calloc(in->nmentors + 1, sizeof(*load))) == NULL) {
		snprintf(msg, msgsize, "out of memory");
		return -1;
	}
	for (size_t i = 0; i < in->nmentees; i++) {
		long	 m = mentor_of[i];
		enum match_rule rule;

		if (m < -1 || m >= (long)in->nmentors) {
			snprintf(msg, msgsize, "mentee %zu: no mentor %ld",
			    i, m);
			goto out;
		}
		if (m < 0)
			continue;
		rule = base_rule(in, i, (size_t)m);
		if (rule == MATCH_RULE_NONE)
			rule = pair_rule(in, i, (size_t)m);
		if (rule != MATCH_RULE_NONE) {
			snprintf(msg, msgsize, "mentee %zu with mentor %ld: %s",
			    i, m, match_rule_names[rule]);
			goto out;
		}
		if (++load[m] > (size_t)in->mentors[m].capacity) {
			snprintf(msg, msgsize, "mentor %ld: beyond capacity %d",
			    m, in->mentors[m].capacity);
			goto out;
		}
	}
	for (size_t k = 0; k < in->nforbids; k++) {
		const struct match_pair *f = &in->forbids[k];

		if (f->mentee < in->nmentees &&
		    mentor_of[f->mentee] == (long)f->mentor) {
			snprintf(msg, msgsize, "mentee %zu with mentor %zu: %s",
			    f->mentee, f->mentor,
			    match_rule_names[MATCH_RULE_FORBIDDEN]);
			goto out;
		}
	}
	for (size_t k = 0; k < in->npins; k++) {
		const struct match_pair *q = &in->pins[k];

		if (q->mentee >= in->nmentees ||
		    mentor_of[q->mentee] != (long)q->mentor) {
			snprintf(msg, msgsize, "pin %zu (mentee %zu, mentor %zu)"
			    " not kept", k, q->mentee, q->mentor);
			goto out;
		}
	}
	rc = 0;
	if (msgsize > 0)
		msg[0] = '\0';
out:
	free(load);
	return rc;
}

void
match_score_of(const struct match_input *in, size_t i, size_t j,
    struct match_score *sc)
{
	struct prep	 p;
	struct match_input one = *in;

	/* Prepare just this pair (no pins or forbids needed). */
	one.mentees = &in->mentees[i];
	one.nmentees = 1;
	one.mentors = &in->mentors[j];
	one.nmentors = 1;
	one.pins = one.forbids = NULL;
	one.npins = one.nforbids = 0;
	one.scores = in->scores ? &in->scores[i * in->nmentors + j] : NULL;
	if (prep_init(&p, &one) != 0) {
		memset(sc, 0, sizeof(*sc));
		sc->score = -1;
	} else
		score_prepared(&p, 0, 0, sc);
	prep_free(&p);
}

/* Name a person for a message: the id, or "mentee N" / "mentor N". */
static const char *
who(const struct match_input *in, int mentor, size_t k, char *buf,
    size_t size)
{
	size_t	 n = mentor ? in->nmentors : in->nmentees;
	const struct match_person *v = mentor ? in->mentors : in->mentees;

	if (k < n && v[k].id != NULL)
		return v[k].id;
	snprintf(buf, size, "%s %zu", mentor ? "mentor" : "mentee", k);
	return buf;
}

void
match_diag_text(const struct match_input *in, const struct match_diag *d,
    char *buf, size_t size)
{
	char	 a[32], b[32];
	const char *e = who(in, 0, d->mentee, a, sizeof(a));
	const char *r = who(in, 1, d->mentor, b, sizeof(b));

	switch (d->error) {
	case MATCH_ERR_RANGE:
		snprintf(buf, size, "pair %s-%s names no such person", e, r);
		break;
	case MATCH_ERR_PIN_RULE:
		snprintf(buf, size, "pin %s-%s breaks a hard rule: %s", e, r,
		    match_rule_names[d->rule]);
		break;
	case MATCH_ERR_PIN_TWICE:
		snprintf(buf, size, "mentee %s is pinned to more than one "
		    "mentor (also %s)", e, r);
		break;
	case MATCH_ERR_PIN_CAPACITY:
		snprintf(buf, size, "pin %s-%s: mentor %s is pinned beyond "
		    "capacity %d", e, r, r, d->mentor < in->nmentors ?
		    in->mentors[d->mentor].capacity : 0);
		break;
	case MATCH_ERR_VALUE:
		snprintf(buf, size, "a capacity, level, weight or gap is out "
		    "of range");
		break;
	case MATCH_ERR_TOO_BIG:
		snprintf(buf, size, "more than %d mentees or mentors",
		    MATCH_MAX_PEOPLE);
		break;
	case MATCH_ERR_NOMEM:
		snprintf(buf, size, "out of memory");
		break;
	default:
		snprintf(buf, size, "internal error: the solution failed "
		    "its check");
		break;
	}
}
