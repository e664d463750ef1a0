/*
 * Reading input files whole, and writing output files atomically: a new
 * output is written to a temporary file in the same folder and renamed over
 * the old one only when complete, so a failing run never leaves a partial
 * file or loses an earlier good one.
 */
#ifndef UTIL_FILEIO_H
#define UTIL_FILEIO_H

#include <stdio.h>
#include <stddef.h>

/* Largest input file tandem reads (bytes). */
#define FILEIO_MAX_INPUT	(64UL * 1024 * 1024)

/*
 * Read a whole file into a NUL-terminated buffer (*len excludes the NUL).
 * Returns NULL and sets errno on failure (ENOENT, EACCES, EFBIG for files
 * over FILEIO_MAX_INPUT, EISDIR for folders). The caller frees.
 */
char	*file_read(const char *path, size_t *len);

/* Does path exist (any type)? */
int	 file_exists(const char *path);
int	 dir_exists(const char *path);

/* Create a folder and its parents (mkdir -p). 0 on success, -1 + errno. */
int	 dir_make(const char *path);

struct outfile;

/*
 * Start writing path: opens a temporary file beside it. An existing path
 * that is not a regular file (after symlinks: a folder, FIFO, device or
 * socket) is refused before anything is written. NULL on failure, with
 * a diagnostic (DIAG_CANTCREAT) naming path reported and errno set. Write with outfile_stream(); finish with exactly one of
 * outfile_commit() (flush, fsync-free close and rename; returns 0, or -1
 * with errno and the temporary removed) or outfile_abort().
 */
struct outfile	*outfile_open(const char *path);
FILE		*outfile_stream(struct outfile *);
int		 outfile_commit(struct outfile *);
void		 outfile_abort(struct outfile *);

/*
 * On SIGINT or SIGTERM, remove the temporary file being written and exit
 * with 130 or 143 (128 + the signal), so no partial output stays behind.
 * A signal ignored when this is called stays ignored.
 */
void	 fileio_catch_signals(void);

/*
 * Write a buffer to path atomically. 0 on success, or -1 with errno set
 * and a diagnostic (DIAG_CANTCREAT) naming path reported.
 */
int	 file_write_atomic(const char *path, const void *buf, size_t len);

#endif
