/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-contact"

#include "config.h"

#include <string.h>

#include "herald-contact.h"

typedef struct
{
  char *key;     /* an interned GRefString: thousands of contacts share a few keys */
  char *value;
} Field;

struct _HeraldContact
{
  GObject  parent_instance;

  char    *first_name;
  char    *last_name;
  char    *phone;
  char    *email;
  Field   *fields;   /* in the order they were added */
  guint    n_fields;
};

G_DEFINE_FINAL_TYPE (HeraldContact, herald_contact, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_FIRST_NAME,
  PROP_LAST_NAME,
  PROP_PHONE,
  PROP_EMAIL,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static const char * const standard_keys[] = { "first_name", "last_name", "phone", "email" };

static void
field_clear (gpointer data)
{
  Field *field = data;

  g_ref_string_release (field->key);
  g_free (field->value);
}

static void
herald_contact_finalize (GObject *object)
{
  HeraldContact *self = (HeraldContact *) object;

  g_free (self->first_name);
  g_free (self->last_name);
  g_free (self->phone);
  g_free (self->email);
  for (guint i = 0; i < self->n_fields; i++)
    field_clear (&self->fields[i]);
  g_free (self->fields);

  G_OBJECT_CLASS (herald_contact_parent_class)->finalize (object);
}

static void
herald_contact_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeraldContact *self = HERALD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_FIRST_NAME:
      g_value_set_string (value, self->first_name);
      break;

    case PROP_LAST_NAME:
      g_value_set_string (value, self->last_name);
      break;

    case PROP_PHONE:
      g_value_set_string (value, self->phone);
      break;

    case PROP_EMAIL:
      g_value_set_string (value, self->email);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contact_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeraldContact *self = HERALD_CONTACT (object);

  switch (prop_id)
    {
    case PROP_FIRST_NAME:
      herald_contact_set_first_name (self, g_value_get_string (value));
      break;

    case PROP_LAST_NAME:
      herald_contact_set_last_name (self, g_value_get_string (value));
      break;

    case PROP_PHONE:
      herald_contact_set_phone (self, g_value_get_string (value));
      break;

    case PROP_EMAIL:
      herald_contact_set_email (self, g_value_get_string (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_contact_class_init (HeraldContactClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = herald_contact_finalize;
  object_class->get_property = herald_contact_get_property;
  object_class->set_property = herald_contact_set_property;

  properties [PROP_FIRST_NAME] =
    g_param_spec_string ("first-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_LAST_NAME] =
    g_param_spec_string ("last-name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_PHONE] =
    g_param_spec_string ("phone", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_EMAIL] =
    g_param_spec_string ("email", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_contact_init (HeraldContact *self)
{
}

HeraldContact *
herald_contact_new (void)
{
  return g_object_new (HERALD_TYPE_CONTACT, NULL);
}

static char *
dup_nonempty (const char *value)
{
  return value != NULL && value[0] != '\0' ? g_strdup (value) : NULL;
}

/**
 * herald_contact_new_full:
 * @first_name: (nullable): the first name
 * @last_name: (nullable): the last name
 * @phone: (nullable): the phone number
 * @email: (nullable): the e-mail address
 *
 * Returns: (transfer full): a new contact with these fields
 */
HeraldContact *
herald_contact_new_full (const char *first_name,
                         const char *last_name,
                         const char *phone,
                         const char *email)
{
  HeraldContact *self = g_object_new (HERALD_TYPE_CONTACT, NULL);

  /* Set directly: nobody can be listening yet, and an import makes
   * thousands of these. */
  self->first_name = dup_nonempty (first_name);
  self->last_name = dup_nonempty (last_name);
  self->phone = dup_nonempty (phone);
  self->email = dup_nonempty (email);

  return self;
}

/* "" is stored as NULL, so that an empty cell and a missing one agree. */
static void
set_string (HeraldContact *self,
            char         **slot,
            const char    *value,
            GParamSpec    *pspec)
{
  if (value != NULL && value[0] == '\0')
    value = NULL;

  if (g_strcmp0 (*slot, value) == 0)
    return;

  g_free (*slot);
  *slot = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

const char *
herald_contact_get_first_name (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->first_name;
}

void
herald_contact_set_first_name (HeraldContact *self,
                               const char    *first_name)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  set_string (self, &self->first_name, first_name, properties [PROP_FIRST_NAME]);
}

const char *
herald_contact_get_last_name (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->last_name;
}

void
herald_contact_set_last_name (HeraldContact *self,
                              const char    *last_name)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  set_string (self, &self->last_name, last_name, properties [PROP_LAST_NAME]);
}

/**
 * herald_contact_get_phone:
 * @self: a #HeraldContact
 *
 * Returns: (nullable): the phone number; in E.164 for imported contacts
 */
const char *
herald_contact_get_phone (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->phone;
}

void
herald_contact_set_phone (HeraldContact *self,
                          const char    *phone)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  set_string (self, &self->phone, phone, properties [PROP_PHONE]);
}

const char *
herald_contact_get_email (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  return self->email;
}

void
herald_contact_set_email (HeraldContact *self,
                          const char    *email)
{
  g_return_if_fail (HERALD_IS_CONTACT (self));

  set_string (self, &self->email, email, properties [PROP_EMAIL]);
}

/**
 * herald_contact_dup_display_name:
 * @self: a #HeraldContact
 *
 * Returns: (transfer full): "first last", whichever of the two is set, or
 *   else the phone number, or else ""
 */
char *
herald_contact_dup_display_name (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);

  if (self->first_name != NULL && self->last_name != NULL)
    return g_strconcat (self->first_name, " ", self->last_name, NULL);
  if (self->first_name != NULL || self->last_name != NULL)
    return g_strdup (self->first_name != NULL ? self->first_name : self->last_name);

  return g_strdup (self->phone != NULL ? self->phone : "");
}

guint
herald_contact_get_n_fields (HeraldContact *self)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), 0);

  return self->n_fields;
}

const char *
herald_contact_get_field_key (HeraldContact *self,
                              guint          position)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);
  g_return_val_if_fail (position < herald_contact_get_n_fields (self), NULL);

  return self->fields[position].key;
}

const char *
herald_contact_get_field_value (HeraldContact *self,
                                guint          position)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);
  g_return_val_if_fail (position < herald_contact_get_n_fields (self), NULL);

  return self->fields[position].value;
}

static Field *
find_field (HeraldContact *self,
            const char    *key,
            guint         *position)
{
  /* Contacts have a handful of fields: a scan beats a hash table. */
  for (guint i = 0; i < self->n_fields; i++)
    {
      Field *field = &self->fields[i];

      if (strcmp (field->key, key) == 0)
        {
          if (position != NULL)
            *position = i;
          return field;
        }
    }

  return NULL;
}

/**
 * herald_contact_get_field:
 * @self: a #HeraldContact
 * @key: a custom key
 *
 * Returns: (nullable): the value of the custom field @key
 */
const char *
herald_contact_get_field (HeraldContact *self,
                          const char    *key)
{
  Field *field;

  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  field = find_field (self, key, NULL);

  return field != NULL ? field->value : NULL;
}

/**
 * herald_contact_set_field:
 * @self: a #HeraldContact
 * @key: a custom key: herald_contact_is_valid_key() and not a standard one
 * @value: (nullable): its value; %NULL or "" removes the field
 *
 * Sets a custom field, keeping its place if it exists and adding it at the
 * end if not.
 */
void
herald_contact_set_field (HeraldContact *self,
                          const char    *key,
                          const char    *value)
{
  Field *field;
  guint position;

  g_return_if_fail (HERALD_IS_CONTACT (self));
  g_return_if_fail (herald_contact_is_valid_key (key));
  g_return_if_fail (!herald_contact_is_standard_key (key));

  field = find_field (self, key, &position);

  if (value == NULL || value[0] == '\0')
    {
      if (field != NULL)
        {
          field_clear (field);
          memmove (field, field + 1, (self->n_fields - position - 1) * sizeof (Field));
          self->n_fields--;
        }
      return;
    }

  if (field != NULL)
    {
      g_free (field->value);
      field->value = g_strdup (value);
      return;
    }

  /* Grown four at a time: one allocation for a typical contact. */
  if (self->n_fields % 4 == 0)
    self->fields = g_renew (Field, self->fields, self->n_fields + 4);

  self->fields[self->n_fields++] = (Field) { g_ref_string_new_intern (key), g_strdup (value) };
}

/**
 * herald_contact_lookup:
 * @self: a #HeraldContact
 * @key: "first_name", "last_name", "phone", "email" or a custom key
 *
 * What a template's {{key}} stands for.
 *
 * Returns: (nullable): the value, or %NULL if @self has none for @key
 */
const char *
herald_contact_lookup (HeraldContact *self,
                       const char    *key)
{
  g_return_val_if_fail (HERALD_IS_CONTACT (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  if (strcmp (key, "first_name") == 0)
    return self->first_name;
  if (strcmp (key, "last_name") == 0)
    return self->last_name;
  if (strcmp (key, "phone") == 0)
    return self->phone;
  if (strcmp (key, "email") == 0)
    return self->email;

  return herald_contact_get_field (self, key);
}

/**
 * herald_contact_equal:
 * @a: a #HeraldContact
 * @b: a #HeraldContact
 *
 * Returns: whether @a and @b hold the same values, custom fields compared
 *   whatever their order
 */
gboolean
herald_contact_equal (HeraldContact *a,
                      HeraldContact *b)
{
  guint n;

  g_return_val_if_fail (HERALD_IS_CONTACT (a), FALSE);
  g_return_val_if_fail (HERALD_IS_CONTACT (b), FALSE);

  if (g_strcmp0 (a->first_name, b->first_name) != 0 ||
      g_strcmp0 (a->last_name, b->last_name) != 0 ||
      g_strcmp0 (a->phone, b->phone) != 0 ||
      g_strcmp0 (a->email, b->email) != 0)
    return FALSE;

  n = herald_contact_get_n_fields (a);
  if (n != herald_contact_get_n_fields (b))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      Field *field = &a->fields[i];

      if (g_strcmp0 (field->value, herald_contact_get_field (b, field->key)) != 0)
        return FALSE;
    }

  return TRUE;
}

/**
 * herald_contact_is_standard_key:
 * @key: a key
 *
 * Returns: whether @key names one of the four standard fields
 */
gboolean
herald_contact_is_standard_key (const char *key)
{
  g_return_val_if_fail (key != NULL, FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (standard_keys); i++)
    if (strcmp (key, standard_keys[i]) == 0)
      return TRUE;

  return FALSE;
}

/**
 * herald_contact_normalize_key:
 * @text: a column header or a name a person gave
 *
 * Turns @text into a key: letters and digits (of any script, with their
 * combining marks) in lower case, each run of anything else one '_', none at either end. "Loyalty
 * Tier" gives "loyalty_tier", "E-mail 2" gives "e_mail_2".
 *
 * Returns: (transfer full) (nullable): the key, or %NULL if @text has no
 *   letter or digit (or is not UTF-8)
 */
char *
herald_contact_normalize_key (const char *text)
{
  g_autoptr(GString) key = NULL;
  gboolean pending_underscore = FALSE;

  g_return_val_if_fail (text != NULL, NULL);

  if (!g_utf8_validate (text, -1, NULL))
    return NULL;

  key = g_string_sized_new (strlen (text));

  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar ch = g_utf8_get_char (p);

      /* Combining marks belong to the letter before them (a decomposed é). */
      if (!g_unichar_isalnum (ch) && !(g_unichar_ismark (ch) && key->len > 0 && !pending_underscore))
        {
          pending_underscore = key->len > 0;
          continue;
        }

      if (pending_underscore)
        g_string_append_c (key, '_');
      pending_underscore = FALSE;

      if (ch < 0x80)
        g_string_append_c (key, g_ascii_tolower ((char) ch));
      else
        g_string_append_unichar (key, g_unichar_tolower (ch));
    }

  if (key->len == 0)
    return NULL;

  return g_string_free (g_steal_pointer (&key), FALSE);
}

/**
 * herald_contact_is_valid_key:
 * @key: (nullable): a key
 *
 * Returns: whether @key is what herald_contact_normalize_key() makes
 */
gboolean
herald_contact_is_valid_key (const char *key)
{
  g_autofree char *normalized = NULL;
  const char *p;

  if (key == NULL || key[0] == '\0' || key[0] == '_')
    return FALSE;

  /* The common case, ASCII, without allocating: lower-case letters and
   * digits, single underscores between them. */
  for (p = key; *p != '\0'; p++)
    {
      if (g_ascii_islower (*p) || g_ascii_isdigit (*p))
        continue;
      if (*p == '_' && p[1] != '_' && p[1] != '\0')
        continue;
      break;
    }
  if (*p == '\0')
    return TRUE;
  if ((guchar) *p < 0x80)
    return FALSE;

  normalized = herald_contact_normalize_key (key);

  return g_strcmp0 (normalized, key) == 0;
}
