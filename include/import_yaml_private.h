/* import_yaml_private.h - what import_yaml.c (the article and its
 * quotes) and import_yaml_entities.c (the entities, their types and
 * mentions) share, and nobody else sees.  Calls run one way: import_yaml.c calls
 * the entities file, never the reverse. */
#ifndef QUOTH_IMPORT_YAML_PRIVATE_H
#define QUOTH_IMPORT_YAML_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "import_doc.h"
#include "import_report.h"
#include "import_yaml.h"

#define IY_NO_ENTITY SIZE_MAX

/* One found place of an entity, for linking speakers. */
typedef struct iy_mention {
	size_t start, end, entity;
} iy_mention;

/* The state of one import_yaml_write(). */
typedef struct iy_writer {
	const import_doc *doc;
	const import_yaml_meta *meta;
	FILE *out;
	import_report rep;
	size_t n_entities;
	size_t *of_span;        /* entity of each span, or IY_NO_ENTITY */
	size_t *fill;           /* room for one index per entity */
	size_t *by_entity;      /* span indexes grouped by entity, file order */
	size_t *group_at;       /* entity k's spans: by_entity[group_at[k]..[k+1]) */
	char **kb;              /* per entity, or NULL: borrowed from the norms */
	char **description;     /* per entity, owned */
	iy_mention *mentions;  /* sorted by start */
	size_t *max_end;        /* max end of mentions[0..i] */
	size_t n_mentions;
} iy_writer;

/* True for the labels PolNeAR gives an attribution's parts (Source,
 * Cue, Content, Content2, Attribution...): read through the attributions,
 * not as entities. */
bool iy_is_role_label(const char *label);

/* Groups w->doc's spans into entities and indexes their mentions,
 * filling every array of w the entities need.  False out of memory;
 * iy_entities_free() releases them either way. */
bool iy_entities_prepare(iy_writer *w);
void iy_entities_free(iy_writer *w);

/* The entity with the longest mention overlap with r, a piece of a's
 * source (the first such), leaving out mentions that also cover a's cue
 * or content; or IY_NO_ENTITY. */
size_t iy_entity_at(const iy_writer *w, import_range r, const import_attribution *a);

/* The id entity k goes by, into buf: its first span's brat ID (T3), or
 * e1, e2... */
void iy_entity_id(const iy_writer *w, size_t k, char *buf, size_t cap);

/* Writes entity k as an item of "entities:". */
void iy_write_entity(const iy_writer *w, size_t k);

/* True for an ID as brat gives them (T12, E3): worth keeping. */
bool iy_brat_like_id(const char *id);

#endif
