/*
 * The one render path (see render.h): lays a document tree out on the PDF
 * or text device and writes it, counts the pages of a tree, and measures
 * text for the document kinds.
 */
#include <stdlib.h>
#include <string.h>

#include "device/device.h"
#include "device/font.h"
#include "layout/layout.h"
#include "layout/render.h"
#include "util/diag.h"
#include "util/xalloc.h"

struct render {
	enum render_target	 target;
	struct device		*dev;
	struct layout_run	*run;		/* the command's or own */
	struct layout_run	*own;		/* owned, or NULL */
};

struct render *
render_new(enum render_target target, struct layout_run *run)
{
	struct render *r = xcalloc(1, sizeof(*r));

	r->target = target;
	r->run = run != NULL ? run : (r->own = layout_run_new());
	r->dev = target == RENDER_TEXT ? dev_text_new() : dev_pdf_new();
	return r;
}

void
render_free(struct render *r)
{
	if (r == NULL)
		return;
	r->dev->ops->free(r->dev);
	layout_run_free(r->own);
	free(r);
}

const char *
render_ext(const struct render *r)
{
	return r->target == RENDER_TEXT ? "txt" : "pdf";
}

bool
render_is_text(const struct render *r)
{
	return r->target == RENDER_TEXT;
}

/* The device's information for a file whose first document is d. */
static void
info_of(struct dev_info *di, const struct render_info *ri,
    const struct doc *d)
{
	memset(di, 0, sizeof(*di));
	di->title = ri->title ? ri->title : d->title;
	di->author = ri->author ? ri->author : d->author;
	di->subject = ri->subject;
	di->lang = d->lang && strcmp(d->lang, "en") == 0 ? "en-GB" : "de-DE";
	di->date = ri->date;
	di->pdfa = ri->pdfa;
}

int
render_write(struct render *r, const struct doc *d, const struct template *t,
    const struct render_info *ri, const char *path)
{
	struct dev_info di;

	info_of(&di, ri, d);
	if (r->dev->ops->begin(r->dev, &di) != 0 ||
	    layout_render(r->run, d, t, r->dev, NULL) != 0) {
		diag_setrc(DIAG_INTERNAL);
		return -1;
	}
	if (r->dev->ops->end(r->dev, path) != 0) {
		diag_setrc(DIAG_CANTCREAT);
		return -1;
	}
	return 0;
}

int
render_write_each(struct render *r, struct doc **docs, size_t n,
    const struct template *t, const struct render_info *ri, const char *path)
{
	struct dev_info di;
	int rc = 0;

	info_of(&di, ri, docs[0]);	/* docs[0] holds its strings */
	if (r->dev->ops->begin(r->dev, &di) != 0)
		rc = -1;
	for (size_t i = 0; i < n; i++) {
		if (rc == 0 && layout_render(r->run, docs[i], t, r->dev,
		    NULL) != 0)
			rc = -1;
		if (i > 0) {
			doc_free(docs[i]);
			docs[i] = NULL;
		}
	}
	if (rc != 0)
		diag_setrc(DIAG_INTERNAL);
	else if (r->dev->ops->end(r->dev, path) != 0) {
		diag_setrc(DIAG_CANTCREAT);
		rc = -1;
	}
	doc_free(docs[0]);
	docs[0] = NULL;
	return rc;
}

int
layout_count_pages(struct layout_run *run, const struct doc *d,
    const struct template *t)
{
	struct device *dev = dev_text_new();
	struct dev_info info;
	struct layout_stats st;
	int pages = -1;

	memset(&info, 0, sizeof(info));
	memset(&st, 0, sizeof(st));
	if (dev->ops->begin(dev, &info) == 0 &&
	    layout_render(run, d, t, dev, &st) == 0)
		pages = st.pages;
	dev->ops->free(dev);
	return pages;
}

double
layout_text_width(const struct font *f, const char *s, size_t len)
{
	return font_width(f, s, len);
}

void
layout_done(void)
{
	font_done();
}
