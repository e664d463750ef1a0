/*
 * Whole-file reading and atomic output files (see fileio.h).
 */
#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

struct outfile {
	char	*path;		/* final name */
	char	*tmp;		/* temporary name in the same folder */
	FILE	*fp;		/* open on tmp */
};

/*
 * The temporary file being written, for the signal handler to remove:
 * a handler can reach no other state, so this one pointer is file-level.
 * Outputs are written one at a time; it is NULL between them.
 */
static char *volatile	 tmp_in_progress;

static void
on_signal(int sig)
{
	char *tmp = tmp_in_progress;

	if (tmp != NULL)
		unlink(tmp);
	_exit(128 + sig);
}

void
fileio_catch_signals(void)
{
	static const int sigs[] = { SIGINT, SIGTERM };
	struct sigaction sa, old;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	/* A signal ignored at start stays ignored (sh's "tandem ... &"). */
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
		if (sigaction(sigs[i], NULL, &old) == 0 &&
		    old.sa_handler != SIG_IGN)
			sigaction(sigs[i], &sa, NULL);
}

/* Read the open descriptor fd whole (at most max bytes) and close it. */
static char *
read_fd(int fd, unsigned long max, size_t *len)
{
	FILE *fp;
	char *buf = NULL;
	size_t cap = 0, n = 0, got;
	int saved;

	if ((fp = fdopen(fd, "rb")) == NULL) {
		saved = errno;
		close(fd);
		errno = saved;
		return NULL;
	}
	for (;;) {
		buf = xgrow(buf, &cap, n + 65536 + 1, 1);
		got = fread(buf + n, 1, cap - n - 1, fp);
		n += got;
		if (n > max) {
			free(buf);
			fclose(fp);
			errno = EFBIG;
			return NULL;
		}
		if (got == 0)
			break;
	}
	if (ferror(fp)) {
		saved = errno ? errno : EIO;
		free(buf);
		fclose(fp);
		errno = saved;
		return NULL;
	}
	fclose(fp);
	buf[n] = '\0';
	if (len != NULL)
		*len = n;
	return buf;
}

/* Clear O_NONBLOCK on fd again; -1 (fd closed, errno kept) on failure. */
static int
blocking(int fd)
{
	int fl, saved;

	if ((fl = fcntl(fd, F_GETFL)) < 0 ||
	    fcntl(fd, F_SETFL, fl & ~O_NONBLOCK) < 0) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	return fd;
}

char *
file_read(const char *path, size_t *len)
{
	struct stat st;
	int fd;

	/*
	 * O_NONBLOCK: opening a FIFO that no one writes to must not hang
	 * (it then reads as empty); reads block again as usual afterwards.
	 */
	if ((fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)) < 0)
		return NULL;
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		errno = EISDIR;
		return NULL;
	}
	if (blocking(fd) < 0)
		return NULL;
	return read_fd(fd, FILEIO_MAX_INPUT, len);
}

/*
 * The real path of path (every symbolic link resolved) in *real, and
 * whether it lies inside the folder dir: 1 or 0, or -1 with errno.
 */
static int
resolve_inside(const char *dir, const char *path, char **real)
{
	char *rdir, *rpath;
	size_t l;
	int in, saved;

	*real = NULL;
	if ((rdir = realpath(dir, NULL)) == NULL)
		return -1;
	if ((rpath = realpath(path, NULL)) == NULL) {
		saved = errno;
		free(rdir);
		errno = saved;
		return -1;
	}
	l = strlen(rdir);
	/* The root folder holds everything. */
	if (l == 1)
		l = 0;
	in = strncmp(rpath, rdir, l) == 0 &&
	    (rpath[l] == '/' || rpath[l] == '\0');
	free(rdir);
	*real = rpath;
	return in;
}

int
file_inside(const char *dir, const char *path)
{
	char *real;
	int in = resolve_inside(dir, path, &real);

	free(real);
	return in;
}

int
file_open_in(const char *dir, const char *path, unsigned long max)
{
	struct stat st, pst;
	char *real;
	int fd, in, saved;

	if ((in = resolve_inside(dir, path, &real)) <= 0) {
		free(real);
		if (in == 0)
			errno = EXDEV;
		return -1;
	}
	/*
	 * Not opened at all when stat sees a special file: opening some
	 * devices has effects. The real path is opened, not following a
	 * link put in its place meanwhile; O_NONBLOCK covers a FIFO put
	 * there, and fstat then checks what was opened.
	 */
	if (stat(real, &pst) == 0 && !S_ISREG(pst.st_mode)) {
		free(real);
		errno = S_ISDIR(pst.st_mode) ? EISDIR : ENODEV;
		return -1;
	}
	fd = open(real, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOFOLLOW);
	saved = errno;
	free(real);
	errno = saved;
	if (fd < 0) {
		if (errno == ENXIO)
			errno = ENODEV;
		return -1;
	}
	memset(&st, 0, sizeof(st));	/* read below if fstat fails */
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size > max) {
		int eno = errno;

		if (S_ISDIR(st.st_mode))
			eno = EISDIR;
		else if (!S_ISREG(st.st_mode))
			eno = ENODEV;
		else if ((unsigned long long)st.st_size > max)
			eno = EFBIG;
		close(fd);
		errno = eno;
		return -1;
	}
	return blocking(fd);
}

char *
file_read_in(const char *dir, const char *path, unsigned long max,
    size_t *len)
{
	int fd;

	if ((fd = file_open_in(dir, path, max)) < 0)
		return NULL;
	return read_fd(fd, max, len);
}

int
file_refused(int eno)
{
	return eno == EXDEV || eno == ENODEV || eno == EFBIG;
}

const char *
file_why(int eno)
{
	switch (eno) {
	case EXDEV:
		return "it lies outside the programme folder (a link or "
		    "a path leads out of it); copy the file into the folder";
	case EISDIR:
		return "it is a folder, not a file; give a file";
	case ENODEV:
		return "not a regular file (a FIFO, device or socket); "
		    "give a regular file";
	case EFBIG:
		return "file too large";
	default:
		return strerror(eno);
	}
}

int
file_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0;
}

int
dir_exists(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int
dir_make(const char *path)
{
	char *p, *s;
	int rc = 0;

	if (dir_exists(path))
		return 0;
	p = xstrdup(path);
	for (s = p + 1; *s != '\0'; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0777) == -1 && errno != EEXIST) {
			rc = -1;
			break;
		}
		*s = '/';
	}
	if (rc == 0 && mkdir(p, 0777) == -1 && errno != EEXIST)
		rc = -1;
	if (rc == 0 && !dir_exists(p)) {
		errno = ENOTDIR;
		rc = -1;
	}
	free(p);
	return rc;
}

/* The process's umask, which can only be read by setting it. */
static mode_t
process_umask(void)
{
	mode_t m = umask(0);

	umask(m);
	return m;
}

/*
 * What kind of file st is, for a refusal: every kind but a regular file.
 */
static const char *
kind_of(const struct stat *st)
{
	if (S_ISDIR(st->st_mode))
		return "a folder";
	if (S_ISFIFO(st->st_mode))
		return "a FIFO";
	if (S_ISCHR(st->st_mode))
		return "a character device";
	if (S_ISBLK(st->st_mode))
		return "a block device";
	if (S_ISSOCK(st->st_mode))
		return "a socket";
	return "not a regular file";
}

struct outfile *
outfile_open(const char *path)
{
	struct outfile *of;
	struct stat st;
	const char *slash = strrchr(path, '/');
	sigset_t block, old;
	int fd;

	/*
	 * An output replaces only a regular file: the rename below would
	 * put a regular file in place of a device, FIFO or socket (or a
	 * symlink to one), and fail late on a folder. Refused before
	 * anything is written. A dangling symlink is replaced as usual.
	 */
	if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
		diag(DIAG_CANTCREAT, path, 0, 0, "not replaced: this is %s, "
		    "and tandem writes only over regular files; name a new "
		    "file or a regular one", kind_of(&st));
		errno = EEXIST;
		return NULL;
	}
	of = xcalloc(1, sizeof(*of));
	of->path = xstrdup(path);
	if (slash != NULL)
		of->tmp = xasprintf("%.*s/.%s.XXXXXX",
		    (int)(slash - path), path, slash + 1);
	else
		of->tmp = xasprintf(".%s.XXXXXX", path);
	/* The file and the handler's pointer to it come into being together:
	 * a signal in between would leave the file behind. */
	sigemptyset(&block);
	sigaddset(&block, SIGINT);
	sigaddset(&block, SIGTERM);
	sigprocmask(SIG_BLOCK, &block, &old);
	if ((fd = mkstemp(of->tmp)) != -1)
		tmp_in_progress = of->tmp;
	sigprocmask(SIG_SETMASK, &old, NULL);
	if (fd == -1) {
		diag(DIAG_CANTCREAT, path, 0, 0, "cannot create: %s",
		    strerror(errno));
		goto fail;
	}
	/* mkstemp makes 0600; outputs are ordinary documents, as open(2)
	 * would make them: 0666 less the user's umask (certificates hold
	 * personal data, and a umask of 077 means to keep them private). */
	(void)fchmod(fd, 0666 & ~process_umask());
	if ((of->fp = fdopen(fd, "wb")) == NULL) {
		diag(DIAG_CANTCREAT, path, 0, 0, "cannot create: %s",
		    strerror(errno));
		close(fd);
		unlink(of->tmp);
		tmp_in_progress = NULL;
		goto fail;
	}
	return of;
fail:
	free(of->tmp);
	free(of->path);
	free(of);
	return NULL;
}

FILE *
outfile_stream(struct outfile *of)
{
	return of->fp;
}

static void
outfile_free(struct outfile *of)
{
	if (tmp_in_progress == of->tmp)
		tmp_in_progress = NULL;
	free(of->tmp);
	free(of->path);
	free(of);
}

int
outfile_commit(struct outfile *of)
{
	int bad, saved;

	bad = fflush(of->fp) != 0 || ferror(of->fp);
	saved = errno;
	if (fclose(of->fp) != 0 && !bad) {
		bad = 1;
		saved = errno;
	}
	if (!bad && rename(of->tmp, of->path) == -1) {
		bad = 1;
		saved = errno;
	}
	if (bad) {
		unlink(of->tmp);
		outfile_free(of);
		errno = saved ? saved : EIO;
		return -1;
	}
	outfile_free(of);
	return 0;
}

void
outfile_abort(struct outfile *of)
{
	if (of == NULL)
		return;
	fclose(of->fp);
	unlink(of->tmp);
	outfile_free(of);
}

int
file_write_atomic(const char *path, const void *buf, size_t len)
{
	struct outfile *of;

	if ((of = outfile_open(path)) == NULL)
		return -1;
	if (len > 0 && fwrite(buf, 1, len, outfile_stream(of)) != len) {
		int saved = errno;

		outfile_abort(of);
		errno = saved ? saved : EIO;
		diag(DIAG_CANTCREAT, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return -1;
	}
	if (outfile_commit(of) != 0) {
		diag(DIAG_CANTCREAT, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return -1;
	}
	return 0;
}
