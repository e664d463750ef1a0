/*
 * Reading templates (see template.h): libxml2 without network or entity
 * expansion, RelaxNG validation against the embedded schema, then the
 * values, then the fonts.
 */
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/tree.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "device/font.h"
#include "layout/template.h"
#include "util/diag.h"
#include "util/resource.h"
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

/* Report a RelaxNG or parser error with its line. */
static void
xml_error(void *ctx, const xmlError *e)
{
	const char *file = ctx;
	char *msg = xstrdup(e->message ? e->message : "malformed");
	size_t n = strlen(msg);

	while (n > 0 && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	diag_error(file, e->line, "%s", msg);
	free(msg);
}

static void
xml_error_cb(void *ctx, xmlErrorPtr e)
{
	xml_error(ctx, e);
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
attr(xmlNode *n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

/* Read a length attribute into *v if present; false on a bad value. */
static bool
get_length(const char *file, xmlNode *n, const char *name, double *v)
{
	char *s = attr(n, name);
	bool ok = true;

	if (s != NULL && !(ok = template_length(s, v)))
		diag_error(file, xmlGetLineNo(n), "%s=\"%s\": not a length",
		    name, s);
	xmlFree(s);
	return ok;
}

static bool
get_colour(const char *file, xmlNode *n, const char *name,
    struct dev_color *c)
{
	char *s = attr(n, name);
	unsigned v;

	if (s == NULL)
		return true;
	if (strlen(s) != 7 || sscanf(s + 1, "%6x", &v) != 1) {
		diag_error(file, xmlGetLineNo(n), "%s=\"%s\": not a colour",
		    name, s);
		xmlFree(s);
		return false;
	}
	c->r = ((v >> 16) & 0xff) / 255.0;
	c->g = ((v >> 8) & 0xff) / 255.0;
	c->b = (v & 0xff) / 255.0;
	xmlFree(s);
	return true;
}

static void
get_string(xmlNode *n, const char *name, char **field)
{
	char *s = attr(n, name);

	if (s == NULL)
		return;
	free(*field);
	*field = xstrdup(s);
	xmlFree(s);
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
read_element(struct template *t, xmlNode *n)
{
	const char *name = (const char *)n->name, *f = t->file;
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
			xmlFree(s);
		}
		ok &= get_length(f, n, "width", &t->page_w);
		ok &= get_length(f, n, "height", &t->page_h);
		ok &= get_length(f, n, "top", &t->top);
		ok &= get_length(f, n, "bottom", &t->bottom);
		ok &= get_length(f, n, "left", &t->left);
		ok &= get_length(f, n, "right", &t->right);
		if (ok && (t->page_w - t->left - t->right < 72 ||
		    t->page_h - t->top - t->bottom < 72)) {
			diag_error(f, xmlGetLineNo(n), "the margins leave less "
			    "than 1 inch for the text");
			ok = false;
		}
	} else if (strcmp(name, "font") == 0) {
		s = attr(n, "role");
		i = find_name(role_names, DOC_FONT__MAX, s);
		xmlFree(s);
		if (i < 0)
			return false;
		get_string(n, "family", &t->family[i]);
		get_string(n, "fallback", &t->fallback[i]);
		ok &= get_length(f, n, "size", &t->size[i]);
		ok &= get_length(f, n, "leading", &t->leading[i]);
		t->font_line[i] = xmlGetLineNo(n);
		if (ok && (t->size[i] < 4 || t->size[i] > 72 ||
		    t->leading[i] < t->size[i] * 0.8)) {
			diag_error(f, xmlGetLineNo(n), "font size must be 4 to "
			    "72 points and leading at least 0.8 times it");
			ok = false;
		}
	} else if (strcmp(name, "heading") == 0) {
		s = attr(n, "level");
		i = s ? atoi(s) : 0;
		xmlFree(s);
		if (i < 1 || i > 4)
			return false;
		ok &= get_length(f, n, "size", &t->heading[i].size);
		ok &= get_length(f, n, "before", &t->heading[i].before);
		ok &= get_length(f, n, "after", &t->heading[i].after);
		if ((s = attr(n, "new-page")) != NULL)
			t->heading[i].new_page = strcmp(s, "yes") == 0;
		xmlFree(s);
		if (ok && (t->heading[i].size < 4 || t->heading[i].size > 72)) {
			diag_error(f, xmlGetLineNo(n), "heading size must be "
			    "4 to 72 points");
			ok = false;
		}
	} else if (strcmp(name, "paragraph") == 0) {
		s = attr(n, "align");
		if ((i = find_name(align_names, DOC_ALIGN__MAX, s)) > 0)
			t->align = (enum doc_align)i;
		xmlFree(s);
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
static bool
open_fallback(struct template *t, int i)
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

		if (strchr(fam, '/') != NULL)
			spec = xstrdup(fam);
		else
			spec = xasprintf("%s%s", fam, face_suffix[s]);
		t->fbfonts[i][s] = font_open(spec, &err);
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
open_fonts(struct template *t)
{
	bool ok = true;

	for (int i = 0; i < DOC_FONT__MAX; i++)
		for (int s = 0; s < TMPL_FACES; s++) {
			char *spec;
			const char *err = NULL;

			if (strchr(t->family[i], '/') != NULL)
				spec = xstrdup(t->family[i]);
			else
				spec = xasprintf("%s%s", t->family[i],
				    face_suffix[s]);
			t->fonts[i][s] = font_open(spec, &err);
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
		ok = open_fallback(t, i);
	return ok;
}

/* Validate the parsed document against the embedded schema. */
static bool
validate(const char *file, xmlDoc *xd)
{
	const struct resource *r = resource_get("schema/template.rng");
	xmlRelaxNGParserCtxt *pc;
	xmlRelaxNG *schema;
	xmlRelaxNGValidCtxt *vc;
	bool ok = false;

	if (r == NULL) {
		diag_error(file, 0, "internal error: no template schema");
		return false;
	}
	pc = xmlRelaxNGNewMemParserCtxt(r->data, (int)r->len);
	schema = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	if (schema == NULL) {
		diag_error(file, 0, "internal error: bad template schema");
		return false;
	}
	vc = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vc, xml_error_cb, (void *)file);
	ok = xmlRelaxNGValidateDoc(vc, xd) == 0;
	xmlRelaxNGFreeValidCtxt(vc);
	xmlRelaxNGFree(schema);
	return ok;
}

struct template *
template_load(const char *file, const char *data, size_t len)
{
	struct template *t;
	xmlParserCtxt *ctxt;
	xmlDoc *xd = NULL;
	xmlNode *root, *n;
	bool ok = true;
	unsigned long errors;

	t = xcalloc(1, sizeof(*t));
	t->file = xstrdup(file);
	defaults(t);
	ctxt = xmlNewParserCtxt();
	xmlSetStructuredErrorFunc((void *)file, xml_error_cb);
	if (len > (size_t)0x7fffffff)
		len = 0;
	errors = diag_count(DIAG_ERROR);
	xd = xmlCtxtReadMemory(ctxt, data, (int)len, file, "UTF-8",
	    XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOERROR |
	    XML_PARSE_NOWARNING);
	if (xd == NULL) {
		const xmlError *e = xmlCtxtGetLastError(ctxt);

		if (diag_count(DIAG_ERROR) > errors)
			;	/* reported by the handler */
		else if (e != NULL)
			xml_error((void *)file, e);
		else
			diag_error(file, 0, "not an XML file");
		ok = false;
	} else if (xd->intSubset != NULL) {
		diag_error(file, 1, "a document type declaration is not "
		    "allowed");
		ok = false;
	} else
		ok = validate(file, xd);
	xmlSetStructuredErrorFunc(NULL, NULL);
	if (ok) {
		root = xmlDocGetRootElement(xd);
		get_string(root, "kind", &t->kind);
		for (n = root->children; n != NULL; n = n->next)
			if (n->type == XML_ELEMENT_NODE)
				ok &= read_element(t, n);
	}
	xmlFreeDoc(xd);
	xmlFreeParserCtxt(ctxt);
	if (ok)
		ok = open_fonts(t);
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
