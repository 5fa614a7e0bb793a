/* vocab.h - the words every layer shares (vocab.c): the report's languages, the
 * encodings of an export, how the overall maturity is taken, and the canonical
 * survey and timesheet columns with their names.  Readers, the model and the
 * writers include this rather than rules.h when these are all they need. */
#ifndef AIREPORT_VOCAB_H
#define AIREPORT_VOCAB_H

enum lang { LANG_NL, LANG_EN, LANG_DE };
enum overall_mode { OVERALL_MEDIAN, OVERALL_MIN, OVERALL_MEAN };
enum encoding_mode { ENCODING_AUTO, ENCODING_UTF8, ENCODING_WINDOWS1252 };

/* Canonical survey columns (§2.1), in the order of the spec's table. */
enum survey_column {
	SC_EMPLOYEE_ID, SC_SUBMITTED, SC_DEPARTMENT, SC_ROLE, SC_AI_DAYS_PER_WEEK,
	SC_TOOL_KNOWLEDGE, SC_APPLICATION_BREADTH, SC_AUTONOMY, SC_INNOVATION,
	SC_KNOWLEDGE_SHARING, SC_SATISFACTION, SC_TRAINING_DATE, SC_MENTOR_ID,
	SC_COUNT
};
/* Canonical timesheet columns (§2.2). */
enum timesheet_column {
	TC_EMPLOYEE_ID, TC_DATE, TC_USE_CASE, TC_MINUTES, TC_HOURS, TC_AI_ASSISTED,
	TC_ITEMS, TC_DEPARTMENT, TC_START, TC_END, TC_BREAK,
	TC_COUNT
};
/* "employee_id", "submitted", ... as the rules file and the spec name them. */
extern const char *const survey_column_names[SC_COUNT];
extern const char *const timesheet_column_names[TC_COUNT];

#endif
