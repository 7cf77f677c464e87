/* SPDX-License-Identifier: GPL-2.0 */
/*
 * WAPI certificates in the agent: chains checked by the WAPI library
 * against the WAPI CAs and CRLs among the configured ones.
 */
#ifndef _WPV_VERIFY_WAPI_H
#define _WPV_VERIFY_WAPI_H

#include "verify.h"

extern const struct wpv_cert_scheme wpv_wapi_scheme;

#endif /* _WPV_VERIFY_WAPI_H */
