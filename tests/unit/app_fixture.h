/* app_fixture.h - events sent to an app as its loop would send them, for
 * the tests that drive the app (its library, the reader inside it, the
 * speakers view).  Include after cmocka.h; inline, as the other
 * fixtures. */
#ifndef QUOTH_TEST_APP_FIXTURE_H
#define QUOTH_TEST_APP_FIXTURE_H

#include "app.h"
#include "keys.h"

/* Sends the key k to ap; returns app_handle()'s flags. */
static inline int fx_key(app *ap, int k)
{
	input_event ev = { .type = INPUT_KEY, .key = k };
	return app_handle(ap, &ev);
}

#endif
