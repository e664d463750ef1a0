/*
 * libFuzzer entry point for the XML loader and validator: the input is
 * taken as the bytes of a programme.xml and loaded from memory exactly as
 * "tandem check" loads a file (UTF-8 check, DOCTYPE refusal, libxml2,
 * structure table, schema, model, semantic validation). Any crash, leak,
 * sanitizer report or time-out is a finding.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <sysexits.h>

#include "load/load.h"
#include "load/model.h"
#include "util/diag.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/*
 * Load one input. A successful load must give a programme whose references
 * are all in range (the promise of model.h), which is checked here, so a
 * loader that accepts a broken model is a finding too.
 */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct diag_sink quiet = DIAG_SINK_INIT(NULL, NULL);
	struct programme *p;
	int rc;

	diag_push(&quiet);
	diag_reset();
	p = load_programme_buf((const char *)data, size, "programme.xml");
	rc = diag_rc(NULL);
	diag_pop(&quiet);
	if (p == NULL) {
		if (rc != 65 && rc != 66)
			__builtin_trap();
		return 0;
	}
	if (rc != 0 || diag_errors() != 0)
		__builtin_trap();
	for (size_t i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		if (q->id == NULL || q->family == NULL ||
		    q->org < -1 || q->org >= (int)p->norgs)
			__builtin_trap();
		for (size_t t = 0; t < q->ntopics; t++)
			if (q->topics[t] < 0 || q->topics[t] >= (int)p->ntopics)
				__builtin_trap();
	}
	for (size_t i = 0; i < p->npins; i++)
		if (p->pins[i].mentee < 0 || p->pins[i].mentor < 0 ||
		    p->pins[i].mentee >= (int)p->npeople ||
		    p->pins[i].mentor >= (int)p->npeople)
			__builtin_trap();
	for (size_t i = 0; i < p->ntandems; i++)
		if (p->tandems[i].mentee < 0 || p->tandems[i].mentor < 0 ||
		    p->tandems[i].mentee >= (int)p->npeople ||
		    p->tandems[i].mentor >= (int)p->npeople)
			__builtin_trap();
	programme_free(p);
	return 0;
}
