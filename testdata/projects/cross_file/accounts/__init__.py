from .profile import current_user_label, current_user_ref

__all__ = ["current_user_label", "current_user_ref"]
