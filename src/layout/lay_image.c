/*
 * Images: each PNG or JPEG file read and checked once per run
 * (device/image.h), its size for the layout and its bytes for the
 * device.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "layout/lay.h"
#include "layout/layout.h"

#include "device/image.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/*
 * Images are read and checked once per run: the logos are measured for
 * every certificate, and opening the three files a thousand times took a
 * tenth of the time of a combined certificates.pdf. Without a run the file
 * is read each time.
 */
static struct lay_image *
image_get(struct layout_run *run, const char *path, struct lay_image *one)
{
	struct lay_image *e;
	int bad;

	for (size_t i = 0; run != NULL && i < run->nimages; i++)
		if (strcmp(run->images[i].path, path) == 0)
			return &run->images[i];
	if (run != NULL) {
		run->images = xgrow(run->images, &run->imagecap,
		    run->nimages + 1, sizeof(*run->images));
		e = &run->images[run->nimages++];
	} else
		e = one;
	memset(e, 0, sizeof(*e));
	e->path = xstrdup(path);
	/*
	 * Regular files only, opened non-blocking: a FIFO or device must
	 * not hang the run. Whether the file lies inside the programme
	 * folder the callers have checked.
	 */
	errno = 0;
	e->img = dev_image_read("/", path, &bad, e->why);
	e->eno = errno;
	if (e->img == NULL && !bad) {
		if (e->eno == ENODEV)
			snprintf(e->why, sizeof(e->why), "not a regular file "
			    "(a FIFO, device or socket)");
		else if (e->eno == EISDIR)
			snprintf(e->why, sizeof(e->why), "a folder, not a "
			    "file");
		else if (e->eno == EFBIG)
			snprintf(e->why, sizeof(e->why), "file too large "
			    "(over 32 MB)");
		else
			snprintf(e->why, sizeof(e->why), "%s",
			    strerror(e->eno));
	}
	e->rc = e->img != NULL ? 0 : bad ? -2 : -1;
	return e;
}

int
layout_image_size(struct layout_run *run, const char *path, int *w, int *h,
    const char **err)
{
	/* Without a run, the reason outlives the image read for it. */
	static _Thread_local char why[DEV_IMAGE_WHY];
	struct lay_image *e, one;
	int rc;

	e = image_get(run, path, &one);
	*w = e->img ? e->img->w : 0;
	*h = e->img ? e->img->h : 0;
	*err = e->rc != 0 ? e->why : NULL;
	errno = e->eno;
	rc = e->rc;
	if (run == NULL) {
		memcpy(why, one.why, sizeof(why));
		*err = rc != 0 ? why : NULL;
		lay_image_clear(&one);
		errno = e->eno;
	}
	return rc;
}

const struct dev_image *
lay_image(struct layout_run *run, const char *path)
{
	struct lay_image *e;

	if (run == NULL || path == NULL)
		return NULL;
	e = image_get(run, path, NULL);
	return e->img;
}

void
lay_image_clear(struct lay_image *e)
{
	free(e->path);
	dev_image_free(e->img);
	e->path = NULL;
	e->img = NULL;
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
