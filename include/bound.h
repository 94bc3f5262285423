/* bound.h - binary searches over sorted arrays of offsets.
 *
 * Most of quoth's sorted arrays hold byte offsets: plain size_t arrays, or
 * structs with a size_t field (a paragraph's start, a span's end).  One
 * search serves them all by walking the field with the struct's stride. */
#ifndef QUOTH_BOUND_H
#define QUOTH_BOUND_H

#include <stdbool.h>
#include <stddef.h>

/* Index of the first of n size_t values, the first at field and each
 * stride bytes after the one before, that is >= key (bound_lower) or
 * > key (bound_upper); n when there is none.  The values must be in
 * ascending order.  field may be NULL when n is 0. */
size_t bound_lower(const void *field, size_t n, size_t stride, size_t key);
size_t bound_upper(const void *field, size_t n, size_t stride, size_t key);

/* The same over an array of structs by field name, or over a size_t
 * array with field left empty: BOUND_LOWER(paras, n, .start, at),
 * BOUND_UPPER(starts, n, , at). */
#define BOUND_FIELD_(arr, n, field) \
	((n) ? (const void *)&(arr)[0] field : NULL)
#define BOUND_LOWER(arr, n, field, key) \
	bound_lower(BOUND_FIELD_(arr, n, field), (n), sizeof *(arr), (key))
#define BOUND_UPPER(arr, n, field, key) \
	bound_upper(BOUND_FIELD_(arr, n, field), (n), sizeof *(arr), (key))

/* The first i in [0, n) for which below(ctx, i) is false, where below is
 * true for a prefix of the range and false after it; n when it is true
 * throughout.  For keys that are not stored in one array. */
size_t bound_partition(size_t n, bool (*below)(const void *ctx, size_t i),
                       const void *ctx);

#endif
