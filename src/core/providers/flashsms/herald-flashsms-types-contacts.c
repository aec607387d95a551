/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-flashsms"

#include "herald-flashsms-types-private.h"
#include "herald-getter-private.h"

/* Contacts, pages of contacts and import results. The document shows no
 * body for a contact, so the parsers accept it as "data" itself or as
 * "data.contact", and a list as {"contacts": […], "pagination": …} like the
 * history it does show. */

/* ---- contacts -------------------------------------------------------------------- */

struct _HeraldFlashsmsContact
{
  gatomicrefcount ref_count;

  char           *id;
  char           *phone;
  char           *first_name;
  char           *last_name;
  char           *email;
  GDateTime      *created_at;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsContact, herald_flashsms_contact,
                     herald_flashsms_contact_ref, herald_flashsms_contact_unref)

HeraldFlashsmsContact *
herald_flashsms_contact_ref (HeraldFlashsmsContact *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_contact_unref (HeraldFlashsmsContact *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_free (self->id);
  g_free (self->phone);
  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->email);
  g_clear_pointer (&self->created_at, g_date_time_unref);
  g_free (self);
}

static gpointer
contact_read (const HeraldJsonCursor      *cursor,
              GError                     **error)
{
  g_autoptr(HeraldFlashsmsContact) self = g_new0 (HeraldFlashsmsContact, 1);

  g_atomic_ref_count_init (&self->ref_count);

  if (!herald_json_read_string (cursor, "id", HERALD_JSON_REQUIRED, &self->id, error) ||
      !herald_json_read_string (cursor, "phone", HERALD_JSON_REQUIRED, &self->phone, error) ||
      !herald_json_read_string (cursor, "firstName", HERALD_JSON_OPTIONAL, &self->first_name, error) ||
      !herald_json_read_string (cursor, "lastName", HERALD_JSON_OPTIONAL, &self->last_name, error) ||
      !herald_json_read_string (cursor, "email", HERALD_JSON_OPTIONAL, &self->email, error) ||
      !herald_json_read_time (cursor, "createdAt", HERALD_JSON_OPTIONAL, &self->created_at, error))
    return NULL;

  return g_steal_pointer (&self);
}

HeraldFlashsmsContact *
herald_flashsms_contact_parse (JsonNode    *root,
                               const char  *endpoint,
                               GError     **error)
{
  g_autofree char *path = NULL;
  HeraldJsonCursor data, entity;

  if (!_herald_flashsms_read_envelope (root, endpoint != NULL ? endpoint : "/contacts", &data, error))
    return NULL;
  _herald_flashsms_unwrap (&data, "contact", &entity, &path);

  return contact_read (&entity, error);
}

HERALD_DEFINE_GETTER (const char *, herald_flashsms_contact_get_id, const HeraldFlashsmsContact, id, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_contact_get_phone, const HeraldFlashsmsContact, phone, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_contact_get_first_name, const HeraldFlashsmsContact, first_name, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_contact_get_last_name, const HeraldFlashsmsContact, last_name, NULL)
HERALD_DEFINE_GETTER (const char *, herald_flashsms_contact_get_email, const HeraldFlashsmsContact, email, NULL)
HERALD_DEFINE_GETTER (GDateTime *, herald_flashsms_contact_get_created_at, const HeraldFlashsmsContact, created_at, NULL)

/* ---- GET /contacts ------------------------------------------------------------------- */

struct _HeraldFlashsmsContactPage
{
  gatomicrefcount          ref_count;

  GPtrArray               *contacts;
  HeraldFlashsmsPagination pagination;
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsContactPage, herald_flashsms_contact_page,
                     herald_flashsms_contact_page_ref, herald_flashsms_contact_page_unref)

HeraldFlashsmsContactPage *
herald_flashsms_contact_page_ref (HeraldFlashsmsContactPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_contact_page_unref (HeraldFlashsmsContactPage *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_free (self);
}

HeraldFlashsmsContactPage *
herald_flashsms_contact_page_parse (JsonNode  *root,
                                    GError   **error)
{
  g_autoptr(HeraldFlashsmsContactPage) self = g_new0 (HeraldFlashsmsContactPage, 1);
  HeraldJsonCursor data;

  g_atomic_ref_count_init (&self->ref_count);

  if (!_herald_flashsms_read_envelope (root, "GET /contacts", &data, error))
    return NULL;

  self->contacts = herald_json_read_items (&data, "contacts", contact_read,
                                                (GDestroyNotify) herald_flashsms_contact_unref,
                                                error);
  if (self->contacts == NULL ||
      !_herald_flashsms_read_pagination (&data, &self->pagination, error))
    return NULL;

  return g_steal_pointer (&self);
}

HERALD_DEFINE_GETTER (GPtrArray *, herald_flashsms_contact_page_get_contacts, const HeraldFlashsmsContactPage, contacts, NULL)

const HeraldFlashsmsPagination *
herald_flashsms_contact_page_get_pagination (const HeraldFlashsmsContactPage *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  return &self->pagination;
}

/* ---- POST /contacts/import --------------------------------------------------------------- */

struct _HeraldFlashsmsImportResult
{
  gatomicrefcount ref_count;

  guint           imported;
  guint           created;
  guint           skipped;
  guint           invalid;
  guint           total;
  guint           n_requests;
  GArray         *rejected;   /* HeraldFlashsmsInvalidRecipient */
};

G_DEFINE_BOXED_TYPE (HeraldFlashsmsImportResult, herald_flashsms_import_result,
                     herald_flashsms_import_result_ref, herald_flashsms_import_result_unref)

static void
rejected_clear (gpointer data)
{
  HeraldFlashsmsInvalidRecipient *rejected = data;

  g_clear_pointer (&rejected->input, g_free);
  g_clear_pointer (&rejected->reason, g_free);
}

HeraldFlashsmsImportResult *
_herald_flashsms_import_result_new (void)
{
  HeraldFlashsmsImportResult *self = g_new0 (HeraldFlashsmsImportResult, 1);

  g_atomic_ref_count_init (&self->ref_count);
  self->rejected = g_array_new (FALSE, TRUE, sizeof (HeraldFlashsmsInvalidRecipient));
  g_array_set_clear_func (self->rejected, rejected_clear);

  return self;
}

HeraldFlashsmsImportResult *
herald_flashsms_import_result_ref (HeraldFlashsmsImportResult *self)
{
  g_return_val_if_fail (self != NULL, NULL);

  g_atomic_ref_count_inc (&self->ref_count);

  return self;
}

void
herald_flashsms_import_result_unref (HeraldFlashsmsImportResult *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  g_array_unref (self->rejected);
  g_free (self);
}

HeraldFlashsmsImportResult *
herald_flashsms_import_result_parse (JsonNode  *root,
                                     GError   **error)
{
  g_autoptr(HeraldFlashsmsImportResult) self = _herald_flashsms_import_result_new ();
  HeraldJsonCursor data;
  gint64 imported = 0, created = 0, skipped = 0, invalid = 0, total = 0;

  if (!_herald_flashsms_read_envelope (root, "POST /contacts/import", &data, error) ||
      !herald_json_read_int (&data, "imported", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &imported, error) ||
      !herald_json_read_int (&data, "created", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &created, error) ||
      !herald_json_read_int (&data, "skipped", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &skipped, error) ||
      !herald_json_read_int (&data, "invalid", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &invalid, error) ||
      !herald_json_read_int (&data, "total", HERALD_JSON_REQUIRED, 0, G_MAXUINT, &total, error))
    return NULL;

  self->imported = (guint) imported;
  self->created = (guint) created;
  self->skipped = (guint) skipped;
  self->invalid = (guint) invalid;
  self->total = (guint) total;
  self->n_requests = 1;

  return g_steal_pointer (&self);
}

void
_herald_flashsms_import_result_merge (HeraldFlashsmsImportResult *self,
                                      HeraldFlashsmsImportResult *part)
{
  self->imported += part->imported;
  self->created += part->created;
  self->skipped += part->skipped;
  self->invalid += part->invalid;
  self->total += part->total;
  self->n_requests += part->n_requests;
}

void
_herald_flashsms_import_result_add_rejected (HeraldFlashsmsImportResult *self,
                                             const char                 *input,
                                             const char                 *reason)
{
  HeraldFlashsmsInvalidRecipient rejected = { g_strdup (input), g_strdup (reason) };

  g_array_append_val (self->rejected, rejected);
  self->invalid++;
  self->total++;
}

HERALD_DEFINE_GETTER (guint, herald_flashsms_import_result_get_imported, const HeraldFlashsmsImportResult, imported, 0)
HERALD_DEFINE_GETTER (guint, herald_flashsms_import_result_get_created, const HeraldFlashsmsImportResult, created, 0)
HERALD_DEFINE_GETTER (guint, herald_flashsms_import_result_get_skipped, const HeraldFlashsmsImportResult, skipped, 0)
HERALD_DEFINE_GETTER (guint, herald_flashsms_import_result_get_invalid, const HeraldFlashsmsImportResult, invalid, 0)
HERALD_DEFINE_GETTER (guint, herald_flashsms_import_result_get_total, const HeraldFlashsmsImportResult, total, 0)
HERALD_DEFINE_GETTER (guint, herald_flashsms_import_result_get_n_requests, const HeraldFlashsmsImportResult, n_requests, 0)

const HeraldFlashsmsInvalidRecipient *
herald_flashsms_import_result_get_rejected (const HeraldFlashsmsImportResult *self,
                                            guint                            *n_rejected)
{
  g_return_val_if_fail (self != NULL, NULL);

  if (n_rejected != NULL)
    *n_rejected = self->rejected->len;

  return self->rejected->len > 0 ? (const HeraldFlashsmsInvalidRecipient *) self->rejected->data : NULL;
}
