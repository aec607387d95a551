/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-contact-import"

#include <string.h>
#include <glib/gstdio.h>
#include <gio/gio.h>

#include "text/herald-contact.h"
#include "text/herald-contact-export.h"
#include "text/herald-contact-importer.h"
#include "text/herald-contact-mapping.h"
#include "text/herald-csv-reader.h"
#include "text/herald-vcard-reader.h"

static GInputStream *
memory_stream (const char *data,
               gssize      len)
{
  if (len < 0)
    len = strlen (data);

  return g_memory_input_stream_new_from_data (g_memdup2 (data, len), len, g_free);
}

static HeraldContactImportReport *
import_text (const char              *text,
             HeraldContactFormat      format,
             HeraldContactImporter   *importer,
             GError                 **error)
{
  g_autoptr(GInputStream) stream = memory_stream (text, -1);
  g_autoptr(HeraldContactImporter) default_importer = herald_contact_importer_new ("GH");

  return herald_contact_importer_import_stream (importer != NULL ? importer : default_importer,
                                                stream, format, NULL, error);
}

static HeraldContactImportReport *
import_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  HeraldContactImportReport *report = import_text (text, HERALD_CONTACT_FORMAT_AUTO, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (report);

  return report;
}

static HeraldContact *
contact_at (HeraldContactImportReport *report,
            guint                      i)
{
  GPtrArray *contacts = herald_contact_import_report_get_contacts (report);

  g_assert_cmpuint (i, <, contacts->len);

  return g_ptr_array_index (contacts, i);
}

/* A contact as "first|last|phone|email|key=value|…", for compact asserts. */
static char *
describe (HeraldContact *contact)
{
  GString *out = g_string_new (NULL);

  g_string_append_printf (out, "%s|%s|%s|%s",
                          herald_contact_get_first_name (contact) ?: "",
                          herald_contact_get_last_name (contact) ?: "",
                          herald_contact_get_phone (contact) ?: "",
                          herald_contact_get_email (contact) ?: "");
  for (guint i = 0; i < herald_contact_get_n_fields (contact); i++)
    g_string_append_printf (out, "|%s=%s", herald_contact_get_field_key (contact, i),
                            herald_contact_get_field_value (contact, i));

  return g_string_free (out, FALSE);
}

static void
assert_contact (HeraldContactImportReport *report,
                guint                      i,
                const char                *expected)
{
  g_autofree char *text = describe (contact_at (report, i));

  g_assert_cmpstr (text, ==, expected);
}

/* HeraldContact */

static void
test_contact_normalize_key (void)
{
  static const struct
  {
    const char *text;
    const char *key;
  } cases[] = {
    { "Loyalty Tier", "loyalty_tier" },
    { "E-mail 2", "e_mail_2" },
    { "  __City__  ", "city" },
    { "Date of Birth (DD/MM)", "date_of_birth_dd_mm" },
    { "first_name", "first_name" },
    { "Prénom", "prénom" },
    { "Pre\xCC\x81nom", "pre\xCC\x81nom" },   /* é decomposed: the accent stays with its e */
    { "ÉCOLE", "école" },
    { "###", NULL },
    { "", NULL },
    { "\xFF", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = herald_contact_normalize_key (cases[i].text);

      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

static void
test_contact_valid_key (void)
{
  g_assert_true (herald_contact_is_valid_key ("loyalty_tier"));
  g_assert_true (herald_contact_is_valid_key ("column_3"));
  g_assert_true (herald_contact_is_valid_key ("prénom"));
  g_assert_false (herald_contact_is_valid_key ("Loyalty"));
  g_assert_false (herald_contact_is_valid_key ("_x"));
  g_assert_false (herald_contact_is_valid_key ("x_"));
  g_assert_false (herald_contact_is_valid_key ("a__b"));
  g_assert_false (herald_contact_is_valid_key ("a b"));
  g_assert_false (herald_contact_is_valid_key ("École"));
  g_assert_false (herald_contact_is_valid_key (""));
  g_assert_false (herald_contact_is_valid_key (NULL));

  g_assert_true (herald_contact_is_standard_key ("phone"));
  g_assert_true (herald_contact_is_standard_key ("first_name"));
  g_assert_false (herald_contact_is_standard_key ("name"));
}

static void
test_contact_fields (void)
{
  g_autoptr(HeraldContact) contact = herald_contact_new_full ("Ama", "", "+233241234567", NULL);

  g_assert_cmpstr (herald_contact_get_first_name (contact), ==, "Ama");
  /* Empty is the same as unset. */
  g_assert_null (herald_contact_get_last_name (contact));
  g_assert_null (herald_contact_get_email (contact));

  herald_contact_set_field (contact, "loyalty_tier", "Gold");
  herald_contact_set_field (contact, "city", "Accra");
  herald_contact_set_field (contact, "zone", "3");
  herald_contact_set_field (contact, "loyalty_tier", "Silver");
  g_assert_cmpuint (herald_contact_get_n_fields (contact), ==, 3);
  g_assert_cmpstr (herald_contact_get_field_key (contact, 0), ==, "loyalty_tier");
  g_assert_cmpstr (herald_contact_get_field_value (contact, 0), ==, "Silver");
  g_assert_cmpstr (herald_contact_get_field (contact, "city"), ==, "Accra");

  herald_contact_set_field (contact, "city", NULL);
  g_assert_cmpuint (herald_contact_get_n_fields (contact), ==, 2);
  g_assert_cmpstr (herald_contact_get_field_key (contact, 1), ==, "zone");
  g_assert_null (herald_contact_get_field (contact, "city"));
  herald_contact_set_field (contact, "zone", "");
  g_assert_cmpuint (herald_contact_get_n_fields (contact), ==, 1);

  g_assert_cmpstr (herald_contact_lookup (contact, "first_name"), ==, "Ama");
  g_assert_cmpstr (herald_contact_lookup (contact, "phone"), ==, "+233241234567");
  g_assert_cmpstr (herald_contact_lookup (contact, "loyalty_tier"), ==, "Silver");
  g_assert_null (herald_contact_lookup (contact, "nothing"));
}

static void
test_contact_many_fields (void)
{
  g_autoptr(HeraldContact) contact = herald_contact_new ();

  for (guint i = 0; i < 50; i++)
    {
      g_autofree char *key = g_strdup_printf ("field_%u", i);
      g_autofree char *value = g_strdup_printf ("%u", i * 7);

      herald_contact_set_field (contact, key, value);
    }

  g_assert_cmpuint (herald_contact_get_n_fields (contact), ==, 50);
  g_assert_cmpstr (herald_contact_get_field (contact, "field_49"), ==, "343");
  g_assert_cmpstr (herald_contact_get_field_key (contact, 17), ==, "field_17");
}

static void
notify_count (GObject    *object,
              GParamSpec *pspec,
              gpointer    user_data)
{
  (*(guint *) user_data)++;
}

static void
test_contact_properties (void)
{
  g_autoptr(HeraldContact) contact = herald_contact_new ();
  g_autofree char *phone = NULL;
  guint notified = 0;

  g_signal_connect (contact, "notify::phone", G_CALLBACK (notify_count), &notified);
  herald_contact_set_phone (contact, "+233241234567");
  herald_contact_set_phone (contact, "+233241234567");
  g_assert_cmpuint (notified, ==, 1);

  g_object_set (contact, "email", "a@example.com", NULL);
  g_object_get (contact, "phone", &phone, NULL);
  g_assert_cmpstr (phone, ==, "+233241234567");
  g_assert_cmpstr (herald_contact_get_email (contact), ==, "a@example.com");
}

static void
test_contact_equal_and_display (void)
{
  g_autoptr(HeraldContact) a = herald_contact_new_full ("Ama", "Mensah", "+233241234567", NULL);
  g_autoptr(HeraldContact) b = herald_contact_new_full ("Ama", "Mensah", "+233241234567", NULL);
  g_autoptr(HeraldContact) nameless = herald_contact_new_full (NULL, NULL, "+233241234567", NULL);
  g_autofree char *display = herald_contact_dup_display_name (a);
  g_autofree char *phone_only = herald_contact_dup_display_name (nameless);

  herald_contact_set_field (a, "city", "Accra");
  herald_contact_set_field (a, "tier", "Gold");
  herald_contact_set_field (b, "tier", "Gold");
  g_assert_false (herald_contact_equal (a, b));
  herald_contact_set_field (b, "city", "Accra");
  /* The order of the fields does not matter. */
  g_assert_true (herald_contact_equal (a, b));
  herald_contact_set_last_name (b, "Owusu");
  g_assert_false (herald_contact_equal (a, b));

  g_assert_cmpstr (display, ==, "Ama Mensah");
  g_assert_cmpstr (phone_only, ==, "+233241234567");
}

/* HeraldContactMapping */

static HeraldContactMapping *
mapping_for (const char *header_line)
{
  g_auto(GStrv) header = g_strsplit (header_line, ",", -1);

  return herald_contact_mapping_new_for_header ((const char * const *) header);
}

static void
assert_role (const char        *header,
             HeraldContactRole  expected)
{
  if (herald_contact_mapping_guess_role (header) != expected)
    g_error ("“%s” is guessed as %d, not %d", header,
             herald_contact_mapping_guess_role (header), expected);
}

static void
test_mapping_guess_roles (void)
{
  static const char * const phones[] = {
    "phone", "Phone", "MOBILE", "Number", "msisdn", "Cell", "Telephone", "Phone Number",
    "phone_number", "Mobile-Number", "mobile number", " Tel. ", "Cell Phone", "WhatsApp",
    "Phone 1 - Value",
  };
  static const char * const first_names[] = {
    "first name", "First_Name", "firstname", "Given Name", "FIRST-NAME", "Forename",
  };
  static const char * const last_names[] = { "last name", "Surname", "family name", "LastName" };
  static const char * const full_names[] = { "name", "Full Name", "Display Name", "NAME" };
  static const char * const emails[] = { "email", "E-mail", "E-Mail Address", "mail", "E-mail 1 - Value" };
  static const char * const others[] = { "Loyalty Tier", "City", "Phone Type", "Home Phone", "" };

  for (guint i = 0; i < G_N_ELEMENTS (phones); i++)
    assert_role (phones[i], HERALD_CONTACT_ROLE_PHONE);
  for (guint i = 0; i < G_N_ELEMENTS (first_names); i++)
    assert_role (first_names[i], HERALD_CONTACT_ROLE_FIRST_NAME);
  for (guint i = 0; i < G_N_ELEMENTS (last_names); i++)
    assert_role (last_names[i], HERALD_CONTACT_ROLE_LAST_NAME);
  for (guint i = 0; i < G_N_ELEMENTS (full_names); i++)
    assert_role (full_names[i], HERALD_CONTACT_ROLE_FULL_NAME);
  for (guint i = 0; i < G_N_ELEMENTS (emails); i++)
    assert_role (emails[i], HERALD_CONTACT_ROLE_EMAIL);
  for (guint i = 0; i < G_N_ELEMENTS (others); i++)
    assert_role (others[i], HERALD_CONTACT_ROLE_CUSTOM);
}

static void
test_mapping_first_column_wins (void)
{
  g_autoptr(HeraldContactMapping) mapping = mapping_for ("Phone,Mobile,Email,E-mail");

  g_assert_cmpint (herald_contact_mapping_get_role (mapping, 0), ==, HERALD_CONTACT_ROLE_PHONE);
  g_assert_cmpint (herald_contact_mapping_get_role (mapping, 1), ==, HERALD_CONTACT_ROLE_CUSTOM);
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 1), ==, "mobile");
  g_assert_cmpint (herald_contact_mapping_get_role (mapping, 2), ==, HERALD_CONTACT_ROLE_EMAIL);
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 2), ==, "email");
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 3), ==, "e_mail");
}

static void
test_mapping_full_name (void)
{
  g_autoptr(HeraldContactMapping) alone = mapping_for ("Name,Phone");
  g_autoptr(HeraldContactMapping) with_first = mapping_for ("Name,First Name,Phone");

  g_assert_cmpint (herald_contact_mapping_get_role (alone, 0), ==, HERALD_CONTACT_ROLE_FULL_NAME);
  g_assert_null (herald_contact_mapping_get_key (alone, 0));
  g_assert_cmpint (herald_contact_mapping_get_role (with_first, 0), ==, HERALD_CONTACT_ROLE_CUSTOM);
  g_assert_cmpstr (herald_contact_mapping_get_key (with_first, 0), ==, "name");
  g_assert_cmpint (herald_contact_mapping_get_role (with_first, 1), ==, HERALD_CONTACT_ROLE_FIRST_NAME);
}

static void
test_mapping_custom_keys (void)
{
  g_autoptr(HeraldContactMapping) mapping = mapping_for ("Phone,Loyalty Tier,City,city,###,Phone,first_name,First Name");

  g_assert_cmpuint (herald_contact_mapping_get_n_columns (mapping), ==, 8);
  g_assert_true (herald_contact_mapping_get_has_header (mapping));
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 1), ==, "loyalty_tier");
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 2), ==, "city");
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 3), ==, "city_2");
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 4), ==, "column_5");
  /* A custom key is never a standard one. */
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 5), ==, "phone_2");
  g_assert_cmpint (herald_contact_mapping_get_role (mapping, 6), ==, HERALD_CONTACT_ROLE_FIRST_NAME);
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 7), ==, "first_name_2");
  g_assert_cmpstr (herald_contact_mapping_get_header (mapping, 1), ==, "Loyalty Tier");
}

static void
test_mapping_headerless (void)
{
  g_autoptr(HeraldContactMapping) mapping = mapping_for ("Ama,+233 24 123 4567,Gold");
  g_autoptr(HeraldContactMapping) words = mapping_for ("Ama,Kofi");

  g_assert_false (herald_contact_mapping_get_has_header (mapping));
  g_assert_cmpint (herald_contact_mapping_get_column_for_role (mapping, HERALD_CONTACT_ROLE_PHONE), ==, 1);
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 0), ==, "column_1");
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 2), ==, "column_3");

  g_assert_true (herald_contact_mapping_get_has_header (words));
  g_assert_cmpint (herald_contact_mapping_get_column_for_role (words, HERALD_CONTACT_ROLE_PHONE), ==, -1);
}

static void
test_mapping_set_role (void)
{
  g_autoptr(HeraldContactMapping) mapping = mapping_for ("Phone,Alt Number,Tier,Notes");

  herald_contact_mapping_set_role (mapping, 1, HERALD_CONTACT_ROLE_PHONE, NULL);
  g_assert_cmpint (herald_contact_mapping_get_column_for_role (mapping, HERALD_CONTACT_ROLE_PHONE), ==, 1);
  /* The column that had the role becomes a custom field. */
  g_assert_cmpint (herald_contact_mapping_get_role (mapping, 0), ==, HERALD_CONTACT_ROLE_CUSTOM);
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 0), ==, "phone_2");

  herald_contact_mapping_set_role (mapping, 2, HERALD_CONTACT_ROLE_CUSTOM, "Membership Level");
  g_assert_cmpstr (herald_contact_mapping_get_key (mapping, 2), ==, "membership_level");
  herald_contact_mapping_set_role (mapping, 3, HERALD_CONTACT_ROLE_IGNORE, NULL);
  g_assert_null (herald_contact_mapping_get_key (mapping, 3));

  g_assert_cmpint (herald_contact_mapping_find_column (mapping, "Alt Number"), ==, 1);
  g_assert_cmpint (herald_contact_mapping_find_column (mapping, "alt_number"), ==, 1);
  g_assert_cmpint (herald_contact_mapping_find_column (mapping, "TIER"), ==, 2);
  g_assert_cmpint (herald_contact_mapping_find_column (mapping, "missing"), ==, -1);
}

/* Import: CSV */

static void
test_csv_basic (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("First Name,Last Name,Phone Number,E-mail,Loyalty Tier\n"
               "Ama,Mensah,024 123 4567,ama@example.com,Gold\n"
               " Kofi , Owusu ,+233 20 123 4567,,\n");

  g_assert_cmpuint (herald_contact_import_report_get_n_rows (report), ==, 2);
  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 2);
  g_assert_cmpuint (herald_contact_import_report_get_n_duplicates (report), ==, 0);
  g_assert_cmpuint (herald_contact_import_report_get_n_invalid (report), ==, 0);
  assert_contact (report, 0, "Ama|Mensah|+233241234567|ama@example.com|loyalty_tier=Gold");
  assert_contact (report, 1, "Kofi|Owusu|+233201234567|");
}

static void
test_csv_full_name (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("Name,Mobile\n"
               "Mary Ann Smith,0241234567\n"
               "\"Mensah, Ama\",0201234567\n"
               "Kojo,0551234567\n"
               ",0541234567\n");

  assert_contact (report, 0, "Mary Ann|Smith|+233241234567|");
  assert_contact (report, 1, "Ama|Mensah|+233201234567|");
  assert_contact (report, 2, "Kojo||+233551234567|");
  assert_contact (report, 3, "||+233541234567|");
}

static void
test_csv_excel_semicolon (void)
{
  /* What a French Excel writes: BOM, ';', CRLF, quotes where needed. */
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("\xEF\xBB\xBFPrénom;Nom;Téléphone;Mobile;Remarque\r\n"
               "Zoë;Dupont;0302123456;024 123 4567;\"Client fidèle; VIP\"\r\n");

  /* Prénom/Nom are not known spellings: custom fields, kept in Unicode. */
  assert_contact (report, 0,
                  "||+233241234567||prénom=Zoë|nom=Dupont|téléphone=0302123456|remarque=Client fidèle; VIP");
}

static void
test_csv_google_export (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("First Name,Middle Name,Last Name,E-mail 1 - Label,E-mail 1 - Value,"
               "Phone 1 - Label,Phone 1 - Value,Phone 2 - Label,Phone 2 - Value\n"
               "Yaw,,Boateng,* Home,yaw@example.com,Mobile,+233 55 123 4567,Work,030 221 2345\n");

  assert_contact (report, 0,
                  "Yaw|Boateng|+233551234567|yaw@example.com|e_mail_1_label=* Home|"
                  "phone_1_label=Mobile|phone_2_label=Work|phone_2_value=030 221 2345");
}

static void
test_csv_duplicates (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("phone,name\n"
               "024 123 4567,Ama\n"          /* line 2 */
               "0201234567,Kofi\n"           /* line 3 */
               "+233241234567,Ama again\n"   /* line 4: duplicate of line 2 */
               "\n"
               "233 20 123 4567,Kofi again\n" /* line 6: duplicate of line 3 */
               "(024) 123-4567,Ama thrice\n");/* line 7: duplicate of line 2 */
  const HeraldContactDuplicate *duplicate;

  g_assert_cmpuint (herald_contact_import_report_get_n_rows (report), ==, 5);
  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 2);
  g_assert_cmpuint (herald_contact_import_report_get_n_duplicates (report), ==, 3);

  duplicate = herald_contact_import_report_get_duplicate (report, 0);
  g_assert_cmpuint (duplicate->line, ==, 4);
  g_assert_cmpstr (duplicate->phone, ==, "+233241234567");
  g_assert_cmpuint (duplicate->first_line, ==, 2);
  duplicate = herald_contact_import_report_get_duplicate (report, 1);
  g_assert_cmpuint (duplicate->line, ==, 6);
  g_assert_cmpstr (duplicate->phone, ==, "+233201234567");
  g_assert_cmpuint (duplicate->first_line, ==, 3);
  duplicate = herald_contact_import_report_get_duplicate (report, 2);
  g_assert_cmpuint (duplicate->line, ==, 7);
  g_assert_cmpuint (duplicate->first_line, ==, 2);

  /* The first occurrence is the one kept. */
  assert_contact (report, 0, "Ama||+233241234567|");
}

static void
test_csv_invalid_rows (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("phone,name\n"
               ",No number\n"                 /* line 2 */
               "12,Too short\n"               /* line 3 */
               "call me,Letters\n"            /* line 4 */
               "0241234567,Fine\n"            /* line 5 */
               "0201234567,Extra,cells\n"     /* line 6 */
               "0551234567\n"                 /* line 7: missing cells are empty */
               "0541234567,,,\n");            /* line 8: empty extra cells are fine */
  const HeraldContactInvalidRow *row;

  g_assert_cmpuint (herald_contact_import_report_get_n_rows (report), ==, 7);
  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 3);
  g_assert_cmpuint (herald_contact_import_report_get_n_invalid (report), ==, 4);

  row = herald_contact_import_report_get_invalid (report, 0);
  g_assert_cmpuint (row->line, ==, 2);
  g_assert_cmpstr (row->input, ==, "");
  g_assert_cmpstr (row->reason, ==, "no-phone");
  g_assert_cmpstr (row->message, ==, "No phone number");

  row = herald_contact_import_report_get_invalid (report, 1);
  g_assert_cmpuint (row->line, ==, 3);
  g_assert_cmpstr (row->input, ==, "12");
  g_assert_cmpstr (row->reason, ==, "too-short");
  g_assert_nonnull (strstr (row->message, "12"));

  row = herald_contact_import_report_get_invalid (report, 2);
  g_assert_cmpuint (row->line, ==, 4);
  g_assert_cmpstr (row->reason, ==, "not-a-number");
  g_assert_nonnull (strstr (row->message, "call me"));

  row = herald_contact_import_report_get_invalid (report, 3);
  g_assert_cmpuint (row->line, ==, 6);
  g_assert_cmpstr (row->reason, ==, "too-many-fields");
  g_assert_cmpstr (row->input, ==, "0201234567");

  assert_contact (report, 1, "||+233551234567|");
}

static void
test_csv_require_mobile (void)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  herald_contact_importer_set_phone_flags (importer, HERALD_PHONE_NUMBER_REQUIRE_MOBILE);
  report = import_text ("phone\n030 221 2345\n024 123 4567\n", HERALD_CONTACT_FORMAT_CSV, importer, &error);
  g_assert_no_error (error);

  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 1);
  g_assert_cmpuint (herald_contact_import_report_get_n_invalid (report), ==, 1);
  g_assert_cmpstr (herald_contact_import_report_get_invalid (report, 0)->reason, ==, "not-mobile");
}

static void
test_csv_default_region (void)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("US");
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpstr (herald_contact_importer_get_default_region (importer), ==, "US");
  report = import_text ("phone\n(650) 253-0000\n+233 24 123 4567\n", HERALD_CONTACT_FORMAT_CSV,
                        importer, &error);
  g_assert_no_error (error);
  assert_contact (report, 0, "||+16502530000|");
  assert_contact (report, 1, "||+233241234567|");
}

static void
test_csv_blank_rows (void)
{
  /* Spreadsheets leave rows of empty cells behind. */
  g_autoptr(HeraldContactImportReport) report =
    import_ok (",,\n  ,\t,\nphone,name,tier\n,,\n0241234567,Ama,Gold\n , ,\n");

  g_assert_cmpuint (herald_contact_import_report_get_n_rows (report), ==, 1);
  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 1);
  g_assert_cmpuint (herald_contact_import_report_get_n_invalid (report), ==, 0);
  g_assert_cmpstr (herald_contact_mapping_get_key (herald_contact_import_report_get_mapping (report), 2),
                   ==, "tier");
}

static void
test_csv_headerless (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("0241234567\n020 123 4567\n\n+233551234567\n");
  g_autoptr(HeraldContactImportReport) two_columns =
    import_ok ("Ama,0241234567\nKofi,0201234567\n");

  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 3);
  assert_contact (report, 0, "||+233241234567|");
  assert_contact (report, 2, "||+233551234567|");
  g_assert_false (herald_contact_mapping_get_has_header (herald_contact_import_report_get_mapping (report)));

  assert_contact (two_columns, 0, "||+233241234567||column_1=Ama");
  assert_contact (two_columns, 1, "||+233201234567||column_1=Kofi");
}

static void
test_csv_mapping_override (void)
{
  const char *text = "Who,Main,Backup\nAma,,0241234567\nKofi,0201234567,0551234567\n";
  g_autoptr(GInputStream) stream = memory_stream (text, -1);
  g_autoptr(HeraldCsvReader) reader = herald_csv_reader_new (stream);
  g_autoptr(HeraldContactMapping) mapping = NULL;
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(HeraldContactImportReport) mismatch = NULL;
  g_autoptr(GError) error = NULL;
  const char * const *header;

  /* What a preview does: read the header, guess, let a person adjust. */
  g_assert_true (herald_csv_reader_next (reader, &header, NULL, &error));
  mapping = herald_contact_mapping_new_for_header (header);
  g_assert_cmpint (herald_contact_mapping_get_column_for_role (mapping, HERALD_CONTACT_ROLE_PHONE), ==, -1);
  herald_contact_mapping_set_role (mapping, 2, HERALD_CONTACT_ROLE_PHONE, NULL);
  herald_contact_mapping_set_role (mapping, 0, HERALD_CONTACT_ROLE_FULL_NAME, NULL);
  herald_contact_mapping_set_role (mapping, 1, HERALD_CONTACT_ROLE_CUSTOM, "main phone");
  herald_contact_importer_set_mapping (importer, mapping);

  report = import_text (text, HERALD_CONTACT_FORMAT_CSV, importer, &error);
  g_assert_no_error (error);
  assert_contact (report, 0, "Ama||+233241234567|");
  assert_contact (report, 1, "Kofi||+233551234567||main_phone=0201234567");
  g_assert_true (herald_contact_import_report_get_mapping (report) == mapping);

  mismatch = import_text ("Who,Main\n", HERALD_CONTACT_FORMAT_CSV, importer, &error);
  g_assert_null (mismatch);
  g_assert_error (error, HERALD_CONTACT_IMPORT_ERROR, HERALD_CONTACT_IMPORT_ERROR_MAPPING_MISMATCH);
}

static void
test_csv_no_phone_column (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldContactImportReport) report =
    import_text ("\n\nname,city\nAma,Accra\n", HERALD_CONTACT_FORMAT_AUTO, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, HERALD_CONTACT_IMPORT_ERROR, HERALD_CONTACT_IMPORT_ERROR_NO_PHONE_COLUMN);
  g_assert_nonnull (strstr (error->message, "Line 3"));
}

static void
test_csv_malformed_nothing_delivered (void)
{
  g_autoptr(GString) text = g_string_new ("phone,name\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldContactImportReport) report = NULL;

  for (guint i = 2; i < 50000; i++)
    g_string_append_printf (text, "024%07u,Person %u\n", i, i);
  g_string_append (text, "0241111111,\"Unclosed\n0242222222,After\n");

  report = import_text (text->str, HERALD_CONTACT_FORMAT_AUTO, NULL, &error);
  g_assert_null (report);
  g_assert_error (error, HERALD_CSV_ERROR, HERALD_CSV_ERROR_UNTERMINATED_QUOTE);
  g_assert_nonnull (strstr (error->message, "Line 50000, column 12"));
}

static void
test_csv_separator_set (void)
{
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  /* Detection would take ',', which the header has more of. */
  herald_contact_importer_set_separator (importer, ';');
  report = import_text ("phone;note\n0241234567;a,b,c\n", HERALD_CONTACT_FORMAT_CSV, importer, &error);
  g_assert_no_error (error);
  assert_contact (report, 0, "||+233241234567||note=a,b,c");
}

static void
test_csv_empty (void)
{
  g_autoptr(HeraldContactImportReport) report = import_ok ("");
  g_autoptr(HeraldContactImportReport) header_only = import_ok ("phone,name\r\n");

  g_assert_cmpuint (herald_contact_import_report_get_n_rows (report), ==, 0);
  g_assert_null (herald_contact_import_report_get_mapping (report));
  g_assert_cmpuint (herald_contact_import_report_get_n_rows (header_only), ==, 0);
  g_assert_cmpuint (herald_contact_import_report_get_contacts (header_only)->len, ==, 0);
}

/* Import: vCard */

static void
test_vcard_phone_choice (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ama Mensah\r\n"
               "TEL;TYPE=HOME:030 221 2345\r\n"
               "TEL;TYPE=FAX:030 299 9999\r\n"
               "TEL;type=CELL:020 123 4567\r\n"
               "TEL;type=CELL;type=pref:024 123 4567\r\n"
               "TEL;TYPE=WORK:+233 24 123 4567\r\n"
               "TEL;TYPE=HOME:not a number\r\n"
               "END:VCARD\r\n");

  /* The preferred cell; the others once each, as E.164 where they parse. */
  assert_contact (report, 0,
                  "Ama|Mensah|+233241234567||other_phones=+233302212345, +233302999999, "
                  "+233201234567, not a number");
}

static void
test_vcard_phone_fallback (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("BEGIN:VCARD\nFN:Kofi\nTEL;TYPE=fax:0302999999\nTEL;TYPE=CELL;TYPE=PREF:12\n"
               "TEL:0201234567\nEND:VCARD\n"
               "BEGIN:VCARD\nFN:Yaw\nTEL;TYPE=CELL:12\nTEL;TYPE=HOME:34\nEND:VCARD\n");
  const HeraldContactInvalidRow *row;

  /* The cell does not parse: the next best that does is taken, fax last. */
  assert_contact (report, 0, "Kofi||+233201234567||other_phones=+233302999999, 12");

  g_assert_cmpuint (herald_contact_import_report_get_n_invalid (report), ==, 1);
  row = herald_contact_import_report_get_invalid (report, 0);
  g_assert_cmpuint (row->line, ==, 7);
  /* The most wanted number is the one reported. */
  g_assert_cmpstr (row->input, ==, "12");
  g_assert_cmpstr (row->reason, ==, "too-short");
}

static void
test_vcard_names_and_fields (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("BEGIN:VCARD\nVERSION:3.0\nN:Mensah;Ama;Serwaa;;\nFN:Ama S. Mensah\n"
               "ORG:Herald Traders;Sales\nNOTE:Likes SMS\\, not calls\n"
               "EMAIL;TYPE=work:work@example.com\nEMAIL;TYPE=home,pref:home@example.com\n"
               "EMAIL:old@example.com\nTEL;TYPE=cell:0241234567\nEND:VCARD\n"
               "BEGIN:VCARD\nVERSION:3.0\nN:;;;;\nFN:Kwame Nkrumah\nTEL:0201234567\nEND:VCARD\n"
               "BEGIN:VCARD\nVERSION:3.0\nORG:Only A Company\nTEL:0551234567\nEND:VCARD\n");

  assert_contact (report, 0,
                  "Ama|Mensah|+233241234567|home@example.com|"
                  "other_emails=work@example.com, old@example.com|"
                  "organization=Herald Traders, Sales|note=Likes SMS, not calls");
  /* An empty N: the formatted name is split. */
  assert_contact (report, 1, "Kwame|Nkrumah|+233201234567|");
  assert_contact (report, 2, "||+233551234567||organization=Only A Company");
}

static void
test_vcard_report (void)
{
  g_autoptr(HeraldContactImportReport) report =
    import_ok ("BEGIN:VCARD\nFN:A\nTEL:0241234567\nEND:VCARD\n"       /* line 1 */
               "BEGIN:VCARD\nFN:No phone\nEND:VCARD\n"                /* line 5 */
               "BEGIN:VCARD\nFN:B\nTEL:+233241234567\nEND:VCARD\n");  /* line 8 */
  const HeraldContactDuplicate *duplicate;
  const HeraldContactInvalidRow *row;

  g_assert_cmpuint (herald_contact_import_report_get_n_rows (report), ==, 3);
  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 1);
  g_assert_null (herald_contact_import_report_get_mapping (report));

  row = herald_contact_import_report_get_invalid (report, 0);
  g_assert_cmpuint (row->line, ==, 5);
  g_assert_cmpstr (row->reason, ==, "no-phone");

  duplicate = herald_contact_import_report_get_duplicate (report, 0);
  g_assert_cmpuint (duplicate->line, ==, 8);
  g_assert_cmpuint (duplicate->first_line, ==, 1);
  g_assert_cmpstr (duplicate->phone, ==, "+233241234567");
}

static void
test_vcard_malformed_nothing_delivered (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldContactImportReport) report =
    import_text ("BEGIN:VCARD\nFN:A\nTEL:0241234567\nEND:VCARD\nBEGIN:VCARD\nFN:B\n",
                 HERALD_CONTACT_FORMAT_AUTO, NULL, &error);

  g_assert_null (report);
  g_assert_error (error, HERALD_VCARD_ERROR, HERALD_VCARD_ERROR_UNTERMINATED_CARD);
}

/* Import: formats, files, cancellation */

static void
test_auto_format (void)
{
  g_autoptr(HeraldContactImportReport) vcard =
    import_ok ("\xEF\xBB\xBF\r\n  begin:vcard\r\nTEL:0241234567\r\nEND:VCARD\r\n");
  g_autoptr(HeraldContactImportReport) csv = import_ok ("BEGIN,phone\nx,0241234567\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldContactImportReport) forced =
    import_text ("BEGIN:VCARD\nEND:VCARD\n", HERALD_CONTACT_FORMAT_CSV, NULL, &error);

  g_assert_cmpuint (herald_contact_import_report_get_n_imported (vcard), ==, 1);
  g_assert_null (herald_contact_import_report_get_mapping (vcard));
  g_assert_nonnull (herald_contact_import_report_get_mapping (csv));
  assert_contact (csv, 0, "||+233241234567||begin=x");

  /* Read as CSV, a vCard has no phone column. */
  g_assert_null (forced);
  g_assert_error (error, HERALD_CONTACT_IMPORT_ERROR, HERALD_CONTACT_IMPORT_ERROR_NO_PHONE_COLUMN);
}

static void
test_import_path (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("test-contact-import-XXXXXX", &error);
  g_autofree char *csv = g_build_filename (dir, "list.txt", NULL);
  g_autofree char *vcf = g_build_filename (dir, "export.vcf", NULL);
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(HeraldContactImportReport) csv_report = NULL;
  g_autoptr(HeraldContactImportReport) vcf_report = NULL;
  g_autoptr(HeraldContactImportReport) missing = NULL;

  g_assert_no_error (error);
  g_assert_true (g_file_set_contents (csv, "mobile\n0241234567\n", -1, &error));
  g_assert_true (g_file_set_contents (vcf, "BEGIN:VCARD\nTEL:0201234567\nEND:VCARD\n", -1, &error));

  csv_report = herald_contact_importer_import_path (importer, csv, NULL, &error);
  g_assert_no_error (error);
  assert_contact (csv_report, 0, "||+233241234567|");
  vcf_report = herald_contact_importer_import_path (importer, vcf, NULL, &error);
  g_assert_no_error (error);
  assert_contact (vcf_report, 0, "||+233201234567|");

  g_remove (csv);
  g_remove (vcf);
  missing = herald_contact_importer_import_path (importer, csv, NULL, &error);
  g_assert_null (missing);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_rmdir (dir);
}

static void
test_import_cancellation (void)
{
  g_autoptr(GString) text = g_string_new ("phone\n");
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(HeraldContactImportReport) vcard_report = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 1000; i++)
    g_string_append_printf (text, "024%07u\n", i);
  stream = memory_stream (text->str, text->len);

  g_cancellable_cancel (cancellable);
  report = herald_contact_importer_import_stream (importer, stream, HERALD_CONTACT_FORMAT_CSV,
                                                  cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_clear_error (&error);

  g_clear_object (&stream);
  stream = memory_stream ("BEGIN:VCARD\nTEL:0241234567\nEND:VCARD\n", -1);
  vcard_report = herald_contact_importer_import_stream (importer, stream, HERALD_CONTACT_FORMAT_AUTO,
                                                        cancellable, &error);
  g_assert_null (vcard_report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* A stream that cancels a cancellable once this much of it was read:
 * the cancellation lands in the middle of an import. */
#define TEST_TYPE_CANCELLING_STREAM (test_cancelling_stream_get_type ())
G_DECLARE_FINAL_TYPE (TestCancellingStream, test_cancelling_stream, TEST, CANCELLING_STREAM, GInputStream)

struct _TestCancellingStream
{
  GInputStream  parent_instance;
  GBytes       *bytes;
  gsize         pos;
  gsize         cancel_at;
  GCancellable *cancellable;
};

G_DEFINE_FINAL_TYPE (TestCancellingStream, test_cancelling_stream, G_TYPE_INPUT_STREAM)

static gssize
test_cancelling_stream_read (GInputStream  *stream,
                             void          *buffer,
                             gsize          count,
                             GCancellable  *cancellable,
                             GError       **error)
{
  TestCancellingStream *self = (TestCancellingStream *) stream;
  gsize size;
  const guint8 *data = g_bytes_get_data (self->bytes, &size);
  gsize n = MIN (count, size - self->pos);

  memcpy (buffer, data + self->pos, n);
  self->pos += n;
  if (self->pos >= self->cancel_at)
    g_cancellable_cancel (self->cancellable);

  return n;
}

static void
test_cancelling_stream_finalize (GObject *object)
{
  TestCancellingStream *self = (TestCancellingStream *) object;

  g_bytes_unref (self->bytes);
  g_object_unref (self->cancellable);

  G_OBJECT_CLASS (test_cancelling_stream_parent_class)->finalize (object);
}

static void
test_cancelling_stream_class_init (TestCancellingStreamClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = test_cancelling_stream_finalize;
  G_INPUT_STREAM_CLASS (klass)->read_fn = test_cancelling_stream_read;
}

static void
test_cancelling_stream_init (TestCancellingStream *self)
{
}

static void
test_import_cancellation_midway (void)
{
  g_autoptr(GString) text = g_string_new ("phone\n");
  g_autoptr(TestCancellingStream) stream = g_object_new (TEST_TYPE_CANCELLING_STREAM, NULL);
  g_autoptr(HeraldContactImporter) importer = herald_contact_importer_new ("GH");
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(HeraldContactImportReport) report = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 30000; i++)
    g_string_append_printf (text, "024%07u\n", i);
  stream->bytes = g_bytes_new (text->str, text->len);
  stream->cancel_at = text->len / 2;
  stream->cancellable = g_object_ref (cancellable);

  report = herald_contact_importer_import_stream (importer, G_INPUT_STREAM (stream),
                                                  HERALD_CONTACT_FORMAT_CSV, cancellable, &error);
  g_assert_null (report);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* It stopped in the middle, not at the end. */
  g_assert_cmpuint (stream->pos, <, text->len);
}

/* Export */

static char *
export_to_string (GPtrArray *contacts)
{
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GError) error = NULL;

  g_assert_true (herald_contact_export_csv ((HeraldContact * const *) contacts->pdata, contacts->len,
                                            stream, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_output_stream_write_all (stream, "", 1, NULL, NULL, &error));
  g_assert_true (g_output_stream_close (stream, NULL, &error));

  return g_memory_output_stream_steal_data (G_MEMORY_OUTPUT_STREAM (stream));
}

static GPtrArray *
sample_contacts (void)
{
  GPtrArray *contacts = g_ptr_array_new_with_free_func (g_object_unref);
  HeraldContact *contact;

  contact = herald_contact_new_full ("Ama", "Mensah", "+233241234567", "ama@example.com");
  herald_contact_set_field (contact, "loyalty_tier", "Gold");
  g_ptr_array_add (contacts, contact);

  contact = herald_contact_new_full ("Mary Ann", "O\"Neil, Jr", "+233201234567", NULL);
  herald_contact_set_field (contact, "loyalty_tier", "Silver");
  herald_contact_set_field (contact, "note", "first line\nsecond line; with \"quotes\"");
  g_ptr_array_add (contacts, contact);

  contact = herald_contact_new_full ("Zoë", NULL, "+16502530000", NULL);
  herald_contact_set_field (contact, "city", "Kumasi");
  herald_contact_set_field (contact, "name", "Zoë the Great");
  herald_contact_set_field (contact, "mobile", "0551234567");
  g_ptr_array_add (contacts, contact);

  return contacts;
}

static void
test_export_csv (void)
{
  g_autoptr(GPtrArray) contacts = sample_contacts ();
  g_autofree char *text = export_to_string (contacts);

  g_assert_cmpstr (text, ==,
                   "first_name,last_name,phone,email,loyalty_tier,note,city,name,mobile\r\n"
                   "Ama,Mensah,+233241234567,ama@example.com,Gold,,,,\r\n"
                   "Mary Ann,\"O\"\"Neil, Jr\",+233201234567,,Silver,"
                   "\"first line\nsecond line; with \"\"quotes\"\"\",,,\r\n"
                   "Zoë,,+16502530000,,,,Kumasi,Zoë the Great,0551234567\r\n");
}

static void
test_export_empty (void)
{
  g_autoptr(GPtrArray) contacts = g_ptr_array_new ();
  g_autofree char *text = export_to_string (contacts);

  g_assert_cmpstr (text, ==, "first_name,last_name,phone,email\r\n");
}

static void
test_export_round_trip (void)
{
  g_autoptr(GPtrArray) contacts = sample_contacts ();
  g_autofree char *text = export_to_string (contacts);
  g_autoptr(HeraldContactImportReport) report = import_ok (text);
  GPtrArray *imported = herald_contact_import_report_get_contacts (report);

  g_assert_cmpuint (imported->len, ==, contacts->len);
  g_assert_cmpuint (herald_contact_import_report_get_n_invalid (report), ==, 0);
  for (guint i = 0; i < contacts->len; i++)
    {
      g_autofree char *expected = describe (g_ptr_array_index (contacts, i));
      g_autofree char *got = describe (g_ptr_array_index (imported, i));

      g_assert_true (herald_contact_equal (g_ptr_array_index (contacts, i), g_ptr_array_index (imported, i)));
      g_assert_cmpstr (got, ==, expected);
    }
}

static void
test_export_round_trip_from_file (void)
{
  g_autoptr(HeraldContactImportReport) first =
    import_ok ("\xEF\xBB\xBFName;Mobile;Tier;Remarks\r\n"
               "Ama Mensah;024 123 4567;Gold;\"likes; \"\"SMS\"\"\"\r\n"
               "Kofi;020 123 4567;;\r\n");
  g_autofree char *text = export_to_string (herald_contact_import_report_get_contacts (first));
  g_autoptr(HeraldContactImportReport) second = import_ok (text);
  g_autofree char *text_again = export_to_string (herald_contact_import_report_get_contacts (second));

  g_assert_cmpstr (text, ==,
                   "first_name,last_name,phone,email,tier,remarks\r\n"
                   "Ama,Mensah,+233241234567,,Gold,\"likes; \"\"SMS\"\"\"\r\n"
                   "Kofi,,+233201234567,,,\r\n");
  g_assert_cmpstr (text_again, ==, text);
}

static void
test_export_cancellation (void)
{
  g_autoptr(GPtrArray) contacts = sample_contacts ();
  g_autoptr(GOutputStream) stream = g_memory_output_stream_new_resizable ();
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;

  g_cancellable_cancel (cancellable);
  g_assert_false (herald_contact_export_csv ((HeraldContact * const *) contacts->pdata, contacts->len,
                                             stream, cancellable, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  /* Nothing half-written reaches the stream. */
  g_assert_cmpuint (g_memory_output_stream_get_data_size (G_MEMORY_OUTPUT_STREAM (stream)), ==, 0);
}

static void
test_split_full_name (void)
{
  static const struct
  {
    const char *full;
    const char *first;
    const char *last;
  } cases[] = {
    { "Mary Ann Smith", "Mary Ann", "Smith" },
    { "  Kofi   Annan  ", "Kofi", "Annan" },
    { "Mensah, Ama Serwaa", "Ama Serwaa", "Mensah" },
    { "Madonna", "Madonna", NULL },
    { "Smith,", NULL, "Smith" },
    { "   ", NULL, NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *last = NULL;
      g_autofree char *first = herald_contact_split_full_name (cases[i].full, &last);

      g_assert_cmpstr (first, ==, cases[i].first);
      g_assert_cmpstr (last, ==, cases[i].last);
    }
}

static void
test_steal_contacts (void)
{
  g_autoptr(HeraldContactImportReport) report = import_ok ("phone\n0241234567\n0201234567\n");
  g_autoptr(GPtrArray) contacts = herald_contact_import_report_steal_contacts (report);

  g_assert_cmpuint (contacts->len, ==, 2);
  g_assert_cmpuint (herald_contact_import_report_get_contacts (report)->len, ==, 0);
  /* The count stays what the import did. */
  g_assert_cmpuint (herald_contact_import_report_get_n_imported (report), ==, 2);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/contact/normalize-key", test_contact_normalize_key);
  g_test_add_func ("/contact/valid-key", test_contact_valid_key);
  g_test_add_func ("/contact/fields", test_contact_fields);
  g_test_add_func ("/contact/many-fields", test_contact_many_fields);
  g_test_add_func ("/contact/properties", test_contact_properties);
  g_test_add_func ("/contact/equal-and-display", test_contact_equal_and_display);
  g_test_add_func ("/contact/split-full-name", test_split_full_name);
  g_test_add_func ("/contact-mapping/guess-roles", test_mapping_guess_roles);
  g_test_add_func ("/contact-mapping/first-column-wins", test_mapping_first_column_wins);
  g_test_add_func ("/contact-mapping/full-name", test_mapping_full_name);
  g_test_add_func ("/contact-mapping/custom-keys", test_mapping_custom_keys);
  g_test_add_func ("/contact-mapping/headerless", test_mapping_headerless);
  g_test_add_func ("/contact-mapping/set-role", test_mapping_set_role);
  g_test_add_func ("/contact-import/csv/basic", test_csv_basic);
  g_test_add_func ("/contact-import/csv/full-name", test_csv_full_name);
  g_test_add_func ("/contact-import/csv/excel-semicolon", test_csv_excel_semicolon);
  g_test_add_func ("/contact-import/csv/google-export", test_csv_google_export);
  g_test_add_func ("/contact-import/csv/duplicates", test_csv_duplicates);
  g_test_add_func ("/contact-import/csv/invalid-rows", test_csv_invalid_rows);
  g_test_add_func ("/contact-import/csv/require-mobile", test_csv_require_mobile);
  g_test_add_func ("/contact-import/csv/default-region", test_csv_default_region);
  g_test_add_func ("/contact-import/csv/blank-rows", test_csv_blank_rows);
  g_test_add_func ("/contact-import/csv/headerless", test_csv_headerless);
  g_test_add_func ("/contact-import/csv/mapping-override", test_csv_mapping_override);
  g_test_add_func ("/contact-import/csv/no-phone-column", test_csv_no_phone_column);
  g_test_add_func ("/contact-import/csv/malformed-nothing-delivered", test_csv_malformed_nothing_delivered);
  g_test_add_func ("/contact-import/csv/separator-set", test_csv_separator_set);
  g_test_add_func ("/contact-import/csv/empty", test_csv_empty);
  g_test_add_func ("/contact-import/vcard/phone-choice", test_vcard_phone_choice);
  g_test_add_func ("/contact-import/vcard/phone-fallback", test_vcard_phone_fallback);
  g_test_add_func ("/contact-import/vcard/names-and-fields", test_vcard_names_and_fields);
  g_test_add_func ("/contact-import/vcard/report", test_vcard_report);
  g_test_add_func ("/contact-import/vcard/malformed-nothing-delivered", test_vcard_malformed_nothing_delivered);
  g_test_add_func ("/contact-import/auto-format", test_auto_format);
  g_test_add_func ("/contact-import/path", test_import_path);
  g_test_add_func ("/contact-import/cancellation/before", test_import_cancellation);
  g_test_add_func ("/contact-import/cancellation/midway", test_import_cancellation_midway);
  g_test_add_func ("/contact-import/steal-contacts", test_steal_contacts);
  g_test_add_func ("/contact-export/csv", test_export_csv);
  g_test_add_func ("/contact-export/empty", test_export_empty);
  g_test_add_func ("/contact-export/round-trip", test_export_round_trip);
  g_test_add_func ("/contact-export/round-trip-from-file", test_export_round_trip_from_file);
  g_test_add_func ("/contact-export/cancellation", test_export_cancellation);

  return g_test_run ();
}
