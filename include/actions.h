/* actions.h - everything a key can ask for, in one list.
 *
 * ACTIONS(X) gives, for each action, its enum name and its help text.  The
 * enum and the help overlay are generated from it; the help's key column
 * is read from the key table in keymap.c (tig's get_keys), so the help
 * cannot drift from the bindings.  See keymap.h for the functions. */
#ifndef QUOTH_ACTIONS_H
#define QUOTH_ACTIONS_H

#define ACTIONS(X) \
	X(QUIT,          "back to the library, or quit") \
	X(DOWN,          "scroll one line down, or next item in a list") \
	X(UP,            "scroll one line up, or previous item in a list") \
	X(PAGE_DOWN,     "one page down") \
	X(PAGE_UP,       "one page up") \
	X(HALF_DOWN,     "half a page down") \
	X(HALF_UP,       "half a page up") \
	X(TOP,           "go to the top") \
	X(BOTTOM,        "go to the bottom") \
	X(FOCUS_NEXT,    "focus the next pane (next tab when narrow)") \
	X(FOCUS_PREV,    "focus the previous pane") \
	X(PANE_TEXT,     "the text") \
	X(PANE_ENTITIES, "the entities") \
	X(PANE_QUOTES,   "the quotes") \
	X(NEXT_QUOTE,    "next quote") \
	X(PREV_QUOTE,    "previous quote") \
	X(ENTER,         "go to the quote, select the entity, open") \
	X(NEXT_MENTION,  "next mention of the selected entity") \
	X(PREV_MENTION,  "previous mention of the selected entity") \
	X(FILTER,        "only the selected entity's quotes; again: all") \
	X(SEARCH,        "search the text (Enter confirms, Esc cancels)") \
	X(SEARCH_NEXT,   "next match") \
	X(SEARCH_PREV,   "previous match") \
	X(HELP,          "this help") \
	X(CLEAR,         "clear the selection and the search") \
	X(REDRAW,        "redraw the screen") \
	/* ---- the annotator's loop (issue 16) ---- */ \
	X(EDIT,          "edit the file at this place ($VISUAL, $EDITOR, vi)") \
	X(RELOAD,        "reload the file from disk") \
	/* ---- the reader's boxes ---- */ \
	X(DETAIL,        "details of the current quote") \
	X(INFO,          "the article: title, authors, source, file") \
	X(PROBLEMS,      "problems found loading the article") \
	/* ---- the library's neighbours, entity types ---- */ \
	X(NEXT_ARTICLE,  "next article of the library") \
	X(PREV_ARTICLE,  "previous article of the library") \
	X(TYPE_HIDE,     "hide the entity's type (list and text)") \
	X(TYPE_SHOW_ALL, "show every entity type again") \
	/* ---- the library's sort and the speakers (keymap.c says where \
	 * they work) ---- */ \
	X(SORT,          "sort by the next column") \
	X(SPEAKERS,      "who is quoted: across the library, or in this article") \
	/* ---- the compare view (issue 15) ---- */ \
	X(COMPARE,       "compare with another annotation of the article (its path)")

typedef enum action {
	ACT_NONE,
#define ACTIONS_ENUM(name, help) ACT_##name,
	ACTIONS(ACTIONS_ENUM)
#undef ACTIONS_ENUM
	ACT_COUNT
} action;

#endif
