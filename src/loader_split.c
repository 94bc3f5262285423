/* loader_split.c - a long body read apart from the YAML around it, while a
 * second thread checks the result against libyaml's own reading.
 *
 * libyaml reads a block scalar a character at a time: for an article with
 * a 10 MB body that is nearly all of the time the load takes, and the
 * resolver cannot start before it ends.  When the body is a literal block
 * ('body: |'), its lines can be taken from the bytes directly, a memchr()
 * a line, and libyaml asked to parse only what comes before them and what
 * comes after.  The loader is fed the same events it would get from the
 * whole file, and the resolver starts at once.
 *
 * That reading is not trusted.  While it runs, a second thread checks the
 * bytes as loader_input_check() does (the resolver waits for its word),
 * then, once the body is read, parses the whole file with libyaml, as the
 * plain load does, and
 * folds every event into a digest: its type, marks, properties and value;
 * the body's value is compared with the one read from the bytes, byte for
 * byte.  The split load is kept only when the events it fed the loader
 * fold to the same digest and the body is the same: the loader, which
 * sees nothing else, then built the same article and the same
 * diagnostics.  In every other case (CR line ends, a folded or indented
 * body, YAML the parser refuses) loader.c loads the file again the plain
 * way. */
#define _GNU_SOURCE   /* sched_getaffinity() and CPU_COUNT */
#include "loader.h"

#include <pthread.h>
#include <sched.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#include <yaml.h>

#include "loader_private.h"
#include "text.h"

/* Below this the second thread costs about what it saves: on the 2-core
 * machine of the bench, 10.1 ms against 8.3 for 100 KB, 16.1 against 17.9
 * for 1 MB, 84 against 128 for 10 MB. */
#define SPLIT_MIN_BYTES (2u << 20)

static loader_split_mode split_mode = LOADER_SPLIT_AUTO;
static unsigned long splits_kept;

void loader_set_split(loader_split_mode mode)
{
	split_mode = mode;
}

unsigned long loader_splits_kept(void)
{
	return splits_kept;
}

static int processors(void)
{
#ifdef __linux__
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		return CPU_COUNT(&set);
#endif
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (int)n : 1;
}

bool ld_split_wanted(size_t len)
{
	if (len > LOADER_MAX_FILE_BYTES || split_mode == LOADER_SPLIT_NEVER)
		return false;   /* the digest counts on marks of 32 bits */
	if (split_mode == LOADER_SPLIT_ALWAYS)
		return true;
	return len >= SPLIT_MIN_BYTES && processors() >= 2;
}

/* ---- the body, from the bytes --------------------------------------- */

/* The header 'body: |', '|-' or '|+' at the start of a line, alone on
 * it: the offset of its '|' and the chomping (-1 strip, 0 clip, 1 keep),
 * or false. */
static bool find_header(const char *s, size_t len, size_t *pipe, int *chomp)
{
	static const char key[] = "body:";
	size_t i = 0;
	if (len < sizeof key || memcmp(s, key, sizeof key - 1) != 0) {
		const char *at = memmem(s, len, "\nbody:", sizeof key);
		if (!at)
			return false;
		i = (size_t)(at - s) + 1;
	}
	i += sizeof key - 1;
	if (i >= len || s[i] != ' ')
		return false;
	while (i < len && s[i] == ' ')
		i++;
	if (i >= len || s[i] != '|')
		return false;
	*pipe = i++;
	*chomp = 0;
	if (i < len && (s[i] == '-' || s[i] == '+'))
		*chomp = s[i++] == '-' ? -1 : 1;
	while (i < len && s[i] == ' ')
		i++;
	return i < len && s[i] == '\n';
}

/* Leading spaces of the line at s[i], up to max. */
static size_t spaces_at(const char *s, size_t len, size_t i, size_t max)
{
	size_t k = 0;
	while (k < max && i + k < len && s[i + k] == ' ')
		k++;
	return k;
}

/* Reads the literal block whose lines start at s[i], as libyaml does: the
 * first line with text sets the indentation; a line with fewer spaces
 * and something else ends the block; the text of a line is what follows
 * the indentation, an empty line a line break; the chomping says what
 * becomes of the breaks at the end.  Sets sp->body, body_len, rest, lines
 * and chars (the characters of the block's lines, for libyaml's marks:
 * counted here while each line is in the cache).  False for what it does
 * not take on: an indentation of 0, spaces before the first text, no text
 * at all, a CR (libyaml reads CR LF as LF in the body, and a file saved
 * with CR LF line ends would fail the check; NEL, LS and PS, rarer, fail
 * it too, at the cost of a second load). */
static bool read_block(const char *s, size_t len, size_t i, int chomp,
                       split *sp)
{
	size_t first = i;
	while (first < len && s[first] == '\n')
		first++;
	size_t indent = spaces_at(s, len, first, len);
	if (indent == 0 || first + indent >= len || s[first + indent] == '\n')
		return false;
	char *out = sp->body;   /* room for every byte from i on */
	size_t n = 0, empties = 0, lines = 0, chars = 0;
	bool text = false, broken = false;   /* any text yet; its line ended */
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t eol = nl ? (size_t)(nl - s) : len;
		size_t k = spaces_at(s, eol, i, indent);
		if (i + k == eol) {               /* an empty line */
			empties += nl != NULL;
			lines += nl != NULL;
			chars += k + (nl != NULL);
			i = nl ? eol + 1 : len;
			continue;
		}
		if (k < indent)                   /* less indented: the block ends */
			break;
		if (text)                         /* the break of the last text */
			out[n++] = '\n';
		memset(out + n, '\n', empties);   /* and the empty lines since */
		n += empties;
		memcpy(out + n, s + i + indent, eol - i - indent);
		if (memchr(out + n, '\r', eol - i - indent))
			return false;
		n += eol - i - indent;
		atomic_store_explicit(&sp->body_written, n, memory_order_relaxed);
		chars += utf8_count(s + i, eol - i) + (nl != NULL);
		text = true;
		broken = nl != NULL;
		empties = 0;
		lines += nl != NULL;
		i = nl ? eol + 1 : len;
	}
	if (chomp >= 0 && broken)
		out[n++] = '\n';
	if (chomp > 0) {
		memset(out + n, '\n', empties);
		n += empties;
	}
	out[n] = '\0';
	sp->body_len = n;
	sp->rest = i;
	sp->lines = lines;
	sp->chars = chars;
	return true;
}

void ld_split_free(split *sp)
{
	free(sp->body);
	sp->body = NULL;
}

bool ld_split_find(const char *src, size_t len, split *sp)
{
	*sp = (split){ 0 };
	if (!find_header(src, len, &sp->pipe, &sp->chomp))
		return false;
	sp->text_start = sp->pipe + 1;
	while (src[sp->text_start] != '\n')
		sp->text_start++;
	sp->text_start++;
	/* libyaml's marks count characters, after a byte order mark. */
	size_t bom = len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	if (sp->pipe < bom)
		return false;
	sp->pipe_index = utf8_count(src + bom, sp->pipe - bom);
	/* The body's room, made present by the check (prefault_body) while
	 * this thread fills it. */
	sp->room = len - sp->text_start + 1;
	sp->body = malloc(sp->room);
	sp->room_start = sp->body;
	atomic_init(&sp->body_written, 0);
	return sp->body != NULL;
}

bool ld_split_read_body(split *sp)
{
	const char *src = sp->src;
	if (!read_block(src, sp->src_len, sp->text_start, sp->chomp, sp))
		return false;
	sp->rest_index = sp->pipe_index +
	                 utf8_count(src + sp->pipe, sp->text_start - sp->pipe) +
	                 sp->chars;
	return true;
}

void ld_split_give_body(split *sp, bool read)
{
	pthread_mutex_lock(&sp->lock);
	sp->body_state = read ? BODY_READ : BODY_NONE;
	sp->check_body = sp->body;   /* the article may take sp->body later */
	sp->check_body_len = sp->body_len;
	pthread_cond_broadcast(&sp->news);
	pthread_mutex_unlock(&sp->lock);
}

/* ---- digests of events ---------------------------------------------- */

/* A multiply-and-shift hash of 64-bit words: a check that two streams of
 * events are the same, not a defence against forgery (the file is the
 * user's own).  Each step is a bijection of the word mixed in, so a
 * single difference always shows. */
#define DIGEST_SEED 0x243f6a8885a308d3u

static uint64_t mix_num(uint64_t h, uint64_t v)
{
	h = (h ^ v) * 0x9e3779b97f4a7c15u;
	return h ^ h >> 32;
}

static uint64_t mix_bytes(uint64_t h, const void *p, size_t n)
{
	const unsigned char *b = p;
	for (; n >= 8; n -= 8, b += 8) {
		uint64_t w;
		memcpy(&w, b, 8);
		h = mix_num(h, w);
	}
	uint64_t w = 0;
	memcpy(&w, b, n);
	return mix_num(h, w);
}

static uint64_t mix_str(uint64_t h, const yaml_char_t *s)
{
	if (!s)
		return mix_num(h, 0);
	size_t n = strlen((const char *)s);
	return mix_bytes(mix_num(h, n + 1), s, n);
}

/* The two marks of an event in three words: the file is at most
 * LOADER_MAX_FILE_BYTES, so every figure fits in 32 bits. */
static uint64_t mix_marks(uint64_t h, yaml_mark_t a, yaml_mark_t b)
{
	h = mix_num(h, (uint64_t)a.index << 32 | b.index);
	h = mix_num(h, (uint64_t)a.line << 32 | b.line);
	return mix_num(h, (uint64_t)a.column << 32 | b.column);
}

/* An anchor or tag: only when there is one, its absence being in the
 * event's flags. */
static uint64_t mix_opt(uint64_t h, const yaml_char_t *s)
{
	return s ? mix_str(h, s) : h;
}

/* The type, a style and three flags of an event in one word. */
static uint64_t mix_flags(uint64_t h, const yaml_event_t *ev, int style,
                          int flag, int flag2, const yaml_char_t *anchor,
                          const yaml_char_t *tag)
{
	return mix_num(h, (uint64_t)ev->type | (uint64_t)style << 8 |
	                  (uint64_t)(flag != 0) << 16 | (uint64_t)(flag2 != 0) << 17 |
	                  (uint64_t)(anchor != NULL) << 18 |
	                  (uint64_t)(tag != NULL) << 19);
}

/* The flags of a node's event, then its anchor and tag when it has them. */
static uint64_t mix_node(uint64_t h, const yaml_event_t *ev, int style,
                         int flag, int flag2, const yaml_char_t *anchor,
                         const yaml_char_t *tag)
{
	h = mix_flags(h, ev, style, flag, flag2, anchor, tag);
	return mix_opt(mix_opt(h, anchor), tag);
}

/* Folds ev into h: everything the loader could read of it; the value of
 * the body (skip_value) only by its length, as it is compared whole. */
static uint64_t mix_event(uint64_t h, const yaml_event_t *ev, bool skip_value)
{
	h = mix_marks(h, ev->start_mark, ev->end_mark);
	switch (ev->type) {
	case YAML_STREAM_START_EVENT:
		return mix_flags(h, ev, ev->data.stream_start.encoding, 0, 0, NULL, NULL);
	case YAML_DOCUMENT_START_EVENT: {
		const yaml_version_directive_t *v = ev->data.document_start.version_directive;
		h = mix_flags(h, ev, 0, ev->data.document_start.implicit, v != NULL,
		              NULL, NULL);
		if (v)
			h = mix_num(h, (uint64_t)v->major << 16 | (uint64_t)v->minor);
		for (const yaml_tag_directive_t *t = ev->data.document_start.tag_directives.start;
		     t && t != ev->data.document_start.tag_directives.end; t++)
			h = mix_str(mix_str(h, t->handle), t->prefix);
		return h;
	}
	case YAML_DOCUMENT_END_EVENT:
		return mix_flags(h, ev, 0, ev->data.document_end.implicit, 0, NULL, NULL);
	case YAML_ALIAS_EVENT:
		return mix_node(h, ev, 0, 0, 0, ev->data.alias.anchor, NULL);
	case YAML_SCALAR_EVENT:
		h = mix_node(h, ev, ev->data.scalar.style, ev->data.scalar.plain_implicit,
		             ev->data.scalar.quoted_implicit, ev->data.scalar.anchor,
		             ev->data.scalar.tag);
		h = mix_num(h, ev->data.scalar.length);
		return skip_value ? h : mix_bytes(h, ev->data.scalar.value,
		                                  ev->data.scalar.length);
	case YAML_SEQUENCE_START_EVENT:
		return mix_node(h, ev, ev->data.sequence_start.style,
		                ev->data.sequence_start.implicit, 0,
		                ev->data.sequence_start.anchor, ev->data.sequence_start.tag);
	case YAML_MAPPING_START_EVENT:
		return mix_node(h, ev, ev->data.mapping_start.style,
		                ev->data.mapping_start.implicit, 0,
		                ev->data.mapping_start.anchor, ev->data.mapping_start.tag);
	default:
		return mix_flags(h, ev, 0, 0, 0, NULL, NULL);
	}
}

/* ---- the check: libyaml over the whole file ------------------------- */

/* Makes the pages of the body's room present, from its end back to where
 * the main thread is filling it from its start: their page faults, some
 * 4 ms of the main thread's time for a 10 MB body, are taken here while
 * this thread has little else to do.  Nothing is written, so the two
 * threads share no bytes; where the kernel cannot, the main thread's
 * faults do the work as before. */
static void prefault_body(split *sp)
{
#ifdef MADV_POPULATE_WRITE
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0)
		return;
	size_t chunk = 64 * (size_t)page;
	uintptr_t start = (uintptr_t)sp->room_start;
	uintptr_t lo = (start + (size_t)page - 1) & ~((uintptr_t)page - 1);
	uintptr_t hi = (start + sp->room) & ~((uintptr_t)page - 1);
	while (hi >= lo + chunk) {
		size_t written = atomic_load_explicit(&sp->body_written,
		                                      memory_order_relaxed);
		if (start + written + 2 * chunk >= hi ||
		    madvise((void *)(hi - chunk), chunk, MADV_POPULATE_WRITE) != 0)
			return;
		hi -= chunk;
	}
#else
	(void)sp;
#endif
}

/* Waits for the reading of the body: true when there is one to check.
 * Reading the lines takes about twice as long as checking the bytes, and
 * libyaml's pass is not worth starting for a body the split cannot take
 * (it could not be stopped before libyaml reached the body's end). */
static bool body_to_check(split *sp)
{
	pthread_mutex_lock(&sp->lock);
	while (sp->body_state == BODY_PENDING)
		pthread_cond_wait(&sp->news, &sp->lock);
	bool read = sp->body_state == BODY_READ;
	pthread_mutex_unlock(&sp->lock);
	return read;
}

static void *check_run(void *arg)
{
	split *sp = arg;
	prefault_body(sp);
	bool ok = loader_input_ok(sp->src, sp->src_len);
	pthread_mutex_lock(&sp->lock);
	sp->bytes_checked = true;
	sp->bytes_ok = ok;
	pthread_cond_broadcast(&sp->news);
	pthread_mutex_unlock(&sp->lock);
	yaml_parser_t parser;
	uint64_t h = DIGEST_SEED;
	if (!ok || !body_to_check(sp) || !yaml_parser_initialize(&parser))
		return NULL;
	yaml_parser_set_input_string(&parser, (const unsigned char *)sp->src,
	                             sp->src_len);
	for (;;) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev))
			break;
		bool body = ev.type == YAML_SCALAR_EVENT && !sp->check_saw_body &&
		            ev.start_mark.index == sp->pipe_index;
		if (body) {
			sp->check_saw_body = true;
			sp->check_same_body = ev.data.scalar.length == sp->check_body_len &&
			                      memcmp(ev.data.scalar.value, sp->check_body,
			                             sp->check_body_len) == 0;
		}
		h = mix_event(h, &ev, body);
		bool end = ev.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&ev);
		if (end) {
			sp->check_parsed = true;
			break;
		}
	}
	yaml_parser_delete(&parser);
	sp->check_digest = h;
	return NULL;
}

bool ld_split_check_start(split *sp, const char *src, size_t len)
{
	sp->src = src;
	sp->src_len = len;
	sp->body_state = BODY_PENDING;
	if (pthread_mutex_init(&sp->lock, NULL) != 0)
		return false;
	if (pthread_cond_init(&sp->news, NULL) != 0) {
		pthread_mutex_destroy(&sp->lock);
		return false;
	}
	sp->started = pthread_create(&sp->thread, NULL, check_run, sp) == 0;
	if (!sp->started) {
		pthread_cond_destroy(&sp->news);
		pthread_mutex_destroy(&sp->lock);
	}
	return sp->started;
}

bool ld_split_bytes_ok(split *sp)
{
	pthread_mutex_lock(&sp->lock);
	while (!sp->bytes_checked)
		pthread_cond_wait(&sp->news, &sp->lock);
	bool ok = sp->bytes_ok;
	pthread_mutex_unlock(&sp->lock);
	return ok;
}

bool ld_split_check_end(split *sp)
{
	if (!sp->started)
		return false;
	pthread_join(sp->thread, NULL);
	sp->started = false;
	pthread_cond_destroy(&sp->news);
	pthread_mutex_destroy(&sp->lock);
	bool same = sp->bytes_ok && sp->check_parsed && sp->check_saw_body &&
	            sp->check_same_body && sp->fed_all &&
	            sp->check_digest == sp->digest;
	splits_kept += same;
	return same;
}

/* ---- the split load: the loader fed from two parsers ---------------- */

/* Feeds one event to the loader, folding it into the digest.  False when
 * the loader wants no more. */
static bool feed(loader *ld, split *sp, const yaml_event_t *ev, bool body)
{
	sp->digest = mix_event(sp->digest, ev, body);
	bool more = ld_on_event(ld, ev);
	if (ev->type == YAML_STREAM_END_EVENT)
		sp->fed_all = true;
	return more;
}

/* An event of the text after the body, where the file has it. */
static void move_marks(yaml_event_t *ev, const split *sp)
{
	ev->start_mark.index += sp->rest_index;
	ev->start_mark.line += sp->rest_line;
	ev->end_mark.index += sp->rest_index;
	ev->end_mark.line += sp->rest_line;
}

/* The events of what follows the body, from a parser of its own: its
 * stream, document and mapping are the file's, and are not fed again.
 * When nothing follows, the file's mapping and document end where its
 * stream does: ends[] are those of the text up to the header. */
static void feed_rest(loader *ld, split *sp, yaml_event_t *ends)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		return;
	yaml_parser_set_input_string(&parser,
	                             (const unsigned char *)ld->src + sp->rest,
	                             ld->src_len - sp->rest);
	static const yaml_event_type_t opening[] = {
		YAML_STREAM_START_EVENT, YAML_DOCUMENT_START_EVENT,
		YAML_MAPPING_START_EVENT,
	};
	for (size_t k = 0;; k++) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev))
			break;
		if (k == 1 && ev.type == YAML_STREAM_END_EVENT) {
			move_marks(&ev, sp);
			ends[0].start_mark = ends[0].end_mark = ev.start_mark;
			ends[1].start_mark = ends[1].end_mark = ev.start_mark;
			if (feed(ld, sp, &ends[0], false) && feed(ld, sp, &ends[1], false))
				feed(ld, sp, &ev, false);
			yaml_event_delete(&ev);
			break;
		}
		bool more = k < 3 ? ev.type == opening[k]
		                  : (move_marks(&ev, sp), feed(ld, sp, &ev, false));
		yaml_event_delete(&ev);
		if (!more)
			break;
	}
	yaml_parser_delete(&parser);
}

/* The events before the body come from a parser of the text up to the
 * header, which ends on the body's empty value, then the end of its
 * mapping, document and stream: the events are fed three behind, so that
 * the value can be given the body and the ends left to what follows it. */
void ld_parse_split(loader *ld, split *sp)
{
	yaml_parser_t parser;
	sp->digest = DIGEST_SEED;
	sp->fed_all = false;
	if (!yaml_parser_initialize(&parser))
		return;
	yaml_parser_set_input_string(&parser, (const unsigned char *)ld->src,
	                             sp->text_start);
	yaml_event_t held[3];
	size_t n_held = 0;
	bool more = true;
	while (more) {
		yaml_event_t ev;
		if (!yaml_parser_parse(&parser, &ev))
			break;
		if (ev.type == YAML_STREAM_END_EVENT) {
			yaml_event_delete(&ev);
			break;
		}
		if (n_held == 3) {
			more = feed(ld, sp, &held[0], false);
			yaml_event_delete(&held[0]);
			memmove(held, held + 1, 2 * sizeof *held);
			n_held = 2;
		}
		held[n_held++] = ev;
	}
	bool tail = more && n_held == 3 && held[0].type == YAML_SCALAR_EVENT &&
	            held[0].data.scalar.length == 0 &&
	            held[0].data.scalar.style == YAML_LITERAL_SCALAR_STYLE &&
	            held[0].start_mark.index == sp->pipe_index &&
	            held[1].type == YAML_MAPPING_END_EVENT &&
	            held[2].type == YAML_DOCUMENT_END_EVENT;
	if (tail) {
		sp->rest_line = held[0].start_mark.line + 1 + sp->lines;
		yaml_event_t body = held[0];
		body.data.scalar.value = (yaml_char_t *)sp->body;
		body.data.scalar.length = sp->body_len;
		body.end_mark = (yaml_mark_t){ .index = sp->rest_index,
		                               .line = sp->rest_line };
		ld->body_gift = sp->body;
		if (feed(ld, sp, &body, true))
			feed_rest(ld, sp, held + 1);
		if (!ld->body_gift)
			sp->body = NULL;   /* the article has it now */
		ld->body_gift = NULL;
	}
	for (size_t k = 0; k < n_held; k++)
		yaml_event_delete(&held[k]);
	yaml_parser_delete(&parser);
}
