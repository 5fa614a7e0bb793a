/* i18n.h - every user-visible word of the PDF and XLSX in nl, en and de, and the
 * number, money and date formats of each language.  All translations live in
 * i18n_table.c.  Output never depends on the process locale. */
#ifndef AIREPORT_I18N_H
#define AIREPORT_I18N_H

#include <stddef.h>
#include <stdint.h>

#include "report.h"
#include "vocab.h"

/* The text of key (e.g. "sheet.summary") in lang.  An unknown key returns the key
 * itself, so a missing translation is visible (and caught by test_i18n). */
const char *tr(enum lang lang, const char *key);
/* text with {1}..{9} replaced by args[0..n-1] (a missing one by nothing); the
 * caller frees the result. */
char *i18n_fill(const char *text, const char *const *args, int n);

/* What the organisation's history did to this report, one paragraph each in out
 * (the caller frees them): the quarters it supplied, the trend quarters shown as
 * published, the survey answers held back.  Returns how many (0..3). */
size_t i18n_history_notes(enum lang lang, const struct report *r, char *out[3]);

/* 1234.5 -> "1.234,5" (nl, de) / "1,234.5" (en), with exactly `decimals` decimals. */
void format_number(char *out, size_t outsz, enum lang lang, double v, int decimals);
/* 0.635 -> "63,5 %" (nl, de) / "63.5%" (en). */
void format_percent(char *out, size_t outsz, enum lang lang, double ratio, int decimals);
/* 1234 EUR -> "€ 1.234" (nl) / "€1,234" (en) / "1.234 €" (de); other currencies by code. */
void format_money(char *out, size_t outsz, enum lang lang, const char *currency,
                  double v, int decimals);
/* "EUR" -> "€", "GBP" -> "£", "USD" -> "$"; NULL for any other code (written as the
 * code itself). */
const char *currency_symbol(const char *currency);
/* days since 1970 -> "30 september 2026" / "30 September 2026" / "30. September 2026". */
void format_date(char *out, size_t outsz, enum lang lang, int32_t days);

const char *month_name(enum lang lang, int month);            /* 1..12 */
const char *level_name(enum lang lang, int level);             /* 1..3: AI-gebruiker ... */
const char *learning_path_name(enum lang lang, int level);     /* 1..3: basisgebruikers ... */
const char *dimension_label(enum lang lang, enum dimension d); /* Toolkennis ... */

/* The translation table's keys, for the completeness test: i18n_key(i) for
 * i < i18n_key_count(), NULL beyond. */
size_t i18n_key_count(void);
const char *i18n_key(size_t i);

#endif
