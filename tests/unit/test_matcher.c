/* Tests of the Aho-Corasick matcher: every occurrence, overlapping ones
 * included, in order of end; ASCII case folding with verification of the
 * case-sensitive patterns; thousands of patterns in one pass. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "matcher.h"
#include "../../src/matcher_private.h"   /* n_dense, row */

typedef struct hit {
	size_t tag, start, end;
} hit;

typedef struct hits {
	hit *v;
	size_t n, cap;
	size_t stop_after;   /* 0: never stop */
} hits;

static bool collect(void *ctx, size_t tag, size_t start, size_t end)
{
	hits *h = ctx;
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->v = realloc(h->v, h->cap * sizeof *h->v);
		assert_non_null(h->v);
	}
	h->v[h->n++] = (hit){ .tag = tag, .start = start, .end = end };
	return h->stop_after == 0 || h->n < h->stop_after;
}

/* Builds a matcher from NULL-terminated patterns (tag = index). */
static matcher *build(const char *const *pats, bool ignore_case)
{
	matcher *m = matcher_new();
	assert_non_null(m);
	for (size_t k = 0; pats[k]; k++)
		assert_true(matcher_add(m, pats[k], strlen(pats[k]), ignore_case, k));
	assert_true(matcher_build(m));
	return m;
}

static hits scan(const matcher *m, const char *text)
{
	hits h = { 0 };
	matcher_scan(m, text, strlen(text), collect, &h);
	return h;
}

static void expect_hit(const hits *h, size_t k, size_t tag, size_t start,
                       size_t end)
{
	assert_true(k < h->n);
	assert_int_equal(h->v[k].tag, tag);
	assert_int_equal(h->v[k].start, start);
	assert_int_equal(h->v[k].end, end);
}

static void test_overlapping_patterns_all_reported(void **state)
{
	(void)state;
	const char *pats[] = { "he", "she", "his", "hers", NULL };
	matcher *m = build(pats, false);
	hits h = scan(m, "ushers");
	/* she and he end together (longest first), then hers. */
	assert_int_equal(h.n, 3);
	expect_hit(&h, 0, 1, 1, 4);
	expect_hit(&h, 1, 0, 2, 4);
	expect_hit(&h, 2, 3, 2, 6);
	free(h.v);
	matcher_free(m);
}

static void test_suffix_of_another_pattern(void **state)
{
	(void)state;
	const char *pats[] = { "c", "abc", "bc", "abcd", NULL };
	matcher *m = build(pats, false);
	hits h = scan(m, "xabcabcd");
	assert_int_equal(h.n, 7);
	expect_hit(&h, 0, 1, 1, 4);   /* abc */
	expect_hit(&h, 1, 2, 2, 4);   /* bc  */
	expect_hit(&h, 2, 0, 3, 4);   /* c   */
	expect_hit(&h, 3, 1, 4, 7);
	expect_hit(&h, 4, 2, 5, 7);
	expect_hit(&h, 5, 0, 6, 7);
	expect_hit(&h, 6, 3, 4, 8);   /* abcd */
	free(h.v);
	matcher_free(m);
}

static void test_repeated_letters_overlap(void **state)
{
	(void)state;
	const char *pats[] = { "aa", NULL };
	matcher *m = build(pats, false);
	hits h = scan(m, "aaaa");
	assert_int_equal(h.n, 3);
	expect_hit(&h, 0, 0, 0, 2);
	expect_hit(&h, 1, 0, 1, 3);
	expect_hit(&h, 2, 0, 2, 4);
	free(h.v);
	matcher_free(m);
}

static void test_case_folding_and_verification(void **state)
{
	(void)state;
	matcher *m = matcher_new();
	assert_true(matcher_add(m, "Kerry", 5, false, 10));   /* as written */
	assert_true(matcher_add(m, "kerry", 5, true, 20));    /* any case */
	assert_true(matcher_build(m));
	hits h = scan(m, "Kerry kerry KERRY kErRy");
	/* The sensitive one only where the bytes are equal. */
	assert_int_equal(h.n, 5);
	expect_hit(&h, 0, 10, 0, 5);
	expect_hit(&h, 1, 20, 0, 5);
	expect_hit(&h, 2, 20, 6, 11);
	expect_hit(&h, 3, 20, 12, 17);
	expect_hit(&h, 4, 20, 18, 23);
	free(h.v);
	matcher_free(m);
}

static void test_only_ascii_letters_fold(void **state)
{
	(void)state;
	const char *pats[] = { "\xC5\x81\xC3\xB3" "d\xC5\xBA", NULL };  /* Łódź */
	matcher *m = build(pats, true);
	hits h = scan(m, "\xC5\x81\xC3\xB3" "D\xC5\xBA "                /* ŁóDź */
	                 "\xC5\x81\xC3\x93" "d\xC5\xBA");               /* ŁÓdź */
	assert_int_equal(h.n, 1);
	expect_hit(&h, 0, 0, 0, 7);
	free(h.v);
	matcher_free(m);
}

static void test_bytes_outside_patterns_reset(void **state)
{
	(void)state;
	const char *pats[] = { "ab", "abab", NULL };
	matcher *m = build(pats, false);
	hits h = scan(m, "ab\nab aba\xFF" "bab");
	assert_int_equal(h.n, 4);
	expect_hit(&h, 0, 0, 0, 2);
	expect_hit(&h, 1, 0, 3, 5);
	expect_hit(&h, 2, 0, 6, 8);
	expect_hit(&h, 3, 0, 11, 13);
	free(h.v);
	matcher_free(m);
}

static void test_callback_stops_the_scan(void **state)
{
	(void)state;
	const char *pats[] = { "a", NULL };
	matcher *m = build(pats, false);
	hits h = { .stop_after = 2 };
	matcher_scan(m, "aaaaaa", 6, collect, &h);
	assert_int_equal(h.n, 2);
	free(h.v);
	matcher_free(m);
}

static void test_refuses_empty_and_late_patterns(void **state)
{
	(void)state;
	matcher *m = matcher_new();
	assert_false(matcher_add(m, "", 0, false, 0));
	assert_true(matcher_add(m, "x", 1, false, 0));
	assert_true(matcher_build(m));
	assert_false(matcher_add(m, "y", 1, false, 1));
	hits h = scan(m, "xy");
	assert_int_equal(h.n, 1);
	free(h.v);
	matcher_free(m);
	matcher_free(NULL);
}

static void test_unbuilt_matcher_finds_nothing(void **state)
{
	(void)state;
	matcher *m = matcher_new();
	assert_true(matcher_add(m, "x", 1, false, 0));
	hits h = scan(m, "xxx");
	assert_int_equal(h.n, 0);
	matcher_free(m);
}

/* ---- many patterns ------------------------------------------------------ */

static int hit_cmp(const void *pa, const void *pb)
{
	const hit *a = pa, *b = pb;
	if (a->end != b->end)
		return a->end < b->end ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->tag < b->tag ? -1 : a->tag > b->tag;
}

/* The order the scan promises: by where the key (the first
 * MATCHER_KEY_LEN bytes) ends, the longest key first, then as added. */
static size_t key_end(const hit *h)
{
	size_t n = h->end - h->start;
	return h->start + (n < MATCHER_KEY_LEN ? n : MATCHER_KEY_LEN);
}

static int hit_key_cmp(const void *pa, const void *pb)
{
	const hit *a = pa, *b = pb;
	if (key_end(a) != key_end(b))
		return key_end(a) < key_end(b) ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return a->tag < b->tag ? -1 : a->tag > b->tag;
}

/* Every occurrence of the patterns in text, by brute force, in the order
 * the scan promises. */
static hits naive_in_order(char (*pats)[256], const size_t *lens,
                           const bool *fold, size_t n_pats, const char *text,
                           size_t len)
{
	hits want = { 0 };
	for (size_t start = 0; start < len; start++) {
		for (size_t p = 0; p < n_pats; p++) {
			size_t n = lens[p], i = 0;
			if (n > len - start)
				continue;
			const char *t = text + start;
			for (; i < n; i++) {
				unsigned char x = (unsigned char)t[i], y = (unsigned char)pats[p][i];
				if (fold[p] && x >= 'A' && x <= 'Z')
					x = (unsigned char)(x + 32);
				if (fold[p] && y >= 'A' && y <= 'Z')
					y = (unsigned char)(y + 32);
				if (x != y)
					break;
			}
			if (i == n)
				collect(&want, p, start, start + n);
		}
	}
	qsort(want.v, want.n, sizeof *want.v, hit_key_cmp);
	return want;
}

static void test_ten_thousand_patterns(void **state)
{
	(void)state;
	enum { N = 10000 };
	matcher *m = matcher_new();
	char pat[32];
	for (size_t k = 0; k < N; k++) {
		int n = snprintf(pat, sizeof pat, "Name%zu Surname%zu", k, k * 7 % N);
		assert_true(matcher_add(m, pat, (size_t)n, k % 2 == 1, k));
	}
	assert_true(matcher_build(m));
	/* Every hundredth name, upper-cased: all are odd, so ignore case. */
	size_t cap = 64 * N, len = 0;
	char *text = malloc(cap);
	for (size_t k = 0; k < N; k += 100) {
		int n = snprintf(text + len, cap - len, "; Name%zu Surname%zu", k + 1,
		                 (k + 1) * 7 % N);
		for (char *c = text + len; c < text + len + n; c++)
			*c = (*c >= 'a' && *c <= 'z') ? (char)(*c - 32) : *c;
		len += (size_t)n;
	}
	hits h = { 0 };
	matcher_scan(m, text, len, collect, &h);
	/* Each name is found once, by its own case-insensitive pattern; the
	 * case-sensitive ones are verified and dropped. */
	assert_int_equal(h.n, N / 100);
	for (size_t j = 0; j < h.n; j++)
		assert_int_equal(h.v[j].tag, j * 100 + 1);
	free(h.v);
	free(text);
	matcher_free(m);
}

/* Compares the matcher with a naive search on random small cases. */
static void naive(char pats[][8], const size_t *lens, const bool *fold,
                  size_t n_pats, const char *text, size_t len, hits *out)
{
	for (size_t end = 1; end <= len; end++) {
		for (size_t p = 0; p < n_pats; p++) {
			if (lens[p] > end)
				continue;
			size_t start = end - lens[p];
			bool eq = true;
			for (size_t i = 0; i < lens[p] && eq; i++) {
				unsigned char x = (unsigned char)text[start + i];
				unsigned char y = (unsigned char)pats[p][i];
				if (fold[p]) {
					x = (x >= 'A' && x <= 'Z') ? (unsigned char)(x + 32) : x;
					y = (y >= 'A' && y <= 'Z') ? (unsigned char)(y + 32) : y;
				}
				eq = x == y;
			}
			if (eq)
				collect(out, p, start, end);
		}
	}
}

static void test_agrees_with_naive_search(void **state)
{
	(void)state;
	static const char alpha[] = "abcABC\xC3\xA9 ";
	unsigned seed = 12345;
	for (int round = 0; round < 300; round++) {
		char pats[60][8];
		size_t lens[60];
		bool fold[60];
		seed = seed * 1103515245u + 12345u;
		size_t n_pats = 1 + (seed >> 16) % 60;
		matcher *m = matcher_new();
		for (size_t p = 0; p < n_pats; p++) {
			seed = seed * 1103515245u + 12345u;
			lens[p] = 1 + (seed >> 16) % 7;
			fold[p] = (seed >> 8) & 1;
			for (size_t i = 0; i < lens[p]; i++) {
				seed = seed * 1103515245u + 12345u;
				pats[p][i] = alpha[(seed >> 16) % (sizeof alpha - 1)];
			}
			assert_true(matcher_add(m, pats[p], lens[p], fold[p], p));
		}
		assert_true(matcher_build(m));
		char text[200];
		for (size_t i = 0; i < sizeof text; i++) {
			seed = seed * 1103515245u + 12345u;
			text[i] = (seed >> 16) % 11 ? alpha[(seed >> 16) % (sizeof alpha - 1)] : 'z';
		}
		hits got = { 0 }, want = { 0 };
		matcher_scan(m, text, sizeof text, collect, &got);
		naive(pats, lens, fold, n_pats, text, sizeof text, &want);
		for (size_t k = 1; k < got.n; k++)
			assert_true(got.v[k - 1].end <= got.v[k].end);
		assert_int_equal(got.n, want.n);
		if (got.n) {
			qsort(got.v, got.n, sizeof *got.v, hit_cmp);
			qsort(want.v, want.n, sizeof *want.v, hit_cmp);
			assert_memory_equal(got.v, want.v, got.n * sizeof *got.v);
		}
		free(got.v);
		free(want.v);
		matcher_free(m);
	}
}

/* matcher_build_for() gives a short text fewer complete rows: 2 bytes of
 * rows per byte of text, 64 KB at least, 512 KB at most (matcher.c); the
 * hits are the same whatever the rows. */
static void test_rows_follow_the_text_length(void **state)
{
	(void)state;
	enum { N = 2000, LEN = 12, TEXT = 20000 };
	static char pats[N][LEN];
	static char text[TEXT];
	unsigned seed = 4242;
	for (size_t p = 0; p < N; p++)
		for (size_t i = 0; i < LEN; i++) {
			seed = seed * 1103515245u + 12345u;
			pats[p][i] = (char)('a' + (seed >> 16) % 26);
		}
	for (size_t i = 0, p = 0; i < TEXT; i++) {
		if (i % 40 == 0) {
			seed = seed * 1103515245u + 12345u;
			p = (seed >> 16) % N;   /* a pattern every 40 bytes */
		}
		text[i] = i % 40 < LEN ? pats[p][i % 40] : ' ';
	}
	const size_t lens[] = { 0, 100000, 1000000 };
	const size_t budgets[] = { 64u << 10, 200000, 512u << 10 };
	hits first = { 0 };
	for (size_t k = 0; k < 3; k++) {
		matcher *m = matcher_new();
		for (size_t p = 0; p < N; p++)
			assert_true(matcher_add(m, pats[p], LEN, false, p));
		assert_true(matcher_build_for(m, lens[k]));
		assert_true(m->n_nodes > 15000);
		assert_int_equal(m->n_dense, budgets[k] / (m->row * sizeof *m->dense));
		hits got = { 0 };
		matcher_scan(m, text, TEXT, collect, &got);
		assert_true(got.n > 100);
		if (k == 0) {
			first = got;
		} else {
			assert_int_equal(got.n, first.n);
			assert_memory_equal(got.v, first.v, got.n * sizeof *got.v);
			free(got.v);
		}
		matcher_free(m);
	}
	free(first.v);
	matcher *m = matcher_new();
	for (size_t p = 0; p < N; p++)
		assert_true(matcher_add(m, pats[p], LEN, false, p));
	assert_true(matcher_build(m));   /* any text: the most rows */
	assert_int_equal(m->n_dense, (512u << 10) / (m->row * sizeof *m->dense));
	matcher_free(m);
}

/* Past the first few thousand nodes the automaton keeps short edge lists
 * instead of full rows.  One pattern holds every byte, so rows are wide
 * and few; the others are long, share prefixes, and stand in the text
 * whole, cut short and with their case changed; some are longer than
 * the key, so that their ends are compared past the automaton.  Every hit
 * must come in the order promised. */
static void test_large_automaton_agrees_with_naive_search(void **state)
{
	(void)state;
	enum { N = 400, MAXLEN = 60, TEXT = 6000 };
	static char pats[N + 1][256];
	size_t lens[N + 1];
	bool fold[N + 1];
	unsigned seed = 777;
	matcher *m = matcher_new();
	for (size_t p = 0; p < N; p++) {
		seed = seed * 1103515245u + 12345u;
		size_t from = p > 0 && (seed >> 20) % 2 ? (seed >> 16) % p : p;
		size_t keep = from < p ? (seed >> 8) % lens[from] : 0;
		memcpy(pats[p], pats[from], keep);   /* a shared prefix */
		lens[p] = keep + 4 + (seed >> 12) % (MAXLEN - 4 - keep % 8);
		fold[p] = (seed >> 4) & 1;
		for (size_t i = keep; i < lens[p]; i++) {
			seed = seed * 1103515245u + 12345u;
			pats[p][i] = "abcAB,"[(seed >> 16) % 6];
		}
	}
	for (int b = 1; b < 256; b++)
		pats[N][b - 1] = (char)b;
	lens[N] = 255;
	fold[N] = false;
	for (size_t p = 0; p <= N; p++)
		assert_true(matcher_add(m, pats[p], lens[p], fold[p], p));
	assert_true(matcher_build(m));
	static char text[TEXT];
	size_t len = 0;
	while (len < TEXT - MAXLEN) {
		seed = seed * 1103515245u + 12345u;
		size_t p = (seed >> 16) % N, n = lens[p];
		if ((seed >> 8) % 3 == 0)
			n = (seed >> 4) % n;   /* cut short */
		for (size_t i = 0; i < n; i++) {
			char c = pats[p][i];
			text[len++] = (seed >> 2) % 4 ? c : c == 'a' ? 'A' : c == 'B' ? 'b' : c;
		}
		text[len++] = "abc .\xC3"[(seed >> 24) % 6];
	}
	hits got = { 0 };
	matcher_scan(m, text, len, collect, &got);
	hits want = naive_in_order(pats, lens, fold, N + 1, text, len);
	assert_true(want.n > 200);
	size_t long_ones = 0;
	for (size_t k = 0; k < want.n; k++)
		long_ones += want.v[k].end - want.v[k].start > MATCHER_KEY_LEN;
	assert_true(long_ones > 20);
	assert_int_equal(got.n, want.n);
	assert_memory_equal(got.v, want.v, got.n * sizeof *got.v);
	free(got.v);
	free(want.v);
	matcher_free(m);
}

/* A pattern longer than the key is reported only when all of it is
 * there: not when the text differs after the key, nor when it ends. */
static void test_long_pattern_checked_past_its_key(void **state)
{
	(void)state;
	const char *pats[] = {
		"the committee said on Tuesday that the inquiry would resume",
		"THE COMMITTEE SAID ON TUESDAY THAT THE HEARING WOULD RESUME",
		NULL,
	};
	matcher *m = build(pats, false);
	hits h = scan(m, "x the committee said on Tuesday that the inquiry would "
	                 "resume; the committee said on Tuesday that the inquiry "
	                 "would not resume; the committee said on Tuesday that the");
	assert_int_equal(h.n, 1);
	expect_hit(&h, 0, 0, 2, 2 + strlen(pats[0]));
	free(h.v);
	matcher_free(m);

	m = build(pats, true);   /* folded, past the key too */
	h = scan(m, "The Committee Said On Tuesday That The Hearing Would Resume."
	            " the committee said on tuesday that the hearing would resumE");
	assert_int_equal(h.n, 2);
	expect_hit(&h, 0, 1, 0, strlen(pats[1]));
	expect_hit(&h, 1, 1, 61, 61 + strlen(pats[1]));
	free(h.v);
	matcher_free(m);
}

/* A long text is scanned as several stretches at once: hits near and
 * across the stretches' borders, long patterns included, must come as
 * from one scan, in order, and stopping must stop them all. */
static void test_long_text_scanned_in_stretches(void **state)
{
	(void)state;
	enum { N = 60, TEXT = 300000 };
	static char pats[N][256];
	size_t lens[N];
	bool fold[N];
	unsigned seed = 4242;
	matcher *m = matcher_new();
	for (size_t p = 0; p < N; p++) {
		seed = seed * 1103515245u + 12345u;
		lens[p] = 2 + (seed >> 16) % (p % 3 ? 6 : 70);
		fold[p] = (seed >> 4) & 1;
		for (size_t i = 0; i < lens[p]; i++) {
			seed = seed * 1103515245u + 12345u;
			pats[p][i] = "abcdAB ,"[(seed >> 16) % 8];
		}
		assert_true(matcher_add(m, pats[p], lens[p], fold[p], p));
	}
	assert_true(matcher_build(m));
	static char text[TEXT];
	for (size_t i = 0; i < TEXT; i++) {
		seed = seed * 1103515245u + 12345u;
		text[i] = "abcdefAB ,."[(seed >> 16) % 11];
	}
	/* A long pattern across each quarter's border, and at the very end. */
	for (size_t q = 1; q <= 4; q++) {
		size_t p = 0, at = q * (TEXT / 4) - lens[0] / 2;
		if (q == 4)
			at = TEXT - lens[0];
		memcpy(text + at, pats[p], lens[p]);
	}
	hits got = { 0 };
	matcher_scan(m, text, TEXT, collect, &got);
	hits want = naive_in_order(pats, lens, fold, N, text, TEXT);
	assert_true(want.n > 1000);
	assert_int_equal(got.n, want.n);
	assert_memory_equal(got.v, want.v, got.n * sizeof *got.v);
	size_t across = 0;
	for (size_t k = 0; k < want.n; k++) {
		for (size_t q = 1; q < 4; q++)
			across += want.v[k].start < q * (TEXT / 4) &&
			          want.v[k].end > q * (TEXT / 4);
	}
	assert_true(across >= 3);

	/* Stopping in the last quarter's hits, which come after the four
	 * stretches are scanned, and in the first quarter's, which come
	 * while they are: exactly the first ones came. */
	size_t stops[] = { want.n - want.n / 8, want.n / 8 };
	for (size_t k = 0; k < 2; k++) {
		hits some = { .stop_after = stops[k] };
		matcher_scan(m, text, TEXT, collect, &some);
		assert_int_equal(some.n, some.stop_after);
		assert_memory_equal(some.v, want.v, some.n * sizeof *some.v);
		free(some.v);
	}
	free(got.v);
	free(want.v);
	matcher_free(m);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_overlapping_patterns_all_reported),
		cmocka_unit_test(test_suffix_of_another_pattern),
		cmocka_unit_test(test_repeated_letters_overlap),
		cmocka_unit_test(test_case_folding_and_verification),
		cmocka_unit_test(test_only_ascii_letters_fold),
		cmocka_unit_test(test_bytes_outside_patterns_reset),
		cmocka_unit_test(test_callback_stops_the_scan),
		cmocka_unit_test(test_refuses_empty_and_late_patterns),
		cmocka_unit_test(test_unbuilt_matcher_finds_nothing),
		cmocka_unit_test(test_ten_thousand_patterns),
		cmocka_unit_test(test_agrees_with_naive_search),
		cmocka_unit_test(test_large_automaton_agrees_with_naive_search),
		cmocka_unit_test(test_rows_follow_the_text_length),
		cmocka_unit_test(test_long_pattern_checked_past_its_key),
		cmocka_unit_test(test_long_text_scanned_in_stretches),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
