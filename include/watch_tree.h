/* watch_tree.h - every folder below a library's directory, watched for
 * entries added, removed or changed (watch.h's directory watch).
 *
 * The folders are those the library's listing enters (corpus_files.h):
 * below the root at any depth, hidden names skipped, symbolic links
 * followed but each directory entered once by device and inode, so a link
 * loop ends there.  With inotify each folder has a watch of its own
 * (inotify is not recursive), added as a folder appears and dropped as it
 * goes; when the kernel has no watch left (fs.inotify.max_user_watches)
 * the tree says so once and polls instead.  Polling looks at the same
 * folders: a folder's own status says whether its entries must be listed
 * again, else only its known entries' statuses are read.  Files are never
 * opened.
 *
 * Each call does at most a budget of units of work (one stat, one
 * listed entry or one inotify notice each), resuming where the last one
 * stopped, so that 100,000 files or a flood of notices never stall the
 * loop: a polled tree bigger than that is looked at whole over several
 * calls.  The one exception is a single folder, listed whole when its
 * entries change (a listing cannot be resumed once the folder changed).
 * Curses-free; no threads. */
#ifndef QUOTH_WATCH_TREE_H
#define QUOTH_WATCH_TREE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* About 4 ms of stats on a warm cache: a tree of 100,000 files is polled
 * whole in 25 calls (12 s at WATCH_POLL_MS), with the loop still quick. */
#define WATCH_TREE_BUDGET 4096

typedef struct watch_tree watch_tree;

/* What a tree may use; WATCH_LIMITS_DEFAULT is the kernel's and ours. */
typedef struct watch_limits {
	size_t max_watches;     /* inotify watches at most, then polling */
	size_t budget;          /* units of work per call */
} watch_limits;

#define WATCH_LIMITS_DEFAULT \
	((watch_limits){ .max_watches = SIZE_MAX, .budget = WATCH_TREE_BUDGET })

/* Starts watching the folders below root (a directory), with inotify when
 * notify is true and it can be had, within lim.  The first folders are
 * read at once, as a baseline (no change); the rest over the next calls.
 * NULL only when out of memory. */
watch_tree *watch_tree_new(const char *root, bool notify, watch_limits lim);
/* Accepts NULL. */
void watch_tree_free(watch_tree *t);

/* The inotify descriptor, or -1 when the tree polls. */
int watch_tree_fd(const watch_tree *t);

/* True when folders are still to be read (the baseline, or a folder seen
 * to change): the next call has work to do whatever the time. */
bool watch_tree_busy(const watch_tree *t);

/* Reads the pending notices, or polls the next folders; true when an
 * entry was added, removed or changed since the last true. */
bool watch_tree_tick(watch_tree *t);

/* Once, after inotify ran out of watches: a message saying the tree polls
 * now and what to do about it (the tree's; valid until the next call).
 * NULL otherwise. */
const char *watch_tree_note(watch_tree *t);

/* The folders watched; the units of work the last call did. */
size_t watch_tree_folders(const watch_tree *t);
size_t watch_tree_work(const watch_tree *t);

#endif
