/* profile.h - built-in profiles: which column of a tool's export is which
 * canonical column, so an export reads with no [*_columns] mapping at all.
 *
 * A profile is chosen by [survey_input] / [timesheet_input] profile, or (auto)
 * recognised from the header's first row: the profile all of whose signature
 * columns are there, the one with the most of them when several fit; a header
 * that fits none is read as the canonical format ("aireport").  The rules'
 * [*_columns] entries win over a profile's. */
#ifndef AIREPORT_PROFILE_H
#define AIREPORT_PROFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "csvin.h"
#include "header.h"

enum profile_kind { PROFILE_SURVEY, PROFILE_TIMESHEET };


struct profile {
	const char *name;            /* as written in the rules: "toggl" */
	const char *title;           /* for people: "Toggl Track detailed report" */
	enum profile_kind kind;
	const char *signature;       /* '|'-separated header names that must all be there */
	/* canonical column -> its name(s) in the export, '|'-separated alternatives in
	 * order of preference; NULL = the canonical name */
	const char *columns[16];
	int header_rows;
	bool questionnaire;          /* survey questions by the templates' titles */
	bool marker_column;          /* the AI flag is a tag/label/text column */
};

/* The profile of that kind and name, or NULL.  "aireport" is the canonical one. */
const struct profile *profile_find(enum profile_kind kind, const char *name);
/* Recognises the export from its first header row; never NULL. */
const struct profile *profile_detect(enum profile_kind kind, const struct csv_record *row1);
/* Names of all profiles of a kind, ", "-separated, for messages. */
const char *profile_names(enum profile_kind kind);

/* The names header.c is to look for: out[c] = rules[c] when the rules map c, else
 * the profile's name(s), then the canonical name, then (for a questionnaire
 * profile) the template titles of c in every language as prefixes, with
 * HEADER_ALTERNATIVE between them; else NULL (the canonical name).  The caller frees out[0..n). */
void profile_columns(const struct profile *p, char *const *rules, const char *const *canonical,
                     size_t n, char **out);

/* The questionnaire's titles of a canonical survey column in nl, en and de
 * (NULL-terminated), or NULL for a column the questionnaire does not ask. */
const char *const *questionnaire_titles(const char *canonical);

#endif
