/* digests.c - the input files' SHA-256 on a thread of its own (see digests.h). */
#include "digests.h"

#include <stdio.h>
#include <string.h>

/* sha256_file() that gives up (-1) once *stop is set. */
static int hash_file(const char *path, char out[SHA256_HEX_SIZE], const int *stop)
{
	out[0] = 0;
	FILE *f = fopen(path, "rb");
	if (!f)
		return -1;
	struct sha256 s;
	sha256_init(&s);
	unsigned char chunk[65536];
	size_t n;
	bool stopped = false;
	while (!(stopped = __atomic_load_n(stop, __ATOMIC_RELAXED)) &&
	       (n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sha256_update(&s, chunk, n);
	int failed = ferror(f) || stopped;
	fclose(f);
	if (failed)
		return -1;
	unsigned char digest[SHA256_SIZE];
	sha256_final(&s, digest);
	sha256_hex(digest, out);
	return 0;
}

static void hash_all(struct input_digests *g)
{
	for (int i = 0; i < DIGEST_INPUTS; i++)
		g->found[i] = g->paths[i] && hash_file(g->paths[i], g->hex[i], &g->stop) == 0
		              ? g->hex[i] : NULL;
}

static void *hash_thread(void *arg)
{
	hash_all(arg);
	return NULL;
}

void digests_start(struct input_digests *g, const char *const paths[DIGEST_INPUTS],
                   bool background)
{
	memset(g, 0, sizeof(*g));
	memcpy(g->paths, paths, sizeof(g->paths));
	g->started = background && pthread_create(&g->thread, NULL, hash_thread, g) == 0;
}

const char *const *digests_wait(struct input_digests *g)
{
	if (g->started) {
		pthread_join(g->thread, NULL);
		g->started = false;
	} else {
		hash_all(g);
	}
	return g->found;
}

void digests_stop(struct input_digests *g)
{
	if (!g->started)
		return;
	__atomic_store_n(&g->stop, 1, __ATOMIC_RELAXED);
	pthread_join(g->thread, NULL);
	g->started = false;
}
