from openai import OpenAI

client = OpenAI()


def summarize(text):
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Summarize in two sentences."},
            {"role": "user", "content": text},
        ],
    )
    return completion.choices[0].message.content
