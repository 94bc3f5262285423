/* Tests of the resolver: mentions by word boundaries and leftmost-longest
 * choice, duplicate spellings, explicit mentions, quotes and their marks,
 * occurrences, split quotes, speakers and cues, and the messages for each
 * problem.  Articles are built by hand, apart from the loader. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "diag.h"
#include "loader.h"
#include "resolve.h"

/* ---- building articles by hand ------------------------------------------ */

static char *dup(const char *s)
{
	char *d = strdup(s);
	assert_non_null(d);
	return d;
}

#define MAX_QUOTES 8

static article *art_new(const char *body)
{
	article *a = calloc(1, sizeof *a);
	assert_non_null(a);
	a->path = dup("t.yaml");
	a->title = dup("T");
	a->body = dup(body);
	a->body_len = strlen(body);
	/* Room for every quote a test makes, so quote pointers stay valid. */
	a->quotes = calloc(MAX_QUOTES, sizeof *a->quotes);
	assert_non_null(a->quotes);
	return a;
}

/* Entity k sits at file line 100 + 10k: its name on the next line, alias j
 * on line 102 + 10k + j. */
static size_t ent_add(article *a, const char *id, const char *name,
                      const char *const *aliases, bool ignore_case)
{
	a->entities = realloc(a->entities, (a->n_entities + 1) * sizeof *a->entities);
	assert_non_null(a->entities);
	size_t k = a->n_entities++;
	int line = 100 + 10 * (int)k;
	entity *e = &a->entities[k];
	*e = (entity){ .id = dup(id), .name = dup(name), .type = dup("PERSON"),
	               .ignore_case = ignore_case,
	               .pos = { .line = line, .col = 5 },
	               .id_pos = { .line = line, .col = 9 },
	               .name_pos = { .line = line + 1, .col = 11 } };
	size_t n = 0;
	while (aliases && aliases[n])
		n++;
	if (n > 0) {
		e->aliases = calloc(n, sizeof *e->aliases);
		e->alias_pos = calloc(n, sizeof *e->alias_pos);
		assert_non_null(e->aliases);
		assert_non_null(e->alias_pos);
		for (size_t j = 0; j < n; j++) {
			e->aliases[j] = dup(aliases[j]);
			e->alias_pos[j] = (src_pos){ .line = line + 2 + (int)j, .col = 9 };
		}
		e->n_aliases = n;
	}
	return k;
}

static void ent_given(article *a, size_t k, size_t start, size_t end)
{
	entity *e = &a->entities[k];
	e->given = realloc(e->given, (e->n_given + 1) * sizeof *e->given);
	assert_non_null(e->given);
	e->given[e->n_given++] = (span){ .start = start, .end = end };
}

/* Quote k sits at file line 500 + 10k: fragment j on the line 501 + 10k + j,
 * the speaker on 508 + 10k, the cue on 509 + 10k. */
static quote *quote_add(article *a, const char *speaker,
                        const char *const *frags, quote_kind kind)
{
	assert_true(a->n_quotes < MAX_QUOTES);
	size_t k = a->n_quotes++;
	int line = 500 + 10 * (int)k;
	quote *q = &a->quotes[k];
	*q = (quote){ .kind = kind, .speaker = -1,
	              .speaker_id = speaker ? dup(speaker) : NULL,
	              .pos = { .line = line, .col = 5 },
	              .speaker_pos = { .line = line + 8, .col = 14 },
	              .cue_pos = { .line = line + 9, .col = 10 } };
	size_t n = 0;
	while (frags[n])
		n++;
	q->fragments = calloc(n, sizeof *q->fragments);
	q->fragment_pos = calloc(n, sizeof *q->fragment_pos);
	assert_non_null(q->fragments);
	assert_non_null(q->fragment_pos);
	for (size_t j = 0; j < n; j++) {
		q->fragments[j] = dup(frags[j]);
		q->fragment_pos[j] = (src_pos){ .line = line + 1 + (int)j, .col = 12 };
	}
	q->n_fragments = n;
	return q;
}

static quote *quote1(article *a, const char *speaker, const char *text,
                     quote_kind kind)
{
	const char *frags[] = { text, NULL };
	return quote_add(a, speaker, frags, kind);
}

static void set_cue(quote *q, const char *cue)
{
	q->cue = calloc(1, sizeof *q->cue);
	assert_non_null(q->cue);
	q->cue[0] = dup(cue);
	q->n_cue = 1;
}

/* The one piece of a cue found. */
static span cue0(const quote *q)
{
	assert_int_equal(q->n_cue_spans, 1);
	return q->cue_spans[0];
}

/* ---- checking results --------------------------------------------------- */

static char *span_text(const article *a, span s)
{
	assert_true(s.start <= s.end && s.end <= a->body_len);
	char *t = malloc(s.end - s.start + 1);
	assert_non_null(t);
	memcpy(t, a->body + s.start, s.end - s.start);
	t[s.end - s.start] = '\0';
	return t;
}

static void expect_span(const article *a, span s, const char *text)
{
	char *t = span_text(a, s);
	assert_string_equal(t, text);
	free(t);
}

/* Checks mention k: its text and entity. */
static void expect_mention(const article *a, size_t k, const char *text,
                           size_t entity)
{
	assert_true(k < a->n_mentions);
	expect_span(a, a->mentions[k].at, text);
	assert_int_equal(a->mentions[k].entity, entity);
}

/* Resolves; expects no diagnostic. */
static void resolve_clean(article *a)
{
	diag_list d = { 0 };
	size_t n = resolve_article(a, &d);
	for (size_t k = 0; k < d.n; k++)
		print_error("unexpected: %d:%d: %s\n", d.items[k].line, d.items[k].col,
		            d.items[k].message);
	assert_int_equal(n, 0);
	assert_int_equal(d.n, 0);
	diag_list_free(&d);
}

/* Resolves; expects exactly one diagnostic, with this line and message. */
static void resolve_one_problem(article *a, int line, const char *message)
{
	diag_list d = { 0 };
	size_t n = resolve_article(a, &d);
	for (size_t k = 0; k < d.n; k++)
		print_message("diag: %d:%d: %s\n", d.items[k].line, d.items[k].col,
		              d.items[k].message);
	assert_int_equal(n, 1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, line);
	assert_string_equal(d.items[0].message, message);
	diag_list_free(&d);
}

/* ---- word boundaries ---------------------------------------------------- */

static void test_name_not_inside_a_longer_word(void **state)
{
	(void)state;
	article *a = art_new("Russian troops left Russia. Russians, Russia's and "
	                     "Russia\xE2\x80\x99s allies; (Russia) Russia");
	ent_add(a, "russia", "Russia", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 5);
	const size_t starts[] = { 20, 38, 51, 71, 79 };
	for (size_t k = 0; k < 5; k++) {
		expect_mention(a, k, "Russia", 0);
		assert_int_equal(a->mentions[k].at.start, starts[k]);
		assert_false(a->mentions[k].explicit_);
	}
	assert_int_equal(a->entities[0].n_mentions, 5);
	article_free(a);
}

static void test_name_at_start_and_end_of_body(void **state)
{
	(void)state;
	article *a = art_new("Kerry met Lavrov, then Kerry");
	ent_add(a, "kerry", "Kerry", NULL, false);
	ent_add(a, "lavrov", "Lavrov", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 3);
	expect_mention(a, 0, "Kerry", 0);
	assert_int_equal(a->mentions[0].at.start, 0);
	expect_mention(a, 1, "Lavrov", 1);
	expect_mention(a, 2, "Kerry", 0);
	assert_int_equal(a->mentions[2].at.end, a->body_len);
	article_free(a);
}

static void test_non_ascii_word_characters(void **state)
{
	(void)state;
	/* "Łódźki" is one word: Łódź is not found in it; "Łódź." is. */
	article *a = art_new("\xC5\x81\xC3\xB3" "d\xC5\xBA" "ki and \xC5\x81\xC3\xB3"
	                     "d\xC5\xBA" ". Also \xC3\xA9\xC5\x81\xC3\xB3" "d\xC5\xBA");
	ent_add(a, "lodz", "\xC5\x81\xC3\xB3" "d\xC5\xBA", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 1);
	expect_mention(a, 0, "\xC5\x81\xC3\xB3" "d\xC5\xBA", 0);
	assert_int_equal(a->mentions[0].at.start, 14);
	article_free(a);
}

static void test_cjk_name_inside_cjk_text(void **state)
{
	(void)state;
	/* 我住在東京都。 - ideographs stand alone, so 東京 is found. */
	article *a = art_new("\xE6\x88\x91\xE4\xBD\x8F\xE5\x9C\xA8\xE6\x9D\xB1\xE4\xBA\xAC"
	                     "\xE9\x83\xBD\xE3\x80\x82");
	ent_add(a, "tokyo", "\xE6\x9D\xB1\xE4\xBA\xAC", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 1);
	assert_int_equal(a->mentions[0].at.start, 9);
	assert_int_equal(a->mentions[0].at.end, 15);
	article_free(a);
}

static void test_pattern_edges_that_are_not_letters(void **state)
{
	(void)state;
	/* "U.S." ends with a dot: a letter may follow it; ".NET" begins with
	 * one: a letter may come before it. */
	article *a = art_new("the U.S.-led coalition and U.S.A on ASP.NET");
	const char *aliases[] = { "U.S.", NULL };
	ent_add(a, "us", "United States", aliases, false);
	ent_add(a, "net", ".NET", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 3);
	expect_mention(a, 0, "U.S.", 0);
	expect_mention(a, 1, "U.S.", 0);
	assert_int_equal(a->mentions[1].at.start, 27);
	expect_mention(a, 2, ".NET", 1);
	article_free(a);
}

/* ---- overlaps ----------------------------------------------------------- */

static void test_longest_wins_at_the_same_start(void **state)
{
	(void)state;
	/* "al-Nusra" overlaps both and loses to the leftmost, then to the
	 * longest at the same start. */
	article *a = art_new("Jabhat al-Nusra, once called al-Nusra Front, said");
	ent_add(a, "nusra", "al-Nusra", NULL, false);
	ent_add(a, "jabhat", "Jabhat al-Nusra", NULL, false);
	ent_add(a, "front", "al-Nusra Front", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 2);
	expect_mention(a, 0, "Jabhat al-Nusra", 1);
	expect_mention(a, 1, "al-Nusra Front", 2);
	assert_int_equal(a->mentions[1].at.start, 29);
	assert_int_equal(a->entities[0].n_mentions, 0);
	assert_int_equal(a->entities[1].n_mentions, 1);
	assert_int_equal(a->entities[1].mention_ids[0], 0);
	assert_int_equal(a->entities[2].mention_ids[0], 1);
	article_free(a);
}

static void test_leftmost_wins_over_longer_later(void **state)
{
	(void)state;
	article *a = art_new("The New York Times Company");
	ent_add(a, "ny", "New York", NULL, false);
	ent_add(a, "times", "York Times Company", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 1);
	expect_mention(a, 0, "New York", 0);
	assert_int_equal(a->entities[1].n_mentions, 0);
	assert_null(a->entities[1].mention_ids);
	article_free(a);
}

/* The leftmost-longest choice, done the slow way: every word-bounded
 * occurrence of every name, sorted, chosen greedily, then the ones that an
 * explicit mention overlaps dropped and the explicit ones merged in. */
typedef struct ref_mention {
	size_t start, end, entity;
	bool explicit_;
} ref_mention;

static int ref_cmp(const void *pa, const void *pb)
{
	const ref_mention *a = pa, *b = pb;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	if (a->end != b->end)
		return a->end > b->end ? -1 : 1;
	return 0;
}

static bool ref_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static size_t ref_mentions(const article *a, const span *given, size_t n_given,
                           ref_mention *out)
{
	ref_mention *all = calloc(a->body_len * a->n_entities + 1, sizeof *all);
	assert_non_null(all);
	size_t n = 0, m = 0, reach = 0;
	for (size_t e = 0; e < a->n_entities; e++) {
		const char *name = a->entities[e].name;
		size_t len = strlen(name);
		for (const char *p = a->body; (p = strstr(p, name)); p++) {
			size_t at = (size_t)(p - a->body);
			if ((at == 0 || !ref_letter(a->body[at - 1])) &&
			    !ref_letter(a->body[at + len]))
				all[n++] = (ref_mention){ .start = at, .end = at + len,
				                          .entity = e };
		}
	}
	qsort(all, n, sizeof *all, ref_cmp);
	for (size_t k = 0; k < n; k++) {
		if (k > 0 && all[k].start < reach)
			continue;
		reach = all[k].end;
		bool hidden = false;
		for (size_t g = 0; g < n_given; g++)
			hidden |= given[g].start < all[k].end && all[k].start < given[g].end;
		if (!hidden)
			out[m++] = all[k];
	}
	for (size_t g = 0; g < n_given; g++)
		out[m++] = (ref_mention){ .start = given[g].start, .end = given[g].end,
		                          .entity = 0, .explicit_ = true };
	qsort(out, m, sizeof *out, ref_cmp);
	free(all);
	return m;
}

/* Names nested in each other every way, in random text, with explicit
 * mentions among them: the choice is the slow way's, in body order. */
static void test_nested_names_as_the_slow_way_chooses(void **state)
{
	(void)state;
	static const char *const words[] = { "New", "York", "Times", "Company",
	                                     "the", "of" };
	static const char *const names[] = { "York", "New York", "Times",
	                                     "York Times", "New York Times Company",
	                                     "Times Company", "the New York Times",
	                                     "of the" };
	uint32_t seed = 12345;
	for (int round = 0; round < 200; round++) {
		char body[400] = "";
		size_t starts[40], n_words = 0;
		for (int w = 0; w < 30; w++) {
			seed = seed * 1103515245u + 12345u;
			starts[n_words++] = strlen(body);
			strcat(body, words[(seed >> 16) % 6]);
			strcat(body, (seed >> 8) % 5 ? " " : ", ");
		}
		article *a = art_new(body);
		size_t first = ent_add(a, "given", "zzz", NULL, false);
		for (size_t k = 0; k < sizeof names / sizeof names[0]; k++) {
			char id[8];
			snprintf(id, sizeof id, "n%zu", k);
			ent_add(a, id, names[k], NULL, false);
		}
		span given[2];
		size_t n_given = (size_t)round % 3 == 0 ? 0 : 2;
		for (size_t g = 0; g < n_given; g++) {
			size_t w = 3 + g * 14 + (size_t)round % 10;
			given[g] = (span){ .start = starts[w], .end = starts[w + 1] - 1 };
			ent_given(a, first, given[g].start, given[g].end);
		}
		resolve_clean(a);
		ref_mention want[400];
		size_t n = ref_mentions(a, given, n_given, want);
		assert_int_equal(a->n_mentions, n);
		for (size_t k = 0; k < n; k++) {
			assert_int_equal(a->mentions[k].at.start, want[k].start);
			assert_int_equal(a->mentions[k].at.end, want[k].end);
			assert_int_equal(a->mentions[k].explicit_, want[k].explicit_);
			if (!want[k].explicit_)
				assert_int_equal(a->mentions[k].entity, want[k].entity);
		}
		article_free(a);
	}
}

static void test_mention_ids_follow_body_order(void **state)
{
	(void)state;
	article *a = art_new("Obama, Kerry, Obama and the Secretary; Kerry.");
	const char *aliases[] = { "the Secretary", NULL };
	ent_add(a, "obama", "Obama", NULL, false);
	ent_add(a, "kerry", "Kerry", aliases, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 5);
	for (size_t k = 1; k < a->n_mentions; k++)
		assert_true(a->mentions[k - 1].at.start < a->mentions[k].at.start);
	const entity *kerry = &a->entities[1];
	assert_int_equal(kerry->n_mentions, 3);
	assert_int_equal(kerry->mention_ids[0], 1);
	assert_int_equal(kerry->mention_ids[1], 3);
	assert_int_equal(kerry->mention_ids[2], 4);
	expect_mention(a, 3, "the Secretary", 1);
	article_free(a);
}

/* ---- case --------------------------------------------------------------- */

static void test_case_sensitive_by_default(void **state)
{
	(void)state;
	article *a = art_new("Apple sells apples; APPLE");
	ent_add(a, "apple", "Apple", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 1);
	expect_mention(a, 0, "Apple", 0);
	article_free(a);
}

static void test_case_insensitive_entity(void **state)
{
	(void)state;
	article *a = art_new("ISIS, Isis and isis; not crisis");
	ent_add(a, "isis", "ISIS", NULL, true);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 3);
	expect_mention(a, 1, "Isis", 0);
	expect_mention(a, 2, "isis", 0);
	article_free(a);
}

/* ---- duplicate spellings ------------------------------------------------ */

static void test_same_spelling_in_two_entities(void **state)
{
	(void)state;
	article *a = art_new("Kerry said");
	const char *aliases[] = { "Secretary", "Kerry", NULL };
	ent_add(a, "kerry", "Kerry", NULL, false);
	ent_add(a, "john_kerry", "John Kerry", aliases, false);
	/* At the second declaration: alias 2 of entity 1, line 113. */
	resolve_one_problem(a, 113, "'Kerry' is declared by entity 'kerry' (line 101) "
	                            "and by entity 'john_kerry'");
	/* The first declaration still finds its mentions, once. */
	assert_int_equal(a->n_mentions, 1);
	expect_mention(a, 0, "Kerry", 0);
	article_free(a);
}

static void test_case_variants_clash_when_one_ignores_case(void **state)
{
	(void)state;
	article *a = art_new("kerry");
	ent_add(a, "kerry", "Kerry", NULL, false);
	ent_add(a, "other", "KERRY", NULL, true);
	resolve_one_problem(a, 111, "'KERRY' is declared by entity 'kerry' (line 101) "
	                            "and by entity 'other'");
	article_free(a);
}

static void test_case_insensitive_first_clashes_too(void **state)
{
	(void)state;
	article *a = art_new("kerry");
	ent_add(a, "kerry", "kerry", NULL, true);
	ent_add(a, "other", "Kerry", NULL, false);
	resolve_one_problem(a, 111, "'Kerry' is declared by entity 'kerry' (line 101) "
	                            "and by entity 'other'");
	assert_int_equal(a->n_mentions, 1);
	expect_mention(a, 0, "kerry", 0);
	article_free(a);
}

static void test_case_variants_of_sensitive_entities_coexist(void **state)
{
	(void)state;
	article *a = art_new("US and us");
	ent_add(a, "us", "US", NULL, false);
	ent_add(a, "we", "us", NULL, false);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 2);
	expect_mention(a, 0, "US", 0);
	expect_mention(a, 1, "us", 1);
	article_free(a);
}

static void test_same_spelling_twice_in_one_entity_is_harmless(void **state)
{
	(void)state;
	article *a = art_new("Kerry and kerry");
	const char *aliases[] = { "Kerry", "KERRY", NULL };
	ent_add(a, "kerry", "Kerry", aliases, true);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 2);
	assert_int_equal(a->entities[0].n_mentions, 2);
	article_free(a);
}

/* Case variants declared far apart, among many other names, are still
 * checked against each other in declaration order: each later clash is
 * one error at its own line, and a kept variant still finds its text. */
static void test_case_variants_far_apart_among_many(void **state)
{
	(void)state;
	article *a = art_new("Alpha and BETA and beta and Beta");
	char id[16], name[16];
	ent_add(a, "alpha", "Alpha", NULL, false);           /* name: line 101 */
	ent_add(a, "beta", "Beta", NULL, false);             /* name: line 111 */
	for (size_t k = 2; k < 300; k++) {
		snprintf(id, sizeof id, "e%zu", k);
		snprintf(name, sizeof name, "Name%zu", k);
		ent_add(a, id, name, NULL, false);
	}
	ent_add(a, "alpha2", "ALPHA", NULL, true);           /* name: line 3101 */
	ent_add(a, "beta2", "beta", NULL, false);            /* line 3111 */
	ent_add(a, "beta3", "Beta", NULL, false);            /* line 3121 */
	ent_add(a, "beta4", "BETA", NULL, true);             /* line 3131 */
	diag_list d = { 0 };
	assert_int_equal(resolve_article(a, &d), 3);
	assert_int_equal(d.n, 3);
	assert_int_equal(d.items[0].line, 3101);
	assert_string_equal(d.items[0].message, "'ALPHA' is declared by entity "
	                    "'alpha' (line 101) and by entity 'alpha2'");
	assert_int_equal(d.items[1].line, 3121);
	assert_string_equal(d.items[1].message, "'Beta' is declared by entity "
	                    "'beta' (line 111) and by entity 'beta3'");
	assert_int_equal(d.items[2].line, 3131);
	assert_string_equal(d.items[2].message, "'BETA' is declared by entity "
	                    "'beta' (line 111) and by entity 'beta4'");
	diag_list_free(&d);
	/* "beta" (sensitive) coexists with "Beta"; "BETA" is nobody's. */
	assert_int_equal(a->n_mentions, 3);
	expect_mention(a, 0, "Alpha", 0);
	expect_mention(a, 1, "beta", 301);
	expect_mention(a, 2, "Beta", 1);
	article_free(a);
}

/* ---- explicit mentions -------------------------------------------------- */

static void test_explicit_mention_wins_over_found(void **state)
{
	(void)state;
	/* "Kerry" is found at 9..14, inside the explicit "Kerry visit". */
	article *a = art_new("the John Kerry visit");
	ent_add(a, "kerry", "Kerry", NULL, false);
	size_t visit = ent_add(a, "visit", "trip", NULL, false);
	ent_add(a, "john", "the John", NULL, false);
	ent_given(a, visit, 9, 20);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 2);
	expect_mention(a, 0, "the John", 2);
	assert_false(a->mentions[0].explicit_);
	expect_mention(a, 1, "Kerry visit", 1);
	assert_true(a->mentions[1].explicit_);
	assert_int_equal(a->entities[0].n_mentions, 0);
	assert_int_equal(a->entities[1].n_mentions, 1);
	article_free(a);
}

/* A found spelling that starts where an explicit mention ends touches
 * it but does not overlap it: both are kept. */
static void test_found_right_after_explicit_is_kept(void **state)
{
	(void)state;
	article *a = art_new("Kerry, Kerry");
	size_t kerry = ent_add(a, "kerry", "Kerry", NULL, false);
	ent_given(a, kerry, 0, 7);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 2);
	expect_mention(a, 0, "Kerry, ", 0);
	assert_true(a->mentions[0].explicit_);
	expect_mention(a, 1, "Kerry", 0);
	assert_int_equal(a->mentions[1].at.start, 7);
	assert_false(a->mentions[1].explicit_);
	article_free(a);
}

static void test_explicit_mention_valid(void **state)
{
	(void)state;
	article *a = art_new("He met \xC5\x81ukasz and Kerry.");
	size_t k = ent_add(a, "kerry", "Kerry", NULL, false);
	size_t l = ent_add(a, "lukasz", "Lukasz", NULL, false);
	ent_given(a, l, 7, 14);       /* Łukasz, an explicit mention */
	ent_given(a, k, 19, 24);      /* the same as the found one */
	ent_given(a, k, 19, 24);      /* given twice, kept once */
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 2);
	expect_mention(a, 0, "\xC5\x81ukasz", 1);
	assert_true(a->mentions[0].explicit_);
	expect_mention(a, 1, "Kerry", 0);
	assert_true(a->mentions[1].explicit_);
	assert_int_equal(a->entities[0].n_mentions, 1);
	article_free(a);
}

static void test_explicit_mention_out_of_range(void **state)
{
	(void)state;
	article *a = art_new("short");
	size_t k = ent_add(a, "x", "X", NULL, false);
	ent_given(a, k, 2, 9);
	resolve_one_problem(a, 100, "mention [2, 9] of entity 'x' ends past the "
	                            "body, which has 5 bytes");
	assert_int_equal(a->n_mentions, 0);
	article_free(a);
}

static void test_explicit_mention_reversed(void **state)
{
	(void)state;
	article *a = art_new("short");
	size_t k = ent_add(a, "x", "X", NULL, false);
	ent_given(a, k, 3, 3);
	resolve_one_problem(a, 100, "mention [3, 3] of entity 'x' is empty or "
	                            "reversed: its start must be less than its end");
	article_free(a);
}

static void test_explicit_mention_mid_character(void **state)
{
	(void)state;
	article *a = art_new("\xC5\x81\xC3\xB3" "d\xC5\xBA");
	size_t k = ent_add(a, "x", "X", NULL, false);
	ent_given(a, k, 1, 5);
	a->entities[k].given_pos = calloc(1, sizeof (src_pos));
	a->entities[k].given_pos[0] = (src_pos){ .line = 104, .col = 7 };
	resolve_one_problem(a, 104, "mention [1, 5] of entity 'x' cuts a UTF-8 "
	                            "character at byte 1");
	article_free(a);
}

/* ---- quotes: placing them ----------------------------------------------- */

static void test_direct_quote_widened_to_curly_marks(void **state)
{
	(void)state;
	article *a = art_new("Kerry said: \xE2\x80\x9CWe will not stop.\xE2\x80\x9D Then "
	                     "he left.");
	ent_add(a, "kerry", "Kerry", NULL, false);
	quote *q = quote1(a, "kerry", "We will not stop.", QUOTE_DIRECT);
	resolve_clean(a);
	assert_non_null(q->spans);
	expect_span(a, q->spans[0], "\xE2\x80\x9CWe will not stop.\xE2\x80\x9D");
	assert_int_equal(q->speaker, 0);
	article_free(a);
}

static void test_quote_widened_through_punctuation(void **state)
{
	(void)state;
	article *a = art_new("\"Let it be,\" she said, and 'so be it!'");
	quote *q1 = quote1(a, NULL, "Let it be", QUOTE_DIRECT);
	quote *q2 = quote1(a, NULL, "so be it", QUOTE_PARTIAL);
	resolve_clean(a);
	expect_span(a, q1->spans[0], "\"Let it be,\"");
	expect_span(a, q2->spans[0], "'so be it!'");
	assert_int_equal(q1->speaker, -1);
	article_free(a);
}

static void test_guillemets_and_corner_brackets(void **state)
{
	(void)state;
	article *a = art_new("\xC2\xAB" "Non\xC2\xBB, dit-il. \xE3\x80\x8C"
	                     "\xE5\xA5\xBD\xE3\x80\x8D");
	quote *q1 = quote1(a, NULL, "Non", QUOTE_DIRECT);
	quote *q2 = quote1(a, NULL, "\xE5\xA5\xBD", QUOTE_MIXED);
	resolve_clean(a);
	expect_span(a, q1->spans[0], "\xC2\xAB" "Non\xC2\xBB");
	expect_span(a, q2->spans[0], "\xE3\x80\x8C\xE5\xA5\xBD\xE3\x80\x8D");
	article_free(a);
}

static void test_indirect_quote_not_widened(void **state)
{
	(void)state;
	article *a = art_new("He said \"the talks failed.\"");
	quote *q = quote1(a, NULL, "the talks failed", QUOTE_INDIRECT);
	resolve_clean(a);
	expect_span(a, q->spans[0], "the talks failed");
	article_free(a);
}

static void test_apostrophes_inside_words_are_not_marks(void **state)
{
	(void)state;
	article *a = art_new("It was Kerry's idea and Kerry\xE2\x80\x99s plan, rock'n'roll");
	quote *q1 = quote1(a, NULL, "It was Kerry", QUOTE_DIRECT);
	quote *q2 = quote1(a, NULL, "and Kerry", QUOTE_DIRECT);
	quote *q3 = quote1(a, NULL, "n'roll", QUOTE_DIRECT);
	resolve_clean(a);
	expect_span(a, q1->spans[0], "It was Kerry");
	expect_span(a, q2->spans[0], "and Kerry");
	expect_span(a, q3->spans[0], "n'roll");
	article_free(a);
}

static void test_occurrence_chooses_among_repeats(void **state)
{
	(void)state;
	article *a = art_new("\xE2\x80\x9CNo.\xE2\x80\x9D\n\nThen: \xE2\x80\x9CNo.\xE2\x80\x9D");
	quote *q1 = quote1(a, NULL, "No.", QUOTE_DIRECT);
	quote *q2 = quote1(a, NULL, "No.", QUOTE_DIRECT);
	q1->occurrence = 1;
	q2->occurrence = 2;
	resolve_clean(a);
	assert_int_equal(q1->spans[0].start, 0);
	assert_int_equal(q2->spans[0].start, 17);
	expect_span(a, q2->spans[0], "\xE2\x80\x9CNo.\xE2\x80\x9D");
	article_free(a);
}

static void test_occurrence_too_large(void **state)
{
	(void)state;
	article *a = art_new("No. And no. No.");
	quote *q = quote1(a, NULL, "No.", QUOTE_DIRECT);
	q->occurrence = 3;
	resolve_one_problem(a, 501, "occurrence: 3, but the quote text stands only "
	                            "2 times in the body");
	assert_null(q->spans);
	article_free(a);
}

static void test_occurrence_too_large_for_one(void **state)
{
	(void)state;
	article *a = art_new("No. And no.");
	quote *q = quote1(a, NULL, "No.", QUOTE_DIRECT);
	q->occurrence = 2;
	resolve_one_problem(a, 501, "occurrence: 2, but the quote text stands only "
	                            "once in the body");
	article_free(a);
}

static void test_split_quote(void **state)
{
	(void)state;
	article *a = art_new("\xE2\x80\x9CNot our words,\xE2\x80\x9D he said first.\n\n"
	                     "\xE2\x80\x9CLet the proof be in the pudding,\xE2\x80\x9D he "
	                     "said, \xE2\x80\x9Cnot our words.\xE2\x80\x9D");
	const char *frags[] = { "Let the proof be in the pudding,", "not our words.", NULL };
	quote *q = quote_add(a, NULL, frags, QUOTE_DIRECT);
	resolve_clean(a);
	expect_span(a, q->spans[0], "\xE2\x80\x9CLet the proof be in the pudding,"
	                            "\xE2\x80\x9D");
	expect_span(a, q->spans[1], "\xE2\x80\x9Cnot our words.\xE2\x80\x9D");
	assert_true(q->spans[1].start > q->spans[0].end);
	article_free(a);
}

/* A fragment may start right where the one before it ends. */
static void test_split_quote_fragments_touching(void **state)
{
	(void)state;
	article *a = art_new("We agreed, he said");
	const char *frags[] = { "We agreed", ", he said", NULL };
	quote *q = quote_add(a, NULL, frags, QUOTE_INDIRECT);
	resolve_clean(a);
	expect_span(a, q->spans[0], "We agreed");
	expect_span(a, q->spans[1], ", he said");
	article_free(a);
}

static void test_split_quote_second_fragment_not_after_first(void **state)
{
	(void)state;
	article *a = art_new("\xE2\x80\x9CNot our words,\xE2\x80\x9D he said.\n\n"
	                     "\xE2\x80\x9CLet the proof be in the pudding,\xE2\x80\x9D he "
	                     "said.");
	const char *frags[] = { "Let the proof be in the pudding,", "Not our words,", NULL };
	quote *q = quote_add(a, NULL, frags, QUOTE_DIRECT);
	resolve_one_problem(a, 502, "quote fragment 2 not found after fragment 1: "
	                            "it stands only before it, at body line 1, "
	                            "column 2; fragments go in body order");
	assert_null(q->spans);
	article_free(a);
}

static void test_split_quote_second_fragment_misquoted(void **state)
{
	(void)state;
	article *a = art_new("\xE2\x80\x9CLet the proof be in the pudding,\xE2\x80\x9D "
	                     "he said, \xE2\x80\x9Cnot your words.\xE2\x80\x9D");
	const char *frags[] = { "Let the proof be in the pudding,", "not our words.", NULL };
	quote_add(a, NULL, frags, QUOTE_DIRECT);
	resolve_one_problem(a, 502, "quote fragment 2 not found after fragment 1: "
	                            "the longest match, \"not\", starts at body line 1, "
	                            "column 46, then the body has \"your\" where the "
	                            "quote has \"our\"");
	article_free(a);
}

/* ---- quotes: messages --------------------------------------------------- */

static void test_missing_quote_shows_longest_match(void **state)
{
	(void)state;
	article *a = art_new("First line.\nSecond: \xE2\x80\x9CLet the proof be in the "
	                     "pudding,\xE2\x80\x9D he said.");
	a->body_line = 20;
	quote1(a, NULL, "Let the proof be in the puding", QUOTE_DIRECT);
	resolve_one_problem(a, 501, "quote text not found in the body: the longest "
	                            "match, \"Let the proof be in the\", starts at body "
	                            "line 2, column 10 (file line 21), then the body "
	                            "has \"pudding\" where the quote has \"puding\"");
	article_free(a);
}

static void test_missing_quote_differing_punctuation(void **state)
{
	(void)state;
	article *a = art_new("\xC5\x81\xC3\xB3" "d\xC5\xBA is far, he said.");
	quote1(a, NULL, "is far.", QUOTE_DIRECT);
	resolve_one_problem(a, 501, "quote text not found in the body: the longest "
	                            "match, \"is far\", starts at body line 1, column 6, "
	                            "then the body has \",\" where the quote has "
	                            "\".\"");
	article_free(a);
}

/* The longest match stops inside a character the quote and the body
 * begin alike (arrows E2 86 92 and E2 86 90): it is cut back to whole
 * characters, so the message shows "a" and the two arrows whole. */
static void test_missing_quote_parts_inside_a_character(void **state)
{
	(void)state;
	article *a = art_new("a\xE2\x86\x90" "c");
	quote1(a, NULL, "a\xE2\x86\x92" "b", QUOTE_DIRECT);
	resolve_one_problem(a, 501, "quote text not found in the body: the longest "
	                            "match, \"a\", starts at body line 1, column 1, "
	                            "then the body has \"\xE2\x86\x90\" where the "
	                            "quote has \"\xE2\x86\x92\"");
	article_free(a);
}

static void test_missing_quote_at_end_of_body(void **state)
{
	(void)state;
	article *a = art_new("we will win");
	quote1(a, NULL, "we will win again", QUOTE_DIRECT);
	resolve_one_problem(a, 501, "quote text not found in the body: the longest "
	                            "match, \"we will win\", starts at body line 1, "
	                            "column 1, then the body ends where the quote has "
	                            "\"\xC2\xB7" "again\"");
	article_free(a);
}

static void test_missing_quote_no_character_in_body(void **state)
{
	(void)state;
	article *a = art_new("abc");
	quote1(a, NULL, "xyz", QUOTE_DIRECT);
	resolve_one_problem(a, 501, "quote text not found in the body: not even its "
	                            "first character, \"x\", stands there");
	article_free(a);
}

static void test_ambiguous_quote_lists_lines(void **state)
{
	(void)state;
	article *a = art_new("Yes.\nNo.\nYes.\n\nYes, and yes.");
	quote *q = quote1(a, NULL, "Yes", QUOTE_DIRECT);
	resolve_one_problem(a, 501, "quote text stands 3 times in the body (body "
	                            "lines 1, 3 and 5); add \"occurrence: N\" to say "
	                            "which");
	assert_null(q->spans);
	article_free(a);
}

static void test_ambiguous_quote_on_one_line(void **state)
{
	(void)state;
	article *a = art_new("ok, ok");
	quote1(a, NULL, "ok", QUOTE_DIRECT);
	resolve_one_problem(a, 501, "quote text stands 2 times in the body (body "
	                            "line 1); add \"occurrence: N\" to say which");
	article_free(a);
}

/* ---- speakers ----------------------------------------------------------- */

static void test_unknown_speaker_with_suggestion(void **state)
{
	(void)state;
	article *a = art_new("Kerry said \"no\".");
	ent_add(a, "kerry", "Kerry", NULL, false);
	quote *q = quote1(a, "kery", "no", QUOTE_DIRECT);
	resolve_one_problem(a, 508, "unknown speaker 'kery'; did you mean 'kerry'?");
	assert_int_equal(q->speaker, -1);
	/* The quote itself is still placed. */
	expect_span(a, q->spans[0], "\"no\"");
	article_free(a);
}

static void test_unknown_speaker_without_suggestion(void **state)
{
	(void)state;
	article *a = art_new("\"no\"");
	ent_add(a, "kerry", "Kerry", NULL, false);
	quote1(a, "zzzzzzzzzz", "no", QUOTE_DIRECT);
	resolve_one_problem(a, 508, "unknown speaker 'zzzzzzzzzz': no entity has "
	                            "this id");
	article_free(a);
}

static void test_speakers_named_and_unnamed(void **state)
{
	(void)state;
	/* Speaker words are found near their quote, as cues are. */
	article *a = art_new("\"1\" \"2\", a senior official said; \"3\", the "
	                     "secretary said.");
	ent_add(a, "kerry", "Kerry", NULL, false);
	ent_add(a, "lavrov", "Lavrov", NULL, false);
	quote *q1 = quote1(a, "lavrov", "1", QUOTE_DIRECT);
	quote *q2 = quote1(a, NULL, "2", QUOTE_DIRECT);
	q2->speaker_text = dup("a senior official");
	quote *q3 = quote1(a, "kerry", "3", QUOTE_DIRECT);
	q3->speaker_text = dup("the secretary");
	resolve_clean(a);
	assert_int_equal(q1->speaker, 1);
	assert_int_equal(q2->speaker, -1);
	assert_int_equal(q3->speaker, 0);
	assert_int_equal(q2->n_source_spans, 1);
	expect_span(a, q2->source_spans[0], "a senior official");
	assert_int_equal(q3->n_source_spans, 1);
	expect_span(a, q3->source_spans[0], "the secretary");
	assert_int_equal(q1->n_source_spans, 0);   /* no mention of Lavrov */
	article_free(a);
}

/* ---- cues --------------------------------------------------------------- */

/* A cue may start right where the quote, widened to its marks, ends. */
static void test_cue_right_after_the_quote(void **state)
{
	(void)state;
	article *a = art_new("\"Yes\"said Kerry.");
	quote *q = quote1(a, NULL, "Yes", QUOTE_DIRECT);
	set_cue(q, "said");
	resolve_clean(a);
	expect_span(a, q->spans[0], "\"Yes\"");
	assert_int_equal(cue0(q).start, 5);
	expect_span(a, cue0(q), "said");
	article_free(a);
}

static void test_cue_nearest_the_quote(void **state)
{
	(void)state;
	/* "said" inside the quote does not count; the one after it is nearer
	 * than the one in the paragraph before. */
	article *a = art_new("Lavrov said nothing.\n\n\xE2\x80\x9CI said no,\xE2\x80\x9D "
	                     "Kerry said.\n\nLater he said more.");
	quote *q = quote1(a, NULL, "I said no,", QUOTE_DIRECT);
	set_cue(q, "said");
	resolve_clean(a);
	assert_int_equal(cue0(q).start, 45);
	expect_span(a, cue0(q), "said");
	article_free(a);
}

/* A cue in the quote's own paragraph wins over a nearer one (in bytes)
 * at the start of the next paragraph, and over one in the paragraph
 * before. */
static void test_cue_in_own_paragraph_before_nearer_next(void **state)
{
	(void)state;
	article *a = art_new("It was late. He said it.\n\n"
	                     "Kerry said, after a long pause in Moscow, "
	                     "\xE2\x80\x9CNo.\xE2\x80\x9D\n\nsaid nobody else.");
	quote *q = quote1(a, NULL, "No.", QUOTE_DIRECT);
	set_cue(q, "said");
	resolve_clean(a);
	expect_span(a, cue0(q), "said");
	assert_int_equal(cue0(q).start, 32);   /* "Kerry said" */
	article_free(a);
}

/* With no cue in its own paragraph, the nearer of the neighbours'. */
static void test_cue_in_neighbour_when_none_in_own(void **state)
{
	(void)state;
	article *a = art_new("Far back he said so, and then a great deal more.\n\n"
	                     "\xE2\x80\x9CNo.\xE2\x80\x9D\n\nsaid nobody else.");
	quote *q = quote1(a, NULL, "No.", QUOTE_DIRECT);
	set_cue(q, "said");
	resolve_clean(a);
	expect_span(a, cue0(q), "said");
	assert_int_equal(cue0(q).start, 61);   /* the next paragraph's */
	article_free(a);
}

static void test_cue_inside_a_later_fragment_does_not_count(void **state)
{
	(void)state;
	article *a = art_new("\xE2\x80\x9CWe,\xE2\x80\x9D he began, \xE2\x80\x9C"
	                     "said nothing.\xE2\x80\x9D Kerry said so.");
	const char *frags[] = { "We,", "said nothing.", NULL };
	quote *q = quote_add(a, NULL, frags, QUOTE_DIRECT);
	set_cue(q, "said");
	resolve_clean(a);
	expect_span(a, cue0(q), "said");
	assert_true(cue0(q).start > q->spans[1].end);
	article_free(a);
}

static void test_cue_before_the_quote(void **state)
{
	(void)state;
	article *a = art_new("According to Kerry, \xE2\x80\x9Cit is done.\xE2\x80\x9D\n\n"
	                     "unsaid things, according to nobody.");
	quote *q = quote1(a, NULL, "it is done.", QUOTE_DIRECT);
	set_cue(q, "According to");
	resolve_clean(a);
	assert_int_equal(cue0(q).start, 0);
	assert_int_equal(cue0(q).end, 12);
	article_free(a);
}

static void test_cue_word_bounded(void **state)
{
	(void)state;
	article *a = art_new("\xE2\x80\x9CNo,\xE2\x80\x9D unsaid, but he said.");
	quote *q = quote1(a, NULL, "No,", QUOTE_DIRECT);
	set_cue(q, "said");
	resolve_clean(a);
	expect_span(a, cue0(q), "said");
	assert_int_equal(cue0(q).start, 25);
	article_free(a);
}

static void test_cue_not_found_in_neighbouring_paragraphs(void **state)
{
	(void)state;
	article *a = art_new("He said it.\n\nOne.\n\nTwo.\n\n\xE2\x80\x9CYes.\xE2\x80\x9D\n\n"
	                     "Three.");
	quote *q = quote1(a, NULL, "Yes.", QUOTE_DIRECT);
	set_cue(q, "said");
	resolve_one_problem(a, 509, "cue 'said' not found near the quote (in its "
	                            "paragraph or the one before or after it)");
	assert_int_equal(q->n_cue_spans, 0);
	article_free(a);
}

static void test_cue_in_next_paragraph(void **state)
{
	(void)state;
	article *a = art_new("\xE2\x80\x9CYes.\xE2\x80\x9D\n\nThat is what he wrote.");
	quote *q = quote1(a, NULL, "Yes.", QUOTE_DIRECT);
	set_cue(q, "wrote");
	resolve_clean(a);
	expect_span(a, cue0(q), "wrote");
	article_free(a);
}

/* ---- the whole ---------------------------------------------------------- */

static void test_many_entities_one_pass(void **state)
{
	(void)state;
	enum { N = 2000 };
	size_t cap = 32 * N, len = 0;
	char *body = malloc(cap);
	assert_non_null(body);
	for (size_t k = 0; k < N; k++)
		len += (size_t)snprintf(body + len, cap - len, "P%zu met Q%zu. ", k, N - 1 - k);
	article *a = art_new(body);
	free(body);
	char id[16], name[16];
	for (size_t k = 0; k < N; k++) {
		snprintf(id, sizeof id, "p%zu", k);
		snprintf(name, sizeof name, "P%zu", k);
		ent_add(a, id, name, NULL, false);
	}
	resolve_clean(a);
	/* "P1" is not found inside "P10": one mention each. */
	assert_int_equal(a->n_mentions, N);
	for (size_t k = 0; k < N; k++) {
		assert_int_equal(a->entities[k].n_mentions, 1);
		assert_int_equal(a->mentions[k].entity, k);
	}
	article_free(a);
}

static void test_resolving_twice_gives_the_same(void **state)
{
	(void)state;
	article *a = art_new("Kerry said \"no\".");
	ent_add(a, "kerry", "Kerry", NULL, false);
	quote *q = quote1(a, "kerry", "no", QUOTE_DIRECT);
	set_cue(q, "said");
	resolve_clean(a);
	resolve_clean(a);
	assert_int_equal(a->n_mentions, 1);
	assert_int_equal(a->entities[0].n_mentions, 1);
	expect_span(a, q->spans[0], "\"no\"");
	expect_span(a, cue0(q), "said");
	article_free(a);
}

/* A body longer than RESOLVE_MAX_BODY_BYTES is refused before it is
 * read: one problem, at the body's line, and nothing found.  The length
 * is a fake one over a short buffer (a 4 GiB body is not built), which
 * also shows that nothing reads the body first: a scan would run far
 * past the buffer. */
static void test_body_too_long_is_refused(void **state)
{
	(void)state;
#if SIZE_MAX > UINT32_MAX
	article *a = art_new("Kerry said so.");
	ent_add(a, "kerry", "Kerry", NULL, false);
	quote1(a, "kerry", "said", QUOTE_INDIRECT);
	a->body_line = 12;
	size_t real_len = a->body_len;
	a->body_len = (size_t)RESOLVE_MAX_BODY_BYTES + 1;
	diag_list d = { 0 };
	assert_int_equal(resolve_article(a, &d), 1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 12);
	assert_string_equal(d.items[0].message,
	                    "the body has 4294967296 bytes: quoth resolves a body "
	                    "of at most 4294967295 bytes");
	assert_int_equal(a->n_mentions, 0);
	assert_null(a->quotes[0].spans);
	/* With its real length the same article resolves. */
	a->body_len = real_len;
	diag_list_free(&d);
	assert_int_equal(resolve_article(a, &d), 0);
	assert_int_equal(a->n_mentions, 1);
	diag_list_free(&d);
	article_free(a);
#else
	skip();   /* a size_t cannot say a body is too long */
#endif
}

static void test_problems_are_all_reported(void **state)
{
	(void)state;
	article *a = art_new("Kerry said \"no\".");
	ent_add(a, "kerry", "Kerry", NULL, false);
	ent_add(a, "kerry2", "Kerry", NULL, false);
	quote1(a, "kery", "yes", QUOTE_DIRECT);
	quote *q = quote1(a, "kerry", "no", QUOTE_DIRECT);
	set_cue(q, "wrote");
	diag_list d = { 0 };
	assert_int_equal(resolve_article(a, &d), 4);
	assert_int_equal(d.n, 4);
	assert_string_equal(d.items[0].file, "t.yaml");
	diag_list_free(&d);
	article_free(a);
}

/* The loader hands the resolver valid UTF-8 only, but a file rewritten
 * while the split load reads it can give the resolver anything before the
 * load is thrown away: every span stays inside the body, and the messages
 * are made, whatever the bytes (the sanitizer build checks the reads). */
static void test_any_bytes_resolve_in_bounds(void **state)
{
	(void)state;
	static const char bytes[] =
		"\x80Kerry said \xE2\x80\x9C\xFFno\xE2\x80\x9D. Kerry\0said \xC3"
		"\"yes\xC3\xC3\" \xE2\x80 Lavrov \xF0\x9F";
	article *a = art_new("");
	free(a->body);
	a->body_len = sizeof bytes - 1;
	a->body = malloc(a->body_len);
	assert_non_null(a->body);
	memcpy(a->body, bytes, a->body_len);
	const char *aliases[] = { "Kerry", NULL };
	ent_add(a, "kerry", "John Kerry", aliases, true);
	ent_add(a, "lavrov", "Lavrov \xF0", NULL, false);
	set_cue(quote1(a, "kerry", "\xFFno", QUOTE_DIRECT), "said");
	quote1(a, "kerry", "yes\xC3\xC3", QUOTE_DIRECT);
	quote1(a, "lavrov", "absent \xC3", QUOTE_DIRECT);
	diag_list d = { 0 };
	assert_true(resolve_article(a, &d) > 0);
	assert_true(d.n > 0);
	for (size_t k = 0; k < a->n_mentions; k++) {
		span m = a->mentions[k].at;
		assert_true(m.start < m.end && m.end <= a->body_len);
	}
	assert_true(a->n_mentions >= 2);
	for (size_t k = 0; k < a->n_quotes; k++) {
		const quote *q = &a->quotes[k];
		for (size_t j = 0; q->spans && j < q->n_fragments; j++)
			assert_true(q->spans[j].start <= q->spans[j].end &&
			            q->spans[j].end <= a->body_len);
	}
	diag_list_free(&d);
	article_free(a);
}

/* ---- through the loader ------------------------------------------------- */

static const char tour_yaml[] =
	"title: T\n"                                                    /*  1 */
	"body: |\n"                                                     /*  2 */
	"  Kerry met Lavrov in Moscow. \xE2\x80\x9CWe agreed,\xE2\x80\x9D Kerry said.\n"
	"\n"                                                            /*  4 */
	"  Lavrov\xE2\x80\x99s aides said little.\n"                       /*  5 */
	"entities:\n"                                                   /*  6 */
	"  - id: kerry\n"                                               /*  7 */
	"    name: John Kerry\n"
	"    type: PERSON\n"
	"    aliases: [Kerry]\n"                                        /* 10 */
	"  - id: lavrov\n"
	"    name: Sergey Lavrov\n"
	"    type: PERSON\n"
	"    aliases: [Lavrov]\n"
	"quotes:\n"                                                     /* 15 */
	"  - text: %s\n"
	"    speaker: %s\n"
	"    cue: said\n";

static int load_tour(const char *text, const char *speaker, article **a,
                     diag_list *d)
{
	char src[1024];
	int n = snprintf(src, sizeof src, tour_yaml, text, speaker);
	assert_true(n > 0 && (size_t)n < sizeof src);
	return load_article_mem("tour.yaml", src, (size_t)n, a, d);
}

static void test_loaded_article_is_resolved(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_tour("We agreed,", "kerry", &a, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(a->n_mentions, 4);
	expect_mention(a, 0, "Kerry", 0);
	expect_mention(a, 1, "Lavrov", 1);
	expect_mention(a, 2, "Kerry", 0);
	expect_mention(a, 3, "Lavrov", 1);
	const quote *q = &a->quotes[0];
	assert_int_equal(q->speaker, 0);
	expect_span(a, q->spans[0], "\xE2\x80\x9CWe agreed,\xE2\x80\x9D");
	expect_span(a, cue0(q), "said");
	assert_true(cue0(q).start > q->spans[0].end);
	assert_true(cue0(q).start < 80);
	article_free(a);
	diag_list_free(&d);
}

static void test_loaded_misquote_names_the_file_line(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_tour("We agred,", "kerry", &a, &d), -1);
	assert_null(a);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 16);
	/* Under the first character that differs: "We agre|d". */
	assert_int_equal(d.items[0].col, 18);
	assert_string_equal(d.items[0].message,
	                    "quote text not found in the body: the longest match, "
	                    "\"We\", starts at body line 1, column 30 (file line 3), "
	                    "then the body has \"agreed\" where the quote has "
	                    "\"agred\"");
	diag_list_free(&d);
}

static void test_loaded_unknown_speaker_at_its_value(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(load_tour("We agreed,", "kery", &a, &d), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 17);
	assert_int_equal(d.items[0].col, 14);
	assert_string_equal(d.items[0].message,
	                    "unknown speaker 'kery'; did you mean 'kerry'?");
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_not_inside_a_longer_word),
		cmocka_unit_test(test_name_at_start_and_end_of_body),
		cmocka_unit_test(test_non_ascii_word_characters),
		cmocka_unit_test(test_cjk_name_inside_cjk_text),
		cmocka_unit_test(test_pattern_edges_that_are_not_letters),
		cmocka_unit_test(test_longest_wins_at_the_same_start),
		cmocka_unit_test(test_leftmost_wins_over_longer_later),
		cmocka_unit_test(test_nested_names_as_the_slow_way_chooses),
		cmocka_unit_test(test_mention_ids_follow_body_order),
		cmocka_unit_test(test_case_sensitive_by_default),
		cmocka_unit_test(test_case_insensitive_entity),
		cmocka_unit_test(test_same_spelling_in_two_entities),
		cmocka_unit_test(test_case_variants_clash_when_one_ignores_case),
		cmocka_unit_test(test_case_insensitive_first_clashes_too),
		cmocka_unit_test(test_case_variants_of_sensitive_entities_coexist),
		cmocka_unit_test(test_same_spelling_twice_in_one_entity_is_harmless),
		cmocka_unit_test(test_case_variants_far_apart_among_many),
		cmocka_unit_test(test_explicit_mention_wins_over_found),
		cmocka_unit_test(test_found_right_after_explicit_is_kept),
		cmocka_unit_test(test_explicit_mention_valid),
		cmocka_unit_test(test_explicit_mention_out_of_range),
		cmocka_unit_test(test_explicit_mention_reversed),
		cmocka_unit_test(test_explicit_mention_mid_character),
		cmocka_unit_test(test_direct_quote_widened_to_curly_marks),
		cmocka_unit_test(test_quote_widened_through_punctuation),
		cmocka_unit_test(test_guillemets_and_corner_brackets),
		cmocka_unit_test(test_indirect_quote_not_widened),
		cmocka_unit_test(test_apostrophes_inside_words_are_not_marks),
		cmocka_unit_test(test_occurrence_chooses_among_repeats),
		cmocka_unit_test(test_occurrence_too_large),
		cmocka_unit_test(test_occurrence_too_large_for_one),
		cmocka_unit_test(test_split_quote),
		cmocka_unit_test(test_split_quote_fragments_touching),
		cmocka_unit_test(test_split_quote_second_fragment_not_after_first),
		cmocka_unit_test(test_split_quote_second_fragment_misquoted),
		cmocka_unit_test(test_missing_quote_shows_longest_match),
		cmocka_unit_test(test_missing_quote_differing_punctuation),
		cmocka_unit_test(test_missing_quote_parts_inside_a_character),
		cmocka_unit_test(test_missing_quote_at_end_of_body),
		cmocka_unit_test(test_missing_quote_no_character_in_body),
		cmocka_unit_test(test_ambiguous_quote_lists_lines),
		cmocka_unit_test(test_ambiguous_quote_on_one_line),
		cmocka_unit_test(test_unknown_speaker_with_suggestion),
		cmocka_unit_test(test_unknown_speaker_without_suggestion),
		cmocka_unit_test(test_speakers_named_and_unnamed),
		cmocka_unit_test(test_cue_nearest_the_quote),
		cmocka_unit_test(test_cue_right_after_the_quote),
		cmocka_unit_test(test_cue_in_own_paragraph_before_nearer_next),
		cmocka_unit_test(test_cue_in_neighbour_when_none_in_own),
		cmocka_unit_test(test_cue_inside_a_later_fragment_does_not_count),
		cmocka_unit_test(test_cue_before_the_quote),
		cmocka_unit_test(test_cue_word_bounded),
		cmocka_unit_test(test_cue_not_found_in_neighbouring_paragraphs),
		cmocka_unit_test(test_cue_in_next_paragraph),
		cmocka_unit_test(test_many_entities_one_pass),
		cmocka_unit_test(test_resolving_twice_gives_the_same),
		cmocka_unit_test(test_problems_are_all_reported),
		cmocka_unit_test(test_body_too_long_is_refused),
		cmocka_unit_test(test_any_bytes_resolve_in_bounds),
		cmocka_unit_test(test_loaded_article_is_resolved),
		cmocka_unit_test(test_loaded_misquote_names_the_file_line),
		cmocka_unit_test(test_loaded_unknown_speaker_at_its_value),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
