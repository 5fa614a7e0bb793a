/* test_rules.c - rules_load() over small rules files written into a temporary folder;
 * error output is compared whole, with the rules file's path written as "R" and the
 * folder's as "D". */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check.h"
#include "fields.h"
#include "rules.h"
#include "rules_keys.h"
#include "tests.h"
#include "util.h"

#define MINIMAL "[organisation]\nname = X\n[rates]\ndefault = 60\n"

static char folder[] = "/tmp/aireport-rules-XXXXXX";
static char rules_path[sizeof(folder) + 16];

static void write_file(const char *path, const char *data, size_t n)
{
	FILE *f = fopen(path, "wb");
	CHECK(f != NULL);
	if (!f)
		return;
	fwrite(data, 1, n, f);
	fclose(f);
}

/* Writes the rules path in s as "R" and the folder as "D"; returns a new string. */
static char *shorten_paths(const char *s)
{
	struct buf b = { 0 };
	size_t n = strlen(rules_path), nf = strlen(folder);
	while (*s) {
		if (strncmp(s, rules_path, n) == 0) {
			buf_putc(&b, 'R');
			s += n;
		} else if (strncmp(s, folder, nf) == 0) {
			buf_putc(&b, 'D');
			s += nf;
		} else {
			buf_putc(&b, *s++);
		}
	}
	buf_putc(&b, '\0');
	return b.data;
}

/* Loads text as R; *errors receives the error output (caller frees). */
static int load_text(struct rules *r, const char *text, size_t n, char **errors)
{
	write_file(rules_path, text, n);
	char *out = NULL;
	size_t out_len = 0;
	FILE *err = open_memstream(&out, &out_len);
	int status = rules_load(r, rules_path, err);
	fclose(err);
	*errors = shorten_paths(out);
	free(out);
	return status;
}

/* Loads text that must be valid; the caller frees *r. */
static void load_ok(struct rules *r, const char *text)
{
	char *errors;
	int status = load_text(r, text, strlen(text), &errors);
	CHECK_INT(status, 0);
	CHECK_STR(errors, "");
	free(errors);
}

/* Loads text that must fail with exit 2 and exactly the error lines want. */
static void load_fails(const char *text, const char *want)
{
	struct rules r;
	char *errors;
	int status = load_text(&r, text, strlen(text), &errors);
	CHECK_INT(status, 2);
	CHECK_STR(errors, want);
	free(errors);
}

static void test_rules_defaults(void)
{
	struct rules r;
	load_ok(&r, MINIMAL);
	CHECK_STR(r.path, rules_path);
	CHECK_STR(r.org_name, "X");
	CHECK_INT(r.headcount, 0);
	CHECK_INT(r.language, LANG_NL);
	CHECK_STR(r.currency, "EUR");
	CHECK(r.prepared_by == NULL);
	CHECK(r.logo == NULL);
	CHECK(r.font == NULL);
	CHECK_INT(r.quarter_year, 0);
	CHECK_INT(r.quarter, 0);
	CHECK(!r.has_program_start);
	CHECK_INT(r.encoding, ENCODING_AUTO);
	CHECK_INT(r.delimiter, 0);
	CHECK_DBL(r.max_reject_ratio, 0.05);
	CHECK_INT(r.min_group_size, 5);
	CHECK(!r.employee_sheet);
	CHECK_DBL(r.active_min_days_per_week, 1);
	CHECK_INT(r.active_min_ai_entries, 0);
	CHECK_DBL(r.level2_min, 3);
	CHECK_DBL(r.level3_min, 4);
	CHECK_INT(r.overall, OVERALL_MEDIAN);
	CHECK(!r.has_baseline_from);
	CHECK(!r.has_baseline_to);
	CHECK_DBL(r.training_per_participant, 0);
	CHECK_DBL(r.license_per_active_user_month, 0);
	CHECK_DBL(r.program_fixed_per_quarter, 0);
	CHECK_DBL(r.rate_default, 60);
	CHECK_DBL(r.realisation, 1);
	CHECK_INT(r.role_rates.count, 0);
	CHECK_INT(r.department_rates.count, 0);
	CHECK_INT(r.use_case_baselines.count, 0);
	CHECK(r.target_adoption.set);
	CHECK_DBL(r.target_adoption.value, 0.6);
	CHECK(r.target_hours_saved_per_week.set);
	CHECK_DBL(r.target_hours_saved_per_week.value, 40);
	CHECK(r.target_roi.set);
	CHECK_DBL(r.target_roi.value, 2);
	CHECK(r.target_maturity.set);
	CHECK_DBL(r.target_maturity.value, 2);
	CHECK_DBL(r.concentration_share, 0.5);
	for (int i = 0; i < SC_COUNT; i++)
		CHECK(r.survey_columns[i] == NULL);
	for (int i = 0; i < TC_COUNT; i++)
		CHECK(r.timesheet_columns[i] == NULL);
	rules_free(&r);
	rules_free(&r);   /* freeing twice is harmless */
	rules_free(NULL);

	/* An empty value keeps the default (§3 writes "font =" and "from ="). */
	load_ok(&r, MINIMAL "[organisation]\nfont =\nheadcount =\n[baseline]\nfrom =\nto =\n"
	            "[input]\ndelimiter =\n[survey_columns]\nrole =\n");
	CHECK(r.font == NULL);
	CHECK_INT(r.headcount, 0);
	CHECK(!r.has_baseline_from);
	CHECK_INT(r.delimiter, 0);
	CHECK(r.survey_columns[SC_ROLE] == NULL);
	rules_free(&r);
}

static void test_rules_every_key(void)
{
	char path[sizeof(folder) + 32];
	snprintf(path, sizeof(path), "%s/assets", folder);
	CHECK_INT(mkdir(path, 0700), 0);
	snprintf(path, sizeof(path), "%s/assets/logo.png", folder);
	write_file(path, "\x89PNG\r\n\x1a\n....", 12);
	snprintf(path, sizeof(path), "%s/font.ttf", folder);
	write_file(path, "\x00\x01\x00\x00....", 8);

	struct rules r;
	load_ok(&r,
	        "; every key of SPEC §3\n"
	        "[organisation]\n"
	        "name = Voorbeeld Metaal B.V.   ; required\n"
	        "headcount = 85\n"
	        "language = DE\n"
	        "currency = chf\n"
	        "prepared_by = Zoë Müller, Adviesbureau\n"
	        "logo = assets/logo.png\n"
	        "font = font.ttf\n"
	        "[period]\n"
	        "quarter = 2026-Q3\n"
	        "program_start = 15.01.2026\n"
	        "[input]\n"
	        "encoding = windows-1252\n"
	        "delimiter = tab\n"
	        "max_reject_ratio = 2,5%\n"
	        "[privacy]\n"
	        "min_group_size = 3\n"
	        "employee_sheet = yes\n"
	        "[adoption]\n"
	        "active_min_days_per_week = 0,5\n"
	        "active_min_ai_entries = 4\n"
	        "[maturity]\n"
	        "level2_min = 2.5\n"
	        "level3_min = 4.5\n"
	        "overall = mean\n"
	        "[baseline]\n"
	        "from = 2025-01-01\n"
	        "to = 31-03-2026\n"
	        "[costs]\n"
	        "training_per_participant = 1500\n"
	        "license_per_active_user_month = 22,50\n"
	        "program_fixed_per_quarter = 3000\n"
	        "[rates]\n"
	        "default = 60\n"
	        "realisation = 50%\n"
	        "[rates.role]\n"
	        "Verkoper = 70\n"
	        "Engineer = 82.5\n"
	        "[rates.department]\n"
	        "Productie = 55\n"
	        "[use_cases]\n"
	        "Offertetraject = 120\n"
	        "Foutdiagnose productie = 45\n"
	        "[targets]\n"
	        "adoption = 0.7\n"
	        "hours_saved_per_week = 25\n"
	        "roi = 150%\n"
	        "maturity = 2.2\n"
	        "[risk]\n"
	        "concentration_share = 40 %\n"
	        "[survey_columns]\n"
	        "employee_id = Personeelsnummer\n"
	        "submitted = Ingevuld op\n"
	        "[timesheet_columns]\n"
	        "use_case = Activiteit\n"
	        "minutes = Minuten\n");
	CHECK_STR(r.org_name, "Voorbeeld Metaal B.V.");
	CHECK_INT(r.headcount, 85);
	CHECK_INT(r.language, LANG_DE);
	CHECK_STR(r.currency, "CHF");
	CHECK_STR(r.prepared_by, "Zoë Müller, Adviesbureau");
	snprintf(path, sizeof(path), "%s/assets/logo.png", folder);
	CHECK_STR(r.logo, path);
	snprintf(path, sizeof(path), "%s/font.ttf", folder);
	CHECK_STR(r.font, path);
	CHECK_INT(r.quarter_year, 2026);
	CHECK_INT(r.quarter, 3);
	CHECK(r.has_program_start);
	CHECK_INT(r.program_start, days_from_civil(2026, 1, 15));
	CHECK_INT(r.encoding, ENCODING_WINDOWS1252);
	CHECK_INT(r.delimiter, '\t');
	CHECK_DBL(r.max_reject_ratio, 0.025);
	CHECK_INT(r.min_group_size, 3);
	CHECK(r.employee_sheet);
	CHECK_DBL(r.active_min_days_per_week, 0.5);
	CHECK_INT(r.active_min_ai_entries, 4);
	CHECK_DBL(r.level2_min, 2.5);
	CHECK_DBL(r.level3_min, 4.5);
	CHECK_INT(r.overall, OVERALL_MEAN);
	CHECK(r.has_baseline_from);
	CHECK_INT(r.baseline_from, days_from_civil(2025, 1, 1));
	CHECK(r.has_baseline_to);
	CHECK_INT(r.baseline_to, days_from_civil(2026, 3, 31));
	CHECK_DBL(r.training_per_participant, 1500);
	CHECK_DBL(r.license_per_active_user_month, 22.5);
	CHECK_DBL(r.program_fixed_per_quarter, 3000);
	CHECK_DBL(r.rate_default, 60);
	CHECK_DBL(r.realisation, 0.5);
	CHECK_INT(r.role_rates.count, 2);
	CHECK_STR(r.role_rates.items[0].name, "Verkoper");
	CHECK_DBL(r.role_rates.items[0].value, 70);
	CHECK_STR(r.role_rates.items[1].name, "Engineer");
	CHECK_DBL(r.role_rates.items[1].value, 82.5);
	CHECK_INT(r.department_rates.count, 1);
	CHECK_STR(r.department_rates.items[0].name, "Productie");
	CHECK_DBL(r.department_rates.items[0].value, 55);
	CHECK_INT(r.use_case_baselines.count, 2);
	const struct named_value *uc = named_values_find(&r.use_case_baselines, "foutdiagnose PRODUCTIE");
	CHECK(uc != NULL);
	if (uc) {
		CHECK_STR(uc->name, "Foutdiagnose productie");
		CHECK_DBL(uc->value, 45);
	}
	CHECK(named_values_find(&r.use_case_baselines, "Foutdiagnose") == NULL);
	CHECK(r.target_adoption.set);
	CHECK_DBL(r.target_adoption.value, 0.7);
	CHECK_DBL(r.target_hours_saved_per_week.value, 25);
	CHECK_DBL(r.target_roi.value, 1.5);
	CHECK_DBL(r.target_maturity.value, 2.2);
	CHECK_DBL(r.concentration_share, 0.4);
	CHECK_STR(r.survey_columns[SC_EMPLOYEE_ID], "Personeelsnummer");
	CHECK_STR(r.survey_columns[SC_SUBMITTED], "Ingevuld op");
	CHECK(r.survey_columns[SC_DEPARTMENT] == NULL);
	CHECK_STR(r.timesheet_columns[TC_USE_CASE], "Activiteit");
	CHECK_STR(r.timesheet_columns[TC_MINUTES], "Minuten");
	CHECK(r.timesheet_columns[TC_EMPLOYEE_ID] == NULL);
	rules_free(&r);

	/* Targets can be switched off; a negative ROI target is allowed down to -100 %. */
	load_ok(&r, MINIMAL "[targets]\nadoption = off\nhours_saved_per_week = OFF\n"
	            "roi = -0.5\nmaturity = off\n");
	CHECK(!r.target_adoption.set);
	CHECK(!r.target_hours_saved_per_week.set);
	CHECK(r.target_roi.set);
	CHECK_DBL(r.target_roi.value, -0.5);
	CHECK(!r.target_maturity.set);
	rules_free(&r);
}

static void test_rules_syntax(void)
{
	struct rules r;

	/* A UTF-8 BOM is removed; CRLF line ends are fine. */
	const char bom[] = "\xEF\xBB\xBF[organisation]\r\nname = Zoë\r\n[rates]\r\ndefault = 60\r\n";
	char *errors;
	CHECK_INT(load_text(&r, bom, sizeof(bom) - 1, &errors), 0);
	CHECK_STR(errors, "");
	CHECK_STR(r.org_name, "Zoë");
	free(errors);
	rules_free(&r);

	/* Duplicate keys: the last wins; duplicate sections merge (§11.15). */
	load_ok(&r, MINIMAL "[privacy]\nmin_group_size = 3\n[costs]\ntraining_per_participant = 1\n"
	            "[privacy]\nmin_group_size = 7\nemployee_sheet = true\n"
	            "[rates.role]\nSales = 70\nsales = 75\n");
	CHECK_INT(r.min_group_size, 7);
	CHECK(r.employee_sheet);
	CHECK_DBL(r.training_per_participant, 1);
	CHECK_INT(r.role_rates.count, 1);
	CHECK_STR(r.role_rates.items[0].name, "sales");
	CHECK_DBL(r.role_rates.items[0].value, 75);
	rules_free(&r);

	/* An invalid value overridden by a later one is not an error: the last wins. */
	load_ok(&r, MINIMAL "[privacy]\nmin_group_size = 0\nmin_group_size = 4\n");
	CHECK_INT(r.min_group_size, 4);
	rules_free(&r);

	/* "delimiter = ;" is a semicolon, not an empty value and a comment (§11.3). */
	load_ok(&r, MINIMAL "[input]\ndelimiter = ;\n");
	CHECK_INT(r.delimiter, ';');
	rules_free(&r);
	load_ok(&r, MINIMAL "[input]\ndelimiter = ;   ; Excel in NL and DE\n");
	CHECK_INT(r.delimiter, ';');
	rules_free(&r);
	load_ok(&r, MINIMAL "[input]\ndelimiter=;\n");
	CHECK_INT(r.delimiter, ';');
	rules_free(&r);
	load_ok(&r, MINIMAL "[input]\ndelimiter = ,\n");
	CHECK_INT(r.delimiter, ',');
	rules_free(&r);
	load_ok(&r, MINIMAL "[input]\ndelimiter = Semicolon\n");
	CHECK_INT(r.delimiter, ';');
	rules_free(&r);

	/* Section and key names ignore ASCII case; ':' separates too; inline comments. */
	load_ok(&r, "[ORGANISATION]\nNAME: Acme ; the client\nHeadCount = 12\n"
	            "[Rates]\nDefault = 55\n[Rates.Role]\nSALES = 70\n"
	            "[Survey_Columns]\nEmployee_ID = Nr.\n# a comment\n");
	CHECK_STR(r.org_name, "Acme");
	CHECK_INT(r.headcount, 12);
	CHECK_DBL(r.rate_default, 55);
	CHECK_STR(r.role_rates.items[0].name, "SALES");
	CHECK_STR(r.survey_columns[SC_EMPLOYEE_ID], "Nr.");
	rules_free(&r);

	/* Indented and very long comment lines are comments. */
	char text[1024];
	snprintf(text, sizeof(text), MINIMAL "   ; an indented comment\n\t# another\n;%0300d\n", 0);
	load_ok(&r, text);
	rules_free(&r);

	/* The longest line handed to inih (197 bytes) is read whole. */
	char name[200];
	memset(name, 'n', 190);
	name[190] = '\0';
	snprintf(text, sizeof(text), "[rates]\ndefault = 60\n[organisation]\nname = %s\n", name);
	CHECK_INT(strlen("name = ") + strlen(name), 197);
	load_ok(&r, text);
	CHECK_STR(r.org_name, name);
	rules_free(&r);

	/* Relative paths are relative to the rules file's folder, absolute ones stay. */
	char path[sizeof(folder) + 32];
	snprintf(path, sizeof(path), "%s/logo.png", folder);
	write_file(path, "\x89PNG\r\n\x1a\n", 8);
	load_ok(&r, MINIMAL "[organisation]\nlogo = logo.png\n");
	CHECK_STR(r.logo, path);
	rules_free(&r);
	snprintf(text, sizeof(text), MINIMAL "[organisation]\nlogo = %s\n", path);
	load_ok(&r, text);
	CHECK_STR(r.logo, path);
	rules_free(&r);
}

static void test_rules_errors(void)
{
	load_fails("", "aireport: R: missing required key 'name' in [organisation]\n"
	               "aireport: R: missing required key 'default' in [rates]\n");
	load_fails("[organisation]\nname =\n[rates]\ndefault = 60\n",
	           "aireport: R:2: 'name' in [organisation] must not be empty\n");
	load_fails("[organisation]\nname = X\n[rates]\nrealisation = 80%\n",
	           "aireport: R: missing required key 'default' in [rates]\n");

	/* Unknown keys and sections, with hints. */
	load_fails(MINIMAL "[organisation]\nheadcont = 85\n",
	           "aireport: R:6: unknown key 'headcont' in [organisation]; did you mean 'headcount'?\n");
	load_fails(MINIMAL "[organisation]\nmin_group_size = 3\n",
	           "aireport: R:6: unknown key 'min_group_size' in [organisation]; it belongs in [privacy]\n");
	load_fails(MINIMAL "[costs]\nhardware = 3\n",
	           "aireport: R:6: unknown key 'hardware' in [costs]\n");
	load_fails(MINIMAL "[survey_columns]\nemploye_id = Nr\nuse_case = Activiteit\n",
	           "aireport: R:6: unknown key 'employe_id' in [survey_columns]; did you mean 'employee_id'?\n"
	           "aireport: R:7: unknown key 'use_case' in [survey_columns]; it belongs in [timesheet_columns]\n");
	load_fails(MINIMAL "[organization]\nname = Y\nlanguage = xx\n[secrets]\nadmin = true\n",
	           "aireport: R:5: unknown section [organization]; did you mean [organisation]?\n"
	           "aireport: R:8: unknown section [secrets]\n");
	load_fails("admin = true\n" MINIMAL, "aireport: R:1: key 'admin' outside any [section]\n");
	load_fails(MINIMAL "[costs]\n= 5\n", "aireport: R:6: missing key before '='\n");

	/* Values out of range or malformed. */
	load_fails(MINIMAL "[organisation]\nheadcount = 0\n",
	           "aireport: R:6: invalid value '0' for 'headcount' in [organisation]: expected a whole number of at least 1\n");
	load_fails(MINIMAL "[organisation]\nheadcount = 8.5\n",
	           "aireport: R:6: invalid value '8.5' for 'headcount' in [organisation]: expected a whole number of at least 1\n");
	load_fails(MINIMAL "[privacy]\nmin_group_size = 0\n",
	           "aireport: R:6: invalid value '0' for 'min_group_size' in [privacy]: expected a whole number of at least 1\n");
	load_fails(MINIMAL "[organisation]\nlanguage = fr\n",
	           "aireport: R:6: invalid value 'fr' for 'language' in [organisation]: expected nl, en or de\n");
	load_fails(MINIMAL "[organisation]\ncurrency = EURO\ncurrency = E1R\n",
	           "aireport: R:7: invalid value 'E1R' for 'currency' in [organisation]: expected a 3-letter ISO 4217 code such as EUR\n");
	load_fails(MINIMAL "[organisation]\ncurrency = €\n",
	           "aireport: R:6: invalid value '€' for 'currency' in [organisation]: expected a 3-letter ISO 4217 code such as EUR\n");
	load_fails(MINIMAL "[input]\nmax_reject_ratio = 5\n",
	           "aireport: R:6: invalid value '5' for 'max_reject_ratio' in [input]: a share above 1; write '5%' for a percentage\n");
	load_fails(MINIMAL "[risk]\nconcentration_share = 150%\n",
	           "aireport: R:6: invalid value '150%' for 'concentration_share' in [risk]: expected a share from 0% to 100%, such as 60% or 0.6\n");
	load_fails(MINIMAL "[targets]\nadoption = 2\nroi = -150%\n",
	           "aireport: R:6: invalid value '2' for 'adoption' in [targets]: a share above 1; write '2%' for a percentage\n"
	           "aireport: R:7: invalid value '-150%' for 'roi' in [targets]: expected a percentage of at least -100%, such as 200% or 2, or off\n");
	load_fails(MINIMAL "[targets]\nmaturity = 4\n",
	           "aireport: R:6: invalid value '4' for 'maturity' in [targets]: expected a number from 1 to 3, or off\n");
	load_fails(MINIMAL "[costs]\ntraining_per_participant = -1500\nprogram_fixed_per_quarter = 1.000,00\n",
	           "aireport: R:6: invalid value '-1500' for 'training_per_participant' in [costs]: expected a number from 0 to 1000000000\n"
	           "aireport: R:7: invalid value '1.000,00' for 'program_fixed_per_quarter' in [costs]: expected a number from 0 to 1000000000\n");
	/* Upper bounds keep every money figure printable. */
	load_fails(MINIMAL "[costs]\nlicense_per_active_user_month = 1000000001\n"
	           "[rates.department]\nOps = 10000000000\n",
	           "aireport: R:6: invalid value '1000000001' for 'license_per_active_user_month' in [costs]: expected a number from 0 to 1000000000\n"
	           "aireport: R:8: invalid value '10000000000' for 'Ops' in [rates.department]: expected a number from 0 to 1000000000\n");
	load_fails("[organisation]\nname = X\n[rates]\ndefault = -60\nrealisation = 1.5\n",
	           "aireport: R:4: invalid value '-60' for 'default' in [rates]: expected a number from 0 to 1000000000\n"
	           "aireport: R:5: invalid value '1.5' for 'realisation' in [rates]: a share above 1; write '1.5%' for a percentage\n");
	load_fails(MINIMAL "[rates.role]\nSales = -70\n[use_cases]\nOfferte = 0\n",
	           "aireport: R:6: invalid value '-70' for 'Sales' in [rates.role]: expected a number from 0 to 1000000000\n"
	           "aireport: R:8: invalid value '0' for 'Offerte' in [use_cases]: expected minutes per item, a number greater than 0 and at most 525600\n");
	load_fails(MINIMAL "[adoption]\nactive_min_days_per_week = 8\nactive_min_ai_entries = -1\n",
	           "aireport: R:6: invalid value '8' for 'active_min_days_per_week' in [adoption]: expected a number from 0 to 7\n"
	           "aireport: R:7: invalid value '-1' for 'active_min_ai_entries' in [adoption]: expected a whole number of at least 0\n");
	load_fails(MINIMAL "[maturity]\nlevel3_min = 3\nlevel2_min = 3.5\n",
	           "aireport: R:7: level2_min (3.5) must not be above level3_min (3) in [maturity]\n");
	load_fails(MINIMAL "[maturity]\nlevel2_min = 0\noverall = average\n",
	           "aireport: R:6: invalid value '0' for 'level2_min' in [maturity]: expected a number from 1 to 5\n"
	           "aireport: R:7: invalid value 'average' for 'overall' in [maturity]: expected median, min or mean\n");
	load_fails(MINIMAL "[period]\nprogram_start = 2026-02-30\nquarter = 2026-Q5\n",
	           "aireport: R:6: invalid value '2026-02-30' for 'program_start' in [period]: expected a date such as 2026-01-01 or 01-01-2026\n"
	           "aireport: R:7: invalid value '2026-Q5' for 'quarter' in [period]: expected auto or a quarter such as 2026-Q3\n");
	load_fails(MINIMAL "[baseline]\nfrom = 2026-04-01\nto = 2026-03-31\n",
	           "aireport: R:7: 'from' (2026-04-01) is after 'to' (2026-03-31) in [baseline]\n");
	load_fails(MINIMAL "[input]\nencoding = latin1\ndelimiter = pipe\n",
	           "aireport: R:6: invalid value 'latin1' for 'encoding' in [input]: expected auto, utf-8 or windows-1252\n"
	           "aireport: R:7: invalid value 'pipe' for 'delimiter' in [input]: expected auto, comma, semicolon, tab, ',' or ';'\n");
	load_fails(MINIMAL "[benchmark]\nmin_clients = 2\n",
	           "aireport: R:6: min_clients = 2 in [benchmark]: peer statistics over one or two "
	           "clients would show each client the other's figures; use 3 or more\n");
	load_fails(MINIMAL "[benchmark]\nmin_clients = 0\n",
	           "aireport: R:6: invalid value '0' for 'min_clients' in [benchmark]: expected a whole number of at least 1\n");
	{
		struct rules r;
		load_ok(&r, MINIMAL);
		CHECK_INT(r.benchmark_min_clients, 5);
		rules_free(&r);
		load_ok(&r, MINIMAL "[benchmark]\nmin_clients = 3\n");
		CHECK_INT(r.benchmark_min_clients, 3);
		rules_free(&r);
	}
	load_fails(MINIMAL "[privacy]\nemployee_sheet = maybe\n",
	           "aireport: R:6: invalid value 'maybe' for 'employee_sheet' in [privacy]: expected true or false\n");
	load_fails(MINIMAL "[survey_columns]\nemployee_id = Nr\nrole = NR\n",
	           "aireport: R:7: columns 'employee_id' and 'role' in [survey_columns] both read the column 'NR'\n");
	load_fails(MINIMAL "[timesheet_columns]\nminutes = hours\n",
	           "aireport: R:6: columns 'minutes' and 'hours' in [timesheet_columns] both read the column 'hours'\n");
	load_fails(MINIMAL "[organisation]\nlogo = missing.png\n",
	           "aireport: R:6: cannot read logo 'D/missing.png': No such file or directory\n");
}

/* Lines inih would misread (§3, §11.34). */
static void test_rules_unsafe_lines(void)
{
	char text[1024];

	/* inih would split a 300-byte line and parse its tail, here
	 * "employee_sheet=true": the line is read whole, as one key. */
	char filler[300];
	memset(filler, 'x', 271);
	filler[271] = '\0';
	snprintf(text, sizeof(text), MINIMAL "[privacy]\nk=%semployee_sheet=true\n", filler);
	CHECK_INT(strlen(strchr(text, 'k')) - 1, 292);
	load_fails(text, "aireport: R:6: unknown key 'k' in [privacy]\n");

	/* Lines around inih's limit (196-201 bytes) are read whole. */
	for (int len = 196; len <= 201; len++) {
		struct rules r;
		memset(filler, 'n', (size_t)len - 7);
		filler[len - 7] = '\0';
		snprintf(text, sizeof(text), "[rates]\ndefault = 60\n[organisation]\nname = %s\n", filler);
		load_ok(&r, text);
		CHECK_STR(r.org_name, filler);
		rules_free(&r);
	}
	/* A 1,000-byte mapping, a 300-byte answer text with an inline comment. */
	static char big[6000];
	char question[1001], answer[301];
	memset(question, 'q', 999);
	question[999] = '*';
	question[1000] = '\0';
	memset(answer, 'a', 300);
	answer[300] = '\0';
	snprintf(big, sizeof(big), MINIMAL "[survey_columns]\ntool_knowledge = %s\n"
	         "[survey_scale]\n%s = 4 ; mostly\n", question, answer);
	{
		struct rules r;
		load_ok(&r, big);
		CHECK_STR(r.survey_columns[SC_TOOL_KNOWLEDGE], question);
		CHECK_INT(r.survey_scale_count, 1);
		CHECK_STR(r.survey_scale[0].text, answer);
		CHECK_INT(r.survey_scale[0].value, 4);
		rules_free(&r);
	}
	/* 5,000 bytes: more than a rules line may hold; a 201-character name. */
	char long_value[4992];
	memset(long_value, 'v', sizeof(long_value) - 1);
	long_value[sizeof(long_value) - 1] = '\0';
	snprintf(big, sizeof(big), MINIMAL "[organisation]\nprepared_by = %s\n", long_value);
	load_fails(big, "aireport: R:6: line is 5005 bytes long; at most 4096 are supported\n");
	memset(filler, 'n', 201);
	filler[201] = '\0';
	snprintf(text, sizeof(text), "[rates]\ndefault = 60\n[organisation]\nname = %s\n", filler);
	load_fails(text, "aireport: R:4: 'name' in [organisation] is 201 characters long; at most "
	                 "200 are supported\n");

	/* inih reads an indented line as the continuation of the previous value. */
	load_fails(MINIMAL "[organisation]\nprepared_by = HR\n  admin = true\n",
	           "aireport: R:7: line starts with white space; remove the indentation (a value cannot continue on the next line)\n");
	load_fails("  [organisation]\nname = X\n[rates]\ndefault = 60\n",
	           "aireport: R:1: line starts with white space; remove the indentation (a value cannot continue on the next line)\n"
	           "aireport: R: missing required key 'name' in [organisation]\n");

	/* inih cuts section names after 49 bytes; the whole name is reported here. */
	char section[80];
	memset(section, 's', 60);
	section[60] = '\0';
	snprintf(text, sizeof(text), MINIMAL "[%s]\nkey = 1\n", section);
	char want[200];
	snprintf(want, sizeof(want), "aireport: R:5: unknown section [%s]\n", section);
	load_fails(text, want);
	snprintf(text, sizeof(text), MINIMAL "[organisation%s]\nname = Y\n", section);
	snprintf(want, sizeof(want), "aireport: R:5: unknown section [organisation%s]\n", section);
	load_fails(text, want);

	/* Other malformed lines. */
	load_fails(MINIMAL "[costs\njust some words\n[privacy] x\n",
	           "aireport: R:5: section header without closing ']'\n"
	           "aireport: R:6: expected 'key = value', a [section] or a comment\n"
	           "aireport: R:7: unexpected text after ']'\n");
	load_fails(MINIMAL "[organisation]\nprepared_by = M\xFCller\n",
	           "aireport: R:6: line is not valid UTF-8 (save the rules file as UTF-8)\n");
	const char nul[] = MINIMAL "[organisation]\nprepared_by = a\0b\n";
	struct rules r;
	char *errors;
	CHECK_INT(load_text(&r, nul, sizeof(nul) - 1, &errors), 2);
	CHECK_STR(errors, "aireport: R:6: line contains a NUL byte\n");
	free(errors);
}

static void test_rules_unreadable(void)
{
	struct rules r;
	char path[sizeof(folder) + 32];
	snprintf(path, sizeof(path), "%s/absent.ini", folder);
	char *out = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&out, &len);
	CHECK_INT(rules_load(&r, path, err), 3);
	fclose(err);
	char want[200];
	snprintf(want, sizeof(want), "aireport: %s: cannot read: No such file or directory\n", path);
	CHECK_STR(out, want);
	free(out);

	err = open_memstream(&out, &len);
	CHECK_INT(rules_load(&r, folder, err), 3);
	fclose(err);
	snprintf(want, sizeof(want), "aireport: %s: cannot read: Is a directory\n", folder);
	CHECK_STR(out, want);
	free(out);
}

static void test_rules_ratio(void)
{
	double v = -1;
	CHECK(rules_parse_ratio("60%", &v));
	CHECK_DBL(v, 0.6);
	CHECK(rules_parse_ratio(" 0,6 ", &v));
	CHECK_DBL(v, 0.6);
	CHECK(rules_parse_ratio("12,5 %", &v));
	CHECK_DBL(v, 0.125);
	CHECK(rules_parse_ratio("200%", &v));
	CHECK_DBL(v, 2);
	/* A percentage is the decimal it writes, to the last bit: 1.4% is the same
	 * double as 0.014 and as 7 / 500 (1.4 / 100 is not), so a limit holds at the tie. */
	CHECK(rules_parse_ratio("1.4%", &v));
	CHECK(v == 0.014 && v == 7.0 / 500);
	CHECK(rules_parse_ratio("35,2%", &v));
	CHECK(v == 0.352);
	CHECK(rules_parse_ratio("150.5%", &v));
	CHECK(v == 1.505);
	CHECK(rules_parse_ratio("-150%", &v));
	CHECK(v == -1.5);
	CHECK(rules_parse_ratio(".5%", &v));
	CHECK(v == 0.005);
	CHECK(!rules_parse_ratio("%", &v));
	CHECK(!rules_parse_ratio("", &v));
	CHECK(!rules_parse_ratio("60%%", &v));
	CHECK(!rules_parse_ratio("sixty", &v));
	CHECK(!rules_parse_ratio("1e-1", &v));

	struct named_values nv = { 0 };
	struct named_value items[] = { { "Productie", 55 }, { "Zoë", 1 } };
	nv.items = items;
	nv.count = 2;
	CHECK(named_values_find(&nv, "PRODUCTIE") == &items[0]);
	CHECK(named_values_find(&nv, "zoë") == &items[1]);
	CHECK(named_values_find(&nv, "ZOË") == NULL);   /* only ASCII letters fold (§11.14) */
	CHECK(named_values_find(&nv, "Product") == NULL);
}

/* The bundled rules (run from the repository's top folder, as make test does). */
static void test_rules_bundled(void)
{
	struct rules r;
	char *out = NULL;
	size_t len = 0;
	FILE *err = open_memstream(&out, &len);
	int status = rules_load(&r, "rules/default.ini", err);
	fclose(err);
	CHECK_INT(status, 0);
	CHECK_STR(out, "");
	free(out);
	if (status != 0)
		return;
	CHECK_STR(r.org_name, "Voorbeeld Metaal B.V.");
	CHECK_INT(r.language, LANG_NL);
	CHECK_INT(r.min_group_size, 5);
	CHECK(r.has_program_start);
	CHECK_INT(r.program_start, days_from_civil(2026, 1, 1));
	CHECK_DBL(r.license_per_active_user_month, 22.5);
	CHECK_DBL(r.realisation, 0.8);
	CHECK(named_values_find(&r.role_rates, "verkoper") != NULL);
	CHECK(named_values_find(&r.department_rates, "Productie") != NULL);
	rules_free(&r);
}

/* The keys for tool exports: per-file input sections over [input], markers,
 * answer texts, the identity map, joined columns. */
static void test_rules_export_keys(void)
{
	struct rules r;
	load_ok(&r, MINIMAL);
	CHECK_INT(r.survey_input.header_rows, 1);
	CHECK_INT(r.timesheet_input.date_order, DATE_ORDER_AUTO);
	CHECK(r.survey_input.sheet == NULL);
	CHECK_INT(r.ai_marker_count, 0);
	CHECK(r.identity_map == NULL);
	CHECK_DBL(r.identity_min_match, 0.5);
	rules_free(&r);

	/* [survey_input] written before [input]: a per-file key wins wherever it is. */
	load_ok(&r, MINIMAL "[survey_input]\ndelimiter = ;\nheader_rows = 2\nsheet = Blad1\n"
	        "[input]\nencoding = windows-1252\ndelimiter = tab\ndate_order = mdy\n"
	        "[timesheet_input]\ndate_order = ymd\nsheet = 2\n"
	        "[timesheet_values]\nai_assisted = AI , KI,AI-ondersteund\n"
	        "[survey_scale]\nKlopt precies = 5\nKlopt niet = 1\nklopt precies = 4\n"
	        "[identity]\nmin_match = 80%\n"
	        "[timesheet_columns]\nemployee_id = First Name + Last Name\nuse_case = Notes\n"
	        "ai_assisted = Notes\nstart = Von\nend = Bis\nbreak = Pause\n");
	CHECK_INT(r.survey_input.delimiter, ';');
	CHECK_INT(r.survey_input.encoding, ENCODING_WINDOWS1252);
	CHECK_INT(r.survey_input.date_order, DATE_ORDER_MDY);
	CHECK_INT(r.survey_input.header_rows, 2);
	CHECK_STR(r.survey_input.sheet, "Blad1");
	CHECK_INT(r.timesheet_input.delimiter, '\t');
	CHECK_INT(r.timesheet_input.date_order, DATE_ORDER_YMD);
	CHECK_INT(r.timesheet_input.header_rows, 1);
	CHECK_STR(r.timesheet_input.sheet, "2");
	CHECK_INT(r.ai_marker_count, 3);
	CHECK_STR(r.ai_markers[0], "AI");
	CHECK_STR(r.ai_markers[1], "KI");
	CHECK_STR(r.ai_markers[2], "AI-ondersteund");
	CHECK_INT(r.survey_scale_count, 3);   /* texts are compared as written */
	CHECK_STR(r.survey_scale[1].text, "Klopt niet");
	CHECK_INT(r.survey_scale[1].value, 1);
	CHECK_DBL(r.identity_min_match, 0.8);
	CHECK_STR(r.timesheet_columns[TC_EMPLOYEE_ID], "First Name + Last Name");
	CHECK_STR(r.timesheet_columns[TC_BREAK], "Pause");
	rules_free(&r);

	load_fails(MINIMAL "[survey_input]\ndate_order = us\n",
	           "aireport: R:6: invalid value 'us' for 'date_order' in [survey_input]: expected "
	           "auto, dmy, mdy or ymd\n");
	load_fails(MINIMAL "[timesheet_input]\nheader_rows = 3\n",
	           "aireport: R:6: invalid value '3' for 'header_rows' in [timesheet_input]: expected "
	           "a whole number from 1 to 2\n");
	load_fails(MINIMAL "[timesheet_input]\nheaders = 2\n",
	           "aireport: R:6: unknown key 'headers' in [timesheet_input]\n");
	load_fails(MINIMAL "[survey_scale]\nHelemaal eens = 6\n",
	           "aireport: R:6: invalid value '6' for 'Helemaal eens' in [survey_scale]: expected "
	           "a whole number from 1 to 5\n");
	load_fails(MINIMAL "[timesheet_values]\nai_assisted = AI,,KI\n",
	           "aireport: R:6: invalid value 'AI,,KI' for 'ai_assisted' in [timesheet_values]: "
	           "expected markers separated by commas, such as AI, KI (none empty, each at most "
	           "64 bytes)\n");
	load_fails(MINIMAL "[timesheet_values]\nai = AI\n",
	           "aireport: R:6: unknown key 'ai' in [timesheet_values]\n");
	load_fails(MINIMAL "[timesheet_columns]\nemployee_id = First Name +\n",
	           "aireport: R:6: 'employee_id' in [timesheet_columns] joins columns with ' + ' but "
	           "a part is empty\n");
	load_fails(MINIMAL "[timesheet_columns]\nemployee_id = + Last Name\n",
	           "aireport: R:6: 'employee_id' in [timesheet_columns] joins columns with ' + ' but "
	           "a part is empty\n");
	load_fails(MINIMAL "[identity]\nmap = nowhere.csv\n",
	           "aireport: R:6: cannot read map 'D/nowhere.csv': No such file or directory\n");
	/* "C++ uren" is one name: a '+' without spaces around it does not join */
	load_ok(&r, MINIMAL "[timesheet_columns]\nhours = C++ uren\n");
	CHECK_STR(r.timesheet_columns[TC_HOURS], "C++ uren");
	rules_free(&r);
}

/* The key table (rules_keys.c): every fixed key once per section, found again by
 * its name, with a section name and a kind that has a field or is stored by its
 * own code; the near-miss hints of unknown names. */
static void test_rules_key_table(void)
{
	int bad = 0;
	for (size_t i = 0; i < RULES_NKEYS; i++) {
		const struct key_spec *k = &rules_key_specs[i];
		if (k->section < 0 || k->section >= SEC_COUNT || !rules_section_names[k->section]) {
			bad++;
			continue;
		}
		if (rules_key_index(k->section, k->name) != i) {
			fprintf(stderr, "  key %s in [%s] is in the table twice\n", k->name,
			        rules_section_names[k->section]);
			bad++;
		}
		for (const char *p = k->name; *p; p++)
			bad += !((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '_');
		/* keys without an offset are stored by their kind's own code */
		bool own = k->kind == K_LANGUAGE || k->kind == K_CURRENCY || k->kind == K_QUARTER ||
		           k->kind == K_OVERALL || k->kind == K_MARKERS;
		bad += own != (k->offset == 0);
	}
	CHECK_INT(bad, 0);
	CHECK_INT((long)rules_key_index(SEC_ORGANISATION, "name"), 0);
	CHECK_STR(rules_section_names[rules_key_specs[rules_key_index(SEC_RISK, "concentration_share")].section],
	          "risk");
	static const char *const names[] = { "language", "currency", "headcount" };
	CHECK_STR(rules_nearest_name("langauge", names, 3), "language");
	CHECK_STR(rules_nearest_name("curency", names, 3), "currency");
	CHECK(rules_nearest_name("font", names, 3) == NULL);
	CHECK(rules_nearest_name("x", names, 3) == NULL);
	/* the canonical column names (vocab.c) */
	CHECK_STR(survey_column_names[SC_MENTOR_ID], "mentor_id");
	CHECK_STR(timesheet_column_names[TC_BREAK], "break");
}

void test_rules(void)
{
	test_rules_key_table();
	if (!mkdtemp(folder)) {
		CHECK(!"mkdtemp");
		return;
	}
	snprintf(rules_path, sizeof(rules_path), "%s/rules.ini", folder);
	test_rules_defaults();
	test_rules_every_key();
	test_rules_syntax();
	test_rules_errors();
	test_rules_unsafe_lines();
	test_rules_unreadable();
	test_rules_ratio();
	test_rules_bundled();
	test_rules_export_keys();

	static const char *const files[] = { "rules.ini", "logo.png", "font.ttf", "assets/logo.png" };
	char path[sizeof(folder) + 32];
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", folder, files[i]);
		CHECK_INT(unlink(path), 0);
	}
	snprintf(path, sizeof(path), "%s/assets", folder);
	CHECK_INT(rmdir(path), 0);
	CHECK_INT(rmdir(folder), 0);
}
