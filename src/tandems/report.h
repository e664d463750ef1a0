/*
 * The overview of formed tandems (tandems_form()) as `tandem match`
 * prints it: a text table or CSV.
 */
#ifndef TANDEMS_REPORT_H
#define TANDEMS_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "tandems/tandems.h"

/*
 * One line per tandem (the two people, their organisations, the score)
 * fitting 100 columns, with the shared topics and any note indented
 * below; then the mentees without a tandem. explain adds the score parts,
 * the next-best mentors, the rules and why each mentee stayed unmatched.
 */
void	tandems_report_table(const struct programme *,
	    const struct tandems_result *, bool explain, FILE *);

/* The same as CSV with a header row: one row per tandem, then one per
 * mentee without a tandem (its reason in the note column). */
void	tandems_report_csv(const struct programme *,
	    const struct tandems_result *, FILE *);

#endif
