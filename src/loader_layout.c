/* loader_layout.c - the slips of layout that libyaml reports in words
 * that mislead: a list item without its "- " ("did not find expected '-'
 * indicator") and a line indented by the wrong width ("mapping values are
 * not allowed", which reads as if the value held ': ').  The lines above
 * the error tell which it is: the keys before it show what widths are in
 * use. */
#include "loader.h"

#include <stdbool.h>
#include <string.h>

#include "loader_private.h"

/* One line of the source as the check sees it. */
typedef struct src_line {
	size_t start;     /* first byte */
	int number;       /* 1-based */
	int indent;       /* spaces before the first other character */
	int key_col;      /* 0-based column of its key, -1 when not a key line */
	int dash_col;     /* 0-based column of a leading "- ", else -1 */
	bool opens;       /* a key with nothing after the ':' opens a block */
} src_line;

static bool key_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '_' || c == '-';
}

static bool line_end(char c)
{
	return c == '\n' || c == '\r' || c == '\0';
}

/* Reads the line at s[start]: its indentation, and whether it is
 * "key:" or "- key:" and where the key stands. */
static src_line line_at(const loader *ld, size_t start, int number)
{
	const char *s = ld->src;
	size_t len = ld->src_len, i = start;
	src_line l = { .start = start, .number = number, .key_col = -1,
	               .dash_col = -1 };
	while (i < len && s[i] == ' ')
		i++;
	l.indent = (int)(i - start);
	if (i + 1 < len && s[i] == '-' && s[i + 1] == ' ') {
		l.dash_col = (int)(i - start);
		for (i++; i < len && s[i] == ' '; i++)
			;
	}
	size_t key = i;
	while (i < len && key_char(s[i]))
		i++;
	if (i == key || i >= len || s[i] != ':' ||
	    (i + 1 < len && s[i + 1] != ' ' && !line_end(s[i + 1])))
		return l;
	l.key_col = (int)(key - start);
	for (i++; i < len && s[i] == ' '; i++)
		;
	l.opens = i >= len || line_end(s[i]) || s[i] == '#';
	return l;
}

/* Start of the line before the one at start, or false at the first. */
static bool prev_line(const loader *ld, size_t *start)
{
	const char *s = ld->src;
	size_t i = *start;
	if (i == 0)
		return false;
	i--;                                   /* the break that ends it */
	if (i > 0 && s[i] == '\n' && s[i - 1] == '\r')
		i--;
	while (i > 0 && s[i - 1] != '\n' && s[i - 1] != '\r')
		i--;
	*start = i;
	return true;
}

/* The nearest key line before l, if any, skipping blank lines, comments
 * and text that is no key (a block scalar's). */
static bool prev_key_line(const loader *ld, const src_line *l, src_line *out)
{
	size_t start = l->start;
	int number = l->number;
	while (prev_line(ld, &start)) {
		*out = line_at(ld, start, --number);
		if (out->key_col >= 0)
			return true;
	}
	return false;
}

/* An item that lost its "- ": the line stands where the list's dashes
 * do, at the column the parser names in its context. */
static bool report_missing_dash(loader *ld, const src_line *l,
                                const yaml_parser_t *p)
{
	if (!p->context || (int)p->context_mark.column != l->indent ||
	    l->dash_col >= 0 || l->key_col < 0)
		return false;
	ld_error(ld, (src_pos){ l->number, l->indent + 1 }, "this list item needs "
	         "'- ' at the start, like the item at line %d: write '- ' before "
	         "its first key", (int)p->context_mark.line + 1);
	return true;
}

/* A key line indented otherwise than its siblings: deeper than the key
 * before it (which does not open a block), or between two widths in use
 * when it goes back out. */
static bool report_wrong_indent(loader *ld, const src_line *l)
{
	src_line before;
	if (l->key_col < 0 || !prev_key_line(ld, l, &before))
		return false;
	const src_line sibling = before;
	int col = l->dash_col >= 0 ? l->dash_col : l->indent;
	for (;;) {
		if (before.key_col == col || before.dash_col == col)
			return false;               /* a sibling: the width is right */
		if (before.key_col < col && (before.dash_col < 0 || before.dash_col < col)) {
			if (before.number == sibling.number && before.opens)
				return false;           /* the first key of a new block */
			break;
		}
		if (!prev_key_line(ld, &before, &before))
			break;
	}
	ld_error(ld, (src_pos){ l->number, l->indent + 1 }, "wrong indentation: "
	         "this line is indented %d space%s, but the keys before it (line "
	         "%d) are indented %d: indent it as they are", col,
	         col == 1 ? "" : "s", sibling.number, sibling.key_col);
	return true;
}

bool ld_report_layout(loader *ld, const yaml_parser_t *p)
{
	const char *problem = p->problem;
	if (!problem || (!strstr(problem, "did not find expected '-'") &&
	                 !strstr(problem, "mapping values are not allowed") &&
	                 !strstr(problem, "did not find expected key")))
		return false;
	size_t start = ld_offset_of_mark(ld, p->problem_mark);
	while (start > 0 && ld->src[start - 1] != '\n' && ld->src[start - 1] != '\r')
		start--;
	src_line l = line_at(ld, start, (int)p->problem_mark.line + 1);
	return report_missing_dash(ld, &l, p) || report_wrong_indent(ld, &l);
}
