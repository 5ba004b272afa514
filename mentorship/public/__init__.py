"""The public side of mentorship: the study-visit request (form, service, views) and the other public pages.

Kept apart from the mentors' admin side (wagtail_hooks, admin_views, forms).
"""
