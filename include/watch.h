/* watch.h - noticing that a file or a directory changed on disk.
 *
 * An annotator edits an article in one terminal and reads it in quoth in
 * the next, so the reader and the library reload what changed.  On Linux
 * an inotify watch on the file's directory sees every way an editor
 * saves: writing in place, and writing a new file renamed over the old
 * one (vim's default), which a watch on the file itself would lose.
 * Elsewhere, or when inotify cannot be had, the file's status is compared
 * at most every WATCH_POLL_MS.  Either way a change is reported only when
 * the status (size, modification time, inode) really differs from the last
 * one reported, so a burst of events makes one reload, and a file that is
 * briefly empty is reported again once it is written in full.
 *
 * A directory (a library) is watched with every folder below it that the
 * library's listing enters, one inotify watch each, as watch_tree.h says:
 * a file changed, added or removed in a subfolder counts as one at the
 * top does.  Each call's work is bounded there, so a library of 100,000
 * files or a symbolic link loop never stalls the loop.
 * Curses-free; no threads: the loop polls watch_fd() beside the keys. */
#ifndef QUOTH_WATCH_H
#define QUOTH_WATCH_H

#include <stdbool.h>
#include <stddef.h>

#include "watch_tree.h"

#define WATCH_POLL_MS 500

typedef enum watch_mode {
	WATCH_AUTO,     /* inotify where it works, else polling */
	WATCH_POLL,     /* polling only (for systems without inotify, and tests) */
} watch_mode;

typedef struct file_watch file_watch;

/* Starts watching path: a file, or a directory (then any file added,
 * removed or changed in it or in a folder below it counts).  NULL only
 * when out of memory; a path that does not exist yet is watched for its
 * appearance. */
file_watch *watch_new(const char *path, watch_mode mode);
/* The same within lim for a directory's folders (watch_new:
 * WATCH_LIMITS_DEFAULT): past lim.max_watches inotify watches it polls
 * them all, as when the kernel has none left. */
file_watch *watch_new_limited(const char *path, watch_mode mode, watch_limits lim);
/* Accepts NULL. */
void watch_free(file_watch *w);

/* The descriptor that becomes readable when something may have changed
 * (poll it for POLLIN), or -1 when the watch polls by time: then call
 * watch_changed() at least every WATCH_POLL_MS. */
int watch_fd(const file_watch *w);

/* True when the path changed since watch_new() or the last true: reads
 * the pending notices, or compares the status when polling (at most once
 * every WATCH_POLL_MS; now_ms is a monotonic clock in milliseconds). */
bool watch_changed(file_watch *w, long long now_ms);

/* Once, after a directory's watch ran out of inotify watches and polls
 * instead: the message for the status line (w's, valid until the next
 * call).  NULL otherwise. */
const char *watch_note(file_watch *w);

/* A directory's folders watched (0 for a file), and the units of work
 * the last watch_changed() did (at most the budget, but for one
 * huge folder listed whole): for the tests that bound them. */
size_t watch_folder_count(const file_watch *w);
size_t watch_work(const file_watch *w);

#endif
