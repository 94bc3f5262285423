/* stats.h - `quoth stats`: who is quoted, written for people and scripts.
 *
 * The tables come from speakers.h; this writes them as a table to read,
 * CSV (RFC 4180 quoting, LF line ends), one JSON document, or JSON Lines
 * of one article each, so that a corpus too big for one machine is
 * summarised in pieces and merged by any data engine. */
#ifndef QUOTH_STATS_H
#define QUOTH_STATS_H

#include <stdio.h>

#include "article.h"
#include "speakers.h"

/* What the whole run counted, beside the speakers. */
typedef struct stats_totals {
	size_t articles;        /* files read, with or without errors */
	size_t failed;          /* of them, articles that did not load */
	size_t entities;
} stats_totals;

/* Each returns 0, or -1 when writing failed or memory ran out. */

/* speaker,entity,kb,type,quotes,words,articles: one header line, then a
 * row per speaker in t's order. */
int stats_write_csv(FILE *out, const speaker_table *t);

/* The whole summary: totals, and every speaker with its counts, share of
 * quotes and quotes by kind. */
int stats_write_json(FILE *out, const speaker_table *t, const stats_totals *tot);

/* One line for one article: file, id, title, source, published, quotes,
 * entities, problems, speakers [{speaker, quotes, words}].  a is NULL for
 * an article that did not load (then only file and problems say
 * something). */
int stats_write_jsonl(FILE *out, const char *file, const article *a,
                      size_t problems, const speaker_table *speakers);

/* A table to read: a line per speaker with quotes, words, articles and a
 * bar of its share of all quotes, width columns wide. */
int stats_write_table(FILE *out, const speaker_table *t, const stats_totals *tot,
                      int width);

#endif
