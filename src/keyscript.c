/* keyscript.c - parses the key notation of `quoth snapshot --keys`. */
#include "keyscript.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"

/* Largest terminal a <resize> may ask for, and largest cell coordinate. */
#define KEYSCRIPT_MAX_SIZE 1000

typedef struct parser {
	const char *s;
	size_t len;
	input_event *events;
	size_t n;
	size_t cap;
	char *err;
	size_t errlen;
} parser;

static const struct {
	const char *name;
	int key;
} named_keys[] = {
	{ .name = "Enter", .key = QK_ENTER },
	{ .name = "CR", .key = QK_ENTER },
	{ .name = "Return", .key = QK_ENTER },
	{ .name = "Tab", .key = QK_TAB },
	{ .name = "S-Tab", .key = QK_BTAB },
	{ .name = "BTab", .key = QK_BTAB },
	{ .name = "Esc", .key = QK_ESC },
	{ .name = "Space", .key = ' ' },
	{ .name = "Up", .key = QK_UP },
	{ .name = "Down", .key = QK_DOWN },
	{ .name = "Left", .key = QK_LEFT },
	{ .name = "Right", .key = QK_RIGHT },
	{ .name = "PgUp", .key = QK_PGUP },
	{ .name = "PageUp", .key = QK_PGUP },
	{ .name = "PgDn", .key = QK_PGDN },
	{ .name = "PageDown", .key = QK_PGDN },
	{ .name = "Home", .key = QK_HOME },
	{ .name = "End", .key = QK_END },
	{ .name = "F1", .key = QK_F1 },
	{ .name = "BS", .key = QK_BACKSPACE },
	{ .name = "Backspace", .key = QK_BACKSPACE },
	{ .name = "lt", .key = '<' },
};

/* Character position (1-based) of byte offset off, for error messages. */
static size_t char_pos(const parser *p, size_t off)
{
	size_t pos = 1;
	for (size_t i = 0; i < off && i < p->len; i++)
		if (((unsigned char)p->s[i] & 0xC0) != 0x80)
			pos++;
	return pos;
}

/* Writes "position P: message" and returns -1. */
__attribute__((format(printf, 3, 4)))
static int fail(parser *p, size_t off, const char *fmt, ...)
{
	if (p->err == NULL || p->errlen == 0)
		return -1;
	int k = snprintf(p->err, p->errlen, "position %zu: ", char_pos(p, off));
	if (k < 0 || (size_t)k >= p->errlen)
		return -1;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(p->err + k, p->errlen - (size_t)k, fmt, ap);
	va_end(ap);
	return -1;
}

static int push(parser *p, input_type type, int key, int x, int y)
{
	if (p->n == p->cap) {
		size_t cap = p->cap ? p->cap * 2 : 16;
		input_event *ev = realloc(p->events, cap * sizeof *ev);
		if (ev == NULL) {
			if (p->err != NULL && p->errlen > 0)
				snprintf(p->err, p->errlen, "out of memory");
			return -1;
		}
		p->events = ev;
		p->cap = cap;
	}
	p->events[p->n++] = (input_event){ .type = type, .key = key, .x = x, .y = y };
	return 0;
}

/* Reads a decimal number in [0, KEYSCRIPT_MAX_SIZE] from *s; advances it. */
static bool read_number(const char **s, int *out)
{
	const char *c = *s;
	long v = 0;
	if (*c < '0' || *c > '9')
		return false;
	while (*c >= '0' && *c <= '9') {
		v = v * 10 + (*c - '0');
		if (v > KEYSCRIPT_MAX_SIZE)
			return false;
		c++;
	}
	*s = c;
	*out = (int)v;
	return true;
}

/* "60x20" -> cols, rows; the whole of arg must be used. */
static bool read_size(const char *arg, int *cols, int *rows)
{
	return read_number(&arg, cols) && *arg++ == 'x' &&
	       read_number(&arg, rows) && *arg == '\0' && *cols > 0 && *rows > 0;
}

/* "COL ROW" -> x, y; the whole of arg must be used. */
static bool read_cell(const char *arg, int *x, int *y)
{
	return read_number(&arg, x) && *arg++ == ' ' &&
	       read_number(&arg, y) && *arg == '\0';
}

static int parse_control(parser *p, size_t off, const char *name)
{
	char c = name[2];
	if (name[3] != '\0')
		return fail(p, off, "unknown key <%s>", name);
	if (c >= 'a' && c <= 'z')
		c = (char)(c - 'a' + 'A');
	if (c < '@' || c > '_')
		return fail(p, off, "no control key <%s>; use a letter or one of @[\\]^_", name);
	return push(p, INPUT_KEY, QK_CTRL(c), 0, 0);
}

/* Handles <word arg...> forms: resize, click, wheel-up, wheel-down. */
static int parse_command(parser *p, size_t off, const char *name)
{
	const char *sp = strchr(name, ' ');
	size_t wlen = sp ? (size_t)(sp - name) : strlen(name);
	const char *arg = sp ? sp + 1 : NULL;
	int a = 0, b = 0;
	if (wlen == 6 && strncasecmp(name, "resize", 6) == 0) {
		if (arg == NULL || !read_size(arg, &a, &b))
			return fail(p, off, "<resize> wants COLSxROWS, e.g. <resize 60x20>, each 1..%d",
			            KEYSCRIPT_MAX_SIZE);
		return push(p, INPUT_RESIZE, 0, a, b);
	}
	if (wlen == 5 && strncasecmp(name, "click", 5) == 0) {
		if (arg == NULL || !read_cell(arg, &a, &b))
			return fail(p, off, "<click> wants a cell COL ROW, e.g. <click 3 10>");
		return push(p, INPUT_CLICK, 0, a, b);
	}
	bool up = wlen == 8 && strncasecmp(name, "wheel-up", 8) == 0;
	bool down = wlen == 10 && strncasecmp(name, "wheel-down", 10) == 0;
	if (!up && !down)
		return fail(p, off, "unknown key <%s>", name);
	if (arg == NULL)
		a = b = KEYSCRIPT_NO_CELL;
	else if (!read_cell(arg, &a, &b))
		return fail(p, off, "<%.*s> wants nothing or a cell COL ROW", (int)wlen, name);
	return push(p, up ? INPUT_WHEEL_UP : INPUT_WHEEL_DOWN, 0, a, b);
}

static int parse_name(parser *p, size_t off, const char *name)
{
	for (size_t i = 0; i < sizeof named_keys / sizeof named_keys[0]; i++)
		if (strcasecmp(named_keys[i].name, name) == 0)
			return push(p, INPUT_KEY, named_keys[i].key, 0, 0);
	if ((name[0] == 'C' || name[0] == 'c') && name[1] == '-' && name[2] != '\0')
		return parse_control(p, off, name);
	return parse_command(p, off, name);
}

/* Parses the <...> item at p->s[*i] and moves *i past it. */
static int parse_bracket(parser *p, size_t *i)
{
	size_t off = *i;
	const char *close = memchr(p->s + off, '>', p->len - off);
	if (close == NULL)
		return fail(p, off, "'<' without a closing '>' (write <lt> for '<')");
	size_t nlen = (size_t)(close - (p->s + off)) - 1;
	if (nlen == 0)
		return fail(p, off, "empty key name <>");
	if (nlen > 40)
		return fail(p, off, "key name too long");
	char name[41];
	memcpy(name, p->s + off + 1, nlen);
	name[nlen] = '\0';
	if (strchr(name, '<') != NULL)
		return fail(p, off, "'<' without a closing '>' (write <lt> for '<')");
	*i = off + nlen + 2;
	return parse_name(p, off, name);
}

int keyscript_parse(const char *script, keyscript *out, char *err, size_t errlen)
{
	parser p = { .s = script, .len = strlen(script), .err = err, .errlen = errlen };
	size_t i = 0;
	int rc = 0;
	while (i < p.len && rc == 0) {
		if (script[i] == '<') {
			rc = parse_bracket(&p, &i);
			continue;
		}
		uint32_t cp;
		size_t n = utf8_decode(script, p.len, i, &cp);
		if (n == 1 && (unsigned char)script[i] >= 0x80)
			rc = fail(&p, i, "invalid UTF-8");
		else
			rc = push(&p, INPUT_KEY, (int)cp, 0, 0);
		i += n;
	}
	if (rc != 0) {
		free(p.events);
		*out = (keyscript){ 0 };
		return -1;
	}
	*out = (keyscript){ .events = p.events, .n = p.n };
	return 0;
}

void keyscript_free(keyscript *ks)
{
	if (ks == NULL)
		return;
	free(ks->events);
	ks->events = NULL;
	ks->n = 0;
}
