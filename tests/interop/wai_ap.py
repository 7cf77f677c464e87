#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""A stand-in for the AP side of the signature exchange, for tests.

  wai_ap.py IFACE AP_NONCE_HEX BODY_OUT
      Send one signature verification request (to the all-zero address,
      as on the loopback interface), wait for the answer and write its
      body (after the WAI header) to BODY_OUT.

  wai_ap.py --other IFACE AP_NONCE_HEX
      Send a request naming another station (02:00:00:00:09:00) and
      succeed only if nothing answers within a second.

  wai_ap.py --split PACKET AP_NONCE_HEX TRANSCRIPT_OUT SIG_OUT
      Take a recorded answer (whole WAI packet) apart: rebuild the
      transcript independently of wpv, with AP address and BSSID
      00:00:00:00:00:00, and write the signature as DER for openssl.

Written from the layouts in include/uapi/linux/wapi_preview.h.
"""
import socket
import struct
import sys

ETH_P_WAI = 0x88B4
SIG_REQ, SIG_RESP = 0x20, 0x21
LABEL = b"wapi-preview signature v1"
ZERO = bytes(6)


def wai_header(subtype, body_len, seq):
    return struct.pack(">HBBHHHBB", 1, 1, subtype, 0, 12 + body_len, seq,
                       0, 0)


def ask(iface, nonce, out, sta=ZERO, timeout=3):
    s = socket.socket(socket.AF_PACKET, socket.SOCK_DGRAM,
                      socket.htons(ETH_P_WAI))
    s.bind((iface, ETH_P_WAI))
    s.settimeout(timeout)
    body = b"\x00" + ZERO + sta + nonce
    s.sendto(wai_header(SIG_REQ, len(body), 1) + body,
             (iface, ETH_P_WAI, 0, 0, ZERO))
    while True:
        try:
            pkt, addr = s.recvfrom(8192)
        except socket.timeout:
            if out is None:
                return 0
            raise
        if addr[2] == socket.PACKET_OUTGOING or len(pkt) < 12:
            continue
        if pkt[3] == SIG_RESP:
            if out is None:
                sys.exit("answered a request naming another station")
            open(out, "wb").write(pkt[12:])
            return 0


def der_int(b):
    b = b.lstrip(b"\x00") or b"\x00"
    if b[0] & 0x80:
        b = b"\x00" + b
    return b"\x02" + bytes([len(b)]) + b


def split(packet, nonce, t_out, sig_out):
    body = open(packet, "rb").read()[12:]
    sta = body[7:13]
    echoed, sta_nonce = body[13:45], body[45:77]
    if echoed != nonce:
        sys.exit("recorded answer echoes another nonce")
    p = 77 + 3                                  # attribute type, length
    id_len = struct.unpack(">H", body[p + 2:p + 4])[0]
    p += 4 + id_len
    alg_len = struct.unpack(">H", body[p:p + 2])[0]
    p += 2 + alg_len
    val_len = struct.unpack(">H", body[p:p + 2])[0]
    rs = body[p + 2:p + 2 + val_len]
    half = val_len // 2
    seq = der_int(rs[:half]) + der_int(rs[half:])
    open(sig_out, "wb").write(b"\x30" + bytes([len(seq)]) + seq)
    open(t_out, "wb").write(LABEL + ZERO + sta + ZERO + nonce + sta_nonce)
    return 0


def main(argv):
    if len(argv) == 6 and argv[1] == "--split":
        return split(argv[2], bytes.fromhex(argv[3]), argv[4], argv[5])
    if len(argv) == 4 and argv[1] == "--other":
        return ask(argv[2], bytes.fromhex(argv[3]), None,
                   bytes.fromhex("020000000900"), 1)
    if len(argv) == 4:
        return ask(argv[1], bytes.fromhex(argv[2]), argv[3])
    sys.exit(__doc__)


if __name__ == "__main__":
    sys.exit(main(sys.argv))
