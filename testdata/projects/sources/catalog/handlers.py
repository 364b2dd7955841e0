"""log sources (LK107) inside logging.Handler.emit: records sent to a model."""
import logging

from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini")


class TriageHandler(logging.Handler):
    """Asks the model to triage every ERROR record."""

    # record.getMessage()
    def emit(self, record):
        llm.invoke(f"Triage this error: {record.getMessage()}")  # want: LK107


class FormattedTriageHandler(logging.Handler):
    # self.format(record)
    def emit(self, record):
        text = self.format(record)
        llm.invoke(text)  # want: LK107


class RawMessageHandler(logging.Handler):
    # record.msg and record.args in one call: one finding.
    def emit(self, record):
        llm.invoke(f"{record.msg} {record.args}")  # want: LK107


class LevelOnlyHandler(logging.Handler):
    # Silent: only the level and logger name.
    def emit(self, record):
        llm.invoke(f"Is {record.levelname} from {record.name} worth paging someone?")


class MetricsSink:
    # Silent: a class that is not a logging.Handler, with an emit method.
    def emit(self, record):
        llm.invoke(f"Describe metric {record.getMessage()}")
