/* mem_out.h - a stream that writes into memory, for the tests that
 * compare what a function prints with what it should print.
 * Include after cmocka.h; inline, as the other test helpers. */
#ifndef QUOTH_TEST_MEM_OUT_H
#define QUOTH_TEST_MEM_OUT_H

#include <stdio.h>

typedef struct mem_out {
	FILE *f;
	char *text;     /* what was written, once closed */
	size_t len;
} mem_out;

/* Opens m's stream and returns it; fails the test when it cannot. */
static inline FILE *mem_out_open(mem_out *m)
{
	*m = (mem_out){ 0 };
	m->f = open_memstream(&m->text, &m->len);
	assert_non_null(m->f);
	return m->f;
}

/* Closes m's stream and returns what was written, NUL-terminated; the
 * caller frees it.  m->len has its length. */
static inline char *mem_out_close(mem_out *m)
{
	fclose(m->f);
	m->f = NULL;
	return m->text;
}

#endif
