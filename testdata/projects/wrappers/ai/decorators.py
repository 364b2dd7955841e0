import functools
import time


def with_retry(attempts=3):
    """Retry a flaky provider call; transparent to the analysis."""

    def decorator(fn):
        @functools.wraps(fn)
        def inner(*args, **kwargs):
            for attempt in range(attempts):
                try:
                    return fn(*args, **kwargs)
                except TimeoutError:
                    time.sleep(2**attempt)
            return fn(*args, **kwargs)

        return inner

    return decorator
