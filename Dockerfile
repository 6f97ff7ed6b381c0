# syntax=docker/dockerfile:1
# kubetutor's Telegram bot. Build: docker compose build (or: docker build -t kubetutor .)
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    PTB_TIMEDELTA=1 \
    KUBETUTOR_DATA_DIR=/data

WORKDIR /app

# Dependencies first, exactly as locked (every file checked against its hash),
# so code changes rebuild only the layers below.
COPY requirements.lock ./
RUN pip install --require-hashes -r requirements.lock

COPY pyproject.toml README.md ./
COPY bot ./bot
COPY lessons ./lessons
COPY storage ./storage
COPY sandbox ./sandbox
RUN pip install --no-deps . && rm -rf build *.egg-info

# The user the bot runs as. Its uid should match the host user who owns
# ~/.kube and ~/.minikube, whose key files (mode 600) are mounted read-only:
# docker compose passes UID from the environment (see README).
ARG UID=1000
RUN useradd --uid "${UID}" --create-home --shell /usr/sbin/nologin kubetutor \
    && mkdir -p /data \
    && chown kubetutor /data
USER kubetutor
VOLUME ["/data"]

# Healthy when the database opens (and is migrated); the bot's own loop is
# watched by Docker's restart policy.
HEALTHCHECK --interval=30s --timeout=10s --start-period=30s --retries=3 \
    CMD ["kubetutor", "health"]

# PTB stops on SIGTERM after the updates it fetched are handled.
STOPSIGNAL SIGTERM
CMD ["kubetutor", "bot"]
