/*
 * The time of a run (see epoch.h): SOURCE_DATE_EPOCH, checked, or the
 * clock.
 */
#include <errno.h>
#include <stdlib.h>
#include <time.h>

#include "util/diag.h"
#include "util/epoch.h"

int
epoch_read(struct epoch *e)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	const char *p;
	char *end;
	long long v;

	e->fixed = false;
	e->t = (long long)time(NULL);
	if (s == NULL || *s == '\0')
		return 0;
	for (p = s; *p >= '0' && *p <= '9'; p++)
		continue;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (*p != '\0' || errno != 0 || end != p ||
	    (long long)(time_t)v != v) {
		diag(DIAG_USAGE, NULL, 0, 0, "SOURCE_DATE_EPOCH=\"%s\" is not "
		    "a number of seconds since 1970-01-01", s);
		return -1;
	}
	e->fixed = true;
	e->t = v;
	return 0;
}

int
epoch_day(const struct epoch *e, int *y, int *m, int *d)
{
	time_t t = (time_t)e->t;
	struct tm tm;

	if ((e->fixed ? gmtime_r(&t, &tm) : localtime_r(&t, &tm)) == NULL)
		return -1;
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
	*d = tm.tm_mday;
	return 0;
}
