/* snapshot.c - `quoth snapshot`: runs the app on a curses screen bound to
 * /dev/null and prints what that screen shows. */
#include "snapshot.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <wchar.h>

#include "app.h"
#include "app_compare.h"
#include "cli.h"
#include "corpus_files.h"
#include "diag.h"
#include "keyscript.h"
#include "article_load.h"
#include "render.h"
#include "style.h"
#include "text.h"

enum { SNAP_OK = 0, SNAP_INVALID = 1, SNAP_USAGE = 2 };

#define SNAP_DEFAULT_COLS 80
#define SNAP_DEFAULT_ROWS 24
#define SNAP_MAX_SIZE 1000

/* Terminal types tried in order: the first has colours and is in
 * Debian's ncurses-base; the second is there on any system with curses. */
static const char *const term_types[] = { "xterm-256color", "xterm" };

/* Letters of the style grid, given to looks in order of first appearance. */
static const char style_letters[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
#define N_LETTERS (sizeof style_letters - 1)

typedef struct snap_options {
	const char *path;
	const char *keys;
	const char *types;  /* --types, or NULL: every type shown */
	const char *compare;    /* --compare B: FILE against B, or NULL */
	int cols;
	int rows;
	bool color;
	size_t reading;     /* a library: read only this many articles (the
	                       screen "while still reading"); SIZE_MAX: all */
} snap_options;

/* One cell of the composed screen. */
typedef struct snap_cell {
	wchar_t wc[CCHARW_MAX + 1];
	int width;          /* 1 or 2; 0 for the right half of a wide char */
	style look;         /* as read from the screen */
	uint64_t roles;     /* the roles the renderer drew it with */
} snap_cell;

typedef struct snap_screen {
	int cols;
	int rows;
	snap_cell *cells;   /* rows * cols */
	bool cursor_shown;
	int cursor_x;
	int cursor_y;
} snap_screen;

/* ---- options ------------------------------------------------------------ */

static int usage(const char *fmt, const char *arg)
{
	fputs("quoth snapshot: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nusage: quoth snapshot [--size COLSxROWS] [--keys KEYS] "
	      "[--color=never|always] [--types T,T...] [--compare B] FILE|DIR\n", stderr);
	return SNAP_USAGE;
}

static bool parse_size(const char *s, int *cols, int *rows)
{
	char *end;
	long c = strtol(s, &end, 10);
	if (end == s || *end != 'x' || c < 1 || c > SNAP_MAX_SIZE || s[0] == '+' || s[0] == ' ')
		return false;
	const char *r0 = end + 1;
	long r = strtol(r0, &end, 10);
	if (end == r0 || *end != '\0' || r < 1 || r > SNAP_MAX_SIZE || r0[0] == '+' || r0[0] == ' ')
		return false;
	*cols = (int)c;
	*rows = (int)r;
	return true;
}

/* The value of --name VALUE or --name=VALUE at argv[*i], or NULL when
 * argv[*i] is not that option.  *missing is set when the value is absent. */
static const char *option_value(int argc, char **argv, int *i, const char *name,
                                bool *missing)
{
	size_t n = strlen(name);
	if (strncmp(argv[*i], name, n) != 0)
		return NULL;
	if (argv[*i][n] == '=')
		return argv[*i] + n + 1;
	if (argv[*i][n] != '\0')
		return NULL;
	if (*i + 1 >= argc) {
		*missing = true;
		return NULL;
	}
	return argv[++*i];
}

static int parse_options(int argc, char **argv, snap_options *o)
{
	*o = (snap_options){ .keys = "", .cols = SNAP_DEFAULT_COLS, .rows = SNAP_DEFAULT_ROWS,
	                     .reading = SIZE_MAX };
	for (int i = 1; i < argc; i++) {
		bool missing = false;
		const char *v;
		if ((v = option_value(argc, argv, &i, "--size", &missing))) {
			if (!parse_size(v, &o->cols, &o->rows))
				return usage("bad size '%s' (COLSxROWS, e.g. 80x24, each 1..1000)", v);
		} else if ((v = option_value(argc, argv, &i, "--reading", &missing))) {
			char *end;
			unsigned long long n = strtoull(v, &end, 10);
			if (!*v || *end || v[0] == '-')
				return usage("bad --reading '%s' (a number of articles)", v);
			o->reading = (size_t)n;
		} else if ((v = option_value(argc, argv, &i, "--keys", &missing))) {
			o->keys = v;
		} else if ((v = option_value(argc, argv, &i, "--compare", &missing))) {
			o->compare = v;     /* issue 15: the screen of diff --view FILE B */
		} else if ((v = option_value(argc, argv, &i, "--types", &missing))) {
			o->types = v;
		} else if ((v = option_value(argc, argv, &i, "--color", &missing))) {
			if (strcmp(v, "never") != 0 && strcmp(v, "always") != 0)
				return usage("unknown colour mode '%s' (never or always)", v);
			o->color = strcmp(v, "always") == 0;
		} else if (missing) {
			return usage("%s wants a value", argv[i]);
		} else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			return usage("unknown option '%s'", argv[i]);
		} else if (o->path) {
			return usage("one FILE or DIR at a time ('%s' is extra)", argv[i]);
		} else {
			o->path = argv[i];
		}
	}
	if (o->path == NULL)
		return usage("%s", "give a FILE or DIR");
	return SNAP_OK;
}

/* ---- the app ------------------------------------------------------------ */

/* --compare B: the article against B, as `quoth diff --view` opens it;
 * false, said on standard error, when it cannot be. */
static bool open_compare(app *ap, const snap_options *o)
{
	char why[APP_MESSAGE_MAX];
	if (ap->screen != APP_SCREEN_READER) {
		fputs("quoth snapshot: --compare wants a FILE, not a DIR\n", stderr);
		return false;
	}
	if (!app_compare_open(ap, NULL, o->compare, why, sizeof why)) {
		fprintf(stderr, "quoth snapshot: %s\n", why);
		return false;
	}
	ap->cmp_quits = true;
	return true;
}

/* The app on path: a library for a directory, else the article, loaded as
 * the reader loads it (any format, tolerantly: an article with problems
 * opens with them listed under !, and says so in the status line), so
 * that a snapshot is the reader's first screen; NULL, with the problems
 * printed, when no article could be made. */
static app *open_app(const snap_options *o, int *status)
{
	app *ap;
	*status = SNAP_INVALID;
	if (corpus_files_is_library(o->path)) {    /* a DIR, or JSON Lines */
		ap = app_new_library_reading(o->path, o->cols, o->rows, 0, o->reading);
	} else {
		diag_list diags = { 0 };
		article *a = cli_load_for_reading(o->path, &diags);
		if (!a) {
			diag_list_free(&diags);
			return NULL;
		}
		ap = app_new_article(a, o->cols, o->rows);
		if (ap) {
			app_set_problems(ap, &diags);
			app_problems_notice(ap, "");
		}
		diag_list_free(&diags);
	}
	if (ap == NULL)
		fputs("quoth snapshot: out of memory\n", stderr);
	else
		app_set_types(ap, o->types);
	if (ap && o->compare && !open_compare(ap, o)) {
		app_free(ap);
		return NULL;
	}
	return ap;
}

/* A wheel event given without a cell goes to the middle of the text pane
 * (of the list on the library screen). */
static input_event place_wheel(const app *ap, input_event ev)
{
	if ((ev.type != INPUT_WHEEL_UP && ev.type != INPUT_WHEEL_DOWN) ||
	    ev.x != KEYSCRIPT_NO_CELL)
		return ev;
	rect r = ap->screen == APP_SCREEN_READER && ap->rd ? ap->rd->geo.text : ap->geo.main;
	ev.x = r.x + r.w / 2;
	ev.y = r.y + r.h / 2;
	return ev;
}

/* Feeds every event to the app as the interactive loop does, drawing a
 * frame after each; stops early when the app quits. */
static void run_script(renderer *rn, app *ap, const keyscript *ks)
{
	render_frame(rn, ap, false);
	for (size_t i = 0; i < ks->n; i++) {
		input_event ev = place_wheel(ap, ks->events[i]);
		if (ev.type == INPUT_RESIZE)
			resizeterm(ev.y, ev.x);
		handler_result flags = app_handle(ap, &ev);
		if (flags & HANDLER_CLOSE)
			break;
		render_frame(rn, ap, (flags & HANDLER_FULL_REDRAW) != 0);
	}
}

/* ---- reading the screen back -------------------------------------------- */

static style_color color_of(short c)
{
	return c >= STYLE_BLACK && c <= STYLE_WHITE ? (style_color)c : STYLE_DEFAULT;
}

static void read_cell(int y, int x, snap_cell *c)
{
	cchar_t cc;
	attr_t attrs = 0;
	short pair = 0;
	*c = (snap_cell){ .width = 1, .look = { .fg = STYLE_DEFAULT, .bg = STYLE_DEFAULT } };
	if (mvwin_wch(curscr, y, x, &cc) == ERR ||
	    getcchar(&cc, c->wc, &attrs, &pair, NULL) == ERR || c->wc[0] == L'\0') {
		c->wc[0] = L' ';
		c->wc[1] = L'\0';
		return;
	}
	short fg = -1, bg = -1;
	if (pair > 0)
		pair_content(pair, &fg, &bg);
	c->look = (style){ .fg = color_of(fg), .bg = color_of(bg), .attrs = render_style_attrs(attrs) };
	int w = wcwidth(c->wc[0]);
	c->width = w == 2 ? 2 : 1;
}

/* Copies curscr into s, with the roles the renderer noted; false on OOM. */
static bool read_screen(const renderer *rn, snap_screen *s)
{
	s->rows = LINES;
	s->cols = COLS;
	s->cells = calloc((size_t)s->rows * (size_t)s->cols, sizeof *s->cells);
	if (s->cells == NULL)
		return false;
	for (int y = 0; y < s->rows; y++) {
		for (int x = 0; x < s->cols; x++) {
			snap_cell *c = &s->cells[(size_t)y * (size_t)s->cols + (size_t)x];
			read_cell(y, x, c);
			c->roles = render_cell_roles(rn, x, y);
			if (c->width == 2 && x + 1 < s->cols) {
				snap_cell *half = c + 1;
				*half = (snap_cell){ .width = 0, .look = c->look, .roles = c->roles };
				x++;
			}
		}
	}
	int vis = curs_set(0);
	s->cursor_shown = vis > 0;
	/* doupdate leaves the terminal cursor where stdscr's is. */
	getyx(stdscr, s->cursor_y, s->cursor_x);
	return true;
}

/* ---- printing ----------------------------------------------------------- */

/* Appends cp's UTF-8 to buf at n; returns the new length. */
static size_t put_cp(char *buf, size_t n, uint32_t cp)
{
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0))
		cp = '?';  /* never expected: the renderer draws placeholders */
	return n + utf8_encode(cp, buf + n);
}

/* The key script as a double-quoted string, with \ and " escaped. */
static void put_quoted(FILE *out, const char *s)
{
	fputc('"', out);
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			fprintf(out, "\\x%02x", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* Each row is composed in a buffer and written at once: one call per row
 * rather than one per character.  False when out of memory. */
static bool print_text(FILE *out, const snap_screen *s)
{
	char *row = malloc((size_t)s->cols * CCHARW_MAX * 4 + 3);
	if (!row)
		return false;
	for (int y = 0; y < s->rows; y++) {
		size_t n = 0;
		row[n++] = '|';
		for (int x = 0; x < s->cols; x++) {
			const snap_cell *c = &s->cells[(size_t)y * (size_t)s->cols + (size_t)x];
			/* The right half of a wide character prints nothing: the
			 * character already takes both columns, as in tmux. */
			for (int k = 0; c->width > 0 && k < CCHARW_MAX && c->wc[k]; k++)
				n = put_cp(row, n, (uint32_t)c->wc[k]);
		}
		row[n++] = '|';
		row[n++] = '\n';
		fwrite(row, 1, n, out);
	}
	free(row);
	return true;
}

static bool look_equal(style a, style b)
{
	return a.fg == b.fg && a.bg == b.bg && a.attrs == b.attrs;
}

/* Distinct (look, roles) of the cells in order of first appearance; plain
 * text in the default look is '.'.  Two roles that look alike still get
 * two letters, so a golden notices a cell that changes role. */
typedef struct look_table {
	style looks[N_LETTERS];
	uint64_t roles[N_LETTERS];
	size_t n;
} look_table;

/* In the style grid: the second column of a wide character.  The text
 * grid prints nothing there, as a terminal does (see print_text). */
#define WIDE_RIGHT '>'

static char letter_of(look_table *t, const snap_cell *c)
{
	if (c->roles == 0 && look_equal(c->look, style_of(ROLE_NORMAL, false)))
		return '.';
	for (size_t i = 0; i < t->n; i++)
		if (look_equal(t->looks[i], c->look) && t->roles[i] == c->roles)
			return style_letters[i];
	if (t->n == N_LETTERS)
		return '#';
	t->looks[t->n] = c->look;
	t->roles[t->n] = c->roles;
	return style_letters[t->n++];
}

/* The style grid; the right half of a wide character is marked WIDE_RIGHT
 * (its look is its left half's).  Returns whether any was marked. */
static bool print_styles(FILE *out, const snap_screen *s, look_table *t)
{
	bool wide = false;
	for (int y = 0; y < s->rows; y++) {
		fputc('|', out);
		for (int x = 0; x < s->cols; x++) {
			const snap_cell *c = &s->cells[(size_t)y * (size_t)s->cols + (size_t)x];
			if (c->width == 0) {
				fputc(WIDE_RIGHT, out);
				wide = true;
			} else {
				fputc(letter_of(t, c), out);
			}
		}
		fputs("|\n", out);
	}
	return wide;
}

/* ---- the legend --------------------------------------------------------- */

/* Names the roles of a cell, painted in role order as the renderer
 * paints them; says so when the screen shows something else than those
 * roles compose in style.h (a renderer bug). */
static void name_roles(style look, uint64_t roles, bool color, char *buf, size_t size)
{
	size_t len = 0;
	style composed = style_of(ROLE_NORMAL, color);
	buf[0] = '\0';
	for (int r = 0; r < ROLE_COUNT && len < size; r++) {
		if (!(roles & (UINT64_C(1) << r)))
			continue;
		composed = render_compose(composed, style_of((style_role)r, color));
		len += (size_t)snprintf(buf + len, size - len, "%s%s", len ? " + " : "",
		                        style_role_label((style_role)r));
	}
	if (roles == 0)
		len = (size_t)snprintf(buf, size, "%s", style_role_label(ROLE_NORMAL));
	if (!look_equal(composed, look) && len < size)
		snprintf(buf + len, size - len, " (MISMATCH: the roles give another look)");
}

static void describe_look(style look, char *buf, size_t size)
{
	static const struct {
		int flag;
		const char *name;
	} flags[] = {
		{ .flag = STYLE_BOLD, .name = "bold" },
		{ .flag = STYLE_DIM, .name = "dim" },
		{ .flag = STYLE_ITALIC, .name = "italic" },
		{ .flag = STYLE_UNDERLINE, .name = "underline" },
		{ .flag = STYLE_REVERSE, .name = "reverse" },
	};
	size_t len = (size_t)snprintf(buf, size, "%s on %s", style_color_name(look.fg),
	                              style_color_name(look.bg));
	const char *sep = ", ";
	for (size_t i = 0; i < sizeof flags / sizeof flags[0] && len < size; i++) {
		if (!(look.attrs & flags[i].flag))
			continue;
		len += (size_t)snprintf(buf + len, size - len, "%s%s", sep, flags[i].name);
		sep = " ";
	}
}

static void print_legend(FILE *out, const look_table *t, bool color)
{
	for (size_t i = 0; i < t->n; i++) {
		char roles[1024], how[128];
		name_roles(t->looks[i], t->roles[i], color, roles, sizeof roles);
		describe_look(t->looks[i], how, sizeof how);
		fprintf(out, "%c = %s: %s\n", style_letters[i], roles, how);
	}
}

/* False when out of memory (said on standard error). */
static bool print_snapshot(FILE *out, const snap_options *o, const snap_screen *s)
{
	fprintf(out, "# quoth snapshot: %s size %dx%d keys ", o->path, o->cols, o->rows);
	put_quoted(out, o->keys);
	fprintf(out, " color %s", o->color ? "always" : "never");
	if (o->reading != SIZE_MAX)
		fprintf(out, " reading %zu", o->reading);
	if (o->compare)
		fprintf(out, " compare %s", o->compare);
	fputc('\n', out);
	if (s->cols != o->cols || s->rows != o->rows)
		fprintf(out, "# screen %dx%d after the keys\n", s->cols, s->rows);
	if (!print_text(out, s)) {
		fputs("quoth snapshot: out of memory\n", stderr);
		return false;
	}
	if (s->cursor_shown)
		fprintf(out, "# cursor %d %d\n", s->cursor_x, s->cursor_y);
	else
		fputs("# cursor hidden\n", out);
	fputs("# styles\n", out);
	look_table t = { .n = 0 };
	bool wide = print_styles(out, s, &t);
	fputs("# legend\n", out);
	print_legend(out, &t, o->color);
	if (wide)
		fprintf(out, "%c = right half of the wide character to its left\n", WIDE_RIGHT);
	return true;
}

/* ---- the run ------------------------------------------------------------ */

/* A curses screen on /dev/null of a fixed terminal type. */
static SCREEN *open_screen(FILE *out, FILE *in)
{
	use_env(FALSE);  /* LINES and COLUMNS must not change the size */
	for (size_t i = 0; i < sizeof term_types / sizeof term_types[0]; i++) {
		SCREEN *scr = newterm(term_types[i], out, in);
		if (scr)
			return scr;
	}
	fputs("quoth snapshot: no terminal description for xterm-256color or xterm "
	      "(install ncurses-base)\n", stderr);
	return NULL;
}

/* Runs the script on a headless screen and fills s; returns a status. */
static int snapshot_run(const snap_options *o, app *ap, const keyscript *ks,
                        snap_screen *s)
{
	FILE *out = fopen("/dev/null", "w");
	FILE *in = fopen("/dev/null", "r");
	int status = SNAP_INVALID;
	SCREEN *scr = out && in ? open_screen(out, in) : NULL;
	if (scr) {
		resizeterm(o->rows, o->cols);
		renderer rn;
		render_init(&rn, o->color && has_colors());
		rn.record = true;
		run_script(&rn, ap, ks);
		status = read_screen(&rn, s) ? SNAP_OK : SNAP_INVALID;
		render_free(&rn);
		endwin();
		delscreen(scr);
	} else if (!out || !in) {
		perror("quoth snapshot: /dev/null");
	}
	if (out)
		fclose(out);
	if (in)
		fclose(in);
	return status;
}

int snapshot_main(int argc, char **argv)
{
	snap_options o;
	int status = parse_options(argc, argv, &o);
	if (status != SNAP_OK)
		return status;
	keyscript ks;
	char err[256];
	if (keyscript_parse(o.keys, &ks, err, sizeof err) < 0)
		return usage("bad --keys: %s", err);
	/* The same screen wherever it runs. */
	setlocale(LC_ALL, "C.UTF-8");
	setenv("TZ", "UTC", 1);
	tzset();

	app *ap = open_app(&o, &status);
	snap_screen s = { 0 };
	if (ap)
		status = snapshot_run(&o, ap, &ks, &s);
	if (status == SNAP_OK) {
		if (!print_snapshot(stdout, &o, &s) || fflush(stdout) == EOF)
			status = SNAP_INVALID;
	}
	free(s.cells);
	app_free(ap);
	keyscript_free(&ks);
	return status;
}

int snapshot_exercise(const char *name, const char *bytes, size_t len,
                      int cols, int rows, const char *keys, bool color)
{
	keyscript ks;
	char err[256];
	if (keyscript_parse(keys, &ks, err, sizeof err) < 0)
		return SNAP_USAGE;
	article *a = NULL;
	diag_list diags = { 0 };
	int status = SNAP_INVALID;
	/* As the reader opens it: an article with problems is drawn too. */
	load_article_tolerant_mem(name, bytes, len, &a, &diags);
	if (a) {
		app *ap = app_new_article(a, cols, rows);
		if (ap) {
			app_set_problems(ap, &diags);
			app_problems_notice(ap, "");
		}
		snap_options o = { .path = name, .cols = cols, .rows = rows,
		                   .keys = keys, .color = color };
		snap_screen s = { 0 };
		status = ap ? snapshot_run(&o, ap, &ks, &s) : SNAP_INVALID;
		free(s.cells);
		app_free(ap);
	}
	diag_list_free(&diags);
	keyscript_free(&ks);
	return status;
}
