"""`parley-devstack provision | run | eval`: what the Makefile calls."""

import argparse
import os
import signal
import sys
import time

from parley_devstack.build import ProvisioningError, ferretdb_binary, greenmail_jar, kafka_classpath
from parley_devstack.paths import LOGS, RUN_DATA, SAMPLE
from parley_devstack.process import StartupError
from parley_devstack.services import start_stack
from parley_devstack.stack import Ports, infrastructure

BANNER = """
Parley is running (Ctrl-C stops everything; data is kept in .local/data).

  Operator console                    {dashboard}/
    demo accounts, password parley-demo: admin@demo.local (admin), ana@demo.local, ben@demo.local (operators)
  Channel sandbox (be the customer)   {sandbox}/  (WhatsApp)
                                      {sandbox}/sandbox/telegram, /sandbox/messenger/, /sandbox/instagram/,
                                      /sandbox/email/, /sandbox/mercadolibre/
    a question flow: say "book a visit"; the business's API it calls is {sandbox}/sandbox/flow-api/
  Dashboard API (OpenAPI)             {dashboard}/docs
  Ingest webhooks                     {ingest}/webhooks/{{whatsapp,messenger,instagram,mercadolibre}},
                                      {ingest}/webhooks/telegram/{{bot_id}}; email: IMAP (the demo mailbox
                                      support@demo.local on the mail server below)
  Kafka                               {kafka}
  MongoDB protocol (FerretDB)         {mongodb}
  Mail server (GreenMail: SMTP / IMAP, any login; mail is kept in memory only)
    SMTP                              {mail.smtp_host}:{mail.smtp_port}
    IMAP                              {mail.imap_host}:{mail.imap_port}
  Logs                                {logs}/
"""


class _Stop(Exception):
    pass


def _raise_stop(signum: int, frame: object) -> None:
    # Ctrl-C reaches us twice (from the terminal and forwarded by `uv run`): the first one starts the
    # shutdown; later ones must not interrupt it half-way and orphan the remaining processes.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
    raise _Stop


def run() -> int:
    ports = Ports(
        kafka=int(os.environ.get("PARLEY_KAFKA_PORT", "9092")),
        kafka_controller=int(os.environ.get("PARLEY_KAFKA_CONTROLLER_PORT", "9093")),
        mongodb=int(os.environ.get("PARLEY_MONGODB_PORT", "27017")),
        smtp=int(os.environ.get("PARLEY_SMTP_PORT", "3025")),
        imap=int(os.environ.get("PARLEY_IMAP_PORT", "3143")),
    )
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    LOGS.mkdir(parents=True, exist_ok=True)
    try:
        with infrastructure(RUN_DATA, ports) as infra:
            stack = start_stack(infra.kafka_bootstrap, infra.mongodb_url, LOGS, fixed_ports=True, mail=infra.mail)
            try:
                stack.seed_demo(knowledge_base=SAMPLE / "demo-faq.pdf", flows=(SAMPLE / "demo-flow.json",))
                print(
                    BANNER.format(
                        sandbox=stack.url("sandbox"),
                        dashboard=stack.url("dashboard-api"),
                        ingest=stack.url("ingest"),
                        kafka=infra.kafka_bootstrap,
                        mongodb=infra.mongodb_url,
                        mail=infra.mail,
                        logs=LOGS,
                    ),
                    flush=True,
                )
                _supervise(stack)
            finally:
                print("\nstopping services …", flush=True)
                stack.stop_all()
                print("stopping Kafka, FerretDB and the mail server …", flush=True)
    except _Stop:
        pass
    except (StartupError, ProvisioningError) as exc:
        print(f"\nParley could not start: {exc}", file=sys.stderr)
        return 1
    print("stopped.")
    return 0


def _supervise(stack) -> None:
    """Restart a service that died, with a pause, and say so."""
    while True:
        time.sleep(1)
        for name, child in list(stack.children.items()):
            if not child.alive():
                print(
                    f"[devstack] {name} exited with {child.proc.returncode}; restarting (log: {child.log_path})",
                    flush=True,
                )
                stack.stop(name)
                time.sleep(2)
                try:
                    stack.start(name)
                except StartupError as exc:
                    print(f"[devstack] {name} did not come back: {exc}", flush=True)


def evaluate(argv: list[str]) -> int:
    """`parley-devstack eval [evaluation args…]` (`make eval`): `python -m parley_nlp.evaluation` against
    `--mongodb-url`/`MONGODB_URL`, else against a FerretDB started for the run."""
    # Dev tooling may import a service; imported here because only this command needs it.
    from parley_devstack.stack import local_mongodb
    from parley_nlp import evaluation

    args = evaluation.parse_args(argv, prog="parley-devstack eval")
    if error := evaluation.input_error(args):
        print(error, file=sys.stderr)
        return 2
    if args.mongodb_url:
        report = evaluation.run(args, args.mongodb_url)
    else:
        with local_mongodb() as url:
            report = evaluation.run(args, url)
    evaluation.print_report(report, verbose=args.verbose)
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(prog="parley-devstack")
    parser.add_argument("command", choices=["provision", "run", "eval"])
    parser.add_argument("args", nargs=argparse.REMAINDER, help="eval only: the arguments of parley_nlp.evaluation")
    args = parser.parse_args()
    if args.command == "eval":
        sys.exit(evaluate(args.args))
    if args.args:
        parser.error(f"unrecognized arguments: {' '.join(args.args)}")
    if args.command == "provision":
        print(f"Kafka jars: {kafka_classpath()}\nFerretDB: {ferretdb_binary()}\nGreenMail: {greenmail_jar()}")
        return
    sys.exit(run())


if __name__ == "__main__":
    main()
