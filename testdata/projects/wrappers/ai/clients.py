"""Client factories and module-level clients."""
from functools import lru_cache

import anthropic
from django.conf import settings
from langchain_openai import ChatOpenAI
from openai import OpenAI

# A module-level LangChain model.
chat_model = ChatOpenAI(model="gpt-4o-mini", api_key=settings.OPENAI_API_KEY)


def get_openai_client():
    # A factory returning an SDK client.
    return OpenAI(api_key=settings.OPENAI_API_KEY)


@lru_cache(maxsize=1)
def get_claude():
    # A cached factory: the decorator does not hide the client.
    return anthropic.Anthropic()
