/* article_open.h - any article file quoth reads, YAML or another tool's,
 * as the same resolved article.
 *
 * A .ann (brat, with its .txt found beside it), a .txt beside a .ann, a
 * .json or .jsonl (citron, spaCy, Prodigy, doccano) is imported, written
 * as quoth YAML in memory (import_yaml.h) and loaded from there; any
 * other file is loaded as YAML.  So the resolver, the reader and the
 * exporters never know where an article came from.  One line of a JSON
 * Lines file is an article too (a library entry, corpus_files.h): read
 * on its own, its diagnostics at FILE:LINE.  Never prints. */
#ifndef QUOTH_ARTICLE_OPEN_H
#define QUOTH_ARTICLE_OPEN_H

#include <stdbool.h>
#include <stddef.h>

#include "article.h"
#include "corpus_files.h"
#include "diag.h"
#include "import_doc.h"

typedef enum import_format {
	IMPORT_FORMAT_AUTO,     /* by the file's extension, JSON by its keys */
	IMPORT_FORMAT_BRAT,
	IMPORT_FORMAT_CITRON,
	IMPORT_FORMAT_SPACY,
	IMPORT_FORMAT_JSONL,    /* JSON, each document's format by its keys */
	IMPORT_FORMAT_YAML,     /* quoth's own: not imported */
} import_format;

/* "auto", "brat", "citron", "spacy", "jsonl" -> the format; false for
 * another name. */
bool import_format_named(const char *name, import_format *format);

/* The format of path by its extension: brat for .ann and .txt, JSONL for
 * .json and .jsonl, YAML for anything else. */
import_format import_format_of(const char *path);

/* The .txt of a brat .ann: X.txt beside X.ann, else X.txt for X_SUFFIX.ann
 * (an annotator's suffix, as PolNeAR names them), looked for beside it
 * and in ../text/ (PolNeAR keeps texts and attributions apart).  NULL when
 * none exists or out of memory; the caller frees. */
char *import_pair_txt(const char *ann);

/* The .ann of a brat .txt: X.ann beside it, else the first X_SUFFIX.ann by
 * name, beside it or in ../attributions/.  NULL when none. */
char *import_pair_ann(const char *txt);

/* One imported article as quoth YAML. */
typedef struct import_item {
	char *name;     /* for NAME.yaml: the input's base name, NAME-N for
	                   the N-th document of a JSON file of several */
	char *file;     /* the input file its diagnostics name */
	char *yaml;
	size_t len;
} import_item;

typedef struct import_items {
	import_item *items;
	size_t n, cap;
} import_items;

/* Imports path (format AUTO: by import_format_of) and appends its
 * articles as YAML to out.  Every line of input that could not be used is
 * a diagnostic in diags at its line of its file.  Returns the importer's
 * status: IMPORT_FAILED when the input could not be read at all (out
 * untouched). */
import_status import_file(const char *path, import_format format,
                          import_items *out, diag_list *diags);

void import_items_free(import_items *items);

/* Loads path, of any format above: 0 with *out set (its path is path, so
 * an editor opens the original file), or -1 with *out NULL.  The
 * importer's warnings go into diags too, also on success: the caller
 * decides what to print.  Diagnostics of the YAML written in memory name
 * "PATH (as quoth YAML)".  Of a JSON file of several documents the first
 * is loaded; *count (when not NULL) gets their number. */
int load_any(const char *path, article **out, diag_list *diags, size_t *count);

/* The reader's load of path, of any format above: as tolerant as
 * load_article_tolerant() (article_load.h), so that an article with
 * problems opens with everything that resolved.  Returns the number of
 * errors, the importer's included (0: the article is valid), or SIZE_MAX
 * when path could not be read or parsed at all; *out is set whenever a
 * model could be made, even with errors.  Of a JSON file of several
 * documents, the first. */
size_t load_any_tolerant(const char *path, article **out, diag_list *diags);

/* The same for every article of path (one, or each document of a JSON
 * file): out gets them all, as many as loaded; returns the number that did
 * not load (their problems in diags), or -1 when path could not be read.
 * Strict: when the import left something out (an error in diags), none
 * loads. */
int load_any_all(const char *path, article ***out, size_t *n, diag_list *diags);

/* Loads entry f of a listing: its file as load_any() does (f->line 0),
 * or its line of a JSON Lines file, read from f->offset while the file is
 * as it was listed, else found again by counting lines.  A line's article
 * has path f->path and path_line f->line; its title is the document's
 * (title, or meta.title) or else the first words of its text; every
 * diagnostic of the line names FILE and LINE (those of the quoth YAML
 * made of it too, their YAML line in the message).  Strict: 0 with *out,
 * or -1 with *out NULL, also when the import left something out. */
int load_entry(const corpus_file *f, article **out, diag_list *diags);

/* The same, tolerant as load_any_tolerant(): the number of errors, or
 * SIZE_MAX when no article could be made. */
size_t load_entry_tolerant(const corpus_file *f, article **out, diag_list *diags);

/* load_any_tolerant(path) for line 0, else line `line` of the JSON Lines
 * file path, found by counting lines: the reader's reload of the article
 * it shows (article.path_line). */
size_t load_line_tolerant(const char *path, int line, article **out,
                          diag_list *diags);

#endif
