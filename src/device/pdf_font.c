/*
 * Embedded TrueType fonts for the PDF device (see pdf_font.h). This is the
 * one file that builds PDF font objects through libharu's internal object
 * API (hpdf_objects.h); libharu's own font code is not used.
 */
#include <stdlib.h>
#include <string.h>

#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <zlib.h>

#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "device/font.h"
#include "device/pdf_font.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/xalloc.h"

/* A compressed stream body, kept across documents. */
struct pdf_blob {
	unsigned char	*data;
	size_t		 len;		/* compressed bytes */
	size_t		 raw;		/* bytes before compression */
};

/*
 * A font program reduced to a set of glyphs, with the maps that go with
 * it, kept for the next documents that use these glyphs or fewer.
 */
struct pdf_subset {
	unsigned char	*set;		/* per glyph: in the subset; NULL if
					   the slot is empty */
	unsigned	 count;		/* glyphs in the set */
	unsigned long	 stamp;		/* when last used (LRU) */
	char		 tag[8];	/* "ABCDEF+" */
	struct pdf_blob	 prog;		/* the font program (FontFile2) */
	struct pdf_blob	 tounicode;	/* the ToUnicode CMap */
	struct pdf_blob	 cidset;	/* the CIDSet bit string */
};

/*
 * Subsets kept per face; how many glyphs a document may carry that it
 * does not use when a kept subset is reused as it is (SLACK) or grown by
 * the glyphs it lacks (GROW). An outline costs ~60 bytes, making a subset
 * ~0.6 ms. Measured on 1,000 separate certificates (bench/docs.bench.sh,
 * subsets made for 2,000 font uses, bytes per file): exact subsets each
 * time 1,785 and 27,900; reuse only (GROW 0) 818 and 27,400; GROW 3 484
 * and 28,500; GROW 6 225 and 29,000; GROW 10 110 and 29,600.
 */
#define PDF_SUBSETS	32
#define PDF_SUBSET_SLACK 16
#define PDF_SUBSET_GROW	6

struct pdf_face {
	struct pdf_fontset *set;
	char		*path;		/* the .ttf file, the cache key */
	hb_blob_t	*blob;
	hb_face_t	*face;
	hb_font_t	*hb;
	unsigned	 nglyphs;
	double		 scale;		/* 1000 / units per em */
	char		*psname;	/* PostScript name, no subset tag */
	unsigned char	*used;		/* per glyph: used in this document */
	uint32_t	*cp_of;		/* per glyph: its first code point */
	struct pdf_subset subsets[PDF_SUBSETS];
	struct pdf_subset *cur;		/* the one of this document */
	/* Descriptor values (thousandths of an em): */
	int		 bbox[4], ascent, descent, cap_height, stemv, flags;
	double		 italic;
	/* In the current document: */
	HPDF_Dict	 dict;		/* the Type0 font, or NULL */
	/* Caches of pdf_face_glyph(), made on first use: */
	uint16_t	*gid_of;	/* per BMP code point: glyph + 1, or 0 */
	int32_t		*wid;		/* per glyph: /W width, or -1 */
};

struct pdf_fontset {
	struct pdf_face	**faces;
	size_t		 n, cap;
	HPDF_Doc	 pdf;		/* the current document */
	unsigned long	 clock;		/* subsets chosen so far (LRU) */
	z_stream	 z[2];		/* compressors for font programs and
					   for small maps, reset per blob */
	bool		 zinit[2];	/* z[i] is initialised */
};

struct pdf_fontset *
pdf_fontset_new(void)
{
	return xcalloc(1, sizeof(struct pdf_fontset));
}

static void
blob_free(struct pdf_blob *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

static void
face_free(struct pdf_face *f)
{
	if (f == NULL)
		return;
	if (f->hb)
		hb_font_destroy(f->hb);
	if (f->face)
		hb_face_destroy(f->face);
	if (f->blob)
		hb_blob_destroy(f->blob);
	for (int i = 0; i < PDF_SUBSETS; i++) {
		free(f->subsets[i].set);
		blob_free(&f->subsets[i].prog);
		blob_free(&f->subsets[i].tounicode);
		blob_free(&f->subsets[i].cidset);
	}
	free(f->used);
	free(f->cp_of);
	free(f->gid_of);
	free(f->wid);
	free(f->psname);
	free(f->path);
	free(f);
}

void
pdf_fontset_free(struct pdf_fontset *fs)
{
	if (fs == NULL)
		return;
	for (size_t i = 0; i < fs->n; i++)
		face_free(fs->faces[i]);
	free(fs->faces);
	for (int i = 0; i < 2; i++)
		if (fs->zinit[i])
			deflateEnd(&fs->z[i]);
	free(fs);
}

void
pdf_fontset_begin(struct pdf_fontset *fs, HPDF_Doc pdf)
{
	fs->pdf = pdf;
	for (size_t i = 0; i < fs->n; i++) {
		struct pdf_face *f = fs->faces[i];

		f->dict = NULL;
		memset(f->used, 0, f->nglyphs);
		f->used[0] = 1;		/* .notdef is always there */
	}
}

/* A big-endian number from a font table; 0 outside it. */
static long
table_num(hb_blob_t *b, unsigned off, unsigned size, int sign)
{
	unsigned len;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(b,
	    &len);
	unsigned long v = 0;

	if (p == NULL || off + size > len)
		return 0;
	for (unsigned i = 0; i < size; i++)
		v = v << 8 | p[off + i];
	if (sign && size == 2 && v >= 0x8000)
		return (long)v - 0x10000;
	if (sign && size == 4 && v >= 0x80000000UL)
		return (long)v - 0x100000000L;
	return (long)v;
}

/* Read the descriptor values and the PostScript name. */
static void
face_metrics(struct pdf_face *f)
{
	hb_blob_t *head = hb_face_reference_table(f->face,
	    HB_TAG('h', 'e', 'a', 'd'));
	hb_blob_t *post = hb_face_reference_table(f->face,
	    HB_TAG('p', 'o', 's', 't'));
	hb_blob_t *os2 = hb_face_reference_table(f->face,
	    HB_TAG('O', 'S', '/', '2'));
	hb_font_extents_t ext;
	hb_position_t pos;
	char name[128];
	unsigned len = sizeof(name), i, j;
	long weight;

	for (i = 0; i < 4; i++)
		f->bbox[i] = (int)(table_num(head, 36 + 2 * i, 2, 1) *
		    f->scale);
	f->italic = table_num(post, 4, 4, 1) / 65536.0;
	weight = table_num(os2, 4, 2, 0);
	if (weight <= 0)
		weight = 400;
	f->stemv = (int)(10 + 220 * (weight - 50) / 900);
	hb_font_get_h_extents(f->hb, &ext);
	f->ascent = (int)(ext.ascender * f->scale);
	f->descent = (int)(ext.descender * f->scale);
	f->cap_height = hb_ot_metrics_get_position(f->hb,
	    HB_OT_METRICS_TAG_CAP_HEIGHT, &pos) ? (int)(pos * f->scale) :
	    f->ascent;
	f->flags = 32 | (f->italic != 0 ? 64 : 0);	/* nonsymbolic */
	hb_blob_destroy(head);
	hb_blob_destroy(post);
	hb_blob_destroy(os2);

	name[0] = '\0';
	hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    HB_LANGUAGE_INVALID, &len, name);
	/* A PDF name: printable ASCII without delimiters. */
	for (i = j = 0; name[i] != '\0'; i++)
		if (name[i] > ' ' && name[i] < 127 &&
		    strchr("()<>[]{}/%#", name[i]) == NULL)
			name[j++] = name[i];
	name[j] = '\0';
	f->psname = xstrdup(j > 0 ? name : "Font");
}

/* Prepare a font for embedding, from the bytes font_open() read (the
 * file is not opened again). NULL after a diagnostic. */
static struct pdf_face *
face_open(struct pdf_fontset *fs, const struct font *font)
{
	struct pdf_face *f = xcalloc(1, sizeof(*f));
	const char *path = font_path(font);
	hb_blob_t *glyf;
	unsigned upem;

	f->set = fs;
	f->path = xstrdup(path);
	f->blob = font_blob(font);
	f->face = hb_face_create(f->blob, 0);
	glyf = hb_face_reference_table(f->face, HB_TAG('g', 'l', 'y', 'f'));
	upem = hb_blob_get_length(glyf);
	hb_blob_destroy(glyf);
	f->nglyphs = hb_face_get_glyph_count(f->face);
	if (upem == 0 || f->nglyphs == 0 || f->nglyphs > 65535) {
		diag(DIAG_ERROR, path, 0, 0, "cannot embed this font: not a "
		    "TrueType font");
		goto fail;
	}
	f->hb = hb_font_create(f->face);
	upem = hb_face_get_upem(f->face);
	f->scale = 1000.0 / (upem ? upem : 1000);
	hb_font_set_scale(f->hb, (int)upem, (int)upem);
	f->used = xcalloc(f->nglyphs, 1);
	f->cp_of = xcalloc(f->nglyphs, sizeof(*f->cp_of));
	f->used[0] = 1;			/* .notdef is always there */
	face_metrics(f);
	return f;
fail:
	face_free(f);
	return NULL;
}

struct pdf_face *
pdf_fontset_face(struct pdf_fontset *fs, const struct font *font)
{
	const char *path = font_path(font);
	struct pdf_face *f;
	size_t i;

	for (i = 0; i < fs->n; i++)
		if (strcmp(fs->faces[i]->path, path) == 0)
			return fs->faces[i];
	if ((f = face_open(fs, font)) == NULL)
		return NULL;
	fs->faces = xgrow(fs->faces, &fs->cap, fs->n + 1, sizeof(*fs->faces));
	fs->faces[fs->n++] = f;
	return f;
}

HPDF_Dict
pdf_face_dict(struct pdf_face *f)
{
	HPDF_Doc pdf = f->set->pdf;

	if (f->dict != NULL || pdf == NULL)
		return f->dict;
	if ((f->dict = HPDF_Dict_New(pdf->mmgr)) == NULL)
		return NULL;
	if (HPDF_Xref_Add(pdf->xref, f->dict) != HPDF_OK) {
		f->dict = NULL;		/* the xref freed it */
		return NULL;
	}
	return f->dict;
}

/* The /W width of glyph gid (thousandths of an em, rounded). */
static int
face_glyph_width(const struct pdf_face *f, unsigned gid)
{
	return (int)(hb_font_get_glyph_h_advance(f->hb, gid) * f->scale +
	    0.5);
}

/* Look up the glyph of cp and mark it used; 0 if the font lacks it. */
static unsigned
face_lookup(struct pdf_face *f, uint32_t cp)
{
	hb_codepoint_t gid = 0;
	bool ok = hb_font_get_nominal_glyph(f->hb, cp, &gid) && gid != 0 &&
	    gid < f->nglyphs;

	if (!ok)
		gid = 0;
	f->used[gid] = 1;
	if (ok && f->cp_of[gid] == 0)
		f->cp_of[gid] = cp;
	return gid;
}

unsigned
pdf_face_glyph(struct pdf_face *f, uint32_t cp, int *w)
{
	unsigned gid;

	if (cp < 0x10000) {
		if (f->gid_of == NULL) {
			f->gid_of = xcalloc(0x10000, sizeof(*f->gid_of));
			f->wid = xmalloc(f->nglyphs * sizeof(*f->wid));
			for (unsigned i = 0; i < f->nglyphs; i++)
				f->wid[i] = -1;
		}
		if (f->gid_of[cp] == 0)
			f->gid_of[cp] = (uint16_t)(face_lookup(f, cp) + 1);
		gid = f->gid_of[cp] - 1u;
		f->used[gid] = 1;	/* used in this document's subset too */
		if (w != NULL) {
			if (f->wid[gid] < 0)
				f->wid[gid] = face_glyph_width(f, gid);
			*w = f->wid[gid];
		}
		return gid;
	}
	gid = face_lookup(f, cp);
	if (w != NULL)
		*w = face_glyph_width(f, gid);
	return gid;
}

/*
 * Compress s into b (zlib level 6, deterministic). Two compressors serve
 * the whole run: setting one up or resetting it clears its tables, which
 * for the default 32 KB window costs more than compressing a CIDSet; maps
 * (under 8 KB) get one with a small window and hash.
 */
static void
blob_set(struct pdf_fontset *fs, struct pdf_blob *b, const void *s,
    size_t len)
{
	int k = len < 8192;
	z_stream *z = &fs->z[k];
	uLong n;

	blob_free(b);
	if (!fs->zinit[k]) {
		memset(z, 0, sizeof(*z));
		if (deflateInit2(z, 6, Z_DEFLATED, k ? 13 : 15, k ? 5 : 8,
		    Z_DEFAULT_STRATEGY) != Z_OK)
			return;
		fs->zinit[k] = true;
	} else
		deflateReset(z);
	n = deflateBound(z, (uLong)len);
	b->data = xmalloc(n);
	z->next_in = (Bytef *)(uintptr_t)s;
	z->avail_in = (uInt)len;
	z->next_out = b->data;
	z->avail_out = (uInt)n;
	if (deflate(z, Z_FINISH) != Z_STREAM_END) {
		blob_free(b);
		return;
	}
	b->len = n - z->avail_out;
	b->raw = len;
}

/* The ToUnicode CMap of a subset: bfchar, code -> UTF-16BE. */
static void
face_make_tounicode(struct pdf_face *f, struct pdf_subset *sub)
{
	struct strbuf s = STRBUF_INIT, body = STRBUF_INIT;
	unsigned gid, n = 0;

	sb_adds(&s, "/CIDInit /ProcSet findresource begin\n"
	    "12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
	    "/Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (gid = 1; gid <= f->nglyphs; gid++) {
		uint32_t cp = gid < f->nglyphs && sub->set[gid] ?
		    f->cp_of[gid] : 0;

		if (cp != 0) {
			if (cp > 0xFFFF)
				sb_addf(&body, "<%04X> <%04X%04X>\n", gid,
				    0xD800 + ((cp - 0x10000) >> 10),
				    0xDC00 + ((cp - 0x10000) & 0x3FF));
			else
				sb_addf(&body, "<%04X> <%04X>\n", gid, cp);
			n++;
		}
		if (n > 0 && (n == 100 || gid == f->nglyphs)) {
			sb_addf(&s, "%u beginbfchar\n%sendbfchar\n", n,
			    sb_str(&body));
			sb_clear(&body);
			n = 0;
		}
	}
	sb_adds(&s, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
	    "end\nend\n");
	blob_set(f->set, &sub->tounicode, sb_str(&s), s.len);
	sb_free(&s);
	sb_free(&body);
}

/* The CIDSet: one bit per glyph id of the font program, high bit first. */
static void
face_make_cidset(struct pdf_face *f, struct pdf_subset *sub)
{
	size_t n = (f->nglyphs + 7) / 8;
	unsigned char *bits = xcalloc(n, 1);

	for (unsigned gid = 0; gid < f->nglyphs; gid++)
		if (sub->set[gid])
			bits[gid / 8] |= (unsigned char)(0x80 >> (gid % 8));
	/* Trailing zero bytes carry nothing. */
	while (n > 1 && bits[n - 1] == 0)
		n--;
	blob_set(f->set, &sub->cidset, bits, n);
	free(bits);
}

/*
 * Reduce the font to the glyphs of sub->set, keeping glyph ids, without
 * hinting and layout tables; compress it and make the maps. 0, or -1
 * after a diagnostic.
 */
static int
face_subset(struct pdf_face *f, struct pdf_subset *sub)
{
	static const hb_tag_t drop[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
		HB_TAG('G', 'D', 'E', 'F'), HB_TAG('k', 'e', 'r', 'n'),
		HB_TAG('B', 'A', 'S', 'E'), HB_TAG('J', 'S', 'T', 'F'),
		HB_TAG('M', 'A', 'T', 'H'), HB_TAG('D', 'S', 'I', 'G'),
		HB_TAG('g', 'a', 's', 'p'), HB_TAG('h', 'd', 'm', 'x'),
		HB_TAG('L', 'T', 'S', 'H'), HB_TAG('V', 'D', 'M', 'X'),
		HB_TAG('P', 'C', 'L', 'T'), HB_TAG('m', 'o', 'r', 'x'),
		HB_TAG('F', 'F', 'T', 'M'), HB_TAG('m', 'e', 't', 'a'),
	};
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_set_t *glyphs, *tables;
	hb_face_t *subface;
	hb_blob_t *b;
	const char *data;
	unsigned len, gid;
	uint32_t h = 2166136261u;

	if (in == NULL) {
		diag(DIAG_ERROR, f->path, 0, 0, "cannot subset the font");
		return -1;
	}
	glyphs = hb_subset_input_glyph_set(in);
	for (gid = 0; gid < f->nglyphs; gid++)
		if (sub->set[gid]) {
			hb_set_add(glyphs, gid);
			h = (h ^ gid) * 16777619u;
		}
	tables = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (size_t i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(tables, drop[i]);
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS |
	    HB_SUBSET_FLAGS_NO_HINTING);
	subface = hb_subset_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	if (subface == NULL) {
		diag(DIAG_ERROR, f->path, 0, 0, "cannot subset the font");
		return -1;
	}
	b = hb_face_reference_blob(subface);
	data = hb_blob_get_data(b, &len);
	blob_set(f->set, &sub->prog, data, len);
	hb_blob_destroy(b);
	hb_face_destroy(subface);
	if (sub->prog.len == 0) {
		diag(DIAG_ERROR, f->path, 0, 0, "cannot compress the font");
		return -1;
	}
	/* The subset tag names this glyph set: six letters from a hash. */
	for (int i = 0; i < 6; i++, h /= 26)
		sub->tag[i] = (char)('A' + h % 26);
	sub->tag[6] = '+';
	sub->tag[7] = '\0';
	face_make_tounicode(f, sub);
	face_make_cidset(f, sub);
	return 0;
}

/*
 * Choose the subset for the glyphs of this document: among the kept ones,
 * the one that with these glyphs added has the fewest, if it then carries
 * at most PDF_SUBSET_SLACK glyphs the document does not use (or, when it
 * lacks some of them and must be made again, at most PDF_SUBSET_GROW):
 * kept subsets grow to serve the names of several documents. If none is
 * close enough, a new one is made for exactly these glyphs in place of the
 * least recently used. 0, or -1 after a diagnostic.
 */
static int
face_choose(struct pdf_face *f)
{
	struct pdf_subset *best = NULL, *old = &f->subsets[0], *sub;
	unsigned used = 0, gid, i, n, m, bestn = 0, missing = 0;

	for (gid = 0; gid < f->nglyphs; gid++)
		used += f->used[gid];
	for (i = 0; i < PDF_SUBSETS; i++) {
		sub = &f->subsets[i];
		if (sub->set == NULL) {		/* an empty slot first */
			if (old->set != NULL)
				old = sub;
			continue;
		}
		if (old->set != NULL && sub->stamp < old->stamp)
			old = sub;
		/* m: glyphs used but not in the subset; n: of the union. */
		for (gid = 0, m = 0; gid < f->nglyphs; gid++)
			m += f->used[gid] && !sub->set[gid];
		n = sub->count + m;
		if (n - used > (m == 0 ? PDF_SUBSET_SLACK : PDF_SUBSET_GROW))
			continue;
		if (best == NULL || m < missing || (m == missing &&
		    n < bestn)) {
			best = sub;
			bestn = n;
			missing = m;
		}
	}
	if (best == NULL) {
		best = old;
		if (best->set == NULL)
			best->set = xmalloc(f->nglyphs);
		memcpy(best->set, f->used, f->nglyphs);
		best->count = used;
		missing = 1;
	} else if (missing > 0) {
		for (gid = 0; gid < f->nglyphs; gid++)
			best->set[gid] |= f->used[gid];
		best->count = bestn;
	}
	if (missing > 0) {
		blob_free(&best->prog);
		blob_free(&best->tounicode);
		blob_free(&best->cidset);
		if (face_subset(f, best) != 0) {
			free(best->set);
			best->set = NULL;
			return -1;
		}
	}
	best->stamp = ++f->set->clock;
	f->cur = best;
	return 0;
}

/* libharu removes /Filter from streams it does not compress itself;
 * pre-compressed streams add it back here, just before ">>". */
static HPDF_STATUS
write_flate(HPDF_Dict d, HPDF_Stream s)
{
	(void)d;
	return HPDF_Stream_WriteStr(s, "/Filter /FlateDecode\012");
}

/* A stream object with pre-compressed contents. */
static HPDF_Dict
raw_stream(HPDF_Doc pdf, const struct pdf_blob *b)
{
	HPDF_Dict d = HPDF_DictStream_New(pdf->mmgr, pdf->xref);

	if (d == NULL)
		return NULL;
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->write_fn = write_flate;
	if (HPDF_Stream_Write(d->stream, b->data, (HPDF_UINT)b->len) !=
	    HPDF_OK)
		return NULL;
	return d;
}

/* The /W array: runs of consecutive glyphs of the subset with their
 * widths. */
static HPDF_Array
face_widths(HPDF_Doc pdf, const struct pdf_face *f)
{
	HPDF_Array w = HPDF_Array_New(pdf->mmgr), run = NULL;
	unsigned gid;

	if (w == NULL)
		return NULL;
	for (gid = 0; gid < f->nglyphs; gid++) {
		if (!f->cur->set[gid]) {
			run = NULL;
			continue;
		}
		if (run == NULL) {
			HPDF_Array_AddNumber(w, (HPDF_INT32)gid);
			if ((run = HPDF_Array_New(pdf->mmgr)) == NULL)
				return NULL;
			HPDF_Array_Add(w, run);
		}
		HPDF_Array_AddNumber(run, (HPDF_INT32)face_glyph_width(f, gid));
	}
	return w;
}

/* Fill the Type0 font of face f and add its descendants. */
static int
face_objects(HPDF_Doc pdf, struct pdf_face *f, bool pdfa)
{
	HPDF_MMgr mm = pdf->mmgr;
	HPDF_Dict cid, desc, info, prog, tu;
	HPDF_Array arr, bbox;
	char base[160];
	int ret = HPDF_OK;

	snprintf(base, sizeof(base), "%s%s", f->cur->tag, f->psname);
	if ((cid = HPDF_Dict_New(mm)) == NULL ||
	    HPDF_Xref_Add(pdf->xref, cid) != HPDF_OK)
		return -1;
	if ((desc = HPDF_Dict_New(mm)) == NULL ||
	    HPDF_Xref_Add(pdf->xref, desc) != HPDF_OK)
		return -1;
	if ((prog = raw_stream(pdf, &f->cur->prog)) == NULL ||
	    (tu = raw_stream(pdf, &f->cur->tounicode)) == NULL)
		return -1;
	if ((arr = HPDF_Array_New(mm)) == NULL)
		return -1;

	ret |= HPDF_Dict_AddName(f->dict, "Type", "Font");
	ret |= HPDF_Dict_AddName(f->dict, "Subtype", "Type0");
	ret |= HPDF_Dict_AddName(f->dict, "BaseFont", base);
	ret |= HPDF_Dict_AddName(f->dict, "Encoding", "Identity-H");
	ret |= HPDF_Dict_Add(f->dict, "DescendantFonts", arr);
	ret |= HPDF_Array_Add(arr, cid);
	ret |= HPDF_Dict_Add(f->dict, "ToUnicode", tu);

	ret |= HPDF_Dict_AddName(cid, "Type", "Font");
	ret |= HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
	ret |= HPDF_Dict_AddName(cid, "BaseFont", base);
	if ((info = HPDF_Dict_New(mm)) == NULL)
		return -1;
	ret |= HPDF_Dict_Add(cid, "CIDSystemInfo", info);
	ret |= HPDF_Dict_Add(info, "Registry", HPDF_String_New(mm, "Adobe",
	    NULL));
	ret |= HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mm,
	    "Identity", NULL));
	ret |= HPDF_Dict_AddNumber(info, "Supplement", 0);
	ret |= HPDF_Dict_Add(cid, "FontDescriptor", desc);
	ret |= HPDF_Dict_Add(cid, "W", face_widths(pdf, f));
	ret |= HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

	ret |= HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	ret |= HPDF_Dict_AddName(desc, "FontName", base);
	ret |= HPDF_Dict_AddNumber(desc, "Flags", f->flags);
	if ((bbox = HPDF_Array_New(mm)) == NULL)
		return -1;
	for (int i = 0; i < 4; i++)
		ret |= HPDF_Array_AddNumber(bbox, f->bbox[i]);
	ret |= HPDF_Dict_Add(desc, "FontBBox", bbox);
	ret |= HPDF_Dict_AddReal(desc, "ItalicAngle", (HPDF_REAL)f->italic);
	ret |= HPDF_Dict_AddNumber(desc, "Ascent", f->ascent);
	ret |= HPDF_Dict_AddNumber(desc, "Descent", f->descent);
	ret |= HPDF_Dict_AddNumber(desc, "CapHeight", f->cap_height);
	ret |= HPDF_Dict_AddNumber(desc, "StemV", f->stemv);
	ret |= HPDF_Dict_Add(desc, "FontFile2", prog);
	ret |= HPDF_Dict_AddNumber(prog, "Length1", (HPDF_INT32)f->cur->prog.raw);
	if (pdfa) {
		HPDF_Dict cs = raw_stream(pdf, &f->cur->cidset);

		if (cs == NULL)
			return -1;
		ret |= HPDF_Dict_Add(desc, "CIDSet", cs);
	}
	return ret == HPDF_OK ? 0 : -1;
}

int
pdf_fontset_finish(struct pdf_fontset *fs, bool pdfa)
{
	int rc = 0;

	for (size_t i = 0; i < fs->n; i++) {
		struct pdf_face *f = fs->faces[i];

		if (f->dict == NULL)
			continue;
		if (face_choose(f) != 0) {
			rc = -1;
			continue;
		}
		if (face_objects(fs->pdf, f, pdfa) != 0) {
			diag(DIAG_ERROR, f->path, 0, 0, "cannot embed the "
			    "font in the PDF");
			rc = -1;
		}
	}
	return rc;
}
