/* import_json.c - a JSON or JSON Lines file into import_docs: where each
 * document is, whether cJSON can parse it safely, which format it is.
 * The formats' own fields are read in import_json_formats.c. */
#include "import_json.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "import_json_private.h"

/* ---- formats -------------------------------------------------------- */

static const char *const format_names[] = {
	[IMPORT_JSON_AUTO] = "auto",
	[IMPORT_JSON_CITRON] = "citron",
	[IMPORT_JSON_SPACY] = "spacy",
	[IMPORT_JSON_DISPLACY] = "displacy",
	[IMPORT_JSON_PRODIGY] = "prodigy",
	[IMPORT_JSON_DOCCANO] = "doccano",
	[IMPORT_JSON_UNKNOWN] = "unknown",
};

const char *import_json_format_name(import_json_format format)
{
	return format <= IMPORT_JSON_UNKNOWN ? format_names[format] : "unknown";
}

import_json_format import_json_format_named(const char *name)
{
	for (size_t i = 0; i < IMPORT_JSON_UNKNOWN; i++)
		if (strcmp(name, format_names[i]) == 0)
			return (import_json_format)i;
	return IMPORT_JSON_UNKNOWN;
}

static bool has(const cJSON *obj, const char *key)
{
	return cJSON_GetObjectItemCaseSensitive(obj, key) != NULL;
}

import_json_format import_json_detect(const cJSON *obj)
{
	if (!cJSON_IsObject(obj))
		return IMPORT_JSON_UNKNOWN;
	if (has(obj, "quotes"))
		return IMPORT_JSON_CITRON;
	if (has(obj, "ents"))
		return has(obj, "tokens") ? IMPORT_JSON_SPACY : IMPORT_JSON_DISPLACY;
	if (cJSON_IsArray(cJSON_GetObjectItemCaseSensitive(obj, "spans")))
		return IMPORT_JSON_PRODIGY;
	if (has(obj, "label") || has(obj, "entities"))
		return IMPORT_JSON_DOCCANO;
	return IMPORT_JSON_UNKNOWN;
}

/* ---- diagnostics ---------------------------------------------------- */

/* Line and column (in characters, from 1) of byte off of s, as JSON
 * counts lines: at LF only. */
static void locate(const char *s, size_t off, int *line, int *col)
{
	*line = 1;
	*col = 1;
	for (size_t i = 0; i < off; i++) {
		if (s[i] == '\n') {
			(*line)++;
			*col = 1;
		} else if (((unsigned char)s[i] & 0xC0) != 0x80) {
			(*col)++;
		}
	}
}

/* ---- what cJSON must not be given ----------------------------------- */

enum scan_problem { SCAN_OK, SCAN_DEEP, SCAN_NUL };

/* Looks for what cJSON parses badly: nesting past its limit (it fails
 * then, and the message would say only "syntax error") and \u0000 in a
 * string or a NUL byte anywhere (cJSON ends the string there, so text
 * would be lost without a word).  Returns the problem; *at gets its byte offset. */
static enum scan_problem scan(const char *s, size_t len, size_t *at)
{
	size_t depth = 0;
	bool in_string = false;
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (ch == '\0') {
			*at = i;
			return SCAN_NUL;
		}
		if (in_string) {
			if (ch == '"') {
				in_string = false;
			} else if (ch == '\\' && i + 1 < len) {
				if (s[i + 1] == 'u' && len - i >= 6 &&
				    memcmp(s + i + 2, "0000", 4) == 0) {
					*at = i;
					return SCAN_NUL;
				}
				i++;
			}
		} else if (ch == '"') {
			in_string = true;
		} else if (ch == '[' || ch == '{') {
			if (++depth > CJSON_NESTING_LIMIT) {
				*at = i;
				return SCAN_DEEP;
			}
		} else if ((ch == ']' || ch == '}') && depth > 0) {
			depth--;
		}
	}
	return SCAN_OK;
}

/* ---- one document --------------------------------------------------- */

/* A diagnostic at byte off of s, the document that starts at line
 * base_line of its file. */
static void error_at(json_ctx *c, const char *s, size_t off, int base_line,
                     const char *what)
{
	int line, col;
	locate(s, off, &line, &col);
	import_error(&c->rep, base_line + line - 1, col, "%s", what);
}

/* JSON's white space (strchr would also find the NUL at the end). */
static bool is_space(char ch)
{
	return ch == ' ' || ch == '\t' || ch == '\r' || ch == '\n';
}

static bool only_space(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!is_space(s[i]))
			return false;
	return true;
}

/* The parsed document of s[0..len), or NULL after an error. */
static cJSON *parse(json_ctx *c, const char *s, size_t len, int base_line)
{
	size_t at;
	switch (scan(s, len, &at)) {
	case SCAN_DEEP:
		error_at(c, s, at, base_line, "JSON nested more than "
		         "1000 deep; document skipped: quoth reads at most 1000 "
		         "levels of arrays and objects");
		return NULL;
	case SCAN_NUL:
		error_at(c, s, at, base_line, "a NUL character (\\u0000 or a NUL "
		         "byte); document skipped: text cannot hold NUL");
		return NULL;
	case SCAN_OK:
		break;
	}
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(s, len, &end, false);
	if (!root) {
		size_t off = end && end >= s && end <= s + len ? (size_t)(end - s) : 0;
		error_at(c, s, off, base_line, "not valid JSON here; document "
		         "skipped");
		return NULL;
	}
	size_t used = (size_t)(end - s);
	while (used < len && is_space(s[used]))
		used++;
	if (used < len) {
		error_at(c, s, used, base_line, "more after the JSON document; "
		         "document skipped: a file holds one document, or one per "
		         "line (JSON Lines)");
		cJSON_Delete(root);
		return NULL;
	}
	return root;
}

/* The format obj is read as, or UNKNOWN after an error. */
static import_json_format pick_format(json_ctx *c, const cJSON *obj,
                                      import_json_format wanted)
{
	import_json_format found = import_json_detect(obj);
	if (!cJSON_IsObject(obj))
		import_error(&c->rep, c->line, 0, "the document is no JSON "
		             "object; document skipped");
	else if (wanted == IMPORT_JSON_AUTO && found == IMPORT_JSON_UNKNOWN)
		import_error(&c->rep, c->line, 0, "no format known by its "
		             "keys: expected quotes (citron), ents (spaCy, "
		             "displaCy), spans (Prodigy), label or entities "
		             "(doccano); document skipped");
	else if (wanted != IMPORT_JSON_AUTO)
		return wanted;
	return found;
}

static import_status read_document(json_ctx *c, const char *s, size_t len,
                                   int base_line, import_json_format format)
{
	cJSON *root = parse(c, s, len, base_line);
	if (!root)
		return IMPORT_FAILED;
	import_status status = IMPORT_FAILED;
	import_json_format f = pick_format(c, root, format);
	const cJSON *text = cJSON_GetObjectItemCaseSensitive(root, "text");
	if (f == IMPORT_JSON_UNKNOWN) {
		/* reported */
	} else if (!cJSON_IsString(text)) {
		import_error(&c->rep, c->line, 0, "text: %s; document skipped: "
		             "every format has the article's text as a string",
		             text ? "not a string" : "missing");
	} else if (!(c->doc = import_doc_new()) ||
	           !import_doc_set_text(c->doc, text->valuestring,
	                                strlen(text->valuestring), &c->rep,
	                                c->line ? c->line : base_line)) {
		status = IMPORT_NOMEM;
	} else {
		/* displaCy has a title; Prodigy and doccano keep theirs in
		 * the task's meta. */
		const char *title = cJSON_GetStringValue(
			cJSON_GetObjectItemCaseSensitive(root, "title"));
		if (!title)
			title = cJSON_GetStringValue(cJSON_GetObjectItemCaseSensitive(
				cJSON_GetObjectItemCaseSensitive(root, "meta"), "title"));
		if (title && !(c->doc->title = strdup(title)))
			c->nomem = true;
		size_t before = c->rep.errors;
		json_read_format(c, root, f);
		status = c->nomem ? IMPORT_NOMEM :
		         c->rep.errors > before ? IMPORT_PARTIAL : IMPORT_OK;
	}
	if (status != IMPORT_OK && status != IMPORT_PARTIAL) {
		import_doc_free(c->doc);
		c->doc = NULL;
	}
	cJSON_Delete(root);
	return status;
}

/* ---- the file ------------------------------------------------------- */

/* The length of the line at s (without its LF). */
static size_t line_len(const char *s, size_t left)
{
	const char *nl = memchr(s, '\n', left);
	return nl ? (size_t)(nl - s) : left;
}

/* The next line of bytes[*at..len) with something on it, moving *at
 * past it; false when there is none. */
static bool next_line(const char *bytes, size_t len, size_t *at,
                      const char **line, size_t *n)
{
	while (*at < len) {
		*line = bytes + *at;
		*n = line_len(*line, len - *at);
		*at += *n + 1;
		if (!only_space(*line, *n))
			return true;
	}
	return false;
}

/* True when s[0..n) is one JSON object with nothing after it but space
 * (with key, when key is not NULL), or what must not reach cJSON (the
 * line's reading reports it). */
static bool whole_object(const char *s, size_t n, const char *key)
{
	size_t at;
	if (scan(s, n, &at) != SCAN_OK)
		return key == NULL;
	const char *end = NULL;
	cJSON *root = cJSON_ParseWithLengthOpts(s, n, &end, false);
	bool whole = cJSON_IsObject(root) &&
	             only_space(end, n - (size_t)(end - s)) &&
	             (!key || has(root, key));
	cJSON_Delete(root);
	return whole;
}

/* JSON Lines when more than one line holds something and the first is a
 * whole object, or (the first being broken) the second is a whole object
 * with a text.  A pretty-printed document's first two lines are neither:
 * an object never fits on its first line with more to follow. */
static bool is_json_lines(const char *bytes, size_t len)
{
	size_t at = 0, n1, n2;
	const char *l1, *l2;
	if (!next_line(bytes, len, &at, &l1, &n1) ||
	    !next_line(bytes, len, &at, &l2, &n2))
		return false;
	return whole_object(l1, n1, NULL) || whole_object(l2, n2, "text");
}

/* A document on one line gets that line in its messages; a document over
 * many lines gets none (cJSON keeps no positions), only its JSON path. */
static int doc_line(const char *s, size_t len, int base_line)
{
	while (len > 0 && is_space(s[len - 1]))
		len--;
	return memchr(s, '\n', len) ? 0 : base_line;
}

static import_status take(json_ctx *c, import_status st, import_doc_list *got)
{
	if ((st == IMPORT_OK || st == IMPORT_PARTIAL) &&
	    !import_doc_list_push(got, c->doc)) {
		import_doc_free(c->doc);
		st = IMPORT_NOMEM;
	}
	c->doc = NULL;
	return st;
}

import_status import_json_read(const char *file, const char *bytes,
                               size_t len, import_json_format format,
                               import_doc_list *out, diag_list *diags)
{
	json_ctx c = { .rep = { .diags = diags, .file = file } };
	import_doc_list got = { 0 };
	bool partial = false, nomem = false;
	if (is_json_lines(bytes, len)) {
		int no = 1;
		for (size_t at = 0; at < len && !nomem; no++) {
			size_t n = line_len(bytes + at, len - at);
			if (!only_space(bytes + at, n)) {
				c.line = no;
				import_status st = take(&c, read_document(&c, bytes + at,
				                        n, no, format), &got);
				partial |= st != IMPORT_OK;
				nomem |= st == IMPORT_NOMEM;
			}
			at += n + 1;
		}
	} else {
		c.line = doc_line(bytes, len, 1);
		import_status st = take(&c, read_document(&c, bytes, len, 1,
		                        format), &got);
		partial = st == IMPORT_PARTIAL;
		nomem = st == IMPORT_NOMEM;
	}
	import_doc **items = nomem || got.n == 0 ? NULL :
	                     array_grow(out->items, &out->cap, out->n + got.n,
	                                sizeof *items);
	if (!items) {
		nomem |= got.n > 0;
		import_doc_list_free(&got);
		return nomem ? IMPORT_NOMEM : IMPORT_FAILED;
	}
	out->items = items;
	memcpy(items + out->n, got.items, got.n * sizeof *items);
	out->n += got.n;
	free(got.items);
	return partial ? IMPORT_PARTIAL : IMPORT_OK;
}

import_status import_json_read_line(const char *file, const char *bytes,
                                    size_t len, int line,
                                    import_json_format format,
                                    import_doc_list *out, diag_list *diags)
{
	json_ctx c = { .rep = { .diags = diags, .file = file }, .line = line };
	import_status st = read_document(&c, bytes, len, line, format);
	if ((st == IMPORT_OK || st == IMPORT_PARTIAL) &&
	    !import_doc_list_push(out, c.doc)) {
		import_doc_free(c.doc);
		st = IMPORT_NOMEM;
	}
	return st;
}
