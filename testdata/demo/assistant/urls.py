from django.urls import path

from . import views

urlpatterns = [
    path("analyze/", views.analyze_view, name="analyze"),
    path("whoami/", views.whoami_view, name="whoami"),
    path("submissions/summary/", views.summarize_submission_view, name="submission-summary"),
    path("uploads/", views.upload_view, name="upload"),
    path("reports/run/", views.run_report_view, name="run-report"),
    path("replies/draft/", views.draft_reply_view, name="draft-reply"),
    path("ops/config-review/", views.config_review_view, name="config-review"),
    path("ops/error-digest/", views.error_digest_view, name="error-digest"),
]
