"""Who may work with mentorship data: Mentors group members and superusers (not editors or publishers)."""

MENTOR_PERMISSION = "mentorship.view_visit"


def user_can_mentor(user) -> bool:
    """Mentors group members and superusers; editors and publishers are not."""
    return bool(user.is_authenticated and user.is_active and user.has_perm(MENTOR_PERMISSION))
