#pragma once

#include "herald-provider.h"

G_BEGIN_DECLS

/* HeraldFlashsmsClient's implementation of HeraldProvider. */
void _herald_flashsms_provider_iface_init (HeraldProviderInterface *iface);

G_END_DECLS
