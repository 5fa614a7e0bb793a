/* digests.h - the SHA-256 of the run's input files for the history, computed on
 * a thread of its own while the run reads and writes: for a timesheet of
 * hundreds of megabytes it is a good part of the run's work, and it needs
 * nothing but the files. */
#ifndef AIREPORT_DIGESTS_H
#define AIREPORT_DIGESTS_H
#include <pthread.h>
#include <stdbool.h>
#include "sha256.h"

#define DIGEST_INPUTS 4              /* survey, timesheet, rules, identity map */

struct input_digests {
	const char *paths[DIGEST_INPUTS];       /* NULL: no such input */
	char hex[DIGEST_INPUTS][SHA256_HEX_SIZE];
	const char *found[DIGEST_INPUTS];       /* hex, or NULL: absent or unreadable */
	pthread_t thread;
	bool started;
	int stop;                               /* set to end the thread early */
};

/* Notes the files (paths[i] may be NULL; they must outlive g) and, when
 * background, starts hashing them on a thread of its own.  Without one (or
 * when none could be started) digests_wait() hashes them itself.  A zeroed
 * struct may be stopped. */
void digests_start(struct input_digests *g, const char *const paths[DIGEST_INPUTS],
                   bool background);
/* The digests, in the order of paths: sha256_file()'s hex, or NULL where it
 * failed or there is no input.  Waits for the thread if it was started. */
const char *const *digests_wait(struct input_digests *g);
/* Ends the thread (if any) without waiting for the files to be hashed. */
void digests_stop(struct input_digests *g);
#endif
