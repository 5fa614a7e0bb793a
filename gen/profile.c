/* profile.c - the built-in profiles of the tools HR exports come from; see
 * profile.h.  The column names come from the tools' documentation and exports
 * (sources in tests/exports/SOURCES.md). */
#include "profile.h"

#include <stdlib.h>
#include <string.h>

#include "header.h"
#include "rules.h"
#include "util.h"

#define T(c) [TC_##c]
#define S(c) [SC_##c]

static const struct profile profiles[] = {
	{ "aireport", "aireport canonical CSV", PROFILE_TIMESHEET, NULL, { NULL }, 1, false, false },
	{ "toggl", "Toggl Track detailed report", PROFILE_TIMESHEET,
	  "User|Email|Project|Start date|Start time|Duration|Tags",
	  { T(EMPLOYEE_ID) = "Email", T(DATE) = "Start date", T(USE_CASE) = "Project",
	    T(HOURS) = "Duration", T(AI_ASSISTED) = "Tags" }, 1, false, true },
	{ "clockify", "Clockify detailed report", PROFILE_TIMESHEET,
	  "Project|User|Email|Start Date|Start Time|Duration (h)",
	  { T(EMPLOYEE_ID) = "Email", T(DATE) = "Start Date", T(USE_CASE) = "Project",
	    T(HOURS) = "Duration (decimal)|Duration (h)", T(AI_ASSISTED) = "Tags",
	    T(DEPARTMENT) = "Group" }, 1, false, true },
	{ "harvest", "Harvest detailed time report", PROFILE_TIMESHEET,
	  "Date|Client|Project|Task|Notes|Hours|First Name|Last Name",
	  { T(EMPLOYEE_ID) = "Email|First Name + Last Name", T(DATE) = "Date", T(USE_CASE) = "Task",
	    T(HOURS) = "Hours", T(AI_ASSISTED) = "Notes" }, 1, false, true },
	{ "kimai", "Kimai export (German template)", PROFILE_TIMESHEET,
	  "Datum|Von|Bis|Dauer|Benutzer|Tätigkeit",
	  { T(EMPLOYEE_ID) = "E-Mail|Benutzer", T(DATE) = "Datum", T(USE_CASE) = "Tätigkeit",
	    T(HOURS) = "Dauer", T(AI_ASSISTED) = "Schlagworte|Tags" }, 1, false, true },
	{ "kimai", "Kimai export", PROFILE_TIMESHEET,
	  "Date|From|To|Duration|User|Activity",
	  { T(EMPLOYEE_ID) = "E-mail|User", T(DATE) = "Date", T(USE_CASE) = "Activity",
	    T(HOURS) = "Duration", T(AI_ASSISTED) = "Tags" }, 1, false, true },
	{ "personio", "Personio attendance periods", PROFILE_TIMESHEET,
	  "Employee ID|First name|Last name|Date|Start time|End time|Break*",
	  { T(EMPLOYEE_ID) = "Email|Employee ID", T(DATE) = "Date", T(USE_CASE) = "Project",
	    T(START) = "Start time", T(END) = "End time", T(BREAK) = "Break*",
	    T(AI_ASSISTED) = "Comment", T(DEPARTMENT) = "Department" }, 1, false, true },
	{ "personio", "Personio Anwesenheiten", PROFILE_TIMESHEET,
	  "Personalnummer|Vorname|Nachname|Datum|Startzeit|Endzeit|Pause*",
	  { T(EMPLOYEE_ID) = "E-Mail|Personalnummer", T(DATE) = "Datum", T(USE_CASE) = "Projekt",
	    T(START) = "Startzeit", T(END) = "Endzeit", T(BREAK) = "Pause*",
	    T(AI_ASSISTED) = "Kommentar", T(DEPARTMENT) = "Abteilung" }, 1, false, true },
	{ "simplicate", "Simplicate hours", PROFILE_TIMESHEET,
	  "Medewerker|Datum|Project|Urensoort|Aantal",
	  { T(EMPLOYEE_ID) = "Medewerker", T(DATE) = "Datum", T(USE_CASE) = "Project",
	    T(HOURS) = "Aantal", T(AI_ASSISTED) = "Urensoort" }, 1, false, true },
	{ "tempo", "Tempo Timesheets worklogs", PROFILE_TIMESHEET,
	  "Issue Key|Hours|Work date|Username",
	  { T(EMPLOYEE_ID) = "Username", T(DATE) = "Work date",
	    T(USE_CASE) = "Component|Activity Name|Project Name", T(HOURS) = "Hours",
	    T(AI_ASSISTED) = "Labels|Account Name" }, 1, false, true },

	{ "aireport", "aireport canonical CSV", PROFILE_SURVEY, NULL, { NULL }, 1, true, false },
	{ "google-forms", "Google Forms responses", PROFILE_SURVEY, "Timestamp|Email Address",
	  { S(EMPLOYEE_ID) = "Email Address", S(SUBMITTED) = "Timestamp" }, 1, true, false },
	{ "google-forms", "Google Forms antwoorden", PROFILE_SURVEY, "Tijdstempel|E-mailadres",
	  { S(EMPLOYEE_ID) = "E-mailadres", S(SUBMITTED) = "Tijdstempel" }, 1, true, false },
	{ "google-forms", "Google Forms Antworten", PROFILE_SURVEY, "Zeitstempel|E-Mail-Adresse",
	  { S(EMPLOYEE_ID) = "E-Mail-Adresse", S(SUBMITTED) = "Zeitstempel" }, 1, true, false },
	{ "microsoft-forms", "Microsoft Forms responses", PROFILE_SURVEY,
	  "ID|Start time|Completion time|Email|Name",
	  { S(EMPLOYEE_ID) = "Email", S(SUBMITTED) = "Completion time" }, 1, true, false },
	{ "microsoft-forms", "Microsoft Forms antwoorden", PROFILE_SURVEY,
	  "ID|Begintijd|Tijd van voltooien|E-mail|Naam",
	  { S(EMPLOYEE_ID) = "E-mail", S(SUBMITTED) = "Tijd van voltooien" }, 1, true, false },
	{ "microsoft-forms", "Microsoft Forms Antworten", PROFILE_SURVEY,
	  "ID|Startzeit|Fertigstellungszeit|E-Mail|Name",
	  { S(EMPLOYEE_ID) = "E-Mail", S(SUBMITTED) = "Fertigstellungszeit" }, 1, true, false },
	{ "surveymonkey", "SurveyMonkey all responses", PROFILE_SURVEY,
	  "Respondent ID|Collector ID|Start Date|End Date",
	  { S(EMPLOYEE_ID) = "Email Address", S(SUBMITTED) = "End Date" }, 2, true, false },
};

/* The questionnaire (rules/questionnaire-*.md): each question's title in nl, en
 * and de.  A survey built from it maps with no [survey_columns]. */
static const struct {
	int column;
	const char *titles[4];
} questionnaire[] = {
	{ SC_DEPARTMENT, {
		"In welke afdeling werk je?",
		"Which department do you work in?",
		"In welcher Abteilung arbeiten Sie?", NULL } },
	{ SC_ROLE, {
		"Wat is je functie?",
		"What is your role?",
		"Welche Funktion haben Sie?", NULL } },
	{ SC_AI_DAYS_PER_WEEK, {
		"Op hoeveel dagen per week gebruik je AI-tools in je werk?",
		"On how many days per week do you use AI tools at work?",
		"An wie vielen Tagen pro Woche nutzen Sie KI-Tools bei der Arbeit?", NULL } },
	{ SC_TOOL_KNOWLEDGE, {
		"Ik gebruik geavanceerde prompttechnieken en koppel AI-tools aan andere software in mijn werk.",
		"I use advanced prompting techniques and connect AI tools to the other software I work with.",
		"Ich nutze fortgeschrittene Prompt-Techniken und verbinde KI-Tools mit anderer Software, mit der ich arbeite.", NULL } },
	{ SC_APPLICATION_BREADTH, {
		"Ik zet AI in voor meerdere soorten taken, ook samen met andere afdelingen.",
		"I apply AI to several kinds of tasks, including work shared with other departments.",
		"Ich setze KI für verschiedene Arten von Aufgaben ein, auch abteilungsübergreifend.", NULL } },
	{ SC_AUTONOMY, {
		"Ik werk zelfstandig met AI en help collega's op weg als ze vastlopen.",
		"I work with AI on my own and help colleagues get started when they are stuck.",
		"Ich arbeite selbstständig mit KI und helfe Kolleginnen und Kollegen, wenn sie nicht weiterkommen.", NULL } },
	{ SC_INNOVATION, {
		"Met AI verbeter ik werkprocessen en bedenk ik nieuwe werkwijzen.",
		"With AI I improve our work processes and come up with new ways of working.",
		"Mit KI verbessere ich unsere Arbeitsabläufe und entwickle neue Arbeitsweisen.", NULL } },
	{ SC_KNOWLEDGE_SHARING, {
		"Ik deel mijn AI-kennis en tips regelmatig en actief met collega's.",
		"I regularly and actively pass on AI knowledge and tips to colleagues.",
		"Ich gebe mein Wissen über KI regelmäßig und aktiv an Kolleginnen und Kollegen weiter.", NULL } },
	{ SC_SATISFACTION, {
		"Hoe tevreden ben je over het AI-programma?",
		"How satisfied are you with the AI programme?",
		"Wie zufrieden sind Sie mit dem KI-Programm?", NULL } },
	{ SC_TRAINING_DATE, {
		"Wanneer volgde je je eerste AI-training?",
		"When did you attend your first AI training?",
		"Wann haben Sie Ihre erste KI-Schulung besucht?", NULL } },
	{ SC_MENTOR_ID, {
		"Wat is het e-mailadres van je AI-buddy?",
		"What is the e-mail address of your AI buddy?",
		"Wie lautet die E-Mail-Adresse Ihres KI-Buddys?", NULL } },
};

const char *const *questionnaire_titles(const char *canonical)
{
	for (size_t i = 0; i < ARRAY_LEN(questionnaire); i++)
		if (questionnaire[i].column >= 0 &&
		    strcmp(survey_column_names[questionnaire[i].column], canonical) == 0)
			return questionnaire[i].titles;
	return NULL;
}

const struct profile *profile_find(enum profile_kind kind, const char *name)
{
	for (size_t i = 0; i < ARRAY_LEN(profiles); i++)
		if (profiles[i].kind == kind && ascii_casecmp(profiles[i].name, name) == 0)
			return &profiles[i];
	return NULL;
}

const char *profile_names(enum profile_kind kind)
{
	return kind == PROFILE_SURVEY ? "auto, aireport, google-forms, microsoft-forms, surveymonkey"
	                              : "auto, aireport, toggl, clockify, harvest, kimai, personio, "
	                                "simplicate, tempo";
}

/* How many of the signature's names row1 has; -1 when one is missing. */
static int signature_fit(const char *signature, const struct csv_record *row1)
{
	int found = 0;
	for (const char *p = signature; *p;) {
		const char *bar = strchr(p, '|');
		size_t len = bar ? (size_t)(bar - p) : strlen(p);
		char *name = xstrndup(p, len);
		bool there = false;
		for (size_t i = 0; i < row1->count && !there; i++)
			there = header_name_matches(row1->fields[i].data, row1->fields[i].len, name);
		free(name);
		if (!there)
			return -1;
		found++;
		p = bar ? bar + 1 : p + len;
	}
	return found;
}

const struct profile *profile_detect(enum profile_kind kind, const struct csv_record *row1)
{
	const struct profile *best = profile_find(kind, "aireport");
	int best_fit = 0;
	for (size_t i = 0; i < ARRAY_LEN(profiles); i++) {
		const struct profile *p = &profiles[i];
		if (p->kind != kind || !p->signature)
			continue;
		int fit = signature_fit(p->signature, row1);
		if (fit > best_fit) {
			best = p;
			best_fit = fit;
		}
	}
	return best;
}

/* Appends name to b, its '|' turned into HEADER_ALTERNATIVE. */
static void put_alternatives(struct buf *b, const char *name)
{
	if (b->len)
		buf_putc(b, HEADER_ALTERNATIVE);
	for (const char *p = name; *p; p++)
		buf_putc(b, *p == '|' ? HEADER_ALTERNATIVE : *p);
}

void profile_columns(const struct profile *p, char *const *rules, const char *const *canonical,
                     size_t n, char **out)
{
	for (size_t c = 0; c < n; c++) {
		out[c] = NULL;
		if (rules[c]) {
			out[c] = xstrdup(rules[c]);
			continue;
		}
		const char *own = c < ARRAY_LEN(p->columns) ? p->columns[c] : NULL;
		const char *const *titles = p->questionnaire ? questionnaire_titles(canonical[c]) : NULL;
		if (!own && !titles)
			continue;
		struct buf b = { 0 };
		if (own)
			put_alternatives(&b, own);
		put_alternatives(&b, canonical[c]);   /* the canonical name still counts */
		for (size_t k = 0; titles && titles[k]; k++) {
			struct buf prefix = { 0 };
			buf_printf(&prefix, "%s*", titles[k]);
			put_alternatives(&b, prefix.data);
			buf_free(&prefix);
		}
		out[c] = b.data;
	}
}
