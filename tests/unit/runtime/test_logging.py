"""Library log lines carry no credentials (parley_runtime.logging.SecretRedactor): uvicorn logs each WebSocket's
path, which for the console's live stream holds its session token."""

import logging

from parley_runtime.logging import SecretRedactor


def line(msg: str, *args: object) -> logging.LogRecord:
    return logging.LogRecord("uvicorn.error", logging.INFO, __file__, 1, msg, args, None)


def test_a_session_token_in_a_websocket_path_is_redacted():
    record = line('%s - "WebSocket %s" [accepted]', "127.0.0.1:52012", "/api/live?access_token=pst_ZRa77uiXOm-gI_K9")
    assert SecretRedactor().filter(record)
    assert record.getMessage() == '127.0.0.1:52012 - "WebSocket /api/live?access_token=[redacted]" [accepted]'


def test_metas_verify_token_and_other_credentials_are_redacted_and_the_rest_kept():
    record = line("GET /webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=s3cr3t&hub.challenge=42 password=x")
    SecretRedactor().filter(record)
    assert record.getMessage() == (
        "GET /webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=[redacted]&hub.challenge=42 password=[redacted]"
    )


def test_a_line_without_credentials_is_left_as_it_was():
    record = line("%s connections", 3)
    SecretRedactor().filter(record)
    assert (record.msg, record.args, record.getMessage()) == ("%s connections", (3,), "3 connections")
