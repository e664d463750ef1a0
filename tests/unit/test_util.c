/*
 * Unit tests for src/util: UTF-8, dates, string buffers, atomic files,
 * the run's time.
 */
#include <sys/stat.h>
#include <sys/wait.h>

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "fixture.h"
#include "load/model.h"
#include "util/diag.h"
#include "util/epoch.h"
#include "util/strmap.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

static void
test_utf8(void)
{
	uint32_t cp;
	long line = 0, col = 0;
	char buf[4];

	CHECK_INT(utf8_decode("\xc3\xbc", 2, &cp), 2);	/* ü */
	CHECK_INT(cp, 0xFC);
	CHECK_INT(utf8_decode("\xc4\xb1", 2, &cp), 2);	/* dotless ı */
	CHECK_INT(cp, 0x131);
	CHECK_INT(utf8_decode("\xc0\xaf", 2, &cp), 0);	/* overlong */
	CHECK_INT(utf8_decode("\xed\xa0\x80", 3, &cp), 0); /* surrogate */
	CHECK_INT(utf8_decode("\xe2\x82", 2, &cp), 0);	/* truncated */
	CHECK_INT(utf8_encode(0x201E, buf), 3);		/* „ */
	CHECK(memcmp(buf, "\xe2\x80\x9e", 3) == 0);
	CHECK(utf8_valid("Öztürk\nÇelik", 14, NULL, NULL));
	CHECK(!utf8_valid("ab\ncd\xff", 6, &line, &col));
	CHECK_INT(line, 2);
	CHECK_INT(col, 3);
	CHECK_INT(utf8_len("Dąbrowska", 10), 9);
}

static void
test_dates(void)
{
	struct date d, e;

	CHECK(date_parse("2024-02-29", &d));
	CHECK(!date_parse("2023-02-29", &d));
	CHECK(!date_parse("2023-02-30", &d));
	CHECK(!date_parse("2023-13-01", &d));
	CHECK(!date_parse("2023-1-01", &d));
	CHECK(!date_parse("2023-01-01x", &d));
	CHECK(!date_parse("", &d));
	CHECK(date_parse("1900-02-28", &d) && !date_valid(1900, 2, 29));
	CHECK(date_valid(2000, 2, 29));
	CHECK(date_parse("2022-08-15", &d) && date_parse("2023-11-15", &e));
	CHECK(date_cmp(d, e) < 0 && date_cmp(e, d) > 0 && date_cmp(d, d) == 0);
}

static void
test_strbuf(void)
{
	struct strbuf sb = STRBUF_INIT;
	char *s;

	CHECK_STR(sb_str(&sb), "");
	sb_adds(&sb, "Seite ");
	sb_addf(&sb, "%d von %d", 3, 24);
	CHECK_STR(sb_str(&sb), "Seite 3 von 24");
	CHECK_INT(sb.len, 14);
	s = sb_take(&sb);
	CHECK_STR(s, "Seite 3 von 24");
	CHECK(sb.s == NULL);
	free(s);
}

/* The first value of a key stays; 100,000 keys, then lookups of each. */
static void
test_strmap(void)
{
	struct strmap m = STRMAP_INIT;
	char key[32];
	size_t v = 99, bad = 0;

	CHECK(!strmap_get(&m, "", &v) && v == 99);
	CHECK(strmap_add(&m, "Amt 1", 1));
	CHECK(!strmap_add(&m, "Amt 1", 2));
	CHECK(strmap_add(&m, "", 3));
	CHECK(strmap_get(&m, "Amt 1", &v) && v == 1);
	CHECK(strmap_get(&m, "", &v) && v == 3);
	CHECK(!strmap_get(&m, "Amt", &v));
	for (size_t i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		bad += !strmap_add(&m, key, i);
	}
	for (size_t i = 0; i < 100000; i++) {
		snprintf(key, sizeof(key), "k%zu", i);
		bad += !strmap_get(&m, key, &v) || v != i;
	}
	CHECK_INT(bad, 0);
	CHECK_INT(m.n, 100002);
	strmap_free(&m);
	CHECK(m.cap == 0 && !strmap_get(&m, "k1", &v));
}

/* Forbidden pairs by index: the first of two equal ones, none for a pair
 * not forbidden, and one added after indexing still found. */
static void
test_forbid_index(void)
{
	struct programme *p = programme_new();
	int e[] = { 0, 2, 0, -1, 5 }, r[] = { 1, 3, 1, 1, 7 };

	p->forbids = xcalloc(8, sizeof(*p->forbids));
	for (size_t i = 0; i < 4; i++) {
		p->forbids[i].mentee = e[i];
		p->forbids[i].mentor = r[i];
	}
	p->nforbids = 4;
	programme_index_forbids(p);
	CHECK_INT(programme_find_forbid(p, 0, 1), 0);
	CHECK_INT(programme_find_forbid(p, 2, 3), 1);
	CHECK_INT(programme_find_forbid(p, 1, 0), -1);
	CHECK_INT(programme_find_forbid(p, 5, 7), -1);
	p->forbids[4].mentee = e[4];
	p->forbids[4].mentor = r[4];
	p->nforbids = 5;
	CHECK_INT(programme_find_forbid(p, 5, 7), 4);
	programme_free(p);
}

static void
test_fileio(void)
{
	const char *dir = fx_tmpdir();
	char *path, *got;
	size_t len;
	struct outfile *of;

	path = xasprintf("%s/a/b/out.txt", dir);
	CHECK(dir_make(path) == 0);		/* a folder named out.txt */
	CHECK(dir_exists(path));
	rmdir(path);
	CHECK(file_write_atomic(path, "good", 4) == 0);
	got = file_read(path, &len);
	CHECK(got != NULL && len == 4 && strcmp(got, "good") == 0);
	free(got);

	/* Outputs get the permissions the user's umask allows. */
	{
		struct stat st;
		mode_t old = umask(077);

		CHECK(file_write_atomic(path, "good", 4) == 0);
		CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0600);
		umask(022);
		CHECK(file_write_atomic(path, "good", 4) == 0);
		CHECK(stat(path, &st) == 0 && (st.st_mode & 0777) == 0644);
		umask(old);
	}

	/* An aborted output leaves the earlier file as it was. */
	of = outfile_open(path);
	CHECK(of != NULL);
	fputs("partial", outfile_stream(of));
	outfile_abort(of);
	got = file_read(path, &len);
	CHECK(got != NULL && strcmp(got, "good") == 0);
	free(got);

	CHECK(file_read(dir, &len) == NULL && errno == EISDIR);
	CHECK(file_read("/nonexistent/x", &len) == NULL && errno == ENOENT);
	free(path);
	fx_tmp_done();
}

/* SOURCE_DATE_EPOCH: digits fix the time (a UTC day), else an error. */
/* The confined opener: inside the folder, regular files, size limits. */
static void
test_confined(void)
{
	const char *dir = fx_tmpdir();
	char *prog = xasprintf("%s/prog", dir), *in, *p;
	size_t len;

	CHECK(dir_make(prog) == 0);
	in = xasprintf("%s/text.md", prog);
	CHECK(file_write_atomic(in, "# Text\n", 7) == 0);
	p = file_read_in(prog, in, FILEIO_MAX_TEXT, &len);
	CHECK(p != NULL && len == 7);
	free(p);
	CHECK(file_read_in(prog, in, 6, &len) == NULL && errno == EFBIG);
	CHECK(file_inside(prog, in) == 1);
	free(in);

	/* A link inside pointing inside is fine; out of the folder not. */
	in = xasprintf("%s/link.md", prog);
	CHECK(symlink("text.md", in) == 0);
	p = file_read_in(prog, in, FILEIO_MAX_TEXT, &len);
	CHECK(p != NULL && len == 7);
	free(p);
	unlink(in);
	CHECK(symlink("/etc/hostname", in) == 0 || errno == EEXIST);
	CHECK(file_read_in(prog, in, FILEIO_MAX_TEXT, &len) == NULL &&
	    errno == EXDEV);
	CHECK(file_inside(prog, in) == 0);
	free(in);
	in = xasprintf("%s/prog/../outside.md", dir);
	CHECK(file_write_atomic(in, "x", 1) == 0);
	CHECK(file_open_in(prog, in, FILEIO_MAX_TEXT) < 0 && errno == EXDEV);
	free(in);

	/* A FIFO, a folder, a device: refused at once, never waited on. */
	in = xasprintf("%s/fifo.png", prog);
	CHECK(mkfifo(in, 0600) == 0);
	CHECK(file_open_in(prog, in, FILEIO_MAX_IMAGE) < 0 &&
	    errno == ENODEV);
	free(in);
	CHECK(file_open_in(dir, prog, FILEIO_MAX_TEXT) < 0 && errno == EISDIR);
	CHECK(file_open_in("/", "/dev/zero", FILEIO_MAX_FONT) < 0 &&
	    errno == ENODEV);
	CHECK(file_refused(EXDEV) && file_refused(ENODEV) &&
	    !file_refused(ENOENT));
	free(prog);
}

static void
test_epoch(void)
{
	static const char *const bad[] = { "abc", "-1", "+5", " 5", "5 ",
	    "1.5", "0x10", "99999999999999999999" };
	struct epoch e;
	int y, m, d;

	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
	CHECK_INT(epoch_read(&e), 0);
	CHECK(e.fixed);
	CHECK_INT(e.t, 1700000000);
	CHECK_INT(epoch_day(&e, &y, &m, &d), 0);
	CHECK(y == 2023 && m == 11 && d == 14);
	setenv("SOURCE_DATE_EPOCH", "0", 1);
	CHECK(epoch_read(&e) == 0 && e.fixed && e.t == 0);
	CHECK(epoch_day(&e, &y, &m, &d) == 0 && y == 1970 && m == 1 &&
	    d == 1);
	setenv("SOURCE_DATE_EPOCH", "", 1);
	CHECK(epoch_read(&e) == 0 && !e.fixed && e.t > 1700000000);
	unsetenv("SOURCE_DATE_EPOCH");
	CHECK(epoch_read(&e) == 0 && !e.fixed);

	fx_capture();
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		setenv("SOURCE_DATE_EPOCH", bad[i], 1);
		CHECK_INT(epoch_read(&e), -1);
	}
	CHECK_INT(diag_count(DIAG_USAGE), sizeof(bad) / sizeof(bad[0]));
	CHECK_INT(diag_rc(NULL), 64);
	fx_capture_end();
	diag_reset();
	setenv("SOURCE_DATE_EPOCH", "1700000000", 1);
}

/* A sink that keeps the last record's subject and message. */
struct keep {
	struct diag_sink	 sink;
	enum diag_subject	 kind;
	char			 id[32];
	char			 msg[128];
	size_t			 len;	/* of the whole message */
};

static void
keep_emit(struct diag_sink *s, const struct diag_record *r)
{
	struct keep *k = (struct keep *)s;

	k->kind = r->kind;
	snprintf(k->id, sizeof(k->id), "%s", r->id ? r->id : "");
	snprintf(k->msg, sizeof(k->msg), "%s", r->msg);
	k->len = strlen(r->msg);
}

/*
 * Records reach the sink pushed last, which keeps its own counts; popping
 * restores the one before; the worst level decides the exit code, and
 * each level has its code.
 */
static void
test_diag(void)
{
	struct keep outer = { DIAG_SINK_INIT(keep_emit, NULL), 0, "", "", 0 };
	struct keep inner = { DIAG_SINK_INIT(keep_emit, NULL), 0, "", "", 0 };
	static const int want[DIAG_LEVEL__MAX] = { 0, 65, 66, 73, 64, 70 };
	char *long_msg = xmalloc(1001);

	for (int l = 0; l < DIAG_LEVEL__MAX; l++)
		CHECK_INT(diag_level_rc((enum diag_level)l), want[l]);
	diag_push(&outer.sink);
	diag_warn("f.xml", 3, "only a warning");
	CHECK_INT(diag_rc(NULL), 0);
	diag_push(&inner.sink);
	diag_subject(DIAG_ERROR, "f.xml", 7, 0, DIAG_SUBJ_PERSON, "p01",
	    "person %s: no family name", "p01");
	CHECK_INT(inner.kind, DIAG_SUBJ_PERSON);
	CHECK_STR(inner.id, "p01");
	CHECK_STR(inner.msg, "person p01: no family name");
	diag(DIAG_NOINPUT, "t.md", 0, 0, "cannot read");
	diag_error("f.xml", 9, "bad");
	CHECK_INT(diag_rc(&inner.sink), 66);	/* the worst, not the last */
	CHECK_INT(diag_errors(), 3);
	diag_pop(&inner.sink);
	CHECK_INT(diag_count(DIAG_WARNING), 1);
	CHECK_INT(diag_errors(), 0);
	CHECK_INT(diag_rc(&outer.sink), 0);
	diag_setrc(DIAG_CANTCREAT);		/* raised without a record */
	CHECK_INT(diag_rc(NULL), 73);
	CHECK_INT(diag_errors(), 0);
	memset(long_msg, 'x', 1000);
	long_msg[1000] = '\0';
	diag_subject(DIAG_INTERNAL, NULL, 0, 0, DIAG_SUBJ_ORGANISATION,
	    "org", "%s", long_msg);
	CHECK_INT(outer.kind, DIAG_SUBJ_ORGANISATION);
	CHECK_INT(outer.len, 1000);
	CHECK_INT(diag_rc(NULL), 70);
	diag_pop(&outer.sink);
	free(long_msg);
}

/*
 * The printing sink escapes control characters in the file and message,
 * prints the first DIAG_MAX_PER_FILE records of each file, counts the
 * rest (they still decide the exit code) and sums them up when popped.
 */
static void
test_diag_print(void)
{
	FILE *fp = tmpfile();
	struct diag_sink s = DIAG_SINK_INIT(diag_emit_print, fp);
	char line[256];
	int n = 0, other = 0;

	CHECK(fp != NULL);
	if (fp == NULL)
		return;
	diag_push(&s);
	diag_warn("b\n.md", 1, "x\033y\tz \302\233 \303\274");
	for (int i = 0; i < DIAG_MAX_PER_FILE + 3; i++)
		diag_warn("a.md", i + 1, "w");
	diag_error("a.md", 1, "hidden");
	diag_warn("b\n.md", 2, "second");
	CHECK_INT(diag_rc(&s), 65);
	CHECK_INT(diag_count(DIAG_WARNING), DIAG_MAX_PER_FILE + 5);
	diag_pop(&s);
	rewind(fp);
	while (fgets(line, sizeof(line), fp) != NULL) {
		if (strncmp(line, "tandem: a.md:", 13) == 0 &&
		    strstr(line, ": warning: w\n") != NULL)
			n++;
		else
			other++;
	}
	CHECK_INT(n, DIAG_MAX_PER_FILE);
	CHECK_INT(other, 3);
	rewind(fp);
	CHECK(fgets(line, sizeof(line), fp) != NULL);
	CHECK_STR(line, "tandem: b\\n.md:1: warning: x\\x1by\\tz "
	    "\\xc2\\x9b \303\274\n");
	while (fgets(line, sizeof(line), fp) != NULL &&
	    strncmp(line, "tandem: b", 9) != 0)
		;
	CHECK_STR(line, "tandem: b\\n.md:2: warning: second\n");
	CHECK(fgets(line, sizeof(line), fp) != NULL);
	CHECK_STR(line, "tandem: a.md: error: 4 more errors and warnings in "
	    "this file not shown\n");
	fclose(fp);
}

/*
 * Out of memory exits 70 (it was 71, EX_OSERR, outside the exit set):
 * an allocation no system grants, in a child process.
 */
static void
test_oom(void)
{
	pid_t pid;
	int status = 0;

	fflush(NULL);
	if ((pid = fork()) == 0) {
		static struct diag_sink quiet = DIAG_SINK_INIT(NULL, NULL);

		diag_push(&quiet);
		free(xmalloc((size_t)-1 / 2));
		_exit(0);
	}
	CHECK(pid > 0 && waitpid(pid, &status, 0) == pid);
	CHECK(WIFEXITED(status));
	CHECK_INT(WEXITSTATUS(status), 70);
}

/* Under ASan, a failing malloc returns NULL as it does without. */
const char	*__asan_default_options(void);

const char *
__asan_default_options(void)
{
	return "allocator_may_return_null=1";
}

int
main(void)
{
	test_utf8();
	test_dates();
	test_strbuf();
	test_strmap();
	test_forbid_index();
	test_fileio();
	test_confined();
	test_epoch();
	test_diag();
	test_diag_print();
	test_oom();
	return harness_done("util");
}
