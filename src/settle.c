/* settle.c - a burst of changes taken as one; see settle.h. */
#include "settle.h"

void settle_note(settle *s, long long now)
{
	if (!s->pending)
		s->first = now;
	s->pending = true;
	s->last = now;
}

bool settle_due(settle *s, long long now)
{
	if (!s->pending)
		return false;
	if (now - s->last < SETTLE_QUIET_MS && now - s->first < SETTLE_MAX_MS)
		return false;
	s->pending = false;
	return true;
}
