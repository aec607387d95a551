/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "heraldctl-output"

#include "config.h"

#include <glib/gi18n.h>

#include "herald-cli.h"

/* What the commands print: columns and hints for people, one JSON
 * document for programs. */

char *
herald_cli_format_time (GDateTime *time)
{
  g_autoptr(GDateTime) local = NULL;

  if (time == NULL)
    return g_strdup ("-");

  local = g_date_time_to_local (time);
  return g_date_time_format (local, "%Y-%m-%d %H:%M");
}

void
herald_cli_print_padded (const char *text,
                         glong       width)
{
  glong length;

  if (text == NULL)
    text = "-";
  length = g_utf8_strlen (text, -1);
  g_print ("%s%*s", text, length < width ? (int) (width - length) : 1, "");
}

void
herald_cli_print_json_array (GPtrArray             *items,
                             HeraldCliJsonItemFunc  add_item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < items->len; i++)
    add_item (builder, items->pdata[i]);
  json_builder_end_array (builder);
  herald_cli_print_json (builder);
}

void
herald_cli_json_add_string (JsonBuilder *builder,
                            const char  *member,
                            const char  *value)
{
  json_builder_set_member_name (builder, member);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
herald_cli_json_add_time (JsonBuilder *builder,
                          const char  *member,
                          GDateTime   *time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autofree char *text = NULL;

  if (time != NULL)
    {
      utc = g_date_time_to_utc (time);
      text = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
    }
  herald_cli_json_add_string (builder, member, text);
}

void
herald_cli_json_add_count (JsonBuilder *builder,
                           const char  *member,
                           gint64       value)
{
  json_builder_set_member_name (builder, member);
  if (value >= 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

void
herald_cli_print_one_line (const char *text)
{
  g_autofree char *line = g_strdup (text != NULL ? text : "");

  g_strdelimit (line, "\r\n\t", ' ');
  g_print ("%s\n", line);
}

void
herald_cli_print_page_hint (guint page,
                            guint total_pages)
{
  if (total_pages > 0)
    g_print (_("Page %u of %u; --page %u shows the next, --all every page.\n"), page, total_pages, page + 1);
  else
    g_print (_("Page %u; --page %u shows the next, --all every page.\n"), page, page + 1);
}

void
herald_cli_print_json (JsonBuilder *builder)
{
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = json_builder_get_root (builder);
  g_autofree char *text = NULL;

  json_generator_set_pretty (generator, TRUE);
  json_generator_set_root (generator, root);
  text = json_generator_to_data (generator, NULL);
  g_print ("%s\n", text);
}

void
herald_cli_print_json_model (GListModel            *items,
                             HeraldCliJsonItemFunc  add_item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(GObject) item = g_list_model_get_item (items, i);

      add_item (builder, item);
    }
  json_builder_end_array (builder);
  herald_cli_print_json (builder);
}

void
herald_cli_print_json_object (gconstpointer         item,
                              HeraldCliJsonItemFunc add_item)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  add_item (builder, item);
  herald_cli_print_json (builder);
}

/* {"MEMBER": "VALUE"}, as what was removed is told. */
void
herald_cli_print_json_member (const char *member,
                              const char *value)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();

  json_builder_begin_object (builder);
  herald_cli_json_add_string (builder, member, value);
  json_builder_end_object (builder);
  herald_cli_print_json (builder);
}

void
herald_cli_json_add_int (JsonBuilder *builder,
                         const char  *member,
                         gint64       value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_int_value (builder, value);
}

void
herald_cli_json_add_boolean (JsonBuilder *builder,
                             const char  *member,
                             gboolean     value)
{
  json_builder_set_member_name (builder, member);
  json_builder_add_boolean_value (builder, value);
}
