/* tests.h - one entry function per test file; unit_main.c runs them in order. */
#ifndef AIREPORT_TESTS_H
#define AIREPORT_TESTS_H

void test_util(void);
void test_fields(void);
void test_csvin(void);
void test_header(void);
void test_readers(void);
void test_rules(void);
void test_report(void);
void test_privacy(void);
void test_i18n(void);
void test_xlsxin(void);
void test_out(void);
void test_model(void);
void test_history(void);
void test_chunks(void);
void test_benchmark(void);
void test_heap(void);
/* run_unit HEAP_FRESH_ARG: heap_setup first thing, as in main; 0 when blocks of
 * the main thread and of a new thread come from advised heaps, 2 when the
 * heaps were not advised, else 1 (test_heap.c). */
#define HEAP_FRESH_ARG "--fresh-heap"
int heap_fresh_process(void);

#define ALL_TESTS(X) \
	X(test_util); X(test_fields); X(test_csvin); X(test_header); X(test_readers); X(test_rules); \
	X(test_report); X(test_privacy); X(test_i18n); X(test_xlsxin); X(test_out); \
	X(test_model); X(test_history); X(test_chunks); X(test_benchmark); X(test_heap)

#endif
