# aireport - see README.md.  `make run` and `make test` are the two commands a new
# user needs; both install missing Debian packages first.

PREFIX  ?= /usr/local
CC      ?= cc
CFLAGS  ?= -O2 -g
WARN     = -std=c11 -Wall -Wextra -Wshadow -Wmissing-prototypes -Wpedantic
CPPFLAGS += -D_POSIX_C_SOURCE=200809L -Igen
LDLIBS   = -lcsv -linih -lhpdf -lxlsxwriter -lm

# Packages the build, the run and the tests need (Debian names).
PACKAGES = libcsv-dev libinih-dev libhpdf-dev libxlsxwriter-dev fonts-dejavu-core \
           pkg-config qpdf poppler-utils python3-openpyxl locales-all \
           libreoffice-calc-nogui clang valgrind

OBJS = gen/util.o gen/fields.o gen/csvin.o gen/rules.o gen/ingest.o gen/survey.o \
       gen/timesheet.o gen/report.o gen/privacy.o gen/i18n.o gen/fsutil.o \
       gen/out_csv.o gen/out_pdf.o gen/pdf_chart.o gen/out_xlsx.o gen/run.o
MAIN = gen/main.o gen/batch.o

TEST_OBJS = tests/unit_main.o tests/test_util.o tests/test_fields.o \
            tests/test_csvin.o tests/test_readers.o tests/test_rules.o tests/test_report.o \
            tests/test_privacy.o tests/test_i18n.o

all: aireport

aireport: $(OBJS) $(MAIN)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJS) $(MAIN) $(LDLIBS)

%.o: %.c
	$(CC) $(WARN) $(CPPFLAGS) $(CFLAGS) -MMD -MP -c -o $@ $<

tests/run_unit: $(TEST_OBJS) $(OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(TEST_OBJS) $(OBJS) $(LDLIBS)

tests/gen_data: tests/gen_data.c
	$(CC) $(WARN) $(CFLAGS) -o $@ $< -lm

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

test: deps aireport tests/run_unit tests/gen_data
	tests/run_unit
	bash tests/run_e2e.sh

bench: deps aireport tests/gen_data
	bash tests/bench.sh

install: aireport
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 755 aireport $(DESTDIR)$(PREFIX)/bin/aireport

clean:
	rm -f aireport tests/run_unit tests/gen_data gen/*.o gen/*.d tests/*.o tests/*.d

.PHONY: all deps print-packages run test bench install clean

-include $(OBJS:.o=.d) $(MAIN:.o=.d) $(TEST_OBJS:.o=.d)
