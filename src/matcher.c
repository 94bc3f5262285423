/* matcher.c - Aho-Corasick automaton over ASCII-folded bytes.
 *
 * Patterns are inserted into a trie whose edges read folded bytes (A-Z as
 * a-z).  matcher_build() renumbers the trie breadth-first into a compact
 * form and adds failure links; the scan then costs one transition per text
 * byte whatever the number of patterns, plus the occurrences it reports.
 *
 * Compactness: every folded byte used by some pattern gets a small class
 * number (1..n_cls); bytes in no pattern are class 0 and send the scan
 * straight back to the root.  A node with few edges keeps them as a short
 * sorted list of classes; a node with many (the root always) gets a dense
 * row indexed by class, n_cls + 1 entries wide. */
#include "matcher.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Node 0 is the root.  It ends no pattern and is no node's child, so 0
 * also means "no node" in edges and output links. */
#define ROOT 0u

typedef struct pattern {
	size_t tag;
	size_t off;          /* first byte in matcher.bytes */
	size_t len;
	uint32_t next;       /* next pattern ending at the same node, +1; 0 ends */
	bool ignore_case;
} pattern;

/* The trie while patterns are added: first-child, next-sibling lists. */
typedef struct tnode {
	uint32_t child;
	uint32_t sibling;
	uint32_t pats;       /* first pattern ending here, +1; 0 for none */
	uint32_t pats_last;  /* last one, +1, so reports keep insertion order */
	uint8_t byte;        /* folded byte on the edge into this node */
} tnode;

/* A node of the built automaton: 16 bytes, four to a cache line. */
typedef struct anode {
	uint32_t fail;
	uint32_t out;        /* this node if it ends patterns, else the nearest
	                        node on the failure chain that does, else 0 */
	uint32_t next;       /* dense: the row; one edge: its target; else the
	                        first edge in labels[] and targets[] */
	uint16_t n_edges;
	uint8_t label;       /* the class of the only edge when n_edges == 1 */
	uint8_t dense;       /* the node has a complete row in dense[] */
} anode;

struct matcher {
	pattern *pats;
	size_t n_pats, cap_pats;
	char *bytes;         /* every pattern as given, for verification */
	size_t n_bytes, cap_bytes;
	bool used[256];      /* folded bytes that occur in some pattern */
	/* Construction trie, freed by matcher_build(). */
	tnode *trie;
	size_t n_trie, cap_trie;
	uint32_t root_kids[256];
	/* The built automaton. */
	bool built;
	uint8_t cls[256];    /* raw byte -> class of its folded byte */
	unsigned n_cls;
	anode *nodes;
	uint32_t *node_pats; /* first pattern ending at each node, +1 */
	size_t n_nodes;
	uint8_t *labels;     /* class of each edge, sorted within a node */
	uint32_t *targets;
	uint32_t *dense;     /* complete rows of n_cls + 1 next states */
	size_t n_dense, cap_dense;
};

/* Rows are given to the root, to nodes with many edges, and to the
 * shallowest nodes, where the scan spends most of its time, until they
 * take this much memory. */
#define DENSE_SHALLOW_BUDGET (1u << 20)
#define DENSE_SHALLOW_DEPTH 2u
#define MIN_DENSE_EDGES 8u

static unsigned char fold(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') ? (unsigned char)(c - 'A' + 'a') : c;
}

/* Returns the array p (of *cap elements of size sz) grown to hold need
 * elements, updating *cap; NULL on OOM, with p still valid. */
static void *grow(void *p, size_t *cap, size_t need, size_t sz)
{
	if (need <= *cap)
		return p;
	size_t n = *cap ? *cap : 16;
	while (n < need) {
		if (n > SIZE_MAX / 2 / sz)
			return NULL;
		n *= 2;
	}
	void *q = realloc(p, n * sz);
	if (q)
		*cap = n;
	return q;
}

matcher *matcher_new(void)
{
	matcher *m = calloc(1, sizeof *m);
	if (!m)
		return NULL;
	/* The root of the construction trie. */
	m->trie = grow(NULL, &m->cap_trie, 1, sizeof *m->trie);
	if (!m->trie) {
		free(m);
		return NULL;
	}
	m->trie[0] = (tnode){ .child = 0 };
	m->n_trie = 1;
	return m;
}

void matcher_free(matcher *m)
{
	if (!m)
		return;
	free(m->pats);
	free(m->bytes);
	free(m->trie);
	free(m->nodes);
	free(m->node_pats);
	free(m->labels);
	free(m->targets);
	free(m->dense);
	free(m);
}

/* ---- adding patterns ---------------------------------------------------- */

/* The child of trie node u on folded byte b, created if absent; 0 on OOM. */
static uint32_t trie_child(matcher *m, uint32_t u, unsigned char b)
{
	uint32_t v = (u == ROOT) ? m->root_kids[b] : m->trie[u].child;
	if (u != ROOT) {
		while (v && m->trie[v].byte != b)
			v = m->trie[v].sibling;
	}
	if (v)
		return v;
	if (m->n_trie >= UINT32_MAX - 1)
		return 0;
	tnode *t = grow(m->trie, &m->cap_trie, m->n_trie + 1, sizeof *t);
	if (!t)
		return 0;
	m->trie = t;
	v = (uint32_t)m->n_trie++;
	m->trie[v] = (tnode){ .byte = b };
	if (u == ROOT) {
		m->root_kids[b] = v;
	} else {
		m->trie[v].sibling = m->trie[u].child;
		m->trie[u].child = v;
	}
	return v;
}

bool matcher_add(matcher *m, const char *pat, size_t len, bool ignore_case,
                 size_t tag)
{
	if (!m || m->built || !pat || len == 0 || m->n_pats >= UINT32_MAX - 1)
		return false;
	pattern *pats = grow(m->pats, &m->cap_pats, m->n_pats + 1, sizeof *pats);
	if (!pats)
		return false;
	m->pats = pats;
	char *bytes = m->n_bytes > SIZE_MAX - len ? NULL :
	              grow(m->bytes, &m->cap_bytes, m->n_bytes + len, 1);
	if (!bytes)
		return false;
	m->bytes = bytes;
	uint32_t u = ROOT;
	for (size_t i = 0; i < len; i++) {
		unsigned char b = fold((unsigned char)pat[i]);
		u = trie_child(m, u, b);
		if (!u)
			return false;
		m->used[b] = true;
	}
	uint32_t id = (uint32_t)m->n_pats;
	m->pats[id] = (pattern){ .tag = tag, .off = m->n_bytes, .len = len,
	                         .ignore_case = ignore_case };
	memcpy(m->bytes + m->n_bytes, pat, len);
	m->n_bytes += len;
	m->n_pats++;
	if (m->trie[u].pats_last)
		m->pats[m->trie[u].pats_last - 1].next = id + 1;
	else
		m->trie[u].pats = id + 1;
	m->trie[u].pats_last = id + 1;
	return true;
}

/* ---- building ----------------------------------------------------------- */

/* The state after reading class c in state s: the goto function with
 * failures followed.  Rows of dense nodes are complete, so the walk stops
 * at the first dense node, the root at the latest. */
static inline uint32_t delta(const matcher *m, uint32_t s, unsigned c)
{
	const anode *nodes = m->nodes;
	for (;;) {
		const anode *n = &nodes[s];
		if (n->n_edges == 1 && !n->dense) {
			if (n->label == c)
				return n->next;
		} else if (n->dense) {
			return m->dense[(size_t)n->next * (m->n_cls + 1) + c];
		} else {
			const uint8_t *l = m->labels + n->next;
			for (unsigned k = 0; k < n->n_edges && l[k] <= c; k++) {
				if (l[k] == c)
					return m->targets[n->next + k];
			}
		}
		s = n->fail;
	}
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
		m->cls[b] = of_folded[fold((unsigned char)b)];
	m->n_cls = n;
}

/* Children of trie node u, sorted by class, into kids (room for 256). */
static size_t trie_kids(const matcher *m, uint32_t u, uint32_t *kids)
{
	size_t n = 0;
	if (u == ROOT) {
		for (unsigned b = 0; b < 256; b++) {
			if (m->root_kids[b])
				kids[n++] = m->root_kids[b];
		}
		return n; /* classes follow byte order, so already sorted */
	}
	for (uint32_t v = m->trie[u].child; v; v = m->trie[v].sibling)
		kids[n++] = v;
	for (size_t i = 1; i < n; i++) {
		uint32_t x = kids[i];
		size_t j = i;
		while (j > 0 && m->trie[kids[j - 1]].byte > m->trie[x].byte) {
			kids[j] = kids[j - 1];
			j--;
		}
		kids[j] = x;
	}
	return n;
}

static bool wants_dense(const matcher *m, size_t node, unsigned depth,
                        size_t n_kids)
{
	size_t row_bytes = (m->n_cls + 1) * sizeof *m->dense;
	if (node == ROOT)
		return true;
	/* A row costs row_bytes; from about 8 bytes of row per edge it also
	 * saves the search through a long list. */
	if (n_kids >= MIN_DENSE_EDGES && n_kids * 8 * sizeof *m->dense >= row_bytes)
		return true;
	return depth <= DENSE_SHALLOW_DEPTH && n_kids > 0 &&
	       (m->n_dense + 1) * row_bytes <= DENSE_SHALLOW_BUDGET;
}

/* Gives node a (still empty) dense row; false on OOM. */
static bool add_row(matcher *m, anode *a)
{
	size_t row = m->n_cls + 1;
	uint32_t *d = grow(m->dense, &m->cap_dense, (m->n_dense + 1) * row,
	                   sizeof *d);
	if (!d)
		return false;
	m->dense = d;
	memset(d + m->n_dense * row, 0, row * sizeof *d);
	a->dense = 1;
	a->next = (uint32_t)m->n_dense++;
	return true;
}

/* Lays the trie out breadth-first: node numbers follow the order of a
 * breadth-first walk, so parents and failure targets come before a node,
 * and the shallow, busy nodes sit together in memory.  first_edge[v]
 * receives the first edge of each node. */
static bool layout_nodes(matcher *m, uint32_t *first_edge)
{
	size_t n = m->n_trie;
	uint32_t *queue = malloc(n * sizeof *queue);
	uint8_t *depth = malloc(n);
	uint32_t kids[256];
	bool ok = queue && depth;
	size_t tail = 1, n_edges = 0;
	if (ok)
		queue[0] = ROOT, depth[0] = 0;
	for (size_t head = 0; ok && head < tail; head++) {
		uint32_t u = queue[head];
		size_t k = trie_kids(m, u, kids);
		anode *a = &m->nodes[head];
		*a = (anode){ .n_edges = (uint16_t)k, .next = (uint32_t)n_edges };
		m->node_pats[head] = m->trie[u].pats;
		first_edge[head] = (uint32_t)n_edges;
		if (wants_dense(m, head, depth[head], k))
			ok = add_row(m, a);
		for (size_t i = 0; ok && i < k; i++) {
			m->labels[n_edges] = m->cls[m->trie[kids[i]].byte];
			m->targets[n_edges++] = (uint32_t)tail;
			depth[tail] = depth[head] < UINT8_MAX ? depth[head] + 1 : UINT8_MAX;
			queue[tail++] = kids[i];
		}
		if (!a->dense && k == 1) {
			a->label = m->labels[first_edge[head]];
			a->next = m->targets[first_edge[head]];
		}
	}
	free(queue);
	free(depth);
	return ok;
}

/* Failure and output links, and the rest of each dense row, in
 * breadth-first order: everything a node's links need is done before. */
static void link_nodes(matcher *m, const uint32_t *first_edge)
{
	size_t row = m->n_cls + 1;
	for (uint32_t u = 0; u < m->n_nodes; u++) {
		anode *a = &m->nodes[u];
		for (uint32_t k = 0; k < a->n_edges; k++) {
			uint32_t e = first_edge[u] + k, v = m->targets[e];
			anode *b = &m->nodes[v];
			b->fail = u == ROOT ? ROOT : delta(m, a->fail, m->labels[e]);
			b->out = m->node_pats[v] ? v : m->nodes[b->fail].out;
			if (a->dense)
				m->dense[a->next * row + m->labels[e]] = v;
		}
		if (!a->dense || u == ROOT)
			continue; /* the root's missing edges lead back to itself */
		uint32_t *r = m->dense + a->next * row;
		for (unsigned c = 1; c < row; c++) {
			if (!r[c])
				r[c] = delta(m, a->fail, c);
		}
	}
}

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
	m->n_nodes = m->n_dense = m->cap_dense = 0;
}

bool matcher_build(matcher *m)
{
	if (!m)
		return false;
	if (m->built)
		return true;
	size_t n = m->n_trie;
	assign_classes(m);
	uint32_t *first_edge = malloc(n * sizeof *first_edge);
	m->nodes = malloc(n * sizeof *m->nodes);
	m->node_pats = malloc(n * sizeof *m->node_pats);
	m->labels = malloc(n * sizeof *m->labels);
	m->targets = malloc(n * sizeof *m->targets);
	m->n_nodes = n;
	if (!first_edge || !m->nodes || !m->node_pats || !m->labels ||
	    !m->targets || !layout_nodes(m, first_edge)) {
		free(first_edge);
		drop_automaton(m);
		return false;
	}
	link_nodes(m, first_edge);
	free(first_edge);
	free(m->trie);
	m->trie = NULL;
	m->n_trie = m->cap_trie = 0;
	m->built = true;
	return true;
}

/* ---- scanning ----------------------------------------------------------- */

/* Reports every pattern ending at text[end - 1] with the scan in state s;
 * returns false when the caller asked to stop. */
static bool report(const matcher *m, uint32_t s, const char *text, size_t end,
                   matcher_hit_fn hit, void *ctx)
{
	for (uint32_t t = m->nodes[s].out; t; t = m->nodes[m->nodes[t].fail].out) {
		for (uint32_t p = m->node_pats[t]; p; p = m->pats[p - 1].next) {
			const pattern *pt = &m->pats[p - 1];
			size_t start = end - pt->len;
			if (!pt->ignore_case &&
			    memcmp(text + start, m->bytes + pt->off, pt->len) != 0)
				continue;
			if (!hit(ctx, pt->tag, start, end))
				return false;
		}
	}
	return true;
}

void matcher_scan(const matcher *m, const char *text, size_t len,
                  matcher_hit_fn hit, void *ctx)
{
	if (!m || !m->built || !text || !hit)
		return;
	/* Locals, so the compiler keeps them in registers across calls of
	 * hit(), which might otherwise change them as far as it knows. */
	const unsigned char *u = (const unsigned char *)text;
	const anode *nodes = m->nodes;
	const uint8_t *cls = m->cls;
	uint32_t s = ROOT;
	for (size_t i = 0; i < len; i++) {
		unsigned c = cls[u[i]];
		/* A byte of no pattern: no match spans it. */
		s = c ? delta(m, s, c) : ROOT;
		if (nodes[s].out && !report(m, s, text, i + 1, hit, ctx))
			return;
	}
}
