/*
 * Checking PNG files before libharu sees them: libharu's libpng error
 * handler returns instead of jumping, so libpng aborts the whole program on
 * any damaged file. This checks everything libpng treats as fatal while
 * reading (signature, header values, chunk order and CRCs, the compressed
 * image data and its size), so only sound files reach libharu.
 */
#include <stdint.h>
#include <string.h>
#include <zlib.h>

#include "device/pdf_png.h"

#define PNG_MAX_SIDE	10000		/* pixels; a logo is far smaller */
#define PNG_MAX_DATA	(256UL << 20)	/* bytes of decompressed data */

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 |
	    (uint32_t)p[2] << 8 | p[3];
}

/* Bits per pixel for a colour type and bit depth; 0 if not allowed. */
static unsigned
png_bits(unsigned type, unsigned depth)
{
	switch (type) {
	case 0:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 ||
		    depth == 16 ? depth : 0;
	case 3:
		return depth == 1 || depth == 2 || depth == 4 || depth == 8 ?
		    depth : 0;
	case 2:
		return depth == 8 || depth == 16 ? 3 * depth : 0;
	case 4:
		return depth == 8 || depth == 16 ? 2 * depth : 0;
	case 6:
		return depth == 8 || depth == 16 ? 4 * depth : 0;
	default:
		return 0;
	}
}

/* Bytes of filtered data (filter byte + row) for a w x h image. */
static uint64_t
png_rows(uint64_t w, uint64_t h, unsigned bits)
{
	if (w == 0 || h == 0)
		return 0;
	return h * (1 + (w * bits + 7) / 8);
}

/* The filtered data size of an image, interlaced (Adam7) or not. */
static uint64_t
png_expected(uint32_t w, uint32_t h, unsigned bits, int interlace)
{
	static const unsigned x0[7] = { 0, 4, 0, 2, 0, 1, 0 };
	static const unsigned y0[7] = { 0, 0, 4, 0, 2, 0, 1 };
	static const unsigned dx[7] = { 8, 8, 4, 4, 2, 2, 1 };
	static const unsigned dy[7] = { 8, 8, 8, 4, 4, 2, 2 };
	uint64_t n = 0;

	if (!interlace)
		return png_rows(w, h, bits);
	for (int i = 0; i < 7; i++) {
		uint64_t pw = w > x0[i] ? (w - x0[i] + dx[i] - 1) / dx[i] : 0;
		uint64_t ph = h > y0[i] ? (h - y0[i] + dy[i] - 1) / dy[i] : 0;

		n += png_rows(pw, ph, bits);
	}
	return n;
}

/*
 * Inflate the concatenated IDAT data and compare its size with what the
 * header promises, exactly: the compressed stream must end there (libpng
 * refuses more data, which libharu then reports as an error; found by
 * fuzz_image); every row's filter byte must be 0..4 (checked for
 * non-interlaced images, where rows are easy to find, with rowlen > 0).
 */
static int
png_check_data(const unsigned char *p, size_t n, uint64_t want,
    uint64_t rowlen, const char **why)
{
	z_stream z;
	unsigned char out[16384];
	uint64_t got = 0, i, made;
	size_t off = 8;
	int rc = Z_OK, ok = 1;

	memset(&z, 0, sizeof(z));
	if (want > PNG_MAX_DATA) {
		*why = "image too large";
		return -1;
	}
	if (inflateInit(&z) != Z_OK) {
		*why = "cannot decompress";
		return -1;
	}
	while (off + 12 <= n && rc != Z_STREAM_END && ok && got <= want) {
		uint32_t len = get32(p + off);

		if (memcmp(p + off + 4, "IDAT", 4) == 0) {
			z.next_in = (unsigned char *)(uintptr_t)(p + off + 8);
			z.avail_in = len;
			do {
				z.next_out = out;
				z.avail_out = sizeof(out);
				rc = inflate(&z, Z_NO_FLUSH);
				if (rc != Z_OK && rc != Z_STREAM_END &&
				    rc != Z_BUF_ERROR) {
					ok = 0;
					break;
				}
				made = sizeof(out) - z.avail_out;
				for (i = 0; rowlen > 0 && i < made; i++)
					if ((got + i) % rowlen == 0 &&
					    got + i < want && out[i] > 4)
						ok = 0;
				got += made;
			} while (ok && got <= want && rc != Z_STREAM_END &&
			    (z.avail_in > 0 || z.avail_out == 0));
		}
		off += 12 + (size_t)len;
	}
	inflateEnd(&z);
	if (!ok) {
		*why = "damaged image data";
		return -1;
	}
	if (got < want) {
		*why = "image data too short";
		return -1;
	}
	if (got > want) {
		*why = "more image data than the header says";
		return -1;
	}
	if (rc != Z_STREAM_END) {
		*why = "image data not ended";
		return -1;
	}
	return 0;
}

int
pdf_png_check(const unsigned char *p, size_t n, const char **why)
{
	size_t off = 8;
	uint32_t w = 0, h = 0;
	unsigned type = 0, bits = 0, plte = 0, idat = 0, iend = 0;
	int interlace = 0, seen_idat_end = 0;
	const char *dummy;

	if (why == NULL)
		why = &dummy;
	if (n < 8 || memcmp(p, "\x89PNG\r\n\x1a\n", 8) != 0) {
		*why = "not a PNG file";
		return -1;
	}
	while (off < n && !iend) {
		uint32_t len, crc;
		const unsigned char *t;

		if (n - off < 12) {
			*why = "truncated";
			return -1;
		}
		len = get32(p + off);
		t = p + off + 4;
		if (len > 0x7FFFFFFF || len > n - off - 12) {
			*why = "truncated or bad chunk length";
			return -1;
		}
		crc = (uint32_t)crc32(0, t, len + 4);
		if (crc != get32(p + off + 8 + len)) {
			*why = "bad chunk checksum";
			return -1;
		}
		for (int i = 0; i < 4; i++)
			if (!((t[i] >= 'A' && t[i] <= 'Z') ||
			    (t[i] >= 'a' && t[i] <= 'z'))) {
				*why = "bad chunk type";
				return -1;
			}
		if (off == 8 && memcmp(t, "IHDR", 4) != 0) {
			*why = "no header (IHDR) first";
			return -1;
		}
		if (memcmp(t, "IHDR", 4) == 0) {
			if (off != 8 || len != 13) {
				*why = "bad header (IHDR)";
				return -1;
			}
			w = get32(t + 4);
			h = get32(t + 8);
			type = t[13];
			bits = png_bits(type, t[12]);
			interlace = t[16];
			if (w == 0 || h == 0 || w > PNG_MAX_SIDE ||
			    h > PNG_MAX_SIDE || bits == 0 || t[14] != 0 ||
			    t[15] != 0 || t[16] > 1) {
				*why = "unsupported size, colour type or "
				    "depth";
				return -1;
			}
		} else if (memcmp(t, "PLTE", 4) == 0) {
			if (len == 0 || len % 3 != 0 || len / 3 > 256 ||
			    (type == 3 && len / 3 > (1u << bits)) || idat ||
			    plte || type == 0 || type == 4) {
				*why = "bad palette (PLTE)";
				return -1;
			}
			plte++;
		} else if (memcmp(t, "IDAT", 4) == 0) {
			if (seen_idat_end) {
				*why = "image data (IDAT) not contiguous";
				return -1;
			}
			if (type == 3 && !plte) {
				*why = "palette (PLTE) missing";
				return -1;
			}
			idat++;
		} else if (memcmp(t, "IEND", 4) == 0)
			iend = 1;
		else if (t[0] >= 'A' && t[0] <= 'Z') {
			*why = "unknown critical chunk";
			return -1;
		}
		if (idat && memcmp(t, "IDAT", 4) != 0)
			seen_idat_end = 1;
		off += 12 + (size_t)len;
	}
	if (!idat || !iend) {
		*why = !idat ? "no image data (IDAT)" : "truncated (no IEND)";
		return -1;
	}
	return png_check_data(p, n, png_expected(w, h, bits, interlace),
	    interlace ? 0 : 1 + ((uint64_t)w * bits + 7) / 8, why);
}
