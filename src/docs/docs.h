/*
 * The document kinds of `tandem build`: each composes the programme's
 * data and texts into a document tree (layout/doc.h) and hands it to the
 * render path (layout/render.h); none of them knows about PDF. Shared:
 * docs_text.c (Markdown texts with placeholders), docs_common.c
 * (builders), docs_output.c (templates, writing files); one file per
 * kind: handbook.c, docs_tandems.c, docs_agreement.c (with docs_form.c),
 * docs_certificate.c, docs_report.c.
 */
#ifndef DOCS_DOCS_H
#define DOCS_DOCS_H

#include <stdbool.h>
#include <stddef.h>

#include "compose/compose.h"
#include "layout/doc.h"
#include "layout/render.h"
#include "layout/template.h"
#include "load/model.h"
#include "tandems/tandems.h"

struct docs_env;
struct strmap;

/*
 * The blocks of a kind's block placeholders (form.* in agreements,
 * report.* in the report): which is the placeholder (enum ph_block), n
 * its number argument, added to parent.
 */
typedef void	(*docs_block_fn)(struct doc_block *parent,
		    const struct docs_env *, const struct compose_ctx *,
		    int which, int n);

/* What a document is composed from. */
struct docs_env {
	const struct programme		*p;
	const struct template		*t;	/* fonts for fitting; may be NULL */
	const struct tandems_result	*tr;	/* or NULL */
	unsigned			*placed; /* report: bit per report.*
						    block placed, or NULL */
	int				 compact; /* agreements: 0 normal, 1-2
						    fewer lines, denser boxes */
	docs_block_fn			 block;	/* the kind's block
						   placeholders, or NULL */
	struct layout_run		*run;	/* the command's run
						   (layout.h), or NULL */
};

/* Where and how the documents are written. */
struct docs_out {
	const char	*dir;		/* programme folder (own templates) */
	const char	*outdir;	/* output folder, "-" = stdout (text) */
	struct render	*render;	/* the output the command chose
					   (PDF or text) */
	struct layout_run *run;		/* what the layout keeps for the
					   command (layout.h), or NULL */
	bool		 pdfa;		/* PDF/A-1b */
	long long	 date;		/* creation date, seconds since epoch */
	struct strmap	*written;	/* names written (docs_write()), for
					   docs_clean(); or NULL */
};

/*
 * Convert a Markdown text (file names it in messages) into parent with
 * its placeholders expanded for ctx; block placeholders (form.*, report.*)
 * become the blocks env->block generates, and in agreements "[ ]" items
 * tick boxes.
 * Returns 0, or -1 after error diagnostics (unknown placeholder, invalid
 * UTF-8).
 */
int	docs_markdown(struct doc *, struct doc_block *parent,
	    const struct docs_env *, const struct compose_ctx *,
	    const char *file, const char *text, size_t len);

/*
 * Check a Markdown text of kind as a build converts it (the same
 * conversion, docs_markdown(), so check and build share every rule of
 * the texts): invalid UTF-8, placeholders unknown or not available in
 * the kind, placeholders in link targets and image paths, links and raw
 * HTML left out, images that cannot be used. Reports through diag() with
 * file and line; the document is dropped. Returns 0, or -1 after errors.
 */
int	docs_text_check(const struct programme *, enum compose_text kind,
	    const char *file, const char *text, size_t len);

/*
 * Where the built-in default texts of the programme's language are:
 * "content/" (German, the sample programme's texts) or "content/en/".
 */
const char	*docs_default_dir(const struct programme *);

/*
 * Read the text NAME of the programme: DIR/NAME if the folder has it, else
 * the built-in default of its language (docs_default_dir() + NAME). *file receives the name for messages
 * (caller frees). Returns the text (caller frees) or NULL after a
 * diagnostic.
 */
char	*docs_text_read(const struct programme *, const char *name,
	    char **file, size_t *len);

/* Builders: a paragraph of plain text (NULL = empty), a heading. */
struct doc_block *docs_para(struct doc_block *parent, const char *text,
		    enum doc_align, double size, unsigned style);
struct doc_block *docs_heading(struct doc_block *parent, int level,
		    const char *text, bool in_toc);

/* A table with column weights and header rows; a row; a cell holding one
 * paragraph of text (NULL = empty) set at size (0 = template). */
struct doc_block *docs_table(struct doc_block *parent, const double *colw,
		    size_t ncols, int header_rows);
struct doc_block *docs_row(struct doc_block *table);
struct doc_block *docs_cell(struct doc_block *row, const char *text,
		    unsigned style, double size);
/* A cell with a bold first line a in language la and a second line b in
 * language lb (either may be NULL; a NULL language is the document's). */
struct doc_block *docs_cell2(struct doc_block *row, const char *a,
		    const char *la, const char *b, const char *lb);

/*
 * A row of the organisations' logos (those that have one and whose file
 * exists in the programme folder), centred in a drawing width wide and
 * height high. Appends nothing when no organisation has a logo.
 */
void	docs_logos(struct doc_block *parent, struct layout_run *,
	    const struct programme *, double width, double height);

/*
 * Keep each paragraph that introduces writing lines or tick boxes on the
 * same page as them: from the child from of parent on (NULL = the first),
 * such a paragraph and the blocks it introduces move into a DOC_KEEP.
 */
void	docs_keep_intros(struct doc_block *parent, struct doc_block *from);

/* The generated blocks of the form.* placeholders of agreements. */
void	docs_form_block(struct doc_block *parent, const struct docs_env *,
	    const struct compose_ctx *, int which, int n);

/*
 * A role word as a heading or table head: the first letter capitalised
 * ("mentors" -> "Mentors", "mentorierende Person" -> "Mentorierende
 * Person"). The result lives in a ring of eight static buffers: copy it
 * before eight more calls.
 */
const char	*docs_cap(const char *word);

/*
 * The language of the programme's data (units, positions, topics,
 * organisation names, event titles) for block->lang: NULL (the
 * document's) for a German programme; else DOC_LANG_NONE, as the data
 * does not state its language and no hyphenation is better than wrong
 * hyphenation.
 */
const char	*docs_data_lang(const struct programme *);

/* Set lang on b and on every block below it (a cell: all its
 * paragraphs); runs with a language of their own keep it. */
void		 docs_set_lang(struct doc_block *b, const char *lang);

/* A text in the programme's language: de or en. */
#define DOCS_LANG(p, de, en)	((p)->lang == LANG_EN ? (en) : (de))

/*
 * The template NAME of a programme: DIR/templates/NAME.xml of its folder,
 * else the built-in one (with English page labels for lang="en"). Used by
 * build and stats. NULL after diagnostics.
 */
struct template	*docs_template(const struct programme *, const char *name);

/*
 * The folder's own template file path (inside the programme folder dir)
 * for the kind name ("certificate", ...): read through the confined
 * opener, validated, its kind= the one its name says, its logo checked.
 * build (docs_template()) and check read templates through this one
 * function. NULL after diagnostics with file and line.
 */
struct template	*docs_template_file(const char *dir, const char *path,
		    const char *name);

/*
 * Write doc, laid out with template t, to OUTDIR/name with the extension
 * of o->render ("-" as outdir with the text dump: stdout). subject and
 * title (NULL: the document's own, which its running heads show) go to
 * the document information. Returns 0 or -1 after diagnostics.
 */
int	docs_write(const struct docs_out *o, const struct doc *doc,
	    const struct template *t, const char *name, const char *subject,
	    const char *title);

/*
 * Remove from o->outdir what an earlier build of kind ("handbook",
 * "agreements", ...) wrote and this one did not (o->written): the file
 * KIND.EXT and, for agreements and certificates, KIND/ID.EXT, with EXT
 * that of o->render and ID an id's characters. Only regular files of
 * that pattern go, never anything else in the folder. Call after the
 * kind was built without errors (also when it had nothing to print).
 */
void	docs_clean(const struct docs_out *o, const char *kind);

/* The file OUTDIR/name of docs_write() (caller frees). */
char	*docs_path(const struct docs_out *o, const char *name);

/* A kind's document composed from env (NULL after diagnostics). */
typedef struct doc	*(*docs_compose_fn)(const struct docs_env *);

/*
 * Build a kind written as one file OUTDIR/name: with env->t set to the
 * template name (docs_template()) while compose makes the document, which
 * is written with subject; with plural, the information's title names the
 * programme ("Tandemübersicht – <programme title>"). Returns 0 or -1
 * after diagnostics.
 */
int	docs_build_one(const struct docs_out *, struct docs_env *env,
	    const char *name, docs_compose_fn compose, const char *subject,
	    bool plural);

/* A new document with title and author set from the programme. */
struct doc	*docs_doc_new(const struct programme *, const char *title);

/*
 * The most characters of document information built from many fields
 * (the author list); each field alone is at most LOAD_MAX_FIELD.
 */
#define DOCS_MAX_META	2000

/* The author of the programme's documents: its organisations' names,
 * joined by ", ", as many as fit in DOCS_MAX_META characters, then "and
 * N more" (caller frees); NULL when it has none. */
char	*docs_author(const struct programme *);

/* Warn once, at the first organisation left out, when docs_author()
 * shortens the author list (build and check call it). */
void	docs_check_metadata(const struct programme *);

/* The title of a file that combines many documents: "Urkunden –
 * <programme title>" (de or en as the programme's language; caller
 * frees). */
char	*docs_plural_title(const struct programme *, const char *de,
	    const char *en);

/*
 * The kinds, written into o->outdir through o->render: each returns 0 or
 * -1 after diagnostics and warns when it has nothing to print. The tandems (tr,
 * from tandems_form(); may be NULL) are read by those that show scores.
 */
typedef int	(*docs_build_fn)(const struct programme *,
		    const struct tandems_result *tr, const struct docs_out *o);
int	docs_build_handbook(const struct programme *,
	    const struct tandems_result *, const struct docs_out *);
int	docs_build_tandems(const struct programme *,
	    const struct tandems_result *, const struct docs_out *);
int	docs_build_agreements(const struct programme *,
	    const struct tandems_result *, const struct docs_out *);
int	docs_build_certificates(const struct programme *,
	    const struct tandems_result *, const struct docs_out *);
int	docs_build_report(const struct programme *,
	    const struct tandems_result *, const struct docs_out *);

/* Certificates as one combined file and/or as separate files (the
 * benchmark measures them apart); docs_build_certificates() does both. */
int	docs_write_certificates(const struct programme *,
	    const struct docs_out *, bool combined, bool separate);

/*
 * Warn, at the line of <programme>, when certificates would carry no
 * place: someone is to be certified, the certificate text (the folder's or
 * the default) prints {{place}} or {{programme.place}}, and the programme
 * has no place attribute (tandem-programme(5)).
 */
void	docs_certificate_check_place(const struct programme *);

/* Compose one document (also for tests); NULL after diagnostics. */
struct doc	*docs_tandems_compose(const struct docs_env *);
struct doc	*docs_agreement_compose(const struct docs_env *, int tandem);
struct doc	*docs_certificate_compose(const struct docs_env *, int person);
struct doc	*docs_report_compose(const struct docs_env *);

/*
 * The table of all tandems (handbook and tandems.pdf); overview adds the
 * score and its parts (from tr, or NULL). Returns the sum of the scores
 * shown (0 without overview).
 */
long	docs_tandem_table(struct doc_block *parent, const struct programme *,
	    const struct tandems_result *tr, bool overview);

#endif
