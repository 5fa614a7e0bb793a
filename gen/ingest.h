/* ingest.h - what the survey and timesheet readers share (ingest.c): reading one
 * export through csvin or xlsxin, choosing its profile, checking fields, the
 * date-order verdict and the [identity] map. */
#ifndef AIREPORT_INGEST_H
#define AIREPORT_INGEST_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "csvin.h"
#include "dataset.h"
#include "fields.h"
#include "header.h"
#include "profile.h"
#include "rules.h"
#include "util.h"

/* Reads one export: an .xlsx workbook (judged by content) through xlsxin, the
 * sheet the settings name (default the first); anything else through csvin with
 * their encoding and delimiter.  fn gets every record and builds h from the
 * header row(s).  Returns 0 or the exit status of a whole-file error (unreadable,
 * empty, a missing column).  Frees h. */
int export_read(const char *path, const struct input_settings *in, bool progress,
                csv_record_fn fn, void *ctx, struct header_map *h, struct file_read *how,
                FILE *err);
/* Same; a CSV file's records after the header are read with par on several
 * cores (csvin_read_parallel) when fn returns CSVIN_SPLIT for the header. */
int export_read_parallel(const char *path, const struct input_settings *in, bool progress,
                         csv_record_fn fn, void *ctx, const struct csvin_parallel *par,
                         struct header_map *h, struct file_read *how, FILE *err);

/* Reads one date of the file at line in ds's order (parse_date_ordered), noting
 * which order it is evidence of for date_sense_verdict(). */
enum field_error date_sense_read(struct date_sense *ds, long line, const char *s, size_t n,
                                 int32_t *out);
/* What the file's dates say, once it is read: 0 when they were read right (with
 * one warning naming date_order when no date could tell the order);
 * DATES_MONTH_FIRST when the file must be read again with DATE_ORDER_MDY;
 * EXIT_DATA after one line on err when both orders occur. */
#define DATES_MONTH_FIRST 100
int date_sense_verdict(const struct date_sense *ds, const char *file, const char *section,
                       FILE *err);

/* Reads the [identity] map at path (a header row, then timesheet id, survey id
 * per row) into d.  Returns 0, or an exit status after one line on err. */
int identity_load(struct dataset *d, const char *path, FILE *err);
/* The employee index of a timesheet id, through the identity map. */
uint32_t identity_lookup(struct dataset *d, const struct csv_field *id);

/* The key under which an id is compared: ids that look like e-mail addresses
 * (they hold an '@') compare without regard to ASCII case, so they are kept in
 * lower case; others as written.  Returns the field itself or a copy in scratch. */
struct csv_field id_field(const struct csv_field *f, struct buf *scratch);

/* The profile a reader uses and the column names it hands to header.c. */
struct reader_profile {
	const struct profile *profile;
	char *names[HEADER_MAX_COLUMNS];
	int header_rows;
};
/* Chooses the profile from the settings or, for auto, from the first header row
 * (one line on err saying which, unless quiet), and merges its names with the
 * rules' [*_columns].  Free with reader_profile_free(). */
void reader_profile_choose(struct reader_profile *rp, enum profile_kind kind,
                           const struct input_settings *in, char *const *rules_columns,
                           const char *const *canonical, size_t n,
                           const struct csv_record *row1, const char *file, FILE *err);
void reader_profile_free(struct reader_profile *rp);

/* Checks a required text field of 1..max code points (§2, §11.8); returns 0, or -1
 * with the reject reason in reason. */
int check_text_field(const struct csv_field *f, size_t max, char *reason, size_t rsz);

/* Text of a typed-field error for rejects.csv ("not a valid date", ...). */
const char *field_error_reason(int field_error);

#endif
