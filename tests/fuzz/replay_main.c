/* replay_main.c - runs a fuzz harness on files, without libFuzzer: how
 * `make test-asan` replays the seed corpora and every crash kept in
 * tests/fuzz/regressions/ with any compiler.  Exits non-zero on the first
 * unreadable file; a crash or sanitizer report ends the process by itself. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
/* Optional in a harness. */
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int main(int argc, char **argv)
{
	if (LLVMFuzzerInitialize)
		LLVMFuzzerInitialize(&argc, &argv);
	for (int i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		if (!f) {
			perror(argv[i]);
			return 1;
		}
		size_t cap = 4096, len = 0, n;
		uint8_t *data = malloc(cap);
		while (data && (n = fread(data + len, 1, cap - len, f)) > 0) {
			len += n;
			if (len == cap)
				data = realloc(data, cap *= 2);
		}
		fclose(f);
		if (!data) {
			fputs("out of memory\n", stderr);
			return 1;
		}
		LLVMFuzzerTestOneInput(data, len);
		free(data);
	}
	printf("%s: %d inputs replayed\n", argv[0], argc - 1);
	return 0;
}
