/*
 * Fonts: finding TrueType files through fontconfig (or by path) and their
 * metrics, read with HarfBuzz. Layout measures text with these numbers and
 * every device draws with the same files, so the text device's dump shows
 * exactly the lines the PDF will have.
 *
 * All metrics are in thousandths of an em (PDF glyph space units).
 */
#ifndef DEVICE_FONT_H
#define DEVICE_FONT_H

#include <stdbool.h>
#include <stdint.h>

struct font;
struct hb_blob_t;

/*
 * Open a font. spec is either a path to a .ttf file (contains '/' or ends
 * in ".ttf") or a fontconfig pattern such as "Liberation Serif:style=Bold".
 * Only TrueType outlines are accepted (libharu cannot embed CFF). Returns
 * NULL and sets *err (static text) when nothing fitting is found; a
 * fontconfig substitute of another family counts as not found.
 */
struct font	*font_open(const char *spec, const char **err);
/*
 * font_open(), a font file (spec a path) read whole through the confined
 * opener: inside the folder dir (NULL: "/", the caller has checked), a
 * regular file of at most FILEIO_MAX_FONT bytes; *err then says why not
 * (e.g. "no such file in the programme folder").
 */
struct font	*font_open_in(const char *dir, const char *spec,
		    const char **err);
void		 font_free(struct font *);

const char	*font_path(const struct font *);	/* the .ttf file */
/* The font file's bytes as read once by font_open() (a new reference
 * the caller destroys): the PDF device embeds them, never re-reading the
 * file. */
struct hb_blob_t *font_blob(const struct font *);
const char	*font_family(const struct font *);	/* e.g. "Liberation Serif" */

/* Advance width of a code point; 0 for a glyph the font lacks. */
double		 font_advance(const struct font *, uint32_t cp);
/* Width of a UTF-8 string (invalid bytes count as nothing). */
double		 font_width(const struct font *, const char *s, size_t len);
bool		 font_has_glyph(const struct font *, uint32_t cp);

/*
 * Fallback: a second font (not owned; it must outlive f) that sets the
 * characters f lacks. With one set, font_advance() and font_width()
 * measure such characters with the fallback's advances, so that text is
 * measured exactly as font_face() says it is drawn. A fallback has no
 * fallback of its own. NULL removes it.
 */
void		 font_set_fallback(struct font *f, struct font *fallback);
struct font	*font_fallback(const struct font *);
/* The face that draws cp: f if it has the glyph, else its fallback if
 * that has it, else f (which then draws an empty box). */
struct font	*font_face(struct font *f, uint32_t cp);
/* Whether f or its fallback has a glyph for cp. */
bool		 font_covers(const struct font *, uint32_t cp);

/*
 * Forget fontconfig's answers and release its global state once no font
 * is open any more in the process (at the end of a command), so that leak
 * checkers see nothing left behind.
 */
void		 font_done(void);

double		 font_ascent(const struct font *);	/* > 0 */
double		 font_descent(const struct font *);	/* < 0 */

#endif
