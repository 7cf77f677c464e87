#!/bin/bash
# Build the guest's initramfs from the host's Debian packages: busybox,
# the kernel's own modules (with modules.dep), hostapd, wpa_supplicant,
# iw, iproute2, capture tools, the freshly built wapi_preview.ko and wpv,
# and the scenario scripts.
#
# usage: build-initramfs.sh KVER OUT.cpio.gz
set -euo pipefail

KVER=$1
OUT=$2
TOP=$(cd "$(dirname "$0")/../.." && pwd)
STAGE=$(mktemp -d)
chmod 755 "$STAGE"
trap 'rm -rf "$STAGE"' EXIT

MODDIR=/lib/modules/$KVER
[ -d "$MODDIR/kernel" ] || { echo "no modules for $KVER in $MODDIR" >&2; exit 1; }

# Dynamic programs the scenarios use, copied with their libraries.
PROGS="
/usr/sbin/hostapd /usr/sbin/hostapd_cli /usr/sbin/wpa_supplicant
/usr/sbin/wpa_cli /usr/sbin/iw /usr/sbin/ip /usr/sbin/modprobe
/usr/sbin/rmmod /usr/sbin/insmod /usr/sbin/lsmod /usr/sbin/nft
/usr/bin/tcpdump /usr/bin/socat /usr/bin/setpriv /usr/sbin/bridge
/usr/bin/sha256sum /usr/bin/timeout /usr/bin/openssl
/usr/sbin/freeradius
"

# Data the programs above read (FreeRADIUS modules and dictionaries,
# OpenSSL's legacy provider, which FreeRADIUS loads, radcli's dictionary,
# /etc/services for radcli's port names),
# copied as they are.
EXTRA_FILES="
/usr/lib/freeradius/libfreeradius-server.so
/usr/lib/freeradius/libfreeradius-radius.so
/usr/lib/freeradius/rlm_detail.so
/usr/lib/x86_64-linux-gnu/ossl-modules/legacy.so
/usr/share/freeradius /etc/radcli/dictionary /etc/services
"

# copy_with_libs SRC [DEST]: install a program and the libraries it needs.
copy_with_libs() {
	local f=$1 dest=${2:-$1} lib
	install -D -m 0755 "$f" "$STAGE$dest"
	for lib in $(ldd "$f" 2>/dev/null | grep -o '/[^ ]*'); do
		[ -e "$STAGE$lib" ] || install -D "$lib" "$STAGE$lib"
	done
}

# The merged-/usr layout of Debian 12, so that /sbin/modprobe (which the
# kernel runs to load crypto modules on demand) is the real one.
mkdir -p "$STAGE"/{usr/bin,usr/sbin,usr/lib,usr/lib64,proc,sys,dev,run,tmp,etc,root,var}
for d in bin sbin lib lib64; do
	ln -s "usr/$d" "$STAGE/$d"
done
ln -s ../run "$STAGE/var/run"
ln -s ../tmp "$STAGE/var/tmp"

install -m 0755 /bin/busybox "$STAGE/bin/busybox"
for p in $PROGS; do
	copy_with_libs "$p"
done

for f in $EXTRA_FILES; do
	mkdir -p "$STAGE$(dirname "$f")"
	cp -a "$f" "$STAGE$f"
done

# Busybox applets for everything not provided by a real program above.
for applet in $("$STAGE/bin/busybox" --list-full); do
	[ -e "$STAGE/$applet" ] && continue
	name=$(basename "$applet")
	for d in usr/bin usr/sbin; do
		[ -e "$STAGE/$d/$name" ] && continue 2
	done
	ln -s /bin/busybox "$STAGE/$applet"
done

# Kernel modules: wireless, netfilter, bridge, crypto and what they need.
for d in crypto lib arch/x86/crypto net/wireless net/mac80211 net/rfkill \
	 net/netfilter net/ipv4/netfilter net/ipv6/netfilter net/bridge \
	 net/802 net/llc drivers/virtio; do
	[ -d "$MODDIR/kernel/$d" ] || continue
	mkdir -p "$STAGE$MODDIR/kernel/$d"
	cp -a "$MODDIR/kernel/$d/." "$STAGE$MODDIR/kernel/$d/"
done
install -D "$MODDIR/kernel/drivers/net/wireless/mac80211_hwsim.ko" \
	"$STAGE$MODDIR/kernel/drivers/net/wireless/mac80211_hwsim.ko"
install -D "$MODDIR/kernel/drivers/net/veth.ko" \
	"$STAGE$MODDIR/kernel/drivers/net/veth.ko"
cp "$MODDIR"/modules.{order,builtin,builtin.modinfo} "$STAGE$MODDIR/" 2>/dev/null || true
depmod -b "$STAGE" "$KVER"

# The project: module, tools, scenarios.
mkdir -p "$STAGE/wpv"
install -m 0644 "$TOP/wapi_preview.ko" "$STAGE/wpv/"
for f in "$TOP"/userspace/wpv "$TOP"/userspace/wpv-*; do
	[ -f "$f" ] && [ -x "$f" ] && copy_with_libs "$f" "/usr/bin/${f##*/}"
done
cp -a "$TOP/tests/vm" "$STAGE/wpv/tests"
[ -d "$TOP/build/vm/extra" ] && cp -a "$TOP/build/vm/extra" "$STAGE/wpv/extra"
install -m 0755 "$TOP/scripts/vm/guest-init" "$STAGE/init"

cat > "$STAGE/etc/passwd" <<EOF
root:x:0:0:root:/root:/bin/sh
nobody:x:65534:65534:nobody:/nonexistent:/bin/false
EOF
cat > "$STAGE/etc/group" <<EOF
root:x:0:
nogroup:x:65534:
EOF
echo "127.0.0.1 localhost" > "$STAGE/etc/hosts"
# OpenSSL looks for its configuration here.
[ -f /usr/lib/ssl/openssl.cnf ] && install -D /usr/lib/ssl/openssl.cnf "$STAGE/usr/lib/ssl/openssl.cnf"

(cd "$STAGE" && find . | cpio -o -H newc --quiet) | gzip -1 > "$OUT"
