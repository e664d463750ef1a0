/*
 * The composition context: which programme, person and tandem a text is
 * being filled in for, and the data helpers every document kind shares
 * (names as printed, the certificate place and date, shared topics).
 */
#ifndef COMPOSE_COMPOSE_H
#define COMPOSE_COMPOSE_H

#include "load/model.h"
#include "util/strbuf.h"

/* The kinds of text, which decide the placeholders available in them
 * (tandem-texts(5), PLACEHOLDERS). */
enum compose_text {
	COMPOSE_HANDBOOK,	/* handbook chapters */
	COMPOSE_AGREEMENT,	/* agreement.md: mentee.*, mentor.*, form.* */
	COMPOSE_CERTIFICATE,	/* certificate.md: person.* */
	COMPOSE_REPORT,		/* report.md: evaluation.*, report.* */
	COMPOSE_TEXT__MAX
};

struct compose_ctx {
	const struct programme	*prog;
	enum compose_text	 text;		/* what kind of text */
	int			 person;	/* index into people, or -1 */
	int			 tandem;	/* index into tandems, or -1 */
	struct date		 date;		/* document date; y == 0: the
						   default of compose_date() */
};

/*
 * A context for a kind of text with no person and no tandem (handbook,
 * report; certificate and agreement texts when only checked: then person
 * and tandem placeholders expand to nothing).
 */
void	compose_ctx_init(struct compose_ctx *, const struct programme *,
	    enum compose_text);

/* A certificate context for one person (index into people). */
void	compose_ctx_person(struct compose_ctx *, const struct programme *,
	    int person);

/* An agreement context for one tandem (index into tandems). */
void	compose_ctx_tandem(struct compose_ctx *, const struct programme *,
	    int tandem);

/* Append "Dr. Aylin Yılmaz" (title, given and family name as given). */
void	compose_name(struct strbuf *, const struct person *);

/* The organisation's full name / short name (else the full name), or
 * NULL when the index is -1. */
const char	*compose_org(const struct programme *, int org);
const char	*compose_org_short(const struct programme *, int org);

/*
 * The place printed on certificates: programme@place, else NULL (never an
 * event's place, which is a venue).
 */
const char	*compose_place(const struct programme *);

/*
 * The date printed on certificates and the default document date: the
 * date of the (last) closing event, else the end of the period.
 */
struct date	 compose_date(const struct programme *);

/*
 * The topics shared by a tandem's mentee and mentor, as indices into the
 * programme's topics in the mentee's order; returns how many were stored
 * in out (which has room for the mentee's topic count).
 */
size_t	compose_shared_topics(const struct programme *, const struct pair *,
	    int *out);

/*
 * Append the labels of topic indices as running text ("A, B und C").
 */
void	compose_topic_list(struct strbuf *, const struct programme *,
	    const int *topics, size_t n);

/* Index of the first tandem the person belongs to, or -1. */
int	compose_tandem_of(const struct programme *, int person);

#endif
