"""The internal AI gateway: requests go on a Redis queue that a separate service sends to the model."""
import json

import redis
from django.conf import settings

_queue = redis.Redis(host="redis.internal", port=6379)


def send(text, priority="normal"):
    job = {"text": text, "priority": priority}
    _queue.rpush(settings.AI_GATEWAY_QUEUE, json.dumps(job))
    return job
