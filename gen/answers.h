/* answers.h - free-text answers (SPEC §2.1, §11.9-13): a marker in a tag list or
 * a note, a Likert answer written as words, a number with a unit word.  The
 * typed fields are in fields.h, which includes this. */
#ifndef AIREPORT_ANSWERS_H
#define AIREPORT_ANSWERS_H

#include <stdbool.h>
#include <stddef.h>

#include "fields.h"

/* True when text contains one of the markers as a whole word, ASCII case folded.
 * A marker matches byte for byte (spaces and hyphens included).  Word boundary:
 * the start or end of the text, or a character that is not a letter or digit.
 * Non-ASCII: letters (ö, é, ß, ...) and bytes that are not valid UTF-8 join a
 * word, so "AIö" is no match; punctuation and symbols (U+0080-U+00BF, × ÷,
 * U+2000-U+2BFF such as — “ ” …, U+3000-U+303F, emoji from U+1F000) separate
 * words, so "AI—x" and "AI…" match.  Empty and NULL markers never match. */
bool text_has_marker(const char *s, size_t n, const char *const *markers, size_t count);

/* One answer text of a Likert scale and its level. */
struct scale_word {
	const char *text;
	int value;
};

/* A Likert answer written as text -> 1..5, or 0 when unknown.  Both the answer
 * and the scale texts are compared after trimming, ASCII case folding (Ä Ö Ü
 * fold too), and turning every run of white space, NBSP, en/em dash and
 * , / - . ; : ( ) into one space (so "Teils, teils" = "teils/teils").  Order: a custom entry (its value
 * is returned as is when 1..5; any other value makes the text unknown); a bare
 * integer 1-5 ("4", "4.0"); a leading digit 1-5 followed by a separator that is
 * not a letter or digit and then a label, not a digit ("4 - Eens",
 * "5 (Helemaal mee eens)", "4. Agree"; not "4.5", "1-2", "4 5"); then the built-in Dutch, English and German agreement scales. */
int parse_likert_text(const char *s, size_t n, const struct scale_word *custom,
                      size_t ncustom);

/* A number followed by an optional unit word: "2 dagen", "0,5 dag", "3 days",
 * "2 Tage", "2".  The number per parse_number(), then optional white space and
 * words of letters only (non-ASCII letters as in text_has_marker()); the word is
 * not interpreted.  "2-3 dagen", "~2" and "2 à 3" are FIELD_NOT_NUMBER. */
enum field_error parse_number_with_unit(const char *s, size_t n, double *out);

#endif
