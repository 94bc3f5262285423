/* Tests of how an article file is opened (src/loader_file.c): a small one
 * read, a large one mapped, and a mapped file that is cut short, grows or
 * is rewritten while it loads: no crash, no article, a message. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "loader.h"
/* input_file_open() and load_input_file(), to change the file in between. */
#include "../../src/loader_private.h"

/* A valid article of about `size` bytes in a file of its own. */
typedef struct fixture {
	char path[64];
	char *text;
	size_t len;
} fixture;

static void make_article(fixture *f, size_t size)
{
	static const char line[] =
		"  Kerry and Lavrov met in Moscow for talks that went on into the night.\n";
	const char *head = "title: Talks\nbody: |\n";
	const char *tail = "entities:\n  - id: kerry\n    name: Kerry\n    type: PERSON\n";
	size_t lines = size / (sizeof line - 1) + 1;
	f->len = strlen(head) + lines * (sizeof line - 1) + strlen(tail);
	f->text = malloc(f->len + 1);
	assert_non_null(f->text);
	char *p = f->text;
	p += sprintf(p, "%s", head);
	for (size_t k = 0; k < lines; k++)
		p += sprintf(p, "%s", line);
	sprintf(p, "%s", tail);
	snprintf(f->path, sizeof f->path, "/tmp/quoth-file-XXXXXX");
	int fd = mkstemp(f->path);
	assert_true(fd >= 0);
	assert_int_equal(write(fd, f->text, f->len), (ssize_t)f->len);
	close(fd);
}

static void drop_article(fixture *f)
{
	unlink(f->path);
	free(f->text);
}

static bool has_diag(const diag_list *d, const char *what)
{
	for (size_t k = 0; k < d->n; k++) {
		if (strstr(d->items[k].message, what))
			return true;
	}
	return false;
}

static void test_small_files_are_read_large_ones_mapped(void **state)
{
	(void)state;
	static const size_t sizes[] = { 4000, 3u << 20 };
	for (size_t k = 0; k < 2; k++) {
		fixture f;
		make_article(&f, sizes[k]);
		input_file in;
		diag_list diags = { 0 };
		assert_true(input_file_open(f.path, &in, &diags));
		assert_int_equal(in.mapped, k == 1);
		assert_int_equal(in.len, f.len);
		assert_memory_equal(in.bytes, f.text, f.len);
		assert_false(input_file_changed(&in));
		article *a = NULL;
		assert_int_equal(load_input_file(f.path, &in, &a, &diags), 0);
		assert_int_equal(diags.n, 0);
		assert_non_null(a);
		assert_int_equal(a->n_entities, 1);
		article_free(a);
		diag_list_free(&diags);
		drop_article(&f);
	}
}

/* Opens f's file, which is large enough to be mapped. */
static void open_mapped(const fixture *f, input_file *in)
{
	diag_list diags = { 0 };
	assert_true(input_file_open(f->path, in, &diags));
	assert_int_equal(diags.n, 0);
	assert_true(in->mapped);
	assert_false(input_file_changed(in));
}

/* Loads in, whose file changed meanwhile: no article, only the message. */
static void expect_changed(const fixture *f, input_file *in)
{
	diag_list diags = { 0 };
	article *a = NULL;
	assert_int_equal(load_input_file(f->path, in, &a, &diags), -1);
	assert_null(a);
	assert_int_equal(diags.n, 1);
	assert_true(has_diag(&diags, "changed while being read: try again"));
	diag_list_free(&diags);
}

/* Cutting the file makes its lost pages raise SIGBUS; they read as zeros
 * and the load gives no article but the message. */
static void test_a_file_cut_while_mapped(void **state)
{
	(void)state;
	fixture f;
	make_article(&f, 3u << 20);
	input_file in;
	open_mapped(&f, &in);
	assert_int_equal(truncate(f.path, 4096), 0);
	volatile char last = in.bytes[in.len - 1];   /* a lost page */
	assert_int_equal(last, 0);
	assert_int_equal(in.bytes[0], 't');           /* a kept one */
	assert_true(input_file_changed(&in));
	expect_changed(&f, &in);
	drop_article(&f);
}

/* The same when the file is cut before the load reads it: the load runs
 * into the lost pages itself, on both of its threads. */
static void test_a_file_cut_before_the_load_reads_it(void **state)
{
	(void)state;
	fixture f;
	make_article(&f, 3u << 20);
	input_file in;
	open_mapped(&f, &in);
	assert_int_equal(truncate(f.path, f.len / 2), 0);
	expect_changed(&f, &in);
	drop_article(&f);
}

/* A file that grows, or is written over at the same size (its
 * modification time moves), has changed too. */
static void test_a_file_written_while_mapped(void **state)
{
	(void)state;
	for (int grow = 0; grow < 2; grow++) {
		fixture f;
		make_article(&f, 3u << 20);
		input_file in;
		open_mapped(&f, &in);
		int fd = open(f.path, O_WRONLY);
		assert_true(fd >= 0);
		if (grow) {
			assert_int_equal(pwrite(fd, "#\n", 2, (off_t)f.len), 2);
		} else {
			assert_int_equal(pwrite(fd, "T", 1, 0), 1);
			/* Timestamps may be coarser than the test is quick. */
			struct timespec later[2] = {
				{ .tv_nsec = UTIME_OMIT },
				{ .tv_sec = in.st.st_mtim.tv_sec + 1, .tv_nsec = 0 },
			};
			assert_int_equal(futimens(fd, later), 0);
		}
		close(fd);
		assert_true(input_file_changed(&in));
		expect_changed(&f, &in);
		drop_article(&f);
	}
}

/* One mapping is guarded at a time: a second large file opened meanwhile
 * is read, and the handler that was there is back after both close. */
static void test_two_files_at_once_and_the_handler_restored(void **state)
{
	(void)state;
	struct sigaction before, after;
	assert_int_equal(sigaction(SIGBUS, NULL, &before), 0);
	fixture f, g;
	make_article(&f, 2u << 20);
	make_article(&g, 2u << 20);
	input_file a, b;
	diag_list diags = { 0 };
	assert_true(input_file_open(f.path, &a, &diags));
	assert_true(input_file_open(g.path, &b, &diags));
	assert_true(a.mapped);
	assert_false(b.mapped);
	assert_memory_equal(b.bytes, g.text, g.len);
	input_file_close(&b);
	input_file_close(&a);
	assert_int_equal(sigaction(SIGBUS, NULL, &after), 0);
	assert_ptr_equal(after.sa_handler, before.sa_handler);
	drop_article(&f);
	drop_article(&g);
}

/* A SIGBUS outside the guarded mapping is not taken for a cut file: the
 * process ends as it would have. */
static void test_other_faults_are_not_swallowed(void **state)
{
	(void)state;
	fixture f, g;
	make_article(&f, 2u << 20);
	make_article(&g, 2u << 20);
	pid_t pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		signal(SIGBUS, SIG_DFL);   /* not the sanitizer's handler */
		input_file in;
		diag_list diags = { 0 };
		if (!input_file_open(f.path, &in, &diags) || !in.mapped)
			_exit(2);
		int fd = open(g.path, O_RDONLY);
		char *other = mmap(NULL, g.len, PROT_READ, MAP_PRIVATE, fd, 0);
		if (fd < 0 || other == MAP_FAILED || truncate(g.path, 0) != 0)
			_exit(3);
		volatile char c = other[g.len - 1];
		(void)c;
		_exit(0);
	}
	int status;
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFSIGNALED(status));
	assert_int_equal(WTERMSIG(status), SIGBUS);
	drop_article(&f);
	drop_article(&g);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_small_files_are_read_large_ones_mapped),
		cmocka_unit_test(test_a_file_cut_while_mapped),
		cmocka_unit_test(test_a_file_cut_before_the_load_reads_it),
		cmocka_unit_test(test_a_file_written_while_mapped),
		cmocka_unit_test(test_two_files_at_once_and_the_handler_restored),
		cmocka_unit_test(test_other_faults_are_not_swallowed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
