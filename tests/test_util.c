/* test_util.c - the string map, UTF-8 helpers, decimal formatting and slugs. */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "run.h"
#include "tests.h"
#include "util.h"

static void decimals(void)
{
	char s[64];
	format_decimal(s, sizeof(s), 4.0 / 7.0, 6);
	CHECK_STR(s, "0.571429");
	format_decimal(s, sizeof(s), 2.0, 6);
	CHECK_STR(s, "2");
	format_decimal(s, sizeof(s), 10.5, 6);
	CHECK_STR(s, "10.5");
	format_decimal(s, sizeof(s), -0.0000001, 6);
	CHECK_STR(s, "0");                        /* -0 is written 0 */
	format_decimal(s, sizeof(s), -148.0 / 230.0, 6);
	CHECK_STR(s, "-0.643478");
	format_decimal(s, sizeof(s), 1234567.25, 6);
	CHECK_STR(s, "1234567.25");
}

static void maps(void)
{
	struct strmap m = { 0 };
	bool added;
	CHECK_INT(strmap_intern(&m, "E1", 2, &added), 0);
	CHECK(added);
	CHECK_INT(strmap_intern(&m, "E2", 2, &added), 1);
	CHECK_INT(strmap_intern(&m, "E1", 2, &added), 0);
	CHECK(!added);
	CHECK_INT(strmap_find(&m, "E3", 2), (long long)SIZE_MAX);
	char key[16];
	for (int i = 0; i < 1000; i++) {
		int n = snprintf(key, sizeof(key), "k%d", i);
		strmap_intern(&m, key, (size_t)n, NULL);
	}
	CHECK_INT(m.count, 1002);
	CHECK_INT(strmap_find(&m, "k999", 4), 1001);
	CHECK_STR(strmap_key(&m, 1), "E2");
	strmap_free(&m);
}

static void text(void)
{
	CHECK_INT(utf8_length("Zoë", strlen("Zoë")), 3);
	CHECK(utf8_valid("Müller", strlen("Müller")));
	CHECK(!utf8_valid("M\xfcller", 7));
	CHECK(!utf8_valid("\xc0\xaf", 2));        /* overlong */
	CHECK(!utf8_valid("\xed\xa0\x80", 3));    /* surrogate */
	CHECK_INT(ascii_casecmp("Sales", "sALES"), 0);
	CHECK(ascii_casecmp("Ü", "ü") != 0);     /* only ASCII letters fold (§11.14) */
}

static void slugs(void)
{
	static const char *const cases[][2] = {
		{ "Voorbeeld Metaal B.V.", "voorbeeld-metaal-b-v" },
		{ "Example Company B.V.", "example-company-b-v" },
		{ "Müller & Söhne GmbH", "muller-sohne-gmbh" },
		{ "Straße Œuvre Æsir Çava", "strasse-oeuvre-aesir-cava" },
		{ "  --Zoë's Øre--  ", "zoe-s-ore" },
		{ "Ñandú 2026", "nandu-2026" },
		{ "日本", "organisation" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *s = org_slug(cases[i][0]);
		CHECK_STR(s, cases[i][1]);
		free(s);
	}
}

void test_util(void)
{
	decimals();
	maps();
	text();
	slugs();
}
