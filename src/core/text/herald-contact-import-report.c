/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contact-import"

#include "config.h"

#include "herald-contact-import-report-private.h"

struct _HeraldContactImportReport
{
  GObject               parent_instance;

  HeraldContactMapping *mapping;
  guint                 n_rows;
  guint                 n_imported;
  GPtrArray            *contacts;
  GArray               *duplicates;   /* of HeraldContactDuplicate, strings owned */
  GArray               *invalid;      /* of HeraldContactInvalidRow, input and message owned */
};

G_DEFINE_FINAL_TYPE (HeraldContactImportReport, herald_contact_import_report, G_TYPE_OBJECT)

static void
duplicate_clear (gpointer data)
{
  g_free ((char *) ((HeraldContactDuplicate *) data)->phone);
}

static void
invalid_clear (gpointer data)
{
  HeraldContactInvalidRow *row = data;

  g_free ((char *) row->input);
  g_free ((char *) row->message);
}

static void
herald_contact_import_report_finalize (GObject *object)
{
  HeraldContactImportReport *self = (HeraldContactImportReport *) object;

  g_clear_pointer (&self->mapping, herald_contact_mapping_unref);
  g_clear_pointer (&self->contacts, g_ptr_array_unref);
  g_array_unref (self->duplicates);
  g_array_unref (self->invalid);

  G_OBJECT_CLASS (herald_contact_import_report_parent_class)->finalize (object);
}

static void
herald_contact_import_report_class_init (HeraldContactImportReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_contact_import_report_finalize;
}

static void
herald_contact_import_report_init (HeraldContactImportReport *self)
{
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);
  self->duplicates = g_array_new (FALSE, FALSE, sizeof (HeraldContactDuplicate));
  g_array_set_clear_func (self->duplicates, duplicate_clear);
  self->invalid = g_array_new (FALSE, FALSE, sizeof (HeraldContactInvalidRow));
  g_array_set_clear_func (self->invalid, invalid_clear);
}

HeraldContactImportReport *
herald_contact_import_report_new (HeraldContactMapping *mapping)
{
  HeraldContactImportReport *self = g_object_new (HERALD_TYPE_CONTACT_IMPORT_REPORT, NULL);

  if (mapping != NULL)
    self->mapping = herald_contact_mapping_ref (mapping);

  return self;
}

void
herald_contact_import_report_add_row (HeraldContactImportReport *self)
{
  self->n_rows++;
}

void
herald_contact_import_report_take_contact (HeraldContactImportReport *self,
                                           HeraldContact             *contact)
{
  g_ptr_array_add (self->contacts, contact);
  self->n_imported++;
}

void
herald_contact_import_report_add_duplicate (HeraldContactImportReport *self,
                                            guint                      line,
                                            const char                *phone,
                                            guint                      first_line)
{
  HeraldContactDuplicate duplicate = { line, g_strdup (phone), first_line };

  g_array_append_val (self->duplicates, duplicate);
}

void
herald_contact_import_report_add_invalid (HeraldContactImportReport *self,
                                          guint                      line,
                                          const char                *input,
                                          const char                *reason,
                                          const char                *message)
{
  HeraldContactInvalidRow row = {
    line, g_strdup (input != NULL ? input : ""), g_intern_string (reason), g_strdup (message)
  };

  g_array_append_val (self->invalid, row);
}

/**
 * herald_contact_import_report_get_n_rows:
 * @self: a #HeraldContactImportReport
 *
 * Returns: the rows or cards read, header and blank rows not counted
 */
guint
herald_contact_import_report_get_n_rows (HeraldContactImportReport *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), 0);

  return self->n_rows;
}

/**
 * herald_contact_import_report_get_n_imported:
 * @self: a #HeraldContactImportReport
 *
 * Returns: how many contacts the import produced (also after they were
 *   stolen)
 */
guint
herald_contact_import_report_get_n_imported (HeraldContactImportReport *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), 0);

  return self->n_imported;
}

/**
 * herald_contact_import_report_get_contacts:
 * @self: a #HeraldContactImportReport
 *
 * Returns: (transfer none) (element-type HeraldContact): the contacts, in
 *   file order, phone numbers in E.164 and unique
 */
GPtrArray *
herald_contact_import_report_get_contacts (HeraldContactImportReport *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), NULL);

  return self->contacts;
}

/**
 * herald_contact_import_report_steal_contacts:
 * @self: a #HeraldContactImportReport
 *
 * Hands the contacts over, leaving the report with none.
 *
 * Returns: (transfer full) (element-type HeraldContact): the contacts
 */
GPtrArray *
herald_contact_import_report_steal_contacts (HeraldContactImportReport *self)
{
  GPtrArray *contacts;

  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), NULL);

  contacts = g_steal_pointer (&self->contacts);
  self->contacts = g_ptr_array_new_with_free_func (g_object_unref);

  return contacts;
}

guint
herald_contact_import_report_get_n_duplicates (HeraldContactImportReport *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), 0);

  return self->duplicates->len;
}

/**
 * herald_contact_import_report_get_duplicate:
 * @self: a #HeraldContactImportReport
 * @position: from 0, in file order
 *
 * Returns: (transfer none): a row whose number was seen before
 */
const HeraldContactDuplicate *
herald_contact_import_report_get_duplicate (HeraldContactImportReport *self,
                                            guint                      position)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (position < self->duplicates->len, NULL);

  return &g_array_index (self->duplicates, HeraldContactDuplicate, position);
}

guint
herald_contact_import_report_get_n_invalid (HeraldContactImportReport *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), 0);

  return self->invalid->len;
}

/**
 * herald_contact_import_report_get_invalid:
 * @self: a #HeraldContactImportReport
 * @position: from 0, in file order
 *
 * Returns: (transfer none): a row that gave no contact
 */
const HeraldContactInvalidRow *
herald_contact_import_report_get_invalid (HeraldContactImportReport *self,
                                          guint                      position)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), NULL);
  g_return_val_if_fail (position < self->invalid->len, NULL);

  return &g_array_index (self->invalid, HeraldContactInvalidRow, position);
}

/**
 * herald_contact_import_report_get_mapping:
 * @self: a #HeraldContactImportReport
 *
 * Returns: (transfer none) (nullable): the columns' mapping a CSV import
 *   used; %NULL for vCard
 */
HeraldContactMapping *
herald_contact_import_report_get_mapping (HeraldContactImportReport *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_IMPORT_REPORT (self), NULL);

  return self->mapping;
}
