/* bench_store.c - OUT/benchmark.sqlite (bench_store.h). */
#include "bench_store.h"

#include <errno.h>
#include <fcntl.h>
#include <stdbool.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "fsutil.h"
#include "sha256.h"
#include "util.h"

#define STORE_VERSION 1
#define SECRET_SIZE 32

static const char *const status_names[] = { "ok", "n/a", "suppressed" };   /* enum figure_status */

/* OUT/benchmark.secret: read, or created from SQLite's generator (seeded by the
 * kernel) with mode 0600 when missing.  Returns 0 or -1 (errno). */
static int load_secret(const char *path, unsigned char key[SECRET_SIZE])
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd >= 0) {
		sqlite3_randomness(SECRET_SIZE, key);
		bool written = write(fd, key, SECRET_SIZE) == SECRET_SIZE && fsync(fd) == 0;
		if (close(fd) != 0 || !written) {
			unlink(path);
			return -1;
		}
		return 0;
	}
	if (errno != EEXIST)
		return -1;
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	unsigned char extra;
	ssize_t got = read(fd, key, SECRET_SIZE);
	bool exact = got == SECRET_SIZE && read(fd, &extra, 1) == 0;
	close(fd);
	if (!exact) {
		errno = EINVAL;
		return -1;
	}
	return 0;
}

static int fail(sqlite3 *db, const char *path, FILE *err)
{
	fprintf(err, "aireport: %s: %s\n", path, db ? sqlite3_errmsg(db) : "cannot open");
	return EXIT_IO;
}

static int exec(sqlite3 *db, const char *sql)
{
	return sqlite3_exec(db, sql, NULL, NULL, NULL);
}

static int record(sqlite3 *db, const unsigned char key[SECRET_SIZE], const struct bench_entry *e,
                  size_t n)
{
	sqlite3_stmt *del = NULL, *ins = NULL;
	int rc = sqlite3_prepare_v2(db, "DELETE FROM figure WHERE client = ?1 AND period = ?2",
	                            -1, &del, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(db, "INSERT INTO figure (client, period, min_clients, kpi, "
		                        "value, status) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", -1, &ins, NULL);
	for (size_t i = 0; i < n && rc == SQLITE_OK; i++) {
		unsigned char mac[SHA256_SIZE];
		char client[SHA256_HEX_SIZE];
		hmac_sha256(key, SECRET_SIZE, e[i].client, strlen(e[i].client), mac);
		sha256_hex(mac, client);
		sqlite3_bind_text(del, 1, client, -1, SQLITE_TRANSIENT);
		sqlite3_bind_text(del, 2, e[i].period, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(del) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
		sqlite3_reset(del);
		for (int k = 0; k < BK_COUNT && rc == SQLITE_OK; k++) {
			const struct figure *f = &e[i].values.kpi[k];
			sqlite3_bind_text(ins, 1, client, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(ins, 2, e[i].period, -1, SQLITE_TRANSIENT);
			sqlite3_bind_int(ins, 3, e[i].min_clients);
			sqlite3_bind_text(ins, 4, bench_kpi_names[k], -1, SQLITE_STATIC);
			if (f->status == FIG_OK)
				sqlite3_bind_double(ins, 5, f->value);
			else
				sqlite3_bind_null(ins, 5);
			sqlite3_bind_text(ins, 6, status_names[f->status], -1, SQLITE_STATIC);
			rc = sqlite3_step(ins) == SQLITE_DONE ? SQLITE_OK : SQLITE_ERROR;
			sqlite3_reset(ins);
		}
	}
	sqlite3_finalize(del);
	sqlite3_finalize(ins);
	return rc;
}

/* Every client and quarter of the store, in key order. */
static int read_all(sqlite3 *db, struct bench_entry **all, size_t *count)
{
	sqlite3_stmt *st = NULL;
	int rc = sqlite3_prepare_v2(db, "SELECT client, period, min_clients, kpi, value, status "
	                            "FROM figure ORDER BY client, period", -1, &st, NULL);
	size_t n = 0, cap = 0;
	struct bench_entry *e = NULL;
	while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		rc = SQLITE_OK;
		const char *client = (const char *)sqlite3_column_text(st, 0);
		const char *period = (const char *)sqlite3_column_text(st, 1);
		const char *kpi = (const char *)sqlite3_column_text(st, 3);
		const char *status = (const char *)sqlite3_column_text(st, 5);
		if (!client || !period || !kpi || !status)
			continue;
		if (!n || strcmp(e[n - 1].client, client) != 0 || strcmp(e[n - 1].period, period) != 0) {
			GROW(e, cap, n + 1);
			memset(&e[n], 0, sizeof(e[n]));
			for (int k = 0; k < BK_COUNT; k++)
				e[n].values.kpi[k].status = FIG_NA;
			snprintf(e[n].client, sizeof(e[n].client), "%s", client);
			snprintf(e[n].period, sizeof(e[n].period), "%s", period);
			e[n].min_clients = sqlite3_column_int(st, 2);
			n++;
		}
		for (int k = 0; k < BK_COUNT; k++) {
			if (strcmp(kpi, bench_kpi_names[k]) != 0)
				continue;
			struct figure *f = &e[n - 1].values.kpi[k];
			f->status = strcmp(status, "ok") == 0 && sqlite3_column_type(st, 4) != SQLITE_NULL
			            ? FIG_OK : strcmp(status, "suppressed") == 0 ? FIG_SUPPRESSED : FIG_NA;
			f->value = f->status == FIG_OK ? sqlite3_column_double(st, 4) : 0;
		}
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		free(e);
		return rc;
	}
	*all = e;
	*count = n;
	return SQLITE_OK;
}

int bench_store_sync(const char *out, const struct bench_entry *e, size_t n,
                     struct bench_entry **all, size_t *all_count, FILE *err)
{
	*all = NULL;
	*all_count = 0;
	if (make_dirs(out) != 0) {
		fprintf(err, "aireport: %s: cannot create folder: %s\n", out, strerror(errno));
		return EXIT_IO;
	}
	struct buf path = { 0 }, secret = { 0 };
	buf_printf(&path, "%s/%s", out, BENCH_STORE_FILE);
	buf_printf(&secret, "%s/%s", out, BENCH_SECRET_FILE);
	int status = 0;
	unsigned char key[SECRET_SIZE];
	if (load_secret(secret.data, key) != 0) {
		fprintf(err, "aireport: %s: cannot use the secret: %s\n", secret.data,
		        errno == EINVAL ? "not 32 bytes" : strerror(errno));
		buf_free(&path);
		buf_free(&secret);
		return EXIT_IO;
	}
	sqlite3 *db = NULL;
	if (sqlite3_open_v2(path.data, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL) != SQLITE_OK) {
		status = fail(db, path.data, err);
		goto done;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_stmt *st = NULL;
	int version = -1;
	if (sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, NULL) == SQLITE_OK &&
	    sqlite3_step(st) == SQLITE_ROW)
		version = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	if (version < 0) {
		status = fail(db, path.data, err);
		goto done;
	}
	if (version > STORE_VERSION) {
		fprintf(err, "aireport: %s: written by a newer aireport (schema %d, this one knows %d)\n",
		        path.data, version, STORE_VERSION);
		status = EXIT_IO;
		goto done;
	}
	if (exec(db, "PRAGMA journal_mode = WAL") != SQLITE_OK ||
	    exec(db, "BEGIN IMMEDIATE") != SQLITE_OK) {
		status = fail(db, path.data, err);
		goto done;
	}
	int rc = exec(db, "CREATE TABLE IF NOT EXISTS figure (client TEXT NOT NULL, "
	              "period TEXT NOT NULL, min_clients INTEGER NOT NULL, kpi TEXT NOT NULL, "
	              "value REAL, status TEXT NOT NULL, PRIMARY KEY (client, period, kpi))");
	if (rc == SQLITE_OK && version < STORE_VERSION)
		rc = exec(db, "PRAGMA user_version = 1");
	if (rc == SQLITE_OK)
		rc = record(db, key, e, n);
	if (rc == SQLITE_OK)
		rc = exec(db, "COMMIT");
	if (rc != SQLITE_OK) {
		status = fail(db, path.data, err);
		exec(db, "ROLLBACK");
		goto done;
	}
	if (read_all(db, all, all_count) != SQLITE_OK)
		status = fail(db, path.data, err);
done:
	sqlite3_close(db);
	buf_free(&path);
	buf_free(&secret);
	return status;
}
