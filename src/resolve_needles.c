/* resolve_needles.c - the patterns of the scan and the places where a
 * fragment or cue was found.  A leaf: resolve_names.c and
 * resolve_quotes.c add needles, resolve.c scans with them and fills their
 * offsets, and this file calls none of them. */
#include "resolve_private.h"

#include <stdbool.h>
#include <stdlib.h>

#include "array.h"
#include "text.h"

void resolve_offsets_push(resolver *r, offsets *o, size_t at)
{
	size_t *v = array_grow(o->v, &o->cap, o->n + 1, sizeof *v);
	if (!v) {
		r->oom = true;
		return;
	}
	o->v = v;
	o->v[o->n++] = at;
}

size_t resolve_needle_add(resolver *r, needle nd)
{
	needle *v = array_grow(r->needles, &r->cap_needles, r->n_needles + 1,
	                       sizeof *v);
	if (!v) {
		r->oom = true;
		return NO_NEEDLE;
	}
	r->needles = v;
	if (nd.kind != NEEDLE_FRAGMENT) {
		nd.word_start = text_is_word_char(cp_at(nd.text, nd.len, 0));
		nd.word_end = text_is_word_char(cp_before(nd.text, nd.len, nd.len));
	}
	r->needles[r->n_needles] = nd;
	return r->n_needles++;
}

void resolve_needles_free(resolver *r)
{
	for (size_t k = 0; k < r->n_needles; k++)
		free(r->needles[k].starts.v);
	free(r->needles);
	r->needles = NULL;
	r->n_needles = r->cap_needles = 0;
}
