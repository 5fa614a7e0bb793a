/* test_heap.c - the heaps' advice (heap.c): blocks come from a heap that is
 * never trimmed, and the heaps of the main thread and of a thread are advised
 * to use 2 MiB pages (the "hg" flag of their mapping in /proc/self/smaps).  The
 * unit tests call heap_setup last, after other tests have used the heaps, so
 * only memory it has shown to be advised is looked at. */
#define _DEFAULT_SOURCE
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "check.h"
#include "heap.h"
#include "tests.h"

/* Whether a mapping carries the VmFlags flag (two letters): the one holding addr,
 * or (addr NULL) any whose line names the given name, e.g. "[heap]". */
static bool mapping_flag(const void *addr, const char *name, const char *flag)
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
			inside = addr ? lo <= a && a < hi : name && strstr(line, name) != NULL;
		} else if (inside && strncmp(line, "VmFlags:", 8) == 0) {
			for (char *t = strtok(line + 8, " \n"); t; t = strtok(NULL, " \n"))
				if (strcmp(t, flag) == 0)
					found = true;
			inside = false;
		}
	}
	fclose(f);
	return found;
}

/* Whether the mapping holding addr is the named one, e.g. "[heap]". */
static bool in_mapping(const void *addr, const char *name)
{
	FILE *f = fopen("/proc/self/maps", "r");
	if (!f)
		return false;
	char line[512];
	bool found = false;
	uintptr_t a = (uintptr_t)addr;
	while (!found && fgets(line, sizeof(line), f)) {
		unsigned long lo, hi;
		found = sscanf(line, "%lx-%lx", &lo, &hi) == 2 && lo <= a && a < hi &&
		        strstr(line, name) != NULL;
	}
	fclose(f);
	return found;
}

struct thread_block {
	bool advised;
	char *block;
};

/* A block of the thread's heap as it is when advised (one that needs the heap
 * to grow could be in a part added later, which is not). */
static void *thread_block(void *arg)
{
	struct thread_block *t = arg;
	t->advised = heap_thread_setup();
	t->block = malloc(64);
	if (t->block)
		t->block[0] = 1;
	return NULL;
}

int heap_fresh_process(void)
{
	int done = heap_setup();
	if (!(done & HEAP_HUGE_PAGES))
		return 2;
	char *block = malloc((size_t)1 << 20);
	struct thread_block t = { 0 };
	pthread_t thread;
	if (!block || pthread_create(&thread, NULL, thread_block, &t) != 0)
		return 1;
	pthread_join(thread, NULL);
	/* (a thread that shares the main heap, as with MALLOC_ARENA_MAX=1, asks
	 * for nothing itself) */
	bool ok = mapping_flag(block, NULL, "hg") && t.block &&
	          (t.advised || in_mapping(t.block, "[heap]")) && mapping_flag(t.block, NULL, "hg");
	free(block);
	free(t.block);
	return ok ? 0 : 1;
}

/* The status of this program run again with HEAP_FRESH_ARG. */
static int fresh_process_status(void)
{
	pid_t pid = fork();
	if (pid == 0) {
		execl("/proc/self/exe", "run_unit", HEAP_FRESH_ARG, (char *)NULL);
		_exit(127);
	}
	int status = 0;
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

void test_heap(void)
{
	int done = heap_setup();
	if (!(done & HEAP_KEPT))
		return;   /* not glibc's heap (another libc, valgrind, a sanitizer): no hints */
	/* Part of the brk heap is advised; in a process that starts with heap_setup,
	 * as the program does, the main thread's blocks and a new thread's come
	 * from advised heaps. */
	if (done & HEAP_HUGE_PAGES)
		CHECK(mapping_flag(NULL, "[heap]", "hg"));
	CHECK_INT(fresh_process_status(), done & HEAP_HUGE_PAGES ? 0 : 2);
	/* 24 MiB (more than the heap's pad, less than glibc's largest threshold) from
	 * the main heap, not a mapping of its own, and the heap keeps it once freed:
	 * the break does not move back. */
	size_t size = (size_t)24 << 20;
	char *big = malloc(size);
	CHECK(big != NULL);
	if (!big)
		return;
	big[0] = big[size - 1] = 1;
	char *brk_before = sbrk(0);
	CHECK(big < brk_before);
	free(big);
	CHECK((char *)sbrk(0) == brk_before);

	/* A thread's blocks come from advised memory: its own heap, or the main one. */
	struct thread_block t = { 0 };
	pthread_t thread;
	CHECK(pthread_create(&thread, NULL, thread_block, &t) == 0);
	pthread_join(thread, NULL);
	CHECK(t.block != NULL);
	/* A thread of its own heap (glibc gives one to each new thread unless told
	 * otherwise) has it advised; one that shares the main heap does not ask. */
	if ((done & HEAP_HUGE_PAGES) && t.block && !in_mapping(t.block, "[heap]")) {
		CHECK(t.advised);
		CHECK(mapping_flag(t.block, NULL, "hg"));
	}
	free(t.block);
}
