/*
 * The outputs of import and export: an existing file is replaced only with
 * --force, and a finished output goes to stdout or atomically to its file.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cmd/cmd.h"
#include "util/diag.h"
#include "util/fileio.h"

/*
 * Write the finished output buf[0..len) to stdout (an error is reported
 * when main() closes it) or, atomically, to out. Returns 0 or -1.
 */
int
cmd_write_output(const char *out, const char *buf, size_t len)
{
	if (out == NULL)
		return fwrite(buf, 1, len, stdout) == len ? 0 : -1;
	return file_write_atomic(out, buf, len) != 0 ? -1 : 0;
}

/* Refuse to replace an existing out without force; returns 0 or -1. */
int
cmd_check_output(const char *out, int force)
{
	if (out == NULL || force || !file_exists(out))
		return 0;
	diag(DIAG_CANTCREAT, out, 0, 0, "the file exists; use --force to "
	    "replace it");
	return -1;
}
