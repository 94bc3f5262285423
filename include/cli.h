/* cli.h - quoth's commands, one file each (cli_check.c, cli_export.c,
 * cli_stats.c, cli_diff.c, cli_read.c), and what they share (cli.c): the
 * usage text and the loading of a FILE or standard input.  main.c only
 * picks the command.
 *
 * Every command takes argc/argv from its own name on (argv[0] is
 * "check", "diff"...; the reader's argv[0] is the program) and returns
 * the exit status: CLI_EXIT_OK, CLI_EXIT_INVALID (an article that does
 * not load, a terminal that cannot be used), CLI_EXIT_USAGE.  Only main
 * exits. */
#ifndef QUOTH_CLI_H
#define QUOTH_CLI_H

#include <stdbool.h>
#include <stdio.h>

#include "article.h"
#include "diag.h"

enum { CLI_EXIT_OK = 0, CLI_EXIT_INVALID = 1, CLI_EXIT_USAGE = 2 };

/* ---- cli.c: shared by the commands ---- */

/* The synopsis of every command, and the --help text that follows it. */
void cli_usage(FILE *out);
void cli_help(FILE *out);

/* Prints "quoth: " fmt (with arg for its one %s) and the synopsis on
 * standard error; returns CLI_EXIT_USAGE. */
int cli_usage_error(const char *fmt, const char *arg);

/* Whether path names a directory ("-", standard input, never does). */
bool cli_is_directory(const char *path);

/* Loads path ("-": standard input) strictly, its problems into diags;
 * NULL when it does not load (what could not be read is already printed
 * when it is no diagnostic).  The caller frees both. */
article *cli_load_path(const char *path, diag_list *diags);

/* cli_load_path, printing the problems when it does not load; warnings
 * are check's to print. */
article *cli_load_or_report(const char *path);

/* The reader's load of path ("-": standard input): tolerant, so that an
 * article with problems opens with what resolved.  NULL, with its
 * problems printed, when no article could be made; else its problems
 * (errors and warnings) are left in diags for the reader to list. */
article *cli_load_for_reading(const char *path, diag_list *diags);

/* ---- the commands ---- */

int cli_check_main(int argc, char **argv);   /* quoth check */
int cli_export_main(int argc, char **argv);  /* quoth export */
int cli_stats_main(int argc, char **argv);   /* quoth stats */
int cli_diff_main(int argc, char **argv);    /* quoth diff */
/* The reader: quoth [options] [FILE|DIR|-], and --dump-config. */
int cli_read_main(int argc, char **argv);

#endif
