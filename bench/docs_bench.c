/*
 * Certificates benchmark: loads a programme folder and writes its
 * certificates either as one combined PDF or as one PDF per person, the
 * way `tandem build --only certificates` does (same composition, same
 * device), so that bench/docs.bench.sh can time and size the two apart.
 *
 * usage: docs_bench one|many DIR OUTDIR [plain]
 * plain writes neither tags nor PDF/A (tandem build --no-pdfa), to
 * measure what archival costs.
 */
#include <stdio.h>
#include <string.h>

#include "docs/docs.h"
#include "layout/layout.h"
#include "layout/render.h"
#include "load/load.h"
#include "util/diag.h"

int
main(int argc, char *argv[])
{
	struct programme *p;
	struct docs_out o;
	int rc = 0;

	if (argc < 4 || argc > 5 || (strcmp(argv[1], "one") != 0 &&
	    strcmp(argv[1], "many") != 0) || (argc == 5 &&
	    strcmp(argv[4], "plain") != 0)) {
		fprintf(stderr, "usage: docs_bench one|many DIR OUTDIR "
		    "[plain]\n");
		return 64;
	}
	if ((p = load_programme(argv[2])) == NULL)
		return diag_rc(NULL);
	memset(&o, 0, sizeof(o));
	o.dir = argv[2];
	o.outdir = argv[3];
	o.run = layout_run_new();
	o.render = render_new(RENDER_PDF, o.run);
	o.pdfa = argc == 4;
	o.date = 1700000000;
	rc = docs_write_certificates(p, &o, argv[1][0] == 'o',
	    argv[1][0] == 'm');
	render_free(o.render);
	layout_run_free(o.run);
	programme_free(p);
	layout_done();
	return rc != 0 ? diag_rc(NULL) : 0;
}
