/* test_reload.c - app_reload and reader_reload: the place kept across a
 * reload (the current quote by id, else by position; the text's top; the
 * selected entity and the filter), and a failed reload keeping the last
 * good article. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "app.h"
#include "diag.h"
#include "keys.h"
#include "loader.h"

#define PATH "build/test-reload/article.yaml"

/* An article of many paragraphs (so that the text scrolls) and three
 * quotes; ids gives each quote's id line ("" for none), in file order. */
static void write_article(const char *title, const char *const ids[3])
{
	mkdir("build", 0777);
	mkdir("build/test-reload", 0777);
	FILE *f = fopen(PATH, "w");
	assert_non_null(f);
	fprintf(f, "title: %s\nbody: |\n", title);
	for (int p = 0; p < 30; p++)
		fprintf(f, "  Paragraph %d: Ann said \"alpha %d\" and Bob said \"beta %d\".\n\n",
		        p, p, p);
	fprintf(f, "entities:\n  - id: ann\n    name: Ann\n    type: PERSON\n"
	           "  - id: bob\n    name: Bob\n    type: PERSON\n"
	           "quotes:\n");
	static const char *const texts[3] = { "alpha 3", "beta 10", "alpha 20" };
	static const char *const who[3] = { "ann", "bob", "ann" };
	for (int q = 0; q < 3; q++) {
		fprintf(f, "  - text: %s\n    speaker: %s\n    kind: partial\n", texts[q], who[q]);
		if (ids[q][0])
			fprintf(f, "    id: %s\n", ids[q]);
	}
	fclose(f);
}

static app *open_app(void)
{
	article *a = NULL;
	diag_list d = { 0 };
	if (load_article(PATH, &a, &d) != 0) {
		diag_list_print(stderr, &d);
		fail();
	}
	diag_list_free(&d);
	app *ap = app_new_article(a, 100, 30);
	assert_non_null(ap);
	ap->watch_article = true;
	return ap;
}

static void key(app *ap, int k)
{
	input_event ev = { .type = INPUT_KEY, .key = k };
	app_handle(ap, &ev);
}

static const char *current_text(const app *ap)
{
	return ap->art->quotes[ap->rd->current].fragments[0];
}

static void test_quote_kept_by_id(void **state)
{
	(void)state;
	write_article("One", (const char *const[]){ "a3", "b10", "a20" });
	app *ap = open_app();
	key(ap, ']');
	key(ap, ']');
	assert_string_equal(current_text(ap), "beta 10");
	/* The quotes reordered in the file: the id finds it. */
	write_article("Two", (const char *const[]){ "b10", "a3", "a20" });
	assert_int_equal(app_reload(ap), HANDLER_REDRAW);
	assert_string_equal(ap->art->title, "Two");
	assert_string_equal(ap->art->quotes[ap->rd->current].id, "b10");
	assert_memory_equal(ap->rd->message, "reloaded", 8);   /* then any warnings */
	assert_false(ap->rd->message_is_error);
	app_free(ap);
}

static void test_quote_kept_by_position(void **state)
{
	(void)state;
	write_article("One", (const char *const[]){ "", "", "" });
	app *ap = open_app();
	key(ap, ']');
	key(ap, ']');
	assert_int_equal(ap->rd->current, 1);
	write_article("Two", (const char *const[]){ "", "", "" });
	app_reload(ap);
	assert_int_equal(ap->rd->current, 1);
	assert_string_equal(current_text(ap), "beta 10");
	/* The list's cursor is on it too. */
	assert_int_equal(ap->rd->list[ap->rd->quotes.cursor], 1);
	app_free(ap);
}

static void test_text_keeps_its_place(void **state)
{
	(void)state;
	write_article("One", (const char *const[]){ "", "", "" });
	app *ap = open_app();
	for (int i = 0; i < 25; i++)
		key(ap, 'j');
	size_t anchor = ap->rd->anchor;
	assert_true(anchor > 0);
	key(ap, QK_TAB);
	pane_id focus = ap->rd->focus;
	app_reload(ap);
	assert_int_equal(ap->rd->anchor, anchor);
	assert_int_equal(ap->rd->focus, focus);
	assert_int_equal(ap->rd->current, -1);
	app_free(ap);
}

static void test_selection_and_filter_kept(void **state)
{
	(void)state;
	write_article("One", (const char *const[]){ "", "", "" });
	app *ap = open_app();
	key(ap, '2');
	key(ap, 'j');          /* Bob */
	key(ap, QK_ENTER);
	key(ap, 's');
	assert_true(ap->rd->filter);
	long bob = ap->rd->selected;
	assert_string_equal(ap->art->entities[bob].id, "bob");
	app_reload(ap);
	assert_int_equal(ap->rd->selected, bob);
	assert_true(ap->rd->filter);
	assert_int_equal(ap->rd->n_list, 1);
	assert_int_equal(ap->rd->ent_rows[ap->rd->ents.cursor].entity, (size_t)bob);
	app_free(ap);
}

static void test_failed_reload_keeps_the_article(void **state)
{
	(void)state;
	write_article("One", (const char *const[]){ "", "", "" });
	app *ap = open_app();
	key(ap, ']');
	const article *before = ap->art;
	/* Briefly empty, then half-written. */
	FILE *f = fopen(PATH, "w");
	fclose(f);
	assert_int_equal(app_reload(ap), HANDLER_REDRAW);
	assert_ptr_equal(ap->art, before);
	assert_true(ap->rd->message_is_error);
	assert_non_null(strstr(ap->rd->message, "reload failed: "));
	f = fopen(PATH, "w");
	fputs("title: Half\nbody: |\n  x\nentities: [\n", f);
	fclose(f);
	app_reload(ap);
	assert_ptr_equal(ap->art, before);
	assert_string_equal(ap->art->title, "One");
	assert_int_equal(ap->rd->current, 0);
	assert_non_null(strstr(ap->rd->message, "last good version"));
	/* The next change is tried again. */
	write_article("Three", (const char *const[]){ "", "", "" });
	app_reload(ap);
	assert_string_equal(ap->art->title, "Three");
	assert_false(ap->rd->message_is_error);
	app_free(ap);
}

/* Where e edits: the current quote's line, the selected entity's when
 * the entities pane is focused, else the text's top line in the file. */
static void test_edit_target(void **state)
{
	(void)state;
	write_article("One", (const char *const[]){ "", "", "" });
	app *ap = open_app();
	const char *file, *why;
	int line;
	assert_true(app_edit_target(ap, &file, &line, &why));
	assert_string_equal(file, PATH);
	assert_int_equal(line, 3);             /* the body's first line */
	for (int i = 0; i < 4; i++)
		key(ap, 'j');
	app_edit_target(ap, &file, &line, &why);
	int newlines = 0;
	for (size_t i = 0; i < ap->rd->anchor; i++)
		newlines += ap->art->body[i] == '\n';
	assert_true(newlines > 0);
	assert_int_equal(line, 3 + newlines);
	key(ap, ']');
	app_edit_target(ap, &file, &line, &why);
	assert_int_equal(line, ap->art->quotes[0].pos.line);
	assert_true(line > 60);
	key(ap, '2');
	key(ap, QK_ENTER);
	app_edit_target(ap, &file, &line, &why);
	assert_int_equal(line, ap->art->entities[0].pos.line);
	key(ap, 'e');
	assert_true(ap->edit_pending);
	ap->watch_article = false;            /* standard input */
	ap->edit_pending = false;
	assert_false(app_edit_target(ap, &file, &line, &why));
	key(ap, 'e');
	assert_false(ap->edit_pending);
	assert_int_equal(app_reload(ap), HANDLER_IGNORED);
	app_free(ap);
}

/* The config's hidden types apply to the article, and a reload keeps
 * every hidden type (by its name). */
static void test_hidden_types_kept(void **state)
{
	(void)state;
	write_article("One", (const char *const[]){ "a3", "b10", "a20" });
	app *ap = open_app();
	assert_false(reader_entity_hidden(ap->rd, 0));
	app_set_hidden_types(ap, "ORG,PERSON");
	assert_true(reader_entity_hidden(ap->rd, 0));
	assert_true(reader_entity_hidden(ap->rd, 1));
	write_article("Two", (const char *const[]){ "a3", "b10", "a20" });
	assert_int_equal(app_reload(ap), HANDLER_REDRAW);
	assert_string_equal(ap->art->title, "Two");
	assert_true(reader_entity_hidden(ap->rd, 0));
	app_free(ap);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hidden_types_kept),
		cmocka_unit_test(test_quote_kept_by_id),
		cmocka_unit_test(test_quote_kept_by_position),
		cmocka_unit_test(test_text_keeps_its_place),
		cmocka_unit_test(test_selection_and_filter_kept),
		cmocka_unit_test(test_failed_reload_keeps_the_article),
		cmocka_unit_test(test_edit_target),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
