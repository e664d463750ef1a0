/*
 * CSV input: encoding detection and conversion to UTF-8, separator
 * detection, and parsing with libcsv into rows of trimmed cells that keep
 * their spreadsheet row numbers.
 */
#include <csv.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "import/csvin.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

const char *const csvin_encoding_names[CSVIN_ENC__MAX] = {
	"auto", "utf-8", "windows-1252", "iso-8859-1", "utf-16le", "utf-16be"
};

/* Windows-1252 code points of bytes 0x80..0x9F; 0 = not assigned. */
static const uint16_t cp1252_high[32] = {
	0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
	0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

enum csvin_encoding
csvin_encoding_parse(const char *s)
{
	static const struct {
		const char		*name;
		enum csvin_encoding	 enc;
	} names[] = {
		{ "auto", CSVIN_ENC_AUTO },
		{ "utf-8", CSVIN_ENC_UTF8 }, { "utf8", CSVIN_ENC_UTF8 },
		{ "windows-1252", CSVIN_ENC_CP1252 },
		{ "cp1252", CSVIN_ENC_CP1252 }, { "ansi", CSVIN_ENC_CP1252 },
		{ "iso-8859-1", CSVIN_ENC_LATIN1 }, { "latin1", CSVIN_ENC_LATIN1 },
		{ "latin-1", CSVIN_ENC_LATIN1 },
		{ "utf-16le", CSVIN_ENC_UTF16LE }, { "utf-16", CSVIN_ENC_UTF16LE },
		{ "utf-16be", CSVIN_ENC_UTF16BE },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (strcasecmp(s, names[i].name) == 0)
			return names[i].enc;
	return CSVIN_ENC__MAX;
}

/* The 1-based line of byte offset off in buf (for messages). */
static long
line_of(const char *buf, size_t off)
{
	long line = 1;

	for (size_t i = 0; i < off; i++)
		if (buf[i] == '\n')
			line++;
	return line;
}

/* Append code point cp as UTF-8. */
static void
add_cp(struct strbuf *sb, uint32_t cp)
{
	char u[4];
	size_t n = utf8_encode(cp, u);

	if (n == 0)
		n = utf8_encode(0xFFFD, u);
	sb_add(sb, u, n);
}

/* Decode a single-byte encoding (1252 or Latin-1); NULL on bad bytes. */
static char *
from_single_byte(const char *file, const unsigned char *b, size_t len,
    bool cp1252, size_t *outlen)
{
	struct strbuf sb = STRBUF_INIT;
	int bad = 0;

	for (size_t i = 0; i < len; i++) {
		uint32_t cp = b[i];

		if (cp1252 && cp >= 0x80 && cp <= 0x9F) {
			cp = cp1252_high[cp - 0x80];
			if (cp == 0) {
				diag_error(file, line_of((const char *)b, i),
				    "byte 0x%02X is not a Windows-1252 "
				    "character; give the right --encoding",
				    b[i]);
				bad++;
				continue;
			}
		}
		add_cp(&sb, cp);
	}
	if (bad) {
		sb_free(&sb);
		return NULL;
	}
	*outlen = sb.len;
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

/* Decode UTF-16 (after the BOM); NULL on unpaired surrogates. */
static char *
from_utf16(const char *file, const unsigned char *b, size_t len, bool be,
    size_t *outlen)
{
	struct strbuf sb = STRBUF_INIT;
	long line = 1;

	if (len % 2 != 0) {
		diag_error(file, 0, "odd number of bytes in a UTF-16 file");
		return NULL;
	}
	for (size_t i = 0; i + 1 < len; i += 2) {
		uint32_t u = be ? (uint32_t)(b[i] << 8 | b[i + 1]) :
		    (uint32_t)(b[i + 1] << 8 | b[i]);

		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t v = be ? (uint32_t)(b[i + 2] << 8 | b[i + 3]) :
			    (uint32_t)(b[i + 3] << 8 | b[i + 2]);
			if (v >= 0xDC00 && v <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) +
				    (v - 0xDC00);
				i += 2;
			}
		}
		if (u >= 0xD800 && u <= 0xDFFF) {
			diag_error(file, line, "invalid UTF-16 (unpaired "
			    "surrogate)");
			sb_free(&sb);
			return NULL;
		}
		if (u == '\n')
			line++;
		add_cp(&sb, u);
	}
	*outlen = sb.len;
	return sb.s != NULL ? sb_take(&sb) : xstrdup("");
}

/* Does buf hold at least one valid multi-byte UTF-8 sequence? */
static bool
has_utf8_sequence(const char *buf, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		uint32_t cp;

		if ((unsigned char)buf[i] < 0xC2)
			continue;
		if (utf8_decode(buf + i, len - i, &cp) > 1)
			return true;
	}
	return false;
}

char *
csvin_to_utf8(const char *file, const char *buf, size_t len,
    enum csvin_encoding enc, enum csvin_encoding *found, size_t *outlen)
{
	const unsigned char *b = (const unsigned char *)buf;
	long line, col;
	char *s;

	if (len >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF &&
	    (enc == CSVIN_ENC_AUTO || enc == CSVIN_ENC_UTF8)) {
		buf += 3, b += 3, len -= 3;
		enc = CSVIN_ENC_UTF8;
	} else if (len >= 2 && b[0] == 0xFF && b[1] == 0xFE &&
	    (enc == CSVIN_ENC_AUTO || enc == CSVIN_ENC_UTF16LE)) {
		buf += 2, b += 2, len -= 2;
		enc = CSVIN_ENC_UTF16LE;
	} else if (len >= 2 && b[0] == 0xFE && b[1] == 0xFF &&
	    (enc == CSVIN_ENC_AUTO || enc == CSVIN_ENC_UTF16BE)) {
		buf += 2, b += 2, len -= 2;
		enc = CSVIN_ENC_UTF16BE;
	}
	if (enc == CSVIN_ENC_AUTO) {
		if (utf8_valid(buf, len, NULL, NULL))
			enc = CSVIN_ENC_UTF8;
		else if (has_utf8_sequence(buf, len)) {
			/* Mostly UTF-8 with a damaged byte: reading it as
			 * 1252 would garble every other umlaut. */
			utf8_valid(buf, len, &line, &col);
			diag(DIAG_ERROR, file, line, col, "invalid UTF-8 "
			    "byte in an otherwise UTF-8 file; repair it or "
			    "give --encoding");
			return NULL;
		} else
			enc = CSVIN_ENC_CP1252;
	}
	*found = enc;

	switch (enc) {
	case CSVIN_ENC_CP1252:
	case CSVIN_ENC_LATIN1:
		s = from_single_byte(file, b, len, enc == CSVIN_ENC_CP1252,
		    outlen);
		break;
	case CSVIN_ENC_UTF16LE:
	case CSVIN_ENC_UTF16BE:
		s = from_utf16(file, b, len, enc == CSVIN_ENC_UTF16BE, outlen);
		break;
	default:
		if (!utf8_valid(buf, len, &line, &col)) {
			diag(DIAG_ERROR, file, line, col, "invalid UTF-8; "
			    "if the file is from Excel, try --encoding "
			    "windows-1252");
			return NULL;
		}
		s = xstrndup(buf, len);
		*outlen = len;
		break;
	}
	if (s != NULL && strlen(s) != *outlen) {
		diag_error(file, line_of(s, strlen(s)), "NUL byte: this is "
		    "not a text file");
		free(s);
		return NULL;
	}
	return s;
}

/* Turn CR LF and lone CR into LF, in place; returns the new length. */
static size_t
normalise_newlines(char *s, size_t len)
{
	size_t i, j;

	for (i = j = 0; i < len; i++) {
		if (s[i] == '\r') {
			s[j++] = '\n';
			if (i + 1 < len && s[i + 1] == '\n')
				i++;
		} else
			s[j++] = s[i];
	}
	s[j] = '\0';
	return j;
}

/*
 * Pick the separator from the first non-blank record: the most frequent
 * of ';', ',' and tab outside quotes; ';' when there is none or a tie.
 */
static char
detect_separator(const char *s)
{
	static const char cand[] = { ';', ',', '\t' };
	size_t count[3] = { 0, 0, 0 };
	bool quoted = false;
	size_t best = 0;

	while (*s == '\n')
		s++;
	for (; *s != '\0'; s++) {
		if (*s == '"')
			quoted = !quoted;
		else if (!quoted && *s == '\n')
			break;
		else if (!quoted)
			for (size_t i = 0; i < 3; i++)
				if (*s == cand[i])
					count[i]++;
	}
	for (size_t i = 1; i < 3; i++)
		if (count[i] > count[best])
			best = i;
	return cand[best];
}

/*
 * The row in which a quoted cell opens that is never closed, or 0 when
 * every quote is closed. libcsv (not in strict mode) would silently take
 * the rest of the file as one cell.
 */
static long
unclosed_quote(const char *s)
{
	bool quoted = false;
	long row = 1, opened = 0;

	for (; *s != '\0'; s++) {
		if (*s == '"') {
			quoted = !quoted;
			if (quoted)
				opened = row;
		} else if (*s == '\n' && !quoted)
			row++;
	}
	return quoted ? opened : 0;
}

struct parse_state {
	struct csvin_table	*t;
	char			**cells;	/* the row being read */
	size_t			 ncells, cap;
	size_t			 rowcap;	/* rows allocated in t */
	long			 row;		/* its spreadsheet row */
};

/* libcsv field callback: keep the cell, trimmed. */
static void
on_field(void *data, size_t len, void *arg)
{
	struct parse_state *st = arg;
	const char *s = data != NULL ? data : "";

	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n'))
		s++, len--;
	while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	    s[len - 1] == '\n'))
		len--;
	st->cells = xgrow(st->cells, &st->cap, st->ncells + 1,
	    sizeof(*st->cells));
	st->cells[st->ncells++] = xstrndup(s, len);
}

/* libcsv record callback: store a non-blank row, count every row. */
static void
on_record(int c, void *arg)
{
	struct parse_state *st = arg;
	struct csvin_table *t = st->t;
	bool blank = true;
	size_t i;

	(void)c;
	for (i = 0; i < st->ncells; i++)
		if (st->cells[i][0] != '\0')
			blank = false;
	if (blank) {
		for (i = 0; i < st->ncells; i++)
			free(st->cells[i]);
		free(st->cells);
	} else {
		t->rows = xgrow(t->rows, &st->rowcap, t->nrows + 1,
		    sizeof(*t->rows));
		t->rows[t->nrows].cells = st->cells;
		t->rows[t->nrows].ncells = st->ncells;
		t->rows[t->nrows].line = st->row;
		t->nrows++;
	}
	st->cells = NULL;
	st->ncells = st->cap = 0;
	st->row++;
}

/* Only the space counts as padding around cells (tab may separate). */
static int
space_only(unsigned char c)
{
	return c == ' ';
}

struct csvin_table *
csvin_parse(const char *file, const char *buf, size_t len,
    enum csvin_encoding enc)
{
	struct csv_parser p;
	struct parse_state st;
	struct csvin_table *t;
	enum csvin_encoding found = CSVIN_ENC_UTF8;
	size_t n;
	char *s;
	long row;
	int bad = 0;

	if ((s = csvin_to_utf8(file, buf, len, enc, &found, &n)) == NULL)
		return NULL;
	n = normalise_newlines(s, n);
	if ((row = unclosed_quote(s)) > 0) {
		diag_error(file, row, "a quoted cell is not closed: a '\"' "
		    "is missing (or one too many)");
		free(s);
		return NULL;
	}

	t = xcalloc(1, sizeof(*t));
	t->enc = found;
	t->sep = detect_separator(s);
	memset(&st, 0, sizeof(st));
	st.t = t;
	st.row = 1;

	if (csv_init(&p, CSV_REPALL_NL) != 0) {
		diag_error(file, 0, "cannot start the CSV parser");
		free(s);
		csvin_free(t);
		return NULL;
	}
	csv_set_delim(&p, (unsigned char)t->sep);
	csv_set_space_func(&p, space_only);
	if (csv_parse(&p, s, n, on_field, on_record, &st) != n) {
		diag_error(file, st.row, "%s", csv_strerror(csv_error(&p)));
		bad++;
	} else if (csv_fini(&p, on_field, on_record, &st) != 0) {
		diag_error(file, st.row, "%s", csv_strerror(csv_error(&p)));
		bad++;
	}
	csv_free(&p);
	for (size_t i = 0; i < st.ncells; i++)
		free(st.cells[i]);
	free(st.cells);
	free(s);
	if (bad) {
		csvin_free(t);
		return NULL;
	}
	return t;
}

void
csvin_free(struct csvin_table *t)
{
	if (t == NULL)
		return;
	for (size_t i = 0; i < t->nrows; i++) {
		for (size_t j = 0; j < t->rows[i].ncells; j++)
			free(t->rows[i].cells[j]);
		free(t->rows[i].cells);
	}
	free(t->rows);
	free(t);
}
