/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* How a dialect answers an interface call (HeraldProvider and the
 * capabilities) with one call of its own client: the client's finish
 * function, the conversion of its answer into the interface's value, and
 * how to free each side. The dialect starts the client's call with
 * herald_client_adapter_done as the callback and herald_client_adapter_task()
 * (or _answer()) as its data; the task (the provider its source object) is answered with
 * the converted value, or with the client's error. */
typedef struct
{
  /* One of the two: the client's finish for a value, or for a yes/no. */
  gpointer (*finish)         (gpointer client, GAsyncResult *result, GError **error);
  gboolean (*finish_boolean) (gpointer client, GAsyncResult *result, GError **error);
  /* The task's pointer made from the client's value (with finish_boolean:
   * from NULL; none: the task answers TRUE); or, for the interface calls
   * that answer an int, @convert_int. */
  gpointer (*convert)        (gconstpointer value);
  gssize   (*convert_int)    (gconstpointer value);
  GDestroyNotify value_free;    /* of what the client returned */
  GDestroyNotify result_free;   /* of what @convert returns */
} HeraldClientAdapter;

/* A pointer answer; an int one; a yes/no (TRUE, or @convert (NULL)). The
 * casts are the usual GLib ones of a typed function to a generic one. */
#define HERALD_CLIENT_ADAPTER(client_finish, convert_func, value_free_func, result_free_func) \
  { .finish = (gpointer (*) (gpointer, GAsyncResult *, GError **)) (client_finish), \
    .convert = (convert_func), .value_free = (GDestroyNotify) (value_free_func), \
    .result_free = (GDestroyNotify) (result_free_func) }
#define HERALD_CLIENT_ADAPTER_INT(client_finish, convert_func, value_free_func) \
  { .finish = (gpointer (*) (gpointer, GAsyncResult *, GError **)) (client_finish), \
    .convert_int = (convert_func), .value_free = (GDestroyNotify) (value_free_func) }
#define HERALD_CLIENT_ADAPTER_BOOLEAN(client_finish, convert_func, result_free_func) \
  { .finish_boolean = (gboolean (*) (gpointer, GAsyncResult *, GError **)) (client_finish), \
    .convert = (convert_func), .result_free = (GDestroyNotify) (result_free_func) }

/* The task an interface call of @provider answers through; its source tag
 * is @adapter. */
GTask *herald_client_adapter_task (gpointer                   provider,
                                   const HeraldClientAdapter *adapter,
                                   GCancellable              *cancellable,
                                   GAsyncReadyCallback        callback,
                                   gpointer                   user_data);
/* The same for a task already made (a capability's): returns @task, whose
 * source tag becomes @adapter. */
GTask *herald_client_adapter_answer (GTask                     *task,
                                     const HeraldClientAdapter *adapter);
/* The client's callback: @user_data is herald_client_adapter_task()'s task. */
void   herald_client_adapter_done (GObject                   *client,
                                   GAsyncResult              *result,
                                   gpointer                   user_data);

G_END_DECLS
