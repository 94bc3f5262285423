/* Tests of `quoth diff`'s parts: the file name key, the pairing of
 * articles by id and name, the first difference of two bodies and its
 * safe excerpt, a resolved article as a compare_set, and the whole
 * command over tests/fixtures/diff (figures worked out by hand in its
 * README.md). */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <locale.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cjson/cJSON.h>

#include "article_load.h"
#include "compare_article.h"
#include "diff.h"
#include "mem_out.h"

/* ---- name keys ------------------------------------------------------- */

static void key_is(const char *name, bool strip, const char *want)
{
	char *key = diff_name_key(name, strip);
	assert_non_null(key);
	assert_string_equal(key, want);
	free(key);
}

static void test_name_key(void **state)
{
	(void)state;
	key_is("a/X_4b22.yaml", true, "a/X");
	key_is("a/X_4b22.yaml", false, "a/X_4b22");
	key_is("X_4e07.yml", true, "X");
	key_is("kerry_moscow.yaml", true, "kerry");
	key_is("a.b_c1.yaml", true, "a.b");
	/* Nothing is stripped unless a letter or digit follows the '_' and
	 * something of the name stands before it. */
	key_is("X_.yaml", true, "X_");
	key_is("_4b22.yaml", true, "_4b22");
	key_is("a/_4b22.yaml", true, "a/_4b22");
	key_is("x_a-b.yaml", true, "x_a-b");
	key_is("x_a_b.yaml", true, "x_a");
	key_is("notes.txt", true, "notes.txt");
}

/* ---- pairing ----------------------------------------------------------- */

#define NONE DIFF_NONE
#define MAX_SIDES 3

/* What the pairer said, as a test writes it down: "c0,2" a group
 * complete with A's 0 and B's 2; "d0:1" a duplicate, side 0 article 1;
 * "l2,-" a group left. */
typedef struct events {
	char text[512];
} events;

static void note_members(events *ev, char tag, const size_t *m, size_t n)
{
	size_t len = strlen(ev->text);
	len += (size_t)snprintf(ev->text + len, sizeof ev->text - len, "%s%c",
	                        len ? " " : "", tag);
	for (size_t s = 0; s < n; s++) {
		if (m[s] == NONE)
			len += (size_t)snprintf(ev->text + len, sizeof ev->text - len, "%s-", s ? "," : "");
		else
			len += (size_t)snprintf(ev->text + len, sizeof ev->text - len, "%s%zu",
			                        s ? "," : "", m[s]);
	}
}

/* Adds every article in turns, one of each side (as diff.c loads them),
 * ids[s][i] its id, then takes the groups left. */
static void pair(const diff_side *sides, const char *const *const *ids,
                 size_t n, events *ev)
{
	memset(ev, 0, sizeof *ev);
	diff_pairer *p = diff_pairer_new(sides, n);
	assert_non_null(p);
	size_t most = 0, member[MAX_SIDES];
	for (size_t s = 0; s < n; s++)
		most = sides[s].n > most ? sides[s].n : most;
	for (size_t i = 0; i < most; i++)
		for (size_t s = 0; s < n; s++) {
			if (i >= sides[s].n)
				continue;
			int st = diff_pairer_add(p, s, i, ids ? ids[s][i] : NULL, member);
			assert_true(st >= 0);
			if (st == DIFF_PAIR_COMPLETE) {
				note_members(ev, 'c', member, n);
			} else if (st == DIFF_PAIR_DUPLICATE) {
				size_t len = strlen(ev->text);
				snprintf(ev->text + len, sizeof ev->text - len, "%sd%zu:%zu",
				         len ? " " : "", s, i);
			}
		}
	while (diff_pairer_next_left(p, member))
		note_members(ev, 'l', member, n);
	diff_pairer_free(p);
}

static void test_pair_by_id_and_name(void **state)
{
	(void)state;
	const char *const a[] = { "moscow_4b22.yaml", "sub/zoe_4b22.yaml",
	                          "only_4b22.yaml", "plain.yaml" };
	const char *const b[] = { "extra.yaml", "zoe-renamed.yaml",
	                          "moscow_4e07.yaml", "plain_x.yaml" };
	const char *const ida[] = { NULL, "zoe-7", NULL, "" };
	const char *const idb[] = { NULL, "zoe-7", NULL, NULL };
	const diff_side sides[] = { { a, 4 }, { b, 4 } };
	const char *const *const ids[] = { ida, idb };
	events ev;
	pair(sides, ids, 2, &ev);
	/* Each group when its last article comes (added A0 B0 A1 B1...); an
	 * empty id is no id; the groups left in the order their first article
	 * was added: B's extra.yaml (B0) before A's only_4b22.yaml (A2). */
	assert_string_equal(ev.text, "c1,1 c0,2 c3,3 l-,0 l2,-");
}

/* kerry_moscow and kerry_paris both strip to "kerry": on a side that has
 * both, they pair by their whole names (B's kerry_x too, a third to share
 * the stem).  Added A0 B0 A1 B1 B2: A1 completes kerry_paris first. */
static void test_pair_shared_stem(void **state)
{
	(void)state;
	const char *const a[] = { "kerry_moscow.yaml", "kerry_paris.yaml" };
	const char *const b[] = { "kerry_paris.yaml", "kerry_moscow.yaml", "kerry_x.yaml" };
	const diff_side sides[] = { { a, 2 }, { b, 3 } };
	events ev;
	pair(sides, NULL, 2, &ev);
	assert_string_equal(ev.text, "c1,0 c0,1 l-,2");
}

/* One id twice on a side: the first pairs, the second is a duplicate,
 * whether its group is complete already or not; an article with an id
 * never pairs by name with one without. */
static void test_pair_duplicates(void **state)
{
	(void)state;
	const char *const a[] = { "x.yaml", "y.yaml", "n_1.yaml", "w.yaml" };
	const char *const b[] = { "z.yaml", "n_2.yaml", "v.yaml" };
	const char *const ida[] = { "id1", "id1", "k", "id2" };
	const char *const idb[] = { "id1", NULL, "id3" };
	const diff_side sides[] = { { a, 4 }, { b, 3 } };
	const char *const *const ids[] = { ida, idb };
	events ev;
	pair(sides, ids, 2, &ev);
	assert_string_equal(ev.text, "c0,0 d0:1 l-,1 l2,- l-,2 l3,-");
	/* The second comes while the first still waits. */
	const char *const ida2[] = { "id1", "id1" };
	const char *const idb2[] = { "other", "id1" };
	const diff_side sides2[] = { { a, 2 }, { b, 2 } };
	const char *const *const ids2[] = { ida2, idb2 };
	pair(sides2, ids2, 2, &ev);
	assert_string_equal(ev.text, "d0:1 c0,1 l-,0");
}

static void test_pair_three_sides(void **state)
{
	(void)state;
	const char *const a[] = { "t_1.yaml", "u_1.yaml" };
	const char *const b[] = { "u_2.yaml", "t_2.yaml" };
	const char *const c[] = { "t_3.yaml" };
	const diff_side sides[] = { { a, 2 }, { b, 2 }, { c, 1 } };
	events ev;
	pair(sides, NULL, 3, &ev);
	assert_string_equal(ev.text, "c0,1,0 l1,0,-");
	/* No article at all. */
	const diff_side none[] = { { a, 0 }, { b, 0 } };
	pair(none, NULL, 2, &ev);
	assert_string_equal(ev.text, "");
}

/* ---- bodies ------------------------------------------------------------ */

static void test_bodies_differ(void **state)
{
	(void)state;
	diff_where w;
	assert_false(diff_bodies_differ("same\n", 5, "same\n", 5, &w));
	/* ë (C3 AB) against é (C3 A9): the bytes part at 3, the character
	 * starts at 2, the third column. */
	assert_true(diff_bodies_differ("Zo\xc3\xab a", 6, "Zo\xc3\xa9 a", 6, &w));
	assert_int_equal(w.offset, 2);
	assert_int_equal(w.line, 1);
	assert_int_equal(w.col, 3);
	/* One a prefix of the other: the end of the shorter, line 2 col 3. */
	assert_true(diff_bodies_differ("ab\ncd", 5, "ab\ncde", 6, &w));
	assert_int_equal(w.offset, 5);
	assert_int_equal(w.line, 2);
	assert_int_equal(w.col, 3);
	/* After a line of multi-byte characters, columns count characters. */
	assert_true(diff_bodies_differ("x\n\xe2\x80\x9cyes\xe2\x80\x9d M", 13,
	                               "x\n\xe2\x80\x9cyes\xe2\x80\x9d T", 13, &w));
	assert_int_equal(w.offset, 12);
	assert_int_equal(w.line, 2);
	assert_int_equal(w.col, 7);
	/* Past the blocks compared whole: a difference at byte 700 of 1,000,
	 * the 11th line of 64 bytes (10 lines of 63 and their newlines). */
	char x[1000], y[1000];
	for (size_t i = 0; i < sizeof x; i++)
		x[i] = (char)(i % 64 == 63 ? '\n' : 'a' + (char)(i % 26));
	memcpy(y, x, sizeof y);
	y[700] = '#';
	assert_true(diff_bodies_differ(x, sizeof x, y, sizeof y, &w));
	assert_int_equal(w.offset, 700);
	assert_int_equal(w.line, 11);
	assert_int_equal(w.col, 700 - 640 + 1);
	assert_false(diff_bodies_differ(x, sizeof x, x, sizeof x, &w));
}

static char *excerpt(const char *s, size_t len, size_t at)
{
	mem_out m;
	assert_true(diff_write_excerpt(mem_out_open(&m), s, len, at) >= 0);
	return mem_out_close(&m);
}

static void test_excerpt_is_safe(void **state)
{
	(void)state;
	/* Tab, quote, backslash, a C0 control, ESC, an RLO, an invalid byte
	 * and a C1 control: none reaches the output as it is. */
	const char s[] = "a\t\"\\\x01\x1b[2J\xe2\x80\xae\xff\xc2\x9b z";
	char *got = excerpt(s, sizeof s - 1, 0);
	assert_string_equal(got, "\"a\\t\\\"\\\\\\x01\\x1B[2J\\u202E\\xFF\\u009B z\"");
	free(got);
	/* Cut to 20 characters before the place and 30 after, on character
	 * boundaries, within the line. */
	const char long_line[] = "first line\n"
	                         "\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9" "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ";
	size_t at = 11 + 10 + 17;     /* the 'r': 17 letters and 3 of the é back */
	got = excerpt(long_line, sizeof long_line - 1, at);
	assert_string_equal(got, "...\"\xc3\xa9\xc3\xa9\xc3\xa9"
	                         "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHIJ\"");
	free(got);
	got = excerpt(long_line, sizeof long_line - 1, 11 + 10 + 5);
	assert_string_equal(got, "\"\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9\xc3\xa9"
	                         "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGHI\"...");
	free(got);
}

/* ---- an article as a compare_set --------------------------------------- */

static const char one[] =
	"title: One\n"
	"body: |\n"
	"  Kerry said the deal was “not based on trust”. A Senior  Official said\n"
	"  talks would go on. “We will see,” Mr Lavrov said. Ann agreed.\n"
	"entities:\n"
	"  - {id: kerry, name: John Kerry, type: PERSON, kb: Q22316, aliases: [Kerry]}\n"
	"  - {id: sl, name: Sergey LAVROV, type: PERSON, aliases: [Mr Lavrov]}\n"
	"  - {id: ann, name: Ann, type: ORG}\n"
	"quotes:\n"
	"  - {text: not based on trust, speaker: kerry, cue: said, kind: partial}\n"
	"  - {text: talks would go on, speaker: {text: A Senior  Official}, kind: indirect}\n"
	"  - {text: 'We will see,', speaker: sl}\n";

static void test_compare_article(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list diags = { 0 };
	int rc = load_article_mem("t.yaml", one, strlen(one), &a, &diags);
	if (rc)
		diag_list_print(stderr, &diags);
	diag_list_free(&diags);
	assert_int_equal(rc, 0);
	compare_article ca;
	assert_int_equal(compare_article_of(a, &ca), 0);
	assert_int_equal(ca.set.n_quotes, 3);
	const compare_quote *q = ca.set.quotes;
	/* kb first, folded; an unnamed speaker by its words folded; a name
	 * folded when there is no kb. */
	assert_string_equal(q[0].speaker, "kb:q22316");
	assert_string_equal(q[1].speaker, "text:a senior official");
	assert_string_equal(q[2].speaker, "name:sergey lavrov");
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(q[i].n_content, 1);
		assert_ptr_equal(q[i].content, a->quotes[i].spans);
		/* The source as the resolver placed it (a speaker's nearest
		 * mention, or its words near the quote), or none. */
		assert_int_equal(q[i].n_source, a->quotes[i].n_source_spans);
		if (q[i].n_source)
			assert_ptr_equal(q[i].source, a->quotes[i].source_spans);
		assert_int_equal(q[i].kind, a->quotes[i].kind);
	}
	/* A cue when one was found, none otherwise. */
	assert_int_equal(q[0].n_cue, 1);
	assert_ptr_equal(q[0].cue, a->quotes[0].cue_spans);
	assert_int_equal(q[0].cue[0].end, a->quotes[0].cue_spans[0].end);
	assert_int_equal(q[1].n_cue, 0);
	assert_null(q[1].cue);
	/* Kerry, Mr Lavrov, Ann: each mention with its entity's type. */
	assert_int_equal(ca.set.n_mentions, 3);
	for (size_t i = 0; i < 3; i++) {
		assert_int_equal(ca.set.mentions[i].at.start, a->mentions[i].at.start);
		assert_string_equal(ca.set.mentions[i].type,
		                    a->entities[a->mentions[i].entity].type);
	}
	assert_string_equal(ca.set.mentions[2].type, "ORG");
	compare_article_free(&ca);
	compare_article_free(NULL);
	article_free(a);
}


/* A source in pieces as one side of a compare: it agrees with a source
 * that shares a byte with any of its pieces (the second here), and
 * differs from one that meets none. */
static article *load_source(const char *speaker)
{
	char yaml[512];
	snprintf(yaml, sizeof yaml,
	         "title: T\nbody: |\n"
	         "  The mayor and, by letter, the chief said it is shut. Ann nodded.\n"
	         "quotes:\n  - text: it is shut\n    kind: indirect\n"
	         "    speaker: %s\n", speaker);
	article *a = NULL;
	diag_list d = { 0 };
	int rc = load_article_mem("s.yaml", yaml, strlen(yaml), &a, &d);
	if (rc)
		diag_list_print(stderr, &d);
	diag_list_free(&d);
	assert_int_equal(rc, 0);
	return a;
}

static unsigned source_diff(const article *x, const article *y)
{
	compare_article cx, cy;
	compare_result res;
	assert_int_equal(compare_article_of(x, &cx), 0);
	assert_int_equal(compare_article_of(y, &cy), 0);
	assert_int_equal(compare_run(x->body, x->body_len, &cx.set, &cy.set, &res), 0);
	assert_int_equal(res.a[0].other, 0);
	unsigned d = res.a[0].diff & COMPARE_DIFF_SOURCE;
	compare_result_free(&res);
	compare_article_free(&cx);
	compare_article_free(&cy);
	return d;
}

static void test_source_in_pieces_compared(void **state)
{
	(void)state;
	article *pieces = load_source("{text: [The mayor, the chief], "
	                              "span: [[0, 9], [26, 35]]}");
	article *chief = load_source("{text: chief, span: [30, 35]}");
	article *ann = load_source("{text: Ann, span: [53, 56]}");
	article *letter = load_source("{text: letter, span: [18, 24]}");
	assert_int_equal(pieces->quotes[0].n_source_spans, 2);
	assert_int_equal(source_diff(pieces, chief), 0);
	assert_int_equal(source_diff(chief, pieces), 0);
	assert_int_equal(source_diff(pieces, ann), COMPARE_DIFF_SOURCE);
	/* Between the pieces is not in them. */
	assert_int_equal(source_diff(pieces, letter), COMPARE_DIFF_SOURCE);
	article_free(pieces);
	article_free(chief);
	article_free(ann);
	article_free(letter);
}

/* ---- the command -------------------------------------------------------- */

typedef struct run_out {
	int rc;
	char *out;
	char *err;
} run_out;

static run_out run(const char *const *paths, size_t n, bool dirs, bool json)
{
	run_out r = { 0 };
	mem_out out, err;
	r.rc = diff_main(paths, n, dirs, json, mem_out_open(&out), mem_out_open(&err));
	r.out = mem_out_close(&out);
	r.err = mem_out_close(&err);
	return r;
}

static double num(const cJSON *o, const char *path)
{
	char buf[128];
	snprintf(buf, sizeof buf, "%s", path);
	const cJSON *at = o;
	for (char *part = strtok(buf, "."); part; part = strtok(NULL, "."))
		at = cJSON_GetObjectItemCaseSensitive(at, part);
	assert_true(cJSON_IsNumber(at));
	return at->valuedouble;
}

#define FIX "tests/fixtures/diff/"

static void test_directories_json(void **state)
{
	(void)state;
	const char *const paths[] = { FIX "dir-a", FIX "dir-b" };
	run_out r = run(paths, 2, true, true);
	assert_int_equal(r.rc, 0);
	assert_non_null(strstr(r.err, "only-here_4b22.yaml: no article with its id"));
	cJSON *doc = cJSON_Parse(r.out);
	assert_non_null(doc);
	const cJSON *arts = cJSON_GetObjectItem(doc, "articles");
	assert_int_equal(cJSON_GetArraySize(arts), 2);
	/* The totals of the README. */
	const cJSON *t = cJSON_GetObjectItem(doc, "total");
	assert_int_equal(num(t, "compared"), 2);
	assert_int_equal(num(t, "figures.exact.matched"), 3);
	assert_int_equal(num(t, "figures.exact.in_a"), 5);
	assert_int_equal(num(t, "figures.exact.in_b"), 4);
	assert_true(fabs(num(t, "figures.overlap.f1") - 8.0 / 9) < 1e-12);
	assert_int_equal(num(t, "figures.entities.matched"), 2);
	assert_int_equal(num(t, "figures.speaker.agree"), 3);
	assert_int_equal(num(t, "figures.kind.agree"), 1);
	assert_int_equal(cJSON_GetArrayItem(cJSON_GetObjectItem(t, "alone"), 0)->valueint, 1);
	/* Zoë's quote: the kind differs; bytes 18-40 are characters 16-34. */
	const cJSON *zoe = cJSON_GetArrayItem(arts, 1);
	const cJSON *qs = cJSON_GetObjectItem(zoe, "quotes");
	assert_int_equal(cJSON_GetArraySize(qs), 1);
	const cJSON *q = cJSON_GetArrayItem(qs, 0);
	assert_string_equal(cJSON_GetObjectItem(q, "role")->valuestring, "differs");
	const cJSON *content = cJSON_GetArrayItem(
		cJSON_GetObjectItem(cJSON_GetObjectItem(q, "b"), "content"), 0);
	assert_int_equal(num(content, "start"), 18);
	assert_int_equal(num(content, "end"), 40);
	assert_int_equal(num(content, "start_char"), 16);
	assert_int_equal(num(content, "end_char"), 34);
	assert_string_equal(cJSON_GetObjectItem(content, "text")->valuestring,
	                    "\xe2\x80\x9cwe will build it\xe2\x80\x9d");
	cJSON_Delete(doc);
	free(r.out);
	free(r.err);
}

static void test_body_mismatch(void **state)
{
	(void)state;
	const char *const paths[] = { FIX "mismatch/a.yaml", FIX "mismatch/b.yaml" };
	run_out r = run(paths, 2, false, false);
	assert_int_equal(r.rc, 1);
	assert_non_null(strstr(r.err, "the bodies differ from body line 2, column 21 (byte 36)"));
	assert_non_null(strstr(r.err, "\"Kerry said \xe2\x80\x9cyes\xe2\x80\x9d on Tuesday\\u202E.\\n\""));
	assert_null(strstr(r.err, "\xe2\x80\xae"));
	assert_non_null(strstr(r.out, "0 articles compared"));
	free(r.out);
	free(r.err);
}

static void test_three_annotators(void **state)
{
	(void)state;
	const char *const paths[] = { FIX "three/1.yaml", FIX "three/2.yaml", FIX "three/3.yaml" };
	run_out r = run(paths, 3, false, true);
	assert_int_equal(r.rc, 0);
	cJSON *doc = cJSON_Parse(r.out);
	assert_non_null(doc);
	const cJSON *art = cJSON_GetArrayItem(cJSON_GetObjectItem(doc, "articles"), 0);
	const cJSON *m = cJSON_GetObjectItem(art, "matrix");
	/* Row 0 against column 1 as the reference: P 1/2, R 1. */
	const cJSON *c01 = cJSON_GetArrayItem(cJSON_GetArrayItem(m, 0), 1);
	assert_true(fabs(num(c01, "overlap.precision") - 0.5) < 1e-12);
	assert_true(fabs(num(c01, "overlap.recall") - 1.0) < 1e-12);
	const cJSON *c12 = cJSON_GetArrayItem(cJSON_GetArrayItem(m, 1), 2);
	assert_int_equal(num(c12, "overlap.matched"), 0);
	assert_true(fabs(num(art, "mean.overlap.f1") - (2.0 / 3 + 0.5) / 3) < 1e-12);
	cJSON_Delete(doc);
	free(r.out);
	free(r.err);
}

static void test_missing_file(void **state)
{
	(void)state;
	const char *const paths[] = { FIX "pair/a.yaml", FIX "no-such.yaml" };
	run_out r = run(paths, 2, false, false);
	assert_int_equal(r.rc, 1);
	assert_non_null(strstr(r.err, "no-such.yaml"));
	free(r.out);
	free(r.err);
}

int main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_name_key),
		cmocka_unit_test(test_pair_by_id_and_name),
		cmocka_unit_test(test_pair_shared_stem),
		cmocka_unit_test(test_pair_duplicates),
		cmocka_unit_test(test_pair_three_sides),
		cmocka_unit_test(test_bodies_differ),
		cmocka_unit_test(test_excerpt_is_safe),
		cmocka_unit_test(test_compare_article),
		cmocka_unit_test(test_source_in_pieces_compared),
		cmocka_unit_test(test_directories_json),
		cmocka_unit_test(test_body_mismatch),
		cmocka_unit_test(test_three_annotators),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
