/* bound.c - binary searches over sorted arrays of offsets. */
#include "bound.h"

static size_t value_at(const void *field, size_t stride, size_t i)
{
	return *(const size_t *)(const void *)((const char *)field + i * stride);
}

size_t bound_lower(const void *field, size_t n, size_t stride, size_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (value_at(field, stride, mid) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t bound_upper(const void *field, size_t n, size_t stride, size_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (value_at(field, stride, mid) <= key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

size_t bound_partition(size_t n, bool (*below)(const void *ctx, size_t i),
                       const void *ctx)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (below(ctx, mid))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}
