/* timeit.c - times commands as the median of several runs.
 *
 *   timeit RUNS COMMAND [ARG...] [-- COMMAND [ARG...]]...
 *
 * Runs each COMMAND once to warm the caches, then RUNS rounds in which
 * every command runs once, in turn, with its standard output thrown away.
 * Taking turns puts the commands through the same moments of a busy
 * machine, so their differences (keys minus first frame) stay meaningful
 * when other work comes and goes.  Wall time comes from CLOCK_MONOTONIC
 * around fork and wait; the peak resident memory is the child's own
 * ru_maxrss from wait4, so neither the timer nor other runs count.
 * Prints one line per command, in order:
 *
 *   MEDIAN_SECONDS MIN_SECONDS MAX_SECONDS PEAK_RSS_KB T1 T2 ... TRUNS
 *
 * where T1... are the seconds of each round, in the order they ran, so
 * that a difference can be taken round by round.
 *
 * Exits 1, after the command's own error output, when a run fails. */
/* wait4 is a BSD and Linux call, not POSIX. */
#define _DEFAULT_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define MAX_RUNS 100
#define MAX_CMDS 16

typedef struct cmd {
	char **argv;
	double times[MAX_RUNS];   /* in the order of the rounds */
	long peak_kb;
} cmd;

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Runs argv once; sets *seconds and *rss_kb.  Returns the exit status, or
 * -1 when the command could not be started or died of a signal. */
static int run_once(char **argv, double *seconds, long *rss_kb)
{
	double t0 = now();
	pid_t pid = fork();
	if (pid < 0) {
		perror("timeit: fork");
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0) {
			dup2(null, STDOUT_FILENO);
			close(null);
		}
		execvp(argv[0], argv);
		fprintf(stderr, "timeit: %s: %s\n", argv[0], strerror(errno));
		_exit(127);
	}
	int status;
	struct rusage ru;
	while (wait4(pid, &status, 0, &ru) < 0) {
		if (errno != EINTR) {
			perror("timeit: wait4");
			return -1;
		}
	}
	*seconds = now() - t0;
	*rss_kb = ru.ru_maxrss;
	if (WIFSIGNALED(status)) {
		fprintf(stderr, "timeit: %s: killed by signal %d\n", argv[0],
		        WTERMSIG(status));
		return -1;
	}
	return WEXITSTATUS(status);
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* Splits argv at each "--" into cmds; returns their number, 0 on misuse. */
static int split_cmds(int argc, char **argv, cmd *cmds)
{
	int n = 0;
	int start = 0;
	for (int i = 0; i <= argc; i++) {
		if (i < argc && strcmp(argv[i], "--") != 0)
			continue;
		if (i == start || n == MAX_CMDS)
			return 0;
		argv[i] = NULL;   /* argv[argc] is NULL already */
		cmds[n++] = (cmd){ .argv = argv + start };
		start = i + 1;
	}
	return n;
}

/* Runs c once; a warm-up run (round < 0) is not recorded.  Returns 0, or
 * -1 after saying why. */
static int run_recorded(cmd *c, int round)
{
	double t;
	long rss;
	int rc = run_once(c->argv, &t, &rss);
	if (rc != 0) {
		if (rc > 0)
			fprintf(stderr, "timeit: %s exited with status %d\n",
			        c->argv[0], rc);
		return -1;
	}
	if (round >= 0) {
		c->times[round] = t;
		if (rss > c->peak_kb)
			c->peak_kb = rss;
	}
	return 0;
}

int main(int argc, char **argv)
{
	static cmd cmds[MAX_CMDS];
	int runs = argc >= 3 ? atoi(argv[1]) : 0;
	int n = runs >= 1 && runs <= MAX_RUNS ? split_cmds(argc - 2, argv + 2, cmds) : 0;
	if (n == 0) {
		fputs("usage: timeit RUNS(1-100) COMMAND [ARG...] "
		      "[-- COMMAND [ARG...]]...\n", stderr);
		return 2;
	}
	for (int round = -1; round < runs; round++)
		for (int k = 0; k < n; k++)
			if (run_recorded(&cmds[k], round) != 0)
				return 1;
	for (int k = 0; k < n; k++) {
		double sorted[MAX_RUNS];
		memcpy(sorted, cmds[k].times, sizeof(double) * (size_t)runs);
		qsort(sorted, (size_t)runs, sizeof(double), cmp_double);
		printf("%.6f %.6f %.6f %ld", sorted[runs / 2], sorted[0],
		       sorted[runs - 1], cmds[k].peak_kb);
		for (int i = 0; i < runs; i++)
			printf(" %.6f", cmds[k].times[i]);
		putchar('\n');
	}
	return 0;
}
