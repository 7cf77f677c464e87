# The module loads beside a real AP and station, attaches, shows itself in
# sysfs and over netlink, and unloads leaving nothing behind.
# timeout: 120

radios 1 && start_ap && start_sta 1 || fail setup "AP or station did not come up"

check station-associated sta_wait_assoc 1
check traffic-sta-to-ap ping_ap 1
check traffic-ap-to-sta ping_sta 1

check module-loads load_module
check sysfs-directory test -d /sys/kernel/wapi_preview
check sysfs-default-readable grep -qx 1048576 /sys/kernel/wapi_preview/preview_bytes
check sysfs-write-valid sh -c 'echo 65536 > /sys/kernel/wapi_preview/preview_bytes'
check sysfs-write-readback grep -qx 65536 /sys/kernel/wapi_preview/preview_bytes
check sysfs-write-out-of-range-refused sh -c '! echo 101 > /sys/kernel/wapi_preview/jitter_pct'
check sysfs-write-garbage-refused sh -c '! echo abc > /sys/kernel/wapi_preview/retry_ms'

check netlink-attach wpv iface attach wlan0
check netlink-attach-twice-refused sh -c '! wpv iface attach wlan0'
check netlink-non-ap-refused sh -c '! wpv iface attach lo'
check netlink-list-shows-wlan0 sh -c 'wpv iface list | grep -q "^wlan0 "'
check netlink-list-json sh -c 'wpv iface list --json | grep -q "\"ifname\":\"wlan0\""'
check traffic-with-gate-sta-to-ap ping_ap 1
check traffic-with-gate-ap-to-sta ping_sta 1
check netlink-detach wpv iface detach wlan0
check netlink-attach-again wpv iface attach wlan0

check module-unloads unload_module
check sysfs-gone test ! -e /sys/kernel/wapi_preview
check netlink-family-gone sh -c '! wpv iface list 2>/dev/null'
check traffic-after-unload ping_ap 1
check module-reloads sh -c 'insmod /wpv/wapi_preview.ko && rmmod wapi_preview'
