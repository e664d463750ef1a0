/*
 * Drawing: a page's items sent to the device, with its running head and
 * foot, destinations, bookmarks, links and structure tags.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/font.h"
#include "layout/lay.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* ---- drawing --------------------------------------------------------- */

/*
 * Send a run of text to the device, cut where characters change between
 * the font and its fallback: each piece in the face that has its glyphs,
 * placed right after the previous one by the same widths that layout
 * measured with (font_width() counts fallback characters with their
 * fallback advances), so nothing moves.
 */
static void
put_text(struct device *d, struct font *f, double size, struct dev_color c,
    double x, double y, const char *s, size_t len)
{
	struct font *cur = NULL, *face;
	size_t i = 0, start = 0, k;
	uint32_t cp;

	if (f == NULL || font_fallback(f) == NULL) {
		d->ops->text(d, f, size, c, x, y, s, len);
		return;
	}
	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;		/* stays with its piece */
			continue;
		}
		face = font_face(f, cp);
		if (cur != NULL && face != cur) {
			d->ops->text(d, cur, size, c, x, y, s + start,
			    i - start);
			x += font_width(cur, s + start, i - start) * size /
			    1000;
			start = i;
		}
		cur = face;
		i += k;
	}
	if (start < len || len == 0)
		d->ops->text(d, cur != NULL ? cur : f, size, c, x, y,
		    s + start, len - start);
}

static void
draw_frags(struct lay *L, const struct vitem *it, double base, bool tags,
    bool skip_label)
{
	struct device *d = L->dev;

	for (size_t i = 0; i < it->nfrags; i++) {
		const struct frag *f = &it->frags[i];
		size_t j = i;
		double asc, x1;

		if (f->label && skip_label)	/* drawn as the Lbl */
			continue;
		if (f->uri == NULL) {
			put_text(d, f->font, f->size, f->color, f->x, base,
			    f->s, f->len);
			continue;
		}
		/* A stretch of fragments with the same target (one link
		 * with bold or italic words is several runs): one Link
		 * element with its text and one link area. */
		while (j + 1 < it->nfrags && it->frags[j + 1].uri != NULL &&
		    it->frags[j + 1].xref == f->xref &&
		    strcmp(it->frags[j + 1].uri, f->uri) == 0)
			j++;
		if (tags)
			d->ops->tag_begin(d, DEV_TAG_LINK, NULL);
		for (size_t k = i; k <= j; k++)
			put_text(d, it->frags[k].font, it->frags[k].size,
			    it->frags[k].color, it->frags[k].x, base,
			    it->frags[k].s, it->frags[k].len);
		asc = font_ascent(f->font) * f->size / 1000;
		x1 = it->frags[j].x + it->frags[j].w;
		if (f->xref > 0)
			d->ops->link_dest(d, f->x, base - asc, x1 - f->x,
			    asc - font_descent(f->font) * f->size / 1000,
			    f->xref - 1);
		else
			d->ops->link_uri(d, f->x, base - asc, x1 - f->x,
			    asc - font_descent(f->font) * f->size / 1000,
			    f->uri);
		if (tags)
			d->ops->tag_end(d);
		i = j;
	}
}

static void
draw_number(struct lay *L, struct font *f, double size, double xr,
    double base, int n)
{
	char buf[16];
	size_t len = (size_t)snprintf(buf, sizeof(buf), "%d", n);
	double w = font_width(f, buf, len) * size / 1000;

	put_text(L->dev, f, size, L->t->text, xr - w, base, buf, len);
}

static void	draw_item(struct lay *, const struct vitem *, double y,
		    const int *dest_page, bool tags);

static void
draw_prims(struct lay *L, const struct vitem *it, double y)
{
	struct device *d = L->dev;
	const struct doc_block *b = it->blk;

	if (b->on_page)
		y = 0;		/* it->x is 0 */
	for (size_t i = 0; i < b->nprims; i++) {
		const struct doc_prim *p = &b->prims[i];
		struct dev_color g = { p->grey, p->grey, p->grey };

		switch (p->kind) {
		case DOC_PRIM_LINE:
			d->ops->line(d, it->x + p->x, y + p->y,
			    it->x + p->x + p->w, y + p->y + p->h,
			    p->width > 0 ? p->width : 0.5, g);
			break;
		case DOC_PRIM_RECT:
			d->ops->rect(d, it->x + p->x, y + p->y, p->w, p->h,
			    p->width > 0 ? NULL : &g, p->width, g);
			break;
		case DOC_PRIM_TEXT:
			if (p->text != NULL)
				put_text(d, template_font(L->t,
				    DOC_FONT_BODY, 0), p->size, L->t->text,
				    it->x + p->x, y + p->y, p->text,
				    strlen(p->text));
			break;
		case DOC_PRIM_IMAGE: {
			const struct dev_image *img = lay_image(L->run,
			    p->text);

			if (img != NULL)
				(void)d->ops->image(d, img, it->x + p->x,
				    y + p->y, p->w, p->h, p->alt);
			break;
		}
		default:
			break;
		}
	}
}

/* Draw one item with its top at y; tags false leaves out structure
 * (for repeated table header rows). */
static void
draw_item(struct lay *L, const struct vitem *it, double y,
    const int *dest_page, bool tags)
{
	struct device *d = L->dev;
	const struct fctx *c = it->ctx;
	struct dev_color grey = { 0.6, 0.6, 0.6 };
	const struct frag *lbl = it->kind == V_LINE && it->nfrags > 0 &&
	    it->frags[0].label ? &it->frags[0] : NULL;
	bool label_done = false;

	for (size_t i = 0; tags && i < it->nopens; i++) {
		/* A list item: its label before its body. */
		if (lbl != NULL && it->opens[i] == DEV_TAG_LBODY) {
			d->ops->tag_begin(d, DEV_TAG_LBL, NULL);
			put_text(d, lbl->font, lbl->size, lbl->color,
			    lbl->x, y + it->asc, lbl->s, lbl->len);
			d->ops->tag_end(d);
			label_done = true;
		}
		d->ops->tag_begin(d, (enum dev_tag)it->opens[i],
		    (it->kind == V_IMAGE || it->kind == V_DRAWING) &&
		    it->opens[i] == DEV_TAG_FIGURE ? it->blk->alt : NULL);
	}
	if (c != NULL && c->code) {
		struct dev_color bg = { 0.94, 0.94, 0.94 };

		d->ops->rect(d, c->code_x0, y, c->code_x1 - c->code_x0, it->h,
		    &bg, 0, bg);
	}
	if (c != NULL)
		for (int i = 0; i < c->nbars; i++)
			d->ops->line(d, c->bar_x[i], y, c->bar_x[i], y + it->h,
			    2, grey);
	/* The device names the source in its warnings about links,
	 * destinations and bookmarks. */
	if (d->ops->source != NULL)
		d->ops->source(d, it->blk != NULL ? it->blk->file : NULL,
		    it->blk != NULL ? it->blk->line : 0);
	if (it->dest >= 0 && tags) {
		d->ops->dest(d, it->dest, y);
		if (it->title != NULL)
			d->ops->bookmark(d, it->level, it->title, it->dest);
	}
	switch (it->kind) {
	case V_LINE:
		if (it->tick >= 0) {
			double s = it->w, bx = it->x, by = y + it->asc - s;
			struct dev_color k = L->t->text;

			/* The box is a form field; its alt text says its
			 * state in words a screen reader reads out. */
			bool en = L->doc->lang != NULL &&
			    strcmp(L->doc->lang, "en") == 0;

			if (tags)
				d->ops->tag_begin(d, DEV_TAG_FORM, it->tick > 0 ?
				    (en ? "ticked" : "angekreuzt") :
				    (en ? "not ticked" : "nicht angekreuzt"));
			d->ops->rect(d, bx, by, s, s, NULL, 0.7, k);
			if (it->tick > 0) {
				d->ops->line(d, bx + s * 0.2, by + s * 0.55,
				    bx + s * 0.42, by + s * 0.8, 1.2, k);
				d->ops->line(d, bx + s * 0.42, by + s * 0.8,
				    bx + s * 0.85, by + s * 0.2, 1.2, k);
			}
			if (tags)
				d->ops->tag_end(d);
		}
		/* A table of contents entry is one link. */
		if (tags && it->toc_dest >= 0)
			d->ops->tag_begin(d, DEV_TAG_LINK, NULL);
		draw_frags(L, it, y + it->asc, tags, label_done);
		if (it->toc_dest >= 0) {
			double right = L->t->page_w - L->t->right;

			if (it->toc_num) {
				int pg = dest_page[it->toc_dest];
				char dots[512];
				size_t nd = 0;
				struct font *f = it->toc_font;
				double step = font_width(f, ". ", 2) *
				    it->toc_size / 1000;
				double x0 = L->t->left + ceil((it->toc_end + 4 -
				    L->t->left) / step) * step;

				/* Leaders: dots on a grid shared by all
				 * entries, ending before the number column. */
				while (x0 + (double)(nd / 2 + 1) * step <
				    right - TOC_NUM_W + 10 && nd + 2 <
				    sizeof(dots)) {
					dots[nd++] = '.';
					dots[nd++] = ' ';
				}
				if (nd > 0)
					put_text(d, f, it->toc_size,
					    L->t->text, x0, y + it->asc,
					    dots, nd - 1);
				draw_number(L, f, it->toc_size, right,
				    y + it->asc, pg);
			}
			d->ops->link_dest(d, L->t->left, y, right - L->t->left,
			    it->h, it->toc_dest);
			if (tags)
				d->ops->tag_end(d);
		}
		break;
	case V_RULE: {
		d->ops->line(d, it->x, y + it->h / 2, it->x + it->w,
		    y + it->h / 2, it->line_w, L->t->rule);
		break;
	}
	case V_FILL:
		d->ops->line(d, it->x, y + it->asc, it->x + it->w,
		    y + it->asc, it->line_w, L->t->text);
		break;
	case V_IMAGE: {
		/* The bytes the layout measured, read once per run. */
		const struct dev_image *img = lay_image(L->run,
		    it->blk->path);

		if (img != NULL)
			d->ops->image(d, img, it->x, y, it->w, it->h,
			    it->blk->alt);
		break;
	}
	case V_DRAWING:
		draw_prims(L, it, y);
		break;
	case V_BOX:
		for (size_t i = 0; i < it->nkids; i++)
			draw_item(L, &it->kids[i], y + it->kids[i].dy,
			    dest_page, tags);
		if (it->line_w > 0)
			d->ops->line(d, it->x, y + it->h, it->x + it->w,
			    y + it->h, it->line_w, L->t->rule);
		break;
	default:
		break;
	}
	for (int i = 0; tags && i < it->ncloses; i++)
		d->ops->tag_end(d);
}

/* Expand {{title}}, {{programme}}, {{chapter}}, {{page}}, {{pages}} in a
 * running head. */
static char *
expand_slot(struct lay *L, const char *s, const struct page *pg, int page,
    int pages)
{
	struct strbuf sb = STRBUF_INIT;

	while (*s != '\0') {
		if (strncmp(s, "{{title}}", 9) == 0) {
			sb_adds(&sb, L->doc->title ? L->doc->title : "");
			s += 9;
		} else if (strncmp(s, "{{programme}}", 13) == 0) {
			sb_adds(&sb, L->doc->programme ? L->doc->programme :
			    "");
			s += 13;
		} else if (strncmp(s, "{{chapter}}", 11) == 0) {
			sb_adds(&sb, pg->chapter ? pg->chapter : "");
			s += 11;
		} else if (strncmp(s, "{{page}}", 8) == 0) {
			sb_addf(&sb, "%d", page);
			s += 8;
		} else if (strncmp(s, "{{pages}}", 9) == 0) {
			sb_addf(&sb, "%d", pages);
			s += 9;
		} else
			sb_addc(&sb, *s++);
	}
	return sb_take(&sb);
}

/*
 * The width of s[0..len) at size as font_width gives it, or, once that
 * passes limit points, the part measured so far (advances are not
 * negative, so the whole is wider still): a running head costs what fits
 * on its line, however long the heading it repeats.
 */
static double
width_upto(struct font *f, double size, const char *s, size_t len,
    double limit)
{
	double w = 0;
	size_t i = 0, k;
	uint32_t cp;

	while (i < len && w * size / 1000 <= limit) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0)
			k = 1;		/* measured as nothing, as font_width does */
		else
			w += font_width(f, s + i, k);
		i += k;
	}
	return w * size / 1000;
}

/*
 * Shorten text (owned, replaced) to fit room points at size: cut after
 * the last whole word that fits with one ellipsis after it, leaving no
 * separator (comma, colon, dash, middle dot) before the ellipsis. Only a
 * first word too long for the room is cut inside. One pass measures each
 * character once: w is the width of text[0..i), summed in the order
 * font_width sums it, so every prefix gets the width font_width gives it.
 */
static char *
fit_slot(struct font *f, double size, char *text, double room)
{
	static const char ell[] = "\xe2\x80\xa6";
	double w = 0, ell_w = font_width(f, ell, 3) * size / 1000;
	size_t len = strlen(text), i = 0, k, cut = 0, word = 0;
	uint32_t cp;
	char *s;

	if (width_upto(f, size, text, len, room) <= room)
		return text;
	while (i < len) {
		/*
		 * The longest prefix that fits, ending before a space or not;
		 * none after the first that does not (widths only grow).
		 */
		if (i > 0 && w * size / 1000 + ell_w > room)
			break;
		if (i > 0 && text[i] == ' ')
			word = i;
		if (i > 0 && ((unsigned char)text[i] & 0xC0) != 0x80)
			cut = i;
		if ((k = utf8_decode(text + i, len - i, &cp)) == 0)
			k = 1;		/* measured as nothing, as font_width does */
		else
			w += font_width(f, text + i, k);
		i += k;
	}
	/* Whole words only, unless the first word is too long. */
	if (word > 0)
		cut = word;
	/* No separator or space before the ellipsis. */
	for (;;) {
		if (cut > 0 && strchr(" ,;:-", text[cut - 1]) != NULL)
			cut--;
		else if (cut > 1 && memcmp(text + cut - 2, "\xc2\xb7", 2) == 0)
			cut -= 2;
		else if (cut > 2 && memcmp(text + cut - 3, "\xe2\x80\x93", 3) ==
		    0)
			cut -= 3;
		else
			break;
	}
	text[cut] = '\0';
	s = xasprintf("%s%s", text, ell);
	free(text);
	return s;
}

/* Gap between the left and right texts of a running head (points). */
#define SLOT_GAP	24

/*
 * The width each slot's text (NULL = none) of a running head or foot may
 * take on a line of width line_w: a centred text has the whole line, as it
 * is placed between the others; without one, the left and right texts
 * share the line by need: when both fit with a gap between them they
 * keep their widths, else the shorter keeps its width and the longer gets
 * what it leaves free, and only when both are longer than half the line
 * each gets its half.
 */
static void
slot_rooms(struct font *f, double size, char *const *text, double line_w,
    double *room)
{
	double w[TMPL_SLOT__MAX], half = (line_w - SLOT_GAP) / 2;

	for (int s = 0; s < TMPL_SLOT__MAX; s++)
		w[s] = text[s] != NULL ? width_upto(f, size, text[s],
		    strlen(text[s]), line_w) : 0;
	room[TMPL_CENTER] = line_w - 12;
	room[TMPL_LEFT] = room[TMPL_RIGHT] = half;
	if (text[TMPL_CENTER] != NULL && w[TMPL_CENTER] > 0)
		return;		/* three texts: halves as before */
	if (w[TMPL_RIGHT] <= 0)
		room[TMPL_LEFT] = line_w;
	else if (w[TMPL_LEFT] <= 0)
		room[TMPL_RIGHT] = line_w;
	else if (w[TMPL_LEFT] + w[TMPL_RIGHT] + SLOT_GAP <= line_w) {
		room[TMPL_LEFT] = w[TMPL_LEFT];
		room[TMPL_RIGHT] = w[TMPL_RIGHT];
	} else if (w[TMPL_RIGHT] < half)
		room[TMPL_LEFT] = line_w - SLOT_GAP - w[TMPL_RIGHT];
	else if (w[TMPL_LEFT] < half)
		room[TMPL_RIGHT] = line_w - SLOT_GAP - w[TMPL_LEFT];
}

/*
 * Draw the running head or foot: each slot in its third of the line
 * (left and right get half the width each, the centre all of it), cut
 * after a word with an ellipsis when too long. A right slot that says
 * the same as the left one is left out.
 */
static void
draw_slots(struct lay *L, char *const *slots, double size, double base,
    const struct page *pg, int page, int pages)
{
	struct font *f = template_font(L->t, DOC_FONT_BODY, 0);
	double left = L->t->left, right = L->t->page_w - L->t->right;
	double room[TMPL_SLOT__MAX];
	char *text[TMPL_SLOT__MAX];

	for (int s = 0; s < TMPL_SLOT__MAX; s++)
		text[s] = slots[s] != NULL ? expand_slot(L, slots[s], pg, page,
		    pages) : NULL;
	if (text[TMPL_LEFT] != NULL && text[TMPL_RIGHT] != NULL &&
	    strcmp(text[TMPL_LEFT], text[TMPL_RIGHT]) == 0) {
		free(text[TMPL_RIGHT]);
		text[TMPL_RIGHT] = NULL;
	}
	slot_rooms(f, size, text, right - left, room);
	for (int s = 0; s < TMPL_SLOT__MAX; s++) {
		size_t len;
		double w, x;

		if (text[s] == NULL)
			continue;
		text[s] = fit_slot(f, size, text[s], room[s]);
		len = strlen(text[s]);
		w = font_width(f, text[s], len) * size / 1000;
		x = s == TMPL_LEFT ? left : s == TMPL_RIGHT ? right - w :
		    (left + right - w) / 2;
		if (len > 0)
			put_text(L->dev, f, size, L->t->text, x, base,
			    text[s], len);
		free(text[s]);
	}
}

/* Quote bars continue through the space between two quoted blocks. */
static void
glue_bars(struct lay *L, const struct vitem *a, const struct vitem *b,
    double y, double h)
{
	struct dev_color grey = { 0.6, 0.6, 0.6 };

	if (a->ctx == NULL || b->ctx == NULL)
		return;
	for (int i = 0; i < a->ctx->nbars && i < b->ctx->nbars; i++)
		if (a->ctx->bar_x[i] == b->ctx->bar_x[i])
			L->dev->ops->line(L->dev, a->ctx->bar_x[i], y,
			    a->ctx->bar_x[i], y + h, 2, grey);
}

void
lay_draw_page(struct lay *L, const struct page *pg, int page, int pages,
    const int *dest_page)
{
	const struct template *t = L->t;
	struct device *d = L->dev;
	double y = t->top;
	bool plain = page == 1 && L->doc->title_page;

	d->ops->page(d, t->page_w, t->page_h);
	/* Viewers show the numbers printed in the foot: a title page is
	 * called so, and the count goes on from 2 after it. */
	if (d->ops->page_label != NULL && L->doc->title_page && page <= 2)
		d->ops->page_label(d, page == 1 ? (strcmp(L->doc->lang, "en")
		    == 0 ? "Title" : "Titelseite") : NULL, page == 1 ? 0 : 2);
	/* Another document of a combined file: viewers count from 1 too. */
	if (d->ops->page_label != NULL && L->relabel)
		d->ops->page_label(d, NULL, 1);
	if (!plain) {
		d->ops->artifact_begin(d);
		if (L->logo_h > 0 && lay_image(L->run, t->logo) != NULL)
			d->ops->image(d, lay_image(L->run, t->logo),
			    t->logo_x, t->logo_y, t->logo_w, L->logo_h, NULL);
		draw_slots(L, t->head, t->head_size, t->top / 2 + 4, pg, page,
		    pages);
		draw_slots(L, t->foot, t->foot_size,
		    t->page_h - t->bottom / 2, pg, page, pages);
		d->ops->artifact_end(d);
	}
	if (pg->rep_first != NONE)
		for (size_t r = 0; r < pg->rep_n; r++) {
			const struct vitem *h = &L->vl.v[pg->rep_first + r];

			/* Repeated rows are decoration: no tags again. */
			d->ops->artifact_begin(d);
			draw_item(L, h, y, dest_page, false);
			d->ops->artifact_end(d);
			y += h->h;
		}
	if (pg->rep_grp != NONE) {
		const struct vitem *g = &L->reps.v[pg->rep_grp];

		d->ops->artifact_begin(d);
		draw_item(L, g, y, dest_page, false);
		d->ops->artifact_end(d);
		y += g->h;
	}
	for (size_t i = pg->first; i < pg->end; i++) {
		const struct vitem *it = &L->vl.v[i];

		if (it->kind == V_GLUE && i > pg->first && i + 1 < pg->end)
			glue_bars(L, &L->vl.v[i - 1], &L->vl.v[i + 1], y, it->h);
		if (it->kind == V_GLUE || it->kind == V_BREAK) {
			y += it->h;
			for (int k = 0; k < it->ncloses; k++)
				d->ops->tag_end(d);
			continue;
		}
		draw_item(L, it, y, dest_page, true);
		y += it->h;
	}
}
