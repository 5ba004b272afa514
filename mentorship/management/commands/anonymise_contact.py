"""Erase one contact person's personal data (KVKK erasure request); visits and statistics are kept."""

from django.core.management.base import BaseCommand, CommandError

from mentorship.models import ContactPerson
from mentorship.privacy import contact_erase


class Command(BaseCommand):
    help = "Anonymise a contact person: clears name, role, e-mail and phone; keeps visits and statistics."

    def add_arguments(self, parser):
        parser.add_argument("contact_id", type=int, help="ID of the contact person (see the admin).")

    def handle(self, *args, contact_id: int, **options):
        contact = ContactPerson.objects.filter(pk=contact_id).first()
        if contact is None:
            raise CommandError(f"No contact person with id {contact_id}.")
        if contact_erase(contact=contact, user=None):  # written to the audit log, like the admin's
            self.stdout.write(self.style.SUCCESS(f"Contact person #{contact_id} anonymised."))
        else:
            self.stdout.write(
                f"Contact person #{contact_id} was already anonymised on {contact.anonymised_at:%Y-%m-%d}."
            )
