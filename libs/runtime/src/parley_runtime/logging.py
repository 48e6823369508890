"""Structured JSON logs on stdout, one line per event, with the event/trace ids bound by the step runner."""

import logging
import re
import sys
import time
from collections.abc import Callable

import structlog


class RepeatLimiter(logging.Filter):
    """During an outage the Kafka client logs the same connection error thousands of times a second (nlp.log grew
    87 MB in a minute). Per logger and message template, let `burst` records through per `window` seconds and
    then one summary saying how many were held back."""

    def __init__(self, burst: int = 5, window: float = 30.0, clock: Callable[[], float] = time.monotonic) -> None:
        super().__init__()
        self._burst = burst
        self._window = window
        self._clock = clock
        self._seen: dict[tuple[str, str], list[float]] = {}  # (logger, template) -> [window start, count]

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < logging.WARNING:
            return True
        key = (record.name, str(record.msg))
        now = self._clock()
        start, count = self._seen.get(key, (now, 0))
        if now - start >= self._window:
            held = int(count) - self._burst
            start, count = now, 0
            if held > 0:
                record.msg = f"{record.msg} [and {held} more like it in the last {self._window:g} s]"
        self._seen[key] = [start, count + 1]
        return count < self._burst


class SecretRedactor(logging.Filter):
    """Credentials in query strings never reach a log line: uvicorn logs each WebSocket's path, and the console
    authenticates its live stream with `?access_token=`; Meta's webhook check sends `hub.verify_token=`. Their
    values are replaced before the line is written (docs: no secrets in the logs)."""

    PATTERN = re.compile(r"((?:access_token|verify_token|token|secret|password|api_key)=)[^&\s\"']+", re.IGNORECASE)

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        redacted = self.PATTERN.sub(r"\1[redacted]", message)
        if redacted != message:
            record.msg, record.args = redacted, None
        return True


def configure_logging(service: str, level: str = "INFO") -> None:
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[
            *shared,
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=structlog.PrintLoggerFactory(sys.stdout),
        cache_logger_on_first_use=True,
    )
    structlog.contextvars.clear_contextvars()
    structlog.contextvars.bind_contextvars(service=service)
    # Libraries (aiokafka, uvicorn, faststream) log through the standard library: same JSON lines.
    handler = logging.StreamHandler(sys.stdout)
    handler.addFilter(RepeatLimiter())
    handler.addFilter(SecretRedactor())
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                structlog.processors.JSONRenderer(),
            ],
            foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    logging.getLogger("aiokafka").setLevel(logging.WARNING)
    # httpx logs every request at INFO through the standard library (a record, a formatter, a JSON line): each one
    # repeats an event of ours that says more (`outbound.part_sent`, `inbound.marked_read`), several per message.
    logging.getLogger("httpx").setLevel(logging.WARNING)
