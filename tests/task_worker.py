"""The database task worker run once through its queue, for tests of the background jobs."""

from unittest import mock

from django_tasks_db.management.commands.db_worker import Worker


def run_worker() -> None:
    """The database worker's own loop, once through the queue. It closes "old" connections between tasks,
    which inside a test's transaction would close the test's connection (on PostgreSQL): not here."""
    with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
        Worker(
            queue_names=["default"],
            interval=0,
            batch=True,
            backend_name="default",
            startup_delay=False,
            max_tasks=None,
            worker_id="test-worker",
            excluded_queue_names=[],
        ).run()
