/* config.c - the config file: bytes to bindings, looks and options, and
 * back; see config.h. */
#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "keymap.h"
#include "keys.h"
#include "suggest.h"

/* Most words a line holds: color ROLE FG BG and every attribute twice. */
#define CONFIG_MAX_WORDS 16
/* Longest word kept; a longer one is cut (and so is no known name). */
#define CONFIG_WORD_MAX 64
/* Largest config file read: far more than every setting twice. */
#define CONFIG_MAX_BYTES (1u << 20)

/* ====================================================================
 * One line
 * ==================================================================== */

typedef struct word {
	char text[CONFIG_WORD_MAX];
	int col;        /* 1-based, in characters */
} word;

typedef struct line_ctx {
	const char *name;
	int line;
	config *out;
	diag_list *diags;
	long problems;
	bool oom;
} line_ctx;

static void problem(line_ctx *cx, const word *w, const char *fmt, const char *arg,
                    const char *near)
{
	char msg[256];
	snprintf(msg, sizeof msg, fmt, arg);
	if (near)
		diag_add(cx->diags, cx->name, cx->line, w->col, "%s; did you mean '%s'?",
		         msg, near);
	else
		diag_add(cx->diags, cx->name, cx->line, w->col, "%s", msg);
	cx->problems++;
}

static bool is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r';
}

/* Splits line[0..len) into words; a word from '#' on ends the line, but
 * for the key of a bind line.  Returns the number of words, or -1 when
 * there are more than CONFIG_MAX_WORDS. */
static int split_line(const char *line, size_t len, word *words)
{
	int n = 0, col = 1;
	size_t i = 0;
	while (i < len) {
		if (is_blank(line[i])) {
			i++, col++;
			continue;
		}
		bool key_of_bind = n == 1 && strcmp(words[0].text, "bind") == 0;
		if (line[i] == '#' && !key_of_bind)
			break;
		if (n == CONFIG_MAX_WORDS)
			return -1;
		word *w = &words[n++];
		size_t k = 0;
		w->col = col;
		for (; i < len && !is_blank(line[i]); i++) {
			if (k + 1 < sizeof w->text)
				w->text[k++] = line[i];
			col += ((unsigned char)line[i] & 0xc0) != 0x80;
		}
		w->text[k] = '\0';
	}
	return n;
}

/* ====================================================================
 * The commands
 * ==================================================================== */

static bool push(void **items, size_t *n, size_t size, const void *item)
{
	void *more = realloc(*items, (*n + 1) * size);
	if (!more)
		return false;
	memcpy((char *)more + *n * size, item, size);
	*items = more;
	(*n)++;
	return true;
}

static int role_of(line_ctx *cx, const word *w)
{
	int role = style_role_from_name(w->text);
	if (role >= 0)
		return role;
	char names[ROLE_COUNT][64];
	const char *list[ROLE_COUNT];
	for (int r = 0; r < ROLE_COUNT; r++)
		list[r] = style_role_name((style_role)r, names[r], sizeof names[r]);
	problem(cx, w, "unknown role '%s'", w->text, suggest_nearest(w->text, list, ROLE_COUNT));
	return -1;
}

static int color_of(line_ctx *cx, const word *w)
{
	int c = style_color_from_name(w->text);
	if (c >= STYLE_DEFAULT)
		return c;
	const char *list[STYLE_WHITE + 2];
	for (int i = STYLE_DEFAULT; i <= STYLE_WHITE; i++)
		list[i + 1] = style_color_name((style_color)i);
	problem(cx, w, "unknown colour '%s' (default, black, red, green, yellow, blue, "
	        "magenta, cyan or white)", w->text,
	        suggest_nearest(w->text, list, STYLE_WHITE + 2));
	return -2;
}

/* The attributes of words[0..n) or'ed; -1 after a problem. */
static int attrs_of(line_ctx *cx, const word *words, int n)
{
	int attrs = 0;
	bool ok = true;
	for (int i = 0; i < n; i++) {
		int a = style_attr_from_name(words[i].text);
		if (a >= 0) {
			attrs |= a;
			continue;
		}
		const char *list[8] = { "normal" };
		size_t k = 1;
		for (size_t j = 0; j < style_attr_count() && k < 8; j++)
			list[k++] = style_attr_name(j);
		problem(cx, &words[i], "unknown attribute '%s' (bold, underline, reverse, "
		        "dim, italic or normal)", words[i].text,
		        suggest_nearest(words[i].text, list, k));
		ok = false;
	}
	return ok ? attrs : -1;
}

static void cmd_look(line_ctx *cx, const word *w, int n, bool color)
{
	int need = color ? 4 : 2;
	if (n < need) {
		problem(cx, &w[0], color ? "'%s' needs ROLE FG BG [ATTR...]"
		                         : "'%s' needs ROLE [ATTR...]", w[0].text, NULL);
		return;
	}
	int role = role_of(cx, &w[1]);
	int fg = color ? color_of(cx, &w[2]) : STYLE_DEFAULT;
	int bg = color ? color_of(cx, &w[3]) : STYLE_DEFAULT;
	int attrs = attrs_of(cx, w + need, n - need);
	if (role < 0 || fg < STYLE_DEFAULT || bg < STYLE_DEFAULT || attrs < 0)
		return;
	config_look look = {
		.role = (style_role)role, .color = color,
		.look = { .fg = (style_color)fg, .bg = (style_color)bg, .attrs = attrs },
	};
	if (!push((void **)&cx->out->looks, &cx->out->n_looks, sizeof look, &look))
		cx->oom = true;
}

/* Keys with names of their own, for suggestions: "Spcae" -> "Space". */
static const int named_keys[] = {
	QK_UP, QK_DOWN, QK_LEFT, QK_RIGHT, QK_PGUP, QK_PGDN, QK_HOME, QK_END,
	QK_BTAB, QK_F1, QK_BACKSPACE, QK_ENTER, QK_TAB, QK_ESC, ' ',
};
#define N_NAMED_KEYS (sizeof named_keys / sizeof named_keys[0])

static void cmd_bind(line_ctx *cx, const word *w, int n)
{
	if (n != 3) {
		problem(cx, n > 3 ? &w[3] : &w[0], n > 3 ? "'bind' takes KEY ACTION: '%s' is one "
		        "word too many" : "'%s' needs KEY ACTION", n > 3 ? w[3].text : w[0].text,
		        NULL);
		return;
	}
	int key = keymap_key_from_name(w[1].text);
	if (key < 0) {
		char names[N_NAMED_KEYS + 4][16];
		const char *list[N_NAMED_KEYS + 4];
		size_t k = 0;
		for (; k < N_NAMED_KEYS; k++)
			list[k] = keymap_key_name(named_keys[k], names[k], sizeof names[k]);
		list[k++] = "Up", list[k++] = "Down", list[k++] = "Left", list[k++] = "Right";
		problem(cx, &w[1], "unknown key '%s' (a character, Ctrl-X, or a name as the "
		        "help shows it)", w[1].text, suggest_nearest(w[1].text, list, k));
	}
	int act = keymap_action_from_name(w[2].text);
	if (act < 0) {
		char names[ACT_COUNT][32];
		const char *list[ACT_COUNT];
		for (int a = 0; a < ACT_COUNT; a++)
			list[a] = keymap_action_config_name((action)a, names[a], sizeof names[a]);
		problem(cx, &w[2], "unknown action '%s'", w[2].text,
		        suggest_nearest(w[2].text, list, ACT_COUNT));
	}
	if (key < 0 || act < 0)
		return;
	config_bind b = { .key = key, .act = (action)act };
	if (!push((void **)&cx->out->binds, &cx->out->n_binds, sizeof b, &b))
		cx->oom = true;
}

static const char *const color_modes[] = { "auto", "always", "never" };

static void cmd_set(line_ctx *cx, const word *w, int n)
{
	static const char *const options[] = { "color" };
	if (n < 2 || (strcmp(w[1].text, "color") == 0 && n != 3)) {
		problem(cx, n < 2 ? &w[0] : &w[1], n < 2 ? "'%s' needs OPTION VALUE"
		        : "'%s' needs one value: auto, always or never", w[n < 2 ? 0 : 1].text,
		        NULL);
		return;
	}
	if (strcmp(w[1].text, "color") != 0) {
		problem(cx, &w[1], "unknown option '%s' (color)", w[1].text,
		        suggest_nearest(w[1].text, options, 1));
		return;
	}
	for (size_t i = 0; i < 3; i++) {
		if (strcmp(w[2].text, color_modes[i]) == 0) {
			cx->out->color_mode = (config_color_mode)(CONFIG_COLOR_AUTO + i);
			return;
		}
	}
	problem(cx, &w[2], "unknown colour mode '%s' (auto, always or never)", w[2].text,
	        suggest_nearest(w[2].text, color_modes, 3));
}

static void cmd_hide(line_ctx *cx, const word *w, int n)
{
	if (n < 2) {
		problem(cx, &w[0], "'%s' needs at least one entity TYPE", w[0].text, NULL);
		return;
	}
	for (int i = 1; i < n && !cx->oom; i++) {
		if (!article_type_label_valid(w[i].text)) {
			problem(cx, &w[i], "'%s' is no entity type: types are upper-case labels "
			        "(PERSON, ORG…)", w[i].text, NULL);
			continue;
		}
		char *copy = strdup(w[i].text);
		if (!copy || !push((void **)&cx->out->hidden, &cx->out->n_hidden,
		                   sizeof copy, &copy)) {
			free(copy);
			cx->oom = true;
		}
	}
}

static void parse_line(line_ctx *cx, const char *line, size_t len)
{
	static const char *const commands[] = { "color", "mono", "bind", "set", "hide" };
	word w[CONFIG_MAX_WORDS];
	int n = split_line(line, len, w);
	if (n == 0)
		return;
	if (n < 0) {
		word whole = { .col = 1 };
		problem(cx, &whole, "more than %s words on one line", "16", NULL);
		return;
	}
	if (strcmp(w[0].text, "color") == 0)
		cmd_look(cx, w, n, true);
	else if (strcmp(w[0].text, "mono") == 0)
		cmd_look(cx, w, n, false);
	else if (strcmp(w[0].text, "bind") == 0)
		cmd_bind(cx, w, n);
	else if (strcmp(w[0].text, "set") == 0)
		cmd_set(cx, w, n);
	else if (strcmp(w[0].text, "hide") == 0)
		cmd_hide(cx, w, n);
	else
		problem(cx, &w[0], "unknown setting '%s' (color, mono, bind, set or hide)",
		        w[0].text, suggest_nearest(w[0].text, commands, 5));
}

/* ====================================================================
 * The file
 * ==================================================================== */

long config_parse(const char *name, const char *bytes, size_t len,
                  config *out, diag_list *diags)
{
	line_ctx cx = { .name = name ? name : "(config)", .out = out, .diags = diags };
	*out = (config){ 0 };
	size_t start = 0;
	while (start < len && !cx.oom) {
		const char *nl = memchr(bytes + start, '\n', len - start);
		size_t end = nl ? (size_t)(nl - bytes) : len;
		cx.line++;
		parse_line(&cx, bytes + start, end - start);
		start = end + 1;
	}
	diag_attach_source(diags, bytes, len);
	return cx.oom ? -1 : cx.problems;
}

/* Reads all of a small file: 0 with *bytes (NUL added, the caller frees
 * it), or an errno; EFBIG past CONFIG_MAX_BYTES. */
static int read_small_file(const char *path, char **bytes, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return errno;
	char *buf = malloc(CONFIG_MAX_BYTES + 1);
	errno = 0;
	size_t n = buf ? fread(buf, 1, CONFIG_MAX_BYTES + 1, f) : 0;
	int err = !buf ? ENOMEM : ferror(f) ? (errno ? errno : EIO)   /* EISDIR */
	        : n > CONFIG_MAX_BYTES ? EFBIG : 0;
	fclose(f);
	if (err) {
		free(buf);
		return err;
	}
	buf[n] = '\0';
	*bytes = buf;
	*len = n;
	return 0;
}

long config_load_file(const char *path, bool missing_ok, config *out,
                      diag_list *diags)
{
	*out = (config){ 0 };
	char *bytes = NULL;
	size_t len = 0;
	int err = read_small_file(path, &bytes, &len);
	if (err == ENOENT && missing_ok)
		return 0;
	if (err) {
		diag_add(diags, path, 0, 0, "cannot read the config file: %s",
		         err == EFBIG ? "larger than 1 MiB" : strerror(err));
		return 1;
	}
	long problems = config_parse(path, bytes, len, out, diags);
	free(bytes);
	return problems;
}

const char *config_default_path(const char *xdg_config_home, const char *home,
                                char *buf, size_t n)
{
	int len;
	if (xdg_config_home && *xdg_config_home)
		len = snprintf(buf, n, "%s/quoth/config", xdg_config_home);
	else if (home && *home)
		len = snprintf(buf, n, "%s/.config/quoth/config", home);
	else
		return NULL;
	return len >= 0 && (size_t)len < n ? buf : NULL;
}

int config_apply(const config *c)
{
	int status = 0;
	for (size_t i = 0; i < c->n_looks; i++)
		style_set_look(c->looks[i].role, c->looks[i].color, c->looks[i].look);
	for (size_t i = 0; i < c->n_binds; i++)
		if (keymap_bind(c->binds[i].key, c->binds[i].act) < 0)
			status = -1;
	return status;
}

/* ====================================================================
 * Writing it back
 * ==================================================================== */

static void write_look(FILE *out, style_role role, bool color)
{
	char name[64];
	style s = style_of(role, color);
	fprintf(out, "%s %s", color ? "color" : "mono", style_role_name(role, name, sizeof name));
	if (color)
		fprintf(out, " %s %s", style_color_name(s.fg), style_color_name(s.bg));
	bool any = false;
	for (size_t i = 0; i < style_attr_count(); i++) {
		if (s.attrs & style_attr_from_name(style_attr_name(i))) {
			fprintf(out, " %s", style_attr_name(i));
			any = true;
		}
	}
	/* A mono line needs a word after the role; normal says "none". */
	if (!any && !color)
		fputs(" normal", out);
	fputc('\n', out);
}

int config_write(FILE *out, const char *mode)
{
	char key[32], act[32];
	fputs("# quoth configuration: the settings in force (quoth --dump-config)\n", out);
	fprintf(out, "set color %s\n\n# color ROLE FG BG [ATTR...]\n", mode);
	for (int r = 0; r < ROLE_COUNT; r++)
		write_look(out, (style_role)r, true);
	fputs("\n# mono ROLE ATTR...\n", out);
	for (int r = 0; r < ROLE_COUNT; r++)
		write_look(out, (style_role)r, false);
	fputs("\n# bind KEY ACTION\n", out);
	for (size_t i = 0; i < keymap_count(); i++) {
		keymap_entry e = keymap_entry_at(i);
		fprintf(out, "bind %s %s\n", keymap_key_name(e.key, key, sizeof key),
		        keymap_action_config_name(e.act, act, sizeof act));
	}
	for (size_t i = 0; i < keymap_default_count(); i++) {
		keymap_entry e = keymap_default_at(i);
		if (keymap_lookup(e.key) == ACT_NONE)
			fprintf(out, "bind %s none\n", keymap_key_name(e.key, key, sizeof key));
	}
	return ferror(out) ? -1 : 0;
}

void config_free(config *c)
{
	if (!c)
		return;
	for (size_t i = 0; i < c->n_hidden; i++)
		free(c->hidden[i]);
	free(c->hidden);
	free(c->looks);
	free(c->binds);
	*c = (config){ 0 };
}
