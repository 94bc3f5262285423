/* Tests of watch.c: a file written in place, renamed over, removed and
 * brought back, another file of the same directory, a directory's
 * entries, and the polling fallback's pace. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "watch.h"

typedef struct fixture {
	char dir[64];
	char file[96];
	char other[96];
	char tmp[96];
} fixture;

static void write_file(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

static int setup(void **state)
{
	fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	strcpy(fx->dir, "/tmp/quoth-watch-XXXXXX");
	if (!mkdtemp(fx->dir))
		return -1;
	snprintf(fx->file, sizeof fx->file, "%s/a.yaml", fx->dir);
	snprintf(fx->other, sizeof fx->other, "%s/b.yaml", fx->dir);
	snprintf(fx->tmp, sizeof fx->tmp, "%s/.a.yaml.swp", fx->dir);
	write_file(fx->file, "title: one\n");
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	fixture *fx = *state;
	unlink(fx->file);
	unlink(fx->other);
	unlink(fx->tmp);
	rmdir(fx->dir);
	free(fx);
	return 0;
}

/* In both modes: time far enough on for a poll each call. */
static long long clock_ms;
static bool changed(file_watch *w)
{
	clock_ms += WATCH_POLL_MS;
	return watch_changed(w, clock_ms);
}

static void check_file_changes(fixture *fx, watch_mode mode)
{
	file_watch *w = watch_new(fx->file, mode);
	assert_non_null(w);
	assert_false(changed(w));

	write_file(fx->file, "title: two, longer\n");
	assert_true(changed(w));
	assert_false(changed(w));           /* reported once */

	write_file(fx->other, "title: other\n");
	assert_false(changed(w));           /* another file of the directory */

	write_file(fx->tmp, "title: three, by rename\n");   /* vim's way */
	assert_int_equal(rename(fx->tmp, fx->file), 0);
	assert_true(changed(w));

	assert_int_equal(unlink(fx->file), 0);
	assert_true(changed(w));            /* gone: the reader says so */
	write_file(fx->file, "title: back\n");
	assert_true(changed(w));
	watch_free(w);
}

static void test_file_inotify(void **state)
{
	fixture *fx = *state;
	file_watch *w = watch_new(fx->file, WATCH_AUTO);
	assert_non_null(w);
#ifdef __linux__
	assert_true(watch_fd(w) >= 0);
#endif
	watch_free(w);
	check_file_changes(fx, WATCH_AUTO);
}

static void test_file_polling(void **state)
{
	check_file_changes(*state, WATCH_POLL);
}

static void test_polling_waits_its_interval(void **state)
{
	fixture *fx = *state;
	file_watch *w = watch_new(fx->file, WATCH_POLL);
	assert_non_null(w);
	assert_int_equal(watch_fd(w), -1);
	assert_false(watch_changed(w, 1000));
	write_file(fx->file, "title: changed meanwhile\n");
	assert_false(watch_changed(w, 1000 + WATCH_POLL_MS - 1));
	assert_true(watch_changed(w, 1000 + WATCH_POLL_MS));
	watch_free(w);
}

static void test_same_size_save_is_seen(void **state)
{
	fixture *fx = *state;
	file_watch *w = watch_new(fx->file, WATCH_AUTO);
	assert_non_null(w);
	write_file(fx->file, "title: uno\n");   /* as long as "title: one\n" */
	assert_true(changed(w));
	write_file(fx->file, "title: dos\n");
	assert_true(changed(w));
	watch_free(w);
}

static void test_directory(void **state)
{
	fixture *fx = *state;
	for (int mode = WATCH_AUTO; mode <= WATCH_POLL; mode++) {
		file_watch *w = watch_new(fx->dir, (watch_mode)mode);
		assert_non_null(w);
		assert_false(changed(w));
		write_file(fx->other, "title: new article\n");
		assert_true(changed(w));
		write_file(fx->file, "title: edited in place, longer now\n");
		assert_true(changed(w));
		assert_int_equal(unlink(fx->other), 0);
		assert_true(changed(w));
		assert_false(changed(w));
		watch_free(w);
	}
}

static void test_missing_file_appears(void **state)
{
	fixture *fx = *state;
	assert_int_equal(unlink(fx->file), 0);
	for (int mode = WATCH_AUTO; mode <= WATCH_POLL; mode++) {
		file_watch *w = watch_new(fx->file, (watch_mode)mode);
		assert_non_null(w);
		assert_false(changed(w));
		write_file(fx->file, "title: here now\n");
		assert_true(changed(w));
		watch_free(w);
		assert_int_equal(unlink(fx->file), 0);
	}
	watch_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file_inotify, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_polling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_polling_waits_its_interval, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_size_save_is_seen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_file_appears, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
