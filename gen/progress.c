/* progress.c - the progress line of a long read; see progress.h. */
#include "progress.h"

#include <time.h>
#include <unistd.h>

#define PROGRESS_INTERVAL 0.25             /* seconds between updates */

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void progress_begin(struct progress *p, bool wanted, long long size, FILE *out,
                    const char *name, const char *what)
{
	*p = (struct progress){ .out = out, .name = name, .what = what };
	p->on = wanted && size > PROGRESS_MIN_BYTES && isatty(fileno(out));
	if (p->on)
		p->start = p->last = now_seconds();
}

void progress_show(struct progress *p, long long done, long long total, long rows)
{
	if (!p->on)
		return;
	double t = now_seconds();
	if (t - p->last < PROGRESS_INTERVAL)
		return;
	p->last = t;
	double elapsed = t - p->start;
	int w = fprintf(p->out, "\r%s: %.1f / %.1f MB%s, %.0f rows/s ", p->name,
	                (double)done / 1e6, (double)total / 1e6, p->what,
	                elapsed > 0 ? (double)rows / elapsed : 0.0);
	if (w > p->width)
		p->width = w;
}

void progress_end(struct progress *p)
{
	if (p->width > 0)
		fprintf(p->out, "\r%*s\r", p->width, "");
	p->width = 0;
	p->on = false;
}
