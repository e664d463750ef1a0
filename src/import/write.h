/*
 * Writing programme data for people to edit: the <people> (and <tandems>)
 * elements or a whole programme.xml as the loader reads them, and the
 * participant list as CSV that `tandem import` reads back.
 */
#ifndef IMPORT_WRITE_H
#define IMPORT_WRITE_H

#include <stdio.h>

#include "load/model.h"

/* The <people> element with every person, indented by indent spaces. */
void	import_xml_people(FILE *, const struct programme *, int indent);

/* The <tandems> element of p's tandems (nothing when it has none). */
void	import_xml_tandems(FILE *, const struct programme *, int indent);

/*
 * A whole programme.xml holding what an import produces: the programme's
 * attributes, title, edition, period, organisations, topics, people and
 * tandems. comment, if not NULL, is written as an XML comment at the top.
 */
void	import_xml_programme(FILE *, const struct programme *,
	    const char *comment);

/*
 * The people of p as CSV for spreadsheets: UTF-8 with BOM, ';' between
 * cells, a header with the names of import_col_names, one row per person
 * in file order. Topics are written as their labels, organisations as
 * their names, the partner column as the ids of the person's tandem
 * partners (empty when p has no fixed tandems).
 */
void	import_csv_people(FILE *, const struct programme *);

#endif
