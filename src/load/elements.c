/*
 * What a programme file may contain: the element table, which mirrors
 * schema/programme.rng element by element, the words each attribute may
 * take, and the readers of numbers, words and white space in attribute
 * values.
 */
#include <errno.h>
#include <math.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "load/load_int.h"
#include "util/strbuf.h"

static const char *const v_lang[] = { "de", "en", NULL };
static const char *const v_kind[] = { "internal", "cross", "partnership", NULL };
static const char *const v_wording[] = { "pair", "neutral", "colon", NULL };
static const char *const v_role[] = { "mentee", "mentor", NULL };
static const char *const v_gender[] = { "f", "m", "d", NULL };
static const char *const v_status[] = {
	"active", "completed", "withdrawn", NULL
};
static const char *const v_yesno[] = { "yes", "no", NULL };
const char *const load_v_bool[] = { "true", "false", NULL };
static const char *const v_event[] = {
	"kickoff", "workshop", "seminar", "network", "closing", "other", NULL
};
static const char *const v_outcome[] = {
	"position-change", "promotion", "other", NULL
};

#define A_END	{ NULL, VT_TEXT, false, 0, 0, NULL }
#define C_END	{ EL__MAX, false, false }

static const struct attr_spec a_programme[] = {
	{ "id", VT_ID, true, 0, 0, NULL },
	{ "lang", VT_ENUM, false, 0, 0, v_lang },
	{ "kind", VT_ENUM, false, 0, 0, v_kind },
	{ "wording", VT_ENUM, false, 0, 0, v_wording },
	{ "place", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_none[] = { A_END };
static const struct attr_spec a_period[] = {
	{ "start", VT_DATE, true, 0, 0, NULL },
	{ "end", VT_DATE, true, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_organisation[] = {
	{ "id", VT_ID, true, 0, 0, NULL },
	{ "short", VT_TEXT, false, 0, 0, NULL },
	{ "logo", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_coordinator[] = {
	{ "name", VT_TEXT, true, 0, 0, NULL },
	{ "org", VT_IDREF, false, 0, 0, NULL },
	{ "email", VT_TEXT, false, 0, 0, NULL },
	{ "phone", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_topic[] = {
	{ "id", VT_ID, true, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_person[] = {
	{ "id", VT_ID, true, 0, 0, NULL },
	{ "role", VT_ENUM, true, 0, 0, v_role },
	{ "gender", VT_ENUM, false, 0, 0, v_gender },
	{ "org", VT_IDREF, false, 0, 0, NULL },
	{ "level", VT_INT, false, 1, 20, NULL },
	{ "capacity", VT_INT, false, 0, 20, NULL },
	{ "field", VT_TEXT, false, 0, 0, NULL },
	{ "topics", VT_IDREFS, false, 0, 0, NULL },
	{ "wish-gender", VT_ENUM, false, 0, 0, v_gender },
	{ "background", VT_TOKEN, false, 0, 0, NULL },
	{ "wish-background", VT_ENUM, false, 0, 0, v_yesno },
	{ "languages", VT_TOKENS, false, 0, 0, NULL },
	{ "status", VT_ENUM, false, 0, 0, v_status },
	A_END
};
static const struct attr_spec a_name[] = {
	{ "title", VT_TEXT, false, 0, 0, NULL },
	{ "given", VT_TEXT, false, 0, 0, NULL },
	{ "family", VT_TEXT, true, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_weights[] = {
	{ "topics", VT_NUM, false, 0, 10, NULL },
	{ "wish-gender", VT_NUM, false, 0, 10, NULL },
	{ "field", VT_NUM, false, 0, 10, NULL },
	{ "level-gap", VT_NUM, false, 0, 10, NULL },
	{ "background", VT_NUM, false, 0, 10, NULL },
	{ "language", VT_NUM, false, 0, 10, NULL },
	A_END
};
static const struct attr_spec a_rules[] = {
	{ "different-org", VT_ENUM, false, 0, 0, load_v_bool },
	{ "min-level-gap", VT_INT, false, 0, 20, NULL },
	{ "ideal-level-gap", VT_INT, false, 0, 20, NULL },
	{ "same-field", VT_ENUM, false, 0, 0, load_v_bool },
	{ "spread", VT_ENUM, false, 0, 0, load_v_bool },
	A_END
};
static const struct attr_spec a_pin[] = {
	{ "mentee", VT_IDREF, true, 0, 0, NULL },
	{ "mentor", VT_IDREF, true, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_forbid[] = {
	{ "mentee", VT_IDREF, true, 0, 0, NULL },
	{ "mentor", VT_IDREF, true, 0, 0, NULL },
	{ "reason", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_event[] = {
	{ "date", VT_DATE, true, 0, 0, NULL },
	{ "kind", VT_ENUM, false, 0, 0, v_event },
	{ "place", VT_TEXT, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_signatory[] = {
	{ "name", VT_TEXT, true, 0, 0, NULL },
	{ "office", VT_TEXT, false, 0, 0, NULL },
	{ "org", VT_IDREF, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_response[] = {
	{ "role", VT_ENUM, true, 0, 0, v_role },
	{ "satisfaction", VT_INT, false, 1, 5, NULL },
	{ "meetings", VT_INT, false, 0, 100, NULL },
	{ "career-step", VT_ENUM, false, 0, 0, v_yesno },
	A_END
};
static const struct attr_spec a_outcome[] = {
	{ "person", VT_IDREF, true, 0, 0, NULL },
	{ "kind", VT_ENUM, true, 0, 0, v_outcome },
	{ "date", VT_DATE, false, 0, 0, NULL },
	A_END
};
static const struct attr_spec a_tandem[] = {
	{ "mentee", VT_IDREF, true, 0, 0, NULL },
	{ "mentor", VT_IDREF, true, 0, 0, NULL },
	{ "score", VT_INT, false, 0, 100, NULL },
	A_END
};

static const struct child_spec c_none[] = { C_END };
static const struct child_spec c_programme[] = {
	{ EL_TITLE, true, false }, { EL_EDITION, false, false },
	{ EL_PERIOD, true, false }, { EL_ORGANISATIONS, false, false },
	{ EL_COORDINATORS, false, false }, { EL_TOPICS, false, false },
	{ EL_PEOPLE, false, false }, { EL_MATCHING, false, false },
	{ EL_EVENTS, false, false }, { EL_SIGNATORIES, false, false },
	{ EL_EVALUATION, false, false }, { EL_OUTCOMES, false, false },
	{ EL_TANDEMS, false, false }, C_END
};
static const struct child_spec c_organisations[] = {
	{ EL_ORGANISATION, false, true }, C_END
};
static const struct child_spec c_coordinators[] = {
	{ EL_COORDINATOR, false, true }, C_END
};
static const struct child_spec c_topics[] = { { EL_TOPIC, false, true }, C_END };
static const struct child_spec c_people[] = { { EL_PERSON, false, true }, C_END };
static const struct child_spec c_person[] = {
	{ EL_NAME, true, false }, { EL_UNIT, false, false },
	{ EL_POSITION, false, false }, { EL_EMAIL, false, false },
	{ EL_PHONE, false, false }, C_END
};
static const struct child_spec c_matching[] = {
	{ EL_WEIGHTS, false, false }, { EL_RULES, false, false },
	{ EL_PIN, false, true }, { EL_FORBID, false, true }, C_END
};
static const struct child_spec c_events[] = { { EL_EVENT, false, true }, C_END };
static const struct child_spec c_signatories[] = {
	{ EL_SIGNATORY, false, true }, C_END
};
static const struct child_spec c_evaluation[] = {
	{ EL_RESPONSE, false, true }, C_END
};
static const struct child_spec c_outcomes[] = {
	{ EL_OUTCOME, false, true }, C_END
};
static const struct child_spec c_tandems[] = { { EL_TANDEM, false, true }, C_END };

/* The structure of both files, one entry per element name. */
const struct elem_spec load_elems[EL__MAX] = {
	[EL_PROGRAMME] = { "programme", CT_ELEMENTS, a_programme, c_programme },
	[EL_TITLE] = { "title", CT_TEXT, a_none, c_none },
	[EL_EDITION] = { "edition", CT_TEXT, a_none, c_none },
	[EL_PERIOD] = { "period", CT_EMPTY, a_period, c_none },
	[EL_ORGANISATIONS] = { "organisations", CT_ELEMENTS, a_none,
	    c_organisations },
	[EL_ORGANISATION] = { "organisation", CT_TEXT, a_organisation, c_none },
	[EL_COORDINATORS] = { "coordinators", CT_ELEMENTS, a_none,
	    c_coordinators },
	[EL_COORDINATOR] = { "coordinator", CT_EMPTY, a_coordinator, c_none },
	[EL_TOPICS] = { "topics", CT_ELEMENTS, a_none, c_topics },
	[EL_TOPIC] = { "topic", CT_TEXT, a_topic, c_none },
	[EL_PEOPLE] = { "people", CT_ELEMENTS, a_none, c_people },
	[EL_PERSON] = { "person", CT_ELEMENTS, a_person, c_person },
	[EL_NAME] = { "name", CT_EMPTY, a_name, c_none },
	[EL_UNIT] = { "unit", CT_TEXT, a_none, c_none },
	[EL_POSITION] = { "position", CT_TEXT, a_none, c_none },
	[EL_EMAIL] = { "email", CT_TEXT, a_none, c_none },
	[EL_PHONE] = { "phone", CT_TEXT, a_none, c_none },
	[EL_MATCHING] = { "matching", CT_ELEMENTS, a_none, c_matching },
	[EL_WEIGHTS] = { "weights", CT_EMPTY, a_weights, c_none },
	[EL_RULES] = { "rules", CT_EMPTY, a_rules, c_none },
	[EL_PIN] = { "pin", CT_EMPTY, a_pin, c_none },
	[EL_FORBID] = { "forbid", CT_EMPTY, a_forbid, c_none },
	[EL_EVENTS] = { "events", CT_ELEMENTS, a_none, c_events },
	[EL_EVENT] = { "event", CT_TEXT, a_event, c_none },
	[EL_SIGNATORIES] = { "signatories", CT_ELEMENTS, a_none,
	    c_signatories },
	[EL_SIGNATORY] = { "signatory", CT_EMPTY, a_signatory, c_none },
	[EL_EVALUATION] = { "evaluation", CT_ELEMENTS, a_none, c_evaluation },
	[EL_RESPONSE] = { "response", CT_EMPTY, a_response, c_none },
	[EL_OUTCOMES] = { "outcomes", CT_ELEMENTS, a_none, c_outcomes },
	[EL_OUTCOME] = { "outcome", CT_EMPTY, a_outcome, c_none },
	[EL_TANDEMS] = { "tandems", CT_ELEMENTS, a_none, c_tandems },
	[EL_TANDEM] = { "tandem", CT_EMPTY, a_tandem, c_none },
};

/* The element kind of a name, or EL__MAX for an unknown name. */
enum el
load_el_lookup(const char *name)
{
	for (int i = 0; i < EL__MAX; i++)
		if (strcmp(load_elems[i].name, name) == 0)
			return (enum el)i;
	return EL__MAX;
}

/* "a, b or c" from a NULL-terminated list. */
void
load_list_words(struct strbuf *sb, const char *const *v)
{
	for (size_t i = 0; v[i] != NULL; i++) {
		if (i > 0)
			sb_adds(sb, v[i + 1] == NULL ? " or " : ", ");
		sb_adds(sb, v[i]);
	}
}

/* Index of s in the NULL-terminated list v, or -1. */
int
load_enum_index(const char *s, const char *const *v)
{
	for (int i = 0; v[i] != NULL; i++)
		if (strcmp(s, v[i]) == 0)
			return i;
	return -1;
}

/* Is s a whole number (optional sign, digits)? Stores it in *out. */
bool
load_parse_int(const char *s, long *out)
{
	char *end;
	long v;

	if (*s == '\0')
		return false;
	for (const char *q = (*s == '-' || *s == '+') ? s + 1 : s; ; q++) {
		if (*q == '\0')
			break;
		if (*q < '0' || *q > '9')
			return false;
	}
	if (s[0] == '+' || s[0] == '-') {
		if (s[1] == '\0')
			return false;
	}
	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || *end != '\0')
		return false;
	*out = v;
	return true;
}

/* Is s a decimal number like 2, 1.5 or .5 (no exponent)? */
bool
load_parse_num(const char *s, double *out)
{
	const char *q = s;
	bool digits = false;

	if (*q == '-' || *q == '+')
		q++;
	while (*q >= '0' && *q <= '9') {
		q++;
		digits = true;
	}
	if (*q == '.') {
		q++;
		while (*q >= '0' && *q <= '9') {
			q++;
			digits = true;
		}
	}
	if (!digits || *q != '\0')
		return false;
	*out = strtod(s, NULL);
	return isfinite(*out);
}

char *
load_squeeze(char *s)
{
	char *r = s, *w = s;
	bool space = false;

	while (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r')
		r++;
	for (; *r != '\0'; r++) {
		if (*r == ' ' || *r == '\t' || *r == '\n' || *r == '\r') {
			space = true;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	return s;
}
