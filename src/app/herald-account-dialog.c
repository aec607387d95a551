/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-account-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "net/herald-provider-error.h"

#include "herald-account-dialog.h"
#include "herald-format.h"
#include "store/herald-account-validate.h"

struct _HeraldAccountDialog
{
  AdwWindow            parent_instance;

  HeraldAccountStore  *store;
  HeraldAccount       *account;          /* NULL when adding */
  GCancellable        *test_cancellable; /* non-NULL while a test runs */
  GCancellable        *save_cancellable; /* non-NULL while saving */

  /* template children */
  AdwWindowTitle      *window_title;
  GtkWidget           *save_button;
  GtkWidget           *form_box;
  AdwPreferencesGroup *account_group;
  AdwComboRow         *dialect_row;
  AdwEntryRow         *name_row;
  AdwEntryRow         *url_row;
  AdwEntryRow         *region_row;
  AdwComboRow         *auth_row;
  AdwEntryRow         *key_row;
  GtkLabel            *error_label;
  GtkButton           *test_button;
  GtkSpinner          *test_spinner;
  GtkLabel            *verdict_label;
};

G_DEFINE_FINAL_TYPE (HeraldAccountDialog, herald_account_dialog, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  PROP_ACCOUNT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

enum {
  SAVED,
  N_SIGNALS
};

static guint signals [N_SIGNALS];

/* The order of the two combo rows' items (herald-account-dialog.ui). */

enum { AUTH_ITEM_BEARER, AUTH_ITEM_X_API_KEY };

HeraldAccountDialog *
herald_account_dialog_new (HeraldAccountStore *store,
                           HeraldAccount      *account,
                           GtkWindow          *parent)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT_STORE (store), NULL);
  g_return_val_if_fail (account == NULL || HERALD_IS_ACCOUNT (account), NULL);

  return g_object_new (HERALD_TYPE_ACCOUNT_DIALOG,
                       "store", store,
                       "account", account,
                       "transient-for", parent,
                       NULL);
}

static HeraldDialect
get_dialect (HeraldAccountDialog *self)
{
  guint selected;
  guint item = 0;

  if (self->account != NULL)
    return herald_account_get_dialect (self->account);

  /* The row lists every dialect, in the table's order (the services, then
   * this computer's modems). */
  selected = adw_combo_row_get_selected (self->dialect_row);
  for (const HeraldDialectInfo *info; (info = herald_dialect_get_info (item)) != NULL; item++)
    if (selected-- == 0)
      return info->dialect;

  return herald_dialect_get_info (0)->dialect;
}

/* The text of a row without surrounding blanks; NULL when empty, so that the
 * store applies its default. */
static char *
row_text (AdwEntryRow *row)
{
  g_autofree char *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));

  return text[0] != '\0' ? g_steal_pointer (&text) : NULL;
}

/* The form's values as an account: a new one when adding, a copy of the
 * edited one otherwise (same id, so the store's name check skips it). */
static HeraldAccount *
build_draft (HeraldAccountDialog *self)
{
  g_autofree char *name = row_text (self->name_row);
  g_autofree char *url = row_text (self->url_row);
  g_autofree char *region = row_text (self->region_row);
  HeraldDialect dialect = get_dialect (self);
  const HeraldDialectInfo *info = herald_dialect_get_info (dialect);
  HeraldAccount *draft;

  if (self->account != NULL)
    {
      draft = herald_account_copy (self->account);
      herald_account_set_name (draft, name);
    }
  else
    draft = herald_account_new (dialect, name);

  /* A modem account has no URL (its row is hidden, whatever it holds). */
  herald_account_set_base_url (draft, info->local ? NULL : url);
  herald_account_set_region (draft, region);
  herald_account_set_auth_style (draft,
                                 herald_dialect_get_info (dialect)->chooses_auth_style &&
                                 adw_combo_row_get_selected (self->auth_row) == AUTH_ITEM_X_API_KEY
                                 ? HERALD_ACCOUNT_AUTH_X_API_KEY : HERALD_ACCOUNT_AUTH_BEARER);

  return draft;
}

static void
clear_errors (HeraldAccountDialog *self)
{
  GtkWidget *rows[] = {
    GTK_WIDGET (self->name_row), GTK_WIDGET (self->url_row),
    GTK_WIDGET (self->region_row), GTK_WIDGET (self->key_row),
  };

  for (guint i = 0; i < G_N_ELEMENTS (rows); i++)
    gtk_widget_remove_css_class (rows[i], "error");

  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
}

/* @row: the row to mark, or NULL when the problem is not one field's. */
static void
show_error (HeraldAccountDialog *self,
            GtkWidget           *row,
            const char          *message)
{
  clear_errors (self);
  if (row != NULL)
    gtk_widget_add_css_class (row, "error");
  gtk_label_set_text (self->error_label, message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
}

/* The row the first problem is about: the store's checks, field by field
 * (herald-account-validate.h), in the order the store makes them. */
static GtkWidget *
find_invalid_row (HeraldAccountDialog *self,
                  HeraldAccount       *draft)
{
  HeraldDialect dialect = herald_account_get_dialect (draft);
  g_autofree char *name = herald_account_validate_name (herald_account_get_name (draft), NULL);
  g_autofree char *url = NULL;
  g_autofree char *region = NULL;

  if (name == NULL)
    return GTK_WIDGET (self->name_row);
  if (!herald_account_validate_base_url (dialect, herald_account_get_base_url (draft), &url, NULL))
    return GTK_WIDGET (self->url_row);
  if (!herald_account_validate_region (dialect, herald_account_get_region (draft), &region, NULL))
    return GTK_WIDGET (self->region_row);

  /* A name taken by another account. */
  return GTK_WIDGET (self->name_row);
}

/* Checks the form and shows the first problem. @key_required: adding (or
 * testing a new account) needs a key; editing keeps the stored one when the
 * row is empty. Returns the draft, and the key (NULL: keep) in @key_out. */
static HeraldAccount *
validate_form (HeraldAccountDialog  *self,
               gboolean              key_required,
               char                **key_out)
{
  g_autoptr(HeraldAccount) draft = build_draft (self);
  g_autoptr(GError) error = NULL;
  const char *key = gtk_editable_get_text (GTK_EDITABLE (self->key_row));

  /* No key for a dialect without one (its row is hidden). */
  if (!herald_dialect_get_info (herald_account_get_dialect (draft))->has_key)
    {
      key = "";
      key_required = FALSE;
    }

  if (!herald_account_store_validate (self->store, draft, &error))
    {
      show_error (self, find_invalid_row (self, draft), error->message);
      return NULL;
    }

  if (key[0] == '\0' && key_required)
    {
      show_error (self, GTK_WIDGET (self->key_row),
                  _("Enter the API key: you find it in your account on the provider’s website."));
      return NULL;
    }

  if (key[0] != '\0' && !herald_account_validate_key (herald_account_get_dialect (draft), key, &error))
    {
      show_error (self, GTK_WIDGET (self->key_row), error->message);
      return NULL;
    }

  clear_errors (self);
  *key_out = key[0] != '\0' ? g_strdup (key) : NULL;

  return g_steal_pointer (&draft);
}

/* ---- Test connection ------------------------------------------------------ */

/* What the verdict says before a test. */
static const char *
idle_verdict (HeraldAccountDialog *self)
{
  if (herald_dialect_get_info (get_dialect (self))->local)
    return _("Test that a modem is ready to send before saving.");

  return _("Check the URL and the key before saving.");
}

static void
set_verdict (HeraldAccountDialog *self,
             const char          *style,
             const char          *text)
{
  const char *styles[] = { "dim-label", "success", "warning", "error" };

  for (guint i = 0; i < G_N_ELEMENTS (styles); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->verdict_label), styles[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->verdict_label), style);
  gtk_label_set_text (self->verdict_label, text);
}

static void
set_testing (HeraldAccountDialog *self,
             gboolean             testing)
{
  gtk_widget_set_visible (GTK_WIDGET (self->test_spinner), testing);
  gtk_spinner_set_spinning (self->test_spinner, testing);
  gtk_button_set_label (self->test_button, testing ? _("_Stop Test") : _("_Test Connection"));
  if (!testing)
    g_clear_object (&self->test_cancellable);
}

static char *
describe_report (HeraldConnectionReport *report,
                 const char            **style)
{
  const char * const *missing = herald_connection_report_get_missing_scopes (report);
  gint64 balance = herald_connection_report_get_balance (report);
  g_autofree char *works = NULL;

  if (balance >= 0)
    {
      g_autofree char *credits = herald_format_credits (balance);

      works = g_strdup_printf (_("Works. Balance: %s."), credits);
    }
  else
    works = g_strdup (_("Works."));

  if (missing[0] == NULL)
    {
      *style = "success";
      return g_steal_pointer (&works);
    }

  *style = "warning";
  {
    g_autofree char *list = g_strjoinv (", ", (char **) missing);

    return g_strdup_printf (_("%s But the key lacks: %s. Herald cannot use what these "
                              "permissions allow; create a key that has them."),
                            works, list);
  }
}

static char *
describe_error (HeraldDialect  dialect,
                const GError  *error)
{
  const char *service = herald_dialect_get_title (dialect);

  if (error->domain != HERALD_PROVIDER_ERROR)
    return g_strdup (error->message);

  switch ((HeraldProviderErrorCode) error->code)
    {
    case HERALD_PROVIDER_ERROR_UNAUTHORIZED:
      return g_strdup (_("Key rejected: the server did not accept this API key. Check that it "
                         "was copied whole and has not been revoked."));

    case HERALD_PROVIDER_ERROR_FORBIDDEN:
      if (herald_provider_error_get_scope (error) != NULL)
        return g_strdup_printf (_("The key lacks the %s permission; create a key that has it."),
                                herald_provider_error_get_scope (error));
      return g_strdup (error->message);

    case HERALD_PROVIDER_ERROR_NETWORK:
    case HERALD_PROVIDER_ERROR_TIMEOUT:
      return g_strdup_printf (_("Server unreachable: check the base URL and your network "
                                "connection. (%s)"), error->message);

    case HERALD_PROVIDER_ERROR_TLS:
      return g_strdup_printf (_("TLS problem: the server’s certificate or encryption could not "
                                "be verified. Check the URL and the server’s certificate. (%s)"),
                              error->message);

    case HERALD_PROVIDER_ERROR_NOT_FOUND:
    case HERALD_PROVIDER_ERROR_MALFORMED_RESPONSE:
      return g_strdup_printf (_("No %s API answers at this URL: check the base URL. (%s)"),
                              service, error->message);

    case HERALD_PROVIDER_ERROR_PAYMENT_REQUIRED:
    case HERALD_PROVIDER_ERROR_RATE_LIMITED:
    case HERALD_PROVIDER_ERROR_NO_DEVICE:
    case HERALD_PROVIDER_ERROR_BAD_REQUEST:
    case HERALD_PROVIDER_ERROR_SERVER_ERROR:
    case HERALD_PROVIDER_ERROR_FATE_UNKNOWN:
    case HERALD_PROVIDER_ERROR_INVALID_INPUT:
    default:
      return g_strdup (error->message);
    }
}

/* One run of the test: a cancelled run's late answer must not overwrite
 * the verdict of a newer one. */
typedef struct
{
  HeraldAccountDialog *self;
  GCancellable        *cancellable;
} TestRun;

static TestRun *
test_run_new (HeraldAccountDialog *self)
{
  TestRun *run = g_new0 (TestRun, 1);

  run->self = g_object_ref (self);
  run->cancellable = g_object_ref (self->test_cancellable);

  return run;
}

static void
test_run_free (TestRun *run)
{
  g_object_unref (run->self);
  g_object_unref (run->cancellable);
  g_free (run);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (TestRun, test_run_free)

static void
test_connection_done (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autoptr(TestRun) run = user_data;
  HeraldAccountDialog *self = run->self;
  g_autoptr(HeraldConnectionReport) report = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  const char *style = "error";

  report = herald_provider_test_connection_finish (HERALD_PROVIDER (source), result, &error);
  if (g_cancellable_is_cancelled (run->cancellable))
    return;   /* whoever cancelled has reset the dialog */

  if (report != NULL)
    text = describe_report (report, &style);
  else
    text = describe_error (get_dialect (self), error);

  set_verdict (self, style, text);
  set_testing (self, FALSE);
}

static void
provider_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(TestRun) run = user_data;
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  GCancellable *cancellable;

  provider = herald_provider_open_finish (result, &error);
  if (g_cancellable_is_cancelled (run->cancellable))
    return;

  if (provider == NULL)
    {
      set_verdict (run->self, "error", error->message);
      set_testing (run->self, FALSE);
      return;
    }

  cancellable = run->cancellable;
  herald_provider_test_connection_async (provider, cancellable,
                                         test_connection_done, g_steal_pointer (&run));
}

static void
stop_test (HeraldAccountDialog *self)
{
  if (self->test_cancellable == NULL)
    return;

  g_cancellable_cancel (self->test_cancellable);
  set_testing (self, FALSE);
  set_verdict (self, "dim-label", _("Test stopped."));
}

static void
test_clicked (HeraldAccountDialog *self)
{
  g_autoptr(HeraldAccount) draft = NULL;
  g_autoptr(HeraldProvider) provider = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *key = NULL;

  if (self->test_cancellable != NULL)
    {
      stop_test (self);
      return;
    }

  draft = validate_form (self, self->account == NULL, &key);
  if (draft == NULL)
    return;

  self->test_cancellable = g_cancellable_new ();
  set_testing (self, TRUE);
  set_verdict (self, "dim-label", _("Testing the connection…"));

  /* A key in the row is tried as typed; otherwise the stored one. A
   * dialect without a key (modems) needs neither. */
  if (key == NULL && herald_dialect_has_key (herald_account_get_dialect (draft)))
    {
      herald_provider_open_async (self->store, draft, self->test_cancellable,
                                  provider_opened, test_run_new (self));
      return;
    }

  provider = herald_provider_new_for_account (draft, key, &error);
  herald_secrets_free (g_steal_pointer (&key));
  if (provider == NULL)
    {
      set_verdict (self, "error", error->message);
      set_testing (self, FALSE);
      return;
    }

  herald_provider_test_connection_async (provider, self->test_cancellable,
                                         test_connection_done, test_run_new (self));
}

/* ---- the form ----------------------------------------------------------- */

/* A changed value makes the last verdict stale. */
static void
form_changed (HeraldAccountDialog *self)
{
  clear_errors (self);
  if (self->test_cancellable != NULL)
    stop_test (self);
  set_verdict (self, "dim-label", idle_verdict (self));
}

static void
dialect_changed (HeraldAccountDialog *self)
{
  const HeraldDialectInfo *info = herald_dialect_get_info (get_dialect (self));
  const char *url = gtk_editable_get_text (GTK_EDITABLE (self->url_row));
  const char *region = gtk_editable_get_text (GTK_EDITABLE (self->region_row));

  gtk_widget_set_visible (GTK_WIDGET (self->auth_row), info->chooses_auth_style);
  /* Modems: no URL and no key; the region still reads their numbers. */
  gtk_widget_set_visible (GTK_WIDGET (self->url_row), !info->local);
  gtk_widget_set_visible (GTK_WIDGET (self->key_row), info->has_key);
  if (self->test_cancellable != NULL)
    stop_test (self);
  set_verdict (self, "dim-label", idle_verdict (self));

  if (self->account != NULL)
    return;

  /* Fill in the defaults, without overwriting what the person typed; a
   * default of the dialect left behind goes. */
  if (info->default_base_url != NULL && url[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), info->default_base_url);
  else if (info->default_base_url == NULL && herald_dialect_is_default_base_url (url))
    gtk_editable_set_text (GTK_EDITABLE (self->url_row), "");
  if (info->default_region != NULL && region[0] == '\0')
    gtk_editable_set_text (GTK_EDITABLE (self->region_row), info->default_region);
  else if (info->default_region == NULL && herald_dialect_is_default_region (region))
    gtk_editable_set_text (GTK_EDITABLE (self->region_row), "");
  adw_preferences_group_set_description (self->account_group, _(info->summary));
}

/* ---- Save ----------------------------------------------------------------- */

static void
set_saving (HeraldAccountDialog *self,
            gboolean             saving)
{
  gtk_widget_set_sensitive (self->form_box, !saving);
  gtk_widget_set_sensitive (self->save_button, !saving);
  if (!saving)
    g_clear_object (&self->save_cancellable);
}

static void
saved (HeraldAccountDialog *self,
       HeraldAccount       *account,
       const GError        *error)
{
  /* Cancelled only by dispose: the dialog is gone. */
  if (self->save_cancellable == NULL ||
      g_cancellable_is_cancelled (self->save_cancellable))
    return;

  set_saving (self, FALSE);
  if (error != NULL)
    {
      show_error (self,
                  g_error_matches (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS)
                  ? GTK_WIDGET (self->name_row) : NULL,
                  error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, account);
  gtk_window_close (GTK_WINDOW (self));
}

static void
add_done (GObject      *source,
          GAsyncResult *result,
          gpointer      user_data)
{
  g_autoptr(HeraldAccountDialog) self = user_data;
  g_autoptr(HeraldAccount) account = NULL;
  g_autoptr(GError) error = NULL;

  account = herald_account_store_add_finish (HERALD_ACCOUNT_STORE (source), result, &error);
  saved (self, account, error);
}

static void
update_done (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  g_autoptr(HeraldAccountDialog) self = user_data;
  g_autoptr(GError) error = NULL;

  herald_account_store_update_finish (HERALD_ACCOUNT_STORE (source), result, &error);
  saved (self, self->account, error);
}

static void
save_clicked (HeraldAccountDialog *self)
{
  g_autoptr(HeraldAccount) draft = NULL;
  g_autofree char *key = NULL;

  if (self->save_cancellable != NULL)
    return;

  draft = validate_form (self, self->account == NULL, &key);
  if (draft == NULL)
    return;

  stop_test (self);
  self->save_cancellable = g_cancellable_new ();
  set_saving (self, TRUE);

  if (self->account == NULL)
    herald_account_store_add_async (self->store, draft, key, self->save_cancellable,
                                    add_done, g_object_ref (self));
  else
    herald_account_store_update_async (self->store, draft, key, self->save_cancellable,
                                       update_done, g_object_ref (self));

  herald_secrets_free (g_steal_pointer (&key));
}

/* ---- GObject -------------------------------------------------------------- */

static void
herald_account_dialog_constructed (GObject *object)
{
  HeraldAccountDialog *self = HERALD_ACCOUNT_DIALOG (object);

  G_OBJECT_CLASS (herald_account_dialog_parent_class)->constructed (object);

  gtk_window_set_modal (GTK_WINDOW (self), TRUE);

  if (self->account == NULL)
    {
      gtk_window_set_title (GTK_WINDOW (self), _("Add Account"));
      adw_window_title_set_title (self->window_title, _("Add Account"));
      dialect_changed (self);
    }
  else
    {
      const char *region = herald_account_get_region (self->account);
      const char *url = herald_account_get_base_url (self->account);

      gtk_window_set_title (GTK_WINDOW (self), _("Edit Account"));
      adw_window_title_set_title (self->window_title, _("Edit Account"));
      adw_window_title_set_subtitle (self->window_title, herald_account_get_name (self->account));
      gtk_widget_set_visible (GTK_WIDGET (self->dialect_row), FALSE);
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), herald_account_get_name (self->account));
      gtk_editable_set_text (GTK_EDITABLE (self->url_row), url != NULL ? url : "");
      gtk_editable_set_text (GTK_EDITABLE (self->region_row), region != NULL ? region : "");
      adw_combo_row_set_selected (self->auth_row,
                                  herald_account_get_auth_style (self->account) ==
                                  HERALD_ACCOUNT_AUTH_X_API_KEY
                                  ? AUTH_ITEM_X_API_KEY : AUTH_ITEM_BEARER);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->key_row),
                                     _("New API Key (empty keeps the current key)"));
      dialect_changed (self);
    }

  /* Filling the form is not a change by the person. */
  clear_errors (self);
  set_verdict (self, "dim-label", idle_verdict (self));
}

static void
herald_account_dialog_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HeraldAccountDialog *self = HERALD_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;

    case PROP_ACCOUNT:
      g_value_set_object (value, self->account);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_account_dialog_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HeraldAccountDialog *self = HERALD_ACCOUNT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;

    case PROP_ACCOUNT:
      self->account = g_value_dup_object (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_account_dialog_dispose (GObject *object)
{
  HeraldAccountDialog *self = HERALD_ACCOUNT_DIALOG (object);

  /* Pending callbacks hold a reference; they see CANCELLED and leave. */
  if (self->test_cancellable != NULL)
    g_cancellable_cancel (self->test_cancellable);
  if (self->save_cancellable != NULL)
    g_cancellable_cancel (self->save_cancellable);
  g_clear_object (&self->test_cancellable);
  g_clear_object (&self->save_cancellable);

  G_OBJECT_CLASS (herald_account_dialog_parent_class)->dispose (object);
}

static void
herald_account_dialog_finalize (GObject *object)
{
  HeraldAccountDialog *self = HERALD_ACCOUNT_DIALOG (object);

  g_clear_object (&self->store);
  g_clear_object (&self->account);

  G_OBJECT_CLASS (herald_account_dialog_parent_class)->finalize (object);
}

static void
herald_account_dialog_class_init (HeraldAccountDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = herald_account_dialog_constructed;
  object_class->get_property = herald_account_dialog_get_property;
  object_class->set_property = herald_account_dialog_set_property;
  object_class->dispose = herald_account_dialog_dispose;
  object_class->finalize = herald_account_dialog_finalize;

  properties [PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL,
                         HERALD_TYPE_ACCOUNT_STORE,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_ACCOUNT] =
    g_param_spec_object ("account", NULL, NULL,
                         HERALD_TYPE_ACCOUNT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals [SAVED] =
    g_signal_new ("saved",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, HERALD_TYPE_ACCOUNT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_BASE "/herald-account-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, form_box);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, account_group);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, dialect_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, url_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, region_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, auth_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, key_row);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, test_button);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, test_spinner);
  gtk_widget_class_bind_template_child (widget_class, HeraldAccountDialog, verdict_label);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_bind_template_callback (widget_class, save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, test_clicked);
  gtk_widget_class_bind_template_callback (widget_class, form_changed);
  gtk_widget_class_bind_template_callback (widget_class, dialect_changed);
}

static void
herald_account_dialog_init (HeraldAccountDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
