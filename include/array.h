/* array.h - arrays that grow by doubling, for the code that fills them
 * one item or one run of items at a time. */
#ifndef QUOTH_ARRAY_H
#define QUOTH_ARRAY_H

#include <stddef.h>

/* Moves items, an array with room for *cap items of size bytes (size > 0;
 * items is NULL when *cap is 0), to one with room for need > *cap: the
 * room doubles from *cap, or from 1, until it holds need.  Returns the new
 * array with *cap updated; on overflow or when out of memory returns NULL
 * and leaves items (still the caller's to free) and *cap as they were.
 * Called through array_grow(). */
void *array_enlarge(void *items, size_t *cap, size_t need, size_t size);

/* Makes room for need items in items, as array_enlarge() does, and
 * returns items itself when it has the room already.  An array grown one
 * item at a time is full exactly when its length is 0 or a power of two.
 * Inline because the resolver's scan pushes at every hit: a push with
 * room left costs no call. */
static inline void *array_grow(void *items, size_t *cap, size_t need,
                               size_t size)
{
	return need <= *cap ? items : array_enlarge(items, cap, need, size);
}

#endif
