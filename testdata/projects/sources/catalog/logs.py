"""log sources (LK107): log file contents in a prompt."""
from pathlib import Path

from django.conf import settings
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


def read_whole_log():
    # open("....log").read()
    text = open("/var/log/django/app.log").read()
    llm.invoke(f"Summarize:\n{text}")  # want: LK107


def readlines_of_log():
    # .readlines() of a log opened in a with block.
    with open("logs/errors.log") as fh:
        lines = fh.readlines()
    llm.invoke("Group these errors:\n" + "".join(lines[-100:]))  # want: LK107


def iterate_log():
    # Iterating the file object.
    failures = []
    with open("/var/log/nginx/access.log", encoding="utf-8") as fh:
        for line in fh:
            if " 500 " in line:
                failures.append(line)
    llm.invoke("Why do these requests fail?\n" + "".join(failures))  # want: LK107


def settings_log_path():
    # A settings name containing LOG.
    with open(settings.AUDIT_LOG_PATH) as audit:
        recent = audit.read()[-4000:]
    llm.invoke(f"Anything suspicious in the audit trail?\n{recent}")  # want: LK107


def pathlib_log():
    # pathlib.Path("...log").read_text()
    llm.invoke(Path("celery.log").read_text())  # want: LK107


def prompt_template_file():
    # Silent: a prompt template is not a log.
    template = open("prompts/triage.txt").read()
    llm.invoke(template)


def prompt_template_path():
    # Silent: a Path built from a non-log setting.
    llm.invoke((Path(settings.PROMPT_DIR) / "system.md").read_text())
