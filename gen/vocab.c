/* vocab.c - the names of the canonical columns (vocab.h). */
#include "vocab.h"

const char *const survey_column_names[SC_COUNT] = {
	"employee_id", "submitted", "department", "role", "ai_days_per_week",
	"tool_knowledge", "application_breadth", "autonomy", "innovation",
	"knowledge_sharing", "satisfaction", "training_date", "mentor_id",
};

const char *const timesheet_column_names[TC_COUNT] = {
	"employee_id", "date", "use_case", "minutes", "hours", "ai_assisted", "items",
	"department", "start", "end", "break",
};
