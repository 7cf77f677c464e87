/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The hold-down list (holddown.c).  Times are milliseconds on the
 * module's monotonic clock, wpv_now_ms().
 */
#ifndef _WPV_HOLDDOWN_H
#define _WPV_HOLDDOWN_H

#include <linux/types.h>

#define WPV_HOLD_ADDR_LEN	6

int wpv_holddown_add(const void *ns, int ifindex, const u8 *addr,
		     u64 until_ms);
u64 wpv_holddown_until(const void *ns, int ifindex, const u8 *addr,
		       u64 now_ms);
void wpv_holddown_del(const void *ns, int ifindex, const u8 *addr);
unsigned int wpv_holddown_count(void);
void wpv_holddown_flush(void);

#endif /* _WPV_HOLDDOWN_H */
