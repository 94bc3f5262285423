/* keymap.h - keys to actions through one plain table.
 *
 * Keys are the values of keys.h (code points, control codes, QK_*).  The
 * table is in keymap.c; rebinding a key is a one-line change there. */
#ifndef QUOTH_KEYMAP_H
#define QUOTH_KEYMAP_H

#include <stddef.h>

#include "actions.h"

typedef struct keymap_entry {
	int key;
	action act;
} keymap_entry;

/* The action bound to key, or ACT_NONE. */
action keymap_lookup(int key);

/* The table, for tests and for listing: entry i of keymap_count(). */
size_t keymap_count(void);
keymap_entry keymap_entry_at(size_t i);

/* A printable name for a key ("j", "Down", "Ctrl-d", "Space"), written
 * into buf (truncated to n); returns buf. */
const char *keymap_key_name(int key, char *buf, size_t n);

#endif
