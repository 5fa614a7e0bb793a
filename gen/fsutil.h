/* fsutil.h - folders and atomic report files (SPEC §1): every report is written
 * to a temporary file in its final folder and renamed into place only when all
 * reports of the run are complete.  SIGINT/SIGTERM remove the temporary files. */
#ifndef AIREPORT_FSUTIL_H
#define AIREPORT_FSUTIL_H

#include <stdbool.h>
#include <stdio.h>

struct pending_file {
	char *final_path;
	char *temp_path;
};

/* Creates path and its parents (mode 0777 & ~umask).  Returns 0 or -1 (errno). */
int make_dirs(const char *path);

/* Creates an empty temporary file beside dir/name and registers it for removal
 * on a signal.  Returns 0, or -1 with errno set. */
int pending_create(struct pending_file *p, const char *dir, const char *name);
/* fsyncs and renames the temporary file to its final name.  Returns 0 or -1. */
int pending_commit(struct pending_file *p);
/* Removes the temporary file (if any) and forgets it.  Accepts a zeroed struct. */
void pending_discard(struct pending_file *p);

/* Takes an exclusive lock on dir/.aireport.lock (created when missing), so two
 * runs never rename their reports into the same folder at the same time.  When
 * another process holds it, prints one line on err (unless quiet) and waits.
 * Returns the descriptor that holds the lock, or -1 with errno set; release it
 * with folder_unlock().  The lock file stays: removing it would race. */
int folder_lock(const char *dir, bool quiet, FILE *err);
/* Releases a lock of folder_lock(); -1 is a no-op. */
void folder_unlock(int fd);

/* Installs the SIGINT/SIGTERM handlers that remove registered temporary files
 * and then end the process with the signal. */
void install_signal_cleanup(void);

#endif
