#pragma once

#include "herald-provider.h"

G_BEGIN_DECLS

/* HeraldFlixysmsClient's implementation of HeraldProvider. */
void _herald_flixysms_provider_iface_init (HeraldProviderInterface *iface);

G_END_DECLS
