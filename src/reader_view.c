/* reader_view.c - what the renderer asks of a reader: the rows of text,
 * their decorations, the rows of the lists as typed fields (see
 * reader_view.h), and the words of the title and status line.
 *
 * Nothing here changes the state.  Ranges are found by binary search, so
 * a screen costs in proportion to what it shows. */
#include "reader_view.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "bound.h"
#include "compare_view.h"
#include "reader_private.h"
#include "search.h"
#include "view_row.h"

/* ====================================================================
 * Text rows
 * ==================================================================== */

bool reader_text_row(reader *r, int i, layout_row *row)
{
	long moved = 0;

	if (i < 0 || i >= r->geo.text.h)
		return false;
	layout_pos pos = layout_advance(r->lay, r->top, i, &moved);
	if (moved != i)
		return false;
	return layout_row_at(r->lay, pos, row);
}

/* ====================================================================
 * Marks
 * ==================================================================== */

typedef struct mark_out {
	text_mark *out;
	size_t cap;
	size_t n;
} mark_out;

static void mark_push(mark_out *mo, size_t start, size_t end, mark_kind kind,
                      size_t index)
{
	if (mo->n < mo->cap)
		mo->out[mo->n] = (text_mark){ .start = start, .end = end,
		                              .kind = kind, .index = index };
	mo->n++;
}

/* First i with maxend[i] > offset: before it nothing reaches offset. */
static size_t first_reaching(const size_t *maxend, size_t n, size_t offset)
{
	return BOUND_UPPER(maxend, n, , offset);
}

static bool overlaps(size_t s, size_t e, size_t start, size_t end)
{
	return s < end && e > start;
}

/* Mentions overlapping [start, end) as kind, those of entity `only` (or
 * all when only < 0), restricted to those starting inside `within`. */
static void marks_mentions(const reader *r, size_t start, size_t end,
                           mark_kind kind, long only, span within,
                           mark_out *mo)
{
	const article *a = r->a;
	size_t i = first_reaching(r->ix->mention_maxend, a->n_mentions, start);

	for (; i < a->n_mentions && a->mentions[i].at.start < end; i++) {
		const mention *m = &a->mentions[i];
		if (!overlaps(m->at.start, m->at.end, start, end))
			continue;
		if (only >= 0 && m->entity != (size_t)only)
			continue;
		if (m->at.start < within.start || m->at.start >= within.end)
			continue;
		/* wt-state (issue 16): a hidden type's names are plain text. */
		if (kind == MARK_ENTITY && reader_entity_hidden(r, m->entity))
			continue;
		mark_push(mo, m->at.start, m->at.end, kind, m->entity);
	}
}

/* Quote spans overlapping [start, end): all of them, or the current's. */
static void marks_quotes(const reader *r, size_t start, size_t end,
                         bool current_only, mark_out *mo)
{
	const struct reader_index *ix = r->ix;
	size_t i = first_reaching(ix->span_maxend, ix->n_spans, start);

	for (; i < ix->n_spans && ix->spans[i].start < end; i++) {
		const quote_span *qs = &ix->spans[i];
		if (!overlaps(qs->start, qs->end, start, end))
			continue;
		if (current_only && (long)qs->quote != r->current)
			continue;
		mark_push(mo, qs->start, qs->end,
		          current_only ? MARK_QUOTE_CURRENT : MARK_QUOTE, qs->quote);
	}
}

static void mark_span(span sp, size_t start, size_t end, mark_kind kind,
                      size_t q, mark_out *mo)
{
	if (sp.end > sp.start && overlaps(sp.start, sp.end, start, end))
		mark_push(mo, sp.start, sp.end, kind, q);
}

/* The current quote's cue, piece by piece ("was … slated"), and its
 * source likewise ("Justice Kennedy" … "the court's liberals"). */
static void marks_cue_source(const reader *r, size_t start, size_t end,
                             mark_out *mo)
{
	size_t q = (size_t)r->current;
	const quote *qt = &r->a->quotes[q];

	for (size_t k = 0; k < qt->n_cue_spans; k++)
		mark_span(qt->cue_spans[k], start, end, MARK_CUE, q, mo);
	for (size_t k = 0; k < qt->n_source_spans; k++)
		mark_span(qt->source_spans[k], start, end, MARK_SOURCE, q, mo);
}

/* Search matches overlapping [start, end): scans the range only, from a
 * little before it so that a match running into the range is seen. */
static void marks_search(const reader *r, size_t start, size_t end,
                         mark_out *mo)
{
	const search_state *s = &r->search;
	const char *body = r->a->body;
	size_t len = r->a->body_len;
	size_t back = 4 * s->qlen;          /* a code point takes 4 bytes at most */
	size_t from = start > back ? start - back : 0;
	bool current_seen = false;
	span m;

	if (!s->active || s->qlen == 0)
		return;
	while (search_forward(body, len, from, end, s->query, s->qlen, s->mode, &m)) {
		bool current = s->found && m.start == s->match.start;
		if (m.end > start) {
			mark_push(mo, m.start, m.end, MARK_SEARCH, current);
			current_seen |= current;
		}
		from = m.end > m.start ? m.end : m.start + 1;
	}
	/* Matches may overlap; the current one is shown even if skipped. */
	if (s->found && !current_seen
	    && overlaps(s->match.start, s->match.end, start, end))
		mark_push(mo, s->match.start, s->match.end, MARK_SEARCH, 1);
}

size_t reader_marks(const reader *r, size_t start, size_t end,
                    text_mark *out, size_t cap)
{
	mark_out mo = { .out = out, .cap = out ? cap : 0 };
	span all = { .start = 0, .end = SIZE_MAX };

	if (start >= end)
		return 0;
	marks_mentions(r, start, end, MARK_ENTITY, -1, all, &mo);
	marks_quotes(r, start, end, false, &mo);
	if (r->current >= 0) {
		marks_quotes(r, start, end, true, &mo);
		long speaker = r->a->quotes[r->current].speaker;
		if (speaker >= 0)
			marks_mentions(r, start, end, MARK_SPEAKER, speaker,
			               r->ix->speaker_near, &mo);
		marks_cue_source(r, start, end, &mo);
	}
	if (r->selected >= 0)
		marks_mentions(r, start, end, MARK_SELECTED, r->selected, all, &mo);
	marks_search(r, start, end, &mo);
	return mo.n;
}

/* ---- the compare view's text (issue 15) ---- */

size_t reader_marks_compare(const reader *r, const struct compare_view *cv,
                            size_t start, size_t end, text_mark *out, size_t cap)
{
	mark_out mo = { .out = out, .cap = out ? cap : 0 };
	span all = { .start = 0, .end = SIZE_MAX };

	if (start >= end)
		return 0;
	mo.n = compare_view_marks(cv, start, end, out, mo.cap);
	if (r->selected >= 0)
		marks_mentions(r, start, end, MARK_SELECTED, r->selected, all, &mo);
	marks_search(r, start, end, &mo);
	return mo.n;
}

void reader_view_show_offset(reader *r, size_t offset)
{
	reader_show_offset(r, offset);
}

/* ---- end of the compare view's text ---- */

gutter_mark reader_gutter(const reader *r, size_t start, size_t end)
{
	const struct reader_index *ix = r->ix;
	gutter_mark g = GUTTER_NONE;

	if (start >= end)
		return GUTTER_NONE;
	size_t i = first_reaching(ix->span_maxend, ix->n_spans, start);
	for (; i < ix->n_spans && ix->spans[i].start < end; i++) {
		if (!overlaps(ix->spans[i].start, ix->spans[i].end, start, end))
			continue;
		if ((long)ix->spans[i].quote == r->current)
			return GUTTER_CURRENT;
		g = GUTTER_QUOTE;
	}
	return g;
}

style_role reader_mark_role(const reader *r, const text_mark *m)
{
	switch (m->kind) {
	case MARK_ENTITY:
		if (m->index < r->a->n_entities && r->a->entities[m->index].type)
			return style_entity_role(r->a->entities[m->index].type);
		return ROLE_ENT_OTHER;
	case MARK_QUOTE: return ROLE_QUOTE;
	case MARK_CMP_AGREED: return ROLE_CMP_AGREED;
	case MARK_CMP_DIFFERS: return ROLE_CMP_DIFFERS;
	case MARK_CMP_ONLY_A: return ROLE_CMP_ONLY_A;
	case MARK_CMP_ONLY_B: return ROLE_CMP_ONLY_B;
	case MARK_QUOTE_CURRENT: return ROLE_QUOTE_CURRENT;
	case MARK_SPEAKER: return ROLE_SPEAKER;
	case MARK_CUE: return ROLE_CUE;
	case MARK_SOURCE: return ROLE_SOURCE;
	case MARK_SELECTED: return ROLE_SELECTED;
	case MARK_SEARCH: return ROLE_SEARCH;
	}
	return ROLE_NORMAL;
}

/* ====================================================================
 * Words for the lists, the title and the status line
 * ==================================================================== */


/* The VIEW_ROLE bit of an entity type's colour. */
static uint64_t type_roles(const char *type)
{
	return VIEW_ROLE(style_entity_role(type));
}

bool reader_view_entity_row(const reader *r, size_t row, view_row *out)
{
	view_builder b = view_row_start(out);

	if (row >= r->n_ent_rows)
		return false;
	const entity_row *er = &r->ent_rows[row];
	if (er->kind == ENTITY_ROW_LEGEND) {
		for (size_t t = 0; t < r->n_types; t++) {
			if (t > 0)
				view_row_add(&b, "  ", 0, VIEW_ALIGN_LEFT);
			/* wt-state (issue 16): a hidden type as "-TYPE", dimmed. */
			if (r->type_hidden[t])
				view_row_add(&b, "-", VIEW_ROLE(ROLE_DIM_TEXT), VIEW_ALIGN_LEFT);
			view_row_add(&b, r->types[t], r->type_hidden[t] ? VIEW_ROLE(ROLE_DIM_TEXT)
			                         : type_roles(r->types[t]), VIEW_ALIGN_LEFT);
		}
		return true;
	}
	uint64_t type = type_roles(r->types[er->type]);
	if (er->kind == ENTITY_ROW_HEADER) {
		view_row_add(&b, r->types[er->type], type | VIEW_ROLE(ROLE_DIM_TEXT),
		        VIEW_ALIGN_LEFT);
		return true;
	}
	const entity *e = &r->a->entities[er->entity];
	char count[24];
	snprintf(count, sizeof count, "%zu", e->n_mentions);
	bool selected = r->selected == (long)er->entity;
	/* The count first, so that a name longer than the row holds cannot
	 * crowd it out. */
	view_row_add(&b, count, 0, VIEW_ALIGN_RIGHT);
	view_row_add(&b, e->name ? e->name : "",
	        type | (selected ? VIEW_ROLE(ROLE_SELECTED) : 0), VIEW_ALIGN_LEFT);
	out->cursor = row == r->ents.cursor && r->focus == PANE_ENTITIES;
	return true;
}

const char *reader_quote_speaker(const reader *r, const quote *q)
{
	/* An unnamed speaker is shown by its own words even when it is tied
	 * to an entity: "a senior State Department official", not the
	 * department. */
	if (q->speaker_text)
		return q->speaker_text;
	if (q->speaker >= 0 && (size_t)q->speaker < r->a->n_entities)
		return r->a->entities[q->speaker].name;
	/* "speaker: none" is an attribution with no source at all (PolNeAR's
	 * Attribution-no-source); "unknown", one whose source is not given. */
	return q->no_speaker ? "(no source)" : "(unknown)";
}

static const char *kind_mark(quote_kind kind)
{
	switch (kind) {
	case QUOTE_PARTIAL: return " (partial)";
	case QUOTE_INDIRECT: return " (indirect)";
	case QUOTE_MIXED: return " (mixed)";
	default: return "";
	}
}

/* The look of q's speaker: the speaker entity's colour (even when named
 * by its own words), secondary text for a speaker without an entity. */
static uint64_t speaker_roles(const reader *r, const quote *q)
{
	if (q->speaker >= 0 && (size_t)q->speaker < r->a->n_entities)
		return type_roles(r->a->entities[q->speaker].type);
	return VIEW_ROLE(ROLE_DIM_TEXT);
}

bool view_quote_lost(const quote *q)
{
	/* spans is NULL exactly when the quote was not placed (article.h);
	 * read that rather than `resolved`, which a loader without the
	 * tolerant resolver leaves unset. */
	return q->spans == NULL;
}

/* Whether body bytes [s, s + n) are the entity's name or one of its
 * aliases, so that naming the entity after them would say it twice. */
static bool names_entity(const entity *e, const char *s, size_t n)
{
	if (e->name && strlen(e->name) == n && memcmp(e->name, s, n) == 0)
		return true;
	for (size_t i = 0; i < e->n_aliases; i++)
		if (e->aliases[i] && strlen(e->aliases[i]) == n
		    && memcmp(e->aliases[i], s, n) == 0)
			return true;
	return false;
}

/* Who speaks, as the quotes pane names them: the located source by its
 * words, with "→ Entity" after a pronoun or phrase standing for one
 * ("it → The Post"); else, or when the words are the entity's own name
 * or alias ("Kerry"), reader_quote_speaker's name ("John Kerry"). */
static void row_speaker(const reader *r, const quote *q, view_builder *b)
{
	uint64_t roles = speaker_roles(r, q);
	const entity *e = q->speaker >= 0 && (size_t)q->speaker < r->a->n_entities
	                  ? &r->a->entities[q->speaker] : NULL;
	const span *src = q->source_spans;
	size_t n_src = q->n_source_spans;
	bool located = n_src > 0;
	for (size_t k = 0; k < n_src; k++)
		located &= src[k].end > src[k].start && src[k].end <= r->a->body_len;
	if (!located || (e && !e->name) ||
	    (e && n_src == 1 && names_entity(e, r->a->body + src[0].start,
	                                     src[0].end - src[0].start))) {
		view_row_add(b, reader_quote_speaker(r, q), roles, VIEW_ALIGN_LEFT);
		return;
	}
	if (view_row_field(b, roles, VIEW_ALIGN_LEFT)) {
		/* A source in pieces reads as a split quote does: "a … b". */
		for (size_t k = 0; k < n_src; k++) {
			size_t n = src[k].end - src[k].start;
			if (k)
				view_strbuf_add(&b->sb, " \xe2\x80\xa6 ");
			view_strbuf_add_squeezed(&b->sb, r->a->body + src[k].start,
			                         n < VIEW_ROW_TEXT ? n : VIEW_ROW_TEXT);
		}
		view_row_close(b);
	}
	if (!e)
		return;
	view_row_add(b, " \xe2\x86\x92 ", 0, VIEW_ALIGN_LEFT);
	view_row_add(b, e->name, roles, VIEW_ALIGN_LEFT);
}

bool reader_view_quote_row(const reader *r, size_t i, view_row *out)
{
	view_builder b = view_row_start(out);

	if (i >= r->n_list)
		return false;
	const quote *q = &r->a->quotes[r->list[i]];
	out->ellipsis = true;
	out->current = r->current == (long)r->list[i];
	out->cursor = i == r->quotes.cursor && r->focus == PANE_QUOTES;
	if (view_quote_lost(q))
		view_row_add(&b, "! ", VIEW_ROLE(ROLE_PROBLEM), VIEW_ALIGN_LEFT);
	row_speaker(r, q, &b);
	view_row_add(&b, kind_mark(q->kind), 0, VIEW_ALIGN_LEFT);
	view_row_add(&b, ": ", 0, VIEW_ALIGN_LEFT);
	/* The words as they stand in the body: a direct quote's span holds its
	 * quotation marks.  More than the row holds is never read, so a quote
	 * of a megabyte costs no more than a short one. */
	for (size_t k = 0; k < q->n_fragments; k++) {
		const char *s;
		size_t len;
		if (q->spans) {
			s = r->a->body + q->spans[k].start;
			len = q->spans[k].end - q->spans[k].start;
		} else if (q->fragments && q->fragments[k]) {
			s = q->fragments[k];
			len = strlen(s);
		} else {
			continue;
		}
		if (k > 0)
			view_row_add(&b, " … ", 0, VIEW_ALIGN_LEFT);
		if (!view_row_field(&b, 0, VIEW_ALIGN_LEFT))
			break;
		view_strbuf_add_squeezed(&b.sb, s, len < 4 * VIEW_ROW_TEXT ? len : 4 * VIEW_ROW_TEXT);
		view_row_close(&b);
	}
	return true;
}

void reader_pane_title(const reader *r, pane_id pane, char *buf, size_t n)
{
	if (n == 0)
		return;
	buf[0] = '\0';
	if (pane == PANE_ENTITIES)
		snprintf(buf, n, "Entities (%zu)", r->a->n_entities);
	else if (pane == PANE_QUOTES && r->filter)
		snprintf(buf, n, "Quotes by %s (%zu)",
		         r->a->entities[r->selected].name
		             ? r->a->entities[r->selected].name : "", r->n_list);
	else if (pane == PANE_QUOTES)
		snprintf(buf, n, "Quotes (%zu)", r->n_list);
}

void reader_title(const reader *r, char *buf, size_t n)
{
	view_strbuf sb = view_strbuf_on(buf, n);
	const char *parts[] = { r->a->title, r->a->source, r->a->published };
	bool first = true;

	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (!parts[i] || !parts[i][0])
			continue;
		view_strbuf_add(&sb, first ? "" : " · ");
		view_strbuf_add(&sb, parts[i]);
		first = false;
	}
}

static const char *const pane_names[PANE_COUNT] = {
	[PANE_TEXT] = "text",
	[PANE_ENTITIES] = "entities",
	[PANE_QUOTES] = "quotes",
};

/* As less: the share of the text above the bottom of the pane, so that
 * one row up from the end is 99%, not the top row's share (issue 12). */
static int position_percent(const reader *r)
{
	size_t len = r->a->body_len;

	if (len == 0)
		return 100;
	return (int)((double)reader_bottom_offset(r) * 100.0 / (double)len);
}

static void status_quote(const reader *r, view_strbuf *sb)
{
	char tmp[64];

	if (r->current >= 0) {
		long at = reader_list_index(r, (size_t)r->current);
		size_t pos = at >= 0 ? (size_t)at : r->ix->rank[r->current];
		size_t total = at >= 0 ? r->n_list : r->n_order;
		snprintf(tmp, sizeof tmp, "quote %zu/%zu", pos + 1, total);
	} else {
		snprintf(tmp, sizeof tmp, "%zu quote%s", r->n_list,
		         r->n_list == 1 ? "" : "s");
	}
	view_strbuf_add(sb, tmp);
}

void reader_status(const reader *r, char *buf, size_t n)
{
	view_strbuf sb = view_strbuf_on(buf, n);
	char tmp[32];

	if (r->search.editing) {
		view_strbuf_add(&sb, "/");
		view_strbuf_add(&sb, r->search.query);
		return;
	}
	view_strbuf_add(&sb, pane_names[r->focus]);
	snprintf(tmp, sizeof tmp, "  %d%%  ", position_percent(r));
	view_strbuf_add(&sb, tmp);
	status_quote(r, &sb);
	if (r->selected >= 0) {
		view_strbuf_add(&sb, "  ");
		view_strbuf_add(&sb, r->a->entities[r->selected].name);
	}
	if (r->selected >= 0 && r->mention >= 0) {
		snprintf(tmp, sizeof tmp, "  mention %ld/%zu", r->mention + 1,
		         r->a->entities[r->selected].n_mentions);
		view_strbuf_add(&sb, tmp);
	}
	if (r->search.active && r->search.found && r->search.counted) {
		snprintf(tmp, sizeof tmp, "  match %zu/%zu", r->search.match_no,
		         r->search.n_matches);
		view_strbuf_add(&sb, tmp);
	}
	view_strbuf_add(&sb, "  ");
	view_strbuf_add(&sb, r->message[0] ? r->message : "? help");
}
