/* heap.h - how the run asks the kernel for memory.
 *
 * A run touches some 12 MB of fresh memory, and every 4 KiB page of it costs a
 * page fault when first touched: about 0.5 µs on bare metal, but some 10 µs on a
 * virtual machine that shadows the guest's page tables, where 3 000 of them made
 * a tenth of a 1 M-row run's CPU time.  So the heaps ask for 2 MiB pages
 * (transparent huge pages, where the kernel offers them on request: one fault per
 * 2 MiB) and memory freed between the stages stays in the heap for the next
 * stage instead of going back to the kernel and being asked for again.
 *
 * Only hints: where the kernel or the C library does not take them (no
 * transparent huge pages, another libc, a sanitizer's allocator), memory is
 * what it always was. */
#ifndef AIREPORT_HEAP_H
#define AIREPORT_HEAP_H

#include <stdbool.h>

/* Once, at the start of main, before any thread.  False where the hints are
 * not given at all (not Linux with glibc, or under a sanitizer). */
bool heap_setup(void);

/* First thing on each thread the run starts that allocates much (its chunks'
 * tables, the PDF, the history): its heap gets 2 MiB pages too. */
void heap_thread_setup(void);

#endif
