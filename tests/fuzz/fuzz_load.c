/*
 * libFuzzer entry point for the programme loader: any bytes as
 * programme.xml (and, after a 0xFF byte, the rest as tandems.xml) must give
 * a programme or a clean NULL, never a crash, a hang or a leak.
 *
 * Build (from the top): clang -g -O1 -fsanitize=fuzzer,address,undefined
 *   -Isrc $(pkg-config --cflags libxml-2.0) tests/fuzz/fuzz_load.c
 *   src/load/{model,load,validate,rules}.c src/util/{xalloc,diag,strbuf,
 *   fileio,utf8,resource}.c build/resources.c $(pkg-config --libs libxml-2.0)
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "load/load.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

static char	*dir;

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *sep = memchr(data, 0xFF, size);
	size_t n1 = sep != NULL ? (size_t)(sep - data) : size;
	char *prog, *tand;
	struct programme *p;
	int rc;

	if (dir == NULL) {
		char tmpl[] = "/tmp/tandem-fuzz-load-XXXXXX";

		if (mkdtemp(tmpl) == NULL)
			abort();
		dir = xstrdup(tmpl);
		diag_set_stream(fopen("/dev/null", "w"));
	}
	prog = xasprintf("%s/programme.xml", dir);
	tand = xasprintf("%s/tandems.xml", dir);
	file_write_atomic(prog, data, n1);
	if (sep != NULL)
		file_write_atomic(tand, sep + 1, size - n1 - 1);
	else
		unlink(tand);
	p = load_programme(dir, &rc);
	if ((p == NULL) != (rc != 0))
		abort();
	programme_free(p);
	free(prog);
	free(tand);
	return 0;
}
