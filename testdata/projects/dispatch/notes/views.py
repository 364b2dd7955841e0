"""A model's manager returns objects of the model: their methods run."""
import logging

from notes.models import Note

log = logging.getLogger(__name__)


def one(request, pk):
    return Note.objects.get(pk=pk).summarize(request.POST)  # want: LK102


def each(request):
    for note in Note.objects.filter(title__startswith="a"):
        note.summarize(request.POST)  # want: LK102


def first_of(request):
    return Note.objects.all()[0].summarize(request.POST)  # want: LK102


def counted(request, pk):
    # Silent: this method calls no model.
    return Note.objects.get(pk=pk).word_count(request.POST)


def by_token(request):
    token = request.headers.get("Authorization", "")
    # Silent: a row looked up by a credential is not the credential, and
    # its fields are the row's values, not the field declarations.
    log.info("note %s", Note.objects.filter(owner_token=token).first().title)


def digest(notes, extra):
    for note in notes:
        note.summarize(extra)


def weekly(request):
    # A query passed on and iterated there: its objects still.
    digest(Note.objects.all(), request.POST)  # want: LK102
