/* watch_folders.c - the folders of a watch_tree and their entries; see
 * watch_folders.h. */
#include "watch_folders.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "array.h"

/* ---- statuses ------------------------------------------------------- */

/* FNV-1a over a run of bytes, continued from h. */
static uint64_t hash_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (size_t i = 0; i < n; i++)
		h = (h ^ b[i]) * 0x100000001b3u;
	return h;
}

/* A folder's own status: its modification time moves when an entry is
 * added, removed or renamed. */
uint64_t watch_folders_self(const struct stat *st)
{
	const long long fields[] = {
		(long long)st->st_ino, (long long)st->st_size,
		(long long)st->st_mtim.tv_sec, (long long)st->st_mtim.tv_nsec,
		(long long)st->st_ctim.tv_sec, (long long)st->st_ctim.tv_nsec,
	};
	return hash_bytes(0xcbf29ce484222325u, fields, sizeof fields);
}

/* An entry's status: a file's inode, size and times, as a folder's own;
 * a subfolder's times change with its entries, and it is looked at
 * through its own listing, so in its parent only its inode counts. */
uint64_t watch_folders_status(const struct stat *st)
{
	if (!S_ISDIR(st->st_mode))
		return watch_folders_self(st);
	const long long dir[] = { -1, (long long)st->st_ino };
	return hash_bytes(0xcbf29ce484222325u, dir, sizeof dir);
}

/* dir/name, newly allocated; NULL when out of memory. */
char *watch_folders_join(const char *dir, const char *name)
{
	size_t dlen = strlen(dir), len = dlen + strlen(name) + 2;
	char *p = malloc(len);
	if (p)
		snprintf(p, len, "%s%s%s", dir, dlen && dir[dlen - 1] == '/' ? "" : "/", name);
	return p;
}

/* ---- the folders entered -------------------------------------------- */

static size_t key_slot(const watch_key *keys, size_t cap, dev_t dev, ino_t ino)
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
	watch_key *keys = calloc(cap, sizeof *keys);
	if (!keys)
		return -1;
	for (size_t i = 0; i < t->n; i++) {
		if (!t->f[i].path)
			continue;                     /* dropped */
		size_t s = key_slot(keys, cap, t->f[i].dev, t->f[i].ino);
		keys[s] = (watch_key){ .dev = t->f[i].dev, .ino = t->f[i].ino, .used = true };
	}
	free(t->keys);
	t->keys = keys;
	t->set_cap = cap;
	return 0;
}

void watch_folders_dirty(watch_tree *t, size_t i)
{
	watch_folder *f = &t->f[i];
	if (!f->path)
		return;                           /* dropped */
	if (f->listed && !f->dirty)
		t->pending++;
	f->dirty = true;
}

/* Enters the folder at path (whose status is st) unless it was entered
 * already: 1 entered, 0 already, -1 out of memory.  path is taken. */
int watch_folders_add(watch_tree *t, char *path, const struct stat *st, bool quiet)
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
	watch_folder *f = array_grow(t->f, &t->cap, t->n + 1, sizeof *f);
	if (!f) {
		free(path);
		return -1;
	}
	t->f = f;
	t->keys[s] = (watch_key){ .dev = st->st_dev, .ino = st->st_ino, .used = true };
	f[t->n++] = (watch_folder){
		.path = path, .dev = st->st_dev, .ino = st->st_ino, .wd = -1, .quiet = quiet,
	};
	t->pending++;
	return 1;
}

void watch_folders_free_entries(watch_entry *e, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(e[i].name);
	free(e);
}

void watch_folders_unwatch(watch_tree *t, watch_folder *f)
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
 * removed, renamed away, or a file now.  A folder dropped stays in the
 * array, without a path, until watch_folders_compact: the caller may be
 * listing a folder by its index.  In a tree with links to folders every
 * folder is listed again after: a folder reached by two ways was entered
 * by the one that went, and its other way must enter it now.  Without
 * links a folder has one way, and the work stays O(changed). */
void watch_folders_remove(watch_tree *t, const char *path)
{
	size_t len = strlen(path);
	bool any = false;
	for (size_t k = 1; k < t->n; k++) {
		watch_folder *f = &t->f[k];
		if (!f->path || strncmp(f->path, path, len) != 0 ||
		    (f->path[len] != '\0' && f->path[len] != '/'))
			continue;
		if (!f->listed || f->dirty)
			t->pending--;
		watch_folders_unwatch(t, f);
		watch_folders_free_entries(f->ents, f->n);
		free(f->path);
		*f = (watch_folder){ .wd = -1, .listed = true };
		t->dead++;
		any = true;
	}
	if (!any)
		return;
	keys_rebuild(t, t->set_cap);   /* no bigger: cannot fail for room */
	for (size_t k = 0; t->links && k < t->n; k++)
		watch_folders_dirty(t, k);
}

void watch_folders_compact(watch_tree *t)
{
	if (!t->dead)
		return;
	size_t out = 0, cursor = 0;
	for (size_t k = 0; k < t->n; k++) {
		if (!t->f[k].path) {
			if (k == t->cursor)
				t->at = 0;
			continue;
		}
		if (k < t->cursor)
			cursor++;
		t->f[out++] = t->f[k];
	}
	t->n = out;
	t->dead = 0;
	t->cursor = cursor;
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
	         "folders every half second (raise fs.inotify.max_user_watches)",
	         t->n - t->dead);
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

/* ---- listing a folder ------------------------------------------------ */

static int entry_cmp(const void *a, const void *b)
{
	return strcmp(((const watch_entry *)a)->name, ((const watch_entry *)b)->name);
}

watch_entry *watch_folders_entry(const watch_folder *f, const char *name)
{
	watch_entry key = { .name = (char *)name };
	return f->n ? bsearch(&key, f->ents, f->n, sizeof key, entry_cmp) : NULL;
}

/* The entries of the open folder d with their statuses, sorted; NULL on
 * OOM.  *n is their number. */
static watch_entry *entries_read(watch_tree *t, DIR *d, size_t *n)
{
	watch_entry *ents = NULL;
	size_t cap = 0;
	*n = 0;
	struct dirent *de;
	int dfd = dirfd(d);
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		watch_entry *more = array_grow(ents, &cap, *n + 1, sizeof *more);
		char *name = more ? strdup(de->d_name) : NULL;
		if (more)
			ents = more;
		if (!name) {
			watch_folders_free_entries(ents, *n);
			return NULL;
		}
		struct stat st;
		bool ok = fstatat(dfd, name, &st, 0) == 0;
		ents[(*n)++] = (watch_entry){
			.name = name, .status = ok ? watch_folders_status(&st) : WATCH_STATUS_MISSING,
			.is_dir = ok && S_ISDIR(st.st_mode),
		};
		/* A folder by a link may be reached by another way too (a file
		 * system that does not say the type may hold links). */
		if (ok && S_ISDIR(st.st_mode) && (de->d_type == DT_LNK || de->d_type == DT_UNKNOWN))
			t->links = true;
	}
	if (*n)
		qsort(ents, *n, sizeof *ents, entry_cmp);
	return ents ? ents : calloc(1, sizeof *ents);
}

/* A folder entered already (st's) whose path no longer holds it was
 * moved, here: it is dropped, to be entered where it is now.  Searched
 * for only when a new name holds a folder entered already (a move, or a
 * second way), so the plain search is rare. */
static void drop_if_moved(watch_tree *t, const struct stat *st)
{
	size_t s = key_slot(t->keys, t->set_cap, st->st_dev, st->st_ino);
	if (!t->keys[s].used)
		return;
	for (size_t k = 1; k < t->n; k++) {
		const watch_folder *f = &t->f[k];
		if (!f->path || f->dev != st->st_dev || f->ino != st->st_ino)
			continue;
		struct stat now;
		if (stat(f->path, &now) == 0 && now.st_dev == st->st_dev && now.st_ino == st->st_ino)
			return;                       /* still there: a second way */
		char *gone = strdup(f->path);
		if (gone)
			watch_folders_remove(t, gone);
		free(gone);
		return;
	}
}

/* Enters the subfolder name of folder i, found by its listing (is_new:
 * a name not there before, maybe a folder moved there). */
static void subfolder_add(watch_tree *t, size_t i, const char *name, bool quiet, bool is_new)
{
	if (!t->f[i].path)
		return;
	char *path = watch_folders_join(t->f[i].path, name);
	struct stat st;
	if (!path || stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) {
		free(path);
		return;
	}
	if (is_new)
		drop_if_moved(t, &st);
	watch_folders_add(t, path, &st, quiet);
}

static void subfolder_remove(watch_tree *t, size_t i, const char *name)
{
	if (!t->f[i].path)
		return;
	char *path = watch_folders_join(t->f[i].path, name);
	if (path)
		watch_folders_remove(t, path);
	free(path);
}

/* Lists folder i again and compares: an entry added, removed or with
 * another status is a change (but in a baseline), a subfolder added is
 * entered and one gone is dropped.  Returns the units of work. */
size_t watch_folders_list(watch_tree *t, size_t i)
{
	folder_watch(t, i);
	watch_folder *f = &t->f[i];
	bool report = f->listed || !f->quiet;
	if (!f->listed || f->dirty)
		t->pending--;
	f->dirty = false;
	size_t n = 0;
	watch_entry *ents = NULL;
	DIR *d = opendir(f->path);
	struct stat st;
	if (d) {
		ents = entries_read(t, d, &n);
		f->self = fstat(dirfd(d), &st) == 0 ? watch_folders_self(&st) : WATCH_STATUS_MISSING;
		closedir(d);
	} else {
		/* Gone or unreadable: empty.  An unreadable folder keeps its own
		 * status, so that polling lists it again only when that moves
		 * (its mode changed back), not at every call. */
		ents = calloc(1, sizeof *ents);
		f->self = stat(f->path, &st) == 0 ? watch_folders_self(&st) : WATCH_STATUS_MISSING;
	}
	if (!ents) {                          /* out of memory: try again */
		f->dirty = true;
		t->pending++;
		return 1;
	}
	watch_entry *old = f->ents;
	size_t n_old = f->n, a = 0, b = 0;
	f->ents = ents;
	f->n = n;
	f->listed = true;
	bool quiet = !report;
	/* Both lists are sorted: one merge.  old and ents are the folder's
	 * own arrays, not in the folders array that entering a subfolder
	 * may move; f is not read after the merge starts. */
	while (a < n_old || b < n) {
		int cmp = a == n_old ? 1 : b == n ? -1 : strcmp(old[a].name, ents[b].name);
		bool was_dir = cmp <= 0 && old[a].is_dir;
		bool is_dir = cmp >= 0 && ents[b].is_dir;
		bool same = cmp == 0 && old[a].status == ents[b].status;
		if (report && !same)
			t->changed = true;
		if (was_dir && !same)
			subfolder_remove(t, i, old[a].name);
		/* A subfolder already entered is found in the set at once.  One
		 * that was there and was reached by another way, gone now, is
		 * entered by this one, as a baseline: nothing in it is new. */
		if (is_dir)
			subfolder_add(t, i, ents[b].name, quiet || same, !same);
		if (cmp <= 0)
			a++;
		if (cmp >= 0)
			b++;
	}
	watch_folders_free_entries(old, n_old);
	return n + 1;
}

