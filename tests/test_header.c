/* test_header.c - header mapping: case and white space, prefixes, joined columns,
 * two header rows, messages for missing columns (header.c). */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "header.h"
#include "tests.h"
#include "util.h"

/* A record of n cells from texts. */
static struct csv_record record(long line, const char *const *cells, size_t n,
                                struct csv_field *store)
{
	for (size_t i = 0; i < n; i++)
		store[i] = (struct csv_field){ .data = cells[i], .len = strlen(cells[i]) };
	return (struct csv_record){ .line = line, .count = n, .fields = store };
}

static const char *const names[] = { "employee_id", "date", "use_case", "ai_assisted",
                                     "department" };
static const bool required[] = { true, true, true, true, false };

/* Runs one header through the map; returns what it printed on err. */
static char *take(struct header_map *h, char **renamed, int rows, const char *const *row1,
                  const char *const *row2, size_t n, enum header_step *step)
{
	struct header_spec spec = { .canonical = names, .renamed = renamed, .required = required,
	                            .count = ARRAY_LEN(names), .section = "timesheet_columns",
	                            .header_rows = rows };
	char *text = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&text, &size);
	struct csv_field store[32];
	memset(h, 0, sizeof(*h));
	struct csv_record rec = record(1, row1, n, store);
	*step = header_map_take(h, &spec, &rec, "t.csv", err);
	if (rows == 2 && *step == HEADER_MORE) {
		rec = record(2, row2, n, store);
		*step = header_map_take(h, &spec, &rec, "t.csv", err);
	}
	fclose(err);
	return text;
}

static void matching(void)
{
	CHECK(header_name_matches("  Employee   ID ", 16, "employee id"));
	CHECK(header_name_matches("E-MAIL", 6, "e-mail"));
	CHECK(!header_name_matches("Email address", 13, "email"));
	CHECK(header_name_matches("Email address", 13, "email*"));
	CHECK(header_name_matches("Hoe goed ken je de AI-tools\n die je gebruikt?", 44,
	                          "hoe goed ken je de ai-tools die*"));
	CHECK(header_name_matches("Naam\xC2\xA0medewerker", 16, "naam medewerker"));
	CHECK(!header_name_matches("Naam", 4, "naam medewerker*"));
	CHECK(header_name_matches("x", 1, "*") == false);   /* a lone '*' is a name */
}

static void joined_and_prefixed(void)
{
	char *renamed[5] = { "First Name + Last Name", "Dat*", "Task", "Notes", NULL };
	static const char *const row[] = { "Date", "Task", "Notes", "First Name", "Last Name" };
	struct header_map h;
	enum header_step step;
	set_quiet(true);
	char *err = take(&h, renamed, 1, row, NULL, 5, &step);
	set_quiet(false);
	CHECK_INT(step, HEADER_DONE);
	CHECK_STR(err, "");
	CHECK_INT(h.col[0].nparts, 2);
	CHECK_INT(h.col[0].part[0], 3);
	CHECK_INT(h.col[0].part[1], 4);
	CHECK_STR(h.col[0].label, "First Name + Last Name");
	CHECK_STR(h.col[1].label, "Date");
	CHECK(!header_map_has(&h, 4));
	/* fields in file order: date (0), use case (1), AI (2), employee (3) */
	CHECK_INT(h.norder, 4);
	CHECK_INT(h.order[0], 1);
	CHECK_INT(h.order[3], 0);
	static const char *const data[] = { "2026-07-01", "Offerte", "met AI", "Anna", " de Vries" };
	struct csv_field store[5], f;
	struct csv_record rec = record(2, data, 5, store);
	struct buf scratch = { 0 };
	header_map_field(&h, 0, &rec, &scratch, &f);
	CHECK_STR(f.data, "Anna de Vries");
	static const char *const half[] = { "2026-07-01", "Offerte", "", "Anna", "" };
	rec = record(3, half, 5, store);
	header_map_field(&h, 0, &rec, &scratch, &f);
	CHECK_STR(f.data, "Anna");
	header_map_field(&h, 2, &rec, &scratch, &f);
	CHECK_STR(f.data, "Offerte");
	CHECK(header_map_fits(&h, &rec));
	rec.count = 4;
	CHECK(!header_map_fits(&h, &rec));
	h.pad_short = true;   /* a workbook row without its trailing empty cells */
	CHECK(header_map_fits(&h, &rec));
	header_map_field(&h, 0, &rec, &scratch, &f);
	CHECK_STR(f.data, "Anna");
	buf_free(&scratch);
	header_map_free(&h);
	free(err);
}

/* One cell may serve two columns: Harvest's Notes as use case and AI marker. */
static void shared_cell(void)
{
	char *renamed[5] = { "User", "Date", "Notes", "Notes", NULL };
	static const char *const row[] = { "User", "Date", "Notes" };
	struct header_map h;
	enum header_step step;
	char *err = take(&h, renamed, 1, row, NULL, 3, &step);
	CHECK_INT(step, HEADER_DONE);
	CHECK_STR(err, "");
	CHECK_INT(h.col[2].part[0], 2);
	CHECK_INT(h.col[3].part[0], 2);
	CHECK_INT(h.order[2], 2);   /* same position: canonical order */
	CHECK_INT(h.order[3], 3);
	header_map_free(&h);
	free(err);
}

/* SurveyMonkey: metadata names in row 1, question texts in row 1 with "Response"
 * in row 2, and sub-items of a matrix question in row 2 under a blank row 1. */
static void two_rows(void)
{
	char *renamed[5] = { "Email Address", "End Date", "Welche Aufgabe*",
	                     "wie oft nutzen sie  KI zum rechnen", "Abteilung" };
	static const char *const row1[] = { "Respondent ID", "Email Address", "End Date",
		"Welche Aufgabe?", "Wie oft nutzen Sie", "", "Abteilung" };
	static const char *const row2[] = { "", "", "", "Response", "KI zum Schreiben",
		"KI zum Rechnen", "Response" };
	struct header_map h;
	enum header_step step;
	set_quiet(true);
	char *err = take(&h, renamed, 2, row1, row2, 7, &step);
	set_quiet(false);
	CHECK_INT(step, HEADER_DONE);
	CHECK_STR(h.names[0], "Respondent ID");
	CHECK_STR(h.names[3], "Response");
	CHECK_STR(h.names[5], "KI zum Rechnen");
	CHECK_STR(h.full[5], "Wie oft nutzen Sie KI zum Rechnen");
	CHECK(h.full[0] == NULL);
	CHECK_INT(h.col[2].part[0], 3);     /* "Welche Aufgabe? Response" */
	CHECK_INT(h.col[4].part[0], 6);
	CHECK_STR(h.col[2].label, "Response");
	CHECK_INT(h.line, 2);
	CHECK_INT(h.col[3].part[0], 5);     /* row 1 carried + row 2 */
	CHECK_STR(err, "");
	header_map_free(&h);
	free(err);
}

static void messages(void)
{
	char *renamed[5] = { NULL, NULL, "Activiteit", NULL, "Afdelingg" };
	static const char *const row[] = { "Medewerker", "Datum", "Activiteit", "AI", "Afdeling" };
	struct header_map h;
	enum header_step step;
	char *err = take(&h, renamed, 1, row, NULL, 5, &step);
	CHECK_INT(step, HEADER_FAILED);
	CHECK_STR(err,
		"aireport: t.csv:1: missing required column 'employee_id'; the header has 'Medewerker' "
		"\xE2\x80\x94 map it with employee_id = Medewerker under [timesheet_columns] "
		"(header found: Medewerker,Datum,Activiteit,AI,Afdeling)\n"
		"aireport: t.csv:1: missing required column 'date'; the header has 'Datum' \xE2\x80\x94 "
		"map it with date = Datum under [timesheet_columns]\n"
		"aireport: t.csv:1: missing required column 'ai_assisted'; the header has 'AI' \xE2\x80\x94 "
		"map it with ai_assisted = AI under [timesheet_columns]\n");
	header_map_free(&h);
	free(err);

	/* A mapped optional column that matches nothing, and unused cells. */
	char *ok_names[5] = { "Medewerker", "Datum", "Activiteit", "AI", "Afdelingg" };
	static const char *const row2[] = { "Medewerker", "Datum", "Activiteit", "AI", "Afdeling",
		"Opmerking" };
	err = take(&h, ok_names, 1, row2, NULL, 6, &step);
	CHECK_INT(step, HEADER_DONE);
	CHECK_STR(err,
		"aireport: warning: t.csv: department = Afdelingg under [timesheet_columns] matches no "
		"column; did you mean 'Afdeling'?\n"
		"aireport: warning: t.csv: ignoring unknown columns: Afdeling, Opmerking\n");
	header_map_free(&h);
	free(err);

	/* An empty header cell beside a missing column: nothing to suggest from it. */
	static const char *const gaps[] = { "", "Datum", "", "AI", "Activiteit" };
	char *plain[5] = { NULL, NULL, NULL, NULL, NULL };
	err = take(&h, plain, 1, gaps, NULL, 5, &step);
	CHECK_INT(step, HEADER_FAILED);
	CHECK(strstr(err, "missing required column 'employee_id'; if the export names it "
	                  "differently") != NULL);
	header_map_free(&h);
	free(err);

	/* Read with the wrong delimiter: the header is one cell. */
	static const char *const one[] = { "employee_id;date;use_case;ai_assisted;minutes" };
	char *none[5] = { NULL, NULL, NULL, NULL, NULL };
	err = take(&h, none, 1, one, NULL, 1, &step);
	CHECK_INT(step, HEADER_FAILED);
	CHECK(strstr(err, "aireport: t.csv:1: split at the semicolon, the header has every "
	                  "required column: set delimiter = semicolon under [timesheet_input]\n") != NULL);
	header_map_free(&h);
	free(err);
}

void test_header(void)
{
	matching();
	joined_and_prefixed();
	shared_cell();
	two_rows();
	messages();
}
