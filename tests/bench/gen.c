/* gen.c - writes a synthetic article for the benchmark.
 *
 *   gen [--size BYTES] [--entities N] [--aliases K] [--alias-total T]
 *       [--seed S] [-o FILE]
 *
 * The article is in the real format: a body of at least BYTES bytes of
 * English-like paragraphs (3-8 sentences each, names of the entities
 * sprinkled in, a quotation every 2 KB or so), N entities with K aliases
 * each (at most T in all, the first entities having them), and the quotes
 * with their speakers.  Everything comes from a seeded
 * PRNG, so the same arguments give the same bytes on every run and every
 * machine.
 *
 * The body depends only on the seed and the size: it always draws its
 * names from the same pool of POOL entities, whatever N and K are.  So the
 * 1 MB article with 1,000 entities and 10,000 aliases and the same one
 * with 10 aliases (--alias-total 10) have the same body and entities, and
 * the difference of their timings is the cost of the aliases alone.  Spellings of undeclared entities stay plain text; the
 * speakers of quotes whose entity is not declared are mapped onto the
 * declared ones. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Entities the body draws its names from. */
#define POOL 1000
/* Most aliases an entity can have (the templates below). */
#define MAX_ALIASES 10
/* Average distance between two quotes in the body, in bytes. */
#define QUOTE_EVERY 2048

/* ------------------------------------------------------------------ */
/* PRNG: splitmix64, small and the same everywhere                    */

typedef struct rng {
	uint64_t state;
} rng;

static uint64_t rng_next(rng *r)
{
	uint64_t z = (r->state += 0x9e3779b97f4a7c15ull);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
	return z ^ (z >> 31);
}

/* A number in [0, n); n > 0.  The modulo bias is far below what matters
 * here, and it is the same on every run. */
static size_t rng_below(rng *r, size_t n)
{
	return (size_t)(rng_next(r) % n);
}

static bool rng_chance(rng *r, unsigned percent)
{
	return rng_below(r, 100) < percent;
}

/* An index in [0, n) skewed towards 0, like the frequency of names in
 * news: a few are everywhere, most appear now and then. */
static size_t rng_skewed(rng *r, size_t n)
{
	double u = (double)(rng_next(r) >> 11) / 9007199254740992.0;
	size_t i = (size_t)(u * u * (double)n);
	return i < n ? i : n - 1;
}

/* ------------------------------------------------------------------ */
/* Growable string                                                    */

typedef struct buf {
	char *data;
	size_t len;
	size_t cap;
} buf;

static void die(const char *what)
{
	fprintf(stderr, "gen: %s\n", what);
	exit(1);
}

static void buf_reserve(buf *b, size_t more)
{
	if (b->len + more + 1 <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap < b->len + more + 1)
		cap *= 2;
	char *p = realloc(b->data, cap);
	if (!p)
		die("out of memory");
	b->data = p;
	b->cap = cap;
}

static void buf_add(buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

static void buf_puts(buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

static void buf_printf(buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void buf_printf(buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("bad format");
	buf_reserve(b, (size_t)n);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

static char *buf_take(buf *b)
{
	char *s = b->data ? b->data : calloc(1, 1);
	*b = (buf){0};
	if (!s)
		die("out of memory");
	return s;
}

static char *str_dup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = malloc(n);
	if (!d)
		die("out of memory");
	return memcpy(d, s, n);
}

/* ------------------------------------------------------------------ */
/* Vocabulary                                                         */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const char *const nouns[] = {
	"agreement", "airport", "ambassador", "analyst", "army", "audit",
	"bank", "border", "bridge", "budget", "cabinet", "campaign", "canal",
	"ceasefire", "charity", "coalition", "commission", "committee",
	"company", "contract", "council", "court", "crisis", "crowd",
	"debate", "deficit", "delegation", "deputy", "district", "drought",
	"economy", "election", "embassy", "engineer", "estimate", "factory",
	"farmer", "ferry", "festival", "fleet", "forecast", "garrison",
	"governor", "grant", "harbour", "highway", "hospital", "inquiry",
	"investor", "island", "judge", "lawmaker", "lawyer", "league",
	"market", "mayor", "merger", "militia", "mine", "ministry",
	"minority", "negotiator", "network", "newspaper", "office",
	"opposition", "parliament", "pension", "pipeline", "plan", "police",
	"port", "program", "project", "proposal", "protest", "railway",
	"refinery", "reform", "region", "report", "reservoir", "ruling",
	"sanction", "school", "senate", "settlement", "shipyard", "strike",
	"subsidy", "summit", "supplier", "surplus", "tariff", "tax",
	"teacher", "treaty", "tribunal", "union", "university", "vote",
	"warehouse", "witness", "worker",
};

static const char *const plurals[] = {
	"analysts", "banks", "citizens", "companies", "diplomats", "doctors",
	"donors", "engineers", "families", "farmers", "fishermen", "investors",
	"judges", "lawmakers", "merchants", "miners", "nurses", "officials",
	"pensioners", "pilots", "residents", "shareholders", "soldiers",
	"students", "teachers", "tenants", "traders", "villagers", "voters",
	"workers",
};

static const char *const verbs[] = {
	"accepted", "announced", "approved", "blocked", "challenged",
	"criticised", "defended", "delayed", "demanded", "denied",
	"described", "dismissed", "doubled", "ended", "expanded", "funded",
	"halted", "ignored", "inspected", "launched", "limited", "opposed",
	"postponed", "praised", "proposed", "published", "questioned",
	"raised", "rejected", "renewed", "reopened", "replaced", "restored",
	"reviewed", "revised", "signed", "suspended", "supported",
	"threatened", "welcomed", "withdrew", "won",
};

static const char *const adjectives[] = {
	"annual", "bitter", "brief", "careful", "central", "coastal",
	"costly", "crucial", "disputed", "distant", "early", "eastern",
	"fragile", "formal", "fresh", "generous", "gradual", "hasty",
	"heavy", "hidden", "initial", "joint", "lengthy", "local", "major",
	"modest", "narrow", "northern", "official", "open", "partial",
	"private", "public", "quiet", "rapid", "rare", "recent", "regional",
	"remote", "rural", "secret", "serious", "sharp", "slow", "southern",
	"steady", "strict", "sudden", "temporary", "tense", "unusual",
	"urgent", "vague", "western", "wider",
};

static const char *const adverbs[] = {
	"again", "already", "briefly", "carefully", "eventually", "finally",
	"formally", "gradually", "largely", "narrowly", "openly", "partly",
	"publicly", "quietly", "quickly", "reluctantly", "repeatedly",
	"sharply", "slowly", "suddenly",
};

static const char *const preps[] = {
	"after", "against", "before", "despite", "during", "for", "near",
	"over", "under", "with", "without", "within",
};

static const char *const times[] = {
	"On Monday", "On Tuesday", "On Wednesday", "On Thursday", "On Friday",
	"Last week", "Earlier this month", "In March", "In the autumn",
	"By late evening", "Two days later", "Since the spring",
};

static const char *const unnamed[] = {
	"a senior official", "a spokesperson for the ministry",
	"one diplomat", "a person familiar with the talks",
	"a local resident", "an aide to the governor",
};

static const char *pick(rng *r, const char *const *list, size_t n)
{
	return list[rng_below(r, n)];
}

#define PICK(r, list) pick((r), (list), COUNT(list))

/* Appends before, then a word of list.  Two draws in one argument list
 * would be made in an order the compiler chooses (gcc and clang differ),
 * so each draw is a statement of its own: the bytes must not depend on
 * the compiler. */
#define ADD(b, before, r, list) \
	(buf_puts((b), (before)), buf_puts((b), PICK((r), list)))

/* ------------------------------------------------------------------ */
/* Invented names                                                     */

/* A set of strings, open addressing; keeps every name unique and apart
 * from the vocabulary. */
typedef struct strset {
	char **slots;
	size_t cap;
	size_t n;
} strset;

static uint64_t str_hash(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)(*s | 0x20)) * 1099511628211ull;
	return h;
}

/* Case-insensitive for ASCII: "Dostin" and "dostin" are the same name. */
static bool str_same(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if ((*a | 0x20) != (*b | 0x20))
			return false;
	return *a == *b;
}

/* Adds s; false when it is already there. */
static bool strset_add(strset *set, const char *s)
{
	if (2 * (set->n + 1) > set->cap) {
		strset bigger = { .cap = set->cap ? 2 * set->cap : 1024 };
		bigger.slots = calloc(bigger.cap, sizeof(char *));
		if (!bigger.slots)
			die("out of memory");
		for (size_t i = 0; i < set->cap; i++)
			if (set->slots[i])
				strset_add(&bigger, set->slots[i]);
		free(set->slots);
		*set = bigger;
	}
	size_t i = (size_t)(str_hash(s) & (set->cap - 1));
	for (; set->slots[i]; i = (i + 1) & (set->cap - 1))
		if (str_same(set->slots[i], s))
			return false;
	set->slots[i] = (char *)s;
	set->n++;
	return true;
}

static void strset_add_list(strset *set, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		strset_add(set, list[i]);
}

static const char *const onsets[] = {
	"b", "br", "c", "d", "dr", "f", "g", "gr", "h", "k", "l", "m", "n",
	"p", "r", "s", "st", "t", "tr", "v", "z", "",
};
static const char *const vowels[] = {
	"a", "e", "i", "o", "u", "a", "e", "o", "a", "e", "i", "ou",
};
static const char *const codas[] = {
	"", "n", "r", "l", "s", "t", "nd", "m", "k", "ck", "ll", "th",
};

/* A new capitalised word of 2-3 syllables, not yet in set.  The string
 * stays alive for the whole run. */
static char *name_invent(rng *r, strset *set)
{
	for (;;) {
		buf b = {0};
		size_t syl = rng_chance(r, 70) ? 2 : 3;
		for (size_t i = 0; i < syl; i++) {
			buf_puts(&b, PICK(r, onsets));
			buf_puts(&b, PICK(r, vowels));
			if (i + 1 == syl)
				buf_puts(&b, PICK(r, codas));
		}
		char *s = buf_take(&b);
		s[0] = (char)(s[0] & ~0x20);
		if (strlen(s) >= 4 && strset_add(set, s))
			return s;
		free(s);
	}
}

/* ------------------------------------------------------------------ */
/* Entities                                                           */

typedef struct type_info {
	const char *label;
	const char *word;   /* "Council" in "Dostin Council"; NULL for people */
} type_info;

/* Twenty kinds, spread as names are in news: mostly people and bodies. */
static const type_info kinds[20] = {
	{"PERSON", NULL}, {"PERSON", NULL}, {"PERSON", NULL}, {"PERSON", NULL},
	{"PERSON", NULL}, {"PERSON", NULL}, {"PERSON", NULL}, {"PERSON", NULL},
	{"ORG", "Council"}, {"ORG", "Group"}, {"ORG", "Institute"},
	{"ORG", "Bank"}, {"GPE", "Province"}, {"GPE", "Republic"},
	{"LOC", "Valley"}, {"NORP", "Party"}, {"EVENT", "Summit"},
	{"WORK", "Report"}, {"MISC", "Prize"}, {"FACILITY", "Bridge"},
};

/* How many of the kinds above are people: kinds 0..PEOPLE-1. */
#define PEOPLE 8

typedef struct entity {
	char *id;
	const char *type;
	char *name;
	char *aliases[MAX_ALIASES];
	char *first;        /* the invented words, kept for the name set */
	char *last;
	bool male;
} entity;

static char *fmt(const char *f, ...) __attribute__((format(printf, 1, 2)));

static char *fmt(const char *f, ...)
{
	va_list ap;
	va_start(ap, f);
	int n = vsnprintf(NULL, 0, f, ap);
	va_end(ap);
	char *s = malloc((size_t)n + 1);
	if (n < 0 || !s)
		die("out of memory");
	va_start(ap, f);
	vsnprintf(s, (size_t)n + 1, f, ap);
	va_end(ap);
	return s;
}

static const char *const titles[] = {
	"Dr.", "Prof.", "Senator", "Minister", "General", "Judge",
};
static const char *const places[] = {
	"North", "South", "East", "West", "New", "Old", "Greater",
};

/* Entity i: a first word F and a last word L, both invented and unique, so
 * every spelling built from them is unique too.  The first three aliases
 * are the ones the body uses ("Dostin", "M. Dostin", "Ms. Dostin" for a
 * person; "Dostin", "Council of Dostin", "Marela Dostin Council" for a
 * body); the other seven exist to make the automaton bigger. */
static void entity_make(entity *e, size_t i, rng *r, strset *set)
{
	const type_info *t = &kinds[i % COUNT(kinds)];
	const char *f = e->first = name_invent(r, set);
	const char *l = e->last = name_invent(r, set);
	e->type = t->label;
	e->male = rng_chance(r, 50);
	e->id = fmt("%s-%zu", l, i);
	for (char *p = e->id; *p; p++)
		*p = (char)(*p | 0x20);
	if (!t->word) {
		e->name = fmt("%s %s", f, l);
		e->aliases[0] = fmt("%s", l);
		e->aliases[1] = fmt("%c. %s", f[0], l);
		e->aliases[2] = fmt("%s %s", e->male ? "Mr." : "Ms.", l);
		e->aliases[3] = fmt("%s", f);
		for (size_t k = 0; k < COUNT(titles); k++)
			e->aliases[4 + k] = fmt("%s %s", titles[k], l);
	} else {
		e->name = fmt("%s %s", l, t->word);
		e->aliases[0] = fmt("%s", l);
		e->aliases[1] = fmt("%s of %s", t->word, l);
		e->aliases[2] = fmt("%s %s %s", f, l, t->word);
		for (size_t k = 0; k < COUNT(places); k++)
			e->aliases[3 + k] = fmt("%s %s", places[k], l);
	}
}

/* The spelling the body uses for a mention of e: the name half the time,
 * one of the first three aliases otherwise. */
static const char *entity_spelling(const entity *e, rng *r)
{
	size_t k = rng_below(r, 6);
	return k < 3 ? e->name : e->aliases[k - 3];
}

/* ------------------------------------------------------------------ */
/* Quotes                                                             */

typedef enum qkind { Q_DIRECT, Q_PARTIAL, Q_INDIRECT } qkind;

typedef struct gquote {
	char *frag[2];
	size_t n_frag;
	size_t speaker;          /* pool index of the speaker, when named */
	const char *unnamed;     /* the words for an unnamed speaker, or NULL */
	qkind kind;
	int occurrence;          /* 0: not written */
} gquote;

typedef struct quote_list {
	gquote *items;
	size_t n;
	size_t cap;
} quote_list;

static gquote *quote_push(quote_list *ql)
{
	if (ql->n == ql->cap) {
		ql->cap = ql->cap ? 2 * ql->cap : 64;
		ql->items = realloc(ql->items, ql->cap * sizeof(gquote));
		if (!ql->items)
			die("out of memory");
	}
	gquote *q = &ql->items[ql->n++];
	*q = (gquote){0};
	return q;
}

/* ------------------------------------------------------------------ */
/* Sentences                                                          */

typedef struct writer {
	rng *r;
	const entity *pool;
	buf *body;
	quote_list *quotes;
	size_t since_quote;      /* body bytes since the last quotation */
	size_t next_quote;       /* bytes to wait for the next one */
	size_t n_repeated;
	size_t n_paragraphs;
} writer;

/* A number as news writes it: "17", "340", "4,512". */
static void add_number(buf *b, rng *r)
{
	size_t n = 2 + rng_below(r, 99998);
	if (n >= 1000)
		buf_printf(b, "%zu,%03zu", n / 1000, n % 1000);
	else
		buf_printf(b, "%zu", n);
}

static void add_entity(writer *w, buf *b)
{
	const entity *e = &w->pool[rng_skewed(w->r, POOL)];
	if (strcmp(e->type, "PERSON") != 0)
		buf_puts(b, "the ");
	buf_puts(b, entity_spelling(e, w->r));
	if (rng_chance(w->r, 10))
		buf_printf(b, "\xe2\x80\x99s %s", PICK(w->r, nouns));   /* ’s */
}

/* A noun phrase; with names now and then. */
static void add_np(writer *w, buf *b, bool names)
{
	rng *r = w->r;
	size_t k = rng_below(r, 10);
	if (names && k < 3) {
		add_entity(w, b);
	} else if (k < 5) {
		ADD(b, "the ", r, adjectives);
		ADD(b, " ", r, nouns);
	} else if (k < 6) {
		buf_puts(b, rng_chance(r, 50) ? "more than " : "about ");
		add_number(b, r);
		buf_printf(b, " %s", PICK(r, plurals));
	} else if (k < 9) {
		ADD(b, "the ", r, nouns);
		ADD(b, " of the ", r, nouns);
	} else {
		ADD(b, "", r, adjectives);
		ADD(b, " ", r, plurals);
	}
}

/* Subject, verb, object, maybe a prepositional phrase and an adverb; no
 * capital and no final stop. */
static void add_clause(writer *w, buf *b, bool names)
{
	rng *r = w->r;
	add_np(w, b, names);
	if (rng_chance(r, 20))
		buf_printf(b, " %s", PICK(r, adverbs));
	buf_printf(b, " %s ", PICK(r, verbs));
	add_np(w, b, names);
	if (rng_chance(r, 60)) {
		buf_printf(b, " %s ", PICK(r, preps));
		add_np(w, b, names);
	}
}

static void capitalise(buf *b, size_t at)
{
	if (b->data[at] >= 'a' && b->data[at] <= 'z')
		b->data[at] = (char)(b->data[at] & ~0x20);
}

/* A plain sentence, with its final stop. */
static void add_sentence(writer *w, buf *b)
{
	rng *r = w->r;
	size_t at = b->len;
	size_t k = rng_below(r, 10);
	if (k < 2)
		buf_printf(b, "%s, ", PICK(r, times));
	add_clause(w, b, true);
	if (k >= 8) {
		buf_puts(b, rng_chance(r, 50) ? ", and " : ", while ");
		add_clause(w, b, true);
	}
	capitalise(b, at);
	buf_puts(b, ".");
}

static const char *const we[] = { "we", "they", "this government", "nobody" };
static const char *const they[] = { "they", "the government", "nobody", "the board" };

/* Words a speaker says, after a subject from subjects: always with a number
 * in, so that the same words do not stand twice in ten megabytes of text. */
static char *quote_words(writer *w, const char *const *subjects, bool capital,
                         const char *end)
{
	buf b = {0};
	rng *r = w->r;
	if (subjects) {
		buf_puts(&b, subjects[rng_below(r, 4)]);
		ADD(&b, " ", r, verbs);
		ADD(&b, " the ", r, nouns);
	} else {
		ADD(&b, "a ", r, adjectives);
		ADD(&b, " and ", r, adjectives);
		ADD(&b, " ", r, nouns);
	}
	buf_puts(&b, " ");
	buf_printf(&b, "%s ", PICK(r, preps));
	add_number(&b, r);
	buf_printf(&b, " %s", PICK(r, plurals));
	if (rng_chance(r, 50)) {
		buf_printf(&b, " %s ", PICK(r, preps));
		add_np(w, &b, false);
	}
	if (capital)
		capitalise(&b, 0);
	buf_puts(&b, end);
	return buf_take(&b);
}

/* A person of the pool, skewed like the other names. */
static size_t pick_speaker(rng *r)
{
	size_t k = rng_skewed(r, POOL / COUNT(kinds) * PEOPLE);
	return k / PEOPLE * COUNT(kinds) + k % PEOPLE;
}

static const char *speaker_ref(writer *w, size_t who)
{
	return entity_spelling(&w->pool[who], w->r);
}

#define LQ "\xe2\x80\x9c"   /* “ */
#define RQ "\xe2\x80\x9d"   /* ” */

/* “Words,” Dostin said. */
static void add_quote_direct(writer *w, buf *b, gquote *q)
{
	q->speaker = pick_speaker(w->r);
	q->frag[0] = quote_words(w, we, true, ",");
	q->n_frag = 1;
	buf_printf(b, LQ "%s" RQ " %s said.", q->frag[0], speaker_ref(w, q->speaker));
}

/* “First words,” Dostin said, “more words.” */
static void add_quote_split(writer *w, buf *b, gquote *q)
{
	q->speaker = pick_speaker(w->r);
	q->frag[0] = quote_words(w, we, true, ",");
	q->frag[1] = quote_words(w, we, false, ".");
	q->n_frag = 2;
	buf_printf(b, LQ "%s" RQ " %s said, " LQ "%s" RQ, q->frag[0],
	           speaker_ref(w, q->speaker), q->frag[1]);
}

/* “Words,” a senior official said. */
static void add_quote_unnamed(writer *w, buf *b, gquote *q)
{
	q->unnamed = PICK(w->r, unnamed);
	q->frag[0] = quote_words(w, we, true, ",");
	q->n_frag = 1;
	buf_printf(b, LQ "%s" RQ " %s said.", q->frag[0], q->unnamed);
}

/* Dostin said the plan was “words” and ... */
static void add_quote_partial(writer *w, buf *b, gquote *q)
{
	q->speaker = pick_speaker(w->r);
	q->kind = Q_PARTIAL;
	q->frag[0] = quote_words(w, NULL, false, "");
	q->n_frag = 1;
	size_t at = b->len;
	buf_puts(b, speaker_ref(w, q->speaker));
	ADD(b, " said the ", w->r, nouns);
	buf_printf(b, " was " LQ "%s" RQ ".", q->frag[0]);
	capitalise(b, at);
}

/* Dostin said that words. */
static void add_quote_indirect(writer *w, buf *b, gquote *q)
{
	q->speaker = pick_speaker(w->r);
	q->kind = Q_INDIRECT;
	q->frag[0] = quote_words(w, they, false, "");
	q->n_frag = 1;
	size_t at = b->len;
	buf_printf(b, "%s said that %s.", speaker_ref(w, q->speaker), q->frag[0]);
	capitalise(b, at);
}

/* Now and then a speaker repeats an earlier line word for word: both
 * quotes then say which occurrence they mean. */
static bool add_quote_repeat(writer *w, buf *b, gquote *q)
{
	size_t n = w->quotes->n - 1;   /* q itself is the last one */
	for (size_t tries = 0; tries < 8 && n > 0; tries++) {
		gquote *old = &w->quotes->items[rng_below(w->r, n)];
		if (old->n_frag != 1 || old->kind != Q_DIRECT || old->unnamed ||
		    old->occurrence)
			continue;
		old->occurrence = 1;
		q->speaker = old->speaker;
		q->frag[0] = str_dup(old->frag[0]);
		q->n_frag = 1;
		q->occurrence = 2;
		buf_printf(b, "Asked again, %s repeated: " LQ "%s" RQ " %s said.",
		           speaker_ref(w, q->speaker), q->frag[0],
		           w->pool[q->speaker].male ? "he" : "she");
		w->n_repeated++;
		return true;
	}
	return false;
}

static void add_quote(writer *w, buf *b)
{
	gquote *q = quote_push(w->quotes);
	size_t k = rng_below(w->r, 100);
	if (k < 2 && add_quote_repeat(w, b, q))
		return;
	if (k < 50)
		add_quote_direct(w, b, q);
	else if (k < 65)
		add_quote_split(w, b, q);
	else if (k < 80)
		add_quote_unnamed(w, b, q);
	else if (k < 90)
		add_quote_partial(w, b, q);
	else
		add_quote_indirect(w, b, q);
}

/* One paragraph of 3-8 sentences; one of them is a quotation when the
 * last one is far enough behind. */
static void add_paragraph(writer *w)
{
	buf *b = w->body;
	size_t start = b->len;
	size_t n = 3 + rng_below(w->r, 6);
	bool quoted = w->since_quote >= w->next_quote;
	size_t quote_at = quoted ? rng_below(w->r, n) : n;
	for (size_t i = 0; i < n; i++) {
		if (i > 0)
			buf_puts(b, " ");
		if (i == quote_at)
			add_quote(w, b);
		else
			add_sentence(w, b);
	}
	buf_puts(b, "\n");
	w->n_paragraphs++;
	w->since_quote += b->len - start;
	/* The overshoot counts towards the next one, so that quotes come
	 * every QUOTE_EVERY bytes on average. */
	if (quoted) {
		w->since_quote -= w->next_quote;
		w->next_quote = QUOTE_EVERY / 2 + rng_below(w->r, QUOTE_EVERY);
	}
}

/* ------------------------------------------------------------------ */
/* Output                                                             */

typedef struct options {
	size_t size;
	size_t entities;
	size_t aliases;
	size_t alias_total;
	uint64_t seed;
	const char *out;
} options;

/* A YAML double-quoted scalar. */
static void yaml_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (; *s; s++) {
		if (*s == '"' || *s == '\\')
			fputc('\\', f);
		fputc(*s, f);
	}
	fputc('"', f);
}

static void write_header(FILE *f, const options *o, size_t body_len)
{
	fprintf(f, "# Synthetic article for the benchmark (tests/bench/gen.c),\n"
	           "# seed %llu: the same bytes on every run.\n",
	        (unsigned long long)o->seed);
	size_t all = o->entities * o->aliases;
	fprintf(f, "title: \"Synthetic article, %zu bytes of text, %zu entities "
	           "with %zu aliases\"\n", body_len, o->entities,
	        all < o->alias_total ? all : o->alias_total);
	fprintf(f, "subtitle: Invented names in English-like paragraphs\n"
	           "source: quoth benchmark\n"
	           "authors:\n  - Marela Dostin\n  - Tovren Ashby\n"
	           "published: 2016-07-16T13:13:00-04:00\n"
	           "url: https://example.org/bench\n"
	           "language: en\n"
	           "id: \"bench-%llu-%zu\"\n\n", (unsigned long long)o->seed,
	        o->size);
}

/* The body as a literal block scalar: a paragraph per line, a blank line
 * between them.  The paragraphs in the buffer each end with '\n'. */
static void write_body(FILE *f, const buf *body)
{
	fputs("body: |\n", f);
	const char *p = body->data;
	const char *end = body->data + body->len;
	bool first = true;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!first)
			fputc('\n', f);
		fputs("  ", f);
		fwrite(p, 1, (size_t)(nl - p) + 1, f);
		p = nl + 1;
		first = false;
	}
	fputc('\n', f);
}

static void write_entities(FILE *f, const options *o, const entity *pool)
{
	fputs("entities:\n", f);
	size_t left = o->alias_total;
	for (size_t i = 0; i < o->entities; i++) {
		const entity *e = &pool[i];
		fprintf(f, "  - id: %s\n    name: ", e->id);
		yaml_str(f, e->name);
		fprintf(f, "\n    type: %s\n", e->type);
		size_t n = o->aliases < left ? o->aliases : left;
		left -= n;
		if (n == 0)
			continue;
		fputs("    aliases: [", f);
		for (size_t k = 0; k < n; k++) {
			if (k > 0)
				fputs(", ", f);
			yaml_str(f, e->aliases[k]);
		}
		fputs("]\n", f);
	}
	fputc('\n', f);
}

static const char *const kind_names[] = {
	[Q_DIRECT] = "direct", [Q_PARTIAL] = "partial", [Q_INDIRECT] = "indirect",
};

/* Speakers outside the declared entities are mapped onto them. */
static void write_quotes(FILE *f, const options *o, const entity *pool,
                         const quote_list *ql)
{
	fputs("quotes:\n", f);
	for (size_t i = 0; i < ql->n; i++) {
		const gquote *q = &ql->items[i];
		fputs("  - text: ", f);
		if (q->n_frag == 1) {
			yaml_str(f, q->frag[0]);
		} else {
			fputc('[', f);
			yaml_str(f, q->frag[0]);
			fputs(", ", f);
			yaml_str(f, q->frag[1]);
			fputc(']', f);
		}
		if (q->unnamed) {
			fputs("\n    speaker: {text: ", f);
			yaml_str(f, q->unnamed);
			fputc('}', f);
		} else {
			fprintf(f, "\n    speaker: %s", pool[q->speaker % o->entities].id);
		}
		fputs("\n    cue: said\n", f);
		if (q->kind != Q_DIRECT)
			fprintf(f, "    kind: %s\n", kind_names[q->kind]);
		if (q->occurrence)
			fprintf(f, "    occurrence: %d\n", q->occurrence);
	}
}

/* ------------------------------------------------------------------ */
/* Command line                                                       */

static void usage(void)
{
	fputs("usage: gen [--size BYTES] [--entities N] [--aliases K] "
	      "[--alias-total T] [--seed S] [-o FILE]\n"
	      "  BYTES of body (default 1048576), N entities (1..100000, "
	      "default 1000)\n"
	      "  with K aliases each (0..10, default 3) but T in all at most "
	      "(default no limit),\n  PRNG seed S (default 1)\n", stderr);
	exit(2);
}

static size_t parse_num(const char *s, size_t lo, size_t hi)
{
	char *end;
	unsigned long long v = strtoull(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < lo || v > hi)
		usage();
	return (size_t)v;
}

static options parse_args(int argc, char **argv)
{
	options o = {
		.size = 1u << 20, .entities = POOL, .aliases = 3,
		.alias_total = SIZE_MAX, .seed = 1, .out = NULL,
	};
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (i + 1 >= argc)
			usage();
		const char *v = argv[++i];
		if (strcmp(a, "--size") == 0)
			o.size = parse_num(v, 1, (size_t)60 << 20);
		else if (strcmp(a, "--entities") == 0)
			o.entities = parse_num(v, 1, 100000);
		else if (strcmp(a, "--aliases") == 0)
			o.aliases = parse_num(v, 0, MAX_ALIASES);
		else if (strcmp(a, "--alias-total") == 0)
			o.alias_total = parse_num(v, 0, SIZE_MAX);
		else if (strcmp(a, "--seed") == 0)
			o.seed = parse_num(v, 0, SIZE_MAX);
		else if (strcmp(a, "-o") == 0)
			o.out = v;
		else
			usage();
	}
	return o;
}

/* Every entity of the pool and beyond, with names unique across all of
 * them and apart from the words of the text. */
static entity *pool_make(size_t n, uint64_t seed)
{
	entity *pool = calloc(n, sizeof(entity));
	if (!pool)
		die("out of memory");
	strset set = {0};
	strset_add_list(&set, nouns, COUNT(nouns));
	strset_add_list(&set, plurals, COUNT(plurals));
	strset_add_list(&set, verbs, COUNT(verbs));
	strset_add_list(&set, adjectives, COUNT(adjectives));
	strset_add_list(&set, adverbs, COUNT(adverbs));
	strset_add_list(&set, preps, COUNT(preps));
	rng r = { .state = seed ^ 0x6e616d6573ull };   /* "names" */
	for (size_t i = 0; i < n; i++)
		entity_make(&pool[i], i, &r, &set);
	/* The set points into the pool's strings: drop only the slots. */
	free(set.slots);
	return pool;
}

static void pool_free(entity *pool, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(pool[i].id);
		free(pool[i].name);
		free(pool[i].first);
		free(pool[i].last);
		for (size_t k = 0; k < MAX_ALIASES; k++)
			free(pool[i].aliases[k]);
	}
	free(pool);
}

static void quotes_free(quote_list *ql)
{
	for (size_t i = 0; i < ql->n; i++) {
		free(ql->items[i].frag[0]);
		free(ql->items[i].frag[1]);
	}
	free(ql->items);
}

int main(int argc, char **argv)
{
	options o = parse_args(argc, argv);
	size_t n_pool = o.entities > POOL ? o.entities : POOL;
	entity *pool = pool_make(n_pool, o.seed);

	buf body = {0};
	quote_list quotes = {0};
	rng r = { .state = o.seed };
	writer w = {
		.r = &r, .pool = pool, .body = &body, .quotes = &quotes,
		.next_quote = QUOTE_EVERY / 2,
	};
	while (body.len < o.size)
		add_paragraph(&w);

	FILE *f = o.out ? fopen(o.out, "w") : stdout;
	if (!f) {
		perror(o.out);
		return 1;
	}
	write_header(f, &o, body.len);
	write_body(f, &body);
	write_entities(f, &o, pool);
	write_quotes(f, &o, pool, &quotes);
	int bad = ferror(f);
	if ((o.out ? fclose(f) : fflush(f)) != 0)
		bad = 1;
	if (bad) {
		fprintf(stderr, "gen: cannot write %s\n", o.out ? o.out : "output");
		return 1;
	}
	size_t aliases = o.entities * o.aliases;
	fprintf(stderr, "gen: %zu bytes of body in %zu paragraphs, "
	        "%zu quotes (%zu repeated), %zu entities, %zu aliases\n",
	        body.len, w.n_paragraphs, quotes.n, w.n_repeated, o.entities,
	        aliases < o.alias_total ? aliases : o.alias_total);
	free(body.data);
	quotes_free(&quotes);
	pool_free(pool, n_pool);
	return 0;
}
