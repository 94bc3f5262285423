/* import_yaml.h - an imported document written as a quoth article.
 *
 * The YAML is for people to read and edit: metadata, the body as a
 * literal block, entities grouped by text and type with their mentions,
 * quotes with their words and their spans, in code points
 * ("offsets: chars") as the formats count them.  What quoth has no place
 * for (relations, attributes, other events) is listed in a closing
 * comment.  The format of articles/FORMAT.md, "Importing and exporting". */
#ifndef QUOTH_IMPORT_YAML_H
#define QUOTH_IMPORT_YAML_H

#include <stdio.h>

#include "diag.h"
#include "import_doc.h"

typedef struct import_yaml_meta {
	const char *file;    /* the input, for diagnostics and the first comment */
	const char *format;  /* "brat", "citron"...: for the first comment */
	const char *title;   /* when the document has none: the file's name */
	const char *id;      /* or NULL */
	const char *source;  /* or NULL */
} import_yaml_meta;

/* Writes doc as a quoth article to out.  What cannot be written (an
 * attribution without content, an annotation span no attribution uses)
 * is left out with a warning in diags at its line of meta->file.
 * Returns 0, or -1 out of memory or when a write failed. */
int import_yaml_write(const import_doc *doc, const import_yaml_meta *meta,
                      FILE *out, diag_list *diags);

/* quoth's type for an annotation label: upper case, other characters
 * '_', and the usual long names short (Person PERSON, Organization ORG,
 * Location LOC); MISC for none.  Writes at most cap bytes, NUL included. */
void import_yaml_type(const char *label, char *buf, size_t cap);

#endif
