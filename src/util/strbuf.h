/*
 * A growable byte string, always NUL-terminated.
 */
#ifndef UTIL_STRBUF_H
#define UTIL_STRBUF_H

#include <stddef.h>

struct strbuf {
	char	*s;		/* the bytes; NUL-terminated; NULL until used */
	size_t	 len;		/* bytes used, without the NUL */
	size_t	 cap;		/* bytes allocated */
};

#define STRBUF_INIT	{ NULL, 0, 0 }

void	 sb_add(struct strbuf *, const char *, size_t);
void	 sb_adds(struct strbuf *, const char *);
void	 sb_addc(struct strbuf *, char);
void	 sb_addf(struct strbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sb_clear(struct strbuf *);
/* The contents, never NULL ("" when empty). */
const char *sb_str(const struct strbuf *);
/* Hand over the string to the caller (who frees it) and reset. */
char	*sb_take(struct strbuf *);
void	 sb_free(struct strbuf *);

#endif
