/* csvdecode.h - the bytes of a CSV export before tokenizing (csvin.c, chunk.c):
 * reading a file or a buffer, deciding the encoding (§11.1), decoding to UTF-8
 * and detecting the delimiter (§11.3).  Internal to the CSV reader. */
#ifndef AIREPORT_CSVDECODE_H
#define AIREPORT_CSVDECODE_H

#include <iconv.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "csvin.h"

#define CSV_READ_CHUNK ((size_t)1 << 20)
#define CARRY_MAX 4                        /* bytes of a cut-off character */

extern const char CSV_REPLACEMENT[];       /* U+FFFD in UTF-8, 3 bytes */

enum text_encoding {
	TEXT_UTF8,          /* valid UTF-8: passed on as read */
	TEXT_UTF8_REPAIR,   /* UTF-8 by its BOM, invalid bytes become U+FFFD */
	TEXT_WINDOWS1252,
	TEXT_UTF16LE,
	TEXT_UTF16BE,
};

struct reader {
	const char *name;
	FILE *err;
	int fd;                         /* -1: the bytes are mem[0..mem_len) */
	const unsigned char *mem;
	size_t mem_len, mem_pos;
	long long size;
	long long consumed;             /* bytes read in the current pass */
	unsigned char *chunk;           /* CARRY_MAX + chunk_size */
	size_t chunk_size;              /* CSV_READ_CHUNK, less for a small input */
	char *text;                     /* decoded chunk (not for TEXT_UTF8) */
	size_t text_cap;
	enum text_encoding enc;
	size_t bom_len;                 /* bytes skipped at the start of every pass */
	iconv_t cd;
};

/* Receives decoded UTF-8 text in pieces of any size; returns non-zero to stop. */
typedef int (*text_sink)(void *ctx, const char *s, size_t n);

/* Sets up r's buffers for reading (r->size known) and decides the encoding
 * (sets r->enc, r->bom_len, info->encoding).  Returns 0, EXIT_DATA (forced
 * utf-8, invalid) or EXIT_IO after one line on r->err.  reader_close() frees. */
int reader_open(struct reader *r, enum encoding_mode mode, struct csvin_info *info);
void reader_close(struct reader *r);

/* Runs one pass over the whole input.  Returns 0 at the end, the sink's non-zero
 * value when it stopped, EXIT_IO (message printed) on a read error; a sink must
 * therefore stop with a value other than EXIT_IO (csvin uses 1). */
int run_pass(struct reader *r, text_sink sink, void *ctx);

/* The delimiter of the first non-blank line (',' when it tells nothing).
 * Returns 0 or EXIT_IO. */
int detect_delimiter(struct reader *r, char *delimiter);

/* Length of the valid UTF-8 prefix of s[0..n) (no overlongs, no surrogates,
 * nothing above U+10FFFF).  When it stops before n, *bad tells whether s[ret]
 * starts an invalid sequence (true) or a sequence cut off by the end (false). */
size_t utf8_prefix(const unsigned char *s, size_t n, bool *bad);

/* An input file, opened for reading.  A pipe or other stream is first copied to
 * an unnamed temporary file, because the encoding is decided over the whole file
 * before reading. */
struct input {
	int fd;
	FILE *tmp;
	long long size;
	int own_fd;
};
/* Returns 0, or EXIT_IO after one line "aireport: path: ..." on err. */
int input_open(struct input *in, const char *path, FILE *err);
void input_close(struct input *in);

/* Text to read at any position: in memory, or a file read with pread() (threads
 * read their own parts of it; read() copies cost less than faulting in the pages
 * of a mapping). */
struct text_source {
	const char *mem;            /* NULL: read fd */
	int fd;
	size_t len;
};
/* Up to want bytes at pos: a pointer into mem, or buf filled.  *got is less than
 * asked only at the end, or when the file cannot be read (errno set). */
const char *source_read(const struct text_source *src, char *buf, size_t pos, size_t want,
                        size_t *got);

#endif
