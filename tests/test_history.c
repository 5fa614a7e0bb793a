/* test_history.c - SHA-256 and HMAC-SHA-256 against the standards' vectors; the
 * history written from a small hand-made dataset and read back field by field;
 * versions of a republished quarter; the secret. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "calendar.h"
#include "check.h"
#include "dataset.h"
#include "history.h"
#include "history_merge.h"
#include "out_csv.h"
#include "report_compute.h"
#include "rules.h"
#include "digests.h"
#include "sha256.h"
#include "survey.h"
#include "tests.h"
#include "timesheet.h"

static void hex_of(const unsigned char *digest, char out[SHA256_HEX_SIZE])
{
	sha256_hex(digest, out);
}

/* FIPS 180-4 examples (and the NIST one-million-'a' message). */
static void sha256_vectors_once(void)
{
	static const struct { const char *msg, *want; } v[] = {
		{ "", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855" },
		{ "abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
		{ "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
		  "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
		{ "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopq"
		  "klmnopqrlmnopqrsmnopqrstnopqrstu",
		  "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1" },
	};
	unsigned char d[SHA256_SIZE];
	char hex[SHA256_HEX_SIZE];
	for (size_t i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		sha256(v[i].msg, strlen(v[i].msg), d);
		hex_of(d, hex);
		CHECK_STR(hex, v[i].want);
		/* the same message fed in pieces of every size from 1 to 9 bytes */
		for (size_t piece = 1; piece < 10; piece++) {
			struct sha256 s;
			sha256_init(&s);
			for (size_t at = 0; at < strlen(v[i].msg); at += piece) {
				size_t n = strlen(v[i].msg) - at < piece ? strlen(v[i].msg) - at : piece;
				sha256_update(&s, v[i].msg + at, n);
			}
			sha256_final(&s, d);
			hex_of(d, hex);
			CHECK_STR(hex, v[i].want);
		}
	}
	char *million = malloc(1000000);
	memset(million, 'a', 1000000);
	sha256(million, 1000000, d);
	hex_of(d, hex);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	/* the file digest reads the same bytes */
	char path[] = "/tmp/aireport-sha-XXXXXX";
	int fd = mkstemp(path);
	CHECK(fd >= 0 && write(fd, million, 1000000) == 1000000);
	close(fd);
	CHECK_INT(sha256_file(path, hex), 0);
	CHECK_STR(hex, "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
	/* told to stop, it gives up */
	int stop = 1;
	CHECK_INT(sha256_file_until(path, hex, &stop), -1);
	CHECK_STR(hex, "");
	/* the inputs hashed on a thread of their own, and in turn: the same digests;
	 * an input that cannot be read and one that is not there have none */
	for (int background = 0; background < 2; background++) {
		struct input_digests g;
		const char *paths[DIGEST_INPUTS] = { path, "/nonexistent/aireport", NULL, path };
		digests_start(&g, paths, background);
		const char *const *got = digests_wait(&g);
		CHECK(got[0] && strcmp(got[0], "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0") == 0);
		CHECK(!got[1] && !got[2]);
		CHECK(got[3] && strcmp(got[3], got[0]) == 0);
		digests_stop(&g);
	}
	struct input_digests stopped;
	const char *one[DIGEST_INPUTS] = { path, NULL, NULL, NULL };
	digests_start(&stopped, one, true);
	digests_stop(&stopped);   /* ends the thread, whether or not it was done */
	unlink(path);
	CHECK_INT(sha256_file(path, hex), -1);
	CHECK_STR(hex, "");
	free(million);
}

/* Messages of every length from 0 to 300 bytes, fed whole and in pieces of
 * 1..70 bytes, give the digest of the portable code with the processor's SHA
 * extensions too (where it has them). */
static void sha256_both_ways(void)
{
	unsigned char msg[300];
	for (size_t i = 0; i < sizeof(msg); i++)
		msg[i] = (unsigned char)(i * 131 + 7);
	for (size_t len = 0; len <= sizeof(msg); len++) {
		unsigned char want[SHA256_SIZE], got[SHA256_SIZE];
		sha256_accelerate(false);
		sha256(msg, len, want);
		sha256_accelerate(true);
		size_t piece = len % 70 + 1;
		struct sha256 s;
		sha256_init(&s);
		for (size_t at = 0; at < len; at += piece)
			sha256_update(&s, msg + at, len - at < piece ? len - at : piece);
		sha256_final(&s, got);
		CHECK(memcmp(want, got, SHA256_SIZE) == 0);
	}
}

/* The standards' vectors with the portable code and with the SHA extensions. */
static void sha256_vectors(void)
{
	bool accelerated = sha256_accelerate(false);
	sha256_vectors_once();
	sha256_accelerate(true);
	if (accelerated)
		sha256_vectors_once();
	sha256_both_ways();
}

/* RFC 4231 test cases 1-4, 6 and 7 (5 truncates the output). */
static void hmac_vectors(void)
{
	unsigned char key[131], data[50], d[SHA256_SIZE];
	char hex[SHA256_HEX_SIZE];

	memset(key, 0x0b, 20);
	hmac_sha256(key, 20, "Hi There", 8, d);
	hex_of(d, hex);
	CHECK_STR(hex, "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");

	hmac_sha256("Jefe", 4, "what do ya want for nothing?", 28, d);
	hex_of(d, hex);
	CHECK_STR(hex, "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");

	memset(key, 0xaa, 20);
	memset(data, 0xdd, 50);
	hmac_sha256(key, 20, data, 50, d);
	hex_of(d, hex);
	CHECK_STR(hex, "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");

	for (int i = 0; i < 25; i++)
		key[i] = (unsigned char)(i + 1);
	memset(data, 0xcd, 50);
	hmac_sha256(key, 25, data, 50, d);
	hex_of(d, hex);
	CHECK_STR(hex, "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");

	memset(key, 0xaa, 131);
	const char *m6 = "Test Using Larger Than Block-Size Key - Hash Key First";
	hmac_sha256(key, 131, m6, strlen(m6), d);
	hex_of(d, hex);
	CHECK_STR(hex, "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
	const char *m7 = "This is a test using a larger than block-size key and a larger than "
	                 "block-size data. The key needs to be hashed before being used by the "
	                 "HMAC algorithm.";
	hmac_sha256(key, 131, m7, strlen(m7), d);
	hex_of(d, hex);
	CHECK_STR(hex, "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

static void parse_metrics(void)
{
	static const char text[] =
		"period,scope,group,metric,value,status\n"
		"2026-Q2,organisation,,adoption_rate,0.5,ok\n"
		"2026-Q2,department,\"Sales, \"\"North\"\"\",headcount,,suppressed\n"
		"2026-Q2,use_case,\"two\nlines\",ai_entries,3,ok\n";
	struct history_figures f;
	CHECK_INT(history_parse_metrics(text, strlen(text), &f), 0);
	CHECK_INT(f.quarter, 2026 * 4 + 1);
	CHECK_INT(f.count, 3);
	if (f.count == 3) {
		CHECK_STR(f.items[0].scope, "organisation");
		CHECK_STR(f.items[0].group, "");
		CHECK_STR(f.items[0].metric, "adoption_rate");
		CHECK_STR(f.items[0].value, "0.5");
		CHECK_STR(f.items[0].status, "ok");
		CHECK_STR(f.items[1].group, "Sales, \"North\"");
		CHECK_STR(f.items[1].value, "");
		CHECK_STR(f.items[1].status, "suppressed");
		CHECK_STR(f.items[2].group, "two\nlines");
	}
	history_figures_free(&f);

	static const char *const bad[] = {
		"period,scope,group\n",                                          /* another header */
		"period,scope,group,metric,value,status\n2026-Q2,organisation,,x,1\n",   /* 5 fields */
		"period,scope,group,metric,value,status\n2026-Q2,o,\"open,x,1,ok\n",    /* open quote */
		"period,scope,group,metric,value,status\n2026-Q2,o,,x,1,ok\n2026-Q3,o,,y,1,ok\n",
		"period,scope,group,metric,value,status\n2026-Q2,o,,x,1,ok",     /* no final newline */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		CHECK_INT(history_parse_metrics(bad[i], strlen(bad[i]), &f), -1);
		CHECK_INT(f.count, 0);
	}
}

/* ---- a small company written to the history and read back -------------------------- */

static const char rules_text[] =
	"[organisation]\nname = Hist B.V.\n[privacy]\nmin_group_size = 1\nallow_small_groups = true\n[rates]\ndefault = 60\n";
static const char survey_text[] =
	"employee_id,submitted,department,role,ai_days_per_week,tool_knowledge,"
	"application_breadth,autonomy,innovation,knowledge_sharing,satisfaction,"
	"training_date,mentor_id\n"
	"H1,2026-02-10,Sales,Lead,2,4,3,2,1,5,4,2026-01-15,H2\n"
	"H2,2026-02-11,Sales,,0.5,1,2,3,4,5,,,\n"
	"H1,2026-05-03,Sales,Lead,3,5,4,3,2,1,5,2026-01-15,\n";
static const char timesheet_text[] =
	"employee_id,date,use_case,minutes,ai_assisted,items,department\n"
	"H1,2026-01-05,Mail,30,no,1,Sales\n"
	"H1,2026-01-20,Mail,10,yes,2,\n"
	"H1,2026-01-21,Mail,14,yes,1,Support\n"
	"H2,2026-02-03,Mail,40,no,2,\n"
	"H2,2026-05-04,Offer,20,yes,1,Sales\n";
/* The same company's second-quarter export, re-issued: Offer took 25 minutes. */
static const char timesheet_q2_text[] =
	"employee_id,date,use_case,minutes,ai_assisted,items,department\n"
	"H2,2026-05-04,Offer,25,yes,1,Sales\n";
static const char survey_q2_text[] =
	"employee_id,submitted,department,role,ai_days_per_week,tool_knowledge,"
	"application_breadth,autonomy,innovation,knowledge_sharing,satisfaction,"
	"training_date,mentor_id\n"
	"H1,2026-05-03,Sales,Lead,3,5,4,3,2,1,5,2026-01-15,\n";

struct company {
	char dir[64];
	char survey[96], timesheet[96], rules_path[96];
	struct rules rules;
	struct dataset d;
	struct report r;
	struct history_figures figures;
	int status;
};

static void write_text(const char *path, const char *text)
{
	FILE *f = fopen(path, "w");
	if (f) {
		fputs(text, f);
		fclose(f);
	}
}

static void company_load(struct company *c, const char *dir, const char *survey,
                         const char *timesheet)
{
	memset(c, 0, sizeof(*c));
	snprintf(c->dir, sizeof(c->dir), "%s", dir);
	snprintf(c->rules_path, sizeof(c->rules_path), "%s/rules.ini", dir);
	snprintf(c->survey, sizeof(c->survey), "%s/survey.csv", dir);
	snprintf(c->timesheet, sizeof(c->timesheet), "%s/timesheet.csv", dir);
	write_text(c->rules_path, rules_text);
	write_text(c->survey, survey);
	write_text(c->timesheet, timesheet);
	FILE *err = fopen("/dev/null", "w");
	dataset_init(&c->d);
	c->status = rules_load(&c->rules, c->rules_path, err);
	if (!c->status)
		c->status = survey_read(&c->d, c->survey, &c->rules, false, err);
	if (!c->status)
		c->status = timesheet_read(&c->d, c->timesheet, &c->rules, false, err);
	fclose(err);
	if (c->status)
		return;
	report_compute(&c->r, &c->d, &c->rules, 2026 * 4 + 1, 1780000000);
	char *text = NULL;
	size_t len = 0;
	FILE *m = open_memstream(&text, &len);
	csv_write_metrics(m, &c->r);
	fclose(m);
	c->status = history_parse_metrics(text, len, &c->figures);
	free(text);
}

static void company_free(struct company *c)
{
	history_figures_free(&c->figures);
	report_free(&c->r);
	dataset_free(&c->d);
	rules_free(&c->rules);
}

static int record(struct history *h, struct company *c, time_t at, struct history_changes *ch,
                  FILE *err)
{
	struct history_run run = {
		.version = "test", .run_at = at, .created = c->r.created,
		.survey_path = c->survey, .timesheet_path = c->timesheet, .rules_path = c->rules_path,
		.figures = &c->figures, .data = &c->d, .rules = &c->rules,
	};
	return history_record(h, &run, ch, err);
}

static const struct history_cell *find_cell(const struct history_data *d, const char *who,
                                            const char *use_case, int32_t month)
{
	for (size_t i = 0; i < d->cell_count; i++)
		if (strcmp(d->cells[i].employee, who) == 0 &&
		    strcmp(d->cells[i].use_case, use_case) == 0 && d->cells[i].month == month)
			return &d->cells[i];
	return NULL;
}

static const struct history_survey_row *find_row(const struct history_data *d, const char *who,
                                                 int quarter)
{
	for (size_t i = 0; i < d->survey_count; i++)
		if (strcmp(d->survey[i].employee, who) == 0 && d->survey[i].quarter == quarter)
			return &d->survey[i];
	return NULL;
}

static const char *figure_value(const struct history_figures *f, const char *scope,
                                const char *metric)
{
	for (size_t i = 0; i < f->count; i++)
		if (strcmp(f->items[i].scope, scope) == 0 && strcmp(f->items[i].metric, metric) == 0)
			return f->items[i].value;
	return NULL;
}

/* The history now holds Q1 (the first export) and Q2 (the re-issue).  A Q2 export
 * that names H1 only gets Q1 from the history: H1 under the export's id, H2 (whom
 * the export does not name) under the pseudonym; Q2 stays the export's. */
static const char timesheet_q2_h1_text[] =
	"employee_id,date,use_case,minutes,ai_assisted,items,department\n"
	"H1,2026-05-05,Offer,15,yes,1,Sales\n";

static void merge_back(struct history *h, const char *dir, const char *h1, const char *h2,
                       FILE *err)
{
	char dir3[128];
	snprintf(dir3, sizeof(dir3), "%s/q2-h1", dir);
	mkdir(dir3, 0700);
	struct company c;
	company_load(&c, dir3, survey_q2_text, timesheet_q2_h1_text);
	CHECK_INT(c.status, 0);
	if (c.status) {
		company_free(&c);
		return;
	}
	struct dataset *d = &c.d;
	struct history_merge_options o = { .last_quarter = 2026 * 4 + 1, .min_group_size = 5 };
	CHECK_INT(history_merge(h, d, &o, err), 0);
	const int32_t jan = 2026 * 12, feb = jan + 1, may = jan + 4;
	CHECK(d->history_merged);
	CHECK_INT(d->export_employees, 1);
	CHECK_INT(d->employees.count, 2);
	size_t e1 = strmap_find(&d->employees, "H1", 2), e2 = strmap_find(&d->employees, h2, 64);
	CHECK_INT(e1, 0);
	CHECK_INT(e2, 1);
	CHECK(strmap_find(&d->employees, h1, 64) == SIZE_MAX);   /* H1 is one employee */
	/* Q1's cells first (in their export's order), then the export's Q2 cell; the
	 * history's Q2 cell (H2, Offer, 25 minutes) is replaced by the export. */
	CHECK_INT(d->cell_index.count, 3);
	if (d->cell_index.count == 3) {
		CHECK(d->cells[0].employee == e1 && d->cells[0].month == jan &&
		      d->cells[0].entries == 3 && d->cells[0].ai_minutes == 24);
		CHECK_STR(strmap_key(&d->departments, d->cells[0].department), "Support");
		CHECK_INT(d->cells[0].department_line, 4);      /* H1,2026-01-21 */
		CHECK(d->cells[1].employee == e2 && d->cells[1].month == feb &&
		      d->cells[1].department == NO_STRING);
		CHECK(d->cells[2].employee == e1 && d->cells[2].month == may &&
		      d->cells[2].ai_minutes == 15);
	}
	CHECK_INT(d->baseline_index.count, 2);                   /* Mail, Jan and Feb */
	/* Mail's first AI date comes from Q1; the export's own are kept apart. */
	size_t mail = strmap_find(&d->use_cases, "Mail", 4);
	size_t offer = strmap_find(&d->use_cases, "Offer", 5);
	CHECK(mail != SIZE_MAX && mail < d->first_ai_cap &&
	      d->first_ai_date[mail] == days_from_civil(2026, 1, 20));
	CHECK(offer < d->export_first_ai_count &&
	      d->export_first_ai_date[offer] == days_from_civil(2026, 5, 5));
	CHECK(mail >= d->export_first_ai_count || d->export_first_ai_date[mail] == NO_DATE);
	/* Q1's survey rows (line 0) beside the export's Q2 row, grouped by employee;
	 * H1's mentor H2 by the pseudonym, H1's Q2 row stays the export's. */
	CHECK_INT(d->survey_count, 3);
	if (d->survey_count == 3) {
		CHECK(d->survey[0].employee == e1 && d->survey[0].line == 0 &&
		      quarter_of_days(d->survey[0].submitted) == 2026 * 4);
		CHECK_STR(strmap_key(&d->strings, d->survey[0].mentor), h2);
		CHECK(d->survey[1].employee == e1 && d->survey[1].line == 2);
		CHECK(d->survey[2].employee == e2 && d->survey[2].mentor == NO_STRING &&
		      d->survey[2].satisfaction == 0);
	}
	CHECK(d->history_timesheet_quarter_count == 1 && d->history_timesheet_quarters[0] == 2026 * 4);
	CHECK(d->history_survey_quarter_count == 1 && d->history_survey_quarters[0] == 2026 * 4);
	company_free(&c);
}

static void remove_dir(const char *dir)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		fprintf(stderr, "cannot remove %s\n", dir);
}

/* A company from the two exports in dir, recorded into a new history there and
 * quarters first..last loaded back into d; *h is the open history (or NULL). */
static bool record_and_load(const char *dir, const char *survey, const char *timesheet,
                            int first, int last, struct company *c, struct history **h,
                            struct history_data *d, FILE *err)
{
	company_load(c, dir, survey, timesheet);
	CHECK_INT(c->status, 0);
	*h = c->status ? NULL : history_open(dir, err);
	CHECK(*h != NULL);
	if (*h && record(*h, c, 1000, NULL, err) == 0 &&
	    history_load(*h, first, last, false, d, err) == 0)
		return true;
	CHECK(!"recorded and loaded");
	return false;
}

static void round_trip(void)
{
	char dir[] = "/tmp/aireport-history-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(0);
		return;
	}
	char *errtext = NULL;
	size_t errlen = 0;
	FILE *err = open_memstream(&errtext, &errlen);
	struct company c;
	company_load(&c, dir, survey_text, timesheet_text);
	CHECK_INT(c.status, 0);

	struct history *h = history_open(dir, err);
	CHECK(h != NULL);
	if (!h || c.status)
		goto out;

	/* The secret: 32 bytes, owner only; pseudonyms are HMAC-SHA-256 under it. */
	char secret_path[128];
	snprintf(secret_path, sizeof(secret_path), "%s/history.secret", dir);
	struct stat st;
	CHECK(stat(secret_path, &st) == 0 && st.st_size == 32 && (st.st_mode & 0777) == 0600);
	unsigned char secret[32] = { 0 };
	int fd = open(secret_path, O_RDONLY);
	CHECK(fd >= 0 && read(fd, secret, 32) == 32);
	if (fd >= 0)
		close(fd);
	char h1[SHA256_HEX_SIZE], h2[SHA256_HEX_SIZE], want[SHA256_HEX_SIZE];
	unsigned char digest[SHA256_SIZE];
	hmac_sha256(secret, 32, "H1", 2, digest);
	sha256_hex(digest, want);
	history_pseudonym(h, "H1", h1);
	history_pseudonym(h, "H2", h2);
	CHECK_STR(h1, want);
	CHECK(strcmp(h1, h2) != 0);

	struct history_changes ch = { 0 };
	CHECK_INT(record(h, &c, 1000, &ch, err), 0);
	CHECK_INT(ch.previous_version, 0);
	CHECK_INT(ch.count, 0);

	struct history_data d;
	CHECK_INT(history_load(h, 2026 * 4, 2026 * 4 + 1, false, &d, err), 0);
	/* Cells: worked out from timesheet_text by hand. */
	CHECK_INT(d.cell_count, 3);
	const int32_t jan = 2026 * 12, feb = jan + 1, may = jan + 4;
	const struct history_cell *cell = find_cell(&d, h1, "Mail", jan);
	CHECK(cell != NULL);
	if (cell) {
		CHECK_INT(cell->entries, 3);
		CHECK_INT(cell->ai_entries, 2);
		CHECK_DBL(cell->ai_items, 3);
		CHECK_DBL(cell->ai_minutes, 24);
		CHECK_STR(cell->department, "Support");          /* the latest date names it */
		CHECK_INT(cell->department_date, days_from_civil(2026, 1, 21));
	}
	cell = find_cell(&d, h2, "Mail", feb);
	CHECK(cell != NULL);
	if (cell) {
		CHECK_INT(cell->entries, 1);
		CHECK_INT(cell->ai_entries, 0);
		CHECK_DBL(cell->ai_minutes, 0);
		CHECK(cell->department == NULL);
		CHECK_INT(cell->department_date, NO_DATE);
	}
	cell = find_cell(&d, h2, "Offer", may);
	CHECK(cell != NULL && cell->ai_entries == 1 && cell->ai_minutes == 20 &&
	      cell->ai_items == 1 && strcmp(cell->department, "Sales") == 0);
	/* Non-AI minutes and items per use case and month. */
	CHECK_INT(d.baseline_count, 2);
	if (d.baseline_count == 2) {
		CHECK_STR(d.baselines[0].use_case, "Mail");
		CHECK_INT(d.baselines[0].month, jan);
		CHECK_DBL(d.baselines[0].minutes, 30);
		CHECK_DBL(d.baselines[0].items, 1);
		CHECK_INT(d.baselines[1].month, feb);
		CHECK_DBL(d.baselines[1].minutes, 40);
		CHECK_DBL(d.baselines[1].items, 2);
	}
	CHECK_INT(d.first_ai_count, 2);
	if (d.first_ai_count == 2) {
		CHECK_STR(d.first_ai[0].use_case, "Mail");
		CHECK_INT(d.first_ai[0].date, days_from_civil(2026, 1, 20));
		CHECK_STR(d.first_ai[1].use_case, "Offer");
		CHECK_INT(d.first_ai[1].quarter, 2026 * 4 + 1);
	}
	/* Survey rows, the mentor pseudonymised with the same key. */
	CHECK_INT(d.survey_count, 3);
	const struct history_survey_row *row = find_row(&d, h1, 2026 * 4);
	CHECK(row != NULL);
	if (row) {
		CHECK_INT(row->submitted, days_from_civil(2026, 2, 10));
		CHECK_STR(row->department, "Sales");
		CHECK_STR(row->role, "Lead");
		CHECK(row->mentor_named);
		CHECK_STR(row->mentor, h2);
		CHECK_INT(row->training_date, days_from_civil(2026, 1, 15));
		CHECK_DBL(row->ai_days_per_week, 2);
		CHECK_INT(row->scores[0], 4);
		CHECK_INT(row->scores[4], 5);
		CHECK_INT(row->satisfaction, 4);
	}
	row = find_row(&d, h2, 2026 * 4);
	CHECK(row && !row->mentor_named && row->mentor[0] == 0 && row->satisfaction == 0 &&
	      row->training_date == NO_DATE && strcmp(row->role, "") == 0 &&
	      row->ai_days_per_week == 0.5);
	CHECK(find_row(&d, h1, 2026 * 4 + 1) != NULL);
	CHECK_INT(d.timesheet_quarter_count, 2);
	CHECK_INT(d.survey_quarter_count, 2);
	/* The published figures, every one as written. */
	CHECK_INT(d.publication_count, 1);
	if (d.publication_count == 1) {
		CHECK_INT(d.publications[0].quarter, 2026 * 4 + 1);
		CHECK_INT(d.publications[0].version, 1);
		CHECK_INT(d.publications[0].created, 1780000000);
		CHECK_INT(d.publications[0].figures.count, c.figures.count);
		bool same = d.publications[0].figures.count == c.figures.count;
		for (size_t i = 0; same && i < c.figures.count; i++)
			same = strcmp(d.publications[0].figures.items[i].value, c.figures.items[i].value) == 0 &&
			       strcmp(d.publications[0].figures.items[i].metric, c.figures.items[i].metric) == 0;
		CHECK(same);
	}
	history_data_free(&d);
	/* Only the second quarter. */
	CHECK_INT(history_load(h, 2026 * 4 + 1, 2026 * 4 + 1, false, &d, err), 0);
	CHECK_INT(d.cell_count, 1);
	CHECK_INT(d.survey_count, 1);
	CHECK_INT(d.baseline_count, 0);
	history_data_free(&d);

	/* The same figures again: no new version. */
	CHECK_INT(record(h, &c, 2000, &ch, err), 0);
	CHECK_INT(ch.previous_version, 1);
	CHECK_INT(ch.count, 0);

	/* One figure changed: listed with old and new, kept as version 2; the first
	 * version stays the one history_load gives. */
	struct history_figure *sat = NULL;
	for (size_t i = 0; i < c.figures.count; i++)
		if (strcmp(c.figures.items[i].metric, "satisfaction_mean") == 0 &&
		    strcmp(c.figures.items[i].scope, "organisation") == 0)
			sat = &c.figures.items[i];
	CHECK(sat != NULL);
	if (sat) {
		CHECK_STR(sat->value, "5");                    /* H1's Q2 answer alone */
		free(sat->value);
		sat->value = xstrdup("4.5");
		CHECK_INT(record(h, &c, 3000, &ch, err), 0);
		CHECK_INT(ch.previous_version, 1);
		CHECK_INT(ch.count, 1);
		if (ch.count == 1) {
			CHECK_STR(ch.items[0].scope, "organisation");
			CHECK_STR(ch.items[0].metric, "satisfaction_mean");
			CHECK_STR(ch.items[0].old_value, "5");
			CHECK_STR(ch.items[0].new_value, "4.5");
			CHECK_STR(ch.items[0].new_status, "ok");
		}
		CHECK_INT(history_compare(h, &c.figures, &ch, err), 0);
		CHECK_INT(ch.previous_version, 2);
		CHECK_INT(ch.count, 0);
		CHECK_INT(history_load(h, 2026 * 4 + 1, 2026 * 4 + 1, false, &d, err), 0);
		CHECK(d.publication_count == 1 && d.publications[0].version == 1);
		if (d.publication_count == 1)
			CHECK_STR(figure_value(&d.publications[0].figures, "organisation",
			                       "satisfaction_mean"), "5");
		history_data_free(&d);
	}
	history_changes_free(&ch);
	history_close(h);

	/* A re-issued second-quarter export replaces that quarter only; the secret is
	 * read again, so the pseudonyms stay the same. */
	char dir2[128];
	snprintf(dir2, sizeof(dir2), "%s/q2", dir);
	mkdir(dir2, 0700);
	struct company c2;
	company_load(&c2, dir2, survey_q2_text, timesheet_q2_text);
	CHECK_INT(c2.status, 0);
	h = history_open(dir, err);
	CHECK(h != NULL);
	if (h && !c2.status) {
		char again[SHA256_HEX_SIZE];
		history_pseudonym(h, "H1", again);
		CHECK_STR(again, h1);
		CHECK_INT(record(h, &c2, 4000, NULL, err), 0);
		CHECK_INT(history_load(h, 2026 * 4, 2026 * 4 + 1, false, &d, err), 0);
		CHECK_INT(d.cell_count, 3);
		CHECK(find_cell(&d, h1, "Mail", jan) != NULL);       /* Q1 kept */
		cell = find_cell(&d, h2, "Offer", may);
		CHECK(cell && cell->ai_minutes == 25);               /* Q2 replaced */
		CHECK_INT(d.survey_count, 3);
		history_data_free(&d);
	}
	if (h && !c2.status)
		merge_back(h, dir, h1, h2, err);
	history_close(h);
	company_free(&c2);

	/* A secret that is not this history's is refused, naming the file. */
	unsigned char other[32];
	memset(other, 7, sizeof(other));
	fd = open(secret_path, O_WRONLY | O_TRUNC);
	CHECK(fd >= 0 && write(fd, other, 32) == 32);
	if (fd >= 0)
		close(fd);
	fflush(err);
	size_t before = errlen;
	h = history_open(dir, err);
	CHECK(h == NULL);
	fflush(err);
	CHECK(errlen > before && strstr(errtext + before, "history.secret: not the secret of") != NULL);
	history_close(h);
	/* A missing secret is refused too: a new one would start new pseudonyms. */
	unlink(secret_path);
	before = errlen;
	h = history_open(dir, err);
	CHECK(h == NULL);
	fflush(err);
	CHECK(errlen > before && strstr(errtext + before, "history.secret: missing") != NULL);
	CHECK(access(secret_path, F_OK) != 0);
	history_close(h);

out:
	company_free(&c);
	fclose(err);
	free(errtext);
	remove_dir(dir);
}

/* 39 cells, more than two of the batches the cells are written in and a rest:
 * each comes back with its own figures, department and place in the export. */
static void many_cells(void)
{
	char dir[] = "/tmp/aireport-history-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(0);
		return;
	}
	FILE *err = fopen("/dev/null", "w");
	struct buf ts = { 0 };
	buf_puts(&ts, "employee_id,date,use_case,minutes,ai_assisted,items,department\n");
	enum { CELLS = 39 };
	for (int i = 0; i < CELLS; i++)   /* one row per cell: E0-E2 x U00-U12, January */
		buf_printf(&ts, "E%d,2026-01-%02d,U%02d,%d,yes,%d,D%d\n", i % 3, i % 28 + 1, i / 3,
		           i + 1, i % 4 + 1, i % 2);
	struct company c;
	struct history *h;
	struct history_data d = { 0 };
	if (record_and_load(dir, survey_text, ts.data, 2026 * 4, 2026 * 4 + 1, &c, &h, &d, err)) {
		CHECK_INT(d.cell_count, CELLS);
		long wrong = 0;
		for (int i = 0; i < CELLS && (size_t)i < d.cell_count; i++) {
			char who[SHA256_HEX_SIZE], id[8], use_case[8], dept[8];
			snprintf(id, sizeof(id), "E%d", i % 3);
			snprintf(use_case, sizeof(use_case), "U%02d", i / 3);
			snprintf(dept, sizeof(dept), "D%d", i % 2);
			history_pseudonym(h, id, who);
			const struct history_cell *x = &d.cells[i];   /* in the export's order */
			wrong += strcmp(x->employee, who) != 0 || strcmp(x->use_case, use_case) != 0 ||
			         x->month != 2026 * 12 || x->entries != 1 || x->ai_entries != 1 ||
			         x->ai_minutes != i + 1 || x->ai_items != i % 4 + 1 ||
			         !x->department || strcmp(x->department, dept) != 0 ||
			         x->department_date != days_from_civil(2026, 1, i % 28 + 1) ||
			         x->department_line != i + 2;
		}
		CHECK_INT(wrong, 0);
		history_data_free(&d);
	}
	history_close(h);
	company_free(&c);
	buf_free(&ts);
	fclose(err);
	remove_dir(dir);
}

/* More answers than a batch holds, twice over and a rest: each is read back with
 * its own person, quarter, dates, mentor and scores. */
static void many_answers(void)
{
	char dir[] = "/tmp/aireport-history-XXXXXX";
	if (!mkdtemp(dir)) {
		CHECK(0);
		return;
	}
	FILE *err = fopen("/dev/null", "w");
	struct buf sv = { 0 };
	buf_puts(&sv, "employee_id,submitted,department,role,ai_days_per_week,tool_knowledge,"
	              "application_breadth,autonomy,innovation,knowledge_sharing,satisfaction,"
	              "training_date,mentor_id\n");
	enum { ANSWERS = 37 };
	for (int i = 0; i < ANSWERS; i++) {   /* A00-A36, each with figures of its own */
		buf_printf(&sv, "A%02d,2026-02-%02d,D%d,R%d,%d.5,%d,%d,%d,%d,%d,", i, i % 28 + 1, i % 3,
		           i % 2, i % 5, i % 5 + 1, (i + 1) % 5 + 1, (i + 2) % 5 + 1, (i + 3) % 5 + 1,
		           (i + 4) % 5 + 1);
		if (i % 4)
			buf_printf(&sv, "%d", i % 5 + 1);
		buf_puts(&sv, ",");
		if (i % 3 == 0)
			buf_printf(&sv, "2026-01-%02d", i % 28 + 1);
		buf_puts(&sv, ",");
		if (i % 2)
			buf_printf(&sv, "A%02d", (i + 5) % ANSWERS);
		buf_puts(&sv, "\n");
	}
	struct company c;
	struct history *h;
	struct history_data d = { 0 };
	if (record_and_load(dir, sv.data, "employee_id,date,use_case,minutes,ai_assisted,items\n"
	                                  "A00,2026-02-02,Mail,30,yes,1\n",
	                    2026 * 4, 2026 * 4, &c, &h, &d, err)) {
		CHECK_INT(d.survey_count, ANSWERS);
		long wrong = 0, found = 0;
		for (int i = 0; i < ANSWERS; i++) {
			char id[8], who[SHA256_HEX_SIZE], mentor[SHA256_HEX_SIZE] = "", text[8];
			snprintf(id, sizeof(id), "A%02d", i);
			history_pseudonym(h, id, who);
			if (i % 2) {
				snprintf(id, sizeof(id), "A%02d", (i + 5) % ANSWERS);
				history_pseudonym(h, id, mentor);
			}
			for (size_t k = 0; k < d.survey_count; k++) {
				const struct history_survey_row *x = &d.survey[k];
				if (strcmp(x->employee, who) != 0)
					continue;
				found++;
				snprintf(text, sizeof(text), "D%d", i % 3);
				wrong += x->quarter != 2026 * 4 || strcmp(x->department, text) != 0;
				snprintf(text, sizeof(text), "R%d", i % 2);
				wrong += strcmp(x->role, text) != 0 ||
				         x->submitted != days_from_civil(2026, 2, i % 28 + 1) ||
				         x->ai_days_per_week != i % 5 + 0.5 ||
				         x->mentor_named != (i % 2 == 1) || strcmp(x->mentor, mentor) != 0 ||
				         x->training_date != (i % 3 == 0 ? days_from_civil(2026, 1, i % 28 + 1)
				                                         : NO_DATE) ||
				         x->satisfaction != (i % 4 ? i % 5 + 1 : 0);
				for (int s = 0; s < 5; s++)
					wrong += x->scores[s] != (i + s) % 5 + 1;
			}
		}
		CHECK_INT(found, ANSWERS);
		CHECK_INT(wrong, 0);
		history_data_free(&d);
	}
	history_close(h);
	company_free(&c);
	buf_free(&sv);
	fclose(err);
	remove_dir(dir);
}

void test_history(void)
{
	sha256_vectors();
	hmac_vectors();
	parse_metrics();
	round_trip();
	many_cells();
	many_answers();
}
