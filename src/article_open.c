/* article_open.c - any article file quoth reads as a resolved article
 * (see article_open.h): brat pairs found by name, JSON by its keys, both
 * written as quoth YAML in memory and loaded like a file. */
#include "article_open.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "array.h"
#include "article_load.h"
#include "import_brat.h"
#include "import_json.h"
#include "import_yaml.h"
#include "loader.h"
#include "text.h"

/* ---- formats and names ------------------------------------------------ */

bool import_format_named(const char *name, import_format *format)
{
	static const struct { const char *name; import_format format; } names[] = {
		{ "auto", IMPORT_FORMAT_AUTO }, { "brat", IMPORT_FORMAT_BRAT },
		{ "citron", IMPORT_FORMAT_CITRON }, { "spacy", IMPORT_FORMAT_SPACY },
		{ "jsonl", IMPORT_FORMAT_JSONL },
	};
	for (size_t i = 0; i < sizeof names / sizeof *names; i++)
		if (strcmp(name, names[i].name) == 0) {
			*format = names[i].format;
			return true;
		}
	return false;
}

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), t = strlen(tail);
	return n > t && strcmp(s + n - t, tail) == 0;
}

import_format import_format_of(const char *path)
{
	if (ends_with(path, ".ann") || ends_with(path, ".txt"))
		return IMPORT_FORMAT_BRAT;
	if (ends_with(path, ".json") || ends_with(path, ".jsonl"))
		return IMPORT_FORMAT_JSONL;
	return IMPORT_FORMAT_YAML;
}

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* "DIR/" of path (or "") and the base name without its extension. */
static void split_path(const char *path, char *dir, char *stem, size_t cap)
{
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	snprintf(dir, cap, "%.*s", (int)(base - path), path);
	const char *dot = strrchr(base, '.');
	snprintf(stem, cap, "%.*s", (int)(dot && dot != base ? dot - base
	                                  : (long)strlen(base)), base);
}

/* DIR + sub + name + ext when it is a file, newly allocated; else NULL. */
static char *file_in(const char *dir, const char *sub, const char *name,
                     size_t name_len, const char *ext)
{
	size_t n = strlen(dir) + strlen(sub) + name_len + strlen(ext) + 1;
	char *p = malloc(n);
	if (!p)
		return NULL;
	snprintf(p, n, "%s%s%.*s%s", dir, sub, (int)name_len, name, ext);
	if (is_file(p))
		return p;
	free(p);
	return NULL;
}

char *import_pair_txt(const char *ann)
{
	char dir[4096], stem[4096];
	split_path(ann, dir, stem, sizeof dir);
	size_t n = strlen(stem);
	const char *us = strrchr(stem, '_');
	size_t cut = us && us[1] ? (size_t)(us - stem) : n;
	const char *subs[] = { "", "../text/" };
	for (size_t s = 0; s < 2; s++) {
		char *p = file_in(dir, subs[s], stem, n, ".txt");
		if (!p && cut < n)
			p = file_in(dir, subs[s], stem, cut, ".txt");
		if (p)
			return p;
	}
	return NULL;
}

/* The first NAME_SUFFIX.ann in dir by name, or NULL. */
static char *first_suffixed(const char *dir, const char *stem)
{
	DIR *d = opendir(*dir ? dir : ".");
	if (!d)
		return NULL;
	size_t n = strlen(stem);
	char *best = NULL;
	struct dirent *de;
	while ((de = readdir(d))) {
		const char *nm = de->d_name;
		if (strncmp(nm, stem, n) != 0 || nm[n] != '_' || !ends_with(nm + n, ".ann") ||
		    (best && strcmp(nm, best) >= 0))
			continue;
		free(best);
		best = strdup(nm);
	}
	closedir(d);
	char *p = best ? file_in(dir, "", best, strlen(best), "") : NULL;
	free(best);
	return p;
}

char *import_pair_ann(const char *txt)
{
	char dir[4096], stem[4096], other[4200];
	split_path(txt, dir, stem, sizeof dir);
	char *p = file_in(dir, "", stem, strlen(stem), ".ann");
	if (!p)
		p = first_suffixed(dir, stem);
	snprintf(other, sizeof other, "%s../attributions/", dir);
	if (!p)
		p = file_in(other, "", stem, strlen(stem), ".ann");
	if (!p)
		p = first_suffixed(other, stem);
	return p;
}

/* ---- importing ---------------------------------------------------------- */

/* The bytes of path; an empty regular file is no error here (a .ann
 * without annotations).  -1 with a diagnostic when it cannot be read. */
static int read_input(const char *path, char **bytes, size_t *len,
                      diag_list *diags)
{
	struct stat st;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == 0) {
		*bytes = calloc(1, 1);
		*len = 0;
		return *bytes ? 0 : -1;
	}
	return loader_read_file(path, bytes, len, diags);
}

static bool push_item(import_items *out, const import_doc *doc,
                      const import_yaml_meta *meta, const char *name,
                      diag_list *diags)
{
	import_item *items = array_grow(out->items, &out->cap, out->n + 1,
	                                sizeof *items);
	if (!items)
		return false;
	out->items = items;
	import_item *it = &items[out->n];
	*it = (import_item){ 0 };
	FILE *mem = open_memstream(&it->yaml, &it->len);
	bool ok = mem && import_yaml_write(doc, meta, mem, diags) == 0;
	if (mem && fclose(mem) != 0)
		ok = false;
	it->name = strdup(name);
	it->file = strdup(meta->file);
	if (!ok || !it->name || !it->file) {
		free(it->yaml);
		free(it->name);
		free(it->file);
		return false;
	}
	out->n++;
	return true;
}

static import_status import_brat_file(const char *path, import_items *out,
                                      diag_list *diags)
{
	bool given_txt = ends_with(path, ".txt");
	char *ann = given_txt ? import_pair_ann(path) : strdup(path);
	char *txt = given_txt ? strdup(path) : import_pair_txt(path);
	if (!ann || !txt) {
		diag_add(diags, path, 0, 0, given_txt ?
		         "no .ann beside it (NAME.ann or NAME_SUFFIX.ann, here or in ../attributions/)" :
		         "no .txt for it (NAME.txt, or NAME.txt for NAME_SUFFIX.ann, here or in ../text/)");
		free(ann);
		free(txt);
		return IMPORT_FAILED;
	}
	char *tb = NULL, *ab = NULL;
	size_t tl = 0, al = 0;
	import_status st = IMPORT_FAILED;
	import_doc *doc = NULL;
	if (read_input(txt, &tb, &tl, diags) == 0 && read_input(ann, &ab, &al, diags) == 0)
		st = import_brat_read(txt, tb, tl, ann, ab, al, &doc, diags);
	if (doc) {
		char dir[4096], stem[4096];
		split_path(ann, dir, stem, sizeof dir);
		import_yaml_meta meta = { .file = ann, .format = "brat", .title = stem,
		                          .id = stem };
		if (!push_item(out, doc, &meta, stem, diags))
			st = IMPORT_NOMEM;
	}
	import_doc_free(doc);
	free(tb);
	free(ab);
	free(ann);
	free(txt);
	return st;
}

static import_status import_json_file(const char *path, import_format format,
                                      import_items *out, diag_list *diags)
{
	import_json_format jf = format == IMPORT_FORMAT_CITRON ? IMPORT_JSON_CITRON :
	                        format == IMPORT_FORMAT_SPACY ? IMPORT_JSON_SPACY :
	                        IMPORT_JSON_AUTO;
	char *bytes = NULL;
	size_t len = 0;
	if (read_input(path, &bytes, &len, diags) != 0)
		return IMPORT_FAILED;
	import_doc_list docs = { 0 };
	import_status st = import_json_read(path, bytes, len, jf, &docs, diags);
	free(bytes);
	char dir[4096], stem[4096], name[4200];
	split_path(path, dir, stem, sizeof dir);
	for (size_t i = 0; i < docs.n && st != IMPORT_NOMEM; i++) {
		if (docs.n > 1)
			snprintf(name, sizeof name, "%s-%zu", stem, i + 1);
		else
			snprintf(name, sizeof name, "%s", stem);
		import_yaml_meta meta = {
			.file = path, .title = name, .id = name,
			.format = format == IMPORT_FORMAT_AUTO || format == IMPORT_FORMAT_JSONL ?
			          "JSON" : format == IMPORT_FORMAT_CITRON ? "citron" : "spaCy",
		};
		if (!push_item(out, docs.items[i], &meta, name, diags))
			st = IMPORT_NOMEM;
	}
	import_doc_list_free(&docs);
	return st;
}

import_status import_file(const char *path, import_format format,
                          import_items *out, diag_list *diags)
{
	if (format == IMPORT_FORMAT_AUTO)
		format = import_format_of(path);
	if (format == IMPORT_FORMAT_BRAT)
		return import_brat_file(path, out, diags);
	if (format == IMPORT_FORMAT_YAML) {
		diag_add(diags, path, 0, 0, "not a file to import: .ann or .txt "
		         "(brat), .json or .jsonl; name the format to read it as one");
		return IMPORT_FAILED;
	}
	return import_json_file(path, format, out, diags);
}

void import_items_free(import_items *items)
{
	if (!items)
		return;
	for (size_t i = 0; i < items->n; i++) {
		free(items->items[i].name);
		free(items->items[i].file);
		free(items->items[i].yaml);
	}
	free(items->items);
	*items = (import_items){ 0 };
}

/* ---- loading ---------------------------------------------------------------- */

/* Loads one imported article, strictly (0 or -1) or tolerantly (the
 * number of errors, SIZE_MAX-like -1 when no model); its path becomes the
 * input's. */
static int load_item_as(const char *path, const import_item *it, bool tolerant,
                        article **out, diag_list *diags)
{
	size_t n = strlen(it->file) + sizeof " (as quoth YAML)";
	char *name = malloc(n);
	*out = NULL;
	if (!name)
		return -1;
	snprintf(name, n, "%s (as quoth YAML)", it->file);
	int rc = tolerant ? load_article_tolerant_mem(name, it->yaml, it->len, out, diags)
	                  : load_article_mem(name, it->yaml, it->len, out, diags);
	free(name);
	if (tolerant && *out) {     /* the model, with its errors counted */
		char *own = strdup(path);
		if (!own) {
			article_free(*out);
			*out = NULL;
			return -1;
		}
		free((*out)->path);
		(*out)->path = own;
		return rc;
	}
	if (tolerant)
		return -1;
	char *own = rc == 0 ? strdup(path) : NULL;
	if (rc == 0 && !own) {
		article_free(*out);
		*out = NULL;
		return -1;
	}
	if (rc == 0) {
		free((*out)->path);
		(*out)->path = own;
	}
	return rc;
}

static int load_item(const char *path, const import_item *it, article **out,
                     diag_list *diags)
{
	return load_item_as(path, it, false, out, diags);
}

size_t load_any_tolerant(const char *path, article **out, diag_list *diags)
{
	*out = NULL;
	if (import_format_of(path) == IMPORT_FORMAT_YAML) {
		int rc = load_article_tolerant(path, out, diags);
		return *out && rc >= 0 ? (size_t)rc : SIZE_MAX;
	}
	size_t before = diag_count(diags, DIAG_ERROR);
	import_items items = { 0 };
	import_status st = import_file(path, IMPORT_FORMAT_AUTO, &items, diags);
	if (st == IMPORT_FAILED || st == IMPORT_NOMEM || items.n == 0) {
		import_items_free(&items);
		return SIZE_MAX;
	}
	size_t imported = diag_count(diags, DIAG_ERROR) - before;
	int rc = load_item_as(path, &items.items[0], true, out, diags);
	import_items_free(&items);
	if (!*out || rc < 0)
		return SIZE_MAX;
	return imported + (size_t)rc;
}

int load_any_all(const char *path, article ***out, size_t *n, diag_list *diags)
{
	*out = NULL;
	*n = 0;
	if (import_format_of(path) == IMPORT_FORMAT_YAML) {
		article *a = NULL;
		if (load_article(path, &a, diags) < 0)
			return 1;
		if (!(*out = malloc(sizeof **out))) {
			article_free(a);
			return -1;
		}
		(*out)[(*n)++] = a;
		return 0;
	}
	import_items items = { 0 };
	size_t before = diag_count(diags, DIAG_ERROR);
	import_status st = import_file(path, IMPORT_FORMAT_AUTO, &items, diags);
	if (st == IMPORT_FAILED || st == IMPORT_NOMEM) {
		import_items_free(&items);
		return -1;
	}
	/* Strict: an import that left a span or a line out (each an error
	 * said at its line) is not the file's article, whatever loads of it;
	 * check says so with its status, as it does of a YAML error. */
	if (diag_count(diags, DIAG_ERROR) > before) {
		int failed = items.n ? (int)items.n : 1;
		import_items_free(&items);
		return failed;
	}
	int failed = 0;
	*out = malloc((items.n ? items.n : 1) * sizeof **out);
	for (size_t i = 0; *out && i < items.n; i++) {
		article *a = NULL;
		if (load_item(path, &items.items[i], &a, diags) == 0)
			(*out)[(*n)++] = a;
		else
			failed++;
	}
	import_items_free(&items);
	return *out ? failed : -1;
}

int load_any(const char *path, article **out, diag_list *diags, size_t *count)
{
	article **all;
	size_t n;
	*out = NULL;
	int failed = load_any_all(path, &all, &n, diags);
	if (count)
		*count = n + (failed > 0 ? (size_t)failed : 0);
	for (size_t i = 1; i < n; i++)
		article_free(all[i]);
	if (n > 0 && failed == 0)
		*out = all[0];
	else if (n > 0)
		article_free(all[0]);
	free(all);
	return *out ? 0 : -1;
}

/* ---- one line of a JSON Lines file ------------------------------------------ */

/* A title for a document that has none: its first words, at most
 * TITLE_WORDS of them, "…" after them when the text goes on. */
enum { TITLE_WORDS = 8, TITLE_BYTES = 80 };

static bool is_ascii_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\r' || ch == '\f' ||
	       ch == '\v';
}

static void first_words(const char *text, char *buf, size_t cap)
{
	static const char more[] = "\xe2\x80\xa6";     /* … */
	size_t n = 0, words = 0, room = cap - sizeof more;
	const char *p = text;
	while (words < TITLE_WORDS) {
		while (is_ascii_space(*p))
			p++;
		const char *w = p;
		while (*p && !is_ascii_space(*p))
			p++;
		size_t len = (size_t)(p - w), gap = n ? 1 : 0;
		if (len == 0)
			break;
		if (n + gap + len > room) {
			if (n == 0) {   /* one word longer than a title: cut */
				n = utf8_char_start(w, room);
				memcpy(buf, w, n);
			}
			p = w;
			break;
		}
		if (gap)
			buf[n++] = ' ';
		memcpy(buf + n, w, len);
		n += len;
		words++;
	}
	while (is_ascii_space(*p))
		p++;
	if (*p) {
		memcpy(buf + n, more, sizeof more - 1);
		n += sizeof more - 1;
	}
	buf[n] = '\0';
}

/* Imports line `line` of path (from offset, see import_json_line_read)
 * as one item. */
static import_status import_line(const char *path, int line, long long offset,
                                 import_items *out, diag_list *diags)
{
	char *bytes = NULL;
	size_t len = 0;
	if (import_json_line_read(path, line, offset, &bytes, &len, diags) != 0)
		return IMPORT_FAILED;
	import_doc_list docs = { 0 };
	import_status st = import_json_read_line(path, bytes, len, line,
	                                         IMPORT_JSON_AUTO, &docs, diags);
	free(bytes);
	if (docs.n == 1) {
		char dir[4096], stem[4096], name[4200], title[TITLE_BYTES];
		split_path(path, dir, stem, sizeof dir);
		snprintf(name, sizeof name, "%s-%d", stem, line);
		first_words(docs.items[0]->text, title, sizeof title);
		import_yaml_meta meta = { .file = path, .format = "JSON Lines",
		                          .title = title, .id = name };
		if (!push_item(out, docs.items[0], &meta, name, diags))
			st = IMPORT_NOMEM;
	}
	import_doc_list_free(&docs);
	return st;
}

/* The diagnostics from index from on that name the quoth YAML made of
 * the line are said at the line itself: FILE:LINE, as a person finds it,
 * with the YAML's line in words (its excerpt would show text the file
 * does not hold). */
static void place_diags(diag_list *diags, size_t from, const char *path, int line)
{
	for (size_t i = from; i < diags->n; i++) {
		diag *d = &diags->items[i];
		if (d->file && strcmp(d->file, path) == 0)
			continue;
		char *file = strdup(path);
		int n = snprintf(NULL, 0, "%s (line %d of the quoth YAML made of "
		                 "this line)", d->message ? d->message : "", d->line);
		char *msg = n >= 0 ? malloc((size_t)n + 1) : NULL;
		if (!file || !msg) {
			free(file);
			free(msg);
			continue;   /* out of memory: said as it was */
		}
		snprintf(msg, (size_t)n + 1, "%s (line %d of the quoth YAML made of "
		         "this line)", d->message ? d->message : "", d->line);
		free(d->file);
		free(d->message);
		free(d->excerpt);
		d->file = file;
		d->message = msg;
		d->excerpt = NULL;
		d->line = line;
		d->col = 0;
	}
}

/* Loads line `line` of path, strictly or tolerantly: the number of
 * errors (the import's among them), or SIZE_MAX with *out NULL. */
static size_t load_line_as(const char *path, int line, long long offset,
                           bool tolerant, article **out, diag_list *diags)
{
	*out = NULL;
	size_t before = diag_count(diags, DIAG_ERROR);
	import_items items = { 0 };
	import_status st = import_line(path, line, offset, &items, diags);
	if (st == IMPORT_FAILED || st == IMPORT_NOMEM || items.n == 0) {
		import_items_free(&items);
		return SIZE_MAX;
	}
	size_t imported = diag_count(diags, DIAG_ERROR) - before;
	size_t from = diags->n;
	int rc = load_item_as(path, &items.items[0], tolerant, out, diags);
	import_items_free(&items);
	place_diags(diags, from, path, line);
	if (!*out || rc < 0) {
		article_free(*out);
		*out = NULL;
		return SIZE_MAX;
	}
	(*out)->path_line = line;
	return imported + (size_t)rc;
}

int load_entry(const corpus_file *f, article **out, diag_list *diags)
{
	if (f->line == 0)
		return load_any(f->path, out, diags, NULL);
	long long offset = corpus_file_current(f) ? f->offset : -1;
	if (load_line_as(f->path, f->line, offset, false, out, diags) == 0)
		return 0;
	article_free(*out);     /* loaded, but the import left out a part */
	*out = NULL;
	return -1;
}

size_t load_entry_tolerant(const corpus_file *f, article **out, diag_list *diags)
{
	if (f->line == 0)
		return load_any_tolerant(f->path, out, diags);
	long long offset = corpus_file_current(f) ? f->offset : -1;
	return load_line_as(f->path, f->line, offset, true, out, diags);
}

size_t load_line_tolerant(const char *path, int line, article **out,
                          diag_list *diags)
{
	if (line <= 0)
		return load_any_tolerant(path, out, diags);
	return load_line_as(path, line, -1, true, out, diags);
}
