from django.db import models


class Summary(models.Model):
    ticket_id = models.IntegerField()
    text = models.TextField()
