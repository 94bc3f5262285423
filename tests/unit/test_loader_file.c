/* Tests of how an article file is read (src/loader_file.c): whole, with
 * plain read(), small or large; a file that grew while being read, or
 * cannot be read, gives no bytes but a message.  The refusals before
 * reading (directory, FIFO, device, empty, too large, unreadable) are in
 * test_loader.c with the loader's other messages. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "loader.h"
/* ld_read_fd(), to hand the reading a file that is not what fstat said. */
#include "../../src/loader_private.h"

/* A valid article of about `size` bytes in a file of its own, each line
 * a paragraph (lines of one width in a row would look hard-wrapped and
 * bring a warning). */
typedef struct fixture {
	char path[64];
	char *text;
	size_t len;
} fixture;

static void make_article(fixture *f, size_t size)
{
	static const char line[] =
		"  Kerry and Lavrov met in Moscow for talks that went on into the night.\n\n";
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

/* The only diagnostic of d is for path and says exactly what. */
static void expect_one(const diag_list *d, const char *path, const char *what)
{
	assert_int_equal(d->n, 1);
	assert_string_equal(d->items[0].file, path);
	assert_int_equal(d->items[0].line, 0);
	assert_string_equal(d->items[0].message, what);
}

/* Files small and large (3 MB, which was once mapped) are read whole. */
static void test_files_are_read_whole(void **state)
{
	(void)state;
	static const size_t sizes[] = { 4000, 3u << 20 };
	for (size_t k = 0; k < 2; k++) {
		fixture f;
		make_article(&f, sizes[k]);
		diag_list diags = { 0 };
		char *bytes = NULL;
		size_t len = 0;
		assert_int_equal(loader_read_file(f.path, &bytes, &len, &diags), 0);
		assert_int_equal(diags.n, 0);
		assert_int_equal(len, f.len);
		assert_memory_equal(bytes, f.text, f.len);
		free(bytes);
		article *a = NULL;
		assert_int_equal(load_article(f.path, &a, &diags), 0);
		assert_int_equal(diags.n, 0);
		assert_non_null(a);
		assert_int_equal(a->n_entities, 1);
		article_free(a);
		diag_list_free(&diags);
		drop_article(&f);
	}
}

/* A file that holds more than fstat said grew since: no bytes, a word. */
static void test_a_file_that_grew_while_read(void **state)
{
	(void)state;
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "title: x\nbody: y\n", 17), 17);
	close(p[1]);
	diag_list diags = { 0 };
	char *bytes = (char *)"untouched";
	size_t len = 7;
	assert_false(ld_read_fd("grown.yaml", p[0], 16, &bytes, &len, &diags));
	close(p[0]);
	assert_string_equal(bytes, "untouched");
	assert_int_equal(len, 7);
	expect_one(&diags, "grown.yaml", "grew while being read: try again");
	diag_list_free(&diags);
}

/* One that holds fewer (cut meanwhile) gives what it holds. */
static void test_a_file_cut_while_read(void **state)
{
	(void)state;
	int p[2];
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "title: x\n", 9), 9);
	close(p[1]);
	diag_list diags = { 0 };
	char *bytes = NULL;
	size_t len = 0;
	assert_true(ld_read_fd("cut.yaml", p[0], 100, &bytes, &len, &diags));
	close(p[0]);
	assert_int_equal(diags.n, 0);
	assert_int_equal(len, 9);
	assert_memory_equal(bytes, "title: x\n", 9);
	free(bytes);
}

/* A read that fails says why, in the system's words. */
static void test_a_read_error(void **state)
{
	(void)state;
	int fd = open("/tmp", O_RDONLY | O_DIRECTORY);
	assert_true(fd >= 0);
	diag_list diags = { 0 };
	char *bytes = NULL;
	size_t len = 0;
	assert_false(ld_read_fd("/tmp", fd, 10, &bytes, &len, &diags));
	close(fd);
	assert_null(bytes);
	expect_one(&diags, "/tmp", "cannot read: Is a directory");
	diag_list_free(&diags);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_files_are_read_whole),
		cmocka_unit_test(test_a_file_that_grew_while_read),
		cmocka_unit_test(test_a_file_cut_while_read),
		cmocka_unit_test(test_a_read_error),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
