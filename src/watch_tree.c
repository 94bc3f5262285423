/* watch_tree.c - every folder below a library's directory, watched for
 * changes; see watch_tree.h. */
#include "watch_tree.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "array.h"

/* One entry of a folder, as last seen. */
typedef struct tree_entry {
	char *name;
	uint64_t status;        /* watch_tree_status, or STATUS_MISSING */
	bool is_dir;
} tree_entry;

typedef struct tree_folder {
	char *path;
	dev_t dev;
	ino_t ino;
	int wd;                 /* its inotify watch, or -1 */
	uint64_t self;          /* its own status when listed: polling lists
	                           it again when that changes */
	tree_entry *ents;       /* owned, sorted by name */
	size_t n;
	bool listed;            /* ents hold what it held once */
	bool dirty;             /* to be listed again */
	bool quiet;             /* its first listing is a baseline, not a
	                           change (the folders found at the start) */
} tree_folder;

/* A directory entered, by device and inode: a link loop, or two links to
 * one folder, enter it once. */
typedef struct tree_key {
	dev_t dev;
	ino_t ino;
	bool used;
} tree_key;

struct watch_tree {
	tree_folder *f;         /* owned; f[0] is the root; a folder comes
	                           after the folder it was found in */
	size_t n, cap;
	tree_key *keys;         /* open addressing, set_cap a power of two */
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
};

#define STATUS_MISSING 0x6d697373696e67u

/* ---- statuses ------------------------------------------------------- */

/* FNV-1a over a run of bytes, continued from h. */
static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3u;
	return h;
}

/* A subfolder's own times change with its entries: it is looked at
 * through its own listing, so in its parent only its inode counts. */
uint64_t watch_tree_status(const struct stat *st)
{
	uint64_t h = 0xcbf29ce484222325u;
	if (S_ISDIR(st->st_mode)) {
		const long long dir[] = { -1, (long long)st->st_ino };
		return hash_bytes(h, dir, sizeof dir);
	}
	const long long fields[] = {
		(long long)st->st_ino, (long long)st->st_size,
		(long long)st->st_mtim.tv_sec, (long long)st->st_mtim.tv_nsec,
		(long long)st->st_ctim.tv_sec, (long long)st->st_ctim.tv_nsec,
	};
	return hash_bytes(h, fields, sizeof fields);
}

/* A folder's own status: its modification time moves when an entry is
 * added, removed or renamed. */
static uint64_t folder_status(const struct stat *st)
{
	const long long fields[] = {
		(long long)st->st_ino, (long long)st->st_size,
		(long long)st->st_mtim.tv_sec, (long long)st->st_mtim.tv_nsec,
		(long long)st->st_ctim.tv_sec, (long long)st->st_ctim.tv_nsec,
	};
	return hash_bytes(0xcbf29ce484222325u, fields, sizeof fields);
}

/* dir/name, newly allocated; NULL when out of memory. */
static char *path_join(const char *dir, const char *name)
{
	size_t dlen = strlen(dir), len = dlen + strlen(name) + 2;
	char *p = malloc(len);
	if (p)
		snprintf(p, len, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", name);
	return p;
}

/* ---- the folders entered -------------------------------------------- */

static size_t key_slot(const tree_key *keys, size_t cap, dev_t dev, ino_t ino)
{
	uint64_t h = (uint64_t)dev * 0x9e3779b97f4a7c15u ^ (uint64_t)ino * 0xff51afd7ed558ccdu;
	size_t mask = cap - 1;
	for (size_t i = (size_t)(h ^ h >> 31) & mask;; i = (i + 1) & mask)
		if (!keys[i].used || (keys[i].dev == dev && keys[i].ino == ino))
			return i;
}

/* The set again from the folders, with room for cap (a power of two,
 * more than twice the folders): after a folder goes, or to grow.  -1 when
 * out of memory (the set then stays as it was). */
static int keys_rebuild(watch_tree *t, size_t cap)
{
	tree_key *keys = calloc(cap, sizeof *keys);
	if (!keys)
		return -1;
	for (size_t i = 0; i < t->n; i++) {
		size_t s = key_slot(keys, cap, t->f[i].dev, t->f[i].ino);
		keys[s] = (tree_key){ .dev = t->f[i].dev, .ino = t->f[i].ino, .used = true };
	}
	free(t->keys);
	t->keys = keys;
	t->set_cap = cap;
	return 0;
}

static void mark_dirty(watch_tree *t, size_t i)
{
	tree_folder *f = &t->f[i];
	if (f->listed && !f->dirty)
		t->pending++;
	f->dirty = true;
}

/* Enters the folder at path (whose status is st) unless it was entered
 * already: 1 entered, 0 already, -1 out of memory.  path is taken. */
static int folder_add(watch_tree *t, char *path, const struct stat *st, bool quiet)
{
	if ((t->n + 1) * 2 > t->set_cap) {
		size_t cap = t->set_cap ? t->set_cap * 2 : 16;
		if (keys_rebuild(t, cap) < 0) {
			free(path);
			return -1;
		}
	}
	size_t s = key_slot(t->keys, t->set_cap, st->st_dev, st->st_ino);
	if (t->keys[s].used) {
		free(path);
		return 0;
	}
	tree_folder *f = array_grow(t->f, &t->cap, t->n + 1, sizeof *f);
	if (!f) {
		free(path);
		return -1;
	}
	t->f = f;
	t->keys[s] = (tree_key){ .dev = st->st_dev, .ino = st->st_ino, .used = true };
	f[t->n++] = (tree_folder){
		.path = path, .dev = st->st_dev, .ino = st->st_ino, .wd = -1, .quiet = quiet,
	};
	t->pending++;
	return 1;
}

static void entries_free(tree_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].name);
	free(e);
}

static void folder_unwatch(watch_tree *t, tree_folder *f)
{
#ifdef __linux__
	if (f->wd >= 0 && t->fd >= 0) {
		inotify_rm_watch(t->fd, f->wd);
		t->watches--;
	}
#endif
	f->wd = -1;
}

/* Drops the folders at path and below it (never the root): a folder
 * removed, renamed away, or a file now.  Every folder is listed again
 * after: a folder reached by two ways was entered by the one that went,
 * and its other way must enter it now. */
static void folders_remove(watch_tree *t, const char *path)
{
	size_t len = strlen(path), out = 1;
	for (size_t k = 1; k < t->n; k++) {
		tree_folder *f = &t->f[k];
		if (strncmp(f->path, path, len) == 0 && (f->path[len] == '\0' || f->path[len] == '/')) {
			if (!f->listed || f->dirty)
				t->pending--;
			folder_unwatch(t, f);
			entries_free(f->ents, f->n);
			free(f->path);
			continue;
		}
		t->f[out++] = *f;
	}
	if (out == t->n)
		return;
	t->n = out;
	keys_rebuild(t, t->set_cap);   /* no bigger: cannot fail for room */
	for (size_t k = 0; k < t->n; k++)
		mark_dirty(t, k);
	if (t->cursor >= t->n)
		t->cursor = 0;
	t->at = 0;
}

/* ---- inotify -------------------------------------------------------- */

#ifdef __linux__
#define TREE_MASK (IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_CREATE | IN_DELETE | \
                   IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
#endif

/* No inotify watch left: every folder is polled from now on, and the
 * loop is told once. */
static void fall_back(watch_tree *t)
{
	if (t->fd >= 0)
		close(t->fd);
	t->fd = -1;
	t->watches = 0;
	for (size_t i = 0; i < t->n; i++)
		t->f[i].wd = -1;
	t->fell_back = true;
	snprintf(t->note, sizeof t->note, "out of inotify watches: polling the %zu "
	         "folders every half second (raise fs.inotify.max_user_watches)", t->n);
}

/* Puts an inotify watch on folder i before it is listed, so that nothing
 * written between the two is missed. */
static void folder_watch(watch_tree *t, size_t i)
{
#ifdef __linux__
	if (t->fd < 0 || t->f[i].wd >= 0)
		return;
	if (t->watches >= t->lim.max_watches) {
		fall_back(t);
		return;
	}
	int wd = inotify_add_watch(t->fd, t->f[i].path, TREE_MASK);
	if (wd < 0) {
		/* ENOSPC is the kernel's limit; a folder that cannot be read
		 * or is gone is seen so by its listing. */
		if (errno == ENOSPC)
			fall_back(t);
		return;
	}
	t->f[i].wd = wd;
	t->watches++;
#else
	(void)t;
	(void)i;
#endif
}

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

/* ---- listing a folder ------------------------------------------------ */

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const tree_entry *)a)->name, ((const tree_entry *)b)->name);
}

static tree_entry *entry_find(const tree_folder *f, const char *name)
{
	tree_entry key = { .name = (char *)name };
	return f->n ? bsearch(&key, f->ents, f->n, sizeof key, entry_cmp) : NULL;
}

/* The entries of the open folder d with their statuses, sorted; NULL on
 * OOM.  *n is their number. */
static tree_entry *entries_read(DIR *d, size_t *n)
{
	tree_entry *ents = NULL;
	size_t cap = 0;
	*n = 0;
	struct dirent *de;
	int dfd = dirfd(d);
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		tree_entry *more = array_grow(ents, &cap, *n + 1, sizeof *more);
		char *name = more ? strdup(de->d_name) : NULL;
		if (more)
			ents = more;
		if (!name) {
			entries_free(ents, *n);
			return NULL;
		}
		struct stat st;
		bool ok = fstatat(dfd, name, &st, 0) == 0;
		ents[(*n)++] = (tree_entry){
			.name = name, .status = ok ? watch_tree_status(&st) : STATUS_MISSING,
			.is_dir = ok && S_ISDIR(st.st_mode),
		};
	}
	if (*n)
		qsort(ents, *n, sizeof *ents, entry_cmp);
	return ents ? ents : calloc(1, sizeof *ents);
}

/* Enters the subfolder name of folder i, found by its listing. */
static void subfolder_add(watch_tree *t, size_t i, const char *name, bool quiet)
{
	char *path = path_join(t->f[i].path, name);
	struct stat st;
	if (path && stat(path, &st) == 0 && S_ISDIR(st.st_mode))
		folder_add(t, path, &st, quiet);
	else
		free(path);
}

static void subfolder_remove(watch_tree *t, size_t i, const char *name)
{
	char *path = path_join(t->f[i].path, name);
	if (path)
		folders_remove(t, path);
	free(path);
}

/* Lists folder i again and compares: an entry added, removed or with
 * another status is a change (but in a baseline), a subfolder added is
 * entered and one gone is dropped.  Returns the units of work. */
static size_t folder_list(watch_tree *t, size_t i)
{
	folder_watch(t, i);
	tree_folder *f = &t->f[i];
	bool report = f->listed || !f->quiet;
	if (!f->listed || f->dirty)
		t->pending--;
	f->dirty = false;
	size_t n = 0;
	tree_entry *ents = NULL;
	DIR *d = opendir(f->path);
	struct stat st;
	if (d) {
		ents = entries_read(d, &n);
		f->self = fstat(dirfd(d), &st) == 0 ? folder_status(&st) : STATUS_MISSING;
		closedir(d);
	} else {
		ents = calloc(1, sizeof *ents);   /* gone or unreadable: empty */
		f->self = STATUS_MISSING;
	}
	if (!ents) {                          /* out of memory: try again */
		f->dirty = true;
		t->pending++;
		return 1;
	}
	tree_entry *old = f->ents;
	size_t n_old = f->n, a = 0, b = 0;
	f->ents = ents;
	f->n = n;
	f->listed = true;
	bool quiet = !report;
	/* Both lists are sorted: one merge.  Subfolders are entered and
	 * dropped after it, as that moves the folders array. */
	while (a < n_old || b < n) {
		int cmp = a == n_old ? 1 : b == n ? -1 : strcmp(old[a].name, ents[b].name);
		if (cmp == 0 && old[a].status == ents[b].status) {
			a++, b++;
			continue;
		}
		if (report)
			t->changed = true;
		if (cmp <= 0)
			a++;
		if (cmp >= 0)
			b++;
	}
	for (a = 0, b = 0; a < n_old || b < n;) {
		int cmp = a == n_old ? 1 : b == n ? -1 : strcmp(old[a].name, ents[b].name);
		bool was_dir = cmp <= 0 && old[a].is_dir;
		bool is_dir = cmp >= 0 && ents[b].is_dir;
		bool same = cmp == 0 && old[a].status == ents[b].status;
		if (was_dir && !same)
			subfolder_remove(t, i, old[a].name);
		/* A subfolder already entered is found in the set at once.  One
		 * that was there and was reached by another way, gone now, is
		 * entered by this one, as a baseline: nothing in it is new. */
		if (is_dir)
			subfolder_add(t, i, ents[b].name, quiet || same);
		if (cmp <= 0)
			a++;
		if (cmp >= 0)
			b++;
	}
	entries_free(old, n_old);
	return n + 1;
}

/* ---- polling ---------------------------------------------------------- */

/* Reads the statuses of folder i's entries from the at-th on, while the
 * budget lasts; returns the entry to go on from (n: done).  An entry gone
 * or turned into a folder has the folder listed again. */
static size_t folder_restat(watch_tree *t, size_t i, size_t at)
{
	tree_folder *f = &t->f[i];
	int dfd = open(f->path, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (dfd < 0) {
		mark_dirty(t, i);
		return f->n;
	}
	for (; at < f->n && t->work < t->lim.budget; at++, t->work++) {
		tree_entry *e = &f->ents[at];
		struct stat st;
		bool ok = fstatat(dfd, e->name, &st, 0) == 0;
		uint64_t now = ok ? watch_tree_status(&st) : STATUS_MISSING;
		if (now == e->status)
			continue;
		t->changed = true;
		e->status = now;
		if (!ok || S_ISDIR(st.st_mode) != e->is_dir)
			mark_dirty(t, i);
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
		if (t->at == 0) {
			tree_folder *f = &t->f[i];
			struct stat st;
			uint64_t self = stat(f->path, &st) == 0 ? folder_status(&st) : STATUS_MISSING;
			t->work++;
			if (!f->listed || f->dirty || self != f->self) {
				t->work += folder_list(t, i);
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
			mark_dirty(t, i);
		return;
	}
	size_t i = folder_of_wd(t, ev->wd);
	if (i == t->n)
		return;                       /* a folder dropped meanwhile */
	if (ev->mask & (IN_IGNORED | IN_DELETE_SELF | IN_MOVE_SELF)) {
		if (!(ev->mask & IN_IGNORED))
			folder_unwatch(t, &t->f[i]);
		else if (t->f[i].wd >= 0)
			t->watches--;
		t->f[i].wd = -1;
		mark_dirty(t, i);
		return;
	}
	if (ev->len == 0 || ev->name[0] == '.')
		return;                       /* the folder's own times; hidden */
	tree_entry *e = entry_find(&t->f[i], ev->name);
	if (!e || e->is_dir || (ev->mask & (IN_CREATE | IN_DELETE | IN_MOVED_FROM))) {
		mark_dirty(t, i);
		return;
	}
	char *path = path_join(t->f[i].path, ev->name);
	struct stat st;
	bool ok = path && stat(path, &st) == 0;
	free(path);
	uint64_t now = ok ? watch_tree_status(&st) : STATUS_MISSING;
	if (now != e->status) {
		t->changed = true;
		e->status = now;
	}
	if (!ok || S_ISDIR(st.st_mode))
		mark_dirty(t, i);
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
		t->work += folder_list(t, i);
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
	if (folder_add(t, path, &st, true) < 0) {
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
		entries_free(t->f[i].ents, t->f[i].n);
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
		mark_dirty(t, 0);
	/* Polling lists the folders to list as it comes to them. */
	if (t->fd >= 0)
		list_pending(t);
	if (t->fd < 0)
		poll_tick(t);
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
	return t->n;
}

size_t watch_tree_work(const watch_tree *t)
{
	return t->work;
}
