/* speakers.h - who is quoted: one article's speakers, or a corpus's.
 *
 * Each quote counts for its speaker: a named entity, matched across
 * articles by its kb id when it has one, else by its name case-folded
 * (the ids are the annotator's and mean nothing across articles); an
 * unnamed speaker ("a senior State Department official") by its text,
 * case-folded; a quote without any speaker under one row of its own.
 * Curses-free, no I/O: the reader's overlay, the library's speakers view
 * and `quoth stats` all read these tables. */
#ifndef QUOTH_SPEAKERS_H
#define QUOTH_SPEAKERS_H

#include <stddef.h>

#include "article.h"

typedef enum speaker_kind {
	SPEAKER_ENTITY,     /* a named entity of the article */
	SPEAKER_UNNAMED,    /* only words: "the influential US daily" */
	SPEAKER_NONE,       /* a quote without a speaker */
} speaker_kind;

typedef struct speaker_row {
	char *key;          /* what rows merge by: "kb:Q22316", "name:john kerry",
	                       "text:a senior official", "none" */
	char *name;         /* as shown: the entity's name or the speaker's words,
	                       as first met */
	char *entity;       /* the entity's id as first met; NULL unless ENTITY */
	char *kb;           /* NULL when none */
	char *type;         /* the entity type; NULL unless ENTITY */
	speaker_kind kind;
	size_t quotes;
	size_t words;       /* words quoted: blank-separated runs with a letter
	                       or digit, over the quote's found fragments (a
	                       text written without spaces, as Japanese is,
	                       counts a run as one) */
	size_t articles;    /* articles with at least one quote of this speaker */
	size_t by_kind[4];  /* quotes by quote_kind */
	size_t last_article;/* the article that last counted, for articles */
} speaker_row;

typedef struct speaker_table {
	speaker_row *rows;  /* owned; in the order first met until sorted */
	size_t n;
	size_t cap;
	size_t *slots;      /* hash of keys -> row index + 1; 0 is empty */
	size_t n_slots;
	size_t quotes;      /* all quotes counted, of every speaker */
	size_t words;
	size_t articles;    /* articles added */
} speaker_table;

/* Counts every quote of a into t.  Returns 0, or -1 when out of memory
 * (t then holds what was counted before the call, still to be freed). */
int speakers_add_article(speaker_table *t, const article *a);

/* Adds every row of one (another table's counts: an article's, or a part
 * of a corpus's) into t, matched by key; a new row takes one's names.
 * Adding the tables of articles in turn gives what adding the articles
 * gives.  Returns 0, or -1 when out of memory (as speakers_add_article). */
int speakers_merge(speaker_table *t, const speaker_table *one);

typedef enum speaker_order {
	SPEAKERS_BY_QUOTES,     /* most quoted first; then words, then name */
	SPEAKERS_BY_WORDS,
	SPEAKERS_BY_ARTICLES,
	SPEAKERS_BY_NAME,
	SPEAKERS_BY_TYPE,       /* entity type A-Z, speakers without one last */
	SPEAKERS_BY_DIRECT,     /* most direct quotes first; then as quotes */
	SPEAKERS_BY_PARTIAL,
	SPEAKERS_BY_INDIRECT,
	SPEAKERS_BY_MIXED,
} speaker_order;

/* Sorts the rows; ties keep a fixed order (by name, then key). */
void speakers_sort(speaker_table *t, speaker_order order);

/* The row of key, or NULL. */
const speaker_row *speakers_find(const speaker_table *t, const char *key);

/* The key q's speaker is counted under, as speaker_row.key says, newly
 * allocated (the caller frees it), and *kind says which it is; NULL when
 * out of memory.  `quoth diff` compares speakers by the same keys. */
char *speakers_key_of(const article *a, const quote *q, speaker_kind *kind);

/* Words of q as found in a's body (0 when it was not found). */
size_t speakers_quote_words(const article *a, const quote *q);

/* Frees the rows and the index; t is empty after.  Accepts NULL. */
void speakers_free(speaker_table *t);

#endif
