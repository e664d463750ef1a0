/*
 * Reading input files whole (those a programme folder names only from
 * inside it), and writing output files atomically: a new
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

/*
 * Size limits of the inputs a programme folder names, per kind (bytes).
 * Texts are Markdown texts and chapters; XML is tandems.xml and the
 * templates; images are logos and Markdown images; fonts are TrueType
 * files named by path in a template.
 */
#define FILEIO_MAX_TEXT		(16UL * 1024 * 1024)
#define FILEIO_MAX_XML		FILEIO_MAX_INPUT
#define FILEIO_MAX_IMAGE	(32UL * 1024 * 1024)
#define FILEIO_MAX_FONT		(32UL * 1024 * 1024)

/*
 * The confined opener for every file a programme folder names. path must
 * resolve, every symbolic link followed, to a place inside the folder dir
 * (errno EXDEV otherwise), be a regular file (EISDIR for a folder, ENODEV
 * for a FIFO, device or socket) of at most max bytes (EFBIG). The file is
 * opened non-blocking, so a FIFO never hangs, and checked with fstat.
 * Returns an open descriptor (blocking again) or -1 with errno set.
 */
int	 file_open_in(const char *dir, const char *path, unsigned long max);

/* file_open_in() and read the whole file, as file_read(). */
char	*file_read_in(const char *dir, const char *path, unsigned long max,
	    size_t *len);

/*
 * Does path, every symbolic link followed, lie inside the folder dir? 1 if
 * so, 0 if not, -1 with errno if either cannot be resolved.
 */
int	 file_inside(const char *dir, const char *path);

/*
 * Why file_open_in() or file_read_in() refused, as a message part that
 * says what to do (for EXDEV, EISDIR, ENODEV, EFBIG; strerror otherwise).
 */
const char *file_why(int eno);

/* Is eno a refusal of the file itself (EXDEV, ENODEV, EFBIG), a data
 * error, rather than a file that cannot be read? */
int	 file_refused(int eno);

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
