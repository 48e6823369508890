"""What one notification email costs the process that sends it, through the local mail server (GreenMail): a new
SMTP session per email (`aiosmtplib.send`, as dashboard-api sent them until 2026-12-06) against the session
dashboard-api keeps (`parley_dashboard.mailer.SmtpSession`), alternately, twice each.

    uv run --frozen python -m bench.email_cost [emails per round, default 300]
"""

import asyncio
import sys
import tempfile
import time
from email.message import EmailMessage
from pathlib import Path

import aiosmtplib

from parley_dashboard.mailer import SmtpSession, SmtpSettings
from parley_devstack.servers import start_mail


def _message(n: int) -> EmailMessage:
    message = EmailMessage()
    message["From"] = "parley@demo.local"
    message["To"] = "manager@demo.local"
    message["Subject"] = f"[Parley] Carla Souza needs a person ({n})"
    message.set_content("A customer asked for a person.\n\nOpen it: http://localhost:8080/#/threads/demo")
    return message


async def _round(send, emails: int) -> tuple[float, float]:
    """CPU and wall milliseconds per email, `emails` sent one after another."""
    cpu, wall = time.process_time(), time.perf_counter()
    for n in range(emails):
        await send(_message(n))
    return (time.process_time() - cpu) * 1000 / emails, (time.perf_counter() - wall) * 1000 / emails


async def measure(host: str, port: int, emails: int) -> dict[str, list[tuple[float, float]]]:
    settings = SmtpSettings(
        host=host, port=port, security="none", username=None, password=None, sender="parley@demo.local", timeout=10
    )
    session = SmtpSession(settings)

    async def one_session_each(message: EmailMessage) -> None:
        await aiosmtplib.send(message, hostname=host, port=port, start_tls=False, timeout=10)

    rounds: dict[str, list[tuple[float, float]]] = {"a session per email": [], "one kept session": []}
    await _round(session.send, 50)  # both paths warmed up first (imports, the server's JIT)
    await _round(one_session_each, 50)
    for _ in range(2):
        rounds["a session per email"].append(await _round(one_session_each, emails))
        rounds["one kept session"].append(await _round(session.send, emails))
    session.close()
    return rounds


def main() -> None:
    emails = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    with tempfile.TemporaryDirectory(prefix="parley-email-cost-") as folder:
        child, mail = start_mail(Path(folder))
        try:
            rounds = asyncio.run(measure(mail.smtp_host, mail.smtp_port, emails))
        finally:
            child.stop()
    print(f"{emails} emails per round, CPU / wall milliseconds per email in this process:")
    for name, results in rounds.items():
        print(f"  {name:20s} " + "   ".join(f"{cpu:.2f} / {wall:.2f}" for cpu, wall in results))


if __name__ == "__main__":
    main()
