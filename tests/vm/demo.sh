# The demo's story, told on the guest's console.
# timeout: 280

say() { echo; echo ">>> $*"; }
show() { echo "    \$ $*"; "$@" 2>&1 | sed 's/^/    /'; }

say "A Wi-Fi access point (hostapd, WPA2-PSK standing in for WAPI-PSK) on a simulated radio"
radios 1 && start_ap || fail ap "hostapd did not start"
say "A station joins with the shared key (wpa_supplicant in its own network namespace)"
start_sta 1 || fail station "the station did not associate"
show in_sta 1 wpa_cli -p /run/wpa_sta1 -i wlan1 status
say "Traffic flows both ways"
check ping-ap-to-station ping_sta 1
check ping-station-to-ap ping_ap 1

say "Loading wapi_preview.ko and attaching the gate to the AP interface"
check module-loads load_module
check gate-attached wpv iface attach wlan0
show wpv iface list
say "Tunables in /sys/kernel/wapi_preview"
for f in /sys/kernel/wapi_preview/*; do
	printf '    %-22s %s\n' "$(basename "$f")" "$(cat "$f")"
done
say "Traffic still flows through the gate"
check ping-through-gate ping_sta 1 5

say "Unloading the module"
check module-unloads unload_module
check kernel-log-clean kernel_log_clean
say "Done."
