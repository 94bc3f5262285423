/* loader_file.c - the bytes of an article file: read whole, or for a
 * large file mapped, and whether the file changed while it was loading.
 *
 * Reading 10 MB costs a page fault for every 4 KB of the buffer it fills:
 * some 8 ms on the bench machine, where mapping the same file costs under
 * one.  A mapping is not a copy, though.  A file cut short while mapped
 * makes its lost pages raise SIGBUS, and a file written meanwhile changes
 * under the loader.  So while a file is mapped, a SIGBUS inside the
 * mapping puts a page of zeros where the lost one was and notes it; the
 * load ends, and input_file_changed() says that the file changed (it was
 * cut, or its size or modification time moved), and the article is not
 * shown.  A SIGBUS anywhere else is left to the handler that was there.
 *
 * Half-written bytes cannot harm the load: the plain load checks the
 * bytes it parses, and the resolver stays in bounds on any bytes
 * (tests/unit/test_resolve.c), which a split load could hand it from a
 * file rewritten between the reads of its two threads. */
#include "loader.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "loader_private.h"

/* From this size up a file is mapped rather than read: below it the read
 * costs well under a millisecond. */
#define MAP_MIN_BYTES (1u << 20)

/* ---- the guard against SIGBUS ----------------------------------------- */

/* One mapping is guarded at a time; a second file is read instead. */
static _Atomic(char *) guard_start;
static atomic_size_t guard_len;
static atomic_size_t guard_page;
static atomic_bool guard_tripped;
static struct sigaction guard_old;

static void on_sigbus(int sig, siginfo_t *si, void *uctx)
{
	(void)uctx;
	int saved = errno;
	char *start = atomic_load(&guard_start);
	char *at = si->si_addr;
	size_t page = atomic_load(&guard_page);
	if (start && at >= start && at < start + atomic_load(&guard_len)) {
		char *lost = start + ((size_t)(at - start) & ~(page - 1));
		/* The instruction runs again and reads zeros. */
		if (mmap(lost, page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED,
		         -1, 0) != MAP_FAILED) {
			atomic_store(&guard_tripped, true);
			errno = saved;
			return;
		}
	}
	/* Not ours: the fault happens again under the handler that was
	 * there, by default the end of the process. */
	sigaction(sig, &guard_old, NULL);
	errno = saved;
}

static bool guard_on(char *start, size_t len)
{
	char *none = NULL;
	long page = sysconf(_SC_PAGESIZE);
	if (page <= 0 || !atomic_compare_exchange_strong(&guard_start, &none, start))
		return false;
	atomic_store(&guard_len, len);
	atomic_store(&guard_page, (size_t)page);
	atomic_store(&guard_tripped, false);
	struct sigaction sa = { .sa_sigaction = on_sigbus,
	                        .sa_flags = SA_SIGINFO };
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGBUS, &sa, &guard_old) != 0) {
		atomic_store(&guard_start, NULL);
		return false;
	}
	return true;
}

static void guard_off(void)
{
	sigaction(SIGBUS, &guard_old, NULL);
	atomic_store(&guard_start, NULL);
}

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

/* Maps the file of f->st; false when it cannot be (the file is then
 * read). */
static bool map_file(input_file *f)
{
	size_t len = (size_t)f->st.st_size;
	void *p = mmap(NULL, len, PROT_READ, MAP_PRIVATE, f->fd, 0);
	if (p == MAP_FAILED)
		return false;
	if (!guard_on(p, len)) {
		munmap(p, len);
		return false;
	}
	f->bytes = p;
	f->len = len;
	f->mapped = true;
	return true;
}

static bool read_file(const char *path, input_file *f, diag_list *diags)
{
	/* One byte more than expected tells a file that grew meanwhile. */
	size_t cap = (size_t)f->st.st_size + 1;
	int err = 0;
	f->bytes = malloc(cap);
	if (!f->bytes)
		diag_add(diags, path, 0, 0, "cannot read: out of memory");
	else if ((err = read_fully(f->fd, f->bytes, cap, &f->len)) != 0)
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(err));
	else if (f->len == cap)
		diag_add(diags, path, 0, 0, "grew while being read: try again");
	else
		return true;
	free(f->bytes);
	f->bytes = NULL;
	return false;
}

bool input_file_open(const char *path, input_file *f, diag_list *diags)
{
	*f = (input_file){ .fd = -1 };
	/* O_NONBLOCK: opening a FIFO or a device must not wait. */
	f->fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (f->fd < 0) {
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
		return false;
	}
	bool ok = false;
	if (fstat(f->fd, &f->st) < 0)
		diag_add(diags, path, 0, 0, "cannot read: %s", strerror(errno));
	else if (file_acceptable(path, &f->st, diags))
		ok = ((size_t)f->st.st_size >= MAP_MIN_BYTES && map_file(f)) ||
		     read_file(path, f, diags);
	if (!ok || !f->mapped) {
		close(f->fd);   /* a read file is checked as it is read */
		f->fd = -1;
	}
	return ok;
}

static bool same_time(struct timespec a, struct timespec b)
{
	return a.tv_sec == b.tv_sec && a.tv_nsec == b.tv_nsec;
}

bool input_file_changed(const input_file *f)
{
	if (!f->mapped)
		return false;
	struct stat now;
	return atomic_load(&guard_tripped) || fstat(f->fd, &now) != 0 ||
	       now.st_size != f->st.st_size ||
	       !same_time(now.st_mtim, f->st.st_mtim);
}

void input_file_close(input_file *f)
{
	if (f->mapped) {
		guard_off();
		munmap(f->bytes, f->len);
		close(f->fd);
	} else {
		free(f->bytes);
	}
	*f = (input_file){ .fd = -1 };
}
