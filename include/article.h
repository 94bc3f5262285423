/* article.h - the article model: plain structs, no parsing, no curses.
 *
 * An article owns every array and string below it; article_free() releases
 * them all.  Offsets into the body are bytes, 0-based, end exclusive. */
#ifndef QUOTH_ARTICLE_H
#define QUOTH_ARTICLE_H

#include <stdbool.h>
#include <stddef.h>

/* A place in the YAML source, 1-based; line 0 means "no position". */
typedef struct src_pos {
	int line;
	int col;
} src_pos;

/* A byte range of the body, end exclusive. */
typedef struct span {
	size_t start;
	size_t end;
} span;

/* One found occurrence of an entity in the body. */
typedef struct mention {
	span at;
	size_t entity;      /* index into article.entities */
	bool explicit_;     /* given by offset in the file, not found by name */
} mention;

typedef struct entity {
	char *id;
	char *name;
	char *type;         /* PERSON, ORG, GPE, ... or any upper-case label */
	char *kb;           /* may be NULL */
	char *description;  /* may be NULL */
	char **aliases;
	size_t n_aliases;
	bool ignore_case;   /* "case: insensitive": ASCII letters match either case */
	span *given;        /* explicit mentions from the file ("mentions:") */
	size_t n_given;
	src_pos *given_pos; /* one per explicit mention: its [start, end] pair */
	/* Filled by the resolver: indexes into article.mentions, ascending. */
	size_t *mention_ids;
	size_t n_mentions;
	src_pos pos;        /* the entity's mapping in the file */
	src_pos id_pos;
	src_pos name_pos;
	src_pos *alias_pos; /* one per alias */
	bool name_from_mention; /* no "name:" in the file: the resolver named
	                           it after its first given mention, and does
	                           not search the body for it */
	bool malformed;     /* the loader refused part of it (reported) */
} entity;

typedef enum quote_kind {
	QUOTE_DIRECT,
	QUOTE_PARTIAL,
	QUOTE_INDIRECT,
	QUOTE_MIXED,
} quote_kind;

typedef struct quote {
	char *id;           /* may be NULL */
	char **fragments;   /* the quoted words, in body order; one unless split.
	                       Given only by "span:", the resolver fills them
	                       from the body */
	size_t n_fragments;
	src_pos *fragment_pos;
	src_pos *fragment_text_pos; /* per fragment: where its first character
	                       stands when the file writes it on one line as it
	                       reads (no escapes), else line 0; so a message can
	                       point inside it.  May be NULL */
	span *given;        /* "span:": the content by position, in the file's
	                       unit (article.offsets), one per fragment */
	src_pos *given_pos; /* one per given span: its [start, end] pair */
	size_t n_given;
	char *speaker_id;   /* entity id, or NULL for an unnamed speaker */
	char *speaker_text; /* "a senior State Department official", "he": the
	                       words that stand for the speaker, or NULL; for
	                       words in pieces, the pieces joined by " … " */
	char **speaker_pieces; /* the speaker's "text:" given as a list: one
	                       string per piece of a source in pieces; NULL
	                       when it was one string (then speaker_text) */
	src_pos *speaker_piece_pos;
	size_t n_speaker_pieces;
	src_pos speaker_pos;
	bool no_speaker;    /* "speaker: none": an attribution with no source */
	bool speaker_unknown; /* "speaker: unknown": it has a source, which
	                       the annotation does not give (PolNeAR's
	                       Attribution event without a Source role) */
	span *source_given; /* the speaker's "span:", one pair per piece, in
	                       the file's unit; NULL when not given */
	src_pos *source_given_pos;
	size_t n_source_given;
	char **cue;         /* the cue's pieces: "said", or "was", "slated";
	                       NULL when there is none */
	size_t n_cue;
	src_pos *cue_piece_pos; /* one per piece */
	src_pos cue_pos;
	span *cue_given;    /* "cue_span:", in the file's unit */
	src_pos *cue_given_pos;
	size_t n_cue_given;
	quote_kind kind;
	int occurrence;     /* 1-based; 0 when not given */
	src_pos pos;        /* the quote's mapping in the file */
	bool malformed;     /* the loader refused part of it (reported): the
	                       resolver leaves it unresolved */
	/* Filled by the resolver. */
	long speaker;       /* index into entities, or -1 */
	span *spans;        /* the content: one per fragment; direct ones include
	                       their marks; NULL when !resolved */
	span *cue_spans;    /* the cue's pieces as found, in body order */
	size_t n_cue_spans; /* 0 when there is no cue or it was not found */
	span *source_spans; /* the words that stand for the speaker at this
	                       quote ("he", "the influential US daily", or the
	                       named mention given), in body order: one span,
	                       or one per piece of a source in pieces ("Justice
	                       Kennedy" … "the court's liberals") */
	size_t n_source_spans; /* 0 when the source is not located */
	bool resolved;      /* false when the quote could not be placed in the
	                       body: it is kept, with its problem among the load's
	                       diagnostics at pos, so that nothing is lost */
} quote;

/* The unit of the positions an article file gives (spans, mentions):
 * bytes of the body, or Unicode code points as brat, PolNeAR, citron,
 * spaCy and Prodigy count.  The model always holds bytes. */
typedef enum offset_unit {
	OFFSETS_BYTES,
	OFFSETS_CHARS,
} offset_unit;

typedef struct article {
	char *path;         /* as given to the loader */
	int path_line;      /* the line of path that holds this article, for
	                       one line of a JSON Lines file; 0: all of path */
	offset_unit offsets;/* the unit of the file's positions ("offsets:") */
	char *title;
	char *subtitle;
	char *source;
	char **authors;
	size_t n_authors;
	char *published;
	char *url;
	char *language;
	char *id;
	char *body;         /* UTF-8, NUL-terminated, no NUL inside */
	size_t body_len;
	int body_line;      /* file line of the body's first line for a literal
	                       block scalar (so body line n is file line
	                       body_line + n - 1), 0 when it cannot be mapped */
	int body_indent;    /* with body_line: the block's indentation, so body
	                       column c is file column body_indent + c */
	src_pos body_pos;
	bool body_folded;   /* body is not a literal block scalar and spans
	                       several lines of the file: YAML folded its line
	                       breaks into spaces (lint.h warns) */
	entity *entities;
	size_t n_entities;
	quote *quotes;
	size_t n_quotes;
	/* Filled by the resolver: every mention, sorted by start. */
	mention *mentions;
	size_t n_mentions;
} article;

void article_free(article *a);

/* Frees what e owns (not e itself), for dropping one from an article. */
void entity_clear(entity *e);

const char *quote_kind_name(quote_kind kind);

/* Whether s is an entity type label as articles and the config file write
 * them: upper-case ASCII letters, digits and '_', not empty. */
bool article_type_label_valid(const char *s);

/* The entity types quoth knows, in the order the entities pane lists them;
 * each has a display role of its own (style.h: ROLE_ENT_PERSON...).  Any
 * other upper-case label is allowed and shown as "other".  The one list:
 * style.h, the reader and the loader's hint are generated from it. */
#define ENTITY_TYPES(X) \
	X(PERSON) X(ORG) X(GPE) X(LOC) X(NORP) X(EVENT) X(DATE) X(WORK) X(MISC)

#endif
