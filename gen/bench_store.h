/* bench_store.h - OUT/benchmark.sqlite: the published KPIs of every client of
 * every --batch, per quarter and client pseudonym, so that the peer group of a
 * quarter also holds the clients of earlier batches (README "Benchmark").
 *
 * A client is keyed by HMAC-SHA-256 of its folder name under a 32-byte secret,
 * OUT/benchmark.secret (mode 0600, created on first use): the database names no
 * client.  Only bench_store.c includes <sqlite3.h> for it. */
#ifndef AIREPORT_BENCH_STORE_H
#define AIREPORT_BENCH_STORE_H

#include <stddef.h>
#include <stdio.h>

#include "benchmark.h"

#define BENCH_STORE_FILE "benchmark.sqlite"
#define BENCH_SECRET_FILE "benchmark.secret"

/* Records e[0..n) (client = the client's folder name) in OUT/benchmark.sqlite in
 * one transaction, each replacing what the store held for that client and quarter,
 * then reads back every client and quarter the store holds into *all (the caller
 * frees it), pseudonyms as keys.  Returns 0, or EXIT_IO after one line on err (the
 * store is then as it was). */
int bench_store_sync(const char *out, const struct bench_entry *e, size_t n,
                     struct bench_entry **all, size_t *all_count, FILE *err);

#endif
