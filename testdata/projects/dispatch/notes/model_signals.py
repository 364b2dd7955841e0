"""Django's model signals: saving or deleting an object runs the receivers
connected for its class (or for any sender), the object as instance."""
import json
import logging

from django.db.models.signals import post_delete, post_save, pre_save
from django.dispatch import receiver

from backends.providers import client
from notes.models import Author, Note, Review, Shelf

log = logging.getLogger(__name__)


@receiver(post_save, sender=Note)
def note_saved(sender, instance, created, **kwargs):
    log.info("note saved: %s", instance.body)


@receiver(post_save, sender=Author)
def welcome_author(sender, instance, created, **kwargs):
    # The author's address is personal data whoever saved the row.
    client.responses.create(model="gpt-4o-mini", input=f"Welcome {instance.contact}")  # want: LK104


@receiver(pre_save, sender="notes.Review")
def review_checked(sender, instance, **kwargs):
    log.info("review text: %s", instance.verdict)


@receiver(post_save)
def any_saved(sender, instance, **kwargs):
    # Connected for every sender, it picks its work by the sender: not run
    # for the saves below (a note saved is no review).
    if sender is Review:
        log.info("saved: %s", instance.label)


def note_removed(sender, instance, **kwargs):
    log.info("removed note: %s", instance.title)


post_delete.connect(note_removed, sender=Note)


def save_note(request):
    note = Note(title="From the form", body=json.dumps(request.POST))
    note.save()  # want: LK201
    # Silent: a review is no note; its receiver logs a constant verdict.
    Review(verdict="accepted").save()


def remove_note(request):
    note = Note(title=json.dumps(request.POST), body="")
    note.delete()  # want: LK201


def create_note(request):
    # The manager's create() saves the object it builds: post_save runs.
    Note.objects.create(title="From the form", body=json.dumps(request.POST))  # want: LK201
    # Silent: the receiver logs the body, and only the title is the form.
    Note.objects.create(title=json.dumps(request.POST), body="No body.")


def label_shelf(request):
    # Silent: no receiver is connected for shelves, and the one for every
    # sender only handles reviews.
    Shelf(label=json.dumps(request.POST)).save()
