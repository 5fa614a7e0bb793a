/* heap.h - how the run asks the kernel for memory.
 *
 * A run touches some 12 MB of fresh memory, and every 4 KiB page of it costs a
 * page fault when first touched: about 0.5 µs on bare metal, but some 10 µs on a
 * virtual machine that shadows the guest's page tables, where 3 000 of them made
 * a tenth of a 1 M-row run's CPU time.  So the heaps ask for 2 MiB pages
 * (transparent huge pages, where the kernel gives them on advice: one fault per
 * 2 MiB) and memory freed between the stages stays in the heap for the next
 * stage instead of going back to the kernel and being asked for again.
 *
 * Only hints: where the C library or the kernel does not take them (another
 * libc or allocator, a sanitizer, transparent huge pages set to "never"),
 * memory is what it always was. */
#ifndef AIREPORT_HEAP_H
#define AIREPORT_HEAP_H

#include <stdbool.h>

enum {
	HEAP_KEPT = 1,          /* freed memory stays in glibc's heaps */
	HEAP_HUGE_PAGES = 2,    /* and the main heap is advised to use 2 MiB pages */
};

/* Once, at the start of main, before any thread; returns what it did. */
int heap_setup(void);

/* First thing on each thread the run starts that allocates much (its chunks'
 * tables, the PDF, the history): its heap gets 2 MiB pages too.  True when it
 * advised the thread's own heap (a thread that shares the main heap, as with
 * MALLOC_ARENA_MAX=1, has that heap's advice). */
bool heap_thread_setup(void);

#endif
