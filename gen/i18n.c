/* i18n.c - looking up the words of the PDF and XLSX (the table is data in
 * i18n_table.c), and the number, money and date formats of each language (see
 * i18n.h).
 *
 * Numbers are formatted digit by digit here, never with the C library's locale, so
 * the output is the same under any LC_ALL.  A value is first rounded to 6 decimals
 * (the precision of metrics.csv, §11.26) and then rounded half away from zero to
 * the requested decimals, so a figure in a report is what a reader gets by rounding
 * the same figure in metrics.csv. */
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"
#include "i18n.h"
#include "i18n_table.h"
#include "util.h"

static int by_key(const void *a, const void *b)
{
	const struct translation *x = *(const struct translation *const *)a;
	const struct translation *y = *(const struct translation *const *)b;
	return strcmp(x->key, y->key);
}

static const struct translation **sorted;
static size_t sorted_count;
static pthread_once_t sorted_once = PTHREAD_ONCE_INIT;

static void build_index(void)
{
	sorted_count = i18n_table_count;
	sorted = xmalloc(sorted_count * sizeof(*sorted));
	for (size_t i = 0; i < sorted_count; i++)
		sorted[i] = &i18n_table[i];
	qsort(sorted, sorted_count, sizeof(*sorted), by_key);
}

/* The table's entry for key, by binary search over an index sorted on first use
 * (a writer looks up hundreds of labels per report), once whichever writer's
 * thread comes first (out_docs.c). */
static const struct translation *find_translation(const char *key)
{
	pthread_once(&sorted_once, build_index);
	struct translation probe = { .key = key };
	const struct translation *p = &probe;
	const struct translation **hit = bsearch(&p, sorted, sorted_count, sizeof(*sorted), by_key);
	return hit ? *hit : NULL;
}

const char *tr(enum lang lang, const char *key)
{
	if (!key)
		return "";
	if ((unsigned)lang > LANG_DE)
		lang = LANG_EN;
	const struct translation *t = find_translation(key);
	if (!t)
		return key;
	return t->text[lang] && t->text[lang][0] ? t->text[lang] : key;
}

char *i18n_fill(const char *text, const char *const *args, int n)
{
	struct buf b = { 0 };
	buf_append(&b, "", 0);     /* "" when nothing follows */
	for (const char *t = text; *t; t++) {
		if (t[0] == '{' && t[1] >= '1' && t[1] <= '9' && t[2] == '}') {
			int i = t[1] - '1';
			if (i < n && args[i])
				buf_puts(&b, args[i]);
			t += 2;
		} else {
			buf_putc(&b, *t);
		}
	}
	return b.data;
}

/* The keys of the table, for tests/test_i18n.c (declared in i18n.h). */

size_t i18n_key_count(void)
{
	return i18n_table_count;
}

const char *i18n_key(size_t i)
{
	return i < i18n_table_count ? i18n_table[i].key : NULL;
}

/* ---- numbers ------------------------------------------------------------- */

static char thousands_sep(enum lang lang) { return lang == LANG_EN ? ',' : '.'; }
static char decimal_sep(enum lang lang) { return lang == LANG_EN ? '.' : ','; }

/* Writes the magnitude q / 10^decimals with grouped thousands into out; neg adds a
 * leading '-'.  q is already rounded. */
static void write_scaled(char *out, size_t outsz, enum lang lang, unsigned long long q,
                         int decimals, int neg)
{
	unsigned long long pow10 = 1;
	for (int i = 0; i < decimals; i++)
		pow10 *= 10;
	unsigned long long ip = q / pow10, fp = q % pow10;

	char digits[32];
	int nd = snprintf(digits, sizeof digits, "%llu", ip);
	char tmp[64];
	size_t n = 0;
	if (neg)
		tmp[n++] = '-';
	for (int i = 0; i < nd; i++) {
		if (i > 0 && (nd - i) % 3 == 0)
			tmp[n++] = thousands_sep(lang);
		tmp[n++] = digits[i];
	}
	if (decimals > 0) {
		tmp[n++] = decimal_sep(lang);
		for (int i = decimals - 1; i >= 0; i--) {
			unsigned long long p = 1;
			for (int j = 0; j < i; j++)
				p *= 10;
			tmp[n++] = (char)('0' + (fp / p) % 10);
		}
	}
	tmp[n] = '\0';
	snprintf(out, outsz, "%s", tmp);
}

/* Rounds v * 10^shift to 6 decimals (as metrics.csv does), then to `decimals`
 * decimals half away from zero, and writes it.  shift is 0 for numbers and 2 for
 * percentages. */
static void format_shifted(char *out, size_t outsz, enum lang lang, double v, int shift,
                           int decimals)
{
	if (outsz == 0)
		return;
	if (decimals < 0)
		decimals = 0;
	if (decimals > 6 - shift)
		decimals = 6 - shift;
	if (!isfinite(v) || fabs(v) >= 9e12) {
		snprintf(out, outsz, "%s", isfinite(v) ? (v < 0 ? "-∞" : "∞") : "?");
		return;
	}
	/* v in millionths: the precision of metrics.csv. */
	long long micro = llround(v * 1e6);
	unsigned long long mag = (unsigned long long)(micro < 0 ? -micro : micro);
	unsigned long long div = 1;
	for (int i = 0; i < 6 - shift - decimals; i++)
		div *= 10;
	unsigned long long q = (mag + div / 2) / div;
	write_scaled(out, outsz, lang, q, decimals, micro < 0 && q != 0);
}

void format_number(char *out, size_t outsz, enum lang lang, double v, int decimals)
{
	format_shifted(out, outsz, lang, v, 0, decimals);
}

void format_percent(char *out, size_t outsz, enum lang lang, double ratio, int decimals)
{
	char num[64];
	format_shifted(num, sizeof num, lang, ratio, 2, decimals);
	snprintf(out, outsz, lang == LANG_EN ? "%s%%" : "%s %%", num);
}

/* The symbol of the currencies people write with one; others keep their code. */
const char *currency_symbol(const char *currency)
{
	static const struct { const char *code, *symbol; } symbols[] = {
		{ "EUR", "€" }, { "GBP", "£" }, { "USD", "$" },
	};
	for (size_t i = 0; i < sizeof symbols / sizeof symbols[0]; i++)
		if (currency && strcmp(currency, symbols[i].code) == 0)
			return symbols[i].symbol;
	return NULL;
}

void format_money(char *out, size_t outsz, enum lang lang, const char *currency,
                  double v, int decimals)
{
	char num[64];
	const char *symbol = currency_symbol(currency);
	const char *code = currency && currency[0] ? currency : "EUR";
	format_number(num, sizeof num, lang, v, decimals);
	const char *mag = num[0] == '-' ? num + 1 : num;
	const char *sign = num[0] == '-' ? "-" : "";
	switch (lang) {
	case LANG_NL:   /* € 1.234,50 and € -1.234,50 */
		snprintf(out, outsz, "%s %s%s", symbol ? symbol : code, sign, mag);
		break;
	case LANG_DE:   /* 1.234,50 € and -1.234,50 € */
		snprintf(out, outsz, "%s%s %s", sign, mag, symbol ? symbol : code);
		break;
	default:        /* €1,234.50, -€1,234.50 and CHF 1,234.50 */
		if (symbol)
			snprintf(out, outsz, "%s%s%s", sign, symbol, mag);
		else
			snprintf(out, outsz, "%s%s %s", sign, code, mag);
		break;
	}
}

/* ---- dates and names ----------------------------------------------------- */

const char *month_name(enum lang lang, int month)
{
	static const char *const keys[12] = {
		"month.1", "month.2", "month.3", "month.4", "month.5", "month.6",
		"month.7", "month.8", "month.9", "month.10", "month.11", "month.12",
	};
	if (month < 1 || month > 12)
		return "";
	return tr(lang, keys[month - 1]);
}

void format_date(char *out, size_t outsz, enum lang lang, int32_t days)
{
	int y, m, d;
	civil_from_days(days, &y, &m, &d);
	if (lang == LANG_DE)
		snprintf(out, outsz, "%d. %s %d", d, month_name(lang, m), y);
	else
		snprintf(out, outsz, "%d %s %d", d, month_name(lang, m), y);
}

const char *level_name(enum lang lang, int level)
{
	static const char *const keys[3] = { "level.1", "level.2", "level.3" };
	return level >= 1 && level <= 3 ? tr(lang, keys[level - 1]) : "";
}

const char *learning_path_name(enum lang lang, int level)
{
	static const char *const keys[3] = { "path.1", "path.2", "path.3" };
	return level >= 1 && level <= 3 ? tr(lang, keys[level - 1]) : "";
}

const char *dimension_label(enum lang lang, enum dimension d)
{
	static const char *const keys[DIM_COUNT] = {
		"dim.tool_knowledge", "dim.application_breadth", "dim.autonomy",
		"dim.innovation", "dim.knowledge_sharing",
	};
	return (unsigned)d < DIM_COUNT ? tr(lang, keys[d]) : "";
}

static char *quarter_list(const int *quarters, size_t count)
{
	struct buf b = { 0 };
	buf_append(&b, "", 0);     /* "" when nothing follows */
	for (size_t i = 0; i < count; i++) {
		char label[QUARTER_LABEL_SIZE];
		quarter_label(quarters[i], label);
		buf_printf(&b, "%s%s", i ? ", " : "", label);
	}
	return b.data;
}

size_t i18n_history_notes(enum lang lang, const struct report *r, char *out[3])
{
	size_t n = 0;
	if (r->history_timesheet_quarter_count || r->history_survey_quarter_count) {
		char *ts = quarter_list(r->history_timesheet_quarters,
		                        r->history_timesheet_quarter_count);
		char *sv = quarter_list(r->history_survey_quarters, r->history_survey_quarter_count);
		const char *args[] = { *ts ? ts : "\xe2\x80\x94", *sv ? sv : "\xe2\x80\x94" };
		out[n++] = i18n_fill(tr(lang, "hist.quarters"), args, 2);
		free(ts);
		free(sv);
	}
	struct buf list = { 0 };
	for (size_t i = 0; i < r->quarter_count; i++) {
		const struct quarter *q = &r->quarters[i];
		if (!q->published_version)
			continue;
		char label[QUARTER_LABEL_SIZE], version[16];
		quarter_label(q->year * 4 + q->quarter - 1, label);
		snprintf(version, sizeof(version), "%d", q->published_version);
		const char *args[] = { label, version };
		char *item = i18n_fill(tr(lang, "hist.version"), args, 2);
		buf_printf(&list, "%s%s", list.len ? ", " : "", item);
		free(item);
	}
	if (list.len) {
		const char *args[] = { list.data };
		out[n++] = i18n_fill(tr(lang, "hist.published"), args, 1);
	}
	buf_free(&list);
	if (r->survey_held_back) {
		char count[24], k[24];
		snprintf(count, sizeof(count), "%ld", r->survey_held_back);
		snprintf(k, sizeof(k), "%d", r->min_group_size);
		const char *args[] = { count, k };
		out[n++] = i18n_fill(tr(lang, r->survey_held_back == 1 ? "hist.held_back_one"
		                                                       : "hist.held_back"), args, 2);
	}
	return n;
}
