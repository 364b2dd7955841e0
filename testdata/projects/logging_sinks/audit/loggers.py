"""Loggers as projects write them: a child logger, an adapter, a logger
kept on a mixin and read through self or cls."""
import logging

from django.views import View

base = logging.getLogger(__name__)
payments = base.getChild("payments")
tagged = logging.LoggerAdapter(base, {"component": "checkout"})


class LoggingMixin:
    logger = logging.getLogger("audit.mixin")


class CheckoutView(LoggingMixin, View):
    def post(self, request):
        self.logger.info("checkout body %s", request.body)  # want: LK201

    @classmethod
    def replay(cls, request):
        cls.logger.info("replayed body %s", request.body)  # want: LK201


def pay(request):
    payments.info("payment body %s", request.body)  # want: LK201
    tagged.warning("checkout body %s", request.body)  # want: LK201
    # Silent: a logger's name is no data of the request.
    payments.info("logger %s", payments.name)
