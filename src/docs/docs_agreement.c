/*
 * Goal agreements (Zielvereinbarungen): one per tandem from agreement.md,
 * pre-filled with both people, their organisations and the period; the
 * text's tick-box lists, writing lines, the programme's topics as tick
 * boxes (the mentee's ticked) and the signature lines come from the block
 * placeholders (docs_form.c). Written as agreements/<mentee id>.pdf and
 * all of them in agreements.pdf.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose/labels.h"
#include "layout/layout.h"
#include "docs/docs.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct agtext {
	char	*file;
	char	*text;
	size_t	 len;
};

/*
 * Drop the commas left by empty optional values in running text
 * ("Mentee, , , Stadt X" becomes "Mentee, Stadt X"): a comma followed
 * only by spaces and another comma or a full stop goes.
 */
static void
tidy_run(struct doc_run *r)
{
	size_t i, j = 0;

	for (i = 0; i < r->len; i++) {
		if (r->text[i] == ',') {
			size_t k = i + 1;

			while (k < r->len && r->text[k] == ' ')
				k++;
			if (k < r->len && (r->text[k] == ',' ||
			    r->text[k] == '.') && k > i + 1) {
				i = k - 1;
				continue;
			}
		}
		r->text[j++] = r->text[i];
	}
	r->text[j] = '\0';
	r->len = j;
}

static void
tidy(struct doc_block *b)
{
	for (size_t i = 0; i < b->nruns; i++)
		tidy_run(&b->runs[i]);
	for (struct doc_block *k = b->first; k != NULL; k = k->next)
		tidy(k);
}

/* Move the last child of parent to just after the child after. */
static void
move_after(struct doc_block *parent, struct doc_block *after)
{
	struct doc_block *b = parent->last, *k;

	if (b == after || after->next == b)
		return;
	for (k = parent->first; k != NULL && k->next != b; k = k->next)
		;
	if (k == NULL)
		return;
	k->next = NULL;
	parent->last = k;
	b->next = after->next;
	after->next = b;
}

/*
 * Give every tick-box option that ends with a colon ("in einem anderen
 * Rhythmus, nämlich:") a line to write on below it, indented like the
 * option's text (18 pt, after the box): the layout's fill line, drawn as
 * decoration, so that a screen reader or a copy does not meet a run of
 * underscores. The option and its line are kept together (when the
 * option is in a keep group: docs_keep_intros()).
 */
static void
write_on_lines(struct doc_block *b, const struct docs_env *env)
{
	/* The indent in points and the text column's width. */
	double colw[2] = { 14, env->t ? env->t->page_w - env->t->left -
	    env->t->right - 14 : 411 };
	struct doc_block *t, *fill;
	char *text;
	size_t len;
	bool colon;

	for (struct doc_block *k = b->first; k != NULL; k = k->next)
		write_on_lines(k, env);
	/* The most compact form (docs_agreement_fit) leaves them out: the
	 * rest of the option's line is room enough to write on. */
	if (b->kind != DOC_TICKBOX || b->nruns == 0 || b->parent == NULL ||
	    env->compact >= 2)
		return;
	text = doc_plain_text(b);
	len = strlen(text);
	while (len > 0 && text[len - 1] == ' ')
		len--;
	colon = len > 0 && text[len - 1] == ':';
	free(text);
	if (!colon)
		return;
	/* A table that only places: an empty cell as the indent, the
	 * line in the second. */
	t = docs_table(b->parent, colw, 2, 0);
	t->no_rules = true;
	t->layout_only = true;
	t = docs_row(t);
	doc_add(t, DOC_CELL, NULL, 0);
	fill = doc_add(doc_add(t, DOC_CELL, NULL, 0), DOC_FILLIN, b->file,
	    b->line);
	fill->nlines = 1;
	move_after(b->parent, b);
}

/* Compose the agreement of tandem k into d. Returns 0 or -1. */
static int
agreement_into(struct doc *d, const struct docs_env *env,
    const struct agtext *at, int k)
{
	struct compose_ctx ctx;
	struct docs_env form = *env;
	/* A container of its own: linear time for thousands of tandems. */
	struct doc_block *root = doc_add(d->root, DOC_ROOT, NULL, 0);

	form.block = docs_form_block;
	compose_ctx_tandem(&ctx, env->p, k);
	if (docs_markdown(d, root, &form, &ctx, at->file, at->text,
	    at->len) != 0)
		return -1;
	docs_keep_intros(root, root->first);
	write_on_lines(root, env);
	for (struct doc_block *b = root->first; b != NULL; b = b->next) {
		tidy(b);
		/* The title heading is not a chapter of the file. */
		if (b->kind == DOC_HEADING && b->level == 1)
			b->no_toc = b != root->first;
	}
	return 0;
}

/*
 * How compact the agreement of tandem k must be to fit on two pages
 * (tandem(1), build): 0 as written, 1 fewer writing lines and denser
 * topics, 2 one line each. Returns the level, or -1 after a text error.
 */
static int
agreement_fit(struct docs_env *env, const struct agtext *at, int k)
{
	int level;

	for (level = 0; level < 2; level++) {
		struct doc *d = docs_doc_new(env->p, "");
		int pages;

		env->compact = level;
		if (agreement_into(d, env, at, k) != 0) {
			doc_free(d);
			return -1;
		}
		pages = layout_count_pages(env->run, d, env->t);
		doc_free(d);
		if (pages <= 2)
			break;
	}
	env->compact = 0;
	return level;
}

/* "Zielvereinbarung – Aylin Yılmaz und Jonas Becker". */
static char *
agreement_title(const struct programme *p, int k)
{
	struct strbuf sb = STRBUF_INIT;

	sb_adds(&sb, label_get(p->lang, LABEL_AGREEMENT));
	sb_adds(&sb, " \xe2\x80\x93 ");
	compose_name(&sb, &p->people[p->tandems[k].mentee]);
	sb_adds(&sb, DOCS_LANG(p, " und ", " and "));
	compose_name(&sb, &p->people[p->tandems[k].mentor]);
	return sb_take(&sb);
}

struct doc *
docs_agreement_compose(const struct docs_env *env, int k)
{
	struct agtext at;
	struct docs_env fit;
	struct doc *d;
	char *title;

	if ((at.text = docs_text_read(env->p, "agreement.md", &at.file,
	    &at.len)) == NULL)
		return NULL;
	title = agreement_title(env->p, k);
	d = docs_doc_new(env->p, title);
	free(title);
	fit = *env;
	if (env->t != NULL && (fit.compact = agreement_fit(&fit, &at,
	    k)) < 0)
		fit.compact = 0;
	if (agreement_into(d, &fit, &at, k) != 0) {
		doc_free(d);
		d = NULL;
	}
	free(at.text);
	free(at.file);
	return d;
}

int
docs_build_agreements(const struct programme *p,
    const struct tandems_result *tr, const struct docs_out *o)
{
	struct docs_env env;
	struct agtext at;
	struct template *t;
	struct doc *all;
	const char *subject = label_get(p->lang, LABEL_AGREEMENT);
	char *sub = NULL;
	int rc = 0, *level = NULL;

	if (p->ntandems == 0) {
		diag_warn(p->file, p->people_line, "agreements: there are no "
		    "tandems; skipped");
		return 0;
	}
	if ((t = docs_template(p, "agreement")) == NULL)
		return -1;
	if ((at.text = docs_text_read(p, "agreement.md", &at.file,
	    &at.len)) == NULL) {
		template_free(t);
		return -1;
	}
	memset(&env, 0, sizeof(env));
	env.p = p;
	env.t = t;
	env.tr = tr;
	env.run = o->run;
	all = docs_doc_new(p, label_get(p->lang, LABEL_AGREEMENT));
	level = xcalloc(p->ntandems, sizeof(*level));
	for (size_t k = 0; k < p->ntandems && rc == 0; k++) {
		if (k > 0)	/* each agreement counts its own pages */
			doc_add(all->root, DOC_PAGEBREAK, NULL, 0)->
			    restart_pages = true;
		if ((level[k] = agreement_fit(&env, &at, (int)k)) < 0)
			rc = -1;
		env.compact = level[k];
		if (rc == 0 && agreement_into(all, &env, &at, (int)k) != 0)
			rc = -1;
	}
	if (rc != 0)
		goto done;
	if (strcmp(o->outdir, "-") != 0) {
		sub = xasprintf("%s/agreements", o->outdir);
		if (dir_make(sub) != 0) {
			diag(DIAG_CANTCREAT, sub, 0, 0, "cannot create the output "
			    "folder");
			rc = -1;
			goto done;
		}
		for (size_t k = 0; k < p->ntandems && rc == 0; k++) {
			char *title = agreement_title(p, (int)k), *name;
			struct doc *d = docs_doc_new(p, title);

			free(title);
			env.compact = level[k];
			if (agreement_into(d, &env, &at, (int)k) != 0)
				rc = -1;
			else {
				name = xasprintf("agreements/%s", p->people
				    [p->tandems[k].mentee].id);
				rc = docs_write(o, d, t, name, subject, NULL);
				free(name);
			}
			doc_free(d);
		}
	}
	if (rc == 0) {
		char *title = docs_plural_title(p, "Zielvereinbarungen",
		    "Goal agreements");

		rc = docs_write(o, all, t, "agreements",
		    DOCS_LANG(p, "Zielvereinbarungen", "Goal agreements"),
		    title);
		free(title);
	}
done:
	free(level);
	free(sub);
	doc_free(all);
	free(at.text);
	free(at.file);
	template_free(t);
	return rc;
}
