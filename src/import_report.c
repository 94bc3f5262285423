/* import_report.c - errors and warnings of the importers. */
#include "import_report.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

/* Messages longer than this are cut: they quote at most a few short
 * excerpts of the input. */
#define REPORT_BYTES 512

static void report(import_report *rep, int line, int col, bool warning,
                   const char *fmt, va_list ap)
{
	char msg[REPORT_BYTES];
	vsnprintf(msg, sizeof msg, fmt, ap);
	if (warning)
		diag_warn(rep->diags, rep->file, line, col, "%s", msg);
	else
		diag_add(rep->diags, rep->file, line, col, "%s", msg);
}

void import_error(import_report *rep, int line, int col, const char *fmt,
                  ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(rep, line, col, false, fmt, ap);
	va_end(ap);
	rep->errors++;
}

void import_warning(import_report *rep, int line, int col, const char *fmt,
                    ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(rep, line, col, true, fmt, ap);
	va_end(ap);
}

int import_quote_len(const char *s)
{
	size_t n = strlen(s);
	if (n <= IMPORT_QUOTE_BYTES)
		return (int)n;
	return (int)utf8_char_start(s, IMPORT_QUOTE_BYTES);
}
