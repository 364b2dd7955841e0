from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from phonenumber_field.modelfields import PhoneNumberField

from backends.providers import client


class Note(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField()
    owner_token = models.CharField(max_length=64)

    def summarize(self, extra):
        return client.responses.create(model="gpt-4o-mini", input=f"{self.title}\n{extra}")

    def word_count(self, extra):
        return len(self.body.split()) + len(extra)


class Author(models.Model):
    contact = models.EmailField()
    phone_number = models.CharField(max_length=20)
    pen_name = models.CharField(max_length=80)
    api_key = models.CharField(max_length=64)
    last_seen_from = models.GenericIPAddressField()
    mobile_line = PhoneNumberField()


class Review(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    editor = models.ForeignKey("notes.Author", on_delete=models.SET_NULL, null=True)
    parent = models.ForeignKey("self", on_delete=models.CASCADE, null=True)
    verdict = models.TextField()


class Shelf(models.Model):
    label = models.CharField(max_length=40)


class Book(models.Model):
    shelf = models.ForeignKey(Shelf, on_delete=models.CASCADE)
    reader = models.ForeignKey(Author, on_delete=models.CASCADE, related_name="borrowed")
    badge = models.OneToOneField(Shelf, on_delete=models.CASCADE, related_name="featured")
    title = models.CharField(max_length=200)


class Profile(models.Model):
    owner = models.OneToOneField(Author, on_delete=models.CASCADE)
    motto = models.CharField(max_length=200)


class ArchiveManager(models.Manager):
    def recent(self):
        return self.order_by("-id")


class Archived(models.Model):
    author = models.ForeignKey(Author, on_delete=models.CASCADE)
    objects = ArchiveManager()


class Thread(models.Model):
    owner = models.ForeignKey(get_user_model(), on_delete=models.CASCADE)
    reviewer = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE)
    topic = models.CharField(max_length=80)
