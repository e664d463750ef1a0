/*
 * Unit tests for src/util: UTF-8, dates, string buffers, atomic files,
 * the run's time.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <unistd.h>

#include "harness.h"
#include "fixture.h"
#include "load/model.h"
#include "util/diag.h"
#include "util/epoch.h"
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

int
main(void)
{
	test_utf8();
	test_dates();
	test_strbuf();
	test_fileio();
	test_epoch();
	return harness_done("util");
}
