/* timeit.c - times a command as the median of several runs.
 *
 *   timeit RUNS COMMAND [ARG...]
 *
 * Runs COMMAND once to warm the caches, then RUNS times, each with its
 * standard output thrown away.  Wall time comes from CLOCK_MONOTONIC
 * around fork and wait; the peak resident memory is the child's own
 * ru_maxrss from wait4, so neither the timer nor earlier runs count.
 * Prints one line:
 *
 *   MEDIAN_SECONDS MIN_SECONDS MAX_SECONDS PEAK_RSS_KB
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

int main(int argc, char **argv)
{
	int runs = argc >= 3 ? atoi(argv[1]) : 0;
	if (runs < 1 || runs > MAX_RUNS) {
		fputs("usage: timeit RUNS(1-100) COMMAND [ARG...]\n", stderr);
		return 2;
	}
	double times[MAX_RUNS];
	long peak = 0;
	for (int i = -1; i < runs; i++) {
		double t;
		long rss;
		int rc = run_once(argv + 2, &t, &rss);
		if (rc != 0) {
			if (rc > 0)
				fprintf(stderr, "timeit: %s exited with status %d\n",
				        argv[2], rc);
			return 1;
		}
		if (i < 0)
			continue;   /* the warm-up run */
		times[i] = t;
		if (rss > peak)
			peak = rss;
	}
	qsort(times, (size_t)runs, sizeof(double), cmp_double);
	printf("%.6f %.6f %.6f %ld\n", times[runs / 2], times[0],
	       times[runs - 1], peak);
	return 0;
}
