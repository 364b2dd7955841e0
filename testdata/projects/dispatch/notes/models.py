from django.db import models

from backends.providers import client


class Note(models.Model):
    title = models.CharField(max_length=200)
    body = models.TextField()
    owner_token = models.CharField(max_length=64)

    def summarize(self, extra):
        return client.responses.create(model="gpt-4o-mini", input=f"{self.title}\n{extra}")

    def word_count(self, extra):
        return len(self.body.split()) + len(extra)
