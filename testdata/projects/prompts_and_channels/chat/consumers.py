"""Django Channels consumers: the websocket message and the connection's user."""
import json
import logging

from asgiref.sync import sync_to_async
from channels.generic.websocket import AsyncWebsocketConsumer, JsonWebsocketConsumer
from openai import AsyncOpenAI

log = logging.getLogger(__name__)
client = AsyncOpenAI()


class ChatConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        data = json.loads(text_data)
        # The whole websocket message, logged (it is also part of the prompt below).
        log.debug("received %s", data)  # want: LK201, LK202
        user = self.scope["user"]
        # The message as a whole and the user's e-mail, into the prompt.
        reply = await client.chat.completions.create(  # want: LK102, LK104
            model="gpt-4o-mini",
            messages=[{"role": "user", "content": f"{user.email} asks: {json.dumps(data)}"}],
        )
        await self.send(text_data=reply.choices[0].message.content)


class QuestionConsumer(JsonWebsocketConsumer):
    def receive_json(self, content, **kwargs):
        # Silent: one named field of the message, and the user's id.
        question = content.get("question", "")
        log.info("question from user %s", self.scope["user"].pk)
        client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": question}])


def open_session(user, data):
    # A number derived from the message, not the message.
    return len(data.get("text", "")) // 10


class ThrottledConsumer(AsyncWebsocketConsumer):
    async def receive(self, text_data=None, bytes_data=None):
        data = json.loads(text_data)
        # Silent: a delay computed by a helper called through sync_to_async.
        delay = await sync_to_async(open_session)(self.scope["user"], data)
        log.info("throttling for %s s", delay)
