/* check.h - the unit-test harness: each CHECK counts as one pass or one failure.
 * A test file defines functions listed in tests.h; unit_main.c calls them all and
 * prints "N passed, N failed". */
#ifndef AIREPORT_CHECK_H
#define AIREPORT_CHECK_H

#include <math.h>
#include <stdio.h>
#include <string.h>

extern int check_passed, check_failed;
extern const char *check_test;   /* name of the running test function */

void check_report(int ok, const char *file, int line, const char *what);

#define CHECK(cond) check_report(!!(cond), __FILE__, __LINE__, #cond)

#define CHECK_INT(got, want) do { \
	long long g_ = (long long)(got), w_ = (long long)(want); \
	if (g_ != w_) fprintf(stderr, "  got %lld, want %lld\n", g_, w_); \
	check_report(g_ == w_, __FILE__, __LINE__, #got " == " #want); \
} while (0)

/* Doubles equal within 1e-9 (exact figures computed by hand). */
#define CHECK_DBL(got, want) do { \
	double g_ = (got), w_ = (want); \
	int ok_ = fabs(g_ - w_) <= 1e-9 * (1 + fabs(w_)); \
	if (!ok_) fprintf(stderr, "  got %.12g, want %.12g\n", g_, w_); \
	check_report(ok_, __FILE__, __LINE__, #got " == " #want); \
} while (0)

#define CHECK_STR(got, want) do { \
	const char *g_ = (got), *w_ = (want); \
	int ok_ = g_ && w_ ? strcmp(g_, w_) == 0 : g_ == w_; \
	if (!ok_) fprintf(stderr, "  got \"%s\", want \"%s\"\n", g_ ? g_ : "(null)", w_ ? w_ : "(null)"); \
	check_report(ok_, __FILE__, __LINE__, #got " == " #want); \
} while (0)

#endif
