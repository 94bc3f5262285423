/* test_speakers_view.c - the speakers screen's rows and bars, over the
 * whole library or the filtered articles; one speaker's quotes across
 * articles; the screen driven through app_handle (S, o, Enter, q); the
 * reader's overlay. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "app.h"
#include "app_fixture.h"
#include "app_speakers.h"
#include "keys.h"
#include "library.h"
#include "reader.h"
#include "speakers_view.h"
#include "tmp_tree.h"

static char root[] = "/tmp/quoth-spview-XXXXXX";

/* Ann (kb Q1) in both articles, under two spellings of case; an unnamed
 * aide in one. */
static const char *const one_yaml =
	"title: First Story\nsource: Courier\nbody: |\n"
	"  Ann Lee said \xe2\x80\x9cwe will build it\xe2\x80\x9d. An aide said it was late.\n"
	"  Ann Lee added \xe2\x80\x9csoon\xe2\x80\x9d.\n"
	"entities:\n  - {id: ann, name: Ann Lee, type: PERSON, kb: Q1}\n"
	"quotes:\n"
	"  - {text: we will build it, speaker: ann}\n"
	"  - {text: it was late, speaker: {text: An aide}, kind: indirect}\n"
	"  - {text: soon, speaker: ann, kind: partial}\n";
static const char *const two_yaml =
	"title: Second Story\nsource: Ledger\nbody: |\n"
	"  ANN LEE said \xe2\x80\x9cno comment\xe2\x80\x9d.\n"
	"entities:\n  - {id: a, name: ANN LEE, type: PERSON, kb: Q1}\n"
	"quotes:\n  - {text: no comment, speaker: a}\n";

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(root))
		return -1;
	tree_write(root, "one.yaml", one_yaml);
	tree_write(root, "two.yaml", two_yaml);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return tree_remove(root);
}

static void test_bars(void **state)
{
	(void)state;
	char bar[256];
	speakers_bar(0.5, 10, bar, sizeof bar);
	assert_string_equal(bar, "\u2588\u2588\u2588\u2588\u2588");
	speakers_bar(1.0 / 16, 10, bar, sizeof bar);      /* 5 eighths of a cell */
	assert_string_equal(bar, "\u258B");
	speakers_bar(0.01, 10, bar, sizeof bar);          /* under half an eighth */
	assert_string_equal(bar, "\u258F");
	speakers_bar(0, 10, bar, sizeof bar);
	assert_string_equal(bar, "");
	speakers_bar(3, 2, bar, sizeof bar);              /* clamped */
	assert_string_equal(bar, "\u2588\u2588");
	speakers_bar(1, 10, bar, 7);                      /* short buffer: whole cells */
	assert_string_equal(bar, "\u2588");
}

static void test_rows_over_the_library(void **state)
{
	(void)state;
	library *lib = library_load(root);
	speakers_view sv;
	assert_int_equal(speakers_view_build(&sv, lib), 0);
	assert_int_equal(sv.articles, 2);
	assert_int_equal(sv.table.quotes, 4);
	assert_int_equal(sv.table.n, 2);        /* Ann merged by kb */
	char line[512];
	speakers_view_row(&sv, 0, 200, line, sizeof line);   /* a bar of 40 at most */
	/* 3 of 4 quotes: 75%, and a bar of 0.75 x 40 cells = 30. */
	char want[512];
	snprintf(want, sizeof want, "%-28s %-7s %6d %6d %8d %6d %7d %8d %5d  %5.1f%% ",
	         "Ann Lee", "PERSON", 3, 7, 2, 2, 1, 0, 0, 75.0);
	assert_memory_equal(line, want, strlen(want));
	char bar[256];
	speakers_bar(0.75, 40, bar, sizeof bar);
	assert_string_equal(line + strlen(want), bar);
	speakers_view_row(&sv, 1, 120, line, sizeof line);
	assert_memory_equal(line, "An aide", 7);
	assert_non_null(strstr(line, "-      "));          /* unnamed: no type */
	assert_non_null(strstr(line, " 25.0% "));
	/* Sorted by name, then by indirect quotes. */
	speakers_view_sort(&sv, SV_NAME);
	assert_string_equal(sv.table.rows[0].name, "An aide");
	speakers_view_sort(&sv, SV_INDIRECT);
	assert_string_equal(sv.table.rows[0].name, "An aide");
	speakers_view_sort(&sv, SV_QUOTES);
	assert_string_equal(sv.table.rows[0].name, "Ann Lee");
	/* Ann's quotes across both articles, in library order. */
	assert_int_equal(speakers_view_open_quotes(&sv, lib, 0), 0);
	assert_true(sv.quotes_open);
	assert_int_equal(sv.n_quotes, 3);
	assert_string_equal(sv.quotes[0].line, "First Story \u00b7 \u201cwe will build it\u201d");
	assert_string_equal(sv.quotes[2].line, "Second Story \u00b7 \u201cno comment\u201d");
	assert_int_equal(sv.quotes[1].quote, 2);
	speakers_view_free(&sv);
	speakers_view_free(NULL);
	library_free(lib);
}

/* A brat pair is a library entry like a YAML file: Enter on its speaker
 * lists the quotes read from the pair, not from a YAML reading of it. */
static void test_quotes_of_a_brat_pair(void **state)
{
	(void)state;
	tree_fixture *fx = tree_fixture_new("build/test-spview-brat-XXXXXX");
	assert_non_null(fx);
	tree_write(fx->root, "story.txt",
	           "Mara Quill said the ferry will run again.\n");
	tree_write(fx->root, "story.ann",
	           "T1\tSource 0 10\tMara Quill\n"
	           "T2\tCue 11 15\tsaid\n"
	           "T3\tAttribution 11 15\tsaid\n"
	           "T4\tContent 16 40\tthe ferry will run again\n"
	           "E1\tAttribution:T3 Source:T1 Cue:T2 Content:T4\n");
	library *lib = library_load(fx->root);
	speakers_view sv;
	assert_int_equal(speakers_view_build(&sv, lib), 0);
	assert_int_equal(sv.table.n, 1);
	assert_int_equal(speakers_view_open_quotes(&sv, lib, 0), 0);
	assert_int_equal(sv.n_quotes, 1);
	assert_non_null(strstr(sv.quotes[0].line, "the ferry will run again"));
	speakers_view_free(&sv);
	library_free(lib);
	void *st = fx;
	assert_int_equal(tree_fixture_teardown(&st), 0);
}

static void test_rows_of_the_filtered_articles(void **state)
{
	(void)state;
	library *lib = library_load(root);
	library_set_filter(lib, "ledger");
	speakers_view sv;
	assert_int_equal(speakers_view_build(&sv, lib), 0);
	assert_int_equal(sv.articles, 1);
	assert_int_equal(sv.table.n, 1);
	assert_int_equal(sv.table.rows[0].quotes, 1);
	assert_string_equal(sv.table.rows[0].name, "ANN LEE");
	speakers_view_free(&sv);
	library_free(lib);
}

static void test_screen_through_the_app(void **state)
{
	(void)state;
	app *ap = app_new_library(root, 120, 30);
	char buf[512];
	fx_key(ap, 'S');
	assert_int_equal(ap->screen, APP_SCREEN_SPEAKERS);
	app_title(ap, buf, sizeof buf);
	assert_string_equal(buf, "quoth \u00b7 speakers \u00b7 4 quotes in 2 articles");
	app_status(ap, buf, sizeof buf);
	assert_string_equal(buf, "speakers  1/2  by quotes  ? help");
	fx_key(ap, 'o');
	app_status(ap, buf, sizeof buf);
	assert_string_equal(buf, "speakers  1/2  by words  ? help");
	fx_key(ap, 'g');
	/* Enter: Ann's quotes; Enter on the second opens the first article at
	 * that quote ("soon", its third). */
	fx_key(ap, QK_ENTER);
	assert_true(ap->sv->quotes_open);
	app_speakers_line(ap, 0, 100, buf, sizeof buf);
	assert_string_equal(buf, "First Story \u00b7 \u201cwe will build it\u201d");
	fx_key(ap, 'j');
	fx_key(ap, QK_ENTER);
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	assert_string_equal(ap->art->title, "First Story");
	assert_int_equal(ap->rd->current, 2);
	/* q goes back one level at a time. */
	fx_key(ap, 'q');
	assert_int_equal(ap->screen, APP_SCREEN_SPEAKERS);
	assert_true(ap->sv->quotes_open);
	assert_int_equal(ap->sv->qlist.cursor, 1);
	fx_key(ap, 'q');
	assert_false(ap->sv->quotes_open);
	assert_false(fx_key(ap, 'q') & HANDLER_CLOSE);
	assert_int_equal(ap->screen, APP_SCREEN_LIBRARY);
	assert_null(ap->sv);
	assert_true(fx_key(ap, 'q') & HANDLER_CLOSE);
	app_free(ap);
}

/* An article opened from the speakers screen is shown with the user's
 * view settings, as one opened from the library is: --types and the
 * config's hide lines (bug: the speakers screen opened it with every
 * type shown). */
static void open_from_speakers(app *ap)
{
	fx_key(ap, 'S');
	fx_key(ap, 'g');
	fx_key(ap, QK_ENTER);      /* Ann Lee's quotes */
	fx_key(ap, QK_ENTER);      /* the first, in First Story */
	assert_int_equal(ap->screen, APP_SCREEN_READER);
	assert_string_equal(ap->art->title, "First Story");
}

static void test_speakers_open_with_view_settings(void **state)
{
	(void)state;
	app *ap = app_new_library(root, 120, 30);
	app_set_types(ap, "ORG");               /* --types ORG: Ann, a PERSON, hidden */
	open_from_speakers(ap);
	assert_true(reader_entity_hidden(ap->rd, 0));
	app_free(ap);

	ap = app_new_library(root, 120, 30);
	app_set_hidden_types(ap, "PERSON");     /* hide PERSON */
	open_from_speakers(ap);
	assert_true(reader_entity_hidden(ap->rd, 0));
	app_free(ap);

	ap = app_new_library(root, 120, 30);    /* neither: shown */
	open_from_speakers(ap);
	assert_false(reader_entity_hidden(ap->rd, 0));
	app_free(ap);
}

/* The wheel scrolls the speakers list by as many rows as every other
 * list and the text (INPUT_WHEEL_ROWS, keys.h: the one definition). */
static void test_speakers_wheel(void **state)
{
	(void)state;
	char dir[] = "/tmp/quoth-spwheel-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char yaml[4096] = "title: Many\nbody: |\n ";
	char ents[2048] = "entities:\n", quotes[2048] = "quotes:\n";
	for (int i = 0; i < 12; i++) {
		char line[160];
		snprintf(line, sizeof line, " Person %c said \xe2\x80\x9cword %c\xe2\x80\x9d.",
		         'A' + i, 'a' + i);
		strcat(yaml, line);
		snprintf(line, sizeof line, "  - {id: p%d, name: Person %c, type: PERSON}\n",
		         i, 'A' + i);
		strcat(ents, line);
		snprintf(line, sizeof line, "  - {text: word %c, speaker: p%d}\n", 'a' + i, i);
		strcat(quotes, line);
	}
	strcat(yaml, "\n");
	strcat(yaml, ents);
	strcat(yaml, quotes);
	tree_write(dir, "many.yaml", yaml);

	app *ap = app_new_library(dir, 120, 8);    /* a list of 5 rows */
	fx_key(ap, 'S');
	assert_int_equal(ap->screen, APP_SCREEN_SPEAKERS);
	assert_int_equal(ap->sv->list.n, 12);
	input_event wheel = { .type = INPUT_WHEEL_DOWN, .x = 3, .y = 4 };
	app_handle(ap, &wheel);
	assert_int_equal(ap->sv->list.top, INPUT_WHEEL_ROWS);
	wheel.type = INPUT_WHEEL_UP;
	app_handle(ap, &wheel);
	assert_int_equal(ap->sv->list.top, 0);
	app_free(ap);
	assert_int_equal(tree_remove(dir), 0);
}

static void test_reader_overlay(void **state)
{
	(void)state;
	app *ap = app_new_library(root, 120, 30);
	char buf[512];
	fx_key(ap, QK_ENTER);
	fx_key(ap, 'S');
	assert_true(ap->speakers_overlay);
	assert_int_equal(app_speakers_overlay_count(ap), 3);     /* header + 2 speakers */
	app_speakers_overlay_line(ap, 1, 80, buf, sizeof buf);
	/* Ann: 2 of 3 quotes (67%), 5 of 8 words (a bar of 5/8). */
	assert_memory_equal(buf, "Ann Lee                     2 ", 30);
	assert_non_null(strstr(buf, " 67%     5 "));
	char bar[128];
	speakers_bar(5.0 / 8, 17, bar, sizeof bar);
	assert_non_null(strstr(buf, bar));
	/* Any key closes it and does nothing else. */
	long current = ap->rd->current;
	fx_key(ap, ']');
	assert_false(ap->speakers_overlay);
	assert_int_equal(ap->rd->current, current);
	app_free(ap);
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_bars),
		cmocka_unit_test(test_rows_over_the_library),
		cmocka_unit_test(test_quotes_of_a_brat_pair),
		cmocka_unit_test(test_rows_of_the_filtered_articles),
		cmocka_unit_test(test_screen_through_the_app),
		cmocka_unit_test(test_reader_overlay),
		cmocka_unit_test(test_speakers_wheel),
		cmocka_unit_test(test_speakers_open_with_view_settings),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
