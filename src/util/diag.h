/*
 * The one message function: every diagnostic tandem prints is a single line
 * "tandem: FILE:LINE[:COL]: error|warning: message" on stderr, and the
 * worst level seen decides the exit code.
 */
#ifndef UTIL_DIAG_H
#define UTIL_DIAG_H

#include <stdio.h>
#include <sysexits.h>

enum diag_level {
	DIAG_WARNING,		/* printed; exit stays 0 */
	DIAG_ERROR,		/* printed; the input is bad */
	DIAG_LEVEL__MAX
};

/*
 * Print one diagnostic. file may be NULL (then no location is printed);
 * line and col are printed when > 0. The message must not end in a newline.
 */
void	diag(enum diag_level, const char *file, long line, long col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

/* Shorthands. */
#define diag_error(f, l, ...)	diag(DIAG_ERROR, (f), (l), 0, __VA_ARGS__)
#define diag_warn(f, l, ...)	diag(DIAG_WARNING, (f), (l), 0, __VA_ARGS__)

/* Counts since the last diag_reset(). */
unsigned long	diag_count(enum diag_level);
void		diag_reset(void);

/* Where diagnostics go (stderr by default; tests may redirect). */
void	diag_set_stream(FILE *);

/* Suppress warnings (e.g. for --quiet); 0 restores. */
void	diag_set_quiet(int);

#endif
