"""A Channels consumer's scope."""
import logging

from channels.generic.websocket import WebsocketConsumer

log = logging.getLogger(__name__)


class AuditConsumer(WebsocketConsumer):
    def connect(self):
        log.info("session: %s", self.scope["session"])  # want: LK201
        log.info("headers: %s", self.scope["headers"])  # want: LK201
        log.info("cookies: %s", self.scope.get("cookies"))  # want: LK201
        # Silent: the path, and the scope's keys.
        log.info("path: %s", self.scope["path"])
        log.info("keys: %s", self.scope.keys())
        self.accept()
