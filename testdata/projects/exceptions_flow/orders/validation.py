"""Validators that put request data into exception messages."""
import json


class OrderRejected(Exception):
    pass


def parse_order(request):
    data = json.loads(request.body)
    if "sku" not in data:
        # The whole payload goes into the message.
        raise ValueError(f"order without sku: {data}")
    return data


def check_quota(request):
    if request.user.orders.count() > 10:
        # Only a constant message.
        raise OrderRejected("quota exceeded")
    return True
