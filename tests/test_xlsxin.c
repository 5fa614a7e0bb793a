/* test_xlsxin.c - the .xlsx reader: pure helpers, workbooks written with
 * libxlsxwriter, and hand-made archives (libzip) for what libxlsxwriter cannot
 * write: the 1904 date system, error cells, rich text, and hostile files. */
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <xlsxwriter.h>
#include <zip.h>

#include "check.h"
#include "tests.h"
#include "util.h"
#include "xlsxin.h"
#include "xlsxin_scan.h"

static char tmp_dir[64];

/* Records as one string: "line:field,field\n", a quoted field in "...". */
struct collected {
	struct buf text;
	long stop_after;      /* 0 = never stop */
	long seen;
};

static int collect(const struct csv_record *rec, void *ctx)
{
	struct collected *c = ctx;
	buf_printf(&c->text, "%ld:", rec->line);
	for (size_t i = 0; i < rec->count; i++) {
		const struct csv_field *f = &rec->fields[i];
		if (strlen(f->data) != f->len)
			buf_puts(&c->text, "<LEN!>");
		buf_printf(&c->text, i ? (f->quoted ? ",\"%s\"" : ",%s") : (f->quoted ? "\"%s\"" : "%s"),
		           f->data);
	}
	buf_putc(&c->text, '\n');
	return c->stop_after && ++c->seen >= c->stop_after;
}

/* Reads path with opt; *text = the records, *msg = what went to err.  Returns
 * the status.  The caller frees both strings. */
static int read_all(const char *path, const struct xlsxin_options *opt,
                    struct xlsxin_info *info, char **text, char **msg)
{
	struct collected c = { 0 };
	size_t msg_len;
	FILE *err = open_memstream(msg, &msg_len);
	int status = xlsxin_read(path, opt, collect, &c, info, err);
	fclose(err);
	buf_puts(&c.text, "");
	*text = c.text.data;
	return status;
}

static char *tmp_path(const char *name)
{
	struct buf b = { 0 };
	buf_printf(&b, "%s/%s", tmp_dir, name);
	return b.data;
}

/* An archive of the given parts (name, content pairs, NULL-terminated), each
 * deflated. */
static void zip_write(const char *path, const char *const *parts)
{
	int zerr;
	zip_t *z = zip_open(path, ZIP_CREATE | ZIP_TRUNCATE, &zerr);
	for (size_t i = 0; z && parts[i]; i += 2) {
		zip_source_t *s = zip_source_buffer(z, parts[i + 1], strlen(parts[i + 1]), 0);
		zip_file_add(z, parts[i], s, ZIP_FL_OVERWRITE);
	}
	if (!z || zip_close(z) != 0)
		fprintf(stderr, "zip_write %s failed\n", path);
}

#define NS "xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" " \
           "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\""
#define REL_T "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"

static const char WORKBOOK_ONE[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workbook " NS "><sheets>"
	"<sheet name=\"Blad1\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
static const char RELS_ONE[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Relationships xmlns=\""
	"http://schemas.openxmlformats.org/package/2006/relationships\">"
	"<Relationship Id=\"rId1\" Type=\"" REL_T "worksheet\" Target=\"worksheets/sheet1.xml\"/>"
	"</Relationships>";

/* A one-sheet archive whose sheet XML is sheet (and optional shared strings). */
static char *zip_one_sheet(const char *name, const char *sheet, const char *strings)
{
	char *path = tmp_path(name);
	const char *parts[] = { "xl/workbook.xml", WORKBOOK_ONE,
	                        "xl/_rels/workbook.xml.rels", RELS_ONE,
	                        "xl/worksheets/sheet1.xml", sheet,
	                        strings ? "xl/sharedStrings.xml" : NULL, strings, NULL };
	zip_write(path, parts);
	return path;
}

/* Expects status and exactly one line "aireport: <path><rest>\n" on err. */
static void expect_error(const char *path, const struct xlsxin_options *opt, int status,
                         const char *rest)
{
	char *text, *msg;
	int got = read_all(path, opt, NULL, &text, &msg);
	struct buf want = { 0 };
	buf_printf(&want, "aireport: %s%s\n", path, rest);
	CHECK_INT(got, status);
	CHECK_STR(msg, want.data);
	buf_free(&want);
	free(text);
	free(msg);
}

/* ---- pure helpers ------------------------------------------------------------ */

static void test_numbers(void)
{
	static const struct { double x; const char *want; } cases[] = {
		{ 1.5, "1.5" }, { 90, "90" }, { 0.25, "0.25" }, { 0.1, "0.1" }, { -2.5, "-2.5" },
		{ 0, "0" }, { -0.0, "0" }, { 1.0 / 3, "0.3333333333333333" },
		{ 0.1 + 0.2, "0.30000000000000004" }, { 1e-7, "0.0000001" },
		{ 123456789012345678.0, "123456789012345680" }, { 1e21, "1e+21" },
		{ 1.5e-8, "1.5e-08" }, { 45000.75, "45000.75" }, { 1e15, "1000000000000000" },
	};
	char out[40];
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		xlsxcell_format_number(cases[i].x, out);
		CHECK_STR(out, cases[i].want);
	}
	/* Under a decimal-comma locale the output keeps its '.'. */
	if (setlocale(LC_NUMERIC, "nl_NL.UTF-8")) {
		xlsxcell_format_number(1.5, out);
		CHECK_STR(out, "1.5");
		xlsxcell_format_number(0.3333, out);
		CHECK_STR(out, "0.3333");
		setlocale(LC_NUMERIC, "C");
	}
}

/* The integers the sheet reader keeps as written are those the formatter would
 * write the same; the others go through it. */
static void test_plain_integers(void)
{
	static const struct { const char *text; bool plain; } cases[] = {
		{ "0", true }, { "7", true }, { "80", true }, { "-5", true },
		{ "999999999999999", true }, { "-123456789012345", true },
		{ "1000000000000000", false }, { "-0", false }, { "007", false }, { "+5", false },
		{ "1.0", false }, { "1e3", false }, { " 5", false }, { "5 ", false }, { "", false },
		{ "-", false }, { "12a", false },
	};
	char out[40];
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		const char *t = cases[i].text;
		CHECK_INT(xlsxcell_plain_integer(t, strlen(t)), cases[i].plain);
		double x;
		if (cases[i].plain && xlsxcell_parse_number(t, &x)) {
			xlsxcell_format_number(x, out);
			CHECK_STR(out, t);
		}
	}
}

static void test_serials(void)
{
	static const struct { double x; bool d1904; const char *want; } cases[] = {
		{ 45000, false, "2023-03-15" }, { 1, false, "1900-01-01" },
		{ 59, false, "1900-02-28" }, { 60, false, "1900-02-29" },
		{ 61, false, "1900-03-01" }, { 0.5, false, "12:00:00" },
		{ 8.5 / 24, false, "08:30:00" }, { 45000.75, false, "2023-03-15 18:00:00" },
		{ 45000.99999999, false, "2023-03-16" }, { 0.999999999, false, "24:00:00" },
		{ 0, true, "00:00:00" }, { 1, true, "1904-01-02" },
		{ 45000 - 1462, true, "2023-03-15" }, { 2958465, false, "9999-12-31" },
		{ 45292, false, "2024-01-01" }, { 45657, false, "2024-12-31" },
		{ 3653, false, "1909-12-31" }, { 36526, false, "2000-01-01" },
	};
	char out[24];
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		strcpy(out, "?");
		CHECK(xlsxcell_format_serial(cases[i].x, cases[i].d1904, out));
		CHECK_STR(out, cases[i].want);
	}
	CHECK(!xlsxcell_format_serial(-1, false, out));
	CHECK(!xlsxcell_format_serial(2958466, false, out));
}

static void test_formats(void)
{
	static const struct { const char *code; bool date; } cases[] = {
		{ "yyyy-mm-dd", true }, { "d/m/yyyy h:mm", true }, { "hh:mm:ss", true },
		{ "[h]:mm:ss", true }, { "[$-413]d mmmm yyyy", true }, { "mmm-yy", true },
		{ "0.00", false }, { "[Red]0.00", false }, { "#,##0 \"days\"", false },
		{ "[$\xE2\x82\xAC-413] #,##0.00", false }, { "General", false },
		{ "0.00_);[Red](0.00)", false }, { "\\d0", false }, { "@", false },
		{ "0;\"yes\";\"no\"", false }, { "0.0%", false }, { "0.00E+00", false },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++)
		if (xlsxcell_format_is_date(cases[i].code) != cases[i].date) {
			fprintf(stderr, "  format \"%s\"\n", cases[i].code);
			CHECK(!"format classified");
		} else {
			CHECK(1);
		}
	CHECK(xlsxcell_builtin_is_date(14));
	CHECK(xlsxcell_builtin_is_date(22));
	CHECK(xlsxcell_builtin_is_date(46));
	CHECK(!xlsxcell_builtin_is_date(0));
	CHECK(!xlsxcell_builtin_is_date(2));
	CHECK(!xlsxcell_builtin_is_date(49));
}

static void test_refs_and_kinds(void)
{
	char ref[24];
	CHECK_STR(xlsxcell_ref(14, 2, ref), "C14");
	CHECK_STR(xlsxcell_ref(1, 0, ref), "A1");
	CHECK_STR(xlsxcell_ref(1, 25, ref), "Z1");
	CHECK_STR(xlsxcell_ref(7, 26, ref), "AA7");
	CHECK_STR(xlsxcell_ref(1048576, 16383, ref), "XFD1048576");
	CHECK_INT(xlsxcell_ref_column("C14"), 2);
	CHECK_INT(xlsxcell_ref_column("AA7"), 26);
	CHECK_INT(xlsxcell_ref_column("XFD1"), 16383);
	CHECK_INT(xlsxcell_ref_column("XFE1"), -1);
	CHECK_INT(xlsxcell_ref_column("c14"), -1);
	CHECK_INT(xlsxcell_ref_column("14"), -1);
	CHECK_INT(xlsxcell_ref_column("C1x"), -1);

	char esc[] = "_x0009_a_x00e9__x0000__xD800__x12_";
	size_t n = xlsxcell_unescape(esc, strlen(esc));
	esc[n] = '\0';
	CHECK_STR(esc, "\ta\xC3\xA9\xEF\xBF\xBD\xEF\xBF\xBD_x12_");
	double x;
	CHECK(xlsxcell_parse_number(" 1.5 ", &x) && x == 1.5);
	CHECK(!xlsxcell_parse_number("1,5", &x));
	CHECK(!xlsxcell_parse_number("inf", &x));
	CHECK(!xlsxcell_parse_number("", &x));

	unsigned char cfb[1024] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	CHECK_INT(xlsxin_classify_buffer((const unsigned char *)"PK\3\4rest", 8), XLSXIN_ZIP);
	CHECK_INT(xlsxin_classify_buffer((const unsigned char *)"a,b\n1,2\n", 8),
	          XLSXIN_NOT_WORKBOOK);
	CHECK_INT(xlsxin_classify_buffer(cfb, sizeof(cfb)), XLSXIN_OLD_XLS);
	const char *name = "EncryptionInfo";
	for (size_t i = 0; name[i]; i++)
		cfb[512 + 128 + 2 * i] = (unsigned char)name[i];
	cfb[512 + 128 + 0x40] = 30;
	cfb[512 + 128 + 0x42] = 2;
	CHECK_INT(xlsxin_classify_buffer(cfb, sizeof(cfb)), XLSXIN_ENCRYPTED);
	CHECK_INT(xlsxin_classify_buffer(cfb, 4), XLSXIN_NOT_WORKBOOK);
}

/* ---- workbooks written by libxlsxwriter -------------------------------------- */

static char *write_example(const char *name, bool inline_strings)
{
	char *path = tmp_path(name);
	lxw_workbook_options o = { .constant_memory = inline_strings, .tmpdir = tmp_dir };
	lxw_workbook *wb = workbook_new_opt(path, &o);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "Blad1");
	lxw_worksheet *ws2 = workbook_add_worksheet(wb, "Second");
	lxw_format *date = workbook_add_format(wb);
	format_set_num_format(date, "yyyy-mm-dd");
	lxw_format *time = workbook_add_format(wb);
	format_set_num_format(time, "hh:mm:ss");
	lxw_format *stamp = workbook_add_format(wb);
	format_set_num_format(stamp, "dd-mm-yyyy hh:mm:ss");
	lxw_format *red = workbook_add_format(wb);
	format_set_num_format(red, "0.00;[Red]-0.00");
	lxw_format *builtin = workbook_add_format(wb);
	format_set_num_format_index(builtin, 14);

	const char *head[] = { "name", "value", "when", "time", "stamp", "ok" };
	for (int c = 0; c < 6; c++)
		worksheet_write_string(ws, 0, (lxw_col_t)c, head[c], NULL);
	worksheet_write_string(ws, 1, 0, " Ann  ", NULL);
	worksheet_write_number(ws, 1, 1, 1.5, NULL);
	lxw_datetime d = { 2026, 6, 8, 0, 0, 0 }, t = { 0, 0, 0, 8, 30, 0 },
	             s = { 2026, 6, 8, 17, 45, 30 };
	worksheet_write_datetime(ws, 1, 2, &d, date);
	worksheet_write_datetime(ws, 1, 3, &t, time);
	worksheet_write_datetime(ws, 1, 4, &s, stamp);
	worksheet_write_boolean(ws, 1, 5, 1, NULL);
	worksheet_write_string(ws, 2, 0, "gap", NULL);
	worksheet_write_number(ws, 2, 3, 90, NULL);
	worksheet_write_blank(ws, 3, 0, date);               /* styled, empty: skipped */
	worksheet_write_number(ws, 4, 1, 0.25, NULL);
	worksheet_write_boolean(ws, 4, 2, 0, NULL);
	worksheet_write_formula_str(ws, 4, 3, "=\"A\"&\"B\"", NULL, "AB");
	worksheet_write_number(ws, 4, 4, 1234.5, red);
	worksheet_write_string(ws, 4, 5, "Caf\xC3\xA9 \xE2\x82\xAC", NULL);
	worksheet_write_number(ws, 5, 0, 1, date);
	worksheet_write_number(ws, 5, 1, 59, date);
	worksheet_write_number(ws, 5, 2, 60, builtin);
	worksheet_write_number(ws, 5, 3, 61, date);
	worksheet_write_number(ws, 5, 4, 45000.99999999, stamp);
	worksheet_write_string(ws2, 0, 0, "x", NULL);
	worksheet_write_number(ws2, 1, 0, 42, NULL);
	worksheet_write_string(ws2, 1, 2, "", NULL);
	workbook_close(wb);
	return path;
}

static const char EXAMPLE_ROWS[] =
	"1:\"name\",\"value\",\"when\",\"time\",\"stamp\",\"ok\"\n"
	"2:\" Ann  \",1.5,2026-06-08,08:30:00,2026-06-08 17:45:30,TRUE\n"
	"3:\"gap\",,,90\n"
	"5:,0.25,FALSE,\"AB\",1234.5,\"Caf\xC3\xA9 \xE2\x82\xAC\"\n"
	"6:1900-01-01,1900-02-28,1900-02-29,1900-03-01,2023-03-16\n";

static void test_written_workbook(void)
{
	for (int inline_strings = 0; inline_strings <= 1; inline_strings++) {
		char *path = write_example(inline_strings ? "inline.xlsx" : "shared.xlsx",
		                           inline_strings);
		char *text, *msg;
		struct xlsxin_info info;
		CHECK(xlsxin_is_workbook(path));
		CHECK_INT(read_all(path, NULL, &info, &text, &msg), 0);
		CHECK_STR(text, EXAMPLE_ROWS);
		CHECK_STR(msg, "");
		CHECK_STR(info.sheet, "Blad1");
		CHECK_INT(info.records, 5);
		CHECK(!info.date1904);
		free(text);
		free(msg);

		/* Padding to the header's width, as export_read asks. */
		struct xlsxin_options pad = { .pad_to_header = true };
		CHECK_INT(read_all(path, &pad, NULL, &text, &msg), 0);
		CHECK(strstr(text, "\n3:\"gap\",,,90,,\n") != NULL);
		free(text);
		free(msg);

		/* The second sheet, by name and by number; its empty string is no value. */
		static const char *const picks[] = { "Second", "2", "second" };
		for (size_t i = 0; i < ARRAY_LEN(picks); i++) {
			struct xlsxin_options opt = { .sheet = picks[i] };
			CHECK_INT(read_all(path, &opt, &info, &text, &msg), 0);
			CHECK_STR(text, "1:\"x\"\n2:42\n");
			CHECK_STR(info.sheet, "Second");
			free(text);
			free(msg);
		}
		struct xlsxin_options first = { .sheet = "1" };
		CHECK_INT(read_all(path, &first, &info, &text, &msg), 0);
		CHECK_STR(info.sheet, "Blad1");
		free(text);
		free(msg);

		/* fn stops the read: no error. */
		struct collected c = { .stop_after = 2 };
		CHECK_INT(xlsxin_read(path, NULL, collect, &c, &info, stderr), 0);
		CHECK_INT(info.records, 2);
		buf_free(&c.text);

		struct xlsxin_options third = { .sheet = "Third" }, three = { .sheet = "3" };
		expect_error(path, &third, EXIT_DATA,
		             ": no sheet named \"Third\"; the sheets are \"Blad1\", \"Second\"");
		expect_error(path, &three, EXIT_DATA,
		             ": there is no sheet 3; the workbook has 2: \"Blad1\", \"Second\"");
		free(path);
	}
}

/* ---- hand-made archives ------------------------------------------------------ */

static void test_handmade_workbook(void)
{
	/* 1904 dates, a chart sheet first, a sheet part not called sheet1.xml,
	 * rich text with a phonetic run, _xHHHH_ escapes, errors and t="str". */
	char *path = tmp_path("handmade.xlsx");
	const char *parts[] = {
		"xl/workbook.xml",
		"<?xml version=\"1.0\"?>\n<workbook " NS "><workbookPr date1904=\"1\"/><sheets>"
		"<sheet name=\"Chart\" sheetId=\"3\" r:id=\"rId3\"/>"
		"<sheet name=\"Data &amp; more\" sheetId=\"1\" r:id=\"rId7\"/></sheets></workbook>",
		"xl/_rels/workbook.xml.rels",
		"<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
		"<Relationship Id=\"rId3\" Type=\"" REL_T "chartsheet\" Target=\"chartsheets/c.xml\"/>"
		"<Relationship Id=\"rId7\" Type=\"" REL_T "worksheet\" Target=\"/xl/worksheets/data.xml\"/>"
		"<Relationship Id=\"rId8\" Type=\"" REL_T "sharedStrings\" Target=\"strings.xml\"/>"
		"<Relationship Id=\"rId9\" Type=\"" REL_T "styles\" Target=\"styles.xml\"/>"
		"</Relationships>",
		"xl/strings.xml",
		"<sst " NS "><si><r><t>Ri</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">ch </t></r>"
		"</si><si><t>plain</t><rPh sb=\"0\" eb=\"1\"><t>ignored</t></rPh></si>"
		"<si><t>a_x000D__x000A_b_x005F_x0041_</t></si></sst>",
		"xl/styles.xml",
		"<styleSheet " NS "><numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"d/m/yyyy\"/>"
		"</numFmts><cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs><cellXfs>"
		"<xf numFmtId=\"0\"/><xf numFmtId=\"164\"/><xf numFmtId=\"2\"/></cellXfs></styleSheet>",
		"xl/worksheets/data.xml",
		"<worksheet " NS "><sheetData>"
		"<row r=\"2\"><c r=\"B2\" t=\"s\"><v>0</v></c><c r=\"C2\" t=\"s\"><v>1</v></c>"
		"<c r=\"D2\" t=\"s\"><v>2</v></c></row>"
		"<row r=\"4\"><c r=\"A4\" s=\"1\"><v>1</v></c><c r=\"B4\" s=\"1\"><v>43538.5</v></c>"
		"<c s=\"2\"><v>43538.5</v></c><c t=\"e\"><v>#N/A</v></c>"
		"<c t=\"str\"><f>A1</f><v> x </v></c><c t=\"inlineStr\"><is><r><t>Hel</t></r>"
		"<r><t>lo</t></r><rPh><t>no</t></rPh></is></c><c t=\"b\"><v>1</v></c>"
		"<c r=\"J4\"><f>1+1</f></c></row>"
		"<row><c r=\"A5\"><v> 7 </v></c></row>"
		"</sheetData></worksheet>",
		NULL,
	};
	zip_write(path, parts);
	char *text, *msg;
	struct xlsxin_info info;
	CHECK_INT(read_all(path, NULL, &info, &text, &msg), 0);
	CHECK_STR(text, "2:,\"Rich \",\"plain\",\"a\r\nb_x0041_\"\n"
	                "4:1904-01-02,2023-03-15 12:00:00,43538.5,#N/A,\" x \",\"Hello\",TRUE\n"
	                "5:7\n");
	CHECK_STR(msg, "");
	CHECK_STR(info.sheet, "Data & more");
	CHECK(info.date1904);
	free(text);
	free(msg);

	struct xlsxin_options chart = { .sheet = "Chart" };
	expect_error(path, &chart, EXIT_DATA,
	             ": sheet \"Chart\" is not a worksheet (a chart or dialog sheet?)");
	free(path);
}

static void test_hostile(void)
{
	static const char BOMB[] =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
		"<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
		"<sst " NS "><si><t>&lol2;</t></si></sst>";
	static const char EXTERNAL[] =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE w [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>"
		"<worksheet " NS "><sheetData><row r=\"1\"><c t=\"inlineStr\"><is><t>&xxe;</t></is>"
		"</c></row></sheetData></worksheet>";
	static const char SHEET_OK[] =
		"<worksheet " NS "><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>5</v></c></row>"
		"</sheetData></worksheet>";
	char *path = zip_one_sheet("bomb.xlsx", SHEET_OK, BOMB);
	expect_error(path, NULL, EXIT_DATA, ": xl/sharedStrings.xml:2: refusing a document "
	             "type declaration (<!DOCTYPE>), which a workbook never has");
	free(path);
	path = zip_one_sheet("external.xlsx", EXTERNAL, NULL);
	expect_error(path, NULL, EXIT_DATA, ": xl/worksheets/sheet1.xml:2: refusing a document "
	             "type declaration (<!DOCTYPE>), which a workbook never has");
	free(path);
	path = zip_one_sheet("badindex.xlsx", SHEET_OK,
	                     "<sst " NS "><si><t>a</t></si><si><t>b</t></si></sst>");
	expect_error(path, NULL, EXIT_DATA,
	             ":Blad1!A1: shared string 5 does not exist (the workbook has 2)");
	free(path);
	/* Every shared string empty: the cells are empty, the row is skipped. */
	path = zip_one_sheet("empty-strings.xlsx", "<worksheet " NS "><sheetData><row r=\"1\">"
	                     "<c r=\"A1\" t=\"s\"><v>0</v></c></row><row r=\"2\"><c r=\"B2\">"
	                     "<v>2</v></c></row></sheetData></worksheet>",
	                     "<sst " NS "><si><t/></si><si/></sst>");
	char *text0, *msg0;
	CHECK_INT(read_all(path, NULL, NULL, &text0, &msg0), 0);
	CHECK_STR(text0, "2:,2\n");
	CHECK_STR(msg0, "");
	free(text0);
	free(msg0);
	free(path);
	path = zip_one_sheet("malformed.xlsx", "<worksheet " NS ">\n<sheetData><row r=\"1\">"
	                     "<c r=\"A1\"><v>1</v></row></sheetData></worksheet>", NULL);
	expect_error(path, NULL, EXIT_DATA,
	             ": xl/worksheets/sheet1.xml:2: malformed XML (mismatched tag)");
	free(path);
	path = zip_one_sheet("backwards.xlsx", "<worksheet " NS "><sheetData>"
	                     "<row r=\"3\"><c><v>1</v></c></row><row r=\"2\"><c><v>1</v></c></row>"
	                     "</sheetData></worksheet>", NULL);
	expect_error(path, NULL, EXIT_DATA,
	             ": xl/worksheets/sheet1.xml:1: row 2 comes after row 3");
	free(path);
	path = zip_one_sheet("repeat.xlsx", "<worksheet " NS "><sheetData><row r=\"4\">"
	                     "<c r=\"B4\"><v>1</v></c><c r=\"B4\"><v>2</v></c></row>"
	                     "</sheetData></worksheet>", NULL);
	expect_error(path, NULL, EXIT_DATA,
	             ": xl/worksheets/sheet1.xml:1: cell B4 is out of order (after B4)");
	free(path);
	path = zip_one_sheet("badref.xlsx", "<worksheet " NS "><sheetData>"
	                     "<row r=\"1\"><c r=\"XFE1\"><v>1</v></c></row></sheetData></worksheet>",
	                     NULL);
	expect_error(path, NULL, EXIT_DATA, ": xl/worksheets/sheet1.xml:1: cell reference "
	             "\"XFE1\" is not A to XFD followed by a row number");
	free(path);

	/* Zip bomb: 8 MB of spaces packs into a few KB.  Lowered limits trip on
	 * the size, then on the ratio. */
	size_t big = (size_t)8 << 20;
	struct buf sheet = { 0 };
	buf_puts(&sheet, "<worksheet " NS "><sheetData>");
	buf_reserve(&sheet, big);
	memset(sheet.data + sheet.len, ' ', big);
	sheet.len += big;
	buf_puts(&sheet, "</sheetData></worksheet>");
	path = zip_one_sheet("zipbomb.xlsx", sheet.data, NULL);
	buf_free(&sheet);
	struct xlsxin_limits lim = { .sheet_bytes = 1 << 20, .part_bytes = 1 << 20,
	                             .ratio = 1000000, .ratio_floor = 1 << 20,
	                             .shared_strings = 10 };
	struct xlsxin_options opt = { .limits = &lim };
	expect_error(path, &opt, EXIT_DATA, ": xl/worksheets/sheet1.xml unpacks to more than "
	             "1 MiB; refusing it as a possible zip bomb");
	lim.sheet_bytes = 1LL << 30;
	lim.ratio = 100;
	expect_error(path, &opt, EXIT_DATA, ": xl/worksheets/sheet1.xml unpacks to more than "
	             "100 times its packed size; refusing it as a possible zip bomb");
	char *text, *msg;
	CHECK_INT(read_all(path, NULL, NULL, &text, &msg), 0);   /* defaults: 8 MB is fine */
	free(text);
	free(msg);

	/* Too many shared strings for the (lowered) limit. */
	lim.ratio = 1000;
	lim.shared_strings = 1;
	free(path);
	path = zip_one_sheet("strings.xlsx", SHEET_OK,
	                     "<sst " NS "><si><t>a</t></si><si><t>b</t></si></sst>");
	expect_error(path, &opt, EXIT_DATA, ": xl/sharedStrings.xml: more than 1 shared strings");

	/* Cut short: the central directory is gone. */
	char *cut = tmp_path("cut.xlsx");
	FILE *in = fopen(path, "rb"), *out = fopen(cut, "wb");
	char block[100];
	size_t n = in ? fread(block, 1, sizeof(block), in) : 0;
	if (out)
		fwrite(block, 1, n, out);
	if (in)
		fclose(in);
	if (out)
		fclose(out);
	expect_error(cut, NULL, EXIT_DATA, ": not a readable ZIP archive (Not a zip archive); "
	             "is the workbook damaged or cut short?");
	free(cut);
	free(path);

	/* Not a workbook: no xl/workbook.xml; an OpenDocument file. */
	path = tmp_path("other.zip");
	const char *other[] = { "word/document.xml", "<w/>", NULL };
	zip_write(path, other);
	expect_error(path, NULL, EXIT_DATA,
	             ": a ZIP file but not an Excel workbook (no xl/workbook.xml)");
	const char *ods[] = { "mimetype", "application/vnd.oasis.opendocument.spreadsheet",
	                      "content.xml", "<x/>", NULL };
	zip_write(path, ods);
	expect_error(path, NULL, EXIT_DATA,
	             ": an OpenDocument spreadsheet (.ods) is not supported; save it as .xlsx or CSV");
	free(path);

	/* CFB containers: an old .xls, an encrypted .xlsx. */
	unsigned char cfb[2048] = { 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1 };
	path = tmp_path("old.xls");
	out = fopen(path, "wb");
	fwrite(cfb, 1, sizeof(cfb), out);
	fclose(out);
	CHECK_INT(xlsxin_classify(path), XLSXIN_OLD_XLS);
	expect_error(path, NULL, EXIT_DATA, ": an Excel 97-2003 workbook (.xls) is not "
	             "supported; save it as .xlsx or CSV");
	const char *name = "EncryptedPackage";
	for (size_t i = 0; name[i]; i++)
		cfb[1024 + 256 + 2 * i] = (unsigned char)name[i];
	cfb[1024 + 256 + 0x40] = 34;
	cfb[1024 + 256 + 0x42] = 2;
	out = fopen(path, "wb");
	fwrite(cfb, 1, sizeof(cfb), out);
	fclose(out);
	CHECK_INT(xlsxin_classify(path), XLSXIN_ENCRYPTED);
	expect_error(path, NULL, EXIT_DATA, ": the workbook is password-protected "
	             "(encrypted); save a copy without a password, or as CSV");
	free(path);

	path = tmp_path("missing.xlsx");
	CHECK(!xlsxin_is_workbook(path));
	expect_error(path, NULL, EXIT_IO, ": cannot be opened");
	free(path);
}

/* ---- the sheet scanner against expat ------------------------------------------- */

/* Reads path twice, by the scanner (xlsxin_scan.c) and by expat alone; false
 * when status, messages or records differ.  *scanned: the scanner read it all. */
static bool same_as_expat(const char *path, bool *scanned, struct buf *diff)
{
	char *text[2], *msg[2];
	int status[2];
	struct xlsxin_info info;
	for (int i = 0; i < 2; i++) {
		if (i)
			setenv(XLSXIN_EXPAT_ENV, "1", 1);
		status[i] = read_all(path, NULL, &info, &text[i], &msg[i]);
		if (i == 0)
			*scanned = info.scanned;
		unsetenv(XLSXIN_EXPAT_ENV);
	}
	bool same = status[0] == status[1] && strcmp(text[0], text[1]) == 0 &&
	            strcmp(msg[0], msg[1]) == 0;
	if (!same && !diff->len)
		buf_printf(diff, "status %d/%d\nscanner: %s%s\nexpat: %s%s\n", status[0], status[1],
		           msg[0], text[0], msg[1], text[1]);
	for (int i = 0; i < 2; i++) {
		free(text[i]);
		free(msg[i]);
	}
	return same;
}

/* Sheets in the forms writers use: Excel's namespaces and attributes, a prefix
 * on every element, single quotes and white space in tags, references, line
 * ends in text, inline and rich strings with phonetic runs, self-closing cells. */
static const char *const SCAN_SHEETS[] = {
	"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n"
	"<worksheet " NS " xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
	"xmlns:x14ac=\"http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac\" "
	"mc:Ignorable=\"x14ac\"><dimension ref=\"A1:C3\"/><sheetData>"
	"<row r=\"1\" spans=\"1:3\" x14ac:dyDescent=\"0.25\"><c r=\"A1\" t=\"s\"><v>0</v></c>"
	"<c r=\"B1\" t=\"s\"><v>1</v></c><c r=\"C1\" t=\"inlineStr\"><is><t>Tijd &amp; geld</t></is></c></row>"
	"<row r=\"2\"><c r=\"A2\" s=\"1\"><v>46204</v></c><c r=\"B2\"><v>1.5</v></c>"
	"<c r=\"C2\" t=\"b\"><v>1</v></c></row>"
	"<row r=\"3\"><c r=\"A3\" t=\"inlineStr\"><is><r><t xml:space=\"preserve\"> a\r\nb </t></r>"
	"<rPh sb=\"0\" eb=\"1\"><t>x</t></rPh><r><t>&#233;&#x1F600;&lt;&gt;&quot;&apos;</t></r></is></c>"
	"<c r=\"B3\" t=\"e\"><v>#N/A</v></c><c r=\"C3\"/></row></sheetData>"
	"<pageMargins left=\"0.7\" right=\"0.7\"/></worksheet>",
	"<?xml version='1.0' encoding='utf-8'?>\n<x:worksheet xmlns:x=\"http://schemas.openxmlformats."
	"org/spreadsheetml/2006/main\">\n  <x:sheetData>\n    <x:row r='1' >\n      <x:c r='A1' "
	"t='inlineStr'><x:is><x:t>Naam</x:t></x:is></x:c>\n      <x:c r = 'B1' t = 'str'><x:f>A1</x:f>"
	"<x:v>Uren\tweek</x:v></x:c>\n    </x:row>\n    <x:row r='2'><x:c r='A2' t='inlineStr'>"
	"<x:is><x:t>Ève &#10;Ünal</x:t></x:is></x:c><x:c r='B2'><x:v>7</x:v></x:c></x:row>\n"
	"  </x:sheetData>\n</x:worksheet>\n",
	"<worksheet><sheetData><row><c><v>1</v></c><c t=\"n\"><v>2e3</v></c></row>"
	"<row><c t=\"inlineStr\"><is><t>a\"b'c</t></is></c></row></sheetData></worksheet>",
};

static const char SCAN_STRINGS[] =
	"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sst " NS " count=\"2\" uniqueCount=\"2\">"
	"<si><t>Medewerker</t></si><si><t>Datum</t></si></sst>";

/* A large sheet: many rows of varied cells, so that tokens are cut between the
 * reader's chunks. */
static char *large_sheet(void)
{
	struct buf b = { 0 };
	buf_puts(&b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<worksheet " NS "><sheetData>");
	for (int i = 1; i <= 3000; i++)
		buf_printf(&b, "<row r=\"%d\"><c r=\"A%d\" t=\"inlineStr\"><is><t>emp-%d &amp; "
		           "caf\xc3\xa9 &#%d;</t></is></c><c r=\"B%d\" s=\"1\"><v>%d</v></c>\r\n"
		           "<c r=\"C%d\" t=\"s\"><v>%d</v></c></row>\n", i, i, i, 65 + i % 50, i, 46000 + i,
		           i, i % 2);
	buf_puts(&b, "</sheetData></worksheet>");
	return b.data;
}

static uint64_t scan_rand(uint64_t *state)
{
	*state = *state * 6364136223846793005ULL + 1442695040888963407ULL;
	return *state >> 33;
}

/* One mutation of text: a byte deleted, replaced or inserted (from the bytes
 * that matter to XML), or a span doubled. */
static char *mutate(const char *text, uint64_t *state)
{
	static const char bytes[] = "<>&\"'/=: \r\n\t#;x]![?-\x01\xc3\xa9\xff\x80";
	size_t len = strlen(text);
	size_t at = len ? scan_rand(state) % len : 0;
	char c = bytes[scan_rand(state) % (sizeof(bytes) - 1)];
	struct buf b = { 0 };
	switch (scan_rand(state) % 4) {
	case 0:      /* delete */
		buf_append(&b, text, at);
		buf_puts(&b, text + (at < len ? at + 1 : len));
		break;
	case 1:      /* replace */
		buf_append(&b, text, at);
		buf_putc(&b, c);
		buf_puts(&b, text + (at < len ? at + 1 : len));
		break;
	case 2:      /* insert */
		buf_append(&b, text, at);
		buf_putc(&b, c);
		buf_puts(&b, text + at);
		break;
	default: {   /* double a span */
		size_t n = 1 + scan_rand(state) % 24;
		if (at + n > len)
			n = len - at;
		buf_append(&b, text, at + n);
		buf_puts(&b, text + at);
	}
	}
	return b.data;
}

static void test_scanner(void)
{
	static const char STYLES[] =
		"<styleSheet " NS "><cellXfs count=\"2\"><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/>"
		"</cellXfs></styleSheet>";
	char *path = tmp_path("scan.xlsx");
	char *large = large_sheet();
	struct buf diff = { 0 };
	int cases = 0, differ = 0, scanned_whole = 0, bases_scanned = 0;
	size_t n_sheets = sizeof(SCAN_SHEETS) / sizeof(SCAN_SHEETS[0]);
	uint64_t state = 20261205;
	for (size_t k = 0; k <= n_sheets; k++) {
		const char *base = k < n_sheets ? SCAN_SHEETS[k] : large;
		int mutations = k < n_sheets ? 400 : 60;
		for (int m = 0; m <= mutations; m++) {
			char *sheet = m ? mutate(base, &state) : xstrdup(base);
			if (m && scan_rand(&state) % 3 == 0) {   /* now and then a second one */
				char *again = mutate(sheet, &state);
				free(sheet);
				sheet = again;
			}
			const char *parts[] = { "xl/workbook.xml", WORKBOOK_ONE,
			                        "xl/_rels/workbook.xml.rels", RELS_ONE,
			                        "xl/worksheets/sheet1.xml", sheet,
			                        "xl/sharedStrings.xml", SCAN_STRINGS,
			                        "xl/styles.xml", STYLES, NULL };
			zip_write(path, parts);
			bool scanned;
			cases++;
			size_t before = diff.len;
			differ += !same_as_expat(path, &scanned, &diff);
			if (diff.len != before)
				buf_printf(&diff, "the sheet: %s\n", sheet);
			scanned_whole += scanned;
			if (m == 0)
				bases_scanned += scanned;
			free(sheet);
		}
	}
	if (differ)
		fprintf(stderr, "first difference:\n%s", diff.data);
	CHECK_INT(differ, 0);
	CHECK_INT(bases_scanned, (int)n_sheets + 1);   /* every writer's form: no expat */
	CHECK(scanned_whole > cases / 10);    /* mutations the scanner reads on its own */
	CHECK(cases - scanned_whole > cases / 3);   /* and those it leaves to expat */
	printf("xlsx scanner: %d sheets, %d read by the scanner alone, all as expat reads them\n",
	       cases, scanned_whole);
	buf_free(&diff);
	free(large);
	free(path);
}

void test_xlsxin(void)
{
	snprintf(tmp_dir, sizeof(tmp_dir), "/tmp/aireport-xlsxin-XXXXXX");
	if (!mkdtemp(tmp_dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	test_numbers();
	test_plain_integers();
	test_serials();
	test_formats();
	test_refs_and_kinds();
	test_written_workbook();
	test_handmade_workbook();
	test_hostile();
	test_scanner();
	char cmd[96];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", tmp_dir);
	if (system(cmd) != 0)
		CHECK(!"removing the temporary folder");
}
