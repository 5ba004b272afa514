from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentorshipConfig(AppConfig):
    name = "mentorship"
    verbose_name = _("Mentorship")

    def ready(self):
        # load_demo (practices) announces itself with a signal so practices never imports mentorship.
        from practices.demo.signals import demo_data_loaded

        from .demo import on_demo_data_loaded

        demo_data_loaded.connect(on_demo_data_loaded, dispatch_uid="mentorship-demo")

        from .demo_events import on_demo_data_loaded as on_demo_data_loaded_events

        # After the municipalities above: registrations name them as organisations.
        demo_data_loaded.connect(on_demo_data_loaded_events, dispatch_uid="mentorship-demo-events")

        # The adopters block stored in each practice's digest follows adoption changes.
        from .public import adopters_upkeep

        adopters_upkeep.connect()

        from portal.sitemaps import SITEMAP_VIEWS

        SITEMAP_VIEWS.append("impact")
