/* Tests of watch.c and watch_tree.c: a file written in place, renamed
 * over, removed and brought back, another file of the same directory, a
 * directory's entries, the polling fallback's pace; a library's
 * subfolders at any depth in both modes (changed, added, removed, moved,
 * a folder made after the start, hidden folders, two ways to one
 * folder, a link loop), inotify running out of watches, and the work of
 * one call bounded for a tree bigger than it. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tmp_tree.h"
#include "watch.h"
#include "watch_tree.h"

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
	strcpy(fx->dir, "build/test-watch-XXXXXX");   /* not the shared /tmp */
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

/* ---- a library's folders ------------------------------------------- */

static const watch_mode modes[] = { WATCH_AUTO, WATCH_POLL };
#define N_MODES (sizeof modes / sizeof modes[0])

static int tree_setup(void **state)
{
	*state = tree_fixture_new("build/test-watch-tree-XXXXXX");
	return *state ? 0 : -1;
}

static int tree_teardown(void **state)
{
	return tree_fixture_teardown(state);
}

static void tree_rename(const char *root, const char *from, const char *to)
{
	char a[256], b[256];
	snprintf(a, sizeof a, "%s/%s", root, from);
	snprintf(b, sizeof b, "%s/%s", root, to);
	assert_int_equal(rename(a, b), 0);
}

static void tree_link(const char *root, const char *target, const char *rel)
{
	char path[256];
	snprintf(path, sizeof path, "%s/%s", root, rel);
	assert_int_equal(symlink(target, path), 0);
}

/* A fresh tree for each mode: root/a.yaml, root/sub/b.yaml,
 * root/sub/deep/c.yaml, root/.git/config. */
static void tree_fill(const char *root)
{
	char cmd[160];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'/* '%s'/.git", root, root);
	assert_int_equal(system(cmd), 0);
	tree_write(root, "a.yaml", "title: a\n");
	tree_mkdir(root, "sub");
	tree_write(root, "sub/b.yaml", "title: b\n");
	tree_mkdir(root, "sub/deep");
	tree_write(root, "sub/deep/c.yaml", "title: c\n");
	tree_mkdir(root, ".git");
	tree_write(root, ".git/config", "x\n");
}

static void test_subfolder_changes(void **state)
{
	tree_fixture *tx = *state;
	for (size_t m = 0; m < N_MODES; m++) {
		tree_fill(tx->root);
		file_watch *w = watch_new(tx->root, modes[m]);
		assert_non_null(w);
		assert_int_equal(watch_folder_count(w), 3);      /* .git is hidden */
		assert_false(changed(w));

		/* Written in place two levels down, then reported once. */
		tree_write(tx->root, "sub/deep/c.yaml", "title: c, edited in place\n");
		assert_true(changed(w));
		assert_false(changed(w));
		/* Renamed over, as vim saves. */
		tree_write(tx->root, "sub/deep/.c.yaml.swp", "title: c by rename\n");
		assert_false(changed(w));                   /* a hidden file */
		tree_rename(tx->root, "sub/deep/.c.yaml.swp", "sub/deep/c.yaml");
		assert_true(changed(w));
		assert_false(changed(w));
		/* Added and removed in a subfolder. */
		tree_write(tx->root, "sub/new.yaml", "title: new\n");
		assert_true(changed(w));
		tree_unlink(tx->root, "sub/new.yaml");
		assert_true(changed(w));
		assert_false(changed(w));
		/* A hidden folder is not the library's. */
		tree_write(tx->root, ".git/config", "y, longer\n");
		assert_false(changed(w));
		watch_free(w);
	}
}

static void test_new_and_moved_folders(void **state)
{
	tree_fixture *tx = *state;
	for (size_t m = 0; m < N_MODES; m++) {
		tree_fill(tx->root);
		file_watch *w = watch_new(tx->root, modes[m]);
		assert_non_null(w);
		assert_false(changed(w));

		/* A folder made after the start is watched in turn. */
		tree_mkdir(tx->root, "sub/later");
		assert_true(changed(w));
		assert_int_equal(watch_folder_count(w), 4);
		tree_write(tx->root, "sub/later/d.yaml", "title: d\n");
		assert_true(changed(w));
		tree_write(tx->root, "sub/later/d.yaml", "title: d, edited\n");
		assert_true(changed(w));
		assert_false(changed(w));

		/* Moved to another folder: watched where it is now. */
		tree_rename(tx->root, "sub/later", "moved");
		assert_true(changed(w));
		assert_false(changed(w));
		assert_int_equal(watch_folder_count(w), 4);
		tree_write(tx->root, "moved/d.yaml", "title: d, after the move\n");
		assert_true(changed(w));
		assert_false(changed(w));

		/* Removed with what it held. */
		char cmd[128];
		snprintf(cmd, sizeof cmd, "rm -rf '%s/sub'", tx->root);
		assert_int_equal(system(cmd), 0);
		assert_true(changed(w));
		assert_false(changed(w));
		assert_int_equal(watch_folder_count(w), 2);      /* root and moved */
		watch_free(w);
	}
}

/* A folder moved into one found before its old parent: the new name is
 * listed first, while the folder is still entered at its old path. */
static void test_move_before_old_parent(void **state)
{
	tree_fixture *tx = *state;
	for (size_t m = 0; m < N_MODES; m++) {
		tree_fill(tx->root);
		tree_mkdir(tx->root, "b");
		tree_mkdir(tx->root, "b/y");
		tree_mkdir(tx->root, "sub/deep/inner");
		tree_write(tx->root, "sub/deep/inner/i.yaml", "title: i\n");
		file_watch *w = watch_new(tx->root, modes[m]);
		assert_non_null(w);
		assert_int_equal(watch_folder_count(w), 6);
		assert_false(changed(w));
		tree_rename(tx->root, "sub/deep/inner", "b/y/inner");
		assert_true(changed(w));
		assert_false(changed(w));
		assert_int_equal(watch_folder_count(w), 6);
		for (int i = 0; i < 2; i++) {               /* each write seen */
			tree_write(tx->root, "b/y/inner/i.yaml", i ? "title: i, twice\n"
			                                           : "title: i, once\n");
			assert_true(changed(w));
			assert_false(changed(w));
		}
		watch_free(w);
	}
}

/* Two ways to one folder, and a loop: each folder entered once, the
 * watch ends its first call, and the folder is still watched through the
 * way that stays when the first goes. */
static void test_links(void **state)
{
	tree_fixture *tx = *state;
	for (size_t m = 0; m < N_MODES; m++) {
		tree_fill(tx->root);
		tree_link(tx->root, "..", "sub/loop");      /* back to the root */
		tree_link(tx->root, ".", "sub/deep/self");
		tree_link(tx->root, "sub/deep", "alias");   /* listed before sub */
		file_watch *w = watch_new(tx->root, modes[m]);
		assert_non_null(w);
		assert_int_equal(watch_folder_count(w), 3);
		assert_false(changed(w));
		tree_write(tx->root, "sub/deep/c.yaml", "title: c, through the alias\n");
		assert_true(changed(w));
		assert_false(changed(w));

		tree_unlink(tx->root, "alias");
		assert_true(changed(w));
		assert_false(changed(w));   /* deep entered by sub: nothing new */
		assert_false(changed(w));
		assert_int_equal(watch_folder_count(w), 3);      /* deep, by sub now */
		tree_write(tx->root, "sub/deep/c.yaml", "title: c, by its own way\n");
		assert_true(changed(w));
		watch_free(w);
	}
}

#ifdef __linux__
static void test_out_of_watches(void **state)
{
	tree_fixture *tx = *state;
	tree_fill(tx->root);
	file_watch *w = watch_new_limited(tx->root, WATCH_AUTO,
	                                  (watch_limits){ .max_watches = 2, .budget = 100 });
	assert_non_null(w);
	assert_int_equal(watch_fd(w), -1);              /* polls now */
	const char *note = watch_note(w);
	assert_non_null(note);
	assert_non_null(strstr(note, "max_user_watches"));
	assert_null(watch_note(w));                     /* said once */
	assert_false(changed(w));
	tree_write(tx->root, "sub/deep/c.yaml", "title: c, seen by polling\n");
	assert_true(changed(w));
	assert_false(changed(w));
	watch_free(w);

	w = watch_new_limited(tx->root, WATCH_AUTO,   /* enough */
	                      (watch_limits){ .max_watches = 3, .budget = 100 });
	assert_non_null(w);
	assert_true(watch_fd(w) >= 0);
	assert_null(watch_note(w));
	watch_free(w);
}
#endif

/* A tree of several calls' work (a small budget, for a small tree), with
 * one folder bigger than the budget: no call does more than its budget
 * (but for one folder listed whole at the baseline), the baseline reports
 * nothing, a change in the big folder's last file is still seen, polling
 * within a tour, and a flood of notices is read over several calls. */
enum { BUDGET = 64, MANY_FOLDERS = 12, MANY_FILES = 16, BIG_FILES = BUDGET * 3 / 2 };

static void touch_all(const char *root, bool big)
{
	char rel[64];
	for (int d = 0; d < MANY_FOLDERS; d++)
		for (int i = 0; i < MANY_FILES; i++) {
			snprintf(rel, sizeof rel, "f%02d/%04d.yaml", d, i);
			tree_write(root, rel, big ? "title: x\n" : "");
		}
	if (big)
		for (int i = 0; i < BIG_FILES; i++) {
			snprintf(rel, sizeof rel, "big/%05d.yaml", i);
			tree_write(root, rel, "");
		}
}

static void test_many_files(void **state)
{
	tree_fixture *tx = *state;
	char rel[64];
	for (int d = 0; d < MANY_FOLDERS; d++) {
		snprintf(rel, sizeof rel, "f%02d", d);
		tree_mkdir(tx->root, rel);
	}
	tree_mkdir(tx->root, "big");
	touch_all(tx->root, true);
	const size_t files = MANY_FOLDERS * (MANY_FILES + 1) + BIG_FILES + 1;
	const size_t tour = files / BUDGET + 2;
	const watch_limits lim = { .max_watches = SIZE_MAX, .budget = BUDGET };
	for (size_t m = 0; m < N_MODES; m++) {
		file_watch *w = watch_new_limited(tx->root, modes[m], lim);
		assert_non_null(w);
		assert_int_equal(watch_folder_count(w), MANY_FOLDERS + 2);
		assert_in_range(watch_work(w), 1, BUDGET + BIG_FILES + 1);
		/* The baseline is not held back by the polling pace. */
		assert_false(watch_changed(w, clock_ms));
		assert_false(watch_changed(w, clock_ms));
		assert_true(watch_work(w) > 0);
		for (size_t i = 0; i < tour; i++) {
			assert_false(changed(w));
			assert_in_range(watch_work(w), 0, BUDGET + BIG_FILES + 1);
		}
		/* The baseline done: the budget holds even in the big folder. */
		for (size_t i = 0; i < tour; i++) {
			assert_false(changed(w));
			assert_in_range(watch_work(w), 0, BUDGET + 1);
		}
		if (modes[m] == WATCH_POLL) {               /* and the pace holds */
			assert_false(watch_changed(w, clock_ms));
			assert_int_equal(watch_work(w), 0);
		}
		snprintf(rel, sizeof rel, "big/%05d.yaml", BIG_FILES - 1);
		tree_write(tx->root, rel, "title: the last one\n");
		bool seen = false;
		for (size_t i = 0; i < tour && !seen; i++) {
			seen = changed(w);
			assert_in_range(watch_work(w), 0, BUDGET + 1);
		}
		assert_true(seen);
		/* Every small file written: hundreds of notices, a budget's
		 * worth a call (and the rest of one read of 4 KiB, notices of
		 * 32 bytes with these names; and one folder listed). */
		touch_all(tx->root, false);
		seen = false;
		for (size_t i = 0; i < 4 * tour; i++) {
			seen |= changed(w);
			assert_in_range(watch_work(w), 0, BUDGET + 4096 / 32 + MANY_FILES + 1);
		}
		assert_true(seen);
		assert_false(changed(w));
		/* A folder removed: its parent listed again, not the tree. */
		if (modes[m] == WATCH_AUTO) {
			char cmd[128];
			snprintf(cmd, sizeof cmd, "rm -rf '%s/f00'", tx->root);
			assert_int_equal(system(cmd), 0);
			size_t work = 0;
			assert_true(changed(w));
			work += watch_work(w);
			assert_false(changed(w));
			work += watch_work(w);
			assert_in_range(work, 1, BUDGET);
			assert_int_equal(watch_folder_count(w), MANY_FOLDERS + 1);
			tree_mkdir(tx->root, "f00");     /* back for the polling round */
			touch_all(tx->root, false);
		}
		watch_free(w);
	}
}

/* The library's directory removed and made again: seen both times. */
static void test_root_comes_back(void **state)
{
	tree_fixture *tx = *state;
	for (size_t m = 0; m < N_MODES; m++) {
		tree_fill(tx->root);
		file_watch *w = watch_new(tx->root, modes[m]);
		assert_non_null(w);
		assert_false(changed(w));
		assert_int_equal(tree_remove(tx->root), 0);
		assert_true(changed(w));
		assert_false(changed(w));
		assert_int_equal(mkdir(tx->root, 0755), 0);
		tree_write(tx->root, "a.yaml", "title: back\\n");
		assert_true(changed(w));
		tree_write(tx->root, "a.yaml", "title: back and edited\\n");
		assert_true(changed(w));
		watch_free(w);
	}
}

#ifdef __linux__
/* More notices than the kernel queues (max_queued_events): those after
 * the overflow are lost, so every folder is looked at again.  The flood
 * is of hidden files, which count for nothing; the change lost in it is
 * two folders down. */
static void test_notice_overflow(void **state)
{
	tree_fixture *tx = *state;
	FILE *f = fopen("/proc/sys/fs/inotify/max_queued_events", "r");
	long queued = 0;
	if (!f || fscanf(f, "%ld", &queued) != 1 || queued > 200000) {
		if (f)
			fclose(f);
		skip();
	}
	fclose(f);
	tree_fill(tx->root);
	file_watch *w = watch_new(tx->root, WATCH_AUTO);
	assert_non_null(w);
	assert_true(watch_fd(w) >= 0);
	assert_false(changed(w));
	char a[96], b[96];
	snprintf(a, sizeof a, "%s/.flood-a", tx->root);
	snprintf(b, sizeof b, "%s/.flood-b", tx->root);
	/* Two notices a write (modified, closed), the files in turn so the
	 * kernel cannot merge them. */
	for (long i = 0; i < queued / 2 + 100; i++) {
		const char *p = i % 2 ? a : b;
		int fd = open(p, O_WRONLY | O_CREAT | O_TRUNC, 0644);
		assert_true(fd >= 0);
		assert_int_equal(write(fd, "x", 1), 1);
		close(fd);
	}
	tree_write(tx->root, "sub/deep/c.yaml", "title: c, lost in the flood\\n");
	bool seen = false;
	for (int i = 0; i < 400 && !seen; i++)
		seen = changed(w);
	assert_true(seen);
	watch_free(w);
}
#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_file_inotify, setup, teardown),
		cmocka_unit_test_setup_teardown(test_file_polling, setup, teardown),
		cmocka_unit_test_setup_teardown(test_polling_waits_its_interval, setup, teardown),
		cmocka_unit_test_setup_teardown(test_same_size_save_is_seen, setup, teardown),
		cmocka_unit_test_setup_teardown(test_directory, setup, teardown),
		cmocka_unit_test_setup_teardown(test_missing_file_appears, setup, teardown),
		cmocka_unit_test_setup_teardown(test_subfolder_changes, tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(test_new_and_moved_folders, tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(test_move_before_old_parent, tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(test_links, tree_setup, tree_teardown),
#ifdef __linux__
		cmocka_unit_test_setup_teardown(test_out_of_watches, tree_setup, tree_teardown),
#endif
		cmocka_unit_test_setup_teardown(test_many_files, tree_setup, tree_teardown),
		cmocka_unit_test_setup_teardown(test_root_comes_back, tree_setup, tree_teardown),
#ifdef __linux__
		cmocka_unit_test_setup_teardown(test_notice_overflow, tree_setup, tree_teardown),
#endif
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
