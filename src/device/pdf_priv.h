/*
 * The state of the PDF device, shared by its files: dev_pdf.c (documents
 * and pages), pdf_draw.c (text, lines, rectangles, images) and pdf_links.c
 * (links, destinations, bookmarks). Not part of the device interface.
 */
#ifndef DEVICE_PDF_PRIV_H
#define DEVICE_PDF_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <zlib.h>

#include <hpdf.h>

#include "device/device.h"
#include "device/font.h"
#include "device/pdf_font.h"
#include "device/pdf_image.h"
#include "device/pdf_tags.h"
#include "util/strbuf.h"

/* Limits against nonsense from a caller. */
#define PDF_MAX_DEST	1000000		/* destination numbers 0 .. this */
#define PDF_MAX_FONTSIZE 600.0		/* libharu's own limit */
#define PDF_MAX_PAGESIZE 14400.0	/* PDF's largest page (points) */
#define PDF_MIN_PAGESIZE 3.0		/* PDF's smallest page (points) */

struct pdf_dest {
	HPDF_Page	 page;		/* NULL until defined */
	double		 y;		/* PDF y (from the bottom) */
};

/* Where a link or bookmark came from, for diagnostics. */
struct pdf_src {
	char		*file;		/* owned, or NULL */
	long		 line;		/* 0 = unknown */
};

struct pdf_link {
	HPDF_Page	 page;
	HPDF_Rect	 rect;
	int		 dest;
	int		 el;		/* its Link structure element */
	struct pdf_src	 src;
};

struct pdf_mark {
	int		 level;
	char		*title;
	int		 dest;
	struct pdf_src	 src;
};

struct pdf_image {
	char		*path;
	HPDF_Image	 img;		/* NULL if it could not be loaded */
};

/*
 * The text object being written (pdf_text()): text runs in a row go into
 * one BT ... ET, the runs of one line into one TJ array. Coordinates are
 * PDF's (from the bottom), as written.
 */
struct pdf_tj {
	bool		 open;		/* BT written, ET not yet */
	bool		 array;		/* "[" written, "]TJ" not yet */
	size_t		 at;		/* where in tjbuf the "[" is */
	int		 parts;		/* strings and numbers in the array */
	bool		 colored;	/* color is set in this object */
	bool		 lined;		/* a Td was written */
	HPDF_Page	 page;		/* whose content stream it goes to */
	struct pdf_face	*face;		/* the font set (Tf), or NULL */
	double		 size;
	struct dev_color color;		/* the fill colour set */
	double		 lx, ly;	/* start of the current line */
	double		 pen;		/* x where the next glyph goes */
};

/* Gaps smaller than this (points) between where a run ends and the next
 * one starts on the same line are not written as TJ numbers. */
#define PDF_TJ_SLACK	0.001

/*
 * Page contents are compressed with a window just big enough for them: a
 * certificate page is 3 KB, and zlib's full 32 KB window and 64 KB hash
 * table, reset for each page, cost more than the compression itself.
 * Class k has a 2^(9+k) byte window; the output is the same as with the
 * full window, as nothing lies further back than the page's length.
 */
#define PAGE_ZCLASSES	7

struct pdf_dev {
	struct device	 dev;
	HPDF_Doc	 pdf;		/* NULL outside begin() .. end() */
	HPDF_Page	 page;		/* the current page or NULL */
	int		 npages;	/* pages begun in this document */
	double		 ph;		/* its height */
	int		 failed;	/* a libharu error happened */
	int		 quiet;		/* errors expected: record only */
	HPDF_STATUS	 err;		/* the last libharu error */
	HPDF_STATUS	 err_detail;

	struct pdf_fontset *fonts;	/* kept across documents */
	struct pdf_imgcache *imgcache;	/* PNGs passed through, ditto */
	bool		 pdfa;		/* this document is PDF/A-1b */
	char		*meta[5];	/* title, author, subject, keywords,
					   lang of this document */
	long long	 date;		/* its creation date */
	unsigned char	*icc;		/* the sRGB profile, read and
					   deflated once */
	size_t		 icclen;
	struct pdf_dest	*dests;
	size_t		 ndests, capdests;
	struct pdf_link	*links;
	size_t		 nlinks, caplinks;
	struct pdf_mark	*marks;
	size_t		 nmarks, capmarks;
	struct pdf_image *images;
	size_t		 nimages, capimages;
	size_t		 nmissing;	/* characters drawn as .notdef */
	struct pdf_src	 src;		/* source of what is drawn now */

	struct pdf_tags	*tags;		/* structure (pdf_tags.c) */
	struct {			/* the last tagged text run */
		bool	 valid;		/* in this document */
		double	 y;		/* its baseline */
		double	 end;		/* where it ended */
		double	 size;
		uint32_t last;		/* its last character */
		int	 block;		/* its block structure element */
	} run;
	HPDF_Page	 open_page;	/* its content is not compressed yet */
	z_stream	 z[PAGE_ZCLASSES]; /* compress finished pages, one
					   per size class (page_zclass) */
	bool		 zinit[PAGE_ZCLASSES];
	unsigned char	*zbuf;		/* scratch for z */
	size_t		 zcap;
	struct strbuf	 buf;		/* scratch: glyph ids of a run */
	struct strbuf	 op;		/* scratch: content operators */
	struct pdf_tj	 tj;		/* the open text object */
	struct strbuf	 tjbuf;		/* its operators, not yet written */
	const struct font *tjfont;	/* the last font drawn with */
	struct pdf_face	*tjface;	/* and its face */
};


static inline struct pdf_dev *
pdf_of(struct device *d)
{
	return d->priv;
}

/* pdf_draw.c: drawing into the current page (see device.h). */
void	pdf_text(struct device *, struct font *, double size,
	    struct dev_color, double x, double y, const char *s, size_t len);
void	pdf_line(struct device *, double x0, double y0, double x1,
	    double y1, double width, struct dev_color);
void	pdf_rect(struct device *, double x, double y, double w, double h,
	    const struct dev_color *fill, double stroke_width,
	    struct dev_color stroke);
int	pdf_image(struct device *, const struct dev_image *, double x,
	    double y, double w, double h, const char *alt);

/* Write the open text object into its page's content stream, if any:
 * called before anything else is written there. */
void	pdf_text_flush(struct pdf_dev *);

/* pdf_links.c: links, destinations, bookmarks (see device.h). */
void	pdf_link_uri(struct device *, double x, double y, double w,
	    double h, const char *uri);
void	pdf_link_dest(struct device *, double x, double y, double w,
	    double h, int dest);
void	pdf_dest(struct device *, int dest, double y);
void	pdf_bookmark(struct device *, int level, const char *title,
	    int dest);
void	pdf_source(struct device *, const char *file, long line);

/* Create the links and the outline at the end of the document. */
void	pdf_resolve(struct pdf_dev *);

#endif
