# aireport - see README.md.  `make run` and `make test` are the two commands a new
# user needs; both install missing Debian packages first.

PREFIX  ?= /usr/local
SHARE    = $(PREFIX)/share/aireport
MANDIR   = $(PREFIX)/share/man/man1
VERSION := $(shell sed -n 's/^\#define AIREPORT_VERSION "\(.*\)"/\1/p' gen/main.c)
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wshadow -Wmissing-prototypes -Wpedantic
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Igen -Ibuild
LDLIBS   = -pthread -lcsv -linih -lhpdf -lxlsxwriter -lzip -lexpat -lsqlite3 -lm

# Packages the build, the run and the tests need (Debian names).
PACKAGES = libcsv-dev libinih-dev libhpdf-dev libxlsxwriter-dev libzip-dev libexpat1-dev libsqlite3-dev \
           fonts-dejavu-core \
           pkg-config qpdf poppler-utils python3-openpyxl locales-all sqlite3 \
           libreoffice-calc-nogui clang valgrind groff-base man-db

# assessment.pdf: the writer's entry point, the libharu adapter (document, canvas),
# the layout, the charts and the sections.
PDF_OBJS = gen/out_pdf.o gen/pdf_doc.o gen/pdf_canvas.o gen/pdf_format.o gen/pdf_layout.o \
           gen/pdf_chart.o gen/pdf_summary.o gen/pdf_adoption.o gen/pdf_maturity.o gen/pdf_roi.o \
           gen/pdf_method.o

# The history (the only files with <sqlite3.h>): opening, published figures,
# recording a run, reading earlier quarters back; those merged into the dataset.
HISTORY_OBJS = gen/history.o gen/history_figures.o gen/history_write.o gen/history_read.o \
               gen/history_merge.o

OBJS = gen/util.o gen/heap.o gen/vocab.o gen/calendar.o gen/fields.o gen/answers.o gen/progress.o \
       gen/csvdecode.o gen/csvin.o gen/chunk.o gen/xlsxcell.o \
       gen/xlsxin.o gen/xlsxin_reader.o gen/xlsxin_book.o gen/xlsxin_sheet.o gen/xlsxin_scan.o gen/header.o gen/profile.o \
       gen/rules.o gen/rules_keys.o gen/rules_syntax.o gen/rules_values.o gen/rules_input.o \
       gen/dataset.o gen/ingest.o gen/survey.o gen/timesheet.o gen/ts_merge.o \
       gen/report.o gen/report_view.o gen/report_compute.o gen/report_roi.o gen/report_findings.o \
       gen/privacy.o gen/i18n.o gen/i18n_table.o gen/fsutil.o \
       gen/check.o gen/init_rules.o gen/out_csv.o $(PDF_OBJS) gen/out_xlsx.o gen/out_docs.o \
       gen/sha256.o gen/digests.o $(HISTORY_OBJS) gen/run.o
# The workbook writer: the libxlsxwriter adapter, the ROI sheet, the other sheets.
XLSX_OBJS = gen/xlsx_book.o gen/xlsx_roi.o gen/xlsx_sheets.o
OBJS += $(XLSX_OBJS)
# the --batch benchmark: peer statistics, its PDF page and its sheet
BENCH_OBJS = gen/benchmark.o gen/bench_store.o gen/pdf_bench.o gen/xlsx_bench.o
OBJS += $(BENCH_OBJS)
MAIN = gen/main.o gen/batch.o

TEST_OBJS = tests/unit_main.o tests/test_util.o tests/test_fields.o \
            tests/test_csvin.o tests/test_header.o tests/test_readers.o tests/test_rules.o tests/test_report.o \
            tests/test_privacy.o tests/test_i18n.o tests/test_xlsxin.o tests/test_out.o tests/test_model.o \
            tests/test_history.o tests/test_chunks.o tests/test_benchmark.o \
            tests/test_heap.o

all: aireport


aireport: $(OBJS) $(MAIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(MAIN) $(LDLIBS)

%.o: %.c
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

tests/run_unit: $(TEST_OBJS) $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJS) $(OBJS) $(LDLIBS)

tests/gen_data: tests/gen_data.c
	$(CC) $(WARN) $(CFLAGS) -o $@ $< -lm

tests/csv2xlsx: tests/csv2xlsx.c
	$(CC) $(WARN) $(CFLAGS) -o $@ $< -lxlsxwriter

# Sanitizer build (make test-asan): every object again with ASan and UBSan into
# build/asan/, so the normal objects stay as they are.  Any report fails the run.
# ASan does not see a read of a stack slot nobody wrote: the pattern fill makes
# every such slot 0xFE..., so a pointer read from one crashes the test instead of
# working by luck.
ASAN_DIR    = build/asan
ASAN_CFLAGS = -O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer \
              -fno-sanitize-recover=all -ftrivial-auto-var-init=pattern
ASAN_OBJS   = $(addprefix $(ASAN_DIR)/,$(OBJS))
ASAN_MAIN   = $(addprefix $(ASAN_DIR)/,$(MAIN))
ASAN_TESTS  = $(addprefix $(ASAN_DIR)/,$(TEST_OBJS))
ASAN_ENV    = ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1

$(ASAN_DIR)/%.o: %.c
	@mkdir -p $(@D)
	$(CC) $(WARN) $(CPPFLAGS) $(ASAN_CFLAGS) -MMD -MP -c -o $@ $<

$(ASAN_DIR)/aireport: $(ASAN_OBJS) $(ASAN_MAIN)
	$(CC) $(ASAN_CFLAGS) $(LDFLAGS) -o $@ $(ASAN_OBJS) $(ASAN_MAIN) $(LDLIBS)

$(ASAN_DIR)/run_unit: $(ASAN_TESTS) $(ASAN_OBJS)
	$(CC) $(ASAN_CFLAGS) $(LDFLAGS) -o $@ $(ASAN_TESTS) $(ASAN_OBJS) $(LDLIBS)

# Fuzz harnesses (tests/fuzz/fuzz_NAME.c) need only the readers, the report model
# and metrics.csv: no writer, no libharu, no libxlsxwriter, no SQLite history.
FUZZ_NAMES = csv readers fields rules xlsx
FUZZ_CORE  = $(filter-out $(PDF_OBJS) gen/out_xlsx.o gen/out_docs.o $(XLSX_OBJS) $(HISTORY_OBJS) $(BENCH_OBJS) gen/run.o,$(OBJS))

# The harnesses without libFuzzer: tests/fuzz/replay_main.c runs them on files.
$(ASAN_DIR)/replay_%: tests/fuzz/fuzz_%.c tests/fuzz/replay_main.c $(addprefix $(ASAN_DIR)/,$(FUZZ_CORE))
	$(CC) $(WARN) $(CPPFLAGS) $(ASAN_CFLAGS) -o $@ $(filter %.c %.o,$^) -pthread -lcsv -linih -lzip -lexpat -lm

# libFuzzer (clang) builds into build/fuzz/.  csvdecode.c is compiled from a copy whose
# read chunk is 61 bytes instead of 1 MiB: every input then crosses chunk
# boundaries (characters, CRLF and byte order marks cut in two), and each run
# does not allocate megabytes.  xlsxin_reader.c likewise hands expat 61 inflated bytes
# at a time instead of 64 KiB, so text and tags are cut between calls.  `make -j2 fuzz` runs two harnesses at a time.
FUZZ_CC      ?= clang
FUZZ_SECONDS ?= 60
FUZZ_DIR      = build/fuzz
FUZZ_CFLAGS   = -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=all \
                -fno-omit-frame-pointer
FUZZ_OBJS     = $(patsubst gen/%.o,$(FUZZ_DIR)/%.o,$(filter-out gen/csvdecode.o gen/xlsxin_reader.o,$(FUZZ_CORE))) \
                $(FUZZ_DIR)/csvdecode_small_chunks.o $(FUZZ_DIR)/xlsxin_reader_small_chunks.o

$(FUZZ_DIR)/%.o: gen/%.c
	@mkdir -p $(@D)
	$(FUZZ_CC) $(WARN) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/csvdecode_small_chunks.c: gen/csvdecode.c
	@mkdir -p $(@D)
	{ echo '#line 1 "gen/csvdecode.c"'; \
	  sed 's/^#define CHUNK_SIZE .*/#define CHUNK_SIZE ((size_t)61)/' $<; } >$@

$(FUZZ_DIR)/xlsxin_reader_small_chunks.c: gen/xlsxin_reader.c
	@mkdir -p $(@D)
	{ echo '#line 1 "gen/xlsxin_reader.c"'; \
	  sed 's/^#define READ_CHUNK .*/#define READ_CHUNK ((size_t)61)/' $<; } >$@

$(FUZZ_DIR)/%_small_chunks.o: $(FUZZ_DIR)/%_small_chunks.c
	$(FUZZ_CC) $(WARN) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c -o $@ $<

$(FUZZ_DIR)/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_OBJS)
	$(FUZZ_CC) $(WARN) $(CPPFLAGS) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(FUZZ_OBJS) \
	  -pthread -lcsv -linih -lzip -lexpat -lm

# Replays the kept crashes, then fuzzes from the seed corpus (new inputs are
# kept in build/fuzz/corpus-NAME/).  A crash stops make and leaves
# build/fuzz/crash-NAME-*; keep a small copy in tests/fuzz/regressions/NAME-*.
fuzz-%: $(FUZZ_DIR)/fuzz_%
	@mkdir -p $(FUZZ_DIR)/corpus-$*
	@set -e; regressions="$$(ls tests/fuzz/regressions/$*-* 2>/dev/null || true)"; \
	if [ -n "$$regressions" ]; then $(FUZZ_DIR)/fuzz_$* $$regressions </dev/null \
	  >$(FUZZ_DIR)/fuzz-$*.log 2>&1 || { cat $(FUZZ_DIR)/fuzz-$*.log; exit 1; }; fi
	@echo "fuzz $*: $(FUZZ_SECONDS) s"
	@$(FUZZ_DIR)/fuzz_$* -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 \
	  -print_final_stats=1 -artifact_prefix=$(FUZZ_DIR)/crash-$*- \
	  $(if $(wildcard tests/fuzz/$*.dict),-dict=tests/fuzz/$*.dict) \
	  $(FUZZ_DIR)/corpus-$* tests/fuzz/corpus-$* </dev/null >$(FUZZ_DIR)/fuzz-$*.log 2>&1 \
	  || { tail -n 60 $(FUZZ_DIR)/fuzz-$*.log; exit 1; }
	@sed -n 's/^stat::number_of_executed_units: */fuzz $*: executions: /p; s/^stat::average_exec_per_sec: */fuzz $*: per second: /p' \
	  $(FUZZ_DIR)/fuzz-$*.log

# The readers' fuzzers, then the privacy attacker on PRIVACY_SEEDS (default 300)
# random companies.
fuzz: $(addprefix fuzz-,$(FUZZ_NAMES))
	PRIVACY_SEEDS=$${PRIVACY_SEEDS:-300} PRIVACY_JOBS=$${PRIVACY_JOBS:-2} bash tests/e2e_privacy.sh

.SECONDARY: $(FUZZ_OBJS) $(addprefix $(FUZZ_DIR)/fuzz_,$(FUZZ_NAMES))

# Installs the Debian packages that are missing (sudo when not root).
deps:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	  $$SUDO apt-get update -qq && \
	  DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq --no-install-recommends $$missing; \
	fi

print-packages:
	@echo $(PACKAGES)

run: deps aireport
	./aireport

test: deps aireport tests/run_unit tests/gen_data tests/csv2xlsx
	tests/run_unit
	bash tests/run_e2e.sh

# The privacy attacker on 2000 random companies (tests/e2e_privacy.sh runs 30 in
# make test); PRIVACY_JOBS runs companies in parallel.
privacy-long: aireport
	PRIVACY_SEEDS=$${PRIVACY_SEEDS:-2000} bash tests/e2e_privacy.sh

# The whole suite against the sanitizer build: unit tests, the fuzz corpora and
# kept crashes, and every end-to-end script with AIREPORT_BIN set.
test-asan: deps $(ASAN_DIR)/aireport $(ASAN_DIR)/run_unit tests/gen_data tests/csv2xlsx \
           $(addprefix $(ASAN_DIR)/replay_,$(FUZZ_NAMES))
	$(ASAN_ENV) $(ASAN_DIR)/run_unit
	@set -e; for h in $(FUZZ_NAMES); do \
	  $(ASAN_ENV) $(ASAN_DIR)/replay_$$h tests/fuzz/corpus-$$h/* $$(ls tests/fuzz/regressions/$$h-* 2>/dev/null) </dev/null; \
	done
	$(ASAN_ENV) AIREPORT_BIN=$(CURDIR)/$(ASAN_DIR)/aireport bash tests/run_e2e.sh

bench: deps aireport tests/gen_data tests/csv2xlsx
	bash tests/bench.sh

# The installed share folder, compiled into --help and --init-rules: build/share.h
# changes (and main.c, init_rules.c are built again) only when PREFIX does.
build/share.h: FORCE
	@mkdir -p build
	@echo '#define AIREPORT_SHARE "$(SHARE)"' >$@.tmp
	@cmp -s $@.tmp $@ || mv $@.tmp $@; rm -f $@.tmp
gen/main.o gen/init_rules.o $(ASAN_DIR)/gen/main.o $(ASAN_DIR)/gen/init_rules.o \
  $(FUZZ_DIR)/init_rules.o: build/share.h

# The manual page with the version and the share folder filled in.
build/aireport.1: gen/aireport.1 gen/main.c build/share.h
	sed -e 's|@VERSION@|$(VERSION)|g' -e 's|@SHARE@|$(SHARE)|g' gen/aireport.1 >$@

SHARE_FILES = rules/default.ini rules/questionnaire-nl.md rules/questionnaire-en.md \
              rules/questionnaire-de.md input/survey.csv input/timesheet.csv

install: aireport build/aireport.1
	install -d $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(MANDIR) $(DESTDIR)$(SHARE)
	install -m 755 aireport $(DESTDIR)$(PREFIX)/bin/aireport
	gzip -9n -c build/aireport.1 >$(DESTDIR)$(MANDIR)/aireport.1.gz
	chmod 644 $(DESTDIR)$(MANDIR)/aireport.1.gz
	install -m 644 $(SHARE_FILES) $(DESTDIR)$(SHARE)/

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/aireport $(DESTDIR)$(MANDIR)/aireport.1.gz
	rm -f $(addprefix $(DESTDIR)$(SHARE)/,$(notdir $(SHARE_FILES)))
	-rmdir $(DESTDIR)$(SHARE)

# aireport_<version>_<arch>.deb from a staging folder (no network): the binary
# built for PREFIX=/usr, the manual, the share files, copyright and changelog.
deb:
	$(MAKE) PREFIX=/usr aireport build/aireport.1
	rm -rf build/deb
	$(MAKE) PREFIX=/usr DESTDIR=$(CURDIR)/build/deb install
	sh gen/mkdeb.sh $(VERSION) build/deb aireport_$(VERSION)_$$(dpkg --print-architecture).deb

clean:
	rm -f aireport tests/run_unit tests/gen_data tests/csv2xlsx gen/*.o gen/*.d tests/*.o tests/*.d
	rm -rf $(ASAN_DIR) $(FUZZ_DIR) build/deb build/share.h build/aireport.1
	rm -f aireport_*.deb

.PHONY: all deps print-packages run test test-asan fuzz privacy-long bench install uninstall deb clean FORCE

-include $(OBJS:.o=.d) $(MAIN:.o=.d) $(TEST_OBJS:.o=.d)
-include $(wildcard $(ASAN_DIR)/*/*.d $(FUZZ_DIR)/*.d)
