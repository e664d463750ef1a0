/*
 * The document tree: what a document kind (handbook, agreement, certificate,
 * report, ...) composes and the layout engine (layout.h) sets on pages.
 * It knows nothing about PDF or devices; sizes are in points.
 *
 * A tree of blocks. Blocks that hold text (headings, paragraphs, code,
 * tick boxes, signature captions) carry a list of inline runs; container
 * blocks (lists, items, quotes, tables, rows, cells, keep groups) carry
 * child blocks. Every block remembers the source file and line it came
 * from, for diagnostics.
 *
 * Ownership: a struct doc owns every block, run and string reachable from
 * it; doc_free() releases all of it. Strings passed to the doc_* functions
 * are copied.
 */
#ifndef LAYOUT_DOC_H
#define LAYOUT_DOC_H

#include <stdbool.h>
#include <stddef.h>

enum doc_kind {
	DOC_ROOT,		/* the document: children only */
	DOC_HEADING,		/* level 1..4; runs; outline + TOC entry */
	DOC_PARA,		/* runs */
	DOC_LIST,		/* children DOC_ITEM; ordered, start */
	DOC_ITEM,		/* children: the item's blocks */
	DOC_QUOTE,		/* children, indented with a bar */
	DOC_CODE,		/* one verbatim run, monospaced, no filling */
	DOC_RULE,		/* a horizontal line */
	DOC_IMAGE,		/* path, alt, width/height (0 = natural) */
	DOC_SPACE,		/* vertical space of height points */
	DOC_PAGEBREAK,		/* start a new page */
	DOC_TABLE,		/* children DOC_ROW; colw[]; header_rows */
	DOC_ROW,		/* children DOC_CELL */
	DOC_CELL,		/* children: the cell's blocks */
	DOC_KEEP,		/* children kept together on one page */
	DOC_TOC,		/* the generated table of contents */
	DOC_TICKBOX,		/* a box (checked or not) + label runs */
	DOC_FILLIN,		/* nlines empty lines to write on */
	DOC_SIGNATURE,		/* a line to sign on + caption runs */
	DOC_DRAWING,		/* width x height of vector primitives */
	DOC__MAX
};

enum doc_align {
	DOC_ALIGN_DEFAULT,	/* the template's choice for the block */
	DOC_ALIGN_LEFT,		/* ragged right */
	DOC_ALIGN_CENTER,
	DOC_ALIGN_RIGHT,
	DOC_ALIGN_JUSTIFY,
	DOC_ALIGN__MAX
};

/* Which of the template's font families a block uses. */
enum doc_font {
	DOC_FONT_BODY,
	DOC_FONT_HEADING,
	DOC_FONT_MONO,
	DOC_FONT__MAX
};

/*
 * The language of text without linguistic content (ISO 639 "zxx"), for
 * block->lang and run->lang: personal names and data whose language is
 * unknown. Such text is never hyphenated (no patterns exist for it).
 */
#define DOC_LANG_NONE	"zxx"

/* Style bits of a run (and of a block, applied to all its runs). */
#define DOC_BOLD	0x01u
#define DOC_ITALIC	0x02u
#define DOC_CODE_SPAN	0x04u	/* inline code: the mono family */
#define DOC_BREAK	0x08u	/* a hard line break (text is empty) */

struct doc_run {
	char		*text;		/* UTF-8, may be empty */
	size_t		 len;
	unsigned	 style;		/* DOC_BOLD | DOC_ITALIC | ... */
	char		*uri;		/* link target: an http, https or
					   mailto URI, or "#id" for the
					   heading with that id (see
					   doc_heading_ids); NULL = none */
	const char	*lang;		/* "de", "en"; NULL = the block's */
	long		 line;		/* source line, 0 = unknown */
};

/* Vector primitives of a DOC_DRAWING, relative to its top-left corner. */
enum doc_prim_kind {
	DOC_PRIM_LINE,		/* (x, y) to (x + w, y + h) */
	DOC_PRIM_RECT,		/* filled with fill, stroked if width > 0 */
	DOC_PRIM_TEXT,		/* text with its baseline's left end at (x, y) */
	DOC_PRIM_IMAGE,		/* image file text scaled into the box w x h */
	DOC_PRIM__MAX
};

struct doc_prim {
	enum doc_prim_kind kind;
	double		 x, y, w, h;
	double		 width;		/* stroke width; 0 = none */
	double		 grey;		/* fill / stroke grey 0..1 */
	double		 size;		/* text size */
	char		*text;		/* DOC_PRIM_TEXT; path for DOC_PRIM_IMAGE */
	char		*alt;		/* DOC_PRIM_IMAGE: alternative text;
					   the image is then a figure of its
					   own (see DOC_DRAWING) */
};

struct doc_block {
	enum doc_kind	 kind;
	struct doc_block *parent, *first, *last, *next;
	const char	*file;		/* source file for diagnostics */
	long		 line;

	struct doc_run	*runs;		/* text blocks */
	size_t		 nruns, runcap;

	enum doc_align	 align;		/* DOC_ALIGN_DEFAULT = template */
	enum doc_font	 font;		/* family */
	unsigned	 style;		/* style bits for every run */
	double		 size;		/* font size override; 0 = template */
	const char	*lang;		/* NULL = the document's */
	bool		 shrink_fit;	/* shrink the size until one line fits */

	int		 level;		/* heading 1..4 */
	bool		 no_toc;	/* heading: not in TOC nor outline */
	bool		 ordered;	/* list */
	int		 start;		/* ordered list: first number */
	bool		 tight;		/* list without space between items */
	bool		 checked;	/* tick box */
	int		 nlines;	/* fill-in lines */

	char		*path;		/* image file */
	char		*alt;		/* image alternative text */
	double		 width, height;	/* image, space, drawing (points) */

	double		*colw;		/* table column weights (any unit) */
	size_t		 ncols;
	int		 header_rows;	/* table: rows repeated on each page */
	bool		 no_rules;	/* table: no lines under the rows */
	bool		 layout_only;	/* table: only places its cells side
					   by side; tagged PDF shows their
					   content, not a table */

	bool		 group;		/* row: names the group of the rows
					   that follow it (up to the next
					   group row); its first cell spans
					   the table, the others are not
					   set. On a page where the group
					   continues it is repeated, marked
					   continued, under the header rows,
					   and it never ends a page alone */

	bool		 keep_prev;	/* keep group: no page break between
					   it and the block before it (a
					   chart stays with its heading and
					   introduction) */
	bool		 loose_prev;	/* with keep_prev: unless keeping
					   would leave more than half of the
					   page before empty (a chart after
					   a table begins the next page
					   rather than move text, table and
					   chart on together) */

	bool		 restart_pages;	/* page break: the next page is
					   page 1 of a new document in a
					   combined file (running heads) */

	struct doc_prim	*prims;		/* drawing */
	size_t		 nprims, primcap;
	bool		 form;		/* drawing: signature lines etc., a
					   Form element; else with alt a
					   Figure; else, when all its
					   primitives are images with alt
					   text, each image a Figure; else a
					   paragraph (lines are decoration) */
	char		*id;		/* heading: its explicit id (Pandoc's
					   "{#id}"), or NULL = the slug of its
					   text (doc_slug) */
	bool		 on_page;	/* drawing: its primitives are in the
					   coordinates of the page it falls on
					   (from the top left corner), and it
					   takes no room in the flow (a frame,
					   a number at the page's foot) */
};

struct doc {
	struct doc_block *root;
	char		*title;		/* PDF title, running head */
	char		*author;
	char		*programme;	/* the programme's title, for
					   {{programme}} in running heads;
					   NULL = empty */
	char		*lang;		/* "de" (default) or "en" */
	bool		 title_page;	/* page 1 without running head/foot */
	char		**strings;	/* interned strings (doc_intern) */
	size_t		 nstrings, stringcap;
};

struct doc	*doc_new(const char *lang);
void		 doc_free(struct doc *);

/* A copy of s owned by the document (for run and block lang fields). */
const char	*doc_intern(struct doc *, const char *s);

/* Append a new block of the given kind to parent; returns it. */
struct doc_block *doc_add(struct doc_block *parent, enum doc_kind,
		    const char *file, long line);

/* Append a run of text (copied) to a text block; returns the run. */
struct doc_run	*doc_add_text(struct doc_block *, const char *s, size_t len,
		    unsigned style, long line);
/* Append a hard line break. */
void		 doc_add_break(struct doc_block *, long line);
/* Append a drawing primitive (text copied, may be NULL). */
struct doc_prim	*doc_add_prim(struct doc_block *, enum doc_prim_kind,
		    double x, double y, double w, double h);

/* Set the string fields (copies; NULL clears). */
void		 doc_set_str(char **field, const char *s);

/* Free a block and its children (after unlinking it from its parent). */
void		 doc_block_free(struct doc_block *);

/* The plain text of a text block's runs (caller frees). */
char		*doc_plain_text(const struct doc_block *);

/*
 * The id a heading's text gets for links to it ("#id"), as GitHub and
 * Pandoc make them: lower case (also umlauts and other letters with
 * diacritics, which are kept), each space a hyphen, letters, digits, "-"
 * and "_" kept, all other characters left out. "Phase 1: Auswahl" gives
 * "phase-1-auswahl". Caller frees; may be empty.
 */
char		*doc_slug(const char *text, size_t len);

/*
 * The ids of all headings of the tree in document order: each heading's
 * explicit id or the slug of its text; a repeated id gets "-1", "-2", ...
 * as GitHub does; a heading whose slug is empty gets none (NULL). Stores
 * the blocks in *blocks and the ids (owned by the caller, as the arrays)
 * in *ids; returns their number.
 */
size_t		 doc_heading_ids(const struct doc_block *root,
		    const struct doc_block ***blocks, char ***ids);

/*
 * The same for the headings of the sibling blocks from first up to (not
 * including) end, NULL = to the last, and their children: one part of a
 * combined document counts its ids on its own.
 */
size_t		 doc_heading_ids_range(const struct doc_block *first,
		    const struct doc_block *end,
		    const struct doc_block ***blocks, char ***ids);

/* Names of the kinds ("heading", "para", ...), for dumps and messages. */
extern const char *const doc_kind_names[DOC__MAX];

#endif
