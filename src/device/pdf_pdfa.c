/*
 * PDF/A-1b for the PDF device (see pdf_pdfa.h): XMP metadata, output
 * intent, file identifier, version. Uses libharu's object API.
 */
#include <errno.h>
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
#include "util/fileio.h"
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

unsigned char *
pdf_pdfa_profile(size_t *len)
{
	size_t n;
	char *raw = file_read(PDF_PDFA_ICC, &n);
	unsigned char *z;
	uLongf zlen;

	if (raw == NULL)
		return NULL;
	zlen = compressBound((uLong)n);
	z = xmalloc(zlen);
	if (compress2(z, &zlen, (const Bytef *)raw, (uLong)n, 9) != Z_OK) {
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
