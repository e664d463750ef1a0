/*
 * Spreadsheet rows to programme data (see sheet.h): one person per row,
 * organisations and topics found or created, ids given, partner cells
 * made tandems. The words of headers and cells are in sheet_vocab.c.
 */
#include <ctype.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/sheet.h"
#include "import/sheet_priv.h"
#include "import/similar.h"
#include "load/load.h"
#include "util/diag.h"
#include "util/strbuf.h"
#include "util/strmap.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/* Parse an integer lo..hi; returns false for anything else. */
static bool
parse_int(const char *cell, int lo, int hi, int *out)
{
	char *end;
	long v;

	if (!isdigit((unsigned char)cell[0]))
		return false;
	v = strtol(cell, &end, 10);
	if (*end != '\0' || v < lo || v > hi)
		return false;
	*out = (int)v;
	return true;
}

/* Is s a token: non-empty, no white space? */
static bool
is_token(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (isspace((unsigned char)*s))
			return false;
	return true;
}

/* Is s a valid id ([A-Za-z0-9_-]+)? */
static bool
is_id(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!isalnum((unsigned char)*s) && *s != '_' && *s != '-')
			return false;
	return true;
}

/* Does the cell hold a character XML cannot carry (controls but tab and
 * newline)? */
static bool
has_control(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s < 0x20 && *s != '\t' && *s != '\n')
			return true;
	return false;
}

/*
 * Split a list cell into items: on ';' and line breaks when the cell has
 * any, else on ',' (and, with spaces_too, on spaces as well). Items are
 * trimmed; empty ones dropped. Returns the count; *items is a
 * NULL-terminated array the caller frees with free_items().
 */
static size_t
split_items(const char *cell, bool spaces_too, char ***items)
{
	const char *seps;
	char **v = NULL;
	size_t n = 0, cap = 0;

	if (strpbrk(cell, ";\n") != NULL)
		seps = spaces_too ? ";\n \t" : ";\n";
	else
		seps = spaces_too ? ", \t" : ",";
	while (*cell != '\0') {
		size_t k = strcspn(cell, seps);
		const char *b = cell, *e = cell + k;

		while (b < e && isspace((unsigned char)*b))
			b++;
		while (e > b && isspace((unsigned char)e[-1]))
			e--;
		if (e > b) {
			v = xgrow(v, &cap, n + 2, sizeof(*v));
			v[n++] = xstrndup(b, (size_t)(e - b));
		}
		cell += k;
		if (*cell != '\0')
			cell++;
	}
	if (v == NULL)
		v = xcalloc(1, sizeof(*v));
	v[n] = NULL;
	*items = v;
	return n;
}

static void
free_items(char **v)
{
	for (size_t i = 0; v[i] != NULL; i++)
		free(v[i]);
	free(v);
}

/* A copy of s with each run of white space (line breaks too) turned into
 * one space, as the loader reads element text. */
static char *
collapse_space(const char *s)
{
	char *c = xmalloc(strlen(s) + 1), *d = c;

	while (*s != '\0') {
		if (*s == ' ' || *s == '\t' || *s == '\n') {
			while (*s == ' ' || *s == '\t' || *s == '\n')
				s++;
			if (d > c && *s != '\0')
				*d++ = ' ';
		} else
			*d++ = *s++;
	}
	*d = '\0';
	return c;
}

/* The state of one import. */
struct sheet {
	const char		*file;
	const struct programme	*into;
	struct programme	*p;
	int			 col[IMPORT_COL__MAX];	/* cell index or -1 */
	const char		*header[IMPORT_COL__MAX]; /* as written */
	char			**partners;	/* per person: partner cell */
	size_t			 nheader;	/* cells in the header row */
	size_t			 orgcap, topiccap, peoplecap, tandemcap;
	int			 errors;
	/* Organisations and topics by id and by folded name (label), the
	 * first of each; the first norgs_mapped, ntopics_mapped are in. */
	struct strmap		 org_ids, org_names, topic_ids, topic_labels;
	size_t			 norgs_mapped, ntopics_mapped;
};

/* Report a bad cell of row line in column c. */
static void
bad_cell(struct sheet *sh, long line, enum import_col c, const char *fmt,
    const char *value, const char *hint)
{
	char *msg = xasprintf(fmt, value);

	if (hint != NULL)
		diag_error(sh->file, line, "%s in column '%s' (%s)", msg,
		    sh->header[c], hint);
	else
		diag_error(sh->file, line, "%s in column '%s'", msg,
		    sh->header[c]);
	free(msg);
	sh->errors++;
}

/*
 * Report value in column c of row line as unknown: with "did you mean" the
 * closest of cands[0..n) when one is close, else with the hint otherwise.
 */
static void
unknown_cell(struct sheet *sh, long line, enum import_col c, const char *fmt,
    const char *value, const char *const *cands, size_t n,
    const char *otherwise)
{
	const char *close = import_closest(value, cands, n);
	char *hint = close != NULL ? xasprintf("did you mean '%s'?", close) :
	    NULL;

	bad_cell(sh, line, c, fmt, value, hint != NULL ? hint : otherwise);
	free(hint);
}

/* An id made from name (see import_slug()) that ids does not hold yet:
 * "name", else "name-2", "name-3", ... The caller frees. */
static char *
new_id(const struct strmap *ids, const char *name, const char *fallback)
{
	char *base = import_slug(name, fallback), *id = xstrdup(base);
	size_t i;

	for (int k = 2; strmap_get(ids, id, &i); k++) {
		free(id);
		id = xasprintf("%s-%d", base, k);
	}
	free(base);
	return id;
}

/* Map the header row; false when a required column is missing. */
static bool
map_header(struct sheet *sh, const struct csvin_row *h)
{
	int c;

	for (c = 0; c < IMPORT_COL__MAX; c++)
		sh->col[c] = -1;
	for (size_t i = 0; i < h->ncells; i++) {
		const char *name = h->cells[i];

		if (name[0] == '\0')
			continue;
		c = (int)import_col_lookup(name);
		if (c == IMPORT_COL__MAX) {
			diag_warn(sh->file, h->line, "unknown column '%s' "
			    "ignored", name);
			continue;
		}
		if (sh->col[c] >= 0) {
			diag_error(sh->file, h->line, "columns '%s' and '%s' "
			    "both mean '%s'", sh->header[c], name,
			    import_col_names[c]);
			sh->errors++;
			continue;
		}
		sh->col[c] = (int)i;
		sh->header[c] = name;
	}
	if (sh->col[IMPORT_COL_FAMILY] < 0) {
		diag_error(sh->file, h->line, "no column for the family name "
		    "(a header such as 'Nachname' or 'family')");
		sh->errors++;
	}
	if (sh->col[IMPORT_COL_ROLE] < 0) {
		diag_error(sh->file, h->line, "no column for the role "
		    "(a header such as 'Rolle' or 'role')");
		sh->errors++;
	}
	return sh->errors == 0;
}

/* Add name, folded as import_same() compares, to m with value i. */
static void
add_folded(struct strmap *m, const char *name, size_t i)
{
	char *f = import_fold(name, ' ');

	strmap_add(m, f, i);
	free(f);
}

/*
 * The first index of an entry of ids or names (a folded name) that names
 * cell, or -1: the first entry whose id is cell or whose name is the same
 * as cell, as a scan of the entries would find.
 */
static int
find_mapped(const struct strmap *ids, const struct strmap *names,
    const char *cell)
{
	char *f = import_fold(cell, ' ');
	size_t i, j;
	bool by_id = strmap_get(ids, cell, &i), by_name = strmap_get(names,
	    f, &j);

	free(f);
	if (by_id && (!by_name || i < j))
		return (int)i;
	return by_name ? (int)j : -1;
}

/* The index of the organisation the cell names, creating it if allowed;
 * -1 after an error. */
static int
find_org(struct sheet *sh, long line, const char *cell)
{
	struct programme *p = sh->p;
	const char **cands;
	size_t i, n = 0;
	int k;

	for (; sh->norgs_mapped < p->norgs; sh->norgs_mapped++) {
		const struct org *o = &p->orgs[sh->norgs_mapped];

		strmap_add(&sh->org_ids, o->id, sh->norgs_mapped);
		add_folded(&sh->org_names, o->name, sh->norgs_mapped);
		if (o->short_name != NULL)
			add_folded(&sh->org_names, o->short_name,
			    sh->norgs_mapped);
	}
	if ((k = find_mapped(&sh->org_ids, &sh->org_names, cell)) >= 0)
		return k;
	if (sh->into == NULL) {
		p->orgs = xgrow(p->orgs, &sh->orgcap, p->norgs + 1,
		    sizeof(*p->orgs));
		memset(&p->orgs[p->norgs], 0, sizeof(p->orgs[0]));
		p->orgs[p->norgs].id = new_id(&sh->org_ids, cell, "org");
		p->orgs[p->norgs].name = xstrdup(cell);
		p->orgs[p->norgs].line = line;
		return (int)p->norgs++;
	}
	cands = xcalloc(2 * p->norgs + 1, sizeof(*cands));
	for (i = 0; i < p->norgs; i++) {
		cands[n++] = p->orgs[i].name;
		if (p->orgs[i].short_name != NULL)
			cands[n++] = p->orgs[i].short_name;
	}
	unknown_cell(sh, line, IMPORT_COL_ORG, "unknown organisation '%s'",
	    cell, cands, n, "not one of the programme's organisations");
	free(cands);
	return -1;
}

/* The index of the topic the item names, creating it if allowed; -1 after
 * an error. */
static int
find_topic(struct sheet *sh, long line, const char *item)
{
	struct programme *p = sh->p;
	const char **cands;
	size_t i, n = 0;
	int k;

	for (; sh->ntopics_mapped < p->ntopics; sh->ntopics_mapped++) {
		strmap_add(&sh->topic_ids, p->topics[sh->ntopics_mapped].id,
		    sh->ntopics_mapped);
		add_folded(&sh->topic_labels,
		    p->topics[sh->ntopics_mapped].label, sh->ntopics_mapped);
	}
	if ((k = find_mapped(&sh->topic_ids, &sh->topic_labels, item)) >= 0)
		return k;
	if (sh->into == NULL) {
		p->topics = xgrow(p->topics, &sh->topiccap, p->ntopics + 1,
		    sizeof(*p->topics));
		p->topics[p->ntopics].id = new_id(&sh->topic_ids, item,
		    "topic");
		p->topics[p->ntopics].label = xstrdup(item);
		p->topics[p->ntopics].line = line;
		return (int)p->ntopics++;
	}
	cands = xcalloc(2 * p->ntopics + 1, sizeof(*cands));
	for (i = 0; i < p->ntopics; i++) {
		cands[n++] = p->topics[i].label;
		cands[n++] = p->topics[i].id;
	}
	unknown_cell(sh, line, IMPORT_COL_TOPICS, "unknown topic '%s'", item,
	    cands, n, "not one of the programme's topics");
	free(cands);
	return -1;
}

/* Fill in the topics of q from the cell. */
static void
set_topics(struct sheet *sh, long line, struct person *q, const char *cell)
{
	char **items;
	size_t n = split_items(cell, false, &items);

	q->topics = xcalloc(n + 1, sizeof(*q->topics));
	for (size_t i = 0; i < n; i++) {
		int t = find_topic(sh, line, items[i]);
		bool dup = false;

		for (size_t j = 0; j < q->ntopics; j++)
			if (q->topics[j] == t)
				dup = true;
		if (t >= 0 && !dup)
			q->topics[q->ntopics++] = t;
	}
	free_items(items);
}

/* Fill in the languages of q from the cell (codes or language names). */
static void
set_languages(struct sheet *sh, long line, struct person *q,
    const char *cell)
{
	char **items;
	size_t n = split_items(cell, true, &items), i, j;

	q->languages = xcalloc(n + 1, sizeof(*q->languages));
	for (i = 0; i < n; i++) {
		char *f = import_fold(items[i], '\0');
		const char *code = NULL;

		for (j = 0; j < import_nlanguages; j++)
			if (import_in_list(import_languages[j].names, f))
				code = import_languages[j].code;
		free(f);
		if (code == NULL && strlen(items[i]) <= 12 &&
		    is_id(items[i]) && isalpha((unsigned char)items[i][0]))
			code = items[i];
		if (code == NULL) {
			bad_cell(sh, line, IMPORT_COL_LANGUAGES,
			    "unknown language '%s'", items[i],
			    "give a language code such as 'de' or 'tr'");
			continue;
		}
		for (j = 0; j < q->nlanguages; j++)
			if (strcmp(q->languages[j], code) == 0)
				break;
		if (j == q->nlanguages)
			q->languages[q->nlanguages++] = xstrdup(code);
	}
	free_items(items);
}

/* The cell of column c in row r, or "" if the sheet has none. */
static const char *
cell_of(const struct sheet *sh, const struct csvin_row *r, enum import_col c)
{
	int i = sh->col[c];

	if (i < 0 || (size_t)i >= r->ncells)
		return "";
	return r->cells[i];
}

/*
 * The longest field the cell would give, in characters: the cell, or in
 * a list column its longest item (split as split_items() splits, with
 * spaces too). Longer than LOAD_MAX_FIELD, tandem check would refuse the
 * programme.xml written; refused here, at the cell.
 */
static size_t
longest_field(const char *cell, bool list)
{
	const char *seps = list ? ";\n, \t" : "";
	size_t best = 0;

	while (*cell != '\0') {
		size_t k = list ? strcspn(cell, seps) : strlen(cell);
		const char *b = cell, *e = cell + k;
		size_t n;

		while (b < e && isspace((unsigned char)*b))
			b++;
		while (e > b && isspace((unsigned char)e[-1]))
			e--;
		if ((n = utf8_len(b, (size_t)(e - b))) > best)
			best = n;
		cell += k;
		if (*cell != '\0')
			cell++;
	}
	return best;
}

/* Copy the cell into *dst (NULL when empty). */
static void
set_text(const char *cell, char **dst)
{
	*dst = cell[0] != '\0' ? xstrdup(cell) : NULL;
}

/* Read one data row into a new person. */
static void
read_row(struct sheet *sh, const struct csvin_row *r)
{
	struct programme *p = sh->p;
	struct person *q;
	const char *v;
	int k;

	for (size_t i = 0; i < r->ncells; i++) {
		if (has_control(r->cells[i])) {
			diag_error(sh->file, r->line, "control character in "
			    "cell %zu", i + 1);
			sh->errors++;
		} else if (longest_field(r->cells[i], (int)i ==
		    sh->col[IMPORT_COL_TOPICS] || (int)i ==
		    sh->col[IMPORT_COL_LANGUAGES] || (int)i ==
		    sh->col[IMPORT_COL_PARTNER]) > LOAD_MAX_FIELD) {
			diag_error(sh->file, r->line, "cell %zu is longer than "
			    "%d characters, the most a data field may hold; "
			    "shorten it", i + 1, LOAD_MAX_FIELD);
			sh->errors++;
		} else if (i >= sh->nheader && r->cells[i][0] != '\0') {
			diag_error(sh->file, r->line, "value '%s' in column "
			    "%zu, which has no header", r->cells[i], i + 1);
			sh->errors++;
		}
	}
	/* The partner cells grow with the people, when their room grows
	 * (a realloc per row copies the whole array under ASan). */
	if (p->npeople + 1 > sh->peoplecap) {
		p->people = xgrow(p->people, &sh->peoplecap, p->npeople + 1,
		    sizeof(*p->people));
		sh->partners = xrealloc(sh->partners,
		    sh->peoplecap * sizeof(*sh->partners));
	}
	q = &p->people[p->npeople];
	memset(q, 0, sizeof(*q));
	q->org = -1;
	q->capacity = 1;
	q->line = r->line;
	sh->partners[p->npeople] = NULL;
	p->npeople++;

	v = cell_of(sh, r, IMPORT_COL_ID);
	if (v[0] != '\0') {
		if (is_id(v))
			q->id = xstrdup(v);
		else
			bad_cell(sh, r->line, IMPORT_COL_ID, "invalid id '%s'",
			    v, "letters, digits, '-' and '_' only");
	}

	v = cell_of(sh, r, IMPORT_COL_ROLE);
	if (v[0] == '\0')
		bad_cell(sh, r->line, IMPORT_COL_ROLE, "missing role%s", "",
		    "Mentee or Mentor");
	else if ((k = import_lookup_value(import_role_values, ROLE__MAX,
	    v)) < 0)
		bad_cell(sh, r->line, IMPORT_COL_ROLE, "unknown role '%s'", v,
		    "expected Mentee or Mentor");
	else
		q->role = (enum role)k;

	v = cell_of(sh, r, IMPORT_COL_GENDER);
	if (v[0] != '\0') {
		if ((k = import_lookup_value(import_gender_values,
		    GENDER__MAX, v)) < 0)
			bad_cell(sh, r->line, IMPORT_COL_GENDER,
			    "unknown gender '%s'", v, "expected w, m or d");
		else
			q->gender = (enum gender)k;
	}
	v = cell_of(sh, r, IMPORT_COL_WISH_GENDER);
	if (v[0] != '\0') {
		if ((k = import_lookup_value(import_gender_values,
		    GENDER__MAX, v)) < 0)
			bad_cell(sh, r->line, IMPORT_COL_WISH_GENDER,
			    "unknown gender '%s'", v, "expected w, m or d");
		else
			q->wish_gender = (enum gender)k;
	}

	set_text(cell_of(sh, r, IMPORT_COL_TITLE), &q->title);
	set_text(cell_of(sh, r, IMPORT_COL_GIVEN), &q->given);
	set_text(cell_of(sh, r, IMPORT_COL_FAMILY), &q->family);
	if (q->family == NULL)
		bad_cell(sh, r->line, IMPORT_COL_FAMILY, "missing family name%s",
		    "", NULL);
	set_text(cell_of(sh, r, IMPORT_COL_UNIT), &q->unit);
	set_text(cell_of(sh, r, IMPORT_COL_POSITION), &q->position);
	set_text(cell_of(sh, r, IMPORT_COL_EMAIL), &q->email);
	set_text(cell_of(sh, r, IMPORT_COL_PHONE), &q->phone);
	set_text(cell_of(sh, r, IMPORT_COL_FIELD), &q->field);

	v = cell_of(sh, r, IMPORT_COL_ORG);
	if (v[0] != '\0')
		q->org = find_org(sh, r->line, v);

	v = cell_of(sh, r, IMPORT_COL_LEVEL);
	if (v[0] != '\0' && (q->level = import_parse_level(v)) == 0)
		bad_cell(sh, r->line, IMPORT_COL_LEVEL, "invalid level '%s'", v,
		    "a number 1-20 or a pay grade such as A13 or E11");

	v = cell_of(sh, r, IMPORT_COL_CAPACITY);
	if (v[0] != '\0' && !parse_int(v, 0, 20, &q->capacity))
		bad_cell(sh, r->line, IMPORT_COL_CAPACITY,
		    "invalid capacity '%s'", v, "a number 0-20");

	v = cell_of(sh, r, IMPORT_COL_TOPICS);
	set_topics(sh, r->line, q, v);
	v = cell_of(sh, r, IMPORT_COL_LANGUAGES);
	set_languages(sh, r->line, q, v);

	v = cell_of(sh, r, IMPORT_COL_BACKGROUND);
	if (v[0] != '\0') {
		k = import_parse_yesno(v);
		if (k == 1)
			q->background = xstrdup("migration");
		else if (k == 0)
			q->background = NULL;
		else if (is_token(v))
			q->background = xstrdup(v);
		else
			bad_cell(sh, r->line, IMPORT_COL_BACKGROUND,
			    "invalid background '%s'", v,
			    "one word such as 'migration', or ja/nein");
	}
	v = cell_of(sh, r, IMPORT_COL_WISH_BACKGROUND);
	if (v[0] != '\0') {
		if ((k = import_parse_yesno(v)) < 0)
			bad_cell(sh, r->line, IMPORT_COL_WISH_BACKGROUND,
			    "invalid value '%s'", v, "expected ja or nein");
		else
			q->wish_background = k == 1;
	}
	v = cell_of(sh, r, IMPORT_COL_STATUS);
	if (v[0] != '\0') {
		if ((k = import_lookup_value(import_status_values,
		    STATUS__MAX, v)) < 0)
			bad_cell(sh, r->line, IMPORT_COL_STATUS,
			    "unknown status '%s'", v,
			    "expected aktiv, abgeschlossen or ausgeschieden");
		else
			q->status = (enum status)k;
	}
	v = cell_of(sh, r, IMPORT_COL_PARTNER);
	if (v[0] != '\0')
		sh->partners[p->npeople - 1] = xstrdup(v);
}

/*
 * Give every person without an id one made from the data-row number
 * ("p01", "p02", ...; width by the number of rows), avoiding the ids the
 * sheet gives; report duplicate ids.
 */
static void
assign_ids(struct sheet *sh)
{
	struct programme *p = sh->p;
	struct strmap ids = STRMAP_INIT;	/* the ids taken: first row */
	int width = p->npeople >= 100 ? 3 : 2;
	size_t i, j;

	for (i = 0; i < p->npeople; i++)
		if (p->people[i].id != NULL &&
		    !strmap_add(&ids, p->people[i].id, i)) {
			strmap_get(&ids, p->people[i].id, &j);
			diag_error(sh->file, p->people[i].line, "duplicate id "
			    "'%s' in column '%s' (also in row %ld)",
			    p->people[i].id, sh->header[IMPORT_COL_ID],
			    p->people[j].line);
			sh->errors++;
		}
	for (i = 0; i < p->npeople; i++) {
		char *id;
		int k = 1;

		if (p->people[i].id != NULL)
			continue;
		id = xasprintf("p%0*zu", width, i + 1);
		while (strmap_get(&ids, id, &j)) {
			free(id);
			id = xasprintf("p%0*zu-%d", width, i + 1, ++k);
		}
		strmap_add(&ids, id, i);
		p->people[i].id = id;
	}
	strmap_free(&ids);
}

/* Add the tandem (mentee, mentor) unless it is there already (in pairs,
 * keyed "mentee mentor": a sheet of n tandems costs n lookups, not n
 * squared comparisons). */
static void
add_tandem(struct sheet *sh, struct strmap *pairs, int mentee, int mentor,
    long line)
{
	struct programme *p = sh->p;
	struct pair *t;
	char key[32];

	snprintf(key, sizeof(key), "%d %d", mentee, mentor);
	if (!strmap_add(pairs, key, p->ntandems))
		return;
	p->tandems = xgrow(p->tandems, &sh->tandemcap, p->ntandems + 1,
	    sizeof(*p->tandems));
	t = &p->tandems[p->ntandems++];
	memset(t, 0, sizeof(*t));
	t->mentee = mentee;
	t->mentor = mentor;
	t->score = -1;
	t->line = line;
	t->file = p->file;
	p->tandem_source = TANDEMS_INLINE;
}

/* Turn the partner cells (ids, separated by spaces, commas or ';') into
 * tandems. */
static void
read_partners(struct sheet *sh)
{
	struct programme *p = sh->p;
	const char **ids = xcalloc(p->npeople + 1, sizeof(*ids));
	struct strmap byid = STRMAP_INIT, pairs = STRMAP_INIT;
	size_t k;

	/* Looked up by hash: a sheet of 20,000 tandems took 4.4 s
	 * scanning the people and the tandems for each partner cell. */
	for (size_t i = 0; i < p->npeople; i++) {
		ids[i] = p->people[i].id;
		strmap_add(&byid, ids[i], i);
	}
	for (size_t i = 0; i < p->ntandems; i++) {
		char key[32];

		snprintf(key, sizeof(key), "%d %d", p->tandems[i].mentee,
		    p->tandems[i].mentor);
		strmap_add(&pairs, key, i);
	}
	for (size_t i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];
		char **items;
		size_t n;

		if (sh->partners[i] == NULL)
			continue;
		n = split_items(sh->partners[i], true, &items);
		for (size_t j = 0; j < n; j++) {
			if (!strmap_get(&byid, items[j], &k))
				unknown_cell(sh, q->line, IMPORT_COL_PARTNER,
				    "unknown person '%s'", items[j], ids,
				    p->npeople, "give the id of the partner's "
				    "row");
			else if (p->people[k].role == q->role)
				bad_cell(sh, q->line, IMPORT_COL_PARTNER,
				    "partner '%s' has the same role", items[j],
				    "a tandem is a mentee and a mentor");
			else if (q->role == ROLE_MENTEE)
				add_tandem(sh, &pairs, (int)i, (int)k,
				    q->line);
			else
				add_tandem(sh, &pairs, (int)k, (int)i,
				    q->line);
		}
		free_items(items);
	}
	strmap_free(&byid);
	strmap_free(&pairs);
	free(ids);
}

/* Copy the organisations and topics (and frame) of into to p. */
static void
copy_frame(struct sheet *sh, const struct programme *into)
{
	struct programme *p = sh->p;
	size_t i;

	p->id = xstrdup(into->id);
	p->title = xstrdup(into->title);
	p->edition = into->edition != NULL ? xstrdup(into->edition) : NULL;
	p->place = into->place != NULL ? xstrdup(into->place) : NULL;
	p->lang = into->lang;
	p->kind = into->kind;
	p->wording = into->wording;
	p->start = into->start;
	p->end = into->end;
	p->weights = into->weights;
	p->rules = into->rules;
	p->orgs = xcalloc(into->norgs + 1, sizeof(*p->orgs));
	for (i = 0; i < into->norgs; i++) {
		const struct org *o = &into->orgs[i];

		p->orgs[i].id = xstrdup(o->id);
		p->orgs[i].name = xstrdup(o->name);
		p->orgs[i].short_name = o->short_name != NULL ?
		    xstrdup(o->short_name) : NULL;
		p->orgs[i].logo = o->logo != NULL ? xstrdup(o->logo) : NULL;
		p->orgs[i].line = o->line;
	}
	p->norgs = sh->orgcap = into->norgs;
	p->topics = xcalloc(into->ntopics + 1, sizeof(*p->topics));
	for (i = 0; i < into->ntopics; i++) {
		p->topics[i].id = xstrdup(into->topics[i].id);
		p->topics[i].label = xstrdup(into->topics[i].label);
		p->topics[i].line = into->topics[i].line;
	}
	p->ntopics = sh->topiccap = into->ntopics;
}

struct programme *
import_sheet(const char *file, const struct csvin_table *t,
    const struct programme *into, int year)
{
	struct sheet sh;
	size_t i;

	memset(&sh, 0, sizeof(sh));
	sh.file = file;
	sh.into = into;
	if (t->nrows == 0) {
		diag_error(file, 0, "the sheet is empty: no header row");
		return NULL;
	}
	if (!map_header(&sh, &t->rows[0]))
		return NULL;
	sh.nheader = t->rows[0].ncells;

	sh.p = programme_new();
	sh.p->file = xstrdup(file);
	if (into != NULL)
		copy_frame(&sh, into);
	else {
		sh.p->id = xasprintf("programme-%04d", year);
		sh.p->title = xasprintf("Mentoring-Programm %04d", year);
		sh.p->start = (struct date){ year, 1, 1 };
		sh.p->end = (struct date){ year, 12, 31 };
	}
	if (t->nrows == 1)
		diag_warn(file, t->rows[0].line, "no rows below the header: "
		    "nobody to import");
	for (i = 1; i < t->nrows; i++) {
		struct csvin_row r = t->rows[i];

		/* As the loader reads element text: white space collapsed. */
		r.cells = xcalloc(r.ncells + 1, sizeof(*r.cells));
		for (size_t j = 0; j < r.ncells; j++)
			r.cells[j] = collapse_space(t->rows[i].cells[j]);
		read_row(&sh, &r);
		for (size_t j = 0; j < r.ncells; j++)
			free(r.cells[j]);
		free(r.cells);
	}
	assign_ids(&sh);
	read_partners(&sh);
	for (i = 0; i < sh.p->npeople; i++)
		free(sh.partners[i]);
	free(sh.partners);
	strmap_free(&sh.org_ids);
	strmap_free(&sh.org_names);
	strmap_free(&sh.topic_ids);
	strmap_free(&sh.topic_labels);
	if (sh.errors != 0) {
		programme_free(sh.p);
		return NULL;
	}
	return sh.p;
}
