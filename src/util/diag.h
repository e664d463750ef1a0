/*
 * Diagnostics: each problem tandem finds is a record (level, place, the
 * person or organisation concerned, message) handed to a sink; the worst
 * level a sink has seen decides the exit code (diag_rc()).
 */
#ifndef UTIL_DIAG_H
#define UTIL_DIAG_H

#include <stdio.h>

/*
 * Levels from the least to the most severe, each with its exit code (the
 * whole exit set of tandem(1), with 130 and 143 for SIGINT and SIGTERM).
 */
enum diag_level {
	DIAG_WARNING,		/* 0: printed, nothing failed */
	DIAG_ERROR,		/* 65: the input data is bad */
	DIAG_NOINPUT,		/* 66: an input missing or unreadable */
	DIAG_CANTCREAT,		/* 73: an output not written (stdout too) */
	DIAG_USAGE,		/* 64: command line or environment */
	DIAG_INTERNAL,		/* 70: a bug, or out of memory */
	DIAG_LEVEL__MAX
};

/* What a diagnostic is about, for a reader that links to it. */
enum diag_subject {
	DIAG_SUBJ_NONE,
	DIAG_SUBJ_PROGRAMME,
	DIAG_SUBJ_PERSON,
	DIAG_SUBJ_ORGANISATION,
	DIAG_SUBJ_TOPIC,
	DIAG_SUBJ_EVENT,
	DIAG_SUBJ_TEXT,		/* a Markdown text; id is its file */
	DIAG_SUBJ_TEMPLATE,
	DIAG_SUBJ__MAX
};

/* One diagnostic; its strings live only during the emit call. */
struct diag_record {
	enum diag_level		 level;
	const char		*file;	/* or NULL */
	long			 line;	/* 0: none */
	long			 col;	/* 0: none */
	enum diag_subject	 kind;
	const char		*id;	/* of the subject, or NULL */
	const char		*msg;	/* no trailing newline */
};

/*
 * Where records go. emit may be NULL (records only counted). The counts
 * and worst level belong to the sink; initialise with DIAG_SINK_INIT.
 */
struct diag_sink {
	void	(*emit)(struct diag_sink *, const struct diag_record *);
	void	*arg;			/* the emitter's own (a FILE *) */
	unsigned long counts[DIAG_LEVEL__MAX];
	int	 worst;			/* a diag_level, or -1: none */
	struct diag_sink *prev;		/* the sink it was pushed over */
	struct diag_cap	*cap;		/* diag_emit_print()'s per-file counts */
};

#define DIAG_SINK_INIT(emit, arg)	{ (emit), (arg), { 0 }, -1, NULL, NULL }

/* Records printed per file; the rest are counted and summed up. */
#define DIAG_MAX_PER_FILE	1000

/*
 * The sink in force is per thread: diag_push() installs s for the length
 * of an operation (a command, a page request), diag_pop() restores the
 * one before. With none pushed, records go to a per-thread default sink
 * that prints on stderr. Being thread-local rather than global, one long
 * process can load programme after programme, or build beside requests.
 */
void	diag_push(struct diag_sink *s);
void	diag_pop(struct diag_sink *s);

/*
 * The emitter that prints "tandem: FILE:LINE[:COL]: error: msg" on arg
 * (NULL: stderr). It prints the first DIAG_MAX_PER_FILE records of each
 * file and only counts the rest; diag_pop() then prints one line per such
 * file, "N more errors in this file not shown" (or warnings, or errors
 * and warnings), at the level of the worst record held back. The default
 * sink, which is never popped, prints every record.
 */
void	diag_emit_print(struct diag_sink *, const struct diag_record *);

/* Print r as one line on fp. */
void	diag_print(FILE *fp, const struct diag_record *r);

/*
 * Report one diagnostic to the sink in force. file may be NULL (then no
 * location is printed); line and col are printed when > 0. The message
 * must not end in a newline. diag_subject() names what it is about.
 */
void	diag(enum diag_level, const char *file, long line, long col,
	    const char *fmt, ...) __attribute__((format(printf, 5, 6)));
void	diag_subject(enum diag_level, const char *file, long line, long col,
	    enum diag_subject kind, const char *id, const char *fmt, ...)
	    __attribute__((format(printf, 7, 8)));

/* Shorthands. */
#define diag_error(f, l, ...)	diag(DIAG_ERROR, (f), (l), 0, __VA_ARGS__)
#define diag_warn(f, l, ...)	diag(DIAG_WARNING, (f), (l), 0, __VA_ARGS__)

/*
 * Raise the sink's worst level without a record: for a caller that knows
 * better than the module that reported (a built-in template that does
 * not load is a bug, not bad data).
 */
void	diag_setrc(enum diag_level);

/* Records of one level, and of every error level, in the sink in force. */
unsigned long	diag_count(enum diag_level);
unsigned long	diag_errors(void);

/* Forget the counts and worst level of the sink in force. */
void	diag_reset(void);

/*
 * The exit code of s (NULL: the sink in force) from its worst level:
 * 0, 65, 66, 73, 64 or 70 as listed with enum diag_level.
 */
int	diag_rc(const struct diag_sink *s);

/* The exit code of one level. */
int	diag_level_rc(enum diag_level);

#endif
