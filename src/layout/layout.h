/*
 * The layout engine: sets a document tree (doc.h) on pages according to a
 * template (template.h) and draws the pages through a device (device.h).
 * Paragraphs are broken by the total-fit breaker (linebreak.h) with
 * hyphenation (hyph.h); pages are filled without widows or orphans, with
 * headings kept with the next two lines, table header rows repeated, and
 * running heads and feet ("Seite 3 von 24") whose totals are known because
 * the whole document is paginated before anything is drawn.
 */
#ifndef LAYOUT_LAYOUT_H
#define LAYOUT_LAYOUT_H

#include "device/device.h"
#include "layout/doc.h"
#include "layout/template.h"

struct layout_stats {
	int	 pages;
	size_t	 lines;		/* text lines set */
	size_t	 hyphens;	/* lines ending in a hyphen */
	size_t	 overfull;	/* lines that had to be overfull */
};

/*
 * Lay out doc with template t and draw it on dev, which the caller has
 * begun (dev->ops->begin) and will end. Text the fonts cannot show is
 * reported (file:line, U+XXXX). Returns 0, or -1 after a diagnostic.
 * stats may be NULL.
 */
int	layout_render(const struct doc *, const struct template *,
	    struct device *, struct layout_stats *);

/*
 * Read the pixel size of a PNG or JPEG file: 0 on success, -1 if the file
 * cannot be read or is neither (errno or a message in *err).
 */
int	layout_image_size(const char *path, int *w, int *h, const char **err);

#endif
