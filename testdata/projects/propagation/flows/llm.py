from openai import OpenAI

client = OpenAI()


def ask(prompt):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
    )
    return completion.choices[0].message.content


def ask_about(subject, question):
    return ask(f"{question}\nAbout: {subject}")


def ask_styled(text, style="plain"):
    return ask(f"In a {style} style: {text}")


def ask_all(*parts):
    return ask("\n".join(parts))


def token_stream(prompt):
    """A generator: the SDK call runs when the response is consumed."""
    stream = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": prompt}],
        stream=True,
    )
    for chunk in stream:
        yield chunk.choices[0].delta.content or ""
