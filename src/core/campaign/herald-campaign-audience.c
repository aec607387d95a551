/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-campaign"

#include "config.h"

#include <json-glib/json-glib.h>
#include <glib/gi18n-lib.h>

#include "herald-campaign-audience.h"
#include "text/herald-template.h"

struct _HeraldCampaignAudience
{
  GObject         parent_instance;

  HeraldTemplate *template;
  char           *region;
  HeraldPhoneNumberFlags flags;

  GArray         *recipients;   /* HeraldCampaignNewRecipient, strings owned */
  GArray         *rejects;      /* HeraldCampaignReject, strings owned */
  GHashTable     *by_phone;     /* E.164 → index + 1 */
  guint           n_duplicates;
  guint           n_skipped;
};

G_DEFINE_FINAL_TYPE (HeraldCampaignAudience, herald_campaign_audience, G_TYPE_OBJECT)

static void
recipient_clear (gpointer data)
{
  HeraldCampaignNewRecipient *r = data;

  g_free ((char *) r->phone);
  g_free ((char *) r->variables);
  g_free ((char *) r->text);
  g_free ((char *) r->error);
}

static void
reject_clear (gpointer data)
{
  HeraldCampaignReject *r = data;

  g_free ((char *) r->input);
  g_free ((char *) r->reason);
}

static void
herald_campaign_audience_finalize (GObject *object)
{
  HeraldCampaignAudience *self = HERALD_CAMPAIGN_AUDIENCE (object);

  g_clear_pointer (&self->template, herald_template_unref);
  g_free (self->region);
  g_array_unref (self->recipients);
  g_array_unref (self->rejects);
  g_hash_table_unref (self->by_phone);

  G_OBJECT_CLASS (herald_campaign_audience_parent_class)->finalize (object);
}

static void
herald_campaign_audience_class_init (HeraldCampaignAudienceClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = herald_campaign_audience_finalize;
}

static void
herald_campaign_audience_init (HeraldCampaignAudience *self)
{
  self->recipients = g_array_new (FALSE, TRUE, sizeof (HeraldCampaignNewRecipient));
  g_array_set_clear_func (self->recipients, recipient_clear);
  self->rejects = g_array_new (FALSE, TRUE, sizeof (HeraldCampaignReject));
  g_array_set_clear_func (self->rejects, reject_clear);
  self->by_phone = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

HeraldCampaignAudience *
herald_campaign_audience_new (const char              *text,
                              const char              *region,
                              HeraldPhoneNumberFlags   flags,
                              GError                 **error)
{
  g_autoptr(HeraldCampaignAudience) self = g_object_new (HERALD_TYPE_CAMPAIGN_AUDIENCE, NULL);

  g_return_val_if_fail (text != NULL, NULL);

  self->template = herald_template_new (text, -1, NULL, error);
  if (self->template == NULL)
    return NULL;
  self->region = g_strdup (region);
  self->flags = flags;

  return g_steal_pointer (&self);
}

void
herald_campaign_audience_add_reject (HeraldCampaignAudience *self,
                                     const char             *input,
                                     const char             *reason)
{
  HeraldCampaignReject reject = { g_strdup (input != NULL ? input : ""), g_strdup (reason) };

  g_return_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self));

  g_array_append_val (self->rejects, reject);
}

typedef struct
{
  HeraldContact *contact;
  const char    *phone;
} Lookup;

/* The contact's fields, and the phone even without a contact. */
static gboolean
lookup_field (const char  *name,
              const char **value,
              gpointer     user_data)
{
  Lookup *lookup = user_data;

  if (g_str_equal (name, "phone"))
    {
      *value = lookup->phone;
      return TRUE;
    }
  if (lookup->contact != NULL && herald_contact_lookup (lookup->contact, name) != NULL)
    {
      *value = herald_contact_lookup (lookup->contact, name);
      return TRUE;
    }
  if (herald_template_is_standard_field (name))
    {
      *value = NULL;
      return TRUE;
    }
  return FALSE;
}

static char *
variables_json (HeraldContact *contact)
{
  g_autoptr(JsonBuilder) builder = NULL;
  g_autoptr(JsonNode) root = NULL;
  const char * const *standard = herald_template_get_standard_fields ();

  if (contact == NULL)
    return NULL;

  builder = json_builder_new_immutable ();
  json_builder_begin_object (builder);
  for (guint i = 0; standard[i] != NULL; i++)
    {
      const char *value = herald_contact_lookup (contact, standard[i]);

      if (value == NULL || *value == '\0' || g_str_equal (standard[i], "phone"))
        continue;
      json_builder_set_member_name (builder, standard[i]);
      json_builder_add_string_value (builder, value);
    }
  for (guint i = 0; i < herald_contact_get_n_fields (contact); i++)
    {
      json_builder_set_member_name (builder, herald_contact_get_field_key (contact, i));
      json_builder_add_string_value (builder, herald_contact_get_field_value (contact, i));
    }
  json_builder_end_object (builder);
  root = json_builder_get_root (builder);

  return json_to_string (root, FALSE);
}

void
herald_campaign_audience_add (HeraldCampaignAudience *self,
                              const char             *input,
                              HeraldContact          *contact)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  HeraldCampaignNewRecipient *recipient;
  Lookup lookup = { contact, NULL };
  const char *e164;

  g_return_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self));

  number = herald_phone_number_parse (input != NULL ? input : "", self->region, self->flags, &error);
  if (number == NULL)
    {
      herald_campaign_audience_add_reject (self, input, herald_phone_number_error_to_reason (error));
      return;
    }

  e164 = herald_phone_number_get_e164 (number);
  if (g_hash_table_contains (self->by_phone, e164))
    {
      self->n_duplicates++;
      return;
    }

  lookup.phone = e164;
  text = herald_template_render (self->template, lookup_field, &lookup, &error);
  if (text == NULL)
    {
      g_autofree char *reason = g_strdup_printf ("missing-variable: %s", error->message);

      herald_campaign_audience_add_reject (self, input, reason);
      return;
    }

  /* built in place: the array owns the strings (recipient_clear) */
  g_array_set_size (self->recipients, self->recipients->len + 1);
  recipient = &g_array_index (self->recipients, HeraldCampaignNewRecipient, self->recipients->len - 1);
  recipient->phone = g_strdup (e164);
  recipient->variables = variables_json (contact);
  recipient->text = g_steal_pointer (&text);
  recipient->state = HERALD_RECIPIENT_STATE_PENDING;
  g_hash_table_insert (self->by_phone, g_strdup (e164), GUINT_TO_POINTER (self->recipients->len));
}

gboolean
herald_campaign_audience_skip (HeraldCampaignAudience *self,
                               const char             *e164,
                               const char             *reason)
{
  guint index = GPOINTER_TO_UINT (g_hash_table_lookup (self->by_phone, e164));
  HeraldCampaignNewRecipient *r;

  g_return_val_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self), FALSE);

  if (index == 0)
    return FALSE;
  r = &g_array_index (self->recipients, HeraldCampaignNewRecipient, index - 1);
  if (r->state != HERALD_RECIPIENT_STATE_SKIPPED)
    self->n_skipped++;
  r->state = HERALD_RECIPIENT_STATE_SKIPPED;
  g_free ((char *) r->error);
  r->error = g_strdup (reason);
  return TRUE;
}

guint
herald_campaign_audience_get_n_recipients (HeraldCampaignAudience *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self), 0);
  return self->recipients->len;
}

guint
herald_campaign_audience_get_n_skipped (HeraldCampaignAudience *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self), 0);
  return self->n_skipped;
}

guint
herald_campaign_audience_get_n_duplicates (HeraldCampaignAudience *self)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self), 0);
  return self->n_duplicates;
}

const HeraldCampaignNewRecipient *
herald_campaign_audience_get_recipients (HeraldCampaignAudience *self,
                                         guint                  *n_recipients)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self), NULL);
  *n_recipients = self->recipients->len;
  return (const HeraldCampaignNewRecipient *) (gpointer) self->recipients->data;
}

const HeraldCampaignReject *
herald_campaign_audience_get_rejects (HeraldCampaignAudience *self,
                                      guint                  *n_rejects)
{
  g_return_val_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self), NULL);
  *n_rejects = self->rejects->len;
  return (const HeraldCampaignReject *) (gpointer) self->rejects->data;
}

/* ---- saving ----------------------------------------------------------------- */

typedef struct
{
  HeraldCampaignAudience *audience;
  HeraldCampaignRecord    record;
  gint64                  id;
} SaveJob;

static void
save_job_free (gpointer data)
{
  SaveJob *job = data;

  g_object_unref (job->audience);
  g_free (job->record.name);
  g_free (job->record.account_id);
  g_free (job->record.sender_id);
  g_free (job->record.text);
  g_free (job->record.template_name);
  g_free (job);
}

static gboolean
save_func (HeraldDatabase  *db,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  SaveJob *job = user_data;
  HeraldCampaignAudience *self = job->audience;

  job->record.n_duplicates = self->n_duplicates;
  if (!herald_database_begin (db, error))
    return FALSE;
  if (!herald_campaign_store_insert (db, &job->record,
                                     (const HeraldCampaignNewRecipient *) (gpointer) self->recipients->data,
                                     self->recipients->len,
                                     (const HeraldCampaignReject *) (gpointer) self->rejects->data,
                                     self->rejects->len, &job->id, error))
    {
      herald_database_rollback (db);
      return FALSE;
    }
  return herald_database_commit (db, error);
}

static void
save_done (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  SaveJob *job = g_task_get_task_data (task);
  GError *error = NULL;

  if (herald_database_run_finish (HERALD_DATABASE (object), result, &error))
    g_task_return_int (task, (gssize) job->id);
  else
    g_task_return_error (task, error);
}

void
herald_campaign_audience_save_async (HeraldCampaignAudience     *self,
                                     HeraldDatabase             *database,
                                     const HeraldCampaignRecord *record,
                                     GCancellable               *cancellable,
                                     GAsyncReadyCallback         callback,
                                     gpointer                    user_data)
{
  g_autoptr(GTask) task = NULL;
  SaveJob *job;

  g_return_if_fail (HERALD_IS_CAMPAIGN_AUDIENCE (self));
  g_return_if_fail (HERALD_IS_DATABASE (database));
  g_return_if_fail (record != NULL);

  job = g_new0 (SaveJob, 1);
  job->audience = g_object_ref (self);
  job->record = *record;
  job->record.name = g_strdup (record->name);
  job->record.account_id = g_strdup (record->account_id);
  job->record.sender_id = g_strdup (record->sender_id);
  job->record.text = g_strdup (record->text);
  job->record.template_name = g_strdup (record->template_name);
  job->record.pause_reason = NULL;
  job->record.lease_host = NULL;

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_campaign_audience_save_async);
  g_task_set_task_data (task, job, save_job_free);
  herald_database_run_async (database, save_func, job, cancellable, save_done, g_steal_pointer (&task));
}

gint64
herald_campaign_audience_save_finish (HeraldCampaignAudience  *self,
                                      GAsyncResult            *result,
                                      GError                 **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), -1);

  return g_task_propagate_int (G_TASK (result), error);
}
