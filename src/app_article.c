/* app_article.c - opening an article into the reader and closing it, with
 * the user's view settings (--types, the config's hide lines) applied to
 * every article opened, whichever screen opens it (the library, J and K,
 * the speakers screen).  A leaf of the app's screens; see app_private.h. */
#include "app_private.h"

#include <stdint.h>

#include "app_compare.h"
#include "article_open.h"

/* The types shown (--types) and hidden (the config's hide lines) of
 * every article opened. */
static void apply_types(const app *ap, reader *rd)
{
	if (ap->types)
		reader_types_show_only(rd, ap->types);
	if (ap->hidden_types)
		reader_types_hide(rd, ap->hidden_types);
}

void app_set_types(app *ap, const char *types)
{
	ap->types = types;
	if (ap->rd)
		apply_types(ap, ap->rd);
}

void app_set_hidden_types(app *ap, const char *hidden)
{
	ap->hidden_types = hidden;
	if (ap->rd)
		apply_types(ap, ap->rd);
}

app_read app_article_read(const app *ap, const corpus_file *f, article **a,
                          reader **rd, diag_list *diags)
{
	*a = NULL;
	*rd = NULL;
	size_t errors = load_entry_tolerant(f, a, diags);
	if (errors == SIZE_MAX || !*a) {
		article_free(*a);
		*a = NULL;
		return APP_READ_FAILED;
	}
	*rd = reader_new(*a, ap->cols, ap->rows);
	if (!*rd) {
		article_free(*a);
		*a = NULL;
		return APP_READ_NO_MEMORY;
	}
	apply_types(ap, *rd);
	return APP_READ_OK;
}

void app_article_show(app *ap, article *a, reader *rd, const diag_list *problems,
                      app_screen from, size_t file)
{
	app_article_close(ap);
	ap->art = a;
	ap->rd = rd;
	app_set_problems(ap, problems);   /* an article with problems opens too */
	app_problems_notice(ap, "");
	ap->lib_opened = file;
	ap->reader_from = from;
	ap->screen = APP_SCREEN_READER;
}

void app_article_close(app *ap)
{
	/* The boxes speak of the article: they go with it. */
	ap->overlay = OVERLAY_NONE;
	overlay_rows_free(&ap->overlay_rows);
	speakers_free(&ap->art_speakers);   /* the S overlay */
	ap->speakers_overlay = false;
	diag_list_free(&ap->problems);
	app_compare_close(ap);  /* it borrows the article */
	reader_free(ap->rd);
	article_free(ap->art);
	ap->rd = NULL;
	ap->art = NULL;
}
