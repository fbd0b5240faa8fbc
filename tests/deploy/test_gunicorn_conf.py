"""gunicorn.conf.py takes its numbers from the environment and its proxy trust from the proxy setting."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def gunicorn_config(**env):
    base = {k: v for k, v in os.environ.items() if not k.startswith(("GUNICORN_", "FORWARDED_", "TRUSTED_PROXY"))}
    output = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--print-config", "starkimamt.wsgi"],
        cwd=ROOT, env={**base, **env}, capture_output=True, text=True, check=True, timeout=60,
    ).stdout
    config = {}
    for line in output.splitlines():
        name, _, value = line.partition("=")
        config[name.strip()] = value.strip()
    return config


def test_defaults_are_threaded_workers_with_renewal_and_limits():
    config = gunicorn_config()
    assert config["worker_class"] == "gthread" and config["threads"] == "4" and config["workers"] == "3"
    assert int(config["max_requests"]) > 0 and int(config["max_requests_jitter"]) > 0
    assert int(config["graceful_timeout"]) < 30 <= int(config["timeout"])  # below compose's stop grace period
    assert config["worker_tmp_dir"] == "/dev/shm"  # noqa: S108 (works with a read-only root filesystem)
    assert config["logger_class"] == "core.logging.GunicornLogger"
    assert config["limit_request_line"] == "4094" and config["limit_request_fields"] == "100"
    # Without a proxy nobody may set the scheme through X-Forwarded-Proto.
    assert config["forwarded_allow_ips"] == "[]"


def test_the_environment_sets_workers_threads_and_timeouts():
    config = gunicorn_config(GUNICORN_WORKERS="5", GUNICORN_THREADS="1", GUNICORN_TIMEOUT="45", PORT="9001")
    assert config["workers"] == "5" and config["worker_class"] == "sync" and config["timeout"] == "45"
    assert config["bind"] == "['0.0.0.0:9001']"


def test_behind_a_proxy_its_forwarded_headers_are_trusted():
    assert gunicorn_config(TRUSTED_PROXY_COUNT="1")["forwarded_allow_ips"] == "['*']"
    narrowed = gunicorn_config(TRUSTED_PROXY_COUNT="1", FORWARDED_ALLOW_IPS="10.0.0.5")
    assert narrowed["forwarded_allow_ips"] == "['10.0.0.5']"
