/* corpus_files.c - the article files under the paths a user names. */
#include "corpus_files.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "array.h"

bool corpus_is_article_name(const char *name)
{
	size_t n = strlen(name);
	if (name[0] == '.')
		return false;
	return (n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".yml") == 0) ||
	       (n > 4 && strcmp(name + n - 4, ".ann") == 0);
}

/* The directories entered so far, by device and inode. */
typedef struct visited {
	dev_t *dev;
	ino_t *ino;
	size_t n;
	size_t cap;
} visited;

/* Records st's directory; false when it was entered already (a link
 * loop, or two links to one place) or when out of memory (*oom). */
static bool visit(visited *v, const struct stat *st, bool *oom)
{
	for (size_t i = 0; i < v->n; i++)
		if (v->dev[i] == st->st_dev && v->ino[i] == st->st_ino)
			return false;
	size_t cap = v->cap;
	dev_t *dev = array_grow(v->dev, &cap, v->n + 1, sizeof *dev);
	if (dev)
		v->dev = dev;
	ino_t *ino = dev ? array_grow(v->ino, &v->cap, v->n + 1, sizeof *ino) : NULL;
	if (!ino) {
		*oom = true;
		return false;
	}
	v->ino = ino;
	v->dev[v->n] = st->st_dev;
	v->ino[v->n++] = st->st_ino;
	return true;
}

static int push_file(corpus_files *list, const char *path, size_t rel_at)
{
	corpus_file *items = array_grow(list->items, &list->cap, list->n + 1,
	                                sizeof *items);
	if (!items)
		return -1;
	list->items = items;
	char *copy = strdup(path);
	if (!copy)
		return -1;
	items[list->n++] = (corpus_file){ .path = copy, .rel = copy + rel_at };
	return 0;
}

static int name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The names of dir's entries but . and .., sorted; NULL with errno set
 * when it cannot be read (*n is then 0). */
static char **read_names(const char *dir, size_t *n)
{
	DIR *d = opendir(dir);
	*n = 0;
	if (!d)
		return NULL;
	char **names = NULL;
	size_t cap = 0;
	struct dirent *de;
	bool ok = true;
	while (ok && (de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		char **more = array_grow(names, &cap, *n + 1, sizeof *more);
		ok = more && (more[*n] = strdup(de->d_name));
		if (more)
			names = more;
		if (ok)
			(*n)++;
	}
	closedir(d);
	if (!ok) {
		for (size_t i = 0; i < *n; i++)
			free(names[i]);
		free(names);
		*n = 0;
		errno = ENOMEM;
		return NULL;
	}
	if (*n)
		qsort(names, *n, sizeof *names, name_cmp);
	return names ? names : calloc(1, sizeof *names);
}

/* Adds the article files below dir (whose stat is st); rel_at is where
 * the relative part of every path starts.  -1 when out of memory. */
static int walk(corpus_files *list, const char *dir, const struct stat *st,
                size_t rel_at, visited *v, diag_list *problems)
{
	bool oom = false;
	if (!visit(v, st, &oom))
		return oom ? -1 : 0;
	size_t n;
	char **names = read_names(dir, &n);
	if (!names) {
		if (errno == ENOMEM)
			return -1;
		diag_add(problems, dir, 0, 0, "cannot read this directory: %s; "
		         "it is skipped", strerror(errno));
		return 0;
	}
	int rc = 0;
	size_t dlen = strlen(dir);
	for (size_t i = 0; i < n; i++) {
		size_t len = dlen + 1 + strlen(names[i]) + 1;
		char *path = rc == 0 ? malloc(len) : NULL;
		if (rc == 0 && !path)
			rc = -1;
		if (path) {
			snprintf(path, len, "%s%s%s", dir,
			         dlen && dir[dlen - 1] == '/' ? "" : "/", names[i]);
			struct stat cs;
			if (stat(path, &cs) != 0) {
				if (corpus_is_article_name(names[i]))
					diag_add(problems, path, 0, 0, "cannot be read: %s",
					         strerror(errno));
			} else if (S_ISDIR(cs.st_mode)) {
				rc = walk(list, path, &cs, rel_at, v, problems);
			} else if (corpus_is_article_name(names[i])) {
				rc = push_file(list, path, rel_at);
			}
		}
		free(path);
		free(names[i]);
	}
	free(names);
	return rc;
}

int corpus_files_add(corpus_files *list, const char *root, diag_list *problems)
{
	struct stat st;
	if (stat(root, &st) != 0) {
		diag_add(problems, root, 0, 0, "cannot be read: %s", strerror(errno));
		return 0;
	}
	if (!S_ISDIR(st.st_mode))
		return push_file(list, root, 0);
	size_t rlen = strlen(root);
	size_t rel_at = rlen + (rlen && root[rlen - 1] == '/' ? 0 : 1);
	visited v = { 0 };
	int rc = walk(list, root, &st, rel_at, &v, problems);
	free(v.dev);
	free(v.ino);
	return rc;
}

void corpus_files_free(corpus_files *list)
{
	if (!list)
		return;
	for (size_t i = 0; i < list->n; i++)
		free(list->items[i].path);
	free(list->items);
	*list = (corpus_files){ 0 };
}
