/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "test-template"

#include <string.h>
#include <glib-object.h>

#include "text/herald-template.h"

/* Expected values here are written out by hand, never computed with the
 * code under test: a wrong position or message must fail a test. */

static HeraldTemplate *
parse_ok (const char *text)
{
  g_autoptr(GError) error = NULL;
  HeraldTemplatePosition pos = { 999, 999, 999 };
  HeraldTemplate *template;

  template = herald_template_new (text, -1, &pos, &error);
  g_assert_no_error (error);
  g_assert_nonnull (template);

  return template;
}

/* @pairs: key, value, key, value, …, NULL. */
static GHashTable *
table_new (const char * const *pairs)
{
  GHashTable *table = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; pairs != NULL && pairs[i] != NULL; i += 2)
    g_hash_table_insert (table, (gpointer) pairs[i], (gpointer) pairs[i + 1]);

  return table;
}

static char *
render_pairs (const char         *text,
              const char * const *pairs,
              GError            **error)
{
  g_autoptr(HeraldTemplate) template = parse_ok (text);
  g_autoptr(GHashTable) table = table_new (pairs);

  return herald_template_render_table (template, table, error);
}

static void
assert_renders (const char         *text,
                const char * const *pairs,
                const char         *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = render_pairs (text, pairs, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, expected);
}

#define PAIRS(...) ((const char * const[]) { __VA_ARGS__, NULL })

static void
assert_variables (HeraldTemplate     *template,
                  const char * const *expected)
{
  guint n = 999;
  const char * const *variables = herald_template_get_variables (template, &n);

  g_assert_nonnull (variables);
  g_assert_cmpuint (n, ==, g_strv_length ((char **) expected));
  g_assert_true (g_strv_equal ((const char * const *) variables, expected));
}

/* Parse errors, one table row each. */

typedef struct
{
  const char *path;
  const char *text;
  gssize      length;
  int         code;
  gsize       offset;
  guint       line;
  guint       column;
  const char *message;
} ParseErrorCase;

static const ParseErrorCase parse_error_cases[] = {
  { "/template/parse/unclosed-brace/at-end",
    "Hello {{first_name", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 6, 1, 7,
    "Unclosed “{{” at line 1, column 7: add “}}” after the variable name" },
  { "/template/parse/unclosed-brace/bare",
    "Hi {{", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 3, 1, 4,
    "Unclosed “{{” at line 1, column 4: add “}}” after the variable name" },
  { "/template/parse/unclosed-brace/single-close",
    "Hi {{name}", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 3, 1, 4,
    "Unclosed “{{” at line 1, column 4: add “}}” after the variable name" },
  { "/template/parse/unclosed-brace/before-next-placeholder",
    "Hi {{first_name, see you {{last_name}}", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 3, 1, 4,
    "Unclosed “{{” at line 1, column 4: add “}}” after the variable name" },
  { "/template/parse/unclosed-brace/multiline",
    "Dear customer\nYour code is {{code\nThanks {{first_name}}", -1,
    HERALD_TEMPLATE_ERROR_UNCLOSED, 27, 2, 14,
    "Unclosed “{{” at line 2, column 14: add “}}” after the variable name" },
  { "/template/parse/unclosed-brace/closed-on-next-line",
    "Hi\r\nthere {{x\r\n}}", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 10, 2, 7,
    "Unclosed “{{” at line 2, column 7: add “}}” after the variable name" },
  { "/template/parse/unclosed-brace/third-line",
    "a\n\n  {{ok}} {{bad", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 12, 3, 10,
    "Unclosed “{{” at line 3, column 10: add “}}” after the variable name" },
  { "/template/parse/unclosed-brace/after-emoji",
    "Привет 😀 {{first_name", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 18, 1, 10,
    "Unclosed “{{” at line 1, column 10: add “}}” after the variable name" },
  { "/template/parse/unclosed-brace/in-fallback",
    "Hi {{first_name|there", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 3, 1, 4,
    "Unclosed “{{” at line 1, column 4: add “}}” after the fallback text" },
  { "/template/parse/unclosed-brace/carriage-return-in-fallback",
    "Hi {{x|a\rb}}", -1, HERALD_TEMPLATE_ERROR_UNCLOSED, 3, 1, 4,
    "Unclosed “{{” at line 1, column 4: add “}}” after the fallback text" },
  { "/template/parse/empty-name/bare",
    "Hi {{}}!", -1, HERALD_TEMPLATE_ERROR_EMPTY_NAME, 3, 1, 4,
    "Empty variable name at line 1, column 4: write a field name between “{{” and “}}”, "
    "such as “{{first_name}}”" },
  { "/template/parse/empty-name/spaces",
    "x\n{{ \t }}", -1, HERALD_TEMPLATE_ERROR_EMPTY_NAME, 2, 2, 1,
    "Empty variable name at line 2, column 1: write a field name between “{{” and “}}”, "
    "such as “{{first_name}}”" },
  { "/template/parse/empty-name/fallback-only",
    "é{{ |there}}", -1, HERALD_TEMPLATE_ERROR_EMPTY_NAME, 2, 1, 2,
    "Empty variable name at line 1, column 2: write a field name between “{{” and “}}”, "
    "such as “{{first_name}}”" },
  { "/template/parse/invalid-name/space",
    "Hi {{first name}}", -1, HERALD_TEMPLATE_ERROR_INVALID_NAME, 10, 1, 11,
    "Space in variable name “first name” at line 1, column 11: use “_” instead of spaces" },
  { "/template/parse/invalid-name/digit-first",
    "{{2nd_line}}", -1, HERALD_TEMPLATE_ERROR_INVALID_NAME, 2, 1, 3,
    "Variable name “2nd_line” at line 1, column 3 must start with a letter or “_”" },
  { "/template/parse/invalid-name/hyphen",
    "{{ first-name }}", -1, HERALD_TEMPLATE_ERROR_INVALID_NAME, 8, 1, 9,
    "Invalid character “-” in variable name “first-name” at line 1, column 9: "
    "use only letters, digits and “_”" },
  { "/template/parse/invalid-name/non-ascii",
    "Hé {{prénom}}", -1, HERALD_TEMPLATE_ERROR_INVALID_NAME, 8, 1, 8,
    "Invalid character “é” in variable name “prénom” at line 1, column 8: "
    "use only letters, digits and “_”" },
  { "/template/parse/invalid-name/control-character",
    "{{a\001b}}", -1, HERALD_TEMPLATE_ERROR_INVALID_NAME, 3, 1, 4,
    "Invalid character “U+0001” in variable name “a\001b” at line 1, column 4: "
    "use only letters, digits and “_”" },
  { "/template/parse/invalid-name/triple-brace",
    "{{{first_name}}}", -1, HERALD_TEMPLATE_ERROR_INVALID_NAME, 2, 1, 3,
    "Unexpected “{” at line 1, column 3: a variable name starts with a letter or “_”; "
    "to write “{{” as text, double it: “{{{{”" },
  { "/template/parse/invalid-name/long-name-shortened",
    "{{abcdefghijabcdefghijabcdefghijabcdefghij-}}", -1, HERALD_TEMPLATE_ERROR_INVALID_NAME,
    42, 1, 43,
    "Invalid character “-” in variable name “abcdefghijabcdefghijabcdefghijab…” at line 1, "
    "column 43: use only letters, digits and “_”" },
  { "/template/parse/invalid-utf8/stray-byte",
    "ab\377cd", -1, HERALD_TEMPLATE_ERROR_INVALID_UTF8, 2, 1, 3,
    "The template is not valid UTF-8 at line 1, column 3 (byte 2)" },
  { "/template/parse/invalid-utf8/truncated-second-line",
    "l1 {{x}}\nü\303", -1, HERALD_TEMPLATE_ERROR_INVALID_UTF8, 11, 2, 2,
    "The template is not valid UTF-8 at line 2, column 2 (byte 11)" },
  { "/template/parse/invalid-utf8/in-placeholder",
    "{{na\300\200me}}", -1, HERALD_TEMPLATE_ERROR_INVALID_UTF8, 4, 1, 5,
    "The template is not valid UTF-8 at line 1, column 5 (byte 4)" },
  { "/template/parse/invalid-utf8/surrogate",
    "x\355\240\200", -1, HERALD_TEMPLATE_ERROR_INVALID_UTF8, 1, 1, 2,
    "The template is not valid UTF-8 at line 1, column 2 (byte 1)" },
  { "/template/parse/invalid-utf8/nul-byte",
    "ab\0{{x}}", 8, HERALD_TEMPLATE_ERROR_INVALID_UTF8, 2, 1, 3,
    "The template contains a NUL byte at line 1, column 3 (byte 2)" },
};

static void
test_parse_error_case (gconstpointer data)
{
  const ParseErrorCase *c = data;
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) template = NULL;
  HeraldTemplatePosition pos = { 999, 999, 999 };

  template = herald_template_new (c->text, c->length, &pos, &error);
  g_assert_null (template);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, c->code);
  g_assert_cmpstr (error->message, ==, c->message);
  g_assert_cmpuint (pos.offset, ==, c->offset);
  g_assert_cmpuint (pos.line, ==, c->line);
  g_assert_cmpuint (pos.column, ==, c->column);
}

static void
test_parse_error_without_position (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) template = herald_template_new ("{{x", -1, NULL, &error);

  g_assert_null (template);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNCLOSED);

  /* and without an error either */
  g_assert_null (herald_template_new ("{{}}", -1, NULL, NULL));
}

static void
test_parse_too_long (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_malloc (64 * 1024 + 2);
  HeraldTemplatePosition pos = { 0 };
  g_autoptr(HeraldTemplate) at_limit = NULL;
  g_autoptr(HeraldTemplate) beyond = NULL;

  memset (text, 'a', 64 * 1024 + 1);
  text[64 * 1024 + 1] = '\0';

  at_limit = herald_template_new (text, 64 * 1024, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (at_limit);
  g_assert_cmpuint (strlen (herald_template_get_text (at_limit)), ==, 65536);

  beyond = herald_template_new (text, -1, &pos, &error);
  g_assert_null (beyond);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_TOO_LONG);
  g_assert_cmpstr (error->message, ==, "The template is too long: 65537 bytes, at most 65536");
  g_assert_cmpuint (pos.offset, ==, 65536);
  g_assert_cmpuint (pos.line, ==, 1);
  g_assert_cmpuint (pos.column, ==, 65537);
}

static void
test_parse_explicit_length (void)
{
  /* only the first 12 bytes: the rest would be an unclosed placeholder */
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldTemplate) template = herald_template_new ("Hi {{ name}} {{oops", 12, NULL, &error);
  g_autoptr(GHashTable) table = table_new (PAIRS ("name", "Ann"));
  g_autofree char *result = NULL;

  g_assert_no_error (error);
  g_assert_cmpstr (herald_template_get_text (template), ==, "Hi {{ name}}");
  result = herald_template_render_table (template, table, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "Hi Ann");
}

static void
test_parse_empty (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("");
  g_autoptr(HeraldTemplate) null_text = herald_template_new (NULL, 0, NULL, NULL);
  guint n = 999;

  g_assert_nonnull (null_text);
  g_assert_cmpstr (herald_template_get_text (null_text), ==, "");
  g_assert_null (herald_template_get_placeholders (template, &n));
  g_assert_cmpuint (n, ==, 0);
  assert_variables (template, (const char * const[]) { NULL });
  assert_renders ("", NULL, "");
}

static void
test_parse_plain_text (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("Hello there, { single } and } braces.\n");
  guint n = 999;

  g_assert_null (herald_template_get_placeholders (template, &n));
  g_assert_cmpuint (n, ==, 0);
  assert_variables (template, (const char * const[]) { NULL });
  assert_renders ("Hello there, { single } and } braces.\n", NULL,
                  "Hello there, { single } and } braces.\n");
}

static void
test_parse_stray_close (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("}} done }}} {x}");

  assert_variables (template, (const char * const[]) { NULL });
  assert_renders ("}} done }}} {x}", NULL, "}} done }}} {x}");
  assert_renders ("{{a}}}}", PAIRS ("a", "1"), "1}}");
}

static void
test_parse_whitespace (void)
{
  const char * const *pairs = PAIRS ("first_name", "Ann");

  assert_renders ("Hi {{ first_name }}!", pairs, "Hi Ann!");
  assert_renders ("Hi {{\tfirst_name\t}}!", pairs, "Hi Ann!");
  assert_renders ("Hi {{first_name   }}!", pairs, "Hi Ann!");
  assert_renders ("Hi {{   first_name}}!", pairs, "Hi Ann!");
  assert_renders ("Hi {{ first_name | x }}!", pairs, "Hi Ann!");
}

static void
test_parse_text_kept (void)
{
  const char *text = "{{{{ {{ a | b }} }}";
  g_autoptr(HeraldTemplate) template = parse_ok (text);

  /* the source as given, escapes and all, for saving */
  g_assert_cmpstr (herald_template_get_text (template), ==, "{{{{ {{ a | b }} }}");
}

static void
test_variables_order (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{b}} {{a}} {{b|x}} {{c}} {{a}}");

  assert_variables (template, (const char * const[]) { "b", "a", "c", NULL });
}

static void
test_variables_case (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{First_Name}} {{FIRST_NAME}} {{Loyalty_Tier}}");

  assert_variables (template, (const char * const[]) { "first_name", "loyalty_tier", NULL });
  assert_renders ("{{First_Name}}/{{FIRST_NAME}}/{{first_name}}",
                  PAIRS ("first_name", "Ann"), "Ann/Ann/Ann");
}

static void
test_variables_names (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{_}}{{_x9}}{{a1_b2}}{{Z}}");

  assert_variables (template, (const char * const[]) { "_", "_x9", "a1_b2", "z", NULL });
}

static void
test_variables_none_for_escape (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{{{first_name}}");

  assert_variables (template, (const char * const[]) { NULL });
}

static void
test_variables_placeholders (void)
{
  g_autoptr(HeraldTemplate) template =
    parse_ok ("Hi {{ first_name|there }},\n😀 {{code}} {{{{x {{FIRST_NAME}}{{ tier | }}");
  const HeraldTemplatePlaceholder *p;
  guint n = 0;

  p = herald_template_get_placeholders (template, &n);
  g_assert_cmpuint (n, ==, 4);

  g_assert_cmpstr (p[0].name, ==, "first_name");
  g_assert_cmpuint (p[0].variable, ==, 0);
  g_assert_cmpstr (p[0].fallback, ==, "there");
  g_assert_cmpuint (p[0].start.offset, ==, 3);
  g_assert_cmpuint (p[0].start.line, ==, 1);
  g_assert_cmpuint (p[0].start.column, ==, 4);
  g_assert_cmpuint (p[0].length, ==, 22);

  g_assert_cmpstr (p[1].name, ==, "code");
  g_assert_cmpuint (p[1].variable, ==, 1);
  g_assert_null (p[1].fallback);
  g_assert_cmpuint (p[1].start.offset, ==, 32);
  g_assert_cmpuint (p[1].start.line, ==, 2);
  g_assert_cmpuint (p[1].start.column, ==, 3);
  g_assert_cmpuint (p[1].length, ==, 8);

  g_assert_cmpstr (p[2].name, ==, "first_name");
  g_assert_cmpuint (p[2].variable, ==, 0);
  g_assert_null (p[2].fallback);
  g_assert_cmpuint (p[2].start.offset, ==, 47);
  g_assert_cmpuint (p[2].start.line, ==, 2);
  g_assert_cmpuint (p[2].start.column, ==, 18);
  g_assert_cmpuint (p[2].length, ==, 14);

  g_assert_cmpstr (p[3].name, ==, "tier");
  g_assert_cmpuint (p[3].variable, ==, 2);
  g_assert_cmpstr (p[3].fallback, ==, "");
  g_assert_cmpuint (p[3].start.offset, ==, 61);
  g_assert_cmpuint (p[3].start.line, ==, 2);
  g_assert_cmpuint (p[3].start.column, ==, 32);
  g_assert_cmpuint (p[3].length, ==, 12);
}

static void
test_render_one_variable (void)
{
  assert_renders ("Hi {{first_name}}!", PAIRS ("first_name", "Ann"), "Hi Ann!");
  assert_renders ("{{first_name}}", PAIRS ("first_name", "Ann"), "Ann");
}

static void
test_render_several (void)
{
  assert_renders ("Hi {{first_name}} {{last_name}}, call {{phone}} or write to {{email}}.",
                  PAIRS ("first_name", "Ann", "last_name", "Lee",
                         "phone", "+233201234567", "email", "ann@example.org"),
                  "Hi Ann Lee, call +233201234567 or write to ann@example.org.");
}

static void
test_render_repeated (void)
{
  assert_renders ("{{x}}-{{x}}-{{ X }}", PAIRS ("x", "v"), "v-v-v");
}

static void
test_render_adjacent (void)
{
  assert_renders ("{{a}}{{b}}{{a}}", PAIRS ("a", "1", "b", "2"), "121");
}

static void
test_render_empty_known_field (void)
{
  /* a standard field the contact lacks is empty, not unknown */
  assert_renders ("Hi {{first_name}}!", NULL, "Hi !");
  assert_renders ("[{{first_name}}][{{last_name}}][{{phone}}][{{email}}]", NULL, "[][][][]");
  assert_renders ("Hi {{last_name}}!", PAIRS ("last_name", ""), "Hi !");
}

static void
test_render_custom_field (void)
{
  assert_renders ("Your tier: {{loyalty_tier}}", PAIRS ("loyalty_tier", "Gold"), "Your tier: Gold");
  assert_renders ("Your tier: {{ Loyalty_Tier }}", PAIRS ("loyalty_tier", "Gold"), "Your tier: Gold");
}

static void
test_render_utf8 (void)
{
  assert_renders ("Hi {{first_name}} 👋, ça va? {{x}}",
                  PAIRS ("first_name", "Zoë 😀", "x", "日本"),
                  "Hi Zoë 😀 👋, ça va? 日本");
}

static void
test_render_values_literal (void)
{
  assert_renders ("Hi {{first_name}}!", PAIRS ("first_name", "{{last_name}}", "last_name", "X"),
                  "Hi {{last_name}}!");
  assert_renders ("{{a}}", PAIRS ("a", "{{{{ }} {{"), "{{{{ }} {{");
  assert_renders ("{{a}}", PAIRS ("a", "{{a|b}}"), "{{a|b}}");
}

static void
test_escape_double (void)
{
  assert_renders ("{{{{first_name}}", PAIRS ("first_name", "Ann"), "{{first_name}}");
  assert_renders ("a {{{{ b", NULL, "a {{ b");
  assert_renders ("{{{{{{{{", NULL, "{{{{");
  /* four braces are the escape, the fifth is literal */
  assert_renders ("{{{{{x}}", NULL, "{{{x}}");
  /* the escape, then a real placeholder */
  assert_renders ("{{{{{{x}}", PAIRS ("x", "1"), "{{1");
  assert_renders ("{{x}}{{{{", PAIRS ("x", "1"), "1{{");
}

static void
test_fallback_missing (void)
{
  assert_renders ("Hi {{first_name|there}}!", NULL, "Hi there!");
}

static void
test_fallback_empty_value (void)
{
  assert_renders ("Hi {{first_name|there}}!", PAIRS ("first_name", ""), "Hi there!");
}

static void
test_fallback_not_used (void)
{
  assert_renders ("Hi {{first_name|there}}!", PAIRS ("first_name", "Ann"), "Hi Ann!");
  /* a single space is a value, not an empty one */
  assert_renders ("Hi {{first_name|there}}!", PAIRS ("first_name", " "), "Hi  !");
}

static void
test_fallback_empty_text (void)
{
  assert_renders ("Hi {{first_name|}}!", NULL, "Hi !");
  assert_renders ("Hi {{ first_name | }}!", NULL, "Hi !");
  assert_renders ("Hi {{first_name|}}!", PAIRS ("first_name", "Ann"), "Hi Ann!");
  /* unknown, but the empty fallback still counts as a fallback */
  assert_renders ("Hi {{nickname|}}!", NULL, "Hi !");
}

static void
test_fallback_spaces (void)
{
  assert_renders ("Hi {{ first_name | dear  customer }}!", NULL, "Hi dear  customer!");
  assert_renders ("Hi {{first_name|\tdear customer\t}}!", NULL, "Hi dear customer!");
}

static void
test_fallback_bar (void)
{
  assert_renders ("{{a|x|y}}", PAIRS ("a", ""), "x|y");
  assert_renders ("{{a||}}", PAIRS ("a", ""), "|");
}

static void
test_fallback_braces (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{a|x}}}");
  const HeraldTemplatePlaceholder *p = herald_template_get_placeholders (template, NULL);

  /* the first “}}” ends the placeholder; the third brace is text */
  g_assert_cmpstr (p[0].fallback, ==, "x");
  assert_renders ("{{a|x}}}", PAIRS ("a", "v"), "v}");
  assert_renders ("{{a|{x}}", PAIRS ("a", ""), "{x");
  assert_renders ("{{a|😀 ça}}", PAIRS ("a", ""), "😀 ça");
}

static void
test_fallback_unknown_variable (void)
{
  assert_renders ("Hi {{nickname|friend}}!", NULL, "Hi friend!");
}

static gboolean
lookup_known_null (const char  *name,
                   const char **value,
                   gpointer     user_data)
{
  *value = NULL;

  return strcmp (name, "nickname") == 0;
}

static void
test_fallback_known_null (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("[{{nickname|pal}}][{{nickname}}]");
  g_autoptr(GError) error = NULL;
  g_autofree char *result = herald_template_render (template, lookup_known_null, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "[pal][]");
}

static void
test_render_unknown_variable (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = render_pairs ("Hi\n  {{frist_name}}!", PAIRS ("first_name", "Ann"), &error);

  g_assert_null (result);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE);
  g_assert_cmpstr (error->message, ==,
                   "Unknown variable “frist_name” at line 2, column 3: no contact field has that "
                   "name; add a fallback, such as “{{frist_name|…}}”, or a column of that name");
}

static void
test_render_unknown_all_reported (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result =
    render_pairs ("{{a}} {{first_name}}\n😀 {{b}} {{a}} {{c|x}}\n{{D}}", PAIRS ("first_name", "Ann"), &error);

  g_assert_null (result);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE);
  /* each once, at its first use; “c” has a fallback */
  g_assert_cmpstr (error->message, ==,
                   "Unknown variables “a” (line 1, column 1), “b” (line 2, column 3), "
                   "“d” (line 3, column 1): no contact field has these names");
}

static void
test_render_unknown_repeated (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = render_pairs ("{{tier}} and {{ Tier }}", NULL, &error);

  g_assert_null (result);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE);
  /* one variable used twice is still one unknown variable */
  g_assert_cmpstr (error->message, ==,
                   "Unknown variable “tier” at line 1, column 1: no contact field has that "
                   "name; add a fallback, such as “{{tier|…}}”, or a column of that name");
}

static void
test_render_unknown_custom_field (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result = render_pairs ("{{loyalty_tier}}", PAIRS ("first_name", "Ann"), &error);

  g_assert_null (result);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE);
}

static void
test_render_invalid_value (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *result =
    render_pairs ("ok {{last_name}}\n{{ first_name }}", PAIRS ("first_name", "Zo\303(", "last_name", "é"),
                  &error);

  g_assert_null (result);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_INVALID_VALUE);
  g_assert_cmpstr (error->message, ==,
                   "The value of “first_name” for line 2, column 1 is not valid UTF-8 "
                   "(byte 2 of the value)");
}

static void
test_render_invalid_value_unused (void)
{
  /* a value that the template never asks for is never looked at */
  assert_renders ("{{a}}", PAIRS ("a", "ok", "b", "\377"), "ok");
}

typedef struct
{
  GPtrArray *names;
} LookupLog;

static gboolean
lookup_logging (const char  *name,
                const char **value,
                gpointer     user_data)
{
  LookupLog *log = user_data;

  g_ptr_array_add (log->names, g_strdup (name));
  *value = "v";

  return TRUE;
}

static void
test_render_lookup_names (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{A}} {{b|x}} {{a}} {{{{c}}");
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  LookupLog log = { names };
  g_autofree char *result = NULL;

  result = herald_template_render (template, lookup_logging, &log, NULL);
  g_assert_cmpstr (result, ==, "v v v {{c}}");
  g_assert_cmpuint (names->len, ==, 3);
  g_assert_cmpstr (g_ptr_array_index (names, 0), ==, "a");
  g_assert_cmpstr (g_ptr_array_index (names, 1), ==, "b");
  g_assert_cmpstr (g_ptr_array_index (names, 2), ==, "a");
}

static gboolean
lookup_reusing_buffer (const char  *name,
                       const char **value,
                       gpointer     user_data)
{
  char *buffer = user_data;

  /* one buffer for every answer: the value is only needed until the next call */
  g_snprintf (buffer, 32, "<%s>", name);
  *value = buffer;

  return TRUE;
}

static void
test_render_value_lifetime (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{a}}{{bb}}{{a}}");
  char buffer[32];
  g_autofree char *result = herald_template_render (template, lookup_reusing_buffer, buffer, NULL);

  g_assert_cmpstr (result, ==, "<a><bb><a>");
}

static void
test_render_many_contacts (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("Hi {{first_name|there}}, code {{code}}.");

  for (guint i = 0; i < 2000; i++)
    {
      g_autoptr(GHashTable) table = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
      g_autoptr(GError) error = NULL;
      g_autofree char *result = NULL;
      g_autofree char *expected = NULL;

      if (i % 3 != 0)
        g_hash_table_insert (table, "first_name", g_strdup_printf ("N%u", i));
      g_hash_table_insert (table, "code", g_strdup_printf ("%04u", i));
      result = herald_template_render_table (template, table, &error);
      g_assert_no_error (error);

      if (i % 3 != 0)
        expected = g_strdup_printf ("Hi N%u, code %04u.", i, i);
      else
        expected = g_strdup_printf ("Hi there, code %04u.", i);
      g_assert_cmpstr (result, ==, expected);
    }
}

static void
test_render_after_error (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{tier}}!");
  g_autoptr(GHashTable) without = table_new (NULL);
  g_autoptr(GHashTable) with = table_new (PAIRS ("tier", "Gold"));
  g_autoptr(GError) error = NULL;
  g_autofree char *failed = herald_template_render_table (template, without, &error);
  g_autofree char *result = NULL;

  g_assert_null (failed);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE);
  g_clear_error (&error);

  result = herald_template_render_table (template, with, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (result, ==, "Gold!");
}

typedef struct
{
  HeraldTemplate *template;
  guint           index;
  gboolean        ok;
} ThreadData;

static gpointer
render_thread (gpointer user_data)
{
  ThreadData *data = user_data;

  data->ok = TRUE;
  for (guint i = 0; i < 500; i++)
    {
      g_autofree char *value = g_strdup_printf ("%u-%u", data->index, i);
      g_autofree char *expected = g_strdup_printf ("[%u-%u]", data->index, i);
      g_autoptr(GHashTable) table = table_new (PAIRS ("x", value));
      g_autofree char *result = herald_template_render_table (data->template, table, NULL);

      if (g_strcmp0 (result, expected) != 0)
        data->ok = FALSE;
    }

  return NULL;
}

static void
test_render_threads (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("[{{x}}]");
  ThreadData data[4];
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      data[i] = (ThreadData) { template, i, FALSE };
      threads[i] = g_thread_new ("render", render_thread, &data[i]);
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_thread_join (threads[i]);
      g_assert_true (data[i].ok);
    }
}

static void
test_preview_gsm7 (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("Hello {{first_name}}");
  g_autoptr(GHashTable) table = table_new (PAIRS ("first_name", "Ann"));
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = herald_template_preview (template, herald_template_table_lookup, table,
                                                   &analysis, &error);

  g_assert_no_error (error);
  g_assert_cmpstr (text, ==, "Hello Ann");
  g_assert_nonnull (analysis);
  g_assert_cmpint (herald_sms_analysis_get_encoding (analysis), ==, HERALD_SMS_ENCODING_GSM7);
  g_assert_cmpuint (herald_sms_analysis_get_characters (analysis), ==, 9);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 1);
}

static void
test_preview_curly_quote (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("Hello {{last_name}}, your order is ready.");
  g_autoptr(GHashTable) plain = table_new (PAIRS ("last_name", "O'Brien"));
  g_autoptr(GHashTable) curly = table_new (PAIRS ("last_name", "O’Brien"));
  g_autoptr(HeraldSmsAnalysis) plain_analysis = NULL;
  g_autoptr(HeraldSmsAnalysis) curly_analysis = NULL;
  g_autofree char *plain_text = NULL;
  g_autofree char *curly_text = NULL;
  const HeraldSmsUcs2Char *chars;
  guint n = 0;

  /* the same template is GSM-7 for one contact and UCS-2 for another */
  plain_text = herald_template_preview (template, herald_template_table_lookup, plain,
                                        &plain_analysis, NULL);
  g_assert_cmpstr (plain_text, ==, "Hello O'Brien, your order is ready.");
  g_assert_cmpint (herald_sms_analysis_get_encoding (plain_analysis), ==, HERALD_SMS_ENCODING_GSM7);

  curly_text = herald_template_preview (template, herald_template_table_lookup, curly,
                                        &curly_analysis, NULL);
  g_assert_cmpstr (curly_text, ==, "Hello O’Brien, your order is ready.");
  g_assert_cmpint (herald_sms_analysis_get_encoding (curly_analysis), ==, HERALD_SMS_ENCODING_UCS2);
  g_assert_cmpuint (herald_sms_analysis_get_characters (curly_analysis), ==, 35);
  g_assert_cmpuint (herald_sms_analysis_get_units (curly_analysis), ==, 35);

  chars = herald_sms_analysis_get_ucs2_characters (curly_analysis, &n);
  g_assert_cmpuint (n, ==, 1);
  g_assert_cmpuint (chars[0].ch, ==, 0x2019);
  g_assert_cmpuint (chars[0].first_offset, ==, 7);
}

static void
test_preview_parts (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("{{a}}{{b}}");
  g_autofree char *a = g_strnfill (100, 'a');
  g_autofree char *b = g_strnfill (61, 'b');
  g_autoptr(GHashTable) table = table_new (PAIRS ("a", a, "b", b));
  g_autoptr(HeraldSmsAnalysis) analysis = NULL;
  g_autofree char *text = NULL;

  text = herald_template_preview (template, herald_template_table_lookup, table, &analysis, NULL);
  g_assert_cmpuint (strlen (text), ==, 161);
  g_assert_cmpuint (herald_sms_analysis_get_parts (analysis), ==, 2);
  g_assert_cmpuint (herald_sms_analysis_get_credits (analysis, 10), ==, 20);
}

static void
test_preview_error (void)
{
  g_autoptr(HeraldTemplate) template = parse_ok ("Hi {{nickname}}");
  g_autoptr(GHashTable) table = table_new (NULL);
  HeraldSmsAnalysis *analysis = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = herald_template_preview (template, herald_template_table_lookup, table,
                                                   &analysis, &error);

  g_assert_null (text);
  g_assert_null (analysis);
  g_assert_error (error, HERALD_TEMPLATE_ERROR, HERALD_TEMPLATE_ERROR_UNKNOWN_VARIABLE);
}

static void
test_table_lookup (void)
{
  g_autoptr(GHashTable) table = table_new (PAIRS ("first_name", "Ann", "tier", ""));
  const char *value = "unset";

  g_assert_true (herald_template_table_lookup ("first_name", &value, table));
  g_assert_cmpstr (value, ==, "Ann");

  value = "unset";
  g_assert_true (herald_template_table_lookup ("tier", &value, table));
  g_assert_cmpstr (value, ==, "");

  value = "unset";
  g_assert_true (herald_template_table_lookup ("email", &value, table));
  g_assert_null (value);

  value = "unset";
  g_assert_false (herald_template_table_lookup ("nickname", &value, table));
  g_assert_null (value);

  /* keys are expected in lower case */
  g_assert_false (herald_template_table_lookup ("Tier", &value, table));
}

static void
test_standard_fields (void)
{
  const char * const *fields = herald_template_get_standard_fields ();

  g_assert_true (g_strv_equal (fields, (const char * const[]) {
    "first_name", "last_name", "phone", "email", NULL }));
  g_assert_true (herald_template_is_standard_field ("phone"));
  g_assert_true (herald_template_is_standard_field ("email"));
  g_assert_false (herald_template_is_standard_field ("Phone"));
  g_assert_false (herald_template_is_standard_field ("loyalty_tier"));
  g_assert_false (herald_template_is_standard_field (""));
}

static void
test_boxed (void)
{
  HeraldTemplate *template = parse_ok ("{{x}}");
  HeraldTemplate *copy;
  GValue value = G_VALUE_INIT;

  g_assert_true (G_TYPE_IS_BOXED (HERALD_TYPE_TEMPLATE));
  g_assert_cmpstr (g_type_name (HERALD_TYPE_TEMPLATE), ==, "HeraldTemplate");

  /* a copy is another reference to the same immutable template */
  copy = g_boxed_copy (HERALD_TYPE_TEMPLATE, template);
  g_assert_true (copy == template);
  g_boxed_free (HERALD_TYPE_TEMPLATE, copy);

  g_value_init (&value, HERALD_TYPE_TEMPLATE);
  g_value_set_boxed (&value, template);
  herald_template_unref (template);
  /* still alive through the GValue */
  g_assert_cmpstr (herald_template_get_text (g_value_get_boxed (&value)), ==, "{{x}}");
  g_value_unset (&value);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (parse_error_cases); i++)
    g_test_add_data_func (parse_error_cases[i].path, &parse_error_cases[i], test_parse_error_case);
  g_test_add_func ("/template/parse/error-without-position", test_parse_error_without_position);
  g_test_add_func ("/template/parse/too-long", test_parse_too_long);
  g_test_add_func ("/template/parse/explicit-length", test_parse_explicit_length);
  g_test_add_func ("/template/parse/empty", test_parse_empty);
  g_test_add_func ("/template/parse/plain-text", test_parse_plain_text);
  g_test_add_func ("/template/parse/stray-close", test_parse_stray_close);
  g_test_add_func ("/template/parse/whitespace-in-braces", test_parse_whitespace);
  g_test_add_func ("/template/parse/text-kept", test_parse_text_kept);

  g_test_add_func ("/template/variables/order-and-dedup", test_variables_order);
  g_test_add_func ("/template/variables/case-insensitive", test_variables_case);
  g_test_add_func ("/template/variables/name-characters", test_variables_names);
  g_test_add_func ("/template/variables/none-for-escape", test_variables_none_for_escape);
  g_test_add_func ("/template/variables/placeholders", test_variables_placeholders);

  g_test_add_func ("/template/render/one-variable", test_render_one_variable);
  g_test_add_func ("/template/render/several-variables", test_render_several);
  g_test_add_func ("/template/render/repeated-variable", test_render_repeated);
  g_test_add_func ("/template/render/adjacent", test_render_adjacent);
  g_test_add_func ("/template/render/empty-known-field", test_render_empty_known_field);
  g_test_add_func ("/template/render/custom-field", test_render_custom_field);
  g_test_add_func ("/template/render/utf8-and-emoji", test_render_utf8);
  g_test_add_func ("/template/render/values-literal", test_render_values_literal);
  g_test_add_func ("/template/render/unknown-variable", test_render_unknown_variable);
  g_test_add_func ("/template/render/unknown-all-reported", test_render_unknown_all_reported);
  g_test_add_func ("/template/render/unknown-repeated", test_render_unknown_repeated);
  g_test_add_func ("/template/render/unknown-custom-field", test_render_unknown_custom_field);
  g_test_add_func ("/template/render/invalid-utf8-value", test_render_invalid_value);
  g_test_add_func ("/template/render/invalid-utf8-value-unused", test_render_invalid_value_unused);
  g_test_add_func ("/template/render/lookup-names", test_render_lookup_names);
  g_test_add_func ("/template/render/value-lifetime", test_render_value_lifetime);
  g_test_add_func ("/template/render/many-contacts", test_render_many_contacts);
  g_test_add_func ("/template/render/after-error", test_render_after_error);
  g_test_add_func ("/template/render/threads", test_render_threads);

  g_test_add_func ("/template/escape/double-braces", test_escape_double);

  g_test_add_func ("/template/fallback/missing-value", test_fallback_missing);
  g_test_add_func ("/template/fallback/empty-value", test_fallback_empty_value);
  g_test_add_func ("/template/fallback/not-used", test_fallback_not_used);
  g_test_add_func ("/template/fallback/empty-text", test_fallback_empty_text);
  g_test_add_func ("/template/fallback/spaces", test_fallback_spaces);
  g_test_add_func ("/template/fallback/bar", test_fallback_bar);
  g_test_add_func ("/template/fallback/braces", test_fallback_braces);
  g_test_add_func ("/template/fallback/unknown-variable", test_fallback_unknown_variable);
  g_test_add_func ("/template/fallback/known-null", test_fallback_known_null);

  g_test_add_func ("/template/preview/gsm7", test_preview_gsm7);
  g_test_add_func ("/template/preview/curly-quote-ucs2", test_preview_curly_quote);
  g_test_add_func ("/template/preview/parts", test_preview_parts);
  g_test_add_func ("/template/preview/error", test_preview_error);

  g_test_add_func ("/template/table-lookup", test_table_lookup);
  g_test_add_func ("/template/standard-fields", test_standard_fields);
  g_test_add_func ("/template/boxed", test_boxed);

  return g_test_run ();
}
