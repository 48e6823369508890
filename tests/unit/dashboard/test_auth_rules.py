from parley_conversations.operators import Role
from parley_dashboard.auth.passwords import WeakPassword, hash_password, verify_password
from parley_dashboard.auth.principal import Principal


def test_passwords_are_argon2id_hashes_that_verify_only_the_right_password():
    stored = hash_password("correct horse battery")
    assert stored.startswith("$argon2id$") and "correct" not in stored
    assert verify_password(stored, "correct horse battery")
    assert not verify_password(stored, "wrong horse battery")
    assert not verify_password(None, "anything at all")
    try:
        hash_password("short")
    except WeakPassword:
        pass
    else:
        raise AssertionError("a short password was accepted")


def test_roles_are_cumulative_and_business_units_bound_what_is_seen():
    manager = Principal("operator", "op_1", "M", Role.MANAGER, frozenset({"demo"}))
    assert manager.may(Role.OPERATOR) and manager.may(Role.MANAGER) and not manager.may(Role.ADMIN)
    assert manager.sees("demo") and not manager.sees("aurora")
    assert manager.covers(["demo"]) and not manager.covers(["demo", "aurora"])
    everywhere = Principal("integration", "key_env", "env", Role.ADMIN, None)
    assert everywhere.sees("anything") and everywhere.actor().kind == "integration"
