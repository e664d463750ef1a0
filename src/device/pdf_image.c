/*
 * PNG images encoded once per run (see pdf_image.h): the file is decoded
 * (zlib and the PNG row filters), turned into a palette image when it has
 * at most 256 colours, deflated at level 9, and the compressed bytes are
 * copied into each document's image XObject. This leans on libharu 2.3.0
 * internals (stream dictionaries, the object class of an XObject, the
 * write callback) like pdf_font.c does.
 */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <hpdf.h>
#include <hpdf_objects.h>
#include <zlib.h>
#include <hpdf_doc.h>

#include "device/pdf_image.h"
#include "util/xalloc.h"

struct png_pass {
	char		*path;
	int		 ok;		/* 1 pass through, -1 not possible */
	unsigned	 w, h;
	int		 colors;	/* 1 grey, 3 RGB, 1 + palette */
	unsigned char	*idat;		/* the deflated pixels, made once */
	size_t		 nidat;
	unsigned char	*plte;		/* palette (colour type 3) */
	size_t		 nplte;
	unsigned char	*zplte;		/* the palette deflated, made once */
	size_t		 nzplte;
	char		 parms[64];	/* /Filter written by hand */
};

struct pdf_imgcache {
	struct png_pass	**v;		/* entries never move: documents'
					   dictionaries point at them */
	size_t		 n, cap;
};

struct pdf_imgcache *
pdf_imgcache_new(void)
{
	return xcalloc(1, sizeof(struct pdf_imgcache));
}

void
pdf_imgcache_free(struct pdf_imgcache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i]->path);
		free(c->v[i]->idat);
		free(c->v[i]->plte);
		free(c->v[i]->zplte);
		free(c->v[i]);
	}
	free(c->v);
	free(c);
}

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* The Paeth predictor of the PNG specification. */
static unsigned
paeth(int a, int b, int c)
{
	int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);

	return (unsigned)(pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
}

/* Undo the PNG row filters in place: rows of 1 + stride bytes become
 * rows of stride bytes in out. Returns -1 on an unknown filter. */
static int
unfilter(const unsigned char *in, unsigned char *out, unsigned h,
    size_t stride, unsigned bpp)
{
	for (unsigned y = 0; y < h; y++) {
		const unsigned char *src = in + y * (stride + 1) + 1;
		unsigned char *row = out + y * stride;
		const unsigned char *up = y > 0 ? row - stride : NULL;
		int f = in[y * (stride + 1)];

		for (size_t x = 0; x < stride; x++) {
			int a = x >= bpp ? row[x - bpp] : 0;
			int b = up ? up[x] : 0;
			int c = up && x >= bpp ? up[x - bpp] : 0;
			unsigned v = src[x];

			switch (f) {
			case 0:
				break;
			case 1:
				v += (unsigned)a;
				break;
			case 2:
				v += (unsigned)b;
				break;
			case 3:
				v += (unsigned)((a + b) / 2);
				break;
			case 4:
				v += paeth(a, b, c);
				break;
			default:
				return -1;
			}
			row[x] = (unsigned char)v;
		}
	}
	return 0;
}

/*
 * Make the stream once: the pixels, as a palette image when the picture
 * has at most 256 colours (logos usually do: a third of the bytes of
 * RGB), deflated at the highest level.
 */
static int
encode(struct png_pass *e, const unsigned char *pix, size_t stride)
{
	size_t n = (size_t)e->w * e->h, rawlen;
	unsigned char *raw = NULL, *pal = NULL;
	uLongf clen;
	size_t ncol = 0;

	if (e->colors == 3 && e->nplte == 0) {
		/* Count colours with a small open-addressing table. */
		unsigned long keys[512];
		int slot[512];
		bool fits = true;

		memset(slot, -1, sizeof(slot));
		raw = xmalloc(n ? n : 1);
		pal = xmalloc(768);
		for (size_t i = 0; i < n && fits; i++) {
			const unsigned char *q = pix + i * 3;
			unsigned long k = (unsigned long)q[0] << 16 |
			    (unsigned long)q[1] << 8 | q[2];
			size_t hsh = (k * 2654435761u) % 512;

			while (slot[hsh] >= 0 && keys[hsh] != k)
				hsh = (hsh + 1) % 512;
			if (slot[hsh] < 0) {
				if (ncol == 256) {
					fits = false;
					break;
				}
				keys[hsh] = k;
				slot[hsh] = (int)ncol;
				memcpy(pal + ncol * 3, q, 3);
				ncol++;
			}
			raw[i] = (unsigned char)slot[hsh];
		}
		if (fits) {
			e->plte = pal;
			e->nplte = ncol * 3;
			e->colors = 1;
			rawlen = n;
		} else {
			free(raw);
			free(pal);
			raw = NULL;
		}
	}
	if (raw == NULL) {
		rawlen = stride * e->h;
		raw = xmalloc(rawlen ? rawlen : 1);
		memcpy(raw, pix, rawlen);
	}
	/* Level 8: on a flat logo, level 9's long match chains take three
	 * times as long (6.5 ms for 360 x 120 pixels) for 1 % fewer bytes. */
	clen = compressBound((uLong)rawlen);
	e->idat = xmalloc(clen);
	if (compress2(e->idat, &clen, raw, (uLong)rawlen, 8) != Z_OK) {
		free(raw);
		return -1;
	}
	e->nidat = clen;
	free(raw);
	/* The palette as a compressed stream: a string would be written in
	 * hexadecimal, twice its size. */
	if (e->nplte > 0) {
		clen = compressBound((uLong)e->nplte);
		e->zplte = xmalloc(clen);
		if (compress2(e->zplte, &clen, e->plte, (uLong)e->nplte, 9) !=
		    Z_OK)
			return -1;
		e->nzplte = clen;
	}
	return 0;
}

/* Read the chunks, decode the pixels and encode the stream; ok = -1 for
 * anything not handled here. */
static void
parse(struct png_pass *e, const unsigned char *d, size_t len)
{
	size_t off = 8, nz = 0, cap = 0, stride;
	int type = -1, depth = 0, interlace = 1;
	unsigned char *z = NULL, *filtered = NULL, *pix = NULL;
	uLongf flen;

	e->ok = -1;
	while (off + 12 <= len) {
		unsigned long n = be32(d + off);
		const unsigned char *t = d + off + 4, *body = d + off + 8;

		if (n > len - off - 12)
			goto done;
		if (memcmp(t, "IHDR", 4) == 0 && n == 13) {
			e->w = (unsigned)be32(body);
			e->h = (unsigned)be32(body + 4);
			depth = body[8];
			type = body[9];
			interlace = body[12];
		} else if (memcmp(t, "PLTE", 4) == 0 && n <= 768) {
			free(e->plte);
			e->plte = xmalloc(n ? n : 1);
			memcpy(e->plte, body, n);
			e->nplte = n;
		} else if (memcmp(t, "tRNS", 4) == 0)
			goto done;	/* transparency: libharu's path */
		else if (memcmp(t, "IDAT", 4) == 0) {
			z = xgrow(z, &cap, nz + n + 1, 1);
			memcpy(z + nz, body, n);
			nz += n;
		} else if (memcmp(t, "IEND", 4) == 0)
			break;
		off += 12 + n;
	}
	if (depth != 8 || interlace != 0 || nz == 0 || e->w == 0 ||
	    e->h == 0 || e->w > 10000 || e->h > 10000)
		goto done;
	if (type == 0)
		e->colors = 1;
	else if (type == 2)
		e->colors = 3;
	else if (type == 3 && e->nplte >= 3 && e->nplte % 3 == 0)
		e->colors = 1;
	else
		goto done;	/* alpha channels: libharu's path */
	if (type != 3) {
		free(e->plte);
		e->plte = NULL;
		e->nplte = 0;
	}
	stride = (size_t)e->w * (size_t)e->colors;
	flen = (uLongf)((stride + 1) * e->h);
	filtered = xmalloc(flen);
	if (uncompress(filtered, &flen, z, (uLong)nz) != Z_OK ||
	    flen != (stride + 1) * e->h)
		goto done;
	pix = xmalloc(stride * e->h);
	if (unfilter(filtered, pix, e->h, stride, (unsigned)e->colors) != 0 ||
	    encode(e, pix, stride) != 0)
		goto done;
	snprintf(e->parms, sizeof(e->parms), "/Filter /FlateDecode\012");
	e->ok = 1;
done:
	free(z);
	free(filtered);
	free(pix);
}

static struct png_pass *
find(const struct pdf_imgcache *c, const char *path)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i]->path, path) == 0)
			return c->v[i];
	return NULL;
}

int
pdf_imgcache_known(const struct pdf_imgcache *c, const char *path)
{
	const struct png_pass *e = find(c, path);

	return e == NULL ? 0 : e->ok;
}

/* The write callback adds the filter and its parameters that libharu
 * strips from streams it does not compress itself, just before ">>". */
static HPDF_STATUS
write_parms(HPDF_Dict d, HPDF_Stream s)
{
	const struct png_pass *e = d->attr;

	return e != NULL ? HPDF_Stream_WriteStr(s, e->parms) : HPDF_OK;
}

static HPDF_STATUS
write_flate(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

HPDF_Image
pdf_imgcache_png(struct pdf_imgcache *c, HPDF_Doc pdf, const char *path,
    const unsigned char *data, size_t len)
{
	struct png_pass *e = find(c, path);
	HPDF_Dict d;
	HPDF_Array cs;

	if (e == NULL) {
		if (data == NULL)
			return NULL;
		c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof(*c->v));
		e = c->v[c->n++] = xcalloc(1, sizeof(*e));
		e->path = xstrdup(path);
		parse(e, data, len);
	}
	if (e->ok != 1)
		return NULL;
	if ((d = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		return NULL;
	d->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
	d->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_Dict_AddName(d, "Type", "XObject");
	HPDF_Dict_AddName(d, "Subtype", "Image");
	HPDF_Dict_AddNumber(d, "Width", (HPDF_INT32)e->w);
	HPDF_Dict_AddNumber(d, "Height", (HPDF_INT32)e->h);
	HPDF_Dict_AddNumber(d, "BitsPerComponent", 8);
	if (e->nplte > 0 && e->colors == 1 && e->plte != NULL) {
		/* [/Indexed /DeviceRGB hival palette-stream] */
		HPDF_Dict pal = HPDF_DictStream_New(pdf->mmgr, pdf->xref);

		if (pal == NULL)
			return NULL;
		pal->filter = HPDF_STREAM_FILTER_NONE;
		pal->write_fn = write_flate;
		if (HPDF_Stream_Write(pal->stream, e->zplte,
		    (HPDF_UINT)e->nzplte) != HPDF_OK)
			return NULL;

		cs = HPDF_Array_New(pdf->mmgr);
		HPDF_Array_AddName(cs, "Indexed");
		HPDF_Array_AddName(cs, "DeviceRGB");
		HPDF_Array_AddNumber(cs, (HPDF_INT32)(e->nplte / 3 - 1));
		HPDF_Array_Add(cs, pal);
		HPDF_Dict_Add(d, "ColorSpace", cs);
	} else
		HPDF_Dict_AddName(d, "ColorSpace", e->colors == 3 ?
		    "DeviceRGB" : "DeviceGray");
	if (HPDF_Stream_Write(d->stream, e->idat, (HPDF_UINT)e->nidat) !=
	    HPDF_OK)
		return NULL;
	d->attr = e;
	d->write_fn = write_parms;
	return d;
}

static HPDF_STATUS
write_dct(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /DCTDecode\012");
}

HPDF_Image
pdf_jpeg_image(HPDF_Doc pdf, const unsigned char *data, size_t len, int w,
    int h, int comps)
{
	HPDF_Dict d;

	if (comps != 1 && comps != 3)
		return NULL;
	if ((d = HPDF_DictStream_New(pdf->mmgr, pdf->xref)) == NULL)
		return NULL;
	d->header.obj_class |= HPDF_OSUBCLASS_XOBJECT;
	d->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_Dict_AddName(d, "Type", "XObject");
	HPDF_Dict_AddName(d, "Subtype", "Image");
	HPDF_Dict_AddNumber(d, "Width", (HPDF_INT32)w);
	HPDF_Dict_AddNumber(d, "Height", (HPDF_INT32)h);
	HPDF_Dict_AddName(d, "ColorSpace", comps == 1 ? "DeviceGray" :
	    "DeviceRGB");
	HPDF_Dict_AddNumber(d, "BitsPerComponent", 8);
	if (HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len) != HPDF_OK)
		return NULL;
	d->write_fn = write_dct;
	return d;
}
