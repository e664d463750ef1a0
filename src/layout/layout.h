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

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "layout/doc.h"
#include "layout/template.h"

struct device;

struct layout_stats {
	int	 pages;
	size_t	 lines;		/* text lines set */
	size_t	 hyphens;	/* lines ending in a hyphen */
	size_t	 overfull;	/* lines that had to be overfull */
};

/*
 * Lay out doc with template t and draw it on dev, which the caller has
 * begun (dev->ops->begin) and will end. Characters a font lacks are set
 * in its fallback font (template.h); a character neither has is reported
 * once per process (U+XXXX, the character, and where it came from: see
 * layout_set_origin(), else the text's file:line). A run's "#id" link
 * goes to the heading with that id anywhere in doc (doc_heading_ids) or,
 * in a combined file, in its own part (each DOC_ROOT child, and each
 * stretch between page breaks that restart the page numbers, counts its
 * ids on its own: doc_heading_ids_range); one to no heading is warned about (file and line) and set as plain text.
 * Returns 0, or -1 after a diagnostic. stats may be NULL.
 */
int	layout_render(const struct doc *, const struct template *,
	    struct device *, struct layout_stats *);

/*
 * Where a character came from when it was inserted from data (a name in
 * programme.xml) rather than written in the text being laid out: the hook
 * looks for cp in its data; if found it sets *file and *line and writes a
 * short description such as "the name of person p03" into what (size
 * whatsz), and returns true. One hook per process; NULL removes it.
 */
typedef bool	(*layout_origin_fn)(void *arg, uint32_t cp, const char **file,
		    long *line, char *what, size_t whatsz);
void	layout_set_origin(layout_origin_fn, void *arg);

/*
 * Read the pixel size of a PNG or JPEG file: 0 on success, -1 if the file
 * cannot be read or is neither (errno or a message in *err).
 */
int	layout_image_size(const char *path, int *w, int *h, const char **err);

/* Forget the image sizes read so far (they are read once per run). */
void	layout_image_forget(void);

#endif
