/* app_problems.c - the problems of the open article, kept by the app for
 * the `!` box and said in the reader's message.  A leaf: the app's other
 * files call it, it calls none of them. */
#include "app.h"

#include <stdio.h>

#include "diag.h"

void app_problems_notice(app *ap, const char *done)
{
	size_t errors = diag_count(&ap->problems, DIAG_ERROR);
	size_t warnings = ap->problems.n - errors;
	char msg[128];
	if (!ap->rd)
		return;
	if (errors)
		snprintf(msg, sizeof msg, "%s%s%zu problem%s%s: ! lists them", done,
		         *done ? ", " : "", errors, errors == 1 ? "" : "s",
		         warnings ? " and warnings" : "");
	else if (warnings)
		snprintf(msg, sizeof msg, "%s%s%zu warning%s: ! lists them", done,
		         *done ? ", " : "", warnings, warnings == 1 ? "" : "s");
	else if (*done)
		snprintf(msg, sizeof msg, "%s", done);
	else
		return;
	reader_set_message(ap->rd, errors > 0, msg);
}

bool app_set_problems(app *ap, const diag_list *problems)
{
	diag_list copy = { 0 };

	for (size_t i = 0; problems && i < problems->n; i++) {
		const diag *d = &problems->items[i];
		diag_add(&copy, d->file ? d->file : "", d->line, d->col, "%s",
		         d->message ? d->message : "");
		if (copy.n != i + 1) {
			diag_list_free(&copy);
			diag_list_free(&ap->problems);
			return false;
		}
		copy.items[i].severity = d->severity;
	}
	diag_list_free(&ap->problems);
	ap->problems = copy;
	return true;
}
