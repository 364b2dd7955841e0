"""Model clients that reach the code only through annotations: a
parameter, a class attribute, an annotated assignment, a return type, a
string annotation of a name imported for type checking only."""
from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Optional, Union

from langchain_core.language_models import BaseChatModel
from langchain_core.runnables import Runnable, RunnableBranch
from openai import OpenAI

from assistant.factory import build_client

if TYPE_CHECKING:
    from anthropic import Anthropic


def complete(client: OpenAI, text):
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


def complete_optional(client: Optional[OpenAI], text):
    return client.chat.completions.create(model="gpt-4o-mini", messages=[{"role": "user", "content": text}])


def complete_union(client: Union[None, "Anthropic"], text):
    return client.messages.create(model="claude-haiku-4-5", max_tokens=64, messages=[{"role": "user", "content": text}])


def complete_pipe(llm: BaseChatModel | None, text):
    return llm.invoke(text)


def complete_annotated(llm: Annotated[BaseChatModel, "injected"], text):
    return llm.invoke(text)


def complete_string(client: "Optional[Anthropic]", text):
    return client.messages.create(model="claude-haiku-4-5", max_tokens=64, messages=[{"role": "user", "content": text}])


def run_chain(chain: Runnable, text):
    return chain.invoke({"question": text})


def count_words(counter: dict, text):
    # Silent: a mapping is no model, whatever its methods are called.
    return counter.get(text)


class Summarizer:
    llm: BaseChatModel

    def __init__(self, llm):
        self.llm = llm

    def summarize(self, text):
        return self.llm.invoke(f"Summarize: {text}")


class Drafter:
    def __init__(self):
        self.client: OpenAI = build_client()

    def draft(self, text):
        return self.client.responses.create(model="gpt-4o-mini", input=text)


def default_client() -> OpenAI:
    return build_client()


def shared_counter() -> dict:
    return build_client()


def branching_chain(llm) -> Runnable[dict, str]:
    # A branch the library builds: its declared type says it is a chain.
    return RunnableBranch((lambda x: not x.get("history"), lambda x: x["input"]), llm)


def split_text(text) -> list[str]:
    # A generic builtin type says nothing more.
    return text.split()
