/* i18n_table.h - the translation table (i18n_table.c), data only; look texts up
 * with tr() (i18n.h), not here. */
#ifndef AIREPORT_I18N_TABLE_H
#define AIREPORT_I18N_TABLE_H

#include <stddef.h>

/* One translated text: text[LANG_NL], text[LANG_EN], text[LANG_DE].
 * Templates number their blanks {1} {2} ...; the writer fills them in. */
struct translation {
	const char *key;
	const char *text[3];
};

extern const struct translation i18n_table[];
extern const size_t i18n_table_count;

#endif
