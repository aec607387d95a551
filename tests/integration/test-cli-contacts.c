/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
/* heraldctl's local address book as a process: contacts, groups, templates
 * and opt-outs without --account, in human and --json form, with their exit
 * statuses (0 done, 2 what was asked cannot be done). The tests run in order
 * on one database (the harness's $XDG_DATA_HOME). With --json, stdout is
 * exactly one JSON document; on an error stdout is empty. */
#include "config.h"

#include <string.h>
#include <glib.h>
#include <json-glib/json-glib.h>

typedef struct
{
  int        status;
  char      *out;
  char      *err;
  JsonNode  *json;
} Ctl;

static void
ctl_clear (Ctl *ctl)
{
  g_free (ctl->out);
  g_free (ctl->err);
  g_clear_pointer (&ctl->json, json_node_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Ctl, ctl_clear)

/* No server to serve here: a plain synchronous run. */
static void
ctl_run (Ctl                *ctl,
         const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  int wait_status;

  g_ptr_array_add (argv, (char *) g_getenv ("HERALDCTL"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);

  g_spawn_sync (NULL, (char **) argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL, &ctl->out, &ctl->err,
                &wait_status, &error);
  g_assert_no_error (error);
  /* An exit status other than 0 comes as a G_SPAWN_EXIT_ERROR of that code;
   * a signal as any other error. */
  if (g_spawn_check_wait_status (wait_status, &error))
    ctl->status = 0;
  else
    {
      g_assert_error (error, G_SPAWN_EXIT_ERROR, error->code);
      ctl->status = error->code;
      g_clear_error (&error);
    }
  g_test_message ("%s: exit %d\nstdout: %s\nstderr: %s", args[0], ctl->status, ctl->out, ctl->err);

  for (guint i = 0; args[i] != NULL; i++)
    if (g_str_equal (args[i], "--json") && ctl->status == 0)
      {
        ctl->json = json_from_string (ctl->out, &error);
        g_assert_no_error (error);
        g_assert_nonnull (ctl->json);
      }
}

#define CTL(ctl, ...) \
  G_STMT_START { const char *args_[] = { __VA_ARGS__, NULL }; ctl_run ((ctl), args_); } G_STMT_END

static void
assert_refused (Ctl        *ctl,
                const char *in_stderr)
{
  g_assert_cmpint (ctl->status, ==, 2);
  g_assert_cmpstr (ctl->out, ==, "");
  g_assert_nonnull (strstr (ctl->err, in_stderr));
}

static char *
data_file (const char *name,
           const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = g_build_filename (g_get_user_data_dir (), name, NULL);

  if (contents != NULL)
    {
      g_file_set_contents (path, contents, -1, &error);
      g_assert_no_error (error);
    }
  return path;
}

static JsonObject *
object_of (Ctl *ctl)
{
  g_assert_cmpint (ctl->status, ==, 0);
  g_assert_true (JSON_NODE_HOLDS_OBJECT (ctl->json));
  return json_node_get_object (ctl->json);
}

static JsonArray *
array_of (Ctl *ctl)
{
  g_assert_cmpint (ctl->status, ==, 0);
  g_assert_true (JSON_NODE_HOLDS_ARRAY (ctl->json));
  return json_node_get_array (ctl->json);
}

static const char customers_csv[] =
  "first_name,last_name,phone,email,Loyalty Tier\n"
  "Ama,Mensah,0241234567,ama@example.com,gold\n"
  "Kofi,Boateng,+233201234567,,silver\n"
  "Bad,Row,12,,\n"
  "Again,Ama,024 123 4567,,\n";

static void
test_import (void)
{
  g_autofree char *path = data_file ("customers.csv", customers_csv);
  g_autofree char *missing = data_file ("missing.csv", NULL);
  g_auto(Ctl) first = { 0 };
  g_auto(Ctl) second = { 0 };
  g_auto(Ctl) human = { 0 };
  g_auto(Ctl) unreadable = { 0 };
  g_auto(Ctl) bad_region = { 0 };
  JsonObject *object;
  JsonObject *invalid;
  JsonObject *duplicate;

  CTL (&first, "contacts", "import", path, "--region", "GH", "--group", "VIP", "--json");
  object = object_of (&first);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "updated"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "unchanged"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "grouped"), ==, 2);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "invalid")), ==, 1);
  invalid = json_array_get_object_element (json_object_get_array_member (object, "invalid"), 0);
  g_assert_cmpint (json_object_get_int_member (invalid, "line"), ==, 4);
  g_assert_cmpstr (json_object_get_string_member (invalid, "input"), ==, "12");
  g_assert_cmpstr (json_object_get_string_member (invalid, "reason"), ==, "too-short");
  g_assert_nonnull (json_object_get_string_member (invalid, "message"));
  duplicate = json_array_get_object_element (json_object_get_array_member (object, "duplicates"), 0);
  g_assert_cmpint (json_object_get_int_member (duplicate, "line"), ==, 5);
  g_assert_cmpint (json_object_get_int_member (duplicate, "first_line"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (duplicate, "phone"), ==, "+233241234567");

  CTL (&second, "contacts", "import", path, "--region", "gh", "--group", "VIP", "--json");
  object = object_of (&second);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 0);
  g_assert_cmpint (json_object_get_int_member (object, "unchanged"), ==, 2);
  g_assert_cmpint (json_object_get_int_member (object, "grouped"), ==, 0);

  /* People read the skipped rows on stderr, with their lines. */
  CTL (&human, "contacts", "import", path, "--region", "GH");
  g_assert_cmpint (human.status, ==, 0);
  g_assert_nonnull (strstr (human.out, "0 new, 0 updated, 2 unchanged; 1 rows skipped, 1 duplicates"));
  g_assert_nonnull (strstr (human.err, "line 4: skipped “12”"));
  g_assert_nonnull (strstr (human.err, "line 5: +233241234567 repeats line 2"));

  CTL (&unreadable, "contacts", "import", missing, "--json");
  assert_refused (&unreadable, "nothing was imported");
  CTL (&bad_region, "contacts", "import", path, "--region", "XX");
  assert_refused (&bad_region, "not a known region");
}

static void
test_contacts (void)
{
  g_autofree char *export_path = data_file ("export.csv", NULL);
  g_autofree char *exported = NULL;
  g_auto(Ctl) list = { 0 };
  g_auto(Ctl) add = { 0 };
  g_auto(Ctl) no_region = { 0 };
  g_auto(Ctl) exists = { 0 };
  g_auto(Ctl) edit = { 0 };
  g_auto(Ctl) search = { 0 };
  g_auto(Ctl) remove = { 0 };
  g_auto(Ctl) unknown = { 0 };
  g_auto(Ctl) nothing = { 0 };
  g_auto(Ctl) export = { 0 };
  g_auto(Ctl) usage = { 0 };
  g_autoptr(GError) error = NULL;
  JsonArray *array;
  JsonObject *ama;
  JsonObject *object;

  CTL (&list, "contacts", "list", "--json");
  array = array_of (&list);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  ama = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (ama, "phone"), ==, "+233241234567");
  g_assert_cmpstr (json_object_get_string_member (ama, "first_name"), ==, "Ama");
  g_assert_cmpstr (json_object_get_string_member (ama, "last_name"), ==, "Mensah");
  g_assert_cmpstr (json_object_get_string_member (ama, "email"), ==, "ama@example.com");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (ama, "fields"), "loyalty_tier"),
                   ==, "gold");
  g_assert_true (json_object_get_null_member (json_array_get_object_element (array, 1), "email"));

  CTL (&no_region, "contacts", "add", "0551234567");
  assert_refused (&no_region, "--region");
  CTL (&add, "contacts", "add", "0551234567", "--region", "GH", "--first-name", "Yaw", "--field", "City=Accra",
       "--group", "VIP", "--json");
  object = object_of (&add);
  g_assert_cmpstr (json_object_get_string_member (object, "phone"), ==, "+233551234567");
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (object, "fields"), "city"), ==,
                   "Accra");
  CTL (&exists, "contacts", "add", "+233551234567");
  assert_refused (&exists, "already");

  CTL (&edit, "contacts", "edit", "+233551234567", "--last-name", "Osei", "--email", "yaw@example.com");
  g_assert_cmpint (edit.status, ==, 0);
  g_assert_nonnull (strstr (edit.out, "Changed the contact +233551234567"));
  CTL (&nothing, "contacts", "edit", "+233551234567");
  assert_refused (&nothing, "Say what changes");

  CTL (&search, "contacts", "search", "osei", "--json");
  array = array_of (&search);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 0), "email"), ==,
                   "yaw@example.com");

  CTL (&export, "contacts", "export", export_path, "--group", "VIP");
  g_assert_cmpint (export.status, ==, 0);
  g_assert_nonnull (strstr (export.out, "Wrote 3 contacts"));
  g_file_get_contents (export_path, &exported, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (g_str_has_prefix (exported, "first_name,last_name,phone,email,loyalty_tier,city\r\n"));
  g_assert_nonnull (strstr (exported, "Yaw,Osei,+233551234567,yaw@example.com,,Accra"));

  CTL (&remove, "contacts", "remove", "+233551234567", "--json");
  g_assert_cmpstr (json_object_get_string_member (object_of (&remove), "removed"), ==, "+233551234567");
  CTL (&unknown, "contacts", "remove", "+233551234567");
  assert_refused (&unknown, "no contact with the number +233551234567");
  CTL (&usage, "contacts", "frobnicate");
  assert_refused (&usage, "contacts list, add PHONE");
}

static void
test_groups (void)
{
  g_auto(Ctl) list = { 0 };
  g_auto(Ctl) add = { 0 };
  g_auto(Ctl) taken = { 0 };
  g_auto(Ctl) members_add = { 0 };
  g_auto(Ctl) members = { 0 };
  g_auto(Ctl) members_unknown = { 0 };
  g_auto(Ctl) rename = { 0 };
  g_auto(Ctl) remove = { 0 };
  g_auto(Ctl) after = { 0 };
  JsonArray *array;
  JsonObject *group;

  CTL (&add, "groups", "add", "Staff", "--json");
  g_assert_cmpstr (json_object_get_string_member (object_of (&add), "added"), ==, "Staff");
  CTL (&taken, "groups", "add", "staff");
  assert_refused (&taken, "already a group");

  CTL (&members_add, "groups", "members", "Staff", "add", "0201234567", "+233241234567", "--region", "GH", "--json");
  g_assert_cmpint (json_object_get_int_member (object_of (&members_add), "added"), ==, 2);
  CTL (&members_unknown, "groups", "members", "Staff", "add", "+233271234567");
  assert_refused (&members_unknown, "no contact with the number +233271234567");
  CTL (&members, "groups", "members", "staff", "--json");
  g_assert_cmpuint (json_array_get_length (array_of (&members)), ==, 2);

  CTL (&list, "groups", "list", "--json");
  array = array_of (&list);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  group = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (group, "name"), ==, "Staff");
  g_assert_cmpint (json_object_get_int_member (group, "contacts"), ==, 2);
  g_assert_nonnull (json_object_get_string_member (group, "created_at"));
  g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (array, 1), "name"), ==, "VIP");

  CTL (&rename, "groups", "rename", "Staff", "--name", "Team");
  g_assert_cmpint (rename.status, ==, 0);
  CTL (&remove, "groups", "remove", "Team");
  g_assert_cmpint (remove.status, ==, 0);
  g_assert_nonnull (strstr (remove.out, "its contacts stay"));
  CTL (&after, "groups", "remove", "Team");
  assert_refused (&after, "no group named “Team”");
}

static void
test_templates (void)
{
  g_auto(Ctl) add = { 0 };
  g_auto(Ctl) no_text = { 0 };
  g_auto(Ctl) edit = { 0 };
  g_auto(Ctl) list = { 0 };
  g_auto(Ctl) show = { 0 };
  g_auto(Ctl) remove = { 0 };
  g_auto(Ctl) unknown = { 0 };
  JsonArray *array;
  JsonObject *template;

  CTL (&add, "templates", "add", "Promo", "--message", "Hi {{first_name}}");
  g_assert_cmpint (add.status, ==, 0);
  CTL (&no_text, "templates", "add", "Empty");
  assert_refused (&no_text, "--message TEXT");
  CTL (&edit, "templates", "edit", "promo", "--name", "Offer", "--message", "Hello {{first_name}}");
  g_assert_cmpint (edit.status, ==, 0);

  CTL (&list, "templates", "list", "--json");
  array = array_of (&list);
  g_assert_cmpuint (json_array_get_length (array), ==, 1);
  template = json_array_get_object_element (array, 0);
  g_assert_cmpstr (json_object_get_string_member (template, "name"), ==, "Offer");
  g_assert_cmpstr (json_object_get_string_member (template, "message"), ==, "Hello {{first_name}}");
  g_assert_nonnull (json_object_get_string_member (template, "updated_at"));

  CTL (&show, "templates", "show", "OFFER");
  g_assert_cmpint (show.status, ==, 0);
  g_assert_cmpstr (show.out, ==, "Hello {{first_name}}\n");
  CTL (&remove, "templates", "remove", "Offer");
  g_assert_cmpint (remove.status, ==, 0);
  CTL (&unknown, "templates", "show", "Offer");
  assert_refused (&unknown, "no template named “Offer”");
}

static void
test_optouts (void)
{
  g_autofree char *file = data_file ("stop.txt", "0241234567\n0201234567\nnot a number\n");
  g_auto(Ctl) add = { 0 };
  g_auto(Ctl) list = { 0 };
  g_auto(Ctl) import = { 0 };
  g_auto(Ctl) remove = { 0 };
  g_auto(Ctl) account = { 0 };
  g_auto(Ctl) bad = { 0 };
  JsonArray *array;
  JsonObject *object;

  CTL (&add, "optouts", "add", "0241234567", "--region", "GH", "--json");
  g_assert_cmpint (json_object_get_int_member (object_of (&add), "added"), ==, 1);
  CTL (&bad, "optouts", "add", "12345", "--region", "GH");
  assert_refused (&bad, "not a phone number");

  CTL (&import, "optouts", "import", file, "--region", "GH", "--json");
  object = object_of (&import);
  g_assert_cmpint (json_object_get_int_member (object, "added"), ==, 1);
  g_assert_cmpint (json_object_get_int_member (object, "already"), ==, 1);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (object, "invalid")), ==, 1);

  CTL (&list, "optouts", "list", "--json");
  array = array_of (&list);
  g_assert_cmpuint (json_array_get_length (array), ==, 2);
  for (guint i = 0; i < 2; i++)
    {
      JsonObject *optout = json_array_get_object_element (array, i);
      const char *source = json_object_get_string_member (optout, "source");

      g_assert_true (g_str_equal (source, "manual") || g_str_equal (source, "file"));
      g_assert_true (json_object_has_member (optout, "phone"));
      g_assert_true (json_object_has_member (optout, "detail"));
      g_assert_true (json_object_has_member (optout, "added_at"));
    }

  CTL (&remove, "optouts", "remove", "+233241234567", "+233201234567", "--json");
  g_assert_cmpint (json_object_get_int_member (object_of (&remove), "removed"), ==, 2);
  CTL (&account, "optouts", "list", "--account", "Flash");
  assert_refused (&account, "leave out --account");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli-contacts/import", test_import);
  g_test_add_func ("/cli-contacts/contacts", test_contacts);
  g_test_add_func ("/cli-contacts/groups", test_groups);
  g_test_add_func ("/cli-contacts/templates", test_templates);
  g_test_add_func ("/cli-contacts/optouts", test_optouts);

  return g_test_run ();
}
