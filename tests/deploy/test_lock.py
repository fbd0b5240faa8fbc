"""requirements.lock (what the image installs) agrees with pyproject.toml (the ranges we accept)."""

import re
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[2]
# The platforms the lock must serve: the image (3.12 on Linux) and developers' machines (3.11+).
ENVIRONMENTS = [
    {"python_version": "3.11", "python_full_version": "3.11.9", "sys_platform": "linux"},
    {"python_version": "3.12", "python_full_version": "3.12.8", "sys_platform": "linux"},
]
ENTRY = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)\s*(?:;\s*([^\\]+?))?\s*\\?$")


def lock_entries():
    """{name: [(version, marker or None, hashes)]} from requirements.lock."""
    entries: dict[str, list] = {}
    current = None
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        match = ENTRY.match(line)
        if match:
            name, version, marker = match.groups()
            current = [Version(version), Marker(marker) if marker else None, []]
            entries.setdefault(canonicalize_name(name), []).append(current)
        elif line.strip().startswith("--hash=sha256:") and current is not None:
            current[2].append(line.strip())
    return entries


def runtime_requirements():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    return [Requirement(dep) for dep in project["dependencies"]]


def pinned(entries, name, environment):
    """The version the lock installs for `name` on `environment`, or None."""
    for version, marker, _hashes in entries.get(canonicalize_name(name), []):
        if marker is None or marker.evaluate(environment):
            return version
    return None


def test_every_runtime_dependency_is_pinned_within_its_range():
    entries = lock_entries()
    problems = []
    for requirement in runtime_requirements():
        for environment in ENVIRONMENTS:
            version = pinned(entries, requirement.name, environment)
            if version is None:
                problems.append(f"{requirement.name} fehlt für Python {environment['python_version']}")
            elif not requirement.specifier.contains(version, prereleases=True):
                problems.append(f"{requirement.name}=={version} liegt nicht in {requirement.specifier}")
    assert not problems, "requirements.lock passt nicht zu pyproject.toml (make lock): " + "; ".join(problems)


def test_the_extras_we_ask_for_are_in_the_lock():
    # whitenoise[brotli], psycopg[binary], django-storages[s3]: the extra's packages must be locked too, or
    # the image would install the package without what the extra adds (no brotli files, no S3 client).
    entries = lock_entries()
    problems = []
    for requirement in runtime_requirements():
        if not requirement.extras:
            continue
        try:
            requires = distribution(requirement.name).requires or []
        except PackageNotFoundError:  # pragma: no cover - the venv is installed from the lock
            problems.append(f"{requirement.name} ist nicht installiert")
            continue
        for extra in requirement.extras:
            for line in requires:
                dependency = Requirement(line)
                environment = {**ENVIRONMENTS[1], "extra": extra}
                if dependency.marker is None or not dependency.marker.evaluate(environment):
                    continue
                version = pinned(entries, dependency.name, ENVIRONMENTS[1])
                if version is None or not dependency.specifier.contains(version, prereleases=True):
                    problems.append(f"{requirement.name}[{extra}] braucht {dependency}, gesperrt: {version}")
    assert not problems, "; ".join(problems)


def test_every_locked_package_has_hashes_and_no_dev_tool_is_locked():
    entries = lock_entries()
    without_hashes = [name for name, versions in entries.items() for v in versions if not v[2]]
    assert not without_hashes, f"ohne Hash: {without_hashes}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    runtime = {canonicalize_name(r.name) for r in runtime_requirements()}
    dev_only = {canonicalize_name(Requirement(d).name) for d in project["optional-dependencies"]["dev"]} - runtime
    # Tools only for tests and development stay out of the image.
    assert dev_only & {"pytest", "playwright", "moto", "uv", "ruff"}
    assert not (dev_only & set(entries)), f"Entwicklungswerkzeuge im Lock: {sorted(dev_only & set(entries))}"


def test_the_lock_says_how_to_refresh_it():
    header = (ROOT / "requirements.lock").read_text().splitlines()[:2]
    assert header[1].strip("# ") == "make lock"
