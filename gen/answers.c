/* answers.c - free-text answers: markers in tags and notes, Likert answers
 * written as words, numbers with a unit word (see answers.h). */
#include "answers.h"

#include <stdint.h>
#include <string.h>

#include "fields.h"
#include "util.h"

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool is_ascii_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool span_equals(const char *s, size_t n, const char *word)
{
	return strlen(word) == n && memcmp(s, word, n) == 0;
}

/* The code point of the UTF-8 sequence at s[i..n) and its length; 0xFFFFFFFF
 * (length 1) when the bytes are not well-formed UTF-8. */
static uint32_t utf8_decode(const unsigned char *s, size_t n, size_t i, size_t *len)
{
	static const uint32_t min_of_len[] = { 0, 0, 0x80, 0x800, 0x10000 };
	unsigned char c = s[i];
	size_t need = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3
	            : (c & 0xF8) == 0xF0 ? 4 : 0;
	*len = 1;
	if (need == 0 || n - i < need)
		return 0xFFFFFFFF;
	uint32_t cp = need == 1 ? c : c & (0xFF >> (need + 1));
	for (size_t k = 1; k < need; k++) {
		if ((s[i + k] & 0xC0) != 0x80)
			return 0xFFFFFFFF;
		cp = cp << 6 | (s[i + k] & 0x3F);
	}
	if (cp < min_of_len[need] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0xFFFFFFFF;
	*len = need;
	return cp;
}

/* Whether a code point belongs to a word.  Outside ASCII only punctuation and
 * symbol blocks separate words; letters, and broken bytes we cannot judge,
 * join them so a marker never matches inside "AIö". */
static bool word_code_point(uint32_t cp)
{
	if (cp < 0x80)
		return (cp >= '0' && cp <= '9') || (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
	if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7)       /* NBSP « » · × ÷ ... */
		return false;
	if (cp >= 0x2000 && cp <= 0x2BFF)                 /* — “ ” … arrows, symbols */
		return false;
	if (cp >= 0x3000 && cp <= 0x303F)                 /* CJK punctuation */
		return false;
	if ((cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF)   /* variation selectors, BOM */
		return false;
	if (cp >= 0x1F000 && cp <= 0x1FAFF)               /* emoji */
		return false;
	return true;
}

/* Whether the character that ends just before s[pos] belongs to a word. */
static bool word_before(const unsigned char *s, size_t pos)
{
	if (pos == 0)
		return false;
	size_t start = pos - 1;
	while (start > 0 && pos - start < 4 && (s[start] & 0xC0) == 0x80)
		start--;
	size_t len;
	uint32_t cp = utf8_decode(s, pos, start, &len);
	if (start + len != pos)
		return true;   /* a stray continuation byte */
	return word_code_point(cp);
}

static bool word_at(const unsigned char *s, size_t n, size_t pos)
{
	if (pos >= n)
		return false;
	size_t len;
	return word_code_point(utf8_decode(s, n, pos, &len));
}

bool text_has_marker(const char *s, size_t n, const char *const *markers, size_t count)
{
	const unsigned char *u = (const unsigned char *)s;
	for (size_t k = 0; k < count; k++) {
		const char *m = markers[k];
		size_t len = m ? strlen(m) : 0;
		if (len == 0 || len > n)
			continue;
		for (size_t pos = 0; pos + len <= n; pos++) {
			size_t i = pos;
			if (skip_folded(s, n, &i, m) && !word_before(u, pos) && !word_at(u, n, pos + len))
				return true;
		}
	}
	return false;
}

/* Whether s[i..n) starts a separator of Likert words: ASCII white space and
 * , / - . ; : ( ), NBSP, en and em dash.  *len is its length in bytes. */
static bool likert_separator(const char *s, size_t n, size_t i, size_t *len)
{
	static const char single[] = " \t\r\n\v\f,/-.;:()";
	*len = 1;
	if (s[i] != '\0' && strchr(single, s[i]))
		return true;
	if (n - i >= 2 && memcmp(s + i, "\xC2\xA0", 2) == 0) {
		*len = 2;
		return true;
	}
	if (n - i >= 3 && (memcmp(s + i, "\xE2\x80\x93", 3) == 0 ||
	                   memcmp(s + i, "\xE2\x80\x94", 3) == 0)) {
		*len = 3;
		return true;
	}
	return false;
}

/* Writes the comparison form of s[0..n) (see fields.h) into out[0..cap);
 * returns its length, or cap + 1 when it does not fit (no scale text is that
 * long, so such an answer is unknown). */
static size_t likert_fold(const char *s, size_t n, char *out, size_t cap)
{
	size_t len = 0;
	bool space = false;
	for (size_t i = 0; i < n;) {
		size_t sep;
		if (likert_separator(s, n, i, &sep)) {
			space = len > 0;
			i += sep;
			continue;
		}
		if (len + 3 > cap)
			return cap + 1;
		if (space)
			out[len++] = ' ';
		space = false;
		if (s[i] == '\xC3' && i + 1 < n &&
		    (s[i + 1] == '\x84' || s[i + 1] == '\x96' || s[i + 1] == '\x9C')) {
			/* Ä Ö Ü -> ä ö ü */
			out[len++] = s[i];
			out[len++] = (char)(s[i + 1] + 0x20);
			i += 2;
		} else {
			out[len++] = (char)ascii_lower(s[i++]);
		}
	}
	return len;
}

/* The built-in 5-point agreement scales, already in comparison form.  German
 * "trifft nicht zu" / "trifft zu" are left out on purpose: they are the ends
 * (1, 5) of the common "trifft nicht zu ... trifft eher zu ... trifft zu"
 * scale but 2 and 4 beside "trifft gar nicht zu", so only the file's own
 * scale (a custom entry) can say which. */
static const struct scale_word likert_builtin[] = {
	/* Dutch */
	{ "helemaal mee oneens", 1 }, { "helemaal oneens", 1 }, { "helemaal niet mee eens", 1 },
	{ "mee oneens", 2 }, { "oneens", 2 }, { "niet mee eens", 2 },
	{ "neutraal", 3 }, { "niet eens niet oneens", 3 }, { "noch eens noch oneens", 3 },
	{ "niet mee eens niet mee oneens", 3 },
	{ "mee eens", 4 }, { "eens", 4 },
	{ "helemaal mee eens", 5 }, { "helemaal eens", 5 },
	/* English */
	{ "strongly disagree", 1 }, { "disagree", 2 },
	{ "neither agree nor disagree", 3 }, { "neutral", 3 },
	{ "agree", 4 }, { "strongly agree", 5 },
	/* German ("neutral" as in English) */
	{ "stimme \xC3\xBC" "berhaupt nicht zu", 1 }, { "stimme gar nicht zu", 1 },
	{ "trifft \xC3\xBC" "berhaupt nicht zu", 1 }, { "trifft gar nicht zu", 1 },
	{ "stimme nicht zu", 2 }, { "stimme eher nicht zu", 2 }, { "trifft eher nicht zu", 2 },
	{ "weder noch", 3 }, { "teils teils", 3 },
	{ "stimme zu", 4 }, { "stimme eher zu", 4 }, { "trifft eher zu", 4 },
	{ "stimme voll und ganz zu", 5 }, { "stimme voll zu", 5 }, { "stimme v\xC3\xB6llig zu", 5 },
	{ "trifft voll und ganz zu", 5 }, { "trifft voll zu", 5 }, { "trifft v\xC3\xB6llig zu", 5 },
};

/* "4", "4.0", "4 - Eens", "5 (Helemaal mee eens)" -> the number; else 0. */
static int likert_number(const char *s, size_t n)
{
	long v;
	if (parse_integer(s, n, &v) == FIELD_OK)
		return v >= 1 && v <= 5 ? (int)v : 0;
	if (n < 2 || s[0] < '1' || s[0] > '5')
		return 0;
	/* The label after the number must start with a letter: "4.5", "1-2" and
	 * "4 5" are not a level with a label. */
	size_t i = 1;
	while (i < n && (unsigned char)s[i] < 0x80 && !is_digit(s[i]) && !is_ascii_letter(s[i]))
		i++;
	if (i == 1 || (i < n && is_digit(s[i])))
		return 0;
	return s[0] - '0';
}

int parse_likert_text(const char *s, size_t n, const struct scale_word *custom,
                      size_t ncustom)
{
	char text[128], scale[128];
	s = trim_span(s, &n);
	size_t len = likert_fold(s, n, text, sizeof(text));
	if (len == 0 || len > sizeof(text))
		return 0;
	for (size_t k = 0; k < ncustom; k++) {
		if (!custom[k].text)
			continue;
		size_t slen = likert_fold(custom[k].text, strlen(custom[k].text), scale, sizeof(scale));
		if (slen == len && memcmp(scale, text, len) == 0)
			return custom[k].value >= 1 && custom[k].value <= 5 ? custom[k].value : 0;
	}
	int number = likert_number(s, n);
	if (number)
		return number;
	for (size_t k = 0; k < sizeof(likert_builtin) / sizeof(likert_builtin[0]); k++)
		if (span_equals(text, len, likert_builtin[k].text))
			return likert_builtin[k].value;
	return 0;
}

enum field_error parse_number_with_unit(const char *s, size_t n, double *out)
{
	s = trim_span(s, &n);
	if (n == 0)
		return FIELD_EMPTY;
	size_t i = 0;
	if (s[i] == '+' || s[i] == '-')
		i++;
	while (i < n && is_digit(s[i]))
		i++;
	if (i < n && (s[i] == '.' || s[i] == ','))
		i++;
	while (i < n && is_digit(s[i]))
		i++;
	double v;
	if (parse_number(s, i, &v) != FIELD_OK)
		return FIELD_NOT_NUMBER;
	/* the unit: white space and Latin letters, no digits or signs ("2-3 dagen"),
	 * and no U+FFFD: a damaged number is not a number with a unit */
	const unsigned char *u = (const unsigned char *)s;
	while (i < n) {
		size_t len = 1;
		uint32_t cp = u[i] >= 0x80 ? utf8_decode(u, n, i, &len) : u[i];
		bool latin = cp >= 0xC0 && cp <= 0x24F && cp != 0xD7 && cp != 0xF7;
		if (s[i] != ' ' && s[i] != '\t' && !is_ascii_letter(s[i]) && !latin)
			return FIELD_NOT_NUMBER;
		i += len;
	}
	*out = v;
	return FIELD_OK;
}
