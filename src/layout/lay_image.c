/*
 * Image sizes: the pixel size of a PNG or JPEG file, read from its
 * header.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout/lay.h"
#include "layout/layout.h"

#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/* ---- images ---------------------------------------------------------- */

static unsigned
be16(const unsigned char *p)
{
	return (unsigned)p[0] << 8 | p[1];
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

static int
image_size_read(const char *path, int *w, int *h, const char **err)
{
	FILE *fp;
	unsigned char buf[32];
	int rc = -1, fd;

	/*
	 * Regular files only, opened non-blocking: a FIFO or device must
	 * not hang the run. Whether the file lies inside the programme
	 * folder the callers have checked.
	 */
	*err = NULL;
	if ((fd = file_open_in("/", path, FILEIO_MAX_IMAGE)) < 0) {
		if (errno == ENODEV)
			*err = "not a regular file (a FIFO, device or socket)";
		else if (errno == EISDIR)
			*err = "a folder, not a file";
		else if (errno == EFBIG)
			*err = "file too large (over 32 MB)";
		return -1;
	}
	if ((fp = fdopen(fd, "rb")) == NULL) {
		close(fd);
		return -1;
	}
	if (fread(buf, 1, 24, fp) != 24) {
		*err = "not a PNG or JPEG file";
		goto done;
	}
	if (memcmp(buf, "\x89PNG\r\n\x1a\n", 8) == 0 &&
	    memcmp(buf + 12, "IHDR", 4) == 0) {
		unsigned long pw = be32(buf + 16), ph = be32(buf + 20);

		if (pw == 0 || ph == 0 || pw > 100000 || ph > 100000)
			*err = "PNG of impossible size";
		else {
			*w = (int)pw;
			*h = (int)ph;
			rc = 0;
		}
		goto done;
	}
	if (buf[0] == 0xFF && buf[1] == 0xD8) {
		long pos = 2;

		/* Walk the JPEG segments to the start of frame. */
		for (int guard = 0; guard < 1000; guard++) {
			unsigned char m[9];

			if (fseek(fp, pos, SEEK_SET) != 0 ||
			    fread(m, 1, 4, fp) != 4 || m[0] != 0xFF)
				break;
			if ((m[1] >= 0xC0 && m[1] <= 0xCF && m[1] != 0xC4 &&
			    m[1] != 0xC8 && m[1] != 0xCC)) {
				if (fread(m + 4, 1, 5, fp) != 5)
					break;
				*h = (int)be16(m + 5);
				*w = (int)be16(m + 7);
				if (*w > 0 && *h > 0)
					rc = 0;
				else
					*err = "JPEG of impossible size";
				goto done;
			}
			pos += 2 + (long)be16(m + 2);
		}
		*err = "damaged JPEG file";
		goto done;
	}
	*err = "not a PNG or JPEG file";
done:
	fclose(fp);
	return rc;
}

/*
 * Image sizes are read once per run: the logos are measured for every
 * certificate, and opening the three files a thousand times took a tenth
 * of the time of a combined certificates.pdf. Without a run the file is
 * read each time.
 */
int
layout_image_size(struct layout_run *run, const char *path, int *w, int *h,
    const char **err)
{
	struct lay_image *e, one;

	for (size_t i = 0; run != NULL && i < run->nimages; i++) {
		e = &run->images[i];
		if (strcmp(e->path, path) == 0) {
			*w = e->w;
			*h = e->h;
			*err = e->err;
			errno = e->eno;
			return e->rc;
		}
	}
	if (run != NULL) {
		run->images = xgrow(run->images, &run->imagecap,
		    run->nimages + 1, sizeof(*run->images));
		e = &run->images[run->nimages++];
		e->path = xstrdup(path);
	} else
		e = &one;
	e->w = e->h = 0;
	errno = 0;
	e->rc = image_size_read(path, &e->w, &e->h, &e->err);
	e->eno = errno;
	*w = e->w;
	*h = e->h;
	*err = e->err;
	return e->rc;
}

bool
layout_image_usable(struct layout_run *run, const struct doc_block *b)
{
	const char *err = NULL;
	int w, h;

	errno = 0;
	if (b->path != NULL && layout_image_size(run, b->path, &w, &h,
	    &err) == 0)
		return true;
	diag_warn(b->file, b->line, "image %s: %s; left out",
	    b->path ? b->path : "(none)", err ? err : errno ?
	    strerror(errno) : "no image size");
	return false;
}
