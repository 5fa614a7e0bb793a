/* chunk.c - reading a large CSV export on several cores (csvin.h).
 *
 * Threads read their parts of the file with pread().  Only UTF-8 is read here
 * (§11.1 decides the encoding for the whole file): a file with a byte order
 * mark or a first line that is not ASCII is checked first, each thread a share;
 * any other file is checked by the chunks as they read it, and a byte that is
 * not UTF-8 makes the consumer forget what it took and the file is read again in
 * order.  The header is read in order; the rest is cut into chunks of about
 * CHUNK_BYTES.  Where a chunk starts cannot be known without reading all before
 * it (a quoted field may hold line breaks), so each chunk speculates: it starts
 * after the first line break at or after its nominal start, and reads until the
 * first record start at or after the next chunk's speculated start.  Merging in
 * order then verifies: a chunk is merged when the one before it ended exactly
 * where it started, and is read again in order with fn otherwise (or when its
 * part asks for that).  Line numbers in a chunk count from its start; the merge
 * adds where it starts. */
#include "csvin.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvdecode.h"
#include "csvtok.h"
#include "heap.h"
#include "progress.h"
#include "util.h"

#define CHUNK_BYTES ((size_t)4 << 20)
#define INLINE_CHECK_BYTES ((size_t)1 << 20)   /* checked without threads below this */

static int thread_count = 1;

void csvin_set_threads(int n)
{
	thread_count = n < 1 ? 1 : n;
}

int csvin_threads(void)
{
	return thread_count;
}

static size_t chunk_bytes(void)
{
	const char *s = getenv("AIREPORT_CHUNK_BYTES");
	if (s && *s) {
		char *end;
		unsigned long long v = strtoull(s, &end, 10);
		if (!*end && v > 0 && v <= SIZE_MAX)
			return (size_t)v;
	}
	return CHUNK_BYTES;
}

/* ---- is it all UTF-8? ----------------------------------------------------------- */

struct check {
	const struct text_source *src;
	size_t from, to;
	bool ok;
};

/* The first character start at or after at: past at most four continuation
 * bytes (more cannot be valid UTF-8, and the check then fails there). */
static size_t char_start(const struct text_source *src, size_t at)
{
	char buf[4];
	size_t got;
	const char *s = source_read(src, buf, at, 4, &got);
	size_t k = 0;
	while (k < got && ((unsigned char)s[k] & 0xC0) == 0x80)
		k++;
	return at + k;
}

static void *check_range(void *arg)
{
	struct check *c = arg;
	char *buf = c->src->mem ? NULL : xmalloc(CSVTOK_PIECE);
	size_t pos = c->from;
	c->ok = true;
	while (pos < c->to) {
		size_t want = c->to - pos < CSVTOK_PIECE ? c->to - pos : CSVTOK_PIECE, n;
		const unsigned char *s = (const unsigned char *)source_read(c->src, buf, pos, want, &n);
		bool bad;
		size_t ok = n ? utf8_prefix(s, n, &bad) : 0;
		if (n == 0 || bad || ok == 0 || (pos + n == c->to && ok < n)) {
			c->ok = false;
			break;
		}
		pos += ok;
	}
	free(buf);
	return NULL;
}

/* Whether src[from..to) is valid UTF-8 (to: the end, or a character start),
 * checked on up to threads cores. */
static bool utf8_range(const struct text_source *src, size_t from, size_t to, int threads)
{
	if (to - from < INLINE_CHECK_BYTES || threads < 2)
		threads = 1;
	struct check *c = xcalloc((size_t)threads, sizeof(*c));
	pthread_t *tid = xcalloc((size_t)threads, sizeof(*tid));
	bool *started = xcalloc((size_t)threads, sizeof(*started));
	size_t share = (to - from) / (size_t)threads;
	for (int i = 0; i < threads; i++) {
		c[i] = (struct check){ .src = src,
		                       .from = i == 0 ? from
		                             : char_start(src, from + share * (size_t)i),
		                       .to = i + 1 == threads ? to
		                           : char_start(src, from + share * (size_t)(i + 1)) };
		if (i > 0)
			started[i] = pthread_create(&tid[i], NULL, check_range, &c[i]) == 0;
	}
	bool ok = true;
	for (int i = threads - 1; i >= 0; i--) {
		if (started[i])
			pthread_join(tid[i], NULL);
		else
			check_range(&c[i]);
		ok &= c[i].ok;
	}
	free(c);
	free(tid);
	free(started);
	return ok;
}

static bool all_utf8(const struct text_source *src, size_t from, int threads)
{
	return utf8_range(src, from, src->len, threads);
}

/* ---- chunks ----------------------------------------------------------------------- */

enum { JOB_FREE, JOB_TAKEN, JOB_DONE };

struct job {
	size_t start, next;         /* speculated start; the next chunk's */
	void *part;
	struct csvtok tok;
	int state;
};

struct pipeline {
	struct text_source src;
	const char *name;
	char delim;
	const struct csvin_parallel *par;
	void *ctx;
	size_t data_start, chunk, nchunks;
	int threads;
	bool fused;                 /* chunks check their own bytes are UTF-8 */
	struct job *ring;
	size_t ring_size;
	size_t next_job, merged;    /* chunks taken by workers; merged */
	bool quit;
	pthread_mutex_t mu;
	pthread_cond_t work, done;
};

/* Where chunk k is speculated to start: after the first line break at or after
 * its nominal start (within one chunk; any guess is verified). */
static size_t speculated_start(const struct pipeline *pl, size_t k, char *buf)
{
	size_t len = pl->src.len;
	if (k == 0)
		return pl->data_start;
	if (k >= pl->nchunks || pl->chunk > (len - pl->data_start) / k)
		return len;
	size_t b = pl->data_start + pl->chunk * k, got;
	size_t want = pl->chunk < CSVTOK_PIECE ? pl->chunk : CSVTOK_PIECE;
	const char *s = source_read(&pl->src, buf, b - 1, want, &got);
	const char *nl = memchr(s, '\n', got);
	if (nl)
		return b + (size_t)(nl - s);
	return want < len - b ? b + want : len;
}

static void *worker(void *arg)
{
	heap_thread_setup();
	struct pipeline *pl = arg;
	char *buf = xmalloc(CSVTOK_PIECE);
	pthread_mutex_lock(&pl->mu);
	for (;;) {
		while (!pl->quit && pl->next_job < pl->nchunks &&
		       pl->next_job >= pl->merged + pl->ring_size)
			pthread_cond_wait(&pl->work, &pl->mu);
		if (pl->quit || pl->next_job >= pl->nchunks)
			break;
		size_t k = pl->next_job++;
		struct job *job = &pl->ring[k % pl->ring_size];
		job->state = JOB_TAKEN;
		pthread_mutex_unlock(&pl->mu);

		job->start = speculated_start(pl, k, buf);
		job->next = speculated_start(pl, k + 1, buf);
		job->part = pl->par->part_new(pl->ctx);
		job->tok = (struct csvtok){ .name = pl->name, .delim = pl->delim,
		                            .fn = pl->par->part_record, .ctx = job->part,
		                            .validate = pl->fused };
		csvtok_range(&job->tok, &pl->src, buf, job->start, job->next, 1);

		pthread_mutex_lock(&pl->mu);
		job->state = JOB_DONE;
		pthread_cond_broadcast(&pl->done);
	}
	pthread_mutex_unlock(&pl->mu);
	free(buf);
	return NULL;
}

/* Where the merge stands: the next chunk must start at pos, on line `line`. */
struct merge_state {
	char *buf;                  /* the calling thread's piece buffer */
	size_t pos;
	long line;
	long records;
	int status;
	bool stop;
	bool invalid;               /* not all UTF-8 after all: read again in order */
};

/* A chunk stopped at a failure (its message in t) or by fn: final only when the
 * rest of the file is UTF-8 (reading in order would decode it otherwise). */
static void stopped_at(struct pipeline *pl, const struct csvtok *t, size_t from, long line,
                       FILE *err, struct merge_state *m)
{
	if (pl->fused && !all_utf8(&pl->src, from, pl->threads)) {
		m->invalid = true;
		return;
	}
	if (t->status)
		fprintf(err, "aireport: %s:%ld: %s\n", pl->name, line + t->fail_line - 1, t->fail);
	m->status = t->status;
	m->stop = true;
}

/* Reads chunk job again in order with fn, from where the one before ended. */
static void redo(struct pipeline *pl, struct job *job, csv_record_fn fn, void *ctx,
                 FILE *err, struct merge_state *m)
{
	struct csvtok t = { .name = pl->name, .delim = pl->delim, .fn = fn, .ctx = ctx,
	                    .validate = pl->fused };
	csvtok_range(&t, &pl->src, m->buf, m->pos, job->next, m->line);
	m->records += t.records;
	if (t.invalid)
		m->invalid = true;
	else if (t.status || t.stopped)
		stopped_at(pl, &t, m->pos, 1, err, m);   /* its lines count from 1 */
	m->pos = t.end;
	m->line = t.end_line;
}

/* Merges (or reads again) one finished chunk. */
static void merge_job(struct pipeline *pl, struct job *job, csv_record_fn fn, void *ctx,
                      FILE *err, struct merge_state *m)
{
	if (job->start == m->pos && job->tok.invalid) {
		m->invalid = true;
		return;
	}
	if (job->start != m->pos ||
	    pl->par->part_merge(pl->ctx, job->part, m->line) == CSVIN_REDO) {
		redo(pl, job, fn, ctx, err, m);
		return;
	}
	m->records += job->tok.records;
	if (job->tok.status || job->tok.stopped)
		stopped_at(pl, &job->tok, m->pos, m->line, err, m);
	m->pos = job->tok.end;
	m->line += job->tok.end_line - 1;
}

/* Reads text[data_start..len) in chunks; returns the merge's outcome in m. */
static void run_chunks(struct pipeline *pl, int threads, csv_record_fn fn, void *ctx,
                       FILE *err, struct progress *pg, struct merge_state *m)
{
	size_t workers = (size_t)threads < pl->nchunks ? (size_t)threads : pl->nchunks;
	pl->ring_size = 2 * workers;
	pl->ring = xcalloc(pl->ring_size, sizeof(*pl->ring));
	pthread_mutex_init(&pl->mu, NULL);
	pthread_cond_init(&pl->work, NULL);
	pthread_cond_init(&pl->done, NULL);
	pthread_t *tid = xcalloc(workers, sizeof(*tid));
	size_t started = 0;
	while (started < workers && pthread_create(&tid[started], NULL, worker, pl) == 0)
		started++;
	if (started == 0)
		pl->quit = true;    /* no thread: every chunk is read in order below */

	for (size_t k = 0; k < pl->nchunks && !m->stop && !m->invalid; k++) {
		struct job *job = &pl->ring[k % pl->ring_size];
		if (started == 0) {
			job->start = SIZE_MAX;
			job->next = speculated_start(pl, k + 1, m->buf);
			redo(pl, job, fn, ctx, err, m);
			continue;
		}
		pthread_mutex_lock(&pl->mu);
		while (job->state != JOB_DONE)
			pthread_cond_wait(&pl->done, &pl->mu);
		pthread_mutex_unlock(&pl->mu);
		merge_job(pl, job, fn, ctx, err, m);
		pl->par->part_free(pl->ctx, job->part);
		pthread_mutex_lock(&pl->mu);
		job->state = JOB_FREE;
		pl->merged++;
		pthread_cond_broadcast(&pl->work);
		pthread_mutex_unlock(&pl->mu);
		progress_show(pg, (long long)m->pos, (long long)pl->src.len, m->records);
	}

	pthread_mutex_lock(&pl->mu);
	pl->quit = true;
	pthread_cond_broadcast(&pl->work);
	pthread_mutex_unlock(&pl->mu);
	for (size_t i = 0; i < started; i++)
		pthread_join(tid[i], NULL);
	for (size_t i = 0; i < pl->ring_size; i++)
		if (pl->ring[i].state == JOB_DONE)
			pl->par->part_free(pl->ctx, pl->ring[i].part);
	free(tid);
	free(pl->ring);
	pthread_mutex_destroy(&pl->mu);
	pthread_cond_destroy(&pl->work);
	pthread_cond_destroy(&pl->done);
}

#define READ_AGAIN (-2)           /* read_parallel: not UTF-8 after all */
#define ASCII_HEAD ((size_t)64 << 10)

/* Reads UTF-8 text: the header in order, the rest in chunks.  Returns the
 * status, or READ_AGAIN when a byte turned out not to be UTF-8. */
static int read_chunked(struct pipeline *pl, csv_record_fn fn, void *ctx, bool progress,
                        long *records, FILE *err)
{
	struct progress pg;
	progress_begin(&pg, progress, (long long)pl->src.len, stderr, pl->name, "");
	struct csvtok head = { .name = pl->name, .delim = pl->delim, .fn = fn, .ctx = ctx,
	                       .err = err, .split = true, .validate = pl->fused };
	char *buf = xmalloc(CSVTOK_PIECE);
	csvtok_range(&head, &pl->src, buf, pl->data_start, SIZE_MAX, 1);
	struct merge_state m = { .buf = buf, .pos = head.end, .line = head.end_line,
	                         .records = head.records, .status = head.status,
	                         .stop = head.stopped, .invalid = head.invalid };
	if (pl->fused && !m.stop && !m.status && !m.invalid && m.pos > ASCII_HEAD) {
		/* a header of more than its first line: check the rest now, and read it
		 * again if need be (its records were ASCII up to ASCII_HEAD) */
		pl->fused = false;
		m.invalid = !all_utf8(&pl->src, m.pos, pl->threads);
	}
	if (!m.stop && !m.status && !m.invalid && m.pos < pl->src.len) {
		pl->data_start = m.pos;
		pl->chunk = chunk_bytes();
		size_t rest = pl->src.len - pl->data_start;
		pl->nchunks = rest / pl->chunk + (rest % pl->chunk != 0);
		run_chunks(pl, pl->threads, fn, ctx, err, &pg, &m);
	}
	free(buf);
	progress_end(&pg);
	*records = m.records;
	return m.invalid ? READ_AGAIN : m.status;
}

/* Whether the first line (or the whole start, when longer) is ASCII: a header
 * that reads the same whatever the file's encoding turns out to be. */
static bool ascii_first_line(const struct text_source *src, size_t from)
{
	char *buf = xmalloc(ASCII_HEAD);
	size_t got;
	const char *s = source_read(src, buf, from, ASCII_HEAD, &got);
	const char *nl = memchr(s, '\n', got);
	size_t n = nl ? (size_t)(nl - s) : got;
	bool ascii = true;
	for (size_t i = 0; i < n && ascii; i++)
		ascii = (unsigned char)s[i] < 0x80;
	free(buf);
	return ascii;
}

/* The parallel reading of src, or -1 when it does not apply (not UTF-8): the
 * caller then reads it in order.  The bytes are checked to be UTF-8 before the
 * first record, or, when the file has no byte order mark and its first line is
 * ASCII, by the chunks as they read them: a byte that is not UTF-8 then makes
 * it READ_AGAIN once records were read (the header reads the same in either
 * encoding, and its messages are not printed again). */
static int read_parallel(const char *name, const struct text_source *src,
                         const struct csvin_options *opt, csv_record_fn fn, void *ctx,
                         const struct csvin_parallel *par, struct csvin_info *info, FILE *err)
{
	int threads = csvin_threads();
	unsigned char head[3] = { 0 };
	char first[3];
	size_t n;
	const char *h = source_read(src, first, 0, 3, &n);
	memcpy(head, h, n);
	if (threads < 2 || (opt && opt->encoding == ENCODING_WINDOWS1252) ||
	    (n >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF))))
		return -1;
	bool bom = n == 3 && head[0] == 0xEF && head[1] == 0xBB && head[2] == 0xBF;
	size_t start = bom ? 3 : 0;
	bool fused = !bom && ascii_first_line(src, start);
	if (!fused && !all_utf8(src, start, threads))
		return -1;
	struct csvin_info got = { .encoding = bom ? CSV_UTF8_BOM : CSV_UTF8,
	                          .bytes = (long long)src->len };
	struct reader r = { .name = name, .err = err, .fd = src->mem ? -1 : src->fd,
	                    .mem = (const unsigned char *)src->mem, .mem_len = src->len,
	                    .size = (long long)src->len, .enc = TEXT_UTF8, .bom_len = start,
	                    .cd = (iconv_t)-1 };
	if (opt && opt->delimiter) {
		got.delimiter = opt->delimiter;
	} else {
		r.chunk_size = CSV_READ_CHUNK;
		r.chunk = xmalloc(CARRY_MAX + r.chunk_size);
		int status = detect_delimiter(&r, &got.delimiter);
		reader_close(&r);
		if (status)
			return status;
	}
	struct pipeline pl = { .src = *src, .name = name, .delim = got.delimiter, .par = par,
	                       .ctx = ctx, .data_start = start, .threads = threads,
	                       .fused = fused };
	int status = read_chunked(&pl, fn, ctx, opt && opt->progress, &got.records, err);
	if (status == READ_AGAIN && got.records == 0)
		status = -1;   /* found before the first record: nothing to forget */
	if (status == READ_AGAIN)
		par->restart(ctx);
	if (info)
		*info = got;
	return status;
}

int csvin_read_buffer_parallel(const char *name, const char *data, size_t len,
                               const struct csvin_options *opt, csv_record_fn fn,
                               void *ctx, const struct csvin_parallel *par,
                               struct csvin_info *info, FILE *err)
{
	err = err ? err : stderr;
	struct text_source src = { .mem = data, .fd = -1, .len = len };
	int status = read_parallel(name, &src, opt, fn, ctx, par, info, err);
	bool quiet = is_quiet();
	if (status == READ_AGAIN)
		set_quiet(true);   /* the header's messages were printed */
	if (status < 0)
		status = csvin_read_buffer(name, data, len, opt, fn, ctx, info, err);
	set_quiet(quiet);
	return status;
}

int csvin_read_parallel(const char *path, const struct csvin_options *opt, csv_record_fn fn,
                        void *ctx, const struct csvin_parallel *par,
                        struct csvin_info *info, FILE *err)
{
	err = err ? err : stderr;
	if (csvin_threads() < 2)
		return csvin_read(path, opt, fn, ctx, info, err);
	struct input in;
	int status = input_open(&in, path, err);
	if (status)
		return status;
	status = -1;
	if (in.size > 0 && (unsigned long long)in.size <= SIZE_MAX) {
		struct text_source src = { .fd = in.fd, .len = (size_t)in.size };
		status = read_parallel(path, &src, opt, fn, ctx, par, info, err);
	}
	bool quiet = is_quiet();
	if (status == READ_AGAIN)
		set_quiet(true);   /* the header's messages were printed */
	if (status < 0)
		status = csvin_read_input(path, &in, opt, fn, ctx, info, err);
	set_quiet(quiet);
	input_close(&in);
	return status;
}
