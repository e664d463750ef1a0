/*
 * PDF/A-1b parts the PDF device adds by hand, since libharu's own PDF/A
 * functions write invalid files: XMP metadata matching the Info
 * dictionary, the GTS_PDFA1 output intent with an sRGB profile, a fixed
 * file identifier and PDF version 1.4.
 */
#ifndef DEVICE_PDF_PDFA_H
#define DEVICE_PDF_PDFA_H

#include <stddef.h>

#include <hpdf.h>

struct pdf_meta {
	const char	*title, *author, *subject, *keywords, *lang;
	long long	 date;		/* seconds since the epoch; 0 = none */
	const char	*creator;	/* Info /Creator */
};

/*
 * Make the document PDF/A-1b: metadata, output intent (icc[0..icclen) is
 * the profile as pdf_pdfa_profile returns it), /ID from id (16 bytes),
 * version 1.4. 0 on success, -1 on
 * a libharu error (already reported through its error handler).
 */
int	pdf_pdfa_apply(HPDF_Doc, const struct pdf_meta *,
	    const unsigned char id[16], const unsigned char *icc,
	    size_t icclen);

/* The sRGB ICC profile of the output intent (made in pdf_pdfa.c, no file
 * needed), deflated (zlib) for a stream with /Filter /FlateDecode; NULL
 * with errno set if out of memory. Free it. */
unsigned char	*pdf_pdfa_profile(size_t *len);

/* Put /ID [<id> <id>] into the trailer (also outside PDF/A). */
int	pdf_pdfa_set_id(HPDF_Doc, const unsigned char id[16]);

#endif
