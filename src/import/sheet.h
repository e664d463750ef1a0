/*
 * From spreadsheet rows to programme data: the columns tandem knows (with
 * their German and English header names), the values people type into
 * them (Mentorin, weiblich, ja, A13 ...), and the building of a programme
 * from a sheet, either on its own (new organisations and topics) or into an
 * existing programme (its organisations and topics).
 */
#ifndef IMPORT_SHEET_H
#define IMPORT_SHEET_H

#include "import/csvin.h"
#include "load/model.h"

/* The columns: every field of struct person, plus the tandem partner. */
enum import_col {
	IMPORT_COL_ID,
	IMPORT_COL_ROLE,
	IMPORT_COL_GENDER,
	IMPORT_COL_TITLE,
	IMPORT_COL_GIVEN,
	IMPORT_COL_FAMILY,
	IMPORT_COL_ORG,
	IMPORT_COL_UNIT,
	IMPORT_COL_POSITION,
	IMPORT_COL_EMAIL,
	IMPORT_COL_PHONE,
	IMPORT_COL_LEVEL,
	IMPORT_COL_CAPACITY,
	IMPORT_COL_FIELD,
	IMPORT_COL_TOPICS,
	IMPORT_COL_LANGUAGES,
	IMPORT_COL_BACKGROUND,
	IMPORT_COL_WISH_GENDER,
	IMPORT_COL_WISH_BACKGROUND,
	IMPORT_COL_STATUS,
	IMPORT_COL_PARTNER,
	IMPORT_COL__MAX
};

/* Header names as export writes them ("id", "role", ..., "partner"). */
extern const char *const import_col_names[IMPORT_COL__MAX];

/* The column a header cell names (case, spaces, umlauts and punctuation
 * ignored), or IMPORT_COL__MAX if none. */
enum import_col	import_col_lookup(const char *header);

/*
 * Build a programme from the sheet t (rows[0] is the header) read from
 * file. With into, organisations and topics must be those of into (by id,
 * short name or name; an unknown one is an error naming the closest), and
 * the programme's id, title, period, kind and rules are copied from it.
 * Without, organisations and topics are created from the distinct values
 * (ids made from the names) and id, title and period are placeholders for
 * the given year. People without an id get "p" and their data-row number.
 * A partner column makes tandems (TANDEMS_INLINE).
 *
 * Every bad row is reported through diag() with the row as line; returns
 * NULL if there was any error, else the programme (caller frees). The
 * result has not been through validate_programme().
 */
struct programme	*import_sheet(const char *file,
			    const struct csvin_table *t,
			    const struct programme *into, int year);

#endif
