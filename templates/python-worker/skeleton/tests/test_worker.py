import io
import json
import logging
import queue
import threading
import unittest
import urllib.error
import urllib.request

from worker import config, logs
from worker.consumer import Consumer
from worker.health import Health


class ConfigTest(unittest.TestCase):
    def test_defaults(self):
        cfg = config.load({})
        self.assertEqual(cfg.service_name, "${{ values.name }}")
        self.assertEqual(cfg.health_port, 8080)
        self.assertEqual(cfg.max_attempts, 3)

    def test_bad_values_name_the_variable(self):
        with self.assertRaisesRegex(config.ConfigError, "HEALTH_PORT must be a whole number"):
            config.load({"HEALTH_PORT": "eighty"})
        with self.assertRaisesRegex(config.ConfigError, "MAX_ATTEMPTS must be at least 1"):
            config.load({"MAX_ATTEMPTS": "0"})
        with self.assertRaisesRegex(config.ConfigError, "LOG_LEVEL"):
            config.load({"LOG_LEVEL": "loud"})


class LogsTest(unittest.TestCase):
    def test_one_json_object_per_line_with_fields(self):
        out = io.StringIO()
        logs.setup("svc", "INFO", out)
        logging.getLogger("worker").info("hello", extra={"fields": {"job": "j1"}})
        entry = json.loads(out.getvalue().strip())
        self.assertEqual(entry["msg"], "hello")
        self.assertEqual(entry["service"], "svc")
        self.assertEqual(entry["level"], "info")
        self.assertEqual(entry["job"], "j1")


class ConsumerTest(unittest.TestCase):
    def setUp(self):
        logs.setup("test", "ERROR", io.StringIO())

    def run_until_empty(self, consumer, source):
        thread = threading.Thread(target=consumer.run)
        thread.start()
        source.join()  # every job taken and marked done
        consumer.stop()
        thread.join(timeout=5)
        self.assertFalse(thread.is_alive(), "the consumer did not stop")

    def test_processes_jobs_and_retries_failures(self):
        source = queue.Queue()
        attempts = {}
        done = []

        def handle(job):
            attempts[job] = attempts.get(job, 0) + 1
            if job == "flaky" and attempts[job] < 2:
                raise RuntimeError("transient")
            if job == "broken":
                raise RuntimeError("always")
            done.append(job)

        class Tracking:
            def get(self, timeout):
                job = source.get(timeout=timeout)
                source.task_done()
                return job

        for job in ["a", "flaky", "broken", "b"]:
            source.put(job)
        consumer = Consumer(Tracking(), handle, max_attempts=3, poll_interval=0.05)
        self.run_until_empty(consumer, source)
        self.assertEqual(done, ["a", "flaky", "b"])
        self.assertEqual(attempts["broken"], 3)
        self.assertEqual((consumer.processed, consumer.failed), (3, 1))

    def test_stops_when_idle(self):
        consumer = Consumer(queue.Queue(), lambda job: None, poll_interval=0.05)
        thread = threading.Thread(target=consumer.run)
        thread.start()
        consumer.stop()
        thread.join(timeout=5)
        self.assertFalse(thread.is_alive())


class HealthTest(unittest.TestCase):
    def test_liveness_and_readiness(self):
        health = Health()
        server = health.serve(0)
        base = f"http://127.0.0.1:{server.server_address[1]}"
        try:
            with urllib.request.urlopen(f"{base}/healthz") as res:
                self.assertEqual(res.status, 200)
            with self.assertRaises(urllib.error.HTTPError) as err:
                urllib.request.urlopen(f"{base}/readyz")
            self.assertEqual(err.exception.code, 503)
            health.ready.set()
            with urllib.request.urlopen(f"{base}/readyz") as res:
                self.assertEqual(json.loads(res.read()), {"ready": True})
        finally:
            server.shutdown()


if __name__ == "__main__":
    unittest.main()
