/* tie.h - the model's one tie rule for figures that are sums of fractions.
 *
 * Cumulative benefit against cumulative cost, a concentration against its share:
 * such sums are compared with a margin far below any printed digit, so that a tie
 * on paper is a tie here (SPEC §11.20, §11.24), wherever in the model it is
 * decided. */
#ifndef AIREPORT_TIE_H
#define AIREPORT_TIE_H

#include <math.h>
#include <stdbool.h>

#define TIE_MARGIN 1e-9
#define TIE_MARGIN_TEXT "1E-9"     /* the same margin in a spreadsheet formula */

static inline bool tie_above_zero(double x)
{
	return x > TIE_MARGIN;
}

/* x >= limit, a tie counting as reached. */
static inline bool tie_at_least(double x, double limit)
{
	return x >= limit - TIE_MARGIN * fmax(1, fabs(limit));
}

#endif
