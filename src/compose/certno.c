/*
 * Certificate numbers (see certno.h for the format and why).
 */
#include <stdint.h>

#include "compose/certno.h"
#include "util/xalloc.h"

static const char crockford[32] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* Feed a NUL-terminated string and its NUL into a 32-bit FNV-1a hash. */
static uint32_t
fnv1a(uint32_t h, const char *s)
{
	do {
		h ^= (unsigned char)*s;
		h *= 16777619u;
	} while (*s++ != '\0');
	return h;
}

void
certno_check(const char *prog, const char *person, char out[5])
{
	uint32_t h = fnv1a(fnv1a(2166136261u, prog), person);

	/* Fold the high bits in, then take four 5-bit digits. */
	h ^= h >> 20;
	for (int i = 3; i >= 0; i--) {
		out[i] = crockford[h & 31];
		h >>= 5;
	}
	out[4] = '\0';
}

char *
certno_make(const char *prog, const char *person)
{
	char check[5];

	certno_check(prog, person, check);
	return xasprintf("%s/%s-%s", prog, person, check);
}
