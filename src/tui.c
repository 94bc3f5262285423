/* tui.c - the interactive loop: curses on the terminal, keys and mouse to
 * input events, redraws on app_handle()'s flags, signals and resizes; the
 * open article's file and every folder of the library watched for changes,
 * and the editor run for e. */
#include "tui.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#include "editor.h"
#include "keys.h"
#include "settle.h"
#include "watch.h"

/* Milliseconds get_wch waits before the loop looks at the signal flags
 * and the watches again (a signal may land between the check and the
 * read).  The inotify descriptor is read then, without blocking: a change
 * is seen within this time, well inside the half second asked for; a
 * watch that polls by time looks at most every WATCH_POLL_MS itself.
 * (Polling the descriptor beside stdin would miss keys curses has
 * already read into its own buffer.) */
#define TUI_POLL_MS 100
/* While the library still reads articles: so that rows and the progress
 * line fill in smoothly. */
#define TUI_BUSY_POLL_MS 30
/* Milliseconds to tell Esc from the start of an escape sequence. */
#define TUI_ESCDELAY 25

/* Set by signal handlers, read by the loop: the only state outside the
 * app, because a handler can reach nothing else. */
static volatile sig_atomic_t stop_requested;
static volatile sig_atomic_t resumed;

/* The terminal modes before curses, restored on a crash (tcsetattr is
 * safe in a signal handler, endwin is not). */
static struct termios saved_modes;
static volatile sig_atomic_t have_saved_modes;

static void on_stop_signal(int sig)
{
	(void)sig;
	stop_requested = 1;
}

/* SIGINT while the editor runs: Ctrl-C belongs to the editor, and a
 * caught signal (unlike an ignored one) is the default again in the
 * child after exec. */
static void on_editor_interrupt(int sig)
{
	(void)sig;
}

static void on_continue(int sig)
{
	(void)sig;
	resumed = 1;
}

static void on_crash(int sig)
{
	static const char reset[] = "\033[?1049l\033[?25h\033[0m\r\n";
	if (have_saved_modes)
		tcsetattr(STDIN_FILENO, TCSANOW, &saved_modes);
	if (write(STDOUT_FILENO, reset, sizeof reset - 1) < 0) {
		/* nothing more can be done while crashing */
	}
	signal(sig, SIG_DFL);
	raise(sig);
}

/* An exit() from anywhere (a library, an assertion) still gives the
 * terminal back. */
static void restore_at_exit(void)
{
	if (!isendwin())
		endwin();
}

static void install_handlers(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	/* No SA_RESTART: a signal interrupts get_wch so the loop sees it. */
	sa.sa_handler = on_stop_signal;
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sa.sa_handler = on_continue;
	sigaction(SIGCONT, &sa, NULL);
	sa.sa_handler = on_crash;
	sa.sa_flags = SA_RESETHAND;
	sigaction(SIGSEGV, &sa, NULL);
	sigaction(SIGBUS, &sa, NULL);
	sigaction(SIGFPE, &sa, NULL);
	sigaction(SIGABRT, &sa, NULL);
}

/* ---- terminal set-up -------------------------------------------------- */

/* Whether TERM names a terminal that curses can draw on; prints why not.
 * Checked with setupterm first: a failed newterm leaks its screen. */
static bool terminal_usable(const char *term)
{
	if (term == NULL || term[0] == '\0') {
		fputs("quoth: TERM is not set, so the terminal cannot be used; "
		      "set TERM (e.g. TERM=xterm-256color) or use 'quoth snapshot'\n", stderr);
		return false;
	}
	int err = 0;
	if (setupterm(term, STDOUT_FILENO, &err) != OK) {
		fprintf(stderr, "quoth: unknown terminal type '%s'; set TERM to one this "
		        "system knows (e.g. xterm-256color) or use 'quoth snapshot'\n", term);
		return false;
	}
	const char *cup = tigetstr("cup");
	bool can_move = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	if (!can_move)
		fprintf(stderr, "quoth: the terminal '%s' cannot move the cursor; use a full "
		        "terminal, or 'quoth snapshot' / 'quoth export --json'\n", term);
	return can_move;
}

/* curses on the terminal, or NULL with the reason printed. */
static SCREEN *open_terminal(void)
{
	const char *term = getenv("TERM");
	if (!terminal_usable(term))
		return NULL;
	SCREEN *scr = newterm(NULL, stdout, stdin);
	if (scr == NULL)
		fprintf(stderr, "quoth: cannot use the terminal '%s'\n", term);
	return scr;
}

static void setup_modes(void)
{
	cbreak();   /* not raw: Ctrl-Z and Ctrl-C still send signals */
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(TUI_ESCDELAY);
	wtimeout(stdscr, TUI_POLL_MS);
	mousemask(BUTTON1_PRESSED | BUTTON1_CLICKED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
}

/* ---- input ------------------------------------------------------------ */

static bool mouse_event(input_event *ev)
{
	MEVENT me;
	if (getmouse(&me) != OK)
		return false;
	ev->x = me.x;
	ev->y = me.y;
	if (me.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED))
		ev->type = INPUT_CLICK;
	else if (me.bstate & BUTTON4_PRESSED)
		ev->type = INPUT_WHEEL_UP;
	else if (me.bstate & BUTTON5_PRESSED)
		ev->type = INPUT_WHEEL_DOWN;
	else
		return false;
	return true;
}

static const struct {
	int curses;
	int key;
} function_keys[] = {
	{ .curses = KEY_UP, .key = QK_UP },
	{ .curses = KEY_DOWN, .key = QK_DOWN },
	{ .curses = KEY_LEFT, .key = QK_LEFT },
	{ .curses = KEY_RIGHT, .key = QK_RIGHT },
	{ .curses = KEY_PPAGE, .key = QK_PGUP },
	{ .curses = KEY_NPAGE, .key = QK_PGDN },
	{ .curses = KEY_HOME, .key = QK_HOME },
	{ .curses = KEY_END, .key = QK_END },
	{ .curses = KEY_BTAB, .key = QK_BTAB },
	{ .curses = KEY_F(1), .key = QK_F1 },
	{ .curses = KEY_BACKSPACE, .key = QK_BACKSPACE },
	{ .curses = KEY_ENTER, .key = QK_ENTER_KEY },
};

/* Turns what get_wch returned into an event; false for nothing to do. */
static bool input_of(int rc, wint_t ch, input_event *ev)
{
	*ev = (input_event){ .type = INPUT_KEY };
	if (rc == OK) {
		ev->key = ch == 127 ? QK_BACKSPACE : ch == '\r' ? QK_ENTER : (int)ch;
		return true;
	}
	if (rc != KEY_CODE_YES)
		return false;
	if (ch == KEY_RESIZE) {
		*ev = (input_event){ .type = INPUT_RESIZE, .x = COLS, .y = LINES };
		return true;
	}
	if (ch == KEY_MOUSE)
		return mouse_event(ev);
	for (size_t i = 0; i < sizeof function_keys / sizeof function_keys[0]; i++) {
		if (function_keys[i].curses == (int)ch) {
			ev->key = function_keys[i].key;
			return true;
		}
	}
	return false;
}

/* ---- watching the files ------------------------------------------------ */

typedef struct tui_watches {
	file_watch *article;    /* the open article's file, or NULL */
	char *article_path;     /* what article watches */
	file_watch *library;    /* the library's directory, or NULL */
	settle library_burst;   /* its changes, read again as one */
} tui_watches;

static long long now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The watch on the article follows the article opened (or closed). */
static void watches_follow(tui_watches *w, const app *ap)
{
	const char *path = app_watch_path(ap);
	if (path && w->article_path && strcmp(path, w->article_path) == 0)
		return;
	watch_free(w->article);
	free(w->article_path);
	w->article = NULL;
	w->article_path = path ? strdup(path) : NULL;
	if (w->article_path)
		w->article = watch_new(w->article_path, WATCH_AUTO);
}

/* Reloads what changed on disk: the open article, or on the library
 * screen the library, in any folder below it (a change meanwhile is seen
 * when it comes back), a burst of changes (an import writing a thousand
 * files) read again as one (settle.h).  The library's watch falling back
 * to polling is said once in the status line. */
static handler_result watches_check(tui_watches *w, app *ap)
{
	long long now = now_ms();
	if (ap->screen == APP_SCREEN_READER)
		return w->article && watch_changed(w->article, now) ? app_reload(ap)
		                                                    : HANDLER_IGNORED;
	if (!w->library)
		return HANDLER_IGNORED;
	if (watch_changed(w->library, now))
		settle_note(&w->library_burst, now);
	handler_result flags = settle_due(&w->library_burst, now) ? app_files_changed(ap)
	                                                         : HANDLER_IGNORED;
	const char *note = watch_note(w->library);
	if (note) {
		app_notice(ap, true, note, NULL);
		flags |= HANDLER_REDRAW;
	}
	return flags;
}

static void watches_free(tui_watches *w)
{
	watch_free(w->article);
	watch_free(w->library);
	free(w->article_path);
}

/* ---- the editor --------------------------------------------------------- */

/* Runs the editor on the app's edit target, leaving curses as Ctrl-Z
 * does and coming back to a full redraw, then reloads what was edited. */
static void run_editor(tui_watches *w, app *ap)
{
	const char *file, *why, *err = NULL;
	int line;
	ap->edit_pending = false;
	if (!app_edit_target(ap, &file, &line, &why)) {
		app_notice(ap, true, why, NULL);
		return;
	}
	char **argv = editor_argv(getenv("VISUAL"), getenv("EDITOR"), line, file, &err);
	if (!argv) {
		app_notice(ap, true, err ? err : "out of memory", NULL);
		return;
	}
	def_prog_mode();
	endwin();
	struct sigaction quiet, saved;
	memset(&quiet, 0, sizeof quiet);
	sigemptyset(&quiet.sa_mask);
	quiet.sa_handler = on_editor_interrupt;
	sigaction(SIGINT, &quiet, &saved);
	int rc = editor_run(argv);
	sigaction(SIGINT, &saved, NULL);
	editor_argv_free(argv);
	reset_prog_mode();
	/* The watches saw the editor's writes: this reload stands for them. */
	if (w->article)
		watch_changed(w->article, now_ms());
	if (ap->screen == APP_SCREEN_READER) {
		app_reload(ap);
	} else {
		if (w->library)
			watch_changed(w->library, now_ms());
		w->library_burst.pending = false;
		app_files_changed(ap);
	}
	if (rc != 0) {
		char msg[64];
		snprintf(msg, sizeof msg, "%d", rc);
		app_notice(ap, true, rc == 127 ? "the editor could not be started: status "
		                               : "the editor exited with status ", msg);
	}
}

/* ---- the loop --------------------------------------------------------- */

static void run_loop(renderer *rn, app *ap)
{
	tui_watches w = { 0 };
	if (ap->lib && ap->lib->dir)
		w.library = watch_new(ap->lib->dir, WATCH_AUTO);
	watches_follow(&w, ap);
	input_event size = { .type = INPUT_RESIZE, .x = COLS, .y = LINES };
	app_handle(ap, &size);
	render_frame(rn, ap, false);
	while (!stop_requested) {
		wint_t ch = 0;
		int rc = get_wch(&ch);
		if (resumed) {  /* back from Ctrl-Z: the screen may be anything */
			resumed = 0;
			render_frame(rn, ap, true);
		}
		if (stop_requested)
			break;
		handler_result flags = watches_check(&w, ap);
		input_event ev;
		/* The library reads in the background: show what it read. */
		wtimeout(stdscr, app_busy(ap) ? TUI_BUSY_POLL_MS : TUI_POLL_MS);
		if (rc == ERR && app_poll(ap) & HANDLER_REDRAW)
			flags |= HANDLER_REDRAW;
		if (input_of(rc, ch, &ev))
			flags |= app_handle(ap, &ev);
		if (flags & HANDLER_CLOSE)
			break;
		if (ap->edit_pending) {
			run_editor(&w, ap);
			flags |= HANDLER_FULL_REDRAW;
		}
		watches_follow(&w, ap);
		if (flags & (HANDLER_REDRAW | HANDLER_FULL_REDRAW))
			render_frame(rn, ap, (flags & HANDLER_FULL_REDRAW) != 0);
	}
	watches_free(&w);
}

int tui_run(app *ap, int color)
{
	stop_requested = 0;
	resumed = 0;
	if (tcgetattr(STDIN_FILENO, &saved_modes) == 0)
		have_saved_modes = 1;
	/* Before newterm, so curses keeps our handlers instead of its own. */
	install_handlers();
	SCREEN *scr = open_terminal();
	if (scr == NULL)
		return 1;
	atexit(restore_at_exit);
	setup_modes();
	renderer rn;
	render_init(&rn, render_wants_color((color_mode)color, getenv("NO_COLOR")));
	run_loop(&rn, ap);
	render_free(&rn);
	endwin();
	delscreen(scr);
	return 0;
}
