/*
 * Images checked before anything is drawn with them: a PNG or JPEG file is
 * read once (through the confined opener's checks) and decoded whole, so
 * that only complete files a PDF can carry reach a device; the bytes kept
 * are the bytes checked. The one rule for tandem check and tandem build.
 */
#ifndef DEVICE_IMAGE_H
#define DEVICE_IMAGE_H

#include <stddef.h>

#define DEV_IMAGE_MAX_SIDE	10000	/* pixels; a logo is far smaller */
#define DEV_IMAGE_WHY		200	/* room for a reason */

/* An image as the devices draw it. */
struct dev_image {
	char		*path;		/* as read: the cache key, messages */
	unsigned char	*data;		/* the bytes to embed */
	size_t		 len;
	int		 w, h;		/* pixels */
	int		 jpeg;		/* JPEG: its components, 1 grey or
					   3 colour; 0 PNG */
};

/*
 * Check the image file data[0..len): a complete PNG or an 8-bit grey or
 * RGB JPEG (a CMYK one is refused: PDF/A-1 with its sRGB output intent
 * allows none), at most DEV_IMAGE_MAX_SIDE pixels on a side. An
 * interlaced PNG, which libharu cannot read, one of 16 bits per sample,
 * which PDF 1.4 cannot hold (libharu embedded it garbled), and any other
 * PNG the PDF device leaves to libharu (transparency, fewer bits) are
 * rewritten by libpng, plainly and in 8 bits at most: then *out
 * (malloc'ed, *outlen bytes) holds the file to use,
 * else *out is NULL. 0 on success with *w, *h and *jpeg (0 for a PNG,
 * else the JPEG's components: 1 grey, 3 colour) set, else -1 with
 * why[DEV_IMAGE_WHY] saying what is wrong and what to do.
 */
int	dev_image_check(const unsigned char *data, size_t len, int *w, int *h,
	    int *jpeg, unsigned char **out, size_t *outlen, char *why);

/*
 * Read path (a regular file of at most FILEIO_MAX_IMAGE bytes, checked as
 * file_open_in() checks it, inside the folder dir; "/" when the caller
 * has checked that) and check it. NULL on failure: *bad 0 when the file
 * cannot be read (errno set), 1 when it is no usable image (why set).
 */
struct dev_image *dev_image_read(const char *dir, const char *path,
	    int *bad, char *why);
void	dev_image_free(struct dev_image *);

#endif
