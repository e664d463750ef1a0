/*
 * Memory for one big array (see bigmem.h): mmap, with a hint for huge
 * pages where the system knows MADV_HUGEPAGE (Linux); a failed hint only
 * costs speed.
 */
#include <sys/mman.h>

#include <stddef.h>

#include "util/bigmem.h"

void *
bigmem_alloc(size_t size)
{
	void	*p;

	if (size == 0)
		size = 1;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE |
	    MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
#ifdef MADV_HUGEPAGE
	(void)madvise(p, size, MADV_HUGEPAGE);
#endif
	return p;
}

void
bigmem_free(void *p, size_t size)
{
	if (p != NULL)
		munmap(p, size == 0 ? 1 : size);
}
