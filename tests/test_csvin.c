/* test_csvin.c - encodings, delimiters, quoting, blank lines, line numbers and
 * limits of the CSV reader (SPEC §2, §11.1-5, §11.35). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "csvin.h"
#include "tests.h"
#include "util.h"

/* The outcome of one read: every record dumped as "line:field|field\n", quoted
 * fields in double quotes, LF inside a field written as \n and CR as \r. */
static struct {
	int status;
	struct buf dump;
	char *err;
	size_t err_len;
	struct csvin_info info;
	long stop_after;              /* > 0: fn returns 1 at this record */
	long seen;
	size_t max_len;               /* longest field seen */
	size_t max_count;             /* most fields in one record */
} got;

static int collect(const struct csv_record *rec, void *ctx)
{
	(void)ctx;
	buf_printf(&got.dump, "%ld:", rec->line);
	if (rec->count > got.max_count)
		got.max_count = rec->count;
	for (size_t i = 0; i < rec->count; i++) {
		const struct csv_field *f = &rec->fields[i];
		if (f->len > got.max_len)
			got.max_len = f->len;
		if (f->data[f->len] != '\0')
			buf_puts(&got.dump, "<not terminated>");
		if (i)
			buf_putc(&got.dump, '|');
		if (f->len > 1000) {
			buf_printf(&got.dump, "<%zu bytes>", f->len);
			continue;
		}
		if (f->quoted)
			buf_putc(&got.dump, '"');
		for (size_t k = 0; k < f->len; k++) {
			char c = f->data[k];
			if (c == '\n')
				buf_puts(&got.dump, "\\n");
			else if (c == '\r')
				buf_puts(&got.dump, "\\r");
			else if (c == '\0')
				buf_puts(&got.dump, "\\0");
			else
				buf_putc(&got.dump, c);
		}
		if (f->quoted)
			buf_putc(&got.dump, '"');
	}
	buf_putc(&got.dump, '\n');
	got.seen++;
	return got.stop_after > 0 && got.seen >= got.stop_after;
}

static void reset(void)
{
	buf_reserve(&got.dump, 0);     /* dump.data is never NULL */
	buf_clear(&got.dump);
	free(got.err);
	got.err = NULL;
	got.seen = 0;
	got.max_len = got.max_count = 0;
	memset(&got.info, 0, sizeof(got.info));
}

static void run_opt(const char *data, size_t len, enum encoding_mode enc, char delim)
{
	struct csvin_options opt = { .encoding = enc, .delimiter = delim };
	reset();
	FILE *err = open_memstream(&got.err, &got.err_len);
	got.status = csvin_read_buffer("t.csv", data, len, &opt, collect, NULL, &got.info, err);
	fclose(err);
}

#define RUN(s) run_opt((s), sizeof(s) - 1, ENCODING_AUTO, 0)
#define RUN_ENC(s, e) run_opt((s), sizeof(s) - 1, (e), 0)
#define RUN_DELIM(s, d) run_opt((s), sizeof(s) - 1, ENCODING_AUTO, (d))

/* Encodes UTF-8 text as UTF-16 with a byte order mark. */
static void to_utf16(struct buf *out, const char *utf8, bool big_endian)
{
	const unsigned char *s = (const unsigned char *)utf8;
	buf_clear(out);
	unsigned units[2];
	buf_append(out, big_endian ? "\xFE\xFF" : "\xFF\xFE", 2);
	while (*s) {
		unsigned cp, n;
		if (*s < 0x80) {
			cp = *s;
			n = 1;
		} else if (*s < 0xE0) {
			cp = *s & 0x1F;
			n = 2;
		} else if (*s < 0xF0) {
			cp = *s & 0x0F;
			n = 3;
		} else {
			cp = *s & 0x07;
			n = 4;
		}
		for (unsigned k = 1; k < n; k++)
			cp = cp << 6 | (s[k] & 0x3F);
		s += n;
		int count = 1;
		if (cp >= 0x10000) {
			units[0] = 0xD800 | ((cp - 0x10000) >> 10);
			units[1] = 0xDC00 | ((cp - 0x10000) & 0x3FF);
			count = 2;
		} else {
			units[0] = cp;
		}
		for (int k = 0; k < count; k++) {
			char b[2] = { (char)(units[k] & 0xFF), (char)(units[k] >> 8) };
			if (big_endian) {
				char t = b[0];
				b[0] = b[1];
				b[1] = t;
			}
			buf_append(out, b, 2);
		}
	}
}

static void test_basic_and_info(void)
{
	RUN("a,b\n1,2\n");
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "1:a|b\n2:1|2\n");
	CHECK_INT(got.info.delimiter, ',');
	CHECK_INT(got.info.encoding, CSV_UTF8);
	CHECK_INT(got.info.records, 2);
	CHECK_INT(got.info.bytes, 8);
	CHECK_STR(got.err, "");

	/* no newline at the end */
	RUN("a,b\n1,2");
	CHECK_STR(got.dump.data, "1:a|b\n2:1|2\n");
	RUN("a,b\n1,");
	CHECK_STR(got.dump.data, "1:a|b\n2:1|\n");

	/* empty input, only blank lines */
	RUN("");
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "");
	CHECK_INT(got.info.records, 0);
	CHECK_INT(got.info.delimiter, ',');
	RUN("\n \n\t\r\n");
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "");

	/* fn stops the reading: still success */
	got.stop_after = 2;
	RUN("h\n1\n2\n3\n");
	got.stop_after = 0;
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "1:h\n2:1\n");
	CHECK_INT(got.info.records, 2);
}

static void test_encodings(void)
{
	/* UTF-8 byte order mark removed */
	RUN("\xEF\xBB\xBFname,x\nZo\xC3\xAB,1\n");
	CHECK_STR(got.dump.data, "1:name|x\n2:Zo\xC3\xAB|1\n");
	CHECK_INT(got.info.encoding, CSV_UTF8_BOM);
	/* ... also when windows-1252 is forced */
	RUN_ENC("\xEF\xBB\xBFname\nM\xFCller\n", ENCODING_WINDOWS1252);
	CHECK_STR(got.dump.data, "1:name\n2:M\xC3\xBCller\n");
	CHECK_INT(got.info.encoding, CSV_WINDOWS1252);
	/* a BOM in the middle is a character */
	RUN("a\n\xEF\xBB\xBF" "b\n");
	CHECK_STR(got.dump.data, "1:a\n2:\xEF\xBB\xBF" "b\n");
	CHECK_INT(got.info.encoding, CSV_UTF8);
	/* a BOM alone, then the header on line 1 */
	RUN("\xEF\xBB\xBF\nh\n");
	CHECK_STR(got.dump.data, "2:h\n");

	/* windows-1252: the whole file, also the line that looked like UTF-8 */
	RUN("name\nZo\xC3\xAB\nM\xFCller\n\x80\n\x81\n\x8D\x8F\x90\x9D\n\x9F\xA0\xFF\n\x93q\x94\n");
	CHECK_INT(got.status, 0);
	CHECK_INT(got.info.encoding, CSV_WINDOWS1252);
	CHECK_STR(got.dump.data,
	          "1:name\n2:Zo\xC3\x83\xC2\xAB\n3:M\xC3\xBCller\n4:\xE2\x82\xAC\n5:\xC2\x81\n"
	          "6:\xC2\x8D\xC2\x8F\xC2\x90\xC2\x9D\n7:\xC5\xB8\xC2\xA0\xC3\xBF\n"
	          "8:\xE2\x80\x9Cq\xE2\x80\x9D\n");
	CHECK_STR(got.err, "");
	/* overlong, surrogate, above U+10FFFF, cut-off sequence: not UTF-8 */
	RUN("\xC0\xAF\n");
	CHECK_INT(got.info.encoding, CSV_WINDOWS1252);
	CHECK_STR(got.dump.data, "1:\xC3\x80\xC2\xAF\n");
	RUN("\xED\xA0\x80\n");
	CHECK_INT(got.info.encoding, CSV_WINDOWS1252);
	RUN("\xF4\x90\x80\x80\n");
	CHECK_INT(got.info.encoding, CSV_WINDOWS1252);
	RUN("ab\xC3");
	CHECK_INT(got.info.encoding, CSV_WINDOWS1252);
	CHECK_STR(got.dump.data, "1:ab\xC3\x83\n");
	/* valid 4-byte UTF-8 stays UTF-8 */
	RUN("\xF0\x9F\x98\x80\n");
	CHECK_INT(got.info.encoding, CSV_UTF8);
	CHECK_STR(got.dump.data, "1:\xF0\x9F\x98\x80\n");

	/* windows-1252 forced: converted even when it is valid UTF-8 */
	RUN_ENC("Zo\xC3\xAB\n", ENCODING_WINDOWS1252);
	CHECK_STR(got.dump.data, "1:Zo\xC3\x83\xC2\xAB\n");

	/* utf-8 forced: valid passes, invalid is a whole-file error naming the line */
	RUN_ENC("a\nZo\xC3\xAB\n", ENCODING_UTF8);
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "1:a\n2:Zo\xC3\xAB\n");
	RUN_ENC("a\n\nb\r\nM\xFCller\n", ENCODING_UTF8);
	CHECK_INT(got.status, 1);
	CHECK_STR(got.dump.data, "");
	CHECK(strncmp(got.err, "aireport: t.csv:4: not valid UTF-8", 34) == 0);
	CHECK_INT(got.err_len > 0 && got.err[got.err_len - 1] == '\n', 1);
	CHECK(strchr(got.err, '\n') == got.err + got.err_len - 1);  /* one line */

	/* a UTF-8 BOM but invalid bytes: UTF-8 with U+FFFD, one warning */
	RUN("\xEF\xBB\xBFh\nM\xFCller\n");
	CHECK_INT(got.status, 0);
	CHECK_INT(got.info.encoding, CSV_UTF8_BOM);
	CHECK_STR(got.dump.data, "1:h\n2:M\xEF\xBF\xBDller\n");
	CHECK(strncmp(got.err, "aireport: warning: t.csv:2: not valid UTF-8", 43) == 0);
	RUN_ENC("\xEF\xBB\xBFh\nM\xFCller\n", ENCODING_UTF8);
	CHECK_INT(got.status, 1);
}

static void test_utf16(void)
{
	struct buf b = { 0 };
	const char *text = "name\tcity\r\nM\xC3\xBCller\t\xE2\x82\xAC 5\r\n"
	                   "\"a\tb\"\t\xF0\x9F\x98\x80\r\n\r\nx\ty";
	const char *want = "1:name|city\n2:M\xC3\xBCller|\xE2\x82\xAC 5\n"
	                   "3:\"a\tb\"|\xF0\x9F\x98\x80\n5:x|y\n";
	for (int be = 0; be < 2; be++) {
		to_utf16(&b, text, be);
		run_opt(b.data, b.len, ENCODING_AUTO, 0);
		CHECK_INT(got.status, 0);
		CHECK_STR(got.dump.data, want);
		CHECK_INT(got.info.encoding, be ? CSV_UTF16BE : CSV_UTF16LE);
		CHECK_INT(got.info.delimiter, '\t');
		CHECK_INT(got.info.records, 4);
		/* the BOM wins over the setting */
		run_opt(b.data, b.len, ENCODING_UTF8, 0);
		CHECK_INT(got.status, 0);
		CHECK_STR(got.dump.data, want);
		run_opt(b.data, b.len, ENCODING_WINDOWS1252, 0);
		CHECK_STR(got.dump.data, want);
	}
	/* ';' detected in UTF-16 too */
	to_utf16(&b, "a;b\n1,5;2\n", false);
	run_opt(b.data, b.len, ENCODING_AUTO, 0);
	CHECK_INT(got.info.delimiter, ';');
	CHECK_STR(got.dump.data, "1:a|b\n2:1,5|2\n");
	/* unpaired surrogate, NUL, odd last byte */
	run_opt("\xFF\xFE" "a\0\x00\xD8" "b\0\n\0c\0\0\0d\0\x41", 17, ENCODING_AUTO, 0);
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "1:a\xEF\xBF\xBD" "b\n2:c\xEF\xBF\xBD" "d\xEF\xBF\xBD\n");
	/* BOM only */
	run_opt("\xFE\xFF", 2, ENCODING_AUTO, 0);
	CHECK_INT(got.status, 0);
	CHECK_INT(got.info.records, 0);
	CHECK_INT(got.info.encoding, CSV_UTF16BE);
	buf_free(&b);
}

static void test_delimiter(void)
{
	RUN("a;b;c\n1;2;3\n");
	CHECK_INT(got.info.delimiter, ';');
	CHECK_STR(got.dump.data, "1:a|b|c\n2:1|2|3\n");
	RUN("a\tb\n1\t2\n");
	CHECK_INT(got.info.delimiter, '\t');
	RUN("abc\n1,2;3\n");
	CHECK_INT(got.info.delimiter, ',');      /* none at all */
	CHECK_STR(got.dump.data, "1:abc\n2:1|2;3\n");
	/* ties: ',' then ';' then TAB */
	RUN("a,b;c\n");
	CHECK_INT(got.info.delimiter, ',');
	RUN("a;b\tc\n");
	CHECK_INT(got.info.delimiter, ';');
	RUN("a,b\tc;d\n");
	CHECK_INT(got.info.delimiter, ',');
	RUN("a\tb;c;d\te\tf\n");
	CHECK_INT(got.info.delimiter, '\t');
	/* only outside quotes */
	RUN("\"a,b,c\";d;e\n");
	CHECK_INT(got.info.delimiter, ';');
	CHECK_STR(got.dump.data, "1:\"a,b,c\"|d|e\n");
	RUN("\"x;\"\"y;z\",a\n");
	CHECK_INT(got.info.delimiter, ',');
	RUN(" \"a;b;c\" ,d\n");
	CHECK_INT(got.info.delimiter, ',');
	/* a quote inside an unquoted field does not open quotes */
	RUN("a\"b;c;d\",e\n");
	CHECK_INT(got.info.delimiter, ';');
	/* the first non-blank line decides */
	RUN("\n  \r\n\ta;b\n1,2,3,4\n");
	CHECK_INT(got.info.delimiter, ';');
	CHECK_STR(got.dump.data, "3:a|b\n4:1,2,3,4\n");
	/* the setting overrides */
	RUN_DELIM("a,b;c\n", ';');
	CHECK_INT(got.info.delimiter, ';');
	CHECK_STR(got.dump.data, "1:a,b|c\n");
	RUN_DELIM("a,b\tc\n", '\t');
	CHECK_STR(got.dump.data, "1:a,b|c\n");
	/* semicolons with decimal commas (Excel NL/DE) */
	RUN("name;hours;rate\nAnn;1,5;\"2,25\"\n");
	CHECK_STR(got.dump.data, "1:name|hours|rate\n2:Ann|1,5|\"2,25\"\n");
}

static void test_quoting(void)
{
	/* delimiters and newlines inside quotes; line numbers stay physical */
	RUN("a,b\n\"x,y\",\"line1\nline2\n\nline4\"\nc,d\n");
	CHECK_STR(got.dump.data, "1:a|b\n2:\"x,y\"|\"line1\\nline2\\n\\nline4\"\n6:c|d\n");
	/* CRLF inside a quoted field becomes LF */
	RUN("a\r\n\"p\r\nq\"\r\nz\r\n");
	CHECK_STR(got.dump.data, "1:a\n2:\"p\\nq\"\n4:z\n");
	/* "" escapes */
	RUN("\"say \"\"hi\"\"\",x\n\"\",\"\"\"\"\n");
	CHECK_STR(got.dump.data, "1:\"say \"hi\"\"|x\n2:\"\"|\"\"\"\n");
	/* text after the closing quote is kept; the next lines are not swallowed */
	RUN("\"abc\"def,ghi\nnext,line\n");
	CHECK_STR(got.dump.data, "1:\"abcdef\"|ghi\n2:next|line\n");
	RUN("\"abc\"def\n");
	CHECK_STR(got.dump.data, "1:\"abcdef\"\n");
	RUN("\"abc\" def ,x\n\"a\"b\"c\",y\n");
	CHECK_STR(got.dump.data, "1:\"abc def\"|x\n2:\"ab\"c\"\"|y\n");
	RUN("\"a\"  \"b,c\n");
	CHECK_STR(got.dump.data, "1:\"a  \"b\"|c\n");
	/* spaces before an opening and after a closing quote are ignored */
	RUN_DELIM("  \"a b\"  ,\t\" c \"\t\n", ',');
	CHECK_STR(got.dump.data, "1:\"a b\"|\" c \"\n");
	RUN("x, \"q\" \r\n");
	CHECK_STR(got.dump.data, "1:x|\"q\"\n");
	/* a quote inside an unquoted field is ordinary */
	RUN("ab\"c,d\nx \"y\" z,\"\n5\"\"6,7\n");
	CHECK_STR(got.dump.data, "1:ab\"c|d\n2:x \"y\" z|\"\\n5\"6,7\\n\"\n");
	RUN("12\" screen,2\nnext,3\n");
	CHECK_STR(got.dump.data, "1:12\" screen|2\n2:next|3\n");
	/* an unclosed quote runs to the end of the file */
	RUN("a,b\n\"open,x\nmore\n");
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "1:a|b\n2:\"open,x\\nmore\\n\"\n");
	RUN("a,b\n1,\"open\r\nmore");
	CHECK_STR(got.dump.data, "1:a|b\n2:1|\"open\\nmore\"\n");
	/* closing quote as the very last byte, with trailing spaces */
	RUN("\"a\"  ");
	CHECK_STR(got.dump.data, "1:\"a\"\n");
	/* trimming of unquoted fields, not of quoted ones */
	RUN(" a ,\tb\t, \" c \" ,  d e  \n");
	CHECK_STR(got.dump.data, "1:a|b|\" c \"|d e\n");
	RUN_DELIM(" a \t b\t\" c \"\n", '\t');
	CHECK_STR(got.dump.data, "1:a|b|\" c \"\n");
}

static void test_lines(void)
{
	/* blank lines are skipped and not passed; numbering stays physical */
	RUN("\n\n  \na,b\n\n1,2\n   \n\t\n \r\n\r\n3,4\n\n");
	CHECK_STR(got.dump.data, "4:a|b\n6:1|2\n11:3|4\n");
	CHECK_INT(got.info.records, 3);
	/* ",,,," is a record of five empty fields */
	RUN("a,b,c,d,e\n,,,,\n  ,  \n");
	CHECK_STR(got.dump.data, "1:a|b|c|d|e\n2:||||\n3:|\n");
	CHECK_INT(got.max_count, 5);
	/* LF, CRLF and lone CR, mixed */
	RUN("a\r\nb\nc\rd\r\n\re\n");
	CHECK_STR(got.dump.data, "1:a\n2:b\n3:c\n4:d\n6:e\n");
	/* after multi-line quoted fields */
	RUN("h1,h2\r\n\"1\r\n2\r\n3\",x\r\n\r\ny,\"\n\"\nz,z\n");
	CHECK_STR(got.dump.data, "1:h1|h2\n2:\"1\\n2\\n3\"|x\n6:y|\"\\n\"\n8:z|z\n");
	/* a lone CR inside quotes is a line break too */
	RUN("\"a\rb\"\rc\r");
	CHECK_STR(got.dump.data, "1:\"a\\nb\"\n3:c\n");
}

static void test_nul(void)
{
	static const char data[] = "a\0b,c\n\0,\"q\0\"\n";
	run_opt(data, sizeof(data) - 1, ENCODING_AUTO, 0);
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "1:a\xEF\xBF\xBD" "b|c\n2:\xEF\xBF\xBD|\"q\xEF\xBF\xBD\"\n");
	static const char cp[] = "M\xFC\0\n";
	run_opt(cp, sizeof(cp) - 1, ENCODING_AUTO, 0);
	CHECK_INT(got.info.encoding, CSV_WINDOWS1252);
	CHECK_STR(got.dump.data, "1:M\xC3\xBC\xEF\xBF\xBD\n");
}

static void test_sizes_and_limits(void)
{
	struct buf b = { 0 };

	/* a 10 MB field, unquoted and quoted (with delimiters and newlines) */
	buf_puts(&b, "h,x\n");
	for (int i = 0; i < 10 * 1000 * 1000 / 10; i++)
		buf_append(&b, "abcdefghi ", 10);
	buf_puts(&b, "z,1\n\"");
	for (int i = 0; i < 10 * 1000 * 1000 / 10; i++)
		buf_append(&b, "a,cd\nfghij", 10);
	buf_puts(&b, "\",2\nend,3\n");
	run_opt(b.data, b.len, ENCODING_AUTO, 0);
	CHECK_INT(got.status, 0);
	CHECK_STR(got.dump.data, "1:h|x\n2:<10000001 bytes>|1\n3:<10000000 bytes>|2\n1000004:end|3\n");

	/* CSVIN_MAX_FIELDS fields are fine, one more is an error */
	buf_clear(&b);
	buf_puts(&b, "h\n");
	for (int i = 1; i < CSVIN_MAX_FIELDS; i++)
		buf_putc(&b, ',');
	buf_puts(&b, "\n\n\"a\"");
	for (int i = 1; i <= CSVIN_MAX_FIELDS; i++)
		buf_append(&b, ",\"a\"", 4);
	buf_putc(&b, '\n');
	run_opt(b.data, b.len, ENCODING_AUTO, 0);
	CHECK_INT(got.status, 1);
	CHECK_INT(got.seen, 2);
	CHECK_INT(got.max_count, CSVIN_MAX_FIELDS);
	CHECK_STR(got.err, "aireport: t.csv:4: record has more than 10000 fields\n");

	/* a million delimiters on one line: the limit, quickly */
	buf_clear(&b);
	buf_puts(&b, "a,b\n1,");
	for (int i = 0; i < 1000000; i++)
		buf_putc(&b, ';');
	buf_puts(&b, "\"\n");
	run_opt(b.data, b.len, ENCODING_AUTO, ';');
	CHECK_INT(got.status, 1);
	CHECK_STR(got.err, "aireport: t.csv:2: record has more than 10000 fields\n");

	/* a record longer than the limit, e.g. an unclosed quote early in a big file */
	buf_clear(&b);
	buf_puts(&b, "a,b\n1,2\n\"never closed,\n");
	while (b.len < CSVIN_MAX_RECORD_BYTES + 4096)
		buf_puts(&b, "2026-01-05,Offertetraject,45,1,0,3\n");
	run_opt(b.data, b.len, ENCODING_AUTO, 0);
	CHECK_INT(got.status, 1);
	CHECK_INT(got.seen, 2);
	CHECK_STR(got.err, "aireport: t.csv:3: record longer than 64 MiB (unclosed quote?)\n");
	buf_free(&b);
}

/* csvin_read over real files: chunk boundaries, missing files. */
static void test_files(void)
{
	char path[] = "/tmp/test_csvin_XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0);
	if (fd < 0)
		return;
	FILE *f = fdopen(fd, "wb");
	/* 3 MB: CRLF, multi-byte characters and quoted CRLFs cross the 1 MiB chunk
	 * boundaries somewhere */
	fputs("\xEF\xBB\xBFid;name;note\r\n", f);
	long n = 0;
	while (ftell(f) < 3 * 1000 * 1000) {
		n++;
		fprintf(f, "%ld;M\xC3\xBCller;\"a\r\nb\"\r\n\r\n", n);
	}
	fclose(f);

	struct csvin_options opt = { .encoding = ENCODING_AUTO };
	struct csvin_info info;
	reset();
	FILE *err = open_memstream(&got.err, &got.err_len);
	int status = csvin_read(path, &opt, collect, NULL, &info, err);
	fclose(err);
	CHECK_INT(status, 0);
	CHECK_STR(got.err, "");
	CHECK_INT(info.records, n + 1);
	CHECK_INT(info.delimiter, ';');
	CHECK_INT(info.encoding, CSV_UTF8_BOM);
	/* every record identical except its number and line */
	struct buf want = { 0 };
	buf_puts(&want, "1:id|name|note\n");
	for (long i = 1; i <= n; i++)
		buf_printf(&want, "%ld:%ld|M\xC3\xBCller|\"a\\nb\"\n", 2 + 3 * (i - 1), i);
	CHECK(got.dump.len == want.len && strcmp(got.dump.data, want.data) == 0);

	/* the same in UTF-16LE and windows-1252 */
	struct buf text = { 0 }, enc = { 0 };
	buf_puts(&text, "id\tname\n");
	for (long i = 1; i <= 200000; i++)
		buf_printf(&text, "%ld\tZo\xC3\xAB \xE2\x82\xAC\n", i);
	to_utf16(&enc, text.data, false);
	f = fopen(path, "wb");
	fwrite(enc.data, 1, enc.len, f);
	fclose(f);
	reset();
	status = csvin_read(path, NULL, collect, NULL, &info, stderr);
	CHECK_INT(status, 0);
	CHECK_INT(info.records, 200001);
	CHECK_INT(info.encoding, CSV_UTF16LE);
	CHECK_INT(info.bytes, (long long)enc.len);
	CHECK(strstr(got.dump.data, "\n200001:200000|Zo\xC3\xAB \xE2\x82\xAC\n") != NULL);

	f = fopen(path, "wb");
	fputs("id\tname\n", f);
	for (long i = 1; i <= 300000; i++)
		fprintf(f, "%ld\tZo\xEB \x80\n", i);
	fclose(f);
	reset();
	status = csvin_read(path, NULL, collect, NULL, &info, stderr);
	CHECK_INT(status, 0);
	CHECK_INT(info.records, 300001);
	CHECK_INT(info.encoding, CSV_WINDOWS1252);
	CHECK(strstr(got.dump.data, "\n300001:300000|Zo\xC3\xAB \xE2\x82\xAC\n") != NULL);

	/* forced utf-8 error far into the file names its line */
	f = fopen(path, "wb");
	for (long i = 1; i <= 100000; i++)
		fprintf(f, "%ld,x\n", i);
	fputs("bad\xFC\n", f);
	fclose(f);
	opt.encoding = ENCODING_UTF8;
	reset();
	err = open_memstream(&got.err, &got.err_len);
	status = csvin_read(path, &opt, collect, NULL, &info, err);
	fclose(err);
	CHECK_INT(status, 1);
	CHECK_INT(got.seen, 0);
	CHECK(strstr(got.err, ":100001: not valid UTF-8") != NULL);

	unlink(path);
	buf_free(&want);
	buf_free(&text);
	buf_free(&enc);

	/* missing file, directory */
	reset();
	err = open_memstream(&got.err, &got.err_len);
	status = csvin_read("/nonexistent/survey.csv", NULL, collect, NULL, NULL, err);
	fclose(err);
	CHECK_INT(status, 3);
	CHECK_STR(got.err, "aireport: /nonexistent/survey.csv: cannot open: No such file or directory\n");
	reset();
	err = open_memstream(&got.err, &got.err_len);
	status = csvin_read("/tmp", NULL, collect, NULL, NULL, err);
	fclose(err);
	CHECK_INT(status, 3);
	CHECK_STR(got.err, "aireport: /tmp: cannot open: Is a directory\n");

	/* a pipe is read once and spooled */
	int fds[2];
	CHECK(pipe(fds) == 0);
	const char pipe_data[] = "a;b\nM\xFCller;1\n";
	CHECK(write(fds[1], pipe_data, sizeof(pipe_data) - 1) == (ssize_t)(sizeof(pipe_data) - 1));
	close(fds[1]);
	char dev[64];
	snprintf(dev, sizeof(dev), "/dev/fd/%d", fds[0]);
	reset();
	status = csvin_read(dev, NULL, collect, NULL, &info, stderr);
	close(fds[0]);
	CHECK_INT(status, 0);
	CHECK_STR(got.dump.data, "1:a|b\n2:M\xC3\xBCller|1\n");
	CHECK_INT(info.bytes, (long long)(sizeof(pipe_data) - 1));
}

void test_csvin(void)
{
	test_basic_and_info();
	test_encodings();
	test_utf16();
	test_delimiter();
	test_quoting();
	test_lines();
	test_nul();
	test_sizes_and_limits();
	test_files();
	buf_free(&got.dump);
	free(got.err);
	got.err = NULL;
}
