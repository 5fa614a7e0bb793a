/* fuzz_rules.c - libFuzzer harness for the rules reader (gen/rules*.c).
 *
 * The input is written to a rules file in a private folder under /dev/shm (the
 * reader takes a path, and relative logo and font paths resolve beside it); the
 * folder also holds a small valid PNG and a font header, so the paths that
 * succeed are reachable too.  A loaded struct must satisfy what rules.h and §11.17
 * promise. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rules.h"
#include "util.h"

static char dir[64], path[96];
static FILE *devnull;

static void write_file(const char *name, const void *data, size_t size)
{
	char p[128];
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	FILE *f = fopen(p, "wb");
	if (!f || fwrite(data, 1, size, f) != size || fclose(f) != 0)
		abort();
}

static void cleanup(void)
{
	char p[128];
	static const char *const names[] = { "rules.ini", "logo.png", "font.ttf" };
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		unlink(p);
	}
	rmdir(dir);
}

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	static const unsigned char png[] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0 };
	static const unsigned char ttf[] = { 0, 1, 0, 0, 0 };
	snprintf(dir, sizeof(dir), "/dev/shm/aireport-fuzz-rules-%ld", (long)getpid());
	if (mkdir(dir, 0700) != 0)
		abort();
	snprintf(path, sizeof(path), "%s/rules.ini", dir);
	write_file("logo.png", png, sizeof(png));
	write_file("font.ttf", ttf, sizeof(ttf));
	devnull = fopen("/dev/null", "w");
	atexit(cleanup);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	write_file("rules.ini", data, size);
	struct rules r;
	int rc = rules_load(&r, path, devnull);
	if (rc != 0) {
		if (rc != EXIT_USAGE)
			abort();                     /* the file exists: only rules errors */
		return 0;
	}
	/* what a loaded struct promises (§3, §11.16-17) */
	if (!r.org_name || !*r.org_name || r.rate_default < 0 || r.min_group_size < 1 ||
	    r.level2_min > r.level3_min || r.max_reject_ratio < 0 || r.max_reject_ratio > 1 ||
	    r.realisation < 0 || r.realisation > 1 || r.concentration_share < 0 ||
	    r.concentration_share > 1 || r.training_per_participant < 0 ||
	    r.license_per_active_user_month < 0 || r.program_fixed_per_quarter < 0 ||
	    strlen(r.currency) != 3 || (r.quarter && (r.quarter < 1 || r.quarter > 4)) ||
	    (r.delimiter && r.delimiter != ',' && r.delimiter != ';' && r.delimiter != '\t') ||
	    !utf8_valid(r.org_name, strlen(r.org_name)))
		abort();
	for (size_t i = 0; i < r.role_rates.count; i++)
		if (r.role_rates.items[i].value < 0)
			abort();
	for (size_t i = 0; i < r.use_case_baselines.count; i++)
		if (!(r.use_case_baselines.items[i].value > 0))
			abort();
	rules_free(&r);
	return 0;
}
