/* history.c - the per-organisation history in SQLite (see history.h). */
#include "history.h"

#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include "calendar.h"
#include "rules.h"
#include "util.h"

struct history {
	sqlite3 *db;
	char *path;                     /* dir/history.sqlite */
	char *secret_path;              /* dir/history.secret */
	unsigned char secret[32];
	char secret_check[SHA256_HEX_SIZE];
	bool check_stored;              /* meta holds secret_check */
};

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
};

static const char secret_check_label[] = "aireport history secret check";

/* ---- errors ---------------------------------------------------------------------- */

/* One line naming the database for a failed SQLite call; returns EXIT_IO. */
static int db_fail(const struct history *h, int rc, FILE *err)
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

static int exec(struct history *h, const char *sql, FILE *err)
{
	int rc = sqlite3_exec(h->db, sql, NULL, NULL, NULL);
	return rc == SQLITE_OK ? 0 : db_fail(h, rc, err);
}

static sqlite3_stmt *prepare(struct history *h, const char *sql, int *rc)
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
	sqlite3_stmt *st = prepare(h, "PRAGMA integrity_check", &rc);
	if (!st)
		return db_fail(h, rc, err);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(h, rc, err);
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
	sqlite3_stmt *st = prepare(h, sql, &rc);
	if (!st)
		return db_fail(h, rc, err);
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_finalize(st);
		return db_fail(h, rc, err);
	}
	*out = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return 0;
}

/* Brings the schema from version `from` to HISTORY_SCHEMA_VERSION in one
 * transaction. */
static int migrate(struct history *h, int from, FILE *err)
{
	int status = exec(h, "BEGIN IMMEDIATE", err);
	if (status)
		return status;
	for (int v = from; v < HISTORY_SCHEMA_VERSION && !status; v++) {
		status = exec(h, migrations[v].sql, err);
		if (status)
			break;
		char *sql = sqlite3_mprintf("INSERT INTO migration VALUES(%d, %lld, %Q);"
		                            "PRAGMA user_version = %d;", v + 1,
		                            (long long)time(NULL), migrations[v].description, v + 1);
		status = exec(h, sql, err);
		sqlite3_free(sql);
	}
	if (!status)
		status = exec(h, "COMMIT", err);
	if (status)
		sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
	return status;
}

static int read_secret_check(struct history *h, FILE *err)
{
	int rc;
	sqlite3_stmt *st = prepare(h, "SELECT value FROM meta WHERE key = 'secret_check'", &rc);
	if (!st)
		return db_fail(h, rc, err);
	rc = sqlite3_step(st);
	char stored[SHA256_HEX_SIZE] = "";
	if (rc == SQLITE_ROW) {
		const char *v = (const char *)sqlite3_column_text(st, 0);
		snprintf(stored, sizeof(stored), "%s", v ? v : "");
		h->check_stored = true;
	} else if (rc != SQLITE_DONE) {
		sqlite3_finalize(st);
		return db_fail(h, rc, err);
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

	int rc = sqlite3_open_v2(h->path, &h->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc != SQLITE_OK) {
		if (h->db)
			db_fail(h, rc, err);
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
	sqlite3_stmt *st = prepare(h, "PRAGMA journal_mode = WAL", &mrc);
	if (!st) {
		db_fail(h, mrc, err);
		goto fail;
	}
	mrc = sqlite3_step(st);
	const char *mode = mrc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) : NULL;
	bool wal = mode && strcmp(mode, "wal") == 0;
	sqlite3_finalize(st);
	if (mrc != SQLITE_ROW) {
		db_fail(h, mrc, err);
		goto fail;
	}
	if (!wal) {
		fprintf(err, "aireport: %s: cannot switch to write-ahead logging\n", h->path);
		goto fail;
	}
	if (exec(h, "PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON", err) != 0)
		goto fail;
	if (version < HISTORY_SCHEMA_VERSION && migrate(h, version, err) != 0)
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

/* ---- metrics.csv ------------------------------------------------------------------ */

/* One RFC 4180 field at *p (up to end); the text goes to out.  Returns the
 * character after it (',' '\n' or end) or NULL on a malformed quote. */
static const char *csv_field(const char *p, const char *end, struct buf *out)
{
	buf_clear(out);
	buf_reserve(out, 1);
	out->data[0] = 0;
	if (p < end && *p == '"') {
		for (p++;; p++) {
			if (p >= end)
				return NULL;
			if (*p == '"') {
				if (p + 1 < end && p[1] == '"') {
					buf_putc(out, '"');
					p++;
					continue;
				}
				return p + 1;
			}
			buf_putc(out, *p);
		}
	}
	const char *start = p;
	while (p < end && *p != ',' && *p != '\n')
		p++;
	buf_append(out, start, (size_t)(p - start));
	return p;
}

void history_figures_free(struct history_figures *f)
{
	for (size_t i = 0; i < f->count; i++) {
		struct history_figure *x = &f->items[i];
		free(x->scope);
		free(x->group);
		free(x->metric);
		free(x->value);
		free(x->status);
	}
	free(f->items);
	memset(f, 0, sizeof(*f));
	f->quarter = -1;
}

static void figures_add(struct history_figures *f, const char *scope, const char *group,
                        const char *metric, const char *value, const char *status)
{
	GROW(f->items, f->cap, f->count + 1);
	f->items[f->count++] = (struct history_figure){ xstrdup(scope), xstrdup(group),
	                                                xstrdup(metric), xstrdup(value),
	                                                xstrdup(status) };
}

int history_parse_metrics(const char *text, size_t len, struct history_figures *out)
{
	static const char header[] = "period,scope,group,metric,value,status\n";
	memset(out, 0, sizeof(*out));
	out->quarter = -1;
	if (len < sizeof(header) - 1 || memcmp(text, header, sizeof(header) - 1) != 0)
		return -1;
	const char *p = text + sizeof(header) - 1, *end = text + len;
	struct buf field[6] = { { 0 } };
	int status = 0;
	while (p < end && !status) {
		for (int i = 0; i < 6 && !status; i++) {
			p = csv_field(p, end, &field[i]);
			if (!p || p >= end || *p != (i == 5 ? '\n' : ','))
				status = -1;
			else
				p++;
		}
		if (status)
			break;
		int q;
		if (!parse_quarter(field[0].data, &q) || (out->count && q != out->quarter)) {
			status = -1;
			break;
		}
		out->quarter = q;
		figures_add(out, field[1].data, field[2].data, field[3].data, field[4].data,
		            field[5].data);
	}
	for (int i = 0; i < 6; i++)
		buf_free(&field[i]);
	if (status)
		history_figures_free(out);
	return status;
}

/* ---- comparing ------------------------------------------------------------------- */

void history_changes_free(struct history_changes *c)
{
	for (size_t i = 0; i < c->count; i++) {
		struct history_change *x = &c->items[i];
		free(x->scope);
		free(x->group);
		free(x->metric);
		free(x->old_value);
		free(x->old_status);
		free(x->new_value);
		free(x->new_status);
	}
	free(c->items);
	memset(c, 0, sizeof(*c));
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

static void change_add(struct history_changes *c, const struct history_figure *key,
                       const struct history_figure *old, const struct history_figure *new)
{
	GROW(c->items, c->cap, c->count + 1);
	c->items[c->count++] = (struct history_change){
		xstrdup(key->scope), xstrdup(key->group), xstrdup(key->metric),
		dup_or_null(old ? old->value : NULL), dup_or_null(old ? old->status : NULL),
		dup_or_null(new ? new->value : NULL), dup_or_null(new ? new->status : NULL),
	};
}

static void figure_key(struct buf *b, const struct history_figure *f)
{
	buf_clear(b);
	buf_printf(b, "%s%c%s%c%s", f->scope, 0x1f, f->group, 0x1f, f->metric);
}

/* The figures of a publication, in line order. */
static int load_figures(struct history *h, sqlite3_int64 publication, int quarter,
                        struct history_figures *out, FILE *err)
{
	memset(out, 0, sizeof(*out));
	out->quarter = quarter;
	int rc;
	sqlite3_stmt *st = prepare(h, "SELECT scope, grp, metric, value, status FROM figure "
	                              "WHERE publication = ?1 ORDER BY line", &rc);
	if (!st)
		return db_fail(h, rc, err);
	sqlite3_bind_int64(st, 1, publication);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *col[5];
		for (int i = 0; i < 5; i++) {
			col[i] = (const char *)sqlite3_column_text(st, i);
			if (!col[i])
				col[i] = "";
		}
		figures_add(out, col[0], col[1], col[2], col[3], col[4]);
	}
	sqlite3_finalize(st);
	if (rc != SQLITE_DONE) {
		history_figures_free(out);
		return db_fail(h, rc, err);
	}
	return 0;
}

/* The latest publication of quarter: *id and *version, both 0 when none. */
static int latest_publication(struct history *h, int quarter, sqlite3_int64 *id, int *version,
                              FILE *err)
{
	*id = 0;
	*version = 0;
	int rc;
	sqlite3_stmt *st = prepare(h, "SELECT id, version FROM publication WHERE quarter = ?1 "
	                              "ORDER BY version DESC LIMIT 1", &rc);
	if (!st)
		return db_fail(h, rc, err);
	sqlite3_bind_int(st, 1, quarter);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(st, 0);
		*version = sqlite3_column_int(st, 1);
	}
	sqlite3_finalize(st);
	return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : db_fail(h, rc, err);
}

/* Scope data_quality describes the files read (their names as given and their
 * row counts), not the organisation: the same exports under another path are not
 * a changed publication.  The run rows keep each file's SHA-256. */
static bool compared(const struct history_figure *f)
{
	return strcmp(f->scope, "data_quality") != 0;
}

/* Fills changes from old (the latest version) and new. */
static void diff_figures(const struct history_figures *old, const struct history_figures *new,
                         struct history_changes *changes)
{
	struct strmap index = { 0 };
	struct buf key = { 0 };
	for (size_t i = 0; i < old->count; i++) {
		figure_key(&key, &old->items[i]);
		strmap_intern(&index, key.data, key.len, NULL);
	}
	bool *seen = xcalloc(old->count + 1, sizeof(bool));
	for (size_t i = 0; i < new->count; i++) {
		const struct history_figure *n = &new->items[i];
		if (!compared(n))
			continue;
		figure_key(&key, n);
		size_t k = strmap_find(&index, key.data, key.len);
		if (k == SIZE_MAX) {
			change_add(changes, n, NULL, n);
			continue;
		}
		seen[k] = true;
		const struct history_figure *o = &old->items[k];
		if (strcmp(o->value, n->value) != 0 || strcmp(o->status, n->status) != 0)
			change_add(changes, n, o, n);
	}
	for (size_t i = 0; i < old->count; i++)
		if (!seen[i] && compared(&old->items[i]))
			change_add(changes, &old->items[i], &old->items[i], NULL);
	free(seen);
	buf_free(&key);
	strmap_free(&index);
}

/* The comparison; *latest gets the latest publication's id (0 when none). */
static int compare(struct history *h, const struct history_figures *figures,
                   struct history_changes *changes, sqlite3_int64 *latest, FILE *err)
{
	history_changes_free(changes);
	changes->quarter = figures->quarter;
	int status = latest_publication(h, figures->quarter, latest, &changes->previous_version,
	                                err);
	if (status || !*latest)
		return status;
	struct history_figures old;
	status = load_figures(h, *latest, figures->quarter, &old, err);
	if (status)
		return status;
	diff_figures(&old, figures, changes);
	history_figures_free(&old);
	return 0;
}

int history_compare(struct history *h, const struct history_figures *figures,
                    struct history_changes *changes, FILE *err)
{
	sqlite3_int64 latest;
	int status = compare(h, figures, changes, &latest, err);
	if (status)
		history_changes_free(changes);
	return status;
}

static const char *shown(const char *value, const char *status)
{
	if (!status)
		return "(none)";
	return strcmp(status, "ok") == 0 ? value : status;
}

void history_print_changes(const struct history *h, const struct history_changes *c,
                           FILE *err)
{
	if (is_quiet())
		return;
	for (size_t i = 0; i < c->count; i++) {
		const struct history_change *x = &c->items[i];
		fprintf(err, "aireport: warning: %s: %04d-Q%d differs from its version %d: %s%s%s/%s: "
		        "%s \xe2\x86\x92 %s\n", h->path, c->quarter / 4, c->quarter % 4 + 1,
		        c->previous_version, x->scope, *x->group ? "/" : "", x->group, x->metric,
		        shown(x->old_value, x->old_status), shown(x->new_value, x->new_status));
	}
}

/* ---- recording -------------------------------------------------------------------- */

/* Statements of one record transaction; each is finalised by record_end(). */
enum {
	S_RUN, S_INPUT, S_PUBLICATION, S_FIGURE, S_RUN_PUBLICATION, S_PERSON_ADD, S_PERSON_ID,
	S_TS_QUARTER, S_TS_DELETE_CELLS, S_TS_DELETE_BASELINES, S_TS_DELETE_FIRST_AI,
	S_CELL, S_BASELINE, S_FIRST_AI, S_SURVEY_QUARTER, S_SURVEY_DELETE, S_SURVEY, S_META,
	S_COUNT
};
static const char *const record_sql[S_COUNT] = {
	[S_RUN] = "INSERT INTO run(run_at, created, program_version, quarter, period,"
	          " baseline_from, baseline_to) VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[S_INPUT] = "INSERT INTO run_input(run, role, path, sha256) VALUES(?1, ?2, ?3, ?4)",
	[S_PUBLICATION] = "INSERT INTO publication(quarter, version, run) VALUES(?1, ?2, ?3)",
	[S_FIGURE] = "INSERT INTO figure(publication, line, scope, grp, metric, value, status)"
	             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)",
	[S_RUN_PUBLICATION] = "UPDATE run SET publication = ?2 WHERE id = ?1",
	[S_PERSON_ADD] = "INSERT OR IGNORE INTO person(pseudonym) VALUES(?1)",
	[S_PERSON_ID] = "SELECT id FROM person WHERE pseudonym = ?1",
	[S_TS_QUARTER] = "INSERT OR REPLACE INTO timesheet_quarter(quarter, run) VALUES(?1, ?2)",
	[S_TS_DELETE_CELLS] = "DELETE FROM timesheet_cell WHERE month BETWEEN ?1 * 3 AND ?1 * 3 + 2",
	[S_TS_DELETE_BASELINES] = "DELETE FROM baseline_cell WHERE month BETWEEN ?1 * 3 AND ?1 * 3 + 2",
	[S_TS_DELETE_FIRST_AI] = "DELETE FROM first_ai WHERE quarter = ?1",
	[S_CELL] = "INSERT INTO timesheet_cell(person, use_case, month, entries, ai_entries,"
	           " ai_items, ai_minutes, department, department_date)"
	           " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_BASELINE] = "INSERT INTO baseline_cell(use_case, month, minutes, items)"
	               " VALUES(?1, ?2, ?3, ?4)",
	[S_FIRST_AI] = "INSERT INTO first_ai(use_case, quarter, date) VALUES(?1, ?2, ?3)",
	[S_SURVEY_QUARTER] = "INSERT OR REPLACE INTO survey_quarter(quarter, run) VALUES(?1, ?2)",
	[S_SURVEY_DELETE] = "DELETE FROM survey_answer WHERE quarter = ?1",
	[S_SURVEY] = "INSERT INTO survey_answer(person, quarter, submitted, department, role,"
	             " mentor_named, mentor, training_date, ai_days_per_week, tool_knowledge,"
	             " application_breadth, autonomy, innovation, knowledge_sharing, satisfaction)"
	             " VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
	[S_META] = "INSERT OR REPLACE INTO meta(key, value) VALUES(?1, ?2)",
};

struct recorder {
	struct history *h;
	FILE *err;
	sqlite3_stmt *st[S_COUNT];
	int rc;                         /* the first failing SQLite result, already told */
	sqlite3_int64 run;
};

/* Notes the first failure and tells it while SQLite's message is still about it. */
static void record_fail(struct recorder *r, int rc)
{
	if (r->rc)
		return;
	r->rc = rc;
	db_fail(r->h, rc, r->err);
}

/* Steps a bound statement to its end and resets it; false on failure (kept in
 * r->rc). */
static bool step(struct recorder *r, int which)
{
	sqlite3_stmt *st = r->st[which];
	int rc = sqlite3_step(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		record_fail(r, rc);
	sqlite3_reset(st);
	sqlite3_clear_bindings(st);
	return rc == SQLITE_DONE || rc == SQLITE_ROW;
}

static void bind_text(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
	else
		sqlite3_bind_null(st, i);
}

static void bind_date(sqlite3_stmt *st, int i, int32_t days)
{
	if (days == NO_DATE)
		sqlite3_bind_null(st, i);
	else
		sqlite3_bind_int(st, i, days);
}

/* The person row of a pseudonymised id; 0 on failure. */
static sqlite3_int64 person(struct recorder *r, const char *id)
{
	char pseudonym[SHA256_HEX_SIZE];
	history_pseudonym(r->h, id, pseudonym);
	sqlite3_stmt *add = r->st[S_PERSON_ADD], *find = r->st[S_PERSON_ID];
	sqlite3_bind_text(add, 1, pseudonym, -1, SQLITE_STATIC);
	if (!step(r, S_PERSON_ADD))
		return 0;
	sqlite3_bind_text(find, 1, pseudonym, -1, SQLITE_STATIC);
	int rc = sqlite3_step(find);
	sqlite3_int64 id_row = rc == SQLITE_ROW ? sqlite3_column_int64(find, 0) : 0;
	if (!id_row)
		record_fail(r, rc == SQLITE_ROW || rc == SQLITE_DONE ? SQLITE_INTERNAL : rc);
	sqlite3_reset(find);
	sqlite3_clear_bindings(find);
	return id_row;
}

static bool record_input(struct recorder *r, const char *role, const char *path)
{
	if (!path)
		return true;
	char hex[SHA256_HEX_SIZE];
	sqlite3_stmt *st = r->st[S_INPUT];
	sqlite3_bind_int64(st, 1, r->run);
	sqlite3_bind_text(st, 2, role, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 3, path, -1, SQLITE_STATIC);
	bind_text(st, 4, sha256_file(path, hex) == 0 ? hex : NULL);
	return step(r, S_INPUT);
}

static bool record_figures(struct recorder *r, const struct history_figures *f,
                           int version, sqlite3_int64 *publication)
{
	sqlite3_stmt *st = r->st[S_PUBLICATION];
	sqlite3_bind_int(st, 1, f->quarter);
	sqlite3_bind_int(st, 2, version);
	sqlite3_bind_int64(st, 3, r->run);
	if (!step(r, S_PUBLICATION))
		return false;
	*publication = sqlite3_last_insert_rowid(r->h->db);
	st = r->st[S_FIGURE];
	for (size_t i = 0; i < f->count; i++) {
		const struct history_figure *x = &f->items[i];
		sqlite3_bind_int64(st, 1, *publication);
		sqlite3_bind_int64(st, 2, (sqlite3_int64)i + 1);
		bind_text(st, 3, x->scope);
		bind_text(st, 4, x->group);
		bind_text(st, 5, x->metric);
		bind_text(st, 6, x->value);
		bind_text(st, 7, x->status);
		if (!step(r, S_FIGURE))
			return false;
	}
	return true;
}

/* The timesheet's quarters replace what the history held for them. */
static bool record_timesheet(struct recorder *r, const struct dataset *d)
{
	if (d->cell_index.count == 0 || d->ts_first_quarter > d->ts_last_quarter)
		return true;
	for (int q = d->ts_first_quarter; q <= d->ts_last_quarter; q++) {
		static const int deletes[] = { S_TS_DELETE_CELLS, S_TS_DELETE_BASELINES,
		                               S_TS_DELETE_FIRST_AI };
		for (size_t k = 0; k < ARRAY_LEN(deletes); k++) {
			sqlite3_bind_int(r->st[deletes[k]], 1, q);
			if (!step(r, deletes[k]))
				return false;
		}
		sqlite3_bind_int(r->st[S_TS_QUARTER], 1, q);
		sqlite3_bind_int64(r->st[S_TS_QUARTER], 2, r->run);
		if (!step(r, S_TS_QUARTER))
			return false;
	}
	size_t E = d->employees.count;
	sqlite3_int64 *persons = xcalloc(E + 1, sizeof(*persons));
	bool ok = true;
	sqlite3_stmt *st = r->st[S_CELL];
	for (size_t i = 0; i < d->cell_index.count && ok; i++) {
		const struct ts_cell *c = &d->cells[i];
		if (!persons[c->employee])
			persons[c->employee] = person(r, strmap_key(&d->employees, c->employee));
		if (!persons[c->employee]) {
			ok = false;
			break;
		}
		sqlite3_bind_int64(st, 1, persons[c->employee]);
		bind_text(st, 2, strmap_key(&d->use_cases, c->use_case));
		sqlite3_bind_int(st, 3, c->month);
		sqlite3_bind_int64(st, 4, c->entries);
		sqlite3_bind_int64(st, 5, c->ai_entries);
		sqlite3_bind_double(st, 6, c->ai_items);
		sqlite3_bind_double(st, 7, c->ai_minutes);
		bool named = c->department != NO_STRING;
		bind_text(st, 8, named ? strmap_key(&d->departments, c->department) : NULL);
		bind_date(st, 9, named ? c->department_date : NO_DATE);
		ok = step(r, S_CELL);
	}
	free(persons);
	st = r->st[S_BASELINE];
	for (size_t i = 0; i < d->baseline_index.count && ok; i++) {
		const struct baseline_cell *b = &d->baselines[i];
		bind_text(st, 1, strmap_key(&d->use_cases, b->use_case));
		sqlite3_bind_int(st, 2, b->month);
		sqlite3_bind_double(st, 3, b->minutes);
		sqlite3_bind_double(st, 4, b->items);
		ok = step(r, S_BASELINE);
	}
	st = r->st[S_FIRST_AI];
	for (size_t u = 0; u < d->first_ai_cap && u < d->use_cases.count && ok; u++) {
		if (d->first_ai_date[u] == NO_DATE)
			continue;
		bind_text(st, 1, strmap_key(&d->use_cases, u));
		sqlite3_bind_int(st, 2, quarter_of_days(d->first_ai_date[u]));
		sqlite3_bind_int(st, 3, d->first_ai_date[u]);
		ok = step(r, S_FIRST_AI);
	}
	return ok;
}

/* The survey's quarters (those with an accepted row) replace the history's. */
static bool record_survey(struct recorder *r, const struct dataset *d)
{
	int last = INT32_MIN;
	bool ok = true;
	/* The rows are sorted by employee, not by quarter: mark each quarter once. */
	int *quarters = xmalloc((d->survey_count + 1) * sizeof(int));
	size_t nq = 0;
	for (size_t i = 0; i < d->survey_count; i++) {
		int q = quarter_of_days(d->survey[i].submitted);
		if (q == last)
			continue;
		last = q;
		bool known = false;
		for (size_t k = 0; k < nq && !known; k++)
			known = quarters[k] == q;
		if (!known)
			quarters[nq++] = q;
	}
	for (size_t k = 0; k < nq && ok; k++) {
		sqlite3_bind_int(r->st[S_SURVEY_DELETE], 1, quarters[k]);
		ok = step(r, S_SURVEY_DELETE);
		sqlite3_bind_int(r->st[S_SURVEY_QUARTER], 1, quarters[k]);
		sqlite3_bind_int64(r->st[S_SURVEY_QUARTER], 2, r->run);
		ok = ok && step(r, S_SURVEY_QUARTER);
	}
	free(quarters);
	sqlite3_stmt *st = r->st[S_SURVEY];
	for (size_t i = 0; i < d->survey_count && ok; i++) {
		const struct survey_row *s = &d->survey[i];
		sqlite3_int64 who = person(r, strmap_key(&d->employees, s->employee));
		sqlite3_int64 mentor = s->mentor != NO_STRING
			? person(r, strmap_key(&d->strings, s->mentor)) : -1;
		if (!who || !mentor)
			return false;
		sqlite3_bind_int64(st, 1, who);
		sqlite3_bind_int(st, 2, quarter_of_days(s->submitted));
		sqlite3_bind_int(st, 3, s->submitted);
		bind_text(st, 4, strmap_key(&d->departments, s->department));
		bind_text(st, 5, strmap_key(&d->strings, s->role));
		sqlite3_bind_int(st, 6, s->mentor != NO_STRING);
		if (mentor > 0)
			sqlite3_bind_int64(st, 7, mentor);
		else
			sqlite3_bind_null(st, 7);
		bind_date(st, 8, s->training_date);
		sqlite3_bind_double(st, 9, s->ai_days_per_week);
		for (int k = 0; k < 5; k++)
			sqlite3_bind_int(st, 10 + k, s->scores[k]);
		if (s->satisfaction)
			sqlite3_bind_int(st, 15, s->satisfaction);
		else
			sqlite3_bind_null(st, 15);
		ok = step(r, S_SURVEY);
	}
	return ok;
}

/* The fault tests' pause inside the transaction (history.h). */
static void test_pause(void)
{
	const char *path = getenv(HISTORY_PAUSE_ENV);
	if (!path || !*path)
		return;
	FILE *f = fopen(path, "w");
	if (f)
		fclose(f);
	for (int i = 0; i < 60; i++)
		sleep(1);
}

int history_record(struct history *h, const struct history_run *run,
                   struct history_changes *changes_out, FILE *err)
{
	const struct history_figures *f = run->figures;
	struct recorder r = { .h = h, .err = err };
	struct history_changes changes = { 0 };
	sqlite3_int64 latest = 0, publication = 0;
	int status = exec(h, "BEGIN IMMEDIATE", err);
	if (status)
		return status;
	for (int i = 0; i < S_COUNT && !r.rc; i++) {
		int rc;
		r.st[i] = prepare(h, record_sql[i], &rc);
		if (!r.st[i])
			record_fail(&r, rc);
	}
	if (r.rc)
		goto fail;
	/* Compared inside the transaction, so no other writer slips in between. */
	status = compare(h, f, &changes, &latest, err);
	if (status)
		goto fail;

	sqlite3_stmt *st = r.st[S_RUN];
	char period[16];
	snprintf(period, sizeof(period), "%04d-Q%d", f->quarter / 4, f->quarter % 4 + 1);
	sqlite3_bind_int64(st, 1, (sqlite3_int64)run->run_at);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)run->created);
	sqlite3_bind_text(st, 3, run->version, -1, SQLITE_STATIC);
	sqlite3_bind_int(st, 4, f->quarter);
	sqlite3_bind_text(st, 5, period, -1, SQLITE_STATIC);
	bind_date(st, 6, run->rules && run->rules->has_baseline_from ? run->rules->baseline_from
	                                                              : NO_DATE);
	bind_date(st, 7, run->rules && run->rules->has_baseline_to ? run->rules->baseline_to
	                                                            : NO_DATE);
	if (!step(&r, S_RUN))
		goto fail;
	r.run = sqlite3_last_insert_rowid(h->db);
	if (!record_input(&r, "survey", run->survey_path) ||
	    !record_input(&r, "timesheet", run->timesheet_path) ||
	    !record_input(&r, "rules", run->rules_path) ||
	    !record_input(&r, "identity_map", run->identity_map_path))
		goto fail;

	/* A new version only when the figures differ from the latest one. */
	if (!latest || changes.count) {
		if (!record_figures(&r, f, changes.previous_version + 1, &publication))
			goto fail;
	} else {
		publication = latest;
	}
	sqlite3_bind_int64(r.st[S_RUN_PUBLICATION], 1, r.run);
	sqlite3_bind_int64(r.st[S_RUN_PUBLICATION], 2, publication);
	if (!step(&r, S_RUN_PUBLICATION))
		goto fail;
	if (run->data && (!record_timesheet(&r, run->data) || !record_survey(&r, run->data)))
		goto fail;
	if (!h->check_stored) {
		sqlite3_bind_text(r.st[S_META], 1, "secret_check", -1, SQLITE_STATIC);
		sqlite3_bind_text(r.st[S_META], 2, h->secret_check, -1, SQLITE_STATIC);
		if (!step(&r, S_META))
			goto fail;
	}
	test_pause();
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(r.st[i]);
	memset(r.st, 0, sizeof(r.st));
	status = exec(h, "COMMIT", err);
	if (status)
		goto rollback;
	h->check_stored = true;
	if (changes_out) {
		history_changes_free(changes_out);
		*changes_out = changes;
	} else {
		history_changes_free(&changes);
	}
	return 0;

fail:
	if (!status)
		status = EXIT_IO;   /* told by record_fail */
	for (int i = 0; i < S_COUNT; i++)
		sqlite3_finalize(r.st[i]);
rollback:
	sqlite3_exec(h->db, "ROLLBACK", NULL, NULL, NULL);
	history_changes_free(&changes);
	return status;
}

/* ---- reading back ----------------------------------------------------------------- */

void history_data_free(struct history_data *d)
{
	for (size_t i = 0; i < d->cell_count; i++) {
		free(d->cells[i].use_case);
		free(d->cells[i].department);
	}
	for (size_t i = 0; i < d->baseline_count; i++)
		free(d->baselines[i].use_case);
	for (size_t i = 0; i < d->first_ai_count; i++)
		free(d->first_ai[i].use_case);
	for (size_t i = 0; i < d->survey_count; i++) {
		free(d->survey[i].department);
		free(d->survey[i].role);
	}
	for (size_t i = 0; i < d->publication_count; i++)
		history_figures_free(&d->publications[i].figures);
	free(d->cells);
	free(d->baselines);
	free(d->first_ai);
	free(d->survey);
	free(d->publications);
	free(d->timesheet_quarters);
	free(d->survey_quarters);
	memset(d, 0, sizeof(*d));
}

static char *column_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	return s ? xstrdup(s) : NULL;
}

static void column_hex(sqlite3_stmt *st, int i, char out[SHA256_HEX_SIZE])
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	snprintf(out, SHA256_HEX_SIZE, "%s", s ? s : "");
}

static int32_t column_date(sqlite3_stmt *st, int i)
{
	return sqlite3_column_type(st, i) == SQLITE_NULL ? NO_DATE : sqlite3_column_int(st, i);
}

/* Runs a query over quarters first..last (bound as ?1, ?2) and hands each row to fn. */
static int each_row(struct history *h, const char *sql, int first, int last,
                    void (*fn)(sqlite3_stmt *st, struct history_data *out),
                    struct history_data *out, FILE *err)
{
	int rc;
	sqlite3_stmt *st = prepare(h, sql, &rc);
	if (!st)
		return db_fail(h, rc, err);
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, last);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		fn(st, out);
	int status = rc == SQLITE_DONE ? 0 : db_fail(h, rc, err);
	sqlite3_finalize(st);
	return status;
}

static void add_cell(sqlite3_stmt *st, struct history_data *out)
{
	GROW(out->cells, out->cell_cap, out->cell_count + 1);
	struct history_cell *c = &out->cells[out->cell_count++];
	column_hex(st, 0, c->employee);
	c->use_case = column_text(st, 1);
	c->month = sqlite3_column_int(st, 2);
	c->entries = (uint32_t)sqlite3_column_int64(st, 3);
	c->ai_entries = (uint32_t)sqlite3_column_int64(st, 4);
	c->ai_items = sqlite3_column_double(st, 5);
	c->ai_minutes = sqlite3_column_double(st, 6);
	c->department = column_text(st, 7);
	c->department_date = column_date(st, 8);
}

static void add_baseline(sqlite3_stmt *st, struct history_data *out)
{
	GROW(out->baselines, out->baseline_cap, out->baseline_count + 1);
	struct history_baseline *b = &out->baselines[out->baseline_count++];
	b->use_case = column_text(st, 0);
	b->month = sqlite3_column_int(st, 1);
	b->minutes = sqlite3_column_double(st, 2);
	b->items = sqlite3_column_double(st, 3);
}

static void add_first_ai(sqlite3_stmt *st, struct history_data *out)
{
	GROW(out->first_ai, out->first_ai_cap, out->first_ai_count + 1);
	struct history_first_ai *f = &out->first_ai[out->first_ai_count++];
	f->use_case = column_text(st, 0);
	f->quarter = sqlite3_column_int(st, 1);
	f->date = sqlite3_column_int(st, 2);
}

static void add_survey(sqlite3_stmt *st, struct history_data *out)
{
	GROW(out->survey, out->survey_cap, out->survey_count + 1);
	struct history_survey_row *s = &out->survey[out->survey_count++];
	column_hex(st, 0, s->employee);
	s->quarter = sqlite3_column_int(st, 1);
	s->submitted = sqlite3_column_int(st, 2);
	s->department = column_text(st, 3);
	s->role = column_text(st, 4);
	s->mentor_named = sqlite3_column_int(st, 5) != 0;
	column_hex(st, 6, s->mentor);
	s->training_date = column_date(st, 7);
	s->ai_days_per_week = sqlite3_column_double(st, 8);
	for (int k = 0; k < 5; k++)
		s->scores[k] = (int8_t)sqlite3_column_int(st, 9 + k);
	s->satisfaction = (int8_t)sqlite3_column_int(st, 14);   /* NULL reads 0 */
}

static void add_timesheet_quarter(sqlite3_stmt *st, struct history_data *out)
{
	out->timesheet_quarters = xrealloc(out->timesheet_quarters,
	                                   (out->timesheet_quarter_count + 1) * sizeof(int));
	out->timesheet_quarters[out->timesheet_quarter_count++] = sqlite3_column_int(st, 0);
}

static void add_survey_quarter(sqlite3_stmt *st, struct history_data *out)
{
	out->survey_quarters = xrealloc(out->survey_quarters,
	                                (out->survey_quarter_count + 1) * sizeof(int));
	out->survey_quarters[out->survey_quarter_count++] = sqlite3_column_int(st, 0);
}

/* The first published version of each quarter first..last, with its figures. */
static int load_first_publications(struct history *h, int first, int last,
                                   struct history_data *out, FILE *err)
{
	int rc;
	sqlite3_stmt *st = prepare(h, "SELECT p.id, p.quarter, p.version, r.created"
	                              " FROM publication p JOIN run r ON r.id = p.run"
	                              " WHERE p.quarter BETWEEN ?1 AND ?2 AND p.version ="
	                              " (SELECT MIN(version) FROM publication o"
	                              "  WHERE o.quarter = p.quarter) ORDER BY p.quarter", &rc);
	if (!st)
		return db_fail(h, rc, err);
	sqlite3_bind_int(st, 1, first);
	sqlite3_bind_int(st, 2, last);
	int status = 0;
	while (!status && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		GROW(out->publications, out->publication_cap, out->publication_count + 1);
		struct history_publication *p = &out->publications[out->publication_count];
		memset(p, 0, sizeof(*p));
		p->quarter = sqlite3_column_int(st, 1);
		p->version = sqlite3_column_int(st, 2);
		p->created = (time_t)sqlite3_column_int64(st, 3);
		status = load_figures(h, sqlite3_column_int64(st, 0), p->quarter, &p->figures, err);
		if (!status)
			out->publication_count++;
	}
	if (!status && rc != SQLITE_DONE)
		status = db_fail(h, rc, err);
	sqlite3_finalize(st);
	return status;
}

int history_load(struct history *h, int first, int last, struct history_data *out, FILE *err)
{
	static const struct {
		const char *sql;
		void (*fn)(sqlite3_stmt *, struct history_data *);
	} queries[] = {
		{ "SELECT p.pseudonym, c.use_case, c.month, c.entries, c.ai_entries, c.ai_items,"
		  " c.ai_minutes, c.department, c.department_date FROM timesheet_cell c"
		  " JOIN person p ON p.id = c.person WHERE c.month BETWEEN ?1 * 3 AND ?2 * 3 + 2"
		  " ORDER BY c.month, p.pseudonym, c.use_case", add_cell },
		{ "SELECT use_case, month, minutes, items FROM baseline_cell"
		  " WHERE month BETWEEN ?1 * 3 AND ?2 * 3 + 2 ORDER BY month, use_case", add_baseline },
		{ "SELECT use_case, quarter, date FROM first_ai WHERE quarter BETWEEN ?1 AND ?2"
		  " ORDER BY quarter, use_case", add_first_ai },
		{ "SELECT p.pseudonym, s.quarter, s.submitted, s.department, s.role, s.mentor_named,"
		  " m.pseudonym, s.training_date, s.ai_days_per_week, s.tool_knowledge,"
		  " s.application_breadth, s.autonomy, s.innovation, s.knowledge_sharing,"
		  " s.satisfaction FROM survey_answer s JOIN person p ON p.id = s.person"
		  " LEFT JOIN person m ON m.id = s.mentor WHERE s.quarter BETWEEN ?1 AND ?2"
		  " ORDER BY s.quarter, p.pseudonym", add_survey },
		{ "SELECT quarter FROM timesheet_quarter WHERE quarter BETWEEN ?1 AND ?2"
		  " ORDER BY quarter", add_timesheet_quarter },
		{ "SELECT quarter FROM survey_quarter WHERE quarter BETWEEN ?1 AND ?2"
		  " ORDER BY quarter", add_survey_quarter },
	};
	memset(out, 0, sizeof(*out));
	/* One read transaction: every table as of one moment. */
	int status = exec(h, "BEGIN", err);
	for (size_t i = 0; i < ARRAY_LEN(queries) && !status; i++)
		status = each_row(h, queries[i].sql, first, last, queries[i].fn, out, err);
	if (!status)
		status = load_first_publications(h, first, last, out, err);
	sqlite3_exec(h->db, "COMMIT", NULL, NULL, NULL);
	if (status)
		history_data_free(out);
	return status;
}
