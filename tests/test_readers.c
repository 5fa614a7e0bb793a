/* test_readers.c - every rejection reason of the survey and timesheet readers,
 * de-duplication, header mapping and the rows_read = used + rejected + superseded
 * balance (SPEC §2, §2.1, §2.2, §11.2, §11.8-13). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "dataset.h"
#include "fields.h"
#include "ingest.h"
#include "out_csv.h"
#include "rules.h"
#include "survey.h"
#include "timesheet.h"
#include "tests.h"

static char dir[64];

/* Writes name in the test folder, which is the current folder during the test, so
 * rejects name the file as given: "t.csv". */
static const char *write_temp(const char *name, const char *text)
{
	FILE *f = fopen(name, "w");
	fputs(text, f);
	fclose(f);
	return name;
}

static void minimal_rules(struct rules *r)
{
	rules_init(r);
	r->org_name = strdup("T");
}

/* Reads a survey text and returns the survey rejects as CSV lines. */
static char *survey_rejects(const char *text, struct dataset *d, const struct rules *r)
{
	dataset_init(d);
	FILE *err = fopen("/dev/null", "w");
	int st = survey_read(d, write_temp("s.csv", text), r, false, err);
	fclose(err);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	fprintf(f, "%d\n", st);
	for (size_t i = 0; i < d->survey_reject_count; i++) {
		const struct reject *x = &d->survey_rejects[i];
		csv_write_reject(f, "s", x->line, x->column, x->value, x->reason);
	}
	fclose(f);
	return out;
}

static char *timesheet_rejects(const char *text, struct dataset *d, const struct rules *r)
{
	dataset_init(d);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	d->timesheet_rejects = (struct reject_sink){ csv_reject_sink_row, csv_reject_sink_reset, f };
	FILE *err = fopen("/dev/null", "w");
	int st = timesheet_read(d, write_temp("t.csv", text), r, false, err);
	fclose(err);
	fprintf(f, "status %d\n", st);
	fclose(f);
	d->timesheet_rejects = (struct reject_sink){ NULL, NULL, NULL };
	return out;
}

#define H "employee_id,submitted,department,role,ai_days_per_week,tool_knowledge," \
          "application_breadth,autonomy,innovation,knowledge_sharing,satisfaction," \
          "training_date,mentor_id\n"

static void survey_reasons(void)
{
	struct rules r;
	minimal_rules(&r);
	struct dataset d;
	char long_id[80];
	memset(long_id, 'x', 65);
	long_id[65] = '\0';
	char text[4096];
	snprintf(text, sizeof(text), H
	         "A,2026-07-01,D,,1,3,3,3,3,3,,,\n"          /* 2 ok */
	         ",2026-07-01,D,,1,3,3,3,3,3,,,\n"           /* 3 empty id */
	         "%s,2026-07-01,D,,1,3,3,3,3,3,,,\n"         /* 4 id of 65 characters */
	         "B,2026-07-32,D,,1,3,3,3,3,3,,,\n"          /* 5 date */
	         "B,2026-07-01,,,1,3,3,3,3,3,,,\n"           /* 6 empty department */
	         "B,2026-07-01,D,,7.5,3,3,3,3,3,,,\n"        /* 7 days out of range */
	         "B,2026-07-01,D,,1-2 days,3,3,3,3,3,,,\n"   /* 8 not a number */
	         "B,2026-07-01,D,,1,3.5,3,3,3,3,,,\n"        /* 9 not a whole number */
	         "B,2026-07-01,D,,1,3,0,3,3,3,,,\n"          /* 10 Likert 0 */
	         "B,2026-07-01,D,,1,3,3,3,3,3,6,,\n"         /* 11 satisfaction 6 */
	         "B,2026-07-01,D,,1,3,3,3,3,3,,13/13/2026,\n" /* 12 no date */
	         "B,2026-07-01,D,,1,3,3,3,3,3,,\n"           /* 13 12 fields */
	         "B,2026-07-01,D,,-1,9,3,3,3,3,,,\n"         /* 14 first bad column from the left */
	         "A,2026-08-01,D,,1,3,3,3,3,3,,,\n"          /* 15 supersedes line 2 */
	         "A,2026-08-01,D,,1,3,3,3,3,3,,,\n"          /* 16 same date, later line wins */
	         "A,2026-09-01,D,,1,3,3,3,3,9,,,\n"          /* 17 rejected: does not supersede */
	         "A,2026-10-01,D,,1,3,3,3,3,3,,,\n",         /* 18 another quarter */
	         long_id);
	char *got = survey_rejects(text, &d, &r);
	CHECK_STR(got,
		"0\n"
		"s,2,employee_id,A,superseded by line 16\n"
		"s,3,employee_id,,empty\n"
		"s,4,employee_id,xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx,"
		"too long (more than 64 characters)\n"
		"s,5,submitted,2026-07-32,not a valid date\n"
		"s,6,department,,empty\n"
		"s,7,ai_days_per_week,7.5,out of range 0-7\n"
		"s,8,ai_days_per_week,1-2 days,not a number\n"
		"s,9,tool_knowledge,3.5,not a whole number\n"
		"s,10,application_breadth,0,out of range 1-5\n"
		"s,11,satisfaction,6,out of range 1-5\n"
		"s,12,training_date,13/13/2026,not a valid date\n"
		"s,13,,,\"wrong number of fields (12, header has 13)\"\n"
		"s,14,ai_days_per_week,'-1,out of range 0-7\n"
	          "s,14,tool_knowledge,9,out of range 1-5\n"
		"s,15,employee_id,A,superseded by line 16\n"
		"s,17,knowledge_sharing,9,out of range 1-5\n");
	free(got);
	/* In 2026-Q3, A answered on lines 2 (07-01), 15 and 16 (both 08-01): 16 wins and
	 * supersedes 2 and 15; the rejected line 17 takes no part.  Lines 16 and 18 are
	 * used. */
	CHECK_INT(d.survey_file.rows_read, 17);
	CHECK_INT(d.survey_file.rows_rejected, 13);
	CHECK_INT(d.survey_file.rows_superseded, 2);
	CHECK_INT(d.survey_file.rows_used, 2);
	CHECK_INT(d.survey_file.rows_read, d.survey_file.rows_used + d.survey_file.rows_rejected +
	                                   d.survey_file.rows_superseded);
	dataset_free(&d);
	rules_free(&r);
}

static void timesheet_reasons(void)
{
	struct rules r;
	minimal_rules(&r);
	struct dataset d;
	char *got = timesheet_rejects(
		"use_case;ai_assisted;Employee_ID;date;minutes;hours;items\n"   /* any order, case */
		"Mail;ja;E1;1-7-2026;30;99;\n"            /* 2 ok: minutes wins, hours unused */
		"Mail;maybe;E1;1-7-2026;30;;\n"           /* 3 yes/no */
		"Mail;ja;E1;1-7-2026;1441;;\n"            /* 4 minutes out of range */
		"Mail;ja;E1;1-7-2026;-5;;\n"              /* 5 negative */
		"Mail;ja;E1;1-7-2026;30;;0\n"             /* 6 items 0 */
		"Mail;ja;E1;1-7-2026;30;;2,5\n"           /* 7 items not whole */
		";ja;E1;1-7-2026;30;;\n"                  /* 8 empty use case */
		"Mail;ja;E1;;30;;\n"                      /* 9 empty date */
		"Mail;ja;E1;1-7-2026;;;\n"                /* 10 empty minutes */
		"Mail;ja;E1;1-7-2026;1.000,5;;\n"         /* 11 thousands separator */
		"Mail;ja;E1\n"                            /* 12 field count */
		"Mail;ja;E1;1-7-2026;30;;10000\n"         /* 13 ok: items at the limit */
		"Mail;maybe;E1;1-7-2026;1441;;0\n",       /* 14 three, in the header's order */
		&d, &r);
	CHECK_STR(got,
		"t.csv,3,ai_assisted,maybe,not a yes/no value\n"
		"t.csv,4,minutes,1441,out of range 0-1440\n"
		"t.csv,5,minutes,'-5,out of range 0-1440\n"
		"t.csv,6,items,0,out of range 1-10000\n"
		"t.csv,7,items,\"2,5\",not a whole number\n"
		"t.csv,8,use_case,,empty\n"
		"t.csv,9,date,,empty\n"
		"t.csv,10,minutes,,empty\n"
		"t.csv,11,minutes,\"1.000,5\",\"not a duration (expected a number, h:mm or 1h 30m)\"\n"
		"t.csv,12,,,\"wrong number of fields (3, header has 7)\"\n"
		"t.csv,14,ai_assisted,maybe,not a yes/no value\n"
		"t.csv,14,minutes,1441,out of range 0-1440\n"
		"t.csv,14,items,0,out of range 1-10000\n"
		"status 0\n");
	free(got);
	CHECK_INT(d.timesheet_file.rows_read, 13);
	CHECK_INT(d.timesheet_file.rows_used, 2);
	CHECK_INT(d.timesheet_file.rows_rejected, 11);
	CHECK_INT(d.cell_index.count, 1);
	CHECK_INT(d.cells[0].ai_entries, 2);
	CHECK_INT((long)d.cells[0].ai_items, 10001);
	CHECK_INT((long)d.cells[0].ai_minutes, 60);
	dataset_free(&d);

	/* hours when there is no minutes column: 1,5 h = 90 minutes. */
	got = timesheet_rejects("employee_id,date,use_case,hours,ai_assisted\n"
	                        "E1,2026-07-01,Mail,\"1,5\",no\n"
	                        "E1,2026-07-01,Mail,25,no\n", &d, &r);
	CHECK_STR(got, "t.csv,3,hours,25,out of range 0-24\nstatus 0\n");
	free(got);
	CHECK_INT((long)d.baselines[0].minutes, 90);
	dataset_free(&d);

	/* Neither minutes nor hours: a whole-file error. */
	got = timesheet_rejects("employee_id,date,use_case,ai_assisted\nE1,2026-07-01,M,no\n",
	                        &d, &r);
	CHECK_STR(got, "status 1\n");
	free(got);
	dataset_free(&d);
	rules_free(&r);
}

/* A mapped column replaces the canonical name; the first of two matching header
 * cells counts (§11.2). */
static void header_mapping(void)
{
	struct rules r;
	minimal_rules(&r);
	r.survey_columns[SC_EMPLOYEE_ID] = strdup("Personeelsnummer");
	struct dataset d;
	char *got = survey_rejects(
		"employee_id,Personeelsnummer,submitted,department,ai_days_per_week,tool_knowledge,"
		"application_breadth,autonomy,innovation,knowledge_sharing,autonomy\n"
		"ignored,P1,2026-07-01,D,1,3,3,3,3,3,x\n", &d, &r);
	CHECK_STR(got, "0\n");
	free(got);
	CHECK_INT(d.survey_count, 1);
	CHECK_STR(strmap_key(&d.employees, 0), "P1");
	dataset_free(&d);
	/* Without the mapped column the canonical name no longer matches. */
	got = survey_rejects("employee_id,submitted,department,ai_days_per_week,tool_knowledge,"
	                     "application_breadth,autonomy,innovation,knowledge_sharing\n", &d, &r);
	CHECK_STR(got, "1\n");
	free(got);
	dataset_free(&d);
	rules_free(&r);
}

/* Lengths count code points, not bytes (§11.8): 64 x "é" is 128 bytes but fits. */
static void code_points(void)
{
	struct rules r;
	minimal_rules(&r);
	struct dataset d;
	char id[200] = "", text[1024];
	for (int i = 0; i < 64; i++)
		strcat(id, "\xc3\xa9");
	snprintf(text, sizeof(text), "employee_id,date,use_case,minutes,ai_assisted\n"
	         "%s,2026-07-01,M,10,no\n%s\xc3\xa9,2026-07-01,M,10,no\n", id, id);
	char *got = timesheet_rejects(text, &d, &r);
	CHECK(strstr(got, "t.csv,3,employee_id,") == got);
	CHECK(strstr(got, "too long (more than 64 characters)") != NULL);
	CHECK_INT(d.timesheet_file.rows_used, 1);
	free(got);
	dataset_free(&d);
	rules_free(&r);
}

/* Values as tools write them: answer texts, "2 dagen", Google Forms time stamps,
 * e-mail ids in any case (SPEC §2 as extended for tool exports). */
static void survey_tool_values(void)
{
	struct rules r;
	minimal_rules(&r);
	r.survey_columns[SC_EMPLOYEE_ID] = strdup("E-mailadres");
	r.survey_columns[SC_SUBMITTED] = strdup("Tijdstempel");
	r.survey_columns[SC_DEPARTMENT] = strdup("In welke afdeling*");
	r.survey_columns[SC_AI_DAYS_PER_WEEK] = strdup("Op hoeveel dagen*");
	r.survey_columns[SC_TOOL_KNOWLEDGE] = strdup("Ik ken*");
	r.survey_columns[SC_APPLICATION_BREADTH] = strdup("Ik zet AI in*");
	r.survey_columns[SC_AUTONOMY] = strdup("Ik bepaal*");
	r.survey_columns[SC_INNOVATION] = strdup("Ik bedenk*");
	r.survey_columns[SC_KNOWLEDGE_SHARING] = strdup("Ik deel*");
	r.survey_columns[SC_MENTOR_ID] = strdup("Buddy");
	struct scale_word custom[] = { { "Klopt precies", 5 } };
	r.survey_scale = custom;
	r.survey_scale_count = 1;
	struct dataset d;
	char *got = survey_rejects(
		"Tijdstempel,E-mailadres,In welke afdeling werk je?,Op hoeveel dagen per week?,"
		"\"Ik ken de  AI-tools\",Ik zet AI in voor veel taken,Ik bepaal zelf,Ik bedenk nieuwe "
		"manieren,Ik deel mijn kennis,Buddy\n"
		"2026/09/01 9:00:11 AM GMT+2,Anna@Example.NL,Sales,2 dagen,Helemaal mee eens,"
		"4 - Eens,Neutraal,Oneens,Klopt precies,BRAM@example.nl\n"
		"2026/09/02 10:00:00 AM GMT+2,bram@example.nl,Sales,0,Misschien,3,3,3,3,\n",
		&d, &r);
	CHECK_STR(got, "0\ns,3,Ik ken de  AI-tools,Misschien,not an answer on the 1-5 scale\n");
	free(got);
	CHECK_INT(d.survey_count, 1);
	const struct survey_row *row = &d.survey[0];
	CHECK_STR(strmap_key(&d.employees, row->employee), "anna@example.nl");
	CHECK_STR(strmap_key(&d.strings, row->mentor), "bram@example.nl");
	CHECK_INT(row->submitted, days_from_civil(2026, 9, 1));
	CHECK_DBL(row->ai_days_per_week, 2);
	CHECK_INT(row->scores[0], 5);
	CHECK_INT(row->scores[1], 4);
	CHECK_INT(row->scores[2], 3);
	CHECK_INT(row->scores[3], 2);
	CHECK_INT(row->scores[4], 5);
	dataset_free(&d);
	r.survey_scale = NULL;
	r.survey_scale_count = 0;
	rules_free(&r);
}

/* date_order = auto: a file whose dates show month-first is read month-first; one
 * that shows both orders stops; one that shows neither is read day-first. */
static void date_orders(void)
{
	struct rules r;
	minimal_rules(&r);
	struct dataset d;
	char *got = survey_rejects(H
		"A,07/03/2026,D,,1,3,3,3,3,3,,,\n"      /* undecided alone */
		"B,07/13/2026,D,,1,3,3,3,3,3,,,\n",     /* month-first: 13 July */
		&d, &r);
	CHECK_STR(got, "0\n");
	free(got);
	CHECK_INT(d.survey_count, 2);
	CHECK_INT(d.survey[0].submitted, days_from_civil(2026, 7, 3));
	CHECK_INT(d.survey[1].submitted, days_from_civil(2026, 7, 13));
	dataset_free(&d);

	got = survey_rejects(H "A,07/03/2026,D,,1,3,3,3,3,3,,,\n", &d, &r);
	CHECK_STR(got, "0\n");
	free(got);
	CHECK_INT(d.survey[0].submitted, days_from_civil(2026, 3, 7));   /* day-first */
	dataset_free(&d);

	dataset_init(&d);
	char *text = NULL;
	size_t size = 0;
	FILE *err = open_memstream(&text, &size);
	int st = survey_read(&d, write_temp("s.csv", H
		"A,25/06/2026,D,,1,3,3,3,3,3,,,\n"
		"B,07/13/2026,D,,1,3,3,3,3,3,,,\n"), &r, false, err);
	fclose(err);
	CHECK_INT(st, 1);
	CHECK_STR(text, "aireport: s.csv: some dates are day-first (line 2: 25/06/2026) and some "
	                "month-first (line 3: 07/13/2026); set date_order = dmy or mdy under "
	                "[survey_input]\n");
	free(text);
	dataset_free(&d);

	/* An explicit order is followed, and a date that does not fit it is rejected. */
	r.survey_input.date_order = DATE_ORDER_DMY;
	got = survey_rejects(H "A,07/13/2026,D,,1,3,3,3,3,3,,,\nB,07/03/26,D,,1,3,3,3,3,3,,,\n",
	                     &d, &r);
	CHECK_STR(got, "0\ns,2,submitted,07/13/2026,not a valid date\n");
	free(got);
	CHECK_INT(d.survey[0].submitted, days_from_civil(2026, 3, 7));   /* two-digit year */
	dataset_free(&d);
	rules_free(&r);
}

/* Tags as the AI flag, durations as h:mm:ss and "1h 30m", start and end with a
 * break (also past midnight), and a first + last name joined into one id mapped
 * to the survey's e-mail address. */
static void timesheet_tool_values(void)
{
	struct rules r;
	minimal_rules(&r);
	char *markers[] = { "AI", "KI" };
	r.ai_markers = markers;
	r.ai_marker_count = 2;
	r.timesheet_columns[TC_EMPLOYEE_ID] = strdup("First Name + Last Name");
	r.timesheet_columns[TC_DATE] = strdup("Start date");
	r.timesheet_columns[TC_USE_CASE] = strdup("Project");
	r.timesheet_columns[TC_HOURS] = strdup("Duration");
	r.timesheet_columns[TC_AI_ASSISTED] = strdup("Tags");
	struct dataset d;
	dataset_init(&d);
	CHECK_INT(identity_load(&d, write_temp("ids.csv", "timesheet,survey\n"
	                                       "Anna de Vries,Anna@example.nl\n"), stderr), 0);
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	d.timesheet_rejects = (struct reject_sink){ csv_reject_sink_row, csv_reject_sink_reset, f };
	FILE *err = fopen("/dev/null", "w");
	int st = timesheet_read(&d, write_temp("t.csv",
		"First Name,Last Name,Start date,Project,Duration,Tags\n"
		"Anna,de Vries,2026-07-01,Offerte,01:30:00,\"AI, Intern\"\n"
		"Anna,de Vries,2026-07-01,Offerte,1h 30m,Intern\n"
		"Bram,Jansen,2026-07-02,Mail,\"0,5\",Mailing\n"
		"Bram,Jansen,2026-07-02,Mail,25:00,ki\n"), &r, false, err);
	fclose(err);
	fclose(f);
	CHECK_INT(st, 0);
	CHECK_STR(out, "t.csv,5,Duration,25:00,out of range 0-24\n");
	free(out);
	CHECK_INT(d.timesheet_file.rows_used, 3);
	/* Anna's two entries: one AI of 90 minutes, one baseline of 90 minutes */
	CHECK_STR(strmap_key(&d.employees, d.cells[0].employee), "anna@example.nl");
	CHECK_INT(d.cells[0].entries, 2);
	CHECK_INT(d.cells[0].ai_entries, 1);
	CHECK_DBL(d.cells[0].ai_minutes, 90);
	CHECK_DBL(d.baselines[0].minutes, 90);
	CHECK_STR(strmap_key(&d.employees, d.cells[1].employee), "Bram Jansen");
	CHECK_INT(d.cells[1].ai_entries, 0);   /* "Mailing" is not the word "AI" */
	dataset_free(&d);
	r.ai_markers = NULL;
	r.ai_marker_count = 0;
	rules_free(&r);

	minimal_rules(&r);
	r.timesheet_columns[TC_START] = strdup("Von");
	r.timesheet_columns[TC_END] = strdup("Bis");
	r.timesheet_columns[TC_BREAK] = strdup("Pause");
	r.timesheet_columns[TC_DATE] = strdup("Datum");
	r.timesheet_columns[TC_AI_ASSISTED] = strdup("KI");
	dataset_init(&d);
	f = open_memstream(&out, &len);
	d.timesheet_rejects = (struct reject_sink){ csv_reject_sink_row, csv_reject_sink_reset, f };
	err = fopen("/dev/null", "w");
	st = timesheet_read(&d, write_temp("t.csv",
		"employee_id,Datum,use_case,Von,Bis,Pause,KI\n"
		"P1,01.07.2026,Offerte,08:30,11:00,0:30,WAAR\n"     /* 120 minutes */
		"P1,01.07.2026,Offerte,22:00,01:00,,ONWAAR\n"      /* past midnight: 180 */
		"P1,01.07.2026,Offerte,09:00,09:10,30,nein\n"      /* the break is longer */
		"P1,01.07.2026,Offerte,9:00 AM,5:15 PM,45,\xE2\x9C\x93\n"), &r, false, err);
	fclose(err);
	fclose(f);
	CHECK_INT(st, 0);
	CHECK_STR(out, "t.csv,4,Bis,09:10,the break is longer than the time from start to end\n");
	free(out);
	CHECK_INT(d.cells[0].entries, 3);
	CHECK_INT(d.cells[0].ai_entries, 2);
	CHECK_DBL(d.cells[0].ai_minutes, 120 + 450);
	CHECK_DBL(d.baselines[0].minutes, 180);
	dataset_free(&d);
	rules_free(&r);
}

/* The timesheet reader keeps what short fields read as, and the strings it
 * interned, by their bytes (timesheet.c): every value of a column comes out as
 * if read afresh, whatever evicted it meanwhile; a rejected value is rejected
 * each time; strings whose slots meet (there are 400 use cases) stay apart. */
static void value_caches(void)
{
	struct rules r;
	minimal_rules(&r);
	struct buf text = { 0 };
	buf_puts(&text, "employee_id,date,use_case,minutes,ai_assisted,items,department\n");
	/* minutes 1..1440 twice, as a number, as h:mm and as h:mm:ss (8 bytes and
	 * more), in two orders; ai as one of 8 spellings; items 1..37 */
	static const char *const yes[] = { "ja", "Ja", "x", "1", "yes", "WAAR" };
	static const char *const no[] = { "nee", "0" };
	double ai_minutes = 0, other_minutes = 0, ai_items = 0;
	long ai_rows = 0, rows = 0;
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < 1440; k++) {
			int m = pass ? 1440 - k : k + 1;
			bool ai = (k * 7 + pass) % 3 != 0;
			int items = k % 37 + 1;
			char minutes[32];
			if (k % 3 == 0)
				snprintf(minutes, sizeof(minutes), "%d", m);
			else if (k % 3 == 1)
				snprintf(minutes, sizeof(minutes), "%d:%02d", m / 60, m % 60);
			else
				snprintf(minutes, sizeof(minutes), "%03d:%02d:00", m / 60, m % 60);
			buf_printf(&text, "E%d,2026-07-%02d,U%03d,%s,%s,%d,%s\n", k % 5, k % 28 + 1,
			           (k * 13 + pass) % 400, minutes, ai ? yes[k % 6] : no[k % 2], items,
			           k % 5 == 0 ? "Verkoop" : k % 5 == 1 ? "Inkoop" : "");
			rows++;
			if (ai) {
				ai_rows++;
				ai_minutes += m;
				ai_items += items;
			} else {
				other_minutes += m;
			}
		}
	}
	/* rejected values, each twice, among accepted ones */
	for (int i = 0; i < 2; i++)
		buf_puts(&text, "E1,2026-07-01,U001,1441,ja,1,Inkoop\n"
		                "E1,2026-07-01,U001,30,maybe,1,Inkoop\n"
		                "E1,2026-07-01,U001,30,ja,0,Inkoop\n"
		                "E1,2026-07-01,U001,30,ja,1,Inkoop\n");
	struct dataset d;
	char *got = timesheet_rejects(text.data, &d, &r);
	long base = rows + 1;   /* the last accepted line before them */
	struct buf want = { 0 };
	for (int i = 0; i < 2; i++)
		buf_printf(&want, "t.csv,%ld,minutes,1441,out of range 0-1440\n"
		                  "t.csv,%ld,ai_assisted,maybe,not a yes/no value\n"
		                  "t.csv,%ld,items,0,out of range 1-10000\n",
		           base + 1 + 4 * i, base + 2 + 4 * i, base + 3 + 4 * i);
	buf_puts(&want, "status 0\n");
	CHECK_STR(got, want.data);
	free(got);
	CHECK_INT(d.timesheet_file.rows_used, rows + 2);
	double sum_ai = 0, sum_items = 0, sum_other = 0;
	long sum_ai_rows = 0, misplaced = 0;
	for (size_t i = 0; i < d.cell_index.count; i++) {
		const struct ts_cell *c = &d.cells[i];
		sum_ai += c->ai_minutes;
		sum_items += c->ai_items;
		sum_ai_rows += c->ai_entries;
		/* E0 only ever worked in Verkoop, E1 in Inkoop, the others in none */
		const char *who = strmap_key(&d.employees, c->employee);
		const char *dept = c->department == NO_STRING ? ""
		                                              : strmap_key(&d.departments, c->department);
		misplaced += strcmp(dept, !strcmp(who, "E0") ? "Verkoop"
		                          : !strcmp(who, "E1") ? "Inkoop" : "") != 0;
	}
	for (size_t i = 0; i < d.baseline_index.count; i++)
		sum_other += d.baselines[i].minutes;
	CHECK_DBL(sum_ai, ai_minutes + 60);
	CHECK_DBL(sum_items, ai_items + 2);
	CHECK_INT(sum_ai_rows, ai_rows + 2);
	CHECK_DBL(sum_other, other_minutes);
	CHECK_INT(misplaced, 0);
	CHECK_INT((long)d.use_cases.count, 400);
	CHECK_INT((long)d.departments.count, 2);
	dataset_free(&d);
	buf_free(&want);
	buf_free(&text);
	rules_free(&r);
}

/* The key index of the dataset's tables (dataset.c): dense indexes in the order
 * keys are first seen, each found again after the table has grown several times,
 * keys that differ in one part apart. */
static void key_index(void)
{
	struct key3_index x = { 0 };
	bool added = false;
	long wrong = 0;
	for (uint32_t i = 0; i < 5000; i++) {
		struct key3 k = { i % 50, i / 50, (int32_t)i * -7 };
		wrong += key3_intern(&x, k, &added) != i || !added;
	}
	CHECK_INT((long)x.count, 5000);
	for (uint32_t i = 0; i < 5000; i++) {
		struct key3 k = { i % 50, i / 50, (int32_t)i * -7 };
		wrong += key3_intern(&x, k, &added) != i || added;
	}
	CHECK_INT(wrong, 0);
	CHECK_INT((long)key3_intern(&x, (struct key3){ 0, 0, 1 }, &added), 5000);
	CHECK(added);
	CHECK_INT((long)key3_intern(&x, (struct key3){ 1, 0, 0 }, &added), 5001);
	CHECK(added);
	CHECK_INT((long)x.count, 5002);
	key3_free(&x);
	CHECK(x.keys == NULL && x.count == 0 && x.nslots == 0);
}

void test_readers(void)
{
	key_index();
	strcpy(dir, "/tmp/aireport-readers-XXXXXX");
	if (!mkdtemp(dir)) {
		CHECK(!"mkdtemp");
		return;
	}
	char cwd[4096];
	if (!getcwd(cwd, sizeof(cwd)) || chdir(dir) != 0) {
		CHECK(!"chdir");
		return;
	}
	survey_reasons();
	timesheet_reasons();
	header_mapping();
	code_points();
	survey_tool_values();
	date_orders();
	timesheet_tool_values();
	value_caches();
	CHECK_INT(chdir(cwd), 0);
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	CHECK_INT(system(cmd), 0);
}
