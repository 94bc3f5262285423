/* import_json.h - annotation tools' JSON as import_docs.
 *
 * Formats, told apart by their keys (import_json_detect):
 *   citron     {text, quotes: [{cue, sources, contents, coreferences,
 *              confidence}], coreference_groups}, spans {start, end, text}
 *   spaCy      Doc.to_json: {text, ents: [{start, end, label, kb_id}],
 *              tokens, ...}
 *   displaCy   the manual form {text, ents, title}
 *   Prodigy    {text, spans: [{start, end, label}], meta: {title}}
 *   doccano    {text, label: [[start, end, "ORG"]]} or {text, entities:
 *              [{start_offset, end_offset, label}]}
 * Every offset counts code points of text.  A file is one JSON document,
 * or JSON Lines: one document per line, each reported at its line. */
#ifndef QUOTH_IMPORT_JSON_H
#define QUOTH_IMPORT_JSON_H

#include <stddef.h>

#include "diag.h"
#include "import_doc.h"

typedef enum import_json_format {
	IMPORT_JSON_AUTO,       /* detect each document's format */
	IMPORT_JSON_CITRON,
	IMPORT_JSON_SPACY,
	IMPORT_JSON_DISPLACY,
	IMPORT_JSON_PRODIGY,
	IMPORT_JSON_DOCCANO,
	IMPORT_JSON_UNKNOWN,    /* detection found none of them */
} import_json_format;

struct cJSON;

/* The format of a parsed document by its keys: quotes is citron; ents
 * with tokens spaCy, without displaCy; spans Prodigy; label or entities
 * doccano; IMPORT_JSON_UNKNOWN otherwise (or when obj is no object). */
import_json_format import_json_detect(const struct cJSON *obj);

/* "citron", "spacy", "displacy", "prodigy", "doccano" ("auto",
 * "unknown"), and back: IMPORT_JSON_UNKNOWN for another name. */
const char *import_json_format_name(import_json_format format);
import_json_format import_json_format_named(const char *name);

/* Reads bytes[0..len), named file in diagnostics, as documents of format
 * (IMPORT_JSON_AUTO: detected per document) appended to out.  On
 * IMPORT_PARTIAL some documents or annotations were left out, each with
 * an error; on IMPORT_FAILED (no document could be read) and IMPORT_NOMEM
 * out is as it was. */
import_status import_json_read(const char *file, const char *bytes,
                               size_t len, import_json_format format,
                               import_doc_list *out, diag_list *diags);

/* The bytes of line `line` (from 1) of the JSON Lines file at path,
 * without its line break, into *bytes (NUL-terminated, the caller frees)
 * and *len: read from offset when that still starts a line, else found by
 * counting lines (offset -1: unknown).  0, or -1 with an error at
 * path:line (no such line, a blank one, unreadable, over 64 MiB). */
int import_json_line_read(const char *path, int line, long long offset,
                          char **bytes, size_t *len, diag_list *diags);

/* Reads bytes[0..len), line `line` of the JSON Lines file named file, as
 * one document appended to out: what import_json_read does for each line
 * of the file, with the same diagnostics at that line.  IMPORT_FAILED
 * when the line is no document of a known format (out as it was). */
import_status import_json_read_line(const char *file, const char *bytes,
                                    size_t len, int line,
                                    import_json_format format,
                                    import_doc_list *out, diag_list *diags);

#endif
