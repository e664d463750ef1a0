/*
 * Checking images by decoding them (see image.h): PNG structure, checksums
 * and compressed data with pdf_png_check(), an interlaced PNG decoded and
 * written again without interlacing by libpng, a JPEG decoded whole by
 * libjpeg with every warning of damaged data taken as a refusal.
 */
#include <errno.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>
#include <png.h>

#include "device/image.h"
#include "device/pdf_png.h"
#include "util/fileio.h"
#include "util/xalloc.h"

/* Memory libjpeg may use for one image (a progressive JPEG keeps all its
 * coefficients): enough for the largest side allowed in grey. */
#define JPEG_MAX_MEMORY	(256L << 20)
/* Scans of a progressive JPEG: a few dozen are usual; thousands of tiny
 * ones only cost time. */
#define JPEG_MAX_SCANS	500

/* ---- PNG ------------------------------------------------------------ */

struct png_io {
	const unsigned char	*in;		/* reading: the file */
	size_t			 nin, off;
	unsigned char		*out;		/* writing: the new file */
	size_t			 nout, cap;
	char			 msg[DEV_IMAGE_WHY];	/* libpng's error */
};

static void
png_fail(png_structp png, png_const_charp msg)
{
	struct png_io *io = png_get_error_ptr(png);

	snprintf(io->msg, sizeof(io->msg), "%s", msg);
	png_longjmp(png, 1);
}

static void
png_quiet(png_structp png, png_const_charp msg)
{
	(void)png;
	(void)msg;
}

static void
png_in(png_structp png, png_bytep buf, size_t n)
{
	struct png_io *io = png_get_io_ptr(png);

	if (n > io->nin - io->off)
		png_error(png, "truncated");
	memcpy(buf, io->in + io->off, n);
	io->off += n;
}

static void
png_out(png_structp png, png_bytep buf, size_t n)
{
	struct png_io *io = png_get_io_ptr(png);

	io->out = xgrow(io->out, &io->cap, io->nout + n, 1);
	memcpy(io->out + io->nout, buf, n);
	io->nout += n;
}

static void
png_noflush(png_structp png)
{
	(void)png;
}

/*
 * Decode the PNG of io->in and write it again in io->out as libharu and
 * PDF/A-1 can take it: not interlaced, 16-bit samples scaled to 8 bits (a
 * transparent colour then becomes an alpha channel), the same palette and
 * transparency otherwise. 0, or -1 with io->msg set.
 */
static int
png_rewrite(struct png_io *io)
{
	png_structp rd = NULL, wr = NULL;
	png_infop ri = NULL, wi = NULL;
	png_bytep *volatile rows = NULL;
	unsigned char *volatile pix = NULL;
	png_uint_32 w, h;
	int depth, type, ilace, comp, filt;
	volatile int keep_trns;
	volatile int rc = -1;
	png_colorp pal;
	int npal;
	png_bytep trans;
	int ntrans;
	png_color_16p tcol;
	size_t rowbytes;

	rd = png_create_read_struct(PNG_LIBPNG_VER_STRING, io, png_fail,
	    png_quiet);
	if (rd == NULL || (ri = png_create_info_struct(rd)) == NULL)
		goto done;
	if (setjmp(png_jmpbuf(rd)))
		goto done;
	png_set_user_limits(rd, DEV_IMAGE_MAX_SIDE, DEV_IMAGE_MAX_SIDE);
	png_set_read_fn(rd, io, png_in);
	png_read_info(rd, ri);
	png_get_IHDR(rd, ri, &w, &h, &depth, &type, &ilace, &comp, &filt);
	(void)png_set_interlace_handling(rd);
	keep_trns = 1;
	if (depth == 16) {
		png_set_scale_16(rd);
		if (png_get_valid(rd, ri, PNG_INFO_tRNS)) {
			png_set_tRNS_to_alpha(rd);
			keep_trns = 0;
		}
	}
	png_read_update_info(rd, ri);
	depth = png_get_bit_depth(rd, ri);
	type = png_get_color_type(rd, ri);
	rowbytes = png_get_rowbytes(rd, ri);
	pix = xcalloc(h, rowbytes);
	rows = xcalloc(h, sizeof(*rows));
	for (png_uint_32 y = 0; y < h; y++)
		rows[y] = pix + (size_t)y * rowbytes;
	png_read_image(rd, rows);
	png_read_end(rd, NULL);

	wr = png_create_write_struct(PNG_LIBPNG_VER_STRING, io, png_fail,
	    png_quiet);
	if (wr == NULL || (wi = png_create_info_struct(wr)) == NULL)
		goto done;
	if (setjmp(png_jmpbuf(wr)))
		goto done;
	png_set_write_fn(wr, io, png_out, png_noflush);
	png_set_IHDR(wr, wi, w, h, depth, type, PNG_INTERLACE_NONE, comp,
	    filt);
	if (png_get_PLTE(rd, ri, &pal, &npal) & PNG_INFO_PLTE)
		png_set_PLTE(wr, wi, pal, npal);
	if (keep_trns &&
	    png_get_tRNS(rd, ri, &trans, &ntrans, &tcol) & PNG_INFO_tRNS)
		png_set_tRNS(wr, wi, trans, ntrans, tcol);
	png_write_info(wr, wi);
	png_write_image(wr, rows);
	png_write_end(wr, NULL);
	rc = 0;
done:
	if (rc != 0 && io->msg[0] == '\0')
		snprintf(io->msg, sizeof(io->msg), "out of memory");
	png_destroy_write_struct(&wr, &wi);
	png_destroy_read_struct(&rd, &ri, NULL);
	free(rows);
	free(pix);
	return rc;
}

/* Will the PDF device pass this (checked) PNG through itself: 8-bit grey,
 * RGB or palette, not interlaced, without transparency (pdf_image.c)? */
static int
png_plain(const unsigned char *data, size_t len)
{
	size_t off = 8;

	if (data[24] != 8 || data[28] != 0 ||
	    !(data[25] == 0 || data[25] == 2 || data[25] == 3))
		return 0;
	while (off + 12 <= len) {
		size_t n = (size_t)data[off] << 24 | (size_t)data[off + 1] << 16 |
		    (size_t)data[off + 2] << 8 | data[off + 3];

		if (memcmp(data + off + 4, "tRNS", 4) == 0)
			return 0;
		if (memcmp(data + off + 4, "IDAT", 4) == 0)
			return 1;
		off += 12 + n;
	}
	return 1;
}

static int
png_check(const unsigned char *data, size_t len, int *w, int *h,
    unsigned char **out, size_t *outlen, char *why)
{
	const char *what = NULL;
	struct png_io io;

	/* The size first, so that a huge one is called so. */
	if (len >= 24 && memcmp(data + 12, "IHDR", 4) == 0) {
		unsigned long pw = (unsigned long)data[16] << 24 |
		    (unsigned long)data[17] << 16 |
		    (unsigned long)data[18] << 8 | data[19];
		unsigned long ph = (unsigned long)data[20] << 24 |
		    (unsigned long)data[21] << 16 |
		    (unsigned long)data[22] << 8 | data[23];

		if (pw > DEV_IMAGE_MAX_SIDE || ph > DEV_IMAGE_MAX_SIDE) {
			snprintf(why, DEV_IMAGE_WHY, "too large (%lu x %lu "
			    "pixels, at most %d on a side)", pw, ph,
			    DEV_IMAGE_MAX_SIDE);
			return -1;
		}
	}
	if (pdf_png_check(data, len, &what) != 0) {
		snprintf(why, DEV_IMAGE_WHY, "a damaged PNG file (%.100s); save "
		    "it again with an image program", what);
		return -1;
	}
	/* pdf_png_check() has read the header: 13 bytes at offset 16. */
	*w = (int)((unsigned)data[16] << 24 | (unsigned)data[17] << 16 |
	    (unsigned)data[18] << 8 | data[19]);
	*h = (int)((unsigned)data[20] << 24 | (unsigned)data[21] << 16 |
	    (unsigned)data[22] << 8 | data[23]);
	/*
	 * The PDF device passes plain PNGs through itself (pdf_image.c);
	 * any other is written again by libpng, so that what reaches
	 * libharu's libpng is clean: not interlaced (libharu cannot read
	 * that), 8 bits per sample at most (PDF 1.4 has no 16), and no
	 * ancillary chunk libpng would warn about (a second gAMA, found by
	 * fuzz_image): libharu takes every libpng warning for an error.
	 */
	if (png_plain(data, len))
		return 0;
	memset(&io, 0, sizeof(io));
	io.in = data;
	io.nin = len;
	if (png_rewrite(&io) != 0 ||
	    pdf_png_check(io.out, io.nout, &what) != 0) {
		snprintf(why, DEV_IMAGE_WHY, "a damaged PNG file "
		    "(%.100s); save it again with an image program",
		    io.msg[0] ? io.msg : what);
		free(io.out);
		return -1;
	}
	*out = io.out;
	*outlen = io.nout;
	return 0;
}

/* ---- JPEG ----------------------------------------------------------- */

struct jpeg_fail {
	struct jpeg_error_mgr	 pub;
	jmp_buf			 jb;
	char			 msg[JMSG_LENGTH_MAX];
	int			 warned;	/* damaged data seen */
};

static void
jpeg_exit(j_common_ptr c)
{
	struct jpeg_fail *e = (struct jpeg_fail *)(void *)c->err;

	(*c->err->format_message)(c, e->msg);
	longjmp(e->jb, 1);
}

/* libjpeg goes on over damaged data with a warning (level -1), filling
 * in grey; here the first one refuses the file. Traces stay silent. */
static void
jpeg_emit(j_common_ptr c, int level)
{
	struct jpeg_fail *e = (struct jpeg_fail *)(void *)c->err;

	if (level < 0 && !e->warned) {
		(*c->err->format_message)(c, e->msg);
		e->warned = 1;
	}
}

static void
jpeg_scans(j_common_ptr c)
{
	struct jpeg_fail *e = (struct jpeg_fail *)(void *)c->err;

	if (c->is_decompressor &&
	    ((j_decompress_ptr)c)->input_scan_number > JPEG_MAX_SCANS) {
		snprintf(e->msg, sizeof(e->msg), "more than %d scans",
		    JPEG_MAX_SCANS);
		longjmp(e->jb, 1);
	}
}

static int
jpeg_check(const unsigned char *data, size_t len, int *w, int *h,
    int *comps, char *why)
{
	struct jpeg_decompress_struct ci;
	struct jpeg_fail e;
	struct jpeg_progress_mgr prog;
	JSAMPARRAY row;
	volatile int rc = -1, refused = 0;

	memset(&ci, 0, sizeof(ci));
	memset(&e, 0, sizeof(e));
	ci.err = jpeg_std_error(&e.pub);
	e.pub.error_exit = jpeg_exit;
	e.pub.emit_message = jpeg_emit;
	if (setjmp(e.jb))
		goto done;
	jpeg_create_decompress(&ci);
	ci.mem->max_memory_to_use = JPEG_MAX_MEMORY;
	prog.progress_monitor = jpeg_scans;
	ci.progress = &prog;
	jpeg_mem_src(&ci, data, (unsigned long)len);
	(void)jpeg_read_header(&ci, TRUE);
	*w = (int)ci.image_width;
	*h = (int)ci.image_height;
	*comps = ci.num_components;
	if (ci.image_width > DEV_IMAGE_MAX_SIDE ||
	    ci.image_height > DEV_IMAGE_MAX_SIDE) {
		snprintf(why, DEV_IMAGE_WHY, "too large (%u x %u pixels, at "
		    "most %d on a side)", ci.image_width, ci.image_height,
		    DEV_IMAGE_MAX_SIDE);
		refused = 1;
		goto done;
	}
	if (ci.jpeg_color_space == JCS_CMYK ||
	    ci.jpeg_color_space == JCS_YCCK) {
		/* Converting without the printer's colour profile would
		 * change the colours; the user's image program can do it
		 * right. */
		snprintf(why, DEV_IMAGE_WHY, "a CMYK JPEG, which a PDF/A "
		    "file with its sRGB colour profile cannot hold; save it "
		    "in RGB (for instance: convert FILE -colorspace sRGB "
		    "NEW.jpg)");
		refused = 1;
		goto done;
	}
	if (!((ci.jpeg_color_space == JCS_GRAYSCALE &&
	    ci.num_components == 1) || ((ci.jpeg_color_space == JCS_YCbCr ||
	    ci.jpeg_color_space == JCS_RGB) && ci.num_components == 3))) {
		snprintf(why, DEV_IMAGE_WHY, "a JPEG in a colour space other "
		    "than RGB or grey; save it in RGB");
		refused = 1;
		goto done;
	}
	if (ci.arith_code) {
		snprintf(why, DEV_IMAGE_WHY, "an arithmetic-coded JPEG, which "
		    "PDF readers need not show; save it again with an image "
		    "program");
		refused = 1;
		goto done;
	}
	(void)jpeg_start_decompress(&ci);
	row = (*ci.mem->alloc_sarray)((j_common_ptr)&ci, JPOOL_IMAGE,
	    ci.output_width * (JDIMENSION)ci.output_components, 1);
	while (ci.output_scanline < ci.output_height && !e.warned)
		(void)jpeg_read_scanlines(&ci, row, 1);
	if (!e.warned)
		(void)jpeg_finish_decompress(&ci);
	if (!e.warned)
		rc = 0;
done:
	jpeg_destroy_decompress(&ci);
	if (rc != 0 && !refused)
		snprintf(why, DEV_IMAGE_WHY, "a damaged JPEG file (%.100s); save "
		    "it again with an image program", e.msg[0] ? e.msg :
		    "cannot be decoded");
	return rc;
}

/* ---- both ----------------------------------------------------------- */

int
dev_image_check(const unsigned char *data, size_t len, int *w, int *h,
    int *jpeg, unsigned char **out, size_t *outlen, char *why)
{
	*out = NULL;
	*outlen = 0;
	*w = *h = 0;
	*jpeg = 0;
	why[0] = '\0';
	if (len == 0) {
		snprintf(why, DEV_IMAGE_WHY, "an empty file; put a PNG or "
		    "JPEG image there");
		return -1;
	}
	if (len >= 8 && memcmp(data, "\x89PNG\r\n\x1a\n", 8) == 0)
		return png_check(data, len, w, h, out, outlen, why);
	if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 &&
	    data[2] == 0xFF) {
		return jpeg_check(data, len, w, h, jpeg, why);
	}
	snprintf(why, DEV_IMAGE_WHY, "%s; convert it to PNG",
	    len >= 6 && memcmp(data, "GIF8", 4) == 0 ?
	    "a GIF file, not PNG or JPEG" : "not a PNG or JPEG file");
	return -1;
}

struct dev_image *
dev_image_read(const char *dir, const char *path, int *bad, char *why)
{
	struct dev_image *img;
	unsigned char *data, *out;
	size_t len, outlen;
	int w, h, jpeg;

	*bad = 0;
	why[0] = '\0';
	if ((data = (unsigned char *)file_read_in(dir, path,
	    FILEIO_MAX_IMAGE, &len)) == NULL)
		return NULL;
	if (dev_image_check(data, len, &w, &h, &jpeg, &out, &outlen,
	    why) != 0) {
		free(data);
		*bad = 1;
		return NULL;
	}
	img = xcalloc(1, sizeof(*img));
	img->path = xstrdup(path);
	if (out != NULL) {
		free(data);
		data = out;
		len = outlen;
	}
	img->data = data;
	img->len = len;
	img->w = w;
	img->h = h;
	img->jpeg = jpeg;
	return img;
}

void
dev_image_free(struct dev_image *img)
{
	if (img == NULL)
		return;
	free(img->path);
	free(img->data);
	free(img);
}
