/* matcher.c - Aho-Corasick automaton over ASCII-folded bytes.
 *
 * Patterns are inserted into a trie whose edges read folded bytes (A-Z as
 * a-z).  matcher_build() renumbers the trie into a compact form and adds
 * failure links; the scan then costs one transition per text byte whatever
 * the number of patterns, plus the occurrences it reports.
 *
 * Compactness: every folded byte used by some pattern gets a small class
 * number (1..n_cls); bytes in no pattern are class 0 and send the scan
 * straight back to the root.
 *
 * Speed: the scan spends nearly all its time near the root, so the first
 * nodes in breadth-first order (the root and the shallowest) get complete
 * rows indexed by class, as many as fit in DENSE_BUDGET: one load per
 * byte.  The other nodes keep their few edges as a short sorted list and
 * fall back along failure links; they are numbered depth-first, so that a
 * text that follows a long pattern walks through consecutive nodes.  Each
 * transition carries a bit that says whether the state it leads to ends
 * some pattern, so the scan reads no node for a byte that ends none. */
#include "matcher.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Node 0 is the root.  It ends no pattern and is no node's child, so 0
 * also means "no node" in edges and output links. */
#define ROOT 0u

/* Memory for complete rows: a row is (n_cls + 1) * 4 bytes, so with the
 * 40-odd classes of English text this is some 13,000 rows, every node down
 * to depth 7 or 8 of a large article's names and quotes. */
#ifndef DENSE_BUDGET
#define DENSE_BUDGET (2u << 20)
#endif

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

/* A node of the built automaton: 16 bytes, four to a cache line.  Nodes
 * below n_dense have a row in dense[] and use only fail and out. */
typedef struct anode {
	uint32_t fail;
	uint32_t out;        /* this node if it ends patterns, else the nearest
	                        node on the failure chain that does, else 0 */
	uint32_t next;       /* one edge: its code; more: the first edge in
	                        labels[] and targets[] */
	uint16_t n_edges;
	uint8_t label;       /* the class of the only edge when n_edges == 1 */
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
	uint32_t *targets;   /* the code of each edge's node */
	uint32_t *dense;     /* a row of codes for each node below n_dense */
	size_t n_dense;
	uint32_t row;        /* entries in a row: n_cls + 1, made even */
	uint32_t dense_end;  /* n_dense * row */
};

/* A transition leads to a code: for a node with a row, the index of its
 * row in dense[], for one without, dense_end + 2 * its rank among those;
 * plus 1 when the node ends a pattern or has an output link.  So the scan
 * goes from row to row with one addition and one load per byte, and reads
 * no node unless there is something to report.  The root's code is 0. */
static uint32_t code_of(const matcher *m, uint32_t v)
{
	uint32_t at = v < m->n_dense ? v * m->row
	                             : m->dense_end + 2 * (v - (uint32_t)m->n_dense);
	return at | (m->nodes[v].out != 0);
}

static uint32_t node_of(const matcher *m, uint32_t code)
{
	uint32_t at = code & ~1u;
	return at < m->dense_end ? at / m->row
	                         : (uint32_t)m->n_dense + (at - m->dense_end) / 2;
}

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
	if (m->n_trie >= UINT32_MAX / 4)  /* codes take 2 * n + rows */
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

/* The code of the state after reading class c in state s: the goto
 * function with failures followed.  Rows are complete, so the walk stops
 * at the first node that has one, the root at the latest. */
static uint32_t delta(const matcher *m, uint32_t s, unsigned c)
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

/* Numbers the trie's nodes: the first n_dense in breadth-first order, the
 * rest depth-first (a node's first child right after it).  bfs receives
 * the trie nodes in breadth-first order, id_of the number of each, order
 * the trie node of each number.  stack has room for n_trie entries. */
static void number_nodes(matcher *m, uint32_t *bfs, uint32_t *id_of,
                         uint32_t *order, uint32_t *stack)
{
	uint32_t kids[256];
	size_t n = m->n_trie, tail = 1;
	bfs[0] = ROOT;
	for (size_t head = 0; head < tail; head++) {
		size_t k = trie_kids(m, bfs[head], kids);
		for (size_t i = 0; i < k; i++)
			bfs[tail++] = kids[i];
	}
	for (size_t i = 0; i < n; i++)
		id_of[bfs[i]] = i < m->n_dense ? (uint32_t)i : UINT32_MAX;
	memcpy(order, bfs, m->n_dense * sizeof *order);
	/* A depth-first walk from each node at the edge of the rows: their
	 * children are the shallowest nodes without one. */
	size_t next = m->n_dense;
	for (size_t i = 0; i < m->n_dense; i++) {
		size_t top = 0;
		/* Pushed last first, so the first child comes out first. */
		for (size_t k = trie_kids(m, bfs[i], kids); k > 0; k--) {
			if (id_of[kids[k - 1]] == UINT32_MAX)
				stack[top++] = kids[k - 1];
		}
		while (top > 0) {
			uint32_t u = stack[--top];
			id_of[u] = (uint32_t)next;
			order[next++] = u;
			for (size_t k = trie_kids(m, u, kids); k > 0; k--)
				stack[top++] = kids[k - 1];
		}
	}
}

/* Gives each node its patterns and each node without a row its edges,
 * still as plain node numbers; link_nodes() turns them into codes. */
static void fill_edges(matcher *m, const uint32_t *id_of, const uint32_t *order)
{
	uint32_t kids[256];
	size_t n_edges = 0;
	for (size_t id = 0; id < m->n_nodes; id++) {
		uint32_t u = order[id];
		size_t k = trie_kids(m, u, kids);
		anode *a = &m->nodes[id];
		*a = (anode){ .n_edges = (uint16_t)k };
		m->node_pats[id] = m->trie[u].pats;
		if (id < m->n_dense || k == 0)
			continue;
		if (k == 1) {
			a->label = m->cls[m->trie[kids[0]].byte];
			a->next = id_of[kids[0]];
			continue;
		}
		a->next = (uint32_t)n_edges;
		for (size_t i = 0; i < k; i++) {
			m->labels[n_edges] = m->cls[m->trie[kids[i]].byte];
			m->targets[n_edges++] = id_of[kids[i]];
		}
	}
}

/* Child v of u on class c: its failure and output links, and its code. */
static uint32_t link_child(matcher *m, uint32_t u, uint32_t v, unsigned c)
{
	anode *b = &m->nodes[v];
	b->fail = u == ROOT ? ROOT : node_of(m, delta(m, m->nodes[u].fail, c));
	b->out = m->node_pats[v] ? v : m->nodes[b->fail].out;
	return code_of(m, v);
}

/* Failure and output links, codes on every edge, and the complete rows,
 * node by node in breadth-first order (bfs holds node numbers): what a
 * node's links read is then done. */
static void link_nodes(matcher *m, const uint32_t *bfs)
{
	for (size_t i = 0; i < m->n_nodes; i++) {
		uint32_t u = bfs[i];
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
		/* Row u holds its children's plain numbers (see build_rows). */
		uint32_t *r = m->dense + (size_t)u * m->row;
		for (unsigned c = 1; c <= m->n_cls; c++) {
			if (r[c])
				r[c] = link_child(m, u, r[c], c);
			else if (u != ROOT)  /* the root's misses stay at the root */
				r[c] = delta(m, a->fail, c);
		}
	}
}

/* The rows, all zero (the root) but for each node's own children. */
static void build_rows(matcher *m, const uint32_t *id_of, const uint32_t *order)
{
	uint32_t kids[256];
	memset(m->dense, 0, m->dense_end * sizeof *m->dense);
	for (size_t id = 0; id < m->n_dense; id++) {
		size_t k = trie_kids(m, order[id], kids);
		for (size_t i = 0; i < k; i++)
			m->dense[id * m->row + m->cls[m->trie[kids[i]].byte]] = id_of[kids[i]];
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
	m->n_nodes = m->n_dense = 0;
	m->dense_end = 0;
}

/* Lays out the automaton from the trie; false on OOM. */
static bool layout(matcher *m)
{
	size_t n = m->n_trie;
	m->row = (m->n_cls + 2) & ~1u;
	size_t row_bytes = m->row * sizeof *m->dense;
	m->n_nodes = n;
	m->n_dense = DENSE_BUDGET / row_bytes;
	if (m->n_dense > n)
		m->n_dense = n;
	m->dense_end = (uint32_t)(m->n_dense * m->row);
	uint32_t *bfs = malloc(n * sizeof *bfs);
	uint32_t *id_of = malloc(n * sizeof *id_of);
	uint32_t *order = malloc(n * sizeof *order);
	uint32_t *stack = malloc(n * sizeof *stack);
	m->nodes = malloc(n * sizeof *m->nodes);
	m->node_pats = malloc(n * sizeof *m->node_pats);
	m->labels = malloc(n);
	m->targets = malloc(n * sizeof *m->targets);
	m->dense = malloc(m->n_dense * row_bytes);
	bool ok = bfs && id_of && order && stack && m->nodes && m->node_pats &&
	          m->labels && m->targets && m->dense;
	if (ok) {
		number_nodes(m, bfs, id_of, order, stack);
		fill_edges(m, id_of, order);
		build_rows(m, id_of, order);
		for (size_t i = 0; i < n; i++)
			bfs[i] = id_of[bfs[i]];
		link_nodes(m, bfs);
	}
	free(bfs);
	free(id_of);
	free(order);
	free(stack);
	return ok;
}

bool matcher_build(matcher *m)
{
	if (!m)
		return false;
	if (m->built)
		return true;
	assign_classes(m);
	if (!layout(m)) {
		drop_automaton(m);
		return false;
	}
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
	const uint8_t *cls = m->cls;
	const uint32_t *dense = m->dense;
	uint32_t dense_end = m->dense_end, code = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = cls[u[i]];
		uint32_t at = code & ~1u;
		if (at < dense_end)
			code = dense[at + c];
		else if (c == 0)  /* a byte of no pattern: no match spans it */
			code = 0;
		else
			code = delta(m, node_of(m, code), c);
		if ((code & 1) && !report(m, node_of(m, code), text, i + 1, hit, ctx))
			return;
	}
}
