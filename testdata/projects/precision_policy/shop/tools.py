"""A tool call the model asks for: its arguments logged whole are model
output in a log; one argument read by its name is a part of it, silent in
a log, and still model output where code runs it."""
import json
import logging
import subprocess

import anthropic
from google import genai
from langchain_openai import ChatOpenAI
from openai import OpenAI

log = logging.getLogger(__name__)
claude = anthropic.Anthropic()
gpt = OpenAI()
chat = ChatOpenAI(model="gpt-4o-mini")
gemini = genai.Client()

TOOLS = [{"name": "shell", "description": "Run a command", "input_schema": {"type": "object"}}]


def claude_tools(question):
    reply = claude.messages.create(model="claude-sonnet-4-5", max_tokens=512, tools=TOOLS,
                                   messages=[{"role": "user", "content": question}])
    for block in reply.content:
        if block.type != "tool_use":
            continue
        args = block.input
        log.warning("unsupported tool %s", block.name)
        log.warning("unsupported command %s", args.get("command"))
        log.warning("bad coordinate %s", args["coordinate"])
        log.info("tool input %s", args)  # want: LK202
        kept = args.copy()
        log.info("kept %s", kept)  # want: LK202
        subprocess.run(args["command"], shell=True)  # want: LK301
        point(args)
        run_step(args)  # want: LK301
        dump(args)  # want: LK202


def point(tool_input, key="coordinate"):
    # Silent: one argument, whichever key names it.
    raw = tool_input.get(key)
    log.warning("bad coordinate %s", raw)


def run_step(tool_input):
    subprocess.run(tool_input["command"], shell=True)


def dump(tool_input):
    log.info("tool input %s", tool_input)


def openai_tools(question):
    reply = gpt.chat.completions.create(model="gpt-4o-mini", tools=[], messages=[{"role": "user", "content": question}])
    for call in reply.choices[0].message.tool_calls:
        raw = call.function.arguments
        log.debug("arguments %s", raw.strip())  # want: LK202
        params = json.loads(raw)
        log.debug("city %s", params["city"])


def langchain_tools(question):
    message = chat.invoke(question)
    for call in message.tool_calls:
        log.info("query %s", call["args"]["query"])
    raw = message.additional_kwargs["tool_calls"][0]["function"]["arguments"]
    log.info("first call %s", raw)  # want: LK202


def gemini_tools(question):
    reply = gemini.models.generate_content(model="gemini-2.5-flash", contents=question)
    call = reply.candidates[0].content.parts[0].function_call
    log.info("area %s", call.args["area"])
