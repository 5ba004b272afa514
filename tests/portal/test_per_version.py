"""Values every page shows are kept per process until the public cache version changes, and not for ever:
without a shared cache another process's publish is invisible here, so they also age out."""

from portal import cache as public_cache


def test_a_kept_value_is_recomputed_when_the_version_changes_or_it_ages_out(db, monkeypatch):
    clock = [1000.0]
    monkeypatch.setattr(public_cache.time, "monotonic", lambda: clock[0])
    computed = []

    def compute():
        computed.append(len(computed) + 1)
        return computed[-1]

    assert public_cache.per_version("test-value", "host", compute) == 1
    assert public_cache.per_version("test-value", "host", compute) == 1  # kept
    public_cache.bump_public_cache_version()
    assert public_cache.per_version("test-value", "host", compute) == 2  # a publish here
    clock[0] += public_cache.PER_VERSION_MAX_AGE_S + 1
    assert public_cache.per_version("test-value", "host", compute) == 3  # a publish elsewhere may be unseen
    assert public_cache.per_version("test-value", "host", compute) == 3


def test_past_the_limit_of_keys_values_are_computed_not_kept(db, monkeypatch):
    monkeypatch.setattr(public_cache, "PER_VERSION_MAX_KEYS", 2)
    computed = []

    def compute():
        computed.append(1)
        return len(computed)

    assert public_cache.per_version("test-keys", "a.example", compute) == 1
    assert public_cache.per_version("test-keys", "b.example", compute) == 2
    assert public_cache.per_version("test-keys", "made-up.example", compute) == 3
    assert public_cache.per_version("test-keys", "made-up.example", compute) == 4  # not kept
    assert public_cache.per_version("test-keys", "a.example", compute) == 1  # the first ones still are
