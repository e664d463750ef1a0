/*
 * The programme model: everything in programme.xml (and tandems.xml) as plain
 * C data. The loader (build.c) builds it, the validator (validate.c) checks
 * it, and every later stage only reads it. References between records are
 * indices into the programme's arrays (-1 = none), resolved by the loader.
 *
 * Ownership: a struct programme owns every string and array reachable from
 * it; programme_free() releases all of it.
 */
#ifndef LOAD_MODEL_H
#define LOAD_MODEL_H

#include <stdbool.h>
#include <stddef.h>

enum role {
	ROLE_MENTEE,
	ROLE_MENTOR,
	ROLE__MAX
};

enum gender {
	GENDER_UNKNOWN,		/* not recorded: worded like d */
	GENDER_F,
	GENDER_M,
	GENDER_D,
	GENDER__MAX
};

enum status {
	STATUS_COMPLETED,	/* the default */
	STATUS_ACTIVE,
	STATUS_WITHDRAWN,
	STATUS__MAX
};

enum prog_kind {
	KIND_INTERNAL,		/* the default */
	KIND_CROSS,
	KIND_PARTNERSHIP,
	KIND__MAX
};

enum wording {
	WORDING_PAIR,		/* "Mentorinnen und Mentoren" (default) */
	WORDING_NEUTRAL,	/* "Mentorierende" */
	WORDING_COLON,		/* "Mentor:innen" */
	WORDING__MAX
};

enum lang {
	LANG_DE,		/* the default */
	LANG_EN,
	LANG__MAX
};

enum event_kind {
	EVENT_OTHER,		/* the default */
	EVENT_KICKOFF,
	EVENT_WORKSHOP,
	EVENT_SEMINAR,
	EVENT_NETWORK,
	EVENT_CLOSING,
	EVENT__MAX
};

enum outcome_kind {
	OUTCOME_POSITION_CHANGE,
	OUTCOME_PROMOTION,
	OUTCOME_OTHER,
	OUTCOME__MAX
};

/* Where the programme's tandems came from (first match wins). */
enum tandem_source {
	TANDEMS_NONE,		/* none fixed: match on the fly */
	TANDEMS_INLINE,		/* <tandems> inside programme.xml */
	TANDEMS_FILE,		/* DIR/tandems.xml */
	TANDEMS_MATCHED,	/* filled in by the matching stage */
	TANDEMS__MAX
};

/* A calendar date; y == 0 means "not given". */
struct date {
	int	y, m, d;
};

struct org {
	char	*id;
	char	*short_name;	/* @short, or NULL */
	char	*name;		/* element text, e.g. "Stadt Köln" */
	char	*logo;		/* @logo, path relative to the programme folder */
	long	 line;
};

struct coordinator {
	char	*name;
	int	 org;		/* index into orgs, or -1 */
	char	*email;
	char	*phone;
	long	 line;
};

struct topic {
	char	*id;
	char	*label;		/* element text */
	long	 line;
};

struct person {
	char		*id;
	enum role	 role;
	enum gender	 gender;
	int		 org;		/* index into orgs, or -1 */
	int		 level;		/* 1..20; 0 = unknown */
	int		 capacity;	/* mentors: 0..20, default 1 */
	enum status	 status;
	char		*field;		/* or NULL */
	int		*topics;	/* indices into topics */
	size_t		 ntopics;
	enum gender	 wish_gender;	/* GENDER_UNKNOWN = no wish */
	char		*background;	/* or NULL (sensitive) */
	bool		 wish_background;
	char		**languages;	/* language codes */
	size_t		 nlanguages;
	char		*given;		/* name@given, or NULL */
	char		*family;	/* name@family, required */
	char		*title;		/* name@title, e.g. "Dr.", or NULL */
	char		*unit;		/* or NULL */
	char		*position;	/* or NULL */
	char		*email;		/* or NULL */
	char		*phone;		/* or NULL */
	long		 line;
};

struct weights {
	double	topics;		/* default 3 */
	double	wish_gender;	/* default 2 */
	double	field;		/* default 2 */
	double	level_gap;	/* default 1 */
	double	background;	/* default 1 */
	double	language;	/* default 1 */
};

struct rules {
	bool	different_org;	/* default: true for KIND_CROSS, else false */
	int	min_level_gap;	/* default 0 */
	int	ideal_level_gap; /* default 3 */
	bool	same_field;	/* default: true for KIND_PARTNERSHIP */
	bool	spread;		/* most mentors used; default true */
};

/* A mentee–mentor pair: a pin, a forbidden pair or a tandem. */
struct pair {
	int	 mentee;	/* index into people */
	int	 mentor;	/* index into people */
	char	*reason;	/* forbid@reason, or NULL */
	int	 score;		/* tandems: 0..100 once scored; -1 unknown */
	long	 line;
	const char *file;	/* file the pair was read from (not owned) */
};

struct event {
	struct date	 date;
	enum event_kind	 kind;
	char		*place;		/* or NULL */
	char		*title;		/* element text */
	long		 line;
};

struct signatory {
	char	*name;
	char	*office;	/* or NULL */
	int	 org;		/* index into orgs, or -1 */
	long	 line;
};

/* One anonymous survey answer: no person ids, by design. */
struct response {
	enum role	 role;
	int		 satisfaction;	/* 1..5; 0 = not answered */
	int		 meetings;	/* 0..100; -1 = not answered */
	int		 career_step;	/* 1 yes, 0 no, -1 not answered */
	long		 line;
};

struct outcome {
	int			 person;	/* index into people */
	enum outcome_kind	 kind;
	struct date		 date;
	long			 line;
};

/*
 * A reference the loader could not resolve: the record that made it holds
 * -1 (or leaves the id out of its list), and validate_programme() reports
 * it, naming the missing id and the closest existing one.
 */
struct dangling {
	char		*id;		/* the id as written */
	const char	*what;		/* "organisation", "topic" or "person" */
	char		*where;		/* e.g. "org of person p02" */
	const char	*file;		/* file it was read from (not owned) */
	long		 line;
};

struct programme {
	char		*dir;		/* programme folder as given, or "." */
	char		*file;		/* programme.xml path as named in messages */
	char		*tandems_file;	/* DIR/tandems.xml path if used, or NULL */

	char		*id;
	enum lang	 lang;
	enum prog_kind	 kind;
	enum wording	 wording;
	char		*place;		/* @place, or NULL */
	char		*title;
	char		*edition;	/* or NULL */
	struct date	 start, end;

	struct org		*orgs;		size_t norgs;
	struct coordinator	*coordinators;	size_t ncoordinators;
	struct topic		*topics;	size_t ntopics;
	struct person		*people;	size_t npeople;
	struct weights		 weights;
	struct rules		 rules;
	struct pair		*pins;		size_t npins;
	struct pair		*forbids;	size_t nforbids;
	/* The forbids by pair (programme_index_forbids()): slots hold an
	 * index + 1 or 0; used while nforbids is nforbids_indexed. */
	size_t			*forbid_slots;
	size_t			 forbid_cap, nforbids_indexed;
	struct event		*events;	size_t nevents;
	struct signatory	*signatories;	size_t nsignatories;
	struct response		*responses;	size_t nresponses;
	struct outcome		*outcomes;	size_t noutcomes;
	struct pair		*tandems;	size_t ntandems;
	enum tandem_source	 tandem_source;
	struct dangling		*dangling;	size_t ndangling;
	long			 line;		/* line of <programme> */
	long			 period_line;	/* line of <period> */
	long			 matching_line;	/* <matching>/<weights>/<rules> */
	long			 tandems_line;	/* line of <tandems>: inline, or the
					   root of tandems_file */
	long			 people_line;	/* line of <people> (or of
					   <programme> if there is none) */
};

/* An empty programme with every default of tandem-programme(5) set. */
struct programme	*programme_new(void);
void			 programme_free(struct programme *);

/* Index of the person / org / topic with this id, or -1. */
int	programme_find_person(const struct programme *, const char *id);
int	programme_find_org(const struct programme *, const char *id);
int	programme_find_topic(const struct programme *, const char *id);

/* Index the forbidden pairs, so that programme_find_forbid() costs the
 * same for any number of them; forbids added later are found by a scan. */
void	programme_index_forbids(struct programme *);
/* Index of the first <forbid> of this mentee and mentor, or -1. */
int	programme_find_forbid(const struct programme *, int mentee, int mentor);

/* Count people by role (and gender, GENDER__MAX = any), not withdrawn
 * unless with_withdrawn. */
size_t	programme_count(const struct programme *, enum role, enum gender,
	    bool with_withdrawn);

/* Names of enum values as they appear in XML ("mentee", "f", ...). */
extern const char *const role_names[ROLE__MAX];
extern const char *const gender_names[GENDER__MAX];	/* "" for unknown */
extern const char *const status_names[STATUS__MAX];
extern const char *const kind_names[KIND__MAX];
extern const char *const wording_names[WORDING__MAX];
extern const char *const lang_names[LANG__MAX];
extern const char *const event_kind_names[EVENT__MAX];
extern const char *const outcome_kind_names[OUTCOME__MAX];

/* Date helpers. */
bool	date_valid(int y, int m, int d);
/* Parse "YYYY-MM-DD" strictly; returns false for anything else. */
bool	date_parse(const char *, struct date *);
/* <0, 0, >0 like strcmp. */
int	date_cmp(struct date, struct date);

#endif
