/* heap.c - 2 MiB pages for the heaps, and freed memory kept (see heap.h).
 *
 * glibc keeps the main thread's heap in the brk segment ("[heap]") and each
 * other thread's in a mapping of its own that starts at a multiple of 64 MiB.
 * Advice is only given to the mapping that holds a block just allocated, and
 * only when /proc/self/maps shows that mapping to be laid out so: another
 * allocator (valgrind's, a preloaded one, glibc's hugetlb tunable) gets none.
 *
 * The main heap is grown once by a pad (room for a run's stages; what it grows
 * by later is a mapping of its own, not advised) and advised from the first
 * 2 MiB boundary in it on; a spacer block, kept, moves the heap's next blocks to
 * that boundary.  A thread's heap is advised when the thread first allocates.
 * The kernel backs a 2 MiB-aligned range with a huge page on a fault only when
 * no small page of it is in use yet: the first 2 MiB of an advised range, where
 * glibc has already written its own headers, are collapsed into one. */
#define _DEFAULT_SOURCE
#include "heap.h"

#include <stdint.h>
#include <stdlib.h>                 /* and with it __GLIBC__ */

#if defined(__has_feature)
#if __has_feature(address_sanitizer) || __has_feature(thread_sanitizer) || \
    __has_feature(memory_sanitizer)
#define SANITIZED 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#define SANITIZED 1
#endif

#if defined(__linux__) && defined(__GLIBC__) && UINTPTR_MAX > 0xffffffffu && !defined(SANITIZED)
#include <malloc.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#ifndef MADV_COLLAPSE
#define MADV_COLLAPSE 25            /* Linux 6.1; older kernels refuse it */
#endif

#define HUGE_PAGE ((uintptr_t)2 << 20)
#define THREAD_HEAP ((uintptr_t)64 << 20)     /* glibc's heap alignment on 64 bits */
#define HEAP_PAD (16 << 20)

static bool huge_pages;                       /* the kernel offers them on advice */
static void *volatile spacer;                 /* kept; only its header is touched */

static uintptr_t align_up(uintptr_t a)
{
	return (a + HUGE_PAGE - 1) & ~(HUGE_PAGE - 1);
}

/* Whether transparent huge pages are given where advised ("always" or "madvise"). */
static bool kernel_offers_huge_pages(void)
{
	FILE *f = fopen("/sys/kernel/mm/transparent_hugepage/enabled", "r");
	char line[128] = "";
	if (f) {
		if (!fgets(line, sizeof(line), f))
			line[0] = 0;
		fclose(f);
	}
	return strstr(line, "[always]") || strstr(line, "[madvise]");
}

/* A mapping of /proc/self/maps: its bounds, whether it is the brk segment and
 * whether it is inaccessible ("---p": the reserved rest of a thread's heap). */
struct mapping {
	uintptr_t lo, hi;
	bool main_heap, reserved;
};

/* The mapping that holds addr and the one after it (next->lo 0: none).  False
 * when none holds it or the file cannot be read. */
static bool mapping_of(uintptr_t addr, struct mapping *at, struct mapping *next)
{
	FILE *f = fopen("/proc/self/maps", "r");
	if (!f)
		return false;
	char line[512];
	bool found = false, line_start = true;
	*next = (struct mapping){ 0 };
	while (fgets(line, sizeof(line), f)) {
		bool starts = line_start;
		line_start = strchr(line, '\n') != NULL;   /* else the rest of a long line follows */
		unsigned long a, b;
		char perms[5];
		if (!starts || sscanf(line, "%lx-%lx %4s", &a, &b, perms) != 3)
			continue;
		struct mapping m = { a, b, strstr(line, "[heap]") != NULL, strcmp(perms, "---p") == 0 };
		if (found) {
			*next = m;
			break;
		}
		if (addr >= a && addr < b) {
			*at = m;
			found = true;
		}
	}
	fclose(f);
	return found;
}

/* Advises [lo, end) and collapses its first 2 MiB, where [lo, used) is in use;
 * lo is 2 MiB-aligned. */
static bool advise(uintptr_t lo, uintptr_t used, uintptr_t end)
{
	if (end < lo + HUGE_PAGE || madvise((void *)lo, end - lo, MADV_HUGEPAGE) != 0)
		return false;
	if (used >= lo + HUGE_PAGE)
		madvise((void *)lo, HUGE_PAGE, MADV_COLLAPSE);
	return true;
}

int heap_setup(void)
{
	/* Every block up to 32 MiB comes from a heap (not a mapping of its own that
	 * free() unmaps), and a heap is never trimmed: freed pages are reused. */
	if (!mallopt(M_MMAP_THRESHOLD, 32 << 20) ||   /* the largest glibc allows */
	    !mallopt(M_TRIM_THRESHOLD, 1 << 30) || !mallopt(M_TOP_PAD, HEAP_PAD))
		return 0;
	/* A block larger than the free end of the heap grows it by the pad.  Once it
	 * is freed, the spacer takes its place up to the next 2 MiB boundary (a
	 * block's header is 16 bytes, and its size rounds up to 16). */
	char *probe = malloc(HUGE_PAGE);
	if (!probe)
		return 0;
	uintptr_t boundary = align_up((uintptr_t)probe + 64);
	size_t lead = boundary - (uintptr_t)probe - 16;
	free(probe);
	spacer = malloc(lead);
	struct mapping at, next;
	if (!mapping_of(boundary, &at, &next) || !at.main_heap)
		return 0;                             /* not glibc's brk heap */
	huge_pages = kernel_offers_huge_pages();
	return huge_pages && advise(boundary, at.hi, at.hi) ? HEAP_KEPT | HEAP_HUGE_PAGES
	                                                      : HEAP_KEPT;
}

bool heap_thread_setup(void)
{
	if (!huge_pages)
		return false;
	void *p = malloc(1);                      /* makes the thread's heap, if new */
	struct mapping at, next;
	bool advised = false;
	/* glibc's heap: the part in use from a multiple of 64 MiB, and the rest of
	 * the 64 MiB reserved, which it makes usable as the heap grows. */
	if (p && mapping_of((uintptr_t)p, &at, &next) && !at.main_heap &&
	    at.lo % THREAD_HEAP == 0 &&
	    (at.hi == at.lo + THREAD_HEAP ||
	     (next.lo == at.hi && next.hi == at.lo + THREAD_HEAP && next.reserved)))
		advised = advise(at.lo, at.hi, at.lo + THREAD_HEAP);
	free(p);
	return advised;
}

#else

int heap_setup(void)
{
	return 0;
}

bool heap_thread_setup(void)
{
	return false;
}

#endif
