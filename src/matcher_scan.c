/* matcher_scan.c - the scan of a text with a built automaton
 * (matcher_private.h): one transition a byte from row to row, the nodes
 * without a row and the reports apart, and a long text in four stretches
 * at once. */
#include "matcher.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "matcher_private.h"
#include "text.h"

/* A long text is scanned as STREAMS stretches at once, one byte of each in
 * turn.  A byte's transition waits on the one before it (a load from the
 * rows, some 512 KB, mostly out of L1), so one stream leaves the core
 * idle; four independent ones keep it busy.  Each stretch starts early by
 * the longest key, which brings its state to what a scan from the start
 * would have there; it reports only the keys that end inside it.  The
 * first stream reports as it goes; the others keep their hits and hand
 * them over in order once it is done. */
#define STREAMS 4
#define STREAMS_MIN_LEN (64u << 10)

/* A hit kept for later: the pattern (index + 1 in pats) and its start. */
typedef struct kept_hit {
	size_t pat;
	size_t start;
} kept_hit;

typedef struct stream {
	const unsigned char *p, *end;   /* next byte, end of the stretch */
	size_t from;                    /* keys ending at or before this are
	                                   the previous stream's */
	uint32_t code;
	bool keep;                      /* keep hits rather than report them */
	bool lost;                      /* could not keep one: scan again */
	kept_hit *kept;
	size_t n_kept, cap_kept;
} stream;

/* What every stream shares: the text and the caller's callback. */
typedef struct scan_sink {
	const unsigned char *text;
	size_t len;
	matcher_hit_fn hit;
	void *ctx;
} scan_sink;

static bool same_folded(const unsigned char *a, const char *b, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (ascii_lower(a[i]) != ascii_lower((unsigned char)b[i]))
			return false;
	}
	return true;
}

/* True when pattern pt, whose key matched at start, is all there.  The
 * automaton has checked the key's folded bytes only. */
static bool pattern_at(const matcher *m, const pattern *pt,
                       const scan_sink *to, size_t start)
{
	if (pt->len > to->len - start)
		return false;
	if (!pt->ignore_case)
		return memcmp(to->text + start, m->bytes + pt->off, pt->len) == 0;
	size_t k = key_len(pt->len);
	return same_folded(to->text + start + k, m->bytes + pt->off + k,
	                   pt->len - k);
}

static bool deliver(const matcher *m, stream *s, const scan_sink *to,
                    uint32_t pat, size_t start)
{
	if (!s->keep) {
		const pattern *pt = &m->pats[pat - 1];
		return to->hit(to->ctx, pt->tag, start, start + pt->len);
	}
	if (s->lost)
		return true;
	kept_hit *v = array_grow(s->kept, &s->cap_kept, s->n_kept + 1, sizeof *v);
	if (!v) {
		s->lost = true;       /* its stretch is scanned again, reporting */
		return true;
	}
	s->kept = v;
	v[s->n_kept++] = (kept_hit){ .pat = pat, .start = start };
	return true;
}

/* Reports every pattern whose key ends at text[end - 1], the stream being
 * in state code; returns false when the caller asked to stop.  Not
 * inlined, so that the scan's loop keeps its few values in registers. */
__attribute__((noinline))
static bool report(const matcher *m, stream *s, const scan_sink *to,
                   uint32_t code, size_t end)
{
	if (end <= s->from)
		return true;
	uint32_t v = node_of(m, code);
	for (uint32_t t = m->nodes[v].out; t; t = m->nodes[m->nodes[t].fail].out) {
		for (uint32_t p = m->node_pats[t]; p; p = m->pats[p - 1].next) {
			size_t start = end - key_len(m->pats[p - 1].len);
			if (pattern_at(m, &m->pats[p - 1], to, start) &&
			    !deliver(m, s, to, p, start))
				return false;
		}
	}
	return true;
}

/* Takes a stream through what the common case does not do: reporting,
 * and the nodes without a row, until its state is a plain row again or
 * its stretch ends.  Returns false when the stream must stop. */
static bool settle(const matcher *m, stream *s, const scan_sink *to)
{
	while (s->code & (CODE_SPARSE | CODE_OUT)) {
		if (s->code & CODE_OUT) {   /* the state after p[-1] */
			if (!report(m, s, to, s->code, (size_t)(s->p - to->text)))
				return false;
			s->code &= ~CODE_OUT;
		} else if (s->p == s->end) {
			return true;
		} else {                    /* a node without a row */
			unsigned c = m->cls[*s->p++];
			const anode *n = &m->nodes[m->n_dense + (s->code >> 2)];
			if (c == 0)             /* a byte of no key: no key spans it */
				s->code = 0;
			else if (n->n_edges == 1 && n->label == c)
				s->code = n->next;  /* along a chain, without a call */
			else
				s->code = matcher_delta(m, node_of(m, s->code), c);
		}
	}
	return true;
}

/* Scans one stream to the end of its stretch. */
static bool run_one(const matcher *m, stream *s, const scan_sink *to)
{
	const uint32_t *dense = m->dense;
	const uint8_t *cls = m->cls;
	for (;;) {
		/* The common case, from row to row with nothing to report: one
		 * addition, one load and one test a byte. */
		uint32_t code = s->code;
		const unsigned char *p = s->p, *end = s->end;
		while (!(code & (CODE_SPARSE | CODE_OUT)) && p < end)
			code = dense[(size_t)code + cls[*p++]];
		s->code = code;
		s->p = p;
		if (!settle(m, s, to))
			return false;
		if (s->p == s->end && !(s->code & CODE_OUT))
			return true;
	}
}

/* One byte of stream s, whose state and next byte the caller keeps in *c
 * and *at (in registers once this is inlined): the common case here, the
 * rest through settle().  Returns false when the scan must stop. */
static inline bool step(const matcher *m, const uint32_t *dense,
                        const uint8_t *cls, stream *s, const scan_sink *to,
                        uint32_t *c, const unsigned char **at)
{
	*c = dense[(size_t)*c + cls[*(*at)++]];
	if (!(*c & (CODE_SPARSE | CODE_OUT)))
		return true;
	s->code = *c;
	s->p = *at;
	bool go = settle(m, s, to);
	*c = s->code;
	*at = s->p;
	return go;
}

/* Scans the streams together while each has bytes left; run_one()
 * finishes each.  Returns false when the caller asked to stop. */
static bool run_together(const matcher *m, stream *s, const scan_sink *to)
{
	const uint32_t *dense = m->dense;
	const uint8_t *cls = m->cls;
	uint32_t c0 = s[0].code, c1 = s[1].code, c2 = s[2].code, c3 = s[3].code;
	const unsigned char *p0 = s[0].p, *p1 = s[1].p, *p2 = s[2].p, *p3 = s[3].p;
	bool go = true;
	while (go && p0 < s[0].end && p1 < s[1].end && p2 < s[2].end &&
	       p3 < s[3].end)
		go = step(m, dense, cls, &s[0], to, &c0, &p0) &
		     step(m, dense, cls, &s[1], to, &c1, &p1) &
		     step(m, dense, cls, &s[2], to, &c2, &p2) &
		     step(m, dense, cls, &s[3], to, &c3, &p3);
	s[0].code = c0, s[1].code = c1, s[2].code = c2, s[3].code = c3;
	s[0].p = p0, s[1].p = p1, s[2].p = p2, s[3].p = p3;
	return go;
}

static void scan_streams(const matcher *m, const scan_sink *to)
{
	stream s[STREAMS] = { 0 };
	size_t stretch = to->len / STREAMS, lead = m->max_len;
	for (int k = 0; k < STREAMS; k++) {
		size_t from = (size_t)k * stretch;
		size_t upto = k == STREAMS - 1 ? to->len : from + stretch;
		size_t begin = from > lead ? from - lead : 0;
		s[k] = (stream){ .p = to->text + begin, .end = to->text + upto,
		                 .from = from, .keep = k > 0 };
	}
	bool go = run_together(m, s, to);
	for (int k = 0; go && k < STREAMS; k++)
		go = run_one(m, &s[k], to);
	/* Now in order: what the later streams kept, or their stretch again
	 * when they could not keep it all. */
	for (int k = 1; go && k < STREAMS; k++) {
		stream *t = &s[k];
		if (t->lost) {
			size_t begin = t->from > lead ? t->from - lead : 0;
			*t = (stream){ .p = to->text + begin, .end = t->end,
			               .from = t->from, .kept = t->kept };
			go = run_one(m, t, to);
			continue;
		}
		for (size_t h = 0; go && h < t->n_kept; h++) {
			const pattern *pt = &m->pats[t->kept[h].pat - 1];
			size_t start = t->kept[h].start;
			go = to->hit(to->ctx, pt->tag, start, start + pt->len);
		}
	}
	for (int k = 0; k < STREAMS; k++)
		free(s[k].kept);
}

void matcher_scan(const matcher *m, const char *text, size_t len,
                  matcher_hit_fn hit, void *ctx)
{
	if (!m || !m->built || !text || !hit)
		return;
	const scan_sink to = { .text = (const unsigned char *)text, .len = len,
	                       .hit = hit, .ctx = ctx };
	if (len >= STREAMS_MIN_LEN) {
		scan_streams(m, &to);
		return;
	}
	stream s = { .p = to.text, .end = to.text + len };
	run_one(m, &s, &to);
}
