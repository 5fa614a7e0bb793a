/* fuzz_xlsx.c - libFuzzer harness for the .xlsx reader (gen/xlsxin*.c).
 *
 * The first byte picks the options and how the rest is read:
 *   bit 0 = 0: the rest is a whole archive, read as it is (seeds are tiny real
 *              workbooks, mostly stored uncompressed so that mutations reach the
 *              XML; libzip's CRC check then only fails at the end of a part);
 *   bit 0 = 1: the rest is up to five parts separated by "|PART|": workbook.xml,
 *              its relationships, the sheet, shared strings, styles.  They are
 *              zipped here, so mutations exercise the XML handling, not libzip.
 *   bits 1-2:  the sheet option: none, "1", "2", "Blad1";
 *   bit 3:     pad_to_header.
 * Limits are lowered so that every limit can be reached in a short run.  Besides
 * crashes it checks what xlsxin.h promises of every record, and that the sheet
 * scanner (xlsxin_scan.c) reads every input as expat alone does. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <zip.h>

#include "util.h"
#include "xlsxin.h"
#include "xlsxin_scan.h"

#define SEPARATOR "|PART|"

struct seen {
	long last_line;
	struct buf text;         /* the records, for the comparison with expat */
};

static int check_record(const struct csv_record *rec, void *ctx)
{
	struct seen *s = ctx;
	size_t total = 0, nonempty = 0;
	if (rec->line <= s->last_line || rec->line > XLSXIN_MAX_ROWS)
		abort();                         /* rows only go forward */
	s->last_line = rec->line;
	if (rec->count == 0 || rec->count > XLSXCELL_MAX_COLUMNS)
		abort();
	for (size_t i = 0; i < rec->count; i++) {
		const struct csv_field *f = &rec->fields[i];
		if (f->data[f->len] != '\0' || strlen(f->data) != f->len)
			abort();                     /* NUL-terminated, no NUL inside */
		if (!utf8_valid(f->data, f->len))
			abort();                     /* every field is UTF-8 */
		total += f->len;
		nonempty += f->len > 0;
	}
	if (nonempty == 0 || total > CSVIN_MAX_RECORD_BYTES)
		abort();                         /* blank rows are skipped */
	buf_printf(&s->text, "%ld", rec->line);
	for (size_t i = 0; i < rec->count; i++)
		buf_printf(&s->text, "|%d%s", rec->fields[i].quoted, rec->fields[i].data);
	buf_putc(&s->text, '\n');
	return 0;
}

/* Zips the parts of data[0..len) into a buffer the caller frees. */
static void *parts_zip(const uint8_t *data, size_t len, size_t *out_len)
{
	static const char *const names[] = { "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
	                                     "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml",
	                                     "xl/styles.xml" };
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	void *out = NULL;
	*out_len = 0;
	if (!z)
		abort();
	zip_source_keep(src);
	const uint8_t *p = data, *end = data + len;
	for (size_t i = 0; i < ARRAY_LEN(names) && p <= end; i++) {
		const uint8_t *q = p;
		size_t sep = strlen(SEPARATOR);
		while (q + sep <= end && memcmp(q, SEPARATOR, sep) != 0)
			q++;
		if (q + sep > end)
			q = end;
		zip_source_t *part = zip_source_buffer(z, p, (zip_uint64_t)(q - p), 0);
		zip_int64_t idx = part ? zip_file_add(z, names[i], part, 0) : -1;
		if (idx < 0)
			abort();
		zip_set_file_compression(z, (zip_uint64_t)idx, ZIP_CM_STORE, 0);   /* fast */
		p = q + sep;
	}
	if (zip_close(z) != 0)
		abort();
	zip_stat_t st;
	if (zip_source_stat(src, &st) == 0 && zip_source_open(src) == 0) {
		out = xmalloc(st.size ? st.size : 1);
		zip_int64_t n = zip_source_read(src, out, st.size);
		*out_len = n > 0 ? (size_t)n : 0;
		zip_source_close(src);
	}
	zip_source_free(src);
	zip_error_fini(&ze);
	return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const sheets[4] = { NULL, "1", "2", "Blad1" };
	static const struct xlsxin_limits limits = {
		.sheet_bytes = 4 << 20, .part_bytes = 1 << 20, .ratio = 100,
		.ratio_floor = 256 << 10, .shared_strings = 1000,
	};
	if (size < 1)
		return 0;
	struct xlsxin_options opt = { .sheet = sheets[(data[0] >> 1) & 3],
	                              .pad_to_header = data[0] & 8, .limits = &limits };
	const void *book = data + 1;
	size_t book_len = size - 1;
	void *zipped = NULL;
	if (data[0] & 1) {
		zipped = parts_zip(data + 1, size - 1, &book_len);
		book = zipped;
	}
	/* Read by the sheet scanner, then by expat alone: the same status, message
	 * and records (xlsxin_scan.c). */
	struct seen s[2] = { { 0 }, { 0 } };
	struct xlsxin_info info;
	int rc[2];
	char *msg[2];
	size_t msg_len[2];
	for (int i = 0; i < 2; i++) {
		FILE *err = open_memstream(&msg[i], &msg_len[i]);
		if (!err)
			abort();
		if (i)
			setenv(XLSXIN_EXPAT_ENV, "1", 1);
		rc[i] = xlsxin_read_buffer("fuzz.xlsx", book, book_len, &opt, check_record, &s[i],
		                           &info, err);
		unsetenv(XLSXIN_EXPAT_ENV);
		fclose(err);
		if (rc[i] != 0 && rc[i] != EXIT_DATA)
			abort();                     /* a buffer cannot fail to be read */
		if (rc[i] == 0 && info.records < 0)
			abort();
	}
	if (rc[0] != rc[1] || strcmp(msg[0], msg[1]) != 0 ||
	    strcmp(s[0].text.data ? s[0].text.data : "", s[1].text.data ? s[1].text.data : "") != 0)
		abort();                         /* the scanner read it otherwise than expat */
	for (int i = 0; i < 2; i++) {
		free(msg[i]);
		buf_free(&s[i].text);
	}
	free(zipped);
	return 0;
}
