/* import_doc.h - what an annotation tool's file says, before it becomes an
 * article.
 *
 * The importers (import_brat, import_json) read other tools' formats into
 * this neutral document; a later step turns it into quoth's article model.
 * Every format counts offsets in code points; the document holds byte
 * offsets into its text, converted and checked once on input, so nothing
 * after the importers counts characters again.  All ranges are
 * [start, end) byte offsets on character boundaries of text. */
#ifndef QUOTH_IMPORT_DOC_H
#define QUOTH_IMPORT_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "import_report.h"

/* What an importer returns.  IMPORT_PARTIAL still gives a document: the
 * annotations that had errors were left out, each with an error in the
 * diagnostics, and the rest is as the file says.  Warnings alone leave
 * the status IMPORT_OK.  On IMPORT_FAILED and IMPORT_NOMEM no document is
 * given. */
typedef enum import_status {
	IMPORT_OK,
	IMPORT_PARTIAL,
	IMPORT_FAILED,
	IMPORT_NOMEM,
} import_status;

typedef struct import_range {
	size_t start, end;
} import_range;

/* One annotation's pieces: a discontinuous span has several. */
typedef struct import_ranges {
	import_range *items;
	size_t n, cap;
} import_ranges;

/* A text-bound annotation: brat's T, an entity of spaCy or doccano. */
typedef struct import_span {
	char *id;
	char *label;
	import_ranges ranges;
	char *said;     /* the text the file says the span covers, or NULL */
	int line;       /* in the input file; 0 when unknown */
} import_span;

/* Who said what: PolNeAR's attribution events, citron's quotes. */
typedef struct import_attribution {
	char *id;
	import_ranges cue;
	import_ranges source;   /* n == 0: no source */
	import_ranges content;
	char *kind;             /* the format's word for it, or NULL */
	bool has_confidence;
	double confidence;
	int line;
} import_attribution;

/* A span's link to a knowledge base (brat N, spaCy kb_id). */
typedef struct import_norm {
	char *id;               /* "N1"; NULL where the format has none */
	char *span_id;
	char *kb_id;            /* as written: "Wikidata:Q42" */
	int line;
} import_norm;

/* A free-text note on an annotation (brat #). */
typedef struct import_note {
	char *id;
	char *span_id;
	char *text;
	int line;
} import_note;

/* A named attribute of an annotation (brat A/M); value NULL for a flag. */
typedef struct import_attr {
	char *id;
	char *name;
	char *target;
	char *value;
	int line;
} import_attr;

/* A relation, an event that is not an attribution, or an equivalence
 * (brat R, E, *): a type and arguments by ID.  Kept so that nothing the
 * file holds is lost, though quoth does not show them yet. */
typedef struct import_arg {
	char *role;             /* "" for the members of an equivalence */
	char *target;
} import_arg;

typedef struct import_link {
	char *id;               /* "*" for an equivalence */
	char *type;
	char *trigger;          /* an event's trigger span ID, or NULL */
	import_arg *args;
	size_t n_args, cap_args;
	int line;
} import_link;

typedef struct import_doc {
	char *text;             /* valid UTF-8, NUL-terminated, no NUL inside */
	size_t len;             /* bytes */
	size_t chars;           /* code points */
	char *title;            /* where the format has one, or NULL */
	size_t *marks;          /* byte offset of every IMPORT_MARK_STEP-th one */
	size_t n_marks;

	import_span *spans;
	size_t n_spans, cap_spans;
	import_attribution *attributions;
	size_t n_attributions, cap_attributions;
	import_norm *norms;
	size_t n_norms, cap_norms;
	import_note *notes;
	size_t n_notes, cap_notes;
	import_attr *attrs;
	size_t n_attrs, cap_attrs;
	import_link *links;
	size_t n_links, cap_links;
} import_doc;

/* Documents of a JSON Lines file, in order. */
typedef struct import_doc_list {
	import_doc **items;
	size_t n, cap;
} import_doc_list;

#define IMPORT_MARK_STEP 64

/* An empty document (no text: len 0, text ""), or NULL out of memory. */
import_doc *import_doc_new(void);
void import_doc_free(import_doc *doc);

/* Sets the text from bytes[0..len) and indexes its characters.  Each NUL
 * and each byte that is not part of valid UTF-8 becomes U+FFFD, counted as
 * one character (as Python's errors="replace" reads them), with one
 * warning to rep naming the first such place.  With at_line 0 it is
 * given as line:col in bytes itself (a .txt file); otherwise the warning
 * is at at_line of rep's file.  Returns false out of memory (doc unchanged). */
bool import_doc_set_text(import_doc *doc, const char *bytes, size_t len,
                         import_report *rep, int at_line);

/* Byte offset of code point index cp (cp == chars gives len).  Returns
 * false when cp > chars. */
bool import_doc_byte_of(const import_doc *doc, size_t cp, size_t *byte);

/* Code point index of byte offset byte (a character boundary <= len). */
size_t import_doc_char_of(const import_doc *doc, size_t byte);

/* Why a pair of code point offsets is no range of the text. */
typedef enum import_range_error {
	IMPORT_RANGE_OK,
	IMPORT_RANGE_NEGATIVE,
	IMPORT_RANGE_PAST_END,
	IMPORT_RANGE_REVERSED,
} import_range_error;

/* Converts code point offsets [start, end) into a byte range in *out
 * (untouched unless IMPORT_RANGE_OK).  Empty ranges are allowed. */
import_range_error import_doc_range(const import_doc *doc, long long start,
                                    long long end, import_range *out);

/* What is wrong, for a message: "the start is negative", ... */
const char *import_range_error_text(import_range_error err);

/* Appends r; false out of memory. */
bool import_ranges_push(import_ranges *ranges, import_range r);

/* New zeroed items at the end of the document's arrays (line set), or NULL
 * out of memory.  The pointer is valid until the next add of its kind. */
import_span *import_doc_add_span(import_doc *doc, int line);
import_attribution *import_doc_add_attribution(import_doc *doc, int line);
import_norm *import_doc_add_norm(import_doc *doc, int line);
import_note *import_doc_add_note(import_doc *doc, int line);
import_attr *import_doc_add_attr(import_doc *doc, int line);
import_link *import_doc_add_link(import_doc *doc, int line);
/* Frees what link holds and zeroes it. */
void import_link_clear(import_link *link);
bool import_link_add_arg(import_link *link, const char *role,
                         size_t role_len, const char *target,
                         size_t target_len);

/* True when said is the text of the ranges joined by single spaces, as
 * brat writes a discontinuous span's text field.  Costs at most the
 * length of said, however long the ranges. */
bool import_doc_covers(const import_doc *doc, const import_ranges *ranges,
                       const char *said);

/* The start of that text in buf (room for cap > 0 bytes, NUL-terminated,
 * cut on a character boundary), for quoting in a message. */
void import_doc_cover_prefix(const import_doc *doc,
                             const import_ranges *ranges, char *buf,
                             size_t cap);

/* True when doc keeps its promises: text valid UTF-8 without NUL, chars
 * and the index right, every range of every annotation in order, inside
 * the text and on character boundaries.  For tests and fuzz targets; it
 * reads the whole text. */
bool import_doc_valid(const import_doc *doc);

/* Copy of s[0..n) NUL-terminated, or NULL out of memory. */
char *import_strndup(const char *s, size_t n);

/* Appends doc (now the list's); false out of memory (doc still the
 * caller's). */
bool import_doc_list_push(import_doc_list *list, import_doc *doc);
void import_doc_list_free(import_doc_list *list);

#endif
