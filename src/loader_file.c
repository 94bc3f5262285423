/* loader_file.c - the bytes of an article file, read whole with plain
 * read() into one buffer, and every reason a path gives no bytes said in
 * words: it cannot be opened or read, it is a directory, a FIFO or a
 * device, it is empty or larger than LOADER_MAX_FILE_BYTES, or it grew
 * while being read.  As git and less do: a file rewritten meanwhile gives
 * the bytes read, which the loader checks like any others. */
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader_private.h"

/* ---- opening ---------------------------------------------------------- */

static const char *file_kind(mode_t mode)
{
	if (S_ISFIFO(mode))
		return "a FIFO";
	if (S_ISCHR(mode))
		return "a character device";
	if (S_ISBLK(mode))
		return "a block device";
	if (S_ISSOCK(mode))
		return "a socket";
	return "not a regular file";
}

/* True when st is a file worth reading; otherwise says why not. */
static bool file_acceptable(const char *path, const struct stat *st,
                            diag_list *diags)
{
	if (S_ISDIR(st->st_mode))
		diag_add(diags, path, 0, 0, "is a directory, not an article file");
	else if (!S_ISREG(st->st_mode))
		diag_add(diags, path, 0, 0, "is %s, not an article file: give the "
		         "path of a YAML file", file_kind(st->st_mode));
	else if (st->st_size == 0)
		diag_add(diags, path, 0, 0, "is empty: an article needs at least a "
		         "title and a body");
	else if ((uintmax_t)st->st_size > LOADER_MAX_FILE_BYTES)
		diag_add(diags, path, 0, 0, "is too large (%jd bytes): an article file "
		         "may have at most %u bytes (64 MiB)", (intmax_t)st->st_size,
		         LOADER_MAX_FILE_BYTES);
	else
		return true;
	return false;
}

/* Reads up to cap bytes into buf; *got gets how many.  Returns 0 or an
 * errno value. */
static int read_fully(int fd, char *buf, size_t cap, size_t *got)
{
	size_t n = 0;
	while (n < cap) {
		ssize_t r = read(fd, buf + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			return errno;
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*got = n;
	return 0;
}

bool ld_read_fd(const char *path, int fd, size_t size, char **bytes,
                size_t *len, diag_list *diags)
{
	/* One byte more than expected tells a file that grew meanwhile. */
	size_t cap = size + 1;
	size_t got = 0;
	int err = 0;
	char *buf = malloc(cap);
	if (!buf)
		diag_add(diags, path, 0, 0, "cannot read: out of memory");
	else if ((err = read_fully(fd, buf, cap, &got)) != 0)
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(err));
	else if (got == cap)
		diag_add(diags, path, 0, 0, "grew while being read: try again");
	else {
		*bytes = buf;
		*len = got;
		return true;
	}
	free(buf);
	return false;
}

int loader_read_file(const char *path, char **bytes, size_t *len,
                     diag_list *diags)
{
	*bytes = NULL;
	*len = 0;
	/* O_NONBLOCK: opening a FIFO or a device must not wait. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
		return -1;
	}
	struct stat st;
	bool ok = false;
	if (fstat(fd, &st) < 0)
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
	else if (file_acceptable(path, &st, diags))
		ok = ld_read_fd(path, fd, (size_t)st.st_size, bytes, len, diags);
	close(fd);
	return ok ? 0 : -1;
}
