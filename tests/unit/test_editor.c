/* Tests of editor.c: which variable wins, words split as a shell splits
 * them, +LINE, and a scripted editor run that changes the file. */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "editor.h"

/* argv joined with '|', for one comparison per case. */
static void expect_argv(const char *visual, const char *editor, int line,
                        const char *file, const char *want)
{
	const char *error = "unset";
	char **argv = editor_argv(visual, editor, line, file, &error);
	assert_non_null(argv);
	assert_null(error);
	char got[256] = "";
	for (char **p = argv; *p; p++) {
		if (p != argv)
			strcat(got, "|");
		strcat(got, *p);
	}
	assert_string_equal(got, want);
	editor_argv_free(argv);
}

static void test_which_editor(void **state)
{
	(void)state;
	expect_argv("nvim", "nano", 12, "a.yaml", "nvim|+12|a.yaml");
	expect_argv("", "nano", 12, "a.yaml", "nano|+12|a.yaml");
	expect_argv(NULL, NULL, 3, "a.yaml", "vi|+3|a.yaml");
	expect_argv("  ", NULL, 3, "a.yaml", "vi|+3|a.yaml");
	expect_argv(NULL, "emacs", 0, "a.yaml", "emacs|a.yaml");
}

static void test_words(void **state)
{
	(void)state;
	expect_argv("code --wait", NULL, 7, "x.yaml", "code|--wait|+7|x.yaml");
	expect_argv("'/opt/my editor/bin/ed' -n", NULL, 1, "f", "/opt/my editor/bin/ed|-n|+1|f");
	expect_argv("\"a \\\"b\\\"\" c\\ d", NULL, 0, "f", "a \"b\"|c d|f");
	expect_argv(NULL, "vim", 2, "dir with space/f.yaml", "vim|+2|dir with space/f.yaml");

	const char *error = NULL;
	assert_null(editor_argv("'vim", NULL, 1, "f", &error));
	assert_non_null(error);
	assert_non_null(strstr(error, "quote"));
	editor_argv_free(NULL);
}

static void test_scripted_editor_changes_the_file(void **state)
{
	(void)state;
	char dir[] = "/tmp/quoth-editor-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char script[64], file[64], args[64];
	snprintf(script, sizeof script, "%s/ed.sh", dir);
	snprintf(file, sizeof file, "%s/a.yaml", dir);
	snprintf(args, sizeof args, "%s/args", dir);

	FILE *f = fopen(script, "w");
	assert_non_null(f);
	fprintf(f, "#!/bin/sh\necho \"$@\" > '%s'\necho 'title: edited' > \"$2\"\nexit 0\n", args);
	fclose(f);
	assert_int_equal(chmod(script, 0755), 0);
	f = fopen(file, "w");
	assert_non_null(f);
	fputs("title: before\n", f);
	fclose(f);

	const char *error;
	char **argv = editor_argv(script, NULL, 42, file, &error);
	assert_non_null(argv);
	assert_int_equal(editor_run(argv), 0);
	editor_argv_free(argv);

	char buf[128] = "";
	f = fopen(file, "r");
	assert_non_null(f);
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	assert_string_equal(buf, "title: edited\n");
	f = fopen(args, "r");
	assert_non_null(f);
	assert_non_null(fgets(buf, sizeof buf, f));
	fclose(f);
	char want[128];
	snprintf(want, sizeof want, "+42 %s\n", file);
	assert_string_equal(buf, want);

	/* Its exit status comes back; a missing editor is 127. */
	f = fopen(script, "w");
	assert_non_null(f);
	fputs("#!/bin/sh\nexit 3\n", f);
	fclose(f);
	argv = editor_argv(script, NULL, 1, file, &error);
	assert_int_equal(editor_run(argv), 3);
	editor_argv_free(argv);
	argv = editor_argv("/nonexistent/editor", NULL, 1, file, &error);
	assert_int_equal(editor_run(argv), 127);
	editor_argv_free(argv);

	unlink(script);
	unlink(file);
	unlink(args);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_which_editor),
		cmocka_unit_test(test_words),
		cmocka_unit_test(test_scripted_editor_changes_the_file),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
