/*
 * Fixtures shared by the unit tests (prefix fx_): diagnostics captured in
 * memory, a scratch folder with files written into it, and people added
 * to a programme built in memory. Header-only like harness.h; include it
 * in the one file of a test program.
 */
#ifndef TESTS_FIXTURE_H
#define TESTS_FIXTURE_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/model.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

struct fx_state {
	struct diag_sink sink;	/* pushed by fx_capture() */
	FILE	*diag_fp;	/* where diagnostics go, or NULL: stderr */
	char	*diag_buf;	/* what a capture collected */
	size_t	 diag_len;
	char	 tmpdir[64];	/* the scratch folder, or "" */
};

/* The one state of the fixtures in this program. */
static inline struct fx_state *
fx(void)
{
	static struct fx_state f;

	return &f;
}

/* Send diagnostics to stderr again and drop what was captured. */
static inline void
fx_capture_end(void)
{
	struct fx_state *f = fx();

	if (f->diag_fp != NULL) {
		diag_pop(&f->sink);
		fclose(f->diag_fp);
	}
	free(f->diag_buf);
	f->diag_fp = NULL;
	f->diag_buf = NULL;
	f->diag_len = 0;
}

/*
 * Collect diagnostics in memory from now on (the counts of diag_count()
 * start again), until the next capture or fx_capture_end().
 */
static inline void
fx_capture(void)
{
	struct fx_state *f = fx();

	fx_capture_end();
	f->diag_fp = open_memstream(&f->diag_buf, &f->diag_len);
	f->sink = (struct diag_sink)DIAG_SINK_INIT(diag_emit_print,
	    f->diag_fp);
	diag_push(&f->sink);
}

/* The diagnostics collected since the capture began (never NULL). */
static inline const char *
fx_captured(void)
{
	struct fx_state *f = fx();

	if (f->diag_fp != NULL)
		fflush(f->diag_fp);
	return f->diag_buf != NULL ? f->diag_buf : "";
}

/*
 * The scratch folder of this program, made on first use under /tmp;
 * fx_tmp_done() removes it with everything in it. Exits when it
 * cannot be made.
 */
static inline const char *
fx_tmpdir(void)
{
	struct fx_state *f = fx();

	if (f->tmpdir[0] == '\0') {
		strcpy(f->tmpdir, "/tmp/tandem-unit-XXXXXX");
		if (mkdtemp(f->tmpdir) == NULL) {
			perror("mkdtemp");
			exit(1);
		}
	}
	return f->tmpdir;
}

/* The path of name in the scratch folder (caller frees). */
static inline char *
fx_path(const char *name)
{
	return xasprintf("%s/%s", fx_tmpdir(), name);
}

/*
 * Write text to sub/name in the scratch folder, making the folder sub.
 * Returns the path of sub (caller frees).
 */
static inline char *
fx_write(const char *sub, const char *name, const char *text)
{
	char *dir = fx_path(sub);
	char *path = xasprintf("%s/%s", dir, name);

	dir_make(dir);
	if (file_write_atomic(path, text, strlen(text)) != 0)
		fprintf(stderr, "cannot write %s\n", path);
	free(path);
	return dir;
}

/* Remove the scratch folder, if one was made. */
static inline void
fx_tmp_done(void)
{
	struct fx_state *f = fx();
	char *cmd;

	if (f->tmpdir[0] == '\0')
		return;
	cmd = xasprintf("rm -rf '%s'", f->tmpdir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", f->tmpdir);
	free(cmd);
	f->tmpdir[0] = '\0';
}

/*
 * Append a person to p (capacity 1, no topics); title and given may be
 * NULL, org is an index into p->orgs or -1.
 */
static inline void
fx_person(struct programme *p, const char *id, enum role r, enum gender g,
    const char *title, const char *given, const char *family, int org)
{
	struct person *q;

	p->people = xrealloc(p->people, (p->npeople + 1) * sizeof(*q));
	q = &p->people[p->npeople++];
	memset(q, 0, sizeof(*q));
	q->id = xstrdup(id);
	q->role = r;
	q->gender = g;
	q->org = org;
	q->capacity = 1;
	q->title = title ? xstrdup(title) : NULL;
	q->given = given ? xstrdup(given) : NULL;
	q->family = xstrdup(family);
}

/* Give p the three topics career, network and lead (German labels). */
static inline void
fx_topics(struct programme *p)
{
	p->ntopics = 3;
	p->topics = xcalloc(3, sizeof(*p->topics));
	p->topics[0].id = xstrdup("career");
	p->topics[0].label = xstrdup("Karriereplanung");
	p->topics[1].id = xstrdup("network");
	p->topics[1].label = xstrdup("Networking");
	p->topics[2].id = xstrdup("lead");
	p->topics[2].label = xstrdup("Führung");
}

#endif
