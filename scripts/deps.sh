#!/bin/sh
# Install every Debian 12 package the build, the tests and the demo need.
# Safe to run again; does nothing when all are present.
set -e

PKGS="
build-essential pkg-config bc flex bison kmod cpio xz-utils python3 rsync
linux-headers-amd64 linux-image-amd64 linux-source-6.1
libnl-3-dev libnl-genl-3-dev libssl-dev openssl libcmocka-dev
clang libclang-rt-14-dev sparse
qemu-system-x86 busybox-static hostapd wpasupplicant iw iproute2 nftables
tshark tcpdump socat iperf3 util-linux
freeradius freeradius-utils libradcli-dev
"

missing=
for p in $PKGS; do
	dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q '^install ok installed$' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" != 0 ]; then
	echo "deps: need root to install:$missing" >&2
	exit 1
fi
echo "deps: installing:$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -q >/dev/null
# tshark asks whether non-root users may capture; the default (no) is fine.
echo "wireshark-common wireshark-common/install-setuid boolean false" |
	debconf-set-selections
apt-get install -y -q --no-install-recommends $missing >/dev/null
