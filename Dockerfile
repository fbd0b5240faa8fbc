# Stark im Amt: one image for every web instance, the release step (migrate) and the timer jobs.
# Plain Dockerfile syntax (no BuildKit features): builds with `docker build`, the legacy builder and podman.
#
#   docker build -t starkimamt .                 (podman: podman build --format docker -t starkimamt .,
#                                                 the docker format keeps the HEALTHCHECK)
#   docker run --rm --env-file prod.env starkimamt sh -c 'python manage.py migrate --noinput && python manage.py apply_site_url'   # release step
#   docker run -d --read-only --tmpfs /tmp --env-file prod.env -p 8000:8000 starkimamt
#
# Build stage: every dependency from requirements.lock, checked against its hash, as wheels only, so that
# no compiler is needed here and none reaches the image.
FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /venv
COPY requirements.lock /tmp/requirements.lock
RUN /venv/bin/pip install --require-hashes --no-deps --only-binary=:all: -r /tmp/requirements.lock \
    && /venv/bin/pip uninstall --yes pip

# Runtime stage: the virtualenv and the code, owned by root and only readable for the runtime user.
FROM python:3.12-slim AS runtime
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=starkimamt.settings.production \
    PORT=8000
RUN useradd --uid 10001 --user-group --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin starkimamt
COPY --from=build /venv /venv
WORKDIR /app
# The dependency layer above does not change when only code, templates or the README change.
COPY . .
# Static files collected and bytecode compiled at build time: the running container writes nothing.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput --verbosity 0 \
    && python -m compileall -q /app \
    && chmod -R u=rwX,go=rX /app
USER 10001:10001
EXPOSE 8000
# gunicorn.conf.py in /app sets workers, threads, timeouts and logging from the environment.
# Migrations are a release step (`python manage.py migrate --noinput`), never part of the start command.
CMD ["gunicorn", "starkimamt.wsgi:application"]
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 CMD ["python", "-m", "core.healthcheck"]
