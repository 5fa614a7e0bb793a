/* history_db.h - what the files of the history share inside the module
 * (history.c, history_figures.c, history_write.c, history_read.c): the handle and
 * the SQLite calls that tell a failure on one line.  Only history*.c include it;
 * everyone else uses history.h. */
#ifndef AIREPORT_HISTORY_DB_H
#define AIREPORT_HISTORY_DB_H

#include <sqlite3.h>
#include <stdbool.h>
#include <stdio.h>

#include "history.h"

struct history {
	sqlite3 *db;
	char *path;                     /* dir/history.sqlite */
	char *secret_path;              /* dir/history.secret */
	unsigned char secret[32];
	char secret_check[SHA256_HEX_SIZE];
	bool check_stored;              /* meta holds secret_check */
};

/* One line on err naming the database for a failed SQLite call (rc); returns
 * EXIT_IO. */
int history_fail(const struct history *h, int rc, FILE *err);
/* Runs SQL without results; 0 or EXIT_IO after one line on err. */
int history_exec(struct history *h, const char *sql, FILE *err);
/* A prepared statement, or NULL with the SQLite result in *rc. */
sqlite3_stmt *history_prepare(struct history *h, const char *sql, int *rc);

/* The figures of one publication (its id), in line order, into out (overwritten).
 * Returns 0 or EXIT_IO after one line on err (out is then empty). */
int history_load_figures(struct history *h, sqlite3_int64 publication, int quarter,
                         struct history_figures *out, FILE *err);
/* Compares figures with their quarter's latest publication (history_compare);
 * *latest gets that publication's id, 0 when there is none. */
int history_compare_latest(struct history *h, const struct history_figures *figures,
                           struct history_changes *changes, sqlite3_int64 *latest,
                           FILE *err);

#endif
