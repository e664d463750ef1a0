/*
 * tandem import FILE.csv [--into DIR | --programme] [-o FILE] [--force]
 * [--encoding NAME]: turn a spreadsheet's participant list into programme
 * data. With --into DIR the sheet's organisations and topics must be those
 * of that programme, and the <people> element (with <tandems> when the
 * sheet names partners) is written for pasting into its programme.xml;
 * with --programme (the default) a whole programme.xml is written.
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

int
cmd_import(int argc, char *argv[])
{
	const char *csv = NULL, *into = NULL, *out = NULL;
	enum csvin_encoding enc = CSVIN_ENC_AUTO;
	struct programme *target = NULL, *p = NULL;
	struct csvin_table *t = NULL;
	struct epoch now;
	int whole = 0, force = 0, rc = -1, year = 2000, m, d;
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
	if ((p = import_sheet(csv, t, target, year)) == NULL ||
	    validate_programme(p) != 0)
		goto out;

	fp = open_memstream(&buf, &len);
	if (target != NULL) {
		import_xml_people(fp, p, 2);
		import_xml_tandems(fp, p, 2);
	} else {
		char *note = xasprintf("Imported by tandem from %s. The id, "
		    "title and period are placeholders: fill them in.", csv);

		import_xml_programme(fp, p, note);
		free(note);
		diag_warn(csv, 0, "the programme id '%s', title and period "
		    "%04d-%02d-%02d to %04d-%02d-%02d are placeholders: fill "
		    "them in", p->id, p->start.y, p->start.m, p->start.d,
		    p->end.y, p->end.m, p->end.d);
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
