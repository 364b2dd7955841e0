import anthropic
import openai

from .registry import Registry


class Engine:
    key = ""

    def complete(self, text):
        raise NotImplementedError


class GptEngine(Engine):
    key = "gpt"

    def complete(self, text):
        return openai.OpenAI().responses.create(model="gpt-4o-mini", input=text).output_text


class ClaudeEngine(Engine):
    key = "claude"

    def complete(self, text):
        reply = anthropic.Anthropic().messages.create(
            model="claude-3-5-haiku-latest", max_tokens=200, messages=[{"role": "user", "content": text}]
        )
        return reply.content[0].text


class Formatter:
    key = "upper"

    def complete(self, text):
        # Same method name, no model: it only formats.
        return text.upper()


class EngineRegistry(Registry):
    pass


class FormatterRegistry(Registry):
    pass


engines = EngineRegistry()
formatters = FormatterRegistry()
