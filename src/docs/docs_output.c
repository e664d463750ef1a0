/*
 * Where the document kinds meet the render path: the template of a kind
 * (the programme's own or the built-in one) and writing a document tree
 * to its file in the output folder through the output the command chose.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "docs/docs.h"
#include "docs/docs_logo.h"
#include "layout/layout.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/strmap.h"
#include "util/xalloc.h"

/*
 * The built-in templates' running heads and feet are German; for an
 * English programme their page label becomes "Page X of Y".
 */
static void
template_english(struct template *t)
{
	static const char de[] = "Seite {{page}} von {{pages}}";

	for (int i = 0; i < TMPL_SLOT__MAX; i++) {
		char **slot[2] = { &t->head[i], &t->foot[i] };

		for (int k = 0; k < 2; k++)
			if (*slot[k] != NULL && strcmp(*slot[k], de) == 0) {
				free(*slot[k]);
				*slot[k] = xstrdup("Page {{page}} of {{pages}}");
			}
	}
}

struct template *
docs_template_file(const char *dir, const char *path, const char *name)
{
	struct template *t;
	char *data;
	size_t len;

	if ((data = file_read_in(dir, path, FILEIO_MAX_XML, &len)) == NULL) {
		diag(file_refused(errno) ? DIAG_ERROR : DIAG_NOINPUT, path, 0,
		    0, "cannot read: %s", file_why(errno));
		return NULL;
	}
	t = template_load_in(dir, path, data, len);
	free(data);
	if (t == NULL)
		return NULL;
	/* templates/NAME.xml lays out the kind NAME, and says so. */
	if (t->kind == NULL || strcmp(t->kind, name) != 0) {
		diag(DIAG_ERROR, path, t->kind_line, 0, "kind=\"%s\", but "
		    "the file's name makes it the %s template; write "
		    "kind=\"%s\" or copy the file to templates/%s.xml",
		    t->kind ? t->kind : "", name, name, t->kind ? t->kind :
		    "");
		template_free(t);
		return NULL;
	}
	/* A damaged logo is an error: no document with this template. */
	if (docs_check_template_logo(t, dir) != 0) {
		template_free(t);
		return NULL;
	}
	return t;
}

struct template *
docs_template(const struct programme *p, const char *name)
{
	const char *dir = p->dir ? p->dir : ".";
	char *path = xasprintf("%s/templates/%s.xml", dir, name);
	char *rname = xasprintf("templates/%s.xml", name);
	struct template *t = NULL;
	const struct resource *r;

	if (file_exists(path))
		t = docs_template_file(dir, path, name);
	else if ((r = resource_get(rname)) != NULL) {
		/* A built-in template that does not load is a bug. */
		if ((t = template_load(r->name, r->data, r->len)) == NULL)
			diag_setrc(DIAG_INTERNAL);
		else {
			if (p->lang == LANG_EN)
				template_english(t);
			if (docs_check_template_logo(t, dir) != 0) {
				template_free(t);
				t = NULL;
			}
		}
	} else
		diag(DIAG_INTERNAL, rname, 0, 0, "no built-in template");
	free(path);
	free(rname);
	return t;
}

char *
docs_path(const struct docs_out *o, const char *name)
{
	if (strcmp(o->outdir, "-") == 0 && render_is_text(o->render))
		return xstrdup("-");
	return xasprintf("%s/%s.%s", o->outdir, name, render_ext(o->render));
}

int
docs_write(const struct docs_out *o, const struct doc *d,
    const struct template *t, const char *name, const char *subject,
    const char *title)
{
	struct render_info ri;
	char *path = docs_path(o, name);
	int rc;

	memset(&ri, 0, sizeof(ri));
	ri.title = title;
	ri.subject = subject;
	ri.date = o->date;
	ri.pdfa = o->pdfa;
	rc = render_write(o->render, d, t, &ri, path);
	if (rc == 0 && o->written != NULL)
		strmap_add(o->written, name, 0);
	free(path);
	return rc;
}

/* Is s[0..n) made of an id's characters (tandem-programme(5))? */
static bool
id_stem(const char *s, size_t n)
{
	if (n == 0)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '_' ||
		    s[i] == '-'))
			return false;
	return true;
}

/* Remove OUTDIR/name.EXT if it is a regular file this run did not
 * write. */
static void
clean_one(const struct docs_out *o, const char *name)
{
	size_t v;
	char *path;
	struct stat st;

	if (o->written != NULL && strmap_get(o->written, name, &v))
		return;
	path = docs_path(o, name);
	if (lstat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    unlink(path) != 0)
		diag(DIAG_WARNING, path, 0, 0, "cannot remove this file of an "
		    "earlier build: %s", strerror(errno));
	free(path);
}

void
docs_clean(const struct docs_out *o, const char *kind)
{
	const char *ext = render_ext(o->render);
	size_t el = strlen(ext);
	char *sub;
	DIR *dp;
	struct dirent *de;

	if (strcmp(o->outdir, "-") == 0)
		return;
	clean_one(o, kind);
	/* Only these kinds write a file per tandem or person. */
	if (strcmp(kind, "agreements") != 0 &&
	    strcmp(kind, "certificates") != 0)
		return;
	sub = xasprintf("%s/%s", o->outdir, kind);
	if ((dp = opendir(sub)) != NULL) {
		while ((de = readdir(dp)) != NULL) {
			size_t n = strlen(de->d_name);
			char *name;

			if (n <= el + 1 || de->d_name[n - el - 1] != '.' ||
			    strcmp(de->d_name + n - el, ext) != 0 ||
			    !id_stem(de->d_name, n - el - 1))
				continue;
			name = xasprintf("%s/%.*s", kind, (int)(n - el - 1),
			    de->d_name);
			clean_one(o, name);
			free(name);
		}
		closedir(dp);
		/* The folder goes too when that left it empty. */
		(void)rmdir(sub);
	}
	free(sub);
}

int
docs_build_one(const struct docs_out *o, struct docs_env *env,
    const char *name, docs_compose_fn compose, const char *subject,
    bool plural)
{
	struct template *t;
	struct doc *d;
	char *title = NULL;
	int rc = 0;

	if ((t = docs_template(env->p, name)) == NULL)
		return -1;
	env->t = t;
	if ((d = compose(env)) == NULL)
		rc = -1;
	else {
		/* The document information names the programme, as the
		 * combined files do ("Abschlussbericht – <programme>"). */
		if (plural)
			title = docs_plural_title(env->p, d->title, d->title);
		rc = docs_write(o, d, t, name, subject, title);
	}
	env->t = NULL;
	free(title);
	doc_free(d);
	template_free(t);
	return rc;
}
