/*
 * The layout engine: sets a document tree (doc.h) on pages according to a
 * template (template.h) and draws them through a device. The whole
 * document is paginated before anything is drawn, so running heads know
 * their totals ("Seite 3 von 24").
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
 * What one run of a command keeps across its documents and outputs: the
 * characters no font has that were reported already (each is reported
 * once per run), the origin hook, the image sizes read and the
 * hyphenation patterns loaded. The command creates one and frees it at
 * its end; layout_run_free() accepts NULL.
 */
struct layout_run;

struct layout_run	*layout_run_new(void);
void			 layout_run_free(struct layout_run *);

/*
 * Where a character came from when it was inserted from data (a name in
 * programme.xml) rather than written in the text being laid out: the hook
 * looks for cp in its data; if found it sets *file and *line and writes a
 * short description such as "the name of person p03" into what (size
 * whatsz), and returns true. NULL removes it.
 */
typedef bool	(*layout_origin_fn)(void *arg, uint32_t cp, const char **file,
		    long *line, char *what, size_t whatsz);
void	layout_set_origin(struct layout_run *, layout_origin_fn, void *arg);

/*
 * The programme's own hyphenation words for text in language lang (its
 * hyphenation.txt: see hyph_words() in hyph.h), added to the built-in
 * list; errors are reported with file and line. Returns their number.
 */
int	layout_hyph_words(struct layout_run *, const char *lang,
	    const char *file, const char *text, size_t len);

/* Never hyphenate the words of text (names of people, places and
 * organisations from the data), in any language. */
void	layout_hyph_keep(struct layout_run *, const char *text);

/*
 * Lay out doc with template t and draw it on dev, which the caller has
 * begun and will end. A character no font has is warned about once per
 * run (NULL: a run of this call's own); a "#id" link to no heading is
 * warned about and set as plain text. Returns 0, or -1 after a
 * diagnostic. stats may be NULL.
 */
int	layout_render(struct layout_run *, const struct doc *,
	    const struct template *, struct device *, struct layout_stats *);

/*
 * Read and check a PNG or JPEG file (device/image.h), once per run (run
 * NULL: each time), and give its pixel size: 0 on success, -1 if the file
 * cannot be read (a missing file, a FIFO, one too large: errno set), -2 if
 * it is no usable image (damaged, truncated, CMYK, another format); *err
 * then says why (valid until the next call).
 */
int	layout_image_size(struct layout_run *, const char *path, int *w,
	    int *h, const char **err);

/*
 * Can the layout draw image block b (a DOC_IMAGE)? Returns true, or warns
 * "FILE:LINE: image PATH: why; left out" at the block and returns false.
 * The layout and tandem check ask this one question.
 */
bool	layout_image_usable(struct layout_run *, const struct doc_block *b);

#endif
