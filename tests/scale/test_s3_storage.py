"""S3Storage against a real S3 server on loopback (rclone serve s3, which speaks the protocol MinIO does)."""

from __future__ import annotations

import logging
import pickle
import secrets
import threading
import time
from pathlib import Path

import pytest
from minio.error import S3Error, ServerError

from pipeline.retry import RetryPolicy
from pipeline.storage import open_storage
from pipeline.storage.s3 import S3ConfigError, S3Endpoint, S3Storage, _client, is_transient
from tests.scale.conftest import S3Server, free_port, start_rclone, stop

pytestmark = pytest.mark.services

KEYS = [
    "П-001/Диплом №1 (копия).pdf",
    "П-001/portfolio.json",
    "П-001/қосымша/Алғыс хат ә.png",
    "П-002/Сертификат 2024.pdf",
    "stray.txt",
]


def new_bucket() -> str:
    return f"test-{secrets.token_hex(4)}"


def test_round_trip_listing_and_unicode_keys(s3_server: S3Server) -> None:
    bucket = new_bucket()
    store = open_storage(f"s3://{bucket}/партия 2025")
    assert isinstance(store, S3Storage)
    for i, key in enumerate(KEYS):
        store.write_bytes(key, f"{i}:{key}".encode() * 100)
    assert list(store.list()) == sorted(KEYS)
    assert list(store.list("П-001")) == sorted(k for k in KEYS if k.startswith("П-001/"))
    assert list(store.list("П-001/Диплом №1 (копия).pdf")) == ["П-001/Диплом №1 (копия).pdf"]
    assert list(store.list("П-00")) == []  # a prefix names a folder, as for local storage, not a string prefix
    key = KEYS[2]
    assert store.read_bytes(key) == f"2:{key}".encode() * 100
    assert store.size(key) == len(f"2:{key}".encode()) * 100
    assert store.exists(key) and not store.exists("П-001/нет.pdf")
    child = store.child("П-001")
    assert child.url == f"s3://{bucket}/партия 2025/П-001"
    assert list(child.list()) == ["portfolio.json", "Диплом №1 (копия).pdf", "қосымша/Алғыс хат ә.png"]
    # The server stored the keys as they are (not percent-encoded or mangled): rclone keeps objects as files.
    assert (s3_server.root / bucket / "партия 2025" / "П-001" / "қосымша" / "Алғыс хат ә.png").is_file()


def test_missing_keys_and_buckets(s3_server: S3Server) -> None:
    store = open_storage(f"s3://{new_bucket()}/x")
    assert list(store.list()) == []  # no such bucket: an empty batch, like a missing local folder
    with pytest.raises(FileNotFoundError):
        store.read_bytes("a.pdf")
    with pytest.raises(FileNotFoundError):
        store.size("a.pdf")
    assert not store.exists("a.pdf")
    with pytest.raises(ValueError):
        store.read_bytes("../other/a.pdf")


def test_writing_creates_the_bucket(s3_server: S3Server) -> None:
    bucket = new_bucket()
    assert not (s3_server.root / bucket).exists()
    open_storage(f"s3://{bucket}/out").write_bytes("evidence.jsonl", b"{}\n")
    assert (s3_server.root / bucket / "out" / "evidence.jsonl").read_bytes() == b"{}\n"


def test_a_reader_sees_the_old_object_or_the_new_one_never_a_part(s3_server: S3Server) -> None:
    store = open_storage(f"s3://{new_bucket()}")
    size = 4 * 2**20
    versions = [bytes([v]) * size for v in range(10)]
    store.write_bytes("big.bin", versions[0])
    seen: list[bytes] = []
    errors: list[BaseException] = []
    writing = threading.Event()

    def read_while_writing() -> None:
        while not writing.is_set():
            time.sleep(0.001)
        while writing.is_set():
            try:
                seen.append(store.read_bytes("big.bin"))
            except BaseException as exc:
                errors.append(exc)

    reader = threading.Thread(target=read_while_writing)
    reader.start()
    writing.set()
    # Keep overwriting until the reader has read during at least three writes (a loaded machine reads slowly).
    deadline, written = time.monotonic() + 60, 0
    while written < len(versions) - 1 or (len(seen) < 3 and time.monotonic() < deadline):
        written += 1
        store.write_bytes("big.bin", versions[written % len(versions)])
    last = versions[written % len(versions)]
    writing.clear()
    reader.join()
    assert not errors
    assert len(seen) >= 3, "the reader did not overlap the writes"
    assert all(data in versions for data in seen)  # whole versions only
    assert store.read_bytes("big.bin") == last
    assert list(store.list()) == ["big.bin"]  # no temporary objects left next to it


def test_a_transient_failure_is_retried_with_back_off(
    s3_server: S3Server, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    # A server that is down when the write starts and comes up 1.5 s later (a MinIO restart): a real refused
    # connection, then a real success.
    port = free_port()
    env = S3Endpoint(endpoint=f"127.0.0.1:{port}", access_key="late-key", secret_key="late-secret", secure=False)
    client = _client(f"127.0.0.1:{port}", False, env.access_key, env.secret_key.get_secret_value(), env.region)
    store = S3Storage(client, "flaky", "p", policy=RetryPolicy(attempts=8, base_delay=0.2, max_delay=2))
    root = tmp_path / "late"
    root.mkdir()
    late: list = []
    timer = threading.Timer(
        1.5, lambda: late.append(start_rclone(root, port, "late-key", "late-secret", tmp_path / "late.log"))
    )
    timer.start()
    try:
        with caplog.at_level(logging.WARNING, logger="pipeline.retry"):
            started = time.monotonic()
            store.write_bytes("файл.pdf", b"data")
            elapsed = time.monotonic() - started
        retries = [r for r in caplog.records if "retry" in r.getMessage()]
        assert retries, "the write succeeded without a retry: the server was up too early"
        assert elapsed >= 1.0
        assert (root / "flaky" / "p" / "файл.pdf").read_bytes() == b"data"
        assert all("flaky" in r.getMessage() for r in retries)  # the log says what was retried
    finally:
        timer.cancel()
        for proc in late:
            stop(proc)


def test_a_permanent_error_is_not_retried(s3_server: S3Server, caplog: pytest.LogCaptureFixture) -> None:
    client = _client(s3_server.endpoint, False, s3_server.access_key, "wrong-secret", "us-east-1")
    store = S3Storage(client, new_bucket(), policy=RetryPolicy(attempts=5, base_delay=1))
    started = time.monotonic()
    with caplog.at_level(logging.WARNING, logger="pipeline.retry"), pytest.raises(S3Error):
        store.write_bytes("a.txt", b"x")
    assert time.monotonic() - started < 1.0
    assert not [r for r in caplog.records if "retry" in r.getMessage()]


def test_which_errors_are_transient() -> None:
    assert is_transient(ServerError("server failed with HTTP status code 503", 503))
    assert is_transient(ConnectionResetError())
    assert not is_transient(ServerError("not found", 404))
    assert not is_transient(ValueError("bad key"))


def test_credentials_come_from_the_environment_and_never_show(
    s3_server: S3Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("MINIO_SECRET_KEY", "very-secret-value-42")
    monkeypatch.delenv("MINIO_ACCESS_KEY")
    with pytest.raises(S3ConfigError) as failure:
        open_storage("s3://bucket/prefix")
    message = str(failure.value)
    assert "MINIO_ACCESS_KEY" in message and "very-secret-value-42" not in message
    monkeypatch.setenv("MINIO_ACCESS_KEY", s3_server.access_key)
    assert "very-secret-value-42" not in repr(S3Endpoint.from_env())
    store = open_storage("s3://bucket/prefix")
    assert "very-secret-value-42" not in repr(store)
    # Sent to a Dask worker as its URL only; the worker reads its own environment.
    assert b"very-secret-value-42" not in pickle.dumps(store)
    assert pickle.loads(pickle.dumps(store)).url == "s3://bucket/prefix"


def test_endpoint_scheme_sets_tls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MINIO_SECURE", raising=False)
    plain = S3Endpoint(endpoint="http://minio:9000/", access_key="a", secret_key="b")
    assert plain.host_and_secure() == ("minio:9000", False)
    assert S3Endpoint(endpoint="minio:9000", access_key="a", secret_key="b").host_and_secure() == ("minio:9000", True)
    explicit = S3Endpoint(endpoint="minio:9000", access_key="a", secret_key="b", secure=False)
    assert explicit.host_and_secure() == ("minio:9000", False)
