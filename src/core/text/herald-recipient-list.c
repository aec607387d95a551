/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-recipient-list"

#include "config.h"

#include "herald-recipient-list.h"

typedef struct
{
  char              *input;
  HeraldPhoneNumber *number;      /* NULL when invalid */
  const char        *reason;      /* static, NULL when valid */
  char              *message;     /* NULL when valid */
  guint              duplicates;
} Entry;

struct _HeraldRecipientList
{
  GObject                 parent_instance;

  char                   *region;
  HeraldPhoneNumberFlags  flags;
  char                   *text;

  GArray                 *entries;    /* of Entry */
  GHashTable             *seen;       /* E.164 or invalid input → index + 1 */
  guint                   n_valid;
  guint                   n_invalid;
  guint                   n_merged;
};

G_DEFINE_FINAL_TYPE (HeraldRecipientList, herald_recipient_list, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGION,
  PROP_FLAGS,
  PROP_TEXT,
  PROP_N_ENTRIES,
  PROP_N_VALID,
  PROP_N_INVALID,
  PROP_N_MERGED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* A run of words longer than this cannot be one number: the phone module
 * refuses it anyway, so the search stops there. */
#define MAX_RUN_BYTES HERALD_PHONE_NUMBER_MAX_INPUT

static void
entry_clear (gpointer data)
{
  Entry *entry = data;

  g_clear_pointer (&entry->input, g_free);
  g_clear_pointer (&entry->number, herald_phone_number_unref);
  g_clear_pointer (&entry->message, g_free);
}

static void
add_entry (HeraldRecipientList *self,
           const char          *input)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(HeraldPhoneNumber) number = NULL;
  const char *key;
  gpointer found;
  Entry entry = { 0, };

  number = herald_phone_number_parse (input, self->region, self->flags, &error);
  key = number != NULL ? herald_phone_number_get_e164 (number) : input;

  found = g_hash_table_lookup (self->seen, key);
  if (found != NULL)
    {
      g_array_index (self->entries, Entry, GPOINTER_TO_UINT (found) - 1).duplicates++;
      self->n_merged++;
      return;
    }

  entry.input = g_strdup (input);
  if (number != NULL)
    {
      entry.number = g_steal_pointer (&number);
      self->n_valid++;
    }
  else
    {
      entry.reason = herald_phone_number_error_to_reason (error);
      entry.message = g_strdup (error->message);
      self->n_invalid++;
    }

  g_array_append_val (self->entries, entry);
  /* The key lives as long as the entry: its input or its number. */
  g_hash_table_insert (self->seen,
                       (gpointer) (entry.number != NULL ? herald_phone_number_get_e164 (entry.number)
                                                        : entry.input),
                       GUINT_TO_POINTER (self->entries->len));
}

static gboolean
is_valid_number (HeraldRecipientList *self,
                 const char          *input)
{
  g_autoptr(HeraldPhoneNumber) number = NULL;

  number = herald_phone_number_parse (input, self->region, self->flags, NULL);
  return number != NULL;
}

/* Words i..j (inclusive) joined with single spaces. */
static char *
join_words (GPtrArray *words,
            guint      first,
            guint      last)
{
  GString *run = g_string_new (NULL);

  for (guint k = first; k <= last; k++)
    {
      if (k > first)
        g_string_append_c (run, ' ');
      g_string_append (run, g_ptr_array_index (words, k));
    }

  return g_string_free (run, FALSE);
}

/* The last word of the longest valid run starting at @first, or -1. */
static int
longest_valid_run (HeraldRecipientList *self,
                   GPtrArray           *words,
                   guint                first)
{
  gsize bytes = 0;
  guint last = first;

  /* Find how far a run may reach, then try from the longest down. */
  for (guint k = first; k < words->len; k++)
    {
      bytes += strlen (g_ptr_array_index (words, k)) + (k > first ? 1 : 0);
      if (bytes > MAX_RUN_BYTES)
        break;
      last = k;
    }

  for (int k = (int) last; k >= (int) first; k--)
    {
      g_autofree char *run = join_words (words, first, (guint) k);

      if (is_valid_number (self, run))
        return k;
    }

  return -1;
}

static void
read_piece (HeraldRecipientList *self,
            const char          *piece)
{
  g_autoptr(GPtrArray) words = g_ptr_array_new_with_free_func (g_free);
  const char *p = piece;
  guint i = 0;

  /* Words are separated by any Unicode space (a pasted NBSP too). */
  while (*p != '\0')
    {
      const char *start;

      while (*p != '\0' && g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      if (*p == '\0')
        break;
      start = p;
      while (*p != '\0' && !g_unichar_isspace (g_utf8_get_char (p)))
        p = g_utf8_next_char (p);
      g_ptr_array_add (words, g_strndup (start, p - start));
    }

  while (i < words->len)
    {
      int last = longest_valid_run (self, words, i);
      guint end;

      if (last >= 0)
        {
          g_autofree char *run = join_words (words, i, (guint) last);

          add_entry (self, run);
          i = (guint) last + 1;
          continue;
        }

      /* No number starts here: keep the words up to the next one that
       * starts a number together, as typed. */
      for (end = i + 1; end < words->len; end++)
        if (longest_valid_run (self, words, end) >= 0)
          break;

      {
        g_autofree char *run = join_words (words, i, end - 1);

        add_entry (self, run);
      }
      i = end;
    }
}

static gboolean
is_hard_separator (char c)
{
  return c == '\n' || c == '\r' || c == ',' || c == ';' || c == '\t';
}

static void
reread (HeraldRecipientList *self)
{
  guint old_entries = self->entries->len;
  guint old_valid = self->n_valid;
  guint old_invalid = self->n_invalid;
  guint old_merged = self->n_merged;
  const char *p;

  g_hash_table_remove_all (self->seen);
  g_array_set_size (self->entries, 0);
  self->n_valid = self->n_invalid = self->n_merged = 0;

  p = self->text != NULL ? self->text : "";
  while (*p != '\0')
    {
      const char *end = p;
      g_autofree char *piece = NULL;

      while (*end != '\0' && !is_hard_separator (*end))
        end++;

      piece = g_utf8_make_valid (p, end - p);
      read_piece (self, piece);

      p = *end != '\0' ? end + 1 : end;
    }

  g_object_freeze_notify (G_OBJECT (self));
  if (old_entries != self->entries->len)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_ENTRIES]);
  if (old_valid != self->n_valid)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_VALID]);
  if (old_invalid != self->n_invalid)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_INVALID]);
  if (old_merged != self->n_merged)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MERGED]);
  g_object_thaw_notify (G_OBJECT (self));

  g_signal_emit (self, signals[CHANGED], 0);
}

static void
herald_recipient_list_finalize (GObject *object)
{
  HeraldRecipientList *self = HERALD_RECIPIENT_LIST (object);

  g_clear_pointer (&self->seen, g_hash_table_unref);
  g_clear_pointer (&self->entries, g_array_unref);
  g_clear_pointer (&self->region, g_free);
  g_clear_pointer (&self->text, g_free);

  G_OBJECT_CLASS (herald_recipient_list_parent_class)->finalize (object);
}

static void
herald_recipient_list_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  HeraldRecipientList *self = HERALD_RECIPIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;
    case PROP_FLAGS:
      g_value_set_uint (value, self->flags);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    case PROP_N_ENTRIES:
      g_value_set_uint (value, self->entries->len);
      break;
    case PROP_N_VALID:
      g_value_set_uint (value, self->n_valid);
      break;
    case PROP_N_INVALID:
      g_value_set_uint (value, self->n_invalid);
      break;
    case PROP_N_MERGED:
      g_value_set_uint (value, self->n_merged);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_recipient_list_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  HeraldRecipientList *self = HERALD_RECIPIENT_LIST (object);

  switch (prop_id)
    {
    case PROP_REGION:
      herald_recipient_list_set_region (self, g_value_get_string (value));
      break;
    case PROP_FLAGS:
      herald_recipient_list_set_flags (self, g_value_get_uint (value));
      break;
    case PROP_TEXT:
      herald_recipient_list_set_text (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_recipient_list_class_init (HeraldRecipientListClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_recipient_list_finalize;
  object_class->get_property = herald_recipient_list_get_property;
  object_class->set_property = herald_recipient_list_set_property;

  properties[PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_FLAGS] =
    g_param_spec_uint ("flags", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_ENTRIES] =
    g_param_spec_uint ("n-entries", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_VALID] =
    g_param_spec_uint ("n-valid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_INVALID] =
    g_param_spec_uint ("n-invalid", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MERGED] =
    g_param_spec_uint ("n-merged", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  signals[CHANGED] =
    g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
herald_recipient_list_init (HeraldRecipientList *self)
{
  self->entries = g_array_new (FALSE, TRUE, sizeof (Entry));
  g_array_set_clear_func (self->entries, entry_clear);
  self->seen = g_hash_table_new (g_str_hash, g_str_equal);
}

HeraldRecipientList *
herald_recipient_list_new (const char             *region,
                           HeraldPhoneNumberFlags  flags)
{
  return g_object_new (HERALD_TYPE_RECIPIENT_LIST,
                       "region", region,
                       "flags", (guint) flags,
                       NULL);
}

void
herald_recipient_list_set_text (HeraldRecipientList *self,
                                const char          *text)
{
  g_return_if_fail (HERALD_IS_RECIPIENT_LIST (self));

  if (g_strcmp0 (self->text, text) == 0)
    return;

  g_free (self->text);
  self->text = g_strdup (text);
  reread (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TEXT]);
}

const char *
herald_recipient_list_get_text (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), NULL);

  return self->text;
}

void
herald_recipient_list_set_region (HeraldRecipientList *self,
                                  const char          *region)
{
  g_return_if_fail (HERALD_IS_RECIPIENT_LIST (self));

  if (g_strcmp0 (self->region, region) == 0)
    return;

  g_free (self->region);
  self->region = g_strdup (region);
  reread (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REGION]);
}

const char *
herald_recipient_list_get_region (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), NULL);

  return self->region;
}

void
herald_recipient_list_set_flags (HeraldRecipientList    *self,
                                 HeraldPhoneNumberFlags  flags)
{
  g_return_if_fail (HERALD_IS_RECIPIENT_LIST (self));

  if (self->flags == flags)
    return;

  self->flags = flags;
  reread (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_FLAGS]);
}

HeraldPhoneNumberFlags
herald_recipient_list_get_flags (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), HERALD_PHONE_NUMBER_FLAGS_NONE);

  return self->flags;
}

guint
herald_recipient_list_get_n_entries (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), 0);

  return self->entries->len;
}

guint
herald_recipient_list_get_n_valid (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), 0);

  return self->n_valid;
}

guint
herald_recipient_list_get_n_invalid (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), 0);

  return self->n_invalid;
}

guint
herald_recipient_list_get_n_merged (HeraldRecipientList *self)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), 0);

  return self->n_merged;
}

static Entry *
get_entry (HeraldRecipientList *self,
           guint                index)
{
  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), NULL);
  g_return_val_if_fail (index < self->entries->len, NULL);

  return &g_array_index (self->entries, Entry, index);
}

const char *
herald_recipient_list_get_input (HeraldRecipientList *self,
                                 guint                index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->input : NULL;
}

const char *
herald_recipient_list_get_number (HeraldRecipientList *self,
                                  guint                index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL && entry->number != NULL ? herald_phone_number_get_e164 (entry->number) : NULL;
}

const char *
herald_recipient_list_get_display (HeraldRecipientList *self,
                                   guint                index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL && entry->number != NULL ? herald_phone_number_get_international (entry->number)
                                                : NULL;
}

const char *
herald_recipient_list_get_reason (HeraldRecipientList *self,
                                  guint                index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->reason : NULL;
}

const char *
herald_recipient_list_get_message (HeraldRecipientList *self,
                                   guint                index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->message : NULL;
}

guint
herald_recipient_list_get_duplicates (HeraldRecipientList *self,
                                      guint                index)
{
  Entry *entry = get_entry (self, index);

  return entry != NULL ? entry->duplicates : 0;
}

char **
herald_recipient_list_dup_numbers (HeraldRecipientList *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_return_val_if_fail (HERALD_IS_RECIPIENT_LIST (self), NULL);

  for (guint i = 0; i < self->entries->len; i++)
    {
      Entry *entry = &g_array_index (self->entries, Entry, i);

      if (entry->number != NULL)
        g_strv_builder_add (builder, herald_phone_number_get_e164 (entry->number));
    }

  return g_strv_builder_end (builder);
}
