/*
 * tandem match DIR [--explain] [--format txt|csv] [--write | -o FILE]:
 * form the tandems of a programme and print the overview (an aligned table
 * or CSV) on stdout; with --write or -o save them as a <tandems> file.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "cmd/cmd.h"
#include "load/load.h"
#include "tandems/tandems.h"
#include "util/diag.h"
#include "util/fileio.h"
#include "util/strbuf.h"
#include "util/utf8.h"
#include "util/xalloc.h"

enum col {
	COL_MENTEE,
	COL_MENTEE_ORG,
	COL_MENTOR,
	COL_MENTOR_ORG,
	COL_TOPICS,
	COL_SCORE,
	COL__MAX
};

static const char *const col_heads[COL__MAX] = {
	"Mentee", "Organisation", "Mentor", "Organisation", "Shared topics",
	"Score"
};

static const char *const csv_heads[COL__MAX] = {
	"mentee", "mentee_org", "mentor", "mentor_org", "shared_topics",
	"score"
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

/* The cells of one table row (all strings owned by the caller). */
static void
row_cells(const struct programme *p, const struct tandems_pair *tp,
    char *cell[COL__MAX])
{
	struct strbuf sb = STRBUF_INIT;

	cell[COL_MENTEE] = person_label(&p->people[tp->mentee]);
	cell[COL_MENTEE_ORG] = xstrdup(org_label(p,
	    p->people[tp->mentee].org));
	cell[COL_MENTOR] = person_label(&p->people[tp->mentor]);
	cell[COL_MENTOR_ORG] = xstrdup(org_label(p,
	    p->people[tp->mentor].org));
	for (size_t k = 0; k < tp->nshared; k++) {
		if (k > 0)
			sb_adds(&sb, ", ");
		sb_adds(&sb, p->topics[tp->shared[k]].label);
	}
	cell[COL_TOPICS] = xstrdup(sb_str(&sb));
	sb_free(&sb);
	cell[COL_SCORE] = xasprintf("%d", tp->score);
}

static size_t
width(const char *s)
{
	return utf8_len(s, strlen(s));
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

static void
csv_field(FILE *fp, const char *s)
{
	if (strpbrk(s, ",\"\n\r") == NULL) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

/* The reason an unmatched mentee stayed unmatched, as one phrase. */
static char *
unmatched_reason(const struct programme *p, const struct tandems_unmatched *u)
{
	size_t	 count[RULE__MAX] = { 0 };
	struct strbuf sb = STRBUF_INIT;
	int	 first = 1;

	sb_adds(&sb, tandems_why_text[u->why]);
	if (u->why == TANDEMS_NEEDED_ELSEWHERE)
		sb_addf(&sb, " (%zu admissible)", u->nadmissible);
	if (u->why != TANDEMS_NO_ADMISSIBLE)
		return sb_take(&sb);
	(void)p;
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
	return sb_take(&sb);
}

static void
print_csv(const struct programme *p, const struct tandems_result *tr,
    FILE *fp)
{
	for (int c = 0; c < COL__MAX; c++)
		fprintf(fp, "%s,", csv_heads[c]);
	fputs("note\n", fp);
	for (size_t k = 0; k < tr->npairs; k++) {
		char	*cell[COL__MAX];

		row_cells(p, &tr->pairs[k], cell);
		for (int c = 0; c < COL__MAX; c++) {
			csv_field(fp, cell[c]);
			fputc(',', fp);
			free(cell[c]);
		}
		fputs(tr->pairs[k].pinned ? "pinned" :
		    tr->pairs[k].broken != RULE_OK ?
		    rule_reasons[tr->pairs[k].broken] : "", fp);
		fputc('\n', fp);
	}
	for (size_t k = 0; k < tr->nunmatched; k++) {
		const struct tandems_unmatched *u = &tr->unmatched[k];
		char	*who = person_label(&p->people[u->mentee]);
		char	*why = unmatched_reason(p, u);

		csv_field(fp, who);
		fputc(',', fp);
		csv_field(fp, org_label(p, p->people[u->mentee].org));
		fputs(",,,,,unmatched: ", fp);
		csv_field(fp, why);
		fputc('\n', fp);
		free(who);
		free(why);
	}
}

/* The parts of a score, e.g. "topics 0.50 (weight 3), field 1.00 (2)". */
static void
print_parts(const struct programme *p, const struct tandems_pair *tp,
    FILE *fp)
{
	const double w[MATCH_PART__MAX] = { p->weights.topics,
	    p->weights.wish_gender, p->weights.field, p->weights.level_gap,
	    p->weights.background, p->weights.language };
	int	 first = 1;

	fputs("      parts:", fp);
	for (int k = 0; k < MATCH_PART__MAX; k++) {
		if (!(tp->applies & (1u << k)))
			continue;
		fprintf(fp, "%s %s %.2f x %g", first ? "" : ",",
		    match_part_names[k], tp->part[k], w[k]);
		first = 0;
	}
	if (first)
		fputs(" none apply (score 100)", fp);
	fputc('\n', fp);
}

static void
print_explain(const struct programme *p, const struct tandems_result *tr,
    FILE *fp)
{
	fputs("\nExplanation\n", fp);
	for (size_t k = 0; k < tr->npairs; k++) {
		const struct tandems_pair *tp = &tr->pairs[k];
		int	 any = 0;

		fprintf(fp, "  %s - %s: score %d%s%s\n",
		    p->people[tp->mentee].id, p->people[tp->mentor].id,
		    tp->score, tp->pinned ? " (pinned)" : "",
		    tp->broken != RULE_OK ? " (breaks a rule)" : "");
		print_parts(p, tp, fp);
		fputs("      next best:", fp);
		for (int a = 0; a < 2; a++) {
			const struct tandems_alt *al = &tp->alt[a];

			if (al->mentor < 0)
				continue;
			fprintf(fp, "%s %s %d (%+d)%s", any ? "," : "",
			    p->people[al->mentor].id, al->score,
			    al->score - tp->score,
			    al->full ? " taken" : "");
			any = 1;
		}
		fputs(any ? "\n" : " no other admissible mentor\n", fp);
	}
	for (size_t k = 0; k < tr->nunmatched; k++) {
		const struct tandems_unmatched *u = &tr->unmatched[k];

		fprintf(fp, "  %s unmatched: %s\n", p->people[u->mentee].id,
		    tandems_why_text[u->why]);
		for (size_t j = 0; j < u->nexcluded; j++)
			fprintf(fp, "      %s: %s\n",
			    p->people[u->excluded[j]].id,
			    rule_reasons[u->rule[j]]);
	}
}

static void
print_table(const struct programme *p, const struct tandems_result *tr,
    int explain, FILE *fp)
{
	size_t	 w[COL__MAX], n = tr->npairs;
	char	**cells = xcalloc(n * COL__MAX + 1, sizeof(char *));

	for (int c = 0; c < COL__MAX; c++)
		w[c] = width(col_heads[c]);
	for (size_t k = 0; k < n; k++) {
		row_cells(p, &tr->pairs[k], cells + k * COL__MAX);
		for (int c = 0; c < COL__MAX; c++)
			if (width(cells[k * COL__MAX + c]) > w[c])
				w[c] = width(cells[k * COL__MAX + c]);
	}
	fprintf(fp, "Tandems of %s\n\n", p->title);
	for (int c = 0; c < COL__MAX; c++) {
		pad(fp, col_heads[c], c == COL__MAX - 1 ? 0 : w[c],
		    c == COL_SCORE);
		fputs(c == COL__MAX - 1 ? "\n" : "  ", fp);
	}
	for (size_t k = 0; k < n; k++)
		for (int c = 0; c < COL__MAX; c++) {
			pad(fp, cells[k * COL__MAX + c], c == COL_SCORE ?
			    w[c] : c == COL__MAX - 1 ? 0 : w[c],
			    c == COL_SCORE);
			fputs(c == COL__MAX - 1 ? "\n" : "  ", fp);
			free(cells[k * COL__MAX + c]);
		}
	free(cells);
	if (tr->nunmatched > 0) {
		fputs("\nUnmatched\n", fp);
		for (size_t k = 0; k < tr->nunmatched; k++) {
			char	*who = person_label(
			    &p->people[tr->unmatched[k].mentee]);
			char	*why = unmatched_reason(p, &tr->unmatched[k]);

			fprintf(fp, "  %s: %s\n", who, why);
			free(who);
			free(why);
		}
	}
	fprintf(fp, "\n%zu tandem%s; %zu of %zu mentees matched; "
	    "%zu mentor%s with %zu place%s; total score %ld",
	    tr->npairs, tr->npairs == 1 ? "" : "s", tr->npairs, tr->nmentees,
	    tr->nmentors, tr->nmentors == 1 ? "" : "s", tr->nslots,
	    tr->nslots == 1 ? "" : "s", tr->total_score);
	if (tr->npairs > 0)
		fprintf(fp, ", average %.1f", (double)tr->total_score /
		    (double)tr->npairs);
	fputc('\n', fp);
	if (explain)
		print_explain(p, tr, fp);
}

/* Save the tandems atomically; returns 0 or EX_CANTCREAT. */
static int
save(const struct programme *p, const struct tandems_result *tr,
    const char *path)
{
	struct outfile *of = outfile_open(path);

	if (of == NULL) {
		diag(DIAG_ERROR, path, 0, 0, "cannot create: %s",
		    strerror(errno));
		return EX_CANTCREAT;
	}
	tandems_write_xml(p, tr, outfile_stream(of));
	if (outfile_commit(of) != 0) {
		diag(DIAG_ERROR, path, 0, 0, "cannot write: %s",
		    strerror(errno));
		return EX_CANTCREAT;
	}
	return 0;
}

int
cmd_match(int argc, char *argv[])
{
	const char *dir = NULL, *out = NULL, *format = "txt";
	struct programme *p;
	struct tandems_result *tr;
	int	 explain = 0, write = 0, rc;
	char	*path = NULL;

	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--explain") == 0)
			explain = 1;
		else if (strcmp(argv[i], "--write") == 0)
			write = 1;
		else if (strcmp(argv[i], "--format") == 0 && i + 1 < argc)
			format = argv[++i];
		else if (strncmp(argv[i], "--format=", 9) == 0)
			format = argv[i] + 9;
		else if (strcmp(argv[i], "-o") == 0 && i + 1 < argc)
			out = argv[++i];
		else if (argv[i][0] == '-' && argv[i][1] != '\0')
			return cmd_usage("match", "unknown or incomplete "
			    "option '%s'", argv[i]);
		else if (dir == NULL)
			dir = argv[i];
		else
			return cmd_usage("match", "one programme folder only");
	}
	if (dir == NULL)
		return cmd_usage("match", "no programme folder given");
	if (strcmp(format, "txt") != 0 && strcmp(format, "csv") != 0)
		return cmd_usage("match", "unknown format '%s' (txt or csv)",
		    format);
	if (write && out != NULL)
		return cmd_usage("match", "--write and -o exclude each other");
	if ((p = load_programme(dir, &rc)) == NULL)
		return rc;
	if ((rc = tandems_form(p, &tr)) != 0) {
		programme_free(p);
		return rc;
	}
	if (p->tandem_source == TANDEMS_INLINE)
		diag(DIAG_NOTE, p->file, 0, 0, "the tandems are fixed in "
		    "<tandems> here; shown as they are, not matched");
	else if (p->tandem_source == TANDEMS_FILE)
		diag(DIAG_NOTE, p->tandems_file, 0, 0, "the tandems are fixed "
		    "in this file; shown as they are (delete it to match "
		    "again)");
	/* Fixed tandems that break a rule were reported by the loader. */
	for (size_t k = 0; k < tr->nunmatched; k++)
		diag(DIAG_WARNING, p->file,
		    p->people[tr->unmatched[k].mentee].line, 0,
		    "mentee %s stays unmatched: %s",
		    p->people[tr->unmatched[k].mentee].id,
		    tandems_why_text[tr->unmatched[k].why]);
	if (write && p->tandem_source == TANDEMS_INLINE) {
		diag(DIAG_ERROR, p->file, 0, 0, "--write: the tandems are "
		    "fixed in programme.xml; a tandems.xml beside it would "
		    "conflict");
		rc = EX_DATAERR;
		goto out;
	}
	if (strcmp(format, "csv") == 0)
		print_csv(p, tr, stdout);
	else
		print_table(p, tr, explain, stdout);
	if (write || out != NULL) {
		if (out == NULL)
			out = path = xasprintf("%s/tandems.xml", p->dir);
		rc = save(p, tr, out);
	}
out:
	free(path);
	tandems_result_free(tr);
	programme_free(p);
	return rc;
}
