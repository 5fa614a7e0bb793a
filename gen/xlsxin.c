/* xlsxin.c - streams one worksheet of an .xlsx workbook as csv_records.
 *
 * A workbook is a ZIP of XML parts.  xl/workbook.xml names the sheets in tab
 * order and points at each through xl/_rels/workbook.xml.rels; the sheet XML
 * refers to xl/sharedStrings.xml for most text and to xl/styles.xml for number
 * formats, which alone tell a date from a number.  Those three small parts are
 * read first and kept; the sheet is inflated in chunks straight into expat, so
 * memory does not grow with the rows. */
#include "xlsxin.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <expat.h>
#include <zip.h>

#include "util.h"
#include "xlsxcell.h"

#define READ_CHUNK ((size_t)64 << 10)        /* inflated bytes per XML_Parse */
#define CFB_SCAN_BLOCK ((size_t)64 << 10)    /* a multiple of 128 */
#define NS_SEP '\x01'               /* expat: "namespace-uri\x01local-name" */
#define PROGRESS_MIN_BYTES (8LL << 20)
#define PROGRESS_INTERVAL 0.25
#define SHEET_LIST_MAX 20           /* sheet names listed in an error message */

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

struct sheet_entry {
	char *name;
	char *rel_id;
};

struct relationship {
	char *id;
	char *type;
	char *target;
};

struct custom_format {
	long id;
	bool is_date;
};

enum cell_type { CELL_NUMBER, CELL_SHARED, CELL_INLINE, CELL_FORMULA_STRING,
                 CELL_BOOL, CELL_ERROR, CELL_DATE_TEXT };

struct row_cell {
	int column;
	size_t offset;     /* into reader.row_text, NUL-terminated there */
	size_t len;
	bool quoted;
};

struct reader {
	const char *name;              /* the file as given, for messages */
	FILE *err;
	zip_t *zip;
	const struct xlsxin_options *opt;
	csv_record_fn fn;
	void *ctx;
	struct xlsxin_limits lim;
	int status;
	bool failed;                   /* a message has been printed */
	bool stopped;                  /* fn asked to stop */

	XML_Parser parser;
	const char *part;              /* part being parsed, for messages */

	/* workbook.xml and its relationships */
	bool date1904;
	struct sheet_entry *sheets;
	size_t sheet_count, sheet_cap;
	struct relationship *rels;
	size_t rel_count, rel_cap;
	char sheet_name[256];

	/* sharedStrings.xml: string i is pool[offsets[i] .. offsets[i + 1]) */
	struct buf pool;
	size_t *offsets;
	size_t string_count, offset_cap;
	int si_depth;                  /* inside <si> */
	int phonetic_depth;            /* inside <rPh>: reading aids, not text */
	bool in_text;

	/* styles.xml */
	struct custom_format *formats;
	size_t format_count, format_cap;
	long *xf_format;               /* numFmtId of each cellXfs entry */
	bool *xf_date;
	size_t xf_count, xf_cap;
	bool in_cell_xfs;

	/* the sheet */
	bool in_row, in_cell, in_value, in_inline;
	long row, last_row;
	int column, next_column;
	enum cell_type cell_type;
	long cell_style;
	struct buf value;              /* text of the cell being read */
	struct buf row_text;
	struct row_cell *cells;
	size_t cell_count, cell_cap;
	struct csv_field *fields;
	size_t field_cap;
	size_t header_count;
	long records;

	/* progress */
	bool progress;
	long long part_bytes, part_size;
	double progress_start, progress_last;
	int progress_width;
};

static double now_seconds(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void progress_clear(struct reader *r)
{
	if (r->progress_width > 0)
		fprintf(r->err, "\r%*s\r", r->progress_width, "");
	r->progress_width = 0;
}

static void progress_show(struct reader *r)
{
	double t = now_seconds();
	if (t - r->progress_last < PROGRESS_INTERVAL)
		return;
	r->progress_last = t;
	double elapsed = t - r->progress_start;
	int w = fprintf(r->err, "\r%s: %.1f / %.1f MB of sheet XML, %.0f rows/s ", r->name,
	                (double)r->part_bytes / 1e6, (double)r->part_size / 1e6,
	                elapsed > 0 ? (double)r->records / elapsed : 0.0);
	if (w > r->progress_width)
		r->progress_width = w;
}

/* Prints the one error line of a failed read ("aireport: name: ...") and stops
 * the parser; later failures are consequences and stay silent.  Control
 * characters from the file (a sheet name with &#10;) become '?', so the message
 * stays one line. */
static void reader_fail(struct reader *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
static void reader_fail(struct reader *r, int status, const char *fmt, ...)
{
	if (r->failed)
		return;
	r->failed = true;
	r->status = status;
	progress_clear(r);
	r->progress = false;
	char msg[2048];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	for (char *c = msg; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			*c = '?';
	fprintf(r->err, "aireport: %s: %s\n", r->name, msg);
	if (r->parser)
		XML_StopParser(r->parser, XML_FALSE);
}

/* Same, naming the cell: "aireport: name:Sheet!C14: ...". */
static void reader_fail_cell(struct reader *r, const char *what)
{
	char ref[24];
	xlsxcell_ref(r->row, r->column, ref);
	/* The name in front of the ':' of reader_fail is the file's. */
	const char *name = r->name;
	struct buf full = { 0 };
	buf_printf(&full, "%s:%s!%s", name, r->sheet_name, ref);
	r->name = full.data;
	reader_fail(r, EXIT_DATA, "%s", what);
	r->name = name;
	buf_free(&full);
}

static const char *local_name(const char *name)
{
	const char *s = strrchr(name, NS_SEP);
	return s ? s + 1 : name;
}

static const char *attr_get(const char **atts, const char *name)
{
	for (size_t i = 0; atts[i]; i += 2)
		if (strcmp(local_name(atts[i]), name) == 0)
			return atts[i + 1];
	return NULL;
}

/* A non-negative decimal integer (no sign, no spaces), or -1. */
static long long digits_parse(const char *s, size_t n)
{
	if (n == 0 || n > 15)
		return -1;
	long long v = 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (s[i] - '0');
	}
	return v;
}

static void XMLCALL on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                               const XML_Char *pubid, int has_internal_subset)
{
	(void)name, (void)sysid, (void)pubid, (void)has_internal_subset;
	struct reader *r = ud;
	reader_fail(r, EXIT_DATA, "%s:%lu: refusing a document type declaration "
	            "(<!DOCTYPE>), which a workbook never has", r->part,
	            (unsigned long)XML_GetCurrentLineNumber(r->parser));
}

static void XMLCALL on_entity(void *ud, const XML_Char *name, int is_parameter,
                              const XML_Char *value, int value_len, const XML_Char *base,
                              const XML_Char *sysid, const XML_Char *pubid,
                              const XML_Char *notation)
{
	(void)name, (void)is_parameter, (void)value, (void)value_len, (void)base;
	(void)sysid, (void)pubid, (void)notation;
	struct reader *r = ud;
	reader_fail(r, EXIT_DATA, "%s:%lu: refusing an entity declaration", r->part,
	            (unsigned long)XML_GetCurrentLineNumber(r->parser));
}

static void progress_check(struct reader *r)
{
	if (r->progress)
		progress_show(r);
}

/* Inflates the part at index idx in chunks into a new expat parser with the given
 * handlers.  Returns 0 or the failure status (the message printed). */
static int part_parse(struct reader *r, zip_int64_t idx, const char *name, long long limit,
                      XML_StartElementHandler start, XML_EndElementHandler end,
                      XML_CharacterDataHandler text, bool show_progress)
{
	zip_stat_t st;
	zip_stat_init(&st);
	if (zip_stat_index(r->zip, (zip_uint64_t)idx, 0, &st) != 0) {
		reader_fail(r, EXIT_DATA, "%s: damaged ZIP entry (%s)", name, zip_strerror(r->zip));
		return r->status;
	}
	zip_file_t *f = zip_fopen_index(r->zip, (zip_uint64_t)idx, 0);
	if (!f) {
		reader_fail(r, EXIT_DATA, "%s: cannot be unpacked (%s)", name, zip_strerror(r->zip));
		return r->status;
	}
	long long compressed = (st.valid & ZIP_STAT_COMP_SIZE) ? (long long)st.comp_size : 0;
	XML_Parser p = XML_ParserCreateNS(NULL, NS_SEP);
	if (!p) {
		fprintf(stderr, "aireport: out of memory\n");
		exit(EXIT_IO);
	}
	XML_SetUserData(p, r);
	XML_SetElementHandler(p, start, end);
	XML_SetCharacterDataHandler(p, text);
	/* A workbook part never has a DTD: refuse one before any entity in it could
	 * expand, and never load anything external. */
	XML_SetStartDoctypeDeclHandler(p, on_doctype);
	XML_SetEntityDeclHandler(p, on_entity);
	XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
	r->parser = p;
	r->part = name;
	r->part_bytes = 0;
	r->part_size = (st.valid & ZIP_STAT_SIZE) ? (long long)st.size : 0;
	r->progress = show_progress && r->opt->progress && r->part_size > PROGRESS_MIN_BYTES &&
	              isatty(fileno(r->err));
	r->progress_start = r->progress_last = now_seconds();

	char *chunk = xmalloc(READ_CHUNK);
	for (;;) {
		zip_int64_t n = zip_fread(f, chunk, READ_CHUNK);
		if (n < 0) {
			reader_fail(r, EXIT_DATA, "%s: damaged ZIP data (%s)", name,
			            zip_file_strerror(f));
			break;
		}
		r->part_bytes += n;
		if (r->part_bytes > limit) {
			reader_fail(r, EXIT_DATA, "%s unpacks to more than %lld MiB; refusing it "
			            "as a possible zip bomb", name, limit >> 20);
			break;
		}
		if (r->part_bytes > r->lim.ratio_floor &&
		    r->part_bytes > r->lim.ratio * (compressed > 0 ? compressed : 1)) {
			reader_fail(r, EXIT_DATA, "%s unpacks to more than %lld times its packed "
			            "size; refusing it as a possible zip bomb", name, r->lim.ratio);
			break;
		}
		if (XML_Parse(p, chunk, (int)n, n == 0) == XML_STATUS_ERROR) {
			if (!r->failed && !r->stopped)
				reader_fail(r, EXIT_DATA, "%s:%lu: malformed XML (%s)", name,
				            (unsigned long)XML_GetCurrentLineNumber(p),
				            XML_ErrorString(XML_GetErrorCode(p)));
			break;
		}
		if (r->failed || r->stopped || n == 0)
			break;
		progress_check(r);
	}
	free(chunk);
	if (r->progress)
		progress_clear(r);
	r->progress = false;
	XML_ParserFree(p);
	r->parser = NULL;
	zip_fclose(f);
	return r->failed ? r->status : 0;
}

/* ---- workbook.xml and relationships ------------------------------------------ */

static void XMLCALL workbook_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "workbookPr") == 0) {
		const char *v = attr_get(atts, "date1904");
		r->date1904 = v && (strcmp(v, "1") == 0 || strcmp(v, "true") == 0);
	} else if (strcmp(n, "sheet") == 0) {
		const char *name = attr_get(atts, "name");
		const char *id = attr_get(atts, "id");
		GROW(r->sheets, r->sheet_cap, r->sheet_count + 1);
		r->sheets[r->sheet_count].name = xstrdup(name ? name : "");
		r->sheets[r->sheet_count].rel_id = xstrdup(id ? id : "");
		r->sheet_count++;
	}
}

static void XMLCALL rels_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	if (strcmp(local_name(el), "Relationship") != 0)
		return;
	const char *id = attr_get(atts, "Id");
	const char *type = attr_get(atts, "Type");
	const char *target = attr_get(atts, "Target");
	GROW(r->rels, r->rel_cap, r->rel_count + 1);
	struct relationship *rel = &r->rels[r->rel_count++];
	rel->id = xstrdup(id ? id : "");
	rel->type = xstrdup(type ? type : "");
	rel->target = xstrdup(target ? target : "");
}

static void XMLCALL ignore_end(void *ud, const XML_Char *el)
{
	(void)ud, (void)el;
}

static void XMLCALL ignore_text(void *ud, const XML_Char *s, int len)
{
	(void)ud, (void)s, (void)len;
}

static bool ends_with(const char *s, const char *suffix)
{
	size_t n = strlen(s), k = strlen(suffix);
	return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The part name a workbook relationship's target points at: relative to xl/,
 * or absolute from the package root.  The caller frees it. */
static char *target_resolve(const char *target)
{
	struct buf b = { 0 };
	if (target[0] == '/') {
		buf_puts(&b, target + 1);
		return b.data;
	}
	buf_puts(&b, "xl/");
	while (strncmp(target, "../", 3) == 0) {
		target += 3;
		buf_clear(&b);      /* xl/.. is the package root */
	}
	buf_puts(&b, target);
	if (!b.data)
		buf_puts(&b, "");
	return b.data;
}

static const struct relationship *rel_by_id(const struct reader *r, const char *id)
{
	for (size_t i = 0; i < r->rel_count; i++)
		if (strcmp(r->rels[i].id, id) == 0)
			return &r->rels[i];
	return NULL;
}

static const struct relationship *rel_by_type(const struct reader *r, const char *suffix)
{
	for (size_t i = 0; i < r->rel_count; i++)
		if (ends_with(r->rels[i].type, suffix))
			return &r->rels[i];
	return NULL;
}

static bool sheet_is_worksheet(const struct reader *r, const struct sheet_entry *s)
{
	const struct relationship *rel = rel_by_id(r, s->rel_id);
	return rel && ends_with(rel->type, "/worksheet");
}

/* "Blad1", "Blad2" (at most SHEET_LIST_MAX names) for error messages. */
static void sheet_list(const struct reader *r, struct buf *b)
{
	for (size_t i = 0; i < r->sheet_count && i < SHEET_LIST_MAX; i++)
		buf_printf(b, "%s\"%s\"", i ? ", " : "", r->sheets[i].name);
	if (r->sheet_count > SHEET_LIST_MAX)
		buf_puts(b, ", ...");
}

/* Picks the sheet opt->sheet asks for.  Returns its index or -1 (message printed). */
static long sheet_choose(struct reader *r)
{
	const char *want = r->opt->sheet;
	struct buf list = { 0 };
	long found = -1;
	if (r->sheet_count == 0) {
		reader_fail(r, EXIT_DATA, "the workbook has no sheets");
		return -1;
	}
	if (!want) {
		for (size_t i = 0; i < r->sheet_count && found < 0; i++)
			if (sheet_is_worksheet(r, &r->sheets[i]))
				found = (long)i;
		if (found < 0)
			reader_fail(r, EXIT_DATA, "the workbook has no worksheet");
		return found;
	}
	long long number = digits_parse(want, strlen(want));
	for (size_t i = 0; i < r->sheet_count && found < 0; i++)
		if (strcmp(r->sheets[i].name, want) == 0)
			found = (long)i;
	for (size_t i = 0; i < r->sheet_count && found < 0; i++)
		if (ascii_casecmp(r->sheets[i].name, want) == 0)
			found = (long)i;
	if (found < 0 && number >= 1 && (size_t)number <= r->sheet_count)
		found = (long)number - 1;
	if (found < 0) {
		sheet_list(r, &list);
		if (number >= 0)
			reader_fail(r, EXIT_DATA, "there is no sheet %s; the workbook has %zu: %s",
			            want, r->sheet_count, list.data);
		else
			reader_fail(r, EXIT_DATA, "no sheet named \"%s\"; the sheets are %s", want,
			            list.data);
	} else if (!sheet_is_worksheet(r, &r->sheets[found])) {
		reader_fail(r, EXIT_DATA, "sheet \"%s\" is not a worksheet (a chart or dialog "
		            "sheet?)", r->sheets[found].name);
		found = -1;
	}
	buf_free(&list);
	return found;
}

/* ---- sharedStrings.xml ------------------------------------------------------- */

static void XMLCALL strings_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	(void)atts;
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "si") == 0) {
		if (r->si_depth++ == 0) {
			if (r->string_count >= r->lim.shared_strings) {
				reader_fail(r, EXIT_DATA, "%s: more than %zu shared strings", r->part,
				            r->lim.shared_strings);
				return;
			}
			GROW(r->offsets, r->offset_cap, r->string_count + 2);
			r->offsets[r->string_count] = r->pool.len;
		}
	} else if (strcmp(n, "rPh") == 0) {
		r->phonetic_depth++;
	} else if (strcmp(n, "t") == 0 && r->si_depth > 0 && r->phonetic_depth == 0) {
		r->in_text = true;
	}
}

static void XMLCALL strings_end(void *ud, const XML_Char *el)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "t") == 0) {
		r->in_text = false;
	} else if (strcmp(n, "rPh") == 0) {
		if (r->phonetic_depth > 0)
			r->phonetic_depth--;
	} else if (strcmp(n, "si") == 0 && r->si_depth > 0 && --r->si_depth == 0) {
		size_t start = r->offsets[r->string_count];
		if (r->pool.data) {
			size_t len = xlsxcell_unescape(r->pool.data + start, r->pool.len - start);
			r->pool.len = start + len;
			r->pool.data[r->pool.len] = '\0';
		}
		r->string_count++;
		r->offsets[r->string_count] = r->pool.len;
	}
}

static void XMLCALL strings_text(void *ud, const XML_Char *s, int len)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	if (r->in_text)
		buf_append(&r->pool, s, (size_t)len);
}

/* ---- styles.xml -------------------------------------------------------------- */

static void XMLCALL styles_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "numFmt") == 0) {
		const char *id = attr_get(atts, "numFmtId");
		const char *code = attr_get(atts, "formatCode");
		long long v = id ? digits_parse(id, strlen(id)) : -1;
		if (v < 0)
			return;
		GROW(r->formats, r->format_cap, r->format_count + 1);
		r->formats[r->format_count].id = (long)v;
		r->formats[r->format_count].is_date = code && xlsxcell_format_is_date(code);
		r->format_count++;
	} else if (strcmp(n, "cellXfs") == 0) {
		r->in_cell_xfs = true;
	} else if (strcmp(n, "xf") == 0 && r->in_cell_xfs) {
		const char *id = attr_get(atts, "numFmtId");
		long long v = id ? digits_parse(id, strlen(id)) : 0;
		GROW(r->xf_format, r->xf_cap, r->xf_count + 1);
		r->xf_format[r->xf_count++] = (long)v;
	}
}

static void XMLCALL styles_end(void *ud, const XML_Char *el)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	if (strcmp(local_name(el), "cellXfs") == 0)
		r->in_cell_xfs = false;
}

/* Decides per cell style whether it shows a date, once the whole part is read
 * (a custom format may redefine a built-in id). */
static void styles_resolve(struct reader *r)
{
	r->xf_date = xcalloc(r->xf_count + 1, sizeof(*r->xf_date));
	for (size_t i = 0; i < r->xf_count; i++) {
		long id = r->xf_format[i];
		bool is_date = xlsxcell_builtin_is_date(id);
		for (size_t k = 0; k < r->format_count; k++)
			if (r->formats[k].id == id)
				is_date = r->formats[k].is_date;
		r->xf_date[i] = is_date;
	}
}

/* ---- the sheet --------------------------------------------------------------- */

static void XMLCALL sheet_start(void *ud, const XML_Char *el, const XML_Char **atts)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "row") == 0) {
		const char *v = attr_get(atts, "r");
		long long row = v ? digits_parse(v, strlen(v)) : r->last_row + 1;
		r->in_row = true;
		r->cell_count = 0;
		buf_clear(&r->row_text);
		r->next_column = 0;
		r->column = 0;
		if (row < 1 || row > XLSXIN_MAX_ROWS) {
			reader_fail(r, EXIT_DATA, "%s:%lu: row number \"%s\" is not 1 to %ld",
			            r->part, (unsigned long)XML_GetCurrentLineNumber(r->parser),
			            v ? v : "", XLSXIN_MAX_ROWS);
			return;
		}
		if (row <= r->last_row) {
			reader_fail(r, EXIT_DATA, "%s:%lu: row %lld comes after row %ld", r->part,
			            (unsigned long)XML_GetCurrentLineNumber(r->parser), row,
			            r->last_row);
			return;
		}
		r->row = (long)row;
		r->last_row = (long)row;
	} else if (strcmp(n, "c") == 0 && r->in_row) {
		const char *ref = attr_get(atts, "r");
		const char *t = attr_get(atts, "t");
		const char *s = attr_get(atts, "s");
		int col = ref ? xlsxcell_ref_column(ref) : r->next_column;
		if (col < 0 || col >= XLSXCELL_MAX_COLUMNS) {
			reader_fail(r, EXIT_DATA, "%s:%lu: cell reference \"%s\" is not A to XFD "
			            "followed by a row number", r->part,
			            (unsigned long)XML_GetCurrentLineNumber(r->parser),
			            ref ? ref : "");
			return;
		}
		if (col < r->next_column) {
			/* Excel writes cells left to right; allowing repeats would let one
			 * row hold millions of cells. */
			char prev[24];
			xlsxcell_ref(r->row, r->next_column - 1, prev);
			reader_fail(r, EXIT_DATA, "%s:%lu: cell %s is out of order (after %s)",
			            r->part, (unsigned long)XML_GetCurrentLineNumber(r->parser),
			            ref, prev);
			return;
		}
		r->in_cell = true;
		r->column = col;
		r->next_column = col + 1;
		r->cell_style = s ? (long)digits_parse(s, strlen(s)) : 0;
		r->cell_type = CELL_NUMBER;
		if (!t || strcmp(t, "n") == 0)
			r->cell_type = CELL_NUMBER;
		else if (strcmp(t, "s") == 0)
			r->cell_type = CELL_SHARED;
		else if (strcmp(t, "inlineStr") == 0)
			r->cell_type = CELL_INLINE;
		else if (strcmp(t, "str") == 0)
			r->cell_type = CELL_FORMULA_STRING;
		else if (strcmp(t, "b") == 0)
			r->cell_type = CELL_BOOL;
		else if (strcmp(t, "e") == 0)
			r->cell_type = CELL_ERROR;
		else
			r->cell_type = CELL_DATE_TEXT;    /* "d": an ISO 8601 text */
		buf_clear(&r->value);
	} else if (!r->in_cell) {
		return;
	} else if (strcmp(n, "v") == 0) {
		r->in_value = true;
	} else if (strcmp(n, "is") == 0) {
		r->in_inline = true;
	} else if (strcmp(n, "rPh") == 0) {
		r->phonetic_depth++;
	} else if (strcmp(n, "t") == 0 && r->in_inline && r->phonetic_depth == 0) {
		r->in_text = true;
	}
}

static void sheet_text_check(struct reader *r)
{
	if (r->row_text.len + r->value.len > CSVIN_MAX_RECORD_BYTES) {
		char msg[96];
		snprintf(msg, sizeof(msg), "row %ld holds more than %zu MiB of text", r->row,
		         CSVIN_MAX_RECORD_BYTES >> 20);
		reader_fail_cell(r, msg);
	}
}

static void XMLCALL sheet_text(void *ud, const XML_Char *s, int len)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	if (r->in_value || r->in_text) {
		buf_append(&r->value, s, (size_t)len);
		sheet_text_check(r);
	}
}

/* The text a finished cell shows, into r->value; false for an empty cell. */
static bool cell_finish(struct reader *r, bool *quoted)
{
	char out[40];
	const char *v = r->value.data ? r->value.data : "";
	*quoted = false;
	switch (r->cell_type) {
	case CELL_SHARED: {
		size_t n = r->value.len;
		while (n > 0 && (v[n - 1] == ' ' || v[n - 1] == '\n' || v[n - 1] == '\r'))
			n--;
		long long i = digits_parse(v, n);
		if (i < 0 || (unsigned long long)i >= r->string_count) {
			char msg[96];
			snprintf(msg, sizeof(msg), "shared string %.20s does not exist (the workbook "
			         "has %zu)", v, r->string_count);
			reader_fail_cell(r, msg);
			return false;
		}
		size_t start = r->offsets[i], end = r->offsets[i + 1];
		buf_clear(&r->value);
		if (end > start)      /* pool.data is NULL when every string is empty */
			buf_append(&r->value, r->pool.data + start, end - start);
		*quoted = true;
		break;
	}
	case CELL_INLINE:
	case CELL_FORMULA_STRING:
		if (r->value.data) {
			r->value.len = xlsxcell_unescape(r->value.data, r->value.len);
			r->value.data[r->value.len] = '\0';
		}
		*quoted = true;
		break;
	case CELL_BOOL:
		if (strcmp(v, "1") == 0 || strcmp(v, "0") == 0) {
			bool b = v[0] == '1';
			buf_clear(&r->value);
			buf_puts(&r->value, b ? "TRUE" : "FALSE");
		}
		break;
	case CELL_ERROR:
	case CELL_DATE_TEXT:
		break;
	case CELL_NUMBER: {
		double x;
		if (!xlsxcell_parse_number(v, &x))
			break;                   /* not a number: keep the text as it is */
		bool is_date = r->cell_style >= 0 && (size_t)r->cell_style < r->xf_count &&
		               r->xf_date[r->cell_style];
		if (!is_date || !xlsxcell_format_serial(x, r->date1904, out))
			xlsxcell_format_number(x, out);
		buf_clear(&r->value);
		buf_puts(&r->value, out);
		break;
	}
	}
	return r->value.len > 0;
}

static void row_emit(struct reader *r)
{
	if (r->cell_count == 0)
		return;
	size_t count = 0;
	for (size_t i = 0; i < r->cell_count; i++)
		if ((size_t)r->cells[i].column + 1 > count)
			count = (size_t)r->cells[i].column + 1;
	if (r->opt->pad_to_header && count < r->header_count)
		count = r->header_count;
	GROW(r->fields, r->field_cap, count);
	for (size_t i = 0; i < count; i++)
		r->fields[i] = (struct csv_field){ .data = "", .len = 0, .quoted = false };
	for (size_t i = 0; i < r->cell_count; i++) {
		const struct row_cell *c = &r->cells[i];
		r->fields[c->column] = (struct csv_field){ .data = r->row_text.data + c->offset,
		                                           .len = c->len, .quoted = c->quoted };
	}
	if (r->records == 0)
		r->header_count = count;
	struct csv_record rec = { .line = r->row, .count = count, .fields = r->fields };
	r->records++;
	if (r->fn(&rec, r->ctx) != 0) {
		r->stopped = true;
		XML_StopParser(r->parser, XML_FALSE);
	}
}

static void XMLCALL sheet_end(void *ud, const XML_Char *el)
{
	struct reader *r = ud;
	if (r->failed || r->stopped)
		return;   /* expat may still report an element's end */
	const char *n = local_name(el);
	if (strcmp(n, "row") == 0 && r->in_row) {
		r->in_row = false;
		row_emit(r);
	} else if (!r->in_cell) {
		return;
	} else if (strcmp(n, "c") == 0) {
		r->in_cell = r->in_value = r->in_inline = r->in_text = false;
		r->phonetic_depth = 0;
		bool quoted;
		if (!cell_finish(r, &quoted) || r->failed)
			return;
		sheet_text_check(r);
		if (r->failed)
			return;
		GROW(r->cells, r->cell_cap, r->cell_count + 1);
		r->cells[r->cell_count++] = (struct row_cell){ .column = r->column,
		                                               .offset = r->row_text.len,
		                                               .len = r->value.len,
		                                               .quoted = quoted };
		buf_append(&r->row_text, r->value.data, r->value.len);
		buf_putc(&r->row_text, '\0');
	} else if (strcmp(n, "v") == 0) {
		r->in_value = false;
	} else if (strcmp(n, "is") == 0) {
		r->in_inline = false;
	} else if (strcmp(n, "rPh") == 0) {
		if (r->phonetic_depth > 0)
			r->phonetic_depth--;
	} else if (strcmp(n, "t") == 0) {
		r->in_text = false;
	}
}

/* ---- putting it together ----------------------------------------------------- */

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
}

/* Index of a part, or -1 when the archive has none of that name. */
static zip_int64_t part_find(struct reader *r, const char *name)
{
	return zip_name_locate(r->zip, name, 0);
}

/* An optional part named by a workbook relationship of the given type, else by
 * its usual name (relative to xl/); parsed with the handlers when present. */
static int optional_part(struct reader *r, const char *type_suffix, const char *usual,
                         XML_StartElementHandler start, XML_EndElementHandler end,
                         XML_CharacterDataHandler text)
{
	const struct relationship *rel = rel_by_type(r, type_suffix);
	char *name = target_resolve(rel ? rel->target : usual);
	zip_int64_t idx = part_find(r, name);
	int status = idx < 0 ? 0 : part_parse(r, idx, name, r->lim.part_bytes, start, end,
	                                      text, false);
	free(name);
	return status;
}

static int workbook_read(struct reader *r)
{
	zip_int64_t idx = part_find(r, "xl/workbook.xml");
	if (idx < 0) {
		if (part_find(r, "content.xml") >= 0)
			reader_fail(r, EXIT_DATA, "an OpenDocument spreadsheet (.ods) is not "
			            "supported; save it as .xlsx or CSV");
		else
			reader_fail(r, EXIT_DATA, "a ZIP file but not an Excel workbook (no "
			            "xl/workbook.xml)");
		return r->status;
	}
	if (part_parse(r, idx, "xl/workbook.xml", r->lim.part_bytes, workbook_start,
	               ignore_end, ignore_text, false))
		return r->status;
	idx = part_find(r, "xl/_rels/workbook.xml.rels");
	if (idx >= 0 && part_parse(r, idx, "xl/_rels/workbook.xml.rels", r->lim.part_bytes,
	                           rels_start, ignore_end, ignore_text, false))
		return r->status;
	long chosen = sheet_choose(r);
	if (chosen < 0)
		return r->status;
	const struct sheet_entry *sheet = &r->sheets[chosen];
	snprintf(r->sheet_name, sizeof(r->sheet_name), "%s", sheet->name);

	if (optional_part(r, "/sharedStrings", "sharedStrings.xml", strings_start,
	                  strings_end, strings_text))
		return r->status;
	r->si_depth = r->phonetic_depth = 0;
	r->in_text = false;
	if (optional_part(r, "/styles", "styles.xml", styles_start, styles_end, ignore_text))
		return r->status;
	styles_resolve(r);

	char *name = target_resolve(rel_by_id(r, sheet->rel_id)->target);
	idx = part_find(r, name);
	if (idx < 0)
		reader_fail(r, EXIT_DATA, "sheet \"%s\" is missing its part %s", sheet->name, name);
	else
		part_parse(r, idx, name, r->lim.sheet_bytes, sheet_start, sheet_end, sheet_text,
		           true);
	free(name);
	return r->failed ? r->status : 0;
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
