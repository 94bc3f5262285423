/* import_ids.h - the annotation IDs of one file, found in constant time.
 *
 * brat's lines refer to each other by ID in any order, so an importer
 * notes every ID as it reads and looks references up afterwards.  The
 * table points at ID strings owned elsewhere (they must outlive it). */
#ifndef QUOTH_IMPORT_IDS_H
#define QUOTH_IMPORT_IDS_H

#include <stdbool.h>
#include <stddef.h>

typedef struct import_id {
	char *id;               /* the table's copy; NULL: an empty slot */
	char kind;              /* the record letter: 'T', 'E', 'R', ... */
	size_t index;           /* in the importer's array of that kind */
	int line;
} import_id;

typedef struct import_ids {
	import_id *slots;
	size_t cap, n;          /* cap is 0 or a power of two */
} import_ids;

/* Adds a copy of id with kind, index and line unless id is there
 * already; then *first (when not NULL) points at the entry that holds it
 * and nothing is added.  Returns false out of memory. */
bool import_ids_add(import_ids *ids, const char *id, char kind, size_t index,
                    int line, const import_id **first);

/* The entry of id, or NULL. */
const import_id *import_ids_find(const import_ids *ids, const char *id);

void import_ids_free(import_ids *ids);

#endif
