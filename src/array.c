/* array.c - arrays that grow by doubling. */
#include "array.h"

#include <stdint.h>
#include <stdlib.h>

void *array_enlarge(void *items, size_t *cap, size_t need, size_t size)
{
	size_t n = *cap ? *cap : 1;
	while (n < need) {
		if (n > SIZE_MAX / 2 / size)
			return NULL;
		n *= 2;
	}
	void *p = realloc(items, n * size);
	if (p)
		*cap = n;
	return p;
}
