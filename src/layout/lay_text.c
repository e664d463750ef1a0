/*
 * Setting text blocks as lines: the runs of a block become the items of
 * the line breaker (with hyphenation), the lines it chooses are placed
 * word by word, and characters no font has are reported.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/font.h"
#include "layout/hyph.h"
#include "layout/lay.h"
#include "layout/linebreak.h"
#include "util/diag.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* ---- fonts and text ------------------------------------------------ */

static struct hyph	*hyph_apply(struct layout_run *, struct hyph *,
			    const char *);

/* The patterns of a language (the document's if NULL), loaded once per
 * run; NULL if there are none. */
static struct hyph *
hyph_for(struct lay *L, const char *lang)
{
	struct layout_run *run = L->run;

	if ((lang = lang != NULL ? lang : L->doc->lang) == NULL)
		return NULL;
	if (lang == L->hyph_lang)	/* asked for every word */
		return L->hyph;
	L->hyph_lang = lang;
	for (size_t i = 0; i < run->nhyphs; i++)
		if (strncmp(run->hyphs[i].lang, lang,
		    sizeof(run->hyphs[i].lang)) == 0)
			return L->hyph = run->hyphs[i].h;
	if (run->nhyphs == sizeof(run->hyphs) / sizeof(run->hyphs[0]) ||
	    strlen(lang) >= sizeof(run->hyphs[0].lang))
		return L->hyph = NULL;
	snprintf(run->hyphs[run->nhyphs].lang, sizeof(run->hyphs[0].lang),
	    "%s", lang);
	run->hyphs[run->nhyphs].h = hyph_apply(run, hyph_open(lang), lang);
	return L->hyph = run->hyphs[run->nhyphs++].h;
}

/* Enter the run's words into patterns just opened for lang: the names
 * never hyphenated, then the programme's own lists of that language
 * (which thus win). Returns h. */
static struct hyph *
hyph_apply(struct layout_run *run, struct hyph *h, const char *lang)
{
	if (h == NULL)
		return NULL;
	if (run->hyph_keep != NULL)
		hyph_keep(h, run->hyph_keep, run->hyph_keep_len);
	for (size_t i = 0; i < run->nhyph_lists; i++)
		if (strncmp(run->hyph_lists[i].lang, lang, 2) == 0)
			hyph_words(h, run->hyph_lists[i].file,
			    run->hyph_lists[i].text, run->hyph_lists[i].len,
			    true);
	return h;
}

int
layout_hyph_words(struct layout_run *run, const char *lang, const char *file,
    const char *text, size_t len)
{
	int errors = hyph_words(NULL, file, text, len, false);

	run->hyph_lists = xrealloc(run->hyph_lists, (run->nhyph_lists + 1) *
	    sizeof(*run->hyph_lists));
	run->hyph_lists[run->nhyph_lists].lang = xstrdup(lang);
	run->hyph_lists[run->nhyph_lists].file = xstrdup(file);
	run->hyph_lists[run->nhyph_lists].text = xstrndup(text, len);
	run->hyph_lists[run->nhyph_lists].len = len;
	run->nhyph_lists++;
	/* Patterns opened already take the words too. */
	for (size_t i = 0; i < run->nhyphs; i++)
		if (run->hyphs[i].h != NULL &&
		    strncmp(run->hyphs[i].lang, lang, 2) == 0)
			hyph_words(run->hyphs[i].h, file, text, len, true);
	return errors;
}

void
layout_hyph_keep(struct layout_run *run, const char *text)
{
	size_t n = strlen(text);

	run->hyph_keep = xrealloc(run->hyph_keep, run->hyph_keep_len + n + 2);
	memcpy(run->hyph_keep + run->hyph_keep_len, text, n);
	run->hyph_keep_len += n;
	run->hyph_keep[run->hyph_keep_len++] = '\n';
	run->hyph_keep[run->hyph_keep_len] = '\0';
	for (size_t i = 0; i < run->nhyphs; i++)
		hyph_keep(run->hyphs[i].h, text, n);
}

void
layout_set_origin(struct layout_run *run, layout_origin_fn fn, void *arg)
{
	run->origin_fn = fn;
	run->origin_arg = arg;
}

/* Report a character that neither the font nor its fallback has, at the
 * place in the data it came from if the origin hook knows it: once per
 * run (a thousand certificates with the same name give one warning). */
static void
missing_glyph(struct layout_run *run, const struct doc_block *b, long line,
    struct font *f, uint32_t cp)
{
	char buf[5] = { 0 }, what[160], fonts[200];
	const char *file = b->file;
	struct font *fb = font_fallback(f);

	for (size_t i = 0; i < run->nwarned; i++)
		if (run->warned[i] == cp)
			return;
	if (run->nwarned == LAY_WARN_MAX)
		return;
	run->warned[run->nwarned++] = cp;
	utf8_encode(cp, buf);
	what[0] = '\0';
	if (run->origin_fn != NULL && !run->origin_fn(run->origin_arg, cp,
	    &file, &line, what, sizeof(what)))
		what[0] = '\0';
	if (fb != NULL)
		snprintf(fonts, sizeof(fonts), "not in font %s or its fallback "
		    "%s", font_family(f), font_family(fb));
	else
		snprintf(fonts, sizeof(fonts), "not in font %s",
		    font_family(f));
	diag_warn(file, line, "character U+%04X (%s)%s%s is %s; it prints as "
	    "an empty box", (unsigned)cp, buf, what[0] ? " in " : "", what,
	    fonts);
}

/* Check every character of s against the font. */
void
lay_check_glyphs(struct lay *L, const struct doc_block *b, long line,
    struct font *f, const char *s, size_t len)
{
	size_t i = 0, k;
	uint32_t cp;

	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;
			continue;
		}
		i += k;
		if (cp < 0x80 && cp >= 0x20)
			continue;
		if (cp == 0xAD || cp == 0x200B || cp < 0x20)
			continue;
		if (!font_covers(f, cp))
			missing_glyph(L->run, b, line, f, cp);
	}
}

/* ---- paragraphs ---------------------------------------------------- */

/* The cost of a break after an explicit hyphen or slash in a title
 * ("Mentoring-/Programm"): taken only when breaks between words would
 * need more lines. */
#define TITLE_EXPLICIT_PENALTY	5000

/* What a box of the line breaker shows. */
struct boxinfo {
	const char	*s;
	size_t		 len;
	struct font	*font;
	double		 size;
	struct dev_color color;
	const char	*uri;
	int		 xref;		/* as frag.xref */
	int		 run;
};

struct para {
	struct lb_item	*it;
	struct boxinfo	*bi;		/* parallel to it (boxes only) */
	size_t		 n, cap, bicap;
};

static void
para_push(struct para *p, const struct lb_item *it, const struct boxinfo *bi)
{
	p->it = xgrow(p->it, &p->cap, p->n + 1, sizeof(*p->it));
	p->bi = xgrow(p->bi, &p->bicap, p->n + 1, sizeof(*p->bi));
	p->it[p->n] = *it;
	if (bi != NULL)
		p->bi[p->n] = *bi;
	else
		memset(&p->bi[p->n], 0, sizeof(p->bi[0]));
	p->n++;
}

static void
push_box(struct para *p, const struct boxinfo *bi)
{
	struct lb_item it = { .type = LB_BOX };

	it.width = font_width(bi->font, bi->s, bi->len) * bi->size / 1000;
	para_push(p, &it, bi);
}

static void
push_penalty(struct para *p, int pen, bool flagged, double width)
{
	struct lb_item it = { .type = LB_PENALTY };

	it.penalty = pen;
	it.flagged = flagged;
	it.width = width;
	para_push(p, &it, NULL);
}

static bool
is_letter_byte_start(const char *s, size_t len, size_t i, uint32_t *cp,
    size_t *k)
{
	*k = utf8_decode(s + i, len - i, cp);
	if (*k == 0) {
		*k = 1;
		return false;
	}
	return (*cp >= 'a' && *cp <= 'z') || (*cp >= 'A' && *cp <= 'Z') ||
	    (*cp >= 0xC0 && *cp <= 0x24F && *cp != 0xD7 && *cp != 0xF7) ||
	    (*cp >= 0x370 && *cp <= 0x52F);
}

/*
 * Add one word (no spaces; a slice of one run) as boxes with possible
 * breaks: hyphenation points inside letter sequences, breaks after
 * explicit hyphens and slashes, and for words wider than the line breaks
 * between any two characters.
 */
static void
push_word(struct lay *L, struct para *p, const struct boxinfo *w,
    const char *lang, double linew, int hyphen_penalty, int explicit_penalty)
{
	struct hyph *h = hyphen_penalty < LB_INF ? hyph_for(L, lang) : NULL;
	struct boxinfo piece = *w;
	unsigned short pts[HYPH_MAX_POINTS];
	size_t cut[256], ncut = 0;	/* byte offsets of breaks */
	unsigned char kind[256];	/* 0 hyphen, 1 after '-', 2 after '/' */
	size_t i = 0, k, start = 0, nletters = 0;
	double hyw = font_advance(w->font, '-') * w->size / 1000;
	double width = font_width(w->font, w->s, w->len) * w->size / 1000;
	uint32_t cp;
	bool overlong = width > linew;

	/* Soft hyphens and zero-width spaces: break points, not drawn. */
	while (i < w->len) {
		bool letter = is_letter_byte_start(w->s, w->len, i, &cp, &k);

		if (letter) {
			if (nletters == 0)
				start = i;
			nletters++;
		}
		if (!letter || i + k == w->len) {
			size_t end = letter ? i + k : i;

			if (nletters >= 4 && h != NULL) {
				size_t np = hyph_points(h, w->s + start,
				    end - start, pts);

				for (size_t j = 0; j < np && ncut < 255; j++) {
					cut[ncut] = start + pts[j];
					kind[ncut++] = 0;
				}
			}
			nletters = 0;
		}
		if (!letter && ncut < 255 && i > 1 && i + k + 1 < w->len &&
		    (cp == '-' || cp == '/' || cp == 0x2013 || cp == 0xAD ||
		    cp == 0x200B)) {
			cut[ncut] = cp == 0xAD || cp == 0x200B ? i : i + k;
			kind[ncut++] = cp == 0xAD ? 0 : cp == '/' ||
			    cp == 0x200B ? 2 : 1;
		}
		i += k;
	}
	/* Sort the cuts (hyphenation points and explicit breaks interleave). */
	for (size_t a = 1; a < ncut; a++)
		for (size_t b = a; b > 0 && cut[b - 1] > cut[b]; b--) {
			size_t tc = cut[b];
			unsigned char tk = kind[b];

			cut[b] = cut[b - 1];
			kind[b] = kind[b - 1];
			cut[b - 1] = tc;
			kind[b - 1] = tk;
		}
	start = 0;
	for (size_t c = 0; c <= ncut; c++) {
		size_t end = c < ncut ? cut[c] : w->len;
		size_t from = start;

		if (end <= start && c < ncut)
			continue;
		/* A soft hyphen or zero-width space is skipped over. */
		if (from < w->len && (unsigned char)w->s[from] == 0xC2 &&
		    from + 1 < w->len && (unsigned char)w->s[from + 1] == 0xAD)
			from += 2;
		else if (from + 2 < w->len &&
		    memcmp(w->s + from, "\xe2\x80\x8b", 3) == 0)
			from += 3;
		if (overlong) {
			/* Emergency breaks between all characters. */
			size_t j = from;

			while (j < end) {
				size_t kk = utf8_decode(w->s + j, end - j, &cp);

				if (kk == 0)
					kk = 1;
				piece.s = w->s + j;
				piece.len = kk;
				push_box(p, &piece);
				j += kk;
				if (j < end)
					push_penalty(p, 3000, false, 0);
			}
		} else if (end > from) {
			piece.s = w->s + from;
			piece.len = end - from;
			push_box(p, &piece);
		}
		if (c < ncut && kind[c] == 0)
			push_penalty(p, hyphen_penalty, true, hyw);
		else if (c < ncut)
			push_penalty(p, kind[c] == 1 ? explicit_penalty :
			    explicit_penalty / 2, kind[c] == 1, 0);
		start = end;
	}
}

static bool
is_space(const char *s, size_t len, size_t i, size_t *k)
{
	uint32_t cp;

	if (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r') {
		*k = 1;
		return true;
	}
	*k = utf8_decode(s + i, len - i, &cp);
	if (*k == 0)
		*k = 1;
	return cp == 0x2002 || cp == 0x2003 || cp == 0x2009;
}

/* Whether a word begins with an en or em dash (" – " in a sentence). */
static bool
starts_with_dash(const char *s, size_t len)
{
	uint32_t cp;

	return utf8_decode(s, len, &cp) > 0 && (cp == 0x2013 || cp == 0x2014);
}

/*
 * Make the last item, a glue, no place to break: a penalty of LB_INF goes
 * before it (a glue is a breakpoint only right after a box). The space
 * before a dash thus never breaks, and no line starts with the dash.
 */
static void
glue_unbreakable(struct para *p)
{
	struct lb_item g = p->it[p->n - 1];

	p->n--;
	push_penalty(p, LB_INF, false, 0);
	para_push(p, &g, NULL);
}

/* Build the item list of a text block's runs. */
static void
build_items(struct lay *L, const struct doc_block *b, const struct pstyle *ps,
    double linew, struct para *p)
{
	const char *lang = b->lang;

	if (ps->indent > 0) {
		struct lb_item it = { .type = LB_BOX, .width = ps->indent };

		para_push(p, &it, NULL);
	}
	for (size_t r = 0; r < b->nruns; r++) {
		const struct doc_run *run = &b->runs[r];
		struct boxinfo bi;
		unsigned style = run->style | ps->style;
		enum doc_font fam = (style & DOC_CODE_SPAN) ?
		    DOC_FONT_MONO : ps->family;
		size_t i = 0, k, ws;

		if (run->style & DOC_BREAK) {
			struct lb_item g = { .type = LB_GLUE, .stretch = 1e5 };

			para_push(p, &g, NULL);
			push_penalty(p, -LB_INF, false, 0);
			continue;
		}
		memset(&bi, 0, sizeof(bi));
		bi.font = template_font(L->t, fam, style);
		bi.size = fam == DOC_FONT_MONO && ps->family != DOC_FONT_MONO ?
		    ps->size * 0.9 : ps->size;
		bi.uri = run->uri;
		if (run->uri != NULL && run->uri[0] == '#') {
			long x = lay_xref_find(L, run->uri);

			/* A link to no heading: its text stays plain. */
			if (x < 0 || L->iddest[x] < 0)
				bi.uri = NULL;
			else
				bi.xref = L->iddest[x] + 1;
		}
		bi.color = bi.uri ? L->t->link : ps->color;
		bi.run = (int)r;
		lay_check_glyphs(L, b, run->line, bi.font, run->text,
		    run->len);
		while (i < run->len) {
			if (is_space(run->text, run->len, i, &k)) {
				double sw = font_advance(bi.font, ' ') *
				    bi.size / 1000;
				struct lb_item g = { .type = LB_GLUE };

				while (i < run->len &&
				    is_space(run->text, run->len, i, &k))
					i += k;
				/* One glue per gap, even across runs. */
				if (p->n > 0 && p->it[p->n - 1].type == LB_GLUE)
					continue;
				if (p->n == 0 || (p->n == 1 && ps->indent > 0))
					continue;
				g.width = sw;
				if (ps->align == DOC_ALIGN_JUSTIFY) {
					g.stretch = sw * 0.6;
					g.shrink = sw * 0.3;
				}
				para_push(p, &g, NULL);
				continue;
			}
			ws = i;
			while (i < run->len &&
			    !is_space(run->text, run->len, i, &k))
				i += k;
			bi.s = run->text + ws;
			bi.len = i - ws;
			if (p->n > 1 && p->it[p->n - 1].type == LB_GLUE &&
			    starts_with_dash(bi.s, bi.len))
				glue_unbreakable(p);
			push_word(L, p, &bi, run->lang ? run->lang : lang,
			    linew, ps->balance ? TITLE_EXPLICIT_PENALTY :
			    ps->align == DOC_ALIGN_JUSTIFY ? 50 :
			    ps->align == DOC_ALIGN_LEFT ? 300 : LB_INF,
			    ps->balance ? TITLE_EXPLICIT_PENALTY : 100);
		}
	}
	/* Drop trailing glue, then finish the paragraph. */
	while (p->n > 0 && p->it[p->n - 1].type == LB_GLUE)
		p->n--;
	{
		struct lb_item g = { .type = LB_GLUE, .stretch = 1e5 };

		para_push(p, &g, NULL);
		push_penalty(p, -LB_INF, false, 0);
	}
}

/* Whether any line of lines[0..n) ends in a break after a hyphen or is
 * overfull. */
static bool
lines_worse(const struct para *p, const struct lb_line *lines, size_t n)
{
	for (size_t l = 0; l < n; l++)
		if (lines[l].overfull || (l + 1 < n &&
		    p->it[lines[l].end].type == LB_PENALTY &&
		    p->it[lines[l].end].flagged))
			return true;
	return false;
}

/*
 * Balance a title broken into nl lines (*lines): break it again in a
 * narrower measure, as narrow as still gives nl lines and no more breaks
 * after hyphens, so that the lines come out even and no word stands alone
 * on the last. Returns the number of lines (nl) and leaves the best
 * breaks in *lines.
 */
static size_t
balance_lines(const struct para *p, struct lb_params *par, size_t nl,
    struct lb_line **lines)
{
	double hi = par->width, lo = par->width / 2, full = par->width;
	bool hyph = lines_worse(p, *lines, nl);

	for (int i = 0; i < 12 && hi - lo > 0.5; i++) {
		struct lb_line *try = NULL;
		size_t n;

		par->width = (lo + hi) / 2;
		n = lb_break(p->it, p->n, par, &try);
		if (n == nl && (hyph || !lines_worse(p, try, n))) {
			free(*lines);
			*lines = try;
			hi = par->width;
		} else {
			free(try);
			lo = par->width;
		}
	}
	par->width = full;
	return nl;
}

/*
 * Set a text block as lines in column [x, x + width): break it, place each
 * word, and append one V_LINE per line. Returns the index of the first
 * line item (NONE if the block is empty).
 */
size_t
lay_set_text(struct lay *L, const struct doc_block *b, const struct pstyle *ps,
    const struct fctx *c, double x, double width)
{
	struct para p = { 0 };
	struct lb_params par;
	struct lb_line *lines = NULL;
	size_t nl, first = NONE;
	bool hyph_end = false;		/* the line before ends in "-" */
	const struct fctx *keep = (c->nbars > 0 || c->code) ?
	    lay_ctx_keep(L, c) : NULL;
	struct font *base = template_font(L->t, ps->family, ps->style);
	double asc = font_ascent(base) * ps->size / 1000;

	if (width < 10)
		width = 10;
	build_items(L, b, ps, width, &p);
	lb_defaults(&par, width);
	if (ps->align != DOC_ALIGN_JUSTIFY) {
		par.ragged = true;
		par.ragged_stretch = ps->size * 3;
	}
	nl = lb_break(p.it, p.n, &par, &lines);
	if (ps->balance && nl > 1)
		nl = balance_lines(&p, &par, nl, &lines);
	/* A paragraph with nothing but the closing glue is empty. */
	if (p.n <= 2 + (ps->indent > 0)) {
		bool any = false;

		for (size_t i = 0; i < p.n; i++)
			any |= p.it[i].type == LB_BOX && p.bi[i].s != NULL;
		if (!any)
			nl = 0;
	}
	for (size_t l = 0; l < nl; l++) {
		struct lb_line *ln = &lines[l];
		struct vitem *it = lay_vl_add(L, V_LINE, ps->leading);
		double natural = 0, xx, r = ln->ratio, shift = 0;
		size_t end = ln->end;

		if (first == NONE)
			first = L->vl.n - 1;
		it->asc = asc + (ps->leading - ps->size * 1.15) / 2;
		if (it->asc < asc * 0.8)
			it->asc = asc * 0.8;
		it->ctx = keep;
		/* Widows and orphans: never a single line at either end. */
		if (l > 0 && (ps->keep_lines || l == 1 || l + 1 == nl))
			it->keep_prev = true;
		/* No word divided across pages: after a line ending in a
		 * hyphen the page breaks only when nothing else fits. */
		else if (l > 0 && hyph_end) {
			it->keep_prev = true;
			it->weak_break = true;
		}
		if (ps->align != DOC_ALIGN_JUSTIFY || (r > 0 && l + 1 == nl))
			r = 0;
		if (par.ragged || r > 1e4)
			r = 0;
		/* The line's natural width decides centring. */
		for (size_t i = ln->start; i < end; i++)
			if (p.it[i].type != LB_PENALTY)
				natural += p.it[i].width;
		if (ln->hyphen)
			natural += p.it[end].width;
		while (end > ln->start && p.it[end - 1].type == LB_GLUE) {
			natural -= p.it[end - 1].width;
			end--;
		}
		if (ps->align == DOC_ALIGN_CENTER)
			shift = (width - natural) / 2;
		else if (ps->align == DOC_ALIGN_RIGHT)
			shift = width - natural;
		if (shift < 0)
			shift = 0;
		xx = x + shift;
		if (L->label != NULL && l == 0) {
			lay_frag_add(it, L->label);
			L->label = NULL;
		}
		for (size_t i = ln->start; i < end; i++) {
			const struct lb_item *li = &p.it[i];
			const struct boxinfo *bi = &p.bi[i];

			if (li->type == LB_GLUE) {
				xx += li->width + (r > 0 ? r * li->stretch :
				    r * li->shrink);
				continue;
			}
			if (li->type != LB_BOX)
				continue;
			if (bi->s == NULL) {		/* indent */
				xx += li->width;
				continue;
			}
			/* Pieces of one word in one run make one run. */
			if (it->nfrags > 0 && i > ln->start &&
			    p.it[i - 1].type != LB_GLUE) {
				struct frag *pf = &it->frags[it->nfrags - 1];

				if (pf->s + pf->len == bi->s &&
				    pf->font == bi->font &&
				    pf->size == bi->size) {
					pf->len += bi->len;
					pf->w += li->width;
					xx += li->width;
					continue;
				}
			}
			{
				struct frag f;

				f.x = xx;
				f.w = li->width;
				f.font = bi->font;
				f.size = bi->size;
				f.color = bi->color;
				f.s = bi->s;
				f.len = bi->len;
				f.uri = bi->uri;
				f.xref = bi->xref;
				f.label = false;
				lay_frag_add(it, &f);
			}
			xx += li->width;
		}
		if (ln->hyphen && p.it[ln->end].width > 0 && it->nfrags > 0) {
			struct frag f = it->frags[it->nfrags - 1];

			f.x = f.x + f.w;
			f.label = false;
			f.s = "-";
			f.len = 1;
			f.w = font_advance(f.font, '-') * f.size / 1000;
			lay_frag_add(it, &f);
		}
		hyph_end = it->nfrags > 0 &&
		    it->frags[it->nfrags - 1].len > 0 &&
		    it->frags[it->nfrags - 1].s[it->frags[it->nfrags - 1].len -
		    1] == '-';
		L->st.lines++;
		L->st.hyphens += ln->hyphen;
		L->st.overfull += ln->overfull;
	}
	free(lines);
	free(p.it);
	free(p.bi);
	return first;
}

double
lay_col_width(const struct fctx *c)
{
	return c->right - c->left;
}
