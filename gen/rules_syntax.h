/* rules_syntax.h - the text of a rules file -> the raw values of a load
 * (rules_syntax.c, the only file with <ini.h>). */
#ifndef AIREPORT_RULES_SYNTAX_H
#define AIREPORT_RULES_SYNTAX_H

#include <stddef.h>

#include "rules_keys.h"

/* Scans text (size bytes, without a byte order mark) line by line, reports every
 * line inih could misread, and has inih hand every well-formed key line to the
 * handler, which stores the last raw value of each fixed key in c->raw and the
 * name = value entries of the open sections in c->r.  Problems go to c. */
void rules_parse_text(struct load *c, const char *text, size_t size);

#endif
