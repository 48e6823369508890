"""Parley channel sandbox: plays the messaging providers (WhatsApp for now) for local runs and tests.

Two faces per channel:
- the *provider* side answers Parley's outbound calls the way the real API does (validation, errors,
  fault injection) and records every request;
- the *customer* side lets a person (the page at ``/``) or a test act as the customer: it builds the
  webhook exactly as the provider would, signs it, and posts it to Parley's ingest service.
"""
