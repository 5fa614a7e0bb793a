/* report.c - the report model's names and its release (report.h).  The figures
 * are computed by report_compute.c and the files it calls. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "report_roi.h"

const char *const dimension_names[DIM_COUNT] = {
	"tool_knowledge", "application_breadth", "autonomy", "innovation", "knowledge_sharing",
};

const char *const org_metric_names[ORG_METRIC_COUNT] = {
	"headcount", "respondents", "response_rate", "active_employees", "adoption_rate",
	"hours_saved", "hours_saved_per_week", "value_saved", "cost_training",
	"cost_licenses", "cost_fixed", "cost_total", "roi", "roi_cumulative",
	"payback_months", "maturity_index", "maturity_tool_knowledge",
	"maturity_application_breadth", "maturity_autonomy", "maturity_innovation",
	"maturity_knowledge_sharing", "level_share_1", "level_share_2", "level_share_3",
	"use_cases_active", "use_cases_new", "satisfaction_mean", "buddy_coverage",
	"mentor_max_load", "retention_6m", "ai_entries_without_baseline", "logged_ai_share",
	"employees_survey_only", "employees_timesheet_only", "migration_matched",
	"migration_1_1", "migration_1_2", "migration_1_3", "migration_2_1", "migration_2_2",
	"migration_2_3", "migration_3_1", "migration_3_2", "migration_3_3",
};

const char *const department_metric_names[DEPT_METRIC_COUNT] = {
	"headcount", "respondents", "active_employees", "adoption_rate", "logged_ai_share",
	"hours_saved", "hours_saved_per_week", "value_saved", "maturity_index",
	"maturity_tool_knowledge", "maturity_application_breadth", "maturity_autonomy",
	"maturity_innovation", "maturity_knowledge_sharing",
};

const char *const use_case_metric_names[UC_METRIC_COUNT] = {
	"ai_entries", "ai_users", "hours_saved", "hours_saved_per_week", "baseline_minutes",
	"value_saved", "concentration", "at_risk",
};


static void named_values_drop(struct named_values *nv)
{
	for (size_t i = 0; i < nv->count; i++)
		free(nv->items[i].name);
	free(nv->items);
}

static void settings_free(struct report_settings *s)
{
	free(s->org_name);
	free(s->prepared_by);
	free(s->logo);
	free(s->font);
	free(s->rules_path);
	named_values_drop(&s->use_case_baselines);
	named_values_drop(&s->role_rates);
	named_values_drop(&s->department_rates);
}

void report_free(struct report *r)
{
	if (!r)
		return;
	settings_free(&r->set);
	roi_sheet_free(&r->roi);
	free(r->org_slug);
	for (size_t i = 0; i < r->department_count; i++)
		free(r->departments[i].name);
	free(r->departments);
	for (size_t i = 0; i < r->use_case_count; i++) {
		free(r->use_cases[i].name);
		free(r->use_cases[i].user_ids);
	}
	free(r->use_cases);
	for (size_t i = 0; i < r->rate_class_count; i++)
		free(r->rate_classes[i].name);
	free(r->rate_classes);
	free(r->use_case_class_hours);
	for (size_t i = 0; i < r->month_count; i++) {
		free(r->months[i].hours_by_class);
		free(r->months[i].saver_ids);
	}
	free(r->months);
	free(r->quarters);
	for (int i = 0; i < 2; i++)
		free(r->files[i].name);
	for (size_t i = 0; i < r->employee_count; i++) {
		free(r->employees[i].id);
		free(r->employees[i].department);
		free(r->employees[i].role);
	}
	free(r->employees);
	free(r->history_timesheet_quarters);
	free(r->history_survey_quarters);
	for (size_t i = 0; i < r->change_count; i++) {
		struct figure_change *c = &r->changes[i];
		free(c->scope);
		free(c->group);
		free(c->metric);
		free(c->old_value);
		free(c->old_status);
		free(c->new_value);
		free(c->new_status);
	}
	free(r->changes);
	memset(r, 0, sizeof(*r));
}

