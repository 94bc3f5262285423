/* import_doc.c - the imported document: its text, the code point index
 * that converts the formats' offsets, and its growing arrays. */
#include "import_doc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "bound.h"
#include "text.h"

/* ---- creating and freeing ------------------------------------------- */

import_doc *import_doc_new(void)
{
	import_doc *doc = calloc(1, sizeof *doc);
	if (!doc)
		return NULL;
	doc->text = calloc(1, 1);
	doc->marks = calloc(1, sizeof *doc->marks);
	if (!doc->text || !doc->marks) {
		import_doc_free(doc);
		return NULL;
	}
	doc->n_marks = 1;  /* character 0 is at byte 0 */
	return doc;
}

static void ranges_free(import_ranges *r)
{
	free(r->items);
}

void import_doc_free(import_doc *doc)
{
	if (!doc)
		return;
	for (size_t i = 0; i < doc->n_spans; i++) {
		import_span *s = &doc->spans[i];
		free(s->id);
		free(s->label);
		free(s->said);
		ranges_free(&s->ranges);
	}
	for (size_t i = 0; i < doc->n_attributions; i++) {
		import_attribution *a = &doc->attributions[i];
		free(a->id);
		free(a->kind);
		ranges_free(&a->cue);
		ranges_free(&a->source);
		ranges_free(&a->content);
	}
	for (size_t i = 0; i < doc->n_norms; i++) {
		free(doc->norms[i].id);
		free(doc->norms[i].span_id);
		free(doc->norms[i].kb_id);
	}
	for (size_t i = 0; i < doc->n_notes; i++) {
		free(doc->notes[i].id);
		free(doc->notes[i].span_id);
		free(doc->notes[i].text);
	}
	for (size_t i = 0; i < doc->n_attrs; i++) {
		import_attr *a = &doc->attrs[i];
		free(a->id);
		free(a->name);
		free(a->target);
		free(a->value);
	}
	for (size_t i = 0; i < doc->n_links; i++)
		import_link_clear(&doc->links[i]);
	free(doc->spans);
	free(doc->attributions);
	free(doc->norms);
	free(doc->notes);
	free(doc->attrs);
	free(doc->links);
	free(doc->marks);
	free(doc->text);
	free(doc->title);
	free(doc);
}

/* ---- the text and its index ----------------------------------------- */

/* bytes[i] is a NUL or starts no valid UTF-8 sequence; *step gets the
 * bytes the character there takes otherwise. */
static bool bad_byte(const char *bytes, size_t len, size_t i, size_t *step)
{
	uint32_t cp;
	*step = utf8_decode(bytes, len, i, &cp);
	return cp == 0 || (*step == 1 && cp == 0xFFFD &&
	                   (unsigned char)bytes[i] >= 0x80);
}

/* bytes with every bad byte as U+FFFD (3 bytes), into *out (caller
 * frees); warns once, at the first.  False out of memory. */
static bool clean_copy(const char *bytes, size_t len, import_report *rep,
                       int at_line, char **out, size_t *out_len)
{
	if (len > (SIZE_MAX - 1) / 3)
		return false;
	char *t = malloc(len * 3 + 1);
	if (!t)
		return false;
	size_t n = 0, bad = 0, step;
	int line = 1, col = 1, first_line = 0, first_col = 0;
	unsigned first_byte = 0;
	for (size_t i = 0; i < len; i += step) {
		if (bad_byte(bytes, len, i, &step)) {
			if (bad++ == 0) {
				first_line = line;
				first_col = col;
				first_byte = (unsigned char)bytes[i];
			}
			memcpy(t + n, "\xEF\xBF\xBD", 3);
			n += 3;
		} else {
			memcpy(t + n, bytes + i, step);
			n += step;
		}
		if (bytes[i] == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
	}
	t[n] = '\0';
	import_warning(rep, at_line ? at_line : first_line,
	               at_line ? 0 : first_col, "the text holds %zu byte%s "
	               "that %s no UTF-8 character (the first is 0x%02X); each "
	               "is read as U+FFFD, one character, so offsets after it "
	               "count as a Python tool counts them: save the text as "
	               "UTF-8 without NUL bytes", bad, bad == 1 ? "" : "s",
	               bad == 1 ? "is" : "are", first_byte);
	*out = t;
	*out_len = n;
	return true;
}

/* The byte offset of every IMPORT_MARK_STEP-th character of valid UTF-8
 * text, and the number of characters. */
static size_t *index_marks(const char *text, size_t len, size_t *n_marks,
                           size_t *chars)
{
	size_t cap = len / IMPORT_MARK_STEP + 1, n = 0, count = 0;
	size_t *marks = malloc(cap * sizeof *marks);
	if (!marks)
		return NULL;
	for (size_t i = 0; i < len; i++) {
		if (((unsigned char)text[i] & 0xC0) == 0x80)
			continue;
		if (count++ % IMPORT_MARK_STEP == 0)
			marks[n++] = i;
	}
	if (n == 0)
		marks[n++] = 0;
	*n_marks = n;
	*chars = count;
	return marks;
}

bool import_doc_set_text(import_doc *doc, const char *bytes, size_t len,
                         import_report *rep, int at_line)
{
	bool clean = utf8_validate(bytes, len) == len &&
	             memchr(bytes, '\0', len) == NULL;
	char *text;
	size_t text_len = len;
	if (clean) {
		text = import_strndup(bytes, len);
		if (!text)
			return false;
	} else if (!clean_copy(bytes, len, rep, at_line, &text, &text_len)) {
		return false;
	}
	size_t n_marks, chars;
	size_t *marks = index_marks(text, text_len, &n_marks, &chars);
	if (!marks) {
		free(text);
		return false;
	}
	free(doc->text);
	free(doc->marks);
	doc->text = text;
	doc->len = text_len;
	doc->marks = marks;
	doc->n_marks = n_marks;
	doc->chars = chars;
	return true;
}

bool import_doc_byte_of(const import_doc *doc, size_t cp, size_t *byte)
{
	if (cp > doc->chars)
		return false;
	if (cp == doc->chars) {
		*byte = doc->len;
		return true;
	}
	size_t i = doc->marks[cp / IMPORT_MARK_STEP];
	for (size_t k = cp % IMPORT_MARK_STEP; k > 0; k--) {
		i++;
		while (((unsigned char)doc->text[i] & 0xC0) == 0x80)
			i++;
	}
	*byte = i;
	return true;
}

size_t import_doc_char_of(const import_doc *doc, size_t byte)
{
	size_t k = BOUND_UPPER(doc->marks, doc->n_marks, , byte) - 1;
	size_t cp = k * IMPORT_MARK_STEP;
	for (size_t i = doc->marks[k]; i < byte && i < doc->len; i++)
		if (((unsigned char)doc->text[i] & 0xC0) != 0x80)
			cp++;
	return cp;
}

import_range_error import_doc_range(const import_doc *doc, long long start,
                                    long long end, import_range *out)
{
	if (start < 0 || end < 0)
		return IMPORT_RANGE_NEGATIVE;
	if ((unsigned long long)start > doc->chars ||
	    (unsigned long long)end > doc->chars)
		return IMPORT_RANGE_PAST_END;
	if (start > end)
		return IMPORT_RANGE_REVERSED;
	import_doc_byte_of(doc, (size_t)start, &out->start);
	import_doc_byte_of(doc, (size_t)end, &out->end);
	return IMPORT_RANGE_OK;
}

const char *import_range_error_text(import_range_error err)
{
	switch (err) {
	case IMPORT_RANGE_NEGATIVE:
		return "an offset is negative";
	case IMPORT_RANGE_PAST_END:
		return "an offset is past the end of the text";
	case IMPORT_RANGE_REVERSED:
		return "the start is after the end";
	case IMPORT_RANGE_OK:
		break;
	}
	return "no error";
}

bool import_doc_covers(const import_doc *doc, const import_ranges *ranges,
                       const char *said)
{
	size_t left = strlen(said);
	for (size_t i = 0; i < ranges->n; i++) {
		const import_range *r = &ranges->items[i];
		size_t n = r->end - r->start;
		if (i > 0) {
			if (left == 0 || *said != ' ')
				return false;
			said++;
			left--;
		}
		if (n > left || memcmp(said, doc->text + r->start, n) != 0)
			return false;
		said += n;
		left -= n;
	}
	return left == 0;
}

void import_doc_cover_prefix(const import_doc *doc,
                             const import_ranges *ranges, char *buf,
                             size_t cap)
{
	size_t at = 0;
	for (size_t i = 0; i < ranges->n && at + 1 < cap; i++) {
		const import_range *r = &ranges->items[i];
		if (i > 0)
			buf[at++] = ' ';
		size_t n = r->end - r->start;
		if (n > cap - 1 - at)
			n = cap - 1 - at;
		memcpy(buf + at, doc->text + r->start, n);
		at += n;
	}
	/* A character cut at the end is dropped whole (the text is valid
	 * UTF-8, so only a cut makes a sequence decode as invalid). */
	if (at > 0) {
		uint32_t cp;
		size_t last = utf8_char_start(buf, at - 1);
		if ((unsigned char)buf[last] >= 0x80 &&
		    utf8_decode(buf, at, last, &cp) == 1)
			at = last;
	}
	buf[at] = '\0';
}

/* ---- checking ------------------------------------------------------- */

static bool boundary(const import_doc *doc, size_t i)
{
	return i <= doc->len &&
	       (i == doc->len || ((unsigned char)doc->text[i] & 0xC0) != 0x80);
}

static bool ranges_valid(const import_doc *doc, const import_ranges *r)
{
	for (size_t i = 0; i < r->n; i++)
		if (r->items[i].start > r->items[i].end ||
		    !boundary(doc, r->items[i].start) ||
		    !boundary(doc, r->items[i].end))
			return false;
	return true;
}

bool import_doc_valid(const import_doc *doc)
{
	if (doc->text[doc->len] != '\0' ||
	    utf8_validate(doc->text, doc->len) != doc->len ||
	    memchr(doc->text, '\0', doc->len) ||
	    utf8_count(doc->text, doc->len) != doc->chars)
		return false;
	for (size_t cp = 0; cp <= doc->chars; cp += 1 + cp / 3) {
		size_t byte;
		if (!import_doc_byte_of(doc, cp, &byte) || !boundary(doc, byte) ||
		    import_doc_char_of(doc, byte) != cp)
			return false;
	}
	for (size_t i = 0; i < doc->n_spans; i++)
		if (!ranges_valid(doc, &doc->spans[i].ranges) ||
		    doc->spans[i].ranges.n == 0)
			return false;
	for (size_t i = 0; i < doc->n_attributions; i++) {
		const import_attribution *a = &doc->attributions[i];
		if (!ranges_valid(doc, &a->cue) || !ranges_valid(doc, &a->source) ||
		    !ranges_valid(doc, &a->content))
			return false;
	}
	return true;
}

/* ---- growing arrays ------------------------------------------------- */

char *import_strndup(const char *s, size_t n)
{
	char *t = malloc(n + 1);
	if (t) {
		memcpy(t, s, n);
		t[n] = '\0';
	}
	return t;
}

bool import_ranges_push(import_ranges *ranges, import_range r)
{
	import_range *items = array_grow(ranges->items, &ranges->cap,
	                                 ranges->n + 1, sizeof *items);
	if (!items)
		return false;
	ranges->items = items;
	items[ranges->n++] = r;
	return true;
}

/* items (n of them, room for *cap) grown to hold one more, that one
 * zeroed; NULL out of memory (items untouched). */
static void *add_item(void *items, size_t n, size_t *cap, size_t size)
{
	char *grown = array_grow(items, cap, n + 1, size);
	if (grown)
		memset(grown + n * size, 0, size);
	return grown;
}

import_span *import_doc_add_span(import_doc *doc, int line)
{
	import_span *a = add_item(doc->spans, doc->n_spans, &doc->cap_spans,
	                          sizeof *a);
	if (!a)
		return NULL;
	doc->spans = a;
	a[doc->n_spans].line = line;
	return &a[doc->n_spans++];
}

import_attribution *import_doc_add_attribution(import_doc *doc, int line)
{
	import_attribution *a = add_item(doc->attributions,
	                                 doc->n_attributions,
	                                 &doc->cap_attributions, sizeof *a);
	if (!a)
		return NULL;
	doc->attributions = a;
	a[doc->n_attributions].line = line;
	return &a[doc->n_attributions++];
}

import_norm *import_doc_add_norm(import_doc *doc, int line)
{
	import_norm *a = add_item(doc->norms, doc->n_norms, &doc->cap_norms,
	                          sizeof *a);
	if (!a)
		return NULL;
	doc->norms = a;
	a[doc->n_norms].line = line;
	return &a[doc->n_norms++];
}

import_note *import_doc_add_note(import_doc *doc, int line)
{
	import_note *a = add_item(doc->notes, doc->n_notes, &doc->cap_notes,
	                          sizeof *a);
	if (!a)
		return NULL;
	doc->notes = a;
	a[doc->n_notes].line = line;
	return &a[doc->n_notes++];
}

import_attr *import_doc_add_attr(import_doc *doc, int line)
{
	import_attr *a = add_item(doc->attrs, doc->n_attrs, &doc->cap_attrs,
	                          sizeof *a);
	if (!a)
		return NULL;
	doc->attrs = a;
	a[doc->n_attrs].line = line;
	return &a[doc->n_attrs++];
}

import_link *import_doc_add_link(import_doc *doc, int line)
{
	import_link *a = add_item(doc->links, doc->n_links, &doc->cap_links,
	                          sizeof *a);
	if (!a)
		return NULL;
	doc->links = a;
	a[doc->n_links].line = line;
	return &a[doc->n_links++];
}

void import_link_clear(import_link *link)
{
	free(link->id);
	free(link->type);
	free(link->trigger);
	for (size_t k = 0; k < link->n_args; k++) {
		free(link->args[k].role);
		free(link->args[k].target);
	}
	free(link->args);
	*link = (import_link){ 0 };
}

bool import_link_add_arg(import_link *link, const char *role,
                         size_t role_len, const char *target,
                         size_t target_len)
{
	import_arg *args = array_grow(link->args, &link->cap_args,
	                              link->n_args + 1, sizeof *args);
	if (!args)
		return false;
	link->args = args;
	char *r = import_strndup(role, role_len);
	char *t = import_strndup(target, target_len);
	if (!r || !t) {
		free(r);
		free(t);
		return false;
	}
	args[link->n_args++] = (import_arg){ .role = r, .target = t };
	return true;
}

bool import_doc_list_push(import_doc_list *list, import_doc *doc)
{
	import_doc **items = array_grow(list->items, &list->cap, list->n + 1,
	                                sizeof *items);
	if (!items)
		return false;
	list->items = items;
	items[list->n++] = doc;
	return true;
}

void import_doc_list_free(import_doc_list *list)
{
	for (size_t i = 0; i < list->n; i++)
		import_doc_free(list->items[i]);
	free(list->items);
	*list = (import_doc_list){ 0 };
}
