/* test_loader_oom.c - a load that runs out of memory fails cleanly.
 *
 * This binary defines malloc, calloc, realloc and free itself, forwarding
 * to glibc's (__libc_malloc...), so every allocation of the process goes
 * through them: quoth's own, libc's (strdup, vsnprintf...) and libyaml's.
 * Once armed, they count the calls and fail the Nth, or the Nth and every
 * one after it.  For every N from 1 to the number of allocations a whole
 * load of each fixture makes, load_article_mem() must either return -1
 * with *out NULL, or return 0 with the article a normal load gives, as
 * export_json() writes it; and it must free all it allocated.  Failing
 * every call from N on also drops the very message that says memory ran
 * out: the load must fail all the same (its status is counted, not read
 * from the diagnostics).
 *
 * Under AddressSanitizer (make sanitize) the sanitizer owns malloc and
 * these definitions cannot stand beside it: the test is skipped there.
 * Valgrind replaces them with its own unless told not to: run it with
 * --soname-synonyms=somalloc=nouserintercepts (some 30 s), or the tests
 * see no allocation and skip. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <glob.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "export.h"
#include "loader.h"

#if defined(__SANITIZE_ADDRESS__)
#define OOM_UNDER_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define OOM_UNDER_ASAN 1
#endif
#endif

#ifndef OOM_UNDER_ASAN

#include "mem_out.h"
#include "read_file.h"

/* ---- the allocator -------------------------------------------------- */

void *__libc_malloc(size_t size);
void *__libc_calloc(size_t n, size_t size);
void *__libc_realloc(void *p, size_t size);
void __libc_free(void *p);

/* The allocator cannot be handed a context: its state is the one static
 * of these tests. */
typedef struct oom_state {
	bool armed;
	bool sticky;          /* fail every call from fail_at on */
	unsigned long calls;  /* armed calls so far */
	unsigned long fail_at;/* 0: fail none */
	long live;            /* armed allocations not yet freed */
} oom_state;

static oom_state oom;

/* True when this armed call is to fail. */
static bool oom_fails(void)
{
	if (!oom.armed)
		return false;
	oom.calls++;
	return oom.fail_at != 0 && (oom.calls == oom.fail_at ||
	                            (oom.sticky && oom.calls > oom.fail_at));
}

void *malloc(size_t size)
{
	if (oom_fails())
		return NULL;
	void *p = __libc_malloc(size);
	if (p && oom.armed)
		oom.live++;
	return p;
}

void *calloc(size_t n, size_t size)
{
	if (oom_fails())
		return NULL;
	void *p = __libc_calloc(n, size);
	if (p && oom.armed)
		oom.live++;
	return p;
}

void *realloc(void *old, size_t size)
{
	if (oom_fails())
		return NULL;
	void *p = __libc_realloc(old, size);
	if (p && !old && oom.armed)
		oom.live++;
	return p;
}

void free(void *p)
{
	if (p && oom.armed)
		oom.live--;
	__libc_free(p);
}

static void oom_arm(unsigned long fail_at, bool sticky)
{
	oom = (oom_state){ .armed = true, .fail_at = fail_at, .sticky = sticky };
}

static void oom_disarm(void)
{
	oom.armed = false;
}

/* True when the allocator calls above are the ones the process makes
 * (not so under valgrind's own malloc). */
static bool oom_interposed(void)
{
	char *(*volatile dup)(const char *) = strdup;
	oom_arm(0, false);
	char *s = dup("probe");
	oom_disarm();
	free(s);
	return oom.calls == 1;
}

/* ---- loads ---------------------------------------------------------- */

/* What a load gave: its status, and the article as JSON when it gave one. */
typedef struct outcome {
	int rc;
	bool got_article;
	char *json;
	size_t json_len;
} outcome;

/* Loads bytes with the allocator armed to fail call fail_at (0: none);
 * *calls gets how many allocations the load made.  The load must free
 * what it allocated, whatever failed. */
static outcome load_with(const char *name, const char *bytes, size_t len,
                         unsigned long fail_at, bool sticky,
                         unsigned long *calls)
{
	outcome o = { 0 };
	diag_list diags = { 0 };
	article *a = (article *)&o;   /* must be set to NULL on failure */
	oom_arm(fail_at, sticky);
	o.rc = load_article_mem(name, bytes, len, &a, &diags);
	oom_disarm();
	*calls = oom.calls;
	long live = oom.live;
	o.got_article = a != NULL;
	if (a) {
		mem_out m;
		assert_int_equal(export_json(a, mem_out_open(&m)), 0);
		o.json = mem_out_close(&m);
		o.json_len = m.len;
	}
	/* Only what the caller owns is left: the article and the diagnostics. */
	oom.armed = true;
	article_free(o.rc == 0 ? a : NULL);
	diag_list_free(&diags);
	oom.armed = false;
	if (oom.live != 0)
		fail_msg("%s: failing allocation %lu%s leaks %ld block(s) (%ld live "
		         "after the load)", name, fail_at, sticky ? " on" : "",
		         oom.live, live);
	return o;
}

/* Every N from 1 to the allocations of a whole load, once and from N on. */
static void check_fixture(const char *path)
{
	size_t len;
	char *bytes = read_file(path, &len);
	unsigned long total;
	outcome want = load_with(path, bytes, len, 0, false, &total);
	assert_int_equal(want.rc == 0, want.got_article);
	assert_true(total > 0);
	if (getenv("OOM_VERBOSE"))
		print_message("%s: %lu allocations, rc %d\n", path, total, want.rc);
	for (int sticky = 0; sticky < 2; sticky++) {
		for (unsigned long n = 1; n <= total; n++) {
			unsigned long calls;
			outcome got = load_with(path, bytes, len, n, sticky, &calls);
			if (got.rc == 0) {
				if (!got.got_article || want.rc != 0 ||
				    got.json_len != want.json_len ||
				    memcmp(got.json, want.json, got.json_len) != 0)
					fail_msg("%s: failing allocation %lu%s gave success with "
					         "an article unlike the normal load's", path, n,
					         sticky ? " on" : "");
			} else if (got.rc != -1 || got.got_article) {
				fail_msg("%s: failing allocation %lu%s returned %d with%s an "
				         "article", path, n, sticky ? " on" : "", got.rc,
				         got.got_article ? "" : "out");
			}
			free(got.json);
		}
	}
	free(want.json);
	free(bytes);
}

static void check_glob(const char *pattern)
{
	if (!oom_interposed()) {
		print_message("malloc is not ours here (valgrind?): skipped\n");
		skip();
	}
	glob_t g;
	assert_int_equal(glob(pattern, 0, NULL, &g), 0);
	assert_true(g.gl_pathc > 0);
	for (size_t i = 0; i < g.gl_pathc; i++)
		check_fixture(g.gl_pathv[i]);
	if (getenv("OOM_VERBOSE"))
		print_message("%zu files\n", g.gl_pathc);
	globfree(&g);
}

/* The interposition works, libc's own calls included, and a failed call
 * is failed once: the test above would prove nothing otherwise. */
static void test_the_allocator_fails_the_nth_call(void **state)
{
	(void)state;
	if (!oom_interposed())
		skip();
	/* Called through a pointer the compiler cannot see through: as a
	 * builtin, strdup would be taken to touch no memory of ours, and the
	 * arming moved past it. */
	char *(*volatile dup)(const char *) = strdup;
	oom_arm(2, false);
	char *a = dup("a");
	char *b = dup("b");
	char *c = dup("c");
	oom_disarm();
	assert_non_null(a);
	assert_null(b);
	assert_non_null(c);
	assert_int_equal(oom.calls, 3);
	free(a);
	free(c);
}

static void test_loader_fixtures_fail_cleanly(void **state)
{
	(void)state;
	check_glob("tests/fixtures/loader/*.yaml");
}

static void test_bundled_articles_fail_cleanly(void **state)
{
	(void)state;
	check_glob("articles/*.yaml");
}

#else

static void test_skipped_under_asan(void **state)
{
	(void)state;
	skip();
}

#endif

int main(void)
{
	const struct CMUnitTest tests[] = {
#ifndef OOM_UNDER_ASAN
		cmocka_unit_test(test_the_allocator_fails_the_nth_call),
		cmocka_unit_test(test_loader_fixtures_fail_cleanly),
		cmocka_unit_test(test_bundled_articles_fail_cleanly),
#else
		cmocka_unit_test(test_skipped_under_asan),
#endif
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
