/*
 * Certificates (Urkunden): one page per participant not withdrawn, mentees
 * and mentors, from certificate.md with the holder's own role word; the
 * name set large and fitted (compose/fit.h), a frame, the organisations'
 * logos, signature lines for the signatories and the certificate number.
 * Written as certificates/<person id>.pdf and all of them in
 * certificates.pdf.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/certno.h"
#include "compose/fit.h"
#include "compose/labels.h"
#include "docs/docs.h"
#include "layout/layout.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/xalloc.h"

#define NAME_MAX_PT	30	/* the name as large as this ... */
#define NAME_MIN_PT	14	/* ... shrunk to fit one line, and below
				   this (the size of the text) warned
				   about */

/* The certificate text, read once per run. */
struct certtext {
	char	*file;
	char	*text;
	size_t	 len;
};

/* Is every run of a text block bold? */
static bool
all_bold(const struct doc_block *b)
{
	size_t n = 0;

	for (size_t i = 0; i < b->nruns; i++) {
		if (b->runs[i].len == 0)
			continue;
		if (!(b->runs[i].style & DOC_BOLD))
			return false;
		n++;
	}
	return n > 0;
}

/* A copy of s with its spaces as no-break spaces. */
static char *
nobreak(const char *s, size_t len)
{
	struct strbuf sb = STRBUF_INIT;

	for (size_t i = 0; i < len; i++)
		if (s[i] == ' ')
			sb_adds(&sb, NBSP);
		else
			sb_addc(&sb, s[i]);
	return sb_take(&sb);
}

/*
 * Set the name paragraph on one line, never broken: as large as
 * NAME_MAX_PT and shrunk until it fits (the layout shrinks it further if
 * its measure differs, shrink_fit). Returns the size chosen, in points.
 */
static double
fit_name(struct doc_block *b, const struct docs_env *env, const char *name,
    double kt)
{
	struct font *f;
	double width = 425, size = NAME_MAX_PT * kt, w;
	char *nb;

	if (env->t != NULL)
		width = env->t->page_w - env->t->left - env->t->right;
	f = env->t ? template_font(env->t, DOC_FONT_HEADING, DOC_BOLD) : NULL;
	for (size_t i = 0; i < b->nruns; i++)
		free(b->runs[i].text), free(b->runs[i].uri);
	b->nruns = 0;
	b->font = DOC_FONT_HEADING;
	b->style = DOC_BOLD;
	b->shrink_fit = true;
	/* A little room on either side, so the name never touches the
	 * frame's inner area. */
	w = f != NULL ? layout_text_width(f, name, strlen(name)) * size /
	    1000 : 0;
	if (w > width - 4)
		size *= (width - 4) / w;
	b->size = size;
	nb = nobreak(name, strlen(name));
	doc_add_text(b, nb, strlen(nb), 0, 0);
	free(nb);
	return size;
}

/*
 * Keep every mention of the holder's name in a paragraph of running text
 * (set at size points) on one line: its spaces become no-break spaces
 * (within a run). A name wider than most of a line is left as it is.
 */
static void
keep_names(struct doc_block *b, const struct docs_env *env, const char *name,
    double size)
{
	size_t nlen = strlen(name);
	struct font *f;

	if (nlen == 0 || strchr(name, ' ') == NULL || env->t == NULL ||
	    (f = template_font(env->t, DOC_FONT_BODY, 0)) == NULL ||
	    layout_text_width(f, name, nlen) * size / 1000 > 0.8 *
	    (env->t->page_w - env->t->left - env->t->right))
		return;
	for (size_t i = 0; i < b->nruns; i++) {
		struct doc_run *r = &b->runs[i];
		struct strbuf sb = STRBUF_INIT;
		const char *q = r->text, *hit;
		bool any = false;

		if (r->len < nlen)
			continue;
		while ((hit = strstr(q, name)) != NULL) {
			char *nb = nobreak(hit, nlen);

			sb_add(&sb, q, (size_t)(hit - q));
			sb_adds(&sb, nb);
			free(nb);
			q = hit + nlen;
			any = true;
		}
		if (!any) {
			sb_free(&sb);
			continue;
		}
		sb_adds(&sb, q);
		free(r->text);
		r->len = sb.len;
		r->text = sb_take(&sb);
	}
}

/* Remove a leading ", " (and "den ") left by an empty {{place}}. */
static void
trim_empty_place(struct doc_block *b)
{
	struct doc_run *r;
	size_t cut = 0;

	if (b->nruns == 0)
		return;
	r = &b->runs[0];
	if (r->len >= 2 && strncmp(r->text, ", ", 2) == 0) {
		cut = 2;
		if (r->len >= cut + 4 && strncmp(r->text + cut, "den ", 4) == 0)
			cut += 4;
	}
	if (cut == 0)
		return;
	memmove(r->text, r->text + cut, r->len - cut + 1);
	r->len -= cut;
}

/* A space of h points: appended to parent, or put in front of before
 * (a child of parent). */
static void
vspace(struct doc_block *parent, double h, struct doc_block *before)
{
	struct doc_block *s = doc_add(parent, DOC_SPACE, NULL, 0);
	struct doc_block *k, *prev = NULL;

	s->height = h;
	if (before == NULL || before == s)
		return;
	/* Unlink s from the end, then link it in front of before. */
	for (k = parent->first; k != NULL && k->next != s; k = k->next)
		;
	if (k == NULL)
		return;
	k->next = NULL;
	parent->last = k;
	for (k = parent->first; k != NULL && k != before; k = k->next)
		prev = k;
	s->next = before;
	if (prev != NULL)
		prev->next = s;
	else
		parent->first = s;
}

/*
 * The frame and the certificate number: the last block of the
 * certificate, so that the number is read last, as it is printed at the
 * foot of the page; a drawing in page coordinates (on_page), so that it
 * lands there wherever the text before it ends.
 */
static struct doc_block *
frame(struct doc_block *root, const struct docs_env *env, int person)
{
	const struct programme *p = env->p;
	const struct template *t = env->t;
	double pw = t ? t->page_w : 595.28, ph = t ? t->page_h : 841.89;
	struct doc_block *b = doc_add(root, DOC_DRAWING, NULL, 0);
	struct doc_prim *pr;
	struct strbuf sb = STRBUF_INIT;
	char *no = certno_make(p->id, p->people[person].id);
	struct font *f = t ? template_font(t, DOC_FONT_BODY, 0) : NULL;
	double w;

	b->on_page = true;
	pr = doc_add_prim(b, DOC_PRIM_RECT, 28, 28, pw - 56, ph - 56);
	pr->width = 1.6;
	pr->grey = 0.35;
	pr = doc_add_prim(b, DOC_PRIM_RECT, 33, 33, pw - 66, ph - 66);
	pr->width = 0.5;
	pr->grey = 0.35;
	sb_adds(&sb, label_get(p->lang, LABEL_CERTNO));
	sb_addc(&sb, ' ');
	sb_adds(&sb, no);
	w = f ? layout_text_width(f, sb_str(&sb), sb.len) * 8 / 1000 : 0;
	pr = doc_add_prim(b, DOC_PRIM_TEXT, (pw - w) / 2, ph - 46, 0, 0);
	pr->size = 8;
	pr->text = sb_take(&sb);
	free(no);
	return b;
}

/* One centred line of a signatory's block at *y, shrunk if it is wider
 * than col; *y moves to the next line. */
static void
sig_line(struct doc_block *b, struct font *f, const char *s, size_t len,
    double col, double size, double *y)
{
	struct doc_prim *pr;
	double w = f ? layout_text_width(f, s, len) * size / 1000 : 0;

	if (w > col && w > 0) {
		size *= col / w;
		w = col;
	}
	pr = doc_add_prim(b, DOC_PRIM_TEXT, 8 + (col - w) / 2, *y, 0, 0);
	pr->size = size;
	pr->text = xstrndup(s, len);
	*y += 11;
}

/*
 * One signatory's block (s NULL: an unlabelled line) in a drawing col
 * points wide and 8 more on each side: the line to sign on, then name, office and organisation,
 * centred and of one size so that text extraction keeps them together.
 * A Form element of its own in the structure, so that each signatory is
 * read as a unit.
 */
static void
signatory(struct doc_block *cell, const struct docs_env *env,
    const struct signatory *s, double col)
{
	const struct programme *p = env->p;
	const struct template *t = env->t;
	struct font *f = t ? template_font(t, DOC_FONT_BODY, 0) : NULL;
	struct doc_block *b = doc_add(cell, DOC_DRAWING, NULL, 0);
	const char *lines[3] = { NULL, NULL, NULL };
	struct doc_prim *pr;
	double y = 47;

	b->width = col + 16;
	b->height = 70;
	b->form = true;
	pr = doc_add_prim(b, DOC_PRIM_LINE, 8, 34, col, 0);
	pr->width = 0.6;
	if (s != NULL) {
		lines[0] = s->name;
		lines[1] = s->office;
		lines[2] = compose_org(p, s->org);
	} else
		lines[0] = label_get(p->lang, LABEL_SIGNATURE);
	for (int l = 0; l < 3; l++) {
		struct fit fit;
		double size = 9.5;

		if (lines[l] == NULL || *lines[l] == '\0')
			continue;
		/* Too wide for the column: two or more lines of the same
		 * size (text extraction keeps them with the rest); only a
		 * word wider than the column is set smaller. */
		fit.nlines = 0;
		fit.lines = NULL;
		if (f != NULL)
			fit_balance(&fit, f, lines[l], strlen(lines[l]), col,
			    size);
		if (fit.nlines == 0) {
			sig_line(b, f, lines[l], strlen(lines[l]), col, size,
			    &y);
			continue;
		}
		for (size_t i = 0; i < fit.nlines; i++)
			sig_line(b, f, lines[l] + fit.lines[i].off,
			    fit.lines[i].len, col, size, &y);
		fit_free(&fit);
	}
	if (y + 1 > b->height)
		b->height = y + 1;
}

/* Signature lines for the signatories, side by side (at most three per
 * row, a row of fewer centred); one unlabelled line when the programme
 * names none. Each row is a layout-only table, each signatory a cell. */
static void
signatures(struct doc_block *root, const struct docs_env *env)
{
	const struct programme *p = env->p;
	const struct template *t = env->t;
	double width = t ? t->page_w - t->left - t->right : 425;
	size_t n = p->nsignatories, per = n < 3 ? (n ? n : 1) : 3;
	/* The line's width; each cell adds a gap of 24 points, of which
	 * the table takes 4 on each side. */
	double col = per == 1 ? width * 0.5 : (width - 24 * (double)per) /
	    (double)per;

	for (size_t row = 0; row * per < (n ? n : 1); row++) {
		size_t k0 = row * per, k1 = k0 + per < n ? k0 + per : n;
		size_t cnt = n ? k1 - k0 : 1;
		double side = (width - (col + 24) * (double)cnt) / 2;
		double colw[5];
		size_t nc = 0;
		struct doc_block *tb, *r;

		if (side < 0)
			side = 0;
		colw[nc++] = side > 0 ? side : 0.001;
		for (size_t i = 0; i < cnt; i++)
			colw[nc++] = col + 24;
		colw[nc++] = side > 0 ? side : 0.001;
		tb = docs_table(root, colw, nc, 0);
		tb->no_rules = true;
		tb->layout_only = true;
		r = docs_row(tb);
		doc_add(r, DOC_CELL, NULL, 0);
		for (size_t i = 0; i < cnt; i++)
			signatory(doc_add(r, DOC_CELL, NULL, 0), env,
			    n ? &p->signatories[k0 + i] : NULL, col);
		doc_add(r, DOC_CELL, NULL, 0);
	}
}

/*
 * Set the programme's title (a paragraph all in bold, at size points)
 * in balanced lines, each line a hard break, so that no word stands alone
 * on the last line.
 */
static void
balance_title(struct doc_block *b, const struct docs_env *env, double size)
{
	struct fit fit;
	struct font *f;
	char *text;
	double width;
	unsigned style;
	long line;

	if (env->t == NULL || b->nruns == 0 ||
	    (f = template_font(env->t, DOC_FONT_BODY, DOC_BOLD)) == NULL)
		return;
	width = env->t->page_w - env->t->left - env->t->right - 4;
	text = doc_plain_text(b);
	fit_balance(&fit, f, text, strlen(text), width, size);
	if (fit.nlines > 1) {
		style = b->runs[0].style;
		line = b->runs[0].line;
		for (size_t i = 0; i < b->nruns; i++)
			free(b->runs[i].text), free(b->runs[i].uri);
		b->nruns = 0;
		for (size_t i = 0; i < fit.nlines; i++) {
			if (i > 0)
				doc_add_break(b, line);
			doc_add_text(b, text + fit.lines[i].off,
			    fit.lines[i].len, style, line);
		}
	}
	fit_free(&fit);
	free(text);
}

/*
 * Set a centred paragraph of body text (at size points) in balanced lines
 * (fit_balance), so that its last line is not a word or two: each break
 * becomes a hard break, the runs keep their styles and links. A paragraph
 * with hard breaks of its own, or one that fits on a line, is left alone.
 */
static void
balance_para(struct doc_block *b, const struct docs_env *env, double size)
{
	struct fit fit;
	struct font *f;
	struct doc_run *old;
	size_t nold, pos = 0, c = 0, skip = 0;
	unsigned faces = 0;
	char *text;
	double width;

	if (env->t == NULL || b->nruns == 0)
		return;
	for (size_t i = 0; i < b->nruns; i++) {
		if (b->runs[i].style & DOC_BREAK)
			return;
		faces |= b->runs[i].style & DOC_BOLD;
	}
	/* Measured in the bold face if any run is bold: the lines then
	 * come out no wider than the measure. */
	if ((f = template_font(env->t, DOC_FONT_BODY, faces)) == NULL)
		return;
	width = env->t->page_w - env->t->left - env->t->right - 8;
	text = doc_plain_text(b);
	fit_balance(&fit, f, text, strlen(text), width, size);
	free(text);
	if (fit.nlines < 2) {
		fit_free(&fit);
		return;
	}
	old = b->runs;
	nold = b->nruns;
	b->runs = NULL;
	b->nruns = b->runcap = 0;
	/* Cut c lies between the end of line c and the start of line c + 1
	 * (spaces, dropped): it becomes one hard break. */
	for (size_t i = 0; i < nold; i++) {
		size_t end = pos + old[i].len, from = pos > skip ? pos : skip;

		while (from < end) {
			size_t cs = c + 1 < fit.nlines ? fit.lines[c].off +
			    fit.lines[c].len : (size_t)-1;
			size_t to = cs < end ? (cs > from ? cs : from) : end;
			struct doc_run *r;

			if (to > from) {
				r = doc_add_text(b, old[i].text + (from - pos),
				    to - from, old[i].style, old[i].line);
				r->lang = old[i].lang;
				if (old[i].uri != NULL)
					r->uri = xstrdup(old[i].uri);
			}
			if (cs >= end)
				break;
			doc_add_break(b, old[i].line);
			skip = fit.lines[++c].off;
			from = skip > to ? skip : to;
		}
		pos = end;
	}
	for (size_t i = 0; i < nold; i++)
		free(old[i].text), free(old[i].uri);
	free(old);
	fit_free(&fit);
}

/* Does the paragraph begin a new sentence (an upper-case letter or a
 * digit first), rather than continue the one before it? */
static bool
starts_sentence(const struct doc_block *b)
{
	for (size_t i = 0; i < b->nruns; i++) {
		const unsigned char *t = (const unsigned char *)b->runs[i].text;

		if (b->runs[i].len == 0)
			continue;
		/* Non-ASCII first letters (Ä, Ö, Ü) count as capitals. */
		return !(t[0] >= 'a' && t[0] <= 'z');
	}
	return false;
}

/*
 * How much a certificate that does not fit on one page is tightened, one
 * step after the other: the flexible vertical spaces first, then the type
 * sizes, never below 80 % (the text then 10 points).
 */
static const struct cert_step {
	double	space;		/* factor for the vertical spaces */
	double	type;		/* factor for the type sizes */
} cert_steps[] = {
	{ 1, 1 }, { 0.6, 1 }, { 0.3, 1 }, { 0.3, 0.93 }, { 0.3, 0.86 },
	{ 0.3, 0.8 },
};
#define CERT_STEPS	(sizeof(cert_steps) / sizeof(cert_steps[0]))

static void	cert_title(struct doc *, const struct programme *, int);

/* Compose one certificate into d, which holds nothing else, tightened by
 * step k (cert_steps). Returns 0 or -1 after errors. */
static int
cert_into(struct doc *d, const struct docs_env *env,
    const struct certtext *ct, int person, size_t k, double *name_pt)
{
	double ks = cert_steps[k].space, kt = cert_steps[k].type;
	const struct programme *p = env->p;
	struct compose_ctx ctx;
	/* Each certificate in a container of its own, so that a combined
	 * document of thousands is composed in linear time. */
	struct doc_block *root = doc_add(d->root, DOC_ROOT, NULL, 0);
	struct doc_block *b, *first;
	struct strbuf name = STRBUF_INIT;
	bool named = false;
	int after_title = 0;	/* 1: the title was set; 2: spaced */

	compose_ctx_person(&ctx, p, person);
	vspace(root, 14 * ks, NULL);
	docs_logos(root, env->run, p, env->t ? env->t->page_w - env->t->left -
	    env->t->right : 425, 58 * (ks < 1 ? 0.8 : 1));
	vspace(root, 34 * ks, NULL);
	first = root->last;
	if (docs_markdown(d, root, env, &ctx, ct->file, ct->text, ct->len) != 0)
		return -1;
	compose_name(&name, &p->people[person]);
	/* Everything centred; the first heading as the title; the name
	 * paragraph fitted; bold paragraphs (the programme) larger and in
	 * balanced lines; the text after the statement set apart. */
	for (b = first ? first->next : root->first; b != NULL; b = b->next) {
		char *plain;

		if (b->kind == DOC_HEADING) {
			b->align = DOC_ALIGN_CENTER;
			b->no_toc = true;
			b->size = (b->level == 1 ? 34 : 16) * kt;
			continue;
		}
		if (b->kind != DOC_PARA)
			continue;
		b->align = DOC_ALIGN_CENTER;
		plain = doc_plain_text(b);
		if (!named && strcmp(plain, sb_str(&name)) == 0) {
			*name_pt = fit_name(b, env, sb_str(&name), kt) / kt;
			named = true;
			vspace(root, 30 * ks, b);
			vspace(root, 22 * ks, b->next);
		} else if (all_bold(b)) {
			b->size = 15 * kt;
			balance_title(b, env, b->size);
			after_title = 1;
		} else {
			b->size = 12.5 * kt;
			keep_names(b, env, sb_str(&name), b->size);
			if (b->next != NULL)	/* not the place and date */
				balance_para(b, env, b->size);
			/* A new sentence after the programme's title
			 * (not "erfolgreich teilgenommen.") stands apart. */
			if (after_title == 1 && b->next != NULL &&
			    starts_sentence(b)) {
				vspace(root, 12 * ks, b);
				after_title = 2;
			}
		}
		/* The place and date stand apart, above the signatures. */
		if (b->next == NULL && b->nruns > 0)
			vspace(root, 26 * ks, b);
		trim_empty_place(b);
		free(plain);
	}
	sb_free(&name);
	vspace(root, 56 * ks, NULL);
	signatures(root, env);
	frame(root, env, person);
	return 0;
}

/*
 * A generous estimate of the height of the blocks under b (points): the
 * paragraphs' lines counted from their width (in the bold face, and each
 * line as if it were a little shorter than the measure), the spaces,
 * drawings and table rows as they are. Used to lay out only those
 * certificates again whose height comes near the page's.
 */
static double
est_height(const struct doc_block *b, const struct template *t, double width)
{
	double h = 0;

	for (const struct doc_block *k = b->first; k != NULL; k = k->next) {
		switch (k->kind) {
		case DOC_SPACE:
			h += k->height;
			break;
		case DOC_DRAWING:
			if (!k->on_page)
				h += k->height;
			break;
		case DOC_HEADING:
		case DOC_PARA: {
			enum doc_font fam = k->kind == DOC_HEADING ?
			    DOC_FONT_HEADING : k->font;
			struct font *f = template_font(t, fam, DOC_BOLD);
			double size = k->size > 0 ? k->size : t->size[fam];
			double lead = t->size[fam] > 0 ? t->leading[fam] /
			    t->size[fam] : 1.3;
			double lines = 0, seg = 0;

			for (size_t i = 0; i <= k->nruns; i++) {
				if (i == k->nruns ||
				    (k->runs[i].style & DOC_BREAK)) {
					lines += ceil(seg * size / 1000 /
					    (width * 0.9) + 0.001);
					seg = 0;
				} else if (f != NULL)
					seg += layout_text_width(f, k->runs[i].text,
					    k->runs[i].len);
			}
			h += lines * size * (lead > 1.1 ? lead : 1.1) +
			    t->par_space;
			if (k->kind == DOC_HEADING && k->level >= 1 &&
			    k->level <= 4)
				h += t->heading[k->level].before +
				    t->heading[k->level].after;
			break;
		}
		case DOC_TABLE:
			/* Each row as high as its highest cell, plus
			 * padding. */
			for (const struct doc_block *r = k->first; r != NULL;
			    r = r->next) {
				double rh = 0;

				for (const struct doc_block *c = r->first;
				    c != NULL; c = c->next) {
					double ch = est_height(c, t, width);

					if (ch > rh)
						rh = ch;
				}
				h += rh + 12;
			}
			break;
		default:
			h += est_height(k, t, width) + 12;
			break;
		}
	}
	return h;
}

/*
 * A certificate on one page: composed as it is, and only when its
 * estimated height comes near the page's laid out to count its pages;
 * a certificate that takes more is composed again tighter (cert_steps)
 * until it fits. *step is the step found before for this person (-1 if
 * none yet; then a certificate that fits at no step is warned about).
 * Returns the document or NULL after errors.
 */
static struct doc *
cert_make(const struct docs_env *env, const struct certtext *ct, int person,
    int *step, bool titled)
{
	const struct template *t = env->t;
	const struct programme *p = env->p;
	const char *subject = label_get(p->lang, LABEL_CERTIFICATE);
	size_t k = *step > 0 ? (size_t)*step : 0;
	struct doc *d;
	double name_pt = NAME_MAX_PT;
	bool first = *step < 0;

	for (;;) {
		double avail, width;

		d = docs_doc_new(p, subject);
		if (titled)
			cert_title(d, p, person);
		if (cert_into(d, env, ct, person, k, &name_pt) != 0) {
			doc_free(d);
			return NULL;
		}
		if (*step >= 0 || t == NULL)
			break;
		avail = t->page_h - t->top - t->bottom;
		width = t->page_w - t->left - t->right;
		/* The estimate is some 45 points above the real height
		 * (measured with the sample and a crowded certificate). */
		if (k == 0 && est_height(d->root, t, width) < avail)
			break;
		if (layout_count_pages(env->run, d, t) <= 1)
			break;
		if (k + 1 == CERT_STEPS) {
			struct strbuf nm = STRBUF_INIT;

			compose_name(&nm, &p->people[person]);
			diag_warn(p->file, p->people[person].line,
			    "certificate of %s (%s) does not fit on one page; "
			    "shorten the programme's title, the name, the "
			    "certificate text or the signatories' offices",
			    sb_str(&nm), p->people[person].id);
			sb_free(&nm);
			break;
		}
		doc_free(d);
		k++;
	}
	*step = (int)k;
	/* Shrunk to the text's size or below to stay on one line (sizes
	 * relative to the tightening's): said once. */
	if (first && name_pt < NAME_MIN_PT - 0.05) {
		struct strbuf nm = STRBUF_INIT;

		compose_name(&nm, &p->people[person]);
		diag_warn(p->file, p->people[person].line, "certificate of %s "
		    "(%s): the name is set at %.1f pt to stay on one line; "
		    "give a shorter form of it (e.g. without a middle name)",
		    sb_str(&nm), p->people[person].id, name_pt);
		sb_free(&nm);
	}
	return d;
}

struct doc *
docs_certificate_compose(const struct docs_env *env, int person)
{
	struct certtext ct;
	struct doc *d;
	int step = -1;

	if ((ct.text = docs_text_read(env->p, "certificate.md", &ct.file,
	    &ct.len)) == NULL)
		return NULL;
	d = cert_make(env, &ct, person, &step, false);
	free(ct.text);
	free(ct.file);
	return d;
}

/* The title of one certificate: "Urkunde – Dr. Aylin Yılmaz". */
static void
cert_title(struct doc *d, const struct programme *p, int person)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, label_get(p->lang, LABEL_CERTIFICATE));
	sb_adds(&sb, " \xe2\x80\x93 ");
	compose_name(&sb, &p->people[person]);
	free(d->title);
	d->title = sb_take(&sb);
}

/* Does the text print the programme's place: "{{place}}",
 * "{{ Programme.place }}", "{{place as=...}}"? */
static bool
uses_place(const char *s)
{
	static const char *const names[] = { "place", "programme.place" };

	for (const char *q = s; (q = strstr(q, "{{")) != NULL; ) {
		q += 2;
		while (*q == ' ')
			q++;
		for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			size_t n = strlen(names[i]);

			if ((*q == names[i][0] || *q == names[i][0] - 32) &&
			    strncmp(q + 1, names[i] + 1, n - 1) == 0 &&
			    (q[n] == '}' || q[n] == ' '))
				return true;
		}
	}
	return false;
}

void
docs_certificate_check_place(const struct programme *p)
{
	struct diag_sink quiet = DIAG_SINK_INIT(NULL, NULL);
	struct certtext ct;
	bool anyone = false;

	if (p->place != NULL && p->place[0] != '\0')
		return;
	for (size_t i = 0; i < p->npeople && !anyone; i++)
		anyone = p->people[i].status != STATUS_WITHDRAWN;
	if (!anyone)
		return;
	/* An unreadable text is reported where it is read. */
	diag_push(&quiet);
	ct.text = docs_text_read(p, "certificate.md", &ct.file, &ct.len);
	diag_pop(&quiet);
	if (ct.text != NULL && uses_place(ct.text))
		diag_warn(p->file, p->line, "the certificates carry no place: "
		    "%s prints {{place}}, but <programme> has no place "
		    "attribute; add the town they are signed in, e.g. "
		    "place=\"K\xc3\xb6ln\"", ct.file);
	free(ct.text);
	free(ct.file);
}

int
docs_build_certificates(const struct programme *p,
    const struct tandems_result *tr, const struct docs_out *o)
{
	(void)tr;
	return docs_write_certificates(p, o, true, true);
}

/*
 * Write the combined file: each certificate laid out on its own (a
 * Document element of the structure tree each) and freed as soon as it is
 * drawn, so that memory does not grow with the layout of all of them
 * (10,000 certificates: 593 MB when laid out as one document).
 * Certificates have no destinations or running page numbers, so nothing
 * is lost. The n docs are consumed. Returns 0 or -1.
 */
static int
cert_write_combined(const struct programme *p, struct doc **docs, size_t n,
    const struct template *t, const struct docs_out *o)
{
	struct render_info ri;
	char *path, *title;
	int rc;

	title = docs_plural_title(p, "Urkunden", "Certificates");
	memset(&ri, 0, sizeof(ri));
	ri.title = title;
	ri.subject = DOCS_LANG(p, "Urkunden", "Certificates");
	ri.date = o->date;
	ri.pdfa = o->pdfa;
	path = docs_path(o, "certificates");
	rc = render_write_each(o->render, docs, n, t, &ri, path);
	if (rc == 0 && o->written != NULL)
		strmap_add(o->written, "certificates", 0);
	free(path);
	free(title);
	return rc;
}

int
docs_write_certificates(const struct programme *p, const struct docs_out *o,
    bool combined, bool separate)
{
	struct docs_env env;
	struct certtext ct;
	struct template *t;
	struct doc **all = NULL;	/* the certificates of the combined
					   file, nall of them */
	size_t nall = 0;
	int *steps;		/* per person: the tightening (cert_steps)
				   found, -1 = not yet */
	const char *subject = label_get(p->lang, LABEL_CERTIFICATE);
	char *sub = NULL;
	size_t n = 0;
	int rc = 0;

	for (size_t i = 0; i < p->npeople; i++)
		if (p->people[i].status != STATUS_WITHDRAWN)
			n++;
	if (n == 0) {
		diag_warn(p->file, p->people_line, p->npeople == 0 ?
		    "certificates: there are no participants; skipped" :
		    "certificates: nobody to certify (everyone withdrawn); "
		    "skipped");
		return 0;
	}
	docs_certificate_check_place(p);
	if ((t = docs_template(p, "certificate")) == NULL)
		return -1;
	if ((ct.text = docs_text_read(p, "certificate.md", &ct.file,
	    &ct.len)) == NULL) {
		template_free(t);
		return -1;
	}
	memset(&env, 0, sizeof(env));
	env.p = p;
	env.t = t;
	env.run = o->run;
	all = xcalloc(n, sizeof(*all));
	steps = xcalloc(p->npeople, sizeof(*steps));
	for (size_t i = 0; i < p->npeople; i++)
		steps[i] = -1;
	/* Compose everything first: a text error writes nothing. */
	for (size_t i = 0; i < p->npeople && rc == 0 && combined; i++) {
		if (p->people[i].status == STATUS_WITHDRAWN)
			continue;
		if ((all[nall] = cert_make(&env, &ct, (int)i, &steps[i],
		    false)) == NULL)
			rc = -1;
		else
			nall++;
	}
	if (rc != 0)
		goto done;
	if (strcmp(o->outdir, "-") != 0 && separate) {
		sub = xasprintf("%s/certificates", o->outdir);
		if (dir_make(sub) != 0) {
			diag(DIAG_CANTCREAT, sub, 0, 0, "cannot create the output "
			    "folder");
			rc = -1;
			goto done;
		}
		for (size_t i = 0; i < p->npeople && rc == 0; i++) {
			struct doc *d;
			char *name;

			if (p->people[i].status == STATUS_WITHDRAWN)
				continue;
			if ((d = cert_make(&env, &ct, (int)i, &steps[i],
			    true)) == NULL)
				rc = -1;
			else {
				name = xasprintf("certificates/%s",
				    p->people[i].id);
				rc = docs_write(o, d, t, name, subject, NULL);
				free(name);
			}
			doc_free(d);
		}
	}
	if (rc == 0 && combined && nall > 0)
		rc = cert_write_combined(p, all, nall, t, o);
done:
	free(sub);
	for (size_t i = 0; i < nall; i++)
		doc_free(all[i]);
	free(all);
	free(steps);
	free(ct.text);
	free(ct.file);
	template_free(t);
	return rc;
}
