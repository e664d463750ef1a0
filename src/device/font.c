/*
 * Fonts: fontconfig lookup and HarfBuzz metrics (see font.h).
 */
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hb-ot.h>

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <threads.h>

#include "device/font.h"
#include "util/fileio.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Advances of the Basic Multilingual Plane are cached, filled lazily. The
 * table starts zeroed (0 = not known yet; a zero-width character is asked
 * again): a template opens up to 24 faces, and filling their tables with a
 * marker touched 6 MB of memory for the few characters a text uses. */
#define FONT_CACHE	0x10000

struct font {
	char		*path;
	char		*family;
	hb_blob_t	*blob;
	hb_face_t	*face;
	hb_font_t	*hb;
	double		 scale;		/* 1000 / units per em */
	float		*adv;		/* FONT_CACHE entries; 0 = not yet */
	unsigned char	*has;		/* FONT_CACHE entries: 0 not yet,
					   1 has the glyph, 2 lacks it */
	double		 ascent, descent;
	struct font	*fallback;	/* not owned, or NULL */
};

static int
is_path(const char *spec)
{
	size_t n = strlen(spec);

	return strchr(spec, '/') != NULL ||
	    (n > 4 && strcasecmp(spec + n - 4, ".ttf") == 0);
}

/*
 * Fontconfig's answers, kept for the process: matching a pattern costs
 * about 2 million instructions, and each template asks for the same dozen
 * faces again. They are facts about the installed fonts, the same for
 * every programme, so every run shares them; the lock lets runs go on
 * side by side (font_done forgets them).
 */
static struct found {
	char		*spec, *path, *family;
	const char	*err;
}		*founds;
static size_t	 nfounds, capfounds;
static mtx_t	 founds_lock;
static once_flag founds_once = ONCE_FLAG_INIT;

static char	*lookup_uncached(const char *, char **, const char **);

static void
founds_init(void)
{
	mtx_init(&founds_lock, mtx_plain);
}

/* lookup() with founds_lock held. */
static char *
lookup_locked(const char *spec, char **family, const char **err)
{
	struct found *e;

	for (size_t i = 0; i < nfounds; i++) {
		e = &founds[i];
		if (strcmp(e->spec, spec) != 0)
			continue;
		if (e->path == NULL) {
			*err = e->err;
			return NULL;
		}
		*family = xstrdup(e->family);
		return xstrdup(e->path);
	}
	founds = xgrow(founds, &capfounds, nfounds + 1, sizeof(*founds));
	e = &founds[nfounds++];
	e->spec = xstrdup(spec);
	e->family = NULL;
	e->err = NULL;
	e->path = lookup_uncached(spec, &e->family, &e->err);
	if (e->path == NULL) {
		*err = e->err;
		return NULL;
	}
	*family = xstrdup(e->family);
	return xstrdup(e->path);
}

/* Resolve a fontconfig pattern to a TrueType file of the same family. */
static char *
lookup(const char *spec, char **family, const char **err)
{
	char *path;

	call_once(&founds_once, founds_init);
	mtx_lock(&founds_lock);
	path = lookup_locked(spec, family, err);
	mtx_unlock(&founds_lock);
	return path;
}

static char *
lookup_uncached(const char *spec, char **family, const char **err)
{
	FcPattern *pat, *match;
	FcResult res;
	FcChar8 *file = NULL, *fam = NULL, *want = NULL;
	char *path = NULL;

	if (!FcInit()) {
		*err = "fontconfig cannot be initialised";
		return NULL;
	}
	if ((pat = FcNameParse((const FcChar8 *)spec)) == NULL) {
		*err = "not a valid font name";
		return NULL;
	}
	FcPatternAddString(pat, FC_FONTFORMAT, (const FcChar8 *)"TrueType");
	FcConfigSubstitute(NULL, pat, FcMatchPattern);
	FcDefaultSubstitute(pat);
	match = FcFontMatch(NULL, pat, &res);
	if (match == NULL) {
		*err = "no such font installed";
		FcPatternDestroy(pat);
		return NULL;
	}
	/* FcFontMatch never fails: check it found the family asked for. */
	FcPatternGetString(pat, FC_FAMILY, 0, &want);
	FcPatternGetString(match, FC_FAMILY, 0, &fam);
	FcPatternGetString(match, FC_FILE, 0, &file);
	if (file == NULL || fam == NULL ||
	    (want != NULL && strcasecmp((const char *)want,
	    (const char *)fam) != 0))
		*err = "no such TrueType font installed (try fc-list)";
	else {
		path = xstrdup((const char *)file);
		*family = xstrdup((const char *)fam);
	}
	FcPatternDestroy(match);
	FcPatternDestroy(pat);
	return path;
}

struct font *
font_open(const char *spec, const char **err)
{
	return font_open_in(NULL, spec, err);
}

/*
 * A font file named by path is read whole through the confined opener,
 * once: HarfBuzz measures and the PDF device embeds these very bytes
 * (font_blob()), so the file is never opened again after the check. An
 * installed font (fontconfig's answer) is mapped once by HarfBuzz.
 */
static hb_blob_t *
font_read(const char *dir, const char *path, int confined, const char **err)
{
	char *data;
	size_t len;

	if (!confined)
		return hb_blob_create_from_file_or_fail(path);
	if ((data = file_read_in(dir != NULL ? dir : "/", path,
	    FILEIO_MAX_FONT, &len)) == NULL) {
		*err = errno == EFBIG ? "font file too large (over 32 MB)" :
		    errno == ENOENT ? "no such file in the programme folder" :
		    file_why(errno);
		return NULL;
	}
	if (len > UINT_MAX) {
		free(data);
		return NULL;
	}
	return hb_blob_create_or_fail(data, (unsigned)len,
	    HB_MEMORY_MODE_WRITABLE, data, free);
}

struct font *
font_open_in(const char *dir, const char *spec, const char **err)
{
	struct font *f;
	char *path, *family = NULL;
	unsigned int upem;
	hb_font_extents_t ext;
	const char *dummy;
	hb_blob_t *glyf;
	int has_glyf, confined = is_path(spec);

	if (err == NULL)
		err = &dummy;
	if (confined) {
		const char *base = strrchr(spec, '/');

		path = xstrdup(spec);
		family = xstrdup(base ? base + 1 : spec);
	} else if ((path = lookup(spec, &family, err)) == NULL)
		return NULL;

	f = xcalloc(1, sizeof(*f));
	f->path = path;
	f->family = family;
	*err = NULL;
	f->blob = font_read(dir, path, confined, err);
	if (f->blob == NULL) {
		if (*err == NULL)
			*err = "cannot read the font file";
		goto fail;
	}
	f->face = hb_face_create(f->blob, 0);
	/* TrueType outlines only: a 'glyf' table, not 'CFF '. */
	glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
	has_glyf = hb_blob_get_length(glyf) > 0;
	hb_blob_destroy(glyf);
	if (hb_face_get_glyph_count(f->face) == 0 || !has_glyf) {
		*err = "not a TrueType font (no glyf table)";
		goto fail;
	}
	f->hb = hb_font_create(f->face);
	upem = hb_face_get_upem(f->face);
	f->scale = 1000.0 / (upem ? upem : 1000);
	hb_font_set_scale(f->hb, (int)upem, (int)upem);
	f->adv = xcalloc(FONT_CACHE, sizeof(*f->adv));
	f->has = xcalloc(FONT_CACHE, 1);
	hb_font_get_h_extents(f->hb, &ext);
	f->ascent = ext.ascender * f->scale;
	f->descent = ext.descender * f->scale;
	if (f->ascent <= 0)
		f->ascent = 800;
	if (f->descent >= 0)
		f->descent = -200;
	return f;
fail:
	font_free(f);
	return NULL;
}

void
font_free(struct font *f)
{
	if (f == NULL)
		return;
	if (f->hb)
		hb_font_destroy(f->hb);
	if (f->face)
		hb_face_destroy(f->face);
	if (f->blob)
		hb_blob_destroy(f->blob);
	free(f->adv);
	free(f->has);
	free(f->path);
	free(f->family);
	free(f);
}

void
font_done(void)
{
	call_once(&founds_once, founds_init);
	mtx_lock(&founds_lock);
	for (size_t i = 0; i < nfounds; i++) {
		free(founds[i].spec);
		free(founds[i].path);
		free(founds[i].family);
	}
	free(founds);
	founds = NULL;
	nfounds = capfounds = 0;
	FcFini();
	mtx_unlock(&founds_lock);
}

const char *
font_path(const struct font *f)
{
	return f->path;
}

struct hb_blob_t *
font_blob(const struct font *f)
{
	return hb_blob_reference(f->blob);
}

const char *
font_family(const struct font *f)
{
	return f->family;
}

/* The advance of cp in the face that draws it (see font_face()). */
static double
advance_uncached(const struct font *f, uint32_t cp)
{
	hb_codepoint_t gid;

	if (!hb_font_get_nominal_glyph(f->hb, cp, &gid) || gid == 0) {
		if (f->fallback != NULL && font_has_glyph(f->fallback, cp))
			return advance_uncached(f->fallback, cp);
		return 0;
	}
	return hb_font_get_glyph_h_advance(f->hb, gid) * f->scale;
}

double
font_advance(const struct font *f, uint32_t cp)
{
	if (cp >= FONT_CACHE)
		return advance_uncached(f, cp);
	if (f->adv[cp] == 0)
		f->adv[cp] = (float)advance_uncached(f, cp);
	return f->adv[cp];
}

double
font_width(const struct font *f, const char *s, size_t len)
{
	double w = 0;
	size_t i = 0, k;
	uint32_t cp;

	while (i < len) {
		if ((k = utf8_decode(s + i, len - i, &cp)) == 0) {
			i++;
			continue;
		}
		w += font_advance(f, cp);
		i += k;
	}
	return w;
}

bool
font_has_glyph(const struct font *f, uint32_t cp)
{
	hb_codepoint_t gid;

	if (cp < FONT_CACHE && f->has[cp] != 0)
		return f->has[cp] == 1;
	if (hb_font_get_nominal_glyph(f->hb, cp, &gid) && gid != 0) {
		if (cp < FONT_CACHE)
			f->has[cp] = 1;
		return true;
	}
	if (cp < FONT_CACHE)
		f->has[cp] = 2;
	return false;
}

void
font_set_fallback(struct font *f, struct font *fallback)
{
	if (fallback == f || (fallback != NULL && fallback->fallback != NULL))
		fallback = NULL;	/* no loops, no chains */
	f->fallback = fallback;
	free(f->adv);		/* widths may change */
	f->adv = xcalloc(FONT_CACHE, sizeof(*f->adv));
}

struct font *
font_fallback(const struct font *f)
{
	return f->fallback;
}

struct font *
font_face(struct font *f, uint32_t cp)
{
	if (f->fallback == NULL || font_has_glyph(f, cp) ||
	    !font_has_glyph(f->fallback, cp))
		return f;
	return f->fallback;
}

bool
font_covers(const struct font *f, uint32_t cp)
{
	return font_has_glyph(f, cp) ||
	    (f->fallback != NULL && font_has_glyph(f->fallback, cp));
}

double
font_ascent(const struct font *f)
{
	return f->ascent;
}

double
font_descent(const struct font *f)
{
	return f->descent;
}
