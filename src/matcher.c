/* matcher.c - Aho-Corasick automaton over ASCII-folded bytes.
 *
 * matcher_add() only keeps the patterns.  matcher_build() sorts their keys
 * (the first MATCHER_KEY_LEN bytes) by their folded bytes (A-Z read as
 * a-z) and builds the trie from the sorted
 * list, each pattern sharing the prefix it has in common with the one
 * before: the nodes come out depth-first with their children in order,
 * and no list of children is ever searched.  It then lays the trie out in
 * a compact form with failure links; the scan costs one transition per
 * text byte whatever the number of patterns, plus the occurrences it
 * reports.
 *
 * Compactness: every folded byte used by some key gets a small class
 * number (1..n_cls); bytes in no key are class 0 and send the scan
 * straight back to the root.
 *
 * Speed: the scan spends nearly all its time near the root, so the first
 * nodes in breadth-first order (the root and the shallowest) get complete
 * rows indexed by class, as many as fit in a budget that grows with the
 * text to scan, up to DENSE_BUDGET: one load per byte.  The other nodes keep their few edges as a short sorted list and
 * fall back along failure links; they keep their depth-first order, so
 * that a text that follows a long pattern walks through consecutive nodes.
 * Each transition carries a bit that says whether the state it leads to
 * ends some key, so the scan reads no node for a byte that ends none.  A
 * long text is scanned in four stretches at once (matcher_scan.c). */
#include "matcher.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "matcher_private.h"
#include "sort.h"
#include "text.h"

/* Memory for complete rows: a row is some n_cls * 4 bytes, so with the
 * 40-odd classes of English text this is some 3,000 rows, every node down
 * to depth 4 or 5 of a large article's names and quotes, where the scan
 * spends 85% of its bytes.  More rows save instructions in the scan but
 * cost time in cache misses: on the bench articles (10 MB, and 1 MB with
 * 10,000 aliases) 512 KB is fastest, 1 MB about as fast, 8 MB 25% slower
 * and 64 KB 15% slower. */
#ifndef DENSE_BUDGET
#define DENSE_BUDGET (512u << 10)
#endif

/* A row costs its n_cls entries to build whatever the text, and saves the
 * scan some steps for each byte that reaches its node: for a short text
 * rows pay up to about 2 bytes of them per byte of text.  On the bench's
 * 100 KB article (1,000 entities, 33,000 nodes) 192 KB of rows build and
 * scan in 0.85 M instructions fewer than 512 KB, and fault in 80 pages
 * fewer; 64 KB is the least any text gets. */
#define DENSE_PER_TEXT_BYTE 2u
#define DENSE_MIN (64u << 10)

static size_t dense_budget(size_t text_len)
{
	if (text_len >= DENSE_BUDGET / DENSE_PER_TEXT_BYTE)
		return DENSE_BUDGET;
	size_t b = text_len * DENSE_PER_TEXT_BYTE;
	return b > DENSE_MIN ? b : DENSE_MIN;
}

_Static_assert(MATCHER_KEY_LEN < 256, "a trie node's depth fits in a byte");

/* Codes (matcher_private.h) keep two bits of a node's number. */
#define MAX_NODES (UINT32_MAX / 4)

static uint32_t code_of(const matcher *m, uint32_t v)
{
	uint32_t at = v < m->n_dense ? v * m->row
	                             : (v - (uint32_t)m->n_dense) << 2 | CODE_SPARSE;
	return at | (m->nodes[v].out ? CODE_OUT : 0);
}

matcher *matcher_new(void)
{
	return calloc(1, sizeof(matcher));
}


/* Frees the built automaton's arrays, leaving the patterns: on a failed
 * build, and with the matcher. */
static void drop_automaton(matcher *m)
{
	free(m->nodes);
	free(m->node_pats);
	free(m->labels);
	free(m->targets);
	free(m->dense);
	m->nodes = NULL;
	m->node_pats = NULL;
	m->labels = NULL;
	m->targets = NULL;
	m->dense = NULL;
	m->n_nodes = m->n_dense = 0;
}

void matcher_free(matcher *m)
{
	if (!m)
		return;
	drop_automaton(m);
	free(m->pats);
	free(m->bytes);
	free(m);
}

/* ---- adding patterns ---------------------------------------------------- */

bool matcher_add(matcher *m, const char *pat, size_t len, bool ignore_case,
                 size_t tag)
{
	if (!m || m->built || !pat || len == 0 || m->n_pats >= UINT32_MAX - 1 ||
	    len >= MAX_NODES || m->n_bytes > MAX_NODES - len)
		return false;
	pattern *pats = array_grow(m->pats, &m->cap_pats, m->n_pats + 1,
	                           sizeof *pats);
	if (!pats)
		return false;
	m->pats = pats;
	char *bytes = array_grow(m->bytes, &m->cap_bytes, m->n_bytes + len, 1);
	if (!bytes)
		return false;
	m->bytes = bytes;
	for (size_t i = 0; i < key_len(len); i++)
		m->used[ascii_lower((unsigned char)pat[i])] = true;
	m->pats[m->n_pats++] = (pattern){ .tag = tag, .off = m->n_bytes,
	                                  .len = len, .ignore_case = ignore_case };
	memcpy(m->bytes + m->n_bytes, pat, len);
	m->n_bytes += len;
	if (key_len(len) > m->max_len)
		m->max_len = key_len(len);
	return true;
}

/* ---- the trie ----------------------------------------------------------- */

/* The trie, built from the sorted patterns: node v (0 the root) has the
 * folded byte on its edge, its parent and depth, and the first pattern
 * ending at it.  Nodes are numbered depth-first, children by byte. */
typedef struct trie {
	size_t n;
	uint8_t *byte;
	uint32_t *parent;
	uint8_t *depth;      /* at most MATCHER_KEY_LEN */
	uint32_t *pats;      /* first pattern ending here, +1; 0 for none */
} trie;

static void trie_free(trie *t)
{
	free(t->byte);
	free(t->parent);
	free(t->depth);
	free(t->pats);
}

/* A pattern's folded bytes, for sorting; head holds the first 8 of them,
 * so that most comparisons need no call of memcmp. */
typedef struct sort_key {
	uint64_t head;
	const unsigned char *s;
	size_t len;
	uint32_t id;
	uint32_t shared;   /* once sorted: bytes in common with the key before */
} sort_key;

static sort_key key_of(const unsigned char *s, size_t len, uint32_t id)
{
	sort_key k = { .s = s, .len = len, .id = id };
	for (size_t i = 0; i < 8; i++)
		k.head = k.head << 8 | (i < len ? s[i] : 0);
	return k;
}

/* True when a sorts before b: by folded bytes, a prefix first, equal ones
 * in the order added. */
static bool key_less(const sort_key *a, const sort_key *b)
{
	if (a->head != b->head)
		return a->head < b->head;
	int c = memcmp(a->s, b->s, a->len < b->len ? a->len : b->len);
	if (c)
		return c < 0;
	if (a->len != b->len)
		return a->len < b->len;
	return a->id < b->id;
}

/* sort_keys(keys, tmp, n): a stable merge sort (sort.h) whose
 * comparison inlines; 10,000 names sort four times as fast as with
 * qsort(). */
MERGE_SORT_DEFINE(sort_keys, sort_key, key_less)

static size_t common_prefix(const sort_key *a, const sort_key *b)
{
	size_t n = a->len < b->len ? a->len : b->len, i = 0;
	while (i < n && a->s[i] == b->s[i])
		i++;
	return i;
}

/* Adds the nodes of the sorted patterns keys[0..n) to t, whose arrays have
 * room; path has room for max_len + 1 nodes. */
static void trie_fill(matcher *m, trie *t, const sort_key *keys, size_t n,
                      uint32_t *path)
{
	uint32_t last = 0;   /* the last pattern placed, +1 */
	path[0] = ROOT;
	t->n = 1;
	t->depth[ROOT] = 0;
	t->pats[ROOT] = 0;
	for (size_t i = 0; i < n; i++) {
		const sort_key *k = &keys[i];
		for (size_t d = k->shared; d < k->len; d++) {
			uint32_t v = (uint32_t)t->n++;
			t->byte[v] = k->s[d];
			t->parent[v] = path[d];
			t->depth[v] = (uint8_t)(d + 1);
			t->pats[v] = 0;
			path[d + 1] = v;
		}
		/* Equal patterns come together, in the order added. */
		uint32_t v = path[k->len];
		if (t->pats[v])
			m->pats[last - 1].next = k->id + 1;
		else
			t->pats[v] = k->id + 1;
		last = k->id + 1;
	}
}

/* Builds the trie of every pattern; false on OOM. */
static bool trie_build(matcher *m, trie *t)
{
	size_t n = m->n_pats, nodes = 1;
	unsigned char *folded = malloc(m->n_bytes + 1);
	sort_key *keys = malloc((n + 1) * sizeof *keys);
	sort_key *tmp = malloc((n + 1) * sizeof *tmp);
	uint32_t *path = malloc((m->max_len + 1) * sizeof *path);
	bool ok = folded && keys && tmp && path;
	if (ok) {
		for (size_t i = 0; i < m->n_bytes; i++)
			folded[i] = ascii_lower((unsigned char)m->bytes[i]);
		for (size_t i = 0; i < n; i++)
			keys[i] = key_of(folded + m->pats[i].off, key_len(m->pats[i].len),
			                 (uint32_t)i);
		sort_keys(keys, tmp, n);
		for (size_t i = 0; i < n; i++) {
			keys[i].shared = i > 0 ? (uint32_t)common_prefix(&keys[i - 1], &keys[i]) : 0;
			nodes += keys[i].len - keys[i].shared;
		}
		t->byte = malloc(nodes);
		t->parent = malloc(nodes * sizeof *t->parent);
		t->depth = malloc(nodes * sizeof *t->depth);
		t->pats = malloc(nodes * sizeof *t->pats);
		ok = t->byte && t->parent && t->depth && t->pats;
	}
	if (ok)
		trie_fill(m, t, keys, n, path);
	free(folded);
	free(keys);
	free(tmp);
	free(path);
	return ok;
}

/* ---- building ----------------------------------------------------------- */

/* The code of the state after reading class c in node s: the goto
 * function with failures followed.  Rows are complete, so the walk stops
 * at the first node that has one, the root at the latest. */
uint32_t matcher_delta(const matcher *m, uint32_t s, unsigned c)
{
	while (s >= m->n_dense) {
		const anode *n = &m->nodes[s];
		if (n->n_edges == 1) {
			if (n->label == c)
				return n->next;
		} else {
			const uint8_t *l = m->labels + n->next;
			for (unsigned k = 0; k < n->n_edges && l[k] <= c; k++) {
				if (l[k] == c)
					return m->targets[n->next + k];
			}
		}
		s = n->fail;
	}
	return m->dense[(size_t)s * m->row + c];
}

static void assign_classes(matcher *m)
{
	uint8_t of_folded[256] = { 0 };
	unsigned n = 0;
	for (unsigned b = 0; b < 256; b++) {
		if (m->used[b])
			of_folded[b] = (uint8_t)++n;
	}
	for (unsigned b = 0; b < 256; b++)
		m->cls[b] = of_folded[ascii_lower((unsigned char)b)];
	m->n_cls = n;
}

/* Orders the trie breadth-first: by depth, and within a depth in
 * depth-first order, which keeps every node's children together and in
 * order.  bfs receives the nodes by rank, rank their ranks. */
static bool rank_nodes(const matcher *m, const trie *t, uint32_t *bfs,
                       uint32_t *rank)
{
	uint32_t *at = calloc(m->max_len + 2, sizeof *at);   /* per depth */
	if (!at)
		return false;
	for (size_t v = 0; v < t->n; v++)
		at[t->depth[v] + 1]++;
	for (size_t d = 1; d <= m->max_len + 1; d++)
		at[d] += at[d - 1];
	for (size_t v = 0; v < t->n; v++) {
		rank[v] = at[t->depth[v]]++;
		bfs[rank[v]] = (uint32_t)v;
	}
	free(at);
	return true;
}

/* The number of each trie node in the automaton, written over its rank
 * (one array less to fault in): the first n_dense ranks keep their rank,
 * the others keep their depth-first order after them. */
static void number_nodes(const matcher *m, const trie *t, uint32_t *rank_to_id)
{
	uint32_t next = (uint32_t)m->n_dense;
	for (size_t v = 0; v < t->n; v++) {
		if (rank_to_id[v] >= m->n_dense)
			rank_to_id[v] = next++;
	}
}

/* Gives each node its patterns and its edges, as plain node numbers: in
 * its row, or in its slice of the edge lists.  link_nodes() turns them
 * into codes. */
static void fill_nodes(matcher *m, const trie *t, const uint32_t *id_of)
{
	memset(m->nodes, 0, m->n_nodes * sizeof *m->nodes);
	for (size_t v = 0; v < t->n; v++)
		m->node_pats[id_of[v]] = t->pats[v];
	for (size_t v = 1; v < t->n; v++)
		m->nodes[id_of[t->parent[v]]].n_edges++;
	/* Each list's end: the children, last first, take the places below. */
	uint32_t end = 0;
	for (size_t id = m->n_dense; id < m->n_nodes; id++) {
		anode *a = &m->nodes[id];
		if (a->n_edges > 1)
			a->next = end += a->n_edges;
	}
	for (size_t v = t->n; v-- > 1;) {
		uint32_t u = id_of[t->parent[v]], kid = id_of[v];
		uint8_t label = m->cls[t->byte[v]];
		anode *a = &m->nodes[u];
		if (u < m->n_dense) {
			m->dense[(size_t)u * m->row + label] = kid;
		} else if (a->n_edges == 1) {
			a->label = label;
			a->next = kid;
		} else {
			m->labels[--a->next] = label;
			m->targets[a->next] = kid;
		}
	}
}

/* Child v of u on class c: its failure and output links, and its code. */
static uint32_t link_child(matcher *m, uint32_t u, uint32_t v, unsigned c)
{
	anode *b = &m->nodes[v];
	b->fail = u == ROOT ? ROOT
	                    : node_of(m, matcher_delta(m, m->nodes[u].fail, c));
	b->out = m->node_pats[v] ? v : m->nodes[b->fail].out;
	return code_of(m, v);
}

/* Failure and output links, codes on every edge, and the rest of every
 * row, node by node in breadth-first order (bfs: the trie nodes by rank):
 * what a node's links read is then done. */
static void link_nodes(matcher *m, const uint32_t *bfs, const uint32_t *id_of)
{
	for (size_t r = 0; r < m->n_nodes; r++) {
		uint32_t u = id_of[bfs[r]];
		anode *a = &m->nodes[u];
		if (u >= m->n_dense) {
			if (a->n_edges == 1)
				a->next = link_child(m, u, a->next, a->label);
			for (uint32_t k = 0; a->n_edges > 1 && k < a->n_edges; k++) {
				uint32_t e = a->next + k;
				m->targets[e] = link_child(m, u, m->targets[e], m->labels[e]);
			}
			continue;
		}
		/* A node's failure is shallower, so ranked before it: it has a
		 * row too, complete by now, and a miss here goes where it goes
		 * there.  The root's misses stay at the root. */
		uint32_t *row = m->dense + (size_t)u * m->row;
		const uint32_t *fail_row = m->dense + (size_t)a->fail * m->row;
		for (unsigned c = 1; c <= m->n_cls; c++) {
			if (row[c])
				row[c] = link_child(m, u, row[c], c);
			else if (u != ROOT)
				row[c] = fail_row[c];
		}
	}
}

/* Lays out the automaton from the trie, with budget bytes of rows at
 * most (and the root's row at least); false on OOM. */
static bool layout(matcher *m, const trie *t, size_t budget)
{
	size_t n = t->n;
	m->row = (m->n_cls + 1 + 3) & ~3u;
	size_t row_bytes = m->row * sizeof *m->dense;
	size_t rows = budget / row_bytes ? budget / row_bytes : 1;
	m->n_nodes = n;
	m->n_dense = rows < n ? rows : n;
	m->nodes = malloc(n * sizeof *m->nodes);
	m->node_pats = malloc(n * sizeof *m->node_pats);
	m->labels = malloc(n);
	m->targets = malloc(n * sizeof *m->targets);
	m->dense = calloc(m->n_dense, row_bytes);
	uint32_t *bfs = malloc(n * sizeof *bfs);
	uint32_t *id_of = malloc(n * sizeof *id_of);   /* ranks first */
	bool ok = m->nodes && m->node_pats && m->labels && m->targets &&
	          m->dense && bfs && id_of && rank_nodes(m, t, bfs, id_of);
	if (ok) {
		number_nodes(m, t, id_of);
		fill_nodes(m, t, id_of);
		link_nodes(m, bfs, id_of);
	}
	free(bfs);
	free(id_of);
	return ok;
}

bool matcher_build(matcher *m)
{
	return matcher_build_for(m, SIZE_MAX);
}

bool matcher_build_for(matcher *m, size_t text_len)
{
	if (!m)
		return false;
	if (m->built)
		return true;
	assign_classes(m);
	trie t = { 0 };
	bool ok = trie_build(m, &t) && layout(m, &t, dense_budget(text_len));
	trie_free(&t);
	if (!ok) {
		drop_automaton(m);
		return false;
	}
	m->built = true;
	return true;
}
