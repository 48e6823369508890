"""The email channel at ingest: reading connected mailboxes over IMAP (reader), parsing mail (message, text)."""
