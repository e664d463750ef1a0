/*
 * Benchmark of the PDF device: 1,000 certificate-like pages (a large name,
 * some lines of text, a rule) through one device, either as one combined
 * file or as one file each, as the certificates document does.
 *
 * usage: pdf_certs one|many OUTDIR [COUNT [plain|archival]]
 * plain (the default) writes untagged PDF; archival writes what tandem
 * writes: tagged PDF (Document, H1, P, a Form for the signature line) and
 * PDF/A-1b. Prints the wall-clock time;
 * bench/pdf.bench.sh adds memory and sizes.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "device/device.h"
#include "device/font.h"
#include "util/xalloc.h"

static const char *const given[] = {
	"Aylin", "Jan", "Małgorzata", "Şule", "Jürgen", "Zoë", "Özlem",
	"Agnieszka", "Ahmad", "Éloïse", "Björn", "Dragoş",
};
static const char *const family[] = {
	"Yılmaz", "Nowak", "Wiśniewska", "Çelik", "Dąbrowska", "Öztürk",
	"Krüger", "Al-Khwārizmī", "Großmann", "Łukaszewicz", "Ağaoğlu",
	"Schulte-Döring",
};

static int tagged;		/* write structure tags */

/* One centred line of text, as element tag when tagging. */
static void
line(struct device *d, enum dev_tag tag, struct font *f, double size,
    double y, const char *s)
{
	struct dev_color black = { 0, 0, 0 };
	double w = font_width(f, s, strlen(s)) * size / 1000;

	if (tagged)
		d->ops->tag_begin(d, tag, NULL);
	d->ops->text(d, f, size, black, (595.276 - w) / 2, y, s, strlen(s));
	if (tagged)
		d->ops->tag_end(d);
}

/* One certificate page for participant i. */
static void
certificate(struct device *d, struct font *serif, struct font *bold, int i)
{
	struct dev_color grey = { 0.3, 0.3, 0.3 };
	char name[128], role[128];

	snprintf(name, sizeof(name), "%s %s", given[i % 12],
	    family[(i / 12) % 12]);
	snprintf(role, sizeof(role), "hat als %s (Nr. %d) teilgenommen",
	    i % 2 ? "Mentorin" : "Mentee", i + 1);
	d->ops->page(d, 595.276, 841.89);
	if (tagged)
		d->ops->tag_begin(d, DEV_TAG_DOCUMENT, NULL);
	line(d, DEV_TAG_H1, bold, 30, 200, "Urkunde");
	line(d, DEV_TAG_P, serif, 14, 260, "Hiermit wird bestätigt, dass");
	line(d, DEV_TAG_P, bold, 28, 320, name);
	line(d, DEV_TAG_P, serif, 14, 370, role);
	line(d, DEV_TAG_P, serif, 14, 392, "am Interkommunalen "
	    "Cross-Mentoring Köln–Düsseldorf");
	line(d, DEV_TAG_P, serif, 14, 414, "vom 15. August 2022 bis 15. "
	    "November 2023.");
	if (tagged)
		d->ops->tag_begin(d, DEV_TAG_FORM, NULL);
	d->ops->line(d, 120, 600, 475, 600, 0.5, grey);
	line(d, DEV_TAG_P, serif, 11, 620, "Dr. Maria Beispiel, "
	    "Oberbürgermeisterin");
	if (tagged)
		d->ops->tag_end(d);
	line(d, DEV_TAG_P, serif, 11, 700, "Köln, 15. November 2023");
	if (tagged)
		d->ops->tag_end(d);
}

int
main(int argc, char *argv[])
{
	struct dev_info info = { "Teilnahmeurkunde", "Stadt Köln", NULL, NULL,
	    "de-DE", 1700000000, false };
	struct font *serif, *bold;
	struct device *d;
	struct timespec t0, t1;
	const char *err;
	char *path;
	int n = argc > 3 ? atoi(argv[3]) : 1000, many, i, rc = 0;

	if (argc < 3 || (strcmp(argv[1], "one") && strcmp(argv[1], "many")) ||
	    (argc > 4 && strcmp(argv[4], "plain") &&
	    strcmp(argv[4], "archival"))) {
		fprintf(stderr, "usage: pdf_certs one|many OUTDIR "
		    "[COUNT [plain|archival]]\n");
		return 64;
	}
	if (argc > 4 && strcmp(argv[4], "archival") == 0) {
		tagged = 1;
		info.pdfa = true;
	}
	many = strcmp(argv[1], "many") == 0;
	serif = font_open("Liberation Serif:style=Regular", &err);
	bold = font_open("Liberation Serif:style=Bold", &err);
	if (serif == NULL || bold == NULL) {
		fprintf(stderr, "pdf_certs: %s\n", err);
		return 1;
	}
	d = dev_pdf_new();
	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!many)
		rc |= d->ops->begin(d, &info);
	for (i = 0; i < n; i++) {
		if (many)
			rc |= d->ops->begin(d, &info);
		certificate(d, serif, bold, i);
		if (many) {
			path = xasprintf("%s/cert-%04d.pdf", argv[2], i);
			rc |= d->ops->end(d, path);
			free(path);
		}
	}
	if (!many) {
		path = xasprintf("%s/certificates.pdf", argv[2]);
		rc |= d->ops->end(d, path);
		free(path);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("%s, %s: %d pages in %.3f s\n", many ? "separate files" :
	    "one file", tagged ? "tagged PDF/A-1b" : "plain", n, (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	d->ops->free(d);
	font_free(serif);
	font_free(bold);
	return rc != 0;
}
