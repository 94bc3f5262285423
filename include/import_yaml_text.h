/* import_yaml_text.h - strings and the body written as YAML scalars that
 * load back byte for byte.
 *
 * A leaf of import_yaml.c (and of anything else that writes quoth YAML):
 * it knows which texts a plain scalar or a literal block can carry and
 * falls back to a double-quoted scalar with escapes for the rest. */
#ifndef QUOTH_IMPORT_YAML_TEXT_H
#define QUOTH_IMPORT_YAML_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "import_doc.h"

/* Writes s[0..n) (valid UTF-8) as one scalar: plain when that reads back
 * as the same string in block and flow context alike, else
 * double-quoted with every character YAML would change escaped. */
void yaml_text_scalar(FILE *out, const char *s, size_t n);

/* Writes the value of "body:" for s[0..n) (valid UTF-8), starting right
 * after the key's ": ": a literal block scalar, indented by two spaces,
 * with the chomping indicator (|, |-, |+) its final line breaks need
 * and an indentation indicator when its first line starts with a blank;
 * a double-quoted scalar, one line of the text per line of the file,
 * when the text holds what a block cannot (CR, NEL, LS, PS, controls, a
 * byte order mark) or is nothing but line breaks.  Ends with a newline. */
void yaml_text_body(FILE *out, const char *s, size_t n);

/* Writes "INDENTKEY: VALUE" and a newline, the value a scalar as above. */
void yaml_text_key(FILE *out, const char *indent, const char *key,
                   const char *value);

/* Writes r, bytes of doc's text, as a pair "[s, e]" in code points. */
void yaml_text_pair(FILE *out, const import_doc *doc, import_range r);

/* True when a literal block scalar carries s[0..n) unchanged. */
bool yaml_text_block_safe(const char *s, size_t n);

/* Writes s as part of a comment: a line break or a control, which would
 * end it or mean nothing there, becomes '?'. */
void yaml_text_comment(FILE *out, const char *s);

/* A closing comment listing what doc holds that an article has no place
 * for (relations, other events, equivalences, attributes), one a line, so
 * that nothing is lost silently; nothing when there is none. */
void import_yaml_leftovers(const import_doc *doc, FILE *out);

#endif
