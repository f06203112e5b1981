"""S3 storage (MinIO or any S3 server) through the `minio` client.

Endpoint and credentials come only from the environment (`MINIO_ENDPOINT`, `MINIO_ACCESS_KEY`,
`MINIO_SECRET_KEY`, `MINIO_SECURE`), read where the storage is opened: on a Dask worker that is the worker's
own environment, so credentials never travel inside task parameters, and nothing here logs them.
"""

from __future__ import annotations

import io
import mimetypes
import threading
from collections.abc import Callable, Iterator
from functools import lru_cache
from typing import ClassVar, TypeVar

import urllib3
from minio import Minio
from minio.error import InvalidResponseError, S3Error, ServerError
from pydantic import SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from pipeline.retry import DEFAULT_POLICY, RetryPolicy, with_retries

T = TypeVar("T")

# S3 error codes that mean "try again later" (AWS and MinIO documentation of error responses).
_TRANSIENT_CODES = frozenset(
    {
        "SlowDown",
        "ServiceUnavailable",
        "InternalError",
        "RequestTimeout",
        "OperationAborted",
        "XMinioServerNotInitialized",
    }
)
_MISSING_CODES = frozenset({"NoSuchKey", "NoSuchBucket", "NoSuchObject", "ResourceNotFound"})


class S3ConfigError(RuntimeError):
    """The environment does not say how to reach the S3 server."""


class S3Endpoint(BaseSettings):
    """Where the S3 server is, from MINIO_* variables. The secret is a SecretStr so no repr can show it."""

    model_config = SettingsConfigDict(env_prefix="MINIO_", extra="ignore")

    endpoint: str
    access_key: str
    secret_key: SecretStr
    secure: bool | None = None  # unset: https unless the endpoint says http://
    region: str = "us-east-1"  # MinIO's default; saves a GetBucketLocation round trip per bucket

    @classmethod
    def from_env(cls) -> S3Endpoint:
        try:
            return cls()  # type: ignore[call-arg]  # fields come from the environment
        except ValidationError as exc:
            # Name the variables, never echo their values (pydantic's message would include the input).
            problems = sorted({f"MINIO_{str(err['loc'][0]).upper()} ({err['type']})" for err in exc.errors()})
            raise S3ConfigError(
                "s3:// storage needs MINIO_ENDPOINT, MINIO_ACCESS_KEY and MINIO_SECRET_KEY (and optionally "
                f"MINIO_SECURE=true|false) in the environment; missing or invalid: {', '.join(problems)}"
            ) from None

    def host_and_secure(self) -> tuple[str, bool]:
        host, secure = self.endpoint.strip(), self.secure
        for scheme, is_tls in (("https://", True), ("http://", False)):
            if host.startswith(scheme):
                host = host[len(scheme) :]
                secure = is_tls if secure is None else secure
        return host.rstrip("/"), True if secure is None else secure


@lru_cache(maxsize=8)
def _client(host: str, secure: bool, access_key: str, secret_key: str, region: str) -> Minio:
    """One client (and connection pool) per process and endpoint: tasks open storages by URL, many times."""
    http = urllib3.PoolManager(
        timeout=urllib3.Timeout(connect=10, read=120),
        maxsize=16,  # connections kept per host: one per concurrent task is plenty
        # No retries down here: `with_retries` is the one retry layer, so back-off and logging stay in one place.
        retries=False,
    )
    return Minio(host, access_key=access_key, secret_key=secret_key, secure=secure, region=region, http_client=http)


def is_transient(exc: BaseException) -> bool:
    """Connection trouble and server-side 5xx/SlowDown are worth retrying; a missing key or a 403 is not."""
    if isinstance(exc, S3Error):
        status = getattr(exc.response, "status", 0) or 0
        return exc.code in _TRANSIENT_CODES or status >= 500 or status == 429
    if isinstance(exc, ServerError):
        return exc.status_code >= 500 or exc.status_code == 429
    if isinstance(exc, InvalidResponseError):  # a proxy's HTML error page
        code = getattr(exc, "_code", 0) or 0
        return code >= 500 or code == 429
    return isinstance(exc, urllib3.exceptions.HTTPError | ConnectionError | TimeoutError)


def is_missing(exc: BaseException) -> bool:
    """No such key or bucket. Some servers (rclone) send their XML error as text/xml, which the client then
    reports as a non-XML response: the 404 status still says it."""
    if isinstance(exc, S3Error):
        return exc.code in _MISSING_CODES
    return isinstance(exc, InvalidResponseError) and getattr(exc, "_code", 0) == 404


def _check_key(key: str) -> str:
    parts = key.split("/")
    if key.startswith("/") or any(p in ("", ".", "..") for p in parts):
        raise ValueError(f"not a storage key: {key!r}")
    return key


class S3Storage:
    """A bucket and a prefix in it. Keys are '/'-separated and relative to the prefix, as for LocalStorage."""

    _made_buckets: ClassVar[set[tuple[int, str]]] = set()  # (client, bucket) known to exist, per process
    _made_lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, client: Minio, bucket: str, prefix: str = "", *, policy: RetryPolicy = DEFAULT_POLICY) -> None:
        self.client, self.bucket, self.policy = client, bucket, policy
        self.prefix = prefix.strip("/")
        self.url = f"s3://{bucket}/{self.prefix}" if self.prefix else f"s3://{bucket}"

    @classmethod
    def from_url(cls, url: str, *, policy: RetryPolicy = DEFAULT_POLICY) -> S3Storage:
        if not url.startswith("s3://"):
            raise ValueError(f"not an s3:// URL: {url!r}")
        bucket, _, prefix = url[len("s3://") :].partition("/")
        if not bucket:
            raise ValueError(f"no bucket in {url!r}")
        env = S3Endpoint.from_env()
        host, secure = env.host_and_secure()
        client = _client(host, secure, env.access_key, env.secret_key.get_secret_value(), env.region)
        return cls(client, bucket, prefix, policy=policy)

    def __repr__(self) -> str:
        return f"S3Storage({self.url!r})"

    def __reduce__(self) -> tuple[Callable[..., S3Storage], tuple[str]]:
        # Pickled (e.g. to a Dask worker) as its URL only: the receiver reads its own MINIO_* environment,
        # so credentials are never serialised.
        return (S3Storage.from_url, (self.url,))

    # --- helpers ---
    def _name(self, key: str) -> str:
        _check_key(key)
        return f"{self.prefix}/{key}" if self.prefix else key

    def _retry(self, what: str, operation: Callable[[], T]) -> T:
        return with_retries(operation, is_transient=is_transient, what=f"S3 {what}", policy=self.policy)

    def _ensure_bucket(self) -> None:
        marker = (id(self.client), self.bucket)
        if marker in self._made_buckets:
            return

        def make() -> None:
            if not self.client.bucket_exists(self.bucket):
                try:
                    self.client.make_bucket(self.bucket)
                except S3Error as exc:  # another worker made it first
                    if exc.code not in ("BucketAlreadyOwnedByYou", "BucketAlreadyExists"):
                        raise

        self._retry(f"create bucket {self.bucket}", make)
        with self._made_lock:
            self._made_buckets.add(marker)

    # --- the Storage protocol ---
    def list(self, prefix: str = "") -> Iterator[str]:
        base = self._name(prefix) if prefix else self.prefix
        start = len(self.prefix) + 1 if self.prefix else 0

        def names() -> list[str]:
            # Materialised inside the retry: a listing that fails half-way is started again, not resumed.
            try:
                found = self.client.list_objects(self.bucket, prefix=f"{base}/" if base else None, recursive=True)
                return [o.object_name for o in found if o.object_name and not o.is_dir and o.object_name[-1] != "/"]
            except (S3Error, InvalidResponseError) as exc:
                if is_missing(exc):
                    return []  # no such bucket: like a local folder that does not exist, nothing in it
                raise

        keys = sorted(name[start:] for name in self._retry(f"list {self.url}/{prefix}", names))
        if not keys and prefix and self.exists(prefix):
            keys = [prefix]  # a key naming a single object lists itself, as LocalStorage does for a file
        yield from keys

    def read_bytes(self, key: str) -> bytes:
        name = self._name(key)

        def get() -> bytes:
            try:
                response = self.client.get_object(self.bucket, name)
            except (S3Error, InvalidResponseError) as exc:
                if is_missing(exc):
                    raise FileNotFoundError(f"{self.url}/{key}") from None
                raise
            try:
                return response.read()
            finally:
                response.close()
                response.release_conn()

        return self._retry(f"read {self.url}/{key}", get)

    def write_bytes(self, key: str, data: bytes) -> None:
        """One PUT (or one completed multipart upload): S3 makes the new object visible whole or not at all."""
        name = self._name(key)
        self._ensure_bucket()
        content_type = mimetypes.guess_type(key)[0] or "application/octet-stream"

        def put() -> None:
            # A fresh stream per try: a failed try may have consumed part of the previous one.
            self.client.put_object(self.bucket, name, io.BytesIO(data), len(data), content_type=content_type)

        self._retry(f"write {self.url}/{key}", put)

    def _stat_size(self, key: str) -> int | None:
        name = self._name(key)

        def stat() -> int | None:
            try:
                return self.client.stat_object(self.bucket, name).size
            except (S3Error, InvalidResponseError) as exc:
                if is_missing(exc):
                    return None
                raise

        return self._retry(f"stat {self.url}/{key}", stat)

    def exists(self, key: str) -> bool:
        return self._stat_size(key) is not None

    def size(self, key: str) -> int:
        size = self._stat_size(key)
        if size is None:
            raise FileNotFoundError(f"{self.url}/{key}")
        return size

    def child(self, prefix: str) -> S3Storage:
        joined = f"{self.prefix}/{prefix.strip('/')}" if self.prefix else prefix.strip("/")
        return S3Storage(self.client, self.bucket, joined, policy=self.policy)
