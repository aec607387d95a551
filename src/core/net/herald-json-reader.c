/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-json"

#include "config.h"

#include <math.h>

#include "herald-json-reader.h"

char *
herald_json_dup_field (const HeraldJsonCursor *cursor,
                       const char             *name)
{
  if (cursor->path != NULL && name != NULL)
    return g_strconcat (cursor->path, ".", name, NULL);

  return g_strdup (name != NULL ? name : cursor->path);
}

gboolean
herald_json_fail (const HeraldJsonCursor  *cursor,
                  const char              *name,
                  HeraldJsonProblem        problem,
                  GError                 **error)
{
  g_autofree char *field = herald_json_dup_field (cursor, name);

  g_propagate_error (error, cursor->rules->error_func (cursor->label, field, problem));

  return FALSE;
}

gboolean
herald_json_read_root (JsonNode                *root,
                       const HeraldJsonRules   *rules,
                       const char              *label,
                       HeraldJsonCursor        *cursor,
                       GError                 **error)
{
  cursor->rules = rules;
  cursor->label = label;
  cursor->path = NULL;
  cursor->object = NULL;

  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    return herald_json_fail (cursor, NULL, HERALD_JSON_PROBLEM_NOT_OBJECT, error);

  cursor->object = json_node_get_object (root);

  return TRUE;
}

/* The member, or NULL when it is absent or null (an error if required). */
static gboolean
lookup (const HeraldJsonCursor  *cursor,
        const char              *name,
        HeraldJsonFlags          flags,
        JsonNode               **out,
        GError                 **error)
{
  JsonNode *node = json_object_get_member (cursor->object, name);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return (flags & HERALD_JSON_REQUIRED) == 0 ||
           herald_json_fail (cursor, name, HERALD_JSON_PROBLEM_MISSING, error);

  *out = node;

  return TRUE;
}

/* TRUE when @node is a string @flags accept, else FALSE and the problem. */
static gboolean
check_string (JsonNode          *node,
              HeraldJsonFlags    flags,
              HeraldJsonProblem *problem)
{
  /* json-glib 1.6 lets escapes such as "\7" through as invalid UTF-8. */
  if (JSON_NODE_HOLDS_NULL (node))
    *problem = HERALD_JSON_PROBLEM_MISSING;
  else if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
           !g_utf8_validate (json_node_get_string (node), -1, NULL))
    *problem = HERALD_JSON_PROBLEM_NOT_STRING;
  else if ((flags & HERALD_JSON_NON_EMPTY) != 0 && *json_node_get_string (node) == '\0')
    *problem = HERALD_JSON_PROBLEM_EMPTY;
  else
    return TRUE;

  return FALSE;
}

gboolean
herald_json_read_string (const HeraldJsonCursor  *cursor,
                         const char              *name,
                         HeraldJsonFlags          flags,
                         char                   **out,
                         GError                 **error)
{
  HeraldJsonProblem problem;
  JsonNode *node;

  if (!lookup (cursor, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!check_string (node, flags, &problem))
    return herald_json_fail (cursor, name, problem, error);

  g_free (*out);
  *out = g_strdup (json_node_get_string (node));

  return TRUE;
}

static gboolean
node_get_integer (const HeraldJsonRules *rules,
                  JsonNode              *node,
                  gint64                *out)
{
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;

  if (json_node_get_value_type (node) == G_TYPE_INT64)
    {
      *out = json_node_get_int (node);
      return TRUE;
    }

  /* "1e3" and "2.0" are integers written as JSON numbers; 2.5 is not. */
  if (rules->integral_doubles && json_node_get_value_type (node) == G_TYPE_DOUBLE)
    {
      double value = json_node_get_double (node);

      if (!isfinite (value) || floor (value) != value ||
          fabs (value) > (double) HERALD_JSON_MAX_SAFE_INTEGER)
        return FALSE;
      *out = (gint64) value;
      return TRUE;
    }

  return FALSE;
}

gboolean
herald_json_read_int (const HeraldJsonCursor  *cursor,
                      const char              *name,
                      HeraldJsonFlags          flags,
                      gint64                   min,
                      gint64                   max,
                      gint64                  *out,
                      GError                 **error)
{
  JsonNode *node;
  gint64 value;

  if (!lookup (cursor, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!node_get_integer (cursor->rules, node, &value))
    return herald_json_fail (cursor, name, HERALD_JSON_PROBLEM_NOT_INTEGER, error);
  if (value < min || value > max)
    return herald_json_fail (cursor, name, HERALD_JSON_PROBLEM_OUT_OF_RANGE, error);

  *out = value;

  return TRUE;
}

gboolean
herald_json_read_uint (const HeraldJsonCursor  *cursor,
                       const char              *name,
                       guint                    max,
                       guint                   *out,
                       GError                 **error)
{
  gint64 value = 0;

  if (!herald_json_read_int (cursor, name, HERALD_JSON_REQUIRED, 0, max, &value, error))
    return FALSE;

  *out = (guint) value;

  return TRUE;
}

gboolean
herald_json_read_double (const HeraldJsonCursor  *cursor,
                         const char              *name,
                         HeraldJsonFlags          flags,
                         double                  *out,
                         GError                 **error)
{
  JsonNode *node;
  GType type;

  if (!lookup (cursor, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  type = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_value_type (node) : G_TYPE_INVALID;
  if (type == G_TYPE_INT64)
    *out = (double) json_node_get_int (node);
  else if (type == G_TYPE_DOUBLE && isfinite (json_node_get_double (node)))
    *out = json_node_get_double (node);
  else
    return herald_json_fail (cursor, name, HERALD_JSON_PROBLEM_NOT_NUMBER, error);

  return TRUE;
}

gboolean
herald_json_read_bool (const HeraldJsonCursor  *cursor,
                       const char              *name,
                       HeraldJsonFlags          flags,
                       gboolean                *out,
                       GError                 **error)
{
  JsonNode *node;

  if (!lookup (cursor, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_BOOLEAN)
    return herald_json_fail (cursor, name, HERALD_JSON_PROBLEM_NOT_BOOLEAN, error);

  *out = json_node_get_boolean (node);

  return TRUE;
}

gboolean
herald_json_read_time (const HeraldJsonCursor  *cursor,
                       const char              *name,
                       HeraldJsonFlags          flags,
                       GDateTime              **out,
                       GError                 **error)
{
  g_autofree char *text = NULL;
  g_autoptr(GTimeZone) utc = NULL;
  GDateTime *time;

  if (!herald_json_read_string (cursor, name, flags & ~HERALD_JSON_NON_EMPTY, &text, error))
    return FALSE;
  if (text == NULL)
    return TRUE;

  utc = g_time_zone_new_utc ();
  time = g_date_time_new_from_iso8601 (text, utc);
  if (time == NULL)
    return herald_json_fail (cursor, name, HERALD_JSON_PROBLEM_NOT_DATE, error);

  g_clear_pointer (out, g_date_time_unref);
  *out = time;

  return TRUE;
}

gboolean
herald_json_read_object (const HeraldJsonCursor  *cursor,
                         const char              *name,
                         HeraldJsonFlags          flags,
                         HeraldJsonCursor        *child,
                         char                   **path_out,
                         GError                 **error)
{
  JsonNode *node;

  *child = *cursor;
  child->object = NULL;
  child->path = NULL;

  if (!lookup (cursor, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    return herald_json_fail (cursor, name, HERALD_JSON_PROBLEM_NOT_OBJECT, error);

  *path_out = herald_json_dup_field (cursor, name);
  child->path = *path_out;
  child->object = json_node_get_object (node);

  return TRUE;
}

gboolean
herald_json_read_array (const HeraldJsonCursor  *cursor,
                        const char              *name,
                        HeraldJsonFlags          flags,
                        JsonArray              **out,
                        GError                 **error)
{
  JsonNode *node;

  *out = NULL;
  if (!lookup (cursor, name, flags, &node, error))
    return FALSE;
  if (node == NULL)
    return TRUE;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return herald_json_fail (cursor, name, HERALD_JSON_PROBLEM_NOT_ARRAY, error);

  *out = json_node_get_array (node);

  return TRUE;
}

gboolean
herald_json_read_element (const HeraldJsonCursor  *cursor,
                          const char              *name,
                          JsonArray               *array,
                          guint                    index,
                          HeraldJsonCursor        *child,
                          char                   **path_out,
                          GError                 **error)
{
  JsonNode *node = json_array_get_element (array, index);
  g_autofree char *field = herald_json_dup_field (cursor, name);

  *path_out = g_strdup_printf ("%s[%u]", field, index);
  *child = *cursor;
  child->path = *path_out;
  child->object = NULL;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return herald_json_fail (child, NULL, HERALD_JSON_PROBLEM_NOT_OBJECT, error);

  child->object = json_node_get_object (node);

  return TRUE;
}

GStrv
herald_json_read_strv (const HeraldJsonCursor  *cursor,
                       const char              *name,
                       HeraldJsonFlags          flags,
                       GError                 **error)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (!herald_json_read_array (cursor, name, flags, &array, error))
    return NULL;

  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      HeraldJsonProblem problem;

      if (!check_string (node, flags, &problem))
        {
          g_autofree char *element = g_strdup_printf ("%s[%u]", name, i);

          herald_json_fail (cursor, element, problem, error);
          return NULL;
        }
      g_strv_builder_add (builder, json_node_get_string (node));
    }

  return g_strv_builder_end (builder);
}

GPtrArray *
herald_json_read_items (const HeraldJsonCursor  *cursor,
                        const char              *name,
                        HeraldJsonItemFunc       parse,
                        GDestroyNotify           free_func,
                        GError                 **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  guint n;

  if (!herald_json_read_array (cursor, name, HERALD_JSON_REQUIRED, &array, error))
    return NULL;

  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, free_func);
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *path = NULL;
      HeraldJsonCursor item;
      gpointer value;

      if (!herald_json_read_element (cursor, name, array, i, &item, &path, error))
        return NULL;
      value = parse (&item, error);
      if (value == NULL)
        return NULL;
      g_ptr_array_add (items, value);
    }

  return g_steal_pointer (&items);
}
