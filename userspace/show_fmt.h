/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The lines of `wpv show`: a station from the module's dump, merged with
 * its charging session from the agent's sessions file when it has one.
 */
#ifndef _WPV_SHOW_FMT_H
#define _WPV_SHOW_FMT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "sessions.h"
#include "wpv.h"

void wpv_show_text_header(FILE *f);
void wpv_show_text(FILE *f, const struct wpv_sta_msg *s,
		   const struct wpv_session_info *sess, int64_t now);
void wpv_show_json(FILE *f, const struct wpv_sta_msg *s,
		   const struct wpv_session_info *sess, int64_t now,
		   bool first);

#endif /* _WPV_SHOW_FMT_H */
