/* diff_pair.c - which articles of the sides of `quoth diff` belong
 * together, and whether their bodies are the same text. */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
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

/* ---- pairing --------------------------------------------------------- */

/* Articles of one key: their index on each side, in p->member. */
typedef struct group {
	char *key;          /* "i" + id, or "n" + name key */
	size_t filled;      /* sides with an article */
	bool complete;      /* handed out, so not left */
} group;

struct diff_pairer {
	size_t n_sides;
	char ***name_key;   /* [side][index]: the article's name key */
	size_t *n;          /* articles of each side */
	group *groups;      /* in the order of their first article */
	size_t n_groups;
	size_t cap;
	size_t *member;     /* [group * n_sides + side], room for cap groups */
	size_t member_cap;
	size_t *slots;      /* hash of keys -> group index + 1; 0 is empty */
	size_t n_slots;
	size_t next_left;   /* where diff_pairer_next_left() goes on */
};

typedef struct stem {
	char *stem;
	size_t index;
} stem;

static int stem_cmp(const void *x, const void *y)
{
	const stem *a = x, *b = y;
	int c = strcmp(a->stem, b->stem);
	return c ? c : (a->index > b->index) - (a->index < b->index);
}

/* The name keys of one side: stripped, but for stems two names share. */
static char **side_keys(const diff_side *side)
{
	size_t n = side->n;
	char **keys = calloc(n ? n : 1, sizeof *keys);
	stem *st = calloc(n ? n : 1, sizeof *st);
	bool ok = keys && st;
	for (size_t i = 0; i < n && ok; i++)
		ok = (st[i] = (stem){ diff_name_key(side->names[i], true), i }).stem != NULL;
	if (ok)
		qsort(st, n, sizeof *st, stem_cmp);
	for (size_t i = 0; i < n && ok;) {
		size_t j = i + 1;
		while (j < n && strcmp(st[j].stem, st[i].stem) == 0)
			j++;
		bool shared = j - i > 1;
		for (size_t k = i; k < j && ok; k++) {
			size_t at = st[k].index;
			keys[at] = shared ? diff_name_key(side->names[at], false) : st[k].stem;
			if (shared)
				free(st[k].stem);
			st[k].stem = NULL;
			ok = keys[at] != NULL;
		}
		i = j;
	}
	for (size_t i = 0; st && i < n; i++)
		free(st[i].stem);
	free(st);
	if (!ok && keys) {
		for (size_t i = 0; i < n; i++)
			free(keys[i]);
		free(keys);
		keys = NULL;
	}
	return keys;
}

diff_pairer *diff_pairer_new(const diff_side *sides, size_t n_sides)
{
	diff_pairer *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->n_sides = n_sides;
	p->name_key = calloc(n_sides, sizeof *p->name_key);
	p->n = calloc(n_sides, sizeof *p->n);
	bool ok = p->name_key && p->n;
	for (size_t s = 0; s < n_sides && ok; s++) {
		ok = (p->name_key[s] = side_keys(&sides[s])) != NULL;
		if (ok)
			p->n[s] = sides[s].n;
	}
	if (!ok) {
		diff_pairer_free(p);
		return NULL;
	}
	return p;
}

static uint64_t hash_key(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return h;
}

/* The slot of key: its group's, or the empty one where it would go. */
static size_t slot_of(const diff_pairer *p, const char *key)
{
	size_t mask = p->n_slots - 1;
	for (size_t i = (size_t)hash_key(key) & mask;; i = (i + 1) & mask) {
		size_t g = p->slots[i];
		if (g == 0 || strcmp(p->groups[g - 1].key, key) == 0)
			return i;
	}
}

/* Room for one more group, in the array and in the index; -1 when out
 * of memory. */
static int make_room(diff_pairer *p)
{
	group *groups = array_grow(p->groups, &p->cap, p->n_groups + 1, sizeof *groups);
	if (!groups)
		return -1;
	p->groups = groups;
	size_t *member = array_grow(p->member, &p->member_cap,
	                            (p->n_groups + 1) * p->n_sides, sizeof *member);
	if (!member)
		return -1;
	p->member = member;
	if (2 * (p->n_groups + 1) <= p->n_slots)
		return 0;
	size_t n_slots = p->n_slots ? 2 * p->n_slots : 64;
	size_t *slots = calloc(n_slots, sizeof *slots);
	if (!slots)
		return -1;
	free(p->slots);
	p->slots = slots;
	p->n_slots = n_slots;
	for (size_t g = 0; g < p->n_groups; g++)
		p->slots[slot_of(p, p->groups[g].key)] = g + 1;
	return 0;
}

static char *prefixed(char prefix, const char *s)
{
	size_t n = strlen(s);
	char *key = malloc(n + 2);
	if (key) {
		key[0] = prefix;
		memcpy(key + 1, s, n + 1);
	}
	return key;
}

int diff_pairer_add(diff_pairer *p, size_t side, size_t index, const char *id,
                    size_t *member)
{
	size_t ns = p->n_sides;
	char *key = id && *id ? prefixed('i', id) : prefixed('n', p->name_key[side][index]);
	if (!key || make_room(p) < 0) {
		free(key);
		return -1;
	}
	size_t slot = slot_of(p, key);
	if (p->slots[slot] == 0) {
		size_t g = p->n_groups++;
		p->groups[g] = (group){ .key = key };
		p->slots[slot] = g + 1;
		for (size_t s = 0; s < ns; s++)
			p->member[g * ns + s] = DIFF_NONE;
	} else {
		free(key);
	}
	size_t g = p->slots[slot] - 1;
	group *gr = &p->groups[g];
	size_t *m = &p->member[g * ns];
	/* Once complete, every side has its article: any more is a duplicate. */
	if (m[side] != DIFF_NONE)
		return DIFF_PAIR_DUPLICATE;
	m[side] = index;
	if (++gr->filled < ns)
		return DIFF_PAIR_WAITING;
	gr->complete = true;
	memcpy(member, m, ns * sizeof *m);
	return DIFF_PAIR_COMPLETE;
}

bool diff_pairer_next_left(diff_pairer *p, size_t *member)
{
	while (p->next_left < p->n_groups && p->groups[p->next_left].complete)
		p->next_left++;
	if (p->next_left == p->n_groups)
		return false;
	size_t g = p->next_left++;
	memcpy(member, &p->member[g * p->n_sides], p->n_sides * sizeof *member);
	return true;
}

void diff_pairer_free(diff_pairer *p)
{
	if (!p)
		return;
	for (size_t s = 0; p->name_key && s < p->n_sides; s++) {
		for (size_t i = 0; p->name_key[s] && i < p->n[s]; i++)
			free(p->name_key[s][i]);
		free(p->name_key[s]);
	}
	free(p->name_key);
	free(p->n);
	for (size_t g = 0; g < p->n_groups; g++)
		free(p->groups[g].key);
	free(p->groups);
	free(p->member);
	free(p->slots);
	free(p);
}

/* ---- bodies --------------------------------------------------------- */

bool diff_bodies_differ(const char *a, size_t la, const char *b, size_t lb,
                        diff_where *where)
{
	size_t n = la < lb ? la : lb, i = 0;
	/* Blocks by memcmp, then bytes in the block that differs: the bodies
	 * are the same in nearly every pair, and this runs over all of them. */
	enum { BLOCK = 256 };
	while (n - i >= BLOCK && memcmp(a + i, b + i, BLOCK) == 0)
		i += BLOCK;
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
