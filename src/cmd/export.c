/*
 * tandem export DIR [--format csv] [-o FILE] [--force]: write a
 * programme's people (and their fixed tandem partners) as a CSV sheet for
 * spreadsheet programs, in the form `tandem import` reads back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "import/write.h"
#include "load/load.h"

int
cmd_export(int argc, char *argv[])
{
	const char *dir = NULL, *out = NULL;
	struct programme *p;
	int force = 0, rc;
	char *buf = NULL;
	size_t len = 0;
	FILE *fp;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];

		if (strcmp(a, "--format") == 0 && i + 1 < argc) {
			if (strcmp(argv[++i], "csv") != 0)
				return cmd_usage("export", "unknown format "
				    "'%s' (only csv)", argv[i]);
		} else if (strcmp(a, "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (strcmp(a, "--force") == 0)
			force = 1;
		else if (a[0] == '-' && a[1] != '\0')
			return cmd_usage("export", "unknown option or missing "
			    "value: %s", a);
		else if (dir == NULL)
			dir = a;
		else
			return cmd_usage("export", "one programme folder only");
	}
	if (dir == NULL)
		return cmd_usage("export", "no programme folder given");
	if (cmd_check_output(out, force) != 0 ||
	    (p = load_programme(dir)) == NULL)
		return -1;
	fp = open_memstream(&buf, &len);
	import_csv_people(fp, p);
	fclose(fp);
	rc = cmd_write_output(out, buf, len);
	free(buf);
	programme_free(p);
	return rc;
}
