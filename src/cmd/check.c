/*
 * tandem check: not written yet (placeholder so the command line links).
 */
#include <stdio.h>
#include <sysexits.h>

#include "cmd/cmd.h"

int
cmd_check(int argc, char *argv[])
{
	(void)argc;
	(void)argv;
	fputs("tandem: error: 'check' is not implemented yet\n", stderr);
	return EX_SOFTWARE;
}
