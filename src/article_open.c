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
	import_status st = import_file(path, IMPORT_FORMAT_AUTO, &items, diags);
	if (st == IMPORT_FAILED || st == IMPORT_NOMEM) {
		import_items_free(&items);
		return -1;
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
