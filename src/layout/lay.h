/*
 * What the files of the layout engine share (private to src/layout/):
 * the vertical list of items, the pages cut from it, and struct lay, the
 * state of one layout_render() call.
 */
#ifndef LAYOUT_LAY_H
#define LAYOUT_LAY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout/layout.h"
#include "device/image.h"

#define MAX_DEPTH	24	/* nesting levels indented; deeper ones flat */
#define MAX_BARS	8	/* quote bars drawn */
#define LIST_INDENT	18	/* points per list level */
#define QUOTE_INDENT	16	/* points per quote level */
#define TOC_NUM_W	36	/* width of the page number column */
#define ROW_PAD		4	/* space around a table cell's content */
#define NONE		((size_t)-1)

/* A piece of text placed on a line. */
struct frag {
	double		 x, w;		/* absolute left end, width */
	struct font	*font;
	double		 size;
	struct dev_color color;
	const char	*s;		/* not owned */
	size_t		 len;
	const char	*uri;		/* link target, or NULL */
	int		 xref;		/* internal link: destination + 1;
					   0 = uri is external */
	bool		 label;		/* a list item's bullet or number */
};

/* Where a block sits horizontally and what decorates its lines. */
struct fctx {
	double		 left, right;	/* absolute x of the text column */
	int		 depth;		/* nesting level */
	int		 nbars;		/* quote bars at bar_x[] */
	double		 bar_x[MAX_BARS];
	bool		 code;		/* code background */
	double		 code_x0, code_x1;
};

enum vkind {
	V_LINE,			/* text (frags), maybe with decorations */
	V_GLUE,			/* vertical space, dropped at page breaks */
	V_RULE,			/* a horizontal line at mid-height */
	V_IMAGE,
	V_BOX,			/* a table row: kids placed at dy */
	V_BREAK,		/* forced page break */
	V_DRAWING,
	V_FILL,			/* a line to write on at the baseline */
	V__MAX
};

struct vitem {
	enum vkind	 kind;
	bool		 keep_prev;	/* no page break before this item */
	bool		 weak_break;	/* kept, but the break to take when
					   its keep group fills a page */
	bool		 loose_break;	/* kept, but the break to take when
					   keeping would leave more than
					   half of the page empty */
	double		 h;		/* advance */
	double		 asc;		/* baseline below the top */
	double		 dy;		/* in a box: top below the box top */
	double		 x, w;		/* rules, images, fills, boxes */
	struct frag	*frags;
	size_t		 nfrags, fragcap;
	unsigned char	*opens;		/* tags to begin before drawing */
	size_t		 nopens;
	int		 ncloses;	/* tags to end after drawing */
	int		 dest;		/* heading destination, or -1 */
	int		 level;		/* heading level for bookmarks */
	char		*title;		/* heading text (owned) */
	int		 toc_dest;	/* TOC entry: target, or -1 */
	bool		 toc_num;	/* draw the target's page number */
	double		 toc_end;	/* where the entry's text ends */
	struct font	*toc_font;
	double		 toc_size;
	const struct fctx *ctx;		/* decorations, or NULL */
	struct vitem	*kids;		/* V_BOX */
	size_t		 nkids, kidcap;
	int		 table;		/* table rows: table number, else -1 */
	bool		 header;	/* a repeated header row */
	bool		 group;		/* a group row (doc_block.group) */
	int		 grp;		/* table rows: the continuation of
					   their group's row in lay.reps,
					   or -1 */
	double		 line_w;	/* rules: stroke width */
	const struct doc_block *blk;	/* images, drawings; headings and
					   TOC entries: their source */
	int		 tick;		/* -1 none, 0 empty box, 1 ticked */
};

struct vlist {
	struct vitem	*v;
	size_t		 n, cap;
};

struct page {
	size_t	 first, end;		/* items [first, end) */
	size_t	 rep_first, rep_n;	/* repeated table header rows */
	size_t	 rep_grp;		/* repeated group row (lay.reps), or
					   NONE */
	const char *chapter;		/* for {{chapter}} */
};

/* The different characters no font has reported per run at most; the
 * rest go unreported. */
#define LAY_WARN_MAX	256

/* An image read and checked (lay_image.c). */
struct lay_image {
	char		*path;
	struct dev_image *img;		/* NULL: not usable */
	int		 rc, eno;	/* layout_image_size()'s answer */
	char		 why[DEV_IMAGE_WHY];
};

/* The checked image at path, read now if the run has not read it yet;
 * NULL if it is not usable (reported where it was named). */
const struct dev_image *lay_image(struct layout_run *, const char *path);
/* Release what an entry holds. */
void	lay_image_clear(struct lay_image *);

/* What a run keeps across its documents (layout.h). */
struct layout_run {
	uint32_t	 warned[LAY_WARN_MAX];	/* characters reported */
	size_t		 nwarned;
	layout_origin_fn origin_fn;		/* or NULL */
	void		*origin_arg;
	struct lay_image *images;		/* sizes read, by path */
	size_t		 nimages, imagecap;
	struct {
		char		 lang[16];
		struct hyph	*h;		/* NULL: no patterns */
	}		 hyphs[8];		/* patterns by language */
	size_t		 nhyphs;
	char		*hyph_keep;		/* words never hyphenated,
						   one text (layout_hyph_keep) */
	size_t		 hyph_keep_len;
	struct {
		char	*lang, *file, *text;	/* layout_hyph_words() */
		size_t	 len;
	}		*hyph_lists;
	size_t		 nhyph_lists;
};

struct lay {
	struct layout_run	*run;		/* caller's or own */
	const char		*hyph_lang;	/* the last language asked */
	struct hyph		*hyph;		/* and its patterns */
	bool			 relabel;	/* page numbers start again */
	const struct doc	*doc;
	const struct template	*t;
	struct device		*dev;
	struct vlist		 vl;
	double			 pending;	/* space before the next block */
	int			 keep_next;	/* items to keep with the last */
	bool			 keep_all;	/* inside a keep group */
	unsigned char		 opens[64];	/* tags waiting for content */
	size_t			 nopens;
	size_t			 last_drawn;	/* last content item, NONE */
	struct fctx		**ctxs;		/* owned decoration contexts */
	size_t			 nctxs, ctxcap;
	int			 ndests;
	int			 ntables;
	size_t			*tbl_hdr_first;	/* per table */
	size_t			*tbl_hdr_n;
	size_t			 tblcap, tblcap2;
	struct vlist		 reps;		/* group rows marked continued */
	struct doc_block	**conts;	/* their rows' blocks (owned) */
	size_t			 nconts, contcap;
	const struct frag	*label;		/* list label for next line */
	bool			 bare_para;	/* next paragraph: no P tag (the
						   only one of a list item or
						   table cell) */
	struct frag		 label_buf;
	char			**strs;		/* owned label texts */
	size_t			 nstrs, strcap;
	struct layout_stats	 st;
	double			 logo_h;	/* template logo, 0 = none */
	/* The TOC: every heading that goes into it, in order. */
	const struct doc_block	**heads;
	size_t			 nheads, headcap;
	int			 head_seen;	/* headings flowed so far */
	/* Links to headings: every heading's id (NULL = none) and block,
	 * and its destination: its TOC index, or for a heading outside the
	 * TOC one numbered from nheads on once a link needs it, else -1. */
	const struct doc_block	**idblk;
	char			**ids;
	int			*iddest;
	size_t			 nids;
	int			 nextra;	/* destinations past the TOC's */
	/* The parts of a combined document (agreements one after the
	 * other): each counts and resolves its heading ids on its own.
	 * Part q's ids are ids[pfirst[q]] up to ids[pfirst[q + 1]]. */
	size_t			*pfirst;
	size_t			 nparts;
	size_t			 part;		/* the part being flowed */
};

/* How a text block's lines are set. */
struct pstyle {
	enum doc_font	 family;
	unsigned	 style;
	double		 size;
	double		 leading;
	struct dev_color color;
	enum doc_align	 align;
	double		 indent;	/* first line */
	bool		 keep_lines;	/* no break between the lines */
	bool		 balance;	/* a title: lines as even as their
					   number allows, broken after a
					   hyphen only when no break between
					   words gives as few lines */
};

/* lay_vlist.c: the vertical list and structure tags. */
struct vitem	*lay_vl_add(struct lay *, enum vkind, double h);
void		 lay_space(struct lay *, double before);
void		 lay_tag_open(struct lay *, enum dev_tag);
void		 lay_tag_close(struct lay *);
void		 lay_frag_add(struct vitem *, const struct frag *);
const struct fctx *lay_ctx_keep(struct lay *, const struct fctx *);
void		 lay_vitem_free(struct vitem *);

/* lay_text.c: setting text blocks as lines. */
size_t		 lay_set_text(struct lay *, const struct doc_block *,
		    const struct pstyle *, const struct fctx *, double x,
		    double width);
double		 lay_col_width(const struct fctx *);
void		 lay_check_glyphs(struct lay *, const struct doc_block *,
		    long line, struct font *, const char *s, size_t len);

/* lay_flow.c: the blocks of each kind as vertical items. */
void		 lay_flow_children(struct lay *, const struct doc_block *,
		    const struct fctx *);
void		 lay_flow_block(struct lay *, const struct doc_block *,
		    const struct fctx *);
void		 lay_collect_heads(struct lay *, const struct doc_block *,
		    int depth);

/* lay_xref.c: links to headings. */
void		 lay_xref_resolve(struct lay *);
long		 lay_xref_find(struct lay *, const char *uri);
size_t		 lay_part_next(const struct doc_block *,
		    const struct doc_block *, size_t);

/* lay_page.c: pagination. */
struct page	*lay_paginate(struct lay *, size_t *npages);

/* lay_draw.c: drawing a page with its running head and foot. */
void		 lay_draw_page(struct lay *, const struct page *, int page,
		    int pages, const int *dest_page);

#endif
