/* corpus_gen.c - writes a corpus of synthetic articles for the library's
 * benchmark and the ThreadSanitizer run.
 *
 *   corpus_gen N DIR [SEED]
 *
 * N articles of 5-30 KB each, as news corpora have them, in folders by
 * outlet and year (DIR/OUTLET/YEAR/NNNNNN.yaml).  Each names 6-20
 * entities drawn from a pool of 400 people and organisations (some with
 * a kb id, so speakers merge across articles) and quotes 3-15 of them,
 * direct, partial or indirect, some by unnamed speakers.  Everything comes
 * from a seeded PRNG: the same arguments give the same bytes everywhere.
 * Prints the number of bytes written. */
#include <errno.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define POOL 400

static uint64_t rng_state;

static uint64_t next(void)
{
	uint64_t z = (rng_state += 0x9E3779B97F4A7C15u);
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9u;
	z = (z ^ (z >> 27)) * 0x94D049BB133111EBu;
	return z ^ (z >> 31);
}

static size_t below(size_t n)
{
	return (size_t)(next() % n);
}

static const char *const outlets[] = {
	"The Harbour Courier", "Northern Ledger", "Daily Example", "Wire of Tests",
	"Kestrel Bay Times", "The Evening Lantern", "Valley Gazette", "Metro Dispatch",
};
static const char *const firsts[] = {
	"Anna", "Boris", "Chen", "Dara", "Elif", "Farid", "Greta", "Hugo", "Ines",
	"Jonas", "Kemal", "Lena", "Marek", "Nadia", "Omar", "Petra", "Quentin",
	"Rosa", "Sami", "Tomas",
};
static const char *const lasts[] = {
	"Lindqvist", "Okafor", "Marchetti", "Novak", "Haddad", "Brennan", "Sato",
	"Kowalski", "Duarte", "Fischer", "Ivanova", "Mensah", "Larsen", "Moreau",
	"Yilmaz", "Castillo", "Bauer", "Nakamura", "Oyelaran", "Petrov",
};
static const char *const words[] = {
	"the", "council", "said", "budget", "harbour", "would", "report", "new",
	"plans", "for", "of", "and", "in", "vote", "minister", "talks", "city",
	"residents", "week", "on", "after", "project", "schools", "water", "road",
	"a", "to", "was", "that", "storm", "market", "prices", "workers", "union",
	"court", "ruling", "hospital", "funding", "election", "police", "border",
};
static const char *const unnamed[] = {
	"a senior official", "one resident", "a spokesperson", "two analysts",
	"a person familiar with the talks",
};

static void name_of(size_t e, char *buf, size_t n)
{
	if (e % 5 == 4)
		snprintf(buf, n, "%s Group", lasts[e % 20]);
	else
		snprintf(buf, n, "%s %s", firsts[e % 20], lasts[(e / 20 + e) % 20]);
}

static void sentence(FILE *f, size_t nwords)
{
	for (size_t w = 0; w < nwords; w++) {
		const char *s = words[below(sizeof words / sizeof *words)];
		if (w == 0)
			fprintf(f, "%c%s", s[0] - 32, s + 1);
		else
			fprintf(f, " %s", s);
	}
}

static void phrase(char *buf, size_t n, size_t nwords)
{
	size_t o = 0;
	for (size_t w = 0; w < nwords && o + 16 < n; w++)
		o += (size_t)snprintf(buf + o, n - o, "%s%s", w ? " " : "",
		                      words[below(sizeof words / sizeof *words)]);
	buf[o] = '\0';
}

typedef struct quote_plan {
	char text[200];
	size_t speaker;     /* entity index, or SIZE_MAX for unnamed */
	const char *who;
	const char *kind;
} quote_plan;

static long write_article(FILE *f, size_t id)
{
	size_t n_ent = 6 + below(15), n_q = 3 + below(13);
	/* Most news articles are short: sizes skew towards 5 KB, up to 30. */
	size_t target = 5000 + below(25000) * below(1000) / 1000;
	size_t ents[20];
	char name[64], other[64];
	/* Distinct names: an article declares each name once. */
	for (size_t i = 0; i < n_ent; i++) {
		bool again;
		do {
			ents[i] = below(POOL);
			name_of(ents[i], name, sizeof name);
			again = false;
			for (size_t j = 0; j < i && !again; j++) {
				name_of(ents[j], other, sizeof other);
				again = strcmp(name, other) == 0;
			}
		} while (again);
	}
	fprintf(f, "title: ");
	sentence(f, 6 + below(6));
	fprintf(f, "\nsource: %s\npublished: 20%02zu-%02zu-%02zu\nid: a%06zu\nbody: |\n",
	        outlets[id % 8], 10 + below(15), 1 + below(12), 1 + below(28), id);
	quote_plan q[16];
	for (size_t i = 0; i < n_q; i++) {
		phrase(q[i].text, sizeof q[i].text, 7 + below(12));
		/* A figure no other sentence has: each quote stands once. */
		size_t len = strlen(q[i].text);
		snprintf(q[i].text + len, sizeof q[i].text - len, " by %zu", 100 + i * 37);
		q[i].speaker = below(6) == 0 ? SIZE_MAX : below(n_ent);
		q[i].who = unnamed[below(5)];
		size_t k = below(3);
		q[i].kind = k == 0 ? "direct" : k == 1 ? "partial" : "indirect";
	}
	long written = 0, body = 0;
	size_t next_q = 0;
	while ((size_t)body < target) {
		long before = ftell(f);
		fputs("  ", f);
		for (size_t s = 0, ns = 3 + below(5); s < ns; s++) {
			name_of(ents[below(n_ent)], name, sizeof name);
			fprintf(f, "%s ", name);
			sentence(f, 8 + below(16));
			fputs(". ", f);
		}
		if (next_q < n_q && below(2) == 0) {
			quote_plan *p = &q[next_q++];
			if (p->speaker == SIZE_MAX)
				snprintf(name, sizeof name, "%s", p->who);
			else
				name_of(ents[p->speaker], name, sizeof name);
			if (strcmp(p->kind, "indirect") == 0)
				fprintf(f, "%s said %s.", name, p->text);
			else
				fprintf(f, "%s said \xe2\x80\x9c%s\xe2\x80\x9d.", name, p->text);
		}
		fputs("\n\n", f);
		body += ftell(f) - before;
	}
	n_q = next_q;
	fputs("entities:\n", f);
	for (size_t i = 0; i < n_ent; i++) {
		name_of(ents[i], name, sizeof name);
		fprintf(f, "  - id: e%zu\n    name: %s\n    type: %s\n", i, name,
		        ents[i] % 5 == 4 ? "ORG" : "PERSON");
		if (ents[i] % 3 == 0)
			fprintf(f, "    kb: Q%zu\n", 1000 + ents[i]);
	}
	if (n_q)
		fputs("quotes:\n", f);
	for (size_t i = 0; i < n_q; i++) {
		fprintf(f, "  - text: %s\n", q[i].text);
		if (q[i].speaker == SIZE_MAX)
			fprintf(f, "    speaker: {text: %s}\n", q[i].who);
		else
			fprintf(f, "    speaker: e%zu\n", q[i].speaker);
		fprintf(f, "    cue: said\n    kind: %s\n", q[i].kind);
	}
	written = ftell(f);
	return written;
}

static int make_dir(const char *path)
{
	return mkdir(path, 0755) == 0 || errno == EEXIST ? 0 : -1;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fputs("usage: corpus_gen N DIR [SEED]\n", stderr);
		return 2;
	}
	size_t n = strtoul(argv[1], NULL, 10);
	const char *dir = argv[2];
	rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 1;
	char path[4096];
	long long total = 0;
	if (make_dir(dir) < 0) {
		perror(dir);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		const char *outlet = outlets[i % 8];
		snprintf(path, sizeof path, "%s/%.*s", dir, 8, outlet + (outlet[0] == 'T' ? 4 : 0));
		for (char *p = path + strlen(dir) + 1; *p; p++)
			if (*p == ' ')
				*p = '-';
		size_t plen = strlen(path);
		if (make_dir(path) < 0)
			return perror(path), 1;
		snprintf(path + plen, sizeof path - plen, "/%zu", 2010 + i % 15);
		if (make_dir(path) < 0)
			return perror(path), 1;
		plen = strlen(path);
		snprintf(path + plen, sizeof path - plen, "/%06zu.yaml", i);
		FILE *f = fopen(path, "w");
		if (!f)
			return perror(path), 1;
		total += write_article(f, i);
		if (fclose(f) != 0)
			return perror(path), 1;
	}
	printf("%lld\n", total);
	return 0;
}
