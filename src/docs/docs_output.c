/*
 * Where the document kinds meet the render path: the template of a kind
 * (the programme's own or the built-in one) and writing a document tree
 * to its file in the output folder through the output the command chose.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "docs/docs.h"
#include "docs/docs_logo.h"
#include "layout/layout.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
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
docs_template(const struct programme *p, const char *name)
{
	const char *dir = p->dir ? p->dir : ".";
	char *path = xasprintf("%s/templates/%s.xml", dir, name);
	char *rname = xasprintf("templates/%s.xml", name);
	struct template *t = NULL;
	const struct resource *r;
	char *data;
	size_t len;

	if (file_exists(path)) {
		if ((data = file_read_in(dir, path, FILEIO_MAX_XML, &len)) ==
		    NULL) {
			diag(file_refused(errno) ? DIAG_ERROR : DIAG_NOINPUT,
			    path, 0, 0, "cannot read: %s", file_why(errno));
		} else
			t = template_load_in(dir, path, data, len);
		free(data);
	} else if ((r = resource_get(rname)) != NULL) {
		/* A built-in template that does not load is a bug. */
		if ((t = template_load(r->name, r->data, r->len)) == NULL)
			diag_setrc(DIAG_INTERNAL);
		else if (p->lang == LANG_EN)
			template_english(t);
	} else
		diag(DIAG_INTERNAL, rname, 0, 0, "no built-in template");
	if (t != NULL && docs_check_template_logo(t, dir) != 0) {
		template_free(t);
		t = NULL;
	}
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
	free(path);
	return rc;
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
