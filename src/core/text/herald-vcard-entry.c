/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-vcard"

#include "config.h"

#include "herald-vcard-entry-private.h"

typedef struct
{
  char *value;
  guint flags;
} Item;

struct _HeraldVcardEntry
{
  gatomicrefcount  ref_count;

  guint            line;
  char            *version;
  char            *formatted_name;
  gboolean         has_name;
  char            *family_name;
  char            *given_name;
  char            *additional_names;
  char            *organization;
  char            *note;
  GArray          *phones;   /* of Item, flags are HeraldVcardPhoneFlags */
  GArray          *emails;   /* of Item, flags is whether it is preferred */
};

G_DEFINE_BOXED_TYPE (HeraldVcardEntry, herald_vcard_entry,
                     herald_vcard_entry_ref, herald_vcard_entry_unref)

static void
item_clear (gpointer data)
{
  g_free (((Item *) data)->value);
}

static GArray *
item_array_new (void)
{
  GArray *array = g_array_new (FALSE, FALSE, sizeof (Item));

  g_array_set_clear_func (array, item_clear);

  return array;
}

HeraldVcardEntry *
herald_vcard_entry_new (guint line)
{
  HeraldVcardEntry *self = g_new0 (HeraldVcardEntry, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->line = line;
  self->phones = item_array_new ();
  self->emails = item_array_new ();

  return self;
}

HeraldVcardEntry *
herald_vcard_entry_ref (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_vcard_entry_unref (HeraldVcardEntry *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->version);
  g_free (self->formatted_name);
  g_free (self->family_name);
  g_free (self->given_name);
  g_free (self->additional_names);
  g_free (self->organization);
  g_free (self->note);
  g_array_unref (self->phones);
  g_array_unref (self->emails);
  g_free (self);
}

/* The first value wins; an empty one counts as none. */
static void
take_first (char **slot,
            char  *value)
{
  if (*slot == NULL && value != NULL && value[0] != '\0')
    *slot = value;
  else
    g_free (value);
}

void
herald_vcard_entry_take_version (HeraldVcardEntry *self,
                                 char             *version)
{
  take_first (&self->version, version);
}

void
herald_vcard_entry_take_formatted_name (HeraldVcardEntry *self,
                                        char             *formatted_name)
{
  take_first (&self->formatted_name, formatted_name);
}

void
herald_vcard_entry_take_name (HeraldVcardEntry *self,
                              char             *family,
                              char             *given,
                              char             *additional)
{
  gboolean empty = (family == NULL || family[0] == '\0') &&
                   (given == NULL || given[0] == '\0') &&
                   (additional == NULL || additional[0] == '\0');

  if (self->has_name || empty)
    {
      g_free (family);
      g_free (given);
      g_free (additional);
      return;
    }

  self->has_name = TRUE;
  take_first (&self->family_name, family);
  take_first (&self->given_name, given);
  take_first (&self->additional_names, additional);
}

void
herald_vcard_entry_take_organization (HeraldVcardEntry *self,
                                      char             *organization)
{
  take_first (&self->organization, organization);
}

void
herald_vcard_entry_take_note (HeraldVcardEntry *self,
                              char             *note)
{
  take_first (&self->note, note);
}

void
herald_vcard_entry_take_phone (HeraldVcardEntry      *self,
                               char                  *phone,
                               HeraldVcardPhoneFlags  flags)
{
  if (phone == NULL || phone[0] == '\0')
    {
      g_free (phone);
      return;
    }

  g_array_append_vals (self->phones, &(Item) { phone, flags }, 1);
}

void
herald_vcard_entry_take_email (HeraldVcardEntry *self,
                               char             *email,
                               gboolean          preferred)
{
  if (email == NULL || email[0] == '\0')
    {
      g_free (email);
      return;
    }

  g_array_append_vals (self->emails, &(Item) { email, preferred }, 1);
}

/**
 * herald_vcard_entry_get_line:
 * @self: a #HeraldVcardEntry
 *
 * Returns: the line of the card's BEGIN:VCARD, from 1
 */
guint
herald_vcard_entry_get_line (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->line;
}

/**
 * herald_vcard_entry_get_version:
 * @self: a #HeraldVcardEntry
 *
 * Returns: (nullable): the VERSION the card gives ("2.1", "3.0", "4.0")
 */
const char *
herald_vcard_entry_get_version (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->version;
}

/**
 * herald_vcard_entry_get_formatted_name:
 * @self: a #HeraldVcardEntry
 *
 * Returns: (nullable): FN, the name as displayed
 */
const char *
herald_vcard_entry_get_formatted_name (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->formatted_name;
}

/**
 * herald_vcard_entry_get_family_name:
 * @self: a #HeraldVcardEntry
 *
 * Returns: (nullable): the first component of N
 */
const char *
herald_vcard_entry_get_family_name (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->family_name;
}

/**
 * herald_vcard_entry_get_given_name:
 * @self: a #HeraldVcardEntry
 *
 * Returns: (nullable): the second component of N
 */
const char *
herald_vcard_entry_get_given_name (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->given_name;
}

/**
 * herald_vcard_entry_get_additional_names:
 * @self: a #HeraldVcardEntry
 *
 * Returns: (nullable): the third component of N (middle names)
 */
const char *
herald_vcard_entry_get_additional_names (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->additional_names;
}

/**
 * herald_vcard_entry_get_organization:
 * @self: a #HeraldVcardEntry
 *
 * Returns: (nullable): ORG, its components (company, department…) joined
 *   with ", "
 */
const char *
herald_vcard_entry_get_organization (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->organization;
}

/**
 * herald_vcard_entry_get_note:
 * @self: a #HeraldVcardEntry
 *
 * Returns: (nullable): NOTE
 */
const char *
herald_vcard_entry_get_note (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return self->note;
}

guint
herald_vcard_entry_get_n_phones (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->phones->len;
}

/**
 * herald_vcard_entry_get_phone:
 * @self: a #HeraldVcardEntry
 * @position: from 0
 *
 * Returns: the TEL value as written ("tel:" of a 4.0 URI removed)
 */
const char *
herald_vcard_entry_get_phone (HeraldVcardEntry *self,
                              guint             position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->phones->len, NULL);

  return g_array_index (self->phones, Item, position).value;
}

HeraldVcardPhoneFlags
herald_vcard_entry_get_phone_flags (HeraldVcardEntry *self,
                                    guint             position)
{
  g_return_val_if_fail (self != NULL, HERALD_VCARD_PHONE_NONE);
  g_return_val_if_fail (position < self->phones->len, HERALD_VCARD_PHONE_NONE);

  return g_array_index (self->phones, Item, position).flags;
}

guint
herald_vcard_entry_get_n_emails (HeraldVcardEntry *self)
{
  g_return_val_if_fail (self != NULL, 0);

  return self->emails->len;
}

const char *
herald_vcard_entry_get_email (HeraldVcardEntry *self,
                              guint             position)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (position < self->emails->len, NULL);

  return g_array_index (self->emails, Item, position).value;
}

gboolean
herald_vcard_entry_get_email_preferred (HeraldVcardEntry *self,
                                        guint             position)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (position < self->emails->len, FALSE);

  return g_array_index (self->emails, Item, position).flags != 0;
}
