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

static void *thread_block(void *arg)
{
	heap_thread_setup();
	char *p = malloc((size_t)1 << 20);
	if (p)
		p[0] = 1;
	*(char **)arg = p;
	return NULL;
}

void test_heap(void)
{
	if (!heap_setup()) {
		CHECK(!heap_setup());   /* not Linux with glibc, or a sanitizer's allocator */
		return;
	}
	/* 24 MiB (more than the heap's pad, less than glibc's largest threshold)
	 * from the main heap, not a mapping of its own, and the heap keeps it once
	 * freed: the break does not move back. */
	size_t size = (size_t)24 << 20;
	char *big = malloc(size);
	CHECK(big != NULL);
	if (!big)
		return;
	big[0] = big[size - 1] = 1;
	char *brk_before = sbrk(0);
	CHECK((char *)big < brk_before);
	bool thp = access("/sys/kernel/mm/transparent_hugepage/enabled", R_OK) == 0;
	if (thp)
		CHECK(mapping_flag(big + size / 2, "hg"));
	free(big);
	CHECK((char *)sbrk(0) == brk_before);

	char *in_thread = NULL;
	pthread_t t;
	CHECK(pthread_create(&t, NULL, thread_block, &in_thread) == 0);
	pthread_join(t, NULL);
	CHECK(in_thread != NULL);
	if (in_thread && thp)
		CHECK(mapping_flag(in_thread, "hg"));
	free(in_thread);
}
