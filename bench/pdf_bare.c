/*
 * The baseline for bench/pdf.bench.sh: the same 1,000 certificate pages
 * written by a bare libharu program (one document, Liberation Serif and
 * Bold through libharu's own UTF-8 font code, no device, no checks).
 *
 * usage: pdf_bare OUTFILE [COUNT]
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include <hpdf.h>

#define SERIF	"/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf"
#define BOLD	"/usr/share/fonts/truetype/liberation/LiberationSerif-Bold.ttf"

static void
on_error(HPDF_STATUS e, HPDF_STATUS d, void *u)
{
	(void)u;
	fprintf(stderr, "pdf_bare: libharu error 0x%04X/%u\n", (unsigned)e,
	    (unsigned)d);
	exit(1);
}

static void
show(HPDF_Page pg, HPDF_Font f, double size, double y, const char *s)
{
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetFontAndSize(pg, f, (HPDF_REAL)size);
	HPDF_Page_TextOut(pg, (HPDF_REAL)(297 - HPDF_Page_TextWidth(pg, s) / 2),
	    (HPDF_REAL)(842 - y), s);
	HPDF_Page_EndText(pg);
}

int
main(int argc, char *argv[])
{
	HPDF_Doc pdf;
	HPDF_Font serif, bold;
	struct timespec t0, t1;
	char name[64];
	int n = argc > 2 ? atoi(argv[2]) : 1000;

	if (argc < 2) {
		fprintf(stderr, "usage: pdf_bare OUTFILE [COUNT]\n");
		return 64;
	}
	clock_gettime(CLOCK_MONOTONIC, &t0);
	pdf = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	serif = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, SERIF,
	    HPDF_TRUE), "UTF-8");
	bold = HPDF_GetFont(pdf, HPDF_LoadTTFontFromFile(pdf, BOLD,
	    HPDF_TRUE), "UTF-8");
	for (int i = 0; i < n; i++) {
		HPDF_Page pg = HPDF_AddPage(pdf);

		HPDF_Page_SetSize(pg, HPDF_PAGE_SIZE_A4, HPDF_PAGE_PORTRAIT);
		snprintf(name, sizeof(name), "Aylin Yılmaz %d", i);
		show(pg, bold, 30, 200, "Urkunde");
		show(pg, serif, 14, 260, "Hiermit wird bestätigt, dass");
		show(pg, bold, 28, 320, name);
		show(pg, serif, 14, 370, "hat als Mentee teilgenommen");
		show(pg, serif, 14, 392, "am Interkommunalen Cross-Mentoring "
		    "Köln–Düsseldorf");
		show(pg, serif, 14, 414, "vom 15. August 2022 bis 15. "
		    "November 2023.");
		HPDF_Page_SetLineWidth(pg, 0.5);
		HPDF_Page_MoveTo(pg, 120, 242);
		HPDF_Page_LineTo(pg, 475, 242);
		HPDF_Page_Stroke(pg);
		show(pg, serif, 11, 620, "Dr. Maria Beispiel, "
		    "Oberbürgermeisterin");
		show(pg, serif, 11, 700, "Köln, 15. November 2023");
	}
	HPDF_SaveToFile(pdf, argv[1]);
	HPDF_Free(pdf);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("bare libharu, one file: %d pages in %.3f s\n", n,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
