/*
 * tandem stats: not written yet (placeholder so the command line links).
 */
#include <stdio.h>
#include <sysexits.h>

#include "cmd/cmd.h"

int
cmd_stats(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	fputs("tandem: error: 'stats' is not implemented yet\n", stderr);
	return EX_SOFTWARE;
}
