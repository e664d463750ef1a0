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

/*
 * Open a font. spec is either a path to a .ttf file (contains '/' or ends
 * in ".ttf") or a fontconfig pattern such as "Liberation Serif:style=Bold".
 * Only TrueType outlines are accepted (libharu cannot embed CFF). Returns
 * NULL and sets *err (static text) when nothing fitting is found; a
 * fontconfig substitute of another family counts as not found.
 */
struct font	*font_open(const char *spec, const char **err);
void		 font_free(struct font *);

const char	*font_path(const struct font *);	/* the .ttf file */
const char	*font_family(const struct font *);	/* e.g. "Liberation Serif" */

/* Advance width of a code point; 0 for a glyph the font lacks. */
double		 font_advance(const struct font *, uint32_t cp);
/* Width of a UTF-8 string (invalid bytes count as nothing). */
double		 font_width(const struct font *, const char *s, size_t len);
bool		 font_has_glyph(const struct font *, uint32_t cp);

/*
 * Release fontconfig's global state once no font is open any more (at the
 * end of a command), so that leak checkers see nothing left behind.
 */
void		 font_done(void);

double		 font_ascent(const struct font *);	/* > 0 */
double		 font_descent(const struct font *);	/* < 0 */
double		 font_cap_height(const struct font *);
double		 font_x_height(const struct font *);

#endif
