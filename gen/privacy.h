/* privacy.h - minimum group size, over each figure's contributors, and secondary
 * suppression that holds against subtraction (SPEC §5, §11.27-30, §11.33, as
 * extended). */
#ifndef AIREPORT_PRIVACY_H
#define AIREPORT_PRIVACY_H

#include <stdbool.h>
#include <stddef.h>

#include "report.h"

/* Decides one breakdown: sizes[i] are the groups' contributors in name order (byte
 * order); suppressed[] comes in with the groups already hidden for another reason
 * (false otherwise).  Adds the groups with 0 < size < k, then, while the hidden
 * groups together hold 0 < n < k contributors, the smallest other group with
 * contributors (first by name on ties). */
void privacy_breakdown(const int *sizes, size_t n, int k, bool *suppressed);

/* Applies every privacy rule to the raw figures of r, in place. */
void privacy_apply(struct report *r);

#endif
