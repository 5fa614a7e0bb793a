/*
 * gen_data - deterministic survey and timesheet inputs for aireport.
 *
 *   tests/gen_data --sample --out input
 *       The bundled sample company "Voorbeeld Metaal B.V." (85 staff, survey waves
 *       2026-Q1..Q3, timesheet 2026-01-01..2026-09-30).  This is the command that
 *       regenerates input/survey.csv and input/timesheet.csv (tests/gen_sample.sh).
 *
 *   tests/gen_data --out DIR --timesheet-rows N [--employees E] [--survey-rows S]
 *       Benchmark data (SPEC §10): N timesheet rows (about 60 bytes each) and S survey
 *       rows for E employees, 2024-01-01..2026-09-30, so 2026-Q3 is the latest quarter.
 *       The survey is a monthly pulse: with S > E an employee answers several times a
 *       quarter and all but the last answer are superseded.  One row in 50,000 of the
 *       timesheet and one in 2,000 of the survey is deliberately invalid.
 *
 *   --seed X changes the random stream of either mode.
 *
 * The output depends only on the arguments: the random generator is splitmix64 and
 * every figure is computed in integer arithmetic, so the files are byte-identical on
 * every platform.  Rows are streamed through one buffer; memory does not grow with N.
 *
 * The sample is a plausible programme: adoption (ai_days_per_week >= 1) grows from
 * about a quarter of the staff in Q1 to about 60 % in Q3, AI-assisted entries take
 * 20-40 % less time than the non-AI entries of the same use case (some are slower),
 * maturity scores rise with time since adoption, trainings are spread over the year,
 * Directie (3 people) is below the privacy threshold k = 5, and Contractanalyse has
 * a single AI user.  A handful of rows are invalid on purpose (an impossible date, a
 * Likert 6, minutes "abc", ai_assisted "maybe", a wrong field count, out-of-range
 * values) and two employees answer twice in one quarter, so the reader's reject and
 * de-duplication paths are exercised by the sample run too.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define SURVEY_HEADER                                                                \
	"employee_id,submitted,department,role,ai_days_per_week,tool_knowledge,"       \
	"application_breadth,autonomy,innovation,knowledge_sharing,satisfaction,"      \
	"training_date,mentor_id\n"
#define TIMESHEET_HEADER "employee_id,date,use_case,minutes,ai_assisted,items,department\n"

#define NEVER LONG_MAX
#define DIMENSIONS 5

static const char *program = "gen_data";

static void fatal(const char *fmt, const char *arg)
{
	fprintf(stderr, "%s: ", program);
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	exit(1);
}

/* ---------------------------------------------------------------- random numbers */

/* splitmix64: tiny, fast, and the same sequence everywhere. */
static uint64_t rng_next(uint64_t *state)
{
	uint64_t z = (*state += UINT64_C(0x9E3779B97F4A7C15));
	z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
	return z ^ (z >> 31);
}

/* Uniform in [0, n) by multiply-shift; the bias (< n / 2^32) does not matter here. */
static unsigned rng_below(uint64_t *state, unsigned n)
{
	return (unsigned)(((rng_next(state) >> 32) * (uint64_t)n) >> 32);
}

static int rng_between(uint64_t *state, int lo, int hi)
{
	return lo + (int)rng_below(state, (unsigned)(hi - lo + 1));
}

static int rng_chance(uint64_t *state, unsigned permille)
{
	return rng_below(state, 1000) < permille;
}

/* ---------------------------------------------------------------- calendar */

/* Days since 1970-01-01 (proleptic Gregorian), H. Hinnant's algorithms. */
static long days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153L * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static void civil_from_days(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 0 = Monday ... 6 = Sunday; 1970-01-01 was a Thursday. */
static int weekday(long day)
{
	long w = (day + 3) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

static int is_weekend(long day)
{
	return weekday(day) >= 5;
}

/* "YYYY-MM-DD" plus NUL. */
static void date_text(long day, char out[11])
{
	int y, m, d;
	civil_from_days(day, &y, &m, &d);
	out[0] = (char)('0' + y / 1000 % 10);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}

/* A random working day (Mon-Fri) in [first, last]; first..last must hold one. */
static long random_workday(uint64_t *rng, long first, long last)
{
	for (;;) {
		long day = first + rng_between(rng, 0, (int)(last - first));
		if (!is_weekend(day))
			return day;
	}
}

/* ---------------------------------------------------------------- buffered output */

#define OUT_CAPACITY (1u << 20)
#define ROW_MAX 512 /* no generated row is longer */

struct out {
	FILE *file;
	char path[4096];
	char *buf;
	size_t len;
};

static void out_open(struct out *o, const char *dir, const char *name)
{
	if ((size_t)snprintf(o->path, sizeof o->path, "%s/%s", dir, name) >= sizeof o->path)
		fatal("output path too long: %s", dir);
	o->file = fopen(o->path, "wb");
	if (!o->file)
		fatal("cannot create %s", o->path);
	o->buf = malloc(OUT_CAPACITY);
	if (!o->buf)
		fatal("out of memory writing %s", o->path);
	o->len = 0;
}

static void out_flush(struct out *o)
{
	if (o->len && fwrite(o->buf, 1, o->len, o->file) != o->len)
		fatal("write error on %s", o->path);
	o->len = 0;
}

/* Called once per row so the put_* helpers below need no bounds checks. */
static void out_reserve_row(struct out *o)
{
	if (o->len + ROW_MAX > OUT_CAPACITY)
		out_flush(o);
}

static void out_close(struct out *o)
{
	out_flush(o);
	if (fclose(o->file) != 0)
		fatal("write error on %s", o->path);
	free(o->buf);
	o->buf = NULL;
}

static void put_bytes(struct out *o, const char *s, size_t n)
{
	memcpy(o->buf + o->len, s, n);
	o->len += n;
}

static void put_str(struct out *o, const char *s)
{
	put_bytes(o, s, strlen(s));
}

static void put_char(struct out *o, char c)
{
	o->buf[o->len++] = c;
}

static void put_uint(struct out *o, unsigned long v)
{
	char tmp[24];
	int n = 0;
	do {
		tmp[n++] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	while (n)
		put_char(o, tmp[--n]);
}

/* 25 -> "2.5", 30 -> "3". */
static void put_tenths(struct out *o, int tenths)
{
	put_uint(o, (unsigned long)(tenths / 10));
	if (tenths % 10) {
		put_char(o, '.');
		put_char(o, (char)('0' + tenths % 10));
	}
}

/* ---------------------------------------------------------------- the company */

enum use_case_id { UC_OFFERTE, UC_KLANT, UC_DOC, UC_FOUT, UC_ZOEK, UC_CONTRACT, UC_COUNT };

struct use_case {
	const char *name;
	int minutes_per_item; /* without AI */
	int spread_pct;       /* +/- variation of a non-AI entry */
	int saving_permille;  /* typical time saved by a practised AI user */
	int multi_item_pct;   /* entries covering more than one item */
	int max_items;
};

static const struct use_case use_cases[UC_COUNT] = {
	{"Offertetraject", 125, 20, 420, 15, 3},
	{"Klantcommunicatie", 30, 35, 420, 45, 5},
	{"Documentatie", 120, 30, 400, 15, 2},
	{"Foutdiagnose productie", 90, 35, 280, 10, 2},
	{"Documentzoeken kwaliteit", 45, 35, 420, 35, 4},
	{"Contractanalyse", 100, 30, 300, 10, 2},
};

struct role_count {
	const char *role;
	int count;
};

struct department {
	const char *name;
	int size;                 /* in the sample */
	int adoption_bias;        /* head start in the adoption ranking */
	int entries_permille;     /* chance of logging a task entry on a working day */
	struct role_count roles[3];
	unsigned char mix[UC_COUNT]; /* use-case weights, summing to 100 */
};

enum department_id {
	DEPT_PRODUCTIE,
	DEPT_VERKOOP,
	DEPT_ENGINEERING,
	DEPT_KWALITEIT,
	DEPT_INKOOP,
	DEPT_ADMINISTRATIE,
	DEPT_LOGISTIEK,
	DEPT_DIRECTIE,
	DEPARTMENT_COUNT
};
#define SAMPLE_STAFF 85

static const struct department departments[DEPARTMENT_COUNT] = {
	{"Productie", 30, 10, 160, {{"Operator", 25}, {"Planner", 3}, {"Teamleider", 2}},
	 {0, 0, 0, 70, 30, 0}},
	{"Verkoop", 12, 60, 650, {{"Verkoper", 7}, {"Accountmanager", 5}, {NULL, 0}},
	 {55, 45, 0, 0, 0, 0}},
	{"Engineering", 14, 55, 420, {{"Engineer", 11}, {"Werkvoorbereider", 3}, {NULL, 0}},
	 {25, 0, 50, 25, 0, 0}},
	{"Kwaliteit", 8, 45, 500,
	 {{"Kwaliteitsinspecteur", 6}, {"Kwaliteitsmanager", 2}, {NULL, 0}},
	 {0, 0, 40, 0, 60, 0}},
	{"Inkoop", 6, 35, 320, {{"Inkoper", 5}, {"Hoofd inkoop", 1}, {NULL, 0}},
	 {0, 30, 0, 0, 30, 40}},
	{"Administratie", 7, 35, 300,
	 {{"Controller", 2}, {"Administratief medewerker", 4}, {"HR-adviseur", 1}},
	 {0, 70, 30, 0, 0, 0}},
	{"Logistiek", 5, 20, 250, {{"Logistiek medewerker", 4}, {"Planner", 1}, {NULL, 0}},
	 {0, 50, 0, 0, 50, 0}},
	{"Directie", 3, 60, 150, {{"Directeur", 3}, {NULL, 0}, {NULL, 0}},
	 {40, 60, 0, 0, 0, 0}},
};

/* Likert offsets (x100) of tool_knowledge ... knowledge_sharing: people rate their
 * tool knowledge highest and innovation lowest. */
static const int dimension_offset[DIMENSIONS] = {30, 0, -10, -40, -20};

/* How one employee writes ai_assisted: exports from shared sheets mix spellings. */
static const char *const spelling_yes[] = {"yes", "ja", "1", "Ja", "yes", "J"};
static const char *const spelling_no[] = {"no", "nee", "0", "Nee", "", "nee"};
#define SPELLINGS 6

struct employee {
	char id[16];
	unsigned char id_len;
	unsigned char dept;
	unsigned char spelling;
	unsigned char champion; /* AI champion: mentors others, high maturity */
	const char *role;
	int score;              /* adoption ranking */
	int adopt_wave;         /* sample: wave index of first active answer; 99 = never */
	long adopt_day;         /* first day with regular AI use; NEVER = not (yet) */
	long train_day;         /* -1 = not trained */
	int skill;              /* Likert base x100 */
	int saving_bonus;       /* permille added to the use case's saving */
	int mentor;             /* employee index, -1 = none */
	int mentor_from_wave;
	long vacation_first;    /* first day of a three-week summer holiday */
};

static void employee_set_id(struct employee *e, int number, int width)
{
	int n = snprintf(e->id, sizeof e->id, "VM%0*d", width, number);
	e->id_len = (unsigned char)n;
}

static int pick_use_case(uint64_t *rng, const struct department *dept)
{
	int r = (int)rng_below(rng, 100);
	for (int u = 0; u < UC_COUNT; u++) {
		r -= dept->mix[u];
		if (r < 0)
			return u;
	}
	return UC_COUNT - 1;
}

static int pick_items(uint64_t *rng, const struct use_case *uc)
{
	if ((int)rng_below(rng, 100) >= uc->multi_item_pct)
		return 1;
	return rng_between(rng, 2, uc->max_items);
}

/* Round to the 5-minute steps people log in; at least 5. */
static int round_minutes(long m)
{
	m = (m + 2) / 5 * 5;
	return m < 5 ? 5 : (int)m;
}

/* Chance (permille) that an entry on `day` is AI-assisted: rare experiments before
 * adoption, then a habit that grows from 45 % to 85 % over two months. */
static unsigned ai_chance(const struct employee *e, long day)
{
	if (e->adopt_day == NEVER || day < e->adopt_day)
		return 30;
	long since = day - e->adopt_day;
	if (since > 60)
		since = 60;
	return (unsigned)(450 + since * 400 / 60);
}

/* Duration of one entry.  AI users save the use case's typical share plus their
 * own bonus, 70 % of it in the first weeks; one AI entry in 16 takes longer. */
static int entry_minutes(uint64_t *rng, const struct employee *e, int uc_index, int items,
			 int ai, long day)
{
	const struct use_case *uc = &use_cases[uc_index];
	long base = (long)uc->minutes_per_item * items *
		    (100 + rng_between(rng, -uc->spread_pct, uc->spread_pct));
	if (!ai)
		return round_minutes(base / 100);
	long factor; /* permille of the non-AI duration */
	if (rng_chance(rng, 60)) {
		factor = 1000 + rng_between(rng, 50, 300);
	} else {
		long since = e->adopt_day == NEVER || day < e->adopt_day ? 0 : day - e->adopt_day;
		if (since > 90)
			since = 90;
		long saving = (long)(uc->saving_permille + e->saving_bonus) * (700 + since * 300 / 90) / 1000;
		if (saving < 0)
			saving = 0;
		factor = 1000 - saving;
	}
	return round_minutes(base * factor / 100000);
}

/* Likert score 1..5 of one dimension. */
static int likert(uint64_t *rng, int level_x100, int dimension)
{
	int x = level_x100 + dimension_offset[dimension] + rng_between(rng, -70, 70);
	if (x < 100)
		return 1;
	x = (x + 50) / 100;
	return x > 5 ? 5 : x;
}

/* ---------------------------------------------------------------- rows */

enum broken {
	BROKEN_NONE,
	BROKEN_DATE,         /* a date that is not in the calendar */
	BROKEN_LIKERT,       /* Likert 6 */
	BROKEN_FIELD_COUNT,  /* an unquoted comma or a missing last column */
	BROKEN_RANGE,        /* a number out of range */
	BROKEN_TEXT,         /* minutes "abc" */
	BROKEN_BOOLEAN,      /* ai_assisted "maybe" */
};

struct survey_row {
	int emp;
	long day;
	int ai_tenths;
	int scores[DIMENSIONS];
	int satisfaction; /* 0 = empty */
	long training_day; /* -1 = empty */
	int mentor;        /* -1 = empty */
	enum broken broken;
};

static void write_survey_row(struct out *o, const struct employee *staff, const struct survey_row *r)
{
	const struct employee *e = &staff[r->emp];
	char date[11];
	out_reserve_row(o);
	put_bytes(o, e->id, e->id_len);
	put_char(o, ',');
	if (r->broken == BROKEN_DATE) {
		/* 31 June, 31 September ...: one past the month's last day */
		int y, m, d;
		civil_from_days(r->day, &y, &m, &d);
		int next_y = m == 12 ? y + 1 : y, next_m = m == 12 ? 1 : m + 1;
		long past = days_from_civil(next_y, next_m, 1) - days_from_civil(y, m, 1) + 1;
		date_text(days_from_civil(y, m, 1), date);
		date[8] = (char)('0' + past / 10);
		date[9] = (char)('0' + past % 10);
	} else {
		date_text(r->day, date);
	}
	put_bytes(o, date, 10);
	put_char(o, ',');
	put_str(o, departments[e->dept].name);
	put_char(o, ',');
	put_str(o, e->role);
	if (r->broken == BROKEN_FIELD_COUNT)
		put_str(o, ", senior"); /* unquoted comma: one field too many */
	put_char(o, ',');
	if (r->broken == BROKEN_RANGE)
		put_uint(o, 12); /* hours per week typed into a days-per-week column */
	else
		put_tenths(o, r->ai_tenths);
	for (int d = 0; d < DIMENSIONS; d++) {
		put_char(o, ',');
		put_uint(o, (unsigned long)(r->broken == BROKEN_LIKERT && d == 3 ? 6 : r->scores[d]));
	}
	put_char(o, ',');
	if (r->satisfaction)
		put_uint(o, (unsigned long)r->satisfaction);
	put_char(o, ',');
	if (r->training_day >= 0) {
		date_text(r->training_day, date);
		put_bytes(o, date, 10);
	}
	put_char(o, ',');
	if (r->mentor >= 0)
		put_bytes(o, staff[r->mentor].id, staff[r->mentor].id_len);
	put_char(o, '\n');
}

struct timesheet_row {
	int emp;
	long day;
	int use_case;
	int minutes;
	int items;
	int items_empty;
	int ai;
	enum broken broken;
};

static void write_timesheet_row(struct out *o, const struct employee *staff,
				const struct timesheet_row *r)
{
	const struct employee *e = &staff[r->emp];
	char date[11];
	out_reserve_row(o);
	put_bytes(o, e->id, e->id_len);
	put_char(o, ',');
	if (r->broken == BROKEN_DATE) {
		int y, m, d;
		civil_from_days(r->day, &y, &m, &d);
		date_text(days_from_civil(y, m, 28), date);
		date[8] = '3';
		date[9] = '0';
		put_bytes(o, date, 10); /* YYYY-02-30 when the row is in February */
	} else {
		date_text(r->day, date);
		put_bytes(o, date, 10);
	}
	put_char(o, ',');
	put_str(o, use_cases[r->use_case].name);
	put_char(o, ',');
	if (r->broken == BROKEN_TEXT)
		put_str(o, "abc");
	else if (r->broken == BROKEN_RANGE) /* a slipped digit: more than a day */
		put_uint(o, (unsigned long)r->minutes * 10 > 1440 ? (unsigned long)r->minutes * 10
								  : (unsigned long)r->minutes + 1440);
	else
		put_uint(o, (unsigned long)r->minutes);
	put_char(o, ',');
	if (r->broken == BROKEN_BOOLEAN)
		put_str(o, "maybe");
	else
		put_str(o, r->ai ? spelling_yes[e->spelling] : spelling_no[e->spelling]);
	put_char(o, ',');
	if (!r->items_empty)
		put_uint(o, (unsigned long)r->items);
	if (r->broken != BROKEN_FIELD_COUNT) {
		put_char(o, ',');
		put_str(o, departments[e->dept].name);
	}
	put_char(o, '\n');
}

/* ---------------------------------------------------------------- the sample */

#define WAVES 3

struct sample {
	struct employee staff[SAMPLE_STAFF];
	int count;
	int contract_user; /* the only AI user of Contractanalyse */
	struct survey_row *survey;
	size_t survey_len, survey_cap;
	struct timesheet_row *timesheet;
	size_t timesheet_len, timesheet_cap;
};

static void *grow(void *p, size_t *cap, size_t elem)
{
	*cap = *cap ? *cap * 2 : 256;
	p = realloc(p, *cap * elem);
	if (!p)
		fatal("%s", "out of memory");
	return p;
}

static struct survey_row *survey_add(struct sample *s)
{
	if (s->survey_len == s->survey_cap)
		s->survey = grow(s->survey, &s->survey_cap, sizeof *s->survey);
	struct survey_row *r = &s->survey[s->survey_len++];
	memset(r, 0, sizeof *r);
	return r;
}

static struct timesheet_row *timesheet_add(struct sample *s)
{
	if (s->timesheet_len == s->timesheet_cap)
		s->timesheet = grow(s->timesheet, &s->timesheet_cap, sizeof *s->timesheet);
	struct timesheet_row *r = &s->timesheet[s->timesheet_len++];
	memset(r, 0, sizeof *r);
	return r;
}

static const struct employee *ranking_staff;

static int by_score_desc(const void *a, const void *b)
{
	int ia = *(const int *)a, ib = *(const int *)b;
	if (ranking_staff[ia].score != ranking_staff[ib].score)
		return ranking_staff[ia].score < ranking_staff[ib].score ? 1 : -1;
	return (ia > ib) - (ia < ib);
}

/* Dutch public holidays of 2026 on working days. */
static int is_holiday_2026(long day)
{
	static const int md[][2] = {{1, 1}, {4, 3}, {4, 6}, {4, 27}, {5, 14}, {5, 25}};
	for (size_t i = 0; i < sizeof md / sizeof md[0]; i++)
		if (day == days_from_civil(2026, md[i][0], md[i][1]))
			return 1;
	return 0;
}

/* Survey windows of the three waves: the first three weeks of each quarter's last month. */
static const int wave_window[WAVES][2][2] = {
	{{3, 2}, {3, 20}}, {{6, 1}, {6, 19}}, {{9, 1}, {9, 18}},
};

static long wave_first(int w)
{
	return days_from_civil(2026, wave_window[w][0][0], wave_window[w][0][1]);
}

static long wave_last(int w)
{
	return days_from_civil(2026, wave_window[w][1][0], wave_window[w][1][1]);
}

/* Training is given in group sessions; people start using AI after theirs (the
 * first session precedes the earliest adoption). */
static long training_session_before(long day)
{
	static const int sessions[][2] = {{1, 6}, {1, 20}, {2, 17}, {3, 17}, {4, 14},
					  {5, 19}, {6, 16}, {7, 7}, {9, 8}};
	long best = days_from_civil(2026, sessions[0][0], sessions[0][1]);
	for (size_t i = 1; i < sizeof sessions / sizeof sessions[0]; i++) {
		long s = days_from_civil(2026, sessions[i][0], sessions[i][1]);
		if (s <= day)
			best = s;
	}
	return best;
}

static void sample_build_staff(struct sample *s, uint64_t *rng)
{
	int order[SAMPLE_STAFF];
	int n = 0;
	struct employee *st = s->staff;

	for (int d = 0; d < DEPARTMENT_COUNT; d++)
		for (int r = 0; r < 3 && departments[d].roles[r].role; r++)
			for (int k = 0; k < departments[d].roles[r].count; k++) {
				memset(&st[n], 0, sizeof st[n]);
				st[n].dept = (unsigned char)d;
				st[n].role = departments[d].roles[r].role;
				n++;
			}
	s->count = n;
	/* Staff numbers follow hiring order, not departments. */
	for (int i = n - 1; i > 0; i--) {
		int j = (int)rng_below(rng, (unsigned)i + 1);
		struct employee t = st[i];
		st[i] = st[j];
		st[j] = t;
	}
	for (int i = 0; i < n; i++) {
		struct employee *e = &st[i];
		employee_set_id(e, i + 1, 3);
		e->score = departments[e->dept].adoption_bias + rng_between(rng, 0, 70);
		e->spelling = (unsigned char)rng_below(rng, SPELLINGS);
		e->adopt_wave = 99;
		e->adopt_day = NEVER;
		e->train_day = -1;
		e->mentor = -1;
		e->saving_bonus = rng_between(rng, -80, 120);
		e->skill = 140 + rng_between(rng, 0, 120) + (e->dept == DEPT_ENGINEERING ? 20 : 0);
		e->vacation_first = random_workday(rng, days_from_civil(2026, 7, 6),
						   days_from_civil(2026, 8, 10));
		order[i] = i;
	}

	/* Adoption in waves: the cumulative quotas give about 28 %, 48 % and 67 % of
	 * the staff; the best-ranked six become the AI champions. */
	static const int quota[WAVES] = {24, 17, 16};
	static const int adopt_window[WAVES][2][2] = {
		{{1, 7}, {2, 27}}, {{3, 23}, {5, 29}}, {{6, 22}, {8, 21}},
	};
	ranking_staff = st;
	qsort(order, (size_t)n, sizeof order[0], by_score_desc);
	int pos = 0;
	for (int w = 0; w < WAVES; w++)
		for (int k = 0; k < quota[w] && pos < n; k++, pos++)
			st[order[pos]].adopt_wave = w;
	for (int k = 0; k < 6; k++) {
		struct employee *e = &st[order[k]];
		e->champion = 1;
		e->skill = 330 + rng_between(rng, 0, 50);
		e->saving_bonus += 60;
	}

	/* The best-ranked buyer is the one who tries AI on contracts. */
	s->contract_user = -1;
	for (int k = 0; k < n && s->contract_user < 0; k++)
		if (st[order[k]].dept == DEPT_INKOOP)
			s->contract_user = order[k];
	if (st[s->contract_user].adopt_wave > 1)
		st[s->contract_user].adopt_wave = 1;

	/* The keenest adopters of each wave are trained first, in the last session
	 * before they start; the fixed quotas keep the training cost of each quarter
	 * (the largest cost item) independent of the random stream.  Trained people
	 * of the third wave start after the July session. */
	static const int trained_quota[WAVES] = {14, 9, 6};
	int trained_in_wave[WAVES] = {0, 0, 0};
	for (int k = 0; k < n; k++) {
		struct employee *e = &st[order[k]];
		int w = e->adopt_wave;
		if (w >= WAVES)
			continue;
		int trained = trained_in_wave[w] < trained_quota[w];
		long first = days_from_civil(2026, adopt_window[w][0][0], adopt_window[w][0][1]);
		long last = days_from_civil(2026, adopt_window[w][1][0], adopt_window[w][1][1]);
		if (trained && w == 2)
			first = days_from_civil(2026, 7, 8);
		e->adopt_day = random_workday(rng, first, last);
		if (trained) {
			e->train_day = training_session_before(e->adopt_day);
			trained_in_wave[w]++;
		}
	}
	/* Three late starters are trained in September, before they use AI. */
	for (int k = 0, trained = 0; k < n && trained < 3; k++) {
		struct employee *e = &st[order[n - 1 - k]];
		if (e->adopt_wave >= WAVES && e->dept != DEPT_DIRECTIE) {
			e->train_day = days_from_civil(2026, 9, 8);
			trained++;
		}
	}

	/* Buddies: from Q2 on, most low-skill staff get a champion as mentor, from
	 * their own department where there is one. */
	for (int i = 0; i < n; i++) {
		struct employee *e = &st[i];
		if (e->champion || e->skill >= 210)
			continue;
		if (rng_chance(rng, 550))
			e->mentor_from_wave = 1;
		else if (rng_chance(rng, 350))
			e->mentor_from_wave = 2;
		else
			continue;
		int candidates[6], nc = 0;
		for (int k = 0; k < 6; k++)
			if (st[order[k]].dept == e->dept)
				candidates[nc++] = order[k];
		if (nc == 0)
			for (int k = 0; k < 6; k++)
				candidates[nc++] = order[k];
		e->mentor = candidates[rng_below(rng, (unsigned)nc)];
	}
}

static void sample_answer(struct sample *s, uint64_t *rng, struct survey_row *r, int emp,
			  int w, long day)
{
	const struct employee *e = &s->staff[emp];
	int quarters_active = e->adopt_wave <= w ? w - e->adopt_wave + 1 : 0;
	int level = e->skill + w * 10 + (quarters_active ? 25 + 40 * quarters_active : 0);

	r->emp = emp;
	r->day = day;
	if (quarters_active) {
		int t = 10 + 10 * (quarters_active - 1) + 10 * rng_between(rng, 0, 2) +
			(e->champion ? 10 : 0) + (rng_chance(rng, 200) ? 5 : 0);
		r->ai_tenths = t > 50 ? 50 : t;
	} else {
		r->ai_tenths = rng_chance(rng, 350) ? 5 : 0;
	}
	for (int d = 0; d < DIMENSIONS; d++)
		r->scores[d] = likert(rng, level, d);
	if (rng_chance(rng, 150))
		r->satisfaction = 0;
	else
		r->satisfaction = quarters_active ? rng_between(rng, 3, 5) : rng_between(rng, 2, 4);
	r->training_day = e->train_day >= 0 && e->train_day <= day ? e->train_day : -1;
	r->mentor = e->mentor >= 0 && w >= e->mentor_from_wave ? e->mentor : -1;
}

static int survey_order(const void *a, const void *b)
{
	const struct survey_row *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->emp != y->emp)
		return x->emp < y->emp ? -1 : 1;
	return (x->broken > y->broken) - (x->broken < y->broken);
}

/* The n-th respondent (0-based) of wave w with the given property, or NULL. */
static struct survey_row *find_response(struct sample *s, int w, int dept, int nth)
{
	for (size_t i = 0; i < s->survey_len; i++) {
		struct survey_row *r = &s->survey[i];
		if (r->broken || r->day < wave_first(w) || r->day > wave_last(w))
			continue;
		if (s->staff[r->emp].champion || (dept >= 0 && s->staff[r->emp].dept != dept))
			continue;
		if (nth-- == 0)
			return r;
	}
	fatal("%s", "sample survey has too few respondents");
	return NULL;
}

static void sample_survey(struct sample *s, uint64_t *rng)
{
	/* A fixed number of people skip each wave (response 84 %, 86 %, 88 %);
	 * champions always answer, AI users skip half as often as the others. */
	static const int skipping[WAVES] = {14, 12, 10};
	for (int w = 0; w < WAVES; w++) {
		unsigned char skips[SAMPLE_STAFF] = {0};
		for (int skipped = 0; skipped < skipping[w];) {
			int i = (int)rng_below(rng, (unsigned)s->count);
			const struct employee *e = &s->staff[i];
			if (skips[i] || e->champion || (e->adopt_wave <= w && rng_chance(rng, 500)))
				continue;
			skips[i] = 1;
			skipped++;
		}
		for (int i = 0; i < s->count; i++) {
			if (skips[i])
				continue;
			long day = random_workday(rng, wave_first(w), wave_last(w));
			sample_answer(s, rng, survey_add(s), i, w, day);
		}
	}
	qsort(s->survey, s->survey_len, sizeof *s->survey, survey_order);

	/* Two people answer twice in one quarter: the earlier answer is superseded.
	 * The second answer stays inside the quarter (waves end mid-month). */
	for (int w = 1; w < WAVES; w++) {
		struct survey_row *r = find_response(s, w, -1, 7 * w);
		long day = r->day - rng_between(rng, 3, 8);
		if (day < wave_first(w))
			day = r->day + rng_between(rng, 3, 8);
		while (is_weekend(day))
			day--;
		int emp = r->emp;
		sample_answer(s, rng, survey_add(s), emp, w, day);
	}
	qsort(s->survey, s->survey_len, sizeof *s->survey, survey_order);

	/* Invalid rows.  A later copy with a Likert 6 (it must not supersede the valid
	 * answer); the others replace a person's only answer of the wave. */
	struct survey_row *r = find_response(s, 1, -1, 20);
	struct survey_row copy = *r;
	copy.day += 3;
	while (is_weekend(copy.day))
		copy.day++;
	copy.broken = BROKEN_LIKERT;
	*survey_add(s) = copy;
	r = find_response(s, 0, DEPT_ADMINISTRATIE, 1);
	r->broken = BROKEN_FIELD_COUNT;
	r = find_response(s, 1, -1, 40);
	r->broken = BROKEN_DATE;
	r = find_response(s, 2, -1, 30);
	r->broken = BROKEN_RANGE;
	qsort(s->survey, s->survey_len, sizeof *s->survey, survey_order);
}

static void sample_timesheet(struct sample *s, uint64_t *rng)
{
	long year_first = days_from_civil(2026, 1, 1), year_last = days_from_civil(2026, 9, 30);
	for (long day = year_first; day <= year_last; day++) {
		if (is_weekend(day) || is_holiday_2026(day))
			continue;
		for (int i = 0; i < s->count; i++) {
			const struct employee *e = &s->staff[i];
			const struct department *dept = &departments[e->dept];
			if (day >= e->vacation_first && day < e->vacation_first + 21)
				continue;
			if (!rng_chance(rng, (unsigned)dept->entries_permille))
				continue;
			int entries = rng_chance(rng, 200) ? 2 : 1;
			for (int k = 0; k < entries; k++) {
				struct timesheet_row *r = timesheet_add(s);
				r->emp = i;
				r->day = day;
				r->use_case = pick_use_case(rng, dept);
				r->items = pick_items(rng, &use_cases[r->use_case]);
				r->items_empty = r->items == 1 && rng_chance(rng, 100);
				r->ai = rng_chance(rng, ai_chance(e, day));
				if (r->use_case == UC_CONTRACT && i != s->contract_user)
					r->ai = 0;
				r->minutes = entry_minutes(rng, e, r->use_case, r->items, r->ai, day);
			}
		}
	}

	/* Invalid rows, each replacing one entry. */
	static const struct {
		int month, day;
		enum broken kind;
	} broken[] = {
		{2, 27, BROKEN_DATE},    {4, 15, BROKEN_TEXT},        {5, 20, BROKEN_BOOLEAN},
		{7, 1, BROKEN_FIELD_COUNT}, {8, 26, BROKEN_RANGE},
	};
	for (size_t b = 0; b < sizeof broken / sizeof broken[0]; b++) {
		long day = days_from_civil(2026, broken[b].month, broken[b].day);
		size_t first = 0, count = 0;
		while (first < s->timesheet_len && s->timesheet[first].day < day)
			first++;
		while (first + count < s->timesheet_len && s->timesheet[first + count].day == day)
			count++;
		if (count == 0)
			fatal("%s", "sample timesheet has no entry on a chosen day");
		/* An entry from the middle of the day; a slipped digit needs 145+ minutes. */
		size_t pick = first + count / 2;
		for (size_t i = pick; i < first + count && broken[b].kind == BROKEN_RANGE; i++)
			if (s->timesheet[i].minutes * 10 > 1440) {
				pick = i;
				break;
			}
		s->timesheet[pick].broken = broken[b].kind;
	}
}

static void write_sample(const char *dir, uint64_t seed)
{
	struct sample *s = calloc(1, sizeof *s);
	uint64_t rng = seed;
	struct out o;

	if (!s)
		fatal("%s", "out of memory");
	sample_build_staff(s, &rng);
	sample_survey(s, &rng);
	sample_timesheet(s, &rng);

	out_open(&o, dir, "survey.csv");
	out_reserve_row(&o);
	put_str(&o, SURVEY_HEADER);
	for (size_t i = 0; i < s->survey_len; i++)
		write_survey_row(&o, s->staff, &s->survey[i]);
	out_close(&o);

	out_open(&o, dir, "timesheet.csv");
	out_reserve_row(&o);
	put_str(&o, TIMESHEET_HEADER);
	for (size_t i = 0; i < s->timesheet_len; i++)
		write_timesheet_row(&o, s->staff, &s->timesheet[i]);
	out_close(&o);

	free(s->survey);
	free(s->timesheet);
	free(s);
}

/* ---------------------------------------------------------------- benchmark data */

#define SPAN_FIRST_YEAR 2024
#define SPAN_MONTHS 33 /* 2024-01 .. 2026-09 */

struct large {
	struct employee *staff;
	int count;
	long first, last;       /* 2024-01-01 .. 2026-09-30 */
	long *workdays;
	int workday_count;
	char (*dates)[11];      /* text of every day of the span */
	unsigned char dept_use_case[DEPARTMENT_COUNT][100];
};

static const char *large_date(const struct large *l, long day)
{
	return l->dates[day - l->first];
}

static void large_build(struct large *l, int employees, uint64_t *rng)
{
	l->first = days_from_civil(SPAN_FIRST_YEAR, 1, 1);
	l->last = days_from_civil(2026, 9, 30);
	long span = l->last - l->first + 1;
	l->dates = malloc((size_t)span * sizeof *l->dates);
	l->workdays = malloc((size_t)span * sizeof *l->workdays);
	l->staff = calloc((size_t)employees, sizeof *l->staff);
	if (!l->dates || !l->workdays || !l->staff)
		fatal("%s", "out of memory");
	l->workday_count = 0;
	for (long d = l->first; d <= l->last; d++) {
		date_text(d, l->dates[d - l->first]);
		if (!is_weekend(d))
			l->workdays[l->workday_count++] = d;
	}
	for (int d = 0; d < DEPARTMENT_COUNT; d++) {
		int k = 0;
		for (int u = 0; u < UC_COUNT; u++)
			for (int n = 0; n < departments[d].mix[u]; n++)
				l->dept_use_case[d][k++] = (unsigned char)u;
	}

	/* Departments in the sample's proportions, the remainder to the largest. */
	int width = 3;
	for (int v = employees; v >= 1000; v /= 10)
		width++;
	int dept_of[DEPARTMENT_COUNT], assigned = 0;
	for (int d = 0; d < DEPARTMENT_COUNT; d++) {
		dept_of[d] = (int)((long)departments[d].size * employees / SAMPLE_STAFF);
		assigned += dept_of[d];
	}
	dept_of[0] += employees - assigned;
	l->count = employees;
	for (int i = 0, d = 0, in_dept = 0; i < employees; i++) {
		while (in_dept >= dept_of[d])
			d++, in_dept = 0;
		struct employee *e = &l->staff[i];
		int r = in_dept * 100 / (dept_of[d] ? dept_of[d] : 1), acc = 0, total = 0;
		for (int k = 0; k < 3 && departments[d].roles[k].role; k++)
			total += departments[d].roles[k].count;
		e->role = departments[d].roles[0].role;
		for (int k = 0; k < 3 && departments[d].roles[k].role; k++) {
			acc += departments[d].roles[k].count;
			if (r < acc * 100 / total) {
				e->role = departments[d].roles[k].role;
				break;
			}
		}
		e->dept = (unsigned char)d;
		in_dept++;
	}
	/* Shuffle so ids do not follow departments. */
	for (int i = employees - 1; i > 0; i--) {
		int j = (int)rng_below(rng, (unsigned)i + 1);
		struct employee t = l->staff[i];
		l->staff[i] = l->staff[j];
		l->staff[j] = t;
	}
	for (int i = 0; i < employees; i++) {
		struct employee *e = &l->staff[i];
		employee_set_id(e, i + 1, width);
		e->spelling = (unsigned char)rng_below(rng, SPELLINGS);
		e->saving_bonus = rng_between(rng, -80, 120);
		e->skill = 140 + rng_between(rng, 0, 120);
		e->mentor = -1;
		e->train_day = -1;
		/* Adoption spreads evenly from the fourth month: about 65 % by the end. */
		long adopt = l->first + 90 + rng_between(rng, 0, 1400);
		e->adopt_day = adopt <= l->last ? adopt : NEVER;
		if (e->adopt_day != NEVER && rng_chance(rng, 700))
			e->train_day = e->adopt_day - rng_between(rng, 0, 14);
	}
	for (int i = 0; i < employees; i++)
		if (l->staff[i].skill < 200 && employees > 1 && rng_chance(rng, 500)) {
			int m = (int)rng_below(rng, (unsigned)employees);
			l->staff[i].mentor = m != i ? m : (i + 1) % employees;
		}
}

static void large_free(struct large *l)
{
	free(l->staff);
	free(l->workdays);
	free(l->dates);
}

static void write_large_timesheet(const char *dir, const struct large *l, unsigned long rows,
				  uint64_t *rng)
{
	struct out o;
	out_open(&o, dir, "timesheet.csv");
	out_reserve_row(&o);
	put_str(&o, TIMESHEET_HEADER);

	size_t name_len[UC_COUNT], dept_len[DEPARTMENT_COUNT];
	for (int u = 0; u < UC_COUNT; u++)
		name_len[u] = strlen(use_cases[u].name);
	for (int d = 0; d < DEPARTMENT_COUNT; d++)
		dept_len[d] = strlen(departments[d].name);

	for (unsigned long i = 0; i < rows; i++) {
		struct timesheet_row r;
		r.emp = (int)rng_below(rng, (unsigned)l->count);
		const struct employee *e = &l->staff[r.emp];
		/* Dates ascend from the first to the last working day of the span. */
		r.day = l->workdays[rows > 1 ? (uint64_t)i * (uint64_t)(l->workday_count - 1) / (rows - 1)
					     : (uint64_t)l->workday_count - 1];
		r.use_case = l->dept_use_case[e->dept][rng_below(rng, 100)];
		r.items = pick_items(rng, &use_cases[r.use_case]);
		r.items_empty = r.items == 1 && rng_chance(rng, 100);
		r.ai = rng_chance(rng, ai_chance(e, r.day));
		r.minutes = entry_minutes(rng, e, r.use_case, r.items, r.ai, r.day);
		r.broken = BROKEN_NONE;
		if (i % 50000 == 49999) {
			static const enum broken kinds[] = {BROKEN_TEXT, BROKEN_BOOLEAN,
							     BROKEN_FIELD_COUNT, BROKEN_RANGE,
							     BROKEN_DATE};
			r.broken = kinds[(i / 50000) % 5];
		}
		if (r.broken != BROKEN_NONE && r.broken != BROKEN_DATE) {
			write_timesheet_row(&o, l->staff, &r);
			continue;
		}
		if (r.broken == BROKEN_DATE) {
			/* 30 February of the row's year: not in any calendar */
			out_reserve_row(&o);
			put_bytes(&o, e->id, e->id_len);
			put_char(&o, ',');
			put_bytes(&o, large_date(l, r.day), 4);
			put_str(&o, "-02-30");
		} else {
			/* The hot path: the same row as write_timesheet_row() with
			 * precomputed texts. */
			out_reserve_row(&o);
			put_bytes(&o, e->id, e->id_len);
			put_char(&o, ',');
			put_bytes(&o, large_date(l, r.day), 10);
		}
		put_char(&o, ',');
		put_bytes(&o, use_cases[r.use_case].name, name_len[r.use_case]);
		put_char(&o, ',');
		put_uint(&o, (unsigned long)r.minutes);
		put_char(&o, ',');
		put_str(&o, r.ai ? spelling_yes[e->spelling] : spelling_no[e->spelling]);
		put_char(&o, ',');
		if (!r.items_empty)
			put_uint(&o, (unsigned long)r.items);
		put_char(&o, ',');
		put_bytes(&o, departments[e->dept].name, dept_len[e->dept]);
		put_char(&o, '\n');
	}
	out_close(&o);
}

static void write_large_survey(const char *dir, const struct large *l, unsigned long rows,
			       uint64_t *rng)
{
	struct out o;
	out_open(&o, dir, "survey.csv");
	out_reserve_row(&o);
	put_str(&o, SURVEY_HEADER);

	for (unsigned long i = 0; i < rows; i++) {
		/* A monthly pulse: rows run through the months in order, the last row in
		 * the last month, and through the staff round-robin, so everyone answers
		 * about equally often. */
		int month = rows > 1 ? (int)((uint64_t)i * (SPAN_MONTHS - 1) / (rows - 1))
				     : SPAN_MONTHS - 1;
		int emp = (int)(i % (unsigned long)l->count);
		const struct employee *e = &l->staff[emp];
		int y = SPAN_FIRST_YEAR + month / 12, m = month % 12 + 1;
		struct survey_row r;
		r.emp = emp;
		r.day = days_from_civil(y, m, rng_between(rng, 1, 28));

		long since = e->adopt_day == NEVER || r.day < e->adopt_day ? -1 : r.day - e->adopt_day;
		int level = e->skill + (int)((r.day - l->first) / 30) * 3;
		if (since >= 0) {
			long q = since / 91;
			level += 25 + (int)(q > 4 ? 4 : q) * 40;
			int t = 10 + (int)(q > 3 ? 3 : q) * 10 + 10 * rng_between(rng, 0, 1);
			r.ai_tenths = t > 50 ? 50 : t;
		} else {
			r.ai_tenths = rng_chance(rng, 350) ? 5 : 0;
		}
		for (int d = 0; d < DIMENSIONS; d++)
			r.scores[d] = likert(rng, level, d);
		r.satisfaction = rng_chance(rng, 150) ? 0 : since >= 0 ? rng_between(rng, 3, 5)
								       : rng_between(rng, 2, 4);
		r.training_day = e->train_day >= 0 && e->train_day <= r.day ? e->train_day : -1;
		r.mentor = e->mentor;
		r.broken = BROKEN_NONE;
		if (i % 2000 == 1999) {
			static const enum broken kinds[] = {BROKEN_LIKERT, BROKEN_FIELD_COUNT,
							     BROKEN_RANGE};
			r.broken = kinds[(i / 2000) % 3];
		}
		write_survey_row(&o, l->staff, &r);
	}
	out_close(&o);
}

/* ---------------------------------------------------------------- command line */

static void usage(FILE *f)
{
	fprintf(f,
		"usage: %s --out DIR [--sample]\n"
		"       %s --out DIR [--timesheet-rows N] [--employees E] [--survey-rows S]\n"
		"options: --seed X  change the random stream (default: fixed)\n"
		"Writes DIR/survey.csv and DIR/timesheet.csv.  Without sizes: the sample\n"
		"company; with a size: benchmark data (defaults N=100000 E=250 S=10000).\n",
		program, program);
}

static unsigned long parse_count(const char *opt, const char *s, unsigned long max)
{
	char *end;
	errno = 0;
	if (!s || *s < '0' || *s > '9')
		fatal("%s needs a non-negative whole number", opt);
	unsigned long long v = strtoull(s, &end, 10);
	if (errno || *end || v > max)
		fatal("%s: value out of range", opt);
	return (unsigned long)v;
}

int main(int argc, char **argv)
{
	const char *dir = NULL;
	int sample = 0, sized = 0;
	unsigned long timesheet_rows = 100000, survey_rows = 10000, employees = 250;
	uint64_t seed = 20260930;

	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		const char *v = i + 1 < argc ? argv[i + 1] : NULL;
		if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
			usage(stdout);
			return 0;
		} else if (!strcmp(a, "--sample")) {
			sample = 1;
		} else if (!strcmp(a, "--out")) {
			if (!v)
				fatal("%s needs a directory", a);
			dir = v, i++;
		} else if (!strcmp(a, "--timesheet-rows")) {
			timesheet_rows = parse_count(a, v, 1000000000UL), i++, sized = 1;
		} else if (!strcmp(a, "--survey-rows")) {
			survey_rows = parse_count(a, v, 100000000UL), i++, sized = 1;
		} else if (!strcmp(a, "--employees")) {
			employees = parse_count(a, v, 1000000UL), i++, sized = 1;
		} else if (!strcmp(a, "--seed")) {
			seed = (uint64_t)parse_count(a, v, ULONG_MAX), i++;
		} else {
			usage(stderr);
			fatal("unknown argument '%s'", a);
		}
	}
	if (!dir) {
		usage(stderr);
		fatal("%s", "--out DIR is required");
	}
	if (sample && sized)
		fatal("%s", "--sample takes no sizes");
	if (sized && employees == 0)
		fatal("%s", "--employees must be at least 1");
	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		fatal("cannot create directory %s", dir);

	if (!sized) {
		write_sample(dir, seed);
		return 0;
	}
	struct large l;
	uint64_t rng = seed;
	large_build(&l, (int)employees, &rng);
	write_large_survey(dir, &l, survey_rows, &rng);
	write_large_timesheet(dir, &l, timesheet_rows, &rng);
	large_free(&l);
	return 0;
}
