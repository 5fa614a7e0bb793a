/* privacy.h - minimum group size and complementary suppression (SPEC §5,
 * §11.27-30, §11.33). */
#ifndef AIREPORT_PRIVACY_H
#define AIREPORT_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

/* Decides one breakdown: sizes[i] are the group sizes in name order (byte order).
 * Sets suppressed[i] for groups with 0 < size < k and, when exactly one group is so
 * suppressed, for the smallest other group with size >= k (first by name on ties). */
void privacy_breakdown(const int *sizes, size_t n, int k, bool *suppressed);

/* Applies every privacy rule to the raw figures of r, in place. */
void privacy_apply(struct report *r);

#endif
