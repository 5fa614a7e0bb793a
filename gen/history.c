/* history.c - opening the per-organisation history (see history.h): the
 * schema and its migrations, the secret and the pseudonyms, and the one-line
 * failures every file of the module reports through. */
#include "history_db.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "util.h"

/* ---- schema ---------------------------------------------------------------------
 * migrations[i] takes a database from user_version i to i + 1.  A new schema
 * version appends one entry here and raises HISTORY_SCHEMA_VERSION; entries are
 * never changed once released. */
static const struct migration {
	const char *description;
	const char *sql;
} migrations[HISTORY_SCHEMA_VERSION] = {
	{ "the first schema: runs, published figures, folded cells, survey rows",
	  "CREATE TABLE migration(version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL,"
	  "  description TEXT NOT NULL);"
	  "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);"
	  /* one row per successful run; publication = the version its figures equal */
	  "CREATE TABLE run(id INTEGER PRIMARY KEY, run_at INTEGER NOT NULL,"
	  "  created INTEGER NOT NULL, program_version TEXT NOT NULL,"
	  "  quarter INTEGER NOT NULL, period TEXT NOT NULL,"
	  "  baseline_from INTEGER, baseline_to INTEGER,"
	  "  publication INTEGER REFERENCES publication(id));"
	  "CREATE TABLE run_input(run INTEGER NOT NULL REFERENCES run(id), role TEXT NOT NULL,"
	  "  path TEXT NOT NULL, sha256 TEXT, PRIMARY KEY(run, role)) WITHOUT ROWID;"
	  "CREATE TABLE publication(id INTEGER PRIMARY KEY, quarter INTEGER NOT NULL,"
	  "  version INTEGER NOT NULL, run INTEGER NOT NULL REFERENCES run(id),"
	  "  UNIQUE(quarter, version));"
	  "CREATE TABLE figure(publication INTEGER NOT NULL REFERENCES publication(id),"
	  "  line INTEGER NOT NULL, scope TEXT NOT NULL, grp TEXT NOT NULL,"
	  "  metric TEXT NOT NULL, value TEXT NOT NULL, status TEXT NOT NULL,"
	  "  PRIMARY KEY(publication, line)) WITHOUT ROWID;"
	  "CREATE TABLE person(id INTEGER PRIMARY KEY, pseudonym TEXT NOT NULL UNIQUE);"
	  /* the quarters whose data the history holds, and the run that supplied it */
	  "CREATE TABLE timesheet_quarter(quarter INTEGER PRIMARY KEY,"
	  "  run INTEGER NOT NULL REFERENCES run(id));"
	  "CREATE TABLE survey_quarter(quarter INTEGER PRIMARY KEY,"
	  "  run INTEGER NOT NULL REFERENCES run(id));"
	  "CREATE TABLE timesheet_cell(person INTEGER NOT NULL REFERENCES person(id),"
	  "  use_case TEXT NOT NULL, month INTEGER NOT NULL, entries INTEGER NOT NULL,"
	  "  ai_entries INTEGER NOT NULL, ai_items REAL NOT NULL, ai_minutes REAL NOT NULL,"
	  "  department TEXT, department_date INTEGER,"
	  "  PRIMARY KEY(person, use_case, month)) WITHOUT ROWID;"
	  "CREATE INDEX timesheet_cell_month ON timesheet_cell(month);"
	  "CREATE TABLE baseline_cell(use_case TEXT NOT NULL, month INTEGER NOT NULL,"
	  "  minutes REAL NOT NULL, items REAL NOT NULL,"
	  "  PRIMARY KEY(use_case, month)) WITHOUT ROWID;"
	  "CREATE TABLE first_ai(use_case TEXT NOT NULL, quarter INTEGER NOT NULL,"
	  "  date INTEGER NOT NULL, PRIMARY KEY(use_case, quarter)) WITHOUT ROWID;"
	  "CREATE TABLE survey_answer(person INTEGER NOT NULL REFERENCES person(id),"
	  "  quarter INTEGER NOT NULL, submitted INTEGER NOT NULL, department TEXT NOT NULL,"
	  "  role TEXT NOT NULL, mentor_named INTEGER NOT NULL,"
	  "  mentor INTEGER REFERENCES person(id), training_date INTEGER,"
	  "  ai_days_per_week REAL NOT NULL, tool_knowledge INTEGER NOT NULL,"
	  "  application_breadth INTEGER NOT NULL, autonomy INTEGER NOT NULL,"
	  "  innovation INTEGER NOT NULL, knowledge_sharing INTEGER NOT NULL,"
	  "  satisfaction INTEGER, PRIMARY KEY(person, quarter)) WITHOUT ROWID;"
	  "CREATE INDEX survey_answer_quarter ON survey_answer(quarter);" },
	/* What reading earlier quarters back needs to give the figures a run over all
	 * the data gives: each cell's place in its export (the model adds in that
	 * order) and the line of the row that named the cell's department (the
	 * tie-break between rows of one date).  Rows from version 1 read NULL. */
	{ "the cells' order in their export and the department row's line",
	  "ALTER TABLE timesheet_cell ADD COLUMN ordinal INTEGER;"
	  "ALTER TABLE timesheet_cell ADD COLUMN department_line INTEGER;"
	  "ALTER TABLE baseline_cell ADD COLUMN ordinal INTEGER;" },
	/* The cells keyed by month first: a quarter's cells are replaced as one range
	 * of the key, so the index on month (kept up to date with every cell) goes. */
	{ "the timesheet cells keyed by month, person and use case",
	  "CREATE TABLE timesheet_cell_by_month(person INTEGER NOT NULL REFERENCES person(id),"
	  "  use_case TEXT NOT NULL, month INTEGER NOT NULL, entries INTEGER NOT NULL,"
	  "  ai_entries INTEGER NOT NULL, ai_items REAL NOT NULL, ai_minutes REAL NOT NULL,"
	  "  department TEXT, department_date INTEGER, ordinal INTEGER, department_line INTEGER,"
	  "  PRIMARY KEY(month, person, use_case)) WITHOUT ROWID;"
	  "INSERT INTO timesheet_cell_by_month SELECT person, use_case, month, entries,"
	  "  ai_entries, ai_items, ai_minutes, department, department_date, ordinal,"
	  "  department_line FROM timesheet_cell;"
	  "DROP TABLE timesheet_cell;"
	  "ALTER TABLE timesheet_cell_by_month RENAME TO timesheet_cell;" },
};

static const char secret_check_label[] = "aireport history secret check";

/* ---- errors ---------------------------------------------------------------------- */

/* One line naming the database for a failed SQLite call; returns EXIT_IO. */
int history_fail(const struct history *h, int rc, FILE *err)
{
	const char *msg = sqlite3_errmsg(h->db);
	switch (rc & 0xff) {
	case SQLITE_BUSY:
	case SQLITE_LOCKED:
		fprintf(err, "aireport: %s: locked by another program (waited %d s): %s\n", h->path,
		        HISTORY_BUSY_TIMEOUT_MS / 1000, msg);
		break;
	case SQLITE_CORRUPT:
	case SQLITE_NOTADB:
		fprintf(err, "aireport: %s: corrupt history (%s); move it aside to start a new one\n",
		        h->path, msg);
		break;
	case SQLITE_READONLY:
	case SQLITE_CANTOPEN:
	case SQLITE_PERM:
	case SQLITE_IOERR:
	case SQLITE_FULL:
		fprintf(err, "aireport: %s: cannot write: %s\n", h->path, msg);
		break;
	default:
		fprintf(err, "aireport: %s: %s\n", h->path, msg);
		break;
	}
	return EXIT_IO;
}

int history_exec(struct history *h, const char *sql, FILE *err)
{
	int rc = sqlite3_exec(h->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : history_fail(h, rc, err);
}

sqlite3_stmt *history_prepare(struct history *h, const char *sql, int *rc)
{
	sqlite3_stmt *st = NULL;
	*rc = sqlite3_prepare_v2(h->db, sql, -1, &st, NULL);
	return *rc == SQLITE_OK ? st : NULL;
}

/* ---- the secret ------------------------------------------------------------------- */

static int random_bytes(unsigned char *out, size_t n)
{
	size_t got = 0;
	while (got < n) {
		ssize_t r = getrandom(out + got, n - got, 0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0)
			break;
		got += (size_t)r;
	}
	if (got == n)
		return 0;
	/* A kernel without getrandom: the same pool through the device. */
	int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	for (got = 0; got < n;) {
		ssize_t r = read(fd, out + got, n - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	close(fd);
	return got == n ? 0 : -1;
}

/* Writes a new secret to a temporary file and links it into place, so the secret
 * file either does not exist or holds all 32 bytes.  Returns 0, 1 when another
 * process created it first, or -1 (errno). */
static int create_secret(struct history *h)
{
	struct buf temp = { 0 };
	buf_printf(&temp, "%s.XXXXXX", h->secret_path);
	int fd = mkstemp(temp.data);   /* mode 0600 */
	if (fd < 0) {
		buf_free(&temp);
		return -1;
	}
	int rc = -1;
	if (fchmod(fd, 0600) == 0 && random_bytes(h->secret, sizeof(h->secret)) == 0 &&
	    write(fd, h->secret, sizeof(h->secret)) == (ssize_t)sizeof(h->secret) &&
	    fsync(fd) == 0) {
		rc = link(temp.data, h->secret_path) == 0 ? 0 : errno == EEXIST ? 1 : -1;
	}
	int saved = errno;
	close(fd);
	unlink(temp.data);
	buf_free(&temp);
	errno = saved;
	return rc;
}

/* Reads the secret, creating it when neither it nor a check value exists.
 * Returns 0 or EXIT_IO after one line on err. */
static int load_secret(struct history *h, FILE *err)
{
	for (int attempt = 0; attempt < 2; attempt++) {
		int fd = open(h->secret_path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
		if (fd < 0 && errno == ENOENT) {
			if (h->check_stored) {
				fprintf(err, "aireport: %s: missing; the history's pseudonyms need it "
				        "(restore it, or move %s aside to start a new history)\n",
				        h->secret_path, h->path);
				return EXIT_IO;
			}
			int rc = create_secret(h);
			if (rc == 0)
				return 0;
			if (rc < 0) {
				fprintf(err, "aireport: %s: cannot write: %s\n", h->secret_path,
				        strerror(errno));
				return EXIT_IO;
			}
			continue;   /* created by another process meanwhile: read it */
		}
		if (fd < 0) {
			fprintf(err, "aireport: %s: cannot read: %s\n", h->secret_path, strerror(errno));
			return EXIT_IO;
		}
		struct stat st;
		ssize_t n = -1;
		errno = 0;
		if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size == (off_t)sizeof(h->secret))
			n = read(fd, h->secret, sizeof(h->secret));
		int saved = errno;
		close(fd);
		if (n != (ssize_t)sizeof(h->secret)) {
			if (n < 0 && saved)
				fprintf(err, "aireport: %s: cannot read: %s\n", h->secret_path,
				        strerror(saved));
			else
				fprintf(err, "aireport: %s: not a history secret (expected %zu bytes)\n",
				        h->secret_path, sizeof(h->secret));
			return EXIT_IO;
		}
		if ((st.st_mode & 077) && !is_quiet())
			fprintf(err, "aireport: warning: %s: readable by others; chmod 600 it\n",
			        h->secret_path);
		return 0;
	}
	fprintf(err, "aireport: %s: cannot read\n", h->secret_path);
	return EXIT_IO;
}

void history_pseudonym(const struct history *h, const char *id, char out[SHA256_HEX_SIZE])
{
	unsigned char digest[SHA256_SIZE];
	hmac_sha256(h->secret, sizeof(h->secret), id, strlen(id), digest);
	sha256_hex(digest, out);
}

/* ---- opening ----------------------------------------------------------------------- */

static int integrity_check(struct history *h, FILE *err)
{
	int rc;
	sqlite3_stmt *st = history_prepare(h, "PRAGMA integrity_check", &rc);
	if (!st)
		return history_fail(h, rc, err);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return history_fail(h, rc, err);
	}
	const char *first = (const char *)sqlite3_column_text(st, 0);
	if (!first || strcmp(first, "ok") != 0) {
		/* its first finding, on the one line */
		char finding[256];
		snprintf(finding, sizeof(finding), "%s", first ? first : "no answer");
		for (char *c = finding; *c; c++)
			if (*c == '\n' || *c == '\r')
				*c = ' ';
		fprintf(err, "aireport: %s: corrupt history (integrity check: %s); move it aside "
		        "to start a new one\n", h->path, finding);
		sqlite3_finalize(st);
		return EXIT_IO;
	}
	sqlite3_finalize(st);
	return 0;
}

static int read_int(struct history *h, const char *sql, int *out, FILE *err)
{
	int rc;
	sqlite3_stmt *st = history_prepare(h, sql, &rc);
	if (!st)
		return history_fail(h, rc, err);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return history_fail(h, rc, err);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Brings the schema to HISTORY_SCHEMA_VERSION in one transaction, from the
 * version it has once the transaction holds the lock: two runs that open a new
 * history at once both find version 0, and the second finds the first's work. */
static int migrate(struct history *h, FILE *err)
{
	int from = 0;
	int status = history_exec(h, "BEGIN IMMEDIATE", err);
	if (status)
		return status;
	status = read_int(h, "PRAGMA user_version", &from, err);
	for (int v = from; v < HISTORY_SCHEMA_VERSION && !status; v++) {
		status = history_exec(h, migrations[v].sql, err);
		if (status)
			break;
		char *sql = sqlite3_mprintf("INSERT INTO migration VALUES(%d, %lld, %Q);"
		                            "PRAGMA user_version = %d;", v + 1,
		                            (long long)time(NULL), migrations[v].description, v + 1);
		status = history_exec(h, sql, err);
		sqlite3_free(sql);
	}
	if (!status)
		status = history_exec(h, "COMMIT", err);
	if (status)
		sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
	return status;
}

static int read_secret_check(struct history *h, FILE *err)
{
	int rc;
	sqlite3_stmt *st = history_prepare(h, "SELECT value FROM meta WHERE key = 'secret_check'", &rc);
	if (!st)
		return history_fail(h, rc, err);
	rc = sqlite3_step(st);
	char stored[SHA256_HEX_SIZE] = "";
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		snprintf(stored, sizeof(stored), "%s", v ? v : "");
		h->check_stored = true;
	} else if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return history_fail(h, rc, err);
	}
	sqlite3_finalize(st);
	int status = load_secret(h, err);
	if (status)
		return status;
	unsigned char digest[SHA256_SIZE];
	hmac_sha256(h->secret, sizeof(h->secret), secret_check_label, strlen(secret_check_label),
	            digest);
	sha256_hex(digest, h->secret_check);
	if (h->check_stored && strcmp(stored, h->secret_check) != 0) {
		fprintf(err, "aireport: %s: not the secret of %s (its pseudonyms would not match); "
		        "restore the original\n", h->secret_path, h->path);
		return EXIT_IO;
	}
	return 0;
}

struct history *history_open(const char *dir, FILE *err)
{
	struct history *h = xcalloc(1, sizeof(*h));
	struct buf path = { 0 }, secret = { 0 };
	buf_printf(&path, "%s/%s", dir, HISTORY_FILE);
	buf_printf(&secret, "%s/%s", dir, HISTORY_SECRET_FILE);
	h->path = path.data;
	h->secret_path = secret.data;

	/* One thread at a time uses the connection (the history's thread stages, the
	 * run commits once it has joined it), so SQLite need not lock its mutex on
	 * every call: 18 000 cells make some 250 000 calls. */
	int rc = sqlite3_open_v2(h->path, &h->db,
	                         SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
	                         NULL);
	if (rc != SQLITE_OK) {
		if (h->db)
			history_fail(h, rc, err);
		else
			fprintf(err, "aireport: %s: cannot open: out of memory\n", h->path);
		goto fail;
	}
	sqlite3_extended_result_codes(h->db, 1);
	sqlite3_busy_timeout(h->db, HISTORY_BUSY_TIMEOUT_MS);
	if (sqlite3_db_readonly(h->db, "main") == 1) {
		fprintf(err, "aireport: %s: cannot write: the file is read-only\n", h->path);
		goto fail;
	}
	int version = 0;
	if (integrity_check(h, err) != 0 ||
	    read_int(h, "PRAGMA user_version", &version, err) != 0)
		goto fail;
	if (version > HISTORY_SCHEMA_VERSION) {
		fprintf(err, "aireport: %s: written by a newer aireport (schema version %d; this "
		        "one knows up to %d); use that version or newer\n", h->path, version,
		        HISTORY_SCHEMA_VERSION);
		goto fail;
	}
	if (version < 0) {
		fprintf(err, "aireport: %s: not a history (schema version %d)\n", h->path, version);
		goto fail;
	}
	/* WAL: readers (a BI tool, the sqlite3 shell) never block the run's write,
	 * and a killed run leaves only uncommitted frames that are ignored. */
	int mrc;
	sqlite3_stmt *st = history_prepare(h, "PRAGMA journal_mode = WAL", &mrc);
	if (!st) {
		history_fail(h, mrc, err);
		goto fail;
	}
	mrc = sqlite3_step(st);
	const char *mode = mrc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	bool wal = mode && strcmp(mode, "wal") == 0;
	sqlite3_finalize(st);
	if (mrc != SQLITE_ROW) {
		history_fail(h, mrc, err);
		goto fail;
	}
	if (!wal) {
		fprintf(err, "aireport: %s: cannot switch to write-ahead logging\n", h->path);
		goto fail;
	}
	if (history_exec(h, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", err) != 0)
		goto fail;
	if (version < HISTORY_SCHEMA_VERSION && migrate(h, err) != 0)
		goto fail;
	if (read_secret_check(h, err) != 0)
		goto fail;
	return h;
fail:
	history_close(h);
	return NULL;
}

void history_close(struct history *h)
{
	if (!h)
		return;
	sqlite3_close(h->db);
	memset(h->secret, 0, sizeof(h->secret));
	free(h->path);
	free(h->secret_path);
	free(h);
}

const char *history_path(const struct history *h)
{
	return h->path;
}
