/* rules_input.h - the sections of a rules file that say how the exports are read
 * (rules_input.c). */
#ifndef AIREPORT_RULES_INPUT_H
#define AIREPORT_RULES_INPUT_H

#include <stdbool.h>

#include "rules_keys.h"

/* [survey_scale]: answer text = 1..5; the last of the same text wins. */
void rules_store_scale(struct load *c, int lineno, const char *text, const char *value);
/* [survey_columns], [timesheet_columns]: canonical = export name; an empty value
 * restores the canonical name. */
void rules_store_column(struct load *c, int lineno, enum section sec, const char *key,
                        const char *value);
/* A K_ENCODING, K_DELIMITER, K_DATE_ORDER, K_MARKERS, K_PROFILE or K_FILE value
 * (not empty) into field of c->r; false when reported. */
bool rules_input_value(struct load *c, const struct key_spec *k, const struct raw_value *raw,
                       char *field);
/* Two canonical columns of sec that would read the same export column. */
void rules_check_columns(struct load *c, enum section sec);
/* The keys of [survey_input] or [timesheet_input] (sec) that are not written take
 * [input]'s value. */
void rules_resolve_input_settings(struct load *c, enum section sec, struct input_settings *in);

#endif
