/*
 * Tagged PDF for the PDF device: the structure tree (structure elements as
 * indirect objects, the parent tree, /MarkInfo, /StructTreeRoot) and the
 * marked content written into the page content streams around what the
 * device draws. Built on libharu 2.3.0's exported internals.
 *
 * The device reports the structure calls of device.h here and, before it
 * draws anything, says what it is about to draw (pdf_tags_mark); this
 * module then closes and opens marked-content sequences in the page's
 * content stream as needed: text and images belong to the innermost open
 * element, lines and rectangles are artifacts unless they are part of a
 * figure or a form element, and everything between artifact_begin and
 * artifact_end is an artifact. Reading order is the order of the calls.
 */
#ifndef DEVICE_PDF_TAGS_H
#define DEVICE_PDF_TAGS_H

#include <stdbool.h>

#include <hpdf.h>
#include <hpdf_objects.h>

#include "device/device.h"

/* What the device is about to draw. */
enum pdf_draw {
	PDF_DRAW_TEXT,		/* a text run: real content */
	PDF_DRAW_IMAGE,		/* an image: real content (a figure) */
	PDF_DRAW_GRAPHIC,	/* a line or rectangle: decoration unless in
				   a figure or form element */
	PDF_DRAW__MAX
};

struct pdf_tags;

/* A tagger; one serves many documents in a row. Never NULL. */
struct pdf_tags	*pdf_tags_new(void);
void		 pdf_tags_free(struct pdf_tags *);

/* Start a document (forgets the previous one). */
void	pdf_tags_begin(struct pdf_tags *, HPDF_Doc);

/* A new page was added: closes marked content left open on the last. */
void	pdf_tags_page(struct pdf_tags *, HPDF_Page);

/*
 * Open a structure element as a child of the innermost open one. alt is
 * the alternative text of a figure or form element, the language (BCP
 * 47) of a span, and ignored otherwise.
 */
void	pdf_tags_open(struct pdf_tags *, enum dev_tag, const char *alt);
void	pdf_tags_close(struct pdf_tags *);
void	pdf_tags_artifact_begin(struct pdf_tags *);
void	pdf_tags_artifact_end(struct pdf_tags *);

/* Whether something drawn now would be tagged content (not an artifact,
 * inside an element). */
bool	pdf_tags_tagging(const struct pdf_tags *);

/* The innermost open block element, i.e. not a span or link (-1 if
 * none): text in one block reads as one flow. */
int	pdf_tags_block(const struct pdf_tags *);

/* Whether something drawn now would belong to a figure (whose bounding
 * box is then wanted in pdf_tags_mark). */
bool	pdf_tags_in_figure(const struct pdf_tags *);

/*
 * Say that the device now draws something of this kind on the current
 * page, within the box l, b, r, t (PDF coordinates; used for figures).
 * Writes the marked-content operators needed before it into the page's
 * content stream. An image drawn inside an element that is not a figure
 * becomes a figure of its own with alternative text alt.
 */
void	pdf_tags_mark(struct pdf_tags *, enum pdf_draw, double l, double b,
	    double r, double t, const char *alt);

/* The structure element that will hold a link annotation made now: the
 * open Link element, or a new Link element inside the innermost one.
 * -1 if the document has no structure. */
int	pdf_tags_link(struct pdf_tags *);

/* Record annotation annot on page pg as a content item of element el (a
 * result of pdf_tags_link). */
void	pdf_tags_annot(struct pdf_tags *, int el, HPDF_Dict annot,
	    HPDF_Page pg);

/*
 * Finish the document: close open marked content and, if any structure
 * element was opened, write the structure tree, the parent tree and the
 * catalog entries (/MarkInfo, /StructTreeRoot, /ViewerPreferences
 * /DisplayDocTitle) and raise the PDF version to 1.4. Warnings about
 * figures without alternative text, content outside any element and
 * calls that do not nest name path. 0, or -1 on a libharu error.
 */
int	pdf_tags_finish(struct pdf_tags *, const char *path);

/*
 * The most characters of a PDF text string tandem writes (document
 * information, bookmarks): far below libharu's string limit (65,535
 * bytes, which fails the whole document) and more than any reader shows.
 */
#define PDF_MAX_TEXT_STRING	2000

/*
 * A PDF text string (UTF-16BE) for UTF-8 s; invalid bytes become U+FFFD.
 * Longer than PDF_MAX_TEXT_STRING characters, it is cut there and ends
 * in "…", and *cut (if not NULL) is set, for the caller's warning.
 */
HPDF_Binary	pdf_text_string(HPDF_MMgr, const char *s, bool *cut);

/* s cut as pdf_text_string() cuts it (a copy; caller frees). */
char		*pdf_text_cut(const char *s, bool *cut);

#endif
