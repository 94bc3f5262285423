/* Tests of corpus_index.c: the threaded index gives the summaries the
 * synchronous one gives, slot for slot; a limit freezes it part way; a
 * row read out of turn; a file changed, fixed or removed read again;
 * unreadable files listed with a problem; the speakers merged. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "corpus_index.h"
#include "speakers.h"
#include "tmp_tree.h"

#define N_ARTICLES 60

static char root[] = "/tmp/quoth-index-XXXXXX";

static void write_at(const char *rel, const char *text)
{
	tree_write(root, rel, text);
}

/* Article i: i % 7 quotes of two speakers; every 10th one broken. */
static void write_article(size_t i)
{
	char rel[64], text[4096];
	snprintf(rel, sizeof rel, "%s/%03zu.yaml", i % 2 ? "odd" : "even", i);
	int n = snprintf(text, sizeof text,
	                 "title: Article %zu\nsource: Outlet %zu\npublished: 2024-01-%02zu\n"
	                 "body: |\n", i, i % 3, i % 28 + 1);
	for (size_t q = 0; q < i % 7; q++)
		n += snprintf(text + n, sizeof text - (size_t)n,
		              "  Ann Lee said \xe2\x80\x9cword %zu here\xe2\x80\x9d.\n", q);
	n += snprintf(text + n, sizeof text - (size_t)n,
	              "  The end.\nentities:\n  - id: ann\n    name: Ann Lee\n    type: PERSON\n"
	              "%s", i % 7 ? "quotes:\n" : "");
	for (size_t q = 0; q < i % 7; q++)
		n += snprintf(text + n, sizeof text - (size_t)n,
		              "  - text: word %zu here\n    speaker: %s\n", q,
		              q % 2 ? "ann" : "{text: an aide}");
	if (i % 10 == 5)
		snprintf(text + n, sizeof text - (size_t)n, "bogus: 1\n");
	write_at(rel, text);
}

static int setup(void **state)
{
	(void)state;
	if (!mkdtemp(root))
		return -1;
	tree_mkdir(root, "odd");
	tree_mkdir(root, "even");
	for (size_t i = 0; i < N_ARTICLES; i++)
		write_article(i);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	return tree_remove(root);
}

static corpus_index *index_of_root(size_t threads, size_t limit, unsigned flags)
{
	corpus_files files = { 0 };
	diag_list problems = { 0 };
	assert_int_equal(corpus_files_add(&files, root, &problems), 0);
	assert_int_equal(problems.n, 0);
	diag_list_free(&problems);
	corpus_index *ix = corpus_index_new(&files, threads, limit, flags);
	assert_non_null(ix);
	assert_null(files.items);   /* taken */
	return ix;
}

static void assert_same_text(const char *a, const char *b)
{
	if (!a || !b)
		assert_ptr_equal(a, b);
	else
		assert_string_equal(a, b);
}

static void assert_same_summary(const corpus_summary *a, const corpus_summary *b)
{
	assert_same_text(a->title, b->title);
	assert_same_text(a->source, b->source);
	assert_same_text(a->published, b->published);
	assert_same_text(a->error, b->error);
	assert_same_text(a->report, b->report);
	assert_int_equal(a->n_quotes, b->n_quotes);
	assert_int_equal(a->n_entities, b->n_entities);
	assert_int_equal(a->n_problems, b->n_problems);
	assert_int_equal(a->speakers.n, b->speakers.n);
	assert_int_equal(a->speakers.quotes, b->speakers.quotes);
	assert_int_equal(a->speakers.words, b->speakers.words);
	for (size_t r = 0; r < a->speakers.n; r++) {
		assert_string_equal(a->speakers.rows[r].key, b->speakers.rows[r].key);
		assert_int_equal(a->speakers.rows[r].quotes, b->speakers.rows[r].quotes);
	}
}

static void test_threaded_equals_synchronous(void **state)
{
	(void)state;
	corpus_index *sync = index_of_root(0, SIZE_MAX, CORPUS_INDEX_REPORTS);
	corpus_index *par = index_of_root(4, SIZE_MAX, CORPUS_INDEX_REPORTS);
	assert_int_equal(corpus_index_count(sync), N_ARTICLES);
	assert_int_equal(corpus_index_done(sync), 0);
	corpus_index_run(sync);
	corpus_index_run(par);
	assert_int_equal(corpus_index_done(sync), N_ARTICLES);
	assert_int_equal(corpus_index_done(par), N_ARTICLES);
	for (size_t i = 0; i < N_ARTICLES; i++) {
		const corpus_summary *a = corpus_index_get(sync, i);
		const corpus_summary *b = corpus_index_get(par, i);
		assert_non_null(a);
		assert_non_null(b);
		assert_same_summary(a, b);
	}
	/* Files in path order: even/000 first, odd/001 after every even. */
	assert_string_equal(corpus_index_file(sync, 0)->rel, "even/000.yaml");
	assert_string_equal(corpus_index_file(sync, N_ARTICLES / 2)->rel, "odd/001.yaml");
	const corpus_summary *s = corpus_index_get(sync, 3);   /* even/006 */
	assert_string_equal(s->title, "Article 6");
	assert_int_equal(s->n_quotes, 6);
	assert_int_equal(s->speakers.n, 2);
	assert_null(s->speakers.slots);
	s = corpus_index_get(sync, N_ARTICLES / 2 + 2);        /* odd/005: broken */
	assert_null(s->title);
	assert_non_null(s->error);
	assert_non_null(strstr(s->report, "odd/005.yaml:"));
	corpus_index_free(sync);
	corpus_index_free(par);
}

static void test_limit_freezes_part_way(void **state)
{
	(void)state;
	corpus_index *ix = index_of_root(0, 7, 0);
	corpus_index_run(ix);
	assert_int_equal(corpus_index_done(ix), 7);
	assert_int_equal(corpus_index_target(ix), 7);
	assert_non_null(corpus_index_get(ix, 6));
	assert_null(corpus_index_get(ix, 7));
	assert_null(corpus_index_get(ix, N_ARTICLES));
	/* A row shown out of turn is read at once, and counted. */
	assert_true(corpus_index_read_now(ix, 40));
	assert_non_null(corpus_index_get(ix, 40));
	assert_int_equal(corpus_index_done(ix), 8);
	assert_int_equal(corpus_index_target(ix), 8);
	/* Read already: nothing again. */
	assert_true(corpus_index_read_now(ix, 40));
	assert_int_equal(corpus_index_done(ix), 8);
	assert_false(corpus_index_read_now(ix, N_ARTICLES));
	corpus_index_free(ix);
}

/* The owner reads the slots the workers have published while they go on:
 * what the library's screen does.  Under ThreadSanitizer (make threads)
 * a summary read before it is whole is a race. */
static void test_read_while_reading(void **state)
{
	(void)state;
	corpus_index *ix = index_of_root(3, SIZE_MAX, 0);
	size_t seen = 0, chars = 0;
	while (corpus_index_done(ix) < corpus_index_count(ix) || seen < N_ARTICLES) {
		seen = 0;
		for (size_t i = 0; i < corpus_index_count(ix); i++) {
			const corpus_summary *s = corpus_index_get(ix, i);
			if (!s)
				continue;
			seen++;
			chars += s->title ? strlen(s->title) : strlen(s->error);
			chars += s->speakers.n;
		}
	}
	assert_true(chars > 0);
	corpus_index_run(ix);
	corpus_index_free(ix);
}

/* Freed while the workers still read: they stop, nothing leaks. */
static void test_free_while_reading(void **state)
{
	(void)state;
	corpus_index *ix = index_of_root(2, SIZE_MAX, 0);
	corpus_index_free(ix);
	corpus_index_free(NULL);
}

static void test_reread_when_changed(void **state)
{
	(void)state;
	corpus_index *ix = index_of_root(0, SIZE_MAX, 0);
	corpus_index_run(ix);
	const corpus_summary *s = corpus_index_get(ix, 2);     /* even/004 */
	assert_string_equal(s->title, "Article 4");
	/* Unchanged: not read again. */
	assert_false(corpus_index_reread(ix, 2, false));
	/* Fixed in another shell: a new title and another size. */
	write_at("even/004.yaml", "title: Fixed\nbody: |\n  Text.\n");
	assert_true(corpus_index_reread(ix, 2, false));
	s = corpus_index_get(ix, 2);
	assert_string_equal(s->title, "Fixed");
	assert_int_equal(s->speakers.n, 0);
	/* Forced: read even though nothing changed. */
	assert_true(corpus_index_reread(ix, 2, true));
	/* Removed: listed with the reason. */
	char path[256];
	snprintf(path, sizeof path, "%s/even/004.yaml", root);
	unlink(path);
	assert_true(corpus_index_reread(ix, 2, false));
	s = corpus_index_get(ix, 2);
	assert_null(s->title);
	assert_non_null(s->error);
	write_article(4);
	corpus_index_free(ix);
}

/* A FIFO named like an article (nothing would ever write to it) and a
 * file without read permission: listed with a problem, no hang. */
static void test_unreadable_file_has_a_problem(void **state)
{
	(void)state;
	char fifo[256], locked[256];
	snprintf(fifo, sizeof fifo, "%s/even/zz-fifo.yaml", root);
	assert_int_equal(mkfifo(fifo, 0644), 0);
	write_at("even/zz-locked.yaml", "title: Locked\nbody: |\n  Text.\n");
	snprintf(locked, sizeof locked, "%s/even/zz-locked.yaml", root);
	chmod(locked, 0);
	corpus_index *ix = index_of_root(2, SIZE_MAX, 0);
	corpus_index_run(ix);
	const corpus_summary *s = corpus_index_get(ix, N_ARTICLES / 2);
	assert_string_equal(corpus_index_file(ix, N_ARTICLES / 2)->rel, "even/zz-fifo.yaml");
	assert_non_null(s->error);
	assert_non_null(strstr(s->error, "FIFO"));
	s = corpus_index_get(ix, N_ARTICLES / 2 + 1);
	if (geteuid() != 0)     /* root reads anything */
		assert_non_null(s->error);
	corpus_index_free(ix);
	unlink(fifo);
	unlink(locked);
}

/* Merging the articles' tables in turn gives what counting the articles
 * in turn gives: what `quoth stats` relies on. */
static void test_merged_speakers(void **state)
{
	(void)state;
	corpus_index *ix = index_of_root(3, SIZE_MAX, 0);
	corpus_index_run(ix);
	speaker_table all = { 0 };
	size_t quotes = 0;
	for (size_t i = 0; i < corpus_index_count(ix); i++) {
		const corpus_summary *s = corpus_index_get(ix, i);
		assert_int_equal(speakers_merge(&all, &s->speakers), 0);
		quotes += s->n_quotes;  /* what resolved, problems or not */
	}
	assert_int_equal(all.quotes, quotes);
	assert_int_equal(all.n, 2);
	const speaker_row *ann = speakers_find(&all, "name:ann lee");
	assert_non_null(ann);
	assert_string_equal(ann->name, "Ann Lee");
	assert_string_equal(ann->type, "PERSON");
	assert_int_equal(ann->words, 3 * ann->quotes);
	const speaker_row *aide = speakers_find(&all, "text:an aide");
	assert_non_null(aide);
	assert_int_equal(aide->quotes + ann->quotes, quotes);
	/* Articles with 2..6 quotes have Ann; 1..6 the aide; the broken ones
	 * too, as far as they resolve (the library reads as the reader opens). */
	size_t with_ann = 0;
	for (size_t i = 0; i < N_ARTICLES; i++)
		with_ann += i % 7 >= 2;
	assert_int_equal(ann->articles, with_ann);
	speakers_free(&all);
	corpus_index_free(ix);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_threaded_equals_synchronous),
		cmocka_unit_test(test_limit_freezes_part_way),
		cmocka_unit_test(test_read_while_reading),
		cmocka_unit_test(test_free_while_reading),
		cmocka_unit_test(test_reread_when_changed),
		cmocka_unit_test(test_unreadable_file_has_a_problem),
		cmocka_unit_test(test_merged_speakers),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
