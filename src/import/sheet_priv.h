/*
 * Shared by the two files of the sheet import: the vocabulary of cells
 * (sheet_vocab.c) that the rows (sheet.c) are read with.
 */
#ifndef IMPORT_SHEET_PRIV_H
#define IMPORT_SHEET_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "load/model.h"

/* Cell values: folded spellings per value, separated by spaces. */
extern const char *const import_role_values[ROLE__MAX];
extern const char *const import_gender_values[GENDER__MAX];
extern const char *const import_status_values[STATUS__MAX];

/* Language names people write instead of codes. */
struct import_language {
	const char	*names;		/* folded */
	const char	*code;
};
extern const struct import_language import_languages[];
extern const size_t import_nlanguages;

/* A word list ("a b c") contains w? */
bool	import_in_list(const char *list, const char *w);

/* The index of the value list (of n) that holds the folded cell, or -1. */
int	import_lookup_value(const char *const *lists, int n,
	    const char *cell);

/* Parse yes/no; returns 1, 0, or -1 for anything else. */
int	import_parse_yesno(const char *cell);

/* Parse a level: a number 1-20 or a German pay grade; 0 if neither. */
int	import_parse_level(const char *cell);

#endif
