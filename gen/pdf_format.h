/* pdf_format.h - the words and figures of assessment.pdf as printed, in the
 * report's language.  Every string returned lives in the writer's arena (keep)
 * until the writer ends; none is freed by the caller. */
#ifndef AIREPORT_PDF_FORMAT_H
#define AIREPORT_PDF_FORMAT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pdf_canvas.h"
#include "report.h"

struct pdf;   /* pdf_layout.h */

#define DASH "\xE2\x80\x94"        /* — shown for a suppressed figure */
#define UP_ARROW "\xE2\x96\xB2"    /* ▲ */
#define DOWN_ARROW "\xE2\x96\xBC"  /* ▼ */
#define CHECK_MARK "\xE2\x9C\x93"  /* ✓ */
#define CROSS_MARK "\xE2\x9C\x97"  /* ✗ */
#define WARN_SIGN "\xE2\x9A\xA0"   /* ⚠ */
#define BULLET "\xE2\x80\xA2"      /* • */
#define MIDDOT "\xC2\xB7"          /* · */

/* Hands the xmalloc'd s to the writer, which frees it at the end; returns s. */
const char *keep(struct pdf *p, char *s);
/* The translation of key with its blanks {1}..{9} filled from the NULL-terminated
 * arguments. */
const char *trf(struct pdf *p, const char *key, ...);
/* The translation of key (static text, not in the arena). */
const char *T(const struct pdf *p, const char *key);

const char *num(struct pdf *p, double v, int decimals);
const char *pct(struct pdf *p, double v, int decimals);
const char *money(struct pdf *p, double v);
/* A rate or cost from the rules: cents only when it has them (22,50 stays 22,50). */
const char *money_exact(struct pdf *p, double v);
const char *integer(struct pdf *p, long v);
const char *date_text(struct pdf *p, int32_t days);
/* "2026-Q3" */
const char *period_label(struct pdf *p, int year, int quarter);

enum fig_kind { FK_PERCENT, FK_NUMBER1, FK_NUMBER0, FK_MONEY, FK_LEVEL };
/* A figure as printed: "—" when suppressed, "n/a" in the language when not
 * available, else formatted. */
const char *fig_text(struct pdf *p, struct figure f, enum fig_kind kind);
/* A target from the rules: decimals only when it has them. */
const char *target_text(struct pdf *p, struct opt_number t, bool percent);

/* The recurring notes: why a figure is "—", how many groups are not shown, and
 * the source lines under charts and tables. */
const char *suppressed_note_text(struct pdf *p);
/* NULL when count is 0. */
const char *not_shown_text(struct pdf *p, size_t count, bool use_cases);
const char *survey_source(struct pdf *p);
const char *both_source(struct pdf *p);
const char *timesheet_source(struct pdf *p);

static inline bool ok(struct figure f)
{
	return f.status == FIG_OK;
}

static inline struct rgb color(unsigned hex)
{
	return rgb_hex(hex);
}

#endif
