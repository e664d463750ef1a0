/*
 * Fitting a line of large text into a width (certificate names): the text
 * is set as large as allowed and shrunk until it fits on one line; below a
 * readable minimum it is split into two balanced lines, and if even that
 * does not fit, wrapped at the minimum size over as many lines as needed
 * (breaking inside a word only when a single word is wider than the box).
 * The result never overflows the width.
 */
#ifndef COMPOSE_FIT_H
#define COMPOSE_FIT_H

#include <stddef.h>

struct font;

struct fit_line {
	size_t	off, len;	/* bytes of the text, spaces trimmed */
};

struct fit {
	double		 size;		/* chosen font size, points */
	struct fit_line	*lines;
	size_t		 nlines;
};

/*
 * Fit s (UTF-8, len bytes) set in font f into width points, with size
 * between min and max points. Fills *out (release with fit_free()).
 */
void	fit_text(struct fit *out, const struct font *f, const char *s,
	    size_t len, double width, double max, double min);
void	fit_free(struct fit *);

#endif
