/* import_json_line.c - the bytes of one line of a JSON Lines file, read
 * from disk on its own: a library entry of a file of 100,000 lines reads
 * its line, not the file (see import_json.h). */
#include "import_json.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader.h"

enum { BLOCK = 1 << 15 };

/* Why a line gives no bytes. */
enum line_problem { LINE_OK, LINE_MISSING, LINE_UNREADABLE, LINE_LONG,
                    LINE_NOMEM, LINE_BLANK };

/* Reads at most cap bytes at offset; the count, or -1 (errno set). */
static ssize_t read_at(int fd, char *buf, size_t cap, long long offset)
{
	for (;;) {
		ssize_t got = pread(fd, buf, cap, (off_t)offset);
		if (got >= 0 || errno != EINTR)
			return got;
	}
}

/* Whether offset starts a line: the file's start, or just after a LF. */
static bool starts_line(int fd, long long offset)
{
	char before;
	return offset == 0 || (offset > 0 && read_at(fd, &before, 1, offset - 1) == 1 &&
	                       before == '\n');
}

/* The offset of line `line` (from 1), by counting line breaks;
 * -LINE_MISSING when the file has fewer lines, -LINE_UNREADABLE. */
static long long find_line(int fd, int line)
{
	char block[BLOCK];
	long long pos = 0;
	int at = 1;
	while (at < line) {
		ssize_t got = read_at(fd, block, sizeof block, pos);
		if (got < 0)
			return -LINE_UNREADABLE;
		if (got == 0)
			return -LINE_MISSING;
		const char *p = block, *end = block + got;
		while (at < line && (p = memchr(p, '\n', (size_t)(end - p)))) {
			at++;
			p++;
			if (at == line)
				return pos + (p - block);
		}
		pos += got;
	}
	return 0;
}

/* The line at offset up to its LF (or the end) into *bytes: LINE_OK or
 * the problem. */
static enum line_problem read_line_at(int fd, long long offset, char **bytes, size_t *len)
{
	char *buf = NULL;
	size_t n = 0, cap = 0;
	for (;;) {
		if (cap - n < BLOCK) {
			if (cap >= LOADER_MAX_FILE_BYTES) {
				free(buf);
				return LINE_LONG;
			}
			cap = cap ? cap * 2 : BLOCK * 2;
			char *more = realloc(buf, cap + 1);
			if (!more) {
				free(buf);
				return LINE_NOMEM;
			}
			buf = more;
		}
		ssize_t got = read_at(fd, buf + n, BLOCK, offset + (long long)n);
		if (got < 0) {
			free(buf);
			return LINE_UNREADABLE;
		}
		const char *nl = memchr(buf + n, '\n', (size_t)got);
		if (nl || got == 0) {
			n = nl ? (size_t)(nl - buf) : n;
			buf[n] = '\0';
			*bytes = buf;
			*len = n;
			return LINE_OK;
		}
		n += (size_t)got;
	}
}

static bool only_space(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

int import_json_line_read(const char *path, int line, long long offset,
                          char **bytes, size_t *len, diag_list *diags)
{
	*bytes = NULL;
	*len = 0;
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag_add(diags, path, line, 0, "cannot read: %s", fd < 0 ?
		         strerror(errno) : "not a regular file");
		if (fd >= 0)
			close(fd);
		return -1;
	}
	/* A stale offset (the file rewritten since it was listed) that no
	 * longer starts a line is found again by its number. */
	if (offset < 0 || (offset == 0 && line != 1) || !starts_line(fd, offset))
		offset = line >= 1 ? find_line(fd, line) : -LINE_MISSING;
	enum line_problem p = offset < 0 ? (enum line_problem)-offset
	                                 : read_line_at(fd, offset, bytes, len);
	int err = errno;
	close(fd);
	if (p == LINE_OK && only_space(*bytes, *len)) {
		free(*bytes);
		*bytes = NULL;
		p = LINE_BLANK;
	}
	switch (p) {
	case LINE_OK:
		return 0;
	case LINE_MISSING:
		diag_add(diags, path, line, 0, "no such line: the file has fewer "
		         "lines now (it changed since it was listed; R in the "
		         "library lists it again)");
		break;
	case LINE_UNREADABLE:
		diag_add(diags, path, line, 0, "cannot read this line: %s",
		         strerror(err));
		break;
	case LINE_LONG:
		diag_add(diags, path, line, 0, "the line is longer than 64 MiB, "
		         "more than quoth reads for one article; skipped");
		break;
	case LINE_NOMEM:
		diag_add(diags, path, line, 0, "cannot read: out of memory");
		break;
	case LINE_BLANK:
		diag_add(diags, path, line, 0, "a blank line: no document here "
		         "(the file changed since it was listed; R in the library "
		         "lists it again)");
		break;
	}
	return -1;
}
