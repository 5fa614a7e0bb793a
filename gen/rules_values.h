/* rules_values.h - the values of a rules load checked and stored (rules_values.c). */
#ifndef AIREPORT_RULES_VALUES_H
#define AIREPORT_RULES_VALUES_H

#include <stdbool.h>

#include "rules_keys.h"

/* A name = number entry of [rates.role], [rates.department] or [use_cases]: the last
 * of the same name (ignoring ASCII case) wins and keeps its spelling. */
void rules_store_named_value(struct load *c, int lineno, enum section sec,
                             const char *name, const char *value);

/* A ratio: "60%" (also "60 %") or a bare fraction; *percent tells which. */
bool rules_read_ratio(const char *s, double *out, bool *percent);

/* The rules file's folder joined with a relative path (newly allocated). */
char *rules_resolve_path(const char *rules_path, const char *value);

/* Converts every stored value, then checks what spans several keys and that the
 * required keys are there. */
void rules_apply_all(struct load *c);

#endif
