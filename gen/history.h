/* history.h - the per-organisation history: OUT/<org>/history.sqlite and its
 * secret, OUT/<org>/history.secret.  history*.c are the only files with
 * <sqlite3.h>: history.c opens the database (schema, migrations, the secret,
 * pseudonyms), history_figures.c parses and compares published figures,
 * history_write.c records a run, history_read.c loads earlier quarters back.
 * This header includes the other three, so a user includes history.h only.
 *
 * At the end of every successful run, after the reports are in place and while
 * the folder lock is held, one transaction records:
 *   - the run: when, the program version, the SHA-256 of every input file and of
 *     the rules, the period;
 *   - the quarter's published figures, every row of metrics.csv as written,
 *     versioned: a re-run whose figures differ from the latest version adds a
 *     new version and lists the changes (struct history_changes), an identical
 *     one adds none;
 *   - what later quarters need and the next exports may lack, at the dataset's
 *     grain: the folded timesheet cells per employee x use case x month, the
 *     non-AI baseline cells per use case x month, each use case's first AI date,
 *     and the accepted survey rows per employee and quarter.  The quarters an
 *     export covers replace what the history held for them.
 * Employees and mentors are stored as pseudonyms only: HMAC-SHA-256 of the id
 * under the organisation's 32-byte secret, in hex.  The secret file is created
 * on first use with mode 0600; the database keeps a check value of it, so a lost
 * or swapped secret is noticed instead of silently starting new pseudonyms.
 *
 * Every failure (locked after the busy timeout, corrupt, from a newer schema,
 * unwritable, a bad secret) is one line on err naming the file and EXIT_IO; the
 * transaction is then rolled back, so the history is never half-written. */
#ifndef AIREPORT_HISTORY_H
#define AIREPORT_HISTORY_H

#include <stdio.h>

#include "sha256.h"

#define HISTORY_FILE "history.sqlite"
#define HISTORY_SECRET_FILE "history.secret"
#define HISTORY_SCHEMA_VERSION 3
#define HISTORY_BUSY_TIMEOUT_MS 5000

struct history;

/* Opens dir/history.sqlite (creating it and dir/history.secret when missing):
 * busy timeout, WAL, PRAGMA integrity_check, the schema version (older ones are
 * migrated forward in one transaction; a newer one is refused).  Returns the
 * handle, or NULL after one line on err. */
struct history *history_open(const char *dir, FILE *err);
/* Closes the database; NULL is a no-op. */
void history_close(struct history *h);
/* The database's path, for messages. */
const char *history_path(const struct history *h);

/* Pseudonym of an employee or mentor id: hex HMAC-SHA-256 under the secret. */
void history_pseudonym(const struct history *h, const char *id, char out[SHA256_HEX_SIZE]);

#include "history_figures.h"
#include "history_read.h"
#include "history_write.h"

#endif
