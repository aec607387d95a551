/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One device bridge per user at a time, whoever hosts it (heraldctl bridge
 * serve, the app): an flock(2) on $XDG_RUNTIME_DIR/herald/bridge.lock, which
 * holds the holder's pid. The lock goes with the process, so a killed
 * bridge never leaves a stale one. */

#define HERALD_BRIDGE_LOCK_ERROR (herald_bridge_lock_error_quark ())

typedef enum
{
  HERALD_BRIDGE_LOCK_ERROR_HELD,     /* another process holds it: the message names its pid */
  HERALD_BRIDGE_LOCK_ERROR_FAILED,   /* the file could not be made or locked */
} HeraldBridgeLockError;

GQuark herald_bridge_lock_error_quark (void);

typedef struct _HeraldBridgeLock HeraldBridgeLock;

/* The lock, held until herald_bridge_lock_release(); NULL with @error. */
HeraldBridgeLock *herald_bridge_lock_acquire  (GError          **error);
/* The pid in the lock file of the bridge that holds it, 0 when none does. */
gint64            herald_bridge_lock_holder   (void);
void              herald_bridge_lock_release  (HeraldBridgeLock *lock);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (HeraldBridgeLock, herald_bridge_lock_release)

G_END_DECLS
