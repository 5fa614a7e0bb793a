/* batch.c - one client per sub-folder, run in parallel child processes.  A child
 * reports its result through a pipe; a crashing client cannot take the others
 * down. */
#include "batch.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "bench_store.h"
#include "benchmark.h"
#include "fsutil.h"
#include "out_csv.h"
#include "util.h"

struct client {
	char *name;
	pid_t pid;
	int pipe_fd;
	struct timespec started;
	double seconds;          /* both passes */
	int status;
	struct run_result result;
	bool done;
	struct run_result first; /* the benchmark's first pass (run.h bench_pass) */
};

static int compare_strings(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static double elapsed(const struct timespec *since)
{
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)(now.tv_sec - since->tv_sec) + (now.tv_nsec - since->tv_nsec) / 1e9;
}

static char *join(const char *a, const char *b)
{
	struct buf x = { 0 };
	buf_printf(&x, "%s/%s", a, b);
	return x.data;
}

/* Sub-folders of dir that hold a rules.ini, sorted by name. */
static char **list_clients(const char *dir, size_t *count)
{
	DIR *d = opendir(dir);
	if (!d)
		return NULL;
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *e;
	while ((e = readdir(d))) {
		if (e->d_name[0] == '.')
			continue;
		char *sub = join(dir, e->d_name);
		char *rules = join(sub, "rules.ini");
		struct stat st;
		if (stat(rules, &st) == 0 && S_ISREG(st.st_mode)) {
			GROW(names, cap, n + 1);
			names[n++] = xstrdup(e->d_name);
		}
		free(sub);
		free(rules);
	}
	closedir(d);
	qsort(names, n, sizeof(*names), compare_strings);
	*count = n;
	return names;
}

/* The line of a client's error output that goes into the summary: its first error,
 * else (a successful run) its first warning.  The "aireport: " prefix and the
 * client's own folder are left out, so it reads "rules.ini:3: unknown key ...". */
static void summary_message(const char *text, const char *client_dir, char *out, size_t size)
{
	static const char prefix[] = "aireport: ";
	static const char warning[] = "warning: ";
	size_t dir_len = strlen(client_dir);
	const char *first_warning = NULL, *chosen = NULL;
	for (const char *line = text; line && *line; ) {
		const char *end = strchr(line, '\n');
		const char *body = strncmp(line, prefix, sizeof(prefix) - 1) == 0 ? line + sizeof(prefix) - 1 : line;
		if (strncmp(body, warning, sizeof(warning) - 1) != 0) {
			chosen = body;
			break;
		}
		if (!first_warning)
			first_warning = body;
		line = end ? end + 1 : NULL;
	}
	if (!chosen)
		chosen = first_warning;
	if (!chosen)
		return;
	struct buf b = { 0 };
	size_t len = strcspn(chosen, "\n");
	for (size_t i = 0; i < len; i++) {
		/* "<batch>/<client>/" names the client a second time */
		if (strncmp(chosen + i, client_dir, dir_len) == 0 && chosen[i + dir_len] == '/' &&
		    i + dir_len < len) {
			i += dir_len;
			continue;
		}
		buf_putc(&b, chosen[i]);
	}
	snprintf(out, size, "%s", b.data ? b.data : "");
	buf_free(&b);
}

static void start_client(struct client *c, const char *dir, const struct run_options *base)
{
	int fds[2];
	clock_gettime(CLOCK_MONOTONIC, &c->started);
	if (pipe(fds) != 0) {
		c->done = true;
		c->status = EXIT_IO;
		snprintf(c->result.message, sizeof(c->result.message), "cannot start: %s",
		         strerror(errno));
		return;
	}
	fflush(NULL);
	c->pid = fork();
	if (c->pid == 0) {
		close(fds[0]);
		char *sub = join(dir, c->name);
		struct run_options opt = *base;
		opt.survey = join(sub, "survey.csv");
		opt.timesheet = join(sub, "timesheet.csv");
		opt.rules = join(sub, "rules.ini");
		opt.period = NULL;
		opt.quiet = true;
		/* Two clients may share an organisation name (two "Bakker B.V."s, or a
		 * client copied to re-run it); their folder names cannot be the same. */
		opt.folder = c->name;
		set_quiet(true);
		struct run_result result;
		char *text = NULL;
		size_t text_size = 0;
		FILE *err = open_memstream(&text, &text_size);
		int status = run_client(&opt, &result, err ? err : stderr);
		if (err && fclose(err) == 0 && text) {
			/* the first pass's messages are the second's: said once */
			if (!opt.bench_pass)
				fputs(text, stderr);
			char message[sizeof(result.message)] = "";
			summary_message(text, sub, message, sizeof(message));
			if (message[0])
				memcpy(result.message, message, sizeof(message));
		}
		ssize_t w = write(fds[1], &result, sizeof(result));
		(void)w;
		close(fds[1]);
		_exit(status);
	}
	close(fds[1]);
	if (c->pid < 0) {
		close(fds[0]);
		c->done = true;
		c->status = EXIT_IO;
		snprintf(c->result.message, sizeof(c->result.message), "cannot start: %s",
		         strerror(errno));
		return;
	}
	c->pipe_fd = fds[0];
}

static void finish_client(struct client *c, int wstatus)
{
	c->seconds += elapsed(&c->started);
	ssize_t n = read(c->pipe_fd, &c->result, sizeof(c->result));
	close(c->pipe_fd);
	if (n != (ssize_t)sizeof(c->result))
		memset(&c->result, 0, sizeof(c->result));
	if (WIFEXITED(wstatus)) {
		c->status = WEXITSTATUS(wstatus);
	} else {
		c->status = EXIT_IO;
		snprintf(c->result.message, sizeof(c->result.message), "stopped by signal %d",
		         WTERMSIG(wstatus));
	}
	c->done = true;
}

static const char *status_text(int status)
{
	switch (status) {
	case 0: return "ok";
	case 1: return "data error";
	case 2: return "rules error";
	default: return "i/o error";
	}
}

/* OUT/<name>, written by fill into a temporary file renamed into place. */
static int write_atomic(const char *out, const char *name, int (*fill)(FILE *, const void *),
                        const void *what)
{
	if (make_dirs(out) != 0)
		return -1;
	struct pending_file p = { 0 };
	if (pending_create(&p, out, name) != 0)
		return -1;
	FILE *f = fopen(p.temp_path, "w");
	if (!f) {
		pending_discard(&p);
		return -1;
	}
	int rc = fill(f, what);
	rc |= ferror(f);
	rc |= fclose(f);
	if (rc == 0)
		rc = pending_commit(&p);
	pending_discard(&p);
	return rc ? -1 : 0;
}

struct summary {
	const struct client *clients;
	size_t n;
};

static int summary_csv(FILE *f, const void *what)
{
	const struct summary *s = what;
	fputs("client,period,status,rows,seconds,message\n", f);
	for (size_t i = 0; i < s->n; i++) {
		const struct client *c = &s->clients[i];
		char seconds[32];
		format_decimal(seconds, sizeof(seconds), c->seconds, 3);
		csv_write_field(f, c->name, true);
		fprintf(f, ",%s,%s,%ld,%s,", c->result.period, status_text(c->status),
		        c->result.rows, seconds);
		csv_write_field(f, c->result.message, true);
		fputc('\n', f);
	}
	return 0;
}

static int write_summary(const char *out, struct client *clients, size_t n)
{
	struct summary s = { clients, n };
	return write_atomic(out, "batch-summary.csv", summary_csv, &s);
}

/* Runs every client once, at most jobs at a time, each in a child process, with
 * a progress line per client when progress. */
static void run_pass(struct client *clients, size_t n, const char *dir,
                     const struct run_options *opt, int jobs, bool progress)
{
	for (size_t i = 0; i < n; i++) {
		clients[i].done = false;
		clients[i].pid = 0;
		clients[i].status = 0;
		memset(&clients[i].result, 0, sizeof(clients[i].result));
	}
	size_t next = 0, running = 0, finished = 0;
	while (finished < n) {
		while (running < (size_t)jobs && next < n) {
			start_client(&clients[next], dir, opt);
			if (clients[next].done)
				finished++;
			else
				running++;
			next++;
		}
		if (!running)
			continue;
		int wstatus;
		pid_t pid = waitpid(-1, &wstatus, 0);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		for (size_t i = 0; i < n; i++) {
			struct client *c = &clients[i];
			if (c->pid == pid && !c->done) {
				finish_client(c, wstatus);
				running--;
				finished++;
				if (progress)
					fprintf(stderr, "aireport: [%zu/%zu] %s: %s (%.2f s)\n", finished, n,
					        c->name, status_text(c->status), c->seconds);
				break;
			}
		}
	}
}

static int compare_periods(const void *a, const void *b)
{
	return strcmp((const char *)a, (const char *)b);
}

/* The peer statistics of every quarter of the batch's clients whose first pass
 * succeeded (README "Benchmark"): over those clients and, unless no_store, the
 * clients of earlier batches in OUT/benchmark.sqlite, which this batch's figures
 * are added to.  A quarter with fewer clients than min_clients gets a note on
 * stderr (unless quiet) and in notes, for the summary.  *status becomes EXIT_IO
 * when the store cannot be used (the batch's own clients are compared then). */
static struct benchmark *peer_statistics(struct client *clients, size_t n,
                                         const struct run_options *base, size_t *count,
                                         struct buf *notes, int *status)
{
	struct bench_entry *batch = xcalloc(n, sizeof(*batch));
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		const struct run_result *r = &clients[i].first;
		if (!r->bench_ready)
			continue;
		snprintf(batch[m].client, sizeof(batch[m].client), "%s", clients[i].name);
		memcpy(batch[m].period, r->period, sizeof(batch[m].period));
		batch[m].min_clients = r->min_clients;
		batch[m].values = r->bench;
		m++;
	}
	struct bench_entry *pool = NULL;
	size_t pooled = 0;
	if (!base->no_history && m &&
	    bench_store_sync(base->out, batch, m, &pool, &pooled, stderr) != 0)
		*status = EXIT_IO;
	if (!pool) {
		pool = batch;
		pooled = m;
	}
	char (*periods)[16] = xcalloc(m ? m : 1, sizeof(*periods));
	for (size_t i = 0; i < m; i++)
		memcpy(periods[i], batch[i].period, sizeof(*periods));
	qsort(periods, m, sizeof(*periods), compare_periods);
	struct benchmark *b = NULL;
	size_t nb = 0, cap = 0;
	struct bench_values *values = xcalloc(pooled ? pooled : 1, sizeof(*values));
	for (size_t p = 0; p < m; p++) {
		if (p && strcmp(periods[p], periods[p - 1]) == 0)
			continue;
		int min_clients, previous;
		size_t peers = bench_peer_group(pool, pooled, periods[p], values, &min_clients,
		                                &previous);
		if (peers < (size_t)min_clients) {
			struct buf line = { 0 };
			buf_printf(&line, "no benchmark for %s: %zu client%s, fewer than "
			           "[benchmark] min_clients = %d", periods[p], peers, peers == 1 ? "" : "s",
			           min_clients);
			if (!base->quiet)
				fprintf(stderr, "aireport: %s\n", line.data);
			buf_printf(notes, "%s\n", line.data);
			buf_free(&line);
			continue;
		}
		GROW(b, cap, nb + 1);
		memset(&b[nb], 0, sizeof(b[nb]));
		snprintf(b[nb].period, sizeof(b[nb].period), "%s", periods[p]);
		bench_compute(values, peers, min_clients, &b[nb]);
		b[nb].previous = previous;
		buf_printf(notes, "benchmark for %s: %zu clients (min_clients = %d)\n", periods[p],
		           peers, min_clients);
		nb++;
	}
	if (pool != batch)
		free(pool);
	free(batch);
	free(values);
	free(periods);
	*count = nb;
	return b;
}

struct benchmarks {
	const struct benchmark *b;
	size_t count;
};

static int benchmark_csv(FILE *f, const void *what)
{
	const struct benchmarks *b = what;
	return bench_write_csv(f, b->b, b->count);
}

/* OUT/benchmark.csv; without statistics none (an earlier batch's is removed: it
 * describes other clients). */
static int write_benchmark(const char *out, const struct benchmark *b, size_t count)
{
	if (!count) {
		struct buf path = { 0 };
		buf_printf(&path, "%s/benchmark.csv", out);
		int rc = unlink(path.data) == 0 || errno == ENOENT ? 0 : -1;
		buf_free(&path);
		return rc;
	}
	struct benchmarks all = { b, count };
	return write_atomic(out, "benchmark.csv", benchmark_csv, &all);
}

int batch_run(const char *dir, const struct run_options *base, int jobs)
{
	size_t n = 0;
	char **names = list_clients(dir, &n);
	if (!names && errno) {
		fprintf(stderr, "aireport: %s: cannot read folder: %s\n", dir, strerror(errno));
		return EXIT_IO;
	}
	if (n == 0) {
		fprintf(stderr, "aireport: %s: no client folders with a rules.ini\n", dir);
		free(names);
		return EXIT_USAGE;
	}
	struct client *clients = xcalloc(n, sizeof(*clients));
	for (size_t i = 0; i < n; i++)
		clients[i].name = names[i];
	struct timespec started;
	clock_gettime(CLOCK_MONOTONIC, &started);

	/* The benchmark's first pass: every client's figures, nothing written; then
	 * the peer statistics; then every client in full with them. */
	struct benchmark *benchmarks = NULL;
	size_t benchmark_count = 0;
	struct buf notes = { 0 };
	int bench_status = 0;
	if (n >= BENCH_MIN_CLIENTS_FLOOR || !base->no_history) {
		if (!base->quiet)
			fprintf(stderr, "aireport: computing %zu clients' figures for the benchmark\n", n);
		struct run_options first = *base;
		first.bench_pass = true;
		run_pass(clients, n, dir, &first, jobs, false);
		for (size_t i = 0; i < n; i++)
			clients[i].first = clients[i].result;
		benchmarks = peer_statistics(clients, n, base, &benchmark_count, &notes, &bench_status);
	} else {
		buf_printf(&notes, "no benchmark: %zu client%s, fewer than %d\n", n, n == 1 ? "" : "s",
		           BENCH_MIN_CLIENTS_FLOOR);
		if (!base->quiet)
			fprintf(stderr, "aireport: %s", notes.data);
	}
	if (write_benchmark(base->out, benchmarks, benchmark_count) != 0) {
		fprintf(stderr, "aireport: %s/benchmark.csv: cannot write: %s\n", base->out,
		        strerror(errno));
		bench_status = EXIT_IO;
	}
	struct run_options second = *base;
	second.benchmarks = benchmarks;
	second.benchmark_count = benchmark_count;
	run_pass(clients, n, dir, &second, jobs, !base->quiet);

	int worst = 0;
	size_t failed = 0, width = 6;
	for (size_t i = 0; i < n; i++)
		if (strlen(clients[i].name) > width)
			width = strlen(clients[i].name);
	if (!base->quiet)
		printf("%-*s  %-7s  %-11s  %10s  %8s  %s\n", (int)width, "client", "period", "status",
		       "rows", "seconds", "message");
	for (size_t i = 0; i < n; i++) {
		struct client *c = &clients[i];
		if (c->status > worst)
			worst = c->status;
		failed += c->status != 0;
		if (!base->quiet)
			printf("%-*s  %-7s  %-11s  %10ld  %8.2f  %s\n", (int)width, c->name,
			       c->result.period, status_text(c->status), c->result.rows, c->seconds,
			       c->result.message);
	}
	if (!base->quiet) {
		printf("%zu clients, %zu failed, %.2f s\n", n, failed, elapsed(&started));
		fputs(notes.data ? notes.data : "", stdout);
	}
	if (bench_status > worst)
		worst = bench_status;
	if (write_summary(base->out, clients, n) != 0) {
		fprintf(stderr, "aireport: %s/batch-summary.csv: cannot write: %s\n", base->out,
		        strerror(errno));
		if (!worst)
			worst = EXIT_IO;
	}
	for (size_t i = 0; i < n; i++)
		free(clients[i].name);
	free(clients);
	free(benchmarks);
	buf_free(&notes);
	free(names);
	return worst;
}
