/* test_heap.c - the heaps' advice (heap.c): blocks come from a heap that is
 * never trimmed, and the heaps of the main thread and of a thread are advised
 * to use 2 MiB pages (the "hg" flag of their mapping in /proc/self/smaps). */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "heap.h"
#include "tests.h"

/* Whether the mapping holding addr carries the VmFlags flag (two letters). */
static bool mapping_flag(const void *addr, const char *flag)
{
	FILE *f = fopen("/proc/self/smaps", "r");
	if (!f)
		return false;
	char line[512];
	bool inside = false, found = false;
	uintptr_t a = (uintptr_t)addr;
	while (!found && fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;
		char c;
		if (sscanf(line, "%lx-%lx %c", &lo, &hi, &c) == 3) {
			inside = lo <= a && a < hi;
		} else if (inside && strncmp(line, "VmFlags:", 8) == 0) {
			for (char *t = strtok(line + 8, " \n"); t; t = strtok(NULL, " \n"))
				if (strcmp(t, flag) == 0)
					found = true;
			break;
		}
	}
	fclose(f);
	return found;
}

struct thread_block {
	bool advised;
	char *block;
};

static void *thread_block(void *arg)
{
	struct thread_block *t = arg;
	t->advised = heap_thread_setup();
	t->block = malloc((size_t)1 << 20);
	if (t->block)
		t->block[0] = 1;
	return NULL;
}

void test_heap(void)
{
	int done = heap_setup();
	if (!(done & HEAP_KEPT))
		return;   /* not glibc's heap (another libc, valgrind, a sanitizer): no hints */
	/* 24 MiB (more than the heap's pad, less than glibc's largest threshold) from
	 * the main heap, not a mapping of its own, and the heap keeps it once freed:
	 * the break does not move back.  It starts in the advised part. */
	size_t size = (size_t)24 << 20;
	char *big = malloc(size);
	CHECK(big != NULL);
	if (!big)
		return;
	big[0] = big[size - 1] = 1;
	char *brk_before = sbrk(0);
	CHECK(big < brk_before);
	if (done & HEAP_HUGE_PAGES)
		CHECK(mapping_flag(big, "hg"));
	free(big);
	CHECK((char *)sbrk(0) == brk_before);

	/* A thread's blocks come from advised memory: its own heap, or the main one. */
	struct thread_block t = { 0 };
	pthread_t thread;
	CHECK(pthread_create(&thread, NULL, thread_block, &t) == 0);
	pthread_join(thread, NULL);
	CHECK(t.block != NULL);
	if (done & HEAP_HUGE_PAGES) {
		CHECK(t.advised);
		CHECK(t.block && mapping_flag(t.block, "hg"));
	}
	free(t.block);
}
