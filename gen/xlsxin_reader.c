/* xlsxin_reader.c - the plumbing of a workbook read (xlsxin_reader.h): the one
 * error line of a failed read, the progress line, and one ZIP part inflated in
 * chunks straight into expat, with the limits against zip bombs and the refusal
 * of any DTD. */
#include "xlsxin_reader.h"

#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "csvin.h"

#define READ_CHUNK ((size_t)64 << 10)        /* inflated bytes per XML_Parse */
#define AHEAD 4                              /* chunks inflated ahead of the parse */
#define AHEAD_MIN_BYTES (1LL << 20)          /* smaller parts are inflated in turn */
/* Prints the one error line of a failed read ("aireport: name: ...") and stops
 * the parser; later failures are consequences and stay silent.  Control
 * characters from the file (a sheet name with &#10;) become '?', so the message
 * stays one line. */
void reader_fail(struct reader *r, int status, const char *fmt, ...)
{
	if (r->failed)
		return;
	r->failed = true;
	r->status = status;
	if (r->trial) {          /* the scanner's pass: expat reads the part again */
		r->bailed = true;
		return;
	}
	progress_end(&r->progress);
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

void reader_fail_cell(struct reader *r, const char *what)
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

/* A part's inflated chunks, in order.  With more than one thread (csvin.h) a
 * large part is inflated on another core, up to AHEAD chunks ahead of the
 * parse: expat sees the same chunks in the same order, and only the inflating
 * thread touches the ZIP file until it has met the end or an error. */
struct inflater {
	zip_file_t *f;
	char *buf[AHEAD];
	zip_int64_t len[AHEAD];
	size_t made, used;              /* chunks inflated; chunks the parse is done with */
	bool holding;                   /* the parse holds chunk used % AHEAD */
	bool quit;
	bool threaded;
	pthread_mutex_t mu;
	pthread_cond_t cv;
	pthread_t thread;
};

static void *inflate_ahead(void *arg)
{
	struct inflater *in = arg;
	pthread_mutex_lock(&in->mu);
	while (!in->quit) {
		if (in->made - in->used == AHEAD) {
			pthread_cond_wait(&in->cv, &in->mu);
			continue;
		}
		size_t slot = in->made % AHEAD;
		pthread_mutex_unlock(&in->mu);
		zip_int64_t n = zip_fread(in->f, in->buf[slot], READ_CHUNK);
		pthread_mutex_lock(&in->mu);
		in->len[slot] = n;
		in->made++;
		pthread_cond_broadcast(&in->cv);
		if (n <= 0)
			break;   /* the end or an error: the parse meets it in turn */
	}
	pthread_mutex_unlock(&in->mu);
	return NULL;
}

static void inflater_start(struct inflater *in, zip_file_t *f, bool ahead)
{
	memset(in, 0, sizeof(*in));
	in->f = f;
	in->buf[0] = xmalloc(READ_CHUNK);
	if (!ahead)
		return;
	for (int i = 1; i < AHEAD; i++)
		in->buf[i] = xmalloc(READ_CHUNK);
	pthread_mutex_init(&in->mu, NULL);
	pthread_cond_init(&in->cv, NULL);
	in->threaded = pthread_create(&in->thread, NULL, inflate_ahead, in) == 0;
	if (!in->threaded) {
		pthread_mutex_destroy(&in->mu);
		pthread_cond_destroy(&in->cv);
	}
}

/* The next chunk into *data: its length, 0 at the end, -1 on a ZIP error. */
static zip_int64_t inflater_next(struct inflater *in, char **data)
{
	if (!in->threaded) {
		*data = in->buf[0];
		return zip_fread(in->f, in->buf[0], READ_CHUNK);
	}
	pthread_mutex_lock(&in->mu);
	if (in->holding) {
		in->used++;
		pthread_cond_broadcast(&in->cv);
	}
	while (in->made == in->used)
		pthread_cond_wait(&in->cv, &in->mu);
	in->holding = true;
	size_t slot = in->used % AHEAD;
	zip_int64_t n = in->len[slot];
	*data = in->buf[slot];
	pthread_mutex_unlock(&in->mu);
	return n;
}

static void inflater_end(struct inflater *in)
{
	if (in->threaded) {
		pthread_mutex_lock(&in->mu);
		in->quit = true;
		pthread_cond_broadcast(&in->cv);
		pthread_mutex_unlock(&in->mu);
		pthread_join(in->thread, NULL);
		pthread_mutex_destroy(&in->mu);
		pthread_cond_destroy(&in->cv);
	}
	for (int i = 0; i < AHEAD; i++)
		free(in->buf[i]);
}

int part_stream(struct reader *r, zip_int64_t idx, const char *name, long long limit,
                bool show_progress, part_feed feed, void *arg)
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
	r->part = name;
	r->part_bytes = 0;
	r->open_depth = 0;
	r->part_size = (st.valid & ZIP_STAT_SIZE) ? (long long)st.size : 0;
	progress_begin(&r->progress, show_progress && r->opt->progress, r->part_size, r->err,
	               r->name, " of sheet XML");

	struct inflater in;
	inflater_start(&in, f, csvin_threads() > 1 && r->part_size > AHEAD_MIN_BYTES);
	for (;;) {
		char *chunk;
		zip_int64_t n = inflater_next(&in, &chunk);
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
		if (!feed(r, arg, chunk, (size_t)n, n == 0) || r->failed || r->stopped || n == 0)
			break;
		progress_show(&r->progress, r->part_bytes, r->part_size, r->records);
	}
	inflater_end(&in);
	progress_end(&r->progress);
	zip_fclose(f);
	return r->failed ? r->status : 0;
}

static bool expat_feed(struct reader *r, void *arg, const char *data, size_t n, bool final)
{
	XML_Parser p = arg;
	if (XML_Parse(p, data, (int)n, final) == XML_STATUS_ERROR) {
		if (!r->failed && !r->stopped)
			reader_fail(r, EXIT_DATA, "%s:%lu: malformed XML (%s)", r->part,
			            (unsigned long)XML_GetCurrentLineNumber(p),
			            XML_ErrorString(XML_GetErrorCode(p)));
		return false;
	}
	return true;
}

int part_parse(struct reader *r, zip_int64_t idx, const char *name, long long limit,
               XML_StartElementHandler start, XML_EndElementHandler end,
               XML_CharacterDataHandler text, bool show_progress)
{
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
	int status = part_stream(r, idx, name, limit, show_progress, expat_feed, p);
	XML_ParserFree(p);
	r->parser = NULL;
	return status;
}

zip_int64_t part_find(struct reader *r, const char *name)
{
	return zip_name_locate(r->zip, name, 0);
}
