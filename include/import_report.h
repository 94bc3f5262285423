/* import_report.h - the importers' errors and warnings, counted.
 *
 * Errors are counted here, so that an importer's status does not depend
 * on a message having been stored; warnings go in as diag warnings. */
#ifndef QUOTH_IMPORT_REPORT_H
#define QUOTH_IMPORT_REPORT_H

#include <stddef.h>

#include "diag.h"

typedef struct import_report {
	diag_list *diags;
	const char *file;       /* the input file the lines belong to */
	size_t errors;          /* errors added: IMPORT_PARTIAL when > 0 */
} import_report;

/* An error at line:col of the file (0 when unknown), counted; something
 * was left out because of it, and the message says what. */
void import_error(import_report *rep, int line, int col, const char *fmt,
                  ...) __attribute__((format(printf, 4, 5)));

/* A warning: the input is kept as the file says, but it looks wrong. */
void import_warning(import_report *rep, int line, int col, const char *fmt,
                    ...) __attribute__((format(printf, 4, 5)));

/* Messages quote the input up to this many bytes. */
#define IMPORT_QUOTE_BYTES 60

/* Bytes of s to quote: all of it, or IMPORT_QUOTE_BYTES or fewer so as
 * not to split a character. */
int import_quote_len(const char *s);

#endif
