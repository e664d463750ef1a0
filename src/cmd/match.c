/*
 * tandem match DIR [--explain] [--format txt|csv] [--write | -o FILE]:
 * form the tandems of a programme and print the overview (an aligned table
 * or CSV) on stdout; with --write or -o save them as a <tandems> file.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "load/load.h"
#include "tandems/report.h"
#include "tandems/tandems.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/* Save the tandems atomically; returns 0 or -1. */
static int
save(const struct programme *p, const struct tandems_result *tr,
    const char *path)
{
	struct outfile *of = outfile_open(path);

	if (of == NULL)
		return -1;	/* reported */
	tandems_write_xml(p, tr, outfile_stream(of));
	if (outfile_commit(of) != 0) {
		diag(DIAG_CANTCREAT, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}

int
cmd_match(int argc, char *argv[])
{
	const char *dir = NULL, *out = NULL, *format = "txt";
	struct programme *p;
	struct tandems_result *tr;
	int	 explain = 0, write = 0, rc;
	char	*path = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--explain") == 0)
			explain = 1;
		else if (strcmp(argv[i], "--write") == 0)
			write = 1;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			format = argv[++i];
		else if (strncmp(argv[i], "--format=", 9) == 0)
			format = argv[i] + 9;
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cmd_usage("match", "unknown or incomplete "
			    "option '%s'", argv[i]);
		else if (dir == NULL)
			dir = argv[i];
		else
			return cmd_usage("match", "one programme folder only");
	}
	if (dir == NULL)
		return cmd_usage("match", "no programme folder given");
	if (strcmp(format, "txt") != 0 && strcmp(format, "csv") != 0)
		return cmd_usage("match", "unknown format '%s' (txt or csv)",
		    format);
	if (write && out != NULL)
		return cmd_usage("match", "--write and -o exclude each other");
	if ((p = load_programme(dir)) == NULL)
		return -1;
	if ((rc = tandems_form(p, &tr)) != 0) {
		programme_free(p);
		return -1;
	}
	if (p->tandem_source == TANDEMS_INLINE)
		diag(DIAG_WARNING, p->file, p->tandems_line, 0, "the tandems "
		    "are fixed in <tandems> here; shown as they are, not "
		    "matched");
	else if (p->tandem_source == TANDEMS_FILE)
		diag(DIAG_WARNING, p->tandems_file, p->tandems_line, 0, "the "
		    "tandems are fixed in this file; shown as they are "
		    "(delete it to match again)");
	/* Fixed tandems that break a rule were reported by the loader. */
	for (size_t k = 0; k < tr->nunmatched; k++)
		diag_subject(DIAG_WARNING, p->file,
		    p->people[tr->unmatched[k].mentee].line, 0,
		    DIAG_SUBJ_PERSON, p->people[tr->unmatched[k].mentee].id,
		    "mentee %s stays unmatched: %s",
		    p->people[tr->unmatched[k].mentee].id,
		    tandems_why_text[tr->unmatched[k].why]);
	if (write && p->tandem_source == TANDEMS_INLINE) {
		diag(DIAG_ERROR, p->file, p->tandems_line, 0, "--write: the "
		    "tandems are fixed in programme.xml; a tandems.xml beside "
		    "it would conflict");
		rc = -1;
		goto out;
	}
	if (strcmp(format, "csv") == 0)
		tandems_report_csv(p, tr, stdout);
	else
		tandems_report_table(p, tr, explain, stdout);
	if (write || out != NULL) {
		if (out == NULL)
			out = path = xasprintf("%s/tandems.xml", p->dir);
		rc = save(p, tr, out);
	}
out:
	free(path);
	tandems_result_free(tr);
	programme_free(p);
	return rc;
}
