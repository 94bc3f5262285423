/* ptycheck.c - runs quoth on an article in a pseudo-terminal, presses a
 * few keys, records every byte quoth writes, and fails if any control
 * sequence planted in the hostile articles (tests/hostile/gen.c) reaches
 * the terminal raw.  Usage: ptycheck QUOTH ARTICLE */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define CAPTURE_MAX (16 * 1024 * 1024)

/* What the hostile articles carry and quoth must never emit as is. */
static const struct { const char *bytes; const char *what; } forbidden[] = {
	{ "\x1b]0;PWNED", "OSC 0 window title from the article" },
	{ "\x1b[2J\x1b[HPWNED", "clear-screen sequence from the article" },
	{ "\x1b[10;10HPWNED", "cursor-move sequence from the article" },
	{ "\x1b]52;", "OSC 52 clipboard write" },
	{ "\xc2\x9b" "6n", "C1 CSI from the article" },
	{ "\xc2\x9d" "0;PWNED", "C1 OSC from the article" },
	{ "\xc2\x85", "C1 NEL from the article" },
	{ "\xe2\x80\xae", "right-to-left override" },
	{ "\xe2\x81\xa6", "left-to-right isolate" },
	{ "\xe2\x80\x8f", "right-to-left mark" },
	{ "\x7f", "DEL" },
	{ "\x01", "C0 SOH" },
	{ "\x02", "C0 STX" },
	{ "\x0b", "C0 VT" },
	{ "\x0c", "C0 FF" },
	{ "\x1f", "C0 US" },
	{ "\a", "BEL" },
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Reads from fd into buf until quiet for quiet_s or done; returns false
 * when the child closed the terminal. */
static int drain(int fd, char *buf, size_t *len, double quiet_s, double limit_s)
{
	double start = now(), last = now();
	while (now() - start < limit_s) {
		struct pollfd p = { .fd = fd, .events = POLLIN };
		int r = poll(&p, 1, 20);
		if (r > 0) {
			ssize_t n = read(fd, buf + *len, CAPTURE_MAX - *len);
			if (n <= 0)
				return 0;
			*len += (size_t)n;
			last = now();
		} else if (*len > 0 && now() - last > quiet_s) {
			return 1;
		}
	}
	return 1;
}

static const char *find(const char *hay, size_t n, const char *needle)
{
	return memmem(hay, n, needle, strlen(needle));
}

int main(int argc, char **argv)
{
	if (argc != 3) {
		fputs("usage: ptycheck QUOTH ARTICLE\n", stderr);
		return 2;
	}
	struct winsize ws = { .ws_row = 24, .ws_col = 80 };
	int fd;
	pid_t pid = forkpty(&fd, NULL, NULL, &ws);
	if (pid < 0) {
		perror("forkpty");
		return 2;
	}
	if (pid == 0) {
		setenv("TERM", "xterm-256color", 1);
		setenv("LC_ALL", "C.UTF-8", 1);
		unsetenv("NO_COLOR");
		execl(argv[1], argv[1], "--color=always", argv[2], (char *)NULL);
		_exit(127);
	}
	char *buf = malloc(CAPTURE_MAX);
	size_t len = 0;
	const char *keys[] = { "]", "]", "j", "G", "2", "\r", "3", "?", "q", "q" };
	int alive = drain(fd, buf, &len, 0.3, 5);
	for (size_t k = 0; alive && k < sizeof keys / sizeof keys[0]; k++) {
		if (write(fd, keys[k], strlen(keys[k])) < 0)
			break;
		alive = drain(fd, buf, &len, 0.1, 2);
	}
	/* The terminal closes a moment before the process is gone. */
	int status = 0;
	pid_t done = 0;
	for (double start = now(); done == 0 && now() - start < 5; ) {
		done = waitpid(pid, &status, WNOHANG);
		if (done == 0)
			usleep(10000);
	}
	if (done == 0) {
		kill(pid, SIGTERM);
		waitpid(pid, &status, 0);
		fprintf(stderr, "ptycheck: %s: quoth did not quit on q\n", argv[2]);
		free(buf);
		return 1;
	}
	int bad = 0;
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		fprintf(stderr, "ptycheck: %s: quoth ended with status %d\n", argv[2], status);
		bad = 1;
	}
	if (len == 0) {
		fprintf(stderr, "ptycheck: %s: quoth wrote nothing\n", argv[2]);
		bad = 1;
	}
	for (size_t i = 0; i < sizeof forbidden / sizeof forbidden[0]; i++) {
		const char *at = find(buf, len, forbidden[i].bytes);
		if (at) {
			fprintf(stderr, "ptycheck: %s: %s reached the terminal at byte %zu\n",
			        argv[2], forbidden[i].what, (size_t)(at - buf));
			bad = 1;
		}
	}
	free(buf);
	return bad;
}
