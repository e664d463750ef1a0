/*
 * The computed figures of the evaluation report (report.pdf) and the
 * orderings of the generated handbook chapters: plain numbers and index
 * lists, independent of any layout, so that the document builders only
 * set them as tables and charts.
 */
#ifndef COMPOSE_FIGURES_H
#define COMPOSE_FIGURES_H

#include <stddef.h>

#include "load/model.h"

/* Satisfaction answers 1..5 (index 0 = not answered). */
#define FIG_SATISFACTION	6
/* Meeting count bands: 0, 1-3, 4-6, 7-9, 10-12, 13+, not answered. */
#define FIG_MEETING_BANDS	7

struct figures {
	/* Participation: people (not withdrawn) by role, gender and
	 * organisation; org index norgs = no organisation. */
	size_t	 norgs;			/* columns: orgs + "none" */
	size_t	*people;		/* [role][gender][norgs + 1] */
	size_t	 by_role_gender[ROLE__MAX][GENDER__MAX];
	size_t	 by_role[ROLE__MAX];
	size_t	 withdrawn[ROLE__MAX];
	size_t	 completed[ROLE__MAX];
	size_t	 active[ROLE__MAX];

	/* Survey answers by role. */
	size_t	 responses[ROLE__MAX];
	size_t	 satisfaction[ROLE__MAX][FIG_SATISFACTION];
	size_t	 meetings[ROLE__MAX][FIG_MEETING_BANDS];
	size_t	 career_yes, career_no;

	/* Outcomes by kind: [0] inside the period, [1] after its end,
	 * [2] before its start. */
	size_t	 outcomes[OUTCOME__MAX][3];
};

/* Compute everything; release with figures_free(). */
void	figures_compute(struct figures *, const struct programme *);
void	figures_free(struct figures *);

/* The people count of one cell (org = norgs for "no organisation"). */
size_t	figures_people(const struct figures *, enum role, enum gender,
	    size_t org);

/* The band of a meeting count (-1 = not answered) and its label
 * ("0", "1–3", ..., "13+", "k. A."/"n/a"). */
int		 figures_meeting_band(int meetings);
const char	*figures_meeting_label(enum lang, int band);

/*
 * People in the order of the participants overview: mentees first, then
 * mentors; within a role by organisation (file order, people without one
 * last), then family and given name (byte order of UTF-8, which keeps
 * umlauts after z but is stable). Withdrawn people are left out unless
 * with_withdrawn. Returns how many indices were stored in out (room for
 * npeople).
 */
size_t	figures_people_order(const struct programme *, bool with_withdrawn,
	    int *out);

/* Event indices in date order (file order on a tie). */
size_t	figures_event_order(const struct programme *, int *out);

#endif
