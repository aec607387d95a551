#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""herald-at-modem: an AT-command GSM modem, in PDU mode, on a UNIX socket.

The real ModemManager daemon (its generic plugin, handed the socket through
its Test interface) drives it as it would a USB modem; see tests/field/README.md.

    herald-at-modem.py --at-socket PATH --control PATH --log FILE [--ready FILE]

--at-socket  where ModemManager connects (AT commands in, answers and URCs out)
--control    the test's channel: one JSON object a line in, one JSON line out
             {"cmd": "deliver", "from": "+233…", "text": "…"}   store an incoming
                 SMS (split into concatenated parts when long) and announce each
                 part with +CMTI → {"ok": true, "indices": [...]}
             {"cmd": "report", "mr": N, "status": S}   a +CDS status report for
                 message reference N with TP-Status S → {"ok": true}
             {"cmd": "fail-next-submit", "cms": 332}   the next AT+CMGS answers
                 +CMS ERROR: 332 → {"ok": true}
             {"cmd": "storage"}   the indices of the SMS stored on the "SIM"
                 → {"ok": true, "indices": [...]}
--log        JSON lines: every SMS-SUBMIT as decoded from its PDU
             ({"event": "submit", "mr", "number", "text", "alphabet", "concat",
             "status_report_request", "validity"}), every refused submit
             ({"event": "submit-refused", "cms"}), deleted SMS, and the AT
             commands answered with ERROR because they are not implemented
             ({"event": "unimplemented", "command"}).

Why Python and not C: the emulator is test equipment, never shipped or
linked with Herald; GSM 03.40 PDUs are byte and septet fiddling that the
standard library does tersely, and the emulator needs nothing beyond it
(run by /usr/bin/python3, Debian's, so it works without any venv). The
assertions stay in the C test programs.
"""

import argparse
import json
import os
import selectors
import socket
import sys
import time

# ---- GSM 03.38 default alphabet ------------------------------------------

GSM7_BASIC = (
    "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\x1bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
    "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà"
)
GSM7_EXT = {0x0A: "\f", 0x14: "^", 0x28: "{", 0x29: "}", 0x2F: "\\", 0x3C: "[",
            0x3D: "~", 0x3E: "]", 0x40: "|", 0x65: "€"}
GSM7_EXT_REV = {v: k for k, v in GSM7_EXT.items()}
assert len(GSM7_BASIC) == 128


def gsm7_decode(septets):
    out, escape = [], False
    for s in septets:
        if escape:
            out.append(GSM7_EXT.get(s, " "))
            escape = False
        elif s == 0x1B:
            escape = True
        else:
            out.append(GSM7_BASIC[s])
    return "".join(out)


def gsm7_encode(text):
    """Septets for @text, or None when a character is not in GSM-7."""
    septets = []
    for ch in text:
        i = GSM7_BASIC.find(ch)
        if i >= 0 and ch != "\x1b":
            septets.append(i)
        elif ch in GSM7_EXT_REV:
            septets += [0x1B, GSM7_EXT_REV[ch]]
        else:
            return None
    return septets


def unpack_septets(data, count, skip_bits=0):
    """@count septets from the octets @data, starting @skip_bits in."""
    out = []
    for i in range(count):
        bit = skip_bits + 7 * i
        value = 0
        for b in range(7):
            k = bit + b
            if k // 8 < len(data) and data[k // 8] & (1 << (k % 8)):
                value |= 1 << b
        out.append(value)
    return out


def pack_septets(septets, fill_bits=0):
    total_bits = fill_bits + 7 * len(septets)
    out = bytearray((total_bits + 7) // 8)
    for i, s in enumerate(septets):
        for b in range(7):
            if s & (1 << b):
                k = fill_bits + 7 * i + b
                out[k // 8] |= 1 << (k % 8)
    return bytes(out)


# ---- Addresses and time stamps -------------------------------------------

def decode_address(data, pos):
    """A TP address (length in digits); returns (number, next position)."""
    digits, toa = data[pos], data[pos + 1]
    octets = (digits + 1) // 2
    raw = data[pos + 2:pos + 2 + octets]
    if (toa & 0x70) == 0x50:    # alphanumeric
        number = gsm7_decode(unpack_septets(raw, digits * 4 // 7))
    else:
        number = ""
        for o in raw:
            for nibble in (o & 0x0F, o >> 4):
                if nibble != 0x0F:
                    number += "0123456789*#abc"[nibble]
        number = number[:digits]
        if (toa & 0x70) == 0x10:
            number = "+" + number
    return number, pos + 2 + octets


def encode_address(number, smsc=False):
    international = number.startswith("+")
    digits = number.lstrip("+")
    toa = 0x91 if international else 0x81
    padded = digits + ("F" if len(digits) % 2 else "")
    bcd = bytes(int(padded[i + 1], 16) << 4 | int(padded[i], 16) for i in range(0, len(padded), 2))
    if smsc:    # the SMSC's length is in octets, type included
        return bytes([len(bcd) + 1, toa]) + bcd
    return bytes([len(digits), toa]) + bcd


def encode_timestamp(t):
    tm = time.gmtime(t)

    def swapped(v):
        return ((v % 10) << 4) | (v // 10)
    return bytes(swapped(v) for v in (tm.tm_year % 100, tm.tm_mon, tm.tm_mday,
                                      tm.tm_hour, tm.tm_min, tm.tm_sec, 0))


SMSC = "+233200000000"
CMTI_GAP_S = 0.25

# ---- SMS-SUBMIT (from ModemManager) --------------------------------------


def decode_submit(pdu):
    """The PDU of an AT+CMGS (SMSC address first) as a dict."""
    pos = 1 + pdu[0]                  # skip the SMSC address
    first = pdu[pos]
    if first & 0x03 != 0x01:
        raise ValueError("not an SMS-SUBMIT (first octet %02x)" % first)
    vpf = (first >> 3) & 0x03
    srr = bool(first & 0x20)
    udhi = bool(first & 0x40)
    mr = pdu[pos + 1]
    number, pos = decode_address(pdu, pos + 2)
    pid, dcs = pdu[pos], pdu[pos + 1]
    pos += 2
    validity = None
    if vpf == 2:                      # relative, one octet
        vp = pdu[pos]
        pos += 1
        if vp <= 143:
            validity = (vp + 1) * 5
        elif vp <= 167:
            validity = 12 * 60 + (vp - 143) * 30
        elif vp <= 196:
            validity = (vp - 166) * 24 * 60
        else:
            validity = (vp - 192) * 7 * 24 * 60
    elif vpf in (1, 3):
        pos += 7
    udl = pdu[pos]
    ud = pdu[pos + 1:]
    if dcs & 0xC0 == 0x00:
        alphabet = {0: "gsm7", 1: "8bit", 2: "ucs2"}.get((dcs >> 2) & 0x03, "reserved")
    elif dcs & 0xF0 == 0xF0:
        alphabet = "8bit" if dcs & 0x04 else "gsm7"
    else:
        alphabet = "gsm7"
    concat = None
    header_octets = 0
    if udhi:
        udhl = ud[0]
        header_octets = udhl + 1
        i = 1
        while i < header_octets:
            iei, iel = ud[i], ud[i + 1]
            ie = ud[i + 2:i + 2 + iel]
            if iei == 0x00 and iel == 3:
                concat = {"ref": ie[0], "total": ie[1], "seq": ie[2]}
            elif iei == 0x08 and iel == 4:
                concat = {"ref": ie[0] << 8 | ie[1], "total": ie[2], "seq": ie[3]}
            i += 2 + iel
    if alphabet == "gsm7":
        header_septets = (header_octets * 8 + 6) // 7
        text = gsm7_decode(unpack_septets(ud, udl - header_septets, header_septets * 7))
    elif alphabet == "ucs2":
        text = ud[header_octets:udl].decode("utf-16-be")
    else:
        text = ud[header_octets:udl].hex()
    return {"mr": mr, "number": number, "text": text, "alphabet": alphabet, "dcs": dcs,
            "pid": pid, "concat": concat, "status_report_request": srr, "validity": validity}


# ---- SMS-DELIVER and SMS-STATUS-REPORT (to ModemManager) -----------------


def encode_deliver_parts(sender, text, ref, when):
    """The PDUs (SMSC address first) of @text from @sender, concatenated
    (8-bit reference @ref) when one part cannot hold it."""
    septets = gsm7_encode(text)
    if septets is not None:
        chunks = [septets] if len(septets) <= 160 else []
        if not chunks:
            rest = septets
            while rest:     # 153 septets a part; never split an escape
                cut = min(153, len(rest))
                if cut == 153 and rest[152] == 0x1B:
                    cut = 152
                chunks.append(rest[:cut])
                rest = rest[cut:]
    else:
        units = text.encode("utf-16-be")
        chunks = [units] if len(units) <= 140 else [units[i:i + 134] for i in range(0, len(units), 134)]
    pdus = []
    for seq, chunk in enumerate(chunks, 1):
        multipart = len(chunks) > 1
        first = 0x04 | (0x40 if multipart else 0)    # SMS-DELIVER, no more messages
        udh = bytes([5, 0x00, 3, ref & 0xFF, len(chunks), seq]) if multipart else b""
        if septets is not None:
            fill = (len(udh) * 8 + 6) // 7 * 7 - len(udh) * 8 if udh else 0
            ud = udh + pack_septets(chunk, fill)
            udl = (len(udh) * 8 + 6) // 7 + len(chunk) if udh else len(chunk)
            dcs = 0x00
        else:
            ud = udh + chunk
            udl = len(ud)
            dcs = 0x08
        tpdu = bytes([first]) + encode_address(sender) + bytes([0x00, dcs]) + \
            encode_timestamp(when) + bytes([udl]) + ud
        pdus.append(encode_address(SMSC, smsc=True) + tpdu)
    return pdus


def encode_status_report(mr, recipient, status, when):
    tpdu = bytes([0x06, mr & 0xFF]) + encode_address(recipient) + \
        encode_timestamp(when - 5) + encode_timestamp(when) + bytes([status & 0xFF])
    return encode_address(SMSC, smsc=True) + tpdu


def tpdu_length(pdu):
    return len(pdu) - 1 - pdu[0]


# ---- The modem -----------------------------------------------------------


class Modem:
    def __init__(self, log_path):
        self.log = open(log_path, "a", buffering=1, encoding="utf-8")
        self.storage = {}           # index → (stat, pdu bytes)
        self.next_mr = 1
        self.fail_next = None
        self.concat_ref = 1
        self.recent_numbers = {}    # mr → recipient, for status reports
        self.cops_format = 0
        self.reg_n = {"CREG": 0, "CGREG": 0, "CEREG": 0}
        self.client = None
        self.inbuf = b""
        self.pending_submit = None  # the AT+CMGS length while reading the PDU
        self.urc_queue = []
        # +CMTI of the later parts of a multipart SMS, announced one at a
        # time: each one CMTI_GAP_S after ModemManager read the previous
        # part (see "paced" in control()).
        self.paced_cmti = []
        self.paced_wait_for = None   # the index whose AT+CMGR releases the next
        self.paced_due = None        # monotonic time the next may go out

    def record(self, **event):
        self.log.write(json.dumps(event, ensure_ascii=False) + "\n")

    # -- output --
    def write(self, data):
        sys.stderr.write("AT> %r\n" % data)
        if self.client is not None:
            try:
                self.client.sendall(data.encode() if isinstance(data, str) else data)
            except OSError:
                self.client = None

    def urc(self, text):
        if self.pending_submit is not None or self.client is None:
            self.urc_queue.append(text)
        else:
            self.write("\r\n" + text + "\r\n")

    def release_paced(self, force_first=False):
        """Announces the next paced part when its time has come."""
        if not self.paced_cmti or self.paced_wait_for is not None:
            return
        if not force_first and (self.paced_due is None or time.monotonic() < self.paced_due):
            return
        i = self.paced_cmti.pop(0)
        self.paced_wait_for, self.paced_due = i, None
        self.urc("+CMTI: \"SM\",%d" % i)

    def paced_timeout(self):
        """Seconds until release_paced() has work, or None."""
        if not self.paced_cmti or self.paced_wait_for is not None or self.paced_due is None:
            return None
        return max(0.0, self.paced_due - time.monotonic())

    def flush_urcs(self):
        while self.urc_queue and self.pending_submit is None and self.client is not None:
            self.write("\r\n" + self.urc_queue.pop(0) + "\r\n")

    # -- input --
    def feed(self, data):
        self.inbuf += data
        while True:
            if self.pending_submit is not None:
                end = self.inbuf.find(b"\x1a")
                cancel = self.inbuf.find(b"\x1b")
                if cancel >= 0 and (end < 0 or cancel < end):
                    self.inbuf = self.inbuf[cancel + 1:]
                    self.pending_submit = None
                    self.write("\r\nOK\r\n")
                    continue
                if end < 0:
                    return
                pdu_hex = self.inbuf[:end].decode("ascii", "replace").strip()
                self.inbuf = self.inbuf[end + 1:]
                self.write(self.submit(pdu_hex))
                self.pending_submit = None
                self.flush_urcs()
                continue
            end = self.inbuf.find(b"\r")
            if end < 0:
                return
            line = self.inbuf[:end].decode("ascii", "replace").strip()
            self.inbuf = self.inbuf[end + 1:]
            if line.startswith("\n"):
                line = line[1:]
            if not line:
                continue
            self.write(self.command_line(line))
            self.flush_urcs()

    def submit(self, pdu_hex):
        if self.fail_next is not None:
            cms, self.fail_next = self.fail_next, None
            self.record(event="submit-refused", cms=cms, pdu=pdu_hex)
            return "\r\n+CMS ERROR: %d\r\n" % cms
        try:
            decoded = decode_submit(bytes.fromhex(pdu_hex))
        except (ValueError, IndexError) as e:
            self.record(event="submit-undecodable", pdu=pdu_hex, error=str(e))
            return "\r\n+CMS ERROR: 304\r\n"
        mr = self.next_mr
        self.next_mr = self.next_mr % 255 + 1
        self.recent_numbers[mr] = decoded["number"]
        # The reference the modem answers with (TP-MR in the PDU is 0: the
        # modem assigns it) is what status reports carry.
        decoded["pdu_mr"] = decoded.pop("mr")
        self.record(event="submit", mr=mr, pdu=pdu_hex, **decoded)
        return "\r\n+CMGS: %d\r\n\r\nOK\r\n" % mr

    def command_line(self, line):
        upper = line.upper()
        if not upper.startswith("AT"):
            return "\r\nERROR\r\n"
        body = line[2:]
        # Several commands on one line: "AT+COPS=3,2;+COPS?"
        parts = [p for p in body.split(";") if p] if body else [""]
        out = ""
        for part in parts:
            ok, info = self.command(part.strip())
            if ok is None:          # AT+CMGS: the "> " prompt, PDU follows
                return info
            if not ok:
                return info if info else "\r\nERROR\r\n"
            out += "".join("\r\n" + i + "\r\n" for i in info)
        return out + "\r\nOK\r\n"

    def command(self, cmd):
        """(ok, info lines); ok False with a final result code string as info."""
        u = cmd.upper()
        storage = sorted(self.storage)
        simple = {
            "": [], "E0": [], "E1": [], "V1": [], "Z": [], "&F": [], "Q0": [], "&C1": [], "&D2": [],
            "+CGMI": ["Herald"], "+GMI": ["Herald"], "+CGMM": ["AT Emulator"], "+GMM": ["AT Emulator"],
            "+CGMR": ["1.0"], "+GMR": ["1.0"], "+CGSN": ["356938035643809"], "+GSN": ["356938035643809"],
            "+CIMI": ["620011234567890"], "+CCID": ["+CCID: 89233011234567890123"],
            "+GCAP": ["+GCAP: +CGSM"], "I": ["Herald AT modem emulator"],
            "+CPIN?": ["+CPIN: READY"], "+CPINR": ["+CPINR: SIM PIN,3,10", "+CPINR: SIM PUK,10,10"],
            "+CPINR=\"SIM*\"": ["+CPINR: SIM PIN,3,10", "+CPINR: SIM PUK,10,10"],
            "+CFUN?": ["+CFUN: 1"], "+CSQ": ["+CSQ: 20,99"],
            "+CNUM": ["+CNUM: ,\"+233200000001\",145"],
            "+CGATT?": ["+CGATT: 1"], "+CSCA?": ["+CSCA: \"%s\",145" % SMSC],
            "+CSMS?": ["+CSMS: 1,1,1,1"], "+CSMS=?": ["+CSMS: (0,1)"],
            "+CMGF?": ["+CMGF: 0"], "+CMGF=?": ["+CMGF: (0,1)"], "+CMGF=0": [],
            "+CSCS=?": ["+CSCS: (\"IRA\",\"GSM\",\"UCS2\")"], "+CSCS?": ["+CSCS: \"IRA\""],
            "+CNMI=?": ["+CNMI: (0-2),(0-1),(0,2),(0-1),(0,1)"],
            "+CPMS=?": ["+CPMS: (\"SM\"),(\"SM\"),(\"SM\")"],
            "+CPMS?": ["+CPMS: \"SM\",%d,30,\"SM\",%d,30,\"SM\",%d,30" % ((len(storage),) * 3)],
            "+CLCK=?": ["+CLCK: (\"SC\",\"FD\")"],
            "+CGDCONT?": ["+CGDCONT: 1,\"IP\",\"internet\",\"0.0.0.0\",0,0"],
            "+CGDCONT=?": ["+CGDCONT: (1-10),\"IP\",,,(0-2),(0-4)",
                           "+CGDCONT: (1-10),\"IPV6\",,,(0-2),(0-4)"],
            "+CREG=?": ["+CREG: (0-2)"], "+CGREG=?": ["+CGREG: (0-2)"],
        }
        if u in simple:
            return True, simple[u]
        for reg in ("CREG", "CGREG"):
            if u == "+%s?" % reg:
                return True, ["+%s: %d,1" % (reg, self.reg_n[reg])]
            if u.startswith("+%s=" % reg):
                self.reg_n[reg] = int(u.split("=")[1] or 0)
                return True, []
        if u.startswith("+CMEE=") or u.startswith("+CFUN=") or u.startswith("+CSCS=") or \
                u.startswith("+CNMI=") or u.startswith("+CMER="):
            return True, []
        if u.startswith("+CRSM=176,12258,"):
            # READ BINARY of EF_ICCID: the ICCID in swapped BCD. ModemManager
            # retries it three times, a second apart, when it fails.
            iccid = "89233011234567890123"
            return True, ["+CRSM: 144,0,\"%s\"" % "".join(iccid[i + 1] + iccid[i] for i in range(0, 20, 2))]
        if u.startswith("+CLCK="):
            return True, ["+CLCK: 0"]
        if u.startswith("+CSMS="):
            return True, ["+CSMS: 1,1,1"]
        if u.startswith("+CPMS="):
            n = len(storage)
            return True, ["+CPMS: %d,30,%d,30,%d,30" % (n, n, n)]
        if u.startswith("+COPS=3,"):
            self.cops_format = int(u.split(",")[1])
            return True, []
        if u == "+COPS?":
            oper = {0: "\"Herald Net\"", 1: "\"Herald\"", 2: "\"62001\""}[self.cops_format]
            return True, ["+COPS: 0,%d,%s,2" % (self.cops_format, oper)]
        if u.startswith("+COPS=0") or u == "+COPS":
            return True, []
        if u.startswith("+CMGL="):
            lines = []
            for i in storage:
                stat, pdu = self.storage[i]
                lines += ["+CMGL: %d,%d,,%d" % (i, stat, tpdu_length(pdu)), pdu.hex().upper()]
            # Each header line is followed directly by its PDU line.
            return True, ["\r\n".join(lines)] if lines else []
        if u.startswith("+CMGR="):
            i = int(u.split("=")[1])
            if i not in self.storage:
                return False, "\r\n+CMS ERROR: 321\r\n"
            if i == self.paced_wait_for:
                self.paced_wait_for = None
                self.paced_due = time.monotonic() + CMTI_GAP_S
            stat, pdu = self.storage[i]
            if stat == 0:
                self.storage[i] = (1, pdu)
            return True, ["+CMGR: %d,,%d\r\n%s" % (stat, tpdu_length(pdu), pdu.hex().upper())]
        if u.startswith("+CMGD="):
            args = u.split("=")[1].split(",")
            i = int(args[0])
            flag = int(args[1]) if len(args) > 1 and args[1] else 0
            if flag == 0:
                if i not in self.storage:
                    return False, "\r\n+CMS ERROR: 321\r\n"
                del self.storage[i]
                self.record(event="deleted", index=i)
            else:
                for j in list(self.storage):
                    del self.storage[j]
                    self.record(event="deleted", index=j)
            return True, []
        if u.startswith("+CMGS="):
            self.pending_submit = int(u.split("=")[1])
            return None, "\r\n> "
        self.record(event="unimplemented", command="AT" + cmd)
        return False, None

    # -- control --
    def control(self, request):
        cmd = request.get("cmd")
        if cmd == "deliver":
            ref = self.concat_ref
            self.concat_ref = self.concat_ref % 255 + 1
            indices = []
            for pdu in encode_deliver_parts(request["from"], request["text"], ref, time.time()):
                i = next(n for n in range(30) if n not in self.storage)
                self.storage[i] = (0, pdu)
                indices.append(i)
            # Parts arrive over the air one after the other. ModemManager
            # 1.20.4 reads only the first of two +CMTI that come in one
            # burst (the second finds the SMS storages locked by the
            # first's read and is dropped: the part stays on the SIM and
            # the SMS stuck in RECEIVING), so the next part is announced
            # once the previous one was read; "burst": true sends them all
            # at once to reproduce that.
            if request.get("burst"):
                for i in indices:
                    self.urc("+CMTI: \"SM\",%d" % i)
            else:
                self.paced_cmti += indices
                self.release_paced(force_first=self.paced_wait_for is None and self.paced_due is None)
            self.record(event="delivered", sender=request["from"], text=request["text"], indices=indices)
            return {"ok": True, "indices": indices}
        if cmd == "report":
            mr = int(request["mr"])
            pdu = encode_status_report(mr, self.recent_numbers.get(mr, "+233200000002"),
                                       int(request["status"]), time.time())
            self.urc("+CDS: %d\r\n%s" % (tpdu_length(pdu), pdu.hex().upper()))
            self.record(event="status-report", mr=mr, status=int(request["status"]))
            return {"ok": True}
        if cmd == "fail-next-submit":
            self.fail_next = int(request.get("cms", 332))
            return {"ok": True}
        if cmd == "storage":
            return {"ok": True, "indices": sorted(self.storage)}
        return {"ok": False, "error": "unknown command %r" % cmd}


def listen(path):
    if os.path.exists(path):
        os.unlink(path)
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.bind(path)
    s.listen(4)
    s.setblocking(False)
    return s


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--at-socket", required=True)
    parser.add_argument("--control", required=True)
    parser.add_argument("--log", required=True)
    parser.add_argument("--ready")
    args = parser.parse_args()

    modem = Modem(args.log)
    at_listener = listen(args.at_socket)
    control_listener = listen(args.control)
    sel = selectors.DefaultSelector()
    sel.register(at_listener, selectors.EVENT_READ, "at-listen")
    sel.register(control_listener, selectors.EVENT_READ, "control-listen")
    control_buffers = {}
    if args.ready:
        with open(args.ready, "w") as f:
            f.write("ready\n")

    while True:
        events = sel.select(modem.paced_timeout())
        modem.release_paced()
        for key, _ in events:
            sock, kind = key.fileobj, key.data
            if kind == "at-listen":
                conn, _ = sock.accept()
                if modem.client is not None:
                    sel.unregister(modem.client)
                    modem.client.close()
                modem.client, modem.inbuf, modem.pending_submit = conn, b"", None
                sel.register(conn, selectors.EVENT_READ, "at")
                modem.flush_urcs()
            elif kind == "control-listen":
                conn, _ = sock.accept()
                control_buffers[conn] = b""
                sel.register(conn, selectors.EVENT_READ, "control")
            elif kind == "at":
                data = sock.recv(4096)
                if not data:
                    sel.unregister(sock)
                    sock.close()
                    if modem.client is sock:
                        modem.client = None
                    continue
                sys.stderr.write("AT< %r\n" % data)
                modem.feed(data)
            elif kind == "control":
                data = sock.recv(4096)
                if not data:
                    sel.unregister(sock)
                    sock.close()
                    del control_buffers[sock]
                    continue
                control_buffers[sock] += data
                while b"\n" in control_buffers[sock]:
                    line, control_buffers[sock] = control_buffers[sock].split(b"\n", 1)
                    try:
                        reply = modem.control(json.loads(line))
                    except Exception as e:  # noqa: BLE001 — a bad request must not end the modem
                        reply = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
                    sock.sendall((json.dumps(reply) + "\n").encode())
        sys.stderr.flush()


if __name__ == "__main__":
    main()
