/*
 * Role words: one table per number, indexed by language, wording style,
 * role and gender, exactly as in tandem-texts(5), WORDING.
 */
#include "compose/wording.h"

/* Singular words [lang][wording][role][gender]. */
static const char *const singular[LANG__MAX][WORDING__MAX][ROLE__MAX][GENDER__MAX] = {
	[LANG_DE] = {
		[WORDING_PAIR] = {
			[ROLE_MENTEE] = { "Mentee", "Mentee", "Mentee", "Mentee" },
			[ROLE_MENTOR] = { "Mentorin/Mentor", "Mentorin",
			    "Mentor", "Mentorin/Mentor" },
		},
		[WORDING_NEUTRAL] = {
			[ROLE_MENTEE] = { "Mentee", "Mentee", "Mentee", "Mentee" },
			[ROLE_MENTOR] = { "mentorierende Person", "Mentorin",
			    "Mentor", "mentorierende Person" },
		},
		[WORDING_COLON] = {
			[ROLE_MENTEE] = { "Mentee", "Mentee", "Mentee", "Mentee" },
			[ROLE_MENTOR] = { "Mentor:in", "Mentorin", "Mentor",
			    "Mentor:in" },
		},
	},
	[LANG_EN] = {
		[WORDING_PAIR] = {
			[ROLE_MENTEE] = { "mentee", "mentee", "mentee", "mentee" },
			[ROLE_MENTOR] = { "mentor", "mentor", "mentor", "mentor" },
		},
		[WORDING_NEUTRAL] = {
			[ROLE_MENTEE] = { "mentee", "mentee", "mentee", "mentee" },
			[ROLE_MENTOR] = { "mentor", "mentor", "mentor", "mentor" },
		},
		[WORDING_COLON] = {
			[ROLE_MENTEE] = { "mentee", "mentee", "mentee", "mentee" },
			[ROLE_MENTOR] = { "mentor", "mentor", "mentor", "mentor" },
		},
	},
};

/* Plural words [lang][wording][role]. */
static const char *const plural[LANG__MAX][WORDING__MAX][ROLE__MAX] = {
	[LANG_DE] = {
		[WORDING_PAIR] = { "Mentees", "Mentorinnen und Mentoren" },
		[WORDING_NEUTRAL] = { "Mentees", "Mentorierende" },
		[WORDING_COLON] = { "Mentees", "Mentor:innen" },
	},
	[LANG_EN] = {
		[WORDING_PAIR] = { "mentees", "mentors" },
		[WORDING_NEUTRAL] = { "mentees", "mentors" },
		[WORDING_COLON] = { "mentees", "mentors" },
	},
};

/* Clamp an enum read from data to its table; out of range gives 0. */
#define CLAMP(v, max)	((unsigned)(v) < (unsigned)(max) ? (v) : 0)

const char *
wording_role(enum lang l, enum wording w, enum role r, enum gender g)
{
	return singular[CLAMP(l, LANG__MAX)][CLAMP(w, WORDING__MAX)]
	    [CLAMP(r, ROLE__MAX)][CLAMP(g, GENDER__MAX)];
}

const char *
wording_roles(enum lang l, enum wording w, enum role r)
{
	return plural[CLAMP(l, LANG__MAX)][CLAMP(w, WORDING__MAX)]
	    [CLAMP(r, ROLE__MAX)];
}

const char *
wording_role_any(enum lang l, enum wording w, enum role r)
{
	return wording_role(l, w, r, GENDER_UNKNOWN);
}
