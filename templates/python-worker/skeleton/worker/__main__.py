"""Entry point: `python -m worker`."""

import logging
import queue
import signal
import sys

from . import config, logs
from .consumer import Consumer
from .health import Health


def handle(job):
    """Replace with the worker's real work."""
    logging.getLogger("worker").info("handling job", extra={"fields": {"job": repr(job)}})


def main():
    try:
        cfg = config.load()
    except config.ConfigError as e:
        print(f"configuration error: {e}", file=sys.stderr)
        return 2
    logs.setup(cfg.service_name, cfg.log_level)
    health = Health()
    server = health.serve(cfg.health_port)
    # Replace with the broker client (it needs only a get(timeout) method).
    source = queue.Queue()
    consumer = Consumer(source, handle, cfg.max_attempts, cfg.poll_interval_seconds)

    def shutdown(signum, _frame):
        logging.getLogger("worker").info("shutting down", extra={"fields": {"signal": signum}})
        health.ready.clear()
        consumer.stop()

    signal.signal(signal.SIGTERM, shutdown)
    signal.signal(signal.SIGINT, shutdown)
    health.ready.set()
    consumer.run()  # returns after the job in hand is finished
    server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
