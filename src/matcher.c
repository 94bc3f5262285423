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
	uint32_t row;        /* entries in a row: n_cls + 1 rounded up to 4 */
};

/* A transition leads to a code: for a node with a row, the index of its
 * row in dense[]; for one without, its rank among those times 4, plus 2;
 * plus 1 when the node ends a pattern or has an output link.  Rows are a
 * multiple of 4 entries long, so in the scan a code without those two
 * bits is where the next row starts: one addition and one load a byte,
 * and no node read unless there is something to report.  The root's code
 * is 0. */
#define CODE_OUT 1u
#define CODE_SPARSE 2u

static uint32_t code_of(const matcher *m, uint32_t v)
{
	uint32_t at = v < m->n_dense ? v * m->row
	                             : (v - (uint32_t)m->n_dense) << 2 | CODE_SPARSE;
	return at | (m->nodes[v].out ? CODE_OUT : 0);
}

static uint32_t node_of(const matcher *m, uint32_t code)
{
	if (code & CODE_SPARSE)
		return (uint32_t)m->n_dense + (code >> 2);
	return (code & ~CODE_OUT) / m->row;
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

/* The code of the state after reading class c in node s: the goto
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

/* The trie in breadth-first order, as the layout reads it: bfs[r] is the
 * trie node of rank r, and its children, sorted by class, have the ranks
 * from first_kid[r] to first_kid[r + 1] - 1.  id_of[r] is the number the
 * node of rank r gets in the automaton, order[id] the rank of number id. */
typedef struct plan {
	uint32_t *bfs;
	uint32_t *first_kid;
	uint32_t *id_of;
	uint32_t *order;
	uint32_t *stack;     /* room for a depth-first walk */
} plan;

static void plan_free(plan *p)
{
	free(p->bfs);
	free(p->first_kid);
	free(p->id_of);
	free(p->order);
	free(p->stack);
}

static bool plan_alloc(plan *p, size_t n)
{
	p->bfs = malloc(n * sizeof *p->bfs);
	p->first_kid = malloc((n + 1) * sizeof *p->first_kid);
	p->id_of = malloc(n * sizeof *p->id_of);
	p->order = malloc(n * sizeof *p->order);
	p->stack = malloc(n * sizeof *p->stack);
	return p->bfs && p->first_kid && p->id_of && p->order && p->stack;
}

/* Appends the children of trie node u to out, sorted by class (the
 * classes follow the order of the folded bytes); returns how many. */
static size_t trie_kids(const matcher *m, uint32_t u, uint32_t *out)
{
	size_t n = 0;
	if (u == ROOT) {
		for (unsigned b = 0; b < 256; b++) {
			if (m->root_kids[b])
				out[n++] = m->root_kids[b];
		}
		return n;
	}
	for (uint32_t v = m->trie[u].child; v; v = m->trie[v].sibling) {
		size_t j = n++;   /* insertion sort: a node has few children */
		for (; j > 0 && m->trie[out[j - 1]].byte > m->trie[v].byte; j--)
			out[j] = out[j - 1];
		out[j] = v;
	}
	return n;
}

/* Ranks the trie breadth-first: every node once, children together. */
static void plan_ranks(const matcher *m, plan *p)
{
	size_t n = m->n_trie, tail = 1;
	p->bfs[0] = ROOT;
	for (size_t r = 0; r < n; r++) {
		p->first_kid[r] = (uint32_t)tail;
		tail += trie_kids(m, p->bfs[r], p->bfs + tail);
	}
	p->first_kid[n] = (uint32_t)n;
}

/* Numbers the nodes: the first n_dense ranks keep their rank, the rest
 * are numbered depth-first below them, a node's first child right after
 * it.  Children of a node without a row have none either. */
static void plan_numbers(const matcher *m, plan *p)
{
	size_t n_dense = m->n_dense, next = n_dense;
	for (size_t r = 0; r < n_dense; r++)
		p->id_of[r] = p->order[r] = (uint32_t)r;
	for (size_t r = 0; r < n_dense; r++) {
		size_t top = 0;
		/* Pushed last first, so the first child comes out first. */
		for (uint32_t k = p->first_kid[r + 1]; k-- > p->first_kid[r];) {
			if (k >= n_dense)
				p->stack[top++] = k;
		}
		while (top > 0) {
			uint32_t k = p->stack[--top];
			p->id_of[k] = (uint32_t)next;
			p->order[next++] = k;
			for (uint32_t c = p->first_kid[k + 1]; c-- > p->first_kid[k];)
				p->stack[top++] = c;
		}
	}
}

/* Gives each node its patterns, and its edges as plain node numbers (in
 * its row, or in the edge lists); link_nodes() turns them into codes. */
static void fill_nodes(matcher *m, const plan *p)
{
	size_t n_edges = 0;
	for (size_t id = 0; id < m->n_nodes; id++) {
		uint32_t r = p->order[id], k0 = p->first_kid[r];
		uint32_t k = p->first_kid[r + 1] - k0;
		anode *a = &m->nodes[id];
		*a = (anode){ .n_edges = (uint16_t)k };
		if (id >= m->n_dense && k > 1)
			a->next = (uint32_t)n_edges;
		m->node_pats[id] = m->trie[p->bfs[r]].pats;
		for (uint32_t i = 0; i < k; i++) {
			uint32_t kid = p->id_of[k0 + i];
			uint8_t label = m->cls[m->trie[p->bfs[k0 + i]].byte];
			if (id < m->n_dense) {
				m->dense[id * m->row + label] = kid;
			} else if (k == 1) {
				a->label = label;
				a->next = kid;
			} else {
				m->labels[n_edges] = label;
				m->targets[n_edges++] = kid;
			}
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

/* Failure and output links, codes on every edge, and the rest of every
 * row, node by node in breadth-first order: what a node's links read is
 * then done. */
static void link_nodes(matcher *m, const plan *p)
{
	for (size_t r = 0; r < m->n_nodes; r++) {
		uint32_t u = p->id_of[r];
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
		uint32_t *row = m->dense + (size_t)u * m->row;
		for (unsigned c = 1; c <= m->n_cls; c++) {
			if (row[c])
				row[c] = link_child(m, u, row[c], c);
			else if (u != ROOT)  /* the root's misses stay at the root */
				row[c] = delta(m, a->fail, c);
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
	m->n_nodes = m->n_dense = 0;
}

/* Lays out the automaton from the trie, which it then frees; false on
 * OOM, with the trie kept. */
static bool layout(matcher *m)
{
	size_t n = m->n_trie;
	m->row = (m->n_cls + 1 + 3) & ~3u;
	size_t row_bytes = m->row * sizeof *m->dense;
	m->n_nodes = n;
	m->n_dense = DENSE_BUDGET / row_bytes < n ? DENSE_BUDGET / row_bytes : n;
	m->nodes = malloc(n * sizeof *m->nodes);
	m->node_pats = malloc(n * sizeof *m->node_pats);
	m->labels = malloc(n);
	m->targets = malloc(n * sizeof *m->targets);
	m->dense = calloc(m->n_dense, row_bytes);
	plan p = { 0 };
	bool ok = plan_alloc(&p, n) && m->nodes && m->node_pats && m->labels &&
	          m->targets && m->dense;
	if (ok) {
		plan_ranks(m, &p);
		plan_numbers(m, &p);
		fill_nodes(m, &p);
		free(m->trie);
		m->trie = NULL;
		m->n_trie = m->cap_trie = 0;
		link_nodes(m, &p);
	}
	plan_free(&p);
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
	uint32_t code = 0;
	for (size_t i = 0; i < len; i++) {
		unsigned c = cls[u[i]];
		if (!(code & CODE_SPARSE))
			code = dense[code + c];
		else if (c == 0)  /* a byte of no pattern: no match spans it */
			code = 0;
		else
			code = delta(m, node_of(m, code), c);
		if (code & CODE_OUT) {
			if (!report(m, node_of(m, code), text, i + 1, hit, ctx))
				return;
			code &= ~CODE_OUT;
		}
	}
}
