/*
 * Layout benchmark: composes the handbook of a programme folder and lays
 * it out on a device that draws nothing, to time the layout engine alone
 * (Markdown, line breaking, hyphenation, pagination) without PDF writing.
 *
 * usage: layout_bench DIR [RUNS]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "device/device.h"
#include "docs/handbook.h"
#include "layout/layout.h"
#include "layout/template.h"
#include "load/load.h"
#include "util/resource.h"

static unsigned long ncalls;

static int
n_begin(struct device *d, const struct dev_info *i)
{
	(void)d;
	(void)i;
	return 0;
}

static void n_page(struct device *d, double w, double h)
{ (void)d; (void)w; (void)h; ncalls++; }
static void n_text(struct device *d, struct font *f, double s,
    struct dev_color c, double x, double y, const char *t, size_t n)
{ (void)d; (void)f; (void)s; (void)c; (void)x; (void)y; (void)t; (void)n;
  ncalls++; }
static void n_line(struct device *d, double a, double b, double c2,
    double e, double w, struct dev_color c)
{ (void)d; (void)a; (void)b; (void)c2; (void)e; (void)w; (void)c; }
static void n_rect(struct device *d, double x, double y, double w, double h,
    const struct dev_color *f, double sw, struct dev_color s)
{ (void)d; (void)x; (void)y; (void)w; (void)h; (void)f; (void)sw; (void)s; }
static int n_image(struct device *d, const char *p, double x, double y,
    double w, double h, const char *a)
{ (void)d; (void)p; (void)x; (void)y; (void)w; (void)h; (void)a; return 0; }
static void n_link_uri(struct device *d, double x, double y, double w,
    double h, const char *u)
{ (void)d; (void)x; (void)y; (void)w; (void)h; (void)u; }
static void n_link_dest(struct device *d, double x, double y, double w,
    double h, int n)
{ (void)d; (void)x; (void)y; (void)w; (void)h; (void)n; }
static void n_dest(struct device *d, int n, double y)
{ (void)d; (void)n; (void)y; }
static void n_bookmark(struct device *d, int l, const char *t, int n)
{ (void)d; (void)l; (void)t; (void)n; }
static void n_tag_begin(struct device *d, enum dev_tag t, const char *a)
{ (void)d; (void)t; (void)a; }
static void n_void(struct device *d) { (void)d; }
static int n_end(struct device *d, const char *p) { (void)d; (void)p; return 0; }
static void n_page_label(struct device *d, const char *p, int n)
{ (void)d; (void)p; (void)n; }

static const struct device_ops null_ops = {
	n_begin, n_page, n_text, n_line, n_rect, n_image, n_link_uri,
	n_link_dest, n_dest, n_bookmark, n_tag_begin, n_void, n_void,
	n_void, n_end, n_void, n_page_label, NULL	/* no source */
};

int
main(int argc, char *argv[])
{
	struct programme *p;
	const struct resource *r = resource_get("templates/handbook.xml");
	struct template *t;
	struct layout_run *run;
	struct device dev = { &null_ops, NULL };
	struct layout_stats st = { 0 };
	int runs = argc > 2 ? atoi(argv[2]) : 5;
	double best = 1e9;

	if (argc < 2 || r == NULL || (p = load_programme(argv[1])) == NULL)
		return 1;
	t = template_load(r->name, r->data, r->len);
	run = layout_run_new();
	for (int i = 0; i < runs && t != NULL; i++) {
		struct timespec a, b;
		struct doc *doc;
		double s;

		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &a);
		doc = handbook_compose(p);
		layout_render(run, doc, t, &dev, &st);
		doc_free(doc);
		clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &b);
		s = (double)(b.tv_sec - a.tv_sec) + (b.tv_nsec - a.tv_nsec) / 1e9;
		if (s < best)
			best = s;
	}
	printf("layout only: %d pages, %zu lines, %zu hyphenated, "
	    "%zu overfull: %.3f s CPU (best of %d)\n", st.pages, st.lines,
	    st.hyphens, st.overfull, best, runs);
	layout_run_free(run);
	template_free(t);
	programme_free(p);
	return 0;
}
