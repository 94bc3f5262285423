/* editor.c - starting the user's editor at a line of a file. */
#include "editor.h"

#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

void editor_argv_free(char **argv)
{
	if (!argv)
		return;
	for (char **p = argv; *p; p++)
		free(*p);
	free(argv);
}

/* Appends a copy of word[0..len) to the NULL-terminated *argv of *n words. */
static bool push(char ***argv, size_t *n, const char *word, size_t len)
{
	char **more = realloc(*argv, (*n + 2) * sizeof *more);
	if (!more)
		return false;
	*argv = more;
	if (!(more[*n] = strndup(word, len)))
		return false;
	more[++*n] = NULL;
	return true;
}

/* Splits s into words at blanks; '…' keeps everything inside, "…" all but
 * a backslash before " or \, and a backslash outside quotes keeps the next
 * character.  False on an unterminated quote or when out of memory. */
static bool split_words(const char *s, char ***argv, size_t *n, const char **error)
{
	size_t len = strlen(s);
	char *word = malloc(len + 1);
	if (!word)
		return false;
	size_t i = 0;
	bool ok = true;
	while (ok) {
		while (s[i] == ' ' || s[i] == '\t' || s[i] == '\n')
			i++;
		if (!s[i])
			break;
		size_t w = 0;
		while (s[i] && s[i] != ' ' && s[i] != '\t' && s[i] != '\n') {
			char c = s[i++];
			if (c == '\'' || c == '"') {
				while (s[i] && s[i] != c) {
					if (c == '"' && s[i] == '\\' && (s[i + 1] == '"' || s[i + 1] == '\\'))
						i++;
					word[w++] = s[i++];
				}
				if (!s[i]) {
					*error = "the editor variable has a quote that is not closed";
					ok = false;
					break;
				}
				i++;
			} else if (c == '\\' && s[i]) {
				word[w++] = s[i++];
			} else {
				word[w++] = c;
			}
		}
		if (ok)
			ok = push(argv, n, word, w);
	}
	free(word);
	return ok;
}

char **editor_argv(const char *visual, const char *editor, int line,
                   const char *file, const char **error)
{
	const char *cmd = visual && *visual ? visual : editor && *editor ? editor : "vi";
	char **argv = NULL;
	size_t n = 0;
	char plus[24];
	*error = NULL;
	bool ok = split_words(cmd, &argv, &n, error);
	if (ok && n == 0)
		ok = push(&argv, &n, "vi", 2);   /* a variable of blanks only */
	if (ok && line > 0) {
		snprintf(plus, sizeof plus, "+%d", line);
		ok = push(&argv, &n, plus, strlen(plus));
	}
	if (ok)
		ok = push(&argv, &n, file, strlen(file));
	if (!ok) {
		editor_argv_free(argv);
		return NULL;
	}
	return argv;
}

int editor_run(char *const *argv)
{
	pid_t pid = fork();
	if (pid < 0)
		return -1;
	if (pid == 0) {
		execvp(argv[0], argv);
		fprintf(stderr, "quoth: cannot start the editor '%s': %s\n", argv[0],
		        strerror(errno));
		_exit(127);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	if (WIFEXITED(status))
		return WEXITSTATUS(status);
	return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}
