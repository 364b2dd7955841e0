"""What a project's models hold in personal fields is personal data,
however the row was loaded."""
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, User

from backends.providers import client
from notes.models import Archived, Author, Review, Shelf, Thread

log = logging.getLogger(__name__)


class Member(AbstractUser):
    pass


def ask(text):
    return client.responses.create(model="gpt-4o-mini", input=text)


def author_prompt(pk):
    author = Author.objects.get(pk=pk)
    ask(f"Write to {author.contact}")  # want: LK104
    ask(f"Call {author.phone_number}")  # want: LK104
    ask(f"Seen from {author.last_seen_from}")  # want: LK104
    ask(f"Text {author.mobile_line}")  # want: LK104
    # Not yet reported: secret-named model fields are no source yet.
    ask(f"Use key {author.api_key}")
    # Silent: a pen name is what the author publishes under.
    ask(f"Write as {author.pen_name}")


def member_prompt(pk):
    member = Member.objects.get(pk=pk)
    ask(f"Greet {member.first_name}")  # want: LK104
    ask(f"Member {member.pk}")


def author_log(pk):
    author = Author.objects.get(pk=pk)
    log.info("author key %s", author.api_key)
    log.info("author %s", author.pen_name)


def review_prompt(pk):
    # A foreign key read from an object is an object of the model it names.
    review = Review.objects.get(pk=pk)
    ask(f"Thank {review.author.contact}")  # want: LK104
    ask(f"Copy {review.editor.contact}")  # want: LK104
    ask(f"Thread {review.parent.author.contact}")  # want: LK104
    # Silent: the fields of the related rows that hold nothing personal.
    ask(f"Signed {review.author.pen_name}: {review.parent.verdict}")


def reverse_prompt(pk):
    # The rows pointing back at a row: <model>_set, related_name, and a
    # one-to-one field's model name.
    shelf = Shelf.objects.get(pk=pk)
    for book in shelf.book_set.all():
        ask(f"Remind {book.reader.contact}")  # want: LK104
    author = Author.objects.get(pk=pk)
    ask(f"Recommend {author.borrowed.first().shelf.featured.reader.contact}")  # want: LK104
    ask(f"Motto of {author.profile.owner.contact}")  # want: LK104
    # Silent: titles and mottos name no one.
    ask(f"Shelve {shelf.book_set.first().title} by {author.profile.motto}")


def managed_prompt():
    # A project manager: its own queries, and the library's, give its rows.
    ask(f"Archive {Archived.objects.recent().first().author.contact}")  # want: LK104
    ask(f"Archive {Archived.objects.get(pk=1).author.contact}")  # want: LK104


def thread_prompt(pk):
    # A foreign key to the user model: the user's personal fields.
    thread, created = Thread.objects.get_or_create(pk=pk)
    ask(f"Greet {thread.owner.first_name}")  # want: LK104
    ask(f"Cc {thread.reviewer.email}")  # want: LK104
    # Silent: the topic is no one's.
    ask(f"Topic: {thread.topic}, new: {created}")


def django_user_prompt(pk):
    # Django's own user model, queried directly or through get_user_model().
    user = User.objects.get(pk=pk)
    ask(f"Write to {user.email}")  # want: LK104
    for other in get_user_model().objects.filter(is_active=True):
        ask(f"Greet {other.last_name}")  # want: LK104
    # Silent: a count and a username-free flag are no one's data.
    ask(f"{User.objects.count()} users, staff: {user.is_staff}")


class Greeter:
    # A user the class declares by annotation: its personal fields are
    # personal data; its staff flag is not.
    recipient: User

    def greet(self):
        ask(f"Say hello to {self.recipient.first_name}")  # want: LK104

    def greet_staff(self):
        ask(f"Staff member: {self.recipient.is_staff}")


def annotated_user_prompt(user: AbstractUser):
    ask(f"Write to {user.email}")  # want: LK104


def greet_everyone():
    greeter = Greeter()
    greeter.greet()
    greeter.greet_staff()
