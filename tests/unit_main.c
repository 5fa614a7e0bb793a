/* unit_main.c - runs every unit test and prints "N passed, N failed". */
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "tests.h"

int check_passed, check_failed;
const char *check_test = "";

void check_report(int ok, const char *file, int line, const char *what)
{
	if (ok) {
		check_passed++;
		return;
	}
	check_failed++;
	fprintf(stderr, "FAIL %s (%s:%d): %s\n", check_test, file, line, what);
}

#define RUN(fn) do { check_test = #fn; fn(); } while (0)

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], HEAP_FRESH_ARG) == 0)
		return heap_fresh_process();
	ALL_TESTS(RUN);
	printf("unit: %d passed, %d failed\n", check_passed, check_failed);
	return check_failed ? 1 : 0;
}
