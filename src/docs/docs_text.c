/*
 * The texts of the document kinds: reading a programme's Markdown text
 * (its own or the built-in default of its language) and converting it
 * into a document tree with its placeholders expanded; block
 * placeholders are handed to the kind's docs_env.block.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/placeholder.h"
#include "docs/docs.h"
#include "layout/layout.h"
#include "markdown/markdown.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/resource.h"
#include "util/xalloc.h"

/* What the Markdown hooks need. */
struct mdhook {
	const struct docs_env		*env;
	const struct compose_ctx	*ctx;
	const char			*file;
};

/* Escape "\\{" before cmark parses the text. */
static void
hook_prepare(void *arg, char *src, size_t len)
{
	(void)arg;
	placeholder_escape_source(src, len);
}

static int
hook_tree(void *arg, cmark_node *root)
{
	struct mdhook *h = arg;
	int errors = placeholder_expand_tree(root, h->ctx, h->file);

	if (h->ctx->text == COMPOSE_AGREEMENT)
		placeholder_tick_items(root);
	return errors;
}

static void
hook_custom(void *arg, struct doc_block *parent, cmark_node *n)
{
	struct mdhook *h = arg;
	int num, k = placeholder_block(n, &num);

	if (k >= 0 && h->env->block != NULL)
		h->env->block(parent, h->env, h->ctx, k, num);
}

int
docs_markdown(struct doc *d, struct doc_block *parent,
    const struct docs_env *env, const struct compose_ctx *ctx,
    const char *file, const char *text, size_t len)
{
	struct md_opts o;
	struct mdhook h = { env, ctx, file };

	memset(&o, 0, sizeof(o));
	o.file = file;
	o.base_dir = env->p->dir;
	o.run = env->run;
	o.arg = &h;
	o.prepare = hook_prepare;
	o.tree = hook_tree;
	o.custom = hook_custom;
	o.tick = placeholder_tick;
	return md_to_doc(d, parent, text, len, &o);
}

/* Warn about each image of the tree below b that a build would leave
 * out, as the layout words it. */
static void
check_images(const struct doc_block *b)
{
	for (const struct doc_block *k = b->first; k != NULL; k = k->next) {
		if (k->kind == DOC_IMAGE)
			layout_image_usable(NULL, k);
		check_images(k);
	}
}

int
docs_text_check(const struct programme *p, enum compose_text kind,
    const char *file, const char *text, size_t len)
{
	struct compose_ctx ctx;
	struct docs_env env;
	struct doc *d = doc_new(NULL);
	int rc;

	memset(&env, 0, sizeof(env));
	env.p = p;
	compose_ctx_init(&ctx, p, kind);
	rc = docs_markdown(d, d->root, &env, &ctx, file, text, len);
	check_images(d->root);
	doc_free(d);
	return rc;
}

char *
docs_text_read(const struct programme *p, const char *name, char **file,
    size_t *len)
{
	const char *dir = p->dir ? p->dir : ".";
	char *path = xasprintf("%s/%s", dir, name);
	char *rname, *text;
	const struct resource *r;

	if (file_exists(path)) {
		if ((text = file_read_in(dir, path, FILEIO_MAX_TEXT, len)) ==
		    NULL) {
			diag(file_refused(errno) ? DIAG_ERROR : DIAG_NOINPUT,
			    path, 0, 0, "cannot read: %s", file_why(errno));
			free(path);
			return NULL;
		}
		*file = path;
		return text;
	}
	free(path);
	rname = xasprintf("%s%s", docs_default_dir(p), name);
	if ((r = resource_get(rname)) == NULL) {
		diag(DIAG_INTERNAL, rname, 0, 0, "no built-in text");
		free(rname);
		return NULL;
	}
	text = xmalloc(r->len + 1);
	memcpy(text, r->data, r->len);
	text[r->len] = '\0';
	*len = r->len;
	*file = rname;
	return text;
}

const char *
docs_default_dir(const struct programme *p)
{
	return p->lang == LANG_EN ? "content/en/" : "content/";
}
