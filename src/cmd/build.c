/*
 * tandem build DIR [-o OUTDIR] [--only KIND,...] [--no-pdfa]: render the
 * programme's documents into OUTDIR (default out/<programme id>/).
 *
 * Hidden option for tests: --device text writes the text device's dump
 * (handbook.txt) instead of a PDF; with -o - it goes to standard output.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "compose/origin.h"
#include "docs/docs.h"
#include "docs/docs_hyph.h"
#include "docs/docs_logo.h"
#include "layout/layout.h"
#include "layout/render.h"
#include "load/load.h"
#include "util/diag.h"
#include "util/epoch.h"
#include "util/fileio.h"
#include "util/strmap.h"
#include "util/xalloc.h"

enum kind {
	K_HANDBOOK,
	K_TANDEMS,
	K_AGREEMENTS,
	K_CERTIFICATES,
	K_REPORT,
	K__MAX
};

static const struct {
	const char	*name;
	const char	*alias;		/* the other number */
	docs_build_fn	 build;
} kinds[K__MAX] = {
	{ "handbook", "handbooks", docs_build_handbook },
	{ "tandems", "tandem", docs_build_tandems },
	{ "agreements", "agreement", docs_build_agreements },
	{ "certificates", "certificate", docs_build_certificates },
	{ "report", "reports", docs_build_report },
};

struct opts {
	const char	*dir;
	const char	*outdir;
	bool		 want[K__MAX];
	bool		 pdfa;
	bool		 text;		/* --device text */
	long long	 date;		/* creation date of every document */
};

/* Parse "handbook,report" into o->want; false on an unknown word. */
static bool
parse_kinds(const char *list, struct opts *o)
{
	char *copy = xstrdup(list), *save = NULL, *w;
	bool ok = true;

	for (w = strtok_r(copy, ",", &save); w != NULL;
	    w = strtok_r(NULL, ",", &save)) {
		int k;

		for (k = 0; k < K__MAX; k++)
			if (strcmp(w, kinds[k].name) == 0 ||
			    strcmp(w, kinds[k].alias) == 0)
				break;
		if (k == K__MAX) {
			cmd_usage("build", "unknown document kind '%s' (use "
			    "handbook, tandems, agreements, certificates, "
			    "report)", w);
			ok = false;
			break;
		}
		o->want[k] = true;
	}
	free(copy);
	return ok;
}

int
cmd_build(int argc, char *argv[])
{
	struct opts o;
	struct programme *p;
	struct tandems_result *tr = NULL;
	struct docs_out dout;
	struct epoch now;
	char *outdir = NULL;
	int rc = 0, i, k;
	bool any = false;

	memset(&o, 0, sizeof(o));
	memset(&dout, 0, sizeof(dout));
	o.pdfa = true;
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "-o") == 0 || strcmp(a, "--only") == 0 ||
		    strcmp(a, "--device") == 0) {
			if (i + 1 == argc)
				return cmd_usage("build", "%s needs a value", a);
			if (a[1] == 'o')
				o.outdir = argv[++i];
			else if (strcmp(a, "--only") == 0) {
				if (!parse_kinds(argv[++i], &o))
					return -1;
				any = true;
			} else if (strcmp(argv[++i], "text") == 0)
				o.text = true;
			else if (strcmp(argv[i], "pdf") != 0)
				return cmd_usage("build", "unknown device '%s'",
				    argv[i]);
		} else if (strcmp(a, "--no-pdfa") == 0)
			o.pdfa = false;
		else if (a[0] == '-' && a[1] != '\0')
			return cmd_usage("build", "unknown option '%s'", a);
		else if (o.dir == NULL)
			o.dir = a;
		else
			return cmd_usage("build", "more than one folder given");
	}
	if (o.dir == NULL)
		return cmd_usage("build", "no programme folder given");
	if (!any)
		for (k = 0; k < K__MAX; k++)
			o.want[k] = true;
	if (epoch_read(&now) != 0 || (p = load_programme(o.dir)) == NULL)
		return -1;
	outdir = o.outdir ? xstrdup(o.outdir) : xasprintf("out/%s", p->id);
	if (strcmp(outdir, "-") != 0 && dir_make(outdir) != 0) {
		diag(DIAG_CANTCREAT, outdir, 0, 0, "cannot create the output "
		    "folder: %s", strerror(errno));
		rc = -1;
		goto done;
	}
	o.date = now.t;
	/* The tandems (fixed or matched): shown or counted by every kind. */
	if ((rc = tandems_form(p, &tr)) != 0)
		goto done;
	/* Said where the tandems are the subject. */
	for (size_t u = 0; tr != NULL && (o.want[K_TANDEMS] ||
	    o.want[K_AGREEMENTS]) && u < tr->nunmatched; u++)
		diag_subject(DIAG_WARNING, p->file, p->people[tr->unmatched[u].
		    mentee].line, 0, DIAG_SUBJ_PERSON, p->people[tr->
		    unmatched[u].mentee].id, "mentee %s stays without a "
		    "tandem: %s",
		    p->people[tr->unmatched[u].mentee].id,
		    tandems_why_text[tr->unmatched[u].why]);
	dout.dir = o.dir;
	dout.outdir = outdir;
	dout.pdfa = o.pdfa;
	dout.date = o.date;
	/* A character no font has is reported at its place in the data. */
	dout.run = layout_run_new();
	layout_set_origin(dout.run, compose_origin, p);
	if ((rc = docs_hyphenation(p, p->dir ? p->dir : o.dir, dout.run)) != 0)
		goto done;
	/* A damaged logo stops the build before any PDF is written. */
	if ((o.want[K_HANDBOOK] || o.want[K_CERTIFICATES]) &&
	    docs_check_logos(p, p->dir ? p->dir : o.dir, dout.run) != 0)
		rc = -1;
	docs_check_metadata(p);
	for (k = 0; k < K__MAX && rc == 0; k++) {
		if (!o.want[k])
			continue;
		/* A fresh output per kind: a file numbers its fonts in the
		 * order its output first loaded them. */
		struct strmap written = STRMAP_INIT;

		dout.render = render_new(o.text ? RENDER_TEXT : RENDER_PDF,
		    dout.run);
		dout.written = &written;
		rc = kinds[k].build(p, tr, &dout);
		/* What an earlier build wrote of this kind and this one
		 * did not (a kind now skipped, a person withdrawn) goes, so
		 * the folder holds one run. */
		if (rc == 0)
			docs_clean(&dout, kinds[k].name);
		render_free(dout.render);
		dout.render = NULL;
		dout.written = NULL;
		strmap_free(&written);
	}
done:
	layout_run_free(dout.run);
	tandems_result_free(tr);
	free(outdir);
	programme_free(p);
	layout_done();
	return rc;
}
