/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contact-mapping"

#include "config.h"

#include <string.h>

#include "herald-contact.h"
#include "herald-contact-mapping.h"

typedef struct
{
  char              *header;
  HeraldContactRole  role;
  char              *key;     /* CUSTOM columns only */
} Column;

struct _HeraldContactMapping
{
  gatomicrefcount  ref_count;
  GArray          *columns;   /* of Column */
  gboolean         has_header;
};

G_DEFINE_BOXED_TYPE (HeraldContactMapping, herald_contact_mapping,
                     herald_contact_mapping_ref, herald_contact_mapping_unref)

/* Header spellings, in the compact form compact_header() makes. */
static const struct
{
  const char        *name;
  HeraldContactRole  role;
} known_headers[] = {
  { "phone", HERALD_CONTACT_ROLE_PHONE },
  { "mobile", HERALD_CONTACT_ROLE_PHONE },
  { "number", HERALD_CONTACT_ROLE_PHONE },
  { "msisdn", HERALD_CONTACT_ROLE_PHONE },
  { "cell", HERALD_CONTACT_ROLE_PHONE },
  { "telephone", HERALD_CONTACT_ROLE_PHONE },
  { "tel", HERALD_CONTACT_ROLE_PHONE },
  { "phonenumber", HERALD_CONTACT_ROLE_PHONE },
  { "phoneno", HERALD_CONTACT_ROLE_PHONE },
  { "mobilenumber", HERALD_CONTACT_ROLE_PHONE },
  { "mobileno", HERALD_CONTACT_ROLE_PHONE },
  { "mobilephone", HERALD_CONTACT_ROLE_PHONE },
  { "cellphone", HERALD_CONTACT_ROLE_PHONE },
  { "cellnumber", HERALD_CONTACT_ROLE_PHONE },
  { "telephonenumber", HERALD_CONTACT_ROLE_PHONE },
  { "contactnumber", HERALD_CONTACT_ROLE_PHONE },
  { "whatsapp", HERALD_CONTACT_ROLE_PHONE },
  { "whatsappnumber", HERALD_CONTACT_ROLE_PHONE },
  { "phone1value", HERALD_CONTACT_ROLE_PHONE },        /* Google Contacts */
  { "firstname", HERALD_CONTACT_ROLE_FIRST_NAME },
  { "givenname", HERALD_CONTACT_ROLE_FIRST_NAME },
  { "forename", HERALD_CONTACT_ROLE_FIRST_NAME },
  { "lastname", HERALD_CONTACT_ROLE_LAST_NAME },
  { "surname", HERALD_CONTACT_ROLE_LAST_NAME },
  { "familyname", HERALD_CONTACT_ROLE_LAST_NAME },
  { "name", HERALD_CONTACT_ROLE_FULL_NAME },
  { "fullname", HERALD_CONTACT_ROLE_FULL_NAME },
  { "displayname", HERALD_CONTACT_ROLE_FULL_NAME },
  { "contactname", HERALD_CONTACT_ROLE_FULL_NAME },
  { "email", HERALD_CONTACT_ROLE_EMAIL },
  { "emailaddress", HERALD_CONTACT_ROLE_EMAIL },
  { "mail", HERALD_CONTACT_ROLE_EMAIL },
  { "email1value", HERALD_CONTACT_ROLE_EMAIL },        /* Google Contacts */
};

static void
column_clear (gpointer data)
{
  Column *column = data;

  g_free (column->header);
  g_free (column->key);
}

static HeraldContactMapping *
mapping_new (void)
{
  HeraldContactMapping *self = g_new0 (HeraldContactMapping, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->columns = g_array_new (FALSE, TRUE, sizeof (Column));
  g_array_set_clear_func (self->columns, column_clear);
  self->has_header = TRUE;

  return self;
}

HeraldContactMapping *
herald_contact_mapping_ref (HeraldContactMapping *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_contact_mapping_unref (HeraldContactMapping *self)
{
  g_return_if_fail (self != NULL);

  if (g_atomic_ref_count_dec (&self->ref_count))
    {
      g_array_unref (self->columns);
      g_free (self);
    }
}

/* Lower-case letters and digits only: "E-Mail Address" → "emailaddress". */
static char *
compact_header (const char *header)
{
  g_autofree char *key = herald_contact_normalize_key (header);
  char *out;
  char *q;

  if (key == NULL)
    return NULL;

  out = q = g_malloc (strlen (key) + 1);
  for (const char *p = key; *p != '\0'; p++)
    if (*p != '_')
      *q++ = *p;
  *q = '\0';

  return out;
}

/**
 * herald_contact_mapping_guess_role:
 * @header: a column header
 *
 * Returns: the role @header suggests, %HERALD_CONTACT_ROLE_CUSTOM if none
 */
HeraldContactRole
herald_contact_mapping_guess_role (const char *header)
{
  g_autofree char *compact = NULL;

  g_return_val_if_fail (header != NULL, HERALD_CONTACT_ROLE_CUSTOM);

  compact = compact_header (header);
  if (compact == NULL)
    return HERALD_CONTACT_ROLE_CUSTOM;

  for (guint i = 0; i < G_N_ELEMENTS (known_headers); i++)
    if (strcmp (compact, known_headers[i].name) == 0)
      return known_headers[i].role;

  return HERALD_CONTACT_ROLE_CUSTOM;
}

/* A header cell that is really a phone number, in a file without header. */
static gboolean
looks_like_phone_number (const char *text)
{
  guint digits = 0;

  while (*text == ' ')
    text++;

  if (!g_ascii_isdigit (*text) && *text != '+' && *text != '(')
    return FALSE;

  for (; *text != '\0'; text++)
    {
      if (g_ascii_isdigit (*text))
        digits++;
      else if (strchr ("+()-. ", *text) == NULL)
        return FALSE;
    }

  return digits >= 6;
}

static gboolean
key_in_use (HeraldContactMapping *self,
            const char           *key,
            guint                 except)
{
  if (herald_contact_is_standard_key (key))
    return TRUE;

  for (guint i = 0; i < self->columns->len; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);

      if (i != except && column->role == HERALD_CONTACT_ROLE_CUSTOM &&
          g_strcmp0 (column->key, key) == 0)
        return TRUE;
    }

  return FALSE;
}

/* @base, or @base_2, @base_3… if another column or a standard field has it. */
static char *
unique_key (HeraldContactMapping *self,
            guint                 column,
            const char           *base)
{
  char *key = base != NULL ? g_strdup (base) : g_strdup_printf ("column_%u", column + 1);

  for (guint n = 2; key_in_use (self, key, column); n++)
    {
      char *candidate = base != NULL ? g_strdup_printf ("%s_%u", base, n)
                                     : g_strdup_printf ("column_%u_%u", column + 1, n);

      g_free (key);
      key = candidate;
    }

  return key;
}

static void
make_custom (HeraldContactMapping *self,
             guint                 position,
             const char           *key)
{
  Column *column = &g_array_index (self->columns, Column, position);
  g_autofree char *base = NULL;

  if (key != NULL)
    base = herald_contact_normalize_key (key);
  else if (self->has_header)
    base = herald_contact_normalize_key (column->header);

  /* Out of the way while its own key is chosen. */
  column->role = HERALD_CONTACT_ROLE_IGNORE;
  g_clear_pointer (&column->key, g_free);

  column->key = unique_key (self, position, base);
  column->role = HERALD_CONTACT_ROLE_CUSTOM;
}

/**
 * herald_contact_mapping_new_for_header:
 * @header: (array zero-terminated=1): the first row of a table
 *
 * Guesses the mapping for a table from its first row, as the header
 * comment of this file describes. The headers are kept without the white
 * space around them.
 *
 * Returns: (transfer full): a new mapping
 */
HeraldContactMapping *
herald_contact_mapping_new_for_header (const char * const *header)
{
  HeraldContactMapping *self;
  int taken[HERALD_CONTACT_ROLE_CUSTOM + 1];
  guint n;

  g_return_val_if_fail (header != NULL, NULL);

  self = mapping_new ();
  n = g_strv_length ((char **) header);
  g_array_set_size (self->columns, n);

  for (guint r = 0; r < G_N_ELEMENTS (taken); r++)
    taken[r] = -1;

  for (guint i = 0; i < n; i++)
    {
      Column *column = &g_array_index (self->columns, Column, i);
      HeraldContactRole role = herald_contact_mapping_guess_role (header[i]);

      column->header = g_strstrip (g_strdup (header[i]));
      if (role != HERALD_CONTACT_ROLE_CUSTOM && taken[role] >= 0)
        role = HERALD_CONTACT_ROLE_CUSTOM;
      else if (role != HERALD_CONTACT_ROLE_CUSTOM)
        taken[role] = i;
      /* Set below, in column order, so that the first column gets the
       * plain key and later ones the _2. */
      column->role = role == HERALD_CONTACT_ROLE_CUSTOM ? HERALD_CONTACT_ROLE_IGNORE : role;
    }

  /* A name column is only split when nothing better is there. */
  if (taken[HERALD_CONTACT_ROLE_FULL_NAME] >= 0 &&
      (taken[HERALD_CONTACT_ROLE_FIRST_NAME] >= 0 || taken[HERALD_CONTACT_ROLE_LAST_NAME] >= 0))
    g_array_index (self->columns, Column, taken[HERALD_CONTACT_ROLE_FULL_NAME]).role =
      HERALD_CONTACT_ROLE_IGNORE;

  if (taken[HERALD_CONTACT_ROLE_PHONE] < 0)
    {
      for (guint i = 0; i < n; i++)
        if (looks_like_phone_number (header[i]))
          {
            self->has_header = FALSE;
            for (guint j = 0; j < n; j++)
              g_array_index (self->columns, Column, j).role = HERALD_CONTACT_ROLE_IGNORE;
            g_array_index (self->columns, Column, i).role = HERALD_CONTACT_ROLE_PHONE;
            break;
          }
    }

  for (guint i = 0; i < n; i++)
    if (g_array_index (self->columns, Column, i).role == HERALD_CONTACT_ROLE_IGNORE)
      make_custom (self, i, NULL);

  return self;
}

guint
herald_contact_mapping_get_n_columns (HeraldContactMapping *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->columns->len;
}

/**
 * herald_contact_mapping_get_has_header:
 * @self: a #HeraldContactMapping
 *
 * Returns: %FALSE if the first row of the table is data, not a header
 */
gboolean
herald_contact_mapping_get_has_header (HeraldContactMapping *self)
{
  g_return_val_if_fail (self != NULL, FALSE);

  return self->has_header;
}

/**
 * herald_contact_mapping_get_header:
 * @self: a #HeraldContactMapping
 * @column: a column, from 0
 *
 * Returns: the text of the first row in @column
 */
const char *
herald_contact_mapping_get_header (HeraldContactMapping *self,
                                   guint                 column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  return g_array_index (self->columns, Column, column).header;
}

HeraldContactRole
herald_contact_mapping_get_role (HeraldContactMapping *self,
                                 guint                 column)
{
  g_return_val_if_fail (self != NULL, HERALD_CONTACT_ROLE_IGNORE);
  g_return_val_if_fail (column < self->columns->len, HERALD_CONTACT_ROLE_IGNORE);

  return g_array_index (self->columns, Column, column).role;
}

/**
 * herald_contact_mapping_get_key:
 * @self: a #HeraldContactMapping
 * @column: a column, from 0
 *
 * Returns: (nullable): the key @column's values go under: the custom key,
 *   or "phone", "first_name", "last_name", "email" for those roles; %NULL
 *   for an ignored or full-name column
 */
const char *
herald_contact_mapping_get_key (HeraldContactMapping *self,
                                guint                 column)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (column < self->columns->len, NULL);

  switch (g_array_index (self->columns, Column, column).role)
    {
    case HERALD_CONTACT_ROLE_PHONE:      return "phone";
    case HERALD_CONTACT_ROLE_FIRST_NAME: return "first_name";
    case HERALD_CONTACT_ROLE_LAST_NAME:  return "last_name";
    case HERALD_CONTACT_ROLE_EMAIL:      return "email";
    case HERALD_CONTACT_ROLE_CUSTOM:     return g_array_index (self->columns, Column, column).key;
    case HERALD_CONTACT_ROLE_FULL_NAME:
    case HERALD_CONTACT_ROLE_IGNORE:
    default:                             return NULL;
    }
}

/**
 * herald_contact_mapping_set_role:
 * @self: a #HeraldContactMapping
 * @column: a column, from 0
 * @role: what @column holds
 * @key: (nullable): for %HERALD_CONTACT_ROLE_CUSTOM, the key to use (it is
 *   normalised and made unique); %NULL derives it from the header
 *
 * Overrides the guess for one column. A column that had @role before (all
 * roles but CUSTOM and IGNORE are held by one column at most) becomes a
 * custom field.
 */
void
herald_contact_mapping_set_role (HeraldContactMapping *self,
                                 guint                 column,
                                 HeraldContactRole     role,
                                 const char           *key)
{
  Column *target;

  g_return_if_fail (self != NULL);
  g_return_if_fail (column < self->columns->len);
  g_return_if_fail (role <= HERALD_CONTACT_ROLE_CUSTOM);

  if (role == HERALD_CONTACT_ROLE_CUSTOM)
    {
      make_custom (self, column, key);
      return;
    }

  target = &g_array_index (self->columns, Column, column);
  target->role = role;
  g_clear_pointer (&target->key, g_free);

  if (role == HERALD_CONTACT_ROLE_IGNORE)
    return;

  for (guint i = 0; i < self->columns->len; i++)
    if (i != column && g_array_index (self->columns, Column, i).role == role)
      make_custom (self, i, NULL);
}

/**
 * herald_contact_mapping_find_column:
 * @self: a #HeraldContactMapping
 * @header: a header as written, or spelt differently ("Phone Number" finds
 *   "phone_number")
 *
 * Returns: the first column with @header, or -1
 */
int
herald_contact_mapping_find_column (HeraldContactMapping *self,
                                    const char           *header)
{
  char *compact;
  int found = -1;

  g_return_val_if_fail (self != NULL, -1);
  g_return_val_if_fail (header != NULL, -1);

  for (guint i = 0; i < self->columns->len; i++)
    if (strcmp (g_array_index (self->columns, Column, i).header, header) == 0)
      return i;

  compact = compact_header (header);
  for (guint i = 0; compact != NULL && found < 0 && i < self->columns->len; i++)
    {
      char *other = compact_header (g_array_index (self->columns, Column, i).header);

      if (g_strcmp0 (compact, other) == 0)
        found = i;
      g_free (other);
    }
  g_free (compact);

  return found;
}

/**
 * herald_contact_mapping_get_column_for_role:
 * @self: a #HeraldContactMapping
 * @role: a role other than CUSTOM and IGNORE
 *
 * Returns: the column with @role, or -1
 */
int
herald_contact_mapping_get_column_for_role (HeraldContactMapping *self,
                                            HeraldContactRole     role)
{
  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->columns->len; i++)
    if (g_array_index (self->columns, Column, i).role == role)
      return i;

  return -1;
}
