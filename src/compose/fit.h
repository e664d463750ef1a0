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
/*
 * Break s (UTF-8, len bytes) set in font f at size points into as few
 * lines of at most width points as a greedy fill needs, but with the
 * breaks chosen so that the lines are as even as possible (the least
 * sum of squared line widths), preferring breaks after a " · " or " | "
 * separator and never starting a line with a separator or a dash. Used
 * for multi-line titles so that no word stands alone. out->size is size.
 * A text that needs more than FIT_BALANCE_MAX lines, or that has a word
 * wider than width, gets nlines 0: leave it to the paragraph breaker.
 */
#define FIT_BALANCE_MAX	12
void	fit_balance(struct fit *out, const struct font *f, const char *s,
	    size_t len, double width, double size);
void	fit_free(struct fit *);

#endif
