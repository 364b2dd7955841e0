from django.db import models


class Workstation(models.Model):
    """A machine known by the common name of its certificate."""

    common_name = models.CharField(max_length=64, unique=True)
    owner = models.CharField(max_length=64)
