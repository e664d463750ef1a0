/*
 * Unit tests for src/compose: role words (f/m/d x three styles x de/en),
 * dates and labels, certificate numbers, and placeholder expansion on the
 * cmark tree (every kind, literal Markdown characters in data, split text
 * nodes, errors with positions).
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <fontconfig/fontconfig.h>

#include "harness.h"
#include "fixture.h"
#include "compose/certno.h"
#include "compose/compose.h"
#include "compose/figures.h"
#include "compose/fit.h"
#include "compose/grammar.h"
#include "device/font.h"
#include "compose/labels.h"
#include "compose/placeholder.h"
#include "compose/wording.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* The no-break space that joins the parts of a long date. */
#define NB	"\xc2\xa0"

/* A small cross-mentoring programme like the sample. */
static struct programme *
sample(void)
{
	struct programme *p = programme_new();

	p->id = xstrdup("ccm-2022");
	p->title = xstrdup("Interkommunales Cross-Mentoring");
	p->edition = xstrdup("1. Durchgang 2022/2023");
	p->kind = KIND_CROSS;
	p->start = (struct date){ 2022, 8, 15 };
	p->end = (struct date){ 2023, 11, 15 };
	p->norgs = 2;
	p->orgs = xcalloc(2, sizeof(*p->orgs));
	p->orgs[0].id = xstrdup("k");
	p->orgs[0].name = xstrdup("Stadt Köln");
	p->orgs[0].short_name = xstrdup("Köln");
	p->orgs[1].id = xstrdup("d_1");
	p->orgs[1].name = xstrdup("Landeshauptstadt Düsseldorf");
	fx_topics(p);
	fx_person(p, "p01", ROLE_MENTEE, GENDER_F, "Dr.", "Aylin", "Yılmaz",
	    0);
	p->people[0].topics = xcalloc(2, sizeof(int));
	p->people[0].topics[0] = 0;
	p->people[0].topics[1] = 1;
	p->people[0].ntopics = 2;
	p->people[0].unit = xstrdup("Amt für Personal");
	fx_person(p, "p02", ROLE_MENTEE, GENDER_M, NULL, "Jan", "Nowak", 1);
	fx_person(p, "p03", ROLE_MENTEE, GENDER_F, NULL, "*Lena*",
	    "[Klick](http://x.example) <b>", 1);
	p->people[2].status = STATUS_WITHDRAWN;
	fx_person(p, "p11", ROLE_MENTOR, GENDER_M, NULL, "Jonas", "Becker", 1);
	p->people[3].topics = xcalloc(2, sizeof(int));
	p->people[3].topics[0] = 1;
	p->people[3].topics[1] = 2;
	p->people[3].ntopics = 2;
	fx_person(p, "p12", ROLE_MENTOR, GENDER_F, NULL, "Sabine", "Krüger",
	    0);
	fx_person(p, "p13", ROLE_MENTOR, GENDER_UNKNOWN, NULL, "Kim", "Lee",
	    0);
	p->ntandems = 1;
	p->tandems = xcalloc(1, sizeof(*p->tandems));
	p->tandems[0].mentee = 0;
	p->tandems[0].mentor = 3;
	p->tandems[0].score = 78;
	p->nevents = 2;
	p->events = xcalloc(2, sizeof(*p->events));
	p->events[0].date = (struct date){ 2022, 8, 15 };
	p->events[0].kind = EVENT_KICKOFF;
	p->events[0].title = xstrdup("Auftakt");
	p->events[1].date = (struct date){ 2023, 11, 10 };
	p->events[1].kind = EVENT_CLOSING;
	p->events[1].place = xstrdup("Düsseldorf");
	p->events[1].title = xstrdup("Abschluss");
	return p;
}

static void
test_wording(void)
{
	/* The table of tandem-texts(5), WORDING, row by row. */
	static const struct {
		enum wording	 w;
		const char	*f, *m, *d, *plural;
	} rows[] = {
		{ WORDING_PAIR, "Mentorin", "Mentor", "Mentorin/Mentor",
		  "Mentorinnen und Mentoren" },
		{ WORDING_NEUTRAL, "Mentorin", "Mentor",
		  "mentorierende Person", "Mentorierende" },
		{ WORDING_COLON, "Mentorin", "Mentor", "Mentor:in",
		  "Mentor:innen" },
	};

	for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++) {
		enum wording w = rows[i].w;

		CHECK_STR(wording_role(LANG_DE, w, ROLE_MENTOR, GENDER_F),
		    rows[i].f);
		CHECK_STR(wording_role(LANG_DE, w, ROLE_MENTOR, GENDER_M),
		    rows[i].m);
		CHECK_STR(wording_role(LANG_DE, w, ROLE_MENTOR, GENDER_D),
		    rows[i].d);
		CHECK_STR(wording_role(LANG_DE, w, ROLE_MENTOR,
		    GENDER_UNKNOWN), rows[i].d);
		CHECK_STR(wording_role_any(LANG_DE, w, ROLE_MENTOR),
		    rows[i].d);
		CHECK_STR(wording_roles(LANG_DE, w, ROLE_MENTOR),
		    rows[i].plural);
		CHECK_STR(wording_roles(LANG_DE, w, ROLE_MENTEE), "Mentees");
		for (int g = 0; g < GENDER__MAX; g++) {
			CHECK_STR(wording_role(LANG_DE, w, ROLE_MENTEE,
			    (enum gender)g), "Mentee");
			CHECK_STR(wording_role(LANG_EN, w, ROLE_MENTEE,
			    (enum gender)g), "mentee");
			CHECK_STR(wording_role(LANG_EN, w, ROLE_MENTOR,
			    (enum gender)g), "mentor");
		}
		CHECK_STR(wording_roles(LANG_EN, w, ROLE_MENTOR), "mentors");
		CHECK_STR(wording_roles(LANG_EN, w, ROLE_MENTEE), "mentees");
	}
	/* Out-of-range values from corrupt data fall back, never crash. */
	CHECK(wording_role((enum lang)7, (enum wording)9, (enum role)5,
	    (enum gender)-1) != NULL);
}

static void
test_dates(void)
{
	static const char *const de[12] = { "Januar", "Februar", "März",
	    "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
	    "November", "Dezember" };
	static const char *const en[12] = { "January", "February", "March",
	    "April", "May", "June", "July", "August", "September", "October",
	    "November", "December" };
	struct strbuf sb = STRBUF_INIT;
	char want[64];

	for (int m = 1; m <= 12; m++) {
		sb_clear(&sb);
		label_date_long(&sb, LANG_DE, (struct date){ 2023, m, 1 });
		snprintf(want, sizeof(want), "1." NB "%s" NB "2023", de[m - 1]);
		CHECK_STR(sb_str(&sb), want);
		sb_clear(&sb);
		label_date_long(&sb, LANG_EN, (struct date){ 2023, m, 28 });
		snprintf(want, sizeof(want), "28" NB "%s" NB "2023", en[m - 1]);
		CHECK_STR(sb_str(&sb), want);
	}
	CHECK_STR(label_month(LANG_DE, 0), "");
	CHECK_STR(label_month(LANG_DE, 13), "");
	/* Edge days; nothing for an unset date or an impossible month. */
	sb_clear(&sb);
	label_date_long(&sb, LANG_DE, (struct date){ 1999, 12, 31 });
	CHECK_STR(sb_str(&sb), "31." NB "Dezember" NB "1999");
	sb_clear(&sb);
	label_date_long(&sb, LANG_EN, (struct date){ 2000, 1, 1 });
	CHECK_STR(sb_str(&sb), "1" NB "January" NB "2000");
	sb_clear(&sb);
	label_date_long(&sb, LANG_DE, (struct date){ 0, 0, 0 });
	label_date_long(&sb, LANG_EN, (struct date){ 2023, 0, 1 });
	label_date_long(&sb, LANG_EN, (struct date){ 2023, 13, 1 });
	CHECK_STR(sb_str(&sb), "");

	sb_clear(&sb);
	label_period(&sb, LANG_DE, (struct date){ 2022, 8, 15 },
	    (struct date){ 2023, 11, 15 });
	CHECK_STR(sb_str(&sb), "15." NB "August" NB "2022 bis 15." NB "November" NB "2023");
	sb_clear(&sb);
	label_period(&sb, LANG_EN, (struct date){ 2022, 8, 15 },
	    (struct date){ 2023, 11, 15 });
	CHECK_STR(sb_str(&sb), "15" NB "August" NB "2022 to 15" NB "November" NB "2023");
	sb_clear(&sb);
	label_period(&sb, LANG_DE, (struct date){ 2022, 8, 15 },
	    (struct date){ 0, 0, 0 });
	CHECK_STR(sb_str(&sb), "15." NB "August" NB "2022");

	/* Leap years and weekdays. */
	sb_clear(&sb);
	label_date_long(&sb, LANG_DE, (struct date){ 2024, 2, 29 });
	CHECK_STR(sb_str(&sb), "29." NB "Februar" NB "2024");
	CHECK_STR(label_weekday(LANG_DE, (struct date){ 2024, 2, 29 }),
	    "Donnerstag");
	CHECK_STR(label_weekday(LANG_DE, (struct date){ 2000, 2, 29 }),
	    "Dienstag");
	CHECK_STR(label_weekday(LANG_EN, (struct date){ 2022, 8, 15 }),
	    "Monday");
	CHECK_STR(label_weekday(LANG_DE, (struct date){ 2023, 1, 1 }),
	    "Sonntag");
	CHECK_STR(label_weekday(LANG_DE, (struct date){ 1900, 3, 1 }),
	    "Donnerstag");
	CHECK_STR(label_weekday(LANG_DE, (struct date){ 2100, 3, 1 }),
	    "Montag");

	sb_clear(&sb);
	label_date_short(&sb, LANG_DE, (struct date){ 2022, 8, 5 });
	CHECK_STR(sb_str(&sb), "05.08.2022");
	sb_clear(&sb);
	label_page(&sb, LANG_DE, 3, 24);
	CHECK_STR(sb_str(&sb), "Seite 3 von 24");
	sb_clear(&sb);
	label_page(&sb, LANG_EN, 3, 24);
	CHECK_STR(sb_str(&sb), "Page 3 of 24");
	sb_clear(&sb);
	label_page(&sb, LANG_DE, 7, 0);
	CHECK_STR(sb_str(&sb), "Seite 7");

	CHECK_STR(label_get(LANG_DE, LABEL_PARTICIPANTS), "Teilnehmende");
	CHECK_STR(label_get(LANG_EN, LABEL_EVENTS), "Schedule");
	CHECK_STR(label_event_kind(LANG_DE, EVENT_CLOSING),
	    "Abschlussveranstaltung");
	/* The statistics' words are in the same table. */
	CHECK_STR(label_get(LANG_DE, LABEL_STATS_TOTAL), "Insgesamt");
	CHECK_STR(label_get(LANG_DE, LABEL_TOTAL), "Gesamt");
	/* Where documents and statistics differ, one function, two forms. */
	CHECK_STR(label_gender(LANG_DE, GENDER_F, LABEL_FORM_DOCS), "Frauen");
	CHECK_STR(label_gender(LANG_DE, GENDER_F, LABEL_FORM_STATS),
	    "weiblich");
	CHECK_STR(label_gender(LANG_EN, GENDER_D, LABEL_FORM_STATS),
	    "Diverse");
	CHECK_STR(label_outcome_kind(LANG_EN, OUTCOME_OTHER, LABEL_FORM_DOCS),
	    "Other");
	CHECK_STR(label_outcome_kind(LANG_EN, OUTCOME_OTHER,
	    LABEL_FORM_STATS), "Other change");
	CHECK_STR(label_status(LANG_DE, STATUS_ACTIVE), "laufend");
	/* Every word exists in both languages (and in every form). */
	for (int l = 0; l < LANG__MAX; l++) {
		enum lang ll = (enum lang)l;

		for (int i = 0; i < LABEL__MAX; i++)
			CHECK(label_get(ll, (enum label)i) != NULL &&
			    label_get(ll, (enum label)i)[0] != '\0');
		for (int f = 0; f < LABEL_FORM__MAX; f++) {
			for (int g = 0; g < GENDER__MAX; g++)
				CHECK(label_gender(ll, (enum gender)g,
				    (enum label_form)f) != NULL);
			for (int k = 0; k < OUTCOME__MAX; k++)
				CHECK(label_outcome_kind(ll,
				    (enum outcome_kind)k,
				    (enum label_form)f) != NULL);
		}
		for (int s = 0; s < STATUS__MAX; s++)
			CHECK(label_status(ll, (enum status)s) != NULL);
		for (int k = 0; k < EVENT__MAX; k++)
			CHECK(label_event_kind(ll, (enum event_kind)k) != NULL);
	}
	sb_free(&sb);
}

static void
test_certno(void)
{
	char *a = certno_make("ccm-2022", "p01");
	char *b = certno_make("ccm-2022", "p01");
	char *c = certno_make("ccm-2022", "p02");
	char *d = certno_make("ccm-2023", "p01");
	char chk[5];

	CHECK_STR(a, b);			/* stable */
	CHECK(strcmp(a, c) != 0);		/* unique per person */
	CHECK(strcmp(a, d) != 0);		/* and per programme */
	CHECK(strncmp(a, "ccm-2022/p01-", 13) == 0);
	CHECK_INT(strlen(a), 17);
	certno_check("ccm-2022", "p01", chk);
	CHECK_STR(a + 13, chk);
	CHECK(strpbrk(chk, "ILOU") == NULL);
	/* "a-b" + "c" and "a" + "b-c" differ: '/' separates the ids. */
	free(b);
	b = certno_make("a-b", "c");
	free(c);
	c = certno_make("a", "b-c");
	CHECK(strcmp(b, c) != 0);
	/* A known value, so that the number never changes by accident. */
	certno_check("x", "y", chk);
	CHECK_STR(chk, "NS09");
	CHECK_STR(a, "ccm-2022/p01-H2BN");
	free(a);
	free(b);
	free(c);
	free(d);
}

/* Expand one string in a context and return the result (static buffer). */
static const char *
xp(const struct compose_ctx *c, const char *s, int *errors)
{
	static struct strbuf sb;

	sb_clear(&sb);
	*errors = placeholder_expand_str(&sb, s, strlen(s), c, "t.md", 4, 1);
	return sb_str(&sb);
}

/* Expect text s to give exactly one error containing msg. */
static void
xp_err(const struct compose_ctx *c, const char *s, const char *msg)
{
	int e;

	fx_capture();
	xp(c, s, &e);
	CHECK_INT(e, 1);
	if (strstr(fx_captured(), msg) == NULL) {
		harness_fail++;
		fprintf(stderr, "for %s: want \"%s\" in \"%s\"\n", s, msg,
		    fx_captured());
	} else
		harness_pass++;
}

static void
add_response(struct programme *p, enum role r, int sat, int meet, int step)
{
	p->responses = xrealloc(p->responses, (p->nresponses + 1) *
	    sizeof(*p->responses));
	p->responses[p->nresponses++] = (struct response){ r, sat, meet, step,
	    1 };
}

static void
test_placeholders(void)
{
	struct programme *p = sample();
	struct compose_ctx c;
	int e;

	fx_capture();
	compose_ctx_init(&c, p, COMPOSE_HANDBOOK);
	CHECK_STR(xp(&c, "{{programme.title}}", &e),
	    "Interkommunales Cross-Mentoring");
	CHECK_STR(xp(&c, "{{ programme.edition }}", &e),
	    "1. Durchgang 2022/2023");
	CHECK_STR(xp(&c, "{{programme.id}}", &e), "ccm-2022");
	CHECK_STR(xp(&c, "[{{programme.place}}]", &e), "[]");	/* absent */
	/* Never the closing event's venue. */
	CHECK_STR(xp(&c, "[{{place}}]", &e), "[]");
	CHECK_STR(xp(&c, "{{date}}", &e), "10." NB "November" NB "2023");
	CHECK_STR(xp(&c, "{{period}}", &e),
	    "15." NB "August" NB "2022 bis 15." NB "November" NB "2023");
	CHECK_STR(xp(&c, "{{programme.start}}–{{programme.end}}", &e),
	    "15." NB "August" NB "2022–15." NB "November" NB "2023");
	CHECK_STR(xp(&c, "{{period.start}}/{{period.end}}", &e),
	    "15." NB "August" NB "2022/15." NB "November" NB "2023");
	CHECK_STR(xp(&c, "{{programme.months}}", &e), "15");
	CHECK_STR(xp(&c, "{{topics}}", &e),
	    "Karriereplanung, Networking und Führung");
	CHECK_STR(xp(&c, "{{organisations}}", &e),
	    "Stadt Köln und Landeshauptstadt Düsseldorf");
	CHECK_STR(xp(&c, "{{roles.mentors}} und {{roles.mentees}}", &e),
	    "Mentorinnen und Mentoren und Mentees");
	CHECK_STR(xp(&c, "{{roles.mentor}}, {{roles.mentee}}", &e),
	    "Mentorin/Mentor, Mentee");
	CHECK_STR(xp(&c, "{{count role=mentee}}", &e), "2");
	CHECK_STR(xp(&c, "{{count role=mentee status=all}}", &e), "3");
	CHECK_STR(xp(&c, "{{count status=withdrawn role=mentee}}", &e), "1");
	CHECK_STR(xp(&c, "{{count role=mentee gender=f}}", &e), "1");
	CHECK_STR(xp(&c, "{{count role=mentor gender=unknown}}", &e), "1");
	CHECK_STR(xp(&c, "{{count org=d_1}}", &e), "2");
	CHECK_STR(xp(&c, "{{count}}", &e), "5");
	CHECK_STR(xp(&c, "{{count background=any}}", &e), "0");
	p->people[1].background = xstrdup("migration");
	CHECK_STR(xp(&c, "{{count background=migration role=mentee}}", &e),
	    "1");
	CHECK_STR(xp(&c, "{{count background=other}}", &e), "0");
	CHECK_STR(xp(&c, "{{tandems.count}}", &e), "1");
	/* Fixed by the coordinators or formed by matching. */
	p->tandem_source = TANDEMS_MATCHED;
	CHECK_STR(xp(&c, "{{tandems.fixed}} {{if tandems.fixed}}fest{{else}}"
	    "Matching{{end}}", &e), "0 Matching");
	p->tandem_source = TANDEMS_FILE;
	CHECK_STR(xp(&c, "{{tandems.fixed}} {{if tandems.fixed}}fest{{else}}"
	    "Matching{{end}}", &e), "1 fest");
	p->tandem_source = TANDEMS_INLINE;
	CHECK_STR(xp(&c, "{{if tandems.fixed}}fest{{end}}", &e), "fest");
	CHECK_STR(xp(&c, "{{events.count}} {{events.count kind=closing}} "
	    "{{events.count kind=seminar}}", &e), "2 1 0");
	CHECK_STR(xp(&c, "{{event.closing.date}} in {{event.closing.place}}: "
	    "{{event.closing.title}}; [{{event.kickoff.place}}]", &e),
	    "10." NB "November" NB "2023 in Düsseldorf: Abschluss; []");
	CHECK_STR(fx_captured(), "");

	/* English and the other wordings. */
	p->lang = LANG_EN;
	CHECK_STR(xp(&c, "{{period}}", &e),
	    "15" NB "August" NB "2022 to 15" NB "November" NB "2023");
	CHECK_STR(xp(&c, "{{Roles.mentors}}, {{roles.mentees}}", &e),
	    "Mentors, mentees");
	CHECK_STR(xp(&c, "{{topics}}", &e),
	    "Karriereplanung, Networking and Führung");
	p->lang = LANG_DE;
	p->wording = WORDING_COLON;
	CHECK_STR(xp(&c, "{{roles.mentors}}, {{roles.mentor}}", &e),
	    "Mentor:innen, Mentor:in");
	p->wording = WORDING_NEUTRAL;
	CHECK_STR(xp(&c, "{{roles.mentor}}. {{Roles.mentor}}", &e),
	    "mentorierende Person. Mentorierende Person");
	CHECK_STR(xp(&c, "{{roles.mentors}}", &e), "Mentorierende");

	/* A certificate: the holder's own form only. */
	compose_ctx_person(&c, p, 0);
	CHECK_STR(xp(&c, "{{person.name}} ({{person.role}}, {{person.org}},"
	    " {{person.org-short}}, {{person.unit}})", &e),
	    "Dr. Aylin Yılmaz (Mentee, Stadt Köln, Köln, Amt für Personal)");
	CHECK_STR(xp(&c, "{{person.topics}}|{{person.position}}|"
	    "{{person.title}}|{{person.given}}|{{person.family}}", &e),
	    "Karriereplanung und Networking||Dr.|Aylin|Yılmaz");
	/* Affiliation leaves out the missing position. */
	CHECK_STR(xp(&c, "{{person.affiliation}}", &e),
	    "Amt für Personal, Stadt Köln");
	{
		char *want = certno_make("ccm-2022", "p01");

		CHECK_STR(xp(&c, "{{person.certno}}", &e), want);
		free(want);
	}
	CHECK_STR(fx_captured(), "");
	compose_ctx_person(&c, p, 4);
	CHECK_STR(xp(&c, "{{person.role}}", &e), "Mentorin");
	compose_ctx_person(&c, p, 3);
	CHECK_STR(xp(&c, "{{person.role}}", &e), "Mentor");
	compose_ctx_person(&c, p, 5);		/* Kim, gender unknown */
	CHECK_STR(xp(&c, "{{person.role}}", &e), "mentorierende Person");
	CHECK_STR(xp(&c, "{{Person.role}}", &e), "Mentorierende Person");
	p->wording = WORDING_PAIR;
	CHECK_STR(xp(&c, "{{person.role}}", &e), "Mentorin/Mentor");
	p->wording = WORDING_COLON;
	CHECK_STR(xp(&c, "{{person.role}}", &e), "Mentor:in");
	p->lang = LANG_EN;
	CHECK_STR(xp(&c, "{{Person.role}}", &e), "Mentor");
	p->lang = LANG_DE;
	p->wording = WORDING_PAIR;
	/* A certificate text only being checked: no person, empty values. */
	compose_ctx_init(&c, p, COMPOSE_CERTIFICATE);
	CHECK_STR(xp(&c, "[{{person.name}}]", &e), "[]");
	CHECK_INT(e, 0);

	/* An agreement: mentee and mentor from the tandem. */
	compose_ctx_tandem(&c, p, 0);
	CHECK_STR(xp(&c, "{{mentee.name}} & {{mentor.name}} "
	    "({{mentor.org}}, {{mentor.role}})", &e),
	    "Dr. Aylin Yılmaz & Jonas Becker (Landeshauptstadt Düsseldorf, "
	    "Mentor)");
	CHECK_STR(xp(&c, "{{tandem.topics}} {{tandem.score}}", &e),
	    "Networking 78");
	CHECK_STR(fx_captured(), "");

	/* The report: evaluation and outcomes. */
	compose_ctx_init(&c, p, COMPOSE_REPORT);
	CHECK_STR(xp(&c, "{{evaluation.count}} {{evaluation.satisfaction}} "
	    "{{evaluation.meetings}} {{evaluation.career-step as=percent}}",
	    &e), "0 – – –");
	add_response(p, ROLE_MENTEE, 5, 11, 1);
	add_response(p, ROLE_MENTEE, 4, -1, 0);
	add_response(p, ROLE_MENTEE, 0, 8, -1);
	add_response(p, ROLE_MENTOR, 3, 10, -1);
	CHECK_STR(xp(&c, "{{evaluation.count}} {{evaluation.count "
	    "role=mentor}} {{evaluation.satisfaction role=mentee}} "
	    "{{evaluation.satisfaction}} {{evaluation.meetings role=mentee}}",
	    &e), "4 1 4,5 4,0 9,5");
	CHECK_STR(xp(&c, "{{evaluation.career-step}} "
	    "{{evaluation.career-step as=percent}}", &e), "1 50");
	p->lang = LANG_EN;
	CHECK_STR(xp(&c, "{{evaluation.satisfaction role=mentee}}", &e),
	    "4.5");
	p->lang = LANG_DE;
	p->noutcomes = 3;
	p->outcomes = xcalloc(3, sizeof(*p->outcomes));
	p->outcomes[0] = (struct outcome){ 0, OUTCOME_POSITION_CHANGE,
	    { 2023, 3, 1 }, 1 };
	p->outcomes[1] = (struct outcome){ 1, OUTCOME_PROMOTION,
	    { 2024, 3, 1 }, 1 };
	p->outcomes[2] = (struct outcome){ 1, OUTCOME_POSITION_CHANGE,
	    { 2023, 11, 15 }, 1 };
	CHECK_STR(xp(&c, "{{outcomes.count}} {{outcomes.count "
	    "kind=position-change}} {{outcomes.count within=period}} "
	    "{{outcomes.count within=after kind=promotion}}", &e), "3 2 2 1");
	CHECK_STR(fx_captured(), "");

	/* Errors, with file, line and column. */
	compose_ctx_init(&c, p, COMPOSE_HANDBOOK);
	fx_capture();
	xp(&c, "ab {{programme.titel}} cd", &e);
	CHECK_INT(e, 1);
	CHECK_STR(fx_captured(), "tandem: t.md:4:4: error: unknown placeholder "
	    "'programme.titel'\n");
	fx_capture();
	CHECK_STR(xp(&c, "x {{period", &e), "x {{period");
	CHECK_INT(e, 1);
	CHECK_STR(fx_captured(), "tandem: t.md:4:3: error: unclosed placeholder:"
	    " '{{' without '}}'\n");
	xp_err(&c, "{{person.name}}", "placeholder 'person.name' is not "
	    "available in this text");
	xp_err(&c, "{{mentor.name}}", "placeholder 'mentor.name' is not "
	    "available");
	xp_err(&c, "{{evaluation.count}}", "not available");
	xp_err(&c, "{{tandem.score}}", "not available");
	xp_err(&c, "{{count role=boss}}", "invalid value 'boss' for 'role' "
	    "in placeholder 'count'");
	xp_err(&c, "{{count gender=x}}", "invalid value 'x' for 'gender'");
	xp_err(&c, "{{count status=any}}", "invalid value 'any'");
	xp_err(&c, "{{count org=zz}}", "unknown organisation 'zz'");
	xp_err(&c, "{{count colour=red}}", "unknown argument 'colour' in "
	    "placeholder 'count'");
	xp_err(&c, "{{count role=mentee role=mentor}}", "argument 'role' "
	    "given twice");
	xp_err(&c, "{{count role}}", "argument 'role' is not KEY=VALUE");
	xp_err(&c, "{{period x=1}}", "unknown argument 'x' in placeholder "
	    "'period'");
	xp_err(&c, "{{}}", "unknown placeholder ''");
	xp_err(&c, "{{a*b}}", "unknown placeholder 'a*b'");
	xp_err(&c, "{{person.nam}}", "unknown placeholder 'person.nam'");
	xp_err(&c, "{{event.party.date}}", "unknown placeholder");
	xp_err(&c, "{{event.seminar.date}}", "placeholder "
	    "'event.seminar.date': the programme has no event of kind "
	    "'seminar'");
	xp_err(&c, "{{events.count kind=party}}", "invalid value 'party'");
	xp_err(&c, "{{form.topics}}", "placeholder 'form.topics' is not "
	    "available");
	compose_ctx_init(&c, p, COMPOSE_REPORT);
	xp_err(&c, "{{outcomes.count within=before}}", "invalid value "
	    "'before' for 'within'");
	xp_err(&c, "{{evaluation.career-step as=share}}", "invalid value");
	xp_err(&c, "Text {{report.meetings}}", "placeholder 'report.meetings'"
	    " must stand alone in its own paragraph");
	/* A very long bogus name is shortened in the message. */
	{
		char big[300];

		memset(big, 'x', sizeof(big));
		memcpy(big, "{{", 2);
		memcpy(big + sizeof(big) - 3, "}}", 3);
		fx_capture();
		xp(&c, big, &e);
		CHECK_INT(e, 1);
		CHECK(strlen(fx_captured()) < 140);
	}
	/* Many errors in one text: all are reported. */
	fx_capture();
	xp(&c, "{{a}} {{b}} {{c}}", &e);
	CHECK_INT(e, 3);
	CHECK_INT(diag_count(DIAG_ERROR), 3);
	programme_free(p);
}

/* All text of a tree: literals of text and code nodes, soft breaks as
 * "\n", and the node types seen as letters (E emph, L link, H html). */
static void
tree_text(cmark_node *root, struct strbuf *text, struct strbuf *types)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
			sb_adds(text, cmark_node_get_literal(n));
			sb_addc(types, 't');
			break;
		case CMARK_NODE_CODE:
		case CMARK_NODE_CODE_BLOCK:
			sb_adds(text, cmark_node_get_literal(n));
			sb_addc(types, 'c');
			break;
		case CMARK_NODE_SOFTBREAK:
			sb_addc(text, '\n');
			sb_addc(types, 's');
			break;
		case CMARK_NODE_EMPH:
			sb_addc(types, 'E');
			break;
		case CMARK_NODE_LINK:
			sb_addc(types, 'L');
			break;
		case CMARK_NODE_HTML_INLINE:
			sb_addc(types, 'H');
			break;
		case CMARK_NODE_PARAGRAPH:
			sb_addc(types, 'P');
			break;
		case CMARK_NODE_CUSTOM_BLOCK: {
			int k, arg;

			k = placeholder_block(n, &arg);
			sb_addf(types, "B%d.%d", k, arg);
			break;
		}
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Parse md, expand in context c, return the text and node types. */
static int
tree(const struct compose_ctx *c, const char *md, struct strbuf *text,
    struct strbuf *types)
{
	char *src = xstrdup(md);
	cmark_node *doc;

	placeholder_escape_source(src, strlen(src));
	doc = cmark_parse_document(src, strlen(src), CMARK_OPT_SOURCEPOS);
	free(src);
	int e = placeholder_expand_tree(doc, c, "h.md");

	sb_clear(text);
	sb_clear(types);
	tree_text(doc, text, types);
	cmark_node_free(doc);
	return e;
}

/* Split a text node in two, as cmark may do at punctuation. */
static void
split_text(cmark_node *n, size_t at)
{
	const char *lit = cmark_node_get_literal(n);
	char *a = xstrndup(lit, at), *b = xstrdup(lit + at);
	cmark_node *m = cmark_node_new(CMARK_NODE_TEXT);

	cmark_node_set_literal(n, a);
	cmark_node_set_literal(m, b);
	cmark_node_insert_after(n, m);
	free(a);
	free(b);
}

static void
test_tree(void)
{
	struct programme *p = sample();
	struct compose_ctx c;
	struct strbuf text = STRBUF_INIT, types = STRBUF_INIT;
	cmark_node *doc, *para, *t;
	int e;

	fx_capture();
	/* Data with Markdown characters stays literal text. */
	compose_ctx_person(&c, p, 2);
	e = tree(&c, "Hallo {{person.name}}!\n", &text, &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&text), "Hallo *Lena* [Klick](http://x.example) "
	    "<b>!");
	CHECK_STR(sb_str(&types), "Pt");

	/* Emphasis around a placeholder stays; the value is inside. */
	compose_ctx_init(&c, p, COMPOSE_HANDBOOK);
	e = tree(&c, "# {{programme.title}}\n\n*{{period.start}}* and "
	    "`{{code}}`\n", &text, &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&text), "Interkommunales Cross-Mentoring"
	    "15." NB "August" NB "2022 and {{code}}");
	CHECK_STR(sb_str(&types), "tPEttc");

	/* A placeholder broken over two lines (soft break) still works. */
	e = tree(&c, "Es gibt {{count role=mentee\ngender=f}} Frauen\nund "
	    "mehr.\n", &text, &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&text), "Es gibt 1 Frauen\nund mehr.");
	CHECK_STR(sb_str(&types), "Ptst");

	/* Underscores in an org id split cmark's text; still one value. */
	e = tree(&c, "Aus D: {{count org=d_1 role=mentee}}.\n", &text,
	    &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&text), "Aus D: 1.");

	/* Split text nodes by hand at every position inside the braces. */
	for (size_t at = 1; at < 19; at++) {
		const char *md = "Titel: {{programme.id}} ok\n";

		doc = cmark_parse_document(md, strlen(md),
		    CMARK_OPT_SOURCEPOS);
		para = cmark_node_first_child(doc);
		t = cmark_node_first_child(para);
		split_text(t, 7 + at);
		if (at % 3 == 0 && strlen(cmark_node_get_literal(
		    cmark_node_next(t))) > 2)
			split_text(cmark_node_next(t), 2);
		e = placeholder_expand_tree(doc, &c, "h.md");
		CHECK_INT(e, 0);
		sb_clear(&text);
		sb_clear(&types);
		tree_text(doc, &text, &types);
		CHECK_STR(sb_str(&text), "Titel: ccm-2022 ok");
		CHECK_STR(sb_str(&types), "Pt");
		cmark_node_free(doc);
	}

	/* Errors carry the line of the text. */
	fx_capture();
	e = tree(&c, "# Kopf\n\nText\nmit {{unbekannt}} drin\n\n"
	    "- {{person.name}}\n", &text, &types);
	CHECK_INT(e, 2);
	CHECK(strncmp(fx_captured(), "tandem: h.md:4:5: error: unknown "
	    "placeholder 'unbekannt'\n", 57) == 0);
	CHECK(strstr(fx_captured(), "tandem: h.md:6:") != NULL);
	fx_capture();
	e = tree(&c, "a\n\nb {{programme.title\n\nc\n", &text, &types);
	CHECK_INT(e, 1);
	CHECK(strncmp(fx_captured(), "tandem: h.md:3:3: error: unclosed", 33)
	    == 0);
	CHECK_STR(sb_str(&text), "ab {{programme.titlec");

	/* Escaped braces print literally; in code the backslash stays. */
	fx_capture();
	e = tree(&c, "Schreibweise: \\{{programme.id}} und \\{x} "
	    "`\\{{a}}` \\\\{{programme.id}}\n", &text, &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&text), "Schreibweise: {{programme.id}} und {x} "
	    "\\{{a}} \\ccm-2022");
	CHECK_STR(fx_captured(), "");
	e = tree(&c, "```\n\\{{x}}\n```\n\n[a](http://x/\\{y)\n", &text,
	    &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&text), "\\{{x}}\na");

	/* Block placeholders become custom blocks where allowed. */
	compose_ctx_tandem(&c, p, 0);
	e = tree(&c, "Text\n\n{{form.topics}}\n\n  {{ form.lines n=6 }}\n\n"
	    "- {{form.signatures}}\n\n{{form.lines}}\n", &text, &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&types), "PtB0.0B1.6B2.0B1.3");
	CHECK_STR(fx_captured(), "");
	fx_capture();
	e = tree(&c, "{{form.lines n=0}}\n\n{{form.lines n=x}}\n\n"
	    "{{form.lines m=2}}\n\n{{report.meetings}}\n\n"
	    "a {{form.topics}}\n\n{{form.topics}} b\n", &text, &types);
	CHECK_INT(e, 6);
	CHECK(strstr(fx_captured(), "h.md:1:1: error: invalid value '0' for "
	    "'n' in placeholder 'form.lines'") != NULL);
	CHECK(strstr(fx_captured(), "h.md:5:1: error: unknown argument 'm'")
	    != NULL);
	CHECK(strstr(fx_captured(), "h.md:7:1: error: placeholder "
	    "'report.meetings' is not available in this text") != NULL);
	CHECK(strstr(fx_captured(), "h.md:9:3: error: placeholder 'form.topics' "
	    "must stand alone") != NULL);
	CHECK(strstr(fx_captured(), "h.md:11:1: error: placeholder "
	    "'form.topics' must stand alone") != NULL);
	compose_ctx_init(&c, p, COMPOSE_REPORT);
	fx_capture();
	e = tree(&c, "# Bericht\n\n{{report.participation}}\n\n"
	    "{{report.satisfaction}}\n\n{{report.meetings}}\n\n"
	    "{{report.outcomes}}\n", &text, &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&types), "tB3.0B4.0B5.0B6.0");
	compose_ctx_init(&c, p, COMPOSE_HANDBOOK);

	/* Tick box items. */
	{
		const char *md = "- [ ] einmal im Monat\n- [x] per *Video*\n"
		    "- [X]\n- normal [ ] item\n\n1. [ ] nummeriert\n";
		cmark_node *d = cmark_parse_document(md, strlen(md), 0), *l, *it;

		CHECK_INT(placeholder_tick_items(d), 4);
		l = cmark_node_first_child(d);
		it = cmark_node_first_child(l);
		CHECK_INT(placeholder_tick(it), 0);
		CHECK_STR(cmark_node_get_literal(cmark_node_first_child(
		    cmark_node_first_child(it))), "einmal im Monat");
		it = cmark_node_next(it);
		CHECK_INT(placeholder_tick(it), 1);
		CHECK_STR(cmark_node_get_literal(cmark_node_first_child(
		    cmark_node_first_child(it))), "per ");
		it = cmark_node_next(it);
		CHECK_INT(placeholder_tick(it), 1);
		it = cmark_node_next(it);
		CHECK_INT(placeholder_tick(it), -1);
		CHECK_INT(placeholder_tick(l), -1);
		it = cmark_node_first_child(cmark_node_next(l));
		CHECK_INT(placeholder_tick(it), 0);
		cmark_node_free(d);
	}

	/* A heavy text without placeholders is left alone and fast. */
	{
		struct strbuf big = STRBUF_INIT;

		for (int i = 0; i < 20000; i++)
			sb_adds(&big, "Ein Satz mit _etwas_ Text {x} } {\n");
		fx_capture();
		e = tree(&c, sb_str(&big), &text, &types);
		CHECK_INT(e, 0);
		CHECK_STR(fx_captured(), "");
		sb_free(&big);
	}
	sb_free(&text);
	sb_free(&types);
	programme_free(p);
}

static void
test_figures(void)
{
	struct programme *p = sample();
	struct figures f;
	int order[16];
	size_t n;

	p->people[1].status = STATUS_ACTIVE;
	p->people[5].org = -1;
	add_response(p, ROLE_MENTEE, 5, 11, 1);
	add_response(p, ROLE_MENTEE, 4, 0, 0);
	add_response(p, ROLE_MENTEE, 0, -1, -1);
	add_response(p, ROLE_MENTOR, 5, 13, -1);
	p->noutcomes = 3;
	p->outcomes = xcalloc(3, sizeof(*p->outcomes));
	p->outcomes[0] = (struct outcome){ 0, OUTCOME_POSITION_CHANGE,
	    { 2023, 3, 1 }, 1 };
	p->outcomes[1] = (struct outcome){ 1, OUTCOME_PROMOTION,
	    { 2024, 3, 1 }, 1 };
	p->outcomes[2] = (struct outcome){ 1, OUTCOME_OTHER,
	    { 2022, 1, 1 }, 1 };
	figures_compute(&f, p);
	CHECK_INT(f.by_role[ROLE_MENTEE], 2);		/* p03 withdrew */
	CHECK_INT(f.by_role[ROLE_MENTOR], 3);
	CHECK_INT(f.withdrawn[ROLE_MENTEE], 1);
	CHECK_INT(f.active[ROLE_MENTEE], 1);
	CHECK_INT(f.completed[ROLE_MENTEE], 1);
	CHECK_INT(f.completed[ROLE_MENTOR], 3);
	CHECK_INT(f.by_role_gender[ROLE_MENTEE][GENDER_F], 1);
	CHECK_INT(f.by_role_gender[ROLE_MENTOR][GENDER_UNKNOWN], 1);
	CHECK_INT(figures_people(&f, ROLE_MENTEE, GENDER_F, 0), 1);
	CHECK_INT(figures_people(&f, ROLE_MENTEE, GENDER_F, 1), 0);
	CHECK_INT(figures_people(&f, ROLE_MENTEE, GENDER_M, 1), 1);
	CHECK_INT(figures_people(&f, ROLE_MENTOR, GENDER_UNKNOWN, 2), 1);
	CHECK_INT(figures_people(&f, ROLE_MENTOR, GENDER_F, 0), 1);
	CHECK_INT(figures_people(&f, ROLE_MENTOR, GENDER_F, 9), 0);
	CHECK_INT(f.responses[ROLE_MENTEE], 3);
	CHECK_INT(f.satisfaction[ROLE_MENTEE][5], 1);
	CHECK_INT(f.satisfaction[ROLE_MENTEE][4], 1);
	CHECK_INT(f.satisfaction[ROLE_MENTEE][0], 1);
	CHECK_INT(f.satisfaction[ROLE_MENTOR][5], 1);
	CHECK_INT(f.meetings[ROLE_MENTEE][figures_meeting_band(11)], 1);
	CHECK_INT(f.meetings[ROLE_MENTEE][0], 1);
	CHECK_INT(f.meetings[ROLE_MENTEE][FIG_MEETING_BANDS - 1], 1);
	CHECK_INT(f.meetings[ROLE_MENTOR][5], 1);
	CHECK_INT(f.career_yes, 1);
	CHECK_INT(f.career_no, 1);
	CHECK_INT(f.outcomes[OUTCOME_POSITION_CHANGE][0], 1);
	CHECK_INT(f.outcomes[OUTCOME_PROMOTION][1], 1);
	CHECK_INT(f.outcomes[OUTCOME_OTHER][2], 1);
	figures_free(&f);
	figures_free(&f);
	CHECK_INT(figures_meeting_band(1), 1);
	CHECK_INT(figures_meeting_band(3), 1);
	CHECK_INT(figures_meeting_band(4), 2);
	CHECK_INT(figures_meeting_band(12), 4);
	CHECK_INT(figures_meeting_band(100), 5);
	CHECK_STR(figures_meeting_label(LANG_DE, 2), "4–6");
	CHECK_STR(figures_meeting_label(LANG_DE, 6), "k. A.");
	CHECK_STR(figures_meeting_label(LANG_EN, 6), "n/a");

	/* Nobody at all: everything zero, nothing breaks. */
	{
		struct programme *e = programme_new();

		figures_compute(&f, e);
		CHECK_INT(f.by_role[ROLE_MENTEE] + f.responses[ROLE_MENTOR], 0);
		CHECK_INT(figures_people(&f, ROLE_MENTEE, GENDER_F, 0), 0);
		figures_free(&f);
		programme_free(e);
	}

	/* Overview order: role, organisation, family name. */
	n = figures_people_order(p, false, order);
	CHECK_INT(n, 5);
	CHECK_INT(order[0], 0);		/* mentee, Köln */
	CHECK_INT(order[1], 1);		/* mentee, Düsseldorf */
	CHECK_INT(order[2], 4);		/* mentor, Köln: Krüger */
	CHECK_INT(order[3], 3);		/* mentor, Düsseldorf: Becker */
	CHECK_INT(order[4], 5);		/* mentor, no organisation */
	CHECK_INT(figures_people_order(p, true, order), 6);
	/* Düsseldorf mentees: the withdrawn "[Klick..." (punctuation sorts
	 * before letters), then Nowak. */
	CHECK_INT(order[1], 2);
	CHECK_INT(order[2], 1);
	/* German collation, not bytes: Ärger before Krüger. */
	free(p->people[5].family);
	p->people[5].family = xstrdup("Ärger");
	p->people[5].org = 0;
	CHECK_INT(figures_people_order(p, false, order), 5);
	CHECK_INT(order[2], 5);		/* mentor, Köln: Ärger */
	CHECK_INT(order[3], 4);		/* mentor, Köln: Krüger */
	CHECK_INT(figures_event_order(p, order), 2);
	p->events[0].date = (struct date){ 2024, 1, 1 };
	figures_event_order(p, order);
	CHECK_INT(order[0], 1);
	CHECK_INT(order[1], 0);
	programme_free(p);
}

/* Check a fit: lines within the width, all non-space bytes kept. */
static void
check_fit(const struct font *f, const char *s, const struct fit *o,
    double width)
{
	struct strbuf a = STRBUF_INIT, b = STRBUF_INIT;

	for (size_t i = 0; i < o->nlines; i++) {
		CHECK(font_width(f, s + o->lines[i].off, o->lines[i].len) *
		    o->size / 1000.0 <= width + 1e-6);
		for (size_t k = 0; k < o->lines[i].len; k++)
			if (s[o->lines[i].off + k] != ' ')
				sb_addc(&a, s[o->lines[i].off + k]);
	}
	for (; *s != '\0'; s++)
		if (*s != ' ')
			sb_addc(&b, *s);
	CHECK_STR(sb_str(&a), sb_str(&b));
	sb_free(&a);
	sb_free(&b);
}

static void
test_fit(void)
{
	const char *err = NULL;
	struct font *f = font_open("Liberation Serif", &err);
	struct fit o;
	char longname[400], word[301];
	const char *mid = "Dr. Aylin Yılmaz-Wiśniewska";

	CHECK(f != NULL);
	if (f == NULL)
		return;
	fit_text(&o, f, "Jan Nowak", 9, 400, 36, 16);
	CHECK(o.size == 36);
	CHECK_INT(o.nlines, 1);
	check_fit(f, "Jan Nowak", &o, 400);
	fit_free(&o);

	fit_text(&o, f, mid, strlen(mid), 300, 36, 16);
	CHECK(o.size < 36 && o.size >= 16);
	CHECK_INT(o.nlines, 1);
	check_fit(f, mid, &o, 300);
	fit_free(&o);

	/* Too long for one line at the minimum: two balanced lines. */
	mid = "Prof. Dr. Maria-Magdalena Wiśniewska-Dąbrowska von "
	    "Hohenzollern-Sigmaringen";
	fit_text(&o, f, mid, strlen(mid), 360, 36, 16);
	CHECK_INT(o.nlines, 2);
	CHECK(o.size >= 16);
	check_fit(f, mid, &o, 360);
	fit_free(&o);
	fit_text(&o, f, mid, strlen(mid), 300, 36, 16);
	CHECK_INT(o.nlines, 3);
	CHECK(o.size == 16);
	check_fit(f, mid, &o, 300);
	fit_free(&o);

	/* A 300-character name: wrapped at the minimum, never wider. */
	longname[0] = '\0';
	while (strlen(longname) < 300)
		strcat(longname, "Öztürk-Çelik ");
	fit_text(&o, f, longname, strlen(longname), 300, 36, 16);
	CHECK(o.size == 16);
	CHECK(o.nlines > 2);
	check_fit(f, longname, &o, 300);
	fit_free(&o);

	/* One word of 300 characters: cut inside the word. */
	memset(word, 'W', 300);
	word[300] = '\0';
	fit_text(&o, f, word, 300, 300, 36, 16);
	CHECK(o.nlines > 5);
	check_fit(f, word, &o, 300);
	fit_free(&o);

	/* Degenerate input. */
	fit_text(&o, f, "", 0, 300, 36, 16);
	CHECK_INT(o.nlines, 0);
	fit_free(&o);
	fit_text(&o, f, "   ", 3, 300, 36, 16);
	CHECK_INT(o.nlines, 0);
	fit_free(&o);
	font_free(f);
}

/* Balanced titles: no word alone on a line, breaks at separators
 * preferred, never a line that starts with a separator. */
static void
test_balance(void)
{
	const char *err = NULL;
	struct font *f = font_open("Liberation Serif:style=Bold", &err);
	const char *t = "Interkommunales Cross-Mentoring Bergheim-S\xc3\xbc" "d "
	    "\xc2\xb7 Lindenau \xc2\xb7 Ostheim";
	struct fit o;

	if (f == NULL)
		f = font_open("Liberation Serif", &err);
	CHECK(f != NULL);
	if (f == NULL)
		return;
	fit_balance(&o, f, t, strlen(t), 421, 15);
	CHECK_INT(o.nlines, 2);
	if (o.nlines == 2) {
		CHECK(strncmp(t + o.lines[0].off, "Interkommunales "
		    "Cross-Mentoring", o.lines[0].len) == 0);
		CHECK(strncmp(t + o.lines[1].off, "Bergheim", 8) == 0);
	}
	check_fit(f, t, &o, 421);
	fit_free(&o);
	/* Fits: one line. */
	fit_balance(&o, f, t, strlen(t), 900, 15);
	CHECK_INT(o.nlines, 1);
	fit_free(&o);
	/* Three lines, none starting with the dot. */
	fit_balance(&o, f, t, strlen(t), 200, 15);
	CHECK(o.nlines >= 3);
	for (size_t i = 0; i < o.nlines; i++)
		CHECK(strncmp(t + o.lines[i].off, "\xc2\xb7", 2) != 0);
	check_fit(f, t, &o, 200);
	fit_free(&o);
	/* Three lines of a long title: even, the last not a stub, and the
	 * break after the separator taken. */
	t = "Interkommunales Cross-Mentoring der St\xc3\xa4" "dte "
	    "Bergheim-S\xc3\xbc" "d, Lindenau und Ostheim sowie des "
	    "Landkreises Oberwald \xc2\xb7 Programm f\xc3\xbc" "r weibliche "
	    "F\xc3\xbchrungskr\xc3\xa4" "fte";
	fit_balance(&o, f, t, strlen(t), 421, 15);
	CHECK_INT(o.nlines, 3);
	if (o.nlines == 3) {
		double a = font_width(f, t + o.lines[0].off, o.lines[0].len);
		double c = font_width(f, t + o.lines[2].off, o.lines[2].len);

		CHECK(c > a * 0.6);
		CHECK(strncmp(t + o.lines[2].off, "Programm", 8) == 0);
	}
	check_fit(f, t, &o, 421);
	fit_free(&o);
	/* A word wider than the box: left to the paragraph breaker. */
	fit_balance(&o, f, t, strlen(t), 40, 15);
	CHECK_INT(o.nlines, 0);
	fit_free(&o);
	fit_balance(&o, f, "", 0, 300, 15);
	CHECK_INT(o.nlines, 0);
	fit_free(&o);
	font_free(f);
}

/* Conditional text, kind and organisation counts, people in tandems. */
static void
test_conditions(void)
{
	struct programme *p = sample();
	struct compose_ctx c;
	struct strbuf text = STRBUF_INIT, types = STRBUF_INIT;
	int e;

	fx_capture();
	compose_ctx_init(&c, p, COMPOSE_HANDBOOK);
	CHECK_STR(xp(&c, "{{programme.kind}}", &e), "cross");
	CHECK_STR(xp(&c, "{{organisations.count}}", &e), "2");
	/* Mentees: p01 in a tandem, p02 not, p03 withdrawn. */
	CHECK_STR(xp(&c, "{{count role=mentor tandem=yes}}", &e), "1");
	CHECK_STR(xp(&c, "{{count role=mentor tandem=no}}", &e), "2");
	CHECK_STR(xp(&c, "{{count tandem=yes}}", &e), "2");
	CHECK_STR(xp(&c, "a{{if programme.kind is=cross}}X{{end}}b", &e),
	    "aXb");
	CHECK_STR(xp(&c, "a{{if programme.kind is=internal,partnership}}X"
	    "{{else}}Y{{end}}b", &e), "aYb");
	CHECK_STR(xp(&c, "{{unless programme.kind is=cross}}X{{else}}Y"
	    "{{end}}", &e), "Y");
	/* Truth of a bare value: non-empty, not 0, not "–". */
	CHECK_STR(xp(&c, "{{if programme.edition}}E{{end}}", &e), "E");
	CHECK_STR(xp(&c, "{{if programme.place}}P{{end}}", &e), "");
	CHECK_STR(xp(&c, "{{if events.count kind=workshop}}W{{end}}", &e),
	    "");
	CHECK_STR(xp(&c, "{{if events.count kind=kickoff}}K{{end}}", &e),
	    "K");
	/* Numbers: min and max; one woman among the mentees. */
	CHECK_STR(xp(&c, "{{count role=mentee gender=f}} {{if count "
	    "role=mentee gender=f is=1}}Frau{{else}}Frauen{{end}}", &e),
	    "1 Frau");
	CHECK_STR(xp(&c, "{{if organisations.count min=2}}viele{{end}}"
	    "{{if organisations.count max=1}}eine{{end}}", &e), "viele");
	CHECK_STR(xp(&c, "{{if count role=mentor min=2 max=3}}ok{{end}}",
	    &e), "ok");
	CHECK_INT(e, 0);
	/* Nesting; skipped text is not evaluated (no workshop exists). */
	CHECK_STR(xp(&c, "{{if events.count}}A{{if events.count "
	    "kind=workshop}}{{event.workshop.date}}{{else}}B{{end}}C{{end}}",
	    &e), "ABC");
	CHECK_INT(e, 0);
	/* Errors. */
	xp_err(&c, "{{if programme.titel}}x{{end}}", "unknown placeholder "
	    "'programme.titel'");
	xp_err(&c, "{{if count role=x}}x{{end}}", "invalid value 'x'");
	xp_err(&c, "{{if count min=a}}x{{end}}", "invalid value 'a'");
	xp_err(&c, "{{if count}}x", "'{{if}}' without '{{end}}'");
	xp_err(&c, "x{{end}}", "'{{end}}' without '{{if}}'");
	xp_err(&c, "{{if count}}x{{else}}y{{else}}z{{end}}", "second");
	xp_err(&c, "{{if count}}x{{end now}}", "takes no arguments");
	xp_err(&c, "{{if evaluation.count}}x{{end}}", "not available");

	/* Blocks left blank are removed, with items and lists left empty. */
	e = tree(&c, "# {{if programme.place}}Ort{{end}}\n\nA\n\n"
	    "- {{if tandems.count min=5}}viele{{end}}\n\n"
	    "{{if programme.kind is=internal}}Intern.{{end}}\n\n"
	    "- x\n- {{unless programme.kind is=cross}}y{{end}}\n", &text,
	    &types);
	CHECK_INT(e, 0);
	CHECK_STR(sb_str(&text), "Ax");
	CHECK_STR(sb_str(&types), "PtPt");
	/* The holder's role as in the data, for role-specific text. */
	compose_ctx_person(&c, p, 3);
	CHECK_STR(xp(&c, "{{person.role-id}}: {{if person.role-id is=mentee}}"
	    "A{{else}}B{{end}}", &e), "mentor: B");
	compose_ctx_person(&c, p, 0);
	CHECK_STR(xp(&c, "{{if person.role-id is=mentee}}A{{else}}B{{end}}",
	    &e), "A");
	/* A certificate is true to the holder's tandems: none, one, two. */
	compose_ctx_person(&c, p, 4);		/* Sabine: no tandem */
	CHECK_STR(xp(&c, "{{person.tandems}}|{{if person.tandems}}T{{else}}"
	    "N{{end}}", &e), "0|N");
	compose_ctx_person(&c, p, 3);		/* Jonas: one */
	CHECK_STR(xp(&c, "{{person.tandems}}", &e), "1");
	p->tandems = xrealloc(p->tandems, 2 * sizeof(*p->tandems));
	p->tandems[1] = p->tandems[0];
	p->tandems[1].mentee = 1;
	p->ntandems = 2;
	CHECK_STR(xp(&c, "in {{person.tandems as=words}} Tandems", &e),
	    "in zwei Tandems");
	/* Possessive pronouns by gender (English). */
	CHECK_STR(xp(&c, "{{person.their}}", &e), "sein");
	p->lang = LANG_EN;
	CHECK_STR(xp(&c, "{{person.their}}", &e), "his");
	compose_ctx_person(&c, p, 4);
	CHECK_STR(xp(&c, "{{person.their}}", &e), "her");
	compose_ctx_person(&c, p, 5);		/* Kim: gender unknown */
	CHECK_STR(xp(&c, "{{person.their}}", &e), "their");
	/* Number words 0-12 in running text, digits above; capitalised. */
	CHECK_STR(xp(&c, "{{tandems.count as=words}} {{Count as=words}}",
	    &e), "two Five");
	p->lang = LANG_DE;
	CHECK_STR(xp(&c, "{{Events.count as=words}}, {{events.count "
	    "kind=closing as=words-f}}, {{events.count kind=closing "
	    "as=words}}, {{events.count kind=workshop as=words}}", &e),
	    "Zwei, eine, ein, keine");
	CHECK_STR(xp(&c, "{{programme.months as=words}}", &e), "15");
	CHECK_STR(xp(&c, "{{programme.title as=words}}", &e),
	    "Interkommunales Cross-Mentoring");
	xp_err(&c, "{{tandems.count as=wörter}}", "unknown argument 'as' in "
	    "placeholder 'tandems.count'");
	sb_free(&text);
	sb_free(&types);
	programme_free(p);
}

/* grammar_part into a fresh buffer. */
static const char *
part(enum lang l, long n, long whole, enum genus g, enum gcase c,
    const char *sg, const char *pl)
{
	static struct strbuf sb;

	sb_clear(&sb);
	grammar_part(&sb, l, n, whole, g, c, sg, pl);
	return sb_str(&sb);
}

/* Number words agree with their noun; a part of a whole reads true on
 * the edge counts 0, 1, 2 and all (issue 16). */
static void
test_grammar(void)
{
	struct programme *p = sample();
	struct compose_ctx c;
	struct strbuf sb = STRBUF_INIT;
	int e;

	/* No count reads "null"; "ein" takes the case of its noun. */
	CHECK_STR(grammar_number(LANG_DE, 0, GENUS_M, GCASE_NOM), "keine");
	CHECK_STR(grammar_number(LANG_DE, 0, GENUS_F, GCASE_ACC), "keine");
	CHECK_STR(grammar_number(LANG_DE, 0, GENUS_N, GCASE_DAT), "keinen");
	CHECK_STR(grammar_number(LANG_DE, 1, GENUS_ANY, GCASE_NOM), "ein");
	CHECK_STR(grammar_number(LANG_DE, 1, GENUS_M, GCASE_ACC), "einen");
	CHECK_STR(grammar_number(LANG_DE, 1, GENUS_M, GCASE_DAT), "einem");
	CHECK_STR(grammar_number(LANG_DE, 1, GENUS_F, GCASE_NOM), "eine");
	CHECK_STR(grammar_number(LANG_DE, 1, GENUS_F, GCASE_DAT), "einer");
	CHECK_STR(grammar_number(LANG_DE, 1, GENUS_N, GCASE_ACC), "ein");
	CHECK_STR(grammar_number(LANG_DE, 2, GENUS_M, GCASE_ACC), "zwei");
	CHECK_STR(grammar_number(LANG_DE, 12, GENUS_F, GCASE_NOM), "zwölf");
	CHECK_STR(grammar_number(LANG_DE, 13, GENUS_F, GCASE_NOM), NULL);
	CHECK_STR(grammar_number(LANG_DE, -1, GENUS_F, GCASE_NOM), NULL);
	CHECK_STR(grammar_number(LANG_EN, 0, GENUS_ANY, GCASE_NOM), "no");
	CHECK_STR(grammar_number(LANG_EN, 1, GENUS_M, GCASE_ACC), "one");
	CHECK_STR(grammar_number(LANG_EN, 2, GENUS_ANY, GCASE_NOM), "two");
	grammar_count(&sb, LANG_EN, 0, GENUS_ANY, GCASE_NOM, NULL, NULL);
	CHECK_STR(sb_str(&sb), "none");
	sb_clear(&sb);
	grammar_count(&sb, LANG_DE, 1, GENUS_M, GCASE_NOM, NULL, NULL);
	CHECK_STR(sb_str(&sb), "einer");
	sb_clear(&sb);
	grammar_count(&sb, LANG_DE, 17, GENUS_F, GCASE_NOM, "Frau", "Frauen");
	CHECK_STR(sb_str(&sb), "17 Frauen");
	sb_free(&sb);

	/* Women among ten mentees: 0, 1, 2, all. */
	CHECK_STR(part(LANG_DE, 0, 10, GENUS_F, GCASE_NOM, "Frau", "Frauen"),
	    "darunter keine Frauen");
	CHECK_STR(part(LANG_DE, 1, 10, GENUS_F, GCASE_NOM, "Frau", "Frauen"),
	    "darunter eine Frau");
	CHECK_STR(part(LANG_DE, 2, 10, GENUS_F, GCASE_NOM, "Frau", "Frauen"),
	    "darunter zwei Frauen");
	CHECK_STR(part(LANG_DE, 10, 10, GENUS_F, GCASE_NOM, "Frau",
	    "Frauen"), "alle Frauen");
	CHECK_STR(part(LANG_DE, 15, 15, GENUS_F, GCASE_NOM, "Frau",
	    "Frauen"), "alle Frauen");
	CHECK_STR(part(LANG_DE, 14, 15, GENUS_F, GCASE_NOM, "Frau",
	    "Frauen"), "darunter 14 Frauen");
	/* A whole of two or one. */
	CHECK_STR(part(LANG_DE, 2, 2, GENUS_F, GCASE_NOM, "Frau", "Frauen"),
	    "beide Frauen");
	CHECK_STR(part(LANG_DE, 1, 2, GENUS_F, GCASE_NOM, "Frau", "Frauen"),
	    "darunter eine Frau");
	CHECK_STR(part(LANG_DE, 1, 1, GENUS_F, GCASE_NOM, "Frau", "Frauen"),
	    "eine Frau");
	/* The case after "darunter" is the case of the whole. */
	CHECK_STR(part(LANG_DE, 1, 6, GENUS_M, GCASE_ACC, "Workshop",
	    "Workshops"), "darunter einen Workshop");
	CHECK_STR(part(LANG_DE, 1, 6, GENUS_M, GCASE_NOM, "Workshop",
	    "Workshops"), "darunter ein Workshop");
	CHECK_STR(part(LANG_DE, 1, 6, GENUS_N, GCASE_ACC, "Netzwerktreffen",
	    "Netzwerktreffen"), "darunter ein Netzwerktreffen");
	CHECK_STR(part(LANG_DE, 3, 3, GENUS_F, GCASE_DAT, "Frau", "Frauen"),
	    "allen Frauen");
	CHECK_STR(part(LANG_DE, 2, 2, GENUS_M, GCASE_DAT, NULL, NULL),
	    "beiden");
	/* Without a noun the number stands for it. */
	CHECK_STR(part(LANG_DE, 1, 3, GENUS_M, GCASE_NOM, NULL, NULL),
	    "darunter einer");
	CHECK_STR(part(LANG_DE, 3, 3, GENUS_F, GCASE_NOM, NULL, NULL),
	    "alle");
	/* English. */
	CHECK_STR(part(LANG_EN, 0, 10, GENUS_ANY, GCASE_NOM, "woman",
	    "women"), "including no women");
	CHECK_STR(part(LANG_EN, 1, 10, GENUS_ANY, GCASE_NOM, "woman",
	    "women"), "including one woman");
	CHECK_STR(part(LANG_EN, 2, 2, GENUS_ANY, GCASE_NOM, "woman",
	    "women"), "both women");
	CHECK_STR(part(LANG_EN, 10, 10, GENUS_ANY, GCASE_NOM, "woman",
	    "women"), "all women");
	CHECK_STR(part(LANG_EN, 1, 1, GENUS_ANY, GCASE_NOM, "woman",
	    "women"), "one woman");

	/* The same through placeholders (tandem-texts(5)). */
	fx_capture();
	compose_ctx_init(&c, p, COMPOSE_REPORT);
	CHECK_STR(xp(&c, "{{events.count kind=workshop as=words}}", &e),
	    "keine");
	CHECK_STR(xp(&c, "{{events.count kind=closing as=words-m case=acc}}",
	    &e), "einen");
	CHECK_STR(xp(&c, "{{events.count as=words-f noun=Veranstaltung/"
	    "Veranstaltungen}}", &e), "zwei Veranstaltungen");
	CHECK_STR(xp(&c, "{{events.count kind=closing as=words-f "
	    "noun=Veranstaltung/Veranstaltungen}}", &e), "eine Veranstaltung");
	CHECK_STR(xp(&c, "{{events.count kind=closing among=kind as=words-m "
	    "case=acc noun=Workshop/Workshops}}", &e),
	    "darunter einen Workshop");
	CHECK_STR(xp(&c, "{{count role=mentee gender=f among=gender "
	    "as=words-f noun=Frau/Frauen}}", &e), "darunter eine Frau");
	CHECK_STR(xp(&c, "{{count role=mentee gender=d among=gender "
	    "as=words-f noun=Person/Personen}}", &e),
	    "darunter keine Personen");
	p->people[1].gender = GENDER_F;		/* both mentees women */
	CHECK_STR(xp(&c, "{{count role=mentee gender=f among=gender "
	    "as=words-f noun=Frau/Frauen}}", &e), "beide Frauen");
	fx_person(p, "p04", ROLE_MENTEE, GENDER_F, NULL, "Eva", "Ott", 0);
	CHECK_STR(xp(&c, "{{count role=mentee gender=f among=gender "
	    "as=words-f noun=Frau/Frauen}}", &e), "alle Frauen");
	CHECK_STR(xp(&c, "{{count role=mentee gender=f among=gender}}", &e),
	    "alle");
	p->lang = LANG_EN;
	CHECK_STR(xp(&c, "{{count role=mentee gender=f among=gender "
	    "noun=woman/women}}", &e), "all women");
	CHECK_STR(xp(&c, "{{events.count kind=workshop as=words}}", &e),
	    "no");
	p->lang = LANG_DE;
	xp_err(&c, "{{events.count kind=closing as=words case=acc}}",
	    "needs the gender of the noun counted");
	xp_err(&c, "{{events.count kind=closing case=gen}}",
	    "invalid value 'gen'");
	xp_err(&c, "{{count role=mentee among=gender}}",
	    "among=gender names no argument");
	xp_err(&c, "{{programme.title noun=A/B}}", "need a count");
	xp_err(&c, "{{count noun=/B}}", "invalid value '/B'");
	programme_free(p);
}

int
main(void)
{
	test_wording();
	test_dates();
	test_certno();
	test_placeholders();
	test_tree();
	test_conditions();
	test_grammar();
	test_figures();
	test_fit();
	test_balance();
	FcFini();	/* font.c keeps fontconfig open; release it for valgrind */
	fx_capture_end();
	return harness_done("compose");
}
