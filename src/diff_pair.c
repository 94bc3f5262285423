/* diff_pair.c - which articles of the sides of `quoth diff` belong
 * together, and whether their bodies are the same text. */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"

/* ---- name keys ------------------------------------------------------ */

static bool is_alnum(char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

char *diff_name_key(const char *name, bool strip)
{
	size_t n = strlen(name);
	if (n > 5 && strcmp(name + n - 5, ".yaml") == 0)
		n -= 5;
	else if (n > 4 && strcmp(name + n - 4, ".yml") == 0)
		n -= 4;
	if (strip) {
		size_t i = n;
		while (i > 0 && is_alnum(name[i - 1]))
			i--;
		/* '_' then at least one letter or digit, and something of the
		 * last component before it: "_4b22.yaml" alone keeps its name. */
		if (i < n && i >= 2 && name[i - 1] == '_' && name[i - 2] != '/')
			n = i - 1;
	}
	char *key = malloc(n + 1);
	if (key) {
		memcpy(key, name, n);
		key[n] = '\0';
	}
	return key;
}

/* ---- grouping ------------------------------------------------------- */

typedef struct entry {
	char *key;      /* "i" + id, or "n" + name key */
	size_t side;
	size_t index;
} entry;

static int entry_cmp(const void *x, const void *y)
{
	const entry *a = x, *b = y;
	int c = strcmp(a->key, b->key);
	if (c)
		return c;
	if (a->side != b->side)
		return a->side < b->side ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

static char *key_of(const diff_item *it, bool strip)
{
	if (it->id && *it->id) {
		char *key = malloc(strlen(it->id) + 2);
		if (key) {
			key[0] = 'i';
			strcpy(key + 1, it->id);
		}
		return key;
	}
	char *stem = diff_name_key(it->name, strip);
	char *key = stem ? malloc(strlen(stem) + 2) : NULL;
	if (key) {
		key[0] = 'n';
		strcpy(key + 1, stem);
	}
	free(stem);
	return key;
}

/* Name keys that two articles of one side share are no way to pair:
 * those articles are keyed by their whole file name instead.  entries is
 * sorted; re-sorts it when a key changed.  -1 when out of memory. */
static int unstrip_shared(entry *e, size_t n, const diff_side *sides)
{
	bool changed = false;
	for (size_t i = 0; i + 1 < n; i++) {
		size_t j = i + 1;
		if (e[i].key[0] != 'n' || strcmp(e[i].key, e[j].key) != 0 || e[i].side != e[j].side)
			continue;
		/* Every entry of this key on this side: i, j and any after. */
		size_t end = j;
		while (end < n && strcmp(e[end].key, e[i].key) == 0 && e[end].side == e[i].side)
			end++;
		for (size_t k = i; k < end; k++) {
			char *key = key_of(&sides[e[k].side].items[e[k].index], false);
			if (!key)
				return -1;
			free(e[k].key);
			e[k].key = key;
		}
		changed = true;
		i = end - 1;
	}
	if (changed)
		qsort(e, n, sizeof *e, entry_cmp);
	return 0;
}

/* A group's place in the output: its first article's side, then index. */
typedef struct order {
	size_t side, index, group;
} order;

static int order_cmp(const void *x, const void *y)
{
	const order *a = x, *b = y;
	if (a->side != b->side)
		return a->side < b->side ? -1 : 1;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Fills g (room for n groups) from the sorted entries; returns the
 * number of groups. */
static size_t fill_groups(const entry *e, size_t n, size_t n_sides,
                          size_t *member, bool *dup, order *ord)
{
	size_t ng = 0;
	for (size_t i = 0; i < n;) {
		size_t g = ng++;
		for (size_t s = 0; s < n_sides; s++)
			member[g * n_sides + s] = DIFF_NONE;
		dup[g] = false;
		ord[g] = (order){ e[i].side, e[i].index, g };
		size_t j = i;
		for (; j < n && strcmp(e[j].key, e[i].key) == 0; j++) {
			size_t *m = &member[g * n_sides + e[j].side];
			if (*m == DIFF_NONE) {
				*m = e[j].index;
				continue;
			}
			/* A second article of this side and key: alone. */
			size_t d = ng++;
			for (size_t s = 0; s < n_sides; s++)
				member[d * n_sides + s] = DIFF_NONE;
			member[d * n_sides + e[j].side] = e[j].index;
			dup[d] = true;
			ord[d] = (order){ e[j].side, e[j].index, d };
		}
		i = j;
	}
	return ng;
}

int diff_group(const diff_side *sides, size_t n_sides, diff_groups *out)
{
	size_t n = 0;
	for (size_t s = 0; s < n_sides; s++)
		n += sides[s].n;
	entry *e = calloc(n ? n : 1, sizeof *e);
	size_t *member = malloc((n ? n : 1) * n_sides * sizeof *member);
	size_t *sorted = malloc((n ? n : 1) * n_sides * sizeof *sorted);
	bool *dup = malloc((n ? n : 1) * sizeof *dup);
	bool *sorted_dup = malloc((n ? n : 1) * sizeof *sorted_dup);
	order *ord = malloc((n ? n : 1) * sizeof *ord);
	int rc = e && member && sorted && dup && sorted_dup && ord ? 0 : -1;
	size_t k = 0;
	for (size_t s = 0; s < n_sides && rc == 0; s++)
		for (size_t i = 0; i < sides[s].n && rc == 0; i++, k++) {
			e[k] = (entry){ key_of(&sides[s].items[i], true), s, i };
			if (!e[k].key)
				rc = -1;
		}
	if (rc == 0) {
		qsort(e, n, sizeof *e, entry_cmp);
		rc = unstrip_shared(e, n, sides);
	}
	if (rc == 0) {
		size_t ng = fill_groups(e, n, n_sides, member, dup, ord);
		qsort(ord, ng, sizeof *ord, order_cmp);
		for (size_t g = 0; g < ng; g++) {
			memcpy(&sorted[g * n_sides], &member[ord[g].group * n_sides],
			       n_sides * sizeof *sorted);
			sorted_dup[g] = dup[ord[g].group];
		}
		*out = (diff_groups){ .member = sorted, .duplicate = sorted_dup,
		                      .n = ng, .n_sides = n_sides };
		sorted = NULL;
		sorted_dup = NULL;
	}
	for (size_t i = 0; e && i < n; i++)
		free(e[i].key);
	free(e);
	free(member);
	free(sorted);
	free(dup);
	free(sorted_dup);
	free(ord);
	return rc;
}

void diff_groups_free(diff_groups *g)
{
	if (!g)
		return;
	free(g->member);
	free(g->duplicate);
	*g = (diff_groups){ 0 };
}

/* ---- bodies --------------------------------------------------------- */

bool diff_bodies_differ(const char *a, size_t la, const char *b, size_t lb,
                        diff_where *where)
{
	size_t n = la < lb ? la : lb, i = 0;
	while (i < n && a[i] == b[i])
		i++;
	if (i == n && la == lb)
		return false;
	/* The bytes before i are the same in both, so is where the character
	 * holding byte i starts. */
	if (i < la)
		i = utf8_char_start(a, i);
	int line = 1;
	size_t line_start = 0;
	for (const char *p = a; (p = memchr(p, '\n', (size_t)(a + i - p))); p++) {
		line++;
		line_start = (size_t)(p - a) + 1;
	}
	*where = (diff_where){
		.offset = i, .line = line,
		.col = 1 + (int)utf8_count(a + line_start, i - line_start),
	};
	return true;
}

/* Marks that reorder or hide text: shown by their code. */
static bool is_bidi_or_c1(uint32_t cp)
{
	return (cp >= 0x80 && cp <= 0x9F) || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x061C || cp == 0xFEFF;
}

/* The context written each side of the difference, in characters. */
enum { EXCERPT_BEFORE = 20, EXCERPT_AFTER = 30 };

int diff_write_excerpt(FILE *out, const char *s, size_t len, size_t at)
{
	if (at > len)
		at = len;
	size_t from = at;
	for (int k = 0; k < EXCERPT_BEFORE && from > 0 && s[from - 1] != '\n'; k++)
		from = utf8_char_start(s, from - 1);
	int rc = fprintf(out, "%s\"", from > 0 && s[from - 1] != '\n' ? "..." : "");
	size_t i = from;
	for (int k = 0; rc >= 0 && i < len && k < EXCERPT_BEFORE + EXCERPT_AFTER; k++) {
		uint32_t cp;
		size_t step = utf8_decode(s, len, i, &cp);
		unsigned char c = (unsigned char)s[i];
		if (cp == 0xFFFD && step == 1)
			rc = fprintf(out, "\\x%02X", c);
		else if (c == '\n')
			rc = fputs("\\n", out);
		else if (c == '\t')
			rc = fputs("\\t", out);
		else if (c == '"' || c == '\\')
			rc = fprintf(out, "\\%c", c);
		else if (cp < 0x20 || cp == 0x7F)
			rc = fprintf(out, "\\x%02X", c);
		else if (is_bidi_or_c1(cp))
			rc = fprintf(out, "\\u%04X", (unsigned)cp);
		else
			rc = fwrite(s + i, 1, step, out) == step ? 0 : -1;
		i += step;
	}
	if (rc >= 0)
		rc = fprintf(out, "\"%s", i < len ? "..." : "");
	return rc;
}
