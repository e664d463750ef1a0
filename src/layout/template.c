/*
 * Reading templates (see template.h): parsed by the safe XML reader
 * (load/xml.h), a check of elements, attributes and values that names the
 * line of each mistake (check_tree), RelaxNG validation against the
 * embedded schema as a backstop, then the values, then the fonts.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "device/font.h"
#include "layout/template.h"
#include "load/xml.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/suggest.h"
#include "util/xalloc.h"

static const char *const role_names[DOC_FONT__MAX] = {
	"body", "heading", "mono"
};

static const char *const align_names[DOC_ALIGN__MAX] = {
	"", "left", "center", "right", "justify"
};

static const char *const slot_names[TMPL_SLOT__MAX] = {
	"left", "center", "right"
};

/* fontconfig suffixes of the four faces, by DOC_BOLD | DOC_ITALIC. */
static const char *const face_suffix[TMPL_FACES] = {
	"", ":bold", ":italic", ":bold:italic"
};

bool
template_length(const char *s, double *pt)
{
	char *end;
	double v;

	errno = 0;
	v = strtod(s, &end);
	if (end == s || errno != 0 || v < 0 || v > 10000)
		return false;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		*pt = v;
	else if (strcmp(end, "mm") == 0)
		*pt = v * 72 / 25.4;
	else if (strcmp(end, "cm") == 0)
		*pt = v * 72 / 2.54;
	else if (strcmp(end, "in") == 0)
		*pt = v * 72;
	else
		return false;
	return true;
}

static void
defaults(struct template *t)
{
	t->page_w = 595.276;
	t->page_h = 841.89;
	t->top = t->bottom = t->left = t->right = 72;
	t->family[DOC_FONT_BODY] = xstrdup("Liberation Serif");
	t->family[DOC_FONT_HEADING] = xstrdup("Liberation Sans");
	t->family[DOC_FONT_MONO] = xstrdup("Liberation Mono");
	/* NULL: chosen by the family's kind in open_fonts(). */
	t->size[DOC_FONT_BODY] = t->size[DOC_FONT_HEADING] = 11;
	t->size[DOC_FONT_MONO] = 9;
	t->leading[DOC_FONT_BODY] = t->leading[DOC_FONT_HEADING] = 14;
	t->leading[DOC_FONT_MONO] = 12;
	for (int i = 1; i <= 4; i++) {
		t->heading[i].size = 20 - 3 * i;
		t->heading[i].before = 12;
		t->heading[i].after = 6;
	}
	t->align = DOC_ALIGN_JUSTIFY;
	t->par_space = 6;
	t->heading_color = t->text;
	t->link = t->text;
	t->rule.r = t->rule.g = t->rule.b = 0.5;
	t->head_size = t->foot_size = 9;
}

static char *
attr(const struct xml_node *n, const char *name)
{
	return xml_attr(n, name);
}

/* Read a length attribute into *v if present; false on a bad value. */
static bool
get_length(const char *file, const struct xml_node *n, const char *name,
    double *v)
{
	char *s = attr(n, name);
	bool ok = true;

	if (s != NULL && !(ok = template_length(s, v)))
		diag_error(file, xml_end_line(n), "%s=\"%s\": not a length",
		    name, s);
	free(s);
	return ok;
}

static bool
get_colour(const char *file, const struct xml_node *n, const char *name,
    struct dev_color *c)
{
	char *s = attr(n, name);
	unsigned v;

	if (s == NULL)
		return true;
	if (strlen(s) != 7 || sscanf(s + 1, "%6x", &v) != 1) {
		diag_error(file, xml_end_line(n), "%s=\"%s\": not a colour",
		    name, s);
		free(s);
		return false;
	}
	c->r = ((v >> 16) & 0xff) / 255.0;
	c->g = ((v >> 8) & 0xff) / 255.0;
	c->b = (v & 0xff) / 255.0;
	free(s);
	return true;
}

static void
get_string(const struct xml_node *n, const char *name, char **field)
{
	char *s = attr(n, name);

	if (s == NULL)
		return;
	free(*field);
	*field = xstrdup(s);
	free(s);
}

static int
find_name(const char *const *names, int n, const char *s)
{
	for (int i = 0; i < n; i++)
		if (s != NULL && strcmp(names[i], s) == 0)
			return i;
	return -1;
}

/* Take the values of one validated element; false on a bad value. */
static bool
read_element(struct template *t, const struct xml_node *n)
{
	const char *name = xml_name(n), *f = t->file;
	char *s;
	bool ok = true;
	int i;

	if (strcmp(name, "page") == 0) {
		if ((s = attr(n, "size")) != NULL) {
			if (strcmp(s, "A5") == 0) {
				t->page_w = 419.528;
				t->page_h = 595.276;
			} else if (strcmp(s, "letter") == 0) {
				t->page_w = 612;
				t->page_h = 792;
			}
			free(s);
		}
		ok &= get_length(f, n, "width", &t->page_w);
		ok &= get_length(f, n, "height", &t->page_h);
		ok &= get_length(f, n, "top", &t->top);
		ok &= get_length(f, n, "bottom", &t->bottom);
		ok &= get_length(f, n, "left", &t->left);
		ok &= get_length(f, n, "right", &t->right);
		if (ok && (t->page_w - t->left - t->right < 72 ||
		    t->page_h - t->top - t->bottom < 72)) {
			diag_error(f, xml_end_line(n), "the margins leave less "
			    "than 1 inch for the text");
			ok = false;
		}
	} else if (strcmp(name, "font") == 0) {
		s = attr(n, "role");
		i = find_name(role_names, DOC_FONT__MAX, s);
		free(s);
		if (i < 0)
			return false;
		get_string(n, "family", &t->family[i]);
		get_string(n, "fallback", &t->fallback[i]);
		ok &= get_length(f, n, "size", &t->size[i]);
		ok &= get_length(f, n, "leading", &t->leading[i]);
		t->font_line[i] = xml_end_line(n);
		if (ok && (t->size[i] < 4 || t->size[i] > 72 ||
		    t->leading[i] < t->size[i] * 0.8)) {
			diag_error(f, xml_end_line(n), "font size must be 4 to "
			    "72 points and leading at least 0.8 times it");
			ok = false;
		}
	} else if (strcmp(name, "heading") == 0) {
		s = attr(n, "level");
		i = s ? atoi(s) : 0;
		free(s);
		if (i < 1 || i > 4)
			return false;
		ok &= get_length(f, n, "size", &t->heading[i].size);
		ok &= get_length(f, n, "before", &t->heading[i].before);
		ok &= get_length(f, n, "after", &t->heading[i].after);
		if ((s = attr(n, "new-page")) != NULL)
			t->heading[i].new_page = strcmp(s, "yes") == 0;
		free(s);
		if (ok && (t->heading[i].size < 4 || t->heading[i].size > 72)) {
			diag_error(f, xml_end_line(n), "heading size must be "
			    "4 to 72 points");
			ok = false;
		}
	} else if (strcmp(name, "paragraph") == 0) {
		s = attr(n, "align");
		if ((i = find_name(align_names, DOC_ALIGN__MAX, s)) > 0)
			t->align = (enum doc_align)i;
		free(s);
		ok &= get_length(f, n, "space", &t->par_space);
		ok &= get_length(f, n, "indent", &t->par_indent);
	} else if (strcmp(name, "colors") == 0) {
		ok &= get_colour(f, n, "text", &t->text);
		ok &= get_colour(f, n, "heading", &t->heading_color);
		ok &= get_colour(f, n, "link", &t->link);
		ok &= get_colour(f, n, "rule", &t->rule);
	} else if (strcmp(name, "header") == 0 ||
	    strcmp(name, "footer") == 0) {
		bool head = name[0] == 'h';

		for (i = 0; i < TMPL_SLOT__MAX; i++)
			get_string(n, slot_names[i],
			    head ? &t->head[i] : &t->foot[i]);
		ok &= get_length(f, n, "size",
		    head ? &t->head_size : &t->foot_size);
	} else if (strcmp(name, "logo") == 0) {
		get_string(n, "src", &t->logo);
		t->logo_line = xml_end_line(n);
		t->logo_x = t->left;
		t->logo_y = t->top / 3;
		t->logo_w = 100;
		ok &= get_length(f, n, "x", &t->logo_x);
		ok &= get_length(f, n, "y", &t->logo_y);
		ok &= get_length(f, n, "width", &t->logo_w);
	}
	return ok;
}

/*
 * The default fallback family for a family: DejaVu, which covers the Latin
 * Extended Additional block (transliterated Arabic, Vietnamese, capital
 * sharp s) that Liberation lacks, of the same kind (serif, sans, mono).
 */
static const char *
default_fallback(const char *family)
{
	if (strstr(family, "Mono") != NULL || strstr(family, "mono") != NULL)
		return "DejaVu Sans Mono";
	if (strstr(family, "Sans") != NULL || strstr(family, "sans") != NULL)
		return "DejaVu Sans";
	return "DejaVu Serif";
}

/*
 * Open the fallback family of role i in the four faces (a missing face
 * takes the regular one) and attach each to the family's face. The
 * default one may be missing silently; one the template names must exist.
 */
/*
 * What font_open_in() is given for face s of family fam: a fontconfig
 * name with the face's suffix, or a font file (a name with a slash or
 * ending in .ttf), named relative to the programme folder dir, inside
 * which font_open_in() reads it. NULL with *err for a name refused.
 */
static char *
font_spec(const char *dir, const char *fam, int s, const char **err)
{
	size_t n = strlen(fam);

	if (strchr(fam, '/') == NULL && (n <= 4 ||
	    strcasecmp(fam + n - 4, ".ttf") != 0))
		return xasprintf("%s%s", fam, face_suffix[s]);
	if (dir == NULL) {
		*err = "a font file can be named only by a template in a "
		    "programme folder; name an installed family instead";
		return NULL;
	}
	if (fam[0] == '/') {
		*err = "an absolute path; copy the font file into the "
		    "programme folder and name it relative to it";
		return NULL;
	}
	return xasprintf("%s/%s", dir, fam);
}

static bool
open_fallback(struct template *t, const char *dir, int i)
{
	const char *fam = t->fallback[i];
	bool named = fam != NULL;

	if (fam == NULL)
		fam = default_fallback(t->family[i]);
	if (*fam == '\0' || strcmp(fam, t->family[i]) == 0)
		return true;
	for (int s = 0; s < TMPL_FACES; s++) {
		char *spec;
		const char *err = NULL;

		if ((spec = font_spec(dir, fam, s, &err)) == NULL) {
			diag_error(t->file, t->font_line[i],
			    "fallback font \"%s\": %s", fam, err);
			return false;
		}
		t->fbfonts[i][s] = font_open_in(dir, spec, &err);
		free(spec);
		if (t->fbfonts[i][s] == NULL && s == 0) {
			if (!named)
				return true;
			diag_error(t->file, t->font_line[i],
			    "fallback font \"%s\": %s", fam,
			    err ? err : "cannot open");
			return false;
		}
	}
	for (int s = 0; s < TMPL_FACES; s++) {
		struct font *fb = t->fbfonts[i][s] ? t->fbfonts[i][s] :
		    t->fbfonts[i][0];

		if (t->fonts[i][s] != NULL)
			font_set_fallback(t->fonts[i][s], fb);
	}
	return true;
}

/* Open the four faces of each family and of its fallback; false if a
 * family is missing. */
static bool
open_fonts(struct template *t, const char *dir)
{
	bool ok = true;

	for (int i = 0; i < DOC_FONT__MAX; i++)
		for (int s = 0; s < TMPL_FACES; s++) {
			char *spec;
			const char *err = NULL;

			if ((spec = font_spec(dir, t->family[i], s,
			    &err)) == NULL) {
				diag_error(t->file, t->font_line[i],
				    "font \"%s\": %s", t->family[i], err);
				ok = false;
				break;
			}
			t->fonts[i][s] = font_open_in(dir, spec, &err);
			free(spec);
			if (t->fonts[i][s] == NULL && s == 0) {
				diag_error(t->file, t->font_line[i],
				    "font \"%s\": %s", t->family[i],
				    err ? err : "cannot open");
				ok = false;
				break;
			}
		}
	for (int i = 0; ok && i < DOC_FONT__MAX; i++)
		ok = open_fallback(t, dir, i);
	return ok;
}

/* What the value of a template attribute must look like. */
enum tv_kind {
	TV_TEXT,		/* anything */
	TV_LENGTH,		/* 25mm, 2.5cm, 12pt, 1in, 12 */
	TV_NUMBER,		/* 11, 10.5 */
	TV_COLOUR,		/* #1f3864 */
	TV_CHOICE,		/* one of the words in choices */
	TV__MAX
};

/* What a value of each kind must be, as said in messages. */
static const char *const tv_says[TV__MAX] = {
	"",
	"not a length (a number with mm, cm, pt or in, e.g. 25mm)",
	"not a number (e.g. 10.5)",
	"not a colour (# and six hex digits, e.g. #1f3864)",
	"",
};

struct tattr {
	const char	*name;
	enum tv_kind	 kind;
	const char	*choices;	/* TV_CHOICE: "a, b or c" */
	bool		 required;
};

/* The elements inside <template>, in the schema's order. */
enum te {
	TE_PAGE, TE_FONT, TE_HEADING, TE_PARAGRAPH, TE_COLORS, TE_HEADER,
	TE_FOOTER, TE_LOGO, TE__MAX
};

#define TE_ATTRS	8	/* attributes per element, at most */

struct telem {
	const char	*name;
	bool		 required;
	bool		 repeats;	/* may appear more than once */
	struct tattr	 attrs[TE_ATTRS];
};

#define SLOTS	{ "left", TV_TEXT, NULL, false }, \
		{ "center", TV_TEXT, NULL, false }, \
		{ "right", TV_TEXT, NULL, false }, \
		{ "size", TV_NUMBER, NULL, false }

/* The elements and attributes of schema/template.rng. */
static const struct telem telems[TE__MAX] = {
	[TE_PAGE] = { "page", true, false, {
		{ "size", TV_CHOICE, "A4, A5 or letter", false },
		{ "width", TV_LENGTH, NULL, false },
		{ "height", TV_LENGTH, NULL, false },
		{ "top", TV_LENGTH, NULL, false },
		{ "bottom", TV_LENGTH, NULL, false },
		{ "left", TV_LENGTH, NULL, false },
		{ "right", TV_LENGTH, NULL, false } } },
	[TE_FONT] = { "font", false, true, {
		{ "role", TV_CHOICE, "body, heading or mono", true },
		{ "family", TV_TEXT, NULL, false },
		{ "fallback", TV_TEXT, NULL, false },
		{ "size", TV_NUMBER, NULL, false },
		{ "leading", TV_NUMBER, NULL, false } } },
	[TE_HEADING] = { "heading", false, true, {
		{ "level", TV_CHOICE, "1, 2, 3 or 4", true },
		{ "size", TV_NUMBER, NULL, false },
		{ "before", TV_LENGTH, NULL, false },
		{ "after", TV_LENGTH, NULL, false },
		{ "new-page", TV_CHOICE, "yes or no", false } } },
	[TE_PARAGRAPH] = { "paragraph", false, false, {
		{ "align", TV_CHOICE, "left, center, right or justify",
		    false },
		{ "space", TV_LENGTH, NULL, false },
		{ "indent", TV_LENGTH, NULL, false } } },
	[TE_COLORS] = { "colors", false, false, {
		{ "text", TV_COLOUR, NULL, false },
		{ "heading", TV_COLOUR, NULL, false },
		{ "link", TV_COLOUR, NULL, false },
		{ "rule", TV_COLOUR, NULL, false } } },
	[TE_HEADER] = { "header", false, false, { SLOTS } },
	[TE_FOOTER] = { "footer", false, false, { SLOTS } },
	[TE_LOGO] = { "logo", false, false, {
		{ "src", TV_TEXT, NULL, true },
		{ "x", TV_LENGTH, NULL, false },
		{ "y", TV_LENGTH, NULL, false },
		{ "width", TV_LENGTH, NULL, false } } },
};

static const struct tattr template_kind = {
	"kind", TV_CHOICE,
	"handbook, tandems, agreement, certificate, report or statistics", true
};

/* Skip the digits at s; return where they end. */
static const char *
digits(const char *s)
{
	while (*s >= '0' && *s <= '9')
		s++;
	return s;
}

/* Is s a number "12" or "12.5", followed by one of the units (or none)? */
static bool
number_with(const char *s, const char *const *units, size_t nunits)
{
	const char *e = digits(s);

	if (e == s)
		return false;
	if (*e == '.') {
		const char *f = digits(e + 1);

		if (f == e + 1)
			return false;
		e = f;
	}
	if (*e == '\0')
		return true;
	for (size_t i = 0; i < nunits; i++)
		if (strcmp(e, units[i]) == 0)
			return true;
	return false;
}

/* Is v a word of the list "a, b or c"? */
static bool
in_choices(const char *v, const char *choices)
{
	size_t n = strlen(v);
	const char *p = choices;

	if (n == 0)
		return false;
	while ((p = strstr(p, v)) != NULL) {
		bool start = p == choices || p[-1] == ' ';
		bool end = p[n] == '\0' || p[n] == ',' || p[n] == ' ';

		if (start && end)
			return true;
		p += n;
	}
	return false;
}

/* Does v fit the kind of attribute a? */
static bool
value_ok(const struct tattr *a, const char *v)
{
	static const char *const units[] = { "mm", "cm", "pt", "in" };
	size_t i;

	switch (a->kind) {
	case TV_LENGTH:
		return number_with(v, units, 4);
	case TV_NUMBER:
		return number_with(v, units, 0);
	case TV_COLOUR:
		if (v[0] != '#' || strlen(v) != 7)
			return false;
		for (i = 1; i < 7; i++)
			if (strchr("0123456789abcdefABCDEF", v[i]) == NULL)
				return false;
		return true;
	case TV_CHOICE:
		return in_choices(v, a->choices);
	default:
		return true;
	}
}

/*
 * Check the attributes of element n against attrs[0..nattrs) (the first
 * entry without a name ends them early): each known,
 * each value of its kind, the required ones there. Every mistake is
 * reported with the element's line; returns whether there was none.
 */
static bool
check_attrs(const char *file, const struct xml_node *n,
    const struct tattr *attrs, size_t nattrs)
{
	const char *el = xml_name(n);
	const char *names[TE_ATTRS + 1];
	long line = xml_end_line(n);
	bool ok = true;
	size_t i;

	for (i = 0; i < nattrs && attrs[i].name != NULL; i++)
		names[i] = attrs[i].name;
	nattrs = i;		/* the table's unused entries end it */
	for (const struct xml_node *a = xml_attrs(n); a != NULL;
	    a = xml_next(a)) {
		const char *name = xml_name(a);
		char *v;

		for (i = 0; i < nattrs; i++)
			if (strcmp(name, attrs[i].name) == 0)
				break;
		if (i == nattrs || xml_ns(a) != NULL) {
			long k = suggest_index(name, names, nattrs,
			    SUGGEST_ID);

			if (k >= 0)
				diag_error(file, line, "<%s>: unknown "
				    "attribute %s (did you mean %s?)", el,
				    name, names[k]);
			else
				diag_error(file, line, "<%s>: unknown "
				    "attribute %s", el, name);
			ok = false;
			continue;
		}
		v = xml_text(a);
		if (v != NULL && !value_ok(&attrs[i], v)) {
			if (attrs[i].kind == TV_CHOICE)
				diag_error(file, line, "<%s %s=\"%s\">: must "
				    "be %s", el, name, v, attrs[i].choices);
			else
				diag_error(file, line, "<%s %s=\"%s\">: %s",
				    el, name, v, tv_says[attrs[i].kind]);
			ok = false;
		}
		free(v);
	}
	for (i = 0; i < nattrs; i++) {
		char *v;

		if (!attrs[i].required)
			continue;
		if ((v = xml_attr(n, attrs[i].name)) == NULL) {
			diag_error(file, line, "<%s>: attribute %s is "
			    "required", el, attrs[i].name);
			ok = false;
		}
		free(v);
	}
	return ok;
}

/* Is the content of node c only white space (or a comment)? */
static bool
blank(const struct xml_node *c)
{
	char *s;
	bool r;

	if (xml_type(c) == XML_TYPE_OTHER)
		return true;
	if (xml_type(c) != XML_TYPE_TEXT)
		return false;
	s = xml_text(c);
	r = s[strspn(s, " \t\r\n")] == '\0';
	free(s);
	return r;
}

/*
 * Check the whole template before the schema does, so that every mistake
 * gets a message of its own with the line it is on: the root, unknown or
 * repeated elements, text where none belongs, and each attribute. Returns
 * whether the template passed.
 */
static bool
check_tree(const char *file, const struct xml_doc *xd)
{
	const struct xml_node *root = xml_root(xd), *n, *c;
	bool seen[TE__MAX] = { false };
	const char *names[TE__MAX];
	bool ok = true;
	int e;

	if (root == NULL || strcmp(xml_name(root), "template") != 0 ||
	    xml_ns(root) != NULL) {
		diag_error(file, root != NULL ? xml_end_line(root) : 0,
		    "the root element must be <template>");
		return false;
	}
	ok &= check_attrs(file, root, &template_kind, 1);
	for (e = 0; e < TE__MAX; e++)
		names[e] = telems[e].name;
	for (n = xml_children(root); n != NULL; n = xml_next(n)) {
		long line = xml_end_line(n);

		if (xml_type(n) != XML_TYPE_ELEMENT) {
			if (!blank(n)) {
				diag_error(file, line, "text is not allowed "
				    "in <template>");
				ok = false;
			}
			continue;
		}
		for (e = 0; e < TE__MAX; e++)
			if (strcmp(xml_name(n), names[e]) == 0 &&
			    xml_ns(n) == NULL)
				break;
		if (e == TE__MAX) {
			long k = suggest_index(xml_name(n), names,
			    TE__MAX, SUGGEST_ID);

			if (k >= 0)
				diag_error(file, line, "unknown element <%s> "
				    "(did you mean <%s>?)", xml_name(n),
				    names[k]);
			else
				diag_error(file, line, "unknown element <%s> "
				    "in a template", xml_name(n));
			ok = false;
			continue;
		}
		if (seen[e] && !telems[e].repeats) {
			diag_error(file, line, "<%s> is given twice: a "
			    "template has one at most", names[e]);
			ok = false;
		}
		seen[e] = true;
		ok &= check_attrs(file, n, telems[e].attrs, TE_ATTRS);
		for (c = xml_children(n); c != NULL; c = xml_next(c))
			if (!blank(c)) {
				diag_error(file, xml_end_line(c), "<%s> takes "
				    "no %s", names[e], xml_type(c) ==
				    XML_TYPE_ELEMENT ? "elements" : "text");
				ok = false;
			}
	}
	for (e = 0; e < TE__MAX; e++)
		if (telems[e].required && !seen[e]) {
			diag_error(file, xml_end_line(root), "<template> "
			    "lacks its <%s> element", names[e]);
			ok = false;
		}
	return ok;
}

/* Validate the parsed document against the embedded schema. */
static bool
validate(const char *file, const struct xml_doc *xd)
{
	int n = xml_validate(xd, "schema/template.rng", true);

	if (n < 0)
		diag(DIAG_INTERNAL, file, 0, 0, "internal error: bad template "
		    "schema");
	return n == 0;
}

struct template *
template_load(const char *file, const char *data, size_t len)
{
	return template_load_in(NULL, file, data, len);
}

struct template *
template_load_in(const char *dir, const char *file, const char *data,
    size_t len)
{
	struct template *t;
	struct xml_doc *xd;
	const struct xml_node *root, *n;
	bool ok;

	t = xcalloc(1, sizeof(*t));
	t->file = xstrdup(file);
	defaults(t);
	xd = xml_read(file, data, len);
	ok = xd != NULL && check_tree(file, xd) && validate(file, xd);
	if (ok) {
		root = xml_root(xd);
		get_string(root, "kind", &t->kind);
		t->kind_line = xml_end_line(root);
		for (n = xml_children(root); n != NULL; n = xml_next(n))
			if (xml_type(n) == XML_TYPE_ELEMENT)
				ok &= read_element(t, n);
	}
	xml_free(xd);
	if (ok)
		ok = open_fonts(t, dir);
	if (!ok) {
		template_free(t);
		return NULL;
	}
	return t;
}

void
template_free(struct template *t)
{
	if (t == NULL)
		return;
	for (int i = 0; i < DOC_FONT__MAX; i++) {
		free(t->family[i]);
		free(t->fallback[i]);
		for (int s = 0; s < TMPL_FACES; s++) {
			font_free(t->fonts[i][s]);
			font_free(t->fbfonts[i][s]);
		}
	}
	for (int i = 0; i < TMPL_SLOT__MAX; i++) {
		free(t->head[i]);
		free(t->foot[i]);
	}
	free(t->logo);
	free(t->kind);
	free(t->file);
	free(t);
}

struct font *
template_font(const struct template *t, enum doc_font f, unsigned style)
{
	unsigned s = style & (DOC_BOLD | DOC_ITALIC);

	if (t->fonts[f][s] != NULL)
		return t->fonts[f][s];
	if (s == (DOC_BOLD | DOC_ITALIC) && t->fonts[f][DOC_BOLD] != NULL)
		return t->fonts[f][DOC_BOLD];
	return t->fonts[f][0];
}
