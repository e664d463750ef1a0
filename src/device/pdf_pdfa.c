/*
 * PDF/A-1b for the PDF device (see pdf_pdfa.h): XMP metadata, output
 * intent, file identifier, version. Uses libharu's object API.
 */
#include <errno.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <zlib.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "device/pdf_pdfa.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* Append s with the five XML special characters escaped. */
static void
xml_text(struct strbuf *b, const char *s)
{
	for (; *s != '\0'; s++)
		switch (*s) {
		case '&':
			sb_adds(b, "&amp;");
			break;
		case '<':
			sb_adds(b, "&lt;");
			break;
		case '>':
			sb_adds(b, "&gt;");
			break;
		case '"':
			sb_adds(b, "&quot;");
			break;
		default:
			/* Control characters are not allowed in XML 1.0. */
			if ((unsigned char)*s >= 0x20 || *s == '\t' ||
			    *s == '\n')
				sb_addc(b, *s);
			break;
		}
}

/* The XMP packet: Dublin Core, XMP basic, Adobe PDF and PDF/A ids, each
 * matching the Info dictionary libharu writes. */
static void
xmp_packet(struct strbuf *b, const struct pdf_meta *m)
{
	sb_adds(b, "<?xpacket begin=\"\xEF\xBB\xBF\" "
	    "id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\"\n"
	    " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
	    " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
	    " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
	    " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
	    "<pdfaid:part>1</pdfaid:part>\n"
	    "<pdfaid:conformance>B</pdfaid:conformance>\n"
	    "<pdf:Producer>");
	sb_adds(b, "Haru Free PDF Library ");	/* as libharu's Info */
	xml_text(b, HPDF_GetVersion());
	sb_adds(b, "</pdf:Producer>\n");
	if (m->keywords != NULL && *m->keywords != '\0') {
		sb_adds(b, "<pdf:Keywords>");
		xml_text(b, m->keywords);
		sb_adds(b, "</pdf:Keywords>\n");
	}
	if (m->creator != NULL) {
		sb_adds(b, "<xmp:CreatorTool>");
		xml_text(b, m->creator);
		sb_adds(b, "</xmp:CreatorTool>\n");
	}
	if (m->date > 0) {
		time_t t = (time_t)m->date;
		struct tm tm;
		char when[32];

		if (gmtime_r(&t, &tm) != NULL &&
		    strftime(when, sizeof(when), "%Y-%m-%dT%H:%M:%S+00:00", &tm)) {
			sb_addf(b, "<xmp:CreateDate>%s</xmp:CreateDate>\n",
			    when);
		}
	}
	if (m->title != NULL && *m->title != '\0') {
		sb_adds(b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(b, m->title);
		sb_adds(b, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (m->author != NULL && *m->author != '\0') {
		sb_adds(b, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(b, m->author);
		sb_adds(b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (m->subject != NULL && *m->subject != '\0') {
		sb_adds(b, "<dc:description><rdf:Alt>"
		    "<rdf:li xml:lang=\"x-default\">");
		xml_text(b, m->subject);
		sb_adds(b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (m->lang != NULL && *m->lang != '\0') {
		sb_adds(b, "<dc:language><rdf:Bag><rdf:li>");
		xml_text(b, m->lang);
		sb_adds(b, "</rdf:li></rdf:Bag></dc:language>\n");
	}
	sb_adds(b, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
}

/* Store v big-endian in n bytes at p. */
static void
icc_put(unsigned char *p, unsigned long v, int n)
{
	while (n-- > 0) {
		p[n] = (unsigned char)(v & 0xFF);
		v >>= 8;
	}
}

/* Store an s15Fixed16Number. */
static void
icc_fixed(unsigned char *p, double v)
{
	long f = lround(v * 65536.0);

	icc_put(p, (unsigned long)f & 0xFFFFFFFFUL, 4);
}

/*
 * The sRGB profile, written here rather than read from a file: an ICC
 * v2.1 display profile of the matrix/TRC kind with the sRGB primaries
 * adapted to D50 (Bradford, as in the IEC 61966-2-1 profile) and one
 * 256-entry tone curve shared by the three channels; 256 entries map
 * every 8-bit value exactly, so nothing is interpolated. 976 bytes (734
 * deflated) in place of icc-profiles-free's 6,922 (2,449 deflated).
 */
static unsigned char *
icc_srgb(size_t *len)
{
	enum { NTAGS = 9, DESC = 240, CPRT = 348, WTPT = 372, RXYZ = 392,
	    GXYZ = 412, BXYZ = 432, TRC = 452, SIZE = 976 };
	static const char name[] = "sRGB IEC61966-2.1";
	static const char copyright[] = "Public Domain";
	static const struct {
		char	 sig[5];
		unsigned off, size;
	} tags[NTAGS] = {
		{ "desc", DESC, CPRT - DESC }, { "cprt", CPRT, 22 },
		{ "wtpt", WTPT, 20 }, { "rXYZ", RXYZ, 20 },
		{ "gXYZ", GXYZ, 20 }, { "bXYZ", BXYZ, 20 },
		{ "rTRC", TRC, SIZE - TRC }, { "gTRC", TRC, SIZE - TRC },
		{ "bTRC", TRC, SIZE - TRC },
	};
	/* Columns X, Y, Z of red, green, blue; then the D50 white. */
	static const double xyz[4][3] = {
		{ 0.4360747, 0.2225045, 0.0139322 },
		{ 0.3850649, 0.7168786, 0.0971045 },
		{ 0.1430804, 0.0606169, 0.7141733 },
		{ 0.9642, 1.0, 0.8249 },
	};
	static const unsigned xyzoff[4] = { RXYZ, GXYZ, BXYZ, WTPT };
	unsigned char *p = xcalloc(SIZE, 1);
	int i, j;

	icc_put(p, SIZE, 4);
	icc_put(p + 8, 0x02100000UL, 4);		/* version 2.1 */
	memcpy(p + 12, "mntrRGB XYZ ", 12);
	icc_put(p + 24, 2026, 2);			/* 2026-01-01 */
	icc_put(p + 26, 1, 2);
	icc_put(p + 28, 1, 2);
	memcpy(p + 36, "acsp", 4);
	for (j = 0; j < 3; j++)				/* illuminant D50 */
		icc_fixed(p + 68 + 4 * j, xyz[3][j]);
	icc_put(p + 128, NTAGS, 4);
	for (i = 0; i < NTAGS; i++) {
		memcpy(p + 132 + 12 * i, tags[i].sig, 4);
		icc_put(p + 136 + 12 * i, tags[i].off, 4);
		icc_put(p + 140 + 12 * i, tags[i].size, 4);
	}
	/* textDescriptionType: ASCII, no Unicode, no ScriptCode. */
	memcpy(p + DESC, "desc", 4);
	icc_put(p + DESC + 8, sizeof(name), 4);
	memcpy(p + DESC + 12, name, sizeof(name));
	memcpy(p + CPRT, "text", 4);
	memcpy(p + CPRT + 8, copyright, sizeof(copyright));
	for (i = 0; i < 4; i++) {
		memcpy(p + xyzoff[i], "XYZ ", 4);
		for (j = 0; j < 3; j++)
			icc_fixed(p + xyzoff[i] + 8 + 4 * j, xyz[i][j]);
	}
	/* The sRGB transfer function, IEC 61966-2-1. */
	memcpy(p + TRC, "curv", 4);
	icc_put(p + TRC + 8, 256, 4);
	for (i = 0; i < 256; i++) {
		double v = i / 255.0;

		v = v <= 0.04045 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4);
		icc_put(p + TRC + 12 + 2 * i, (unsigned long)lround(v *
		    65535.0), 2);
	}
	*len = SIZE;
	return p;
}

unsigned char *
pdf_pdfa_profile(size_t *len)
{
	size_t n;
	unsigned char *raw = icc_srgb(&n);
	unsigned char *z;
	uLongf zlen;

	zlen = compressBound((uLong)n);
	z = xmalloc(zlen);
	if (compress2(z, &zlen, raw, (uLong)n, 9) != Z_OK) {
		free(raw);
		free(z);
		errno = ENOMEM;
		return NULL;
	}
	free(raw);
	*len = zlen;
	return z;
}

int
pdf_pdfa_set_id(HPDF_Doc pdf, const unsigned char id[16])
{
	HPDF_Array arr = HPDF_Array_New(pdf->mmgr);
	HPDF_STATUS ret = HPDF_OK;

	if (arr == NULL)
		return -1;
	ret |= HPDF_Dict_Add(pdf->trailer, "ID", arr);
	ret |= HPDF_Array_Add(arr, HPDF_Binary_New(pdf->mmgr,
	    (HPDF_BYTE *)(uintptr_t)id, 16));
	ret |= HPDF_Array_Add(arr, HPDF_Binary_New(pdf->mmgr,
	    (HPDF_BYTE *)(uintptr_t)id, 16));
	return ret == HPDF_OK ? 0 : -1;
}

/* libharu drops /Filter from streams it does not compress itself: add
 * it back for the pre-compressed profile, just before ">>". */
static HPDF_STATUS
write_flate(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

int
pdf_pdfa_apply(HPDF_Doc pdf, const struct pdf_meta *m,
    const unsigned char id[16], const unsigned char *icc, size_t icclen)
{
	struct strbuf b = STRBUF_INIT;
	HPDF_Dict meta, intent, prof;
	HPDF_Array intents;
	HPDF_STATUS ret = HPDF_OK;

	pdf->pdf_version = HPDF_VER_14;
	if (pdf_pdfa_set_id(pdf, id) != 0)
		return -1;

	/* Metadata must not be compressed in PDF/A-1. */
	if ((meta = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		return -1;
	meta->filter = HPDF_STREAM_FILTER_NONE;
	ret |= HPDF_Dict_AddName(meta, "Type", "Metadata");
	ret |= HPDF_Dict_AddName(meta, "Subtype", "XML");
	xmp_packet(&b, m);
	ret |= HPDF_Stream_Write(meta->stream, (const HPDF_BYTE *)sb_str(&b),
	    (HPDF_UINT)b.len);
	sb_free(&b);
	ret |= HPDF_Dict_Add(pdf->catalog, "Metadata", meta);

	if ((prof = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		return -1;
	/* Compressed once per run by pdf_pdfa_profile, not per file. */
	prof->filter = HPDF_STREAM_FILTER_NONE;
	prof->write_fn = write_flate;
	ret |= HPDF_Dict_AddNumber(prof, "N", 3);
	ret |= HPDF_Stream_Write(prof->stream, icc, (HPDF_UINT)icclen);
	if ((intent = HPDF_Dict_New(pdf->mmgr)) == NULL ||
	    (intents = HPDF_Array_New(pdf->mmgr)) == NULL)
		return -1;
	ret |= HPDF_Dict_AddName(intent, "Type", "OutputIntent");
	ret |= HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
	ret |= HPDF_Dict_Add(intent, "OutputConditionIdentifier",
	    HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", NULL));
	ret |= HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr,
	    "sRGB IEC61966-2.1", NULL));
	ret |= HPDF_Dict_Add(intent, "DestOutputProfile", prof);
	ret |= HPDF_Array_Add(intents, intent);
	ret |= HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
	return ret == HPDF_OK ? 0 : -1;
}
