"""The job loop: take a job, handle it, retry a failure, stop cleanly on a signal."""

import logging
import queue
import threading

log = logging.getLogger("worker")


class Consumer:
    """Consumes jobs from a source with `get(timeout)` (a queue.Queue or a broker client).

    `handle(job)` does the work; a job that raises is retried up to `max_attempts`
    times, then logged as failed and dropped (send it to a dead-letter queue here).
    """

    def __init__(self, source, handle, max_attempts=3, poll_interval=1.0):
        self.source = source
        self.handle = handle
        self.max_attempts = max_attempts
        self.poll_interval = poll_interval
        self.stopping = threading.Event()
        self.processed = 0
        self.failed = 0

    def stop(self):
        self.stopping.set()

    def run(self):
        log.info("consumer started")
        while not self.stopping.is_set():
            try:
                job = self.source.get(timeout=self.poll_interval)
            except queue.Empty:
                continue
            self._process(job)
        log.info("consumer stopped", extra={"fields": {"processed": self.processed, "failed": self.failed}})

    def _process(self, job):
        for attempt in range(1, self.max_attempts + 1):
            try:
                self.handle(job)
                self.processed += 1
                log.info("job done", extra={"fields": {"job": repr(job), "attempt": attempt}})
                return
            except Exception:  # noqa: BLE001 - a failed job must not stop the worker
                log.warning("job failed", exc_info=True, extra={"fields": {"job": repr(job), "attempt": attempt}})
        self.failed += 1
        log.error("job dropped after retries", extra={"fields": {"job": repr(job), "attempts": self.max_attempts}})
