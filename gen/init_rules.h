/* init_rules.h - aireport --init-rules FILE: a starter rules file for the given
 * exports, with the recognised profiles and the columns found filled in, the
 * organisation's name, the default rate and the AI marker as lines marked FILL IN
 * (left empty, so a run stops until they are filled in; the marker line lists the
 * values the AI column holds, most frequent first), and every other key commented
 * out with its default. */
#ifndef AIREPORT_INIT_RULES_H
#define AIREPORT_INIT_RULES_H

#include <stdio.h>

/* Reads both exports and writes the rules file at path, never over an existing
 * file.  Returns 0, or an exit status after one line per problem on err. */
int init_rules_write(const char *path, const char *survey, const char *timesheet, FILE *err);

#endif
