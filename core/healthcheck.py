"""The container's HEALTHCHECK: `python -m core.healthcheck` asks this instance's /healthz.

No curl in the image: Python's urllib is enough. The Host header is the first allowed host, so the probe
passes Django's host check; X-Forwarded-Proto says https as the proxy would, so no redirect answers it.
Exit code 0 when /healthz answers 200, 1 otherwise (database down: 503).
"""

import os
import sys
import urllib.error
import urllib.request


def probe_host() -> str:
    for host in os.environ.get("ALLOWED_HOSTS", "").split(","):
        host = host.strip().lstrip(".")
        if host and host != "*":
            return host
    return "localhost"


def main() -> int:
    url = f"http://127.0.0.1:{os.environ.get('PORT', '8000')}/healthz"
    request = urllib.request.Request(url, headers={"Host": probe_host(), "X-Forwarded-Proto": "https"})  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=float(os.environ.get("HEALTHCHECK_TIMEOUT", "4"))) as response:  # noqa: S310
            return 0 if response.status == 200 else 1
    except (urllib.error.URLError, OSError) as error:
        print(f"healthz: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
