/*
 * libFuzzer entry point for the Markdown converter and the layout engine:
 * any bytes as a handbook chapter, converted and set on pages (drawn on
 * the text device, whose output is thrown away). Must never crash, hang
 * or leak.
 *
 * build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *   tests/fuzz/fuzz_layout.c build-fuzz/libtandem.a $(LIBS)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "device/device.h"
#include "device/font.h"
#include "layout/doc.h"
#include "layout/layout.h"
#include "layout/template.h"
#include "markdown/markdown.h"
#include "util/diag.h"
#include "util/resource.h"

static struct template *tmpl;

/* Release the template and fontconfig at exit, for the leak checker. */
static void
cleanup(void)
{
	template_free(tmpl);
	font_done();
}

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct doc *d;
	struct md_opts o = { 0 };
	struct device *dev;
	struct dev_info info = { 0 };

	if (tmpl == NULL) {
		const struct resource *r =
		    resource_get("templates/handbook.xml");

		static struct diag_sink quiet = DIAG_SINK_INIT(NULL, NULL);

		diag_push(&quiet);
		tmpl = template_load(r->name, r->data, r->len);
		atexit(cleanup);
	}
	if (size > 200000)
		return 0;
	d = doc_new("de");
	o.file = "fuzz.md";
	doc_add(d->root, DOC_TOC, NULL, 0);
	if (md_to_doc(d, d->root, (const char *)data, size, &o) == 0) {
		dev = dev_text_new();
		dev->ops->begin(dev, &info);
		layout_render(NULL, d, tmpl, dev, NULL);
		dev->ops->free(dev);
	}
	doc_free(d);
	return 0;
}
