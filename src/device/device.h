/*
 * The device interface: the layout engine measures text with src/device/
 * font.h and sends positioned text runs, lines, rectangles, images, links,
 * bookmarks and structure marks here; it never calls libharu. Two devices
 * implement it: PDF (dev_pdf.c, libharu) and text (dev_text.c, a plain dump
 * of pages and positions for golden tests with diff).
 *
 * Coordinates are PostScript points with the origin at the top-left corner
 * of the page and y growing downwards; text is placed by its baseline.
 * Colours are grey levels 0 (black) .. 1 (white), or an RGB triple.
 */
#ifndef DEVICE_DEVICE_H
#define DEVICE_DEVICE_H

#include <stdbool.h>
#include <stddef.h>

struct font;
struct dev_image;

struct dev_color {
	double	r, g, b;		/* 0..1 each */
};

/* Document information (PDF Info dictionary, XMP). Strings are UTF-8. */
struct dev_info {
	const char	*title;
	const char	*author;
	const char	*subject;
	const char	*keywords;
	const char	*lang;		/* BCP 47, e.g. "de-DE" */
	long long	 date;		/* creation date, seconds since epoch */
	bool		 pdfa;		/* write PDF/A-1b */
};

/* Structure tags for tagged PDF (carried from the document tree). */
enum dev_tag {
	DEV_TAG_DOCUMENT,
	DEV_TAG_H1, DEV_TAG_H2, DEV_TAG_H3, DEV_TAG_H4,
	DEV_TAG_P,
	DEV_TAG_L, DEV_TAG_LI, DEV_TAG_LBL, DEV_TAG_LBODY,
	DEV_TAG_BLOCKQUOTE,
	DEV_TAG_CODE,
	DEV_TAG_TABLE, DEV_TAG_TR, DEV_TAG_TH, DEV_TAG_TD,
	DEV_TAG_FIGURE,
	DEV_TAG_LINK,
	DEV_TAG_FORM,
	DEV_TAG_SPAN,
	DEV_TAG_TOC, DEV_TAG_TOCI,
	DEV_TAG__MAX
};

struct device;

struct device_ops {
	/* Start a document; 0 on success. */
	int	(*begin)(struct device *, const struct dev_info *);
	/* A new page of the given size (points). */
	void	(*page)(struct device *, double width, double height);
	/* A run of UTF-8 text with its baseline's left end at (x, y). */
	void	(*text)(struct device *, struct font *, double size,
		    struct dev_color, double x, double y,
		    const char *s, size_t len);
	/* A straight line. */
	void	(*line)(struct device *, double x0, double y0,
		    double x1, double y1, double width, struct dev_color);
	/* A rectangle (top-left x, y); fill and/or stroke (width 0 = none). */
	void	(*rect)(struct device *, double x, double y, double w,
		    double h, const struct dev_color *fill,
		    double stroke_width, struct dev_color stroke);
	/* A checked PNG or JPEG image (device/image.h: its bytes, read
	 * once) scaled into the box; 0 on success, -1 with a diagnostic
	 * already printed. alt is the alternative text. */
	int	(*image)(struct device *, const struct dev_image *, double x,
		    double y, double w, double h, const char *alt);
	/* A clickable area opening a URI. */
	void	(*link_uri)(struct device *, double x, double y, double w,
		    double h, const char *uri);
	/* A clickable area jumping to destination dest (see dest()). */
	void	(*link_dest)(struct device *, double x, double y, double w,
		    double h, int dest);
	/* Define destination number dest at height y of the current page.
	 * Destinations may be defined after links to them (forward refs). */
	void	(*dest)(struct device *, int dest, double y);
	/* An outline entry (level 1 = top) pointing at a destination. */
	void	(*bookmark)(struct device *, int level, const char *title,
		    int dest);
	/* Structure: content drawn between begin and end belongs to the
	 * element; elements nest; reading order is the order of the calls.
	 * alt: alternative text for DEV_TAG_FIGURE (required: a figure
	 * without it is warned about) or DEV_TAG_FORM (e.g. a tick box's
	 * state), the language (BCP 47, e.g. "en") for
	 * DEV_TAG_SPAN, else NULL. The PDF device tags text and images with
	 * the innermost element; lines and rectangles only inside figures
	 * and forms, else they are decoration (artifacts). An image drawn
	 * outside a figure becomes a figure with the image's alt text. */
	void	(*tag_begin)(struct device *, enum dev_tag, const char *alt);
	void	(*tag_end)(struct device *);
	/* Content between these is decoration (running heads, page numbers,
	 * repeated table headers); it needs no structure element. */
	void	(*artifact_begin)(struct device *);
	void	(*artifact_end)(struct device *);
	/* Finish and write the document to path atomically; 0 on success,
	 * else -1 with a diagnostic printed and no file left behind. */
	int	(*end)(struct device *, const char *path);
	/* Release the device (after end(), or to abandon the document). */
	void	(*free)(struct device *);
	/* Page labels (what a viewer shows as the page number): from the
	 * current page on, pages are called prefix followed by the decimal
	 * number start, start + 1, ...; start 0 means the prefix alone.
	 * prefix may be NULL. Call it right after page(). */
	void	(*page_label)(struct device *, const char *prefix, int start);
	/* The source (Markdown or data file and line, 0 = unknown) of what
	 * is sent next; file NULL = none. The device names it in the
	 * diagnostics about links, destinations and bookmarks it has to
	 * leave out, so that a warning points at the text that caused it.
	 * The device copies what it keeps. May be NULL in a device. */
	void	(*source)(struct device *, const char *file, long line);
};

struct device {
	const struct device_ops	*ops;
	void			*priv;		/* the device's own state */
};

/*
 * The PDF device. One device can write many documents in a row (begin ...
 * end, begin ... end), reusing loaded fonts, which is what makes a thousand
 * certificates cheap.
 */
struct device	*dev_pdf_new(void);

/* The text device: writes its dump to path (or stdout for "-") in end(). */
struct device	*dev_text_new(void);

#endif
