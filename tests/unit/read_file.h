/* read_file.h - a whole file read into memory, for the unit tests that
 * compare with or load the files in the tree.  Include after cmocka.h. */
#ifndef QUOTH_TEST_READ_FILE_H
#define QUOTH_TEST_READ_FILE_H

#include <stdio.h>
#include <stdlib.h>

/* The bytes of path, NUL-terminated (the caller frees); *len gets their
 * number when len is not NULL.  Fails the test when the file cannot be
 * read. */
static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	long n = ftell(f);
	fseek(f, 0, SEEK_SET);
	char *s = malloc((size_t)n + 1);
	assert_non_null(s);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	fclose(f);
	s[n] = '\0';
	if (len)
		*len = (size_t)n;
	return s;
}

#endif
