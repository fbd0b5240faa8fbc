from portal.tests.lotse_world import world  # noqa: F401  (a fixture for the Lotse's tests)
