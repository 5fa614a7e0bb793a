/* report_findings.h - the executive summary's findings and recommended actions,
 * decided over the published figures of the model. */
#ifndef AIREPORT_REPORT_FINDINGS_H
#define AIREPORT_REPORT_FINDINGS_H

#include "report.h"

/* Fills r->findings and r->actions.  Runs after privacy_apply() and
 * report_roi_compute(): it reads only figures that may be shown. */
void report_findings_compute(struct report *r);

/* A use case whose concentration makes it depend on few people (at_risk = 1). */
bool use_case_at_risk(const struct use_case *u);
/* A use case saving negative time, visibly so at one decimal. */
bool use_case_negative(const struct use_case *u);
/* The AI entries of all use cases; *known is false when one is not published. */
long report_ai_entries(const struct report *r, bool *known);

#endif
