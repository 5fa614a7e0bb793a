/* test_privacy.c - primary and complementary suppression (SPEC §5, §11.27-29). */
#include <stdbool.h>

#include "check.h"
#include "privacy.h"
#include "tests.h"

/* Runs privacy_breakdown on sizes (k = 5) and returns the suppressed set as bits. */
static unsigned breakdown(const int *sizes, size_t n, int k)
{
	bool hide[16] = { false };
	privacy_breakdown(sizes, n, k, hide);
	unsigned bits = 0;
	for (size_t i = 0; i < n; i++)
		bits |= (unsigned)hide[i] << i;
	return bits;
}

void test_privacy(void)
{
	/* Nothing below k: nothing hidden. */
	int a[] = { 5, 9, 12 };
	CHECK_INT(breakdown(a, 3, 5), 0);
	/* One group below k: it and the smallest other group >= k (9, index 1). */
	int b[] = { 12, 9, 3, 30 };
	CHECK_INT(breakdown(b, 4, 5), 0x2 | 0x4);
	/* Ties on the smallest other group: the first by name (lower index). */
	int c[] = { 2, 7, 7 };
	CHECK_INT(breakdown(c, 3, 5), 0x1 | 0x2);
	/* Two groups below k: each is hidden, no complementary suppression. */
	int d[] = { 2, 4, 10 };
	CHECK_INT(breakdown(d, 3, 5), 0x1 | 0x2);
	/* A group of size 0 is not suppressed and does not count (§11.28). */
	int e[] = { 0, 3, 6, 8 };
	CHECK_INT(breakdown(e, 4, 5), 0x2 | 0x4);
	int f[] = { 0, 6 };
	CHECK_INT(breakdown(f, 2, 5), 0);
	/* One small group and no other group >= k: only it. */
	int g[] = { 3, 0 };
	CHECK_INT(breakdown(g, 2, 5), 0x1);
	/* The worked example (k = 3): respondents Operations 0, Sales 3, Service 2. */
	int h[] = { 0, 3, 2 };
	CHECK_INT(breakdown(h, 3, 3), 0x2 | 0x4);
	/* Headcounts Operations 2, Sales 3, Service 2: two primaries, Sales stays. */
	int i[] = { 2, 3, 2 };
	CHECK_INT(breakdown(i, 3, 3), 0x1 | 0x4);
	/* Two groups below k that hold fewer than k together: subtracting the
	 * published groups from the total would give their sum, so the smallest
	 * other group with contributors joins them (6, not 10). */
	int m[] = { 1, 2, 10, 6 };
	CHECK_INT(breakdown(m, 4, 5), 0x1 | 0x2 | 0x8);
	/* A group without contributors protects nothing: it is never the one added. */
	int n[] = { 1, 1, 0, 7 };
	CHECK_INT(breakdown(n, 4, 5), 0x1 | 0x2 | 0x8);
	/* Adding one group may not be enough: 1 + 1 + 2 < 5, then 3 more (sum 7). */
	int o[] = { 1, 1, 2, 3, 9 };
	CHECK_INT(breakdown(o, 5, 5), 0x1 | 0x2 | 0x4 | 0x8);
	/* k = 1 suppresses nothing. */
	int j[] = { 1, 1 };
	CHECK_INT(breakdown(j, 2, 1), 0);
}
