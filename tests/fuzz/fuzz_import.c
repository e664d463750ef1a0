/*
 * libFuzzer entry point for the CSV importer: any bytes are read as a
 * spreadsheet (encoding and separator detection, libcsv, header and value
 * mapping, programme building) and, when they import, written back as XML
 * and CSV. Diagnostics go to /dev/null.
 *
 * Build: clang -fsanitize=fuzzer,address,undefined -Isrc ... with the
 * library sources (see the comment in tests/fuzz/README or the report).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "import/csvin.h"
#include "import/sheet.h"
#include "import/write.h"
#include "util/diag.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct diag_sink quiet = DIAG_SINK_INIT(NULL, NULL);
	static FILE *null;
	struct csvin_table *t;
	struct programme *p;

	if (null == NULL) {
		null = fopen("/dev/null", "w");
		diag_push(&quiet);
	}
	t = csvin_parse("fuzz.csv", (const char *)data, size, CSVIN_ENC_AUTO);
	if (t == NULL)
		return 0;
	p = import_sheet("fuzz.csv", t, NULL, 2025);
	if (p != NULL) {
		import_xml_programme(null, p, "fuzz");
		import_csv_people(null, p);
		programme_free(p);
	}
	csvin_free(t);
	return 0;
}
