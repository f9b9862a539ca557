"""A small client of the Chrome DevTools Protocol over a pipe, for the site's
browser test: Chromium is started with --remote-debugging-pipe, which reads
NUL-terminated JSON commands on fd 3 and writes replies and events on fd 4,
so no port is opened and nothing beyond the standard library is needed.

Also a PNG reader (8-bit RGB/RGBA, not interlaced, as Chromium writes them)
to compare screenshots with a reference by a tolerance.
"""
import json
import os
import struct
import subprocess
import zlib

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
    "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--disable-extensions", "--disable-default-apps",
    "--mute-audio", "--hide-scrollbars", "--font-render-hinting=none",
    "--remote-debugging-pipe", "about:blank",
]


class Browser:
    """One headless Chromium, with a page session to drive."""

    def __init__(self, executable, profile_dir):
        to_child_r, self._to_child = os.pipe()
        self._from_child, from_child_w = os.pipe()
        # Chromium expects the pipe on fds 3 (its input) and 4 (its output):
        # a shell moves them there and becomes Chromium.
        script = f'exec "$0" "$@" 3<&{to_child_r} 4>&{from_child_w}'
        self.proc = subprocess.Popen(
            ["/bin/sh", "-c", script, executable,
             "--user-data-dir=" + profile_dir] + FLAGS,
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, pass_fds=(to_child_r, from_child_w))
        os.close(to_child_r)
        os.close(from_child_w)
        self._next_id = 0
        self._buffer = b""
        self.events = []
        self.session = None

    def _read_message(self):
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_child, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the DevTools pipe")
            self._buffer += chunk
        raw, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(raw)

    def call(self, method, params=None, session=True):
        """Sends a command and returns its result; events met on the way are
        kept in self.events."""
        self._next_id += 1
        message = {"id": self._next_id, "method": method, "params": params or {}}
        if session and self.session:
            message["sessionId"] = self.session
        os.write(self._to_child, json.dumps(message).encode() + b"\0")
        while True:
            reply = self._read_message()
            if reply.get("id") == self._next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            if "method" in reply:
                self.events.append(reply)

    def wait_event(self, method):
        for i, e in enumerate(self.events):
            if e["method"] == method:
                return self.events.pop(i)
        while True:
            e = self._read_message()
            if e.get("method") == method:
                return e
            if "method" in e:
                self.events.append(e)

    def open_page(self):
        target = self.call("Target.createTarget", {"url": "about:blank"},
                           session=False)
        attached = self.call("Target.attachToTarget",
                             {"targetId": target["targetId"], "flatten": True},
                             session=False)
        self.session = attached["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(domain + ".enable")

    def navigate(self, url):
        """Loads `url` and returns the events seen while it loaded."""
        self.events = []
        self.call("Page.navigate", {"url": url})
        self.wait_event("Page.loadEventFired")
        # Let deferred scripts and late requests finish.
        self.call("Runtime.evaluate", {"expression": "1", "awaitPromise": True})
        seen, self.events = self.events, []
        return seen

    def evaluate(self, expression):
        result = self.call("Runtime.evaluate",
                           {"expression": expression, "returnByValue": True})
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    def close(self):
        try:
            self.call("Browser.close", session=False)
        except (RuntimeError, OSError):
            pass
        try:
            self.proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.proc.kill()


def read_png(data):
    """Returns (width, height, rows) of an 8-bit RGB or RGBA PNG, each row a
    bytes of RGB triples."""
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, header = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, color, _, _, interlace = header
    if depth != 8 or color not in (2, 6) or interlace:
        raise ValueError("only 8-bit RGB/RGBA, not interlaced")
    bpp = 3 if color == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    rows, prev = [], bytearray(stride)
    for y in range(height):
        kind = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if kind == 1:
                line[i] = (line[i] + a) & 255
            elif kind == 2:
                line[i] = (line[i] + b) & 255
            elif kind == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif kind == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 255
        prev = line
        rgb = line if bpp == 3 else bytes(
            v for k, v in enumerate(line) if k % 4 != 3)
        rows.append(bytes(rgb))
    return width, height, rows


def differing_share(png_a, png_b, threshold=48):
    """Returns the share of pixels whose colour differs by more than
    `threshold` in some channel (1.0 when the sizes differ)."""
    wa, ha, ra = read_png(png_a)
    wb, hb, rb = read_png(png_b)
    if (wa, ha) != (wb, hb):
        return 1.0
    differ = 0
    for row_a, row_b in zip(ra, rb):
        if row_a == row_b:
            continue
        for x in range(wa):
            pa, pb = row_a[3 * x:3 * x + 3], row_b[3 * x:3 * x + 3]
            if any(abs(u - v) > threshold for u, v in zip(pa, pb)):
                differ += 1
    return differ / (wa * ha)
