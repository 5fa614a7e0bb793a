/* test_i18n.c - translations and the number, money and date formats (i18n.c). */
#include <string.h>

#include "check.h"
#include "fields.h"
#include "i18n.h"
#include "i18n_table.h"
#include "tests.h"

static const char *num(enum lang lang, double v, int decimals)
{
	static char out[64];
	format_number(out, sizeof out, lang, v, decimals);
	return out;
}

static const char *pct(enum lang lang, double v, int decimals)
{
	static char out[64];
	format_percent(out, sizeof out, lang, v, decimals);
	return out;
}

static const char *money(enum lang lang, const char *currency, double v, int decimals)
{
	static char out[64];
	format_money(out, sizeof out, lang, currency, v, decimals);
	return out;
}

static const char *date(enum lang lang, int y, int m, int d)
{
	static char out[64];
	format_date(out, sizeof out, lang, days_from_civil(y, m, d));
	return out;
}

static void test_numbers(void)
{
	CHECK_STR(num(LANG_NL, 1234.5, 1), "1.234,5");
	CHECK_STR(num(LANG_EN, 1234.5, 1), "1,234.5");
	CHECK_STR(num(LANG_DE, 1234.5, 1), "1.234,5");
	CHECK_STR(num(LANG_NL, 1234567.891, 2), "1.234.567,89");
	CHECK_STR(num(LANG_EN, 1234567.891, 0), "1,234,568");
	CHECK_STR(num(LANG_EN, 999, 0), "999");
	CHECK_STR(num(LANG_EN, 1000, 0), "1,000");
	CHECK_STR(num(LANG_NL, 0, 0), "0");
	CHECK_STR(num(LANG_NL, 0, 2), "0,00");
	/* negatives, and negative zero after rounding */
	CHECK_STR(num(LANG_NL, -1234.5, 1), "-1.234,5");
	CHECK_STR(num(LANG_EN, -1234.5, 1), "-1,234.5");
	CHECK_STR(num(LANG_EN, -0.04, 1), "0.0");
	CHECK_STR(num(LANG_DE, -0.0, 0), "0");
	/* rounding: half away from zero, after rounding to 6 decimals like metrics.csv */
	CHECK_STR(num(LANG_EN, 2.675, 2), "2.68");
	CHECK_STR(num(LANG_EN, -2.675, 2), "-2.68");
	CHECK_STR(num(LANG_EN, 0.25, 1), "0.3");
	CHECK_STR(num(LANG_EN, 999.95, 1), "1,000.0");
	CHECK_STR(num(LANG_NL, 0.798913, 1), "0,8");
	CHECK_STR(num(LANG_EN, 0.0499999999, 1), "0.1");   /* 0.05 in metrics.csv */
	CHECK_STR(num(LANG_EN, 1.5, 0), "2");
	CHECK_STR(num(LANG_EN, 2.5, 0), "3");
}

static void test_percent(void)
{
	CHECK_STR(pct(LANG_NL, 0.635, 1), "63,5 %");
	CHECK_STR(pct(LANG_EN, 0.635, 1), "63.5%");
	CHECK_STR(pct(LANG_DE, 0.635, 1), "63,5 %");
	CHECK_STR(pct(LANG_NL, 0.571429, 1), "57,1 %");
	CHECK_STR(pct(LANG_EN, 0.232653, 1), "23.3%");
	CHECK_STR(pct(LANG_EN, -0.188, 1), "-18.8%");
	CHECK_STR(pct(LANG_NL, -0.643478, 1), "-64,3 %");
	CHECK_STR(pct(LANG_EN, 12.5, 0), "1,250%");
	CHECK_STR(pct(LANG_DE, 12.5, 0), "1.250 %");
	CHECK_STR(pct(LANG_EN, 0.00049, 1), "0.0%");
	CHECK_STR(pct(LANG_EN, -0.00049, 1), "0.0%");
	CHECK_STR(pct(LANG_EN, 0.00125, 1), "0.1%");
	CHECK_STR(pct(LANG_EN, 1, 0), "100%");
}

static void test_money(void)
{
	CHECK_STR(money(LANG_NL, "EUR", 1234, 0), "€ 1.234");
	CHECK_STR(money(LANG_EN, "EUR", 1234, 0), "€1,234");
	CHECK_STR(money(LANG_DE, "EUR", 1234, 0), "1.234 €");
	CHECK_STR(money(LANG_NL, "EUR", -1234.5, 2), "€ -1.234,50");
	CHECK_STR(money(LANG_EN, "EUR", -1234.5, 2), "-€1,234.50");
	CHECK_STR(money(LANG_DE, "EUR", -1234.5, 2), "-1.234,50 €");
	CHECK_STR(money(LANG_EN, "EUR", 494, 0), "€494");
	CHECK_STR(money(LANG_EN, "GBP", 1234567, 0), "£1,234,567");
	CHECK_STR(money(LANG_NL, "CHF", 1234.5, 2), "CHF 1.234,50");
	CHECK_STR(money(LANG_EN, "CHF", 1234.5, 2), "CHF 1,234.50");
	CHECK_STR(money(LANG_EN, "CHF", -5, 0), "-CHF 5");
	CHECK_STR(money(LANG_DE, "CHF", 1234.5, 0), "1.235 CHF");
	CHECK_STR(money(LANG_DE, "EUR", -0.2, 0), "0 €");
}

static void test_dates(void)
{
	CHECK_STR(date(LANG_NL, 2026, 9, 30), "30 september 2026");
	CHECK_STR(date(LANG_EN, 2026, 9, 30), "30 September 2026");
	CHECK_STR(date(LANG_DE, 2026, 9, 30), "30. September 2026");
	CHECK_STR(date(LANG_DE, 2026, 3, 1), "1. März 2026");
	CHECK_STR(date(LANG_NL, 2024, 2, 29), "29 februari 2024");
	CHECK_STR(date(LANG_EN, 2025, 12, 31), "31 December 2025");
	CHECK_STR(month_name(LANG_DE, 12), "Dezember");
	CHECK_STR(month_name(LANG_NL, 0), "");
}

static void test_names(void)
{
	CHECK_STR(level_name(LANG_NL, 1), "AI-gebruiker");
	CHECK_STR(level_name(LANG_EN, 2), "AI specialist");
	CHECK_STR(level_name(LANG_DE, 3), "KI-Experte");
	CHECK_STR(learning_path_name(LANG_NL, 1), "basisgebruikers");
	CHECK_STR(learning_path_name(LANG_NL, 3), "AI-champions");
	CHECK_STR(learning_path_name(LANG_EN, 2), "power users");
	CHECK_STR(dimension_label(LANG_NL, DIM_TOOL_KNOWLEDGE), "Toolkennis");
	CHECK_STR(dimension_label(LANG_NL, DIM_APPLICATION_BREADTH), "Toepassingsbreedte");
	CHECK_STR(dimension_label(LANG_NL, DIM_AUTONOMY), "Zelfstandigheid");
	CHECK_STR(dimension_label(LANG_NL, DIM_INNOVATION), "Innovatie");
	CHECK_STR(dimension_label(LANG_NL, DIM_KNOWLEDGE_SHARING), "Kennisdeling");
	CHECK_STR(dimension_label(LANG_EN, DIM_KNOWLEDGE_SHARING), "Knowledge sharing");
	CHECK_STR(tr(LANG_NL, "pdf.title"), "AI-competentiemeting");
	CHECK_STR(tr(LANG_EN, "pdf.title"), "AI competence assessment");
	CHECK_STR(tr(LANG_DE, "pdf.title"), "KI-Kompetenzbewertung");
	CHECK_STR(tr(LANG_DE, "pdf.page"), "Seite {1} von {2}");
	CHECK_STR(tr(LANG_EN, "no.such.key"), "no.such.key");
}

/* Every key has a non-empty text in all three languages, and no key is listed twice. */
static void test_table_complete(void)
{
	size_t n = i18n_key_count();
	CHECK(n > 100);
	int missing = 0, duplicates = 0, placeholders = 0;
	for (size_t i = 0; i < n; i++) {
		const char *key = i18n_key(i);
		if (!key || !key[0]) {
			missing++;
			continue;
		}
		for (enum lang l = LANG_NL; l <= LANG_DE; l++) {
			const char *text = tr(l, key);
			if (!text[0] || strcmp(text, key) == 0) {
				fprintf(stderr, "  missing %s in language %d\n", key, (int)l);
				missing++;
			}
		}
		/* the same blanks {1} {2} ... in every language */
		for (int b = 1; b <= 9; b++) {
			char blank[4] = { '{', (char)('0' + b), '}', 0 };
			int nl = strstr(tr(LANG_NL, key), blank) != NULL;
			if (nl != (strstr(tr(LANG_EN, key), blank) != NULL) ||
			    nl != (strstr(tr(LANG_DE, key), blank) != NULL)) {
				fprintf(stderr, "  blank %s differs between languages in %s\n", blank, key);
				placeholders++;
			}
		}
		for (size_t j = i + 1; j < n; j++)
			if (i18n_key(j) && strcmp(i18n_key(j), key) == 0) {
				fprintf(stderr, "  duplicate key %s\n", key);
				duplicates++;
			}
	}
	CHECK_INT(missing, 0);
	CHECK_INT(duplicates, 0);
	CHECK_INT(placeholders, 0);
	CHECK(i18n_key(n) == NULL);
}

/* Every key once (the look-up is a binary search), and each one found again. */
static void test_keys_unique(void)
{
	size_t n = i18n_key_count();
	int duplicates = 0, lost = 0;
	for (size_t i = 0; i < n; i++) {
		for (size_t j = i + 1; j < n; j++)
			duplicates += strcmp(i18n_key(i), i18n_key(j)) == 0;
		lost += tr(LANG_EN, i18n_key(i)) == i18n_key(i);
	}
	CHECK_INT(duplicates, 0);
	CHECK_INT(lost, 0);
	CHECK_STR(tr(LANG_DE, "no.such.key"), "no.such.key");
}

/* The look-up finds every entry of the table (i18n_table.c) in each language,
 * the very text and not a copy, and nothing for keys that sort before, between
 * or after the table's keys. */
static void test_lookup(void)
{
	CHECK_INT((long)i18n_key_count(), (long)i18n_table_count);
	long wrong = 0;
	for (size_t i = 0; i < i18n_table_count; i++) {
		for (enum lang l = LANG_NL; l <= LANG_DE; l++)
			if (tr(l, i18n_table[i].key) != i18n_table[i].text[l])
				wrong++;
		if (i18n_key(i) != i18n_table[i].key)
			wrong++;
	}
	CHECK_INT(wrong, 0);
	CHECK_STR(tr(LANG_NL, ""), "");
	CHECK_STR(tr(LANG_NL, "a"), "a");
	CHECK_STR(tr(LANG_NL, "month.10x"), "month.10x");
	CHECK_STR(tr(LANG_NL, "zzz"), "zzz");
	CHECK_STR(tr(LANG_EN, "month.10"), "October");
	CHECK_STR(tr(LANG_DE, "month.1"), "Januar");
	/* an out-of-range language falls back to English */
	CHECK_STR(tr((enum lang)7, "month.3"), "March");
}

void test_i18n(void)
{
	test_lookup();
	test_keys_unique();
	test_numbers();
	test_percent();
	test_money();
	test_dates();
	test_names();
	test_table_complete();
}
