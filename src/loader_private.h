/* loader_private.h - what the loader's files share and nobody else sees:
 * the loader's state, its frames and nodes, and the functions each file
 * offers the others.
 *
 *   loader.c          the entry point, the event loop and the frame stack
 *   loader_keys.c     the keys of each mapping: unknown, duplicate, missing
 *   loader_fields.c   the value of each key, and the checks across items
 *   loader_quotes.c   the value of each key of a quote
 *   loader_spans.c    positions: spans, pairs, the offset unit; a cue's pieces
 *   loader_scalars.c  one scalar read as a string, a choice, a number...
 *   loader_file.c     the file, read whole
 *   loader_input.c    the bytes before parsing: size, NUL, UTF-8
 *   loader_layout.c   syntax errors that are a missing "- " or a wrong
 *                     indentation
 *   loader_report.c   the leaf they all call: problems, clipping, memory */
#ifndef QUOTH_LOADER_PRIVATE_H
#define QUOTH_LOADER_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>

#include <yaml.h>

#include "loader.h"

/* Values quoted in messages are cut to this many bytes. */
#define CLIP_BYTES 40
/* Room for a clipped value: "..." and the NUL. */
#define CLIP_BUF (CLIP_BYTES + 4)

#define KEY_NONE (-1)   /* the value that comes is read past */
#define MAX_KEYS 16

/* ---- the keys of each mapping (their names are in loader_keys.c) ---- */

/* Key k of the article (AK_), of an entity (EK_), of a quote (QTK_) and of
 * a quote's speaker (SK_): frame.key, and bit k of frame.seen. */
enum {
	AK_TITLE, AK_SUBTITLE, AK_SOURCE, AK_AUTHORS, AK_PUBLISHED, AK_URL,
	AK_LANGUAGE, AK_ID, AK_BODY, AK_ENTITIES, AK_QUOTES, AK_OFFSETS, AK_COUNT
};

enum {
	EK_ID, EK_NAME, EK_TYPE, EK_ALIASES, EK_KB, EK_DESCRIPTION, EK_CASE,
	EK_MENTIONS, EK_COUNT
};

enum {
	QTK_TEXT, QTK_SPEAKER, QTK_CUE, QTK_KIND, QTK_ID, QTK_OCCURRENCE,
	QTK_SPAN, QTK_CUE_SPAN, QTK_COUNT
};

enum { SK_TEXT, SK_ENTITY, SK_SPAN, SK_COUNT };

/* ---- frames: one per open mapping or list --------------------------- */

typedef enum frame_kind {
	F_ROOT,       /* the document: holds the top-level node */
	F_SKIP,       /* a value already reported or not ours: read past it */
	F_ARTICLE,    /* the top-level mapping */
	F_AUTHORS,    /* list of strings */
	F_ENTITIES,   /* list of entity mappings */
	F_ENTITY,
	F_ALIASES,    /* list of strings */
	F_MENTIONS,   /* list of [start, end] pairs */
	F_PAIR,
	F_QUOTES,     /* list of quote mappings */
	F_QUOTE,
	F_FRAGMENTS,  /* list of strings: a quote's text */
	F_SPEAKER,    /* mapping: text, entity and span */
	F_SPANS,      /* a quote's span, cue_span or speaker span: one
	                 [start, end] pair, or a list of them */
	F_SPAN_PAIR,  /* one pair of a list of spans */
	F_CUES,       /* list of strings: a cue's pieces */
	F_SPEAKER_TEXT, /* list of strings: a speaker's words in pieces */
} frame_kind;

/* Where the pairs of an F_SPANS frame go (frame.target). */
typedef enum span_target {
	SPAN_CONTENT,   /* quote.given */
	SPAN_CUE,       /* quote.cue_given */
	SPAN_SOURCE,    /* quote.source_given */
} span_target;

typedef struct frame {
	frame_kind kind;
	bool map;              /* a mapping, else a list */
	bool want_key;         /* mapping: the next node is a key */
	int key;               /* mapping: the key of the value to come */
	unsigned seen;         /* mapping: bit per key given */
	unsigned suggested;    /* mapping: keys offered for a misspelt one */
	int first_key;         /* mapping: the key given first */
	bool new_item;         /* mapping: its first key came again: an item
	                          that lost its "- " was reported */
	int seen_line[MAX_KEYS];
	size_t index;          /* the entity or quote being filled */
	size_t count;          /* list: items so far */
	size_t num[2];         /* F_PAIR: the offsets read */
	bool bad;              /* F_PAIR: an item was refused */
	span_target target;    /* F_SPANS, F_SPAN_PAIR */
	bool pairs;            /* F_SPANS: its items are pairs, not numbers */
	size_t errors_at_open; /* F_QUOTE, F_ENTITY: ld->errors when it opened */
	src_pos pos;
} frame;

/* One node as the handlers see it; value is borrowed from the event. */
typedef enum node_type { NODE_SCALAR, NODE_LIST, NODE_MAP, NODE_ALIAS } node_type;

typedef struct node {
	node_type type;
	const char *value;
	size_t len;
	bool plain;
	yaml_scalar_style_t style;
	src_pos pos;
	yaml_mark_t mark;
	int end_line;          /* 1-based line of the node's end */
	size_t end_index;      /* in characters, as mark.index counts */
} node;

typedef struct loader {
	const char *name;
	const char *src;
	size_t src_len;
	article *a;
	diag_list *diags;
	frame stack[LOADER_MAX_DEPTH + 1];
	size_t depth;          /* open collections; stack[0] is the root */
	int docs;
	bool have_article;
	bool stop;             /* give up on the rest of the events */
	bool syntax_error;
	bool broken;           /* the model lacks what the resolver needs */
	bool oom;
	size_t errors;         /* problems found, stored in diags or not */
	int section;           /* the top-level key being read, or KEY_NONE */
	/* Anchors and aliases are reported once each, at the first. */
	size_t n_anchors, n_aliases;
	src_pos first_anchor, first_alias;
	char anchor_name[CLIP_BUF];
	src_pos *quote_id_pos; /* one per quote, for duplicate ids */
} loader;

/* ---- in loader_report.c, the leaf every loader file may call ------- */

/* Adds a diagnostic at pos and counts it in ld->errors, which the load's
 * status is read from: the count grows even when memory runs out and
 * the message cannot be stored. */
void ld_error(loader *ld, src_pos pos, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* A value the resolver needs was refused: it must not run on the rest. */
void ld_lost(loader *ld);
/* s[0..len) cut to CLIP_BYTES for a message, in buf of CLIP_BUF bytes. */
const char *ld_clip(char *buf, const char *s, size_t len);
/* "a list", "a mapping", "a string"...: what n is, for a message. */
const char *ld_node_kind_name(const node *n);
/* Byte offset in the source of a parser mark. */
size_t ld_offset_of_mark(const loader *ld, yaml_mark_t m);
/* A copy of s[0..len), or NULL (ld->oom set). */
char *ld_strndup(loader *ld, const char *s, size_t len);
/* Room for item n of one of the model's arrays of items of size bytes:
 * the array, moved or not, or NULL (ld->oom set; the old one is then
 * untouched). */
void *ld_grow(loader *ld, void *items, size_t n, size_t size);
/* Appends a copy of the string n and its position to the parallel arrays
 * *items and *pos of *count items (an entity's aliases, a quote's
 * fragments).  False when out of memory (ld->oom set): *count is then
 * as it was, and the arrays, grown or not, still hold the items. */
bool ld_push_string(loader *ld, char ***items, src_pos **pos, size_t *count,
                    const node *n);

/* ---- in loader_keys.c, for loader.c and loader_fields.c ------------- */

/* A node in key position: sets f->key to the key whose value comes next,
 * or KEY_NONE when that value is to be read past. */
void ld_on_key(loader *ld, frame *f, const node *n);
/* Reports the required keys a mapping that ends did not give. */
void ld_check_required(loader *ld, const frame *f);
/* The name of key k of the mappings of kind. */
const char *ld_key_name(frame_kind kind, int k);

/* ---- in loader_fields.c, for loader.c ------------------------------- */

/* A node in value or item position; the kind of frame to open when n is
 * a list or a mapping. */
frame_kind ld_on_value(loader *ld, frame *f, frame *item_frame,
                       const node *n);
/* A list or mapping ends: checks what can only be checked as a whole. */
void ld_frame_end(loader *ld, frame *f);
/* Reports the entity and quote ids given twice. */
void ld_check_ids(loader *ld);

/* ---- in loader_quotes.c, for loader_fields.c ----------------------- */

/* An item of 'quotes': a mapping opens F_QUOTE for a new quote. */
frame_kind ld_quotes_item(loader *ld, frame *item_frame, const node *n);
/* The value of a quote's key f->key; the kind of frame to open. */
frame_kind ld_quote_value(loader *ld, frame *f, frame *item_frame,
                          const node *n);
/* An item of a quote's list of fragments. */
void ld_fragments_item(loader *ld, frame *f, const node *n);
/* The value of a key of a quote's speaker mapping; the kind of frame to
 * open. */
frame_kind ld_speaker_value(loader *ld, frame *f, frame *item_frame,
                            const node *n);

/* ---- in loader_spans.c, for loader_fields.c and loader_quotes.c ---- */

/* One offset of a pair, item f->count of its list (the walk counts the
 * items), read into f->num; a third one is only counted, for the message
 * at the pair's end.  what names it in a message: "a span offset". */
void ld_pair_number(loader *ld, frame *f, const node *n, const char *what);

/* The value of the article's 'offsets'. */
void ld_offsets_value(loader *ld, const node *n);
/* The value of a span key of quote qi ("span", "cue_span", the speaker's
 * "span"); the kind of frame to open. */
frame_kind ld_spans_value(loader *ld, frame *item_frame, const node *n,
                          size_t qi, span_target target, const char *key);
/* An item of an F_SPANS or F_SPAN_PAIR frame; the kind of frame to open. */
frame_kind ld_spans_item(loader *ld, frame *f, frame *item_frame,
                         const node *n);
/* An F_SPANS or F_SPAN_PAIR frame ends: its pair is stored. */
void ld_spans_end(loader *ld, frame *f);
/* An item of a cue's list of pieces. */
void ld_cues_item(loader *ld, frame *f, const node *n);
/* An item of a speaker's text in pieces, and the end of the list (which
 * joins the pieces into quote.speaker_text, for showing). */
void ld_speaker_pieces_item(loader *ld, frame *f, const node *n);
void ld_speaker_pieces_end(loader *ld, frame *f);
/* The end of a speaker mapping: words in pieces need their spans. */
void ld_speaker_end(loader *ld, const frame *f);

/* ---- in loader_scalars.c, for loader_fields.c ----------------------- */

bool ld_node_is_null(const node *n);
/* Null, empty or only white space. */
bool ld_node_is_empty(const node *n);
/* A plain decimal integer up to max. */
bool ld_node_to_size(const node *n, size_t max, size_t *out);
/* Sets *dst to a copy of the string n, the value of key; false when the
 * value was refused or empty. */
bool ld_take_string(loader *ld, const node *n, const char *key,
                    const char *why_required, char **dst);
/* *index gets the name n is among names[0..count), else false. */
bool ld_take_choice(loader *ld, const node *n, const char *what,
                    const char *const *names, size_t count, size_t *index);
/* ISO 8601: 2016-07-16, 2016-07-16T13:13:00-04:00... */
bool ld_iso_date_valid(const char *s);
/* Reports an entity type that is not a label of capitals, digits, '_'. */
void ld_check_type_label(loader *ld, const char *type, src_pos pos);

/* ---- in loader_file.c, for its tests ------------------------------- */

/* Reads the file open as fd, expected to hold size bytes, into a buffer
 * of its own: true with *bytes (the caller frees it) and *len set, false
 * with a diagnostic for path when it cannot be read or holds more than
 * size bytes (it grew since it was measured). */
bool ld_read_fd(const char *path, int fd, size_t size, char **bytes,
                size_t *len, diag_list *diags);

/* ---- in loader_layout.c, for loader.c ------------------------------- */

/* When the parser's error p is a list item without its "- " or a line
 * indented otherwise than its siblings, reports that instead (true);
 * false for any other error, left to the caller. */
bool ld_report_layout(loader *ld, const yaml_parser_t *p);

/* ---- in loader_input.c, for loader.c -------------------------------- */

/* False, with a diagnostic, for bytes that are empty or too large or hold
 * a NUL or invalid UTF-8: they are refused before parsing. */
bool loader_input_check(const char *name, const char *bytes, size_t len,
                        diag_list *diags);

#endif
