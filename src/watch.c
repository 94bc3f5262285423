/* watch.c - noticing that a file or a directory changed on disk. */
#include "watch.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#endif

struct file_watch {
	char *path;
	char *dir;          /* what inotify watches: path's directory, or path */
	const char *name;   /* path's last component; NULL when path is the dir */
	bool is_dir;
	int fd;             /* inotify, or -1 when polling */
	uint64_t seen;      /* the status last reported (or the first) */
	long long next_poll;/* when polling: the earliest time to look again */
};

/* ---- the status of what is watched --------------------------------- */

/* FNV-1a over a run of bytes, continued from h. */
static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3u;
	return h;
}

static uint64_t hash_stat(uint64_t h, const struct stat *st)
{
	const long long fields[] = {
		(long long)st->st_ino, (long long)st->st_size,
		(long long)st->st_mtim.tv_sec, (long long)st->st_mtim.tv_nsec,
		(long long)st->st_ctim.tv_sec, (long long)st->st_ctim.tv_nsec,
	};
	return hash_bytes(h, fields, sizeof fields);
}

/* One number that changes when the file does (its inode, size and times),
 * or, for a directory, when any entry is added, removed or changed.  A
 * missing path has a status of its own, so that its return is seen. */
static uint64_t status_of(const file_watch *w)
{
	uint64_t h = 0xcbf29ce484222325u;
	struct stat st;
	if (stat(w->path, &st) != 0)
		return hash_bytes(h, "missing", 7);
	if (!w->is_dir)
		return hash_stat(h, &st);
	DIR *d = opendir(w->path);
	if (!d)
		return hash_stat(h, &st);
	struct dirent *de;
	int dfd = dirfd(d);
	/* Entries are combined in any order: readdir's order is not stable
	 * across a rename, so each entry's hash is added, not chained. */
	uint64_t sum = 0;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		uint64_t e = hash_bytes(h, de->d_name, strlen(de->d_name));
		if (fstatat(dfd, de->d_name, &st, 0) == 0)
			e = hash_stat(e, &st);
		sum += e * 0x9e3779b97f4a7c15u;
	}
	closedir(d);
	return hash_bytes(h, &sum, sizeof sum);
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

/* Reads every pending notice; true when one may concern what is watched
 * (for a file: an event naming it, or one on the directory itself). */
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
			if (!w->name || ev->len == 0 || (ev->mask & IN_Q_OVERFLOW) ||
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
	file_watch *w = calloc(1, sizeof *w);
	if (!w || !(w->path = strdup(path))) {
		free(w);
		return NULL;
	}
	struct stat st;
	w->is_dir = stat(path, &st) == 0 && S_ISDIR(st.st_mode);
	if (w->is_dir) {
		w->dir = strdup(path);
	} else {
		const char *slash = strrchr(path, '/');
		w->dir = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
		               : strdup(".");
		w->name = slash ? w->path + (slash - path) + 1 : w->path;
	}
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
	free(w->dir);
	free(w->path);
	free(w);
}

int watch_fd(const file_watch *w)
{
	return w->fd;
}

bool watch_changed(file_watch *w, long long now_ms)
{
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
