/* xlsx_sheets.c - the sheets of roi.xlsx besides the ROI sheet (SPEC §8): Summary,
 * Departments, Use cases, Maturity, Trend, Data quality and Employees.
 *
 * They show the report's figures as they are.  When the survey cannot be reported,
 * no survey-based figure is written and the sheets say why. */
#include "xlsx_sheets.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "i18n.h"
#include "util.h"
#include "xlsx_book.h"
#include "xlsx_roi.h"

/* ---- Summary ----------------------------------------------------------------- */

/* Figures based on survey answers: never shown when the survey cannot be reported
 * (§5, §11.30). */
static bool survey_based(enum org_metric m)
{
	switch (m) {
	case ORG_ACTIVE_EMPLOYEES:
	case ORG_ADOPTION_RATE:
	case ORG_MATURITY_INDEX:
	case ORG_LEVEL_SHARE_1:
	case ORG_LEVEL_SHARE_2:
	case ORG_LEVEL_SHARE_3:
	case ORG_SATISFACTION_MEAN:
	case ORG_BUDDY_COVERAGE:
	case ORG_MENTOR_MAX_LOAD:
	case ORG_RETENTION_6M:
		return true;
	default:
		return m >= ORG_MATURITY_TOOL_KNOWLEDGE && m <= ORG_MATURITY_KNOWLEDGE_SHARING;
	}
}

/* The figures of the Summary sheet, in order. */
static const struct {
	enum org_metric m;
	const char *key;
	enum kind kind;
} summary_rows[] = {
	{ ORG_HEADCOUNT, "xlsx.m.headcount", K_COUNT },
	{ ORG_RESPONDENTS, "xlsx.m.respondents", K_COUNT },
	{ ORG_RESPONSE_RATE, "xlsx.m.response_rate", K_PERCENT },
	{ ORG_ACTIVE_EMPLOYEES, "xlsx.m.active_employees", K_COUNT },
	{ ORG_ADOPTION_RATE, "xlsx.m.adoption_rate", K_PERCENT },
	{ ORG_LOGGED_AI_SHARE, "xlsx.m.logged_ai_share", K_PERCENT },
	{ ORG_HOURS_SAVED, "xlsx.m.hours_saved", K_DECIMAL },
	{ ORG_HOURS_SAVED_PER_WEEK, "xlsx.m.hours_saved_per_week", K_DECIMAL },
	{ ORG_VALUE_SAVED, "xlsx.m.value_saved", K_MONEY },
	{ ORG_COST_TRAINING, "xlsx.m.cost_training", K_MONEY },
	{ ORG_COST_LICENSES, "xlsx.m.cost_licenses", K_MONEY },
	{ ORG_COST_FIXED, "xlsx.m.cost_fixed", K_MONEY },
	{ ORG_COST_TOTAL, "xlsx.m.cost_total", K_MONEY },
	{ ORG_ROI, "xlsx.m.roi", K_PERCENT },
	{ ORG_ROI_CUMULATIVE, "xlsx.m.roi_cumulative", K_PERCENT },
	{ ORG_PAYBACK_MONTHS, "xlsx.m.payback_months", K_COUNT },
	{ ORG_MATURITY_INDEX, "xlsx.m.maturity_index", K_DECIMAL },
	{ ORG_LEVEL_SHARE_1, "xlsx.m.level_share_1", K_PERCENT },
	{ ORG_LEVEL_SHARE_2, "xlsx.m.level_share_2", K_PERCENT },
	{ ORG_LEVEL_SHARE_3, "xlsx.m.level_share_3", K_PERCENT },
	{ ORG_USE_CASES_ACTIVE, "xlsx.m.use_cases_active", K_COUNT },
	{ ORG_USE_CASES_NEW, "xlsx.m.use_cases_new", K_COUNT },
	{ ORG_AI_ENTRIES_WITHOUT_BASELINE, "xlsx.m.ai_entries_without_baseline", K_COUNT },
	{ ORG_SATISFACTION_MEAN, "xlsx.m.satisfaction_mean", K_DECIMAL },
	{ ORG_BUDDY_COVERAGE, "xlsx.m.buddy_coverage", K_PERCENT },
	{ ORG_MENTOR_MAX_LOAD, "xlsx.m.mentor_max_load", K_COUNT },
	{ ORG_RETENTION_6M, "xlsx.m.retention_6m", K_PERCENT },
	{ ORG_EMPLOYEES_SURVEY_ONLY, "xlsx.m.employees_survey_only", K_COUNT },
	{ ORG_EMPLOYEES_TIMESHEET_ONLY, "xlsx.m.employees_timesheet_only", K_COUNT },
};

/* Column B of figure m: the hours, money figures, ROI and payback are formulas over
 * the ROI sheet's defined names, so they follow its inputs; the others are the
 * report's figures. */
static void summary_value(struct xlsx *x, struct sheet *s, int row, enum org_metric m,
                          enum kind kind)
{
	const struct roi_sheet *rs = &x->r->roi;
	const struct report *r = x->r;
	lxw_format *fmt = x->f.num[kind];
	if (r->org[m].status == FIG_SUPPRESSED)
		fmt = x->f.masked;     /* a formula over masked inputs: it stays live */
	char f[256];
	switch (m) {
	case ORG_HOURS_SAVED:
		snprintf(f, sizeof(f), "=hours_saved");
		xlsx_put_formula(x, s, row, 1, f, fmt, rs->hours_total, kind);
		break;
	case ORG_HOURS_SAVED_PER_WEEK:
		snprintf(f, sizeof(f), "=hours_saved/%s", x->weeks);
		xlsx_put_formula(x, s, row, 1, f, fmt, rs->hours_per_week, kind);
		break;
	case ORG_VALUE_SAVED:
		xlsx_put_formula(x, s, row, 1, "=value_saved", fmt, rs->value_saved, kind);
		break;
	case ORG_COST_TRAINING:
		xlsx_put_formula(x, s, row, 1, "=cost_training", fmt, rs->cost_training, kind);
		break;
	case ORG_COST_LICENSES:
		xlsx_put_formula(x, s, row, 1, "=cost_licenses", fmt, rs->cost_licenses, kind);
		break;
	case ORG_COST_FIXED:
		xlsx_put_formula(x, s, row, 1, "=cost_fixed", fmt, rs->cost_fixed, kind);
		break;
	case ORG_COST_TOTAL:
		xlsx_put_formula(x, s, row, 1, "=cost_total", fmt, rs->cost_total, kind);
		break;
	case ORG_ROI:
		xlsx_put_formula_figure(x, s, row, 1, "=roi", fmt, &rs->roi, kind);
		break;
	case ORG_ROI_CUMULATIVE:
		xlsx_put_formula_figure(x, s, row, 1, "=roi_cumulative", fmt, &rs->roi_cumulative,
		                        kind);
		break;
	case ORG_PAYBACK_MONTHS:
		xlsx_put_formula_figure(x, s, row, 1, "=payback_months", fmt, &rs->payback, kind);
		break;
	default:
		xlsx_put_figure(x, s, row, 1, &r->org[m], kind);
		break;
	}
}

/* Columns C and D of figure m: its target, if set, and where it is explained. */
static void summary_target(struct xlsx *x, struct sheet *s, int row, enum org_metric m,
                           enum kind kind)
{
	const struct report_settings *ru = &x->r->set;
	enum lang lang = x->lang;
	lxw_format *fmt = x->f.num[kind];
	const struct opt_number *target = NULL;
	if (m == ORG_ADOPTION_RATE)
		target = &ru->target_adoption;
	else if (m == ORG_HOURS_SAVED_PER_WEEK)
		target = &ru->target_hours_saved_per_week;
	else if (m == ORG_ROI)
		target = &ru->target_roi;
	else if (m == ORG_MATURITY_INDEX)
		target = &ru->target_maturity;
	if (target && target->set)
		xlsx_put_number(x, s, row, 2, target->value, fmt, kind);
	if (m == ORG_ROI || m == ORG_ROI_CUMULATIVE)
		xlsx_put_text(x, s, row, 3, tr(lang, "xlsx.ref.roi"));
	else if (m == ORG_PAYBACK_MONTHS)
		xlsx_put_text(x, s, row, 3, tr(lang, "xlsx.ref.payback"));
}

void xlsx_summary_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	xlsx_put_title(x, s, "xlsx.title.summary");
	xlsx_put_note(x, s, 1, 0, tr(lang, "xlsx.summary.note"), NULL);
	int header = 3;
	if (r->survey_suppressed) {
		xlsx_put_survey_statement(x, s, 2);
		header = 4;
	}
	const char *hdr[4] = { tr(lang, "xlsx.col.figure"), tr(lang, "xlsx.col.value"),
	                       tr(lang, "xlsx.col.target"), tr(lang, "xlsx.col.reference") };
	int row = header + 1;
	for (size_t i = 0; i < ARRAY_LEN(summary_rows); i++) {
		enum org_metric m = summary_rows[i].m;
		if (r->survey_suppressed && survey_based(m))
			continue;
		xlsx_put_text(x, s, row, 0, tr(lang, summary_rows[i].key));
		enum kind kind = summary_rows[i].kind;
		summary_value(x, s, row, m, kind);
		summary_target(x, s, row, m, kind);
		row++;
	}
	xlsx_add_table(x, s, "Summary", header, 0, row - header - 1, hdr, 4, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 0);
	/* Narrow and long: printed upright on one page. */
	worksheet_set_portrait(s->ws);
	worksheet_fit_to_pages(s->ws, 1, 1);
	worksheet_activate(s->ws);
}

/* ---- Departments, Use cases, Trend, Data quality, Employees --------------------- */

void xlsx_departments_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	static const struct {
		enum department_metric m;
		const char *key;
		enum kind kind;
		bool survey;
	} cols[] = {
		{ DEPT_HEADCOUNT, "xlsx.m.headcount", K_COUNT, false },
		{ DEPT_RESPONDENTS, "xlsx.m.respondents", K_COUNT, false },
		{ DEPT_ACTIVE_EMPLOYEES, "xlsx.m.active_employees", K_COUNT, true },
		{ DEPT_ADOPTION_RATE, "xlsx.m.adoption_rate", K_PERCENT, true },
		{ DEPT_LOGGED_AI_SHARE, "xlsx.m.logged_ai_share", K_PERCENT, false },
		{ DEPT_HOURS_SAVED, "xlsx.m.hours_saved", K_DECIMAL, false },
		{ DEPT_HOURS_SAVED_PER_WEEK, "xlsx.m.hours_saved_per_week", K_DECIMAL, false },
		{ DEPT_VALUE_SAVED, "xlsx.m.value_saved", K_MONEY, false },
		{ DEPT_MATURITY_INDEX, "xlsx.m.maturity_index", K_DECIMAL, true },
		{ DEPT_MATURITY_TOOL_KNOWLEDGE, NULL, K_DECIMAL, true },
		{ DEPT_MATURITY_APPLICATION_BREADTH, NULL, K_DECIMAL, true },
		{ DEPT_MATURITY_AUTONOMY, NULL, K_DECIMAL, true },
		{ DEPT_MATURITY_INNOVATION, NULL, K_DECIMAL, true },
		{ DEPT_MATURITY_KNOWLEDGE_SHARING, NULL, K_DECIMAL, true },
	};
	xlsx_put_title(x, s, "xlsx.title.departments");
	char note[512];
	xlsx_with_k(note, sizeof(note), tr(lang, "xlsx.privacy.note"), r->min_group_size);
	xlsx_put_note(x, s, 1, 0, note, NULL);
	int header = 3;
	if (r->survey_suppressed) {
		xlsx_put_survey_statement(x, s, 2);
		header = 4;
	}
	const char *hdr[1 + ARRAY_LEN(cols)];
	int n = 0;
	hdr[n++] = tr(lang, "xlsx.col.department");
	for (size_t c = 0; c < ARRAY_LEN(cols); c++) {
		if (r->survey_suppressed && cols[c].survey)
			continue;
		if (cols[c].key)
			hdr[n++] = tr(lang, cols[c].key);
		else
			hdr[n++] = dimension_label(lang, (enum dimension)(cols[c].m -
			                                                 DEPT_MATURITY_TOOL_KNOWLEDGE));
	}
	for (size_t d = 0; d < r->department_count; d++) {
		const struct department *dep = &r->departments[d];
		int row = header + 1 + (int)d, col = 0;
		xlsx_put_text(x, s, row, col++, dep->name);
		for (size_t c = 0; c < ARRAY_LEN(cols); c++) {
			if (r->survey_suppressed && cols[c].survey)
				continue;
			xlsx_put_figure(x, s, row, col++, &dep->fig[cols[c].m], cols[c].kind);
		}
	}
	xlsx_add_table(x, s, "Departments", header, 0, (int)r->department_count, hdr, n,
	               "xlsx.none.departments");
	xlsx_put_note(x, s, header + 2 + (int)r->department_count, 0,
	              tr(lang, "xlsx.departments.value_note"), NULL);
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
}

static int compare_hours_desc(const void *a, const void *b)
{
	const struct use_case *const *ua = a, *const *ub = b;
	double ha = (*ua)->fig[UC_HOURS_SAVED].value, hb = (*ub)->fig[UC_HOURS_SAVED].value;
	if (ha != hb)
		return ha < hb ? 1 : -1;
	return strcmp((*ua)->name, (*ub)->name);
}

/* The use-case table: one row per use case, its figures as published.  Returns the
 * number of its columns. */
static int use_cases_table(struct xlsx *x, struct sheet *s, int header)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	static const struct {
		enum use_case_metric m;
		const char *key;
		enum kind kind;
	} cols[] = {
		{ UC_AI_ENTRIES, "xlsx.col.ai_entries", K_COUNT },
		{ UC_AI_USERS, "xlsx.col.ai_users", K_COUNT },
		{ UC_BASELINE_MINUTES, "xlsx.col.baseline_minutes", K_DECIMAL },
		{ UC_HOURS_SAVED, "xlsx.m.hours_saved", K_DECIMAL },
		{ UC_HOURS_SAVED_PER_WEEK, "xlsx.m.hours_saved_per_week", K_DECIMAL },
		{ UC_VALUE_SAVED, "xlsx.m.value_saved", K_MONEY },
		{ UC_CONCENTRATION, "xlsx.col.concentration", K_PERCENT },
		{ UC_AT_RISK, "xlsx.col.at_risk", K_COUNT },
	};
	const char *hdr[1 + ARRAY_LEN(cols)];
	hdr[0] = tr(lang, "xlsx.col.use_case");
	for (size_t c = 0; c < ARRAY_LEN(cols); c++)
		hdr[1 + c] = tr(lang, cols[c].key);
	for (size_t u = 0; u < r->use_case_count; u++) {
		const struct use_case *uc = &r->use_cases[u];
		int row = header + 1 + (int)u;
		xlsx_put_text(x, s, row, 0, uc->name);
		for (size_t c = 0; c < ARRAY_LEN(cols); c++) {
			const struct figure *fig = &uc->fig[cols[c].m];
			if (cols[c].m == UC_AT_RISK && fig->status == FIG_OK)
				xlsx_put_text(x, s, row, 1 + (int)c,
				              tr(lang, fig->value != 0 ? "xlsx.yes" : "xlsx.no"));
			else if (cols[c].m == UC_CONCENTRATION && fig->status == FIG_OK)
				/* the lower end of its 25-point band: "≥ 50 %" */
				xlsx_put_number(x, s, row, 1 + (int)c, fig->value, x->f.band, K_PERCENT);
			else
				xlsx_put_figure(x, s, row, 1 + (int)c, fig, cols[c].kind);
		}
	}
	int ncols = 1 + (int)ARRAY_LEN(cols);
	xlsx_add_table(x, s, "UseCases", header, 0, (int)r->use_case_count, hdr, ncols,
	               "xlsx.none.use_cases");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
	return ncols;
}

/* The bar chart of saved hours over the n use cases in the chart's data columns,
 * below the table from row `below`. */
static void use_cases_chart(struct xlsx *x, struct sheet *s, int header, int data_col,
                            size_t n, int below)
{
	enum lang lang = x->lang;
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_BAR);
	if (!chart) {
		xlsx_note_error(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	char cats[160], vals[160];
	xlsx_sheet_range(cats, sizeof(cats), s->name, header + 1, data_col,
	                 header + (int)n, data_col);
	xlsx_sheet_range(vals, sizeof(vals), s->name, header + 1, data_col + 1,
	                 header + (int)n, data_col + 1);
	lxw_chart_series *ser = chart_add_series(chart, cats, vals);
	chart_series_set_name(ser, tr(lang, "xlsx.m.hours_saved"));
	lxw_chart_fill fill = { .color = 0x1F3A5F };
	chart_series_set_fill(ser, &fill);
	chart_series_set_labels(ser);
	chart_series_set_labels_num_format(ser, "0.0");
	chart_title_set_name(chart, tr(lang, "xlsx.chart.hours"));
	lxw_chart_font title_font = { .size = 11, .bold = LXW_TRUE };
	chart_title_set_name_font(chart, &title_font);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_NONE);
	/* The largest at the top; the value axis stays at the bottom. */
	chart_axis_set_reverse(chart->y_axis);
	chart_axis_set_crossing_max(chart->y_axis);
	chart_axis_set_num_format(chart->x_axis, "0");
	lxw_chart_line grid = { .color = 0xD1D5DB };
	chart_axis_major_gridlines_set_line(chart->x_axis, &grid);
	double height = 60 + 28.0 * (double)n;
	if (height < 220)
		height = 220;
	lxw_chart_options opt = { .x_scale = 1.2, .y_scale = height / 288.0 };
	xlsx_note_error(x, worksheet_insert_chart_opt(s->ws, (lxw_row_t)below, 0, chart, &opt));
}

void xlsx_use_cases_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	xlsx_put_title(x, s, "xlsx.title.use_cases");
	char note[512];
	xlsx_with_k(note, sizeof(note), tr(lang, "xlsx.use_cases.note"), r->min_group_size);
	xlsx_put_note(x, s, 1, 0, note, NULL);
	int header = 3;
	int ncols = use_cases_table(x, s, header);

	/* The chart's data: published use cases by hours saved, largest first. */
	const struct use_case **shown = xcalloc(r->use_case_count + 1, sizeof(*shown));
	size_t n = 0, left_out = 0;
	for (size_t u = 0; u < r->use_case_count; u++) {
		if (xlsx_use_case_published(&r->use_cases[u]))
			shown[n++] = &r->use_cases[u];
		else
			left_out++;
	}
	qsort(shown, n, sizeof(*shown), compare_hours_desc);
	int data_col = ncols + 1;
	int below = header + 2 + (r->use_case_count ? (int)r->use_case_count : 1);
	if (n > 0) {
		xlsx_put_text_fmt(x, s, header, data_col, tr(lang, "xlsx.col.use_case"), x->f.header,
		                  true);
		xlsx_put_text_fmt(x, s, header, data_col + 1, tr(lang, "xlsx.m.hours_saved"),
		                  x->f.header, true);
		for (size_t i = 0; i < n; i++) {
			xlsx_put_text(x, s, header + 1 + (int)i, data_col, shown[i]->name);
			xlsx_put_figure(x, s, header + 1 + (int)i, data_col + 1,
			                &shown[i]->fig[UC_HOURS_SAVED], K_DECIMAL);
		}
		xlsx_put_note(x, s, header - 1, data_col, tr(lang, "xlsx.chart.data"), NULL);
		use_cases_chart(x, s, header, data_col, n, below);
	}
	if (left_out > 0) {
		char text[512], count[32];
		snprintf(count, sizeof(count), "%zu", left_out);
		xlsx_with_k(text, sizeof(text), tr(lang, "xlsx.chart.left_out"), r->min_group_size);
		char line[600];
		snprintf(line, sizeof(line), "%s: %s", text, count);
		xlsx_put_note(x, s, below - 1, 0, line, NULL);
	}
	free(shown);
}

/* Dimension x level matrix below row `header`, with the shares as formulas over the
 * counts.  Returns whether every dimension's mean level is published. */
static bool maturity_dimensions(struct xlsx *x, struct sheet *s, int header)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	const struct report_settings *ru = &r->set;
	bool target = ru->target_maturity.set;
	const char *hdr[9];
	int n = 0;
	hdr[n++] = tr(lang, "xlsx.col.dimension");
	hdr[n++] = tr(lang, "xlsx.col.mean_level");
	hdr[n++] = tr(lang, "xlsx.col.level1");
	hdr[n++] = tr(lang, "xlsx.col.level2");
	hdr[n++] = tr(lang, "xlsx.col.level3");
	hdr[n++] = tr(lang, "xlsx.col.share1");
	hdr[n++] = tr(lang, "xlsx.col.share2");
	hdr[n++] = tr(lang, "xlsx.col.share3");
	if (target)
		hdr[n++] = tr(lang, "xlsx.col.target");
	bool all_ok = true;
	for (int d = 0; d < DIM_COUNT; d++) {
		int row = header + 1 + d;
		xlsx_put_text(x, s, row, 0, dimension_label(lang, (enum dimension)d));
		const struct figure *mean = &r->org[ORG_MATURITY_TOOL_KNOWLEDGE + d];
		xlsx_put_figure(x, s, row, 1, mean, K_DECIMAL);
		if (mean->status != FIG_OK)
			all_ok = false;
		int total = 0;
		for (int k = 0; k < 3; k++) {
			xlsx_put_number(x, s, row, 2 + k, r->dimension_levels[d][k], x->f.num[K_COUNT],
			                K_COUNT);
			total += r->dimension_levels[d][k];
		}
		char a[32], b[32], c[32], f[256];
		xlsx_cell_abs(b, sizeof(b), row, 2);
		xlsx_cell_abs(c, sizeof(c), row, 4);
		for (int k = 0; k < 3; k++) {
			xlsx_cell_rel(a, sizeof(a), row, 2 + k);
			snprintf(f, sizeof(f), "=IF(SUM(%s:%s)=0,0,%s/SUM(%s:%s))", b, c, a, b, c);
			double share = total ? (double)r->dimension_levels[d][k] / total : 0;
			xlsx_put_formula(x, s, row, 5 + k, f, x->f.num[K_PERCENT], share, K_PERCENT);
		}
		if (target)
			xlsx_put_number(x, s, row, 8, ru->target_maturity.value, x->f.num[K_DECIMAL],
			                K_DECIMAL);
	}
	xlsx_add_table(x, s, "Maturity", header, 0, DIM_COUNT, hdr, n, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
	return all_ok;
}

/* The career levels with their learning paths from row lv, and the level migration
 * below them. */
static void maturity_levels(struct xlsx *x, struct sheet *s, int lv)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	/* Career levels and learning paths. */
	const char *lhdr[4] = { tr(lang, "xlsx.col.level"), tr(lang, "xlsx.col.career_level"),
	                        tr(lang, "xlsx.col.learning_path"), tr(lang, "xlsx.col.share") };
	for (int k = 1; k <= 3; k++) {
		int row = lv + k;
		xlsx_put_number(x, s, row, 0, k, x->f.num[K_COUNT], K_COUNT);
		xlsx_put_text(x, s, row, 1, level_name(lang, k));
		xlsx_put_text(x, s, row, 2, learning_path_name(lang, k));
		xlsx_put_figure(x, s, row, 3, &r->org[ORG_LEVEL_SHARE_1 + k - 1], K_PERCENT);
	}
	xlsx_add_table(x, s, "CareerLevels", lv, 0, 3, lhdr, 4, "xlsx.none.rows");

	/* Level migration since the previous quarter (§4, §11.33). */
	int mg = lv + 6;
	const char *mhdr[4] = { tr(lang, "xlsx.col.from_level"), tr(lang, "xlsx.col.to_level1"),
	                        tr(lang, "xlsx.col.to_level2"), tr(lang, "xlsx.col.to_level3") };
	xlsx_put_note(x, s, mg - 1, 0, tr(lang, "xlsx.maturity.migration"), x->f.label_bold);
	for (int a = 1; a <= 3; a++) {
		int row = mg + a;
		xlsx_put_number(x, s, row, 0, a, x->f.num[K_COUNT], K_COUNT);
		for (int b = 1; b <= 3; b++)
			xlsx_put_figure(x, s, row, b, &r->org[ORG_MIGRATION_1_1 + 3 * (a - 1) + (b - 1)],
			                K_COUNT);
	}
	xlsx_add_table(x, s, "Migration", mg, 0, 3, mhdr, 4, "xlsx.none.rows");
	xlsx_put_text(x, s, mg + 4, 0, tr(lang, "xlsx.m.migration_matched"));
	xlsx_put_figure(x, s, mg + 4, 1, &r->org[ORG_MIGRATION_MATCHED], K_COUNT);
}

/* The radar chart of the mean level per dimension (and the target), right of the
 * level tables from row lv - 1. */
static void maturity_chart(struct xlsx *x, struct sheet *s, int header, int lv)
{
	enum lang lang = x->lang;
	bool target = x->r->set.target_maturity.set;
	lxw_chart *chart = workbook_add_chart(x->wb, LXW_CHART_RADAR_WITH_MARKERS);
	if (!chart) {
		xlsx_note_error(x, LXW_ERROR_MEMORY_MALLOC_FAILED);
		return;
	}
	char cats[160], vals[160];
	xlsx_sheet_range(cats, sizeof(cats), s->name, header + 1, 0, header + DIM_COUNT, 0);
	xlsx_sheet_range(vals, sizeof(vals), s->name, header + 1, 1, header + DIM_COUNT, 1);
	lxw_chart_series *ser = chart_add_series(chart, cats, vals);
	chart_series_set_name(ser, tr(lang, "xlsx.chart.organisation"));
	lxw_chart_line line = { .color = 0x1F3A5F, .width = 2.25 };
	chart_series_set_line(ser, &line);
	if (target) {
		xlsx_sheet_range(vals, sizeof(vals), s->name, header + 1, 8, header + DIM_COUNT, 8);
		lxw_chart_series *t = chart_add_series(chart, cats, vals);
		chart_series_set_name(t, tr(lang, "xlsx.col.target"));
		lxw_chart_line tl = { .color = 0xB45309, .width = 1.5,
		                      .dash_type = LXW_CHART_LINE_DASH_DASH };
		chart_series_set_line(t, &tl);
	}
	chart_title_set_name(chart, tr(lang, "xlsx.chart.maturity"));
	lxw_chart_font title_font = { .size = 11, .bold = LXW_TRUE };
	chart_title_set_name_font(chart, &title_font);
	chart_axis_set_min(chart->y_axis, 0);
	chart_axis_set_max(chart->y_axis, 3);
	chart_axis_set_major_unit(chart->y_axis, 1);
	chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
	lxw_chart_options opt = { .x_scale = 1.1, .y_scale = 1.3 };
	/* Below the dimension table, right of the four-column tables. */
	xlsx_note_error(x, worksheet_insert_chart_opt(s->ws, (lxw_row_t)(lv - 1), 5, chart, &opt));
}

void xlsx_maturity_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	xlsx_put_title(x, s, "xlsx.title.maturity");
	if (r->survey_suppressed) {
		xlsx_put_survey_statement(x, s, 2);
		return;
	}
	xlsx_put_note(x, s, 1, 0, tr(lang, "xlsx.maturity.note"), NULL);
	int header = 3;
	bool all_ok = maturity_dimensions(x, s, header);
	int lv = header + DIM_COUNT + 3;
	maturity_levels(x, s, lv);
	if (all_ok)
		maturity_chart(x, s, header, lv);
}

void xlsx_trend_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	xlsx_put_title(x, s, "xlsx.title.trend");
	xlsx_put_note(x, s, 1, 0, tr(lang, "xlsx.trend.note"), NULL);
	int header = 3;
	if (r->survey_suppressed) {
		xlsx_put_survey_statement(x, s, 2);
		header = 4;
	}
	const char *hdr[5] = { tr(lang, "xlsx.col.quarter"), tr(lang, "xlsx.m.adoption_rate"),
	                       tr(lang, "xlsx.m.maturity_index"),
	                       tr(lang, "xlsx.m.hours_saved_per_week"), tr(lang, "xlsx.m.roi") };
	for (size_t q = 0; q < r->quarter_count; q++) {
		const struct quarter *qu = &r->quarters[q];
		int row = header + 1 + (int)q;
		char label[16];
		snprintf(label, sizeof(label), "%04d-Q%d", qu->year, qu->quarter);
		xlsx_put_text(x, s, row, 0, label);
		xlsx_put_figure(x, s, row, 1, &qu->adoption_rate, K_PERCENT);
		xlsx_put_figure(x, s, row, 2, &qu->maturity_index, K_DECIMAL);
		xlsx_put_figure(x, s, row, 3, &qu->hours_saved_per_week, K_DECIMAL);
		xlsx_put_figure(x, s, row, 4, &qu->roi, K_PERCENT);
	}
	xlsx_add_table(x, s, "Trend", header, 0, (int)r->quarter_count, hdr, 5, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
}

/* A figure of a re-issue's list as metrics.csv wrote it: the number, or the word
 * that stands instead. */
static void put_changed_value(struct xlsx *x, struct sheet *s, int row, int col,
                              const char *value, const char *status)
{
	if (status && strcmp(status, "ok") == 0)
		xlsx_put_number(x, s, row, col, strtod(value, NULL), x->f.num[K_DECIMAL], K_DECIMAL);
	else
		xlsx_put_text(x, s, row, col, !status ? "\xe2\x80\x93"
		              : strcmp(status, "suppressed") == 0 ? tr(x->lang, "word.suppressed")
		                                                   : tr(x->lang, "word.na"));
}

/* What the organisation's history did to this report, and a re-issue's changed
 * figures (old -> new), from row on. */
static void history_block(struct xlsx *x, struct sheet *s, int row)
{
	const struct report *r = x->r;
	char *notes[3];
	size_t n = i18n_history_notes(x->lang, r, notes);
	if (!n && !r->change_count)
		return;
	xlsx_put_note(x, s, row++, 0, tr(x->lang, "hist.title"), x->f.heading);
	for (size_t i = 0; i < n; i++) {
		xlsx_put_note(x, s, row++, 0, notes[i], x->f.text);
		free(notes[i]);
	}
	if (!r->change_count)
		return;
	char count[24], version[24];
	snprintf(count, sizeof(count), "%zu", r->change_count);
	snprintf(version, sizeof(version), "%d", r->reissue_of);
	const char *args[] = { count, version };
	char *title = i18n_fill(tr(x->lang, "hist.reissue"), args, 2);
	xlsx_put_note(x, s, ++row, 0, title, x->f.text);
	free(title);
	int header = ++row;
	const char *hdr[3] = { tr(x->lang, "col.figure"), tr(x->lang, "col.before"),
	                       tr(x->lang, "col.now") };
	for (size_t i = 0; i < r->change_count; i++) {
		const struct figure_change *c = &r->changes[i];
		struct buf name = { 0 };
		buf_printf(&name, "%s%s%s / %s", c->scope, *c->group ? " / " : "", c->group, c->metric);
		int at = header + 1 + (int)i;
		xlsx_put_text(x, s, at, 0, name.data);
		buf_free(&name);
		put_changed_value(x, s, at, 1, c->old_value, c->old_status);
		put_changed_value(x, s, at, 2, c->new_value, c->new_status);
	}
	xlsx_add_table(x, s, "Reissue", header, 0, (int)r->change_count, hdr, 3, "xlsx.none.rows");
}

void xlsx_data_quality_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	const struct report_settings *ru = &r->set;
	enum lang lang = x->lang;
	xlsx_put_title(x, s, "xlsx.title.data_quality");
	xlsx_put_note(x, s, 1, 0, tr(lang, "xlsx.data_quality.note"), NULL);
	int header = 3;
	const char *hdr[5] = { tr(lang, "xlsx.col.file"), tr(lang, "xlsx.col.rows_read"),
	                       tr(lang, "xlsx.col.rows_used"), tr(lang, "xlsx.col.rows_rejected"),
	                       tr(lang, "xlsx.col.rows_superseded") };
	for (int i = 0; i < 2; i++) {
		const struct file_quality *fq = &r->files[i];
		int row = header + 1 + i;
		xlsx_put_text(x, s, row, 0, fq->name ? fq->name : "");
		xlsx_put_number(x, s, row, 1, (double)fq->rows_read, x->f.num[K_COUNT], K_COUNT);
		xlsx_put_number(x, s, row, 2, (double)fq->rows_used, x->f.num[K_COUNT], K_COUNT);
		xlsx_put_number(x, s, row, 3, (double)fq->rows_rejected, x->f.num[K_COUNT], K_COUNT);
		xlsx_put_number(x, s, row, 4, (double)fq->rows_superseded, x->f.num[K_COUNT], K_COUNT);
	}
	xlsx_add_table(x, s, "DataQuality", header, 0, 2, hdr, 5, "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 0);

	/* The method in brief: what the figures rest on. */
	int row = header + 5;
	xlsx_put_note(x, s, row++, 0, tr(lang, "xlsx.method"), x->f.heading);
	char text[600];
	xlsx_with_k(text, sizeof(text), tr(lang, "xlsx.privacy.note"), r->min_group_size);
	xlsx_put_note(x, s, row++, 0, text, x->f.text);
	if (r->survey_suppressed) {
		xlsx_put_survey_statement(x, s, row++);
	}
	xlsx_put_note(x, s, row++, 0, tr(lang, "xlsx.method.as_known"), x->f.text);
	xlsx_put_note(x, s, row++, 0, tr(lang, "xlsx.method.value"), x->f.text);
	if (r->month_count > 0) {
		snprintf(text, sizeof(text), "%s: %04d-%02d", tr(lang, "xlsx.method.program_start"),
		         r->months[0].year, r->months[0].month);
		xlsx_put_note(x, s, row++, 0, text, x->f.text);
	}
	if (ru->rules_path) {
		snprintf(text, sizeof(text), "%s: ", tr(lang, "xlsx.method.rules"));
		xlsx_put_note(x, s, row, 0, text, x->f.text);
		/* The path is input text: written as a string like every other. */
		xlsx_put_text_fmt(x, s, row++, 1, ru->rules_path, x->f.text, false);
	}
	history_block(x, s, row + 1);
}

void xlsx_employees_sheet(struct xlsx *x, struct sheet *s)
{
	const struct report *r = x->r;
	enum lang lang = x->lang;
	bool survey = !r->survey_suppressed;
	xlsx_put_title(x, s, "xlsx.title.employees");
	xlsx_put_note(x, s, 1, 0, tr(lang, "xlsx.employees.note"), NULL);
	int header = 3;
	if (!survey) {
		xlsx_put_survey_statement(x, s, 2);
		header = 4;
	}
	const char *hdr[11];
	int n = 0;
	hdr[n++] = tr(lang, "xlsx.col.employee");
	hdr[n++] = tr(lang, "xlsx.col.department");
	hdr[n++] = tr(lang, "xlsx.col.role");
	hdr[n++] = tr(lang, "xlsx.col.in_survey");
	hdr[n++] = tr(lang, "xlsx.col.in_timesheet");
	if (survey) {
		hdr[n++] = tr(lang, "xlsx.col.active");
		hdr[n++] = tr(lang, "xlsx.col.career_level");
	}
	hdr[n++] = tr(lang, "xlsx.col.rate_class");
	hdr[n++] = tr(lang, "xlsx.col.ai_entries");
	hdr[n++] = tr(lang, "xlsx.m.hours_saved");
	hdr[n++] = tr(lang, "xlsx.m.value_saved");
	for (size_t e = 0; e < r->employee_count; e++) {
		const struct employee_row *em = &r->employees[e];
		int row = header + 1 + (int)e, col = 0;
		xlsx_put_text(x, s, row, col++, em->id);
		xlsx_put_text(x, s, row, col++, em->department);
		xlsx_put_text(x, s, row, col++, em->role);
		xlsx_put_text(x, s, row, col++, tr(lang, em->in_survey ? "xlsx.yes" : "xlsx.no"));
		xlsx_put_text(x, s, row, col++, tr(lang, em->in_timesheet ? "xlsx.yes" : "xlsx.no"));
		if (survey) {
			xlsx_put_text(x, s, row, col++, tr(lang, em->active ? "xlsx.yes" : "xlsx.no"));
			if (em->overall_level >= 1 && em->overall_level <= 3)
				xlsx_put_text(x, s, row, col, level_name(lang, em->overall_level));
			col++;
		}
		if (em->rate_class >= 0 && (size_t)em->rate_class < r->rate_class_count) {
			char cls[256];
			xlsx_rate_class_label(cls, sizeof(cls), lang, &r->rate_classes[em->rate_class]);
			xlsx_put_text(x, s, row, col, cls);
		}
		col++;
		xlsx_put_number(x, s, row, col++, em->ai_entries, x->f.num[K_COUNT], K_COUNT);
		xlsx_put_number(x, s, row, col++, em->hours_saved, x->f.num[K_DECIMAL], K_DECIMAL);
		xlsx_put_number(x, s, row, col++, em->value_saved, x->f.num[K_MONEY], K_MONEY);
	}
	xlsx_add_table(x, s, "Employees", header, 0, (int)r->employee_count, hdr, n,
	               "xlsx.none.rows");
	worksheet_freeze_panes(s->ws, (lxw_row_t)(header + 1), 1);
}
