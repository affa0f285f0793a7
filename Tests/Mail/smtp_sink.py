"""An SMTP relay for the mail tests: aiosmtpd on loopback, writing every message it accepts to a
JSON-lines file, with the headers as sent and the subject and body as Python's own e-mail parser
decodes them (an oracle independent of the platform's encoder).

    python3 smtp_sink.py --port N --out FILE [--auth USER:PASSWORD] [--refuse-rcpt]
                         [--die-after-data]

--die-after-data records the message, then ends the process before answering the end of the
data: a relay that stops after accepting a message but before the sender hears so.
Prints "LISTENING <port>" once it accepts connections.
"""
import argparse
import asyncio
import email
import email.policy
import json
import os
import sys
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import AuthResult


class Sink:
    def __init__(self, out, refuse_rcpt, die_after_data):
        self.out = out
        self.refuse_rcpt = refuse_rcpt
        self.die_after_data = die_after_data

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if self.refuse_rcpt:
            return "550 5.1.1 <%s>: no such mailbox here" % address
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        raw = envelope.original_content or envelope.content
        message = email.message_from_bytes(raw, policy=email.policy.default)
        record = {
            "mail_from": envelope.mail_from,
            "rcpt_tos": envelope.rcpt_tos,
            "login": session.auth_data.login.decode() if session.authenticated and session.auth_data else None,
            "headers": [[k, v] for k, v in message.raw_items()],
            "subject": str(message["subject"]),
            "message_id": message["message-id"],
            "body": message.get_content(),
            "raw": raw.decode("utf-8", "replace"),
            "received_at": time.time(),
        }
        with open(self.out, "a", encoding="utf-8") as f:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
        if self.die_after_data:
            os._exit(0)
        return "250 2.0.0 Accepted"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--auth")
    parser.add_argument("--refuse-rcpt", action="store_true")
    parser.add_argument("--die-after-data", action="store_true")
    args = parser.parse_args()

    options = {}
    if args.auth:
        user, password = args.auth.split(":", 1)

        def authenticator(server, session, envelope, mechanism, auth_data):
            ok = auth_data.login.decode() == user and auth_data.password.decode() == password
            return AuthResult(success=ok, auth_data=auth_data)

        options = {"authenticator": authenticator, "auth_require_tls": False}
    controller = Controller(
        Sink(args.out, args.refuse_rcpt, args.die_after_data), hostname="127.0.0.1", port=args.port,
        **options)
    controller.start()
    print("LISTENING %d" % args.port, flush=True)
    try:
        while True:
            time.sleep(3600)
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
