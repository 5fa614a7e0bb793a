/* xlsxin.c - streams one worksheet of an .xlsx workbook as csv_records (xlsxin.h).
 *
 * A workbook is a ZIP of XML parts.  This file tells a workbook from other files
 * by its first bytes (an old .xls and a password-protected workbook included),
 * opens the archive from a file or from memory and hands it to xlsxin_book.c,
 * which reads the small parts and then streams the sheet through
 * xlsxin_sheet.c; xlsxin_reader.c holds the plumbing they share.  Memory does
 * not grow with the rows. */
#include "xlsxin.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include <zip.h>

#include "util.h"
#include "xlsxin_book.h"
#include "xlsxin_reader.h"

#define CFB_SCAN_BLOCK ((size_t)64 << 10)    /* a multiple of 128 */

static const unsigned char ZIP_MAGIC[4] = { 'P', 'K', 3, 4 };
static const unsigned char CFB_MAGIC[8] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };

/* true when a 128-byte-aligned block of a CFB file holds a directory entry for
 * a stream named EncryptionInfo or EncryptedPackage (UTF-16LE names, length in
 * bytes with the NUL at 0x40, object type 2 = stream at 0x42). */
static bool cfb_block_has_encryption(const unsigned char *p, size_t n)
{
	static const char *const names[] = { "EncryptionInfo", "EncryptedPackage" };
	for (size_t off = 0; off + 128 <= n; off += 128) {
		const unsigned char *e = p + off;
		unsigned name_bytes = (unsigned)e[0x40] | (unsigned)e[0x41] << 8;
		if (e[0x42] != 2)
			continue;
		for (size_t k = 0; k < ARRAY_LEN(names); k++) {
			size_t len = strlen(names[k]);
			if (name_bytes != (len + 1) * 2)
				continue;
			size_t i = 0;
			while (i < len && e[2 * i] == (unsigned char)names[k][i] && e[2 * i + 1] == 0)
				i++;
			if (i == len)
				return true;
		}
	}
	return false;
}

enum xlsxin_kind xlsxin_classify_buffer(const unsigned char *data, size_t len)
{
	if (len >= 4 && memcmp(data, ZIP_MAGIC, 4) == 0)
		return XLSXIN_ZIP;
	if (len < 8 || memcmp(data, CFB_MAGIC, 8) != 0)
		return XLSXIN_NOT_WORKBOOK;
	/* Directory sectors start after the 512-byte header, at multiples of 128. */
	return len > 512 && cfb_block_has_encryption(data + 512, len - 512) ? XLSXIN_ENCRYPTED
	                                                                     : XLSXIN_OLD_XLS;
}

enum xlsxin_kind xlsxin_classify(const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode))
		return XLSXIN_NOT_WORKBOOK;
	FILE *f = fopen(path, "rb");
	if (!f)
		return XLSXIN_NOT_WORKBOOK;
	unsigned char head[512];
	size_t n = fread(head, 1, sizeof(head), f);
	enum xlsxin_kind kind = xlsxin_classify_buffer(head, n);
	if (kind == XLSXIN_OLD_XLS) {
		/* The directory may lie anywhere: scan the file in aligned blocks (at
		 * most 256 MiB; a bigger encrypted workbook is not an HR export). */
		unsigned char *block = xmalloc(CFB_SCAN_BLOCK);
		long long scanned = 0;
		while (scanned < (256LL << 20)) {
			size_t got = fread(block, 1, CFB_SCAN_BLOCK, f);
			if (cfb_block_has_encryption(block, got)) {
				kind = XLSXIN_ENCRYPTED;
				break;
			}
			if (got < CFB_SCAN_BLOCK)
				break;
			scanned += (long long)got;
		}
		free(block);
	}
	fclose(f);
	return kind;
}

bool xlsxin_is_workbook(const char *path)
{
	return xlsxin_classify(path) != XLSXIN_NOT_WORKBOOK;
}

/* ---- the reader -------------------------------------------------------------- */

static void reader_free(struct reader *r)
{
	for (size_t i = 0; i < r->sheet_count; i++) {
		free(r->sheets[i].name);
		free(r->sheets[i].rel_id);
	}
	free(r->sheets);
	for (size_t i = 0; i < r->rel_count; i++) {
		free(r->rels[i].id);
		free(r->rels[i].type);
		free(r->rels[i].target);
	}
	free(r->rels);
	buf_free(&r->pool);
	free(r->offsets);
	free(r->formats);
	free(r->xf_format);
	free(r->xf_date);
	buf_free(&r->value);
	buf_free(&r->row_text);
	free(r->cells);
	free(r->fields);
	free(r->open_elements);
}

/* Exit status when libzip cannot open an archive.  The file itself was opened
 * before (to read its signature), so apart from a failing open every error,
 * "No such file" for a missing split part and read or seek errors past the end
 * included, means bad content. */
static int zip_open_status(int zip_error)
{
	return zip_error == ZIP_ER_OPEN ? EXIT_IO : EXIT_DATA;
}

static const struct xlsxin_limits default_limits = {
	.sheet_bytes = XLSXIN_MAX_SHEET_BYTES, .part_bytes = XLSXIN_MAX_PART_BYTES,
	.ratio = XLSXIN_MAX_RATIO, .ratio_floor = XLSXIN_RATIO_FLOOR,
	.shared_strings = XLSXIN_MAX_SHARED_STRINGS,
};

/* Reads from the opened archive, or explains why a file of this kind cannot be
 * read. */
static void reader_run(struct reader *r, enum xlsxin_kind kind)
{
	if (kind == XLSXIN_OLD_XLS)
		reader_fail(r, EXIT_DATA, "an Excel 97-2003 workbook (.xls) is not supported; "
		            "save it as .xlsx or CSV");
	else if (kind == XLSXIN_ENCRYPTED)
		reader_fail(r, EXIT_DATA, "the workbook is password-protected (encrypted); "
		            "save a copy without a password, or as CSV");
	else if (kind == XLSXIN_NOT_WORKBOOK)
		reader_fail(r, EXIT_DATA, "not an .xlsx workbook (no ZIP signature)");
	else
		workbook_read(r);
}

static void reader_init(struct reader *r, const char *name, const struct xlsxin_options *opt,
                        csv_record_fn fn, void *ctx, FILE *err)
{
	static const struct xlsxin_options defaults;
	memset(r, 0, sizeof(*r));
	r->name = name;
	r->err = err;
	r->opt = opt ? opt : &defaults;
	r->fn = fn;
	r->ctx = ctx;
	r->lim = r->opt->limits ? *r->opt->limits : default_limits;
}

/* Fills info, releases everything and returns the status of the read. */
static int reader_finish(struct reader *r, struct xlsxin_info *info)
{
	if (info) {
		memset(info, 0, sizeof(*info));
		snprintf(info->sheet, sizeof(info->sheet), "%s", r->sheet_name);
		info->records = r->records;
		info->date1904 = r->date1904;
		info->scanned = r->scanned;
	}
	if (r->zip)
		zip_discard(r->zip);
	reader_free(r);
	return r->failed ? r->status : 0;
}

static void zip_open_fail(struct reader *r, int zip_error)
{
	zip_error_t ze;
	zip_error_init_with_code(&ze, zip_error);
	reader_fail(r, zip_open_status(zip_error), "not a readable ZIP archive (%s); is the "
	            "workbook damaged or cut short?", zip_error_strerror(&ze));
	zip_error_fini(&ze);
}

int xlsxin_read(const char *path, const struct xlsxin_options *opt, csv_record_fn fn,
                void *ctx, struct xlsxin_info *info, FILE *err)
{
	struct reader r;
	reader_init(&r, path, opt, fn, ctx, err);
	enum xlsxin_kind kind = xlsxin_classify(path);
	FILE *f;
	if (kind == XLSXIN_ZIP) {
		int zerr = 0;
		r.zip = zip_open(path, ZIP_RDONLY, &zerr);
		if (!r.zip)
			zip_open_fail(&r, zerr);
	} else if (kind == XLSXIN_NOT_WORKBOOK && (f = fopen(path, "rb")) == NULL) {
		reader_fail(&r, EXIT_IO, "cannot be opened");
	} else if (kind == XLSXIN_NOT_WORKBOOK) {
		fclose(f);
	}
	if (!r.failed)
		reader_run(&r, kind);
	return reader_finish(&r, info);
}

int xlsxin_read_buffer(const char *name, const void *data, size_t len,
                       const struct xlsxin_options *opt, csv_record_fn fn, void *ctx,
                       struct xlsxin_info *info, FILE *err)
{
	struct reader r;
	reader_init(&r, name, opt, fn, ctx, err);
	enum xlsxin_kind kind = xlsxin_classify_buffer(data, len);
	if (kind == XLSXIN_ZIP) {
		zip_error_t ze;
		zip_error_init(&ze);
		zip_source_t *src = zip_source_buffer_create(data, len, 0, &ze);
		if (src)
			r.zip = zip_open_from_source(src, ZIP_RDONLY, &ze);
		if (!r.zip) {
			zip_open_fail(&r, zip_error_code_zip(&ze));
			zip_source_free(src);
		}
		zip_error_fini(&ze);
	}
	if (!r.failed)
		reader_run(&r, kind);
	return reader_finish(&r, info);
}
