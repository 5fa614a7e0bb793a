/* main.c - the command line (SPEC §1). */
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "batch.h"
#include "csvin.h"
#include "fsutil.h"
#include "heap.h"
#include "init_rules.h"
#include "share.h"
#include "run.h"
#include "util.h"

#define AIREPORT_VERSION "1.0.0"

static void usage(FILE *f)
{
	fputs(
"Usage: aireport [OPTIONS]\n"
"Reads an employee survey, a time-tracking export and a rules file and writes\n"
"assessment.pdf, roi.xlsx and metrics.csv to OUT/<organisation>/<period>/, and\n"
"the rows it could not use to rejects/rejects.csv there.\n"
"\n"
"  -s, --survey FILE      survey CSV            (default input/survey.csv)\n"
"  -t, --timesheet FILE   time-tracking CSV     (default input/timesheet.csv)\n"
"  -r, --rules FILE       rules INI             (default rules/default.ini)\n"
"  -o, --out DIR          output root           (default output)\n"
"  -p, --period YYYY-Qn   quarter to report     (default: [period] quarter of the rules,\n"
"                                                else the latest quarter with survey rows)\n"
"      --batch DIR        one client per sub-folder of DIR holding rules.ini,\n"
"                         survey.csv and timesheet.csv; each client's reports go\n"
"                         to OUT/<sub-folder>/<period>/ (its folder name, not the\n"
"                         organisation's, so two clients never share a folder)\n"
"  -j, --jobs N           parallel clients with --batch (default: number of CPUs)\n"
"      --threads N        cores that read one timesheet (default: number of CPUs;\n"
"                         with --batch, the CPUs shared out over the -j clients)\n"
"      --strict           any rejected row fails the run\n"
"      --check            read the exports and the rules and say what was found\n"
"                         (format, profile, columns, dates, rejects, quarters);\n"
"                         write no reports; the exit status is the run's\n"
"      --format FMT       output of --check: text (default) or json\n"
"      --init-rules FILE  write a starter rules file for the exports given with\n"
"                         -s and -t (never over an existing file), then stop\n"
"      --no-history       do not read or record OUT/<organisation>/history.sqlite\n"
"                         (nor, with --batch, OUT/benchmark.sqlite)\n"
"      --republish        show earlier quarters' re-issued figures in the trend\n"
"                         (default: as first published)\n"
"  -q, --quiet            no progress, only errors\n"
"      --version          print the version\n"
"      --help             print this help\n"
"\n"
"Exit status:\n"
"  0  success\n"
"  1  input data unusable: missing column, too many rejected rows, no survey rows\n"
"     in the period, or --strict with rejected rows\n"
"  2  usage or rules error\n"
"  3  I/O failure: unreadable input, unwritable output, a history that is\n"
"     locked, corrupt, from a newer version or unwritable (the reports stay)\n"
"With --batch the status is the highest of the clients'.\n"
"\n"
"Every rules key is explained in " AIREPORT_SHARE "/default.ini; the survey as\n"
"ready questions is in " AIREPORT_SHARE "/questionnaire-{nl,en,de}.md.  See man aireport.\n"
"\n"
"Two runs writing into the same OUT/<organisation>/ at the same time take turns:\n"
"the second waits until the first has put its reports in place.\n", f);
}

int main(int argc, char **argv)
{
	/* Every number is formatted by the program itself: keep the C locale so no
	 * library writes a decimal comma (SPEC §6). */
	setlocale(LC_ALL, "C");
	heap_setup();

	enum { OPT_BATCH = 256, OPT_STRICT, OPT_VERSION, OPT_HELP, OPT_CHECK, OPT_FORMAT, OPT_INIT_RULES,
	       OPT_NO_HISTORY, OPT_REPUBLISH, OPT_THREADS };
	static const struct option options[] = {
		{ "survey", required_argument, NULL, 's' },
		{ "timesheet", required_argument, NULL, 't' },
		{ "rules", required_argument, NULL, 'r' },
		{ "out", required_argument, NULL, 'o' },
		{ "period", required_argument, NULL, 'p' },
		{ "batch", required_argument, NULL, OPT_BATCH },
		{ "jobs", required_argument, NULL, 'j' },
		{ "threads", required_argument, NULL, OPT_THREADS },
		{ "strict", no_argument, NULL, OPT_STRICT },
		{ "check", no_argument, NULL, OPT_CHECK },
		{ "format", required_argument, NULL, OPT_FORMAT },
		{ "init-rules", required_argument, NULL, OPT_INIT_RULES },
		{ "no-history", no_argument, NULL, OPT_NO_HISTORY },
		{ "republish", no_argument, NULL, OPT_REPUBLISH },
		{ "quiet", no_argument, NULL, 'q' },
		{ "version", no_argument, NULL, OPT_VERSION },
		{ "help", no_argument, NULL, OPT_HELP },
		{ NULL, 0, NULL, 0 },
	};
	struct run_options opt = {
		.survey = "input/survey.csv", .timesheet = "input/timesheet.csv",
		.rules = "rules/default.ini", .out = "output", .version = AIREPORT_VERSION,
	};
	const char *batch = NULL, *init_rules = NULL;
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	long jobs = cpus, threads = 0;
	int c;
	while ((c = getopt_long(argc, argv, "s:t:r:o:p:j:q", options, NULL)) != -1) {
		switch (c) {
		case 's': opt.survey = optarg; break;
		case 't': opt.timesheet = optarg; break;
		case 'r': opt.rules = optarg; break;
		case 'o': opt.out = optarg; break;
		case 'p': opt.period = optarg; break;
		case 'q': opt.quiet = true; break;
		case OPT_BATCH: batch = optarg; break;
		case OPT_STRICT: opt.strict = true; break;
		case OPT_CHECK: opt.check = true; break;
		case OPT_INIT_RULES: init_rules = optarg; break;
		case OPT_NO_HISTORY: opt.no_history = true; break;
		case OPT_REPUBLISH: opt.republish = true; break;
		case OPT_FORMAT:
			if (strcmp(optarg, "json") != 0 && strcmp(optarg, "text") != 0) {
				fprintf(stderr, "aireport: invalid --format '%s' (expected text or json)\n", optarg);
				return EXIT_USAGE;
			}
			opt.check_json = strcmp(optarg, "json") == 0;
			break;
		case 'j': {
			char *end;
			jobs = strtol(optarg, &end, 10);
			if (*end || jobs < 1 || jobs > 256) {
				fprintf(stderr, "aireport: invalid --jobs '%s' (expected 1-256)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		}
		case OPT_THREADS: {
			char *end;
			threads = strtol(optarg, &end, 10);
			if (*end || threads < 1 || threads > 256) {
				fprintf(stderr, "aireport: invalid --threads '%s' (expected 1-256)\n", optarg);
				return EXIT_USAGE;
			}
			break;
		}
		case OPT_VERSION:
			printf("aireport %s\n", AIREPORT_VERSION);
			return EXIT_OK;
		case OPT_HELP:
			usage(stdout);
			return EXIT_OK;
		default:
			fputs("Try 'aireport --help'.\n", stderr);
			return EXIT_USAGE;
		}
	}
	if (optind < argc) {
		fprintf(stderr, "aireport: unexpected argument '%s'\nTry 'aireport --help'.\n",
		        argv[optind]);
		return EXIT_USAGE;
	}
	if (jobs < 1)
		jobs = 1;
	if (threads == 0)   /* -j clients at a time share the CPUs */
		threads = batch ? (cpus > jobs ? cpus / jobs : 1) : (cpus > 1 ? cpus : 1);
	csvin_set_threads((int)threads);
	if (opt.check_json && !opt.check) {
		fputs("aireport: --format applies to --check\n", stderr);
		return EXIT_USAGE;
	}
	if (opt.check && batch) {
		fputs("aireport: --check reads one client; run it on the client's files\n", stderr);
		return EXIT_USAGE;
	}
	set_quiet(opt.quiet);
	if (init_rules)
		return init_rules_write(init_rules, opt.survey, opt.timesheet, stderr);
	install_signal_cleanup();
	if (batch)
		return batch_run(batch, &opt, (int)jobs);
	return run_client(&opt, NULL, stderr);
}
