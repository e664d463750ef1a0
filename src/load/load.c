/*
 * Loading a programme (load.h): the entry points, which read
 * programme.xml and tandems.xml with the safe reader (xml.c), check them
 * against the element table (structure.c), build the model (build.c), run
 * validate_programme() and have the embedded schema check last.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/load_int.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/* dir + "/" + name, without doubling slashes; "." gives name alone. */
static char *
path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (strcmp(dir, ".") == 0)
		return xstrdup(name);
	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* The folder part of a file path ("." if none). */
static char *
path_dir(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/*
 * Load DIR/tandems.xml into p (p->tandems_file is its name). Returns the
 * document (for the schema check at the end) or NULL.
 */
static struct xml_doc *
load_tandems_file(struct programme *p)
{
	struct ctx c = { p, p->tandems_file, 0, NULL, 0 };
	struct xml_doc *doc;
	xmlNodePtr root;

	if ((doc = xml_read_file_in(p->dir ? p->dir : ".",
	    p->tandems_file)) == NULL)
		return NULL;
	root = xmlDocGetRootElement(doc->doc);
	load_check_root(&c, root, EL_TANDEMS);
	if (c.errors == 0) {
		p->tandem_source = TANDEMS_FILE;
		p->tandems_line = xml_line_of(root);
		load_index_people(&c);
		load_build_tandems(&c, root);
	}
	free(c.people);
	return doc;
}

/* Is k an element named name (no namespace)? */
static bool
is_el(xmlNodePtr k, const char *name)
{
	return k->type == XML_ELEMENT_NODE && k->ns == NULL &&
	    strcmp((const char *)k->name, name) == 0;
}

/*
 * Take out of the tree, before the schema check, the elements of which a
 * programme may have tens of thousands and which the element table
 * (structure.c) has checked as the schema would (attributes and their
 * types, children, no stray text): the <pin> and <forbid> elements of
 * <matching> and every <person> of <people> but the first. libxml2's
 * RelaxNG validation grows faster than their number: 90,000 <forbid>
 * took 4-9 s, 20,000 people 0.6 s of a 1 s check and 100,000 people 17 s.
 * The first person stays, so the schema still sees the shape of <people>.
 * The tree is not used afterwards.
 */
static void
drop_checked_elements(xmlNodePtr root)
{
	for (xmlNodePtr m = root != NULL ? root->children : NULL; m != NULL;
	    m = m->next) {
		xmlNodePtr k, next;
		bool people = is_el(m, "people"), first = true;

		if (!people && !is_el(m, "matching"))
			continue;
		for (k = m->children; k != NULL; k = next) {
			next = k->next;
			if (people ? is_el(k, "person") && !first :
			    is_el(k, "pin") || is_el(k, "forbid")) {
				xmlUnlinkNode(k);
				xmlFreeNode(k);
			} else if (people && is_el(k, "person"))
				first = false;
		}
	}
}

/*
 * The common part of load_programme() and load_programme_buf(): p has dir
 * and file set; buf is the contents of p->file (NULL: read the file), and
 * tandems.xml is looked for only when with_tandems is true. Frees p on
 * failure.
 */
static struct programme *
load_common(struct programme *p, const char *buf, size_t len,
    bool with_tandems)
{
	struct ctx c;
	struct xml_doc *doc, *tdoc = NULL;
	xmlNodePtr root;
	unsigned long errors0 = diag_errors();
	int bad;
	char *tf;
	const char *base;

	c = (struct ctx){ p, p->file, 0, NULL, 0 };
	if (buf != NULL)
		doc = xml_read(p->file, buf, len);
	else
		doc = xml_read_file(p->file);
	if (doc == NULL)
		goto fail;
	root = xmlDocGetRootElement(doc->doc);
	load_check_root(&c, root, EL_PROGRAMME);
	if (root == NULL || root->ns != NULL ||
	    load_el_lookup(name_of(root)) != EL_PROGRAMME) {
		xml_free(doc);
		goto fail;
	}
	load_build_programme(&c, root);
	free(c.people);
	c.people = NULL;

	/* tandems.xml belongs to a programme folder: not looked for beside
	 * a file given under another name (e.g. cohort-2023.xml), nor for a
	 * programme given as bytes. */
	tf = path_join(p->dir, "tandems.xml");
	base = strrchr(p->file, '/');
	base = base != NULL ? base + 1 : p->file;
	if (with_tandems && strcmp(base, "programme.xml") == 0 &&
	    file_exists(tf)) {
		if (p->tandem_source == TANDEMS_INLINE) {
			diag(DIAG_ERROR, p->file, p->tandems_line, 0,
			    "fixed tandems are given both here and in %s; "
			    "keep one", tf);
			free(tf);
		} else {
			p->tandems_file = tf;
			tdoc = load_tandems_file(p);
		}
	} else
		free(tf);
	programme_index_forbids(p);
	validate_programme(p);

	/*
	 * The schema has the last word: whatever it rejects that the checks
	 * above let through is an error too (worded as libxml2 words it).
	 */
	if (diag_errors() == errors0) {
		drop_checked_elements(root);
		bad = xml_validate(doc, "schema/programme.rng", true) < 0;
		if (!bad && tdoc != NULL)
			bad = xml_validate(tdoc, "schema/programme.rng",
			    true) < 0;
		if (bad)
			diag(DIAG_INTERNAL, NULL, 0, 0, "internal error: the "
			    "built-in schema cannot be used");
	}
	xml_free(doc);
	xml_free(tdoc);
	if (diag_errors() > errors0)
		goto fail;
	return p;
fail:
	programme_free(p);
	return NULL;
}

struct programme *
load_programme(const char *path)
{
	struct programme *p;

	if (dir_exists(path)) {
		p = programme_new();
		p->dir = xstrdup(path);
		p->file = path_join(path, "programme.xml");
	} else if (file_exists(path)) {
		p = programme_new();
		p->dir = path_dir(path);
		p->file = xstrdup(path);
	} else {
		diag(DIAG_NOINPUT, path, 0, 0, "no such programme folder or "
		    "file");
		return NULL;
	}
	return load_common(p, NULL, 0, true);
}

struct programme *
load_programme_buf(const char *buf, size_t len, const char *name)
{
	struct programme *p = programme_new();
	struct programme *r;
	char *copy = xmalloc(len + 1);

	memcpy(copy, buf, len);
	copy[len] = '\0';
	p->dir = xstrdup(".");
	p->file = xstrdup(name);
	r = load_common(p, copy, len, false);
	free(copy);
	return r;
}


int
load_schema_valid(const char *buf, size_t len)
{
	struct xml_doc *doc = xml_parse("(memory)", xstrndup(buf, len), len,
	    true);
	int n;

	if (doc == NULL)
		return 0;
	n = xml_validate(doc, "schema/programme.rng", false);
	xml_free(doc);
	return n < 0 ? -1 : n == 0;
}
