/*
 * Templates: the page and type settings of one document kind, read from a
 * small XML file (templates/<kind>.xml, embedded in the binary, or the
 * programme folder's own copy) and validated against schema/template.rng.
 * The template also owns the fonts it names.
 */
#ifndef LAYOUT_TEMPLATE_H
#define LAYOUT_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "device/device.h"
#include "layout/doc.h"

/* Running head and foot slots. */
enum tmpl_slot {
	TMPL_LEFT,
	TMPL_CENTER,
	TMPL_RIGHT,
	TMPL_SLOT__MAX
};

/* Font faces of a family, indexed by DOC_BOLD | DOC_ITALIC. */
#define TMPL_FACES	4

struct tmpl_heading {
	double	 size;		/* points */
	double	 before, after;	/* space around, points */
	bool	 new_page;	/* start on a new page */
};

struct template {
	char		*file;		/* as named in messages */
	char		*kind;
	long		 kind_line;	/* of <template kind=...>, for
					   messages */
	double		 page_w, page_h;
	double		 top, bottom, left, right;	/* margins */
	char		*family[DOC_FONT__MAX];
	double		 size[DOC_FONT__MAX];
	double		 leading[DOC_FONT__MAX];	/* baseline distance */
	long		 font_line[DOC_FONT__MAX];	/* for messages */
	struct font	*fonts[DOC_FONT__MAX][TMPL_FACES];
	struct tmpl_heading heading[5];		/* [1..4] */
	enum doc_align	 align;		/* paragraphs */
	double		 par_space;	/* between paragraphs */
	double		 par_indent;	/* first-line indent */
	struct dev_color text, heading_color, link, rule;
	char		*head[TMPL_SLOT__MAX];	/* NULL = empty */
	char		*foot[TMPL_SLOT__MAX];
	double		 head_size, foot_size;
	char		*logo;		/* path as written, or NULL */
	double		 logo_x, logo_y, logo_w;
	long		 logo_line;	/* for messages */
	/* Fallback families (font@fallback; "" = none): they set the
	 * characters a family lacks, same face. */
	char		*fallback[DOC_FONT__MAX];
	struct font	*fbfonts[DOC_FONT__MAX][TMPL_FACES];
};

/*
 * Parse and validate a template from memory (file is the name used in
 * messages) and open its fonts. Returns NULL after printing every problem
 * with file and line.
 */
struct template	*template_load(const char *file, const char *data, size_t len);

/* template_load() of a template in the programme folder dir: a font it
 * names by file (a name with a slash or ending in .ttf) is opened from
 * the folder, through the confined opener; template_load() refuses them. */
struct template	*template_load_in(const char *dir, const char *file,
		    const char *data, size_t len);
void		 template_free(struct template *);

/* The font for a family and style bits (DOC_BOLD, DOC_ITALIC); a face
 * that is not installed falls back to the family's regular face. Its
 * fallback font (font_fallback()) is the fallback family's same face. */
struct font	*template_font(const struct template *, enum doc_font,
		    unsigned style);

/* Parse a length "12pt", "2.5cm", "25mm", "1in" or "12" (points) into
 * *pt; false if malformed. */
bool		 template_length(const char *, double *pt);

#endif
