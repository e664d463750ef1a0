/*
 * libFuzzer entry point for the placeholder language (compose/placeholder.h)
 * on Markdown parsed by libcmark: the first input byte picks the kind of
 * text and the person or tandem it is filled in for, the rest is the text.
 * It is expanded as a tree (with the \{ escapes and tick-box items) and as
 * a plain string, against the sample programme with a few tandems added.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "compose/compose.h"
#include "compose/placeholder.h"
#include "load/load.h"
#include "load/model.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

#ifndef FUZZ_TOP
#define FUZZ_TOP "."
#endif

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct programme	*prog;

/*
 * Load the sample programme once and give it tandems (mentee i with mentor
 * i, in people order) so that agreement texts have something to fill in.
 */
static void
setup(void)
{
	size_t nmentee = 0, nmentor = 0, n;
	static struct diag_sink quiet = DIAG_SINK_INIT(NULL, NULL);

	diag_push(&quiet);
	prog = load_programme(FUZZ_TOP "/content/programme.xml");
	if (prog == NULL)
		abort();
	if (prog->ntandems > 0)
		return;
	prog->tandems = xcalloc(prog->npeople, sizeof(*prog->tandems));
	for (size_t i = 0; i < prog->npeople; i++) {
		if (prog->people[i].role == ROLE_MENTEE)
			prog->tandems[nmentee++].mentee = (int)i;
	}
	for (size_t i = 0; i < prog->npeople; i++) {
		if (prog->people[i].role == ROLE_MENTOR && nmentor < nmentee)
			prog->tandems[nmentor++].mentor = (int)i;
	}
	n = nmentee < nmentor ? nmentee : nmentor;
	for (size_t i = 0; i < n; i++)
		prog->tandems[i].score = -1;
	prog->ntandems = n;
	prog->tandem_source = TANDEMS_MATCHED;
}

/*
 * Check that the tree below root is consistent after expansion: every
 * child points back to its parent and its siblings to each other, and it
 * renders. Traps otherwise.
 */
static void
check_tree(cmark_node *root)
{
	cmark_iter *it = cmark_iter_new(root);
	cmark_event_type ev;
	char *s;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		for (cmark_node *k = cmark_node_first_child(n); k != NULL;
		    k = cmark_node_next(k)) {
			if (cmark_node_parent(k) != n)
				__builtin_trap();
			if (cmark_node_next(k) != NULL &&
			    cmark_node_previous(cmark_node_next(k)) != k)
				__builtin_trap();
		}
	}
	cmark_iter_free(it);
	s = cmark_render_xml(root, 0);
	free(s);
}

/*
 * Expand one input both ways. The tree must still be a consistent cmark
 * tree afterwards, whatever the text says.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct compose_ctx ctx;
	struct strbuf out = STRBUF_INIT;
	cmark_node *doc;
	char *src;
	unsigned sel;
	int n;

	if (prog == NULL)
		setup();
	if (size < 1)
		return 0;
	sel = data[0];
	data++;
	size--;
	switch (sel & 3) {
	case 0:
		compose_ctx_init(&ctx, prog, COMPOSE_HANDBOOK);
		break;
	case 1:
		if (prog->ntandems > 0)
			compose_ctx_tandem(&ctx, prog,
			    (int)((sel >> 2) % prog->ntandems));
		else
			compose_ctx_init(&ctx, prog, COMPOSE_AGREEMENT);
		break;
	case 2:
		compose_ctx_person(&ctx, prog,
		    (int)((sel >> 2) % prog->npeople));
		break;
	default:
		compose_ctx_init(&ctx, prog, COMPOSE_REPORT);
		break;
	}
	diag_reset();

	src = xmalloc(size + 1);
	memcpy(src, data, size);
	src[size] = '\0';
	placeholder_escape_source(src, size);
	doc = cmark_parse_document(src, size, CMARK_OPT_SOURCEPOS);
	placeholder_expand_tree(doc, &ctx, "text.md");
	placeholder_tick_items(doc);
	for (cmark_node *k = cmark_node_first_child(doc); k != NULL;
	    k = cmark_node_next(k))
		(void)placeholder_block(k, &n);
	check_tree(doc);
	cmark_node_free(doc);

	memcpy(src, data, size);
	placeholder_expand_str(&out, src, size, &ctx, "text.md", 1, 1);
	sb_free(&out);
	free(src);
	return 0;
}
