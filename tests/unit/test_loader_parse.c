/* Tests of loader_parse(), the loader without the resolver: it returns
 * the count of problems, hands over a model that is whole enough to
 * resolve (even with problems, so the resolver's come in the same run)
 * and none otherwise, and never resolves; load_article_mem() then adds
 * the resolver's problems to the status. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "loader.h"

#define PARSE(lit, a, d) loader_parse("p.yaml", lit, sizeof lit - 1, a, d)

static const char valid[] =
	"title: Talks\n"
	"body: |\n"
	"  Kerry said it was \"not based on trust\".\n"
	"entities:\n"
	"  - {id: kerry, name: Kerry, type: PERSON}\n"
	"quotes:\n"
	"  - {text: not based on trust, speaker: kerry}\n";

/* A valid article: no problem, the model, not resolved. */
static void test_a_valid_article_is_parsed_not_resolved(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(PARSE(valid, &a, &d), 0);
	assert_int_equal(d.n, 0);
	assert_non_null(a);
	assert_string_equal(a->path, "p.yaml");
	assert_int_equal(a->n_entities, 1);
	assert_int_equal(a->n_quotes, 1);
	/* The resolver fills these; the loader leaves them. */
	assert_int_equal(a->n_mentions, 0);
	assert_int_equal(a->quotes[0].speaker, -1);
	assert_null(a->quotes[0].spans);
	article_free(a);
	diag_list_free(&d);
}

/* A problem that leaves the model whole: counted, and the model given. */
static void test_a_whole_model_with_a_problem_is_given(void **state)
{
	(void)state;
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(PARSE("title: T\npublished: yesterday\nbody: b\n", &a, &d),
	                 1);
	assert_int_equal(d.n, 1);
	assert_non_null(a);
	article_free(a);
	diag_list_free(&d);
}

/* One that leaves it unfit to resolve: counted, no model. */
static void test_a_broken_model_is_not_given(void **state)
{
	(void)state;
	static const char *const broken[] = {
		"title: T\n",                              /* no body */
		"title: T\nbody: b\nentities: 3\n",        /* entities not a list */
		"title: [\n",                              /* syntax */
		"- a list\n",                              /* not a mapping */
		"",                                        /* empty */
	};
	static article untouched;
	for (size_t i = 0; i < sizeof broken / sizeof broken[0]; i++) {
		article *a = &untouched;
		diag_list d = { 0 };
		size_t n = loader_parse(NULL, broken[i], strlen(broken[i]), &a, &d);
		assert_true(n >= 1);
		assert_int_equal(d.n, n);
		assert_null(a);
		assert_string_equal(d.items[0].file, "(memory)");
		diag_list_free(&d);
	}
}

/* The resolver's problems fail the composed load: the loader found none. */
static void test_the_resolvers_problems_fail_the_load(void **state)
{
	(void)state;
	static const char unknown_speaker[] =
		"title: T\nbody: Ann spoke.\nquotes:\n  - {text: spoke, speaker: bob}\n";
	article *a = NULL;
	diag_list d = { 0 };
	assert_int_equal(PARSE(unknown_speaker, &a, &d), 0);
	assert_non_null(a);
	article_free(a);
	a = NULL;
	assert_int_equal(load_article_mem("p.yaml", unknown_speaker,
	                                  sizeof unknown_speaker - 1, &a, &d), -1);
	assert_null(a);
	assert_true(d.n >= 1);
	diag_list_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_valid_article_is_parsed_not_resolved),
		cmocka_unit_test(test_a_whole_model_with_a_problem_is_given),
		cmocka_unit_test(test_a_broken_model_is_not_given),
		cmocka_unit_test(test_the_resolvers_problems_fail_the_load),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
