"""What a helper process of INGEST_PROCESSES is started with (parley_ingest.processes)."""

from parley_ingest.processes import LISTEN_FD, PARENT_PID, helper_env


def test_a_helper_reads_no_mailbox_and_serves_the_inherited_socket():
    env = helper_env({"EMAIL_READERS_ENABLED": "true", "INGEST_PROCESSES": "4", "KEEP": "x"}, 7, 1234)
    assert env["EMAIL_READERS_ENABLED"] == "false"
    assert env["INGEST_PROCESSES"] == "1"
    assert env[LISTEN_FD] == "7" and env[PARENT_PID] == "1234" and env["KEEP"] == "x"
