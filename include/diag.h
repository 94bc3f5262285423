/* diag.h - problems found in an article, as a compiler reports them.
 *
 * The loader collects diagnostics instead of printing them; the command
 * line prints them as "FILE:LINE:COL: error: message" (or "warning:"),
 * then the source line and a caret under the column.  An error makes a
 * load fail; a warning never does: it points at something an annotator
 * probably wants to fix (lint.h). */
#ifndef QUOTH_DIAG_H
#define QUOTH_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum diag_severity {
	DIAG_ERROR,     /* the default: a zeroed diag is an error */
	DIAG_WARNING,
} diag_severity;

typedef struct diag {
	diag_severity severity;
	char *file;
	int line;       /* 1-based; 0 when the problem is the whole file */
	int col;        /* 1-based, in characters; 0 when unknown */
	char *message;
	char *excerpt;  /* the source line, made safe to print, or NULL */
	int caret;      /* display column of the caret in excerpt, 1-based */
} diag;

typedef struct diag_list {
	diag *items;
	size_t n;
	size_t cap;
} diag_list;

/* Adds an error; the message is formatted like printf.  The excerpt and
 * caret are filled later by diag_attach_source(). */
void diag_add(diag_list *list, const char *file, int line, int col,
              const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* The same for a warning. */
void diag_warn(diag_list *list, const char *file, int line, int col,
               const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

/* How many diagnostics of the list have that severity. */
size_t diag_count(const diag_list *list, diag_severity severity);

/* "error" or "warning", as printed. */
const char *diag_severity_name(diag_severity severity);

/* Fills excerpt and caret of every diagnostic from the file's bytes
 * (diagnostics that already have an excerpt are left as they are). */
void diag_attach_source(diag_list *list, const char *source, size_t len);

/* 1-based line and column (in characters) of byte offset in source.  Line
 * breaks are counted as YAML counts them (LF, CR LF, CR, NEL, LS, PS), so
 * positions agree with the parser's; a leading byte order mark takes no
 * column. */
void diag_locate(const char *source, size_t len, size_t offset,
                 int *line, int *col);

/* Sorts by line then column, keeping the order of equal positions. */
void diag_sort(diag_list *list);

/* Writes one diagnostic: the header line ("FILE:LINE:COL: warning: ..."),
 * then excerpt and caret if any. */
void diag_print(FILE *out, const diag *d);

/* diag_print for every diagnostic of the list, in order. */
void diag_list_print(FILE *out, const diag_list *list);

/* Drops the diagnostics after the first n. */
void diag_list_truncate(diag_list *list, size_t n);

void diag_list_free(diag_list *list);

#endif
