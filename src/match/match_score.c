/*
 * Scores and hard rules of the matching core: the comparable features of
 * everybody, which rule excludes a pair, the score of a pair with its
 * parts, and the table of admissible scores the solver works on.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "match_priv.h"

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
	in->rules.same_field = 0;
	in->rules.spread = 1;
}

/* match.h */
uint32_t
match_fold_cp(uint32_t c)
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
 * case folded per match_fold_cp(). Bytes that are not valid two-byte sequences
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
			    (b[1] & 0x3F), f = match_fold_cp(c);

			if (f < 0x80)
				*o++ = (char)f;
			else {
				*o++ = (char)(0xC0 | (f >> 6));
				*o++ = (char)(0x80 | (f & 0x3F));
			}
			b += 2;
		} else {
			*o++ = (char)match_fold_cp(*b);
			b++;
		}
	}
	*o = '\0';
	return out;
}

/* Are a and b equal once folded (as fields are compared)? A failed
 * allocation counts as equal: a rule never excludes a pair by mistake. */
static int
fold_equal(const char *a, const char *b)
{
	char	*fa = fold(a), *fb = fold(b);
	int	 eq = fa == NULL || fb == NULL || strcmp(fa, fb) == 0;

	free(fa);
	free(fb);
	return eq;
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

void
match_prep_free(struct prep *p)
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
int
match_prep_init(struct prep *p, const struct match_input *in)
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
enum match_rule
match_base_rule(const struct match_input *in, size_t i, size_t j)
{
	const struct match_person *e = &in->mentees[i], *r = &in->mentors[j];

	if (e->withdrawn || r->withdrawn)
		return MATCH_RULE_WITHDRAWN;
	if (r->capacity <= 0)
		return MATCH_RULE_NO_CAPACITY;
	return MATCH_RULE_NONE;
}

enum match_rule
match_pair_rule(const struct match_input *in, size_t i, size_t j)
{
	const struct match_person *e = &in->mentees[i], *r = &in->mentors[j];

	if (in->rules.different_org && e->org >= 0 && r->org >= 0 &&
	    e->org == r->org)
		return MATCH_RULE_SAME_ORG;
	if (e->level > 0 && r->level > 0 &&
	    r->level - e->level < in->rules.min_level_gap)
		return MATCH_RULE_LEVEL_GAP;
	if (in->rules.same_field && e->field != NULL && r->field != NULL &&
	    !fold_equal(e->field, r->field))
		return MATCH_RULE_FIELD;
	if (in->scores != NULL && in->scores[i * in->nmentors + j] < 0)
		return MATCH_RULE_TABLE;
	return MATCH_RULE_NONE;
}

/* match_pair_rule() with the prepared (interned) fields. */
static enum match_rule
pair_rule_prepared(const struct prep *p, size_t i, size_t j)
{
	const struct match_input *in = p->in;
	const struct match_person *e = &in->mentees[i], *r = &in->mentors[j];

	if (in->rules.different_org && e->org >= 0 && r->org >= 0 &&
	    e->org == r->org)
		return MATCH_RULE_SAME_ORG;
	if (e->level > 0 && r->level > 0 &&
	    r->level - e->level < in->rules.min_level_gap)
		return MATCH_RULE_LEVEL_GAP;
	if (in->rules.same_field && p->field[0][i] >= 0 &&
	    p->field[1][j] >= 0 && p->field[0][i] != p->field[1][j])
		return MATCH_RULE_FIELD;
	if (in->scores != NULL && in->scores[i * in->nmentors + j] < 0)
		return MATCH_RULE_TABLE;
	return MATCH_RULE_NONE;
}

enum match_rule
match_rule_prepared(const struct prep *p, size_t i, size_t j)
{
	enum match_rule rule;

	if ((rule = match_base_rule(p->in, i, j)) != MATCH_RULE_NONE)
		return rule;
	for (size_t k = p->fstart[i]; k < p->fstart[i + 1]; k++)
		if (p->fmentor[k] == j)
			return MATCH_RULE_FORBIDDEN;
	return pair_rule_prepared(p, i, j);
}

enum match_rule
match_rule_of(const struct match_input *in, size_t i, size_t j)
{
	enum match_rule rule;

	if ((rule = match_base_rule(in, i, j)) != MATCH_RULE_NONE)
		return rule;
	for (size_t k = 0; k < in->nforbids; k++)
		if (in->forbids[k].mentee == i && in->forbids[k].mentor == j)
			return MATCH_RULE_FORBIDDEN;
	return match_pair_rule(in, i, j);
}

/*
 * Fill the rule of mentee i with every mentor into rule[] (forbids taken
 * from the prepared lists).
 */
void
match_row_rules(const struct prep *p, size_t i, unsigned char *rule)
{
	const struct match_input *in = p->in;

	for (size_t j = 0; j < in->nmentors; j++)
		rule[j] = (unsigned char)match_base_rule(in, i, j);
	for (size_t k = p->fstart[i]; k < p->fstart[i + 1]; k++)
		if (rule[p->fmentor[k]] == MATCH_RULE_NONE)
			rule[p->fmentor[k]] = MATCH_RULE_FORBIDDEN;
	for (size_t j = 0; j < in->nmentors; j++)
		if (rule[j] == MATCH_RULE_NONE)
			rule[j] = (unsigned char)pair_rule_prepared(p, i, j);
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
void
match_score_prepared(const struct prep *p, size_t i, size_t j,
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

/* The mentors' features as arrays, for the loops of
 * match_build_table(). */
struct cols {
	unsigned char	*ok;		/* not withdrawn, capacity > 0 */
	int		*org, *level, *gender;
	unsigned char	*haslang;	/* has languages (any, "de" too) */
	uint64_t	*topics, *langs; /* masks (when p->masks) */
	uint32_t	*key;		/* score_row(): per mentor */
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
 * met, and which parts apply. They make a key, computed for every mentor
 * part by part (simple loops over arrays, which the compiler vectorises);
 * each key's score is computed once per mentee with the arithmetic of
 * score_parts(), in the same order, so the numbers are the same.
 */
static void
score_row(const struct prep *p, const struct cols *cl, size_t i,
    signed char *t)
{
	const struct match_input *in = p->in;
	const struct match_person *e = &in->mentees[i];
	const double *w = in->weights.w;
	const int *rfield = p->field[1], *rbg = p->bg[1];
	const int *lv = cl->level, *gd = cl->gender;
	const uint64_t *tp = cl->topics, *lgs = cl->langs;
	const unsigned char *hl = cl->haslang;
	uint64_t tm = p->topics[0][i].mask, lm = p->langs[0][i].mask;
	double	 tn = (double)p->topics[0][i].n;
	int	 top = p->topics[0][i].n > 0, wg = (int)e->wish_gender;
	int	 fi = p->field[0][i], el = e->level, bi = p->bg[0][i];
	int	 bgw = e->wish_background && bi >= 0, lang = e->nlanguages > 0;
	int	 ideal = in->rules.ideal_level_gap;
	int	 cap = ideal > 1 ? ideal : 1;
	double	 idd = (double)cap;
	uint32_t stamp = (uint32_t)i + 1, *key = cl->key;
	size_t	 nm = in->nmentors;

	/* The keys: the small values in mixed radix. */
	if (top)
		for (size_t j = 0; j < nm; j++)
			key[j] = (uint32_t)popcount64(tm & tp[j]);
	else
		memset(key, 0, nm * sizeof(*key));
	if (wg != MATCH_GENDER_UNKNOWN)
		for (size_t j = 0; j < nm; j++)
			key[j] = 2 * key[j] + (gd[j] == wg);
	if (fi >= 0)
		for (size_t j = 0; j < nm; j++)
			key[j] = 2 * key[j] + (rfield[j] == fi);
	if (el > 0)
		for (size_t j = 0; j < nm; j++) {
			int	 off = abs(lv[j] - el - ideal);

			off = lv[j] <= 0 ? -1 : off < cap ? off : cap;
			key[j] = (uint32_t)(cap + 2) * key[j] +
			    (uint32_t)(off + 1);
		}
	if (bgw)
		for (size_t j = 0; j < nm; j++)
			key[j] = 2 * key[j] + (rbg[j] == bi);
	if (lang)
		for (size_t j = 0; j < nm; j++)
			key[j] = 3 * key[j] + (!hl[j] ? 0u :
			    (lm & lgs[j]) != 0 ? 2u : 1u);
	/* Score each key met for the first time; look the others up. */
	for (size_t j = 0; j < nm; j++) {
		uint32_t k = key[j];
		int	 shared = 0, gm = 0, fm = 0, off = -1, bm = 0, lg = 0;
		double	 num = 0, den = 0, x;

		if (cl->mstamp[k] == stamp || t[j] < 0) {
			t[j] = t[j] < 0 ? -1 : cl->mval[k];
			continue;
		}
		/* Read the values back from the key. */
		if (lang) {
			lg = (int)(k % 3);
			k /= 3;
		}
		if (bgw) {
			bm = (int)(k % 2);
			k /= 2;
		}
		if (el > 0) {
			off = (int)(k % (uint32_t)(cap + 2)) - 1;
			k /= (uint32_t)(cap + 2);
		}
		if (fi >= 0) {
			fm = (int)(k % 2);
			k /= 2;
		}
		if (wg != MATCH_GENDER_UNKNOWN) {
			gm = (int)(k % 2);
			k /= 2;
		}
		shared = (int)k;
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
			x = 100;
		else {
			x = 100 * num / den + 0.5 + 1e-9;
			x = x >= 100 ? 100 : (int)x;
		}
		cl->mstamp[key[j]] = stamp;
		t[j] = cl->mval[key[j]] = (signed char)x;
	}
}

/* Allocate the mentors' feature arrays of cl (memo: with the scores'
 * memo of score_row()); 0, or -1 if memory ran out. */
static int
cols_init(const struct prep *p, struct cols *cl, int memo_too)
{
	const struct match_input *in = p->in;
	size_t	 nm = in->nmentors, memo = 1;

	memset(cl, 0, sizeof(*cl));
	cl->ok = malloc(nm + 1);
	cl->haslang = malloc(nm + 1);
	cl->org = malloc((nm + 1) * sizeof(int));
	cl->level = malloc((nm + 1) * sizeof(int));
	cl->gender = malloc((nm + 1) * sizeof(int));
	cl->topics = malloc((nm + 1) * sizeof(uint64_t));
	cl->langs = malloc((nm + 1) * sizeof(uint64_t));
	cl->key = malloc((nm + 1) * sizeof(uint32_t));
	if (memo_too && p->masks && in->scores == NULL)
		for (size_t i = 0; i < in->nmentees; i++)
			if (memo_size(p, i) > memo)
				memo = memo_size(p, i);
	cl->mstamp = calloc(memo, sizeof(uint32_t));
	cl->mval = malloc(memo);
	if (cl->ok == NULL || cl->haslang == NULL || cl->org == NULL ||
	    cl->level == NULL || cl->gender == NULL || cl->topics == NULL ||
	    cl->langs == NULL || cl->key == NULL || cl->mstamp == NULL ||
	    cl->mval == NULL)
		return -1;
	for (size_t j = 0; j < nm; j++) {
		const struct match_person *r = &in->mentors[j];

		cl->ok[j] = !r->withdrawn && r->capacity > 0;
		cl->org[j] = r->org;
		cl->level[j] = r->level;
		cl->gender[j] = (int)r->gender;
		cl->haslang[j] = r->nlanguages > 0;
		cl->topics[j] = p->topics[1][j].mask;
		cl->langs[j] = p->langs[1][j].mask;
	}
	return 0;
}

static void
cols_free(struct cols *cl)
{
	free(cl->ok);
	free(cl->haslang);
	free(cl->org);
	free(cl->level);
	free(cl->gender);
	free(cl->topics);
	free(cl->langs);
	free(cl->key);
	free(cl->mstamp);
	free(cl->mval);
}

/*
 * The hard rules of mentee i with every mentor into t[]: -1 where a rule
 * excludes the pair, else 0 (or the score table's entry). This is the hot
 * loop of a dense problem, so the rules are tested here rule by rule over
 * arrays (the same tests as match_base_rule() and match_pair_rule()).
 * Returns the number of admissible mentors.
 */
static size_t
row_admissible(const struct prep *p, const struct cols *cl, size_t i,
    signed char *t)
{
	const struct match_input *in = p->in;
	const struct match_person *e = &in->mentees[i];
	const signed char *st = in->scores ? in->scores + i * in->nmentors :
	    NULL;
	size_t	 nm = in->nmentors, n = 0;
	int	 gap = in->rules.min_level_gap, fi = p->field[0][i];
	const int *rfield = p->field[1];

	if (e->withdrawn) {
		memset(t, -1, nm);
		return 0;
	}
	if (st != NULL)
		for (size_t j = 0; j < nm; j++)
			t[j] = !cl->ok[j] || st[j] < 0 ? -1 :
			    st[j] > 100 ? 100 : st[j];
	else
		for (size_t j = 0; j < nm; j++)
			t[j] = cl->ok[j] ? 0 : -1;
	/* (Every store unconditional: loops the compiler vectorises.) */
	if (in->rules.different_org && e->org >= 0) {
		int	 o = e->org;
		const int *org = cl->org;

		for (size_t j = 0; j < nm; j++)
			t[j] = org[j] == o ? -1 : t[j];
	}
	if (e->level > 0) {
		int	 el = e->level;
		const int *lv = cl->level;

		for (size_t j = 0; j < nm; j++)
			t[j] = lv[j] > 0 && lv[j] - el < gap ? -1 : t[j];
	}
	if (in->rules.same_field && fi >= 0)
		for (size_t j = 0; j < nm; j++)
			t[j] = rfield[j] >= 0 && rfield[j] != fi ? -1 : t[j];
	for (size_t k = p->fstart[i]; k < p->fstart[i + 1]; k++)
		t[p->fmentor[k]] = -1;
	for (size_t j = 0; j < nm; j++)
		n += t[j] >= 0;
	return n;
}

/* The scores of mentee i with the mentors t[] admits (see row_admissible). */
static void
row_scores(const struct prep *p, const struct cols *cl, size_t i,
    signed char *t)
{
	const struct match_input *in = p->in;
	double	 part[MATCH_PART__MAX];
	unsigned applies;

	if (in->scores != NULL)
		return;		/* the table's scores are in place */
	if (p->masks) {
		score_row(p, cl, i, t);
		return;
	}
	for (size_t j = 0; j < in->nmentors; j++)
		if (t[j] == 0)
			t[j] = (signed char)score_parts(p, i, j, part,
			    &applies);
}

/* Room for n pairs and a row's slack in rw->pool (in->pairs_alloc or
 * malloc); 0 or -1. */
static int
pool_alloc(const struct match_input *in, struct rows *rw, size_t n)
{
	n += in->nmentors;	/* slack: see match_build_rows() */
	rw->poolsize = n * sizeof(*rw->pool) + 1;
	rw->pool = in->pairs_alloc != NULL ? in->pairs_alloc(rw->poolsize) :
	    malloc(rw->poolsize);
	return rw->pool != NULL ? 0 : -1;
}

void
match_rows_free(const struct match_input *in, struct rows *rw)
{
	if (rw->pool != NULL && in->pairs_alloc != NULL)
		in->pairs_free(rw->pool, rw->poolsize);
	else
		free(rw->pool);
	free(rw->start);
	rw->pool = NULL;
	rw->start = NULL;
}

int
match_build_rows(const struct prep *p, size_t limit, struct rows *rw,
    size_t *npairs)
{
	const struct match_input *in = p->in;
	size_t	 ne = in->nmentees, nm = in->nmentors, total = 0;
	signed char *t = NULL;
	struct cols cl;
	int	 rc = -1;

	memset(rw, 0, sizeof(*rw));
	memset(&cl, 0, sizeof(cl));
	*npairs = 0;
	t = malloc(nm + 1);
	rw->start = malloc((ne + 1) * sizeof(*rw->start));
	if (t == NULL || rw->start == NULL || cols_init(p, &cl, 1) != 0)
		goto out;
	/*
	 * Count first, to refuse a problem too big before allocating it,
	 * unless even every pair would be within the limit: then the lists
	 * are built in one pass into room for every pair, of which only
	 * the part written is ever touched (and so takes memory).
	 */
	if (nm == 0 || ne <= limit / nm) {
		if (pool_alloc(in, rw, ne * nm) != 0)
			goto out;
	} else {
		for (size_t i = 0; i < ne; i++) {
			rw->start[i] = total;
			total += row_admissible(p, &cl, i, t);
			if (total > limit) {
				*npairs = total;
				rc = -2;
				goto out;
			}
		}
		if (pool_alloc(in, rw, total) != 0)
			goto out;
	}
	total = 0;
	for (size_t i = 0; i < ne; i++) {
		uint32_t *o = rw->pool + total;
		size_t	 cnt[103], n;

		rw->start[i] = total;
		if ((n = row_admissible(p, &cl, i, t)) == 0)
			continue;
		total += n;
		row_scores(p, &cl, i, t);
		/*
		 * Counting sort by cost 100 - score, ties by mentor, without
		 * a branch per pair: the excluded ones go to a last bucket,
		 * past the row's end (room the next row overwrites, or the
		 * slack of nm entries at the end of the pool).
		 */
		memset(cnt, 0, sizeof(cnt));
		for (size_t j = 0; j < nm; j++)
			cnt[(t[j] < 0 ? 101 : 100 - t[j]) + 1]++;
		for (int w = 1; w < 103; w++)
			cnt[w] += cnt[w - 1];
		for (size_t j = 0; j < nm; j++) {
			uint32_t c = t[j] < 0 ? 101u : (uint32_t)(100 - t[j]);

			o[cnt[c]++] = (uint32_t)j << 7 | c;
		}
	}
	rw->start[ne] = total;
	*npairs = total;
	rc = 0;
out:
	cols_free(&cl);
	free(t);
	return rc;
}

size_t
match_count_pairs(const struct match_input *in, size_t stride)
{
	struct prep	 p;
	struct cols	 cl;
	signed char	*t = malloc(in->nmentors + 1);
	size_t		 n = 0;
	int		 ok;

	if (stride == 0)
		stride = 1;
	memset(&cl, 0, sizeof(cl));
	ok = match_prep_init(&p, in) == 0 && t != NULL;
	if (ok && cols_init(&p, &cl, 0) == 0)
		for (size_t i = 0; i < in->nmentees; i += stride)
			n += row_admissible(&p, &cl, i, t);
	else
		ok = 0;
	cols_free(&cl);
	match_prep_free(&p);
	free(t);
	return ok ? n * stride : (size_t)-1;
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
	if (match_prep_init(&p, &one) != 0) {
		memset(sc, 0, sizeof(*sc));
		sc->score = -1;
	} else
		match_score_prepared(&p, 0, 0, sc);
	match_prep_free(&p);
}

