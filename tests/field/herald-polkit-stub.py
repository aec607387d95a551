#!/usr/bin/python3
# SPDX-FileCopyrightText: 2026 The Herald authors
# SPDX-License-Identifier: GPL-3.0-or-later
"""herald-polkit-stub: org.freedesktop.PolicyKit1 on the private system bus.

ModemManager (Debian builds it with strict polkit) asks polkit before
Enable, Messaging Create/List/Delete and Sms.Send. Real polkitd would
refuse outside an active login session, so the field suite answers for it:
every CheckAuthorization is allowed, unless the file given with --deny
exists, then every one is refused ((false, false, {})) — ModemManager turns
that into its real "not authorized for '<action>'" error.

    herald-polkit-stub.py --deny FILE [--ready FILE]

Python with Debian's python3-gi (GDBus), like the AT emulator beside it:
test equipment, not shipped.
"""

import argparse
import os
import sys

from gi.repository import Gio, GLib

XML = """
<node>
  <interface name="org.freedesktop.PolicyKit1.Authority">
    <method name="CheckAuthorization">
      <arg type="(sa{sv})" name="subject" direction="in"/>
      <arg type="s" name="action_id" direction="in"/>
      <arg type="a{ss}" name="details" direction="in"/>
      <arg type="u" name="flags" direction="in"/>
      <arg type="s" name="cancellation_id" direction="in"/>
      <arg type="(bba{ss})" name="result" direction="out"/>
    </method>
    <method name="CancelCheckAuthorization">
      <arg type="s" name="cancellation_id" direction="in"/>
    </method>
    <property type="s" name="BackendName" access="read"/>
    <property type="s" name="BackendVersion" access="read"/>
    <property type="u" name="BackendFeatures" access="read"/>
  </interface>
</node>
"""


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--deny", required=True)
    parser.add_argument("--ready")
    args = parser.parse_args()
    node = Gio.DBusNodeInfo.new_for_xml(XML)
    loop = GLib.MainLoop()

    def method_call(conn, sender, path, iface, method, params, invocation):
        if method == "CheckAuthorization":
            action = params.unpack()[1]
            allowed = not os.path.exists(args.deny)
            sys.stderr.write("polkit: %s %s\n" % (action, "allowed" if allowed else "refused"))
            sys.stderr.flush()
            invocation.return_value(GLib.Variant("((bba{ss}))", ((allowed, False, {}),)))
        else:
            invocation.return_value(None)

    def get_property(conn, sender, path, iface, prop):
        return {"BackendName": GLib.Variant("s", "herald-polkit-stub"),
                "BackendVersion": GLib.Variant("s", "1"),
                "BackendFeatures": GLib.Variant("u", 0)}[prop]

    def bus_acquired(conn, name):
        conn.register_object("/org/freedesktop/PolicyKit1/Authority", node.interfaces[0],
                             method_call, get_property, None)

    def name_acquired(conn, name):
        if args.ready:
            with open(args.ready, "w") as f:
                f.write("ready\n")

    def name_lost(conn, name):
        sys.stderr.write("polkit: could not own %s\n" % name)
        loop.quit()

    Gio.bus_own_name(Gio.BusType.SYSTEM, "org.freedesktop.PolicyKit1", Gio.BusNameOwnerFlags.NONE,
                     bus_acquired, name_acquired, name_lost)
    loop.run()
    return 1


if __name__ == "__main__":
    sys.exit(main())
