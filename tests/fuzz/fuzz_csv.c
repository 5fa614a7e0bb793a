/* fuzz_csv.c - libFuzzer harness for the CSV reader (gen/csvin.c).
 *
 * The first byte picks the [input] encoding and delimiter; the rest is the file.
 * Besides crashes it checks what csvin.h promises of every record, so a reader that
 * quietly hands over broken fields fails here too. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"
#include "util.h"

struct seen {
	long last_line;
};

static int check_record(const struct csv_record *rec, void *ctx)
{
	struct seen *s = ctx;
	size_t total = 0;
	if (rec->line < 1 || rec->line < s->last_line)
		abort();                         /* lines are physical and never go back */
	s->last_line = rec->line;
	if (rec->count > CSVIN_MAX_FIELDS)
		abort();
	for (size_t i = 0; i < rec->count; i++) {
		const struct csv_field *f = &rec->fields[i];
		if (f->data[f->len] != '\0' || strlen(f->data) != f->len)
			abort();                     /* NUL-terminated, no NUL inside */
		if (!utf8_valid(f->data, f->len))
			abort();                     /* every field is UTF-8 */
		if (!f->quoted && f->len &&
		    (f->data[0] == ' ' || f->data[f->len - 1] == ' '))
			abort();                     /* unquoted fields are trimmed */
		total += f->len;
	}
	if (total > CSVIN_MAX_RECORD_BYTES)
		abort();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *devnull;
	static const enum encoding_mode encodings[4] = { ENCODING_AUTO, ENCODING_UTF8,
	                                                 ENCODING_WINDOWS1252, ENCODING_AUTO };
	static const char delimiters[4] = { 0, ',', ';', '\t' };
	if (!devnull)
		devnull = fopen("/dev/null", "w");
	if (size < 1)
		return 0;
	struct csvin_options opt = { .encoding = encodings[data[0] & 3],
	                             .delimiter = delimiters[(data[0] >> 2) & 3] };
	struct seen s = { 0 };
	struct csvin_info info;
	int rc = csvin_read_buffer("fuzz.csv", (const char *)data + 1, size - 1, &opt,
	                           check_record, &s, &info, devnull);
	if (rc != 0 && rc != EXIT_DATA)
		abort();                         /* a buffer cannot fail to be read */
	if (info.delimiter != ',' && info.delimiter != ';' && info.delimiter != '\t')
		abort();
	return 0;
}
