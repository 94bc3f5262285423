/* matcher_private.h - the automaton's layout, shared by the two files of
 * the matcher and nobody else:
 *
 *   matcher.c       adding patterns, the trie, the built automaton
 *   matcher_scan.c  the scan of a text, in four stretches when it is long
 *
 * matcher_scan.c calls matcher.c (matcher_delta), never the other way. */
#ifndef QUOTH_MATCHER_PRIVATE_H
#define QUOTH_MATCHER_PRIVATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "matcher.h"

/* Node 0 is the root.  It ends no pattern and is no node's child, so 0
 * also means "no node" in edges and output links. */
#define ROOT 0u

/* The automaton holds each pattern's key, its first MATCHER_KEY_LEN
 * bytes; the rest of a longer pattern is compared when its key matches.
 * A quote of a few hundred bytes then costs no more nodes than a name,
 * and the trie stays small enough for its upper levels to be rows. */
static inline size_t key_len(size_t len)
{
	return len < MATCHER_KEY_LEN ? len : MATCHER_KEY_LEN;
}

typedef struct pattern {
	size_t tag;
	size_t off;          /* first byte in matcher.bytes */
	size_t len;
	uint32_t next;       /* next pattern ending at the same node, +1; 0 ends */
	bool ignore_case;
} pattern;

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
	size_t max_len;
	bool used[256];      /* folded bytes that occur in some pattern */
	/* The built automaton. */
	bool built;
	uint8_t cls[256];    /* raw byte -> class of its folded byte */
	unsigned n_cls;
	anode *nodes;
	uint32_t *node_pats; /* first pattern ending at each node, +1, then
	                        the others in the order they were added */
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

static inline uint32_t node_of(const matcher *m, uint32_t code)
{
	if (code & CODE_SPARSE)
		return (uint32_t)m->n_dense + (code >> 2);
	return (code & ~CODE_OUT) / m->row;
}

/* The code of the state after reading class c in node s: the goto
 * function with failures followed.  Rows are complete, so the walk stops
 * at the first node that has one, the root at the latest. */
uint32_t matcher_delta(const matcher *m, uint32_t s, unsigned c);

#endif
