/*
 * The time of a run: SOURCE_DATE_EPOCH when it is set (reproducible
 * builds), else the clock. The one reader of that variable, so that every
 * command treats it alike.
 */
#ifndef UTIL_EPOCH_H
#define UTIL_EPOCH_H

#include <stdbool.h>

struct epoch {
	long long	 t;		/* seconds since 1970-01-01 UTC */
	bool		 fixed;		/* from SOURCE_DATE_EPOCH */
};

/*
 * Read the run's time into e. An unset or empty SOURCE_DATE_EPOCH gives
 * the clock; a set value must be a decimal number of seconds (digits
 * only). Otherwise reports a usage error (exit 64) and returns -1; else
 * returns 0.
 */
int	epoch_read(struct epoch *e);

/*
 * The calendar day of e: in UTC when fixed (the same everywhere), else in
 * local time. Returns -1 when it cannot be represented, else 0.
 */
int	epoch_day(const struct epoch *e, int *y, int *m, int *d);

#endif
