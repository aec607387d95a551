/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "herald-bridge-lock"
#define _DEFAULT_SOURCE

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include "herald-bridge-lock.h"

G_DEFINE_QUARK (herald-bridge-lock-error-quark, herald_bridge_lock_error)

struct _HeraldBridgeLock
{
  int   fd;
  char *path;
};

static char *
lock_path (void)
{
  return g_build_filename (g_get_user_runtime_dir (), "herald", "bridge.lock", NULL);
}

static gint64
read_pid (int fd)
{
  char text[32] = { 0 };
  ssize_t n = pread (fd, text, sizeof text - 1, 0);
  gint64 pid = 0;

  if (n <= 0)
    return 0;
  text[n] = '\0';
  g_strstrip (text);
  if (!g_ascii_string_to_signed (text, 10, 1, G_MAXINT, &pid, NULL))
    return 0;
  return pid;
}

HeraldBridgeLock *
herald_bridge_lock_acquire (GError **error)
{
  g_autofree char *path = lock_path ();
  g_autofree char *dir = g_path_get_dirname (path);
  g_autofree char *pid = NULL;
  HeraldBridgeLock *lock;
  int fd;

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, HERALD_BRIDGE_LOCK_ERROR, HERALD_BRIDGE_LOCK_ERROR_FAILED,
                   _("The bridge's lock folder %s cannot be made: %s."), dir, g_strerror (saved));
      return NULL;
    }
  fd = g_open (path, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved = errno;

      g_set_error (error, HERALD_BRIDGE_LOCK_ERROR, HERALD_BRIDGE_LOCK_ERROR_FAILED,
                   _("The bridge's lock file %s cannot be opened: %s."), path, g_strerror (saved));
      return NULL;
    }
  if (flock (fd, LOCK_EX | LOCK_NB) != 0)
    {
      int saved = errno;
      gint64 holder = read_pid (fd);

      close (fd);
      if (saved == EWOULDBLOCK)
        {
          if (holder > 0)
            g_set_error (error, HERALD_BRIDGE_LOCK_ERROR, HERALD_BRIDGE_LOCK_ERROR_HELD,
                         _("Another Herald device bridge is running (process %" G_GINT64_FORMAT "); only one "
                           "may run at a time. Stop it first (in the app, or “kill %" G_GINT64_FORMAT "”, or "
                           "“systemctl --user stop herald-bridge”)."), holder, holder);
          else
            g_set_error (error, HERALD_BRIDGE_LOCK_ERROR, HERALD_BRIDGE_LOCK_ERROR_HELD,
                         _("Another Herald device bridge is running; only one may run at a time. Stop it "
                           "first."));
        }
      else
        {
          g_set_error (error, HERALD_BRIDGE_LOCK_ERROR, HERALD_BRIDGE_LOCK_ERROR_FAILED,
                       _("The bridge's lock file %s cannot be locked: %s."), path, g_strerror (saved));
        }
      return NULL;
    }

  pid = g_strdup_printf ("%ld\n", (long) getpid ());
  if (ftruncate (fd, 0) != 0 || pwrite (fd, pid, strlen (pid), 0) != (ssize_t) strlen (pid))
    g_warning ("The bridge's lock file %s does not name this process: %s", path, g_strerror (errno));

  lock = g_new0 (HeraldBridgeLock, 1);
  lock->fd = fd;
  lock->path = g_steal_pointer (&path);
  return lock;
}

gint64
herald_bridge_lock_holder (void)
{
  g_autofree char *path = lock_path ();
  int fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  gint64 pid = 0;

  if (fd < 0)
    return 0;
  if (flock (fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK)
    pid = read_pid (fd);
  close (fd);
  return pid;
}

void
herald_bridge_lock_release (HeraldBridgeLock *lock)
{
  if (lock == NULL)
    return;
  /* Emptied, not removed: removing would race a bridge starting now. */
  if (ftruncate (lock->fd, 0) != 0)
    g_debug ("The lock file %s keeps an old pid", lock->path);
  close (lock->fd);
  g_free (lock->path);
  g_free (lock);
}
