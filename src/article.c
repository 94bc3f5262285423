/* article.c - the article model: freeing it and small lookups. */
#include "article.h"

#include <stdlib.h>

static void strings_free(char **items, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(items[i]);
	free(items);
}

void entity_clear(entity *e)
{
	free(e->id);
	free(e->name);
	free(e->type);
	free(e->kb);
	free(e->description);
	strings_free(e->aliases, e->n_aliases);
	free(e->alias_pos);
	free(e->given);
	free(e->given_pos);
	free(e->mention_ids);
}

static void quote_clear(quote *q)
{
	free(q->id);
	strings_free(q->fragments, q->n_fragments);
	free(q->fragment_pos);
	free(q->fragment_text_pos);
	free(q->speaker_id);
	free(q->speaker_text);
	strings_free(q->speaker_pieces, q->n_speaker_pieces);
	free(q->speaker_piece_pos);
	free(q->source_given);
	free(q->source_given_pos);
	strings_free(q->cue, q->n_cue);
	free(q->cue_piece_pos);
	free(q->given);
	free(q->given_pos);
	free(q->cue_given);
	free(q->cue_given_pos);
	free(q->spans);
	free(q->cue_spans);
	free(q->source_spans);
}

void article_free(article *a)
{
	if (!a)
		return;
	free(a->path);
	free(a->title);
	free(a->subtitle);
	free(a->source);
	strings_free(a->authors, a->n_authors);
	free(a->published);
	free(a->url);
	free(a->language);
	free(a->id);
	free(a->body);
	for (size_t i = 0; i < a->n_entities; i++)
		entity_clear(&a->entities[i]);
	free(a->entities);
	for (size_t i = 0; i < a->n_quotes; i++)
		quote_clear(&a->quotes[i]);
	free(a->quotes);
	free(a->mentions);
	free(a);
}

const char *quote_kind_name(quote_kind kind)
{
	switch (kind) {
	case QUOTE_DIRECT:
		return "direct";
	case QUOTE_PARTIAL:
		return "partial";
	case QUOTE_INDIRECT:
		return "indirect";
	case QUOTE_MIXED:
		return "mixed";
	}
	return "direct";
}

bool article_type_label_valid(const char *s)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!((*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') || *s == '_'))
			return false;
	return true;
}
