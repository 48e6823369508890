"""`parley-devstack provision | infra | run`: what the Makefile calls."""

import argparse
import os
import signal
import sys
import time

from parley_devstack.build import ProvisioningError, ferretdb_binary, kafka_classpath
from parley_devstack.paths import LOGS, RUN_DATA
from parley_devstack.process import StartupError
from parley_devstack.services import start_stack
from parley_devstack.stack import Ports, infrastructure

BANNER = """
Parley is running (Ctrl-C stops everything; data is kept in .local/data).

  Channel sandbox (be the customer)  {sandbox}/
  Dashboard API (X-API-Key: {api_key})  {dashboard}/docs
  Ingest webhooks                     {ingest}/webhooks/whatsapp
  Kafka                               {kafka}
  MongoDB protocol (FerretDB)         {mongodb}
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
    )
    signal.signal(signal.SIGTERM, _raise_stop)
    signal.signal(signal.SIGINT, _raise_stop)
    LOGS.mkdir(parents=True, exist_ok=True)
    try:
        with infrastructure(RUN_DATA, ports) as infra:
            stack = start_stack(infra.kafka_bootstrap, infra.mongodb_url, LOGS, fixed_ports=True)
            try:
                print(
                    BANNER.format(
                        sandbox=stack.url("sandbox"),
                        dashboard=stack.url("dashboard-api"),
                        ingest=stack.url("ingest"),
                        api_key=stack.env.get("DASHBOARD_API_KEY", "dev-api-key"),
                        kafka=infra.kafka_bootstrap,
                        mongodb=infra.mongodb_url,
                        logs=LOGS,
                    ),
                    flush=True,
                )
                _supervise(stack)
            finally:
                print("\nstopping services …", flush=True)
                stack.stop_all()
                print("stopping Kafka and FerretDB …", flush=True)
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


def main() -> None:
    parser = argparse.ArgumentParser(prog="parley-devstack")
    parser.add_argument("command", choices=["provision", "run"])
    args = parser.parse_args()
    if args.command == "provision":
        print(f"Kafka jars: {kafka_classpath()}\nFerretDB: {ferretdb_binary()}")
        return
    sys.exit(run())


if __name__ == "__main__":
    main()
