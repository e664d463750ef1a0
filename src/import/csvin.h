/*
 * Reading spreadsheet CSV files as real spreadsheet programs write them:
 * the encoding (UTF-8 with or without BOM, UTF-16 with BOM, Windows-1252)
 * and the separator (";", "," or tab) are detected, quoted cells may hold
 * separators and line breaks (parsed with libcsv), and every row keeps its
 * spreadsheet row number for messages.
 */
#ifndef IMPORT_CSVIN_H
#define IMPORT_CSVIN_H

#include <stddef.h>

enum csvin_encoding {
	CSVIN_ENC_AUTO,		/* detect: BOM, else UTF-8 if valid, else 1252 */
	CSVIN_ENC_UTF8,
	CSVIN_ENC_CP1252,	/* Windows-1252 ("ANSI" in German Excel) */
	CSVIN_ENC_LATIN1,	/* ISO-8859-1 */
	CSVIN_ENC_UTF16LE,
	CSVIN_ENC_UTF16BE,
	CSVIN_ENC__MAX
};

/* Canonical names ("utf-8", "windows-1252", ...). */
extern const char *const csvin_encoding_names[CSVIN_ENC__MAX];

/*
 * The encoding named by s ("utf-8", "utf8", "windows-1252", "cp1252",
 * "latin1", "iso-8859-1", "utf-16le", ...; case-insensitive), or
 * CSVIN_ENC__MAX if s names none.
 */
enum csvin_encoding	csvin_encoding_parse(const char *s);

struct csvin_row {
	char	**cells;	/* UTF-8, trimmed of surrounding white space */
	size_t	  ncells;
	long	  line;		/* spreadsheet row: header = 1, blank rows count */
};

struct csvin_table {
	struct csvin_row	*rows;	/* non-blank rows only; rows[0] = header */
	size_t			 nrows;
	char			 sep;	/* the separator found */
	enum csvin_encoding	 enc;	/* the encoding found */
};

/*
 * Parse a whole CSV file held in buf[0..len). file names the input in
 * messages. enc is the encoding to assume, or CSVIN_ENC_AUTO. Rows whose
 * cells are all empty are dropped. Every problem (invalid bytes, an
 * unterminated quote) is reported through diag() with the row number;
 * returns NULL if there was any. The caller frees with csvin_free().
 */
struct csvin_table	*csvin_parse(const char *file, const char *buf,
			    size_t len, enum csvin_encoding enc);
void			 csvin_free(struct csvin_table *);

/*
 * Convert buf[0..len) from enc to UTF-8 (a NUL-terminated copy, BOM
 * removed, *outlen its length), or detect the encoding when enc is
 * CSVIN_ENC_AUTO and store it in *found. Returns NULL after a diagnostic
 * when the bytes are not valid in that encoding.
 */
char	*csvin_to_utf8(const char *file, const char *buf, size_t len,
	    enum csvin_encoding enc, enum csvin_encoding *found,
	    size_t *outlen);

#endif
