/* reader.h - the state of one open article and how actions change it.
 *
 * Curses-free: reader_apply() takes an action and changes focus, scroll,
 * the current quote, the selected entity and the search, then returns
 * handler_result flags (handler.h) telling the loop what to do.  The
 * renderer reads the struct and the query functions below; it never
 * changes the state.
 *
 * Every action costs in proportion to the screen, not to the article:
 * positions are layout_pos, the lists are indexed once at reader_new(),
 * and the decorations of a byte range are found by binary search.  The
 * only scans of the text are the search's, and "next match" scans only up
 * to the next match. */
#ifndef QUOTH_READER_H
#define QUOTH_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "actions.h"
#include "article.h"
#include "geometry.h"
#include "handler.h"
#include "layout.h"
#include "listview.h"
#include "style.h"

/* ---- the lists -------------------------------------------------------- */

typedef enum entity_row_kind {
	ENTITY_ROW_LEGEND,  /* the type names, each in its colour */
	ENTITY_ROW_HEADER,  /* a type heading its entities */
	ENTITY_ROW_ENTITY,  /* one entity: name and number of mentions */
} entity_row_kind;

typedef struct entity_row {
	entity_row_kind kind;
	size_t type;        /* index into reader.types (HEADER, ENTITY) */
	size_t entity;      /* index into article.entities (ENTITY) */
} entity_row;

/* ---- search ----------------------------------------------------------- */

#define READER_QUERY_MAX 256

typedef struct search_state {
	bool editing;       /* the prompt is open: keys go to reader_search_key */
	char query[READER_QUERY_MAX];
	size_t qlen;
	bool icase;         /* smartcase result for query */
	unsigned mode;      /* search.h's SEARCH_ICASE | SEARCH_IACCENT for
	                       query, by the smartcase rules */
	bool active;        /* a confirmed or in-progress query highlights */
	bool found;         /* match below is valid */
	span match;         /* the current match */
	/* "match 3/12": counted when the query is confirmed, then kept by
	 * n and N; counted false before, or when there is no match. */
	bool counted;
	size_t n_matches;
	size_t match_no;    /* 1-based number of the current match */
	/* Where the search started, restored by Esc while editing. */
	layout_pos origin_top;
	size_t origin_anchor;
	size_t origin_offset;
	/* Per query length: the state after typing that many bytes, so that
	 * Backspace costs nothing and typing resumes from the last match. */
	struct search_step {
		bool found;
		bool wrapped;
		span match;
	} steps[READER_QUERY_MAX];
} search_state;

/* ---- the reader ------------------------------------------------------- */

#define READER_MESSAGE_MAX 160

typedef struct reader {
	const article *a;   /* borrowed: the caller (the app) owns it */
	layout *lay;        /* owned */
	geometry geo;
	pane_id focus;      /* focused pane; in narrow mode the visible tab */

	/* The text pane. */
	layout_pos top;     /* first row shown */
	size_t anchor;      /* byte offset kept at the top across resizes; set
	                       whenever the user scrolls */

	/* The entities pane. */
	const char **types; /* type labels present, in display order; strings
	                       belong to the article */
	size_t n_types;
	entity_row *ent_rows;   /* the rows shown: those of hidden types
	                           left out (the legend stays) */
	size_t n_ent_rows;
	bool *type_hidden;  /* type_hidden[t]: type t is hidden (issue 16):
	                       its entities left out of the list, its
	                       mentions not marked as entities */
	list_view ents;     /* over ent_rows (ents.n == n_ent_rows); cursor
	                       is always on an ENTITY row (if any) */
	long selected;      /* selected entity, or -1 */
	long mention;       /* index into the selected entity's mention_ids of
	                       the last mention gone to with m/M, or -1 */

	/* The quotes pane: quote indexes in body order (by first span). */
	size_t *order;      /* every quote, in body order */
	size_t n_order;
	const size_t *list; /* what the pane shows: order, or with the filter
	                       the selected entity's quotes (as speaker) */
	size_t n_list;
	bool filter;
	list_view quotes;   /* over list (quotes.n == n_list) */
	long current;       /* the current quote (index into article.quotes),
	                       or -1 before any */

	search_state search;
	char message[READER_MESSAGE_MAX];  /* "" when none */
	bool message_is_error;

	/* Indexes built once by reader_new; private to reader.c. */
	struct reader_index *ix;
} reader;

/* A reader on article a (borrowed; must outlive the reader) for a cols x
 * rows terminal, at the top, text focused.  NULL on OOM. */
reader *reader_new(const article *a, int cols, int rows);
/* Frees the reader and its layout, not the article.  Accepts NULL. */
void reader_free(reader *r);

/* Applies one action.  HANDLER_CLOSE for q, HANDLER_REDRAW (with
 * HANDLER_FULL_REDRAW for Ctrl-L) when anything changed, a message shown
 * or cleared included, HANDLER_IGNORED when nothing did (k at the top).
 * J and K return HANDLER_NEXT_ARTICLE or HANDLER_PREV_ARTICLE for the
 * app to act on; the reader itself does not change. */
handler_result reader_apply(reader *r, action act);

/* Shows only the entity types named in list, comma-separated ("PERSON,ORG",
 * as `--types` gives it), and hides every other; a name the article has
 * no entity of is passed over.  NULL shows every type. */
void reader_types_show_only(reader *r, const char *list);
/* Hides the types of the comma-separated list too (the config's hide
 * lines); NULL hides nothing more. */
void reader_types_hide(reader *r, const char *list);

/* True when the entity's type is hidden: the view draws its mentions as
 * plain text.  False for an index out of range. */
bool reader_entity_hidden(const reader *r, size_t entity);

/* Sets the status line's message (an error when error is set), as the
 * reader's own actions do; for the app, which has its say about J and K
 * ("no library"). */
void reader_set_message(reader *r, bool error, const char *text);

/* A key while r->search.editing: printable characters extend the query,
 * Backspace edits, Enter confirms, Esc cancels and returns the view to
 * where the search started.  HANDLER_REDRAW, or HANDLER_IGNORED for a
 * key that does nothing (a control key, or any key when not editing). */
handler_result reader_search_key(reader *r, int key);

/* Mouse: a click at cell (x, y) focuses the pane under it; in a list it
 * also selects that entity or goes to that quote; in the text, on a
 * mention it selects the entity, else on a quote it makes that quote the
 * current one (the text does not move).  The wheel scrolls the
 * pane under (x, y) by 3 rows, down when delta > 0. */
handler_result reader_click(reader *r, int x, int y);
handler_result reader_wheel(reader *r, int x, int y, int delta);

/* The terminal is now cols x rows: recompute the geometry, rewrap, and
 * keep the line that was at the top at the top.  While too small the
 * state is kept and actions other than q and Ctrl-L do nothing. */
handler_result reader_resize(reader *r, int cols, int rows);

/* ---- queries for the renderer (no state change but lazy wrapping) ----- */

/* The i-th row of the text pane (0 = top); false past the end of the
 * text or of the pane (and always while too small). */
bool reader_text_row(reader *r, int i, layout_row *row);

/* Who said q, as the quotes pane names them: an unnamed speaker by its own
 * words (even when tied to an entity), else the entity's name. */
const char *reader_quote_speaker(const reader *r, const quote *q);

/* Title row of a list pane: "Entities (12)", "Quotes (9)" or, with the
 * filter, "Quotes by NAME (3)"; "" for the text pane. */
void reader_pane_title(const reader *r, pane_id pane, char *buf, size_t n);

/* The title line: "title · source · date", missing parts left out. */
void reader_title(const reader *r, char *buf, size_t n);

/* The status line: while editing a search, "/QUERY"; otherwise the
 * focused pane, the position ("42%": as less, the share of the text above
 * the bottom of the pane, so 100% when the end is on screen), "quote 3/9"
 * (or "9 quotes" before any), the selected entity and "mention 2/5" after
 * m or M, "match 3/12" for a confirmed search, then the message or
 * "? help", separated by two spaces. */
void reader_status(const reader *r, char *buf, size_t n);

#endif
