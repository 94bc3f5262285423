/* compare_article.c - a resolved article as one annotation for compare.h. */
#include "compare_article.h"

#include <stdlib.h>

#include "speakers.h"

/* The speaker key of q, NULL for no speaker (a quote without one agrees
 * with another without one only as AGREEMENT.md says, never by a shared
 * "none" key).  *oom is set when the key could not be made. */
static char *speaker_key(const article *a, const quote *q, bool *oom)
{
	speaker_kind kind;
	char *key = speakers_key_of(a, q, &kind);
	if (!key) {
		*oom = true;
		return NULL;
	}
	if (kind == SPEAKER_NONE) {
		free(key);
		return NULL;
	}
	return key;
}

static compare_quote quote_of(const quote *q, const char *key)
{
	return (compare_quote){
		.content = q->spans,
		.n_content = q->spans ? q->n_fragments : 0,
		/* In pieces, sources agree when any piece of one shares a
		 * byte with any piece of the other (compare_meet). */
		.source = q->n_source_spans ? q->source_spans : NULL,
		.n_source = q->n_source_spans,
		.cue = q->n_cue_spans ? q->cue_spans : NULL,
		.n_cue = q->n_cue_spans,
		.speaker = key,
		.kind = q->kind,
	};
}

int compare_article_of(const article *a, compare_article *out)
{
	size_t nq = a->n_quotes, nm = a->n_mentions;
	compare_article ca = {
		.quotes = calloc(nq ? nq : 1, sizeof *ca.quotes),
		.mentions = calloc(nm ? nm : 1, sizeof *ca.mentions),
		.keys = calloc(nq ? nq : 1, sizeof *ca.keys),
		.set.n_quotes = nq,   /* how many keys compare_article_free frees */
	};
	bool oom = !ca.quotes || !ca.mentions || !ca.keys;
	for (size_t i = 0; i < nq && !oom; i++) {
		ca.keys[i] = speaker_key(a, &a->quotes[i], &oom);
		ca.quotes[i] = quote_of(&a->quotes[i], ca.keys[i]);
	}
	if (oom) {
		compare_article_free(&ca);
		return -1;
	}
	for (size_t i = 0; i < nm; i++) {
		const mention *m = &a->mentions[i];
		ca.mentions[i] = (compare_mention){
			.at = m->at,
			.type = m->entity < a->n_entities ? a->entities[m->entity].type : NULL,
		};
	}
	ca.set = (compare_set){
		.quotes = ca.quotes, .n_quotes = nq,
		.mentions = ca.mentions, .n_mentions = nm,
	};
	*out = ca;
	return 0;
}

void compare_article_free(compare_article *ca)
{
	if (!ca)
		return;
	for (size_t i = 0; ca->keys && i < ca->set.n_quotes; i++)
		free(ca->keys[i]);
	free(ca->keys);
	free(ca->quotes);
	free(ca->mentions);
	*ca = (compare_article){ 0 };
}
