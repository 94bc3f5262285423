/* settle.h - a burst of changes taken as one.
 *
 * An import writing a thousand files into a watched library, or a git
 * checkout, changes the folders on every tick of the loop; reading the
 * library again on each would start a thousand readings of it.  A
 * settle says when to act: once the changes have stopped for
 * SETTLE_QUIET_MS, or every SETTLE_MAX_MS while they go on, so that a long
 * burst still shows its progress.  A pure clock-driven state, tested with
 * made-up times.  Curses-free. */
#ifndef QUOTH_SETTLE_H
#define QUOTH_SETTLE_H

#include <stdbool.h>

#define SETTLE_QUIET_MS 200
#define SETTLE_MAX_MS 1000

typedef struct settle {
	bool pending;
	long long first;    /* the first change not yet acted on, ms */
	long long last;     /* the latest change, ms */
} settle;

/* A change was seen at now (milliseconds of a monotonic clock). */
void settle_note(settle *s, long long now);

/* True once at now when the changes noted are to be acted on (the state
 * is then clear); false when none is pending or the burst goes on. */
bool settle_due(settle *s, long long now);

#endif
