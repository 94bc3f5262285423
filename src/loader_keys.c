/* loader_keys.c - the keys each mapping of an article may hold, and the
 * checks on them: a key unknown (with the nearest one suggested), given
 * twice, or required and missing. */
#include "loader.h"

#include <string.h>

#include "loader_private.h"
#include "suggest.h"

#define BIT(k) (1u << (k))

static const char *const article_keys[AK_COUNT] = {
	[AK_TITLE] = "title", [AK_SUBTITLE] = "subtitle", [AK_SOURCE] = "source",
	[AK_AUTHORS] = "authors", [AK_PUBLISHED] = "published", [AK_URL] = "url",
	[AK_LANGUAGE] = "language", [AK_ID] = "id", [AK_BODY] = "body",
	[AK_ENTITIES] = "entities", [AK_QUOTES] = "quotes",
	[AK_OFFSETS] = "offsets",
};

static const char *const entity_keys[EK_COUNT] = {
	[EK_ID] = "id", [EK_NAME] = "name", [EK_TYPE] = "type",
	[EK_ALIASES] = "aliases", [EK_KB] = "kb", [EK_DESCRIPTION] = "description",
	[EK_CASE] = "case", [EK_MENTIONS] = "mentions",
};

static const char *const quote_keys[QTK_COUNT] = {
	[QTK_TEXT] = "text", [QTK_SPEAKER] = "speaker", [QTK_CUE] = "cue",
	[QTK_KIND] = "kind", [QTK_ID] = "id", [QTK_OCCURRENCE] = "occurrence",
	[QTK_SPAN] = "span", [QTK_CUE_SPAN] = "cue_span",
};

static const char *const speaker_keys[SK_COUNT] = {
	[SK_TEXT] = "text", [SK_ENTITY] = "entity", [SK_SPAN] = "span",
};

/* What a mapping may hold, for messages and checks. */
typedef struct map_spec {
	const char *const *keys;
	size_t n_keys;
	unsigned required;     /* bit per key */
	const char *where;     /* "unknown key 'x' in ..." */
	const char *subject;   /* "... is missing required key 'x'" */
} map_spec;

static const map_spec article_spec = {
	.keys = article_keys, .n_keys = AK_COUNT,
	.required = BIT(AK_TITLE) | BIT(AK_BODY),
	.where = "the article", .subject = "the article",
};
static const map_spec entity_spec = {
	.keys = entity_keys, .n_keys = EK_COUNT,
	.required = BIT(EK_ID) | BIT(EK_NAME) | BIT(EK_TYPE),
	.where = "an entity", .subject = "entity",
};
static const map_spec quote_spec = {
	.keys = quote_keys, .n_keys = QTK_COUNT,
	.required = BIT(QTK_TEXT) | BIT(QTK_SPEAKER),
	.where = "a quote", .subject = "quote",
};
static const map_spec speaker_spec = {
	.keys = speaker_keys, .n_keys = SK_COUNT,
	.required = BIT(SK_TEXT),
	.where = "a quote's speaker", .subject = "speaker",
};

static const map_spec *frame_spec(frame_kind kind)
{
	switch (kind) {
	case F_ARTICLE:
		return &article_spec;
	case F_ENTITY:
		return &entity_spec;
	case F_QUOTE:
		return &quote_spec;
	case F_SPEAKER:
		return &speaker_spec;
	default:
		return NULL;
	}
}

const char *ld_key_name(frame_kind kind, int k)
{
	return frame_spec(kind)->keys[k];
}

static void unknown_key(loader *ld, frame *f, const map_spec *spec,
                        const node *n)
{
	char buf[CLIP_BUF];
	ld_clip(buf, n->value, n->len);
	const char *near = suggest_nearest(buf, spec->keys, spec->n_keys);
	for (size_t k = 0; near && k < spec->n_keys; k++)
		if (spec->keys[k] == near)
			f->suggested |= BIT(k);
	if (near) {
		ld_error(ld, n->pos, "unknown key '%s' in %s; did you mean '%s'?", buf,
		         spec->where, near);
		return;
	}
	char list[160] = "";
	for (size_t i = 0; i < spec->n_keys; i++) {
		strcat(list, i ? ", " : "");
		strcat(list, spec->keys[i]);
	}
	ld_error(ld, n->pos, "unknown key '%s' in %s; the keys are: %s", buf,
	         spec->where, list);
}

/* A key given twice.  When it is the key an entity or a quote began
 * with, the next item has most likely lost its "- " and its keys all come
 * again: one error says so, and the rest of the mapping's duplicates are
 * the same slip, not reported. */
static void duplicate_key(loader *ld, frame *f, const map_spec *spec, int k,
                          const node *n)
{
	if (f->new_item)
		return;
	bool item = f->kind == F_ENTITY || f->kind == F_QUOTE;
	if (!item || k != f->first_key) {
		ld_error(ld, n->pos, "duplicate key '%s' (first at line %d)",
		         spec->keys[k], f->seen_line[k]);
		return;
	}
	f->new_item = true;
	const char *list = f->kind == F_ENTITY ? "entities" : "quotes";
	ld_error(ld, n->pos, "key '%s' comes again (first at line %d): a new %s "
	         "starts here without its '- '; each item of '%s' starts with "
	         "'- ', as in '- %s: ...'", spec->keys[k], f->seen_line[k],
	         spec->subject, list, spec->keys[k]);
}

/* A node in key position: sets f->key to the key whose value comes next,
 * or KEY_NONE when that value is to be read past. */
void ld_on_key(loader *ld, frame *f, const node *n)
{
	/* n is a key: an alias here was counted, its value is read past. */
	const map_spec *spec = frame_spec(f->kind);
	f->key = KEY_NONE;
	if (!spec || n->type == NODE_ALIAS)
		return;
	if (n->type != NODE_SCALAR) {
		ld_error(ld, n->pos, "a key must be a plain word such as 'title', not %s",
		         ld_node_kind_name(n));
		return;
	}
	size_t k = 0;
	while (k < spec->n_keys && !(strlen(spec->keys[k]) == n->len &&
	                             memcmp(spec->keys[k], n->value, n->len) == 0))
		k++;
	if (k == spec->n_keys) {
		unknown_key(ld, f, spec, n);
		return;
	}
	if (f->seen & BIT(k)) {
		duplicate_key(ld, f, spec, (int)k, n);
		return;
	}
	if (!f->seen)
		f->first_key = (int)k;
	f->seen |= BIT(k);
	f->seen_line[k] = n->pos.line;
	f->key = (int)k;
}

/* Keys that stand in for a required one: a position instead of the
 * words (a quote's or speaker's span for its text), the mentions for an
 * entity's name. */
static unsigned stand_ins(frame_kind kind, unsigned seen)
{
	if (kind == F_QUOTE && (seen & BIT(QTK_SPAN)))
		return BIT(QTK_TEXT);
	if (kind == F_SPEAKER && (seen & BIT(SK_SPAN)))
		return BIT(SK_TEXT);
	if (kind == F_ENTITY && (seen & BIT(EK_MENTIONS)))
		return BIT(EK_NAME);
	return 0;
}

void ld_check_required(loader *ld, const frame *f)
{
	const map_spec *spec = frame_spec(f->kind);
	unsigned given = f->seen | stand_ins(f->kind, f->seen);
	for (size_t k = 0; k < spec->n_keys; k++) {
		if (!(spec->required & BIT(k)) || (given & BIT(k)))
			continue;
		/* "did you mean 'title'?" already said what is missing. */
		if (!(f->suggested & BIT(k)))
			ld_error(ld, f->pos, "%s is missing required key '%s'",
			         spec->subject, spec->keys[k]);
		if (f->kind != F_ENTITY || k != EK_TYPE)
			ld_lost(ld);
		if (f->kind == F_ARTICLE && k == AK_BODY)
			ld->broken = true;
	}
}
