/* loader_report.c - what every part of the loader calls back: reporting
 * a problem (and counting it, stored or not), marking the model as unfit
 * to resolve, quoting a value in a message, placing a parser mark, and
 * taking memory.  A leaf: it calls no other loader file, so calls between
 * the loader's files run one way (loader.c -> loader_keys.c,
 * loader_fields.c, loader_scalars.c -> here). */
#include "loader.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "loader_private.h"
#include "text.h"

/* ---- problems ------------------------------------------------------- */

void ld_error(loader *ld, src_pos pos, const char *fmt, ...)
{
	/* Counted first: diag_add() drops the message when memory runs out,
	 * and the load must fail all the same. */
	ld->errors++;
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	diag_add(ld->diags, ld->name, pos.line, pos.col, "%s", msg);
}

void ld_lost(loader *ld)
{
	if (ld->section == AK_BODY || ld->section == AK_ENTITIES ||
	    ld->section == AK_QUOTES)
		ld->broken = true;
}

/* ---- words for messages --------------------------------------------- */

/* Copies s[0..len) into buf for a message, cut at a character boundary
 * with "..." when longer than CLIP_BYTES.  Returns buf. */
const char *ld_clip(char *buf, const char *s, size_t len)
{
	if (len <= CLIP_BYTES) {
		memcpy(buf, s, len);
		buf[len] = '\0';
		return buf;
	}
	size_t n = utf8_char_start(s, CLIP_BYTES);
	memcpy(buf, s, n);
	memcpy(buf + n, "...", 4);
	return buf;
}

const char *ld_node_kind_name(const node *n)
{
	switch (n->type) {
	case NODE_LIST:
		return "a list";
	case NODE_MAP:
		return "a mapping";
	case NODE_ALIAS:
		return "an alias";
	case NODE_SCALAR:
		break;
	}
	return n->plain && n->len == 0 ? "an empty value" : "a string";
}

/* Byte offset of a parser mark: its index counts characters, after any
 * byte order mark.  (It steps forward a character at a time; the shared
 * utf8_char_start() steps back, so it does not serve here.) */
size_t ld_offset_of_mark(const loader *ld, yaml_mark_t m)
{
	const char *s = ld->src;
	size_t len = ld->src_len;
	size_t i = len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
	for (size_t k = 0; k < m.index && i < len; k++) {
		i++;
		while (i < len && ((unsigned char)s[i] & 0xC0) == 0x80)
			i++;
	}
	return i;
}

/* ---- memory --------------------------------------------------------- */

char *ld_strndup(loader *ld, const char *s, size_t len)
{
	char *copy = malloc(len + 1);
	if (!copy) {
		ld->oom = true;
		return NULL;
	}
	memcpy(copy, s, len);
	copy[len] = '\0';
	return copy;
}

/* Room an array of the model gets with its first item: most lists (an
 * entity's aliases, a quote's fragments) stay this short, so they are
 * allocated once instead of grown at 1, 2 and 4 items. */
#define LD_FIRST_ROOM 4

/* The model's arrays keep no capacity: grown one item at a time, an
 * array is full when n is 0 or a power of two of at least LD_FIRST_ROOM.
 * (It then has at least the room of an array that doubles from 1, which
 * is what anyone who appends to it later may assume.) */
void *ld_grow(loader *ld, void *items, size_t n, size_t size)
{
	if (n != 0 && (n < LD_FIRST_ROOM || (n & (n - 1))))
		return items;
	size_t cap = n;
	void *p = array_grow(items, &cap, n ? n + 1 : LD_FIRST_ROOM, size);
	if (!p)
		ld->oom = true;
	return p;
}

bool ld_push_string(loader *ld, char ***items, src_pos **pos, size_t *count,
                    const node *n)
{
	char **grown = ld_grow(ld, *items, *count, sizeof *grown);
	if (!grown)
		return false;
	*items = grown;
	src_pos *grown_pos = ld_grow(ld, *pos, *count, sizeof *grown_pos);
	if (!grown_pos)
		return false;
	*pos = grown_pos;
	char *copy = ld_strndup(ld, n->value, n->len);
	if (!copy)
		return false;
	(*items)[*count] = copy;
	(*pos)[(*count)++] = n->pos;
	return true;
}
