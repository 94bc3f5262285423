/* corpus_files.c - the article files under the paths a user names. */
#include "corpus_files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "array.h"

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n > t && strcmp(s + n - t, tail) == 0;
}

bool corpus_is_article_name(const char *name)
{
	if (name[0] == '.')
		return false;
	return ends_with(name, ".yaml") || ends_with(name, ".yml") ||
	       ends_with(name, ".ann") || ends_with(name, ".jsonl");
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

/* ---- JSON Lines: one entry per line ------------------------------------ */

/* Where the lines that hold something start; blank ones by number. */
typedef struct line_index {
	int *line;
	long long *offset;
	size_t n, cap, cap_off;
	int *blank;             /* the first BLANKS_SAID blank lines */
	size_t n_blank;         /* all of them */
	size_t cap_blank;
} line_index;

/* A file of nothing but blank lines must not fill the problems list:
 * the first ones are said, then how many more. */
enum { BLANKS_SAID = 20 };

static void line_index_free(line_index *ix)
{
	free(ix->line);
	free(ix->offset);
	free(ix->blank);
	*ix = (line_index){ 0 };
}

/* Records the line that ended; -1 when out of memory. */
static int index_line(line_index *ix, int line, long long start, bool blank)
{
	if (blank) {
		if (ix->n_blank < BLANKS_SAID) {
			int *b = array_grow(ix->blank, &ix->cap_blank, ix->n_blank + 1,
			                    sizeof *b);
			if (!b)
				return -1;
			ix->blank = b;
			b[ix->n_blank] = line;
		}
		ix->n_blank++;
		return 0;
	}
	size_t cap = ix->cap;
	int *l = array_grow(ix->line, &cap, ix->n + 1, sizeof *l);
	if (l)
		ix->line = l;
	long long *o = l ? array_grow(ix->offset, &ix->cap_off, ix->n + 1, sizeof *o)
	                 : NULL;
	if (!o)
		return -1;
	ix->cap = cap;
	ix->offset = o;
	ix->line[ix->n] = line;
	ix->offset[ix->n++] = start;
	return 0;
}

static bool is_blank_byte(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r';
}

/* Indexes the lines of fd, stopping once max lines that hold something
 * are found.  Lines end at LF (a CR before it is white space, as JSON
 * says).  Only the first bytes of a line are looked at for whether it is
 * blank; the rest is skipped with memchr.  0, -1 when unreadable, -2
 * when out of memory. */
static int index_lines(int fd, size_t max, line_index *ix)
{
	char block[1 << 15];
	long long pos = 0, start = 0;
	int line = 1;
	bool blank = true;
	for (;;) {
		ssize_t got = read(fd, block, sizeof block);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			return -1;
		if (got == 0)
			break;
		size_t n = (size_t)got, i = 0;
		while (i < n) {
			while (blank && i < n && is_blank_byte(block[i]))
				i++;
			if (i < n && block[i] != '\n')
				blank = false;
			const char *nl = i < n ? memchr(block + i, '\n', n - i) : NULL;
			if (!nl)
				break;
			i = (size_t)(nl - block);
			if (index_line(ix, line, start, blank) < 0)
				return -2;
			if (ix->n >= max)
				return 0;
			line++;
			start = pos + (long long)i + 1;
			blank = true;
			i++;
		}
		pos += got;
	}
	/* The last line, without a line break after it. */
	if (pos > start && index_line(ix, line, start, blank) < 0)
		return -2;
	return 0;
}

/* The lines of the regular file at path, at most max of them that hold
 * something: 0, -1 when it cannot be read (the loader says why, later),
 * -2 when out of memory. */
static int index_file(const char *path, size_t max, line_index *ix)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = fstat(fd, &st) == 0 && S_ISREG(st.st_mode) ?
	         index_lines(fd, max, ix) : -1;
	close(fd);
	return rc;
}

bool corpus_files_is_library(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0)
		return false;
	if (S_ISDIR(st.st_mode))
		return true;
	if (!ends_with(path, ".jsonl"))
		return false;
	line_index ix = { 0 };
	bool many = index_file(path, 2, &ix) == 0 && ix.n >= 2;
	line_index_free(&ix);
	return many;
}

/* One line entry: path and "REL:LINE" in one block, freed with path. */
static int push_line(corpus_files *list, const char *path, size_t rel_at,
                     int line, long long offset, const struct stat *st)
{
	corpus_file *items = array_grow(list->items, &list->cap, list->n + 1,
	                                sizeof *items);
	if (!items)
		return -1;
	list->items = items;
	size_t plen = strlen(path), rlen = plen - rel_at;
	size_t cap = plen + 1 + rlen + 16;
	char *block = malloc(cap);
	if (!block)
		return -1;
	memcpy(block, path, plen + 1);
	char *rel = block + plen + 1;
	snprintf(rel, cap - plen - 1, "%s:%d", path + rel_at, line);
	items[list->n++] = (corpus_file){
		.path = block, .rel = rel, .line = line, .offset = offset,
		.mtime = st->st_mtim, .size = (long long)st->st_size,
	};
	return 0;
}

/* A *.jsonl file: its lines when it holds more than one document, else
 * the whole file (one document, or none: the loader says so). */
static int push_lines(corpus_files *list, const char *path, size_t rel_at,
                      diag_list *problems)
{
	line_index ix = { 0 };
	struct stat st;
	/* Time and size before the lines: a file rewritten meanwhile then
	 * looks changed, and its lines are counted again. */
	int got = stat(path, &st) == 0 ? index_file(path, SIZE_MAX, &ix) : -1;
	if (got != 0 || ix.n < 2) {
		line_index_free(&ix);
		return got == -2 ? -1 : push_file(list, path, rel_at);
	}
	int rc = 0;
	for (size_t i = 0; i < ix.n && rc == 0; i++)
		rc = push_line(list, path, rel_at, ix.line[i], ix.offset[i], &st);
	size_t said = ix.n_blank < BLANKS_SAID ? ix.n_blank : BLANKS_SAID;
	for (size_t i = 0; i < said; i++)
		diag_warn(problems, path, ix.blank[i], 0, "a blank line; skipped: "
		          "a JSON Lines file holds one document on each line");
	if (ix.n_blank > said)
		diag_warn(problems, path, ix.blank[said - 1], 0, "and %zu more blank "
		          "lines after this one; skipped too", ix.n_blank - said);
	line_index_free(&ix);
	return rc;
}

/* An article file found or named: JSON Lines by its lines. */
static int add_file(corpus_files *list, const char *path, size_t rel_at,
                    diag_list *problems)
{
	if (ends_with(path, ".jsonl"))
		return push_lines(list, path, rel_at, problems);
	return push_file(list, path, rel_at);
}

bool corpus_file_current(const corpus_file *f)
{
	if (f->line == 0)
		return true;
	struct stat st;
	return stat(f->path, &st) == 0 && st.st_mtim.tv_sec == f->mtime.tv_sec &&
	       st.st_mtim.tv_nsec == f->mtime.tv_nsec &&
	       (long long)st.st_size == f->size;
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
				rc = add_file(list, path, rel_at, problems);
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
		return add_file(list, root, 0, problems);
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
