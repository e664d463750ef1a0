/*
 * tandem import FILE.csv [--into DIR | --programme] [--kind KIND] [--id ID]
 * [--title TITLE] [--period START END] [-o FILE] [--force]
 * [--encoding NAME]: turn a spreadsheet's participant list into programme
 * data. With --into DIR the sheet's organisations and topics must be those
 * of that programme, and the <people> element (with <tandems> when the
 * sheet names partners) is written for pasting into its programme.xml;
 * with --programme (the default) a whole programme.xml is written, whose
 * kind is always stated (internal, with a warning, when not given).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "import/csvin.h"
#include "import/sheet.h"
#include "import/write.h"
#include "load/load.h"
#include "util/diag.h"
#include "util/epoch.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/* Put the command line's kind (k >= 0), id, title and period (when
 * start is not NULL) into the imported programme p. */
static void
import_settings(struct programme *p, int k, const char *id,
    const char *title, const struct date *start, const struct date *end)
{
	p->kind = k >= 0 ? (enum prog_kind)k : KIND_INTERNAL;
	if (id != NULL) {
		free(p->id);
		p->id = xstrdup(id);
	}
	if (title != NULL) {
		free(p->title);
		p->title = xstrdup(title);
	}
	if (start != NULL) {
		p->start = *start;
		p->end = *end;
	}
}

/* Which of id, title and period the command line left as placeholders,
 * as words ("id, title and period", "period"; each after prefix, "--" for
 * the options), or NULL for none. */
static char *
placeholders_left(const char *id, const char *title, const char *period,
    const char *prefix)
{
	const char *w[3];
	size_t n = 0;

	if (id == NULL)
		w[n++] = "id";
	if (title == NULL)
		w[n++] = "title";
	if (period == NULL)
		w[n++] = "period";
	switch (n) {
	case 0:
		return NULL;
	case 1:
		return xasprintf("%s%s", prefix, w[0]);
	case 2:
		return xasprintf("%s%s and %s%s", prefix, w[0], prefix, w[1]);
	default:
		return xasprintf("%s%s, %s%s and %s%s", prefix, w[0], prefix,
		    w[1], prefix, w[2]);
	}
}

/*
 * Without --kind the programme is written as internal: say so, and what
 * --kind cross would change, so that a sheet of two cities does not
 * silently become one administration (mentee and mentor then may come
 * from the same organisation).
 */
static void
kind_warning(const char *csv, const struct programme *p)
{
	diag_warn(csv, 0, "no --kind given: written as kind=\"internal\" "
	    "(one administration), where mentee and mentor may come from "
	    "the same organisation; with --kind cross every mentee gets a "
	    "mentor of another organisation (the sheet names %zu), with "
	    "--kind partnership one of the same profession", p->norgs);
}

int
cmd_import(int argc, char *argv[])
{
	const char *csv = NULL, *into = NULL, *out = NULL;
	enum csvin_encoding enc = CSVIN_ENC_AUTO;
	struct programme *target = NULL, *p = NULL;
	struct csvin_table *t = NULL;
	struct epoch now;
	const char *kind = NULL, *id = NULL, *title = NULL, *period[2] = {
		NULL, NULL };
	struct date start, end;
	int whole = 0, force = 0, rc = -1, year = 2000, m, d, k = -1;
	char *buf = NULL, *text = NULL;
	size_t len = 0;
	FILE *fp;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--into") == 0 && i + 1 < argc)
			into = argv[++i];
		else if (strcmp(a, "--programme") == 0)
			whole = 1;
		else if (strcmp(a, "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(a, "--force") == 0)
			force = 1;
		else if (strcmp(a, "--kind") == 0 && i + 1 < argc)
			kind = argv[++i];
		else if (strcmp(a, "--id") == 0 && i + 1 < argc)
			id = argv[++i];
		else if (strcmp(a, "--title") == 0 && i + 1 < argc)
			title = argv[++i];
		else if (strcmp(a, "--period") == 0 && i + 2 < argc) {
			period[0] = argv[++i];
			period[1] = argv[++i];
		}
		else if (strcmp(a, "--encoding") == 0 && i + 1 < argc) {
			enc = csvin_encoding_parse(argv[++i]);
			if (enc == CSVIN_ENC__MAX)
				return cmd_usage("import", "unknown encoding "
				    "'%s' (utf-8, windows-1252, iso-8859-1, "
				    "utf-16le, utf-16be)", argv[i]);
		} else if (a[0] == '-' && a[1] != '\0')
			return cmd_usage("import", "unknown option or missing "
			    "value: %s", a);
		else if (csv == NULL)
			csv = a;
		else
			return cmd_usage("import", "one CSV file only");
	}
	if (csv == NULL)
		return cmd_usage("import", "no CSV file given");
	if (into != NULL && whole)
		return cmd_usage("import", "--into and --programme exclude "
		    "each other");
	if (into != NULL && (kind || id || title || period[0]))
		return cmd_usage("import", "--kind, --id, --title and "
		    "--period are for a whole programme, not --into (the "
		    "programme in %s has its own)", into);
	if (kind != NULL) {
		for (k = 0; k < KIND__MAX; k++)
			if (strcmp(kind, kind_names[k]) == 0)
				break;
		if (k == KIND__MAX)
			return cmd_usage("import", "unknown kind '%s' "
			    "(internal, cross or partnership)", kind);
	}
	if (id != NULL && !load_id_ok(id))
		return cmd_usage("import", "'%s' is not an id: letters, "
		    "digits, '-' and '_' only, e.g. ccm-2025", id);
	if (title != NULL && *title == '\0')
		return cmd_usage("import", "empty --title");
	if (period[0] != NULL && (!date_parse(period[0], &start) ||
	    !date_parse(period[1], &end) || date_cmp(start, end) > 0))
		return cmd_usage("import", "--period %s %s: give the first "
		    "and the last day as YYYY-MM-DD, the first not after the "
		    "last", period[0], period[1]);
	if (epoch_read(&now) != 0)
		return -1;
	/* Placeholder periods fall in the run's year. */
	(void)epoch_day(&now, &year, &m, &d);
	if (cmd_check_output(out, force) != 0)
		return -1;

	if ((text = file_read(csv, &len)) == NULL) {
		diag(errno == EFBIG ? DIAG_ERROR : DIAG_NOINPUT, csv, 0, 0,
		    "cannot read: %s", errno == EFBIG ? "file too large" :
		    strerror(errno));
		return -1;
	}
	if ((t = csvin_parse(csv, text, len, enc)) == NULL)
		goto out;
	if (into != NULL && (target = load_programme(into)) == NULL)
		goto out;
	if ((p = import_sheet(csv, t, target, year)) == NULL)
		goto out;
	if (target == NULL)
		import_settings(p, k, id, title, period[0] ? &start : NULL,
		    &end);
	if (validate_programme(p) != 0)
		goto out;

	fp = open_memstream(&buf, &len);
	if (target != NULL) {
		import_xml_people(fp, p, 2);
		import_xml_tandems(fp, p, 2);
	} else {
		char *left = placeholders_left(id, title, period[0], ""),
		    *opts = placeholders_left(id, title, period[0], "--"),
		    *note;

		note = left == NULL ? xasprintf("Imported by tandem from %s.",
		    csv) : xasprintf("Imported by tandem from %s. The %s %s "
		    "placeholders: fill them in.", csv, left,
		    strchr(left, ' ') != NULL ? "are" : "is");
		import_xml_programme(fp, p, note);
		free(note);
		if (left != NULL)
			diag_warn(csv, 0, "the programme's %s %s placeholders "
			    "(id '%s', title '%s', period %04d-%02d-%02d to "
			    "%04d-%02d-%02d): fill them in, or give %s",
			    left, strchr(left, ' ') != NULL ? "are" : "is",
			    p->id, p->title, p->start.y, p->start.m,
			    p->start.d, p->end.y, p->end.m, p->end.d, opts);
		if (kind == NULL)
			kind_warning(csv, p);
		free(left);
		free(opts);
	}
	fclose(fp);
	rc = cmd_write_output(out, buf, len);
out:
	free(buf);
	free(text);
	csvin_free(t);
	programme_free(p);
	programme_free(target);
	return rc;
}
