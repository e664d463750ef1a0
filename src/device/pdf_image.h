/*
 * Images kept across the documents of one PDF device: a PNG file (8-bit
 * grey, RGB or palette, not interlaced, without transparency) is read,
 * checked, decoded and compressed once per run — as a palette image when
 * it has at most 256 colours — and every document gets an image XObject
 * whose stream is a copy of those bytes: no decoding and no recompression
 * per document. Decoding and deflating the logos per file was most of the
 * time and of the bytes of a certificate. Other images return NULL and
 * take libharu's own path.
 */
#ifndef DEVICE_PDF_IMAGE_H
#define DEVICE_PDF_IMAGE_H

#include <hpdf.h>

struct pdf_imgcache;

struct pdf_imgcache	*pdf_imgcache_new(void);
void			 pdf_imgcache_free(struct pdf_imgcache *);

/*
 * An image XObject for the PNG file path (file contents data[0..len),
 * already checked by pdf_png_check()) in document pdf, or NULL when the
 * file cannot be passed through. The parsed file is remembered under path
 * for later documents; data may then be NULL.
 */
HPDF_Image	pdf_imgcache_png(struct pdf_imgcache *, HPDF_Doc pdf,
		    const char *path, const unsigned char *data, size_t len);

/*
 * An image XObject for a JPEG file data[0..len) that device/image.c has
 * decoded (w x h pixels, comps 1 grey or 3 colour components): the bytes
 * as they are, /DCTDecode. libharu's own JPEG loader is not used: its
 * header parser refuses files libjpeg reads (fill bytes before a marker).
 * NULL on failure.
 */
HPDF_Image	pdf_jpeg_image(HPDF_Doc pdf, const unsigned char *data,
		    size_t len, int w, int h, int comps);

/* Has the cache already parsed this path (so the file need not be
 * read again)? 1 usable, 0 unknown, -1 known not to pass through. */
int		pdf_imgcache_known(const struct pdf_imgcache *, const char *path);

#endif
