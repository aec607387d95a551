/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "herald-text-input-private.h"

void
herald_text_input_init (HeraldTextInput *input,
                        GInputStream    *stream)
{
  memset (input, 0, sizeof *input);
  input->stream = g_object_ref (stream);
  input->buffer = g_malloc (HERALD_TEXT_INPUT_CHUNK);
}

void
herald_text_input_clear (HeraldTextInput *input)
{
  g_clear_object (&input->stream);
  g_clear_pointer (&input->buffer, g_free);
  g_clear_error (&input->error);
}

GInputStream *
herald_text_input_open (const char  *path,
                        GError     **error)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);

  return (GInputStream *) g_file_read (file, NULL, error);
}

gboolean
herald_text_input_start (HeraldTextInput        *input,
                         HeraldTextInputEnough   enough,
                         gpointer                user_data,
                         GCancellable           *cancellable,
                         GError                **error)
{
  while (input->len < HERALD_TEXT_INPUT_CHUNK &&
         (input->len < 3 || (enough != NULL && !enough (input->buffer, input->len, user_data))))
    {
      gssize n_read = g_input_stream_read (input->stream, input->buffer + input->len,
                                           HERALD_TEXT_INPUT_CHUNK - input->len, cancellable, error);

      if (n_read < 0)
        return FALSE;
      if (n_read == 0)
        {
          input->eof = TRUE;
          break;
        }
      input->len += n_read;
    }

  input->pos = 0;
  if (input->len >= 3 && memcmp (input->buffer, "\xEF\xBB\xBF", 3) == 0)
    input->pos = 3;
  input->started = TRUE;

  return TRUE;
}

gboolean
herald_text_input_fill (HeraldTextInput  *input,
                        GCancellable     *cancellable,
                        GError          **error)
{
  gssize n_read;

  if (input->pos < input->len || input->eof)
    return TRUE;

  n_read = g_input_stream_read (input->stream, input->buffer, HERALD_TEXT_INPUT_CHUNK, cancellable, error);
  if (n_read < 0)
    return FALSE;

  input->len = n_read;
  input->pos = 0;
  input->eof = n_read == 0;

  return TRUE;
}

gboolean
herald_text_input_check (HeraldTextInput  *input,
                         GCancellable     *cancellable,
                         GError          **error)
{
  if (input->error != NULL)
    {
      g_propagate_error (error, g_error_copy (input->error));
      return FALSE;
    }

  return !g_cancellable_set_error_if_cancelled (cancellable, error);
}

gboolean
herald_text_input_fail (HeraldTextInput  *input,
                        GError          **error,
                        GQuark            domain,
                        int               code,
                        const char       *format,
                        ...)
{
  va_list args;

  va_start (args, format);
  g_clear_error (&input->error);
  input->error = g_error_new_valist (domain, code, format, args);
  va_end (args);

  g_propagate_error (error, g_error_copy (input->error));

  return FALSE;
}

void
herald_text_input_failed (HeraldTextInput  *input,
                          GError           *failure,
                          gboolean          resumable,
                          GError          **error)
{
  if (input->error == NULL && !resumable)
    input->error = g_error_copy (failure);
  g_propagate_error (error, failure);
}
