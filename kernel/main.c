// SPDX-License-Identifier: GPL-2.0
/*
 * wapi_preview: preview gating of WAPI-PSK stations on an access point.
 */

#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <net/genetlink.h>

#include "wpv.h"

static int __init wpv_init(void)
{
	int ret;

	ret = wpv_sysfs_init();
	if (ret)
		return ret;

	ret = wpv_netlink_init();
	if (ret)
		goto err_sysfs;

	ret = wpv_agent_init();
	if (ret)
		goto err_netlink;

	ret = wpv_iface_init();
	if (ret)
		goto err_agent;

	pr_info("loaded\n");
	return 0;

err_agent:
	wpv_agent_exit();
err_netlink:
	wpv_netlink_exit();
err_sysfs:
	wpv_sysfs_exit();
	return ret;
}

static void __exit wpv_exit(void)
{
	wpv_iface_exit();
	wpv_agent_exit();
	wpv_netlink_exit();
	wpv_holddown_flush();
	wpv_sysfs_exit();
	pr_info("unloaded\n");
}

module_init(wpv_init);
module_exit(wpv_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Preview gating and WPI for WAPI-PSK stations");
MODULE_AUTHOR("wapi-preview developers");
MODULE_ALIAS_GENL_FAMILY(WPV_GENL_NAME);
