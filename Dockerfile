# syntax=docker/dockerfile:1
# Build stage: dependencies compiled into a virtualenv.
FROM python:3.12-slim AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN apt-get update && apt-get install -y --no-install-recommends build-essential libjpeg-dev zlib1g-dev \
    && rm -rf /var/lib/apt/lists/*
RUN python -m venv /venv
ENV PATH=/venv/bin:$PATH
WORKDIR /app
COPY requirements.lock ./
RUN pip install --require-hashes --no-deps -r requirements.lock

# Runtime stage: no compilers, a user without root rights, static files collected at build time.
FROM python:3.12-slim AS runtime
ENV PATH=/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=starkimamt.settings.production \
    PORT=8000
RUN apt-get update && apt-get install -y --no-install-recommends libjpeg62-turbo zlib1g \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --create-home --uid 10001 starkimamt
COPY --from=build /venv /venv
WORKDIR /app
COPY --chown=starkimamt:starkimamt . .
# collectstatic needs settings but no database or real secret.
RUN SECRET_KEY=build-only ALLOWED_HOSTS=localhost python manage.py collectstatic --noinput --verbosity 0
USER starkimamt
EXPOSE 8000
# Migrations are a release step (`python manage.py migrate`), never part of the start command.
CMD ["sh", "-c", "exec gunicorn starkimamt.wsgi:application --bind 0.0.0.0:${PORT} --workers ${GUNICORN_WORKERS:-3} --timeout 30 --access-logfile -"]
