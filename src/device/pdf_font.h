/*
 * Embedded TrueType fonts for the PDF device, built without libharu's font
 * code (which costs ~8 ms and ~40 KB per document): Type0 fonts with
 * Identity-H encoding whose character codes are the glyph ids of the
 * original font. The font program is reduced with HarfBuzz's subsetter
 * (glyph ids kept) to exactly the glyphs each document uses, so that a
 * file carries no outlines it does not need; the compressed result is kept
 * and written unchanged into the next document that uses the same glyphs.
 */
#ifndef DEVICE_PDF_FONT_H
#define DEVICE_PDF_FONT_H

#include <stdbool.h>
#include <stdint.h>

#include <hpdf.h>

struct font;
struct strbuf;
struct pdf_fontset;
struct pdf_face;

/* The fonts of one device, kept across its documents. */
struct pdf_fontset	*pdf_fontset_new(void);
void			 pdf_fontset_free(struct pdf_fontset *);

/* Start a document: forget the font objects of the previous one. */
void	pdf_fontset_begin(struct pdf_fontset *, HPDF_Doc);

/*
 * The face of a font file, read on first use in this device. NULL (after
 * one diagnostic naming the file) if it cannot be embedded.
 */
struct pdf_face	*pdf_fontset_face(struct pdf_fontset *, const struct font *);

/* The face's Type0 font dictionary in the current document (created on
 * first use; completed by pdf_fontset_finish()). NULL on libharu error. */
HPDF_Dict	 pdf_face_dict(struct pdf_face *);

/*
 * The character code (glyph id) for cp, marked as used, 0 (.notdef) if the font lacks cp; with w, also the
 * glyph's width as the font's /W array gives it (thousandths of an em,
 * rounded), which is what a PDF reader advances by. Cached per code point.
 */
unsigned	 pdf_face_glyph(struct pdf_face *, uint32_t cp, int *w);

/*
 * Complete the font objects of every face used in the current document:
 * re-subset the font program when new glyphs were used, then add the font
 * program, widths, ToUnicode map and (for PDF/A) CIDSet. 0, or -1 after a
 * diagnostic.
 */
int		 pdf_fontset_finish(struct pdf_fontset *, bool pdfa);

#endif
