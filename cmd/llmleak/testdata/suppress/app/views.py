"""Every form of suppression comment, for the CLI's golden tests."""
import logging

from openai import OpenAI

client = OpenAI()
log = logging.getLogger(__name__)


def whoami(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": cn}])


def multi_line(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return client.chat.completions.create(
        model="m",
        messages=[{"role": "user", "content": cn}],  # llmleak: ignore[LK101] partner CN is public
    )


def line_above(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    # llmleak: ignore[LK1] reviewed in SEC-42
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": cn}])


def noqa(request):
    cn = request.META["SSL_CLIENT_S_DN_CN"]
    return client.chat.completions.create(model="m", messages=[{"role": "user", "content": cn}])  # noqa: LK101, E501


def bare(request):
    log.info("%s", request.data)  # llmleak: ignore


def stale(request):
    total = 1  # llmleak: ignore[LK102] the flow was removed
    return total


def other_tools(request):
    width = 2  # noqa: E501
    return width
