"""Who is calling: operators with a login session, integrations with an API key; what each may do."""
