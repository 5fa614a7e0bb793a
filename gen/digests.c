/* digests.c - the input files' SHA-256 on a thread of its own (see digests.h). */
#include "digests.h"

#include <string.h>

static void hash_all(struct input_digests *g)
{
	for (int i = 0; i < DIGEST_INPUTS; i++)
		g->found[i] = g->paths[i] && sha256_file_until(g->paths[i], g->hex[i], &g->stop) == 0
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
