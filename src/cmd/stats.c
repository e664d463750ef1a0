/*
 * tandem stats PROGRAMME...: statistics across cohorts for parliamentary
 * questions (tandem(1), stats). Loads each programme (a folder or a
 * programme.xml file, one per cohort), computes and protects the tables
 * (src/stats/) and writes them as text on stdout or, with -o OUTDIR,
 * statistics.txt / .csv / .pdf there, one per --format given. The PDF is
 * composed as a document tree (stats_doc.c) and set by the layout engine.
 */
#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "docs/docs.h"
#include "layout/layout.h"
#include "layout/render.h"
#include "layout/template.h"
#include "load/load.h"
#include "stats/stats.h"
#include "stats/stats_doc.h"
#include "tandems/tandems.h"
#include "util/diag.h"
#include "util/epoch.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/xalloc.h"

enum stats_format {
	FORMAT_TXT,
	FORMAT_CSV,
	FORMAT_PDF,
	FORMAT__MAX
};

static const char *const format_names[FORMAT__MAX] = { "txt", "csv", "pdf" };

struct options {
	bool		 format[FORMAT__MAX];	/* asked for */
	size_t		 nformats;
	const char	*outdir;		/* -o, or NULL for stdout */
	int		 min_cell;
	bool		 suppress;
	bool		 bom;
	char		 sep;			/* CSV field separator */
	bool		 pdfa;			/* PDF/A-1b (not --no-pdfa) */
	char		**progs;		/* the PROGRAMME arguments */
	size_t		 nprogs;
	struct epoch	 now;			/* the run's time */
};

/* Parse a --min-cell value: an integer 1..STATS_MIN_CELL_MAX, else -1. */
static int
parse_min_cell(const char *s)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 ||
	    v > STATS_MIN_CELL_MAX)
		return -1;
	return (int)v;
}

/* The value of option argv[*i] (either "--opt=value" or "--opt value"). */
static const char *
optval(int argc, char *argv[], int *i, const char *name)
{
	size_t n = strlen(name);

	if (strncmp(argv[*i], name, n) == 0 && argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (*i + 1 >= argc)
		return NULL;
	return argv[++*i];
}

static bool
isopt(const char *arg, const char *name)
{
	size_t n = strlen(name);

	return strncmp(arg, name, n) == 0 &&
	    (arg[n] == '\0' || (name[1] == '-' && arg[n] == '='));
}

/* Parse the command line into o. Returns 0 or -1 (a usage error). */
static int
parse_args(int argc, char *argv[], struct options *o)
{
	bool dashdash = false;
	const char *v;
	int i, f;

	memset(o, 0, sizeof(*o));
	o->min_cell = STATS_MIN_CELL_DEFAULT;
	o->suppress = true;
	o->pdfa = true;
	o->progs = xcalloc((size_t)argc, sizeof(char *));
	for (i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (dashdash || a[0] != '-' || a[1] == '\0') {
			o->progs[o->nprogs++] = argv[i];
			continue;
		}
		if (strcmp(a, "--") == 0)
			dashdash = true;
		else if (isopt(a, "--format")) {
			if ((v = optval(argc, argv, &i, "--format")) == NULL)
				return cmd_usage("stats", "--format needs a "
				    "value: txt, csv or pdf");
			for (f = 0; f < FORMAT__MAX; f++)
				if (strcmp(v, format_names[f]) == 0)
					break;
			if (f == FORMAT__MAX)
				return cmd_usage("stats", "unknown format "
				    "'%s' (use txt, csv or pdf)", v);
			if (!o->format[f])
				o->nformats++;
			o->format[f] = true;
		} else if (isopt(a, "-o") || isopt(a, "--output")) {
			if ((v = optval(argc, argv, &i, "--output")) == NULL ||
			    v[0] == '\0')
				return cmd_usage("stats", "-o needs a folder");
			/* Not stdout: that is where stats prints without -o. */
			if (strcmp(v, "-") == 0)
				return cmd_usage("stats", "-o names a folder, "
				    "not '-'; leave -o out to print on "
				    "standard output");
			o->outdir = v;
		} else if (isopt(a, "--min-cell")) {
			if ((v = optval(argc, argv, &i, "--min-cell")) == NULL)
				return cmd_usage("stats", "--min-cell needs a "
				    "number from 1 to %d", STATS_MIN_CELL_MAX);
			if ((o->min_cell = parse_min_cell(v)) < 0)
				return cmd_usage("stats", "--min-cell must be "
				    "an integer from 1 to %d, not '%s'",
				    STATS_MIN_CELL_MAX, v);
		} else if (strcmp(a, "--no-suppress") == 0)
			o->suppress = false;
		else if (strcmp(a, "--bom") == 0)
			o->bom = true;
		else if (strcmp(a, "--no-pdfa") == 0)
			o->pdfa = false;
		else if (isopt(a, "--sep")) {
			if ((v = optval(argc, argv, &i, "--sep")) == NULL ||
			    (strcmp(v, ",") != 0 && strcmp(v, ";") != 0))
				return cmd_usage("stats", "--sep needs ',' or "
				    "';'");
			o->sep = v[0];
		}
		else
			return cmd_usage("stats", "unknown option '%s'", a);
	}
	if (o->nprogs == 0)
		return cmd_usage("stats", "name at least one programme "
		    "(folder or programme.xml)");
	/* The spreadsheet mode (--bom) is for German Excel, which splits
	 * fields at ';' only; plain CSV stays comma-separated. */
	if (o->sep == '\0')
		o->sep = o->bom ? ';' : ',';
	if (o->nformats == 0) {
		o->format[FORMAT_TXT] = true;
		o->nformats = 1;
	}
	if (o->nformats > 1 && o->outdir == NULL)
		return cmd_usage("stats", "several formats need -o OUTDIR");
	if (o->format[FORMAT_PDF] && o->outdir == NULL)
		return cmd_usage("stats", "--format pdf needs -o OUTDIR");
	return 0;
}

/* The "as of" date printed on the statistics: the day of the run. */
static struct date
asof_date(const struct epoch *now)
{
	struct date d = { 0, 0, 0 };

	if (epoch_day(now, &d.y, &d.m, &d.d) != 0)
		d.y = d.m = d.d = 0;
	return d;
}

/* Write s in format f to fp. Returns 0 or -1 on a write error. */
static int
write_format(const struct stats *s, enum stats_format f,
    const struct options *o, struct date asof, FILE *fp)
{
	if (f == FORMAT_CSV)
		return stats_write_csv(s, asof, o->bom, o->sep, fp);
	return stats_write_txt(s, asof, fp);
}


/*
 * The author of statistics.pdf: every organisation of all n programmes,
 * each once (by name), joined by ", "; NULL if there are none. Caller
 * frees.
 */
static char *
stats_author(struct programme *const *pv, size_t n)
{
	struct strbuf sb = STRBUF_INIT;
	char *r;

	for (size_t k = 0; k < n; k++)
		for (size_t i = 0; i < pv[k]->norgs; i++) {
			const struct org *o = &pv[k]->orgs[i];
			const char *name = o->name != NULL && o->name[0] !=
			    '\0' ? o->name : o->id;
			size_t nl = strlen(name);
			const char *q = sb.len > 0 ? sb_str(&sb) : "";
			bool seen = false;

			/* Already listed: a whole item of the list. */
			for (const char *h = q; (h = strstr(h, name)) != NULL;
			    h++)
				if ((h == q || (h >= q + 2 && h[-2] == ',')) &&
				    (h[nl] == '\0' || h[nl] == ',')) {
					seen = true;
					break;
				}
			if (seen)
				continue;
			if (sb.len > 0)
				sb_adds(&sb, ", ");
			sb_adds(&sb, name);
		}
	if (sb.len == 0) {
		sb_free(&sb);
		return NULL;
	}
	r = sb_take(&sb);
	return r;
}

/* Set s as statistics.pdf at path. Returns 0 or -1. */
static int
write_pdf(const struct stats *s, struct programme *const *pv, size_t npv,
    bool pdfa, const struct epoch *now, const char *path)
{
	const struct programme *p = pv[0];
	struct render_info ri;
	struct template *t;
	struct render *r;
	struct doc *doc;
	char *author;
	int rc = 0;

	if ((t = docs_template(p, "statistics")) == NULL) {
		layout_done();
		return -1;
	}
	doc = stats_doc(s, asof_date(now), t);
	author = stats_author(pv, npv);
	memset(&ri, 0, sizeof(ri));
	ri.author = author;
	ri.subject = s->lang == LANG_EN ? "Statistics" : "Statistik";
	ri.date = now->t;
	ri.pdfa = pdfa;
	r = render_new(RENDER_PDF, NULL);
	rc = render_write(r, doc, t, &ri, path);
	render_free(r);
	free(author);
	doc_free(doc);
	template_free(t);
	layout_done();
	return rc;
}

/* Write every asked format into o->outdir atomically. Returns 0 or -1. */
static int
write_files(const struct stats *s, struct programme *const *pv, size_t npv,
    const struct options *o, struct date asof)
{
	int rc = 0;

	if (dir_make(o->outdir) != 0) {
		diag(DIAG_CANTCREAT, o->outdir, 0, 0, "cannot create the "
		    "folder: %s", strerror(errno));
		return -1;
	}
	for (int f = 0; f < FORMAT__MAX; f++) {
		struct outfile *out;
		char *path;

		if (!o->format[f])
			continue;
		path = xasprintf("%s/statistics.%s", o->outdir,
		    format_names[f]);
		if (f == FORMAT_PDF) {
			int r = write_pdf(s, pv, npv, o->pdfa, &o->now,
			    path);

			if (r != 0 && rc == 0)
				rc = r;
		} else if ((out = outfile_open(path)) == NULL) {
			rc = -1;	/* reported */
		} else if (write_format(s, (enum stats_format)f, o, asof,
		    outfile_stream(out)) != 0) {
			diag(DIAG_CANTCREAT, path, 0, 0, "cannot write: %s",
			    strerror(errno));
			outfile_abort(out);
			rc = -1;
		} else if (outfile_commit(out) != 0) {
			diag(DIAG_CANTCREAT, path, 0, 0, "cannot write: %s",
			    strerror(errno));
			rc = -1;
		}
		free(path);
	}
	return rc;
}

int
cmd_stats(int argc, char *argv[])
{
	struct programme **pv = NULL;
	struct stats *s = NULL;
	struct options o;
	size_t i, j, loaded = 0;
	int rc;

	if ((rc = parse_args(argc, argv, &o)) != 0)
		goto out;
	if (epoch_read(&o.now) != 0) {
		rc = -1;
		goto out;
	}

	/* Load every cohort, reporting the problems of all of them. */
	pv = xcalloc(o.nprogs, sizeof(*pv));
	for (i = 0; i < o.nprogs; i++) {
		if ((pv[i] = load_programme(o.progs[i])) != NULL)
			loaded++;
	}
	if (loaded < o.nprogs) {
		rc = -1;
		goto out;
	}
	/* Cohorts by period, as they are printed and numbered below. */
	stats_sort_cohorts(pv, o.nprogs);
	for (i = 0; i < o.nprogs; i++)
		for (j = 0; j < i; j++)
			if (strcmp(pv[i]->id, pv[j]->id) == 0)
				diag(DIAG_WARNING, pv[i]->file, pv[i]->line, 0,
				    "programme id '%s' also names cohort %zu; "
				    "this cohort is shown as '%s (%zu)'",
				    pv[i]->id, j + 1, pv[i]->id, i + 1);

	/* A cohort without fixed tandems gets the matching's proposal, which
	 * the statistics show apart from fixed tandems. */
	for (i = 0; i < o.nprogs; i++)
		if (pv[i]->tandem_source == TANDEMS_NONE) {
			struct tandems_result *tr = NULL;

			if (tandems_form(pv[i], &tr) != 0) {
				rc = -1;
				goto out;
			}
			tandems_result_free(tr);
		}

	s = stats_compute(pv, o.nprogs);
	if (o.suppress && stats_protect(s, o.min_cell) != 0) {
		/* Never publish figures the protection could not secure. */
		bool named = false;

		rc = -1;
		for (i = 0; i < s->ntables; i++)
			if (s->tables[i].too_large) {
				char *title = stats_table_title(s,
				    &s->tables[i]);

				diag(DIAG_ERROR, NULL, 0, 0, "%s: %zu groups "
				    "with small counts are too many for the "
				    "disclosure control; group them, or use "
				    "--no-suppress for internal use; nothing "
				    "written", title, s->tables[i].nrows);
				free(title);
				named = true;
			}
		if (!named)
			diag(DIAG_INTERNAL, NULL, 0, 0, "disclosure control "
			    "could not protect every suppressed count; "
			    "nothing written");
		goto out;
	}
	if (o.outdir != NULL)
		rc = write_files(s, pv, o.nprogs, &o, asof_date(&o.now));
	else {
		enum stats_format f = o.format[FORMAT_CSV] ? FORMAT_CSV :
		    FORMAT_TXT;

		if (write_format(s, f, &o, asof_date(&o.now), stdout) != 0)
			rc = -1;	/* reported when main() closes stdout */
	}
out:
	stats_free(s);
	if (pv != NULL)
		for (i = 0; i < o.nprogs; i++)
			programme_free(pv[i]);
	free(pv);
	free(o.progs);
	return rc;
}
