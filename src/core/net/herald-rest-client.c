/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-rest"

#include "config.h"

#include "herald-rest-client.h"

typedef struct
{
  HeraldHttpClient *http;
  char             *default_region;
} HeraldRestClientPrivate;

G_DEFINE_TYPE_WITH_PRIVATE (HeraldRestClient, herald_rest_client, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_HTTP_CLIENT,
  PROP_DEFAULT_REGION,
  N_PROPS
};

static GParamSpec *properties [N_PROPS];

static void
herald_rest_client_constructed (GObject *object)
{
  HeraldRestClient *self = HERALD_REST_CLIENT (object);
  HeraldRestClientPrivate *priv = herald_rest_client_get_instance_private (self);

  G_OBJECT_CLASS (herald_rest_client_parent_class)->constructed (object);

  if (priv->default_region == NULL)
    priv->default_region = g_strdup (HERALD_REST_CLIENT_GET_CLASS (self)->default_region);
}

static void
herald_rest_client_finalize (GObject *object)
{
  HeraldRestClientPrivate *priv = herald_rest_client_get_instance_private (HERALD_REST_CLIENT (object));

  g_clear_object (&priv->http);
  g_free (priv->default_region);

  G_OBJECT_CLASS (herald_rest_client_parent_class)->finalize (object);
}

static void
herald_rest_client_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  HeraldRestClientPrivate *priv = herald_rest_client_get_instance_private (HERALD_REST_CLIENT (object));

  switch (prop_id)
    {
    case PROP_HTTP_CLIENT:
      g_value_set_object (value, priv->http);
      break;
    case PROP_DEFAULT_REGION:
      g_value_set_string (value, priv->default_region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_rest_client_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  HeraldRestClient *self = HERALD_REST_CLIENT (object);
  HeraldRestClientPrivate *priv = herald_rest_client_get_instance_private (self);

  switch (prop_id)
    {
    case PROP_HTTP_CLIENT:
      priv->http = g_value_dup_object (value);
      break;
    case PROP_DEFAULT_REGION:
      herald_rest_client_set_default_region (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
herald_rest_client_class_init (HeraldRestClientClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = herald_rest_client_constructed;
  object_class->finalize = herald_rest_client_finalize;
  object_class->get_property = herald_rest_client_get_property;
  object_class->set_property = herald_rest_client_set_property;

  properties [PROP_HTTP_CLIENT] =
    g_param_spec_object ("http-client", NULL, NULL, HERALD_TYPE_HTTP_CLIENT,
                         (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));
  properties [PROP_DEFAULT_REGION] =
    g_param_spec_string ("default-region", NULL, NULL, NULL,
                         (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
herald_rest_client_init (HeraldRestClient *self)
{
}

HeraldHttpClient *
herald_rest_client_get_http_client (HeraldRestClient *self)
{
  HeraldRestClientPrivate *priv;

  g_return_val_if_fail (HERALD_IS_REST_CLIENT (self), NULL);
  priv = herald_rest_client_get_instance_private (self);
  return priv->http;
}

const char *
herald_rest_client_get_default_region (HeraldRestClient *self)
{
  HeraldRestClientPrivate *priv;

  g_return_val_if_fail (HERALD_IS_REST_CLIENT (self), NULL);
  priv = herald_rest_client_get_instance_private (self);
  return priv->default_region;
}

void
herald_rest_client_set_default_region (HeraldRestClient *self,
                                       const char       *region)
{
  HeraldRestClientPrivate *priv;

  g_return_if_fail (HERALD_IS_REST_CLIENT (self));
  priv = herald_rest_client_get_instance_private (self);

  if (region == NULL)
    region = HERALD_REST_CLIENT_GET_CLASS (self)->default_region;
  if (g_strcmp0 (priv->default_region, region) == 0)
    return;

  g_free (priv->default_region);
  priv->default_region = g_strdup (region);
  g_object_notify_by_pspec (G_OBJECT (self), properties [PROP_DEFAULT_REGION]);
}
