/* array.h - arrays that grow by doubling, for the code that fills them
 * one item or one run of items at a time. */
#ifndef QUOTH_ARRAY_H
#define QUOTH_ARRAY_H

#include <stddef.h>

/* Makes room for need items of size bytes (size > 0) in items, an array
 * with room for *cap (NULL when *cap is 0).  The room doubles from *cap, or from 1,
 * until it holds need, so an array grown one item at a time is full
 * exactly when its length is 0 or a power of two.  Returns the array,
 * moved or not, with *cap updated; on overflow or when out of memory
 * returns NULL and leaves items (still the caller's to free) and *cap as
 * they were. */
void *array_grow(void *items, size_t *cap, size_t need, size_t size);

#endif
