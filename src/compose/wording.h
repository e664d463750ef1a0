/*
 * Role words (tandem-texts(5), WORDING): "Mentorin", "Mentor",
 * "Mentor:in", ... chosen by the programme's language and wording style
 * and, in the singular, by the person's gender. All strings are static;
 * callers never free them.
 */
#ifndef COMPOSE_WORDING_H
#define COMPOSE_WORDING_H

#include "load/model.h"

/*
 * The singular role word for a person of this gender, e.g. "Mentorin"
 * (de, any style, f), "Mentor:in" (de, colon, d or unknown), "mentee" (en).
 * GENDER_UNKNOWN is worded like GENDER_D.
 */
const char	*wording_role(enum lang, enum wording, enum role, enum gender);

/* The plural role word: "Mentorinnen und Mentoren", "Mentees", "mentors". */
const char	*wording_roles(enum lang, enum wording, enum role);

/*
 * The singular word for a person whose gender is not to be used (headings,
 * forms filled in by hand): the d/unknown form, e.g. "Mentorin/Mentor".
 */
const char	*wording_role_any(enum lang, enum wording, enum role);

#endif
