/* pdf_doc.c - the libharu 2.3.0 document behind assessment.pdf: creation and
 * saving, fonts, pages, the outline, the document information and the logo.
 * Quirks it works around:
 *  - Composite glyphs: libharu embeds a subset of the TrueType font and marks only
 *    the direct components of a composite glyph, so a glyph built from another
 *    composite (ẫ, and ü when its parts were first used another way) loses its
 *    accent.  Before saving, embed_glyph_closure() marks every component
 *    recursively.
 *  - The ToUnicode CMap libharu writes for the UTF-8 encoder uses cidrange, which
 *    is not allowed there (pdftotext warns; other readers may copy garbage).  The
 *    codes it writes are the Unicode code points, so it is replaced by an
 *    identity bfrange map (fix_to_unicode).
 *  - Every glyph look-up scans the font's cmap segments from the first, and a font
 *    for the UTF-8 encoder looks up all 65 536 code points when it is made (for its
 *    widths and its CIDToGIDMap): 190 segments in DejaVu Sans made that a third
 *    of a small report's PDF time.  doc_flatten_cmap() gives libharu the same mapping
 *    as one segment over a table indexed by the code point.
 *  - Document information strings are written in the current encoder; it is set
 *    to UTF-8 so they are stored as UTF-16 and read back correctly.
 *  - The PNG loader aborts the process on a corrupt file (libpng's error handler
 *    returns into libharu), so the logo is checked (signature, IHDR, chunk lengths
 *    and CRCs, IEND) and then test-loaded in a child process before it is loaded
 *    here.
 *  - Errors go to a handler that records the first one; the writer stops at the
 *    next check and returns 3.
 * libharu writes no random document id and no time stamp of its own; the creation
 * date is the one given to doc_set_info, so identical input gives identical bytes. */
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <hpdf_mmgr.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "pdf_doc.h"
#include "util.h"

/* ---- errors ---------------------------------------------------------------- */

static void on_hpdf_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user_data)
{
	struct pdf_doc *d = user_data;
	if (d->error == HPDF_OK) {
		d->error = error_no;
		d->error_detail = detail_no;
	}
}

bool doc_failed(const struct pdf_doc *d)
{
	return d->error != HPDF_OK;
}

/* ---- document and pages ---------------------------------------------------- */

bool doc_open(struct pdf_doc *d, struct canvas *c)
{
	memset(d, 0, sizeof *d);
	d->c = c;
	c->doc = HPDF_New(on_hpdf_error, d);
	if (!c->doc)
		return false;
	HPDF_SetCompressionMode(c->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(c->doc);
	d->utf8 = HPDF_GetEncoder(c->doc, "UTF-8");
	return true;
}

void doc_show_outline(struct pdf_doc *d)
{
	HPDF_SetPageMode(d->c->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

bool doc_add_page(struct pdf_doc *d)
{
	HPDF_Page page = HPDF_AddPage(d->c->doc);
	if (!page)
		return false;
	HPDF_Page_SetSize(page, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
	GROW(d->pages, d->page_cap, d->page_count + 1);
	d->pages[d->page_count++] = page;
	d->c->page = page;
	d->c->page_height = HPDF_Page_GetHeight(page);
	return true;
}

void doc_add_outline(struct pdf_doc *d, const char *title)
{
	struct buf clean = { 0 };
	text_sanitize(d->c, FONT_BOLD, title, &clean);
	HPDF_Outline o = HPDF_CreateOutline(d->c->doc, NULL, clean.data, d->utf8);
	if (o) {
		HPDF_Destination dest = HPDF_Page_CreateDestination(d->c->page);
		if (dest)
			HPDF_Outline_SetDestination(o, dest);
	}
	buf_free(&clean);
}

bool doc_save(struct pdf_doc *d, const char *path)
{
	return HPDF_SaveToFile(d->c->doc, path) == HPDF_OK && !doc_failed(d);
}

void doc_close(struct pdf_doc *d)
{
	HPDF_Free(d->c->doc);
	d->c->doc = NULL;
	free(d->pages);
	d->pages = NULL;
}

/* ---- the logo --------------------------------------------------------------- */

static uint32_t crc32_update(uint32_t crc, const unsigned char *s, size_t n)
{
	crc = ~crc;
	for (size_t i = 0; i < n; i++) {
		crc ^= s[i];
		for (int k = 0; k < 8; k++)
			crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1)));
	}
	return ~crc;
}

static uint32_t be32(const unsigned char *b)
{
	return (uint32_t)b[0] << 24 | (uint32_t)b[1] << 16 | (uint32_t)b[2] << 8 | b[3];
}

/* true when path looks like a PNG that libpng reads without failing: the
 * signature, a sane IHDR, every chunk inside the file with a correct CRC, at least
 * one IDAT and an IEND.  *why says what is wrong otherwise. */
static bool png_plausible(const char *path, const char **why)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
	FILE *f = fopen(path, "rb");
	if (!f) {
		*why = "cannot be read";
		return false;
	}
	unsigned char *data = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		GROW(data, cap, len + 65536);
		size_t got = fread(data + len, 1, 65536, f);
		len += got;
		if (got == 0 || len > 64u * 1024 * 1024)
			break;
	}
	fclose(f);
	bool good = false;
	*why = "is not a valid PNG image";
	if (len < 8 + 25 || memcmp(data, sig, 8) != 0)
		goto done;
	if (be32(data + 8) != 13 || memcmp(data + 12, "IHDR", 4) != 0)
		goto done;
	{
		uint32_t w = be32(data + 16), h = be32(data + 20);
		unsigned depth = data[24], type = data[25];
		bool depth_ok = (type == 0 && (depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16)) ||
		                (type == 3 && (depth == 1 || depth == 2 || depth == 4 || depth == 8)) ||
		                ((type == 2 || type == 4 || type == 6) && (depth == 8 || depth == 16));
		if (w == 0 || h == 0 || w > 20000 || h > 20000 || !depth_ok || data[26] != 0 ||
		    data[27] != 0 || data[28] > 1)
			goto done;
	}
	{
		size_t pos = 8;
		bool idat = false, iend = false;
		while (pos + 12 <= len && !iend) {
			uint32_t clen = be32(data + pos);
			if (clen > len - pos - 12)
				goto done;
			const unsigned char *type = data + pos + 4;
			if (crc32_update(0, type, 4 + (size_t)clen) != be32(data + pos + 8 + clen))
				goto done;
			if (memcmp(type, "IDAT", 4) == 0)
				idat = true;
			if (memcmp(type, "IEND", 4) == 0)
				iend = true;
			pos += 12 + (size_t)clen;
		}
		good = idat && iend;
	}
done:
	free(data);
	return good;
}

/* true when libharu loads the PNG at path without failing, tried in a child
 * process because a corrupt image (a bad zlib stream, a wrong checksum, a bad row
 * filter) makes libpng abort the process that loads it. */
static bool png_loads(const char *path)
{
	pid_t pid = fork();
	if (pid < 0)
		return false;
	if (pid == 0) {
		int null = open("/dev/null", O_WRONLY);
		if (null >= 0)
			dup2(null, STDERR_FILENO);   /* libpng prints its complaint here */
		HPDF_Doc doc = HPDF_New(NULL, NULL);
		HPDF_Image img = doc ? HPDF_LoadPngImageFromFile(doc, path) : NULL;
		_exit(img && HPDF_GetError(doc) == HPDF_OK ? 0 : 1);
	}
	int status;
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return false;
	return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

void doc_draw_png(struct pdf_doc *d, const char *logo, float right, float top, float maxw,
                  float maxh, FILE *err)
{
	const char *why = NULL;
	bool usable = png_plausible(logo, &why);
	if (usable && !png_loads(logo)) {
		usable = false;
		why = "is a damaged PNG image";
	}
	if (!usable) {
		fprintf(err, "aireport: warning: logo %s %s; the cover has no logo\n", logo, why);
		return;
	}
	HPDF_Image img = HPDF_LoadPngImageFromFile(d->c->doc, logo);
	if (!img || doc_failed(d)) {
		fprintf(err, "aireport: warning: logo %s could not be loaded; the cover has no logo\n", logo);
		HPDF_ResetError(d->c->doc);
		d->error = HPDF_OK;
		return;
	}
	float iw = (float)HPDF_Image_GetWidth(img), ih = (float)HPDF_Image_GetHeight(img);
	float scale = maxw / iw < maxh / ih ? maxw / iw : maxh / ih;
	float w = iw * scale, h = ih * scale;
	HPDF_Page_DrawImage(d->c->page, img, right - w, d->c->page_height - top - h, w, h);
}

/* ---- fonts ------------------------------------------------------------------ */

static uint16_t be16(const unsigned char *b)
{
	return (uint16_t)(b[0] << 8 | b[1]);
}

/* libharu copies only the glyphs it marked as used into the embedded font, and
 * marks only the direct components of a composite glyph.  This marks every
 * component of every marked glyph, recursively, reading the glyf table of the
 * font file with libharu's own offsets. */
static void embed_glyph_closure(HPDF_FontDef def, const char *path)
{
	if (!def || def->type != HPDF_FONTDEF_TYPE_TRUETYPE || !def->attr)
		return;
	HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
	if (!attr->embedding || !attr->glyph_tbl.flgs || !attr->glyph_tbl.offsets)
		return;
	FILE *f = fopen(path, "rb");
	if (!f)
		return;
	unsigned char *font = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		GROW(font, cap, len + 65536);
		size_t got = fread(font + len, 1, 65536, f);
		len += got;
		if (got == 0)
			break;
	}
	fclose(f);

	unsigned num = attr->num_glyphs;
	unsigned scale = attr->header.index_to_loc_format == 0 ? 2 : 1;
	unsigned *stack = xcalloc(num + 1, sizeof *stack);
	unsigned char *seen = xcalloc(num + 1, 1);
	size_t top = 0;
	for (unsigned g = 0; g < num; g++)
		if (attr->glyph_tbl.flgs[g]) {
			stack[top++] = g;
			seen[g] = 1;
		}
	while (top > 0) {
		unsigned g = stack[--top];
		size_t start = (size_t)attr->glyph_tbl.base_offset + (size_t)attr->glyph_tbl.offsets[g] * scale;
		size_t end = (size_t)attr->glyph_tbl.base_offset + (size_t)attr->glyph_tbl.offsets[g + 1] * scale;
		if (end > len || start + 10 > end || (int16_t)be16(font + start) != -1)
			continue;
		size_t pos = start + 10;
		for (;;) {
			if (pos + 4 > end)
				break;
			uint16_t flags = be16(font + pos), comp = be16(font + pos + 2);
			pos += 4 + ((flags & 0x0001) ? 4 : 2);
			if (flags & 0x0008)
				pos += 2;
			else if (flags & 0x0040)
				pos += 4;
			else if (flags & 0x0080)
				pos += 8;
			if (comp < num && !seen[comp]) {
				seen[comp] = 1;
				attr->glyph_tbl.flgs[comp] = 1;
				stack[top++] = comp;
			}
			if (!(flags & 0x0020))
				break;
		}
	}
	free(stack);
	free(seen);
	free(font);
}

/* Rewrites the font's ToUnicode CMap as a valid identity map from the 2-byte codes
 * (Unicode code points of the BMP) to UTF-16. */
static void fix_to_unicode(HPDF_Font font)
{
	HPDF_Dict cmap = HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT);
	if (!cmap || !cmap->stream)
		return;
	struct buf b = { 0 };
	buf_puts(&b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	             "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	             "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	/* a bfrange may only vary the last byte: one range per high byte, at most
	 * 100 ranges per block; the surrogate block D8-DF maps to nothing */
	int ranges[256], n = 0;
	for (int hi = 0; hi < 256; hi++)
		if (hi < 0xD8 || hi > 0xDF)
			ranges[n++] = hi;
	for (int i = 0; i < n; i += 100) {
		int count = n - i < 100 ? n - i : 100;
		buf_printf(&b, "%d beginbfrange\n", count);
		for (int j = i; j < i + count; j++)
			buf_printf(&b, "<%02X00> <%02XFF> <%02X00>\n", ranges[j], ranges[j], ranges[j]);
		buf_puts(&b, "endbfrange\n");
	}
	buf_puts(&b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	HPDF_MemStream_FreeData(cmap->stream);
	HPDF_Stream_WriteStr(cmap->stream, b.data);
	buf_free(&b);
}

/* One segment from 0 to U+FFFF whose glyph id array is indexed by the code point
 * (the way libharu's look-up computes the index).  The code point's segment is
 * the first whose end is not below it, as libharu finds it; an index outside the
 * glyph id array gives no glyph.  The embedded font keeps its own cmap: libharu
 * copies that table from the file. */
void doc_flatten_cmap(HPDF_FontDef def)
{
	HPDF_TTFontDefAttr attr = (HPDF_TTFontDefAttr)def->attr;
	HPDF_TTF_CmapRange *m = &attr->cmap;
	unsigned segments = m->seg_count_x2 / 2u;
	if (m->format != 4 || segments == 0 || !m->end_count || !m->start_count ||
	    !m->id_delta || !m->id_range_offset)
		return;
	HPDF_UINT16 *glyph = HPDF_GetMem(def->mmgr, sizeof(*glyph) * 0x10000);
	HPDF_UINT16 *end = HPDF_GetMem(def->mmgr, sizeof(*end));
	HPDF_UINT16 *start = HPDF_GetMem(def->mmgr, sizeof(*start));
	HPDF_INT16 *delta = HPDF_GetMem(def->mmgr, sizeof(*delta));
	HPDF_UINT16 *range_offset = HPDF_GetMem(def->mmgr, sizeof(*range_offset));
	if (!glyph || !end || !start || !delta || !range_offset) {
		HPDF_UINT16 *made[] = { glyph, end, start, (HPDF_UINT16 *)delta, range_offset };
		for (size_t i = 0; i < ARRAY_LEN(made); i++)
			if (made[i])
				HPDF_FreeMem(def->mmgr, made[i]);
		return;            /* the error is the document's: the load fails */
	}
	unsigned seg = 0;
	for (unsigned cp = 0; cp < 0x10000; cp++) {
		while (seg < segments && m->end_count[seg] < cp)
			seg++;
		HPDF_UINT16 gid = 0;
		if (seg < segments && m->start_count[seg] <= cp) {
			if (m->id_range_offset[seg] == 0) {
				gid = (HPDF_UINT16)(cp + (unsigned)m->id_delta[seg]);
			} else {
				HPDF_UINT idx = m->id_range_offset[seg] / 2u + (cp - m->start_count[seg]) -
				                (segments - seg);
				if (m->glyph_id_array && idx < m->glyph_id_array_count)
					gid = (HPDF_UINT16)(m->glyph_id_array[idx] + (unsigned)m->id_delta[seg]);
			}
		}
		glyph[cp] = gid;
	}
	HPDF_FreeMem(def->mmgr, m->end_count);
	HPDF_FreeMem(def->mmgr, m->start_count);
	HPDF_FreeMem(def->mmgr, m->id_delta);
	HPDF_FreeMem(def->mmgr, m->id_range_offset);
	if (m->glyph_id_array)
		HPDF_FreeMem(def->mmgr, m->glyph_id_array);
	end[0] = 0xFFFF;
	start[0] = 0;
	delta[0] = 0;
	range_offset[0] = 2;            /* index = 2 / 2 + (cp - 0) - (1 - 0) = cp */
	m->end_count = end;
	m->start_count = start;
	m->id_delta = delta;
	m->id_range_offset = range_offset;
	m->glyph_id_array = glyph;
	m->glyph_id_array_count = 0x10000;
	m->seg_count_x2 = 2;
}

/* Loads and embeds the TrueType font at path as style; false (and no error left
 * behind) when libharu cannot use it. */
static bool load_font(struct pdf_doc *d, const char *path, enum font_style style)
{
	struct canvas *c = d->c;
	const char *name = HPDF_LoadTTFontFromFile(c->doc, path, HPDF_TRUE);
	if (!name || doc_failed(d)) {
		HPDF_ResetError(c->doc);
		d->error = HPDF_OK;
		return false;
	}
	c->fontdef[style] = HPDF_GetFontDef(c->doc, name);
	if (c->fontdef[style] && c->fontdef[style]->type == HPDF_FONTDEF_TYPE_TRUETYPE)
		doc_flatten_cmap(c->fontdef[style]);
	c->font[style] = HPDF_GetFont(c->doc, name, "UTF-8");
	if (c->font[style])
		fix_to_unicode(c->font[style]);
	return c->font[style] && c->fontdef[style] && !doc_failed(d);
}

/* The bold companion of a custom font: "<name>-Bold.ttf" or "<name>Bold.ttf"
 * beside it, else the font itself. */
static char *bold_sibling(const char *path)
{
	const char *dot = strrchr(path, '.');
	size_t stem = dot ? (size_t)(dot - path) : strlen(path);
	static const char *const suffixes[] = { "-Bold", "Bold", "-bold", "_Bold" };
	for (size_t i = 0; i < ARRAY_LEN(suffixes); i++) {
		struct buf b = { 0 };
		buf_append(&b, path, stem);
		buf_puts(&b, suffixes[i]);
		buf_puts(&b, dot ? dot : ".ttf");
		FILE *f = fopen(b.data, "rb");
		if (f) {
			fclose(f);
			return b.data;
		}
		buf_free(&b);
	}
	return xstrdup(path);
}

bool doc_load_fonts(struct pdf_doc *d, const char *custom, char *paths[2], FILE *err)
{
	if (custom && custom[0]) {
		char *bold = bold_sibling(custom);
		if (load_font(d, custom, FONT_REGULAR) && load_font(d, bold, FONT_BOLD)) {
			paths[0] = xstrdup(custom);
			paths[1] = bold;
			return true;
		}
		free(bold);
		fprintf(err, "aireport: warning: font %s cannot be used in the PDF; using DejaVu Sans\n", custom);
	}
	if (!load_font(d, DEFAULT_FONT, FONT_REGULAR) || !load_font(d, DEFAULT_FONT_BOLD, FONT_BOLD))
		return false;
	paths[0] = xstrdup(DEFAULT_FONT);
	paths[1] = xstrdup(DEFAULT_FONT_BOLD);
	return true;
}

void doc_set_info(struct pdf_doc *d, time_t created, const char *title, const char *subject,
                  const char *author)
{
	struct canvas *c = d->c;
	time_t t = created;
	struct tm tm;
	gmtime_r(&t, &tm);
	HPDF_Date date = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, 'Z', 0, 0 };
	HPDF_SetInfoDateAttr(c->doc, HPDF_INFO_CREATION_DATE, date);
	HPDF_SetInfoDateAttr(c->doc, HPDF_INFO_MOD_DATE, date);
	/* info strings are stored in the current encoder: UTF-8 makes them UTF-16 */
	HPDF_SetCurrentEncoder(c->doc, "UTF-8");
	struct buf clean = { 0 };
	text_sanitize(c, FONT_REGULAR, title, &clean);
	HPDF_SetInfoAttr(c->doc, HPDF_INFO_TITLE, clean.data);
	text_sanitize(c, FONT_REGULAR, subject, &clean);
	HPDF_SetInfoAttr(c->doc, HPDF_INFO_SUBJECT, clean.data);
	if (author && author[0]) {
		text_sanitize(c, FONT_REGULAR, author, &clean);
		HPDF_SetInfoAttr(c->doc, HPDF_INFO_AUTHOR, clean.data);
	}
	HPDF_SetInfoAttr(c->doc, HPDF_INFO_CREATOR, "aireport");
	buf_free(&clean);
}

void doc_embed_glyphs(struct pdf_doc *d, char *const paths[2])
{
	embed_glyph_closure(d->c->fontdef[FONT_REGULAR], paths[0]);
	embed_glyph_closure(d->c->fontdef[FONT_BOLD], paths[1]);
}
