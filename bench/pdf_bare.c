/*
 * The baseline for bench/pdf.bench.sh and bench/docs.bench.sh: certificate
 * pages written by a bare libharu program (one document, Liberation Serif
 * and Bold through libharu's own UTF-8 font code, no device, no checks).
 *
 * usage: pdf_bare OUTFILE [COUNT [LOGO...]]
 * With logos (PNG files), each page also carries what tandem's certificate
 * carries: a double frame, the logos in a row, the thanks paragraph of
 * four lines and two signatures with their lines, so that the comparison
 * is page for page; the logos are loaded once and shared by all pages.
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

/* What tandem's certificate has beyond the lines above. */
static void
full_page(HPDF_Page pg, HPDF_Font serif, HPDF_Image *logo, int nlogos)
{
	static const char *thanks[] = {
		"Mit Offenheit, Engagement und der Bereitschaft, Neues zu",
		"lernen, hat Aylin Yılmaz die Chancen des Mentorings genutzt",
		"und die eigene berufliche Entwicklung gezielt in die Hand",
		"genommen. Dazu gratulieren wir herzlich.",
	};

	HPDF_Page_SetLineWidth(pg, 1.6);
	HPDF_Page_Rectangle(pg, 28, 28, 539, 786);
	HPDF_Page_Stroke(pg);
	HPDF_Page_SetLineWidth(pg, 0.5);
	HPDF_Page_Rectangle(pg, 33, 33, 529, 776);
	HPDF_Page_Stroke(pg);
	for (int i = 0; i < nlogos; i++)
		HPDF_Page_DrawImage(pg, logo[i], (HPDF_REAL)(71 + 157 * i),
		    709, 138, 46);
	for (int i = 0; i < 4; i++)
		show(pg, serif, 12.5, 470 + 18 * i, thanks[i]);
	for (int i = 0; i < 2; i++) {
		HPDF_Page_MoveTo(pg, (HPDF_REAL)(90 + 240 * i), 118);
		HPDF_Page_LineTo(pg, (HPDF_REAL)(270 + 240 * i), 118);
		HPDF_Page_Stroke(pg);
		show(pg, serif, 10, 738 + 14 * i, i ? "Bürgermeister" :
		    "Oberbürgermeisterin");
	}
	show(pg, serif, 8, 796, "Urkunden-Nr. ICM-2025-0001-M");
}

int
main(int argc, char *argv[])
{
	HPDF_Doc pdf;
	HPDF_Font serif, bold;
	HPDF_Image logo[3];
	struct timespec t0, t1;
	char name[64];
	int n = argc > 2 ? atoi(argv[2]) : 1000, nlogos = 0;

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
	for (int i = 3; i < argc && nlogos < 3; i++)
		logo[nlogos++] = HPDF_LoadPngImageFromFile(pdf, argv[i]);
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
		if (nlogos > 0)
			full_page(pg, serif, logo, nlogos);
	}
	HPDF_SaveToFile(pdf, argv[1]);
	HPDF_Free(pdf);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("bare libharu, one file: %d pages in %.3f s\n", n,
	    (double)(t1.tv_sec - t0.tv_sec) +
	    (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
