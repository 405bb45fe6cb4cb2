#!/usr/bin/env python3
"""Records what a real QEMU VNC server sends to a client, for the vnc_server_messages
fuzz target's seed corpus (fuzz/corpus/vnc_server_messages).

Starts `qemu-system-x86_64 -machine none -nodefaults -display none -S` with its VNC
display on a UNIX socket (as tests/console/QemuVncDisplay does), speaks the client side
of RFB 3.8 the way Crossvirt's VncProtocolRun does (security None, shared ClientInit,
its 32-bit pixel format, a full update request, then incremental ones) and writes every
byte the server sent, from its "RFB 003.008\\n" on, to OUT.

Usage: fuzz/record-qemu-vnc.py OUT [--encoding NAME] [--password] [--tls-anon]
  --encoding   the encoding offered first: tight, zrle, hextile, zlib, raw (default tight)
  --password   QEMU asks for a VNC password: the recording ends with its challenge
  --tls-anon   QEMU offers VeNCrypt with anonymous TLS: it ends where TLS would start
"""
import argparse
import os
import socket
import struct
import subprocess
import sys
import tempfile
import time

ENCODINGS = {"raw": 0, "copyrect": 1, "hextile": 5, "zlib": 6, "tight": 7, "zrle": 16}
COMPRESS_LEVEL_6 = 0xFFFFFF00 + 6  # rfbEncodingCompressLevel0 + 6
NEW_FB_SIZE = 0xFFFFFF21
LAST_RECT = 0xFFFFFF20


class Recorder:
    def __init__(self, sock):
        self.sock = sock
        self.data = bytearray()

    def read(self, n):
        out = bytearray()
        while len(out) < n:
            chunk = self.sock.recv(n - len(out))
            if not chunk:
                raise EOFError("server closed the connection")
            out += chunk
        self.data += out
        return bytes(out)

    def drain(self, seconds):
        """Everything the server sends within `seconds` (updates, in whatever framing)."""
        end = time.monotonic() + seconds
        while (left := end - time.monotonic()) > 0:
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except socket.timeout:
                break
            if not chunk:
                break
            self.data += chunk


def pixel_format():
    # 32 bpp, depth 24, little endian, true colour, max 255, shifts 16/8/0 (Format_RGB32).
    return struct.pack(">BBBBHHHBBB3x", 32, 24, 0, 1, 255, 255, 255, 16, 8, 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--encoding", default="tight", choices=sorted(ENCODINGS))
    parser.add_argument("--password", action="store_true")
    parser.add_argument("--tls-anon", action="store_true")
    parser.add_argument("--seconds", type=float, default=1.5)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="crossvirt-vnc-rec-") as tmp:
        path = os.path.join(tmp, "vnc.sock")
        vnc = "unix:" + path
        qemu = ["qemu-system-x86_64", "-machine", "none", "-nodefaults", "-display", "none", "-S"]
        if args.password:
            qemu += ["-object", "secret,id=vncpw,data=fuzzseed"]
            vnc += ",password-secret=vncpw"
        if args.tls_anon:
            qemu += ["-object", "tls-creds-anon,id=vnctls,endpoint=server"]
            vnc += ",tls-creds=vnctls"
        proc = subprocess.Popen(qemu + ["-vnc", vnc], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE)
        try:
            sock = None
            for _ in range(300):
                if proc.poll() is not None:
                    sys.exit("qemu exited: " + proc.stderr.read().decode(errors="replace"))
                try:
                    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
                    sock.connect(path)
                    break
                except OSError:
                    sock.close()
                    sock = None
                    time.sleep(0.05)
            if sock is None:
                sys.exit("QEMU's VNC socket did not appear")
            rec = Recorder(sock)
            rec.read(12)  # "RFB 003.008\n"
            sock.sendall(b"RFB 003.008\n")
            (count,) = struct.unpack("B", rec.read(1))
            types = list(rec.read(count))
            if args.tls_anon:
                if 19 not in types:
                    sys.exit("no VeNCrypt offered: %r" % types)
                sock.sendall(bytes([19]))
                rec.read(2)  # VeNCrypt version 0.2
                sock.sendall(bytes([0, 2]))
                rec.read(1)  # ack
                (subcount,) = struct.unpack("B", rec.read(1))
                subtypes = struct.unpack(">%dI" % subcount, rec.read(4 * subcount))
                sock.sendall(struct.pack(">I", subtypes[0]))
                rec.read(1)  # accepted: TLS would start here
            elif args.password:
                sock.sendall(bytes([2]))
                rec.read(16)  # the challenge; the fuzzed client has no password to answer
            else:
                sock.sendall(bytes([1]))
                rec.read(4)  # SecurityResult OK
                sock.sendall(bytes([1]))  # ClientInit: shared
                head = rec.read(24)
                (name_len,) = struct.unpack(">I", head[20:24])
                rec.read(name_len)
                sock.sendall(bytes([0, 0, 0, 0]) + pixel_format())
                encodings = [ENCODINGS[args.encoding], COMPRESS_LEVEL_6, NEW_FB_SIZE, LAST_RECT]
                sock.sendall(struct.pack(">BxH%dI" % len(encodings), 2, len(encodings),
                                         *encodings))
                width, height = struct.unpack(">HH", head[0:4])
                sock.sendall(struct.pack(">BBHHHH", 3, 0, 0, 0, width, height))
                rec.drain(args.seconds / 2)
                sock.sendall(struct.pack(">BBHHHH", 3, 1, 0, 0, width, height))
                rec.drain(args.seconds / 2)
            sock.close()
        finally:
            proc.terminate()
            proc.wait()
    with open(args.out, "wb") as f:
        f.write(rec.data)
    print("%s: %d bytes" % (args.out, len(rec.data)))


if __name__ == "__main__":
    main()
