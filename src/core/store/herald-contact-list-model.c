/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include "herald-contact-list-model.h"
#include "herald-contact-store-private.h"
#include "herald-store-job-private.h"

/* Rows a page, and pages kept: a screen of rows is well under a page, so a
 * view scrolling back and forth finds its rows cached, and the model never
 * holds more than PAGE_SIZE * MAX_PAGES objects. */
#define PAGE_SIZE 64
#define MAX_PAGES 8

typedef struct
{
  guint      index;
  GPtrArray *items;    /* HeraldContact; placeholders until loaded */
  gboolean   loaded;
} Page;

static void
page_free (gpointer data)
{
  Page *page = data;

  g_ptr_array_unref (page->items);
  g_free (page);
}

struct _HeraldContactListModel
{
  GObject             parent_instance;

  HeraldContactStore *store;
  char               *search;
  char               *group;

  GArray             *ids;          /* gint64 row ids, in list order */
  GHashTable         *pages;        /* page index → Page */
  GQueue              recent;       /* page indices, most recent first */
  guint               generation;   /* bumped by every reload: late answers are dropped */
  GCancellable       *cancellable;  /* of the reload in flight */
  gboolean            loading;
  GError             *error;
};

static void herald_contact_list_model_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldContactListModel, herald_contact_list_model, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, herald_contact_list_model_list_model_init))

enum {
  PROP_0,
  PROP_STORE,
  PROP_SEARCH,
  PROP_GROUP,
  PROP_LOADING,
  PROP_N_ITEMS,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* ---- pages --------------------------------------------------------------- */

typedef struct
{
  GArray    *ids;
  guint      page;
  guint      generation;
  GPtrArray *items;
} PageJob;

static void
page_job_free (gpointer data)
{
  PageJob *job = data;

  g_array_unref (job->ids);
  g_clear_pointer (&job->items, g_ptr_array_unref);
  g_free (job);
}

static gboolean
page_func (HeraldDatabase  *database,
           gpointer         user_data,
           GCancellable    *cancellable,
           GError         **error)
{
  PageJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_database_prepare (database, "SELECT " HERALD_CONTACT_STORE_COLUMNS
                                                          " FROM contacts c WHERE c.id = ?", error);

  if (stmt == NULL)
    return FALSE;
  job->items = g_ptr_array_new_full (job->ids->len, g_object_unref);
  for (guint i = 0; i < job->ids->len; i++)
    {
      int rc;

      sqlite3_reset (stmt);
      if (!herald_database_bind_int64_at (stmt, 1, g_array_index (job->ids, gint64, i), error))
        return FALSE;
      rc = herald_database_step (database, stmt, error);
      if (rc == SQLITE_ERROR)
        return FALSE;
      /* Removed since the ids were read: an empty contact until the
       * reload that the removal caused replaces the list. */
      g_ptr_array_add (job->items, rc == SQLITE_ROW ? herald_contact_store_contact_from_row (stmt, 0)
                                                    : herald_contact_new ());
    }
  return TRUE;
}

static void
page_loaded (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (object);
  g_autoptr(GError) error = NULL;
  PageJob *job = herald_store_job_finish (self, result, page_loaded, &error);
  Page *page;

  if (job == NULL)
    {
      g_warning ("Contacts could not be read: %s", error->message);
      return;
    }

  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (job->page));
  if (job->generation != self->generation || page == NULL)
    return;

  g_ptr_array_unref (page->items);
  page->items = g_steal_pointer (&job->items);
  page->loaded = TRUE;
  g_list_model_items_changed (G_LIST_MODEL (self), job->page * PAGE_SIZE, page->items->len, page->items->len);
}

static void
evict_pages (HeraldContactListModel *self)
{
  while (g_queue_get_length (&self->recent) > MAX_PAGES)
    g_hash_table_remove (self->pages, g_queue_pop_tail (&self->recent));
}

static Page *
get_page (HeraldContactListModel *self,
          guint                   index)
{
  Page *page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (index));
  guint start = index * PAGE_SIZE;
  guint n = self->ids->len - start;   /* the caller asks for a row that exists */
  PageJob *job;

  if (n > PAGE_SIZE)
    n = PAGE_SIZE;
  if (page != NULL)
    {
      if (self->recent.head->data != GUINT_TO_POINTER (index))
        {
          g_queue_remove (&self->recent, GUINT_TO_POINTER (index));
          g_queue_push_head (&self->recent, GUINT_TO_POINTER (index));
        }
      return page;
    }

  page = g_new0 (Page, 1);
  page->index = index;
  page->items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    g_ptr_array_add (page->items, herald_contact_new ());
  g_hash_table_insert (self->pages, GUINT_TO_POINTER (index), page);
  g_queue_push_head (&self->recent, GUINT_TO_POINTER (index));

  job = g_new0 (PageJob, 1);
  job->page = index;
  job->generation = self->generation;
  job->ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);
  g_array_append_vals (job->ids, &g_array_index (self->ids, gint64, start), n);
  herald_store_job_run (herald_contact_store_get_database (self->store), self, page_loaded, page_func, job,
                        page_job_free, NULL, NULL, page_loaded, NULL);

  evict_pages (self);
  return page;
}

/* ---- GListModel ---------------------------------------------------------- */

static GType
herald_contact_list_model_get_item_type (GListModel *model)
{
  return HERALD_TYPE_CONTACT;
}

static guint
herald_contact_list_model_get_n_items (GListModel *model)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (model);

  return self->ids->len;
}

static gpointer
herald_contact_list_model_get_item (GListModel *model,
                                    guint       position)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (model);
  Page *page;

  if (position >= self->ids->len)
    return NULL;

  page = get_page (self, position / PAGE_SIZE);
  return g_object_ref (g_ptr_array_index (page->items, position % PAGE_SIZE));
}

static void
herald_contact_list_model_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = herald_contact_list_model_get_item_type;
  iface->get_n_items = herald_contact_list_model_get_n_items;
  iface->get_item = herald_contact_list_model_get_item;
}

/* ---- reloading the ids ------------------------------------------------------ */

typedef struct
{
  char   *search;
  char   *group;
  guint   generation;
  GArray *ids;
} IdsJob;

static void
ids_job_free (gpointer data)
{
  IdsJob *job = data;

  g_free (job->search);
  g_free (job->group);
  g_clear_pointer (&job->ids, g_array_unref);
  g_free (job);
}

/* The ids in the order of herald_contact_store_list_contacts_async (), read
 * from the index on (sort_key, phone) alone. */
static gboolean
ids_func (HeraldDatabase  *database,
          gpointer         user_data,
          GCancellable    *cancellable,
          GError         **error)
{
  IdsJob *job = user_data;
  g_autoptr(sqlite3_stmt) stmt = herald_contact_store_prepare_list (database, "c.id", job->group, job->search, "",
                                                                    error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  job->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  while ((rc = herald_database_step (database, stmt, error)) == SQLITE_ROW)
    {
      gint64 id = herald_database_column_int64 (stmt, 0);

      g_array_append_val (job->ids, id);
    }
  return rc == SQLITE_DONE;
}

static void
set_loading (HeraldContactListModel *self,
             gboolean                loading)
{
  if (self->loading == loading)
    return;
  self->loading = loading;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_LOADING]);
}

static void
replace_ids (HeraldContactListModel *self,
             GArray                 *ids)
{
  guint old_n = self->ids->len;

  g_array_unref (self->ids);
  self->ids = ids;
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);

  if (old_n != 0 || ids->len != 0)
    g_list_model_items_changed (G_LIST_MODEL (self), 0, old_n, ids->len);
  if (old_n != ids->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_N_ITEMS]);
}

static void
ids_loaded (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (object);
  g_autoptr(GError) error = NULL;
  IdsJob *job = herald_store_job_finish (self, result, ids_loaded, &error);

  if (job == NULL && g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (job != NULL && job->generation != self->generation)
    return;

  g_clear_object (&self->cancellable);
  g_clear_error (&self->error);
  if (job != NULL)
    replace_ids (self, g_steal_pointer (&job->ids));
  else
    {
      self->error = g_steal_pointer (&error);
      replace_ids (self, g_array_new (FALSE, FALSE, sizeof (gint64)));
    }
  set_loading (self, FALSE);
}

void
herald_contact_list_model_reload (HeraldContactListModel *self)
{
  IdsJob *job;

  g_return_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self));

  /* Typing a search starts a reload a key: the one before is of no use. */
  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->generation++;

  job = g_new0 (IdsJob, 1);
  job->search = g_strdup (self->search);
  job->group = g_strdup (self->group);
  job->generation = self->generation;
  set_loading (self, TRUE);
  herald_store_job_run (herald_contact_store_get_database (self->store), self, ids_loaded, ids_func, job,
                        ids_job_free, NULL, self->cancellable, ids_loaded, NULL);
}

static void
contacts_changed (HeraldContactListModel *self)
{
  herald_contact_list_model_reload (self);
}

/* ---- GObject ------------------------------------------------------------- */

static void
herald_contact_list_model_constructed (GObject *object)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (object);

  G_OBJECT_CLASS (herald_contact_list_model_parent_class)->constructed (object);

  g_signal_connect_object (self->store, "contacts-changed", G_CALLBACK (contacts_changed), self,
                           G_CONNECT_SWAPPED);
  herald_contact_list_model_reload (self);
}

static void
herald_contact_list_model_dispose (GObject *object)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  g_clear_object (&self->store);
  g_hash_table_remove_all (self->pages);
  g_queue_clear (&self->recent);

  G_OBJECT_CLASS (herald_contact_list_model_parent_class)->dispose (object);
}

static void
herald_contact_list_model_finalize (GObject *object)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (object);

  g_free (self->search);
  g_free (self->group);
  g_array_unref (self->ids);
  g_hash_table_unref (self->pages);
  g_clear_error (&self->error);

  G_OBJECT_CLASS (herald_contact_list_model_parent_class)->finalize (object);
}

static void
herald_contact_list_model_get_property (GObject    *object,
                                        guint       prop_id,
                                        GValue     *value,
                                        GParamSpec *pspec)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_SEARCH:
      g_value_set_string (value, self->search);
      break;

    case PROP_GROUP:
      g_value_set_string (value, self->group);
      break;

    case PROP_LOADING:
      g_value_set_boolean (value, self->loading);
      break;

    case PROP_N_ITEMS:
      g_value_set_uint (value, self->ids->len);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contact_list_model_set_property (GObject      *object,
                                        guint         prop_id,
                                        const GValue *value,
                                        GParamSpec   *pspec)
{
  HeraldContactListModel *self = HERALD_CONTACT_LIST_MODEL (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_SEARCH:
      herald_contact_list_model_set_search (self, g_value_get_string (value));
      break;

    case PROP_GROUP:
      herald_contact_list_model_set_group (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contact_list_model_class_init (HeraldContactListModelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = herald_contact_list_model_constructed;
  object_class->dispose = herald_contact_list_model_dispose;
  object_class->finalize = herald_contact_list_model_finalize;
  object_class->get_property = herald_contact_list_model_get_property;
  object_class->set_property = herald_contact_list_model_set_property;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, HERALD_TYPE_CONTACT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_SEARCH] =
    g_param_spec_string ("search", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_GROUP] =
    g_param_spec_string ("group", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LOADING] =
    g_param_spec_boolean ("loading", NULL, NULL, FALSE,
                          (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_N_ITEMS] =
    g_param_spec_uint ("n-items", NULL, NULL, 0, G_MAXUINT, 0,
                       (G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_contact_list_model_init (HeraldContactListModel *self)
{
  self->ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->pages = g_hash_table_new_full (NULL, NULL, NULL, page_free);
  g_queue_init (&self->recent);
}

HeraldContactListModel *
herald_contact_list_model_new (HeraldContactStore *store)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_STORE (store), NULL);

  return g_object_new (HERALD_TYPE_CONTACT_LIST_MODEL, "store", store, NULL);
}

/* ---- accessors --------------------------------------------------------------- */

static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (value != NULL && *value == '\0')
    value = NULL;
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

void
herald_contact_list_model_set_search (HeraldContactListModel *self,
                                      const char             *search)
{
  g_return_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self));

  if (!replace_string (&self->search, search))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SEARCH]);
  /* Before construction ends there is no store to read yet. */
  if (self->store != NULL)
    herald_contact_list_model_reload (self);
}

const char *
herald_contact_list_model_get_search (HeraldContactListModel *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self), NULL);

  return self->search;
}

void
herald_contact_list_model_set_group (HeraldContactListModel *self,
                                     const char             *group)
{
  g_return_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self));

  if (!replace_string (&self->group, group))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_GROUP]);
  if (self->store != NULL)
    herald_contact_list_model_reload (self);
}

const char *
herald_contact_list_model_get_group (HeraldContactListModel *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self), NULL);

  return self->group;
}

gboolean
herald_contact_list_model_get_loading (HeraldContactListModel *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self), FALSE);

  return self->loading;
}

const GError *
herald_contact_list_model_get_error (HeraldContactListModel *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self), NULL);

  return self->error;
}

gboolean
herald_contact_list_model_is_loaded (HeraldContactListModel *self,
                                     guint                   position)
{
  Page *page;

  g_return_val_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self), FALSE);

  if (position >= self->ids->len)
    return FALSE;
  page = g_hash_table_lookup (self->pages, GUINT_TO_POINTER (position / PAGE_SIZE));
  return page != NULL && page->loaded;
}

guint
herald_contact_list_model_get_n_cached (HeraldContactListModel *self)
{
  GHashTableIter iter;
  gpointer value;
  guint n = 0;

  g_return_val_if_fail (HERALD_IS_CONTACT_LIST_MODEL (self), 0);

  g_hash_table_iter_init (&iter, self->pages);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    n += ((Page *) value)->items->len;
  return n;
}
