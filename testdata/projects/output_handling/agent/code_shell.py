"""LK301: model output reaching eval/exec/compile, subprocess and os.system/popen."""
import ast
import json
import os
import subprocess

import anthropic
from django.http import JsonResponse
from langchain_openai import ChatOpenAI

from .llm import ask, client

claude = anthropic.Anthropic()
chat = ChatOpenAI(model="gpt-4o-mini")

ALLOWED_SERVICES = {"nginx", "redis", "celery"}


def eval_output(request):
    # eval of the answer text read from the response object.
    completion = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": request.POST.get("expression", "")}],
    )
    value = eval(completion.choices[0].message.content)  # want: LK301
    return JsonResponse({"value": value})


def exec_wrapper_output(request):
    # exec of code returned by a wrapper.
    code = ask("Write Python that prints today's date.")
    exec(code)  # want: LK301
    return JsonResponse({"ok": True})


def compile_langchain_output(request):
    # compile() of a LangChain answer.
    source = chat.invoke(request.POST.get("task", "")).content
    compiled = compile(source, "<llm>", "exec")  # want: LK301
    return JsonResponse({"name": compiled.co_name})


def subprocess_list(request):
    # subprocess.run with the output as an argument of a list.
    branch = ask("Name a git branch for this fix.")
    subprocess.run(["git", "checkout", "-b", branch], check=True)  # want: LK301
    return JsonResponse({"ok": True})


def subprocess_shell(request):
    # subprocess.call / Popen / check_output with shell=True.
    message = claude.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=100,
        messages=[{"role": "user", "content": "Give a shell command that lists large files."}],
    )
    command = message.content[0].text
    subprocess.call(command, shell=True)  # want: LK301
    proc = subprocess.Popen(command, shell=True, stdout=subprocess.PIPE)  # want: LK301
    listing = subprocess.check_output(f"echo {command}", shell=True)  # want: LK301
    return JsonResponse({"pid": proc.pid, "bytes": len(listing)})


def os_system_popen(request):
    # os.system and os.popen with the output.
    command = ask("Give a one-line disk usage command.")
    os.system(command)  # want: LK301
    usage = os.popen("du -sh " + command).read()  # want: LK301
    return JsonResponse({"usage_bytes": len(usage)})


def literal_eval_is_safe(request):
    # Silent: ast.literal_eval only parses literals.
    numbers = ast.literal_eval(ask("Give a Python list of three primes."))
    return JsonResponse({"numbers": numbers})


def json_then_allowlist(request):
    # Silent: the output is parsed and checked against a literal allowlist before the shell.
    plan = json.loads(ask("Which service should be restarted? Reply as JSON."))
    service = plan.get("service")
    if service not in ALLOWED_SERVICES:
        return JsonResponse({"error": "refused"}, status=400)
    subprocess.run(["systemctl", "restart", service], check=True)
    return JsonResponse({"restarted": service})


def constant_code(request):
    # Silent: eval and subprocess with constants; the output only counted.
    answer = ask("Say something.")
    total = eval("1 + 2")
    subprocess.run(["uptime"], check=True)
    return JsonResponse({"total": total, "length": len(answer)})
