/* out_docs.c - assessment.pdf and roi.xlsx side by side (see out_docs.h).  The
 * two writers share nothing but the report they read: libharu and
 * libxlsxwriter keep their state per document, and our own lazily built table
 * (the translations' index, i18n.c) is built once under pthread_once.  Their
 * messages are held until both are done and told in the order of one thread,
 * the workbook's only when the PDF succeeded. */
#include "out_docs.h"

#include <pthread.h>
#include <stdlib.h>

#include "heap.h"
#include "out_pdf.h"
#include "out_xlsx.h"
#include "util.h"

struct pdf_job {
	const struct report *r;
	const char *path;
	FILE *err;                      /* a memory stream */
	int status;
};

static void *pdf_job_run(void *arg)
{
	heap_thread_setup();
	struct pdf_job *job = arg;
	job->status = pdf_write_assessment(job->r, job->path, job->err);
	return NULL;
}

/* Copies a memory stream's text to err and frees it. */
static void tell(FILE *f, char **text, size_t *len, FILE *err, bool show)
{
	fclose(f);
	if (show && *len)
		fwrite(*text, 1, *len, err);
	free(*text);
}

int write_documents(const struct report *r, const char *pdf_path, const char *xlsx_path,
                    bool concurrent, FILE *err)
{
	char *pdf_text = NULL, *xlsx_text = NULL;
	size_t pdf_len = 0, xlsx_len = 0;
	FILE *pdf_err = NULL, *xlsx_err = NULL;
	pthread_t thread;
	struct pdf_job job = { .r = r, .path = pdf_path };
	if (concurrent) {
		pdf_err = open_memstream(&pdf_text, &pdf_len);
		xlsx_err = open_memstream(&xlsx_text, &xlsx_len);
		job.err = pdf_err;
		if (!pdf_err || !xlsx_err || pthread_create(&thread, NULL, pdf_job_run, &job) != 0) {
			if (pdf_err)
				tell(pdf_err, &pdf_text, &pdf_len, err, false);
			if (xlsx_err)
				tell(xlsx_err, &xlsx_text, &xlsx_len, err, false);
			xlsx_err = NULL;
		}
	}
	if (!xlsx_err) {   /* one after the other */
		int status = pdf_write_assessment(r, pdf_path, err);
		return status ? status : xlsx_write_roi(r, xlsx_path, err);
	}
	int xlsx_status = xlsx_write_roi(r, xlsx_path, xlsx_err);
	pthread_join(thread, NULL);
	tell(pdf_err, &pdf_text, &pdf_len, err, true);
	tell(xlsx_err, &xlsx_text, &xlsx_len, err, job.status == 0);
	return job.status ? job.status : xlsx_status;
}
