/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-modem"

#include "config.h"

#include <glib/gi18n-lib.h>

#include "herald-modem-error.h"
#include "herald-modem-manager.h"
#include "herald-modem-private.h"

struct _HeraldModemManager
{
  GObject    parent_instance;

  MMManager *manager;
  GPtrArray *modems;      /* of HeraldModem, in the order they came */
  gboolean   running;
};

static void herald_modem_manager_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (HeraldModemManager, herald_modem_manager, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL, herald_modem_manager_list_model_init))

enum {
  PROP_0,
  PROP_RUNNING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GType
list_get_item_type (GListModel *list)
{
  return HERALD_TYPE_MODEM;
}

static guint
list_get_n_items (GListModel *list)
{
  return HERALD_MODEM_MANAGER (list)->modems->len;
}

static gpointer
list_get_item (GListModel *list,
               guint       position)
{
  HeraldModemManager *self = HERALD_MODEM_MANAGER (list);

  if (position >= self->modems->len)
    return NULL;

  return g_object_ref (g_ptr_array_index (self->modems, position));
}

static void
herald_modem_manager_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = list_get_item_type;
  iface->get_n_items = list_get_n_items;
  iface->get_item = list_get_item;
}

static gboolean
find_path (HeraldModemManager *self,
           const char         *path,
           guint              *position)
{
  for (guint i = 0; i < self->modems->len; i++)
    {
      if (g_strcmp0 (herald_modem_get_path (g_ptr_array_index (self->modems, i)), path) == 0)
        {
          *position = i;
          return TRUE;
        }
    }

  return FALSE;
}

static void
add_object (HeraldModemManager *self,
            MMObject           *object)
{
  guint position;

  if (find_path (self, mm_object_get_path (object), &position))
    return;

  g_debug ("Modem %s appeared", mm_object_get_path (object));
  g_ptr_array_add (self->modems, herald_modem_new (object));
  g_list_model_items_changed (G_LIST_MODEL (self), self->modems->len - 1, 0, 1);
}

static void
remove_at (HeraldModemManager *self,
           guint               position)
{
  g_autoptr(HeraldModem) modem = g_object_ref (g_ptr_array_index (self->modems, position));

  g_debug ("Modem %s went away", herald_modem_get_path (modem));
  g_ptr_array_remove_index (self->modems, position);
  g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 0);
  herald_modem_mark_removed (modem);
}

static void
object_added_cb (GDBusObjectManager *manager,
                 GDBusObject        *object,
                 gpointer            user_data)
{
  add_object (HERALD_MODEM_MANAGER (user_data), MM_OBJECT (object));
}

static void
object_removed_cb (GDBusObjectManager *manager,
                   GDBusObject        *object,
                   gpointer            user_data)
{
  HeraldModemManager *self = HERALD_MODEM_MANAGER (user_data);
  guint position;

  if (find_path (self, g_dbus_object_get_object_path (object), &position))
    remove_at (self, position);
}

static void
sync_running (HeraldModemManager *self)
{
  g_autofree char *owner = g_dbus_object_manager_client_get_name_owner (G_DBUS_OBJECT_MANAGER_CLIENT (self->manager));
  gboolean running = owner != NULL;

  /* The object manager client drops the objects of a vanished owner
   * without object-removed for each: empty the list ourselves. */
  if (!running)
    while (self->modems->len > 0)
      remove_at (self, self->modems->len - 1);

  if (running != self->running)
    {
      self->running = running;
      g_debug ("ModemManager is %s", running ? "running" : "gone");
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_RUNNING]);
    }
}

static void
name_owner_cb (GObject    *object,
               GParamSpec *pspec,
               gpointer    user_data)
{
  sync_running (HERALD_MODEM_MANAGER (user_data));
}

static void
herald_modem_manager_dispose (GObject *object)
{
  HeraldModemManager *self = HERALD_MODEM_MANAGER (object);

  if (self->manager != NULL)
    g_signal_handlers_disconnect_by_data (self->manager, self);
  g_clear_object (&self->manager);
  g_clear_pointer (&self->modems, g_ptr_array_unref);

  G_OBJECT_CLASS (herald_modem_manager_parent_class)->dispose (object);
}

static void
herald_modem_manager_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  HeraldModemManager *self = HERALD_MODEM_MANAGER (object);

  switch (prop_id)
    {
    case PROP_RUNNING:
      g_value_set_boolean (value, self->running);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_modem_manager_class_init (HeraldModemManagerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = herald_modem_manager_dispose;
  object_class->get_property = herald_modem_manager_get_property;

  properties[PROP_RUNNING] =
    g_param_spec_boolean ("running", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_modem_manager_init (HeraldModemManager *self)
{
  self->modems = g_ptr_array_new_with_free_func (g_object_unref);
}

static void
mm_manager_ready_cb (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldModemManager) self = NULL;
  g_autolist(GDBusObject) objects = NULL;

  self = g_object_new (HERALD_TYPE_MODEM_MANAGER, NULL);
  self->manager = mm_manager_new_finish (result, &error);
  if (self->manager == NULL)
    {
      g_task_return_error (task, herald_modem_error_from_mm (error, _("Connecting to ModemManager")));
      return;
    }

  g_signal_connect (self->manager, "object-added", G_CALLBACK (object_added_cb), self);
  g_signal_connect (self->manager, "object-removed", G_CALLBACK (object_removed_cb), self);
  g_signal_connect (self->manager, "notify::name-owner", G_CALLBACK (name_owner_cb), self);

  objects = g_dbus_object_manager_get_objects (G_DBUS_OBJECT_MANAGER (self->manager));
  for (GList *l = objects; l != NULL; l = l->next)
    add_object (self, MM_OBJECT (l->data));
  sync_running (self);

  g_task_return_pointer (task, g_steal_pointer (&self), g_object_unref);
}

static void
bus_ready_cb (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) connection = g_bus_get_finish (result, &error);

  if (connection == NULL)
    {
      g_task_return_new_error (task, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_NO_BUS,
                               _("The system bus cannot be reached, so ModemManager cannot be asked "
                                 "about modems: %s"), error->message);
      return;
    }

  /* Never start ModemManager by activation: its absence is worth saying. */
  mm_manager_new (connection, G_DBUS_OBJECT_MANAGER_CLIENT_FLAGS_DO_NOT_AUTO_START,
                  g_task_get_cancellable (task), mm_manager_ready_cb, g_object_ref (task));
}

void
herald_modem_manager_new_async (GDBusConnection     *connection,
                                GCancellable        *cancellable,
                                GAsyncReadyCallback  callback,
                                gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (connection == NULL || G_IS_DBUS_CONNECTION (connection));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, herald_modem_manager_new_async);

  /* The error domains of ModemManager's replies must be known before the
   * first one arrives, or they come as plain D-Bus errors. */
  (void) mm_core_error_quark ();
  (void) mm_message_error_quark ();

  if (connection != NULL)
    mm_manager_new (connection, G_DBUS_OBJECT_MANAGER_CLIENT_FLAGS_DO_NOT_AUTO_START,
                    cancellable, mm_manager_ready_cb, g_steal_pointer (&task));
  else
    g_bus_get (G_BUS_TYPE_SYSTEM, cancellable, bus_ready_cb, g_steal_pointer (&task));
}

HeraldModemManager *
herald_modem_manager_new_finish (GAsyncResult  *result,
                                 GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

gboolean
herald_modem_manager_get_running (HeraldModemManager *self)
{
  g_return_val_if_fail (HERALD_IS_MODEM_MANAGER (self), FALSE);

  return self->running;
}

gboolean
herald_modem_manager_check_running (HeraldModemManager  *self,
                                    GError             **error)
{
  g_return_val_if_fail (HERALD_IS_MODEM_MANAGER (self), FALSE);

  if (self->running)
    return TRUE;

  g_set_error (error, HERALD_MODEM_ERROR, HERALD_MODEM_ERROR_NOT_RUNNING,
               _("ModemManager is not running: no service owns org.freedesktop.ModemManager1 "
                 "on the system bus. Start it (systemctl start ModemManager) and try again."));
  return FALSE;
}

HeraldModem *
herald_modem_manager_lookup (HeraldModemManager *self,
                             const char         *id)
{
  g_return_val_if_fail (HERALD_IS_MODEM_MANAGER (self), NULL);

  if (id == NULL)
    return NULL;

  for (guint i = 0; i < self->modems->len; i++)
    {
      HeraldModem *modem = g_ptr_array_index (self->modems, i);

      if (g_strcmp0 (herald_modem_get_device_id (modem), id) == 0 ||
          g_strcmp0 (herald_modem_get_equipment_id (modem), id) == 0 ||
          g_strcmp0 (herald_modem_get_path (modem), id) == 0)
        return modem;
    }

  return NULL;
}
