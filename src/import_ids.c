/* import_ids.c - an open-addressing hash table of ID strings. */
#include "import_ids.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* FNV-1a: short IDs like "T12" spread well enough. */
static size_t ids_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

/* The slot of id, or the empty slot where it would go (cap > 0). */
static import_id *ids_slot(import_id *slots, size_t cap, const char *id)
{
	size_t i = ids_hash(id) & (cap - 1);
	while (slots[i].id && strcmp(slots[i].id, id) != 0)
		i = (i + 1) & (cap - 1);
	return &slots[i];
}

/* Keeps the table at most half full, so probes stay short. */
static bool ids_grow(import_ids *ids)
{
	if (ids->n + 1 <= ids->cap / 2)
		return true;
	size_t cap = ids->cap ? ids->cap * 2 : 64;
	if (cap > SIZE_MAX / sizeof *ids->slots)
		return false;
	import_id *slots = calloc(cap, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < ids->cap; i++)
		if (ids->slots[i].id)
			*ids_slot(slots, cap, ids->slots[i].id) = ids->slots[i];
	free(ids->slots);
	ids->slots = slots;
	ids->cap = cap;
	return true;
}

bool import_ids_add(import_ids *ids, const char *id, char kind, size_t index,
                    int line, const import_id **first)
{
	if (first)
		*first = NULL;
	const import_id *there = import_ids_find(ids, id);
	if (there) {
		if (first)
			*first = there;
		return true;
	}
	char *copy = strdup(id);
	if (!copy || !ids_grow(ids)) {
		free(copy);
		return false;
	}
	*ids_slot(ids->slots, ids->cap, copy) = (import_id){
		.id = copy, .kind = kind, .index = index, .line = line,
	};
	ids->n++;
	return true;
}

const import_id *import_ids_find(const import_ids *ids, const char *id)
{
	if (ids->cap == 0)
		return NULL;
	const import_id *slot = ids_slot(ids->slots, ids->cap, id);
	return slot->id ? slot : NULL;
}

void import_ids_free(import_ids *ids)
{
	for (size_t i = 0; i < ids->cap; i++)
		free(ids->slots[i].id);
	free(ids->slots);
	*ids = (import_ids){ 0 };
}
