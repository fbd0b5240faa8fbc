"""Every environment variable the application reads is in deploy/prod.env.example and in the README table,
and the compose file describes the topology a sysadmin relies on."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
READERS = re.compile(
    r"""(?:os\.environ\.get|os\.getenv|os\.environ\.setdefault|env_bool|env_list|require_env|_int)\(\s*["']([A-Z][A-Z0-9_]*)["']"""
    r"""|os\.environ\[\s*["']([A-Z][A-Z0-9_]*)["']\s*\]"""
)
# Read only by the test settings, never in production.
TEST_ONLY = {"TEST_MEDIA_ROOT"}
# Read by libraries, not by our code: boto3 takes the S3 keys from the environment.
READ_BY_LIBRARIES = {"AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY", "DJANGO_SETTINGS_MODULE"}


def variables_read():
    sources = [*sorted((ROOT / "starkimamt" / "settings").glob("*.py")), ROOT / "gunicorn.conf.py",
               ROOT / "core" / "healthcheck.py"]
    names = set()
    for source in sources:
        for match in READERS.finditer(source.read_text()):
            names.add(match.group(1) or match.group(2))
    return names


def example_variables():
    text = (ROOT / "deploy" / "prod.env.example").read_text()
    return set(re.findall(r"^#?\s?([A-Z][A-Z0-9_]*)=", text, re.MULTILINE))


def readme_variables():
    text = (ROOT / "README.md").read_text()
    section = text.split("## Konfiguration (Umgebungsvariablen)", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("| `")]
    return {name for row in rows for name in re.findall(r"`([A-Z][A-Z0-9_]*)`", row.split("|")[1])}


def test_the_scan_finds_what_the_settings_read():
    names = variables_read()
    # A few the settings are known to read, in each of the ways they read them.
    assert {"SECRET_KEY", "DEBUG", "ALLOWED_HOSTS", "DATABASE_URL", "PORT", "GUNICORN_WORKERS"} <= names
    assert "TEST_MEDIA_ROOT" in names  # test.py is scanned too


def test_every_variable_is_in_the_example_file():
    missing = variables_read() - TEST_ONLY - example_variables()
    assert not missing, f"in deploy/prod.env.example fehlen: {sorted(missing)}"
    assert example_variables() >= READ_BY_LIBRARIES


def test_every_variable_is_in_the_readme_table():
    missing = variables_read() - TEST_ONLY - readme_variables()
    assert not missing, f"in der Tabelle im README fehlen: {sorted(missing)}"
    assert readme_variables() >= READ_BY_LIBRARIES
    unknown = readme_variables() - variables_read() - READ_BY_LIBRARIES
    assert not unknown, f"im README, aber von niemandem gelesen: {sorted(unknown)}"


def test_compose_describes_the_production_topology():
    compose = yaml.safe_load((ROOT / "deploy" / "compose.yaml").read_text())
    services = compose["services"]
    assert services["migrate"]["command"] == [
        "sh", "-c", "python manage.py migrate --noinput && python manage.py apply_site_url"]
    web = [name for name, service in services.items() if service.get("command") is None and "build" in service]
    assert len(web) >= 2
    for name in web:
        assert services[name]["depends_on"]["migrate"]["condition"] == "service_completed_successfully"
        assert services[name]["read_only"] is True
    assert services["timer"]["command"] == ["python", "manage.py", "run_timers"]
    redis = " ".join(services["redis"]["command"])
    assert "--maxmemory 256mb" in redis and "--maxmemory-policy allkeys-lru" in redis
    assert {"postgres", "minio", "proxy"} <= set(services)
    assert "nginx.conf" in " ".join(services["proxy"]["volumes"])
