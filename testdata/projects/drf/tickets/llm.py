from anthropic import Anthropic

claude = Anthropic()


def summarize(text):
    """Wrapper: text reaches the Anthropic SDK."""
    message = claude.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=300,
        system="Summarize support tickets in one sentence.",
        messages=[{"role": "user", "content": text}],
    )
    return message.content[0].text
