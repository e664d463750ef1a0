/*
 * The one render path: a document tree laid out with its template and
 * written atomically to its file, as PDF or as the text device's dump.
 * The command chooses the output once (render_new()); the document kinds
 * hand their trees here and never see a device. Also what the kinds ask
 * of the layout while composing: the width of a text in a template's
 * font, and the pages a tree takes.
 */
#ifndef LAYOUT_RENDER_H
#define LAYOUT_RENDER_H

#include <stdbool.h>
#include <stddef.h>

#include "layout/doc.h"
#include "layout/template.h"

struct font;
struct layout_run;
struct render;

enum render_target {
	RENDER_PDF,		/* a PDF file (PDF/A-1b with pdfa) */
	RENDER_TEXT,		/* the text device's dump of pages and positions */
	RENDER__MAX
};

/* The document information of a file. Strings are UTF-8 and are not kept. */
struct render_info {
	const char	*title;		/* NULL: the document's title */
	const char	*author;	/* NULL: the document's author */
	const char	*subject;	/* or NULL */
	long long	 date;		/* creation date, seconds since epoch */
	bool		 pdfa;		/* write PDF/A-1b */
};

/*
 * An output of the given kind. One output writes many files in a row and
 * keeps the fonts it has loaded between them (a thousand certificates).
 * run is what the layout keeps across the command's outputs (layout.h;
 * not owned; NULL: the output has one of its own). render_free() accepts
 * NULL.
 */
struct render	*render_new(enum render_target, struct layout_run *run);
void		 render_free(struct render *);

/* "pdf" or "txt": the extension of the files r writes. */
const char	*render_ext(const struct render *);

/* Whether r writes the text dump (which may go to standard output). */
bool		 render_is_text(const struct render *);

/*
 * Lay d out with template t and write it to path atomically (a temporary
 * file renamed; the text dump goes to standard output for "-"). The
 * language of the information is d's. Returns 0, or -1 after a
 * diagnostic, with the exit code raised to 70 (the layout failed) or 73
 * (not written; no file is left behind).
 */
int	render_write(struct render *, const struct doc *d,
	    const struct template *t, const struct render_info *,
	    const char *path);

/*
 * Like render_write(), for n documents in one file, each laid out on its
 * own and freed as soon as it is drawn, so that memory does not grow with
 * n (combined certificates). The information's author and language are
 * docs[0]'s unless given. Consumes the n documents (the array entries
 * become NULL).
 */
int	render_write_each(struct render *, struct doc **docs, size_t n,
	    const struct template *t, const struct render_info *,
	    const char *path);

/*
 * The pages d takes when laid out with t in run (as layout_render();
 * nothing written), or -1 after an error: for fitting agreements and
 * certificates onto their pages.
 */
int	layout_count_pages(struct layout_run *, const struct doc *d,
	    const struct template *t);

/*
 * The width of the UTF-8 text s (len bytes) set in font f (a
 * template_font()), in thousandths of an em, measured as the layout sets
 * it (characters f lacks in its fallback font).
 */
double	layout_text_width(const struct font *f, const char *s, size_t len);

/* Release fontconfig's state at the end of the process (font_done()). */
void	layout_done(void);

#endif
