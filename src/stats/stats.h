/*
 * Statistics across cohorts (tandem(1), stats): the figures parliaments ask
 * for, computed from one or more programmes, protected by the disclosure
 * rule (protect.c), and written as aligned text or a tidy CSV table; the
 * document tree for statistics.pdf comes from stats_doc.h.
 *
 * The cohorts are in the order of their periods (start, then end date;
 * equal periods in the order given), whatever the order of the arguments.
 *
 * Every table is a small cube: cohort × row × column, each dimension with a
 * total. Index ncohorts of the cohort dimension is "all cohorts", row index
 * nrows is the column total line, column index ncols is the row total.
 * Ownership: stats_compute() returns a struct stats that owns every label
 * and cell; stats_free() releases it. The programmes are only read, and no
 * name or id of a person is ever copied into it.
 */
#ifndef STATS_STATS_H
#define STATS_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "load/model.h"

/* Default and limits of --min-cell. */
#define STATS_MIN_CELL_DEFAULT	3
#define STATS_MIN_CELL_MAX	100

/* The questions; each is one table (per role where it has one). */
enum stats_measure {
	STATS_GENDER,		/* participants by gender */
	STATS_STATUS,		/* completed / active / withdrawn */
	STATS_ORG,		/* participants by organisation */
	STATS_ORG_GENDER,	/* organisation × gender (protected) */
	STATS_BACKGROUND_ONE,	/* background alone (protected): the row
				 * totals of the next table, published
				 * where the rule allows them */
	STATS_BACKGROUND,	/* background × gender (protected) */
	STATS_TANDEMS,		/* fixed tandems */
	STATS_OUTCOMES,		/* mentees' career moves */
	STATS_EVALUATION,	/* survey answers */
	STATS__MAX
};

/* Rows of the evaluation table. */
enum stats_eval_row {
	STATS_EVAL_RESPONSES,	/* number of answers */
	STATS_EVAL_SAT5,	/* satisfaction 5 (best) ... */
	STATS_EVAL_SAT4,
	STATS_EVAL_SAT3,
	STATS_EVAL_SAT2,
	STATS_EVAL_SAT1,	/* ... satisfaction 1 */
	STATS_EVAL_SAT_NONE,	/* satisfaction not answered */
	STATS_EVAL_SAT_MEAN,	/* mean of the answered */
	STATS_EVAL_MEETINGS,	/* median of meetings held */
	STATS_EVAL_CAREER,	/* "career step: yes" answers */
	STATS_EVAL__MAX
};

/* Timing of an outcome relative to the period end. */
enum stats_timing {
	STATS_DURING,		/* dated on or before the end */
	STATS_AFTER,		/* dated after the end */
	STATS_UNDATED,		/* no date given */
	STATS_TIMING__MAX
};

/* Cell flags. */
#define STATS_CELL_REAL		0x01	/* x holds a decimal (mean, median) */
#define STATS_CELL_NA		0x02	/* no data: printed as "–" */
#define STATS_CELL_PUBLIC	0x04	/* always published (never suppressed) */
#define STATS_CELL_PRIMARY	0x08	/* suppressed: below min-cell */
#define STATS_CELL_SECONDARY	0x10	/* suppressed: protects another cell */
#define STATS_CELL_SUPPRESSED	(STATS_CELL_PRIMARY | STATS_CELL_SECONDARY)
#define STATS_CELL_ABSENT	0x20	/* the row's group (an organisation)
					 * is not in this cohort: a structural
					 * 0, printed as "–" or left out */
#define STATS_CELL_FORCED	0x40	/* suppressed because the one-way
					 * table of the same figures
					 * suppresses it (kept through
					 * stats_protect_table()) */

struct stats_cell {
	long	 n;		/* the count */
	double	 x;		/* the value when STATS_CELL_REAL */
	int	 flags;		/* STATS_CELL_* */
};

struct stats_table {
	enum stats_measure	 measure;
	int			 role;		/* enum role, or -1 */
	bool			 sensitive;	/* disclosure control applies */
	bool			 additive;	/* cells sum up along all dims */
	size_t			 nrows, ncols;	/* interior labels */
	char			**rows;		/* row labels (owned) */
	char			**cols;		/* column labels, or NULL */
	bool			 row_total;	/* a total line is printed */
	bool			 col_total;	/* a total column is printed */
	size_t			 ncohorts;
	struct stats_cell	*cells;		/* see stats_cell() */
	int			 dash;		/* enum label saying what "–"
						   means here, 0 none */
	int			 footnote;	/* enum label of a note, 0 none */
	bool			 too_large;	/* protection gave up (see below) */
	int			 note_all;	/* enum label: the counts
						   include the withdrawn; 0 */
	int			 cross;		/* STATS_BACKGROUND_ONE: the
						   index of the cross table
						   whose row totals it shows;
						   else -1 */
};

/* One cohort as it is described in the output (no person data). */
struct stats_cohort {
	char		*label;		/* column head: edition, title or id */
	char		*title;
	char		*edition;	/* or NULL */
	char		*source;	/* file name of its programme.xml,
					 * without folders */
	struct date	 start, end;
};

struct stats {
	enum lang		 lang;		/* of the first programme named */
	enum wording		 wording;
	int			 min_cell;	/* threshold; 0 = not protected */
	bool			 protected_;	/* stats_protect() was applied */
	struct stats_cohort	*cohorts;	size_t ncohorts;
	struct stats_table	*tables;	size_t ntables;
};

/*
 * Put the cohorts pv[0..n) in the order of their periods: by start date,
 * then end date, equal ones (and those without a period, last) in the
 * order given. stats_compute() does the same on a copy; a caller sorts
 * first when it numbers cohorts in messages.
 */
void		 stats_sort_cohorts(struct programme **pv, size_t n);

/*
 * Compute every table from progs[0..n) (n >= 1), one cohort each, in the
 * order of their periods, without disclosure control. Returns a new
 * struct stats (never NULL).
 */
struct stats	*stats_compute(struct programme *const *progs, size_t n);
void		 stats_free(struct stats *);

/* The cell (cohort c, row r, column k) of t; indices may be the totals. */
struct stats_cell	*stats_cell(const struct stats_table *t, size_t c,
			    size_t r, size_t k);

/*
 * Is row r of t absent from cohort c (an organisation that cohort does not
 * have)? A cross table leaves such rows out of the cohort's block.
 */
bool	stats_row_absent(const struct stats_table *t, size_t c, size_t r);

/*
 * Apply the disclosure rule to every sensitive table: counts in 1 ..
 * min_cell-1 are suppressed, then further cells until no suppressed count
 * can be recovered from the published totals. A one-way table (cross >=
 * 0) is protected first and its published figures become fixed row
 * totals of its cross table, which then hides only inner cells; where
 * that cannot be protected, the cross table is protected alone and the
 * one-way table shows its row totals as protected there. Returns the number of
 * suppressed cells that the audit still finds recoverable (0 when the
 * protection holds). A table whose audit would take too long (hundreds of
 * organisations with a few people each) is given up: too_large is set and
 * it counts as unprotected (at least 1 in the result).
 */
size_t	stats_protect(struct stats *, int min_cell);

/*
 * The same for one table (exported for the unit tests). Returns the
 * number of suppressed cells the audit can still recover.
 */
size_t	stats_protect_table(struct stats_table *, int min_cell);

/*
 * Is this suppressed cell recoverable from the published figures of its
 * table (by the sums and non-negativity)? For tests and the audit.
 */
bool	stats_cell_recoverable(const struct stats_table *, size_t c, size_t r,
	    size_t k);

/*
 * Write the statistics as aligned tables (txt) or as one tidy CSV table
 * (cohort, measure, group, value). date is the "as of" date printed. The
 * CSV separator sep is ',' (decimal point) or ';' (decimal comma, for
 * German spreadsheets); bom writes a UTF-8 byte order mark first.
 * Return 0, or -1 on a write error.
 */
int	stats_write_txt(const struct stats *, struct date, FILE *);
int	stats_write_csv(const struct stats *, struct date, bool bom, char sep,
	    FILE *);

/* The title of table t as printed, e.g. "Mentees nach Geschlecht"
 * (caller frees). */
char	*stats_table_title(const struct stats *, const struct stats_table *t);

/* A table for tests: all cells 0, no labels but "r1".., "c1"... */
struct stats_table	*stats_table_new(size_t ncohorts, size_t nrows,
			    size_t ncols);
void			 stats_table_free(struct stats_table *);

#endif
