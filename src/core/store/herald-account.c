/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-store"

#include "config.h"

#include "herald-account.h"

struct _HeraldAccount
{
  GObject            parent_instance;

  char              *id;
  char              *name;
  char              *base_url;
  char              *region;
  GDateTime         *created_at;
  HeraldDialect      dialect;
  HeraldAccountAuth  auth_style;
};

G_DEFINE_FINAL_TYPE (HeraldAccount, herald_account, G_TYPE_OBJECT)

G_DEFINE_ENUM_TYPE (HeraldAccountAuth, herald_account_auth,
                    G_DEFINE_ENUM_VALUE (HERALD_ACCOUNT_AUTH_BEARER, "bearer"),
                    G_DEFINE_ENUM_VALUE (HERALD_ACCOUNT_AUTH_X_API_KEY, "x-api-key"))

enum {
  PROP_0,
  PROP_ID,
  PROP_NAME,
  PROP_DIALECT,
  PROP_BASE_URL,
  PROP_REGION,
  PROP_AUTH_STYLE,
  PROP_CREATED_AT,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

/* The strings are the database's and the CLI's: never change one. */
static const char * const auth_names[] = {
  [HERALD_ACCOUNT_AUTH_BEARER] = "bearer",
  [HERALD_ACCOUNT_AUTH_X_API_KEY] = "x-api-key",
};

const char *
herald_account_auth_to_string (HeraldAccountAuth auth)
{
  g_return_val_if_fail ((guint) auth < G_N_ELEMENTS (auth_names), NULL);

  return auth_names[auth];
}

gboolean
herald_account_auth_from_string (const char        *string,
                                 HeraldAccountAuth *auth)
{
  g_return_val_if_fail (auth != NULL, FALSE);

  for (guint i = 0; string != NULL && i < G_N_ELEMENTS (auth_names); i++)
    if (g_str_equal (string, auth_names[i]))
      {
        *auth = (HeraldAccountAuth) i;
        return TRUE;
      }

  return FALSE;
}

static void
herald_account_constructed (GObject *object)
{
  HeraldAccount *self = (HeraldAccount *) object;

  G_OBJECT_CLASS (herald_account_parent_class)->constructed (object);

  if (self->id == NULL)
    self->id = g_uuid_string_random ();

  /* Whole seconds: what the database keeps, so that a saved account and
   * the same account read back compare equal. */
  if (self->created_at == NULL)
    self->created_at = g_date_time_new_from_unix_utc (g_get_real_time () / G_USEC_PER_SEC);
}

static void
herald_account_finalize (GObject *object)
{
  HeraldAccount *self = (HeraldAccount *) object;

  g_free (self->id);
  g_free (self->name);
  g_free (self->base_url);
  g_free (self->region);
  g_clear_pointer (&self->created_at, g_date_time_unref);

  G_OBJECT_CLASS (herald_account_parent_class)->finalize (object);
}

static void
herald_account_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  HeraldAccount *self = HERALD_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_string (value, self->id);
      break;

    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;

    case PROP_DIALECT:
      g_value_set_enum (value, self->dialect);
      break;

    case PROP_BASE_URL:
      g_value_set_string (value, self->base_url);
      break;

    case PROP_REGION:
      g_value_set_string (value, self->region);
      break;

    case PROP_AUTH_STYLE:
      g_value_set_enum (value, self->auth_style);
      break;

    case PROP_CREATED_AT:
      g_value_set_boxed (value, self->created_at);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_account_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  HeraldAccount *self = HERALD_ACCOUNT (object);

  switch (prop_id)
    {
    case PROP_ID:
      self->id = g_value_dup_string (value);
      break;

    case PROP_NAME:
      herald_account_set_name (self, g_value_get_string (value));
      break;

    case PROP_DIALECT:
      self->dialect = g_value_get_enum (value);
      break;

    case PROP_BASE_URL:
      herald_account_set_base_url (self, g_value_get_string (value));
      break;

    case PROP_REGION:
      herald_account_set_region (self, g_value_get_string (value));
      break;

    case PROP_AUTH_STYLE:
      herald_account_set_auth_style (self, g_value_get_enum (value));
      break;

    case PROP_CREATED_AT:
      self->created_at = g_value_dup_boxed (value);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_account_class_init (HeraldAccountClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = herald_account_constructed;
  object_class->finalize = herald_account_finalize;
  object_class->get_property = herald_account_get_property;
  object_class->set_property = herald_account_set_property;

  /* NULL at construction: a new random UUID. */
  properties [PROP_ID] =
    g_param_spec_string ("id", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DIALECT] =
    g_param_spec_enum ("dialect", NULL, NULL,
                       HERALD_TYPE_DIALECT, HERALD_DIALECT_FLIXYSMS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_BASE_URL] =
    g_param_spec_string ("base-url", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* Upper-case two-letter region, or NULL for none. */
  properties [PROP_REGION] =
    g_param_spec_string ("region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  properties [PROP_AUTH_STYLE] =
    g_param_spec_enum ("auth-style", NULL, NULL,
                       HERALD_TYPE_ACCOUNT_AUTH, HERALD_ACCOUNT_AUTH_BEARER,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  /* NULL at construction: now. */
  properties [PROP_CREATED_AT] =
    g_param_spec_boxed ("created-at", NULL, NULL, G_TYPE_DATE_TIME,
                        (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_account_init (HeraldAccount *self)
{
}

/**
 * herald_account_new:
 * @dialect: the provider dialect
 * @name: (nullable): the display name
 *
 * Returns: (transfer full): an unsaved account; add it with
 *   herald_account_store_add_async()
 */
HeraldAccount *
herald_account_new (HeraldDialect  dialect,
                    const char    *name)
{
  return g_object_new (HERALD_TYPE_ACCOUNT,
                       "dialect", dialect,
                       "name", name,
                       NULL);
}

/**
 * herald_account_copy:
 *
 * Returns: (transfer full): a new object with the same id and values
 */
HeraldAccount *
herald_account_copy (HeraldAccount *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (self), NULL);

  return g_object_new (HERALD_TYPE_ACCOUNT,
                       "id", self->id,
                       "dialect", self->dialect,
                       "created-at", self->created_at,
                       "name", self->name,
                       "base-url", self->base_url,
                       "region", self->region,
                       "auth-style", self->auth_style,
                       NULL);
}

const char *
herald_account_get_id (HeraldAccount *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (self), NULL);

  return self->id;
}

HeraldDialect
herald_account_get_dialect (HeraldAccount *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (self), HERALD_DIALECT_FLIXYSMS);

  return self->dialect;
}

/**
 * herald_account_get_created_at:
 *
 * Returns: (transfer none): when the account was added, in UTC
 */
GDateTime *
herald_account_get_created_at (HeraldAccount *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (self), NULL);

  return self->created_at;
}

const char *
herald_account_get_name (HeraldAccount *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (self), NULL);

  return self->name;
}

static void
herald_account_set_string (HeraldAccount  *self,
                           char          **field,
                           const char     *value,
                           guint           prop_id)
{
  /* g_set_str () is GLib 2.76, above the baseline. */
  if (g_strcmp0 (*field, value) == 0)
    return;

  g_free (*field);
  *field = g_strdup (value);
  g_object_notify_by_pspec (G_OBJECT (self), properties [prop_id]);
}

void
herald_account_set_name (HeraldAccount *self,
                         const char    *name)
{
  g_return_if_fail (HERALD_IS_ACCOUNT (self));

  herald_account_set_string (self, &self->name, name, PROP_NAME);
}

const char *
herald_account_get_base_url (HeraldAccount *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (self), NULL);

  return self->base_url;
}

void
herald_account_set_base_url (HeraldAccount *self,
                             const char    *base_url)
{
  g_return_if_fail (HERALD_IS_ACCOUNT (self));

  herald_account_set_string (self, &self->base_url, base_url, PROP_BASE_URL);
}

const char *
herald_account_get_region (HeraldAccount *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (self), NULL);

  return self->region;
}

void
herald_account_set_region (HeraldAccount *self,
                           const char    *region)
{
  g_return_if_fail (HERALD_IS_ACCOUNT (self));

  herald_account_set_string (self, &self->region, region, PROP_REGION);
}

HeraldAccountAuth
herald_account_get_auth_style (HeraldAccount *self)
{
  g_return_val_if_fail (HERALD_IS_ACCOUNT (self), HERALD_ACCOUNT_AUTH_BEARER);

  return self->auth_style;
}

void
herald_account_set_auth_style (HeraldAccount     *self,
                               HeraldAccountAuth  auth_style)
{
  g_return_if_fail (HERALD_IS_ACCOUNT (self));

  if (self->auth_style == auth_style)
    return;

  self->auth_style = auth_style;
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_AUTH_STYLE]);
}
