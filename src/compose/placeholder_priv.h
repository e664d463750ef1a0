/*
 * Shared by the files of the placeholder pass: placeholder_lex.c (reading
 * a text: "{{ }}", conditions, names and arguments), placeholder_args.c
 * (error positions, names, arguments: what the others use),
 * placeholder_value.c (the value of each name) and placeholder.c (the
 * pass over the cmark tree). Not part of its interface, placeholder.h.
 */
#ifndef COMPOSE_PLACEHOLDER_PRIV_H
#define COMPOSE_PLACEHOLDER_PRIV_H

#include <stdbool.h>
#include <stddef.h>

#include "compose/compose.h"
#include "compose/placeholder.h"
#include "util/strbuf.h"

#define ESC		'\x01'		/* marks an escaped "{" */
#define MAX_ARGS	8

/* Where a stretch of a merged text starts in its source file. */
struct seg {
	size_t	off;		/* byte offset in the merged text */
	long	line, col;	/* source position of that byte */
};

/* The source of one text being expanded. */
struct src {
	const char		*file;
	const struct seg	*segs;
	size_t			 nsegs;
	const struct compose_ctx *ctx;
	bool			 url;	/* inside a link target: values
					   percent-encoded */
};

/* One KEY=VALUE argument. */
struct arg {
	const char	*k, *v;
	size_t		 kn, vn;
	bool		 used;
};

/* A placeholder being evaluated. */
struct ph {
	const struct src *s;
	size_t		 off;		/* of "{{" in the text */
	char		 name[64];	/* lower-cased first letter */
	struct arg	 args[MAX_ARGS];
	size_t		 nargs;
};

/* Groups of placeholders and the texts they may be used in. */
enum grp {
	GRP_ALL,		/* programme, counts, events, roles */
	GRP_PERSON,		/* person.*: certificates */
	GRP_TANDEM,		/* mentee.*, mentor.*, tandem.*: agreements */
	GRP_REPORT,		/* evaluation.*, outcomes.*: the report */
	GRP_FORM,		/* form.* blocks: agreements */
	GRP_REPORT_BLOCK,	/* report.* blocks: the report */
	GRP__MAX
};

/* The group of each block placeholder. */
extern const enum grp ph_block_grp[PH_BLOCK__MAX];

/* placeholder_args.c */

/* Report an error at byte off of the text. */
void	ph_err(const struct src *s, size_t off, const char *fmt, ...);

/* How many bytes of t (at most 60, not cutting a character) to show. */
int	ph_show(const char *t, size_t n);

/* Does [t, t+n) equal the NUL-terminated word w? */
bool	ph_tok_is(const char *t, size_t n, const char *w);

/* Index of [t, t+n) in a table of names, or -1. */
int	ph_lookup(const char *const *names, int max, const char *t, size_t n);

/* Take the argument named key (marking it used), or NULL. */
struct arg	*ph_arg_take(struct ph *ph, const char *key);

/* Report an invalid value of an argument; returns -1. */
int	ph_bad_value(struct ph *ph, const struct arg *a);

/* placeholder_lex.c */

/* Split a placeholder body into name and arguments; 0, or -1 after
 * reporting. *cap is set for a capitalised name. */
int	ph_parse_body(struct ph *ph, const char *body, size_t blen,
	    bool *cap);

/* Expand the text [t, t+n) with positions from s; append to out.
 * Returns the number of errors. */
int	ph_expand(struct strbuf *out, const char *t, size_t n,
	    const struct src *s);

/* placeholder_value.c */

/* Is the name's group usable in this text? Reports when not. */
bool	ph_usable(struct ph *ph, enum grp g);

/* Report the first argument nobody took; returns -1 if there was one. */
int	ph_unused_args(struct ph *ph);

/* Evaluate a parsed placeholder and append its value (capitalised when
 * cap); 0, or -1 after reporting an error (nothing appended). */
int	ph_eval(struct strbuf *out, struct ph *ph, bool cap);

#endif
