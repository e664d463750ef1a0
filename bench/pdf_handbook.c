/*
 * The price of tagged PDF and PDF/A for the handbook: renders the handbook
 * of a programme folder to PDF three ways, best of RUNS each, and prints
 * time and size of each. "plain" goes through a filter device that drops
 * the structure calls (tag_begin, tag_end, artifact_begin, artifact_end)
 * before the PDF device; "tagged" is what --no-pdfa writes; "archival"
 * (tagged + PDF/A-1b) is what tandem writes by default.
 *
 * usage: pdf_handbook DIR OUTDIR [RUNS [plain|tagged|archival]]
 * (with a mode only that one, e.g. for valgrind --tool=callgrind, whose
 * instruction counts are steadier than the time on a busy machine)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "device/device.h"
#include "docs/handbook.h"
#include "layout/layout.h"
#include "layout/template.h"
#include "load/load.h"
#include "util/resource.h"
#include "util/xalloc.h"

enum mode { PLAIN, TAGGED, ARCHIVAL, MODE__MAX };

static const char *const mode_names[MODE__MAX] = {
	"plain", "tagged", "archival" };

static struct device *inner;	/* the PDF device behind the filter */

static int
f_begin(struct device *d, const struct dev_info *i)
{
	(void)d;
	return inner->ops->begin(inner, i);
}

static void
f_page(struct device *d, double w, double h)
{
	(void)d;
	inner->ops->page(inner, w, h);
}

static void
f_text(struct device *d, struct font *f, double s, struct dev_color c,
    double x, double y, const char *t, size_t n)
{
	(void)d;
	inner->ops->text(inner, f, s, c, x, y, t, n);
}

static void
f_line(struct device *d, double a, double b, double c2, double e, double w,
    struct dev_color c)
{
	(void)d;
	inner->ops->line(inner, a, b, c2, e, w, c);
}

static void
f_rect(struct device *d, double x, double y, double w, double h,
    const struct dev_color *f, double sw, struct dev_color s)
{
	(void)d;
	inner->ops->rect(inner, x, y, w, h, f, sw, s);
}

static int
f_image(struct device *d, const char *p, double x, double y, double w,
    double h, const char *a)
{
	(void)d;
	return inner->ops->image(inner, p, x, y, w, h, a);
}

static void
f_link_uri(struct device *d, double x, double y, double w, double h,
    const char *u)
{
	(void)d;
	inner->ops->link_uri(inner, x, y, w, h, u);
}

static void
f_link_dest(struct device *d, double x, double y, double w, double h, int n)
{
	(void)d;
	inner->ops->link_dest(inner, x, y, w, h, n);
}

static void
f_dest(struct device *d, int n, double y)
{
	(void)d;
	inner->ops->dest(inner, n, y);
}

static void
f_bookmark(struct device *d, int l, const char *t, int n)
{
	(void)d;
	inner->ops->bookmark(inner, l, t, n);
}

static void
f_tag_begin(struct device *d, enum dev_tag t, const char *a)
{
	(void)d;
	(void)t;
	(void)a;
}

static void
f_void(struct device *d)
{
	(void)d;
}

static int
f_end(struct device *d, const char *p)
{
	(void)d;
	return inner->ops->end(inner, p);
}

static const struct device_ops filter_ops = {
	f_begin, f_page, f_text, f_line, f_rect, f_image, f_link_uri,
	f_link_dest, f_dest, f_bookmark, f_tag_begin, f_void, f_void, f_void,
	f_end, f_void, NULL, NULL	/* page labels, source: not forwarded */
};

int
main(int argc, char *argv[])
{
	struct programme *p;
	const struct resource *r = resource_get("templates/handbook.xml");
	struct template *t;
	struct layout_run *run;
	struct device filter = { &filter_ops, NULL };
	struct layout_stats st = { 0 };
	int runs = argc > 3 ? atoi(argv[3]) : 5, status = 0, only = -1;
	double best[MODE__MAX];
	long long size[MODE__MAX];

	for (int m = 0; argc > 4 && m < MODE__MAX; m++)
		if (strcmp(argv[4], mode_names[m]) == 0)
			only = m;
	if (argc < 3 || r == NULL || (argc > 4 && only < 0)) {
		fprintf(stderr, "usage: pdf_handbook DIR OUTDIR "
		    "[RUNS [plain|tagged|archival]]\n");
		return 64;
	}
	if ((p = load_programme(argv[1])) == NULL)
		return 1;
	t = template_load(r->name, r->data, r->len);
	inner = dev_pdf_new();
	run = layout_run_new();
	for (int m = 0; m < MODE__MAX && t != NULL; m++) {
		if (only >= 0 && m != only)
			continue;
		struct dev_info info = { "Handbuch", "Bench", NULL, NULL,
		    "de-DE", 1700000000, m == ARCHIVAL };
		struct device *dev = m == PLAIN ? &filter : inner;
		char *path = xasprintf("%s/%s.pdf", argv[2], mode_names[m]);
		struct stat sb;

		best[m] = 1e9;
		for (int i = 0; i < runs; i++) {
			struct timespec a, b;
			struct doc *doc;
			double s;

			clock_gettime(CLOCK_MONOTONIC, &a);
			doc = handbook_compose(p);
			if (dev->ops->begin(dev, &info) != 0 ||
			    layout_render(run, doc, t, dev, &st) != 0 ||
			    dev->ops->end(dev, path) != 0)
				status = 1;
			doc_free(doc);
			clock_gettime(CLOCK_MONOTONIC, &b);
			s = (double)(b.tv_sec - a.tv_sec) +
			    (double)(b.tv_nsec - a.tv_nsec) / 1e9;
			if (s < best[m])
				best[m] = s;
		}
		size[m] = stat(path, &sb) == 0 ? (long long)sb.st_size : 0;
		printf("handbook %s: %d pages, %.3f s, %lld bytes (best of %d)"
		    "\n", mode_names[m], st.pages, best[m], size[m], runs);
		free(path);
	}
	if (t != NULL && only < 0)
		printf("tagging + PDF/A add %.1f %% time, %.1f %% size "
		    "(target: 15 %%)\n", (best[ARCHIVAL] / best[PLAIN] - 1) *
		    100, ((double)size[ARCHIVAL] / (double)size[PLAIN] - 1) *
		    100);
	inner->ops->free(inner);
	layout_run_free(run);
	template_free(t);
	programme_free(p);
	return status;
}
