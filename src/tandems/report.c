/*
 * The overview of formed tandems that `tandem match` prints: an aligned
 * text table (with --explain the score parts, the next-best mentors and
 * why mentees stayed without a tandem) or CSV.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load/fields.h"
#include "tandems/report.h"
#include "util/escape.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

/*
 * The text overview fits TEXT_WIDTH columns: one line per tandem with the
 * two people, their organisations and the score, and below it, indented,
 * the shared topics and any note. When the names and organisations do not
 * fit, the widest of those columns is narrowed first (never below
 * col_min) and its cells shortened with "…" (the id in parentheses kept).
 */
#define TEXT_WIDTH	100
#define INDENT		"    "
#define GLUE		"\x1f"	/* a space that does not break a line */

enum col {
	COL_MENTEE,
	COL_MENTEE_ORG,
	COL_MENTOR,
	COL_MENTOR_ORG,
	COL_SCORE,
	COL__MAX
};

static const char *const col_heads[COL__MAX] = {
	"Mentee", "Organisation", "Mentor", "Organisation", "Score"
};

/* The narrowest a column gets when the table must shrink. */
static const size_t col_min[COL__MAX] = { 20, 12, 20, 12, 5 };

enum csvcol {
	CSV_MENTEE,
	CSV_MENTEE_ORG,
	CSV_MENTEE_FIELD,
	CSV_MENTOR,
	CSV_MENTOR_ORG,
	CSV_MENTOR_FIELD,
	CSV_TOPICS,
	CSV_SCORE,
	CSV_NOTE,
	CSV__MAX
};

static const char *const csv_heads[CSV__MAX] = {
	"mentee", "mentee_org", "mentee_field", "mentor", "mentor_org",
	"mentor_field", "shared_topics", "score", "note"
};

/* "Given Family (id)", or "Family (id)". */
static char *
person_label(const struct person *q)
{
	if (q->given != NULL)
		return xasprintf("%s %s (%s)", q->given, q->family, q->id);
	return xasprintf("%s (%s)", q->family, q->id);
}

static const char *
org_label(const struct programme *p, int org)
{
	if (org < 0)
		return "";
	return p->orgs[org].short_name ? p->orgs[org].short_name :
	    p->orgs[org].name;
}

static const char *
field_of(const struct person *q)
{
	return q->field != NULL ? q->field : "";
}

static size_t
width(const char *s)
{
	return utf8_len(s, strlen(s));
}

/* The byte length of the first n characters of s. */
static size_t
prefix_bytes(const char *s, size_t n)
{
	size_t i = 0, len = strlen(s), k;
	uint32_t cp;

	while (n > 0 && i < len) {
		k = utf8_decode(s + i, len - i, &cp);
		i += k > 0 ? k : 1;
		n--;
	}
	return i;
}

/* s shortened to at most w columns with "…" at the end (or before a
 * trailing " (id)" that is kept whole when it fits). Caller frees. */
static char *
shorten(const char *s, size_t w)
{
	const char *tail = NULL;
	size_t n = width(s), tw = 0, keep;

	if (n <= w)
		return xstrdup(s);
	if (s[strlen(s) - 1] == ')' && (tail = strrchr(s, '(')) != NULL &&
	    tail > s && tail[-1] == ' ' && (tw = width(tail - 1)) + 2 <= w)
		tail--;
	else
		tail = NULL, tw = 0;
	keep = prefix_bytes(s, w - 1 - tw);
	while (keep > 0 && s[keep - 1] == ' ')
		keep--;
	return xasprintf("%.*s\xe2\x80\xa6%s", (int)keep, s, tail ? tail : "");
}

/* The full cells of one tandem (all strings owned by the caller). */
static void
row_cells(const struct programme *p, const struct tandems_pair *tp,
    char *cell[CSV__MAX])
{
	struct strbuf sb = STRBUF_INIT;

	cell[CSV_MENTEE] = person_label(&p->people[tp->mentee]);
	cell[CSV_MENTEE_ORG] = xstrdup(org_label(p,
	    p->people[tp->mentee].org));
	cell[CSV_MENTEE_FIELD] = xstrdup(field_of(&p->people[tp->mentee]));
	cell[CSV_MENTOR] = person_label(&p->people[tp->mentor]);
	cell[CSV_MENTOR_ORG] = xstrdup(org_label(p,
	    p->people[tp->mentor].org));
	cell[CSV_MENTOR_FIELD] = xstrdup(field_of(&p->people[tp->mentor]));
	for (size_t k = 0; k < tp->nshared; k++) {
		if (k > 0)
			sb_adds(&sb, ", ");
		sb_adds(&sb, p->topics[tp->shared[k]].label);
	}
	cell[CSV_TOPICS] = xstrdup(sb_str(&sb));
	sb_free(&sb);
	cell[CSV_SCORE] = xasprintf("%d", tp->score);
	cell[CSV_NOTE] = xstrdup(tp->pinned ? "pinned" :
	    tp->broken != RULE_OK ? rule_reasons[tp->broken] : "");
}

static void
pad(FILE *fp, const char *s, size_t w, int right)
{
	size_t	 n = width(s);

	if (right)
		for (; n < w; n++)
			fputc(' ', fp);
	fputs(s, fp);
	if (!right)
		for (; n < w; n++)
			fputc(' ', fp);
}

/*
 * Print text after first (on the first line) and indent (on the others),
 * broken at spaces so that no line is wider than TEXT_WIDTH; a word wider
 * than a whole line is cut. GLUE in text is a space that does not break
 * (it keeps "topics 0.50 x 3" on one line). Ends with a newline.
 */
static void
put_wrapped(FILE *fp, const char *first, const char *indent,
    const char *text)
{
	size_t col = width(first), ind = width(indent), avail, w, b;
	const char *s = text;
	bool start = true;

	fputs(first, fp);
	while (*s != '\0') {
		const char *e = strchr(s, ' ');
		size_t len = e != NULL ? (size_t)(e - s) : strlen(s);
		char *word = xstrndup(s, len);

		w = width(word);
		if (!start && col + 1 + w > TEXT_WIDTH) {
			fprintf(fp, "\n%s", indent);
			col = ind;
			start = true;
		}
		if (!start) {
			fputc(' ', fp);
			col++;
		}
		/* A word too long for any line: cut it where the line ends. */
		while (col + w > TEXT_WIDTH && w > TEXT_WIDTH - ind) {
			avail = TEXT_WIDTH > col ? TEXT_WIDTH - col : 1;
			b = prefix_bytes(word, avail);
			fprintf(fp, "%.*s\n%s", (int)b, word, indent);
			memmove(word, word + b, strlen(word + b) + 1);
			w = width(word);
			col = ind;
		}
		for (char *g = word; (g = strchr(g, GLUE[0])) != NULL; g++)
			*g = ' ';
		fputs(word, fp);
		col += w;
		start = false;
		free(word);
		s += len;
		while (*s == ' ')
			s++;
	}
	fputc('\n', fp);
}

/* Does any mentor taking part have field f (as same-field compares)? */
static bool
field_among_mentors(const struct programme *p, const char *f)
{
	for (size_t k = 0; k < p->npeople; k++)
		if (p->people[k].role == ROLE_MENTOR &&
		    p->people[k].status != STATUS_WITHDRAWN &&
		    p->people[k].field != NULL &&
		    field_same(p->people[k].field, f))
			return true;
	return false;
}

/* The reason an unmatched mentee stayed unmatched, as one phrase. */
static char *
unmatched_reason(const struct programme *p, const struct tandems_unmatched *u)
{
	const char *f = p->people[u->mentee].field;

	size_t	 count[RULE__MAX] = { 0 };
	struct strbuf sb = STRBUF_INIT;
	int	 first = 1;

	sb_adds(&sb, tandems_why_text[u->why]);
	if (u->why == TANDEMS_NEEDED_ELSEWHERE)
		sb_addf(&sb, " (%zu admissible)", u->nadmissible);
	if (u->why != TANDEMS_NO_ADMISSIBLE)
		return sb_take(&sb);
	for (size_t k = 0; k < u->nexcluded; k++)
		count[u->rule[k]]++;
	if (u->nexcluded == 0)
		sb_adds(&sb, " (there are no mentors)");
	for (int r = 1; r < RULE__MAX; r++) {
		if (count[r] == 0)
			continue;
		sb_addf(&sb, "%s%zu: %s", first ? " (" : "; ", count[r],
		    rule_reasons[r]);
		first = 0;
	}
	if (!first)
		sb_adds(&sb, ")");
	if (count[RULE_FIELD] > 0 && f != NULL && !field_among_mentors(p, f))
		sb_addf(&sb, "; no mentor has the field \"%s\"", f);
	return sb_take(&sb);
}

/* A CSV line of cells, each escaped and guarded against formulas. */
static void
csv_line(FILE *fp, char *const cell[CSV__MAX])
{
	for (int c = 0; c < CSV__MAX; c++) {
		if (c > 0)
			fputc(',', fp);
		escape_csv(fp, cell[c], ',');
	}
	fputc('\n', fp);
}

void
tandems_report_csv(const struct programme *p, const struct tandems_result *tr,
    FILE *fp)
{
	csv_line(fp, (char *const *)csv_heads);
	for (size_t k = 0; k < tr->npairs; k++) {
		char	*cell[CSV__MAX];

		row_cells(p, &tr->pairs[k], cell);
		csv_line(fp, cell);
		for (int c = 0; c < CSV__MAX; c++)
			free(cell[c]);
	}
	for (size_t k = 0; k < tr->nunmatched; k++) {
		const struct tandems_unmatched *u = &tr->unmatched[k];
		char	*why = unmatched_reason(p, u);
		char	*cell[CSV__MAX] = { NULL };

		cell[CSV_MENTEE] = person_label(&p->people[u->mentee]);
		cell[CSV_MENTEE_ORG] = (char *)org_label(p,
		    p->people[u->mentee].org);
		cell[CSV_MENTEE_FIELD] = (char *)field_of(
		    &p->people[u->mentee]);
		cell[CSV_NOTE] = xasprintf("unmatched: %s", why);
		csv_line(fp, cell);
		free(cell[CSV_MENTEE]);
		free(cell[CSV_NOTE]);
		free(why);
	}
}

/* The parts of a score, e.g. "topics 0.50 x 3, field 1.00 x 2". */
static void
print_parts(const struct programme *p, const struct tandems_pair *tp,
    FILE *fp)
{
	const double w[MATCH_PART__MAX] = { p->weights.topics,
	    p->weights.wish_gender, p->weights.field, p->weights.level_gap,
	    p->weights.background, p->weights.language };
	struct strbuf sb = STRBUF_INIT;

	for (int k = 0; k < MATCH_PART__MAX; k++) {
		if (!(tp->applies & (1u << k)))
			continue;
		sb_addf(&sb, "%s%s" GLUE "%.2f" GLUE "x" GLUE "%g",
		    sb.len > 0 ? ", " : "",
		    match_part_names[k], tp->part[k], w[k]);
	}
	put_wrapped(fp, "      parts: ", "        ", sb.len > 0 ? sb_str(&sb) :
	    "none apply (score 100)");
	sb_free(&sb);
}

/*
 * The <forbid> pairs of mentee e and why: "not with t04: the pair is
 * forbidden (line 88: former supervisor)", one line each.
 */
static void
print_forbids(const struct programme *p, int e, FILE *fp)
{
	for (size_t i = 0; i < p->nforbids; i++) {
		struct strbuf sb = STRBUF_INIT;
		char	*first;

		if (p->forbids[i].mentee != e || p->forbids[i].mentor < 0)
			continue;
		rules_explain(p, e, p->forbids[i].mentor, &sb);
		first = xasprintf("      not with %s: ",
		    p->people[p->forbids[i].mentor].id);
		put_wrapped(fp, first, "        ", sb_str(&sb));
		free(first);
		sb_free(&sb);
	}
}

/*
 * Why mentor id->mentor got no mentee: the rules, pins or the objective
 * (tandem-programme(5), MATCHING); with no admissible mentee, the rule
 * of each mentee.
 */
static void
print_idle(const struct programme *p, const struct tandems_idle *id,
    FILE *fp)
{
	const struct person *r = &p->people[id->mentor];
	struct strbuf sb = STRBUF_INIT;
	char	*first = xasprintf("  %s without a mentee: ", r->id);
	size_t	 count[RULE__MAX] = { 0 };
	bool	 field_met = r->field == NULL;

	switch (id->why) {
	case MATCH_IDLE_NO_ADMISSIBLE:
		sb_adds(&sb, "no admissible mentee");
		for (size_t m = 0; m < p->npeople; m++) {
			const struct person *e = &p->people[m];

			if (e->role != ROLE_MENTEE ||
			    e->status == STATUS_WITHDRAWN)
				continue;
			count[rules_check(p, (int)m, id->mentor)]++;
			field_met = field_met || (e->field != NULL &&
			    field_same(e->field, r->field));
		}
		for (int rl = 1, n = 0; rl < RULE__MAX; rl++)
			if (count[rl] > 0)
				sb_addf(&sb, "%s%zu: %s", n++ ? "; " : " (",
				    count[rl], rule_reasons[rl]);
		if (sb.len > strlen("no admissible mentee"))
			sb_adds(&sb, ")");
		if (!field_met && p->rules.same_field)
			sb_addf(&sb, "; no mentee has the field \"%s\"",
			    r->field);
		break;
	case MATCH_IDLE_PINNED:
		sb_addf(&sb, id->nadmissible == 1 ? "the only admissible "
		    "mentee is pinned to another mentor" : "each of the %zu "
		    "admissible mentees is pinned to another mentor",
		    id->nadmissible);
		break;
	case MATCH_IDLE_NEEDED_ELSEWHERE:
		sb_addf(&sb, id->nadmissible == 1 ? "the only admissible "
		    "mentee is needed elsewhere: a tandem with this mentor "
		    "would leave a mentee unmatched or another mentor without "
		    "a mentee" : "each of the %zu admissible mentees is needed "
		    "elsewhere: any tandem with this mentor would leave a "
		    "mentee unmatched or another mentor without a mentee",
		    id->nadmissible);
		break;
	default:
		sb_addf(&sb, "spread is off (<rules spread=\"false\"/>): any "
		    "tandem with this mentor would leave a mentee unmatched "
		    "or lower the total score (%zu admissible mentees)",
		    id->nadmissible);
		break;
	}
	put_wrapped(fp, first, "      ", sb_str(&sb));
	free(first);
	sb_free(&sb);
}

static void
print_explain(const struct programme *p, const struct tandems_result *tr,
    FILE *fp)
{
	fputs("\nExplanation\n", fp);
	for (size_t k = 0; k < tr->npairs; k++) {
		const struct tandems_pair *tp = &tr->pairs[k];
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, "%s - %s: score %d%s", p->people[tp->mentee].id,
		    p->people[tp->mentor].id, tp->score, tp->pinned ?
		    " (pinned)" : "");
		if (tp->broken != RULE_OK) {
			sb_adds(&sb, " (breaks a rule: ");
			rules_explain(p, tp->mentee, tp->mentor, &sb);
			sb_adds(&sb, ")");
		}
		put_wrapped(fp, "  ", "      ", sb_str(&sb));
		sb_clear(&sb);
		print_parts(p, tp, fp);
		for (int a = 0; a < 2; a++) {
			const struct tandems_alt *al = &tp->alt[a];

			if (al->mentor < 0)
				continue;
			sb_addf(&sb, "%s%s" GLUE "%d" GLUE "(%+d)%s",
			    sb.len > 0 ? ", " : "", p->people[al->mentor].id,
			    al->score, al->score - tp->score, al->full ?
			    GLUE "taken" : "");
		}
		put_wrapped(fp, "      next best: ", "        ", sb.len > 0 ?
		    sb_str(&sb) : "no other admissible mentor");
		sb_free(&sb);
		print_forbids(p, tp->mentee, fp);
	}
	for (size_t k = 0; k < tr->nunmatched; k++) {
		const struct tandems_unmatched *u = &tr->unmatched[k];
		char	*first = xasprintf("  %s unmatched: ",
		    p->people[u->mentee].id);

		{
			char	*why = unmatched_reason(p, u);

			put_wrapped(fp, first, "      ", why);
			free(why);
		}
		free(first);
		for (size_t j = 0; j < u->nexcluded; j++) {
			struct strbuf sb = STRBUF_INIT;

			first = xasprintf("      %s: ",
			    p->people[u->excluded[j]].id);
			if (rules_explain(p, u->mentee, u->excluded[j], &sb) ==
			    RULE_OK)
				sb_adds(&sb, rule_reasons[u->rule[j]]);
			put_wrapped(fp, first, "        ", sb_str(&sb));
			free(first);
			sb_free(&sb);
		}
		if (u->why != TANDEMS_NO_ADMISSIBLE)
			print_forbids(p, u->mentee, fp);
	}
	for (size_t k = 0; k < tr->nidle; k++)
		print_idle(p, &tr->idle[k], fp);
}

/* The lines below a tandem: the fields of both people (when either has
 * one), shared topics and a note. */
static void
print_details(char *const cell[CSV__MAX], FILE *fp)
{
	char	*text;

	if (cell[CSV_MENTEE_FIELD][0] != '\0' ||
	    cell[CSV_MENTOR_FIELD][0] != '\0') {
		text = xasprintf("mentee %s, mentor %s",
		    cell[CSV_MENTEE_FIELD][0] != '\0' ?
		    cell[CSV_MENTEE_FIELD] : "none",
		    cell[CSV_MENTOR_FIELD][0] != '\0' ?
		    cell[CSV_MENTOR_FIELD] : "none");
		put_wrapped(fp, INDENT "field: ", INDENT "  ", text);
		free(text);
	}

	text = xasprintf("%s%s%s", cell[CSV_TOPICS][0] != '\0' ?
	    cell[CSV_TOPICS] : "none", cell[CSV_NOTE][0] != '\0' ? "; " : "",
	    cell[CSV_NOTE]);
	put_wrapped(fp, INDENT "shared topics: ", INDENT "  ", text);
	free(text);
}

/* Narrow the widest columns until a row fits TEXT_WIDTH (2 between). */
static void
fit_widths(size_t w[COL__MAX])
{
	for (;;) {
		size_t	 sum = 2 * (COL__MAX - 1);
		int	 widest = -1;

		for (int c = 0; c < COL__MAX; c++) {
			sum += w[c];
			if (w[c] > col_min[c] && (widest < 0 ||
			    w[c] > w[widest]))
				widest = c;
		}
		if (sum <= TEXT_WIDTH || widest < 0)
			return;
		w[widest]--;
	}
}

void
tandems_report_table(const struct programme *p,
    const struct tandems_result *tr, bool explain, FILE *fp)
{
	size_t	 w[COL__MAX], n = tr->npairs;
	char	**full = xcalloc(n * CSV__MAX + 1, sizeof(char *));
	char	**cells = xcalloc(n * COL__MAX + 1, sizeof(char *));
	static const enum csvcol from[COL__MAX] = { CSV_MENTEE,
	    CSV_MENTEE_ORG, CSV_MENTOR, CSV_MENTOR_ORG, CSV_SCORE };
	char	*title;

	for (int c = 0; c < COL__MAX; c++)
		w[c] = width(col_heads[c]);
	for (size_t k = 0; k < n; k++) {
		row_cells(p, &tr->pairs[k], full + k * CSV__MAX);
		for (int c = 0; c < COL__MAX; c++)
			if (width(full[k * CSV__MAX + from[c]]) > w[c])
				w[c] = width(full[k * CSV__MAX + from[c]]);
	}
	fit_widths(w);
	for (size_t k = 0; k < n; k++)
		for (int c = 0; c < COL__MAX; c++)
			cells[k * COL__MAX + c] = shorten(full[k * CSV__MAX +
			    from[c]], w[c]);
	title = xasprintf("Tandems of %s", p->title);
	put_wrapped(fp, "", "", title);
	free(title);
	fputc('\n', fp);
	for (int c = 0; c < COL__MAX; c++) {
		pad(fp, col_heads[c], c == COL__MAX - 1 ? 0 : w[c],
		    c == COL_SCORE);
		fputs(c == COL__MAX - 1 ? "\n" : "  ", fp);
	}
	for (size_t k = 0; k < n; k++) {
		for (int c = 0; c < COL__MAX; c++) {
			pad(fp, cells[k * COL__MAX + c], c == COL_SCORE ?
			    w[c] : c == COL__MAX - 1 ? 0 : w[c],
			    c == COL_SCORE);
			fputs(c == COL__MAX - 1 ? "\n" : "  ", fp);
			free(cells[k * COL__MAX + c]);
		}
		print_details(full + k * CSV__MAX, fp);
		for (int c = 0; c < CSV__MAX; c++)
			free(full[k * CSV__MAX + c]);
	}
	free(cells);
	free(full);
	if (tr->nunmatched > 0) {
		fputs("\nUnmatched\n", fp);
		for (size_t k = 0; k < tr->nunmatched; k++) {
			char	*who = person_label(
			    &p->people[tr->unmatched[k].mentee]);
			char	*why = unmatched_reason(p, &tr->unmatched[k]);
			char	*name = shorten(who, TEXT_WIDTH / 2);
			char	*first = xasprintf("  %s: ", name);

			put_wrapped(fp, first, INDENT, why);
			free(first);
			free(name);
			free(who);
			free(why);
		}
	}
	{
		struct strbuf sb = STRBUF_INIT;

		sb_addf(&sb, "%zu tandem%s; %zu of %zu mentees matched; "
		    "%zu mentor%s with %zu place%s; total score %ld",
		    tr->npairs, tr->npairs == 1 ? "" : "s", tr->npairs,
		    tr->nmentees, tr->nmentors, tr->nmentors == 1 ? "" : "s",
		    tr->nslots, tr->nslots == 1 ? "" : "s", tr->total_score);
		if (tr->npairs > 0)
			sb_addf(&sb, ", average %.1f", (double)tr->total_score /
			    (double)tr->npairs);
		fputc('\n', fp);
		put_wrapped(fp, "", "", sb_str(&sb));
		sb_free(&sb);
	}
	if (explain)
		print_explain(p, tr, fp);
}
