/* heap.c - 2 MiB pages for the heaps, and freed memory kept (see heap.h).
 *
 * glibc keeps the main thread's heap in one range grown with brk and each other
 * thread's in a heap of its own, aligned to 64 MiB.  The main heap is grown once
 * with room to spare and advised as a whole; a thread's heap is advised when the
 * thread first allocates, and the 2 MiB it has begun to use are collapsed into
 * one page.  The kernel only backs a 2 MiB-aligned range with a huge page on a
 * fault when no small page of it is in use yet, hence the spacer that moves the
 * main heap's allocations to the next boundary, and the collapse of a first
 * 2 MiB that a small page was already written in. */
#define _DEFAULT_SOURCE
#include "heap.h"

#include <stdint.h>
#include <stdlib.h>                 /* and with it __GLIBC__ */

#if defined(__linux__) && defined(__GLIBC__) && !defined(__SANITIZE_ADDRESS__) && \
    !defined(__SANITIZE_THREAD__)
#include <malloc.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25            /* Linux 6.1; older kernels refuse it */
#endif

#define HUGE_PAGE ((uintptr_t)2 << 20)
#define THREAD_HEAP ((uintptr_t)64 << 20)     /* glibc's HEAP_MAX_SIZE on 64 bits */
/* What a heap grows by at least: room for a stage's tables without growing again. */
#define HEAP_PAD (16 << 20)

static void *spacer;                          /* never touched: costs no memory */

static uintptr_t align_up(uintptr_t a)
{
	return (a + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

bool heap_setup(void)
{
	/* Every block up to 32 MiB comes from a heap (not a mapping of its own that
	 * free() unmaps), and a heap is never trimmed: freed pages are reused. */
	mallopt(M_MMAP_THRESHOLD, 32 << 20);      /* the largest glibc allows */
	mallopt(M_TRIM_THRESHOLD, 1 << 30);
	mallopt(M_TOP_PAD, HEAP_PAD);
	/* A block larger than the free end of the heap grows it by the pad; once
	 * it is freed, the spacer takes its place up to the next 2 MiB boundary. */
	char *probe = malloc(HUGE_PAGE);
	if (!probe)
		return true;
	uintptr_t boundary = align_up((uintptr_t)probe + 64);
	size_t lead = boundary - (uintptr_t)probe - 32;   /* less the next block's header */
	free(probe);
	spacer = malloc(lead);
	uintptr_t end = (uintptr_t)sbrk(0);
	if (end > boundary) {
		madvise((void *)boundary, end - boundary, MADV_HUGEPAGE);
		/* The heap's end after the probe was marked in the first 2 MiB. */
		madvise((void *)boundary, HUGE_PAGE, MADV_COLLAPSE);
	}
	return true;
}

void heap_thread_setup(void)
{
	void *p = malloc(1);                      /* makes the thread's heap, if new */
	uintptr_t a = (uintptr_t)p;
	/* Thread heaps are mapped above the main heap's break; a block below it
	 * is the main heap's (a thread can share it), already advised. */
	if (p && a >= (uintptr_t)sbrk(0)) {
		uintptr_t heap = a & ~(THREAD_HEAP - 1);
		madvise((void *)heap, THREAD_HEAP, MADV_HUGEPAGE);
		madvise((void *)heap, HUGE_PAGE, MADV_COLLAPSE);
	}
	free(p);
}

#else

bool heap_setup(void)
{
	return false;
}

void heap_thread_setup(void)
{
}

#endif
