/* fsutil.c - folders, atomic report files and cleanup on signals. */
#include "fsutil.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

/* Temporary files of this process, read by the signal handler.  A slot is
 * published only after its string is complete. */
#define MAX_PENDING 16
static char *volatile pending_paths[MAX_PENDING];

int make_dirs(const char *path)
{
	char *copy = xstrdup(path);
	for (char *p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(copy, 0777) != 0 && errno != EEXIST) {
			free(copy);
			return -1;
		}
		*p = '/';
	}
	int rc = mkdir(copy, 0777);
	free(copy);
	if (rc != 0 && errno != EEXIST)
		return -1;
	struct stat st;
	if (stat(path, &st) != 0)
		return -1;
	if (!S_ISDIR(st.st_mode)) {
		errno = ENOTDIR;
		return -1;
	}
	return 0;
}

static void track(char *path, bool add)
{
	for (int i = 0; i < MAX_PENDING; i++) {
		if (add && !pending_paths[i]) {
			pending_paths[i] = path;
			return;
		}
		if (!add && pending_paths[i] == path) {
			pending_paths[i] = NULL;
			return;
		}
	}
}

int pending_create(struct pending_file *p, const char *dir, const char *name)
{
	struct buf b = { 0 };
	buf_printf(&b, "%s/%s", dir, name);
	p->final_path = b.data;
	struct buf t = { 0 };
	buf_printf(&t, "%s/.%s.XXXXXX", dir, name);
	p->temp_path = t.data;
	/* The file exists from mkstemp on: hold SIGINT/SIGTERM until the handler
	 * knows it, or an interrupt in between would leave it behind. */
	sigset_t hold, saved_mask;
	sigemptyset(&hold);
	sigaddset(&hold, SIGINT);
	sigaddset(&hold, SIGTERM);
	sigaddset(&hold, SIGHUP);
	sigprocmask(SIG_BLOCK, &hold, &saved_mask);
	int fd = mkstemp(p->temp_path);
	if (fd < 0) {
		int saved = errno;
		sigprocmask(SIG_SETMASK, &saved_mask, NULL);
		free(p->temp_path);
		p->temp_path = NULL;
		errno = saved;
		return -1;
	}
	track(p->temp_path, true);
	sigprocmask(SIG_SETMASK, &saved_mask, NULL);
	/* Reports are ordinary files: readable like any other file the user writes. */
	mode_t mask = umask(0);
	umask(mask);
	fchmod(fd, 0666 & ~mask);
	close(fd);
	return 0;
}

int pending_commit(struct pending_file *p)
{
	int fd = open(p->temp_path, O_RDONLY);
	if (fd >= 0) {
		fsync(fd);
		close(fd);
	}
	if (rename(p->temp_path, p->final_path) != 0)
		return -1;
	track(p->temp_path, false);
	free(p->temp_path);
	p->temp_path = NULL;
	return 0;
}

void pending_discard(struct pending_file *p)
{
	if (p->temp_path) {
		/* unlink first: a signal in between must still find the file to remove */
		unlink(p->temp_path);
		track(p->temp_path, false);
		free(p->temp_path);
	}
	free(p->final_path);
	p->temp_path = p->final_path = NULL;
}

int folder_lock(const char *dir, bool quiet, FILE *err)
{
	struct buf path = { 0 };
	buf_printf(&path, "%s/.aireport.lock", dir);
	int fd = open(path.data, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
	if (fd < 0) {
		int saved = errno;
		buf_free(&path);
		errno = saved;
		return -1;
	}
	if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
		if (errno == EWOULDBLOCK && !quiet)
			fprintf(err, "aireport: %s: another run is writing reports here; waiting for it\n", dir);
		int rc;
		do
			rc = flock(fd, LOCK_EX);
		while (rc != 0 && errno == EINTR);
		if (rc != 0) {
			int saved = errno;
			close(fd);
			buf_free(&path);
			errno = saved;
			return -1;
		}
	}
	buf_free(&path);
	return fd;
}

void folder_unlock(int fd)
{
	if (fd >= 0)
		close(fd);   /* closing the descriptor releases the flock */
}

static void on_signal(int sig)
{
	for (int i = 0; i < MAX_PENDING; i++)
		if (pending_paths[i])
			unlink(pending_paths[i]);
	signal(sig, SIG_DFL);
	raise(sig);
}

void install_signal_cleanup(void)
{
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	static const int signals[] = { SIGINT, SIGTERM, SIGHUP };
	for (size_t i = 0; i < ARRAY_LEN(signals); i++) {
		/* A signal the caller ignores (nohup, a background job) stays ignored. */
		struct sigaction old;
		if (sigaction(signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
			continue;
		sigaction(signals[i], &sa, NULL);
	}
}
