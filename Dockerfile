# The portfolio-screen image: the pipeline, Prefect (server, workers) and Dask (scheduler, workers) in one image,
# so every container of docker-compose.yml runs the same code and the same pinned libraries.
FROM python:3.11-slim-bookworm

# OMP_THREAD_LIMIT=1: one Tesseract thread per process, parallelism comes from workers (measured on 2 cores:
# 2 processes × 1 thread ≈ 1.2 pages/s, 1 process × 2 threads ≈ 0.3 pages/s).
ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    OMP_THREAD_LIMIT=1

# Tesseract with the Russian and Kazakh models; OpenCV's runtime libraries; Cyrillic fonts for rendering PDFs
# that do not embed theirs.
RUN apt-get update \
    && apt-get install -y --no-install-recommends \
        tesseract-ocr tesseract-ocr-rus tesseract-ocr-kaz tesseract-ocr-eng \
        libgl1 libglib2.0-0 \
        fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /app

# Dependencies first, from pyproject's list pinned by constraints.txt: a code change does not reinstall them.
COPY pyproject.toml constraints.txt ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install -c constraints.txt -r /tmp/requirements.txt \
    && rm /tmp/requirements.txt

# The project itself, editable: rule data is read from /app/data, next to the code (pipeline/config.py REPO_ROOT).
COPY . .
RUN pip install --no-deps -c constraints.txt -e . \
    && useradd --create-home --uid 10001 screen \
    && chown -R screen /app
USER screen

# Each service of docker-compose.yml says what to run; alone, the image screens a batch.
ENTRYPOINT []
CMD ["portfolio-screen", "--help"]
