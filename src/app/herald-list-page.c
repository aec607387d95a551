/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-list-page"

#include "config.h"

#include "herald-list-page.h"
#include "herald-list-util.h"

#define FILTER_DELAY_MS  400

typedef struct
{
  HeraldSession        *session;
  GSignalGroup         *session_signals;
  HeraldPagedList      *list;
  guint                 filter_source;
  guint                 n_before_page;   /* rows when the page in flight was asked for */
  gboolean              listing;         /* the list is shown, not a status */

  /* template children */
  AdwToastOverlay      *toast_overlay;
  GtkStack             *stack;
  AdwStatusPage        *status_page;
  GtkBox               *filter_box;
  GtkRevealer          *error_revealer;
  GtkLabel             *error_label;
  GtkButton            *retry_button;
  GtkStack             *list_stack;
  GtkScrolledWindow    *scrolled;
  GtkListView          *list_view;
  AdwStatusPage        *empty_page;
  GtkSpinner           *spinner;
} HeraldListPagePrivate;

static void herald_list_page_buildable_init (GtkBuildableIface *iface);

G_DEFINE_ABSTRACT_TYPE_WITH_CODE (HeraldListPage, herald_list_page, ADW_TYPE_BIN,
                                  G_ADD_PRIVATE (HeraldListPage)
                                  G_IMPLEMENT_INTERFACE (GTK_TYPE_BUILDABLE, herald_list_page_buildable_init))

static GtkBuildableIface *parent_buildable_iface;

enum {
  PROP_0,
  PROP_SESSION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* ---- the list ------------------------------------------------------------ */

static void
show_error (HeraldListPage *self,
            const char     *message,
            gboolean        can_retry)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  if (message != NULL)
    gtk_label_set_text (priv->error_label, message);
  gtk_revealer_set_reveal_child (priv->error_revealer, message != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), HERALD_LIST_PAGE_GET_CLASS (self)->retry_action,
                                 message != NULL && can_retry);
}

static void
update_list_state (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);
  const GError *error = priv->list != NULL ? herald_paged_list_get_error (priv->list) : NULL;
  gboolean loading = priv->list != NULL && herald_paged_list_get_loading (priv->list);
  gboolean empty = priv->list == NULL || g_list_model_get_n_items (G_LIST_MODEL (priv->list)) == 0;
  gboolean done = priv->list != NULL && !herald_paged_list_get_has_more (priv->list);

  show_error (self, error != NULL ? error->message : NULL, TRUE);
  gtk_spinner_set_spinning (priv->spinner, loading);
  gtk_widget_set_visible (GTK_WIDGET (priv->spinner), loading);
  gtk_stack_set_visible_child_name (priv->list_stack, empty && done ? "empty" : "list");
  if (empty && done && HERALD_LIST_PAGE_GET_CLASS (self)->list_empty != NULL)
    HERALD_LIST_PAGE_GET_CLASS (self)->list_empty (self);
}

/* Loads the next page when the view is within a screenful of its end, or
 * when the rows do not fill it yet. */
static void
maybe_load_more (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);
  HeraldPagedList *list = priv->list;
  GtkScrolledWindow *scrolled = priv->scrolled;
  GtkAdjustment *adjustment;
  double remaining;

  if (list == NULL || herald_paged_list_get_loading (list) ||
      !herald_paged_list_get_has_more (list) || herald_paged_list_get_error (list) != NULL)
    return;

  /* Not before the view exists: an unmapped page asks for nothing. */
  if (!gtk_widget_get_mapped (GTK_WIDGET (scrolled)))
    return;

  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  if (gtk_adjustment_get_page_size (adjustment) <= 0)
    return;   /* not laid out yet */
  remaining = gtk_adjustment_get_upper (adjustment)
              - gtk_adjustment_get_value (adjustment)
              - gtk_adjustment_get_page_size (adjustment);
  if (remaining <= gtk_adjustment_get_page_size (adjustment))
    herald_paged_list_load_more (list);
}

static void
list_state_changed (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);
  guint n = priv->list != NULL ? g_list_model_get_n_items (G_LIST_MODEL (priv->list)) : 0;

  /* The next page, if the view needs one, follows the adjustment's
   * "changed" once the new rows are laid out: now it still measures the
   * old. A page that added no row (all seen already) changes nothing to
   * lay out, so it is judged here. */
  update_list_state (self);
  if (priv->list == NULL)
    return;
  if (herald_paged_list_get_loading (priv->list))
    priv->n_before_page = n;
  else if (n == priv->n_before_page)
    maybe_load_more (self);
}

static void
clear_list (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  if (priv->list == NULL)
    return;

  g_signal_handlers_disconnect_by_data (priv->list, self);
  herald_paged_list_reset (priv->list);
  g_clear_object (&priv->list);
  gtk_list_view_set_model (priv->list_view, NULL);
}

void
herald_list_page_rebuild (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);
  g_autoptr(GtkNoSelection) selection = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (HERALD_IS_LIST_PAGE (self));

  g_clear_handle_id (&priv->filter_source, g_source_remove);
  clear_list (self);
  if (!priv->listing)
    return;

  priv->list = HERALD_LIST_PAGE_GET_CLASS (self)->create_list (self, &error);
  if (priv->list == NULL)
    {
      if (error != NULL)
        show_error (self, error->message, FALSE);
      return;
    }

  g_signal_connect_swapped (priv->list, "notify::loading", G_CALLBACK (list_state_changed), self);
  g_signal_connect_swapped (priv->list, "notify::error", G_CALLBACK (list_state_changed), self);
  g_signal_connect_swapped (priv->list, "notify::has-more", G_CALLBACK (list_state_changed), self);
  selection = gtk_no_selection_new (g_object_ref (G_LIST_MODEL (priv->list)));
  gtk_list_view_set_model (priv->list_view, GTK_SELECTION_MODEL (selection));

  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    herald_paged_list_load_more (priv->list);
  update_list_state (self);
}

/* ---- filters ------------------------------------------------------------- */

static gboolean
filter_timeout_cb (gpointer user_data)
{
  HeraldListPage *self = user_data;
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  priv->filter_source = 0;
  herald_list_page_rebuild (self);

  return G_SOURCE_REMOVE;
}

/* Typing waits for a pause before asking again. */
static void
filter_changed (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_clear_handle_id (&priv->filter_source, g_source_remove);
  if (priv->listing)
    priv->filter_source = g_timeout_add (FILTER_DELAY_MS, filter_timeout_cb, self);
}

static void
filter_chosen (HeraldListPage *self)
{
  herald_list_page_rebuild (self);
}

/* ---- rows and actions ---------------------------------------------------- */

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           gpointer                  user_data)
{
  gtk_list_item_set_child (item, herald_list_util_row_new ());
  gtk_list_item_set_activatable (item, FALSE);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *item,
          HeraldListPage           *self)
{
  gboolean activatable = HERALD_LIST_PAGE_GET_CLASS (self)->bind_row (self, gtk_list_item_get_child (item),
                                                                      gtk_list_item_get_item (item));

  gtk_list_item_set_activatable (item, activatable);
}

static void
row_activated_cb (HeraldListPage *self,
                  guint           position)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);
  g_autoptr(GObject) item = NULL;

  if (priv->list == NULL || HERALD_LIST_PAGE_GET_CLASS (self)->row_activated == NULL)
    return;

  item = g_list_model_get_item (G_LIST_MODEL (priv->list), position);
  if (item != NULL)
    HERALD_LIST_PAGE_GET_CLASS (self)->row_activated (self, item);
}

static void
refresh_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  herald_list_page_rebuild (HERALD_LIST_PAGE (widget));
}

static void
retry_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (HERALD_LIST_PAGE (widget));

  if (priv->list != NULL)
    herald_paged_list_load_more (priv->list);
}

/* ---- the session --------------------------------------------------------- */

static void
provider_changed (HeraldListPage *self)
{
  clear_list (self);
  HERALD_LIST_PAGE_GET_CLASS (self)->provider_changed (self);
}

HeraldSession *
herald_list_page_get_session (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_LIST_PAGE (self), NULL);

  return priv->session;
}

void
herald_list_page_set_session (HeraldListPage *self,
                              HeraldSession  *session)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_if_fail (HERALD_IS_LIST_PAGE (self));
  g_return_if_fail (session == NULL || HERALD_IS_SESSION (session));

  if (!g_set_object (&priv->session, session))
    return;

  /* The group's "bind" handlers (a subclass's) run here too. */
  g_signal_group_set_target (priv->session_signals, session);
  provider_changed (self);

  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_SESSION]);
}

GSignalGroup *
herald_list_page_get_session_signals (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_LIST_PAGE (self), NULL);

  return priv->session_signals;
}

HeraldProvider *
herald_list_page_get_provider (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_LIST_PAGE (self), NULL);

  return priv->session != NULL ? herald_session_get_provider (priv->session) : NULL;
}

HeraldPagedList *
herald_list_page_get_list (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_val_if_fail (HERALD_IS_LIST_PAGE (self), NULL);

  return priv->list;
}

void
herald_list_page_show_list (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_if_fail (HERALD_IS_LIST_PAGE (self));

  priv->listing = TRUE;
  gtk_stack_set_visible_child_name (priv->stack, "content");
  herald_list_page_rebuild (self);
}

void
herald_list_page_show_status (HeraldListPage *self,
                              const char     *icon_name,
                              const char     *title,
                              const char     *description)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_if_fail (HERALD_IS_LIST_PAGE (self));

  priv->listing = FALSE;
  g_clear_handle_id (&priv->filter_source, g_source_remove);
  clear_list (self);
  adw_status_page_set_icon_name (priv->status_page, icon_name);
  adw_status_page_set_title (priv->status_page, title);
  adw_status_page_set_description (priv->status_page, description);
  gtk_stack_set_visible_child_name (priv->stack, "status");
}

void
herald_list_page_set_empty_status (HeraldListPage *self,
                                   const char     *icon_name,
                                   const char     *title,
                                   const char     *description)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_if_fail (HERALD_IS_LIST_PAGE (self));

  adw_status_page_set_icon_name (priv->empty_page, icon_name);
  adw_status_page_set_title (priv->empty_page, title);
  adw_status_page_set_description (priv->empty_page, description);
}

void
herald_list_page_set_list_label (HeraldListPage *self,
                                 const char     *label)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_if_fail (HERALD_IS_LIST_PAGE (self));

  gtk_accessible_update_property (GTK_ACCESSIBLE (priv->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

void
herald_list_page_add_toast (HeraldListPage *self,
                            AdwToast       *toast)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_return_if_fail (HERALD_IS_LIST_PAGE (self));

  adw_toast_overlay_add_toast (priv->toast_overlay, toast);
}

/* ---- <child type="filter"> ---------------------------------------------- */

static void
herald_list_page_add_child (GtkBuildable *buildable,
                            GtkBuilder   *builder,
                            GObject      *child,
                            const char   *type)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (HERALD_LIST_PAGE (buildable));

  if (g_strcmp0 (type, "filter") == 0 && GTK_IS_WIDGET (child))
    gtk_box_append (priv->filter_box, GTK_WIDGET (child));
  else
    parent_buildable_iface->add_child (buildable, builder, child, type);
}

static void
herald_list_page_buildable_init (GtkBuildableIface *iface)
{
  parent_buildable_iface = g_type_interface_peek_parent (iface);
  iface->add_child = herald_list_page_add_child;
}

/* ---- life cycle ---------------------------------------------------------- */

void
herald_list_page_class_set_template (HeraldListPageClass *klass,
                                     const char          *resource_path,
                                     const char          *action_prefix)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  g_autofree char *refresh = g_strconcat (action_prefix, ".refresh", NULL);

  gtk_widget_class_set_template_from_resource (widget_class, resource_path);
  gtk_widget_class_bind_template_callback (widget_class, filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, filter_chosen);

  klass->retry_action = g_strconcat (action_prefix, ".retry", NULL);   /* lives with the class */
  gtk_widget_class_install_action (widget_class, refresh, NULL, refresh_action);
  gtk_widget_class_install_action (widget_class, klass->retry_action, NULL, retry_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F5, 0, refresh, NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_r, GDK_CONTROL_MASK, refresh, NULL);
}

static void
herald_list_page_constructed (GObject *object)
{
  HeraldListPage *self = HERALD_LIST_PAGE (object);
  HeraldListPageClass *klass = HERALD_LIST_PAGE_GET_CLASS (self);
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  G_OBJECT_CLASS (herald_list_page_parent_class)->constructed (object);

  /* Here, not in init: only now is the subclass's class the one seen. */
  gtk_actionable_set_action_name (GTK_ACTIONABLE (priv->retry_button), klass->retry_action);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), klass->retry_action, FALSE);
  gtk_list_view_set_single_click_activate (priv->list_view, klass->row_activated != NULL);
  provider_changed (self);
}

static void
herald_list_page_map (GtkWidget *widget)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (HERALD_LIST_PAGE (widget));

  GTK_WIDGET_CLASS (herald_list_page_parent_class)->map (widget);

  if (priv->list != NULL && herald_paged_list_get_pages_loaded (priv->list) == 0)
    herald_paged_list_load_more (priv->list);
}

static void
herald_list_page_unmap (GtkWidget *widget)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (HERALD_LIST_PAGE (widget));

  /* Leaving the page stops what it asked for; what it has stays. */
  if (priv->list != NULL && herald_paged_list_get_loading (priv->list))
    herald_paged_list_reset (priv->list);
  g_clear_handle_id (&priv->filter_source, g_source_remove);

  GTK_WIDGET_CLASS (herald_list_page_parent_class)->unmap (widget);
}

static void
herald_list_page_dispose (GObject *object)
{
  HeraldListPage *self = HERALD_LIST_PAGE (object);
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);

  g_clear_handle_id (&priv->filter_source, g_source_remove);
  if (priv->session_signals != NULL)
    g_signal_group_set_target (priv->session_signals, NULL);
  g_clear_object (&priv->session_signals);
  g_clear_object (&priv->session);
  clear_list (self);

  G_OBJECT_CLASS (herald_list_page_parent_class)->dispose (object);
}

static void
herald_list_page_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  HeraldListPage *self = HERALD_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      g_value_set_object (value, herald_list_page_get_session (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_list_page_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  HeraldListPage *self = HERALD_LIST_PAGE (object);

  switch (prop_id)
    {
    case PROP_SESSION:
      herald_list_page_set_session (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_list_page_class_init (HeraldListPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = herald_list_page_constructed;
  object_class->dispose = herald_list_page_dispose;
  object_class->get_property = herald_list_page_get_property;
  object_class->set_property = herald_list_page_set_property;
  widget_class->map = herald_list_page_map;
  widget_class->unmap = herald_list_page_unmap;

  properties [PROP_SESSION] =
    g_param_spec_object ("session", NULL, NULL, HERALD_TYPE_SESSION,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/herald-list-page.ui");
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, toast_overlay);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, stack);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, status_page);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, filter_box);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, error_revealer);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, error_label);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, retry_button);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, list_stack);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, scrolled);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, list_view);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, empty_page);
  gtk_widget_class_bind_template_child_private (widget_class, HeraldListPage, spinner);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
herald_list_page_init (HeraldListPage *self)
{
  HeraldListPagePrivate *priv = herald_list_page_get_instance_private (self);
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();
  GtkAdjustment *adjustment;

  gtk_widget_init_template (GTK_WIDGET (self));

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), self);
  gtk_list_view_set_factory (priv->list_view, factory);

  adjustment = gtk_scrolled_window_get_vadjustment (priv->scrolled);
  g_signal_connect_object (adjustment, "changed", G_CALLBACK (maybe_load_more), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (adjustment, "value-changed", G_CALLBACK (maybe_load_more), self, G_CONNECT_SWAPPED);

  /* The session changes under the page: the group follows it (and lets go
   * of the old one); a subclass adds its own handlers to it. */
  priv->session_signals = g_signal_group_new (HERALD_TYPE_SESSION);
  g_signal_group_connect_swapped (priv->session_signals, "notify::provider",
                                  G_CALLBACK (provider_changed), self);
  g_signal_group_connect_swapped (priv->session_signals, "notify::provider-error",
                                  G_CALLBACK (provider_changed), self);
}
