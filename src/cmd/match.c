/*
 * tandem match: not written yet (placeholder so the command line links).
 */
#include <stdio.h>
#include <sysexits.h>

#include "cmd/cmd.h"

int
cmd_match(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	fputs("tandem: error: 'match' is not implemented yet\n", stderr);
	return EX_SOFTWARE;
}
