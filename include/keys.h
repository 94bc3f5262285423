/* keys.h - input events as the curses-free layers see them.
 *
 * Printable keys are their Unicode code point; control keys are their
 * ASCII control code (Ctrl-D is 4); the other keys are KEY_* values above
 * Unicode.  The interactive loop and `quoth snapshot --keys` both turn
 * their input into these events, so both drive the same dispatch. */
#ifndef QUOTH_KEYS_H
#define QUOTH_KEYS_H

enum {
	QK_BASE = 0x110000,
	QK_UP, QK_DOWN, QK_LEFT, QK_RIGHT,
	QK_PGUP, QK_PGDN, QK_HOME, QK_END,
	QK_BTAB,        /* Shift-Tab */
	QK_F1,
	QK_BACKSPACE,
	QK_ENTER_KEY,   /* keypad Enter; '\n' and '\r' are Enter too */
};

#define QK_CTRL(c) ((c) & 0x1f)
#define QK_ESC 27
#define QK_TAB '\t'
#define QK_ENTER '\n'

typedef enum input_type {
	INPUT_KEY,
	INPUT_CLICK,        /* x, y: screen cell, 0-based */
	INPUT_WHEEL_UP,     /* x, y */
	INPUT_WHEEL_DOWN,
	INPUT_RESIZE,       /* x = columns, y = rows */
} input_type;

/* Rows one notch of the mouse wheel scrolls, in every list, the text and
 * the help: one number, so that no screen scrolls by another. */
#define INPUT_WHEEL_ROWS 3

typedef struct input_event {
	input_type type;
	int key;            /* for INPUT_KEY */
	int x;
	int y;
} input_event;

#endif
