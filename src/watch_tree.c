/* watch_tree.c - every folder below a library's directory, watched for
 * changes: notices, polling and the calls; see watch_tree.h.  The folders
 * themselves are kept in watch_folders.c. */
#include "watch_tree.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "watch_folders.h"

/* The folder holding watch wd, or t->n.  Watches are given in increasing
 * numbers as folders are listed, mostly in the folders' order; a root
 * watched again later is out of that order, hence the plain search. */
static size_t folder_of_wd(const watch_tree *t, int wd)
{
	size_t lo = 0, hi = t->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int at = t->f[mid].wd;
		if (at == wd)
			return mid;
		if (at >= 0 && at < wd)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = 0; i < t->n; i++)
		if (t->f[i].wd == wd)
			return i;
	return t->n;
}

/* ---- polling ---------------------------------------------------------- */

/* Reads the statuses of folder i's entries from the at-th on, while the
 * budget lasts; returns the entry to go on from (n: done).  An entry gone
 * or turned into a folder has the folder listed again. */
static size_t folder_restat(watch_tree *t, size_t i, size_t at)
{
	watch_folder *f = &t->f[i];
	int dfd = open(f->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0) {
		watch_folders_dirty(t, i);
		return f->n;
	}
	for (; at < f->n && t->work < t->lim.budget; at++, t->work++) {
		watch_entry *e = &f->ents[at];
		struct stat st;
		bool ok = fstatat(dfd, e->name, &st, 0) == 0;
		uint64_t now = ok ? watch_folders_status(&st) : WATCH_STATUS_MISSING;
		if (now == e->status)
			continue;
		t->changed = true;
		e->status = now;
		if (!ok || S_ISDIR(st.st_mode) != e->is_dir)
			watch_folders_dirty(t, i);
	}
	close(dfd);
	return at;
}

/* Looks at the folders from the cursor on, each once at most, while the
 * budget lasts: a folder whose own status moved (an entry added, removed
 * or renamed) is listed again, else its entries' statuses are read. */
static void poll_tick(watch_tree *t)
{
	for (size_t visited = 0; visited < t->n && t->work < t->lim.budget;) {
		if (t->cursor >= t->n) {
			t->cursor = 0;
			t->at = 0;
		}
		size_t i = t->cursor;
		if (!t->f[i].path) {              /* dropped during this call */
			t->at = 0;
			t->cursor++;
			visited++;
			continue;
		}
		if (t->at == 0) {
			watch_folder *f = &t->f[i];
			struct stat st;
			uint64_t self = stat(f->path, &st) == 0 ? watch_folders_self(&st) : WATCH_STATUS_MISSING;
			t->work++;
			if (!f->listed || f->dirty || self != f->self) {
				t->work += watch_folders_list(t, i);
				t->cursor++;
				visited++;
				continue;
			}
		}
		t->at = folder_restat(t, i, t->at);
		if (t->at >= t->f[i].n) {
			t->at = 0;
			t->cursor++;
			visited++;
		}
	}
}

/* ---- notices ------------------------------------------------------------ */

#ifdef __linux__
/* One notice: an entry written or renamed over has its status read again
 * (O(1) of the folder's size); an entry added or removed, or a subfolder,
 * has its folder listed again at the end of the call; a folder gone or
 * moved is listed again too (its parent drops it). */
static void notify_event(watch_tree *t, const struct inotify_event *ev)
{
	if (ev->mask & IN_Q_OVERFLOW) {   /* notices were lost: look at all */
		for (size_t i = 0; i < t->n; i++)
			watch_folders_dirty(t, i);
		return;
	}
	size_t i = folder_of_wd(t, ev->wd);
	if (i == t->n)
		return;                       /* a folder dropped meanwhile */
	if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
		if (!(ev->mask & IN_IGNORED))
			watch_folders_unwatch(t, &t->f[i]);
		else if (t->f[i].wd >= 0)
			t->watches--;
		t->f[i].wd = -1;
		watch_folders_dirty(t, i);
		return;
	}
	if (ev->len == 0 || ev->name[0] == '.')
		return;                       /* the folder's own times; hidden */
	watch_entry *e = watch_folders_entry(&t->f[i], ev->name);
	if (!e || e->is_dir || (ev->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM))) {
		watch_folders_dirty(t, i);
		return;
	}
	char *path = watch_folders_join(t->f[i].path, ev->name);
	struct stat st;
	bool ok = path && stat(path, &st) == 0;
	free(path);
	uint64_t now = ok ? watch_folders_status(&st) : WATCH_STATUS_MISSING;
	if (now != e->status) {
		t->changed = true;
		e->status = now;
	}
	if (!ok || S_ISDIR(st.st_mode))
		watch_folders_dirty(t, i);
}

/* Reads notices while the budget lasts (the rest wait in the kernel). */
static void notify_read(watch_tree *t)
{
	_Alignas(struct inotify_event) char buf[4096];
	while (t->fd >= 0 && t->work < t->lim.budget) {
		ssize_t n = read(t->fd, buf, sizeof buf);
		if (n <= 0)
			return;
		for (ssize_t at = 0; at < n && t->fd >= 0; t->work++) {
			const struct inotify_event *ev = (const void *)(buf + at);
			notify_event(t, ev);
			at += (ssize_t)(sizeof *ev + ev->len);
		}
	}
}
#endif

/* Lists the folders not listed yet or seen to change, in order, while the
 * budget lasts (one at least, so that a huge folder is not stuck). */
static void list_pending(watch_tree *t)
{
	bool first = true;
	for (size_t i = 0; i < t->n && t->pending > 0; i++) {
		if (t->f[i].listed && !t->f[i].dirty)
			continue;
		if (!first && t->work >= t->lim.budget)
			return;
		first = false;
		t->work += watch_folders_list(t, i);
		if (t->fd < 0)
			return;                   /* fell back: polling from here */
	}
}

/* ---- the tree --------------------------------------------------------- */

watch_tree *watch_tree_new(const char *root, bool notify, watch_limits lim)
{
	watch_tree *t = calloc(1, sizeof *t);
	char *path = root ? strdup(root) : NULL;
	if (!t || !path) {
		free(t);
		free(path);
		return NULL;
	}
	t->fd = -1;
	t->lim = lim;
	if (t->lim.budget == 0)
		t->lim.budget = 1;
#ifdef __linux__
	if (notify)
		t->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
#else
	(void)notify;
#endif
	struct stat st;
	if (stat(root, &st) != 0)
		st = (struct stat){ 0 };
	if (watch_folders_add(t, path, &st, true) < 0) {
		watch_tree_free(t);
		return NULL;
	}
	watch_tree_tick(t);                   /* the baseline, or its start */
	return t;
}

void watch_tree_free(watch_tree *t)
{
	if (!t)
		return;
	for (size_t i = 0; i < t->n; i++) {
		watch_folders_free_entries(t->f[i].ents, t->f[i].n);
		free(t->f[i].path);
	}
	if (t->fd >= 0)
		close(t->fd);
	free(t->f);
	free(t->keys);
	free(t);
}

int watch_tree_fd(const watch_tree *t)
{
	return t->fd;
}

bool watch_tree_busy(const watch_tree *t)
{
	return t->pending > 0;
}

bool watch_tree_tick(watch_tree *t)
{
	t->work = 0;
	t->changed = false;
#ifdef __linux__
	notify_read(t);
#endif
	/* The root gone has no watch to say it came back. */
	if (t->fd >= 0 && t->f[0].wd < 0)
		watch_folders_dirty(t, 0);
	/* Polling lists the folders to list as it comes to them. */
	if (t->fd >= 0)
		list_pending(t);
	if (t->fd < 0)
		poll_tick(t);
	watch_folders_compact(t);
	return t->changed;
}

const char *watch_tree_note(watch_tree *t)
{
	if (!t->fell_back || t->noted)
		return NULL;
	t->noted = true;
	return t->note;
}

size_t watch_tree_folders(const watch_tree *t)
{
	return t->n - t->dead;
}

size_t watch_tree_work(const watch_tree *t)
{
	return t->work;
}
