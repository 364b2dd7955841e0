from django.db import models


class TeamQuerySet(models.QuerySet):
    def visible_to(self, user):
        # Rows filtered by the user: the rows are not the user's data.
        return self.filter(members=user)


class Team(models.Model):
    name = models.CharField(max_length=80)
    objects = TeamQuerySet.as_manager()


class Site(models.Model):
    name = models.CharField(max_length=80)


class NoteQuerySet(models.QuerySet):
    pass


class Note(models.Model):
    title = models.CharField(max_length=80)
    objects = NoteQuerySet.as_manager()
