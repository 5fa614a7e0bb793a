/* test_out.c - the CSV writer's fields and rejects rows, the reject sink, and the
 * atomic report files and folder lock of fsutil.c. */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include "check.h"
#include "fsutil.h"
#include "out_csv.h"
#include "pdf_doc.h"
#include "tests.h"
#include "util.h"

/* What writing did, as text. */
struct capture {
	char *text;
	size_t size;
	FILE *f;
};

static void capture_open(struct capture *c)
{
	c->text = NULL;
	c->size = 0;
	c->f = open_memstream(&c->text, &c->size);
}

static const char *capture_text(struct capture *c)
{
	fflush(c->f);
	return c->text;
}

static void capture_close(struct capture *c)
{
	fclose(c->f);
	free(c->text);
}

static void csv_fields(void)
{
	static const struct {
		const char *in;
		bool neutralise;
		const char *out;
	} cases[] = {
		{ "plain", true, "plain" },
		{ "a,b", false, "\"a,b\"" },
		{ "say \"hi\"", false, "\"say \"\"hi\"\"\"" },
		{ "two\nlines", false, "\"two\nlines\"" },
		{ "=SUM(A1)", true, "'=SUM(A1)" },
		{ "=SUM(A1)", false, "=SUM(A1)" },
		{ "-5", true, "'-5" },
		{ "+31 6", true, "'+31 6" },
		{ "@home", true, "'@home" },
		{ "=1,2", true, "\"'=1,2\"" },
		{ "", true, "" },
		{ "Zoë & Müller", true, "Zoë & Müller" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		struct capture c;
		capture_open(&c);
		csv_write_field(c.f, cases[i].in, cases[i].neutralise);
		CHECK_STR(capture_text(&c), cases[i].out);
		capture_close(&c);
	}
}

static void rejects_rows(void)
{
	struct capture c;
	capture_open(&c);
	csv_write_rejects_header(c.f);
	csv_write_reject(c.f, "t,1.csv", 7, "minutes", "-5", "out of range 0-1440");
	csv_write_reject(c.f, "t.csv", 8, NULL, NULL, "wrong number of fields (3, header has 7)");
	CHECK_STR(capture_text(&c), "file,line,column,value,reason\n"
	                            "\"t,1.csv\",7,minutes,'-5,out of range 0-1440\n"
	                            "t.csv,8,,,\"wrong number of fields (3, header has 7)\"\n");
	capture_close(&c);

	/* The sink over a temporary file: rows, then a reset that empties it. */
	FILE *f = tmpfile();
	csv_reject_sink_row(f, "t.csv", 2, "date", "2026-02-30", "not a valid date");
	csv_reject_sink_reset(f);
	csv_reject_sink_row(f, "t.csv", 3, "date", "x", "not a valid date");
	fflush(f);
	rewind(f);
	char line[128] = "";
	CHECK(fgets(line, sizeof(line), f) != NULL);
	CHECK_STR(line, "t.csv,3,date,x,not a valid date\n");
	CHECK(fgets(line, sizeof(line), f) == NULL);
	fclose(f);
}

static void decimals(void)
{
	static const struct {
		double v;
		const char *out;
	} cases[] = {
		{ 0.4235, "0.4235" }, { 1.0 / 3, "0.333333" }, { 2.0 / 3, "0.666667" },
		{ -0.0000004, "0" }, { -0.0, "0" }, { 12.5, "12.5" }, { 100, "100" },
		{ 0.0000006, "0.000001" }, { 0.0000004, "0" }, { -1.25, "-1.25" },
	};
	for (size_t i = 0; i < ARRAY_LEN(cases); i++) {
		char out[64];
		format_decimal(out, sizeof(out), cases[i].v, 6);
		CHECK_STR(out, cases[i].out);
	}
}

/* Names in dir that start with '.', other than the lock file. */
static int hidden_files(const char *dir)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *e;
	while (d && (e = readdir(d)))
		n += e->d_name[0] == '.' && strcmp(e->d_name, ".") != 0 &&
		     strcmp(e->d_name, "..") != 0 && strcmp(e->d_name, ".aireport.lock") != 0;
	if (d)
		closedir(d);
	return n;
}

static void files_and_lock(void)
{
	char dir[] = "/tmp/aireport-out-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	char path[128];
	snprintf(path, sizeof(path), "%s/a/b/c", dir);
	CHECK_INT(make_dirs(path), 0);
	CHECK_INT(make_dirs(path), 0);   /* already there */
	snprintf(path, sizeof(path), "%s/file", dir);
	FILE *f = fopen(path, "w");
	fclose(f);
	CHECK_INT(make_dirs(path), -1);  /* a file where a folder should be */

	/* A committed report is complete; a discarded one leaves nothing. */
	struct pending_file p = { 0 };
	CHECK_INT(pending_create(&p, dir, "metrics.csv"), 0);
	CHECK_INT(hidden_files(dir), 1);
	f = fopen(p.temp_path, "w");
	fputs("x\n", f);
	fclose(f);
	CHECK_INT(pending_commit(&p), 0);
	pending_discard(&p);
	CHECK_INT(hidden_files(dir), 0);
	snprintf(path, sizeof(path), "%s/metrics.csv", dir);
	struct stat st;
	CHECK(stat(path, &st) == 0 && st.st_size == 2);
	struct pending_file q = { 0 };
	CHECK_INT(pending_create(&q, dir, "roi.xlsx"), 0);
	pending_discard(&q);
	CHECK_INT(hidden_files(dir), 0);
	pending_discard(&q);   /* twice is harmless */

	/* While the lock is held, nobody else gets it. */
	int lock = folder_lock(dir, true, stderr);
	CHECK(lock >= 0);
	snprintf(path, sizeof(path), "%s/.aireport.lock", dir);
	int other = open(path, O_RDWR);
	CHECK(other >= 0);
	CHECK_INT(flock(other, LOCK_EX | LOCK_NB), -1);
	folder_unlock(lock);
	CHECK_INT(flock(other, LOCK_EX | LOCK_NB), 0);
	close(other);
	folder_unlock(-1);

	char cmd[160];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}

/* The flattened cmap gives every code point the glyph libharu's own look-up
 * gives it on the font as loaded, and the glyphs read from DejaVu Sans's cmap by
 * hand (a format 4 parse of the file, outside libharu). */
static void flat_cmap(void)
{
	static const char *const fonts[] = { DEFAULT_FONT, DEFAULT_FONT_BOLD };
	static const size_t mapped[] = { 5370, 5366 };   /* code points with a glyph */
	for (size_t f = 0; f < ARRAY_LEN(fonts); f++) {
		HPDF_Doc doc = HPDF_New(NULL, NULL);
		CHECK(doc != NULL);
		const char *name = HPDF_LoadTTFontFromFile(doc, fonts[f], HPDF_TRUE);
		CHECK(name != NULL);
		if (!name) {
			HPDF_Free(doc);
			continue;
		}
		HPDF_FontDef def = HPDF_GetFontDef(doc, name);
		HPDF_UINT16 *before = xmalloc(0x10000 * sizeof(*before));
		for (unsigned cp = 0; cp < 0x10000; cp++)
			before[cp] = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
		doc_flatten_cmap(def);
		size_t differ = 0, found = 0;
		for (unsigned cp = 0; cp < 0x10000; cp++) {
			HPDF_UINT16 gid = HPDF_TTFontDef_GetGlyphid(def, (HPDF_UINT16)cp);
			differ += gid != before[cp];
			found += gid != 0;
		}
		CHECK_INT(differ, 0);
		CHECK_INT(found, mapped[f]);
		CHECK_INT(HPDF_TTFontDef_GetGlyphid(def, 'A'), 36);
		CHECK_INT(HPDF_TTFontDef_GetGlyphid(def, 0xE9), 171);      /* é */
		CHECK_INT(HPDF_TTFontDef_GetGlyphid(def, 0x20AC), 2948);   /* € */
		CHECK_INT(HPDF_TTFontDef_GetGlyphid(def, 0x2026), 2825);   /* … */
		CHECK_INT(HPDF_TTFontDef_GetGlyphid(def, 0x1EAB), 2473);   /* ẫ */
		CHECK_INT(HPDF_TTFontDef_GetGlyphid(def, 0xE000), 0);      /* private use */
		CHECK_INT(HPDF_TTFontDef_GetGlyphid(def, 0xFFFF), 0);
		/* the font made from it is written whole */
		HPDF_UseUTFEncodings(doc);
		HPDF_Font font = HPDF_GetFont(doc, name, "UTF-8");
		CHECK(font != NULL);
		CHECK_INT(HPDF_GetError(doc), HPDF_OK);
		free(before);
		HPDF_Free(doc);
	}
}

void test_out(void)
{
	flat_cmap();
	csv_fields();
	rejects_rows();
	decimals();
	files_and_lock();
}
