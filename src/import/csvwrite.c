/*
 * CSV output of a programme's people for spreadsheets (tandem export), in
 * the form the importer reads back unchanged.
 */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include "import/sheet.h"
#include "import/write.h"
#include "util/escape.h"
#include "util/strbuf.h"

/* Write one cell (see escape_csv()), after the separator unless first. */
static void
cell(FILE *fp, const char *s, bool first)
{
	if (!first)
		fputc(';', fp);
	escape_csv(fp, s, ';');
}

/* The topic labels of q, joined by ", " (or "; " when a label holds a
 * comma, so that the importer splits them right). */
static void
topics_cell(struct strbuf *sb, const struct programme *p,
    const struct person *q)
{
	const char *sep = ", ";

	for (size_t i = 0; i < q->ntopics; i++)
		if (strchr(p->topics[q->topics[i]].label, ',') != NULL)
			sep = "; ";
	for (size_t i = 0; i < q->ntopics; i++) {
		if (i > 0)
			sb_adds(sb, sep);
		sb_adds(sb, p->topics[q->topics[i]].label);
	}
}

/* The ids of the tandem partners of person k, space-separated. */
static void
partner_cell(struct strbuf *sb, const struct programme *p, int k)
{
	if (p->tandem_source != TANDEMS_INLINE &&
	    p->tandem_source != TANDEMS_FILE)
		return;
	for (size_t i = 0; i < p->ntandems; i++) {
		int other = -1;

		if (p->tandems[i].mentee == k)
			other = p->tandems[i].mentor;
		else if (p->tandems[i].mentor == k)
			other = p->tandems[i].mentee;
		if (other < 0)
			continue;
		if (sb->len > 0)
			sb_addc(sb, ' ');
		sb_adds(sb, p->people[other].id);
	}
}

void
import_csv_people(FILE *fp, const struct programme *p)
{
	struct strbuf sb = STRBUF_INIT;
	char num[16];
	int c;

	fputs("\xEF\xBB\xBF", fp);
	for (c = 0; c < IMPORT_COL__MAX; c++)
		cell(fp, import_col_names[c], c == 0);
	fputc('\n', fp);
	for (size_t i = 0; i < p->npeople; i++) {
		const struct person *q = &p->people[i];

		for (c = 0; c < IMPORT_COL__MAX; c++) {
			const char *v = NULL;

			sb_clear(&sb);
			num[0] = '\0';
			switch ((enum import_col)c) {
			case IMPORT_COL_ID: v = q->id; break;
			case IMPORT_COL_ROLE: v = role_names[q->role]; break;
			case IMPORT_COL_GENDER: v = gender_names[q->gender]; break;
			case IMPORT_COL_TITLE: v = q->title; break;
			case IMPORT_COL_GIVEN: v = q->given; break;
			case IMPORT_COL_FAMILY: v = q->family; break;
			case IMPORT_COL_ORG:
				v = q->org >= 0 ? p->orgs[q->org].name : NULL;
				break;
			case IMPORT_COL_UNIT: v = q->unit; break;
			case IMPORT_COL_POSITION: v = q->position; break;
			case IMPORT_COL_EMAIL: v = q->email; break;
			case IMPORT_COL_PHONE: v = q->phone; break;
			case IMPORT_COL_LEVEL:
				if (q->level > 0)
					snprintf(num, sizeof(num), "%d",
					    q->level);
				v = num;
				break;
			case IMPORT_COL_CAPACITY:
				if (q->role == ROLE_MENTOR || q->capacity != 1)
					snprintf(num, sizeof(num), "%d",
					    q->capacity);
				v = num;
				break;
			case IMPORT_COL_FIELD: v = q->field; break;
			case IMPORT_COL_TOPICS:
				topics_cell(&sb, p, q);
				v = sb_str(&sb);
				break;
			case IMPORT_COL_LANGUAGES:
				for (size_t j = 0; j < q->nlanguages; j++) {
					if (j > 0)
						sb_addc(&sb, ' ');
					sb_adds(&sb, q->languages[j]);
				}
				v = sb_str(&sb);
				break;
			case IMPORT_COL_BACKGROUND: v = q->background; break;
			case IMPORT_COL_WISH_GENDER:
				v = gender_names[q->wish_gender];
				break;
			case IMPORT_COL_WISH_BACKGROUND:
				v = q->wish_background ? "yes" : NULL;
				break;
			case IMPORT_COL_STATUS: v = status_names[q->status]; break;
			case IMPORT_COL_PARTNER:
				partner_cell(&sb, p, (int)i);
				v = sb_str(&sb);
				break;
			case IMPORT_COL__MAX:
				break;
			}
			cell(fp, v, c == 0);
		}
		fputc('\n', fp);
	}
	sb_free(&sb);
}
