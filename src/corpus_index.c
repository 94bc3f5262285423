/* corpus_index.c - many article files -> one summary each, read on every
 * core; see corpus_index.h.  The only file of quoth that runs threads. */
#include "corpus_index.h"

#include <errno.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "article.h"
#include "article_load.h"
#include "article_open.h"
#include "diag.h"

/* A slot's life: pending, then held by the one thread that claimed it,
 * then done; only done is ever read by others. */
enum { SLOT_PENDING, SLOT_HELD, SLOT_DONE };

struct corpus_index {
	corpus_files files;         /* owned */
	corpus_summary *items;      /* files.n slots, allocated up front */
	atomic_int *state;          /* per slot: SLOT_* */
	atomic_size_t next;         /* the next index a worker takes */
	atomic_size_t done;         /* slots done */
	atomic_bool stop;           /* corpus_index_free: take no more */
	size_t limit;               /* slots below it are read */
	size_t extra;               /* slots past it read by read_now; the
	                               owner's thread alone touches it */
	unsigned flags;
	pthread_t *threads;
	size_t n_threads;           /* started */
};

/* ---- one article ------------------------------------------------------- */

static char *dup_or_null(const char *s)
{
	return s ? strdup(s) : NULL;
}

char *corpus_index_first_error(const diag_list *diags)
{
	const diag *first = NULL;

	for (size_t i = 0; i < diags->n; i++) {
		const diag *d = &diags->items[i];
		if (d->severity != DIAG_ERROR)
			continue;   /* a warning never is why a load failed */
		if (!first || d->line < first->line
		    || (d->line == first->line && d->col < first->col))
			first = d;
	}
	if (!first)
		return strdup("could not be loaded");
	const char *msg = first->message ? first->message : "";
	if (first->line <= 0)
		return strdup(msg);
	size_t n = strlen(msg) + 48;
	char *s = malloc(n);
	if (!s)
		return NULL;
	if (first->col > 0)
		snprintf(s, n, "%d:%d: %s", first->line, first->col, msg);
	else
		snprintf(s, n, "%d: %s", first->line, msg);
	return s;
}

/* Every problem as `quoth check` prints it, newly allocated, or NULL. */
static char *report_of(const diag_list *diags)
{
	char *text = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&text, &len);
	if (!f)
		return NULL;
	diag_list_print(f, diags);
	if (fclose(f) != 0) {
		free(text);
		return NULL;
	}
	return text;
}

static void summary_clear(corpus_summary *s)
{
	free(s->title);
	free(s->source);
	free(s->published);
	free(s->error);
	free(s->report);
	speakers_free(&s->speakers);
	*s = (corpus_summary){ 0 };
}

/* The article's figures; its speakers counted in a table of their own
 * whose hash index is dropped (it is only ever merged from). */
static void summary_of_article(corpus_summary *s, const article *a)
{
	s->title = dup_or_null(a->title);
	s->source = dup_or_null(a->source);
	s->published = dup_or_null(a->published);
	s->n_quotes = a->n_quotes;
	s->n_entities = a->n_entities;
	s->oom = (a->title && !s->title) || (a->source && !s->source)
	         || (a->published && !s->published);
	if (speakers_add_article(&s->speakers, a) < 0)
		s->oom = true;
	free(s->speakers.slots);
	s->speakers.slots = NULL;
	s->speakers.n_slots = 0;
}

/* The strict load of entry f (a file, or a line of JSON Lines): 0 with
 * *a, or SIZE_MAX with its problems in diags.  A YAML file is first loaded as only a summary needs it (no
 * mentions found by spelling, no warnings: the summary reads neither);
 * one that fails that is loaded again in full, so that its report is
 * the one `quoth check` prints.  A few articles with errors in a corpus
 * are read twice; the valid ones once, for less than half the work
 * beyond libyaml's. */
static size_t strict_load(const corpus_file *f, article **a, diag_list *diags)
{
	if (f->line == 0 && import_format_of(f->path) == IMPORT_FORMAT_YAML &&
	    load_article_summary(f->path, a) == 0)
		return 0;
	return load_entry(f, a, diags) == 0 ? 0 : SIZE_MAX;
}

/* Loads slot i's file into a fresh summary.  The file's time and size are
 * taken before the load: a file rewritten meanwhile then looks changed
 * on the next recheck, never the other way round.  Stats reads each file
 * once and rechecks none: it spares the path's second lookup. */
static void summary_read(const corpus_index *ix, size_t i, corpus_summary *s)
{
	const char *path = ix->files.items[i].path;
	struct stat st;

	*s = (corpus_summary){ 0 };
	if (!(ix->flags & CORPUS_INDEX_REPORTS) && stat(path, &st) == 0) {
		s->mtime = st.st_mtim;
		s->size = (long long)st.st_size;
	}
	diag_list diags = { 0 };
	article *a = NULL;
	/* For stats (REPORTS) an article with an error counts as such and
	 * its quotes do not; the library shows what resolved beside the
	 * number of problems, as the reader opens it. */
	size_t errors;
	if (ix->flags & CORPUS_INDEX_REPORTS)
		errors = strict_load(&ix->files.items[i], &a, &diags);
	else
		errors = load_entry_tolerant(&ix->files.items[i], &a, &diags);
	if (a && (errors == 0 || !(ix->flags & CORPUS_INDEX_REPORTS)))
		summary_of_article(s, a);
	if (errors > 0) {
		size_t counted = diag_count(&diags, DIAG_ERROR);
		s->n_problems = errors != SIZE_MAX ? errors : counted ? counted : 1;
		s->error = corpus_index_first_error(&diags);
		if (ix->flags & CORPUS_INDEX_REPORTS)
			s->report = report_of(&diags);
		s->oom = s->oom || !s->error;
	}
	article_free(a);
	diag_list_free(&diags);
}

/* Claims slot i for this thread; false when another has it or had it. */
static bool slot_claim(corpus_index *ix, size_t i)
{
	int want = SLOT_PENDING;
	return atomic_compare_exchange_strong_explicit(&ix->state[i], &want, SLOT_HELD,
	                                               memory_order_acquire,
	                                               memory_order_relaxed);
}

/* Reads a claimed slot and publishes it. */
static void slot_fill(corpus_index *ix, size_t i)
{
	summary_read(ix, i, &ix->items[i]);
	atomic_store_explicit(&ix->state[i], SLOT_DONE, memory_order_release);
	atomic_fetch_add_explicit(&ix->done, 1, memory_order_release);
}

/* ---- the pool ------------------------------------------------------------ */

/* Takes indexes in order until the limit or a stop; a slot the UI thread
 * read first is skipped. */
static void work(corpus_index *ix)
{
	while (!atomic_load_explicit(&ix->stop, memory_order_relaxed)) {
		size_t i = atomic_fetch_add_explicit(&ix->next, 1, memory_order_relaxed);
		if (i >= ix->limit)
			return;
		if (slot_claim(ix, i))
			slot_fill(ix, i);
	}
}

static void *worker_main(void *arg)
{
	work(arg);
	return NULL;
}

size_t corpus_index_threads(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n > 0 ? (size_t)n : 1;
}

corpus_index *corpus_index_new(corpus_files *files, size_t threads,
                               size_t limit, unsigned flags)
{
	corpus_index *ix = calloc(1, sizeof *ix);
	size_t n = files->n;
	if (ix) {
		ix->items = calloc(n ? n : 1, sizeof *ix->items);
		ix->state = calloc(n ? n : 1, sizeof *ix->state);
		ix->threads = threads ? calloc(threads, sizeof *ix->threads) : NULL;
	}
	if (!ix || !ix->items || !ix->state || (threads && !ix->threads)) {
		if (ix) {
			free(ix->items);
			free(ix->state);
			free(ix->threads);
			free(ix);
		}
		corpus_files_free(files);
		return NULL;
	}
	ix->files = *files;
	*files = (corpus_files){ 0 };
	ix->limit = limit < n ? limit : n;
	ix->flags = flags;
	for (size_t i = 0; i < n; i++)
		atomic_init(&ix->state[i], SLOT_PENDING);
	atomic_init(&ix->next, 0);
	atomic_init(&ix->done, 0);
	atomic_init(&ix->stop, false);
	for (size_t t = 0; t < threads && ix->limit > 0; t++)
		if (pthread_create(&ix->threads[ix->n_threads], NULL, worker_main, ix) == 0)
			ix->n_threads++;
	return ix;
}

static void join_all(corpus_index *ix)
{
	for (size_t t = 0; t < ix->n_threads; t++)
		pthread_join(ix->threads[t], NULL);
	ix->n_threads = 0;
}

void corpus_index_run(corpus_index *ix)
{
	work(ix);
	join_all(ix);
}

/* ---- reading the slots ---------------------------------------------------- */

size_t corpus_index_count(const corpus_index *ix)
{
	return ix->files.n;
}

const corpus_file *corpus_index_file(const corpus_index *ix, size_t i)
{
	return i < ix->files.n ? &ix->files.items[i] : NULL;
}

size_t corpus_index_done(const corpus_index *ix)
{
	return atomic_load_explicit(&((corpus_index *)ix)->done, memory_order_acquire);
}

size_t corpus_index_target(const corpus_index *ix)
{
	return ix->limit + ix->extra;
}

const corpus_summary *corpus_index_get(const corpus_index *ix, size_t i)
{
	if (i >= ix->files.n)
		return NULL;
	int st = atomic_load_explicit(&ix->state[i], memory_order_acquire);
	return st == SLOT_DONE ? &ix->items[i] : NULL;
}

bool corpus_index_read_now(corpus_index *ix, size_t i)
{
	if (i >= ix->files.n)
		return false;
	if (slot_claim(ix, i)) {
		slot_fill(ix, i);
		/* A slot past the limit counts in the target too, so that the
		 * progress line never reads more than all. */
		if (i >= ix->limit)
			ix->extra++;
	}
	return corpus_index_get(ix, i) != NULL;
}

static bool same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

bool corpus_index_reread(corpus_index *ix, size_t i, bool force)
{
	if (!corpus_index_get(ix, i))
		return false;
	corpus_summary *s = &ix->items[i];
	struct stat st;
	int rc = stat(ix->files.items[i].path, &st);
	if (!force && rc == 0 && same_time(st.st_mtim, s->mtime)
	    && (long long)st.st_size == s->size)
		return false;
	/* A file that vanished reads again too: its row then says so. */
	corpus_summary fresh;
	summary_read(ix, i, &fresh);
	summary_clear(s);
	*s = fresh;
	return true;
}

void corpus_index_free(corpus_index *ix)
{
	if (!ix)
		return;
	atomic_store(&ix->stop, true);
	join_all(ix);
	for (size_t i = 0; i < ix->files.n; i++)
		summary_clear(&ix->items[i]);
	free(ix->items);
	free(ix->state);
	free(ix->threads);
	corpus_files_free(&ix->files);
	free(ix);
}
