/* SPDX-FileCopyrightText: 2026 The Herald authors
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The input side that the CSV and vCard readers share: the stream read in
 * chunks into one buffer, a UTF-8 byte order mark skipped at the start, and a
 * sticky error — a reader that failed keeps failing with the same error, so
 * that a caller looping on next() cannot read past a damaged part. */

#define HERALD_TEXT_INPUT_CHUNK 65536

typedef struct
{
  GInputStream *stream;
  guint8       *buffer;    /* HERALD_TEXT_INPUT_CHUNK bytes */
  gsize         len;       /* bytes in @buffer */
  gsize         pos;       /* the next byte to read */
  gboolean      eof;
  gboolean      started;   /* herald_text_input_start() has run */
  GError       *error;     /* sticky */
} HeraldTextInput;

void          herald_text_input_init   (HeraldTextInput      *input,
                                        GInputStream         *stream);
void          herald_text_input_clear  (HeraldTextInput      *input);

/* @path opened for reading, for the readers' new_for_path(). */
GInputStream *herald_text_input_open   (const char           *path,
                                        GError              **error);

/* Whether the start of the input, @data, holds all that the reader needs to
 * see before it reads (say, a CSV header to guess the separator from). */
typedef gboolean (*HeraldTextInputEnough) (const guint8      *data,
                                           gsize              len,
                                           gpointer           user_data);

/* Before the first read: fills the buffer until it holds the 3 bytes of a
 * byte order mark and @enough (when not NULL) is satisfied, the buffer is
 * full or the input ends; then skips a byte order mark. */
gboolean      herald_text_input_start  (HeraldTextInput      *input,
                                        HeraldTextInputEnough enough,
                                        gpointer              user_data,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* Reads the next chunk once the buffer is used up. TRUE when there is a
 * byte to read or the input has ended (pos == len then). */
gboolean      herald_text_input_fill   (HeraldTextInput      *input,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* The start of every next(): FALSE with @error when the input failed
 * before (the same error again) or @cancellable is cancelled. */
gboolean      herald_text_input_check  (HeraldTextInput      *input,
                                        GCancellable         *cancellable,
                                        GError              **error);

/* A malformed input: the error becomes the sticky one and a copy goes to
 * @error. Returns FALSE. */
gboolean      herald_text_input_fail   (HeraldTextInput      *input,
                                        GError              **error,
                                        GQuark                domain,
                                        int                   code,
                                        const char           *format,
                                        ...) G_GNUC_PRINTF (5, 6);

/* The end of a next() that failed with @failure (taken): it becomes the
 * sticky error unless there is one or @resumable (the reader can go on
 * after it, as after a read cancelled between chunks), and goes to
 * @error. */
void          herald_text_input_failed (HeraldTextInput      *input,
                                        GError               *failure,
                                        gboolean              resumable,
                                        GError              **error);

G_END_DECLS
