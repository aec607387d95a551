/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* The account store against a real SQLite file and gnome-keyring on the
 * harness's private session bus (harness option --keyring). */
#include "config.h"

#include <string.h>
#include <gio/gio.h>
#include <libsecret/secret.h>

#include "herald-core.h"
#include "store/herald-account-store.h"
#include "herald-test-tree.h"
#include "herald-test-util.h"

static char *
db_path (const char *name)
{
  return g_build_filename (g_get_user_data_dir (), "herald", name, NULL);
}

static HeraldAccountStore *
open_store (const char *name)
{
  g_autofree char *path = db_path (name);
  g_autoptr(HeraldDatabase) db = NULL;
  g_autoptr(HeraldAccountStore) store = NULL;
  g_autoptr(GError) error = NULL;
  GAsyncResult *res = NULL;

  db = herald_database_open (path, &error);
  g_assert_no_error (error);

  store = herald_account_store_new (db);
  herald_account_store_load_async (store, NULL, herald_test_async_done, &res);
  g_assert_true (herald_account_store_load_finish (store, herald_test_wait (&res), &error));
  g_assert_no_error (error);
  g_object_unref (res);

  return g_steal_pointer (&store);
}

static HeraldAccount *
add (HeraldAccountStore  *store,
     HeraldDialect        dialect,
     const char          *name,
     const char          *url,
     const char          *region,
     const char          *key,
     GError             **error)
{
  g_autoptr(HeraldAccount) draft = herald_account_new (dialect, name);
  GAsyncResult *res = NULL;
  HeraldAccount *account;

  herald_account_set_base_url (draft, url);
  herald_account_set_region (draft, region);
  herald_account_store_add_async (store, draft, key, NULL, herald_test_async_done, &res);
  account = herald_account_store_add_finish (store, herald_test_wait (&res), error);
  g_object_unref (res);

  return account;
}

static gboolean
update (HeraldAccountStore  *store,
        HeraldAccount       *changes,
        const char          *new_key,
        GError             **error)
{
  GAsyncResult *res = NULL;
  gboolean ok;

  herald_account_store_update_async (store, changes, new_key, NULL, herald_test_async_done, &res);
  ok = herald_account_store_update_finish (store, herald_test_wait (&res), error);
  g_object_unref (res);

  return ok;
}

static gboolean
remove_account (HeraldAccountStore  *store,
                HeraldAccount       *account,
                GError             **error)
{
  GAsyncResult *res = NULL;
  gboolean ok;

  herald_account_store_remove_async (store, account, NULL, herald_test_async_done, &res);
  ok = herald_account_store_remove_finish (store, herald_test_wait (&res), error);
  g_object_unref (res);

  return ok;
}

static char *
get_key (HeraldAccountStore  *store,
         HeraldAccount       *account,
         GError             **error)
{
  GAsyncResult *res = NULL;
  char *key;

  herald_account_store_get_key_async (store, account, NULL, herald_test_async_done, &res);
  key = herald_account_store_get_key_finish (store, herald_test_wait (&res), error);
  g_object_unref (res);

  return key;
}

/* Straight from the keyring, by id, without the store. */
static char *
keyring_lookup (const char  *account_id,
                GError     **error)
{
  GAsyncResult *res = NULL;
  char *key;

  herald_secrets_lookup_async (account_id, NULL, herald_test_async_done, &res);
  key = herald_secrets_lookup_finish (herald_test_wait (&res), error);
  g_object_unref (res);

  return key;
}

static void
assert_key_in_keyring (const char *account_id,
                       const char *expected)
{
  g_autoptr(GError) error = NULL;
  char *key = keyring_lookup (account_id, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, expected);
  herald_secrets_free (key);
}

static void
assert_no_key_in_keyring (const char *account_id)
{
  g_autoptr(GError) error = NULL;
  char *key = keyring_lookup (account_id, &error);

  g_assert_null (key);
  g_assert_error (error, HERALD_SECRETS_ERROR, HERALD_SECRETS_ERROR_NOT_FOUND);
}

static HeraldAccount *
item (HeraldAccountStore *store,
      guint               position)
{
  HeraldAccount *account = g_list_model_get_item (G_LIST_MODEL (store), position);

  /* The store keeps its own reference. */
  g_object_unref (account);
  return account;
}

static void
count_items_changed (GListModel *model,
                     guint       position,
                     guint       removed,
                     guint       added,
                     gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
count_notify (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  guint *count = user_data;

  (*count)++;
}

static void
test_account_store_add_list_update_remove (void)
{
  g_autoptr(HeraldAccountStore) store = open_store ("crud.db");
  g_autoptr(HeraldAccountStore) reloaded = NULL;
  g_autoptr(HeraldAccount) shop = NULL;
  g_autoptr(HeraldAccount) flash = NULL;
  g_autoptr(HeraldAccount) changes = NULL;
  g_autoptr(GError) error = NULL;
  guint changed = 0, renamed = 0;
  char *key;

  g_assert_true (g_type_is_a (g_list_model_get_item_type (G_LIST_MODEL (store)), HERALD_TYPE_ACCOUNT));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  g_signal_connect (store, "items-changed", G_CALLBACK (count_items_changed), &changed);

  shop = add (store, HERALD_DIALECT_FLIXYSMS, "Shop", NULL, NULL, "fx_live_shop_1", &error);
  g_assert_no_error (error);
  g_assert_true (g_uuid_string_is_valid (herald_account_get_id (shop)));
  g_assert_cmpstr (herald_account_get_name (shop), ==, "Shop");
  g_assert_cmpint (herald_account_get_dialect (shop), ==, HERALD_DIALECT_FLIXYSMS);
  g_assert_cmpstr (herald_account_get_base_url (shop), ==, "https://flixysms.com/api/v1");
  g_assert_null (herald_account_get_region (shop));
  g_assert_nonnull (herald_account_get_created_at (shop));
  g_assert_cmpuint (changed, ==, 1);

  flash = add (store, HERALD_DIALECT_FLASHSMS, "  Alpha  ", "https://sms.example.com/api/v1/",
               NULL, "bms_live_alpha_2", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (herald_account_get_name (flash), ==, "Alpha");
  g_assert_cmpstr (herald_account_get_base_url (flash), ==, "https://sms.example.com/api/v1");
  g_assert_cmpstr (herald_account_get_region (flash), ==, "GH");
  g_assert_cmpint (herald_account_get_auth_style (flash), ==, HERALD_ACCOUNT_AUTH_BEARER);
  g_assert_cmpuint (changed, ==, 2);

  /* Sorted by name, and the objects handed back are the model's. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 2);
  g_assert_true (item (store, 0) == flash);
  g_assert_true (item (store, 1) == shop);
  g_assert_null (g_list_model_get_item (G_LIST_MODEL (store), 2));

  assert_key_in_keyring (herald_account_get_id (shop), "fx_live_shop_1");
  key = get_key (store, flash, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (key, ==, "bms_live_alpha_2");
  herald_secrets_free (key);

  /* Rename Alpha to Zulu and send its key as X-API-Key: it moves after Shop,
   * keeps its object, and says what changed. */
  g_signal_connect (flash, "notify::name", G_CALLBACK (count_notify), &renamed);
  changes = herald_account_copy (flash);
  g_assert_true (changes != flash);
  herald_account_set_name (changes, "Zulu");
  herald_account_set_auth_style (changes, HERALD_ACCOUNT_AUTH_X_API_KEY);
  herald_account_set_region (changes, "ng");
  g_assert_true (update (store, changes, "bms_live_rotated_3", &error));
  g_assert_no_error (error);
  g_assert_cmpuint (renamed, ==, 1);
  g_assert_cmpstr (herald_account_get_name (flash), ==, "Zulu");
  g_assert_cmpstr (herald_account_get_region (flash), ==, "NG");
  g_assert_cmpint (herald_account_get_auth_style (flash), ==, HERALD_ACCOUNT_AUTH_X_API_KEY);
  g_assert_true (item (store, 0) == shop);
  g_assert_true (item (store, 1) == flash);
  assert_key_in_keyring (herald_account_get_id (flash), "bms_live_rotated_3");

  /* An update without a key keeps the key. */
  g_clear_object (&changes);
  changes = herald_account_copy (shop);
  herald_account_set_base_url (changes, "http://127.0.0.1:8787/api/v1");
  g_assert_true (update (store, changes, NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (herald_account_get_base_url (shop), ==, "http://127.0.0.1:8787/api/v1");
  assert_key_in_keyring (herald_account_get_id (shop), "fx_live_shop_1");

  /* All of it is in the database, as a second store reads it. */
  reloaded = open_store ("crud.db");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 2);
  g_assert_cmpstr (herald_account_get_id (item (reloaded, 0)), ==, herald_account_get_id (shop));
  g_assert_cmpstr (herald_account_get_base_url (item (reloaded, 0)), ==, "http://127.0.0.1:8787/api/v1");
  g_assert_cmpstr (herald_account_get_name (item (reloaded, 1)), ==, "Zulu");
  g_assert_cmpint (herald_account_get_dialect (item (reloaded, 1)), ==, HERALD_DIALECT_FLASHSMS);
  g_assert_cmpstr (herald_account_get_region (item (reloaded, 1)), ==, "NG");
  g_assert_cmpint (herald_account_get_auth_style (item (reloaded, 1)), ==, HERALD_ACCOUNT_AUTH_X_API_KEY);
  g_assert_true (g_date_time_equal (herald_account_get_created_at (item (reloaded, 1)),
                                    herald_account_get_created_at (flash)));

  /* Remove: the model, the database and the keyring forget it. */
  changed = 0;
  g_assert_true (remove_account (store, shop, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (changed, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  g_assert_true (item (store, 0) == flash);
  assert_no_key_in_keyring (herald_account_get_id (shop));
  g_clear_object (&reloaded);
  reloaded = open_store ("crud.db");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstr (herald_account_get_name (item (reloaded, 0)), ==, "Zulu");

  g_assert_true (remove_account (store, flash, &error));
  g_assert_no_error (error);
  assert_no_key_in_keyring (herald_account_get_id (flash));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
test_account_store_duplicate_names (void)
{
  g_autoptr(HeraldAccountStore) store = open_store ("duplicates.db");
  g_autoptr(HeraldAccount) shop = NULL;
  g_autoptr(HeraldAccount) other = NULL;
  g_autoptr(HeraldAccount) changes = NULL;
  const char *taken[] = { "Shop", "shop", "  SHOP ", "ＳＨＯＰ" };

  shop = add (store, HERALD_DIALECT_FLIXYSMS, "Shop", NULL, NULL, "key-1", NULL);
  g_assert_nonnull (shop);

  for (guint i = 0; i < G_N_ELEMENTS (taken); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_FLASHSMS, taken[i]);
      g_autoptr(HeraldAccount) account = NULL;
      GAsyncResult *res = NULL;

      herald_account_set_base_url (draft, "https://sms.example.com");
      herald_account_store_add_async (store, draft, "key-2", NULL, herald_test_async_done, &res);
      account = herald_account_store_add_finish (store, herald_test_wait (&res), &error);
      g_object_unref (res);

      g_assert_null (account);
      g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
      g_assert_nonnull (strstr (error->message, "“Shop” exists already"));
      /* Refused before the keyring was touched. */
      assert_no_key_in_keyring (herald_account_get_id (draft));
    }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* Renaming onto a taken name is refused too; keeping one's own name is not. */
  other = add (store, HERALD_DIALECT_MODEM, "Desk", NULL, NULL, NULL, NULL);
  g_assert_nonnull (other);
  changes = herald_account_copy (other);
  herald_account_set_name (changes, "SHOP");
  {
    g_autoptr(GError) error = NULL;

    g_assert_false (update (store, changes, NULL, &error));
    g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
    g_assert_cmpstr (herald_account_get_name (other), ==, "Desk");
  }
  g_clear_object (&changes);
  changes = herald_account_copy (shop);
  herald_account_set_name (changes, "SHOP");
  {
    g_autoptr(GError) error = NULL;

    g_assert_true (update (store, changes, NULL, &error));
    g_assert_no_error (error);
    g_assert_cmpstr (herald_account_get_name (shop), ==, "SHOP");
  }

  /* herald_account_store_validate () tells the same before saving. */
  {
    g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_FLIXYSMS, "desk");
    g_autoptr(GError) error = NULL;

    g_assert_false (herald_account_store_validate (store, draft, &error));
    g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_EXISTS);
    g_assert_true (herald_account_store_validate (store, other, NULL));
  }

  g_assert_true (remove_account (store, shop, NULL));
  g_assert_true (remove_account (store, other, NULL));
}

typedef struct
{
  HeraldDialect  dialect;
  const char    *url;
  const char    *problem;      /* must be in the message */
  const char    *not_quoted;   /* must not be */
} BadUrl;

static void
test_account_store_bad_urls (void)
{
  const BadUrl cases[] = {
    { HERALD_DIALECT_FLIXYSMS, "ftp://flixysms.com/api/v1", "must start with https:// or http://", NULL },
    { HERALD_DIALECT_FLIXYSMS, "flixysms.com/api/v1", "is not a URL", NULL },
    { HERALD_DIALECT_FLIXYSMS, "https:///api/v1", "has no host name", NULL },
    { HERALD_DIALECT_FLASHSMS, "https://sms.example .com", "spaces", NULL },
    { HERALD_DIALECT_FLASHSMS, "https://user:s3cr3t@sms.example.com", "user name or password", "s3cr3t" },
    { HERALD_DIALECT_FLASHSMS, "https://sms.example.com/api?key=abc123", "query", "abc123" },
    { HERALD_DIALECT_FLASHSMS, "https://sms.example.com/api#top", "fragment", NULL },
    { HERALD_DIALECT_FLASHSMS, "https://sms.example.com:99999/api", "is not a URL", NULL },
    { HERALD_DIALECT_FLASHSMS, NULL, "needs the URL", NULL },
    { HERALD_DIALECT_FLASHSMS, "   ", "needs the URL", NULL },
    { HERALD_DIALECT_MODEM, "https://sms.example.com", "no URL", NULL },
  };
  g_autoptr(HeraldAccountStore) store = open_store ("bad-urls.db");
  g_autoptr(HeraldAccountStore) reloaded = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldAccount) account = NULL;

      account = add (store, cases[i].dialect, "Bad URL", cases[i].url, NULL,
                     cases[i].dialect == HERALD_DIALECT_MODEM ? NULL : "key", &error);
      g_assert_null (account);
      g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
      if (strstr (error->message, cases[i].problem) == NULL)
        g_error ("URL “%s”: “%s” does not say “%s”", cases[i].url, error->message, cases[i].problem);
      if (cases[i].not_quoted != NULL)
        g_assert_null (strstr (error->message, cases[i].not_quoted));
    }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
  reloaded = open_store ("bad-urls.db");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 0);
}

static void
test_account_store_bad_names_keys_regions (void)
{
  struct {
    HeraldDialect  dialect;
    const char    *name;
    const char    *region;
    const char    *key;
    const char    *problem;
  } cases[] = {
    { HERALD_DIALECT_FLIXYSMS, "", NULL, "key", "needs a name" },
    { HERALD_DIALECT_FLIXYSMS, "   ", NULL, "key", "needs a name" },
    { HERALD_DIALECT_FLIXYSMS, NULL, NULL, "key", "needs a name" },
    { HERALD_DIALECT_FLIXYSMS, "Two\nlines", NULL, "key", "line breaks" },
    { HERALD_DIALECT_FLIXYSMS, "Shop", NULL, "", "key is empty" },
    { HERALD_DIALECT_FLIXYSMS, "Shop", NULL, NULL, "key is empty" },
    { HERALD_DIALECT_FLIXYSMS, "Shop", NULL, "fx_live_with space", "spaces or line breaks" },
    { HERALD_DIALECT_FLIXYSMS, "Shop", NULL, "fx_live_two\nlines", "spaces or line breaks" },
    { HERALD_DIALECT_FLIXYSMS, "Shop", NULL, "fx_live_tab\there", "spaces or line breaks" },
    { HERALD_DIALECT_MODEM, "Desk", NULL, "fx_live_modem", "modem account has no API key" },
    { HERALD_DIALECT_FLIXYSMS, "Shop", "ZZ", "key", "“ZZ” is not a region code" },
    { HERALD_DIALECT_FLIXYSMS, "Shop", "Ghana", "key", "not a region code" },
  };
  g_autoptr(HeraldAccountStore) store = open_store ("bad-input.db");

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(HeraldAccount) account = NULL;

      account = add (store, cases[i].dialect, cases[i].name, NULL, cases[i].region, cases[i].key, &error);
      g_assert_null (account);
      g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
      if (strstr (error->message, cases[i].problem) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].problem);
      /* A key is never quoted back. */
      if (cases[i].key != NULL && *cases[i].key != '\0')
        g_assert_null (strstr (error->message, cases[i].key));
    }

  /* X-API-Key is FlashSMS's alone. */
  {
    g_autoptr(HeraldAccount) draft = herald_account_new (HERALD_DIALECT_FLIXYSMS, "Shop");
    g_autoptr(HeraldAccount) account = NULL;
    g_autoptr(GError) error = NULL;
    GAsyncResult *res = NULL;

    herald_account_set_auth_style (draft, HERALD_ACCOUNT_AUTH_X_API_KEY);
    herald_account_store_add_async (store, draft, "key", NULL, herald_test_async_done, &res);
    account = herald_account_store_add_finish (store, herald_test_wait (&res), &error);
    g_object_unref (res);
    g_assert_null (account);
    g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "X-API-Key"));
  }

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
test_account_store_regions (void)
{
  g_autoptr(HeraldAccountStore) store = open_store ("regions.db");
  g_autoptr(HeraldAccount) flixy = NULL;
  g_autoptr(HeraldAccount) flash = NULL;
  g_autoptr(HeraldAccount) modem = NULL;
  g_autoptr(HeraldAccount) changes = NULL;

  flixy = add (store, HERALD_DIALECT_FLIXYSMS, "Flixy", NULL, " gh ", "k1", NULL);
  flash = add (store, HERALD_DIALECT_FLASHSMS, "Flash", "http://10.0.0.2:8080", "us", "k2", NULL);
  modem = add (store, HERALD_DIALECT_MODEM, "Modems", NULL, NULL, NULL, NULL);
  g_assert_nonnull (flixy);
  g_assert_nonnull (flash);
  g_assert_nonnull (modem);

  g_assert_cmpstr (herald_account_get_region (flixy), ==, "GH");
  g_assert_cmpstr (herald_account_get_region (flash), ==, "US");
  g_assert_cmpstr (herald_account_get_base_url (flash), ==, "http://10.0.0.2:8080");
  g_assert_null (herald_account_get_region (modem));
  g_assert_null (herald_account_get_base_url (modem));

  /* Clearing FlashSMS's region brings its default back; others have none. */
  changes = herald_account_copy (flash);
  herald_account_set_region (changes, NULL);
  g_assert_true (update (store, changes, NULL, NULL));
  g_assert_cmpstr (herald_account_get_region (flash), ==, "GH");
  g_clear_object (&changes);
  changes = herald_account_copy (flixy);
  herald_account_set_region (changes, "");
  g_assert_true (update (store, changes, NULL, NULL));
  g_assert_null (herald_account_get_region (flixy));

  g_assert_true (remove_account (store, flixy, NULL));
  g_assert_true (remove_account (store, flash, NULL));
  g_assert_true (remove_account (store, modem, NULL));
}

static void
test_account_store_modem_has_no_key (void)
{
  g_autoptr(HeraldAccountStore) store = open_store ("modem.db");
  g_autoptr(HeraldAccount) modem = NULL;
  g_autoptr(GError) error = NULL;
  char *key;

  modem = add (store, HERALD_DIALECT_MODEM, "Desk modems", NULL, "gh", NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (modem);
  assert_no_key_in_keyring (herald_account_get_id (modem));

  key = get_key (store, modem, &error);
  g_assert_null (key);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (remove_account (store, modem, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 0);
}

static void
test_account_store_lookup (void)
{
  g_autoptr(HeraldAccountStore) store = open_store ("lookup.db");
  g_autoptr(HeraldAccount) shop = add (store, HERALD_DIALECT_FLIXYSMS, "Corner Shop", NULL, NULL, "k", NULL);

  g_assert_nonnull (shop);
  g_assert_true (herald_account_store_lookup_by_name (store, "Corner Shop") == shop);
  g_assert_true (herald_account_store_lookup_by_name (store, " corner SHOP ") == shop);
  g_assert_null (herald_account_store_lookup_by_name (store, "Corner"));
  g_assert_null (herald_account_store_lookup_by_name (store, "\xff"));
  g_assert_true (herald_account_store_lookup_by_id (store, herald_account_get_id (shop)) == shop);
  g_assert_null (herald_account_store_lookup_by_id (store, "00000000-0000-4000-8000-000000000000"));

  g_assert_true (remove_account (store, shop, NULL));
  g_assert_null (herald_account_store_lookup_by_name (store, "Corner Shop"));
}

static void
test_account_store_key_not_in_files (void)
{
  const char *key = "fx_live_STORE_CANARY_4711";
  const char *name = "Canary Account Name 0815";
  const char *root = g_getenv ("HERALD_TEST_ROOT");
  g_autofree char *path = db_path ("canary.db");
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autoptr(HeraldAccountStore) store = open_store ("canary.db");
  g_autoptr(HeraldAccount) account = NULL;
  g_autoptr(HeraldAccount) changes = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_nonnull (root);

  account = add (store, HERALD_DIALECT_FLIXYSMS, name, NULL, NULL, key, &error);
  g_assert_no_error (error);
  changes = herald_account_copy (account);
  g_assert_true (update (store, changes, "fx_live_STORE_CANARY_4712", &error));
  g_assert_no_error (error);

  /* The scan does see what the database wrote (the name, in the file or its
   * WAL), so not finding the keys means something. */
  g_assert_true (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (herald_test_tree_contains (root, name));
  herald_test_tree_assert_lacks (root, key);
  herald_test_tree_assert_lacks (root, "fx_live_STORE_CANARY_4712");

  g_assert_true (remove_account (store, account, NULL));
}

/* The keyring failing: a child process whose session bus address points
 * nowhere, so libsecret cannot reach any Secret Service. (gnome-keyring has
 * no switch to make one call fail; an unreachable service is the failure a
 * user meets when no keyring runs.) */

#define ROLLBACK_DB "keyring-failure.db"

static void
test_account_store_keyring_failure_child (void)
{
  g_autoptr(HeraldAccountStore) store = NULL;
  g_autoptr(HeraldAccountStore) reloaded = NULL;
  g_autoptr(HeraldAccount) draft = NULL;
  g_autoptr(HeraldAccount) lost = NULL;
  g_autoptr(HeraldAccount) changes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lost_id_path = NULL;
  GAsyncResult *res = NULL;
  HeraldAccount *kept;

  g_setenv ("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/herald-test-no-bus", TRUE);

  store = open_store (ROLLBACK_DB);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);
  kept = item (store, 0);

  /* Add: the row is written, the key is not, so the row goes again. The
   * draft's id goes to the parent, which looks for a key under it. */
  draft = herald_account_new (HERALD_DIALECT_FLIXYSMS, "Lost");
  lost_id_path = db_path ("lost-id");
  g_assert_true (g_file_set_contents (lost_id_path, herald_account_get_id (draft), -1, NULL));
  herald_account_store_add_async (store, draft, "fx_live_never_stored", NULL, herald_test_async_done, &res);
  lost = herald_account_store_add_finish (store, herald_test_wait (&res), &error);
  g_object_unref (res);
  g_assert_null (lost);
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, "“Lost” was not added"));
  g_assert_nonnull (strstr (error->message, "keyring"));
  g_assert_null (strstr (error->message, "fx_live_never_stored"));
  g_clear_error (&error);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  /* Update with a new key: the old values are written back. */
  changes = herald_account_copy (kept);
  herald_account_set_name (changes, "Renamed");
  g_assert_false (update (store, changes, "fx_live_new_never_stored", &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, "were not saved"));
  g_clear_error (&error);
  g_assert_cmpstr (herald_account_get_name (kept), ==, "Kept");

  /* Remove: the key cannot be deleted, so the account stays. */
  g_assert_false (remove_account (store, kept, &error));
  g_assert_error (error, HERALD_STORE_ERROR, HERALD_STORE_ERROR_KEYRING);
  g_assert_nonnull (strstr (error->message, "was not removed"));
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (store)), ==, 1);

  reloaded = open_store (ROLLBACK_DB);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstr (herald_account_get_name (item (reloaded, 0)), ==, "Kept");
}

static void
test_account_store_keyring_failure (void)
{
  g_autoptr(HeraldAccountStore) store = NULL;
  g_autoptr(HeraldAccountStore) reloaded = NULL;
  g_autoptr(HeraldAccount) kept = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *lost_id_path = db_path ("lost-id");
  g_autofree char *lost_id = NULL;

  if (g_test_subprocess ())
    {
      test_account_store_keyring_failure_child ();
      return;
    }

  store = open_store (ROLLBACK_DB);
  kept = add (store, HERALD_DIALECT_FLIXYSMS, "Kept", NULL, NULL, "fx_live_kept", &error);
  g_assert_no_error (error);

  /* This same test again, in a child, which takes the other branch above. */
  g_test_trap_subprocess (NULL, 30 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();

  /* Nothing half-exists: the same accounts, keys and keyring items. */
  reloaded = open_store (ROLLBACK_DB);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (reloaded)), ==, 1);
  g_assert_cmpstr (herald_account_get_name (item (reloaded, 0)), ==, "Kept");
  assert_key_in_keyring (herald_account_get_id (kept), "fx_live_kept");
  g_assert_true (g_file_get_contents (lost_id_path, &lost_id, NULL, NULL));
  g_assert_true (g_uuid_string_is_valid (lost_id));
  assert_no_key_in_keyring (lost_id);

  g_assert_true (remove_account (store, kept, NULL));
}

int
main (int   argc,
      char *argv[])
{
  int status;

  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/account-store/add-list-update-remove", test_account_store_add_list_update_remove);
  g_test_add_func ("/account-store/duplicate-names", test_account_store_duplicate_names);
  g_test_add_func ("/account-store/bad-urls", test_account_store_bad_urls);
  g_test_add_func ("/account-store/bad-names-keys-regions", test_account_store_bad_names_keys_regions);
  g_test_add_func ("/account-store/regions", test_account_store_regions);
  g_test_add_func ("/account-store/modem-has-no-key", test_account_store_modem_has_no_key);
  g_test_add_func ("/account-store/lookup", test_account_store_lookup);
  g_test_add_func ("/account-store/key-not-in-files", test_account_store_key_not_in_files);
  g_test_add_func ("/account-store/keyring-failure", test_account_store_keyring_failure);

  status = g_test_run ();

  /* Drop libsecret's cached service and its bus connection, so that a leak
   * checker sees only what Herald itself left behind. */
  secret_service_disconnect ();
  while (g_main_context_iteration (NULL, FALSE))
    ;

  return status;
}
