"""A record built from a spread payload holds one field per keyword:
each is sensitive when its own name says so."""
import json
import logging
from dataclasses import dataclass

log = logging.getLogger(__name__)


@dataclass
class Signup:
    nickname: str
    password: str


def signup(request):
    form = Signup(**json.loads(request.body))
    # Silent: a nickname is one field, named for nothing sensitive.
    log.info("signup from %s", form.nickname)
    log.info("signup password %s", form.password)  # want: LK201
    # A dataclass renders all its fields, the password among them.
    log.info("signup %s", form)  # want: LK201
