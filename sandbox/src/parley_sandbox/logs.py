"""Structured JSON logs: structlog for our events, and the same renderer for uvicorn's stdlib logs."""

import logging
import sys

import structlog


class _NamedPrintLogger(structlog.PrintLogger):
    """Prints rendered events; its `name` (the module's) is what `add_logger_name` puts in them."""

    def __init__(self, name: str = "parley_sandbox", *_: object) -> None:
        super().__init__(sys.stdout)
        self.name = name


def configure_logging(level: str = "INFO") -> None:
    """One JSON object per line on stdout, so local runs and CI logs are machine-readable alike. Our events are
    rendered and printed directly, not through the standard library's records and handlers (a seventh of the
    sandbox's CPU under load went there, py-spy at 40 msg/s end to end); uvicorn's logs still go through them."""
    shared: list[structlog.types.Processor] = [
        structlog.contextvars.merge_contextvars,
        structlog.processors.add_log_level,
        structlog.processors.TimeStamper(fmt="iso", utc=True),
    ]
    structlog.configure(
        processors=[
            *shared,
            structlog.stdlib.add_logger_name,
            structlog.processors.StackInfoRenderer(),
            structlog.processors.format_exc_info,
            structlog.processors.JSONRenderer(),
        ],
        wrapper_class=structlog.make_filtering_bound_logger(logging.getLevelName(level.upper())),
        logger_factory=_NamedPrintLogger,
        cache_logger_on_first_use=True,
    )
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(
        structlog.stdlib.ProcessorFormatter(
            foreign_pre_chain=[*shared, structlog.stdlib.add_logger_name],
            processors=[
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.JSONRenderer(),
            ],
        )
    )
    root = logging.getLogger()
    root.handlers[:] = [handler]
    root.setLevel(level.upper())
    # uvicorn installs its own handlers; route them through ours instead.
    for name in ("uvicorn", "uvicorn.error", "uvicorn.access"):
        logger = logging.getLogger(name)
        logger.handlers.clear()
        logger.propagate = True
    # httpx logs every request it makes at INFO: each webhook the sandbox posts is already its own event
    # (`webhook.delivered`, with the status code).
    logging.getLogger("httpx").setLevel(logging.WARNING)


def get_logger(name: str = "parley_sandbox") -> structlog.typing.FilteringBoundLogger:
    return structlog.get_logger(name)
