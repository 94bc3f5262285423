/* watch.c - noticing that a file or a directory changed on disk. */
#include "watch.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "watch_folders.h"

#ifdef __linux__
#include <sys/inotify.h>
#endif

/* A file is watched through its directory (for the renames editors do),
 * a directory through every folder below it (watch_tree.h). */
struct file_watch {
	char *path;
	char *dir;          /* what inotify watches: path's directory */
	const char *name;   /* path's last component */
	watch_tree *tree;   /* path a directory: its folders, else NULL */
	int fd;             /* a file's inotify, or -1 when polling */
	uint64_t seen;      /* a file's status last reported (or the first) */
	long long next_poll;/* when polling: the earliest time to look again */
	size_t work;        /* what the last call to the tree did */
};

/* ---- the status of what is watched --------------------------------- */

/* One number that changes when the file does (its inode, size and times).
 * A missing path has a status of its own, so that its return is seen. */
static uint64_t status_of(const file_watch *w)
{
	struct stat st;
	if (stat(w->path, &st) != 0)
		return 0x6d697373696e67u;
	return watch_folders_status(&st);
}

/* ---- inotify --------------------------------------------------------- */

#ifdef __linux__
static int notify_open(const file_watch *w)
{
	int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (fd < 0)
		return -1;
	uint32_t mask = IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE |
	                IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
	                IN_DELETE_SELF | IN_MOVE_SELF;
	if (inotify_add_watch(fd, w->dir, mask) < 0) {
		close(fd);
		return -1;
	}
	return fd;
}

/* Reads every pending notice; true when one may concern the file (an
 * event naming it, or one on the directory itself). */
static bool notify_read(const file_watch *w)
{
	_Alignas(struct inotify_event) char buf[4096];
	bool relevant = false;
	for (;;) {
		ssize_t n = read(w->fd, buf, sizeof buf);
		if (n <= 0)
			return relevant;
		for (ssize_t at = 0; at < n;) {
			const struct inotify_event *ev = (const void *)(buf + at);
			if (ev->len == 0 || (ev->mask & IN_Q_OVERFLOW) ||
			    strcmp(ev->name, w->name) == 0)
				relevant = true;
			at += (ssize_t)(sizeof *ev + ev->len);
		}
	}
}
#else
static int notify_open(const file_watch *w)
{
	(void)w;
	return -1;
}

static bool notify_read(const file_watch *w)
{
	(void)w;
	return false;
}
#endif

/* ---- the watch ------------------------------------------------------- */

file_watch *watch_new(const char *path, watch_mode mode)
{
	return watch_new_limited(path, mode, WATCH_LIMITS_DEFAULT);
}

file_watch *watch_new_limited(const char *path, watch_mode mode, watch_limits lim)
{
	file_watch *w = calloc(1, sizeof *w);
	if (!w || !(w->path = strdup(path))) {
		free(w);
		return NULL;
	}
	w->fd = -1;
	struct stat st;
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		w->tree = watch_tree_new(path, mode == WATCH_AUTO, lim);
		if (!w->tree) {
			watch_free(w);
			return NULL;
		}
		w->work = watch_tree_work(w->tree);
		return w;
	}
	const char *slash = strrchr(path, '/');
	w->dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
	               : strdup(".");
	w->name = slash ? w->path + (slash - path) + 1 : w->path;
	if (!w->dir) {
		watch_free(w);
		return NULL;
	}
	w->fd = mode == WATCH_AUTO ? notify_open(w) : -1;
	w->seen = status_of(w);
	return w;
}

void watch_free(file_watch *w)
{
	if (!w)
		return;
	if (w->fd >= 0)
		close(w->fd);
	watch_tree_free(w->tree);
	free(w->dir);
	free(w->path);
	free(w);
}

int watch_fd(const file_watch *w)
{
	return w->tree ? watch_tree_fd(w->tree) : w->fd;
}

/* A directory: its folders' notices, or the next of them polled; the
 * folders still to read (at the start, or after a change) are read at
 * every call, each call's work being bounded (watch_tree.h). */
static bool tree_changed(file_watch *w, long long now_ms)
{
	w->work = 0;
	if (watch_tree_fd(w->tree) < 0 && !watch_tree_busy(w->tree)) {
		if (now_ms < w->next_poll)
			return false;
		w->next_poll = now_ms + WATCH_POLL_MS;
	}
	bool changed = watch_tree_tick(w->tree);
	w->work = watch_tree_work(w->tree);
	return changed;
}

bool watch_changed(file_watch *w, long long now_ms)
{
	if (w->tree)
		return tree_changed(w, now_ms);
	if (w->fd >= 0) {
		if (!notify_read(w))
			return false;
	} else {
		if (now_ms < w->next_poll)
			return false;
		w->next_poll = now_ms + WATCH_POLL_MS;
	}
	uint64_t now = status_of(w);
	if (now == w->seen)
		return false;
	w->seen = now;
	return true;
}

const char *watch_note(file_watch *w)
{
	return w->tree ? watch_tree_note(w->tree) : NULL;
}

size_t watch_folder_count(const file_watch *w)
{
	return w->tree ? watch_tree_folders(w->tree) : 0;
}

size_t watch_work(const file_watch *w)
{
	return w->work;
}
