/* watch_folders.h - the folders of a watch_tree and their entries, as
 * last seen: entering a folder once, listing it and comparing, dropping
 * it.  Shared by watch_tree.c (notices, polling, the calls) alone; the
 * rest of the program sees watch_tree.h. */
#ifndef QUOTH_WATCH_FOLDERS_H
#define QUOTH_WATCH_FOLDERS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "watch_tree.h"

/* One entry of a folder, as last seen. */
typedef struct watch_entry {
	char *name;
	uint64_t status;        /* watch_folders_status, or WATCH_STATUS_MISSING */
	bool is_dir;
} watch_entry;

typedef struct watch_folder {
	char *path;
	dev_t dev;
	ino_t ino;
	int wd;                 /* its inotify watch, or -1 */
	uint64_t self;          /* its own status when listed: polling lists
	                           it again when that changes */
	watch_entry *ents;      /* owned, sorted by name */
	size_t n;
	bool listed;            /* ents hold what it held once */
	bool dirty;             /* to be listed again */
	bool quiet;             /* its first listing is a baseline, not a
	                           change (the folders found at the start) */
} watch_folder;

/* A directory entered, by device and inode: a link loop, or two links to
 * one folder, enter it once. */
typedef struct watch_key {
	dev_t dev;
	ino_t ino;
	bool used;
} watch_key;

struct watch_tree {
	watch_folder *f;        /* owned; f[0] is the root; a folder comes
	                           after the folder it was found in */
	size_t n, cap;
	watch_key *keys;        /* open addressing, set_cap a power of two */
	size_t set_cap;
	size_t pending;         /* folders not listed, or dirty */
	int fd;                 /* inotify, or -1: polling */
	size_t watches;
	watch_limits lim;
	bool fell_back, noted;  /* inotify ran out of watches; said so */
	char note[160];
	size_t cursor, at;      /* polling: the folder and entry next looked at */
	size_t work;            /* units spent by the last call */
	bool changed;           /* seen during this call */
	bool links;             /* a folder was reached by a symbolic link */
	size_t dead;            /* folders dropped, not compacted yet */
};

/* The status of what is not there (or cannot be read). */
#define WATCH_STATUS_MISSING 0x6d697373696e67u

/* One number for a file's status (inode, size, times) that changes when
 * it is written or replaced; for a directory, its inode alone. */
uint64_t watch_folders_status(const struct stat *st);
/* A folder's own status: its times move when an entry is added, removed
 * or renamed. */
uint64_t watch_folders_self(const struct stat *st);

/* dir/name, newly allocated; NULL when out of memory. */
char *watch_folders_join(const char *dir, const char *name);

/* Enters the folder at path (taken) whose status is st, unless it was
 * entered already: 1 entered, 0 already, -1 out of memory.  Its first
 * listing is a baseline when quiet, else every entry in it is new. */
int watch_folders_add(watch_tree *t, char *path, const struct stat *st, bool quiet);
/* Drops the folders at path and below it (never the root), and when
 * links to folders were seen has every folder listed again.  A folder
 * dropped keeps its place, with a NULL path, until compacted. */
void watch_folders_remove(watch_tree *t, const char *path);
/* Closes the places of the folders dropped (indices move: at the end of
 * a call, when no index is held). */
void watch_folders_compact(watch_tree *t);
/* Has folder i listed again. */
void watch_folders_dirty(watch_tree *t, size_t i);
/* Removes f's inotify watch, if any. */
void watch_folders_unwatch(watch_tree *t, watch_folder *f);

/* Lists folder i again (its inotify watch put on first) and compares,
 * setting t->changed; subfolders added are entered, those gone dropped.
 * Returns the units of work. */
size_t watch_folders_list(watch_tree *t, size_t i);

/* f's entry called name, or NULL. */
watch_entry *watch_folders_entry(const watch_folder *f, const char *name);
void watch_folders_free_entries(watch_entry *e, size_t n);

#endif
