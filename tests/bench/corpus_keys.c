/* corpus_keys.c - what a key costs on the library and speakers screens.
 *
 *   corpus_keys DIR KEYS
 *
 * Opens the library of DIR, read in full, then presses KEYS keys on the
 * library screen (j and k over the first rows, page down and up, G and
 * g) and as many on the speakers screen, each followed by what a frame
 * asks of the app: the title, the status and every visible line.  Only
 * the keys and the frames are timed, so the figure is the cost of a key
 * whatever the time of reading the corpus.  Linked with quoth's objects
 * but main.o (tests/bench/corpus.sh builds it).  Prints
 *
 *   LIBRARY_US_PER_KEY SPEAKERS_US_PER_KEY ARTICLES SPEAKERS */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "app.h"
#include "app_speakers.h"
#include "keys.h"
#include "speakers_view.h"

#define COLS 120
#define ROWS 40

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The keys of step i: down and up over 30 rows, then the long moves. */
static int key_at(size_t i)
{
	static const int tail[] = { QK_PGDN, QK_PGUP, 'G', 'g' };
	size_t k = i % 64;
	if (k < 30)
		return 'j';
	if (k < 60)
		return 'k';
	return tail[k - 60];
}

/* What render_frame asks of the app, without curses. */
static size_t frame(const app *ap)
{
	char buf[1024];
	size_t sum = 0;
	app_title(ap, buf, sizeof buf);
	sum += buf[0];
	app_status(ap, buf, sizeof buf);
	sum += buf[0];
	const list_view *v = ap->screen == APP_SCREEN_SPEAKERS
	                     ? &ap->sv->list : &ap->lib_view;
	for (int r = 0; r < ROWS - 2; r++) {
		if (ap->screen == APP_SCREEN_SPEAKERS)
			app_speakers_line(ap, v->top + (size_t)r, COLS, buf, sizeof buf);
		else
			app_library_line(ap, v->top + (size_t)r, buf, sizeof buf);
		sum += buf[0];
	}
	return sum;
}

static double per_key(app *ap, size_t keys, size_t *sink)
{
	double t0 = now();
	for (size_t i = 0; i < keys; i++) {
		input_event ev = { .type = INPUT_KEY, .key = key_at(i) };
		app_handle(ap, &ev);
		*sink += frame(ap);
	}
	return (now() - t0) / (double)keys * 1e6;
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: corpus_keys DIR KEYS\n", stderr);
		return 2;
	}
	size_t keys = strtoul(argv[2], NULL, 10);
	app *ap = app_new_library(argv[1], COLS, ROWS);
	if (!ap || ap->lib->error) {
		fprintf(stderr, "corpus_keys: cannot open %s\n", argv[1]);
		return 1;
	}
	input_event size = { .type = INPUT_RESIZE, .x = COLS, .y = ROWS };
	app_handle(ap, &size);
	size_t sink = 0;
	per_key(ap, 64, &sink);             /* warm: rows and caches */
	double lib = per_key(ap, keys, &sink);
	input_event s = { .type = INPUT_KEY, .key = 'S' };
	app_handle(ap, &s);
	if (ap->screen != APP_SCREEN_SPEAKERS) {
		fputs("corpus_keys: S did not open the speakers\n", stderr);
		return 1;
	}
	size_t speakers = ap->sv->table.n;
	per_key(ap, 64, &sink);
	double spk = per_key(ap, keys, &sink);
	printf("%.3f %.3f %zu %zu\n", lib, spk, library_files(ap->lib), speakers);
	app_free(ap);
	return sink == 0;   /* keeps the frames from being optimised away */
}
