/*
 * The text device: a plain, stable dump of everything the layout engine
 * draws (pages, text runs with font and position, lines, rectangles,
 * images, links, bookmarks, structure), one item per line with
 * coordinates rounded to 0.01 pt, so that golden tests compare layouts
 * with diff. Written atomically in end() (or to stdout for "-").
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/device.h"
#include "device/image.h"
#include "device/font.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

struct dev_text {
	struct strbuf	 out;
	int		 page;
	int		 depth;		/* structure nesting, for indentation */
};

static const char *const tag_names[DEV_TAG__MAX] = {
	"Document", "H1", "H2", "H3", "H4", "P", "L", "LI", "Lbl", "LBody",
	"BlockQuote", "Code", "Table", "TR", "TH", "TD", "Figure", "Link",
	"Form", "Span", "TOC", "TOCI"
};

/* Append a string in double quotes, escaping quotes, backslashes and
 * control characters. */
static void
add_quoted(struct strbuf *sb, const char *s, size_t len)
{
	sb_addc(sb, '"');
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			sb_addc(sb, '\\');
			sb_addc(sb, (char)c);
		} else if (c < 0x20)
			sb_addf(sb, "\\x%02x", c);
		else
			sb_addc(sb, (char)c);
	}
	sb_addc(sb, '"');
}

static void
add_color(struct strbuf *sb, struct dev_color c)
{
	sb_addf(sb, " #%02x%02x%02x", (int)(c.r * 255 + 0.5),
	    (int)(c.g * 255 + 0.5), (int)(c.b * 255 + 0.5));
}

static struct dev_text *
priv(struct device *d)
{
	return d->priv;
}

static int
t_begin(struct device *d, const struct dev_info *info)
{
	struct dev_text *t = priv(d);

	sb_clear(&t->out);
	t->page = 0;
	t->depth = 0;
	sb_adds(&t->out, "document title=");
	add_quoted(&t->out, info->title ? info->title : "",
	    info->title ? strlen(info->title) : 0);
	sb_addf(&t->out, " lang=%s date=%lld\n",
	    info->lang ? info->lang : "-", info->date);
	return 0;
}

static void
t_page(struct device *d, double w, double h)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "page %d %.2f %.2f\n", ++t->page, w, h);
}

static void
t_text(struct device *d, struct font *f, double size, struct dev_color c,
    double x, double y, const char *s, size_t len)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*stext %.2f %.2f \"%s\" %.2f", t->depth, "", x, y,
	    font_family(f), size);
	if (c.r != 0 || c.g != 0 || c.b != 0)
		add_color(&t->out, c);
	sb_addc(&t->out, ' ');
	add_quoted(&t->out, s, len);
	sb_addc(&t->out, '\n');
}

static void
t_line(struct device *d, double x0, double y0, double x1, double y1,
    double w, struct dev_color c)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*sline %.2f %.2f %.2f %.2f %.2f", t->depth, "",
	    x0, y0, x1, y1, w);
	add_color(&t->out, c);
	sb_addc(&t->out, '\n');
}

static void
t_rect(struct device *d, double x, double y, double w, double h,
    const struct dev_color *fill, double sw, struct dev_color stroke)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*srect %.2f %.2f %.2f %.2f fill", t->depth, "",
	    x, y, w, h);
	if (fill != NULL)
		add_color(&t->out, *fill);
	else
		sb_adds(&t->out, " -");
	sb_addf(&t->out, " stroke %.2f", sw);
	if (sw > 0)
		add_color(&t->out, stroke);
	sb_addc(&t->out, '\n');
}

static int
t_image(struct device *d, const struct dev_image *img, double x, double y,
    double w, double h, const char *alt)
{
	struct dev_text *t = priv(d);
	const char *path = img->path, *base = strrchr(path, '/');

	sb_addf(&t->out, "%*simage %.2f %.2f %.2f %.2f %s ", t->depth, "",
	    x, y, w, h, base ? base + 1 : path);
	add_quoted(&t->out, alt ? alt : "", alt ? strlen(alt) : 0);
	sb_addc(&t->out, '\n');
	return 0;
}

static void
t_link_uri(struct device *d, double x, double y, double w, double h,
    const char *uri)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*slink %.2f %.2f %.2f %.2f ", t->depth, "",
	    x, y, w, h);
	add_quoted(&t->out, uri, strlen(uri));
	sb_addc(&t->out, '\n');
}

static void
t_link_dest(struct device *d, double x, double y, double w, double h,
    int dest)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*slink %.2f %.2f %.2f %.2f dest %d\n", t->depth, "",
	    x, y, w, h, dest);
}

static void
t_dest(struct device *d, int dest, double y)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*sdest %d %.2f\n", t->depth, "", dest, y);
}

static void
t_bookmark(struct device *d, int level, const char *title, int dest)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*sbookmark %d ", t->depth, "", level);
	add_quoted(&t->out, title, strlen(title));
	sb_addf(&t->out, " dest %d\n", dest);
}

static void
t_page_label(struct device *d, const char *prefix, int start)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*spage-label ", t->depth, "");
	add_quoted(&t->out, prefix != NULL ? prefix : "",
	    prefix != NULL ? strlen(prefix) : 0);
	sb_addf(&t->out, " %d\n", start);
}

static void
t_tag_begin(struct device *d, enum dev_tag tag, const char *alt)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*s<%s", t->depth, "", tag_names[tag]);
	if (alt != NULL) {
		sb_adds(&t->out, " alt=");
		add_quoted(&t->out, alt, strlen(alt));
	}
	sb_adds(&t->out, ">\n");
	t->depth++;
}

static void
t_tag_end(struct device *d)
{
	struct dev_text *t = priv(d);

	if (t->depth > 0)
		t->depth--;
	sb_addf(&t->out, "%*s</>\n", t->depth, "");
}

static void
t_artifact_begin(struct device *d)
{
	struct dev_text *t = priv(d);

	sb_addf(&t->out, "%*s<Artifact>\n", t->depth, "");
	t->depth++;
}

static void
t_artifact_end(struct device *d)
{
	t_tag_end(d);
}

static int
t_end(struct device *d, const char *path)
{
	struct dev_text *t = priv(d);
	const char *s = sb_str(&t->out);

	if (strcmp(path, "-") == 0) {
		fputs(s, stdout);
		return ferror(stdout) ? -1 : 0;
	}
	return file_write_atomic(path, s, t->out.len) != 0 ? -1 : 0;
}

static void
t_free(struct device *d)
{
	if (d == NULL)
		return;
	sb_free(&priv(d)->out);
	free(d->priv);
	free(d);
}

static const struct device_ops text_ops = {
	.begin = t_begin,
	.page = t_page,
	.text = t_text,
	.line = t_line,
	.rect = t_rect,
	.image = t_image,
	.link_uri = t_link_uri,
	.link_dest = t_link_dest,
	.dest = t_dest,
	.bookmark = t_bookmark,
	.tag_begin = t_tag_begin,
	.tag_end = t_tag_end,
	.artifact_begin = t_artifact_begin,
	.artifact_end = t_artifact_end,
	.end = t_end,
	.free = t_free,
	.page_label = t_page_label,
};

struct device *
dev_text_new(void)
{
	struct device *d = xcalloc(1, sizeof(*d));

	d->ops = &text_ops;
	d->priv = xcalloc(1, sizeof(struct dev_text));
	return d;
}
