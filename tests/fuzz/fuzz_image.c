/*
 * libFuzzer entry point for the image check (device/image.h) and the
 * confined opener (util/fileio.h). The first byte chooses:
 *
 *   even: the rest is an image file. dev_image_check() must never crash,
 *         hang or leak; what it accepts (or rewrites) must pass the check
 *         again with the same size, and must embed in a PDF without a
 *         libharu error (drawn on the PDF device, written to a scratch
 *         file).
 *   odd:  the rest is a path (up to a NUL) inside a scratch programme
 *         folder holding files, links in and out, a link loop, a FIFO and
 *         a folder. Whatever file_open_in() opens must lie inside the
 *         folder, be a regular file and within the size limit.
 *
 * build: clang -g -O1 -fsanitize=fuzzer,address,undefined -Isrc \
 *   tests/fuzz/fuzz_image.c build-fuzz/libtandem.a $(LIBS)
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "device/device.h"
#include "device/image.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/xalloc.h"

static char top[64], folder[128], realfolder[PATH_MAX], pdf[160];
static struct device *dev;
static int ready;

/* Remove the scratch tree at exit. */
static void
cleanup(void)
{
	char *cmd = xasprintf("rm -rf '%s'", top);

	if (dev != NULL)
		dev->ops->free(dev);
	if (system(cmd) != 0)
		fprintf(stderr, "fuzz_image: cannot remove %s\n", top);
	free(cmd);
}

static void
put(const char *name, const char *text)
{
	char *path = xasprintf("%s/%s", top, name);
	FILE *fp = fopen(path, "w");

	if (fp != NULL) {
		fputs(text, fp);
		fclose(fp);
	}
	free(path);
}

static void
link_at(const char *target, const char *name)
{
	char *path = xasprintf("%s/%s", top, name);

	if (symlink(target, path) != 0)
		perror(path);
	free(path);
}

/* The scratch folder: top/dir is the programme folder, top/secret lies
 * outside it. */
static void
setup(void)
{
	static struct diag_sink quiet = DIAG_SINK_INIT(NULL, NULL);
	char *p;

	diag_push(&quiet);
	snprintf(top, sizeof(top), "/tmp/fuzz_image_XXXXXX");
	if (mkdtemp(top) == NULL)
		abort();
	snprintf(folder, sizeof(folder), "%s/dir", top);
	snprintf(pdf, sizeof(pdf), "%s/out.pdf", top);
	p = xasprintf("%s/dir/sub", top);
	if (mkdir(folder, 0755) != 0 || mkdir(p, 0755) != 0)
		abort();
	free(p);
	put("secret", "outside");
	put("dir/a.png", "inside");
	put("dir/sub/b.md", "inside too");
	link_at("a.png", "dir/in");
	link_at("sub/b.md", "dir/in2");
	link_at("../secret", "dir/out");
	link_at("../../secret", "dir/sub/out");
	link_at("/etc/passwd", "dir/abs");
	link_at("loop", "dir/loop");
	link_at("..", "dir/up");
	link_at("sub", "dir/subl");
	p = xasprintf("%s/dir/fifo", top);
	if (mkfifo(p, 0644) != 0)
		perror(p);
	free(p);
	if (realpath(folder, realfolder) == NULL)
		abort();
	ready = 1;
	atexit(cleanup);
}

static void
fuzz_path(const uint8_t *data, size_t size)
{
	char rel[512], *path, link[64], got[PATH_MAX];
	size_t n = strlen(realfolder), len;
	ssize_t k;
	struct stat st;
	int fd;

	if (size >= sizeof(rel))
		size = sizeof(rel) - 1;
	memcpy(rel, data, size);
	rel[size] = '\0';
	path = xasprintf("%s/%s", folder, rel);
	if ((fd = file_open_in(folder, path, 16)) >= 0) {
		snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
		if ((k = readlink(link, got, sizeof(got) - 1)) < 0)
			abort();
		got[k] = '\0';
		/* Inside the folder, a regular file, within the limit. */
		if (strncmp(got, realfolder, n) != 0 || got[n] != '/' ||
		    fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) ||
		    st.st_size > 16)
			abort();
		close(fd);
	}
	free(file_read_in(folder, path, 16, &len));
	free(path);
}

static void
fuzz_image(const uint8_t *data, size_t size)
{
	unsigned char *out, *out2;
	size_t outlen, outlen2;
	int w, h, jpeg, w2, h2, jpeg2;
	char why[DEV_IMAGE_WHY];
	struct dev_image img;

	if (dev_image_check(data, size, &w, &h, &jpeg, &out, &outlen,
	    why) != 0) {
		if (why[0] == '\0' || out != NULL)
			abort();
		return;
	}
	if (w <= 0 || h <= 0 || w > DEV_IMAGE_MAX_SIDE ||
	    h > DEV_IMAGE_MAX_SIDE)
		abort();
	memset(&img, 0, sizeof(img));
	img.path = "fuzz.img";
	img.data = out != NULL ? out : (unsigned char *)(uintptr_t)data;
	img.len = out != NULL ? outlen : size;
	img.w = w;
	img.h = h;
	img.jpeg = jpeg;
	/* What was accepted (or written again) is accepted again. */
	if (dev_image_check(img.data, img.len, &w2, &h2, &jpeg2, &out2,
	    &outlen2, why) != 0 || w2 != w || h2 != h || jpeg2 != jpeg)
		abort();
	free(out2);
	/* And embeds without a libharu error (a warning would say so); a
	 * device of its own, whose image cache knows no other "fuzz.img". */
	dev = dev_pdf_new();
	if (dev->ops->begin(dev, NULL) != 0)
		abort();
	dev->ops->page(dev, 595, 842);
	if (dev->ops->image(dev, &img, 72, 72, 100, 100, "Bild") != 0 ||
	    dev->ops->end(dev, pdf) != 0)
		abort();
	dev->ops->free(dev);
	dev = NULL;
	free(out);
}

int	LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!ready)
		setup();
	if (size < 1 || size > 1000000)
		return 0;
	if (data[0] & 1)
		fuzz_path(data + 1, size - 1);
	else
		fuzz_image(data + 1, size - 1);
	return 0;
}
