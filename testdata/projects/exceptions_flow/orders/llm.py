from anthropic import Anthropic

client = Anthropic()


def ask(prompt):
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=300,
        messages=[{"role": "user", "content": prompt}],
    )
    return message.content[0].text


def explain_error(err):
    """Renders the exception it is given into the prompt."""
    return ask(f"Explain this error to a customer: {err}")
