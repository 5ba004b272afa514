"""The extension point of ``manage.py load_demo``: other apps add their demo steps by receiving this signal.

Receivers are called after the library (themes, target groups, practices, home page, settings, users)
is loaded, with ``sender`` = the ``load_demo`` Command class and these keyword arguments:

- ``log``: a callable taking one line of text; write what you created through it so the command prints it;
- ``users``: ``dict[str, User]`` of the demo users by username ("editor", "publisher", "mentor",
  "admin"); empty when demo logins are disabled (``settings.DEMO_LOGINS_ENABLED`` is False);
- ``practices``: ``dict[str, PracticePage]`` of the demo practices by slug.

Receivers must be idempotent (running ``load_demo`` twice changes nothing). Connect in ``AppConfig.ready()``::

    from practices.demo.signals import demo_data_loaded
    demo_data_loaded.connect(load_mentorship_demo, dispatch_uid="mentorship-demo")
"""

from django.dispatch import Signal

demo_data_loaded = Signal()
