/* Tests of the summary load (quoth stats): resolve_article_summary() and
 * load_article_summary() give what a summary reads exactly as the full
 * load does - validity, every problem with its text and place, each
 * quote's spans, speaker and cues, the speakers and their words - on
 * every fixture and bundled article, and on generated articles made to
 * trip the direct search: overlapping and repeated quotes ("stands N
 * times" counts every place), a needle at the very start and end of the
 * body, cues inside words, capitals and UTF-8, and more needles than the
 * direct search takes (the automaton again). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article_load.h"
#include "loader.h"
#include "resolve.h"
#include "speakers.h"

#include "read_file.h"

/* ---- comparing two resolutions ------------------------------------------- */

static void same_diags(const diag_list *x, const diag_list *y)
{
	assert_int_equal(x->n, y->n);
	for (size_t i = 0; i < x->n; i++) {
		assert_string_equal(x->items[i].message, y->items[i].message);
		assert_int_equal(x->items[i].line, y->items[i].line);
		assert_int_equal(x->items[i].col, y->items[i].col);
		assert_int_equal(x->items[i].severity, y->items[i].severity);
	}
}

static void same_spans(const span *x, const span *y, size_t n)
{
	for (size_t k = 0; k < n; k++) {
		assert_int_equal(x[k].start, y[k].start);
		assert_int_equal(x[k].end, y[k].end);
	}
}

static void same_speakers(const article *x, const article *y)
{
	speaker_table tx = { 0 }, ty = { 0 };
	assert_int_equal(speakers_add_article(&tx, x), 0);
	assert_int_equal(speakers_add_article(&ty, y), 0);
	assert_int_equal(tx.n, ty.n);
	assert_int_equal(tx.words, ty.words);
	for (size_t i = 0; i < tx.n; i++) {
		assert_string_equal(tx.rows[i].key, ty.rows[i].key);
		assert_int_equal(tx.rows[i].quotes, ty.rows[i].quotes);
		assert_int_equal(tx.rows[i].words, ty.rows[i].words);
	}
	speakers_free(&tx);
	speakers_free(&ty);
}

/* What a summary reads of a full resolution x and a summary one y. */
static void same_summary(const article *x, const article *y)
{
	assert_int_equal(x->n_entities, y->n_entities);
	assert_int_equal(x->n_quotes, y->n_quotes);
	for (size_t i = 0; i < x->n_quotes; i++) {
		const quote *p = &x->quotes[i], *q = &y->quotes[i];
		assert_int_equal(p->resolved, q->resolved);
		assert_int_equal(p->speaker, q->speaker);
		assert_int_equal(p->spans != NULL, q->spans != NULL);
		if (p->spans)
			same_spans(p->spans, q->spans, p->n_given ? p->n_given : p->n_fragments);
		assert_int_equal(p->n_cue_spans, q->n_cue_spans);
		same_spans(p->cue_spans, q->cue_spans, p->n_cue_spans);
		/* A named speaker's source is its nearest mention, which the
		 * summary does not look for: only words or spans compare. */
		if (p->speaker_text || p->n_source_given) {
			assert_int_equal(p->n_source_spans, q->n_source_spans);
			same_spans(p->source_spans, q->source_spans, p->n_source_spans);
		}
	}
	same_speakers(x, y);
	/* Only the explicit mentions: none is looked for by its spelling. */
	for (size_t m = 0; m < y->n_mentions; m++)
		assert_true(y->mentions[m].explicit_);
}

/* Parses bytes twice and resolves them both ways: the same problems
 * and the same summary.  Returns the number of problems. */
static size_t resolve_both(const char *name, const char *bytes, size_t len)
{
	article *x = NULL, *y = NULL;
	diag_list dx = { 0 }, dy = { 0 };
	size_t px = loader_parse(name, bytes, len, &x, &dx);
	size_t py = loader_parse(name, bytes, len, &y, &dy);
	assert_int_equal(px, py);
	assert_int_equal(x != NULL, y != NULL);
	if (x) {
		px += resolve_article(x, &dx);
		py += resolve_article_summary(y, &dy);
		assert_int_equal(px, py);
		same_diags(&dx, &dy);
		same_summary(x, y);
	}
	article_free(x);
	article_free(y);
	diag_list_free(&dx);
	diag_list_free(&dy);
	return px;
}

/* ---- every file in the tree ------------------------------------------------ */

/* Both ways over the bytes, and the file loads both ways to the same
 * status and summary. */
static void check_file(const char *path)
{
	size_t len;
	char *bytes = read_file(path, &len);
	size_t problems = resolve_both(path, bytes, len);
	free(bytes);

	article *x = NULL, *y = NULL;
	diag_list dx = { 0 };
	int sx = load_article(path, &x, &dx);
	int sy = load_article_summary(path, &y);
	assert_int_equal(sx, sy);
	assert_int_equal(sx == 0, problems == 0);
	if (x)
		same_summary(x, y);
	else
		assert_null(y);
	article_free(x);
	article_free(y);
	diag_list_free(&dx);
}

static bool is_yaml(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".yaml") == 0;
}

/* Every .yaml file in dir; the number checked. */
static size_t check_dir(const char *dir)
{
	DIR *d = opendir(dir);
	assert_non_null(d);
	size_t n = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (!is_yaml(de->d_name))
			continue;
		char path[512];
		snprintf(path, sizeof path, "%s/%s", dir, de->d_name);
		check_file(path);
		n++;
	}
	closedir(d);
	return n;
}

static void test_every_fixture_and_article(void **state)
{
	(void)state;
	assert_true(check_dir("tests/fixtures/loader") > 50);
	assert_true(check_dir("articles") > 0);
	assert_true(check_dir("tests/fixtures/stats") > 0);
}

static void test_unreadable_file_fails_both_ways(void **state)
{
	(void)state;
	article *a = (article *)&a;
	assert_int_equal(load_article_summary("tests/fixtures/no-such.yaml", &a), -1);
	assert_null(a);
}

/* ---- generated articles ---------------------------------------------------- */

/* An article of one body and quotes given as YAML lines. */
static size_t check_text(const char *body, const char *quotes)
{
	char yaml[16384];
	snprintf(yaml, sizeof yaml,
	         "title: T\nbody: |-\n  %s\nentities:\n"
	         "  - {id: ann, name: Ann Lee, type: PERSON}\n"
	         "  - {id: bob, name: Bob, type: PERSON, case: insensitive}\n"
	         "quotes:\n%s", body, quotes);
	return resolve_both("gen.yaml", yaml, strlen(yaml));
}

static void test_overlapping_places_all_counted(void **state)
{
	(void)state;
	/* "ha ha" stands three times, two of them overlapping. */
	assert_true(check_text("Ann Lee said ha ha ha ha.",
	                       "  - {text: ha ha, speaker: ann}\n") > 0);
	assert_int_equal(check_text("Ann Lee said ha ha ha ha.",
	                            "  - {text: ha ha, speaker: ann, occurrence: 3}\n"), 0);
	assert_true(check_text("Ann Lee said ha ha ha ha.",
	                       "  - {text: ha ha, speaker: ann, occurrence: 4}\n") > 0);
	assert_true(check_text("aaaa said it.", "  - {text: aa, speaker: ann}\n") > 0);
}

static void test_needles_at_both_ends(void **state)
{
	(void)state;
	assert_int_equal(check_text("Zed went, Ann Lee said",
	                            "  - {text: Zed went, speaker: ann, cue: said}\n"), 0);
	assert_int_equal(check_text("x said \xe2\x80\x9cy\xe2\x80\x9d",
	                            "  - {text: \"y\", speaker: {text: x}, cue: said}\n"), 0);
	assert_true(check_text("Ann Lee sai",
	                       "  - {text: Ann, speaker: ann, cue: said}\n") > 0);
}

static void test_cues_inside_words_skipped(void **state)
{
	(void)state;
	/* "said" inside "unsaid" and "saids" is no cue; the one after is. */
	assert_int_equal(check_text("Unsaid saids \xe2\x80\x9cwords here\xe2\x80\x9d, "
	                            "Ann Lee said.",
	                            "  - {text: words here, speaker: ann, cue: said}\n"), 0);
	assert_true(check_text("Unsaid \xe2\x80\x9cwords here\xe2\x80\x9d.",
	                       "  - {text: words here, speaker: ann, cue: said}\n") > 0);
	/* The speaker's words, whole words only, and in UTF-8. */
	assert_int_equal(check_text("An aide's aide said \xe2\x80\x9c\xc3\xa9t\xc3\xa9 "
	                            "ZZZ\xe2\x80\x9d.",
	                            "  - {text: \"\xc3\xa9t\xc3\xa9 ZZZ\", "
	                            "speaker: {text: aide}, cue: said}\n"), 0);
}

/* A seeded generator: bodies of a few words with every quote's text
 * taken from them, so most are found, some more than once. */
static uint64_t rng = 88172645463325252u;

static size_t pick(size_t n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (size_t)(rng % n);
}

static void random_article(size_t n_quotes, char *body, size_t cap_body,
                           char *quotes, size_t cap_quotes)
{
	static const char *const words[] = {
		"said", "Ann", "Lee", "Bob", "bob", "the", "mayor", "told", "saids",
		"r\xc3\xa9sum\xc3\xa9", "\xe2\x80\x9c", "\xe2\x80\x9d", "a", "aa", "x", "Q7",
		"zz", "it", "said,", "unsaid", "an", "aide",
	};
	size_t nw = sizeof words / sizeof *words, b = 0, q = 0;
	size_t n = 20 + pick(200);
	for (size_t i = 0; i < n && b + 32 < cap_body; i++)
		b += (size_t)snprintf(body + b, cap_body - b, "%s%s", i ? " " : "",
		                      words[pick(nw)]);
	for (size_t k = 0; k < n_quotes && q + 600 < cap_quotes; k++) {
		size_t from = pick(b), len = 1 + pick(b - from < 40 ? b - from : 40);
		while (from > 0 && ((unsigned char)body[from] & 0xC0) == 0x80)
			from--;
		while (from + len < b && ((unsigned char)body[from + len] & 0xC0) == 0x80)
			len++;
		char text[200];
		size_t t = 0;
		for (size_t i = 0; i < len && t + 3 < sizeof text; i++) {
			if (body[from + i] == '"' || body[from + i] == '\\')
				text[t++] = '\\';
			text[t++] = body[from + i];
		}
		text[t] = '\0';
		const char *cue = pick(3) == 0 ? "told" : "said";
		q += (size_t)snprintf(quotes + q, cap_quotes - q,
		                      "  - {text: \"%s\", speaker: %s, cue: %s%s}\n", text,
		                      pick(2) ? "ann" : "{text: an aide}", cue,
		                      pick(4) == 0 ? ", occurrence: 1" : "");
	}
}

static void test_random_articles(void **state)
{
	(void)state;
	size_t valid = 0, invalid = 0;
	for (int i = 0; i < 300; i++) {
		char body[4096], quotes[12000];
		random_article(1 + pick(8), body, sizeof body, quotes, sizeof quotes);
		if (check_text(body, quotes) == 0)
			valid++;
		else
			invalid++;
	}
	/* Both kinds are tried. */
	assert_true(valid > 20);
	assert_true(invalid > 20);
}

static void test_many_needles_take_the_automaton(void **state)
{
	(void)state;
	/* Sixty distinct quotes: more needles than the direct search takes. */
	for (int i = 0; i < 20; i++) {
		char body[4096], quotes[12000];
		random_article(60, body, sizeof body, quotes, sizeof quotes);
		check_text(body, quotes);
	}
}

int main(void)
{
	setlocale(LC_ALL, "");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_fixture_and_article),
		cmocka_unit_test(test_unreadable_file_fails_both_ways),
		cmocka_unit_test(test_overlapping_places_all_counted),
		cmocka_unit_test(test_needles_at_both_ends),
		cmocka_unit_test(test_cues_inside_words_skipped),
		cmocka_unit_test(test_random_articles),
		cmocka_unit_test(test_many_needles_take_the_automaton),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
