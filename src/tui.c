/* tui.c - the interactive loop: curses on the terminal, keys and mouse to
 * input events, redraws on app_handle()'s flags, signals and resizes. */
#include "tui.h"

#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <termios.h>
#include <unistd.h>

#include "keys.h"

/* Milliseconds get_wch waits before the loop looks at the signal flags
 * again (a signal may land between the check and the read). */
#define TUI_POLL_MS 200
/* The same while the library still reads articles, so that rows and the
 * progress line fill in smoothly. */
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

/* ---- the loop --------------------------------------------------------- */

static void run_loop(renderer *rn, app *ap)
{
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
		input_event ev;
		/* The library reads in the background: show what it read. */
		wtimeout(stdscr, app_busy(ap) ? TUI_BUSY_POLL_MS : TUI_POLL_MS);
		if (rc == ERR && !stop_requested && (app_poll(ap) & HANDLER_REDRAW))
			render_frame(rn, ap, false);
		if (stop_requested || !input_of(rc, ch, &ev))
			continue;
		handler_result flags = app_handle(ap, &ev);
		if (flags & HANDLER_CLOSE)
			break;
		if (flags & (HANDLER_REDRAW | HANDLER_FULL_REDRAW))
			render_frame(rn, ap, (flags & HANDLER_FULL_REDRAW) != 0);
	}
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
