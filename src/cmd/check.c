/*
 * tandem check DIR: load and validate a programme's data, check every
 * Markdown text a build would use (readable, UTF-8, and, when the data
 * loaded, converted as a build converts it: docs_text_check()),
 * validate the folder's own templates/ as a build would, and print a
 * one-paragraph summary. Writes nothing.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cmd/cmd.h"
#include "compose/compose.h"
#include "docs/docs.h"
#include "docs/docs_hyph.h"
#include "docs/docs_logo.h"
#include "layout/layout.h"
#include "layout/render.h"
#include "layout/template.h"
#include "load/fields.h"
#include "load/load.h"
#include "markdown/markdown.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/strbuf.h"
#include "util/suggest.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* The texts a build uses besides the handbook chapters (tandem-texts(5)). */
static const struct {
	const char		*name;
	enum compose_text	 kind;
} texts[] = {
	{ "agreement.md", COMPOSE_AGREEMENT },
	{ "certificate.md", COMPOSE_CERTIFICATE },
	{ "report.md", COMPOSE_REPORT },
};

/* What the text checks need, and their worst outcome. */
struct textstate {
	const struct programme	*p;	/* NULL if the data did not load */
	enum compose_text	 kind;	/* of the text being checked */
	int			 rc;
};

/*
 * Check one text (file contents or a built-in default) named name in
 * messages: valid UTF-8, no NUL, placeholders valid, images usable; warn
 * if empty. Returns 0 or -1.
 */
static int
check_bytes(const struct textstate *ts, const char *name, const char *s,
    size_t len)
{
	const char *nul;
	long line, col;
	size_t i;

	if (!utf8_valid(s, len, &line, &col)) {
		const char *q = s;

		for (long l = 1; l < line; q++)
			if (*q == '\n')
				l++;
		diag(DIAG_ERROR, name, line, col, "invalid UTF-8 (byte 0x%02X);"
		    " save the file as UTF-8", (unsigned)(unsigned char)
		    q[col - 1]);
		return -1;
	}
	if ((nul = memchr(s, '\0', len)) != NULL) {
		line = 1;
		col = 1;
		for (const char *q = s; q < nul; q++, col++)
			if (*q == '\n')
				line++, col = 0;
		diag(DIAG_ERROR, name, line, col, "the text contains a NUL "
		    "byte; is it a text file?");
		return -1;
	}
	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			break;
	if (i == len)
		diag(DIAG_WARNING, name, 0, 0, "the text is empty");
	/* The conversion a build runs, with all its rules. */
	if (ts->p != NULL)
		return docs_text_check(ts->p, ts->kind, name, s, len);
	return 0;
}

/* Check the text file at path. Returns 0 or -1. */
static int
check_file(const struct textstate *ts, const char *dir, const char *path)
{
	size_t len;
	char *buf;
	int rc;

	if ((buf = file_read_in(dir, path, FILEIO_MAX_TEXT, &len)) == NULL) {
		diag(file_refused(errno) ? DIAG_ERROR : DIAG_NOINPUT, path, 0,
		    0, "cannot read: %s", file_why(errno));
		return -1;
	}
	rc = check_bytes(ts, path, buf, len);
	free(buf);
	return rc;
}

static void
check_resource(const struct resource *r, void *arg)
{
	struct textstate *ts = arg;
	char *name = xasprintf("(built-in) %s", r->name);
	int rc;

	if ((rc = check_bytes(ts, name, r->data, r->len)) != 0 && ts->rc == 0)
		ts->rc = rc;
	free(name);
}

static int
md_filter(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 3 &&
	    strcmp(d->d_name + n - 3, ".md") == 0;
}

/* Join a folder and a name for messages ("." gives the name alone). */
static char *
join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	return xasprintf("%s%s%s", dir, n > 0 && dir[n - 1] == '/' ? "" : "/",
	    name);
}

/*
 * Check the handbook chapters and the other texts: the folder's own where
 * it has them, else the built-in defaults. Returns 0 or -1.
 */
static int
check_texts(const char *dir, const struct programme *p)
{
	struct textstate ts = { p, COMPOSE_HANDBOOK, 0 };
	struct dirent **list;
	/* The defaults of the programme's language. */
	const char *defdir = p != NULL ? docs_default_dir(p) : "content/";
	char *hb, *path, *defhb;
	int n, rc;
	size_t i;

	hb = join(dir, "handbook");
	if (dir_exists(hb) && file_inside(dir, hb) == 0) {
		diag(DIAG_ERROR, hb, 0, 0, "cannot read: %s", file_why(EXDEV));
		ts.rc = -1;
	} else if (dir_exists(hb)) {
		if ((n = scandir(hb, &list, md_filter, alphasort)) < 0) {
			diag(DIAG_NOINPUT, hb, 0, 0, "cannot read folder: "
			    "%s", strerror(errno));
			ts.rc = -1;
		} else {
			if (n == 0)
				diag(DIAG_WARNING, hb, 0, 0, "no chapters "
				    "(*.md files) in this folder");
			for (int k = 0; k < n; k++) {
				path = join(hb, list[k]->d_name);
				if ((rc = check_file(&ts, dir, path)) != 0 &&
				    ts.rc == 0)
					ts.rc = rc;
				free(path);
				free(list[k]);
			}
			free(list);
		}
	} else {
		defhb = xasprintf("%shandbook/", defdir);
		resource_each(defhb, check_resource, &ts);
		free(defhb);
	}
	free(hb);
	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		ts.kind = texts[i].kind;
		path = join(dir, texts[i].name);
		if (file_exists(path)) {
			if ((rc = check_file(&ts, dir, path)) != 0 &&
			    ts.rc == 0)
				ts.rc = rc;
		} else {
			char *rname = xasprintf("%s%s", defdir, texts[i].name);
			const struct resource *r = resource_get(rname);

			if (r != NULL)
				check_resource(r, &ts);
			free(rname);
		}
		free(path);
	}
	return ts.rc;
}

/* The templates a build or `tandem stats` reads from DIR/templates/. */
static const char *const template_names[] = {
	"agreement", "certificate", "handbook", "report", "statistics",
	"tandems"
};

#define NTEMPLATES	(sizeof(template_names) / sizeof(template_names[0]))

static int
xml_filter(const struct dirent *d)
{
	size_t n = strlen(d->d_name);

	return d->d_name[0] != '.' && n > 4 &&
	    strcmp(d->d_name + n - 4, ".xml") == 0;
}

/*
 * Validate one template file of the programme (path, named name without
 * ".xml") with the messages a build gives, and its logo. Returns 0 or
 * -1.
 */
static int
check_template(const char *dir, const char *path, const char *name)
{
	struct template *t;
	size_t k;
	long i;

	for (k = 0; k < NTEMPLATES; k++)
		if (strcmp(name, template_names[k]) == 0)
			break;
	if (k == NTEMPLATES) {
		i = suggest_index(name, template_names, NTEMPLATES,
		    SUGGEST_ID);
		diag(DIAG_WARNING, path, 0, 0, "not a template tandem uses "
		    "(agreement, certificate, handbook, report, statistics, "
		    "tandems); ignored%s%s%s", i >= 0 ? "; did you mean '" :
		    "", i >= 0 ? template_names[i] : "", i >= 0 ? ".xml'?" :
		    "");
		return 0;
	}
	if ((t = docs_template_file(dir, path, name)) == NULL)
		return -1;
	template_free(t);
	return 0;
}

/*
 * Validate every *.xml in DIR/templates/ (the built-in templates are
 * tested with tandem itself). Returns 0 or -1.
 */
static int
check_templates(const char *dir)
{
	struct dirent **list;
	char *td = join(dir, "templates"), *path, *name;
	int n, rc = 0, r;

	if (!dir_exists(td)) {
		free(td);
		return 0;
	}
	if ((n = scandir(td, &list, xml_filter, alphasort)) < 0) {
		diag(DIAG_NOINPUT, td, 0, 0, "cannot read folder: %s",
		    strerror(errno));
		free(td);
		return -1;
	}
	for (int k = 0; k < n; k++) {
		path = join(td, list[k]->d_name);
		name = xstrndup(list[k]->d_name, strlen(list[k]->d_name) - 4);
		if ((r = check_template(dir, path, name)) != 0 && rc == 0)
			rc = r;
		free(name);
		free(path);
		free(list[k]);
	}
	free(list);
	free(td);
	return rc;
}

/* "(10 f, 2 m)" for people of role r, not withdrawn. */
static void
add_genders(struct strbuf *sb, const struct programme *p, enum role r)
{
	static const char *const label[GENDER__MAX] = {
		"without gender", "f", "m", "d"
	};
	static const enum gender order[GENDER__MAX] = {
		GENDER_F, GENDER_M, GENDER_D, GENDER_UNKNOWN
	};
	bool first = true;

	for (int i = 0; i < GENDER__MAX; i++) {
		size_t n = programme_count(p, r, order[i], false);

		if (n == 0)
			continue;
		sb_addf(sb, "%s%zu %s", first ? " (" : ", ", n,
		    label[order[i]]);
		first = false;
	}
	if (!first)
		sb_addc(sb, ')');
}

static void
add_date(struct strbuf *sb, struct date d)
{
	sb_addf(sb, "%02d.%02d.%04d", d.d, d.m, d.y);
}

/*
 * The hard rules in force, in words (tandem-programme(5), RULES), and
 * whether the matching spreads the mentees over the mentors.
 */
static void
add_rules(struct strbuf *sb, const struct programme *p)
{
	size_t	 n = 0;

	sb_adds(sb, " Hard rules: ");
	if (p->rules.different_org)
		sb_addf(sb, "%smentor from another organisation", n++ ?
		    "; " : "");
	if (p->rules.same_field)
		sb_addf(sb, "%ssame field", n++ ? "; " : "");
	if (p->rules.min_level_gap > 0)
		sb_addf(sb, "%slevel gap \xe2\x89\xa5 %d", n++ ? "; " : "",
		    p->rules.min_level_gap);
	else
		sb_addf(sb, "%smentor's level not below the mentee's", n++ ?
		    "; " : "");
	if (p->nforbids > 0)
		sb_addf(sb, "%s%zu forbidden pair%s", n++ ? "; " : "",
		    p->nforbids, p->nforbids == 1 ? "" : "s");
	if (p->npins > 0)
		sb_addf(sb, "%s%zu pinned pair%s", n++ ? "; " : "",
		    p->npins, p->npins == 1 ? "" : "s");
	sb_adds(sb, p->rules.spread ? ". Matching: most mentees, then most "
	    "mentors with a mentee, then the highest score." : ". Matching: "
	    "most mentees, then the highest score (spread=\"false\").");
}

/* The one-paragraph summary of a valid programme. */
static void
summary(const struct programme *p)
{
	struct strbuf sb = STRBUF_INIT;
	size_t withdrawn = 0, i;

	sb_addf(&sb, "%s: %s", p->id, p->title);
	if (p->edition != NULL && *p->edition != '\0')
		sb_addf(&sb, ", %s", p->edition);
	sb_adds(&sb, " (");
	add_date(&sb, p->start);
	sb_adds(&sb, "\xe2\x80\x93");
	add_date(&sb, p->end);
	sb_adds(&sb, "), ");
	switch (p->kind) {
	case KIND_CROSS:
		sb_addf(&sb, "cross-mentoring of %zu organisation%s", p->norgs,
		    p->norgs == 1 ? "" : "s");
		break;
	case KIND_PARTNERSHIP:
		sb_adds(&sb, "mentoring partnership");
		break;
	default:
		sb_adds(&sb, "internal programme");
		break;
	}
	sb_addf(&sb, ": %zu mentee%s", programme_count(p, ROLE_MENTEE,
	    GENDER__MAX, false), programme_count(p, ROLE_MENTEE, GENDER__MAX,
	    false) == 1 ? "" : "s");
	add_genders(&sb, p, ROLE_MENTEE);
	sb_addf(&sb, ", %zu mentor%s", programme_count(p, ROLE_MENTOR,
	    GENDER__MAX, false), programme_count(p, ROLE_MENTOR, GENDER__MAX,
	    false) == 1 ? "" : "s");
	add_genders(&sb, p, ROLE_MENTOR);
	for (i = 0; i < p->npeople; i++)
		withdrawn += p->people[i].status == STATUS_WITHDRAWN;
	if (withdrawn > 0)
		sb_addf(&sb, ", %zu withdrawn", withdrawn);
	sb_addf(&sb, "; %zu topic%s, %zu event%s; tandems: ", p->ntopics,
	    p->ntopics == 1 ? "" : "s", p->nevents, p->nevents == 1 ? "" : "s");
	switch (p->tandem_source) {
	case TANDEMS_INLINE:
		sb_addf(&sb, "%zu fixed in programme.xml", p->ntandems);
		break;
	case TANDEMS_FILE:
		sb_addf(&sb, "%zu fixed in tandems.xml", p->ntandems);
		break;
	default:
		sb_adds(&sb, "to be matched");
		break;
	}
	sb_addc(&sb, '.');
	add_rules(&sb, p);
	puts(sb_str(&sb));
	sb_free(&sb);
}

/* The folder of a programme path (the path itself if it is a folder). */
static char *
programme_dir(const char *path)
{
	const char *slash;

	if (dir_exists(path))
		return xstrdup(path);
	if ((slash = strrchr(path, '/')) == NULL)
		return xstrdup(".");
	return slash == path ? xstrdup("/") :
	    xstrndup(path, (size_t)(slash - path));
}

int
cmd_check(int argc, char *argv[])
{
	struct programme *p;
	char *dir;
	int trc, rc2 = 0, hrc = 0;

	if (argc == 2 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		puts("usage: tandem check DIR");
		return 0;
	}
	if (argc != 2)
		return cmd_usage("check", argc < 2 ? "no programme folder "
		    "given" : "too many arguments");
	if (argv[1][0] == '-' && argv[1][1] != '\0')
		return cmd_usage("check", "unknown option '%s'", argv[1]);
	if (!file_exists(argv[1])) {
		diag(DIAG_NOINPUT, argv[1], 0, 0, "no such programme folder "
		    "or file");
		return -1;
	}
	p = load_programme(argv[1]);
	dir = programme_dir(argv[1]);
	/* The logos as build sees them: the same check, the same warnings. */
	if (p != NULL) {
		struct layout_run *run = layout_run_new();

		if (docs_check_logos(p, p->dir ? p->dir : dir, NULL) != 0)
			rc2 = -1;
		docs_check_metadata(p);
		docs_certificate_check_place(p);
		if (docs_hyphenation(p, p->dir ? p->dir : dir, run) != 0)
			hrc = -1;
		layout_run_free(run);
	}
	/* The fields, where the same-field rule is on (warnings only). */
	if (p != NULL)
		fields_check(p);
	trc = check_texts(dir, p);
	if (rc2 != 0 && trc == 0)
		trc = rc2;
	if ((rc2 = check_templates(dir)) != 0 && trc == 0)
		trc = rc2;
	if (hrc != 0 && trc == 0)
		trc = hrc;
	layout_done();
	free(dir);
	if (p == NULL)
		return -1;
	if (trc == 0)
		summary(p);
	programme_free(p);
	return trc;
}
